"""Issue class 16 (start-up): the window is painted before the heavy imports of its first page
(pandas for the overview, pyqtgraph for charts) and without Alembic when no migration is due.
Figures are in bench/bench_foundation.py; this checks only what is loaded when."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
from app.views.core import application
seen = {}
real = application.Controller.show_window
def show_window(self):
    real(self)
    def painted():
        seen.setdefault("painted", sorted(m for m in ("pandas", "alembic", "pyqtgraph") if m in sys.modules))
    def page():
        seen.setdefault("page", "overview" in self.window.pages)
        print("PROBE", seen, file=sys.stderr)
    self.window.first_painted.connect(painted)
    self.window.first_page_ready.connect(page)
application.Controller.show_window = show_window
sys.argv = ["main.py", "--db", sys.argv[1], "--lang", "zh_CN"]
import runpy
runpy.run_path("main.py", run_name="__main__")
"""


def test_window_is_painted_before_pandas_and_without_alembic(demo_db_file, tmp_path):
    import shutil

    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, db)
    from app.models.core.database import open_database

    open_database(db).dispose()  # migrated: opening it again needs no Alembic
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUALITYBRIDGE_QUIT_AFTER_SHOW": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE, str(db)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(line for line in out.stderr.splitlines() if line.startswith("PROBE"))
    assert "'painted': []" in line, line  # nothing heavy before the first paint
    assert "'page': True" in line, line  # and the overview page is built right after it

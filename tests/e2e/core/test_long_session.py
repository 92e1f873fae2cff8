"""A long GUI session exits cleanly (issue 10, point 15): PySide6 6.12's ``emit()`` and
``disconnect()`` return True/False without a reference, so a session that builds the charts a
few times used to abort at exit with ``Fatal Python error: bool_dealloc``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_long_gui_session_exits_cleanly(demo_db_file, tmp_path):
    db = tmp_path / "session.sqlite3"
    shutil.copy(demo_db_file, db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, "-m", "tests.e2e.core.long_session", str(db), str(tmp_path / "s.ini"), "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "Fatal" not in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_signals_keep_the_reference_count_of_true(qapp):
    from PySide6.QtCore import QObject, Signal

    from app.views.core.binding_fixes import install

    install()

    class Sender(QObject):
        changed = Signal(object)

    sender = Sender()

    def slot(_value):
        pass

    before = sys.getrefcount(True), sys.getrefcount(False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(200):
            sender.changed.connect(slot)
            sender.changed.emit(1)
            sender.changed.disconnect(slot)
            try:
                sender.changed.disconnect(slot)  # not connected: False (and a warning) on PySide6 6.12
            except (RuntimeError, TypeError):
                pass
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < 20 and abs(after[1] - before[1]) < 20, (before, after)

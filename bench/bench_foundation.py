"""Start-up time to the main window (offscreen) and demo generation at scale.

Start-up is measured three ways, median of 5 runs each on the demo database:

* *shown*: process start → the main window's first paint (reported by the app itself);
* *page*: process start → the first page (the overview) built, right after the first paint.

The process's own exit (≈1 s of interpreter and Qt teardown here) is not start-up and is left out.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TARGET_S = 1.0
#: Measured on the development machine (2 cores, quiet) at 562c810 — before Alembic, pandas and
#: the first page were deferred — as process start → ``window.show()`` returned (a probe around
#: Controller.show_window run through runpy; the window appeared only once the overview page was
#: built): median of 7, 1.30 s (1.73 s while other sessions loaded the machine; the user's report:
#: 1.9–2.1 s). The same probe after the change: 0.72 s; the app's own first-paint report: ≈0.40 s.
BEFORE_SHOWN_S = 1.30


def _startup(db: Path, quit_at: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUALITYBRIDGE_QUIT_AFTER_SHOW": quit_at,
           "QUALITYBRIDGE_STARTUP_REPORT": "1", "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="qb-bench-")}
    started = time.time()
    out = subprocess.run([sys.executable, "main.py", "--db", str(db), "--lang", "zh_CN"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True)
    total = time.time() - started
    line = next(line for line in out.stderr.splitlines() if line.startswith("startup "))
    marks = dict(part.split("=") for part in line.split()[1:])
    return {"shown": float(marks["shown"]) - started, "page": float(marks["page"]) - started, "total": total}


def run() -> list[str]:
    from app.models.core.demo import generate_demo

    lines = [f"  cores: {os.cpu_count()}"]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "demo.sqlite3"
        generate_demo(small)
        _startup(small, "1")  # warm the file cache and compiled translations
        runs = [_startup(small, "1") for _ in range(7)]
        shown = statistics.median(r["shown"] for r in runs)
        page = statistics.median(r["page"] for r in runs)
        lines.append(f"  start-up to main window shown (process start → first paint), median of 7: {shown:.3f} s "
                     f"(target ≤ {STARTUP_TARGET_S} s, ratio {shown / STARTUP_TARGET_S:.2f}; before: {BEFORE_SHOWN_S} s to "
                     "window.show(), see BEFORE_SHOWN_S)")
        lines.append(f"  start-up to the first page built (the overview, right after the paint), median of 7: "
                     f"{page:.3f} s")
        big = Path(tmp) / "big.sqlite3"
        started = time.perf_counter()
        ctx = generate_demo(big, suppliers=2000, customers=2000, months=120)
        elapsed = time.perf_counter() - started
        total_rows = sum(ctx.counts.values())
        lines.append(f"  demo --suppliers 2000 --months 120: {elapsed:.2f} s, {total_rows:,} rows "
                     f"({total_rows / elapsed:,.0f} rows/s), file {big.stat().st_size / 1e6:.1f} MB")
        for table, n in sorted(ctx.counts.items()):
            lines.append(f"    {table:<28} {n:>12,}")
    return lines

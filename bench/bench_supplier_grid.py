"""Supplier master grid with 2,000 suppliers: one query into a frame, model reset, first paint.

Target: load + show ≤ 300 ms. Figures are medians of several runs after one warm-up (the first
run also pays for imports and font loading, reported separately).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

SUPPLIERS = 2000
TARGET_MS = 300.0


def run() -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.models.suppliers import master as sup
    from app.models.core.database import open_database
    from app.models.core.demo import generate_demo
    from app.views.core.context import AppContext
    from app.views.suppliers.grid import COL_CLASS, SupplierGrid
    from app.views.core.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="qb-bench-grid-") as tmp:
        path = Path(tmp) / "grid.sqlite3"
        t0 = time.perf_counter()
        generate_demo(path, suppliers=SUPPLIERS, customers=20, months=3, seed=11)
        lines.append(f"  demo with {SUPPLIERS:,} suppliers built in {time.perf_counter() - t0:.1f} s")
        db = open_database(path)
        from app.models.admin.identity import Actor

        db.actor = Actor.system_job("bench")  # every permission
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(database=db, tasks=TaskRunner(), language="zh_CN", settings=settings)
        try:
            query, show, total, sort, filt = [], [], [], [], []
            for i in range(6):
                t0 = time.perf_counter()
                frame = sup.supplier_grid(db)
                t1 = time.perf_counter()
                grid = SupplierGrid(ctx)  # its refresh() runs the same query again: counted in total
                grid.resize(1300, 800)
                grid.show()
                app.processEvents()
                grid.table.viewport().repaint()
                t2 = time.perf_counter()
                grid.proxy.sort(COL_CLASS)
                app.processEvents()
                t3 = time.perf_counter()
                grid.proxy.set_quick_filter("科技")
                app.processEvents()
                t4 = time.perf_counter()
                rows = grid.model.rowCount()
                grid.close()
                grid.deleteLater()
                app.processEvents()
                if i == 0:
                    lines.append(f"  first load+show (cold, imports and fonts): {(t2 - t1) * 1000:.0f} ms")
                    continue
                query.append((t1 - t0) * 1000)
                total.append((t2 - t1) * 1000)
                sort.append((t3 - t2) * 1000)
                filt.append((t4 - t3) * 1000)
            assert rows == len(frame) == SUPPLIERS, (rows, len(frame))
            med = statistics.median
            lines.append(f"  supplier_grid query → frame: {med(query):.0f} ms")
            lines.append(f"  grid load + show (query, model, proxy, first paint): {med(total):.0f} ms "
                         f"(target ≤ {TARGET_MS:.0f} ms, ratio {med(total) / TARGET_MS:.2f})")
            lines.append(f"  sort by importance class (native values): {med(sort):.0f} ms")
            lines.append(f"  quick filter over all columns: {med(filt):.0f} ms")
        finally:
            ctx.tasks.wait(5000)
            db.dispose()
    return lines


if __name__ == "__main__":
    print("\n".join(run()))

"""Incoming-inspection targets on the 2,000-supplier, 120-month demo: the plan of a lot from the
database ≤ 1 ms; recording a rejected lot with its decision, switching update and SCAR ≤ 100 ms
end to end; replaying the switching state of every supplier × part from its lots ≤ 2 s; the lot
list's first paint ≤ 300 ms with 1 M lots. Printed as measured in one run."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

PLAN_TARGET_S, RECORD_TARGET_S, RECOMPUTE_TARGET_S, PAINT_TARGET_S = 1e-3, 0.100, 2.0, 0.300
SUPPLIERS, MONTHS, LIST_LOTS = 2000, 120, 1_000_000


def _pad_lots(path: Path, target: int) -> int:
    """Copy existing lots (new numbers) until the table holds ``target`` rows; returns the count."""
    with sqlite3.connect(path) as conn:
        n = conn.execute("SELECT count(*) FROM inspection_lots").fetchone()[0]
        k = 0
        while n < target:
            k += 1
            take = min(n, target - n)
            conn.execute(
                "INSERT INTO inspection_lots (lot_number, supplier_id, part_id, delivery_id, inspected_on, lot_size,"
                " sample_size, critical_defects, major_defects, minor_defects, defective_units, decision, disposition,"
                " severity, inspection_level, aql, inspector, notes) SELECT lot_number || '-c' || ?, supplier_id, part_id,"
                " NULL, inspected_on, lot_size, sample_size, critical_defects, major_defects, minor_defects,"
                " defective_units, decision, disposition, severity, inspection_level, aql, inspector, notes"
                " FROM inspection_lots ORDER BY id LIMIT ?", (k, take))
            n += take
        conn.commit()
    return n


def run() -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database
    from app.models.core.demo import generate_demo
    from app.models.inspection import service

    lines = []
    work = Path(tempfile.mkdtemp(prefix="qb-bench-inspection-"))
    try:
        path = work / "demo.sqlite3"
        started = time.perf_counter()
        ctx = generate_demo(path, suppliers=SUPPLIERS, customers=50, months=MONTHS, seed=2026, evaluate=False)
        lines.append(f"  demo {SUPPLIERS} suppliers × {MONTHS} months: {ctx.counts.get('inspection_lots', 0):,} lots, "
                     f"{ctx.counts.get('inspection_settings', 0):,} settings, built in {time.perf_counter() - started:.1f} s")
        db = open_database(path)
        db.actor = Actor.system_job("bench")
        pairs = service.list_settings(db, limit=500)
        open_pairs = [p for p in pairs if p.severity != "discontinued"]
        # plan lookup through the service (one read transaction + the engine)
        times = []
        for i in range(200):
            p = open_pairs[i % len(open_pairs)]
            t0 = time.perf_counter()
            service.plan_for(db, p.supplier_id, p.part_id, 500 + 37 * i)
            times.append(time.perf_counter() - t0)
        t = statistics.median(times)
        lines.append(f"  plan_for() from the database, median of 200: {t * 1000:.2f} ms "
                     f"(target ≤ {PLAN_TARGET_S * 1000:.0f} ms, ratio {t / PLAN_TARGET_S:.2f}); "
                     "the engine alone: see bench_sampling")
        # record rejected lots: decision, switching, SCAR in one transaction
        times = []
        for i in range(30):
            p = open_pairs[(i * 7) % len(open_pairs)]
            plan = service.plan_for(db, p.supplier_id, p.part_id, 800)
            if plan.discontinued or not plan.classes:
                continue
            defects = {plan.classes[0].defect_class: plan.classes[0].plan.re}
            t0 = time.perf_counter()
            service.record_lot(db, service.LotInput(p.supplier_id, p.part_id, f"BENCH-{i}", 800, defects=defects,
                                                    inspected_on=date.today()))
            times.append(time.perf_counter() - t0)
        t = statistics.median(times)
        lines.append(f"  record_lot() of a rejected lot (decision + switching + SCAR), median of {len(times)}: "
                     f"{t * 1000:.1f} ms (target ≤ {RECORD_TARGET_S * 1000:.0f} ms, ratio {t / RECORD_TARGET_S:.2f})")
        t0 = time.perf_counter()
        counts = service.recompute_switching(db)
        t = time.perf_counter() - t0
        lines.append(f"  recompute_switching(): {counts['pairs']:,} pairs from {counts['lots']:,} lots in {t:.2f} s "
                     f"(target ≤ {RECOMPUTE_TARGET_S:.0f} s, ratio {t / RECOMPUTE_TARGET_S:.2f}); "
                     f"{counts['changed']} states differed")
        db.dispose()
        n = _pad_lots(path, LIST_LOTS)
        db = open_database(path)
        db.actor = Actor.system_job("bench")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from app.views.core.context import AppContext
        from app.views.core.tasks import TaskRunner
        from app.views.inspection.page import LotListPanel

        app = QApplication.instance() or QApplication([])
        view_ctx = AppContext(database=db, tasks=TaskRunner(app), language="en",
                              settings=QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
        panel = LotListPanel(view_ctx, None)
        panel.resize(1280, 800)
        t0 = time.perf_counter()
        panel.kinds.setCurrentIndex(3)  # all lots, newest first
        panel.reload()
        panel.show()
        app.processEvents()
        panel.grab()
        t = time.perf_counter() - t0
        lines.append(f"  lot list first paint with {n:,} lots (all lots, newest first, first page of "
                     f"{panel.model.PAGE}): {t * 1000:.0f} ms (target ≤ {PAINT_TARGET_S * 1000:.0f} ms, "
                     f"ratio {t / PAINT_TARGET_S:.2f})")
        t0 = time.perf_counter()
        panel.kinds.setCurrentIndex(1)
        app.processEvents()
        panel.grab()
        lines.append(f"  switching to 'awaiting disposition' (count + page): {(time.perf_counter() - t0) * 1000:.0f} ms")
        panel.close()
        panel.deleteLater()
        db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return lines


if __name__ == "__main__":
    print("\n".join(run()))

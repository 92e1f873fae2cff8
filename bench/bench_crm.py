"""CRM benchmarks (issue 16). Reports: each report ≤ 2 s on the complaint bench data (20,000
customers, 200,000 complaints): the customer report, the service report, a grouped custom report
and an ungrouped one with a filter."""

from __future__ import annotations

import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPORT_TARGET_S = 2.0


def bench_reports() -> list[str]:
    from bench.bench_complaints import N_COMPLAINTS, N_CUSTOMERS, _best, _build
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database
    from app.models.crm import reports

    now = datetime(2026, 12, 2, 10, 0)
    out = []
    with tempfile.TemporaryDirectory(prefix="qb-bench-crmreports-") as tmp:
        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        _build(path, now)
        out.append(f"  built {N_COMPLAINTS:,} complaints for {N_CUSTOMERS:,} customers in "
                   f"{time.perf_counter() - t0:.1f} s")
        db = open_database(path)
        db.actor = Actor.system_job("bench")
        try:
            start, end = date(2026, 1, 1), date(2026, 11, 30)
            cases = [
                ("customer report", lambda: reports.customer_report(db, start, end)),
                ("service report", lambda: reports.service_report(db, start, end, now=now)),
                ("custom: complaint cost by customer (grouped sum)", lambda: reports.run_custom(db, reports.CustomSpec(
                    "complaints", (), (("received_at", ">=", "2026-01-01"),), "customer", "sum", "cost"))),
                ("custom: open quality complaints (rows)", lambda: reports.run_custom(db, reports.CustomSpec(
                    "complaints", ("number", "customer", "severity", "received_at"),
                    (("complaint_type", "=", "quality"), ("state", "!=", "closed"))))),
            ]
            for label, fn in cases:
                secs, _result = _best(fn, 3)
                out.append(f"  {label}: {secs * 1000:.0f} ms — target ≤ {REPORT_TARGET_S:.0f} s, "
                           f"ratio {secs / REPORT_TARGET_S:.2f}")
        finally:
            db.dispose()
    return out


def run() -> list[str]:
    return bench_reports()


if __name__ == "__main__":
    print("\n".join(run()))

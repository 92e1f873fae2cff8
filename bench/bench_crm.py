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
        n_opps, n_campaigns = _add_sales(path, N_CUSTOMERS)
        out.append(f"  added {n_opps:,} opportunities and {n_campaigns:,} campaigns")
        db = open_database(path)
        db.actor = Actor.system_job("bench")
        try:
            start, end = date(2026, 1, 1), date(2026, 11, 30)
            cases = [
                ("customer report", lambda: reports.customer_report(db, start, end)),
                ("service report", lambda: reports.service_report(db, start, end, now=now)),
                ("sales report (pipeline, won/lost, forecast)", lambda: reports.run_family(
                    db, "sales", start=start, end=end)),
                ("campaign report", lambda: reports.run_family(db, "campaign", start=start, end=end)),
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


N_OPPORTUNITIES = 100_000
N_CAMPAIGNS = 300


def _add_sales(path: Path, n_customers: int) -> tuple[int, int]:
    """Opportunities in every stage over 2025–2026 and campaigns with responses (raw sqlite3)."""
    import sqlite3

    import numpy as np

    rng = np.random.default_rng(16)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "crm_opportunities" not in tables:
        conn.close()
        return 0, 0
    stages = np.array(["qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"])
    prob = {"qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75, "won": 100, "lost": 0}
    conn.executemany("INSERT INTO crm_campaigns (id, code, name, campaign_type, starts_on, ends_on, budget, actual_cost,"
                     " description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '2025-01-01 00:00:00')",
                     [(i + 1, f"M-{i + 1:04d}", f"Campaign {i + 1}", ["trade_fair", "mailing", "webinar"][i % 3],
                       f"{2025 + i % 2}-{1 + i % 12:02d}-01", f"{2025 + i % 2}-{1 + i % 12:02d}-20", 5000.0,
                       float(rng.integers(1000, 9000))) for i in range(N_CAMPAIGNS)])
    st = stages[rng.integers(0, 6, N_OPPORTUNITIES)]
    day = rng.integers(0, 700, N_OPPORTUNITIES)
    base = np.datetime64("2025-01-01")
    rows = []
    for i in range(N_OPPORTUNITIES):
        d = str(base + day[i])
        closed = d if st[i] in ("won", "lost") else None
        rev = float(rng.integers(1, 500)) * 100
        rows.append((int(rng.integers(1, n_customers + 1)), f"Opportunity {i}", str(st[i]),
                     "price" if st[i] == "lost" else "", rev, rev if st[i] == "won" else None, prob[str(st[i])],
                     d, closed, int(rng.integers(1, N_CAMPAIGNS + 1)) if i % 5 == 0 else None))
    conn.executemany("INSERT INTO crm_opportunities (customer_id, prospect_name, title, need, competitors, stage, reason,"
                     " expected_revenue, won_amount, probability, expected_close, closed_on, next_step, campaign_id,"
                     " created_at, created_by) VALUES (?, '', ?, '', '', ?, ?, ?, ?, ?, ?, ?, '', ?,"
                     " '2025-01-01 00:00:00', 'bench')", rows)
    conn.commit()
    conn.close()
    return N_OPPORTUNITIES, N_CAMPAIGNS


def run() -> list[str]:
    return bench_reports()


if __name__ == "__main__":
    print("\n".join(run()))

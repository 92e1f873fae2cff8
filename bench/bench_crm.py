"""CRM targets (issue 16). Sections are appended by the CRM engineers.

Home page (crm sales): the whole overview's figures — the supplier side (``load_overview``) and
the customer side (overdue complaints, reminders due today, opportunities by stage) — ≤ 200 ms
with 20,000 customers, 200,000 complaints (the complaints bench's data, 5 % open), 40,000
opportunities and 100,000 activities (a tenth of them open).
Rows written with raw sqlite3 into a migrated temporary database; best of 5 runs.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

HOME_TARGET_S = 0.200
N_CUSTOMERS, N_OPPS, N_ACTS = 20_000, 40_000, 100_000


def _build_sales(path: Path, today: date) -> None:
    """The complaints bench's database (20,000 customers, 200,000 complaints, 5 % open), plus the sales rows."""
    from bench.bench_complaints import _build as build_complaints

    build_complaints(path, datetime.combine(today, datetime.min.time()).replace(hour=10))
    rng = np.random.default_rng(16)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    if not conn.execute("SELECT COUNT(*) FROM customers").fetchone()[0]:
        conn.executemany("INSERT INTO customers (id, code, name_zh, name_en, industry, region, customer_type, lifecycle,"
                         " contact_name, contact_phone, contact_email, key_account, value_class_reason)"
                         " VALUES (?, ?, ?, ?, '', '', 'external', 'current', '', '', '', 0, '')",
                         [(i, f"C{i:05d}", f"顾客{i}", f"Customer {i}") for i in range(1, N_CUSTOMERS + 1)])
    stages = np.array(["qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"])
    st = rng.choice(6, N_OPPS, p=[.08, .06, .05, .04, .3, .47])
    cust = rng.integers(1, N_CUSTOMERS + 1, N_OPPS)
    rem = rng.integers(-30, 60, N_OPPS)
    conn.executemany(
        "INSERT INTO crm_opportunities (customer_id, prospect_name, title, need, competitors, stage, reason,"
        " expected_revenue, probability, next_step, reminder_on, created_at, created_by)"
        " VALUES (?, '', ?, '', '', ?, '', 1000.0, 10, '', ?, '2026-01-01 00:00:00', '')",
        [(int(cust[i]), f"Opportunity {i}", str(stages[st[i]]),
          (today + timedelta(days=int(rem[i]))).isoformat() if st[i] < 4 else None) for i in range(N_OPPS)])
    done = rng.random(N_ACTS) > 0.1
    due = rng.integers(-400, 60, N_ACTS)
    acust = rng.integers(1, N_CUSTOMERS + 1, N_ACTS)
    conn.executemany(
        "INSERT INTO crm_activities (kind, subject, note, customer_id, due_on, reminder_on, done, created_at,"
        " created_by) VALUES ('call', ?, '', ?, ?, ?, ?, '2026-01-01 00:00:00', '')",
        [(f"Call {i}", int(acust[i]), (today + timedelta(days=int(due[i]))).isoformat(),
          (today + timedelta(days=int(due[i]))).isoformat() if i % 2 else None, int(done[i])) for i in range(N_ACTS)])
    conn.commit()
    conn.close()


def _best(fn, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run_home() -> list[str]:
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database
    from app.models.core.overview import load_overview
    from app.models.crm import activities, opportunities
    from app.views.crm.sales_home import complaints_due

    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crm.sqlite3"
        _build_sales(path, today)
        db = open_database(path)
        db.actor = Actor.system_job("bench")
        due = len(activities.reminders(db, today))
        late = complaints_due(db)

        def home():
            load_overview(db, today)
            opportunities.stage_counts(db)
            activities.reminders_count(db, today)
            complaints_due(db)

        t = _best(home)
        db.dispose()
    return [f"home page figures ({N_CUSTOMERS:,} customers, 200,000 complaints, {N_OPPS:,} opportunities, {N_ACTS:,} activities, "
            f"{due:,} reminders due, {late:,} complaints overdue): {t * 1000:.0f} ms (target {HOME_TARGET_S * 1000:.0f} ms, "
            f"ratio {t / HOME_TARGET_S:.2f})"]


def run() -> list[str]:
    return run_home()

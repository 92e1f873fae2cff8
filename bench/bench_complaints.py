"""Complaint targets (issue 12), with 20,000 customers and 200,000 complaints (5 % open, a tenth
of those waiting on the customer):

* the SLA state of every open complaint — one query plus one vectorised pass — ≤ 200 ms;
* the complaints list with filters (the screen's default "not closed", a customer, critical in
  the last year, overdue only, all states with the first 5,000 rows) ≤ 300 ms each;
* the monthly complaint report PDF (12-month trend, charts, Pareto, top customers) ≤ 2 s.

Rows are written with raw sqlite3 into a migrated temporary database (the flows are only parsed
for the detail, so a minimal flow document is stored). Best of 5 runs each, printed as figures
and ratios to the target.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

N_CUSTOMERS = 20_000
N_COMPLAINTS = 200_000
OPEN_SHARE = 0.05
SLA_TARGET_S = 0.200
LIST_TARGET_S = 0.300
REPORT_TARGET_S = 2.0


def _build(path: Path, now: datetime) -> dict:
    from app.models.core.database import open_database

    db = open_database(path)
    db.dispose()
    rng = np.random.default_rng(12)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany("INSERT INTO customers (id, code, name_zh, name_en, industry, region, customer_type, lifecycle,"
                     " contact_name, contact_phone, contact_email, key_account, value_class_reason)"
                     " VALUES (?, ?, ?, ?, '', '', 'external', 'current', '', '', '', 0, '')",
                     [(i, f"C{i:05d}", f"顾客{i}", f"Customer {i}") for i in range(1, N_CUSTOMERS + 1)])
    conn.executemany("INSERT INTO parts (id, code, name_zh, name_en, category, importance_class, unit)"
                     " VALUES (?, ?, '', '', '', 'III', 'pcs')", [(i, f"P{i:05d}") for i in range(1, 2001)])
    start = now - timedelta(days=730)
    offsets = np.sort(rng.integers(0, 730 * 24 * 60, N_COMPLAINTS))
    types = np.array(["quality", "delivery", "commercial", "documentation", "service_enquiry", "repair", "return"])
    sevs = np.array(["critical", "major", "minor"])
    t_idx = rng.choice(len(types), N_COMPLAINTS, p=[.46, .2, .07, .08, .08, .06, .05])
    s_idx = rng.choice(3, N_COMPLAINTS, p=[.1, .38, .52])
    cust = rng.integers(1, N_CUSTOMERS + 1, N_COMPLAINTS)
    part = rng.integers(1, 2001, N_COMPLAINTS)
    is_open = np.zeros(N_COMPLAINTS, dtype=bool)
    recent = offsets > (730 - 90) * 24 * 60
    is_open[recent] = rng.random(int(recent.sum())) < OPEN_SHARE * N_COMPLAINTS / max(int(recent.sum()), 1)
    waiting = is_open & (rng.random(N_COMPLAINTS) < 0.1)
    rows, pauses = [], []
    flow = json.dumps({"kind": "complaint", "version": 1, "state": {"type": "quality", "received_at": "2026-01-01T00:00:00"}})
    for i in range(N_COMPLAINTS):
        received = start + timedelta(minutes=int(offsets[i]))
        ty, sev = str(types[t_idx[i]]), str(sevs[s_idx[i]])
        fr = received + timedelta(hours=2) if not is_open[i] or i % 3 else None
        cont = received + timedelta(hours=20) if not is_open[i] or i % 5 == 1 else None
        closed = received + timedelta(days=12) if not is_open[i] else None
        state = "waiting" if waiting[i] else "open" if is_open[i] else "closed"
        rows.append((i + 1, f"CC-{received.year}-{i + 1:06d}", int(cust[i]), "email", received, ty, int(part[i]),
                     f"Complaint {i}", "", "burr", sev, "normal", state, "D4" if is_open[i] else "closed", flow,
                     fr, cont, cont, closed, 0, 0.0, 0.0, 0.0, "bench", received, received))
        if waiting[i]:
            pauses.append((i + 1, now - timedelta(days=2), None, "photos", "bench"))
        elif is_open[i] and i % 4 == 0:
            pauses.append((i + 1, received + timedelta(hours=1), received + timedelta(days=1), "samples", "bench"))
    conn.executemany(
        "INSERT INTO complaints (id, number, customer_id, channel, received_at, complaint_type, part_id, title,"
        " description, defect, severity, priority, state, current_step, flow_json, first_response_at, containment_at,"
        " root_cause_at, closed_at, reopen_count, credit_amount, returns_amount, sorting_amount, created_by,"
        " created_at, updated_at, lot, delivery_note, rating_comment)"
        " VALUES (" + ", ".join("?" * 26) + ", '', '', '')", rows)
    conn.executemany("INSERT INTO complaint_pauses (complaint_id, started_at, ended_at, reason, started_by)"
                     " VALUES (?, ?, ?, ?, ?)", pauses)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return {"open": int(is_open.sum()), "waiting": int(waiting.sum()), "pauses": len(pauses),
            "busy_customer": int(np.bincount(cust).argmax())}


def _best(fn, n: int = 5) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run() -> list[str]:
    from app.models.complaints import service as svc
    from app.models.core.database import open_database

    now = datetime(2026, 12, 2, 10, 0)
    out = []
    with tempfile.TemporaryDirectory(prefix="qb-bench-complaints-") as tmp:
        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        info = _build(path, now)
        out.append(f"  built {N_COMPLAINTS:,} complaints ({info['open']:,} open, {info['waiting']:,} waiting on the "
                   f"customer, {info['pauses']:,} pauses) for {N_CUSTOMERS:,} customers in "
                   f"{time.perf_counter() - t0:.1f} s")
        db = open_database(path)
        try:
            secs, frame = _best(lambda: svc.sla_states(db, now=now))
            out.append(f"  SLA state of {len(frame):,} open complaints (one query + vectorised pass): "
                       f"{secs * 1000:.0f} ms — target ≤ {SLA_TARGET_S * 1000:.0f} ms, ratio {secs / SLA_TARGET_S:.2f}"
                       f" ({int(frame['overdue'].sum()):,} overdue)")
            year_ago = (now - timedelta(days=365)).date()
            cases = [
                ("not closed (the screen's default)", svc.ComplaintFilter(state="active", limit=5001)),
                ("one customer, all states", svc.ComplaintFilter(customer_id=info["busy_customer"], limit=5001)),
                ("critical quality, last year", svc.ComplaintFilter(severity="critical", complaint_type="quality",
                                                                    received_from=year_ago, limit=5001)),
                ("overdue only", svc.ComplaintFilter(overdue_only=True, limit=5001)),
                ("all states, first 5,000", svc.ComplaintFilter(limit=5001)),
            ]
            for label, flt in cases:
                secs, frame = _best(lambda f=flt: svc.list_complaints(db, f, now=now))
                out.append(f"  list {label}: {len(frame):,} rows in {secs * 1000:.0f} ms — target ≤ "
                           f"{LIST_TARGET_S * 1000:.0f} ms, ratio {secs / LIST_TARGET_S:.2f}")
            from app.reports.complaint_report import write_report

            def report():
                r = svc.monthly_report(db, date(2026, 11, 1), date(2026, 11, 30), now=now)
                write_report(r, Path(tmp) / "report.pdf", lang="zh_CN")
                return r

            secs, r = _best(report, 3)
            out.append(f"  monthly report PDF (2026-11, {r.summary['received']:,} complaints, 12-month trend): "
                       f"{secs:.2f} s — target ≤ {REPORT_TARGET_S:.0f} s, ratio {secs / REPORT_TARGET_S:.2f}")
        finally:
            db.dispose()
    return out


if __name__ == "__main__":
    for line in run():
        print(line)

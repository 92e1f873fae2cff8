"""Demo extension of the CRM reports: three saved custom reports (run by the CRM package's
``demo.py``, which calls every ``demo_*.py`` module's ``extend_demo`` in name order)."""

from __future__ import annotations

import json
import sqlite3

SAVED = (
    ("质量投诉成本（按客户）", "complaints", ["number", "customer", "cost"], [["complaint_type", "=", "quality"]],
     "customer", "sum", "cost"),
    ("Customers by region and value class", "customers", ["code", "name_en", "region", "value_class"], [],
     "region", "count", ""),
    ("开放的销售机会", "opportunities", ["title", "customer", "stage", "expected_revenue", "expected_close"],
     [["stage", "!=", "won"], ["stage", "!=", "lost"]], "", "sum", "expected_revenue"),
)


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "crm_saved_reports" not in tables:
        return
    now = "2026-01-05 09:00:00"
    rows = [(name, rt, json.dumps(cols, ensure_ascii=False), json.dumps(flt, ensure_ascii=False), group, agg, col,
             "system:demo", now, now)
            for name, rt, cols, flt, group, agg, col in SAVED
            if rt != "opportunities" or "crm_opportunities" in tables]
    conn.executemany("INSERT INTO crm_saved_reports (name, record_type, columns_json, filters_json, group_by, "
                     "aggregate, aggregate_column, owner, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     rows)
    ctx.counts["crm_saved_reports"] = len(rows)

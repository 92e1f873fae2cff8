"""The CRM reports on PostgreSQL: the same SQL and the same numbers as on SQLite."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.models.crm import reports
from tests.models.crm.reports_world import make_report_world, make_sales_world

START, END = date(2026, 1, 1), date(2026, 3, 31)


def test_reports_on_postgres(pg_db):
    make_report_world(pg_db)
    make_sales_world(pg_db)
    growth = reports.customer_report(pg_db, START, END).section("growth").frame
    assert list(growth["total"]) == [3, 3, 4]
    svc = reports.service_report(pg_db, START, END, now=datetime(2026, 4, 1, 9))
    assert svc.summary["average_rating"] == pytest.approx(14 / 3) and svc.summary["sla_share"] == pytest.approx(0.5)
    sales = reports.run_family(pg_db, "sales", start=START, end=END)
    assert sales.summary["weighted"] == pytest.approx(3600.0) and sales.summary["win_rate"] == 0.5
    assert reports.run_family(pg_db, "campaign", start=START, end=END).summary["roi"] == pytest.approx(1.5)
    reports.save_custom(pg_db, reports.CustomSpec("complaints", ("number",), (("received_at", ">=", "2026-01-01"),
                                                                               ("defect", "empty", "")),
                                                  "customer", "sum", "cost", name="cost"))
    grouped = reports.run_family(pg_db, "custom", name="cost").section("groups").frame
    assert grouped.values.tolist()[0] == ["C-A", 150.0]
    rows = reports.run_custom(pg_db, reports.CustomSpec("customers", ("code",), (("key_account", "=", "no"),
                                                                                ("name_en", "contains", "Motors"))))
    assert rows.section("rows").frame["code"].tolist() == ["C-B"]

"""Sales report from the order lines (crmvalue's 0011_crm tables): revenue and margin by month, by
customer value class and by part; the custom report over order lines. Skipped in a build without
the order tables."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("app.models.crm.tables_orders")

from app.models.crm import reports  # noqa: E402
from tests.models.crm.reports_world import make_report_world  # noqa: E402


@pytest.fixture
def orders(db):
    from app.models.crm.tables_orders import CrmOrder, CrmOrderLine

    ids = make_report_world(db)
    with db.begin() as s:
        def order(no, cust, day, lines):
            o = CrmOrder(customer_id=ids[cust], order_no=no, order_date=day)
            s.add(o)
            s.flush()
            for i, (part, amount, margin) in enumerate(lines, start=1):
                s.add(CrmOrderLine(order_id=o.id, line_no=i, part_code=part, part_name=part, quantity=1.0,
                                   amount=amount, margin=margin))

        order("SO-1", "a", date(2026, 1, 10), [("P-1", 1000.0, 200.0), ("P-2", 500.0, 50.0)])
        order("SO-2", "b", date(2026, 3, 2), [("P-1", 2000.0, 300.0)])
        order("SO-3", "c", date(2026, 3, 20), [("P-3", 100.0, 40.0)])
        order("SO-4", "a", date(2025, 12, 31), [("P-1", 9999.0, 1.0)])  # before the period
    return ids


def test_sales_revenue_sections(db, orders):
    r = reports.run_family(db, "sales", start=date(2026, 1, 1), end=date(2026, 3, 31))
    month = r.section("revenue_by_month").frame
    assert month.values.tolist() == [["2026-01", 1500.0, 250.0], ["2026-02", 0.0, 0.0], ["2026-03", 2100.0, 340.0]]
    by_class = r.section("revenue_by_class").frame.set_index("value_class")
    assert by_class.loc["important", "revenue"] == 3500.0 and by_class.loc["potential", "margin"] == 40.0
    part = r.section("revenue_by_part").frame
    assert part["part"].tolist() == ["P-1", "P-2", "P-3"] and part.iloc[0]["margin_rate"] == pytest.approx(500 / 3000)
    assert r.summary["revenue"] == 3600.0 and r.summary["margin_rate"] == pytest.approx(590 / 3600)


def test_custom_over_order_lines(db, orders):
    r = reports.run_custom(db, reports.CustomSpec("orders", (), (("order_date", ">=", "2026-01-01"),), "customer",
                                                  "sum", "margin"))
    assert r.section("groups").frame.values.tolist() == [["C-B", 300.0], ["C-A", 250.0], ["C-C", 40.0]]


def test_customer_report_at_risk_list(db, orders):
    r = reports.customer_report(db, date(2026, 1, 1), date(2026, 3, 31))
    risk = r.section("at_risk").frame
    # B and C have open complaints; A's orders are recent and not falling; D has no orders
    assert sorted(risk["code"]) == ["C-B", "C-C"] and set(risk["risk"]) == {"complaints"}
    from app.reports.crm_reports import cell_text

    assert cell_text("inactive,complaints", "risk", "zh_CN") == "近期无订单；有未关闭投诉"

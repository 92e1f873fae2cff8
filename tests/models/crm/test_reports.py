"""The CRM reports' numbers on a small hand-made world (tests/models/crm/reports_world.py)."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest

from app.models.admin import trail
from app.models.crm import reports
from app.models.crm.reports_errors import ReportError
from tests.models.crm.reports_world import make_report_world

START, END = date(2026, 1, 1), date(2026, 3, 31)


@pytest.fixture
def world(db):
    return make_report_world(db)


def test_customer_report(db, world):
    r = reports.customer_report(db, START, END)
    by_class = r.section("by_class").frame
    assert by_class.set_index("value_class")["count"].to_dict() == {
        "important": 2, "potential": 1, "ordinary": 0, "lost": 0, "—": 1}
    region = r.section("by_region").frame
    assert list(region["region"]) == ["华东", "—", "华北"]
    assert list(region["count"]) == [2, 1, 1] and region["share"].iloc[0] == pytest.approx(0.5)
    assert r.section("by_industry").frame.set_index("industry")["count"].to_dict() == {"汽车": 3, "电子": 1}
    growth = r.section("growth").frame
    # before the period: D (since 2025-06) and C (no start date) → 2; A new in January, B in March
    assert list(growth["month"]) == ["2026-01", "2026-02", "2026-03"]
    assert list(growth["new"]) == [1, 0, 1] and list(growth["total"]) == [3, 3, 4]
    assert r.summary == {"customers": 4, "new": 2, "key_accounts": 1}


def test_service_report(db, world):
    r = reports.service_report(db, START, END, now=datetime(2026, 4, 1, 9))
    comp = r.section("complaints_by_type").frame.set_index("type")["count"].to_dict()
    assert comp == {"quality": 2, "delivery": 0, "commercial": 0, "documentation": 0}  # the delivery one is 2025
    assert r.section("requests_by_type").frame.set_index("type")["count"].to_dict() == {
        "service_enquiry": 1, "repair": 1, "return": 0}
    sla = r.section("sla").frame.set_index("month")
    # CP-2 closed within the hour (Feb); CP-1 closed after ~60 working days > 45d major target (Mar)
    assert sla.loc["2026-02", "closed"] == 1 and sla.loc["2026-02", "within_target"] == 1
    assert sla.loc["2026-03", "closed"] == 1 and sla.loc["2026-03", "within_target"] == 0
    assert math.isnan(sla.loc["2026-01", "share"]) and sla.loc["2026-02", "share"] == 1.0
    sat = r.section("satisfaction").frame.set_index("rating")["count"].to_dict()
    assert sat == {"1": 0, "2": 0, "3": 0, "4": 1, "5": 2}
    assert r.summary["average_rating"] == pytest.approx(14 / 3)
    assert r.summary["sla_share"] == pytest.approx(0.5)
    assert (r.summary["complaints"], r.summary["service_requests"], r.summary["open_now"]) == (2, 2, 3)  # CP-3, CP-4 and the 2025 one


def test_custom_grouped_sum_and_filters(db, world):
    spec = reports.CustomSpec("complaints", ("number",), (("received_at", ">=", "2026-01-01"),),
                              group_by="customer", aggregate="sum", aggregate_column="cost")
    r = reports.run_custom(db, spec)
    frame = r.section("groups").frame
    assert list(frame.columns) == ["customer", "sum(cost)"]
    assert frame.values.tolist()[0] == ["C-A", 150.0]
    assert set(frame["customer"]) == {"C-A", "C-B", "C-C"} and r.summary["value"] == 150.0
    rows = reports.run_custom(db, reports.CustomSpec(
        "customers", ("code", "region"), (("industry", "=", "汽车"), ("key_account", "=", "no"))))
    assert rows.section("rows").frame.values.tolist() == [["C-B", "华东"], ["C-D", ""]]
    assert rows.summary["value"] == 2
    mean = reports.run_custom(db, reports.CustomSpec("complaints", (), (), "complaint_type", "mean", "rating"))
    assert mean.section("groups").frame.set_index("complaint_type")["mean(rating)"].to_dict()["quality"] == 4.5


def test_custom_saved_and_rerun(db, world):
    spec = reports.CustomSpec("contacts", ("customer", "name"), (("active", "=", "yes"),), name="活跃联系人")
    rid = reports.save_custom(db, spec)
    assert reports.saved_reports(db)["name"].tolist() == ["活跃联系人"]
    again = reports.run_family(db, "custom", name="活跃联系人")
    assert again.name == "活跃联系人" and again.section("rows").frame.values.tolist() == [["C-A", "Anna"]]
    # saving under the same name replaces it (one row, changed on the trail)
    reports.save_custom(db, reports.CustomSpec("contacts", ("name",), (), name="活跃联系人"))
    assert reports.run_family(db, "custom", name="活跃联系人").section("rows").frame["name"].tolist() == [
        "Anna", "王芳"]
    assert {e.action for e in trail.history(db, "crm_saved_reports", rid)} >= {"create", "update"}
    reports.delete_custom(db, "活跃联系人")
    with pytest.raises(ReportError) as exc:
        reports.load_custom(db, "活跃联系人")
    assert exc.value.code == "not_found" and "活跃联系人" in exc.value.text("zh_CN")


@pytest.mark.parametrize("spec, field", [
    (reports.CustomSpec("orders?", ("code",)), "record_type"),
    (reports.CustomSpec("customers", ("nope",)), "columns"),
    (reports.CustomSpec("customers", ()), "columns"),
    (reports.CustomSpec("customers", ("code",), (("since", ">", "soon"),)), "filters/1"),
    (reports.CustomSpec("customers", ("code",), (("code", "~", "x"),)), "filters/1"),
    (reports.CustomSpec("complaints", ("number",), (("cost", "contains", "1"),)), "filters/1"),
    (reports.CustomSpec("customers", ("code",), (), "region", "sum", "code"), "aggregate_column"),
    (reports.CustomSpec("customers", ("code",), (), "", "median", ""), "aggregate"),
])
def test_custom_refusals_name_the_field(db, world, spec, field):
    with pytest.raises(ReportError) as exc:
        reports.run_custom(db, spec)
    assert exc.value.field == field
    assert exc.value.text("zh_CN") != exc.value.text("en")


def test_save_needs_a_name_and_the_permission(db, world):
    with pytest.raises(ReportError) as exc:
        reports.save_custom(db, reports.CustomSpec("customers", ("code",), name="  "))
    assert exc.value.field == "name"
    from app.models.admin.identity import Actor
    from app.models.admin.permissions import PermissionDenied

    db.actor = Actor(None, "guest", "Guest")
    with pytest.raises(PermissionDenied):
        reports.save_custom(db, reports.CustomSpec("customers", ("code",), name="x"))
    with pytest.raises(PermissionDenied):
        reports.customer_report(db, START, END)


def test_period_and_family_refusals(db):
    assert reports.period_range("2026-Q1") == (START, END)
    assert reports.period_range(None, today=date(2026, 12, 2)) == (date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ReportError) as exc:
        reports.period_range("2026-13")
    assert exc.value.field == "period"
    with pytest.raises(ReportError) as exc:
        reports.run_family(db, "forecasts", start=START, end=END)
    assert exc.value.code == "bad_family"


@pytest.fixture
def sales(db, world):
    from tests.models.crm.reports_world import make_sales_world

    make_sales_world(db)


def test_sales_report(db, sales):
    r = reports.run_family(db, "sales", start=START, end=END)
    pipe = r.section("pipeline").frame.set_index("stage")
    assert list(pipe.index) == ["qualification", "needs_analysis", "proposal", "negotiation"]
    assert pipe.loc["proposal", "weighted"] == pytest.approx(2000.0)  # 4000 × 50 %
    assert r.summary["weighted"] == pytest.approx(100 + 2000 + 1500) and r.summary["pipeline"] == 7000.0
    wl = r.section("won_lost").frame
    assert wl.values.tolist() == [["won", "price", 1, 10000.0], ["lost", "price", 1, 3000.0]]  # O6 is 2025
    assert r.summary["win_rate"] == 0.5 and r.summary["won_amount"] == 10000.0
    fc = r.section("forecast").frame
    assert fc.values.tolist() == [["2026-05", 2, 5000.0, 2100.0], ["2026-06", 1, 2000.0, 1500.0]]


def test_campaign_report(db, sales):
    r = reports.run_family(db, "campaign", start=START, end=END)
    frame = r.section("campaigns").frame
    assert frame["code"].tolist() == ["M-FAIR"]  # the 2025 mailing is outside the period
    roi = r.section("compare_roi").frame.iloc[0]
    assert roi["revenue"] == 10000.0 and roi["roi"] == pytest.approx((10000 - 4000) / 4000)
    resp = r.section("compare_response").frame.iloc[0]
    assert resp["response_rate"] == 1.0 and resp["cost_per_response"] == 4000.0
    assert r.summary["roi"] == pytest.approx(1.5) and r.summary["campaigns"] == 1


def test_custom_over_opportunities(db, sales):
    r = reports.run_custom(db, reports.CustomSpec("opportunities", (), (("stage", "!=", "lost"),), "customer",
                                                  "sum", "expected_revenue"))
    assert r.section("groups").frame.values.tolist() == [["C-A", 14000.0], ["C-B", 2000.0]]

"""Opportunity stage flow, won → customer, the weighted pipeline, the timeline."""

from datetime import date

import pytest

from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.crm import opportunities as opps
from app.models.crm.sales_errors import ValidationError
from app.models.customers import master


def _new(db, world, **extra):
    return opps.create_opportunity(db, {"customer_id": world["current"], "title": "Brake brackets 2027",
                                        "expected_revenue": 100000, **extra})


def test_create_defaults_probability_and_writes_the_timeline(db, world):
    oid = _new(db, world)
    row = opps.get_opportunity(db, oid)
    assert (row.stage, row.probability, row.weighted) == ("qualification", 10, 10000.0)
    assert [n.kind for n in opps.timeline(db, oid)] == ["stage"]


def test_validation_names_every_field(db, world):
    with pytest.raises(ValidationError) as err:
        opps.create_opportunity(db, {"title": "", "expected_revenue": "-5", "probability": 120,
                                     "expected_close": "31.12.2026", "contact_id": world["li"]})
    fields = set(err.value.by_field())
    assert {"title", "expected_revenue", "probability", "expected_close", "customer_id"} <= fields
    assert "必须填写" in err.value.text("zh_CN")


def test_contact_must_belong_to_the_customer(db, world):
    with pytest.raises(ValidationError) as err:
        _new(db, world, contact_id=world["li"])
    assert err.value.problems[0].field == "contact_id"


def test_stage_flow_one_step_or_lost(db, world):
    oid = _new(db, world)
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "proposal")  # skips needs analysis
    assert err.value.code == "stage_jump"
    assert opps.move_stage(db, oid, "needs_analysis").probability == 25
    assert opps.move_stage(db, oid, "qualification").stage == "qualification"  # back by one
    opps.move_stage(db, oid, "needs_analysis")
    assert opps.move_stage(db, oid, "proposal", probability=60).probability == 60  # editable
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won", won_amount=5)  # won only from negotiation
    assert err.value.code == "stage_jump"
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "lost")
    assert err.value.code == "reason_required"
    lost = opps.move_stage(db, oid, "lost", reason="Price 8 % above the competitor")
    assert (lost.stage, lost.probability, lost.reason) == ("lost", 0, "Price 8 % above the competitor")
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "negotiation")
    assert err.value.code == "stage_closed"
    assert opps.allowed_moves("negotiation") == ("proposal", "won", "lost")


def _to_negotiation(db, oid):
    for stage in ("needs_analysis", "proposal", "negotiation"):
        opps.move_stage(db, oid, stage)


def test_won_needs_an_amount_and_promotes_a_potential_customer(db, world):
    oid = opps.create_opportunity(db, {"customer_id": world["potential"], "title": "Battery trays",
                                       "expected_revenue": 50000})
    _to_negotiation(db, oid)
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won")
    assert err.value.code == "amount_required"
    result = opps.move_stage(db, oid, "won", won_amount="48,000", today=date(2026, 12, 2))
    assert result.customer_promoted and not result.customer_created
    assert result.opportunity.won_amount == 48000.0 and result.opportunity.closed_on == date(2026, 12, 2)
    cust = master.get_customer(db, world["potential"]).row
    assert cust.lifecycle == "current" and cust.since == date(2026, 12, 2)


def test_won_prospect_creates_the_customer(db, world):
    oid = opps.create_opportunity(db, {"prospect_name": "Xinrui Robotics", "title": "Gear sets"})
    _to_negotiation(db, oid)
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won", won_amount=1000)
    assert err.value.code == "new_customer_required"
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won", won_amount=1000, new_customer={"code": "C-CUR", "name_en": "Xinrui"})
    assert err.value.code == "duplicate_code"
    result = opps.move_stage(db, oid, "won", won_amount=1000,
                             new_customer={"code": "C-XR", "name_en": "Xinrui Robotics", "region": "East China"})
    assert result.customer_created
    cust = master.get_customer(db, result.customer_id).row
    assert (cust.code, cust.lifecycle, cust.region) == ("C-XR", "current", "East China")
    assert opps.get_opportunity(db, oid).customer_id == result.customer_id


def test_pipeline_and_win_rate(db, world):
    a = _new(db, world, expected_revenue=100000)               # qualification 10 %
    b = _new(db, world, expected_revenue=40000)
    opps.move_stage(db, b, "needs_analysis")                    # 25 %
    c = _new(db, world, expected_revenue=10000)
    _to_negotiation(db, c)
    opps.move_stage(db, c, "won", won_amount=9000)
    d = _new(db, world, expected_revenue=5000)
    opps.move_stage(db, d, "lost", reason="no budget")
    e = _new(db, world, expected_revenue=8000)
    opps.move_stage(db, e, "lost", reason="competitor")
    rows = {r.stage: r for r in opps.pipeline(db)}
    assert (rows["qualification"].count, rows["qualification"].weighted) == (1, 10000.0)
    assert (rows["needs_analysis"].count, rows["needs_analysis"].weighted) == (1, 10000.0)
    assert rows["proposal"].count == 0
    assert opps.win_rate(db) == pytest.approx(1 / 3)
    assert opps.stage_counts(db)["lost"] == 2
    assert [r.id for r in opps.list_opportunities(db, stage="qualification")] == [a]


def test_follow_up_note_sets_the_reminder(db, world):
    oid = _new(db, world)
    opps.add_note(db, oid, "Called Anna, samples in January", follow_up_on="2027-01-10")
    assert opps.get_opportunity(db, oid).reminder_on == date(2027, 1, 10)
    assert opps.timeline(db, oid)[0].kind == "follow_up"
    with pytest.raises(ValidationError):
        opps.add_note(db, oid, "  ")


def test_needs_the_sales_permission(db, world):
    db.actor = Actor(None, "viewer", "Viewer", ("auditor",), frozenset({"crm.view"}))
    with pytest.raises(PermissionDenied):
        _new(db, world)


def test_won_prospect_gets_its_first_order_lines_in_the_same_transaction(db, world):
    from app.models.crm.orders import order_rows
    from app.models.crm.tables_orders import CrmOrderLine

    oid = opps.create_opportunity(db, {"prospect_name": "Xinrui Robotics", "title": "Gear sets"})
    _to_negotiation(db, oid)
    bad = {"order_no": "", "order_date": "2026-13-01",
           "lines": [{"part_code": "G-1", "quantity": "-2", "amount": "x", "margin": "abc"}]}
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won", won_amount=1000, new_customer={"code": "C-XR", "name_en": "Xinrui"},
                        first_order=bad)
    assert set(err.value.by_field()) >= {"first_order.order_no", "first_order.order_date",
                                         "first_order.lines.1.quantity", "first_order.lines.1.amount",
                                         "first_order.lines.1.margin"}
    # nothing happened: still open, no customer, no order
    assert opps.get_opportunity(db, oid).stage == "negotiation"
    assert order_rows(db) == []
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "won", won_amount=1000, new_customer={"code": "C-XR", "name_en": "Xinrui"},
                        first_order={"order_no": "SO-1", "order_date": "2026-12-02", "lines": []})
    assert err.value.code == "lines_required"
    result = opps.move_stage(db, oid, "won", won_amount=1500, new_customer={"code": "C-XR", "name_en": "Xinrui"},
                             first_order={"order_no": "SO-1", "order_date": "2026-12-02", "lines": [
                                 {"part_code": "G-1", "part_name": "gear set", "quantity": "10", "amount": "1,000",
                                  "margin": "-20"},
                                 {"part_code": "G-2", "quantity": 5, "amount": 500, "margin": 100}]})
    rows = order_rows(db, customer_id=result.customer_id)
    assert [(r.order_no, r.order_date, r.lines, r.amount, r.margin) for r in rows] == [
        ("SO-1", date(2026, 12, 2), 2, 1500.0, 80.0)]
    with db.begin() as s:
        assert [(ln.part_code, ln.quantity) for ln in s.query(CrmOrderLine).order_by(CrmOrderLine.line_no)] == [
            ("G-1", 10.0), ("G-2", 5.0)]


def test_first_order_only_when_won_and_with_the_orders_permission(db, world):
    oid = _new(db, world)
    with pytest.raises(ValidationError) as err:
        opps.move_stage(db, oid, "needs_analysis", first_order={"order_no": "X"})
    assert err.value.code == "first_order_not_won"
    _to_negotiation(db, oid)
    db.actor = Actor(None, "sales", "Sales", ("customer_quality_engineer",), frozenset({"crm.view", "crm.sales"}))
    with pytest.raises(PermissionDenied):
        opps.move_stage(db, oid, "won", won_amount=10, first_order={"order_no": "X", "order_date": "2026-12-01",
                                                                     "lines": [{"part_code": "A", "amount": 1}]})
    assert opps.get_opportunity(db, oid).stage == "negotiation"

"""Campaign targets, responses and the result (ROI hand-computed); activities and reminders."""

from datetime import date, timedelta

import pytest

from app.models.crm import activities, campaigns
from app.models.crm import opportunities as opps
from app.models.crm.sales_errors import ValidationError


def _campaign(db, **extra):
    return campaigns.create_campaign(db, {"code": "FAIR-26", "name": "Automechanika 2026", "campaign_type": "trade_fair",
                                          "starts_on": "2026-09-01", "ends_on": "2026-09-04", "budget": 25000,
                                          "actual_cost": 20000, **extra})


def test_campaign_validation(db, world):
    _campaign(db)
    with pytest.raises(ValidationError) as err:
        campaigns.create_campaign(db, {"code": "FAIR-26", "name": "", "campaign_type": "tv", "budget": "x",
                                       "starts_on": "2026-09-05", "ends_on": "2026-09-01"})
    assert set(err.value.by_field()) == {"code", "name", "campaign_type", "budget", "ends_on"}


def test_result_hand_computed(db, world):
    cid = _campaign(db)
    assert campaigns.add_targets(db, cid, group="quality") == 2            # Anna, 李强
    assert campaigns.add_targets(db, cid, region="East China") == 1         # 王芳 (Anna already in)
    assert campaigns.add_targets(db, cid, group="quality") == 0
    campaigns.record_response(db, cid, world["anna"], responded_on="2026-09-02", channel="booth")
    campaigns.record_response(db, cid, world["anna"], responded_on="2026-09-20", channel="email")
    campaigns.record_response(db, cid, world["li"], responded_on="2026-09-03", channel="booth")
    with pytest.raises(ValidationError):
        campaigns.record_response(db, cid, 9999)
    won = opps.create_opportunity(db, {"customer_id": world["current"], "title": "A", "campaign_id": cid,
                                       "expected_revenue": 60000})
    for st in ("needs_analysis", "proposal", "negotiation"):
        opps.move_stage(db, won, st)
    opps.move_stage(db, won, "won", won_amount=50000)
    opps.create_opportunity(db, {"customer_id": world["potential"], "title": "B", "campaign_id": cid})
    r = campaigns.campaign_result(db, cid)
    # 3 targets, 2 of them responded: rate 2/3; 20,000 / 2 = 10,000 per response;
    # revenue 50,000 from 1 won of 2 linked; ROI (50,000 − 20,000) / 20,000 = 1.5
    assert (r.targets, r.responders, r.responses) == (3, 2, 3)
    assert r.response_rate == pytest.approx(2 / 3)
    assert r.cost_per_response == 10000.0
    assert (r.opportunities, r.won, r.revenue) == (2, 1, 50000.0)
    assert r.roi == pytest.approx(1.5)
    assert sum(t.responded for t in campaigns.targets(db, cid)) == 2


def test_empty_campaign_has_no_ratios(db, world):
    cid = _campaign(db, code="MAIL-1", campaign_type="mailing", actual_cost=0)
    r = campaigns.campaign_result(db, cid)
    assert (r.response_rate, r.cost_per_response, r.roi) == (None, None, None)
    with pytest.raises(ValidationError) as err:
        campaigns.add_targets(db, cid, group="logistics")
    assert err.value.code == "no_targets"


def test_activities_and_reminders(db, world):
    today = date(2026, 12, 2)
    a1 = activities.create_activity(db, {"kind": "call", "subject": "Confirm PPAP date", "contact_id": world["anna"],
                                         "reminder_on": today})
    a2 = activities.create_activity(db, {"kind": "visit", "subject": "Plant visit", "customer_id": world["potential"],
                                         "due_on": today - timedelta(days=3)})
    activities.create_activity(db, {"kind": "mail", "subject": "Send catalogue", "customer_id": world["current"],
                                    "reminder_on": today + timedelta(days=5)})
    oid = opps.create_opportunity(db, {"customer_id": world["current"], "title": "Seals", "next_step": "Send offer",
                                       "reminder_on": today})
    assert activities.get_activity(db, a1).customer_id == world["current"]  # from the contact
    due = activities.reminders(db, today)
    assert [(r.source, r.record_id, r.overdue) for r in due] == [
        ("activity", a2, True), ("activity", a1, False), ("opportunity", oid, False)]
    assert activities.reminders_count(db, today) == 3
    activities.set_done(db, a2)
    assert len(activities.reminders(db, today)) == 2
    with pytest.raises(ValidationError) as err:
        activities.create_activity(db, {"kind": "fax", "subject": ""})
    assert set(err.value.by_field()) == {"kind", "subject", "customer_id"}
    with pytest.raises(ValidationError) as err:
        activities.create_activity(db, {"kind": "call", "subject": "x", "complaint_id": 777})
    assert err.value.problems[0].field == "complaint_id"

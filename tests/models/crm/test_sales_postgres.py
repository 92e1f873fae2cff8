"""The sales services on PostgreSQL: stage flow with won → customer, pipeline, campaign result,
reminders (the same SQL as on SQLite)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.models.crm import activities, campaigns
from app.models.crm import opportunities as opps
from tests.models.crm.conftest import make_sales_world


def test_sales_services_on_postgres(pg_db):
    w = make_sales_world(pg_db)
    today = date(2026, 12, 2)
    cid = campaigns.create_campaign(pg_db, {"code": "F1", "name": "Fair", "campaign_type": "trade_fair",
                                            "actual_cost": 20000})
    assert campaigns.add_targets(pg_db, cid, group="quality") == 2
    campaigns.record_response(pg_db, cid, w["anna"], responded_on=today)
    oid = opps.create_opportunity(pg_db, {"customer_id": w["potential"], "title": "Trays", "campaign_id": cid,
                                          "expected_revenue": 60000, "reminder_on": today})
    for stage in ("needs_analysis", "proposal", "negotiation"):
        opps.move_stage(pg_db, oid, stage)
    assert {r.stage: r.weighted for r in opps.pipeline(pg_db)}["negotiation"] == 45000.0
    result = opps.move_stage(pg_db, oid, "won", won_amount=50000, today=today)
    assert result.customer_promoted
    r = campaigns.campaign_result(pg_db, cid)
    assert (r.targets, r.responders, r.revenue) == (2, 1, 50000.0) and r.roi == pytest.approx(1.5)
    activities.create_activity(pg_db, {"kind": "call", "subject": "Call", "contact_id": w["anna"],
                                       "due_on": today - timedelta(days=1)})
    due = activities.reminders(pg_db, today)
    assert [x.overdue for x in due] == [True] and activities.reminders_count(pg_db, today) == 1

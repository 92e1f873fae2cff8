"""The demo's sales data: every stage, a plausible win rate, campaigns with responses and linked
opportunities, reminders due today."""

from datetime import date

from app.models.crm import activities, campaigns, opportunities


def test_demo_sales_data(demo_db):
    counts = opportunities.stage_counts(demo_db)
    assert all(n > 0 for n in counts.values()), counts
    assert 0.2 <= opportunities.win_rate(demo_db) <= 0.6
    rows = campaigns.list_campaigns(demo_db)
    assert {r.campaign_type for r in rows} == {"trade_fair", "mailing", "visit_programme", "webinar"}
    assert sum(r.result.responders for r in rows) > 0 and sum(r.result.opportunities for r in rows) > 0
    due = activities.reminders(demo_db, date.today())
    assert any(r.on == date.today() for r in due) and any(r.overdue for r in due)
    won = opportunities.list_opportunities(demo_db, stage="won")
    assert all(o.won_amount and o.won_amount > 0 for o in won)
    assert all(o.reason for o in opportunities.list_opportunities(demo_db, stage="lost"))

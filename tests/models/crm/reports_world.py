"""A small hand-made world for the CRM report tests (four customers, five complaints, two
suppliers); the view and e2e report tests import ``make_report_world`` from here."""

from __future__ import annotations

from datetime import date, datetime

from app.models.complaints.tables import Complaint
from app.models.customers.tables import Customer, CustomerContact
from app.models.suppliers.tables import Supplier


def make_report_world(db) -> dict[str, int]:
    with db.begin() as s:
        a = Customer(code="C-A", name_zh="甲汽车", name_en="A Motors", region="华东", industry="汽车",
                     value_class="important", since=date(2026, 1, 15), key_account=True)
        b = Customer(code="C-B", name_zh="乙汽车", name_en="B Motors", region="华东", industry="汽车",
                     value_class="important", since=date(2026, 3, 2))
        c = Customer(code="C-C", name_zh="丙电子", name_en="C Electronics", region="华北", industry="电子",
                     value_class="potential", lifecycle="potential")
        d = Customer(code="C-D", name_zh="丁机械", name_en="D Machines", region="", industry="汽车",
                     since=date(2025, 6, 1), lifecycle="past")
        s.add_all([a, b, c, d])
        s.flush()
        s.add_all([CustomerContact(customer_id=a.id, name="Anna", role="SQE"),
                   CustomerContact(customer_id=a.id, name="王芳", role="质量经理", active=False)])
        s.add_all([Supplier(code="S-1", name_zh="一号", name_en="One", city="苏州", status="approved"),
                   Supplier(code="S-2", name_zh="二号", name_en="Two", city="无锡", status="potential")])

        def comp(n, cust, at, kind, *, rating=None, closed=None, credit=0.0, severity="major"):
            s.add(Complaint(number=f"CP-{n}", customer_id=cust.id, channel="email", received_at=at,
                            complaint_type=kind, severity=severity, priority="normal",
                            state="closed" if closed else "open", current_step="close" if closed else "identify",
                            flow_json="{}", rating=rating, closed_at=closed, credit_amount=credit,
                            title=f"complaint {n}"))

        # received in 2026-01..2026-03: quality ×2, repair ×1, service_enquiry ×1; one delivery in 2025
        comp(1, a, datetime(2026, 1, 5, 9), "quality", rating=4, closed=datetime(2026, 3, 30, 10), credit=100.0)
        comp(2, a, datetime(2026, 2, 2, 9), "quality", rating=5, closed=datetime(2026, 2, 2, 10), credit=50.0)
        comp(3, b, datetime(2026, 3, 4, 9), "repair", rating=5)
        comp(4, c, datetime(2026, 3, 10, 9), "service_enquiry")
        comp(5, d, datetime(2025, 11, 3, 9), "delivery", rating=1, credit=30.0)
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id}


def make_sales_world(db) -> None:
    """Two campaigns (one in Q1 2026, one in 2025) and five opportunities of customers C-A/C-B."""
    from app.models.crm.tables_sales import Campaign, CampaignResponse, CampaignTarget, Opportunity

    with db.begin() as s:
        a = s.query(Customer).filter_by(code="C-A").one()
        b = s.query(Customer).filter_by(code="C-B").one()
        contact = s.query(CustomerContact).filter_by(name="Anna").one()
        now = datetime(2026, 1, 1)
        fair = Campaign(code="M-FAIR", name="Trade fair", campaign_type="trade_fair", starts_on=date(2026, 2, 1),
                        ends_on=date(2026, 2, 3), budget=5000.0, actual_cost=4000.0, created_at=now)
        old = Campaign(code="M-OLD", name="Mailing 2025", campaign_type="mailing", starts_on=date(2025, 3, 1),
                       ends_on=date(2025, 3, 31), actual_cost=100.0, created_at=now)
        s.add_all([fair, old])
        s.flush()
        s.add(CampaignTarget(campaign_id=fair.id, contact_id=contact.id, added_at=now))
        s.add(CampaignResponse(campaign_id=fair.id, contact_id=contact.id, responded_on=date(2026, 2, 2)))

        def opp(title, cust, stage, revenue, prob, *, close=None, closed=None, won=None, reason="", camp=None):
            s.add(Opportunity(customer_id=cust.id, title=title, stage=stage, expected_revenue=revenue, probability=prob,
                              expected_close=close, closed_on=closed, won_amount=won, reason=reason,
                              campaign_id=camp, created_at=now))

        opp("O1", a, "qualification", 1000.0, 10, close=date(2026, 5, 20))
        opp("O2", a, "proposal", 4000.0, 50, close=date(2026, 5, 3))
        opp("O3", b, "negotiation", 2000.0, 75, close=date(2026, 6, 1))
        opp("O4", a, "won", 9000.0, 100, closed=date(2026, 2, 20), won=10000.0, reason="price", camp=fair.id)
        opp("O5", b, "lost", 3000.0, 0, closed=date(2026, 3, 5), reason="price")
        opp("O6", b, "lost", 500.0, 0, closed=date(2025, 12, 1), reason="delivery")  # before the period

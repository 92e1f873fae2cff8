"""A customer complaint traced to a supplier counts in that supplier's evaluation."""

from datetime import datetime

from sqlalchemy import select

from app.models.complaints import service as svc
from app.models.customers.tables import Customer
from app.models.evaluation.service import evaluate_period, trace_details
from app.models.suppliers.tables import Supplier


def test_traced_complaint_enters_the_suppliers_evaluation(demo_db):
    period = demo_db_period = "2026-10"
    with demo_db.read() as s:
        cust = s.scalar(select(Customer.id).order_by(Customer.id))
    evaluate_period(demo_db, period)
    from app.models.evaluation.service import grade_list

    rows = [r for r in grade_list(demo_db, period).rows if r.score is not None]
    row = next(r for r in rows if not r.indicators.get("customer_complaints"))
    before = trace_details(demo_db, row.code, period)
    with demo_db.read() as s:
        sid = s.scalar(select(Supplier.id).where(Supplier.code == row.code))
    for day in (6, 13):
        cid = svc.create_complaint(demo_db, svc.ComplaintInput(
            customer_id=cust, received_at=datetime(2026, 10, day, 9, 0), title="Crack", description="Weld crack",
            severity="major"))
        svc.trace_to_supplier(demo_db, cid, sid)
    evaluate_period(demo_db, demo_db_period)
    after = trace_details(demo_db, row.code, period)
    ind = after["indicators"]["customer_complaints"]
    assert ind["counts"]["customer_complaints"] == 2 and ind["value"] == 2 and ind["score"] == 50
    assert after["score"] < before["score"]
    assert "customer_complaints" not in before["missing"]

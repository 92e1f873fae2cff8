"""Closed complaints with a rating are the transaction survey's answers."""

from datetime import datetime

from app.models.complaints.tables import Complaint
from app.models.customers.tables import Customer, CustomerContact
from app.models.satisfaction import transactions as tx


def test_closed_ratings(db):
    with db.begin() as s:
        cu = Customer(code="A", name_zh="甲")
        s.add(cu)
        s.flush()
        k = CustomerContact(customer_id=cu.id, name="Wang")
        s.add(k)
        s.flush()
        t = datetime(2026, 3, 1, 9)
        s.add_all([
            Complaint(number="K1", customer_id=cu.id, contact_id=k.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 3, 5), rating=4, rating_comment="快"),
            Complaint(number="K2", customer_id=cu.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 3, 2), rating=2),
            Complaint(number="K3", customer_id=cu.id, received_at=t, state="closed", closed_at=datetime(2026, 3, 3)),
            Complaint(number="K4", customer_id=cu.id, received_at=t, state="open", rating=5),
        ])
    out = tx.closed_ratings(db)
    assert [(r.number, r.rating, r.contact_id is not None, r.comment) for r in out] == [
        ("K2", 2, False, ""), ("K1", 4, True, "快")]
    assert [r.number for r in tx.closed_ratings(db, closed_from=datetime(2026, 3, 4))] == ["K1"]
    assert [r.number for r in tx.closed_ratings(db, closed_to=datetime(2026, 3, 4))] == ["K2"]
    assert tx.closed_ratings(db, complaint_ids=[out[1].complaint_id])[0].number == "K1"

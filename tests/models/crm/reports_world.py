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

"""A customer with two contacts (English, Chinese), a part with two suppliers: what every complaint
test needs (the view and report tests import ``make_world`` and ``intake`` from here)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.models.customers.tables import Customer, CustomerContact
from app.models.suppliers.tables import Part, Supplier, SupplierPart


def make_world(db):
    with db.begin() as s:
        cu = Customer(code="C-OEM1", name_zh="华东汽车", name_en="East China Motors", customer_type="external")
        s.add(cu)
        s.flush()
        en = CustomerContact(customer_id=cu.id, name="Anna Berg", role="SQE", email="anna@example.com",
                             preferred_language="en")
        zh = CustomerContact(customer_id=cu.id, name="王芳", role="质量经理", preferred_language="zh_CN")
        other = Customer(code="C-OTHER", name_zh="其他", name_en="Other")
        part = Part(code="P-100", name_zh="支架", name_en="Bracket")
        sa_ = Supplier(code="S-A", name_zh="甲五金", name_en="A Metal", status="approved")
        sb = Supplier(code="S-B", name_zh="乙五金", name_en="B Metal", status="approved")
        s.add_all([en, zh, other, part, sa_, sb])
        s.flush()
        s.add_all([SupplierPart(supplier_id=sa_.id, part_id=part.id, share=0.7),
                   SupplierPart(supplier_id=sb.id, part_id=part.id, share=0.3)])
        s.flush()
        return {"customer": cu.id, "contact_en": en.id, "contact_zh": zh.id, "other": other.id, "part": part.id,
                "supplier_a": sa_.id, "supplier_b": sb.id}


@pytest.fixture
def world(db):
    return make_world(db)


def intake(world, **kw):
    from app.models.complaints.service import ComplaintInput

    values = dict(customer_id=world["customer"], contact_id=world["contact_en"], channel="email",
                  received_at=datetime(2026, 3, 6, 15, 0), complaint_type="quality", part_id=world["part"],
                  lot="L2603-07", delivery_note="DN-8812", qty_affected=120, title="Burr on bracket edge",
                  description="120 brackets with a sharp burr on the mounting edge", defect="burr",
                  severity="critical", priority="high")
    values.update(kw)
    return ComplaintInput(**values)

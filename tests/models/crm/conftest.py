"""Fixtures of the CRM model tests: ``world`` — a current customer with two contacts (quality,
purchasing) and a potential customer with one contact (view tests import ``make_sales_world``);
``crm`` — customers C1–C4 with our part P-100 supplied to C1."""

from __future__ import annotations

import pytest

from app.models.customers.tables import Customer, CustomerContact, CustomerContactGroup, CustomerPart
from app.models.suppliers.tables import Part


def make_sales_world(db) -> dict[str, int]:
    with db.begin() as s:
        cur = Customer(code="C-CUR", name_zh="华东汽车", name_en="East China Motors", lifecycle="current",
                       region="East China", industry="Automotive")
        pot = Customer(code="C-POT", name_zh="西南能源", name_en="Southwest Energy", lifecycle="potential",
                       region="Southwest", industry="New energy")
        s.add_all([cur, pot])
        s.flush()
        anna = CustomerContact(customer_id=cur.id, name="Anna Berg", role="SQE", preferred_language="en")
        wang = CustomerContact(customer_id=cur.id, name="王芳", role="采购经理")
        li = CustomerContact(customer_id=pot.id, name="李强", role="质量经理")
        s.add_all([anna, wang, li])
        s.flush()
        s.add_all([CustomerContactGroup(contact_id=anna.id, group_key="quality"),
                   CustomerContactGroup(contact_id=wang.id, group_key="purchasing"),
                   CustomerContactGroup(contact_id=li.id, group_key="quality")])
        return {"current": cur.id, "potential": pot.id, "anna": anna.id, "wang": wang.id, "li": li.id}


@pytest.fixture
def world(db):
    return make_sales_world(db)


@pytest.fixture
def crm(db):
    with db.begin() as s:
        s.add(Part(id=1, code="P-100", name_zh="壳体", name_en="Housing", category="casting"))
        s.add_all([Customer(id=i, code=f"C{i}", name_zh=f"顾客{i}", name_en=f"Customer {i}") for i in (1, 2, 3, 4)])
        s.flush()
        s.add(CustomerPart(id=1, customer_id=1, part_id=1, customer_part_no="K-1"))
    return db

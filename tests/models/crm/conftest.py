"""A current customer with two contacts (quality, purchasing), a potential customer with one
contact: what the sales tests need (view tests import ``make_sales_world``)."""

from __future__ import annotations

import pytest

from app.models.customers.tables import Customer, CustomerContact, CustomerContactGroup


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

"""Customers C1–C3 with our part P-100 supplied to C1."""

from __future__ import annotations

import pytest

from app.models.customers.tables import Customer, CustomerPart
from app.models.suppliers.tables import Part


@pytest.fixture
def crm(db):
    with db.begin() as s:
        s.add(Part(id=1, code="P-100", name_zh="壳体", name_en="Housing", category="casting"))
        s.add_all([Customer(id=i, code=f"C{i}", name_zh=f"顾客{i}", name_en=f"Customer {i}") for i in (1, 2, 3, 4)])
        s.flush()
        s.add(CustomerPart(id=1, customer_id=1, part_id=1, customer_part_no="K-1"))
    return db

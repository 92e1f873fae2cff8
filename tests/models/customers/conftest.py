"""A database with two of our parts (one delivered by two suppliers) and a customer quality
engineer who can own customers."""

from __future__ import annotations

import pytest

from app.models.admin import users
from app.models.suppliers.tables import Part, Supplier, SupplierPart


@pytest.fixture
def cdb(db):
    with db.begin() as s:
        s.add_all([Supplier(id=1, code="S1", name_zh="甲", name_en="Alpha", category="casting"),
                   Supplier(id=2, code="S2", name_zh="乙", name_en="Beta", category="casting")])
        s.add_all([Part(id=1, code="P-100", name_zh="壳体", name_en="Housing", category="casting"),
                   Part(id=2, code="P-200", name_zh="端盖", name_en="Cover", category="casting")])
        s.flush()
        s.add_all([SupplierPart(supplier_id=1, part_id=1, share=0.6), SupplierPart(supplier_id=2, part_id=1, share=0.4),
                   SupplierPart(supplier_id=2, part_id=2, share=1.0)])
    db.cqe_id = users.create_user(db, "li.na", "李娜", "Customer2026", ["customer_quality_engineer"])
    return db

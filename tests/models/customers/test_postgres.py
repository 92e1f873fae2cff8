"""0007_customers on PostgreSQL: the lifecycle CHECK was replaced (not doubled, not lost)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models.customers.tables import Customer


def test_lifecycle_check_replaced_on_postgres(pg_db):
    with pg_db.begin() as s:
        s.execute(sa.insert(Customer.__table__).values(code="L1", lifecycle="lost"))
        names = set(s.scalars(sa.text("SELECT conname FROM pg_constraint WHERE conrelid = 'customers'::regclass "
                                      "AND contype = 'c'")))
    assert len([n for n in names if "lifecycle" in n]) == 1 and any("value_class" in n for n in names)
    for values in ({"code": "L2", "lifecycle": "gone"}, {"code": "L3", "customer_type": "partner"}):
        with pytest.raises(sa.exc.IntegrityError):
            with pg_db.begin() as s:
                s.execute(sa.insert(Customer.__table__).values(**values))

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


def test_services_on_postgres(pg_db, tmp_path):
    from app.models.customers import imports, master, privacy
    from app.models.suppliers.tables import Part

    with pg_db.begin() as s:
        s.add(Part(code="P-1", name_zh="壳体", name_en="Housing"))
    src = tmp_path / "c.csv"
    src.write_text("code,name_zh,lifecycle,since,key_account,contact_name,contact_groups\n"
                   "C-1,华东汽车,lost,2021-03-01,yes,王芳,quality;management\n", encoding="utf-8")
    assert imports.import_customers(pg_db, src).created == 1
    cid = master.customer_id_by_code(pg_db, "C-1")
    master.link_part(pg_db, cid, "P-1", customer_part_no="X-1")
    row = master.customer_rows(pg_db)[0]
    assert (row.lifecycle, row.key_account, row.since.isoformat(), row.contacts, row.parts) == \
        ("lost", True, "2021-03-01", 1, 1)
    kid = master.list_contacts(pg_db, cid)[0].id
    privacy.erase_contact(pg_db, kid, reason="request")
    assert master.get_customer(pg_db, cid).row.contacts == 0
    imports.export_customers(pg_db, tmp_path / "c.xlsx")

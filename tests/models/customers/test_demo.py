"""The demo's customers: contacts (1–4, several groups, both languages), parts with their
suppliers, owners and value classes with reasons; deterministic and through the grid service."""

from __future__ import annotations

import sqlite3

from app.models.customers import master


def test_demo_customers_are_complete(demo_db):
    rows = master.customer_rows(demo_db)
    assert len(rows) == 20
    assert all(1 <= r.contacts <= 4 for r in rows)
    assert any(r.owner_name for r in rows) and any(r.parts for r in rows)
    assert {r.customer_type for r in rows} <= {"internal", "external"}
    with sqlite3.connect(demo_db.path) as conn:
        per_contact = conn.execute("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM customer_contact_groups"
                                   " GROUP BY contact_id)").fetchone()[0]
        reasons = conn.execute("SELECT COUNT(*) FROM customers WHERE value_class IS NOT NULL"
                               " AND value_class_reason = ''").fetchone()[0]
        langs = {r[0] for r in conn.execute("SELECT DISTINCT preferred_language FROM customer_contacts")}
    assert per_contact >= 2 and reasons == 0 and "zh_CN" in langs
    with_parts = next(r for r in rows if r.parts)
    assert all(p.suppliers for p in master.list_parts(demo_db, with_parts.id))


def test_demo_is_deterministic(tmp_path):
    from app.models.core.demo import generate_demo

    dumps = []
    for n in (1, 2):
        path = tmp_path / f"d{n}.sqlite3"
        generate_demo(path, suppliers=8, customers=12, months=2, seed=3, evaluate=False)
        with sqlite3.connect(path) as conn:
            dumps.append(conn.execute("SELECT * FROM customer_contacts ORDER BY id").fetchall()
                         + conn.execute("SELECT * FROM customer_parts ORDER BY id").fetchall())
    assert dumps[0] == dumps[1] and dumps[0]

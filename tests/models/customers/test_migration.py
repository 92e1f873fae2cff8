"""Migration 0007_customers on a populated database: each old single contact becomes a
customer_contacts row, no customer is lost, the CHECKs survive the batch rebuild, ORM and schema
agree, and it goes back down."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.core.base import Base
from app.models.core.database import alembic_config, open_database
from app.models.customers import tables  # noqa: F401 - register the tables on Base.metadata

NEW_TABLES = {"customer_contacts", "customer_contact_groups", "customer_parts"}


def _downgrade(db, target: str) -> None:
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, target)


def _rows(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def old_db(demo_db_file, tmp_path):
    """The demo database taken back to 0006_admin (customers with the 0002 single contact)."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(demo_db_file, path)
    db = open_database(path, migrate=False)
    _downgrade(db, "0007_customers@0006_admin") if "0007_customers" in db.applied_revisions() else None
    db.dispose()
    conn = sqlite3.connect(path)
    with conn:
        # One customer without any contact data, one with only an e-mail address.
        conn.execute("UPDATE customers SET contact_name = '', contact_phone = '', contact_email = '' WHERE id = 1")
        conn.execute("UPDATE customers SET contact_name = '', contact_phone = '' WHERE id = 2")
    conn.close()
    return path


def test_upgrade_moves_the_single_contact_into_contacts(old_db):
    names = {r[0] for r in _rows(old_db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert not NEW_TABLES & names
    before = _rows(old_db, "SELECT id, code, name_zh, lifecycle, contact_name, contact_phone, contact_email "
                           "FROM customers ORDER BY id")
    assert len(before) == 20
    db = open_database(old_db)
    assert "0007_customers" in db.applied_revisions()
    db.dispose()
    after = _rows(old_db, "SELECT id, code, name_zh, lifecycle, contact_name, contact_phone, contact_email "
                          "FROM customers ORDER BY id")
    assert after == before  # the old columns stay readable
    contacts = _rows(old_db, "SELECT customer_id, name, phone, email, preferred_language, active, erased_at "
                             "FROM customer_contacts ORDER BY customer_id")
    expected = [(cid, name, phone, email, "zh_CN", 1, None) for cid, _, _, _, name, phone, email in before
                if name or phone or email]
    assert contacts == expected and len(contacts) == 19 and contacts[0][0] == 2 and contacts[0][1] == ""
    extra = _rows(old_db, "SELECT key_account, value_class, value_class_reason, owner_user_id FROM customers")
    assert set(extra) == {(0, None, "", None)}


def test_checks_survive_the_rebuild(old_db):
    db = open_database(old_db)
    db.dispose()
    conn = sqlite3.connect(old_db)
    conn.execute("PRAGMA foreign_keys=ON")
    try:
        with conn:
            conn.execute("UPDATE customers SET lifecycle = 'lost' WHERE id = 3")
        for sql in ("UPDATE customers SET lifecycle = 'gone' WHERE id = 3",
                    "UPDATE customers SET customer_type = 'partner' WHERE id = 3",
                    "UPDATE customers SET value_class = 'gold' WHERE id = 3",
                    "UPDATE customers SET owner_user_id = 9999 WHERE id = 3",
                    "INSERT INTO customer_contacts (customer_id, preferred_language) VALUES (3, 'de')",
                    "INSERT INTO customer_contact_groups (contact_id, group_key) VALUES (1, 'sales')"):
            with pytest.raises(sqlite3.IntegrityError):
                with conn:
                    conn.execute(sql)
        with conn:
            conn.execute("UPDATE customers SET value_class = 'important' WHERE id = 3")
            conn.execute("INSERT INTO customer_contact_groups (contact_id, group_key) VALUES (1, 'quality')")
            conn.execute("INSERT INTO customer_contact_groups (contact_id, group_key) VALUES (1, 'management')")
            conn.execute("INSERT INTO customer_parts (customer_id, part_id, customer_part_no) VALUES (3, 1, 'X-1')")
        with pytest.raises(sqlite3.IntegrityError):
            with conn:
                conn.execute("INSERT INTO customer_parts (customer_id, part_id) VALUES (3, 1)")
        with conn:  # deleting a customer takes its contacts, groups and part links with it
            cid = conn.execute("SELECT customer_id FROM customer_contacts WHERE id = 1").fetchone()[0]
            conn.execute("DELETE FROM customers WHERE id = ?", (cid,))
        assert conn.execute("SELECT count(*) FROM customer_contact_groups").fetchone()[0] == 0
    finally:
        conn.close()


def test_orm_matches_migration(db):
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    flat = [d if isinstance(d, tuple) else d[0] for d in diffs]
    watched = NEW_TABLES | {"customers"}
    ours = [str(d) for d in flat if any(f"'{t}'" in str(d) or f"<{t}>" in str(d) for t in watched)]
    assert ours == []


def test_downgrade_and_upgrade_again(db):
    with db.begin() as s:
        s.execute(tables.Customer.__table__.insert().values(code="L1", lifecycle="lost"))
    _downgrade(db, "0007_customers@0006_admin")
    names = {r[0] for r in _rows(db.path, "SELECT name FROM sqlite_master WHERE type='table'")}
    cols = {r[1] for r in _rows(db.path, "PRAGMA table_info(customers)")}
    assert not NEW_TABLES & names and "value_class" not in cols and "contact_name" in cols
    assert _rows(db.path, "SELECT lifecycle FROM customers WHERE code = 'L1'") == [("past",)]
    db2 = open_database(db.path)
    assert "0007_customers" in db2.applied_revisions()
    db2.dispose()

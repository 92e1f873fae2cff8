"""0011_crm: ORM and schema agree, and it goes down again."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.core.base import Base
from app.models.core.database import alembic_config
from app.models.crm import tables_orders  # noqa: F401

TABLES = {"crm_orders", "crm_order_lines", "crm_value_decisions", "crm_import_mappings"}


def test_orm_matches_the_migration(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if any(t in repr(d) for t in TABLES)]
    assert ours == []


def test_downgrade_removes_the_tables(db):
    cfg = alembic_config()
    with db.engine.connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0011_crm@0007_customers")
        names = set(db.engine.dialect.get_table_names(conn))
    assert not TABLES & names and "customer_contacts" in names


def test_0018_fills_the_order_totals_from_the_lines(db):
    """Orders stored before 0018 get their totals; the ORM keeps them on every later change."""
    from datetime import date

    from sqlalchemy import text

    from app.models.crm import orders
    from app.models.crm.tables_orders import CrmOrder
    from app.models.customers.tables import Customer

    cfg = alembic_config()
    with db.engine.connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0018_crm_order_totals@0011_crm")
        with conn.begin():
            conn.execute(text("INSERT INTO customers (id, code, name_zh, name_en, industry, region, customer_type, "
                              "lifecycle, contact_name, contact_phone, contact_email, key_account, value_class_reason) "
                              "VALUES (1, 'C1', '甲', 'A', '', '', 'external', 'current', '', '', '', 0, '')"))
            conn.execute(text("INSERT INTO crm_orders (id, customer_id, order_no, order_date, currency, note) "
                              "VALUES (1, 1, 'O1', '2026-11-01', 'CNY', ''), (2, 1, 'O2', '2026-11-02', 'CNY', '')"))
            conn.execute(text("INSERT INTO crm_order_lines (order_id, line_no, part_code, part_name, quantity, amount,"
                              " margin) VALUES (1, 1, 'A', '', 1, 100.5, 10), (1, 2, 'B', '', 1, 50, -2)"))
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
        assert conn.execute(text("SELECT order_no, amount, margin FROM crm_orders ORDER BY id")).all() == [
            ("O1", 150.5, 8.0), ("O2", 0.0, 0.0)]
    # by hand: replacing the lines recomputes the totals; the value analysis reads them
    oid = orders.save_order(db, {"customer_id": 1, "order_no": "O1", "order_date": date(2026, 11, 1)},
                            [{"part_code": "A", "quantity": 2, "amount": 70, "margin": 7}], order_id=1)
    with db.begin() as s:
        o = s.get(CrmOrder, oid)
        assert (o.amount, o.margin) == (70.0, 7.0)
        o.lines[0].amount = 80.0
    with db.begin() as s:
        o = s.get(CrmOrder, oid)
        assert o.amount == 80.0
        s.delete(o.lines[0])
    with db.begin() as s:
        assert (s.get(CrmOrder, oid).amount, s.get(CrmOrder, oid).margin) == (0.0, 0.0)
        assert s.get(Customer, 1).code == "C1"

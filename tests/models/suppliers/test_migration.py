"""Migration 0004_lifecycle: from 0002 with data in it, ORM and schema agree, and back down."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.suppliers import tables  # noqa: F401 - register the tables on Base.metadata
from app.models.core.base import Base
from app.models.core.database import alembic_config, open_database, upgrade

LIFECYCLE_TABLES = {"supplier_surveys", "audit_templates", "audit_template_items", "audits", "audit_items",
                    "audit_findings", "approval_flows", "approval_steps", "qualified_suppliers", "development_plans"}


def test_upgrade_from_0002_keeps_corrective_actions(db_path):
    db = open_database(db_path, migrate=False)
    upgrade(db, "0002_supplier_core")
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship, status,"
                     " address, city, country, notes, created_at, updated_at) VALUES (1, 'S1', '甲', 'A', '', 'I',"
                     " 'competitive', 'approved', '', '', '', '', '2025-01-01', '2025-01-01')")
        conn.execute("INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on,"
                     " due_on, status, owner) VALUES (1, 'CAR-1', 't', '', 'other', '2025-01-01', '2025-02-01',"
                     " 'open', '')")
    db = open_database(db_path)
    try:
        assert "0004_lifecycle" in db.applied_revisions()
        from app.models.suppliers.corrective import list_corrective_actions

        cars = list_corrective_actions(db)
        assert len(cars) == 1 and cars[0].method == "8D" and cars[0].eight_d == {} and cars[0].audit_id is None
    finally:
        db.dispose()


def test_orm_matches_migration(db):
    """Autogenerate finds nothing to change in the lifecycle tables (the 8D columns on
    corrective_actions are deliberately not mapped on the core class)."""
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    flat = [d if isinstance(d, tuple) else d[0] for d in diffs]
    ours = [str(d) for d in flat if any(f"'{t}'" in str(d) or f"<{t}>" in str(d) for t in LIFECYCLE_TABLES)]
    assert ours == []


def test_downgrade_and_upgrade_again(db):
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004_lifecycle@0002_supplier_core")
    with sqlite3.connect(db.path) as c:
        names = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        cols = {r[1] for r in c.execute("PRAGMA table_info(corrective_actions)")}
    assert not (LIFECYCLE_TABLES & names) and "eight_d_json" not in cols
    upgrade(db)
    assert "0004_lifecycle" in db.applied_revisions()

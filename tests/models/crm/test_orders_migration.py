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

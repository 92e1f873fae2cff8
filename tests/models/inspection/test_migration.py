"""0008_inspection: the ORM matches the migration, and it downgrades and upgrades again."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.core.base import Base
from app.models.core.database import alembic_config, upgrade
from app.models.admin import tables as _admin  # noqa: F401
from app.models.evaluation import tables as _evaluation  # noqa: F401
from app.models.suppliers import tables as _suppliers  # noqa: F401
from app.models.inspection import tables as _inspection  # noqa: F401

TABLES = {"inspection_lots", "inspection_settings", "inspection_items", "inspection_severity_changes",
          "inspection_lot_classes", "inspection_measurements", "inspection_dispositions"}


def test_orm_matches_migration(db):
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    flat = [d if isinstance(d, tuple) else d[0] for d in diffs]
    flat = [d for d in flat if "inspected_cover" not in str(d)]  # 0003 index the ORM never declared
    ours = [str(d) for d in flat if any(f"'{t}'" in str(d) or f"<{t}>" in str(d) for t in TABLES)]
    assert ours == []


def test_downgrade_and_upgrade(db, db_path):
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008_inspection@0006_admin")
    with sqlite3.connect(db_path) as c:
        cols = {r[1] for r in c.execute("PRAGMA table_info(inspection_lots)")}
        assert "decision_reason" not in cols and "lot_size" in cols
        assert not c.execute("SELECT name FROM sqlite_master WHERE name='inspection_settings'").fetchall()
    upgrade(db)
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT count(*) FROM inspection_settings").fetchone() == (0,)

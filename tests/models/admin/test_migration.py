"""Migration 0006_admin on a populated database: the admin tables arrive, no row is lost."""

from __future__ import annotations

import shutil
import sqlite3

from alembic import command

from app.models.core.database import alembic_config, open_database

ADMIN_TABLES = {"users", "roles", "user_roles", "role_permissions", "audit_trail", "audit_chain", "signatures",
                "login_events"}


def _counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_upgrade_of_a_populated_database_keeps_every_row(demo_db_file, tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(demo_db_file, path)
    db = open_database(path, migrate=False)
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_evaluation_traces")  # back to the two heads before admin
    db.dispose()
    before = _counts(path)
    assert not ADMIN_TABLES & set(before) and before["suppliers"] == 40 and before["audit_items"] > 0
    db = open_database(path)
    assert "0006_admin" in db.applied_revisions() and db.backup_path is not None
    db.dispose()
    after = _counts(path)
    # Later heads (0007_customers, …) come back too; every table that was there keeps its rows.
    assert {t: n for t, n in after.items() if t not in ADMIN_TABLES and t in before and t != "app_settings"} == \
        {t: n for t, n in before.items() if t != "app_settings"}
    assert after["roles"] == 6 and after["audit_chain"] == 1 and after["users"] == 0
    assert after["role_permissions"] > 20  # the shipped defaults were granted at open

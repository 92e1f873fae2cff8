"""Opening, migrating and refusing database files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.core import database as database_module
from app.models.core.database import (CorruptDatabaseError, NewerSchemaError, NotADatabaseError, ReadOnlyLocationError,
                                 alembic_config, open_database, script_heads, upgrade)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_on_for_every_connection(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_empty_file_migrates_to_every_head(db):
    assert db.current_revisions() == script_heads()
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"app_settings", "suppliers", "parts", "supplier_contacts", "corrective_actions", "customers"} <= tables


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with db.begin() as s:
            s.execute(text("INSERT INTO supplier_contacts (supplier_id, name, role, phone, email, is_primary)"
                           " VALUES (999, 'x', '', '', '', 0)"))


def test_one_transaction_rolls_back_whole_action(db):
    from app.models.suppliers.tables import Supplier

    with pytest.raises(RuntimeError):
        with db.begin() as s:
            s.add(Supplier(code="S1", name_zh="甲", name_en="A"))
            s.flush()
            raise RuntimeError("user action failed half-way")
    with db.begin() as s:
        assert s.query(Supplier).count() == 0


def _older_file(path: Path) -> None:
    """A file at schema 0002 with suppliers and their cascade-deleted contacts."""
    db = open_database(path, migrate=False)
    upgrade(db, "0002_supplier_core")
    with db.begin() as s:
        s.execute(text("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship,"
                       " status, address, city, country, notes, created_at, updated_at) VALUES "
                       "(1, 'S1', '苏州精密', 'Suzhou Precision', 'machined', 'I', 'partnership', 'approved', '', '', '',"
                       " '', '2026-01-01', '2026-01-01')"))
        for i in range(3):
            s.execute(text("INSERT INTO supplier_contacts (supplier_id, name, role, phone, email, is_primary)"
                           f" VALUES (1, 'c{i}', '', '', '', 0)"))
    db.dispose()


def test_older_populated_file_keeps_every_row_and_is_backed_up(tmp_path):
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    db = open_database(path)
    try:
        assert db.current_revisions() == script_heads()
        assert db.backup_path is not None and db.backup_path.exists()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM supplier_contacts").scalar() == 3
        backup = sqlite3.connect(db.backup_path)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002_supplier_core",)]
        backup.close()
    finally:
        db.dispose()


def test_batch_rebuild_of_a_parent_keeps_cascade_children(tmp_path, monkeypatch):
    """A migration that rebuilds the parent table (SQLite batch mode) must not empty the
    ON DELETE CASCADE child: foreign keys are off during the migration and checked after."""
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    extra = tmp_path / "extra_versions"
    extra.mkdir()
    heads = script_heads()
    (extra / "9001_rebuild_suppliers.py").write_text(textwrap.dedent(f"""
        import sqlalchemy as sa
        from alembic import op
        revision = "9001_rebuild_suppliers"
        down_revision = {heads!r}
        branch_labels = None
        depends_on = None
        def upgrade():
            with op.batch_alter_table("suppliers", recreate="always") as batch:
                batch.add_column(sa.Column("test_flag", sa.Integer(), nullable=True))
        def downgrade():
            pass
    """))

    def config():
        cfg = alembic_config()
        cfg.set_main_option("path_separator", "os")
        cfg.set_main_option("version_locations", os.pathsep.join([str(database_module.MIGRATIONS_DIR / "versions"), str(extra)]))
        return cfg

    monkeypatch.setattr(database_module, "alembic_config", config)
    db = open_database(path)
    try:
        assert db.current_revisions() == ("9001_rebuild_suppliers",)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM supplier_contacts").scalar() == 3
            columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(suppliers)")]
            assert "test_flag" in columns
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_newer_schema_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future' WHERE rowid = 1")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_database(path)
    assert _digest(path) == before


def test_non_database_file_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("meeting notes, not a database")
    with pytest.raises(NotADatabaseError, match="not a QualityBridge database"):
        open_database(path)
    assert path.read_text() == "meeting notes, not a database"


def test_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "broken.sqlite3"
    open_database(path).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises((CorruptDatabaseError, NotADatabaseError)):
        open_database(path)
    assert _digest(path) == before


def test_read_only_location_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(database_module.os, "access",
                        lambda p, mode: False if Path(p) == folder and mode == os.W_OK else real_access(p, mode))
    with pytest.raises(ReadOnlyLocationError, match="read-only"):
        open_database(folder / "x.sqlite3")
    assert not (folder / "x.sqlite3").exists()


def test_settings_round_trip(db):
    from app.models.core.settings import get_setting, set_setting

    assert get_setting(db, "evaluation.thresholds", {"A": 90}) == {"A": 90}
    set_setting(db, "evaluation.thresholds", {"A": 92, "名称": "阈值"})
    set_setting(db, "evaluation.thresholds", {"A": 93, "名称": "阈值"})
    assert get_setting(db, "evaluation.thresholds") == {"A": 93, "名称": "阈值"}

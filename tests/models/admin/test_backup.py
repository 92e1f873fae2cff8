"""Backup and restore: the online backup API, the automatic backup on close, the checks before a
restore (damaged or newer files refused, the original untouched)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app.models.admin import backup, identity, users
from app.models.admin.backup import BackupCancelled, BackupError
from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.core.database import open_database


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def small_demo(tmp_path):
    """A small populated demo (its own, so it can be restored over)."""
    from app.models.core.demo import generate_demo

    path = tmp_path / "plant.sqlite3"
    generate_demo(path, suppliers=12, customers=5, months=3, seed=3, evaluate=False)
    db = open_database(path)
    identity.sign_in_personal(db)
    yield db
    db.dispose()


def test_backup_then_restore_gives_the_same_dump(small_demo, tmp_path):
    db = small_demo
    before = _dump(db.path)
    out = tmp_path / "copy.sqlite3"
    seen = []
    result = backup.backup_now(db, out, progress=seen.append)
    assert result.path == out and result.pages > 10 and seen[-1] == 1.0
    assert _dump(out) == before
    # the backup itself is on the trail of the live database (after the copy)
    from app.models.admin import trail

    last = trail.entries(db, limit=1)[0]
    assert (last.action, last.entity, last.changes["file"], last.username) == ("backup", "database", out.name, "admin")
    # change the database, then go back to the backup
    users.create_user(db, "new.user", "New User", "secret123", ["viewer"])
    assert _dump(db.path) != before
    restored = backup.restore(db, out)
    assert restored.kept.exists() and "new.user" in _dump(restored.kept)
    reopened = open_database(db.path)
    try:
        assert _dump(db.path) == before
        assert trail.verify_chain(reopened).ok
    finally:
        reopened.dispose()


def test_cancelled_backup_leaves_no_file(small_demo, tmp_path):
    out = tmp_path / "cancelled.sqlite3"
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return True

    with pytest.raises(BackupCancelled):
        backup.copy_sqlite(small_demo.path, out, cancelled=cancel, pages=1)
    assert calls and not out.exists() and not out.with_name(out.name + ".partial").exists()


def test_damaged_file_is_refused_and_the_original_untouched(small_demo, tmp_path):
    db = small_demo
    good = tmp_path / "good.sqlite3"
    backup.backup_now(db, good)
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for i in range(page * 3, len(data) - page, page * 2):  # scribble over b-tree pages
        data[i + 8:i + 200] = b"\xa5" * 192
    damaged.write_bytes(bytes(data))
    original = db.path.read_bytes()
    before = _dump(db.path)
    with pytest.raises(BackupError) as exc:
        backup.restore(db, damaged)
    assert exc.value.key == "restore.damaged"
    assert _dump(db.path) == before and db.path.read_bytes() == original
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(BackupError) as exc:
        backup.restore(db, text)
    assert exc.value.key == "restore.not_sqlite"
    assert db.path.read_bytes() == original


def test_newer_schema_is_refused(small_demo, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    backup.backup_now(small_demo, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future' WHERE rowid = (SELECT min(rowid) FROM alembic_version)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError) as exc:
        backup.restore(small_demo, newer)
    assert exc.value.key == "restore.newer" and exc.value.params["revision"] == "9999_future"


def test_backup_needs_the_permission(small_demo, tmp_path):
    db = small_demo
    identity.sign_in(db, "zhao.viewer", "demo2026")
    with pytest.raises(PermissionDenied, match="admin.backup"):
        backup.backup_now(db, tmp_path / "x.sqlite3")
    with pytest.raises(PermissionDenied):
        backup.restore(db, tmp_path / "x.sqlite3")


def test_backup_on_close_keeps_the_last_n(db, tmp_path):
    users_dir = tmp_path / "share"
    db.actor = Actor.system_job("pytest")
    identity.create_first_administrator(db, "boss", "Boss", "secret123")
    users.update_settings(db, backup_folder=str(users_dir), keep_backups=2)
    made = []
    for minute in range(4):
        with db.begin() as s:  # a change, so the close is worth a backup
            from app.models.admin import trail

            trail.record(s, "note", "database", "", {"n": minute})
        path = backup.backup_on_close(db, now=datetime(2026, 5, 1, 10, minute))
        assert path is not None
        made.append(path.name)
    kept = [p.name for p in backup.automatic_backups(users_dir, db.path.stem)]
    assert kept == [made[3], made[2]]
    assert backup.backup_on_close(db, now=datetime(2026, 5, 1, 11, 0)) is None  # nothing changed since
    users.update_settings(db, backup_on_close=False)
    with db.begin() as s:
        trail.record(s, "note", "database", "", {"n": 9})
    assert backup.backup_on_close(db) is None


def test_postgres_names_pg_dump():
    command = backup.pg_dump_command("postgresql+psycopg://qa:secret@db.plant:5433/quality")
    assert command == "pg_dump --format=custom --file=qualitybridge.dump --host=db.plant --port=5433 --username=qa quality"
    assert "secret" not in command
    assert "pg_restore" in backup.pg_restore_command("postgresql+psycopg://qa@db.plant/quality")

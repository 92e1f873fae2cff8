"""Issue class 5: read-only places, the read-only check, failed migrations and old orphans."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.core import database as database_module
from app.models.core.database import open_database, script_heads
from app.models.core.maintenance import check_database

ROOT = Path(__file__).resolve().parents[3]


def _sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name and p.name.startswith(path.name))


def test_check_writes_nothing_beside_the_file(db_path, tmp_path):
    open_database(db_path).dispose()
    assert _sidecars(db_path) == []
    assert check_database(db_path).sound
    assert _sidecars(db_path) == []  # no -wal/-shm left by a read-only check
    broken = tmp_path / "broken.sqlite3"
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    broken.write_bytes(bytes(data))
    report = check_database(broken)
    assert not report.sound and _sidecars(broken) == []


def test_a_refused_damaged_file_is_left_alone(tmp_path):
    path = tmp_path / "broken.sqlite3"
    open_database(path).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(database_module.DatabaseOpenError):
        open_database(path)
    assert _sidecars(path) == []


_AS_USER = """
import sys
from app.models.core.database import open_database, ReadOnlyLocationError
from app.models.core.maintenance import check_database
path = sys.argv[1]
report = check_database(path)
print("check", report.sound, report.problems)
try:
    open_database(path)
except ReadOnlyLocationError as exc:
    print("refused", "read-only" in str(exc), "damaged" in str(exc))
"""


def _run_in_read_only_folder(folder: Path, argv: list[str]) -> subprocess.CompletedProcess:
    """Run ``argv`` where ``folder`` cannot be written: a read-only bind mount for root (whom
    file modes do not stop), the folder's mode for anyone else."""
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("needs unshare to make a read-only folder as root")
        import shlex

        script = (f"mount --bind {shlex.quote(str(folder))} {shlex.quote(str(folder))} && "
                  f"mount -o remount,ro,bind {shlex.quote(str(folder))} && exec " + shlex.join(argv))
        out = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
        if "mount" in out.stderr and out.returncode != 0:
            pytest.skip(f"cannot mount here: {out.stderr.strip()}")
        return out
    os.chmod(folder, 0o555)
    try:
        return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(folder, 0o755)


def test_a_sound_file_in_a_read_only_folder_is_read_only_not_damaged(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "sound.sqlite3"
    open_database(path).dispose()
    out = _run_in_read_only_folder(folder, [sys.executable, "-c", _AS_USER, str(path)])
    assert out.returncode == 0, out.stderr
    assert "check True []" in out.stdout, out.stdout
    assert "refused True False" in out.stdout, out.stdout
    assert _sidecars(path) == []


def _older_file(path: Path) -> None:
    from tests.models.core.test_database import _older_file as make

    make(path)


def test_a_failed_migration_leaves_no_backup_per_attempt(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    before = path.read_bytes()
    real = database_module.upgrade

    def failing(db, target="heads"):
        from alembic import command

        original = command.upgrade

        def upgrade_then_fail(cfg, tgt):
            original(cfg, tgt)
            raise RuntimeError("disk full half-way")

        monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
        try:
            real(db, target)
        finally:
            monkeypatch.setattr(command, "upgrade", original)

    monkeypatch.setattr(database_module, "upgrade", failing)
    for _ in range(3):
        with pytest.raises(database_module.DatabaseOpenError):
            open_database(path)
    assert list(tmp_path.glob("*.backup-*")) == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002_supplier_core",)]
    conn.close()
    monkeypatch.setattr(database_module, "upgrade", real)
    db = open_database(path)
    try:
        assert db.current_revisions() == script_heads()
        assert len(list(tmp_path.glob("*.backup-*"))) == 1 and db.backup_path.exists()
        assert not list(tmp_path.glob("*.pending"))
    finally:
        db.dispose()
    assert before  # the original bytes were read before any attempt


def test_an_old_orphan_in_an_untouched_table_does_not_block_the_upgrade(tmp_path):
    path = tmp_path / "old.sqlite3"
    _older_file(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO supplier_contacts (supplier_id, name, role, phone, email, is_primary)"
                 " VALUES (999, 'orphan', '', '', '', 0)")
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert db.current_revisions() == script_heads()
        assert any("supplier_contacts" in note for note in db.notes)
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM supplier_contacts")).scalar() == 4
    finally:
        db.dispose()


def test_heads_are_read_without_alembic_and_match_it():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database_module.alembic_config())
    revisions, heads = database_module.shipped_revisions()
    assert heads == tuple(sorted(script.get_heads()))
    assert revisions == {r.revision for r in script.walk_revisions()}


def test_opening_a_current_file_does_not_import_alembic(db_path):
    open_database(db_path).dispose()
    code = ("import sys; from app.models.core.database import open_database; "
            f"open_database({str(db_path)!r}).dispose(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

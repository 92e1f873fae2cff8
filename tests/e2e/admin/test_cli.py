"""Administration commands in a real subprocess: backup → restore gives the same dump, audit
verify names a deliberately edited entry, user administration with passwords never on the
command line."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def qb(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QUALITYBRIDGE_") or k == "QUALITYBRIDGE_LOG_DIR"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL, env={**clean, "QT_QPA_PLATFORM": "offscreen", **env})


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def demo(tmp_path, demo_db_file) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    from app.models.core.database import open_database

    open_database(path).dispose()
    return path


def test_backup_and_restore_through_the_cli(demo, tmp_path):
    before = _dump(demo)
    out = tmp_path / "saved.sqlite3"
    done = qb("backup", "--db", str(demo), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "backup written to" in done.stdout and out.exists()
    # the backup is the database as it was, less the command's own sign-in (login event, last sign-in)
    signing = ('INSERT INTO "login_events"', 'INSERT INTO "users"')
    assert [s for s in _dump(out) if not s.startswith(signing)] == [s for s in before if not s.startswith(signing)]
    saved = _dump(out)
    changed = qb("users", "add", "temp.user", "--name", "Temp", "--role", "viewer", "--db", str(demo),
                 QUALITYBRIDGE_NEW_PASSWORD="Temp2026pass")
    assert changed.returncode == 0, changed.stderr
    refused = qb("restore", str(out), "--db", str(demo))  # no terminal and no --yes: nothing happens
    assert refused.returncode == 1 and "--yes" in refused.stderr
    restored = qb("restore", str(out), "--db", str(demo), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert _dump(demo) == saved
    kept = next((demo.parent / "backups").glob("demo-before-restore-*.sqlite3"))
    assert any("temp.user" in line for line in _dump(kept))


def test_restore_of_a_damaged_file_is_refused_and_the_original_untouched(demo, tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(demo.read_bytes())
    for i in range(4096 * 2, len(data) - 4096, 4096 * 3):
        data[i + 8:i + 100] = b"\xff" * 92
    damaged.write_bytes(bytes(data))
    original = demo.read_bytes()
    out = qb("--lang", "zh_CN", "restore", str(damaged), "--db", str(demo), "--yes")
    assert out.returncode == 1 and "已损坏" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert demo.read_bytes() == original


def test_audit_verify_names_a_deliberately_edited_entry(demo):
    ok = qb("audit", "verify", "--db", str(demo))
    assert ok.returncode == 0 and ok.stdout.startswith("audit trail intact"), ok.stderr
    conn = sqlite3.connect(demo)
    n = conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    assert n >= 2
    target = conn.execute("SELECT id FROM audit_trail ORDER BY id LIMIT 1 OFFSET ?", (n // 2,)).fetchone()[0]
    conn.execute("DROP TRIGGER audit_trail_no_update")  # what someone editing the file behind our back does
    conn.execute("UPDATE audit_trail SET username = 'someone.else' WHERE id = ?", (target,))
    conn.commit()
    conn.close()
    broken = qb("audit", "verify", "--db", str(demo))
    assert broken.returncode == 1
    lines = broken.stderr.strip().splitlines()
    assert len(lines) == 1 and f"first broken entry #{target}" in lines[0], broken.stderr
    zh = qb("audit", "verify", "--db", str(demo), "--lang", "zh_CN")
    assert zh.returncode == 1 and f"第一条异常记录 #{target}" in zh.stderr


def test_users_commands(demo):
    listed = qb("users", "list", "--db", str(demo))
    assert listed.returncode == 0 and "zhao.viewer" in listed.stdout and "6 user(s)" in listed.stdout
    weak = qb("users", "add", "new.qe", "--name", "New QE", "--role", "supplier_quality_engineer", "--db", str(demo),
              QUALITYBRIDGE_NEW_PASSWORD="short")
    assert weak.returncode == 1 and "at least 8 characters" in weak.stderr
    added = qb("users", "add", "new.qe", "--name", "New QE", "--role", "supplier_quality_engineer", "--db", str(demo),
               QUALITYBRIDGE_NEW_PASSWORD="Quality2026")
    assert added.returncode == 0, added.stderr
    assert "Quality2026" not in added.stdout + added.stderr
    reset = qb("users", "reset-password", "new.qe", "--db", str(demo), QUALITYBRIDGE_NEW_PASSWORD="Another2026")
    assert reset.returncode == 0, reset.stderr
    no_reason = qb("users", "disable", "new.qe", "--reason", " ", "--db", str(demo))
    assert no_reason.returncode == 1
    off = qb("users", "disable", "new.qe", "--reason", "left the company", "--db", str(demo))
    assert off.returncode == 0 and "disabled" in off.stdout
    unknown = qb("users", "disable", "nobody", "--reason", "x", "--db", str(demo))
    assert unknown.returncode == 1 and "no user named nobody" in unknown.stderr
    # department mode: the command runs as the named user, held to that user's permissions
    from app.models.admin import users
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database

    db = open_database(demo)
    db.actor = Actor.system_job("pytest")
    users.update_settings(db, mode="department")
    db.dispose()
    anonymous = qb("users", "list", "--db", str(demo))
    assert anonymous.returncode == 1 and "--user" in anonymous.stderr
    viewer = qb("--user", "zhao.viewer", "users", "list", "--db", str(demo), QUALITYBRIDGE_PASSWORD="demo2026")
    assert viewer.returncode == 1 and "admin.users" in viewer.stderr
    wrong = qb("--user", "admin", "users", "list", "--db", str(demo), QUALITYBRIDGE_PASSWORD="guess-2026")
    assert wrong.returncode == 1 and "wrong user name or password" in wrong.stderr
    admin = qb("--user", "admin", "users", "list", "--db", str(demo), QUALITYBRIDGE_PASSWORD="demo2026")
    assert admin.returncode == 0 and "new.qe" in admin.stdout
    backup_as_qm = qb("--user", "wang.qm", "backup", "--db", str(demo), "--out", str(demo.parent / "qm.sqlite3"),
                      QUALITYBRIDGE_PASSWORD="demo2026")
    assert backup_as_qm.returncode == 0, backup_as_qm.stderr  # quality managers hold admin.backup
    inspector = qb("--user", "zhang.iqc", "backup", "--db", str(demo), "--out", str(demo.parent / "iqc.sqlite3"),
                   QUALITYBRIDGE_PASSWORD="demo2026")
    assert inspector.returncode == 1 and "admin.backup" in inspector.stderr
    assert not (demo.parent / "iqc.sqlite3").exists()
    log_dir = Path(os.environ["QUALITYBRIDGE_LOG_DIR"])
    logged = "".join(p.read_text(errors="replace") for p in log_dir.glob("qualitybridge.log*"))
    assert "demo2026" not in logged and "Quality2026" not in logged and "Another2026" not in logged


def test_backup_of_a_postgres_url_names_pg_dump(pg_db):
    out = qb("backup", "--db", pg_db.url, "--out", "/tmp/never-written.sqlite3")
    assert out.returncode == 1 and "pg_dump --format=custom" in out.stderr
    assert not Path("/tmp/never-written.sqlite3").exists()

"""Foundation CLI commands through a real subprocess, with exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def qb(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def test_version():
    out = qb("--version")
    assert out.returncode == 0 and out.stdout.startswith("QualityBridge ")


def test_demo_writes_deterministic_file_and_refuses_overwrite(tmp_path):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    args = ["--suppliers", "30", "--customers", "10", "--months", "6", "--seed", "5", "--end-month", "2026-10"]
    first = qb("demo", "--db", str(a), *args)
    assert first.returncode == 0, first.stderr
    assert "suppliers" in first.stdout
    assert qb("demo", "--db", str(b), *args).returncode == 0
    dump = lambda p: list(sqlite3.connect(p).iterdump())  # noqa: E731
    def stable(path):  # timestamps of when the file was built are the only things allowed to differ
        return [line for line in dump(path) if "created_at" not in line and '"evaluation_runs"' not in line
                and '"evaluation_schemes"' not in line and '"audit_trail"' not in line and '"audit_chain"' not in line
                and '"app_settings"' not in line]

    rows_a = stable(a)
    assert any('"evaluation_results"' in line for line in rows_a)
    assert rows_a == stable(b)
    again = qb("demo", "--db", str(a), *args)
    assert again.returncode == 1 and "--force" in again.stderr
    assert qb("demo", "--db", str(a), "--force", *args).returncode == 0
    conn = sqlite3.connect(a)
    names = [r[0] for r in conn.execute("SELECT name_zh FROM suppliers")]
    assert len(names) == 30 and all(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)


def test_check_exit_codes(tmp_path):
    good = tmp_path / "good.sqlite3"
    assert qb("demo", "--db", str(good), "--suppliers", "5", "--months", "2").returncode == 0
    ok = qb("check", "--db", str(good))
    assert ok.returncode == 0 and "sound" in ok.stdout
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    out = qb("check", "--db", str(bad))
    assert out.returncode == 1 and "not an SQLite database" in out.stderr  # nothing checked: one error line
    broken = tmp_path / "broken.sqlite3"
    conn = sqlite3.connect(good)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO supplier_contacts (supplier_id, name, role, phone, email, is_primary)"
                 " VALUES (424242, 'ghost', '', '', '', 0)")
    conn.commit()
    conn.execute("VACUUM INTO ?", (str(broken),))
    conn.close()
    out = qb("check", "--db", str(broken))
    assert out.returncode == 1 and "foreign key" in out.stdout


def test_screenshots_render_every_module(tmp_path):
    db = tmp_path / "demo.sqlite3"
    assert qb("demo", "--db", str(db), "--suppliers", "20", "--months", "3").returncode == 0
    for lang in ("en", "zh_CN"):
        out = qb("screenshots", "--db", str(db), "--out", str(tmp_path / "shots"), "--lang", lang)
        assert out.returncode == 0, out.stderr
        assert (tmp_path / "shots" / f"overview_{lang}.png").stat().st_size > 10_000


def test_bad_arguments_give_usage_not_traceback(tmp_path):
    out = qb("demo", "--db", str(tmp_path / "x.sqlite3"), "--end-month", "October")
    assert out.returncode == 1 and "Traceback" not in out.stderr and "2026-10" in out.stderr

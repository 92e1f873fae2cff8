"""``qualitybridge customers …`` through a real subprocess: import (refused with every row, then
accepted, --map), export, a contact's personal data, erasure; --lang; one-line errors; the
personal user and --user with a password; permissions."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def qb(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QUALITYBRIDGE_LANG": "en", **(env or {})})


def test_import_export_privacy_round_trip(tmp_path, db):
    path = str(db.path)
    db.dispose()
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_en,lifecycle\nA-1,Alpha,current\nA-1,Again,current\nB 2,Beta,gone\n", encoding="utf-8")
    r = qb("customers", "import", str(bad), "--db", path, "--lang", "zh_CN")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "代码 A-1 与第 2 行重复" in r.stderr and "第 4 行" in r.stderr
    good = tmp_path / "good.csv"
    good.write_text("Kunde,Name,Kontakt,Mail,groups\nK-1,Kunde Eins,Tom Lee,tom@k.example.com,quality;management\n",
                    encoding="utf-8")
    r = qb("customers", "import", str(good), "--db", path, "--map", "code=Kunde", "--map", "name_en=Name",
           "--map", "contact_name=Kontakt", "--map", "contact_email=Mail")
    assert r.returncode == 0, r.stderr
    assert "1 new and 0 updated customer(s), 1 contact(s)" in r.stdout
    out = tmp_path / "c.xlsx"
    r = qb("--lang", "zh_CN", "customers", "export", "--out", str(out), "--db", path)
    assert r.returncode == 0 and "已将 1 个顾客写入" in r.stdout and out.stat().st_size > 0
    cid = sqlite3.connect(path).execute("SELECT id FROM customer_contacts").fetchone()[0]
    pj = tmp_path / "tom.json"
    r = qb("customers", "contact-export", str(cid), "--out", str(pj), "--db", path)
    assert r.returncode == 0 and json.loads(pj.read_text(encoding="utf-8"))["groups"] == ["quality", "management"]
    r = qb("customers", "erase-contact", str(cid), "--db", path, "--reason", " ")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "reason" in r.stderr
    r = qb("customers", "erase-contact", str(cid), "--db", path, "--reason", "e-mail of 2026-11-30")
    assert r.returncode == 0 and "erased" in r.stdout
    assert sqlite3.connect(path).execute("SELECT name, email FROM customer_contacts").fetchone() == \
        (f"[erased {cid}]", "")
    r = qb("customers", "contact-export", "999", "--out", str(pj), "--db", path, "--lang", "zh_CN")
    assert r.returncode == 1 and "联系人 999 不存在" in r.stderr
    r = qb("customers", "export", "--out", str(tmp_path / "c.pdf"), "--db", path)
    assert r.returncode == 1 and ".xlsx / .csv" in r.stderr and r.stderr.count("\n") == 1


def test_users_and_permissions(tmp_path, db):
    from app.models.admin import users

    users.create_user(db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    users.create_user(db, "li.na", "李娜", "Customer2026", ["customer_quality_engineer"])
    users.update_settings(db, mode="department")
    path = str(db.path)
    db.dispose()
    csv = tmp_path / "c.csv"
    csv.write_text("code,name_zh\nC-1,甲\n", encoding="utf-8")
    r = qb("customers", "import", str(csv), "--db", path)
    assert r.returncode == 1 and "department mode" in r.stderr
    r = qb("customers", "import", str(csv), "--db", path, "--user", "zhao")
    assert r.returncode == 1 and "QUALITYBRIDGE_PASSWORD" in r.stderr
    r = qb("customers", "import", str(csv), "--db", path, "--user", "zhao", env={"QUALITYBRIDGE_PASSWORD": "Viewer2026"})
    assert r.returncode == 1 and "customers.import" in r.stderr and "Traceback" not in r.stderr
    r = qb("customers", "import", str(csv), "--db", path, "--user", "li.na",
           env={"QUALITYBRIDGE_PASSWORD": "Customer2026"})
    assert r.returncode == 0, r.stderr
    who = sqlite3.connect(path).execute("SELECT username FROM audit_trail WHERE action = 'import'"
                                        " AND entity = 'customers'").fetchone()
    assert who == ("li.na",)

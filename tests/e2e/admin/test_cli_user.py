"""Commands run as a user (``--user``, password from QUALITYBRIDGE_PASSWORD): the permission
matrix holds on the command line as in the services, refusals name the missing permission in the
run's language (exit 1); department mode requires ``--user``; personal mode uses its user."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "demo2026"


def cli(*args, password: str | None = PASSWORD):
    env = {k: v for k, v in os.environ.items() if k != "QUALITYBRIDGE_PASSWORD"}
    if password is not None:
        env["QUALITYBRIDGE_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL)


@pytest.fixture
def demo(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


def _period(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT period FROM evaluation_runs WHERE period_kind = 'month' "
                            "ORDER BY period DESC LIMIT 1").fetchone()[0]


def _count(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_viewer_cannot_evaluate_from_the_command_line(demo):
    period = _period(demo)
    before = _count(demo, "SELECT COUNT(*) FROM audit_trail WHERE action = 'evaluate'")
    en = cli("--user", "zhao.viewer", "evaluate", "--db", demo, "--period", period, "--lang", "en")
    assert en.returncode == 1, en.stderr
    assert en.stderr.count("\n") == 1 and "Traceback" not in en.stderr
    assert "'Run the supplier performance evaluation' (evaluation.run) is missing" in en.stderr
    zh = cli("--lang", "zh_CN", "--user", "zhao.viewer", "evaluate", "--db", demo, "--period", period)
    assert zh.returncode == 1 and "缺少权限“运行供应商业绩评定”（evaluation.run）" in zh.stderr
    assert _count(demo, "SELECT COUNT(*) FROM audit_trail WHERE action = 'evaluate'") == before
    ok = cli("--user", "wang.qm", "evaluate", "--db", demo, "--period", period, "--lang", "en")
    assert ok.returncode == 0, ok.stderr
    assert _count(demo, "SELECT COUNT(*) FROM audit_trail WHERE action = 'evaluate' AND username = 'wang.qm'") == 1


def test_an_inspector_cannot_approve_a_supplier_from_the_command_line(demo):
    from app.models.admin import identity
    from app.models.core.database import open_database
    from app.models.suppliers import approval
    from app.models.suppliers import master as sup

    db = open_database(demo)
    try:
        identity.sign_in(db, "wang.qm", PASSWORD)
        sid = sup.create_supplier(db, {"code": "CLI1", "name_zh": "常州恒泰机械有限公司", "name_en": "Changzhou Hengtai"})
        flow = approval.start_approval(db, sid)
        for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit"):
            approval.record_step(db, flow.id, step, result="pass")
    finally:
        db.dispose()
    refused = cli("--user", "zhang.iqc", "approval-step", "--db", demo, "--supplier", "CLI1", "--step", "approval",
                  "--result", "pass", "--lang", "en")
    assert refused.returncode == 1 and "(approval.approve) is missing" in refused.stderr
    assert "zhang.iqc" in refused.stderr and "Traceback" not in refused.stderr
    zh = cli("--user", "zhang.iqc", "approval-step", "--db", demo, "--supplier", "CLI1", "--step", "approval",
             "--result", "pass", "--lang", "zh_CN")
    assert zh.returncode == 1 and "批准供应商并维护合格供方名录" in zh.stderr
    assert _count(demo, "SELECT status FROM suppliers WHERE code = 'CLI1'") == "under_evaluation"
    wrong = cli("--user", "wang.qm", "approval-step", "--db", demo, "--supplier", "CLI1", "--step", "approval",
                "--result", "pass", "--lang", "en", password="not-the-password1")
    assert wrong.returncode == 1 and "wrong user name or password" in wrong.stderr
    done = cli("--user", "wang.qm", "approval-step", "--db", demo, "--supplier", "CLI1", "--step", "approval",
               "--result", "pass", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert _count(demo, "SELECT status FROM suppliers WHERE code = 'CLI1'") == "approved"
    assert _count(demo, "SELECT username || ' ' || meaning FROM signatures WHERE entity = 'approval_flows'") == \
        "wang.qm approved"


def test_department_mode_requires_a_user_personal_mode_uses_its_own(demo):
    from app.models.admin import identity
    from app.models.core.database import open_database

    personal = cli("export-grades", "--db", demo, "--period", _period(demo), "--out", demo.with_suffix(".csv"),
                   password=None)
    assert personal.returncode == 0, personal.stderr  # the demo's personal user (admin), no password
    db = open_database(demo)
    try:
        with db.begin() as s:
            identity.store_settings(s, replace(identity.load_settings(s), mode="department"))
    finally:
        db.dispose()
    refused = cli("evaluate", "--db", demo, "--period", _period(demo), "--lang", "en", password=None)
    assert refused.returncode == 1 and "department mode: give --user NAME" in refused.stderr
    zh = cli("evaluate", "--db", demo, "--period", _period(demo), "--lang", "zh_CN", password=None)
    assert zh.returncode == 1 and "部门模式" in zh.stderr
    ok = cli("--user", "li.sqe", "evaluate", "--db", demo, "--period", _period(demo), "--lang", "en")
    assert ok.returncode == 0, ok.stderr

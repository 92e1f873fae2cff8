"""``qualitybridge agreement areas``: the content areas in document order, moving one on a draft,
the refusal on a signed version (one line), and print/export following the moved order."""

import re
import shutil
import sqlite3
import subprocess

import pytest

from app.cli import main


@pytest.fixture
def demo_path(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


def _draft(path):
    """(supplier code, draft version number) of the demo's draft revision."""
    return sqlite3.connect(path).execute(
        "SELECT s.code, v.version FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id"
        " JOIN suppliers s ON s.id = a.supplier_id WHERE v.state = 'draft' ORDER BY v.id").fetchone()


def test_areas_list_move_and_print_follow_the_order(demo_path, tmp_path, capsys):
    code, version = _draft(demo_path)
    db = str(demo_path)
    assert main(["agreement", "areas", "--db", db, "--supplier", code, "--version", str(version), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "\n1  Quality management requirements (content area 1," in out
    for _ in range(2):
        assert main(["agreement", "areas", "--db", db, "--supplier", code, "--version", str(version),
                     "--move", "3", "--up", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "“Acceptance inspection procedure” moved from 2 to 1" in out
    assert "\n1  Acceptance inspection procedure (content area 3, 3 clause(s))" in out
    assert "\n2  Quality management requirements (content area 1," in out
    assert main(["agreement", "areas", "--db", db, "--supplier", code, "--version", str(version),
                 "--move", "3", "--up", "--lang", "zh_CN"]) == 0
    assert "已在第 1 章，未作更改" in capsys.readouterr().out
    stored = sqlite3.connect(demo_path).execute(
        "SELECT v.area_order FROM agreement_versions v WHERE v.state = 'draft'").fetchone()[0]
    assert stored == "3,1,2,4,5,6,7,8"
    pdf = tmp_path / "c.pdf"
    assert main(["agreement", "print", "--db", db, "--supplier", code, "--version", str(version), "--mode", "en",
                 "--out", str(pdf)]) == 0
    if shutil.which("pdftotext"):
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        assert 0 <= text.find("1Acceptanceinspectionprocedure") < text.find("2Qualitymanagementrequirements")


def test_areas_refusals_are_one_line(demo_path, capsys):
    code, version = _draft(demo_path)
    db = str(demo_path)
    # the version in force is signed: the service refuses the move
    assert main(["agreement", "areas", "--db", db, "--supplier", code, "--move", "3", "--up", "--lang", "zh_CN"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不能修改" in err and "Traceback" not in err
    assert main(["agreement", "areas", "--db", db, "--supplier", code, "--move", "3", "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == "error: --move needs --up or --down"
    assert main(["agreement", "areas", "--db", db, "--supplier", "NOPE", "--lang", "en"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert sqlite3.connect(demo_path).execute(
        "SELECT COUNT(*) FROM agreement_versions WHERE area_order <> '1,2,3,4,5,6,7,8'").fetchone()[0] == 0

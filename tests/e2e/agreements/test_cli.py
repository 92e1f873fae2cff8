"""``qualitybridge agreement print|export|breaches`` on the demo database; files read back, user
errors one line."""

import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from app.cli import main


@pytest.fixture
def demo_path(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


def _two_version_supplier(path):
    return sqlite3.connect(path).execute(
        "SELECT s.code FROM agreements a JOIN suppliers s ON s.id = a.supplier_id JOIN agreement_versions v"
        " ON v.agreement_id = a.id GROUP BY a.id HAVING COUNT(*) = 2 AND MIN(v.state) = 'signed' ORDER BY a.id").fetchone()[0]


def test_print_export_breaches(demo_path, tmp_path, capsys):
    code = _two_version_supplier(demo_path)
    out = tmp_path / "c.pdf"
    assert main(["agreement", "print", "--db", str(demo_path), "--supplier", code, "--mode", "en", "--out", str(out), "--lang", "en"]) == 0
    assert "version 2" in capsys.readouterr().out
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert f"QA-{code}-01" in text and "98.5" in text and "Page 1 of" in text
    assert main(["agreement", "print", "--db", str(demo_path), "--supplier", code, "--version", "1", "--mode", "zh_CN",
                 "--out", str(out)]) == 0
    assert main(["agreement", "export", "--db", str(demo_path), "--supplier", code, "--out", str(tmp_path / "c.xlsx")]) == 0
    last = sqlite3.connect(demo_path).execute("SELECT MAX(inspected_on) FROM inspection_lots").fetchone()[0][:7]
    year = int(last[:4]) - 1
    period = f"{year}{last[4:]}:{last}"
    capsys.readouterr()
    assert main(["agreement", "breaches", "--db", str(demo_path), "--supplier", "all", "--period", period,
                 "--out", str(tmp_path / "b.xlsx"), "--lang", "zh_CN"]) == 0
    line = capsys.readouterr().out
    assert re.search(r"\d+ 家供应商共 \d+ 次违约", line)


def test_user_errors_are_one_line(demo_path, tmp_path):
    def run(*args):
        p = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True)
        return p.returncode, p.stderr.strip()

    rc, err = run("agreement", "print", "--db", str(demo_path), "--supplier", "NOPE", "--out", str(tmp_path / "x.pdf"),
                  "--lang", "en")
    assert rc == 1 and err == "error: no supplier with code NOPE"
    rc, err = run("agreement", "breaches", "--db", str(demo_path), "--supplier", "all", "--period", "2026-13",
                  "--out", str(tmp_path / "x.pdf"), "--lang", "en")
    assert rc == 1 and err.count("\n") == 0 and "2026-13" in err
    rc, err = run("agreement", "export", "--db", str(demo_path), "--supplier", "NOPE", "--out", str(tmp_path / "x.txt"))
    assert rc == 1 and err.count("\n") == 0 and "x.txt" in err

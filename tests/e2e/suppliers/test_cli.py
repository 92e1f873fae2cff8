"""The lifecycle CLI end to end on a demo database file, as a user would run it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[3]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def pdftext(path):
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


@pytest.fixture
def demo(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


def completed_audit_id(path):
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id FROM audits WHERE status = 'completed' ORDER BY id LIMIT 1").fetchone()[0]


@needs_poppler
def test_print_blank_checklists_and_report(demo, tmp_path):
    for key in ("qms", "process", "product"):
        out = tmp_path / f"{key}.pdf"
        r = cli("print-audit", "--db", demo, "--template", key, "--out", out, "--lang", "zh_CN")
        assert r.returncode == 0, r.stderr
        assert "签字" in pdftext(out)
    out = tmp_path / "report.pdf"
    r = cli("--lang", "en", "print-audit", "--db", demo, "--audit", completed_audit_id(demo), "--out", out)
    assert r.returncode == 0, r.stderr
    assert "Supplierauditreport" in pdftext(out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts or "CJK" in fonts


@needs_poppler
def test_print_survey_blank_and_filled(demo, tmp_path):
    r = cli("print-survey", "--db", demo, "--out", tmp_path / "blank.pdf")
    assert r.returncode == 0 and "供应商调查表" in pdftext(tmp_path / "blank.pdf")
    r = cli("print-survey", "--db", demo, "--survey", 1, "--out", tmp_path / "s1.pdf", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Supplier survey" in subprocess.run(["pdftotext", str(tmp_path / "s1.pdf"), "-"], capture_output=True,
                                               text=True).stdout


def test_export_qualified_all_formats(demo, tmp_path):
    for suffix in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"q.{suffix}"
        r = cli("export-qualified", "--db", demo, "--out", out)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 0 and "entries" in r.stdout
    assert load_workbook(tmp_path / "q.xlsx").active.cell(1, 1).value == "供应商代码"
    assert (tmp_path / "q.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("args, words", [
    (["print-audit", "--template", "nope"], "no checklist template"),
    (["print-audit", "--audit", "99999"], "does not exist"),
    (["print-survey", "--survey", "99999"], "does not exist"),
])
def test_clear_one_line_errors(demo, tmp_path, args, words):
    r = cli(*args[:1], "--db", demo, *args[1:], "--out", tmp_path / "x.pdf")
    assert r.returncode == 1 and words in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_bad_paths(tmp_path):
    r = cli("export-qualified", "--db", tmp_path / "missing.sqlite3", "--out", tmp_path / "q.xlsx")
    assert r.returncode == 1 and "does not exist" in r.stderr
    (tmp_path / "junk.sqlite3").write_text("not a database")
    r = cli("print-survey", "--db", tmp_path / "junk.sqlite3", "--out", tmp_path / "s.pdf")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = cli("export-qualified", "--db", tmp_path / "junk.sqlite3", "--out", tmp_path / "q.doc")
    assert r.returncode == 1 and ".xlsx" in r.stderr

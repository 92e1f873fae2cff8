"""``qualitybridge report …`` in a subprocess: PDF and xlsx in both languages, the saved custom
report run by name, one-line refusals."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.models.crm import reports
from tests.models.crm.reports_world import make_report_world

ROOT = Path(__file__).resolve().parents[3]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def filled(db, db_path):
    make_report_world(db)
    reports.save_custom(db, reports.CustomSpec("complaints", ("number",), (), "customer", "sum", "cost",
                                               name="投诉成本"))
    db.dispose()
    return db_path


@needs_poppler
def test_reports_to_pdf_and_xlsx(filled, tmp_path):
    pdf = tmp_path / "service.pdf"
    r = cli("report", "service", "--db", filled, "--period", "2026-Q1", "--out", pdf, "--lang", "zh_CN")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"已将客户服务报表写入 {pdf}（4 个部分）"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "按类型的服务请求" in text and "维修" in text and "4.67 / 5" in text
    xlsx = tmp_path / "customer.xlsx"
    r = cli("report", "customer", "--db", filled, "--period", "2026-01..2026-03", "--out", xlsx, "--lang", "en")
    assert r.returncode == 0, r.stderr
    wb = load_workbook(xlsx)
    growth = wb.worksheets[5]
    assert growth.title.startswith("Customer growth")
    assert [c.value for c in growth[1]] == ["Month", "New", "Total"]
    assert [[c.value for c in row] for row in growth.iter_rows(min_row=2)] == [
        ["2026-01", 1, 3], ["2026-02", 0, 3], ["2026-03", 1, 4]]
    custom = tmp_path / "custom.xlsx"
    r = cli("report", "custom", "--name", "投诉成本", "--db", filled, "--out", custom, "--lang", "en")
    assert r.returncode == 0, r.stderr
    sheet = load_workbook(custom)["Groups"]
    assert [c.value for c in sheet[2]] == ["C-A", 150]


@pytest.mark.parametrize("args, line", [
    (["custom"], "name: a report name is required"),
    (["custom", "--name", "nope"], "there is no saved report named 'nope'"),
    (["service", "--period", "2026-13"], "bad period '2026-13': use YYYY-MM, YYYY-Qn, YYYY or FROM..TO"),
])
def test_refusals_are_one_line(filled, tmp_path, args, line):
    r = cli("report", *args, "--db", filled, "--out", tmp_path / "x.pdf", "--lang", "en")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"error: {line}"]

"""Evaluation through the command line on the demo database; exported files read back."""

import csv
import json
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


def _period(path):
    last = sqlite3.connect(path).execute("SELECT MAX(delivered_on) FROM deliveries").fetchone()[0]
    return last[:7]


def test_evaluate_json_and_exports(demo_path, tmp_path, capsys):
    period = _period(demo_path)
    assert main(["evaluate", "--db", str(demo_path), "--period", period, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"supplier", "score", "grade", "previous_grade", "indicators", "missing"} <= set(rows[0])
    for r in rows:
        assert (r["score"] is None) == (r["grade"] is None)
        assert r["grade"] in (None, "A", "B", "C", "D")
        if r["score"] is None:
            assert r["missing"]

    xlsx, csv_path, pdf = tmp_path / "g.xlsx", tmp_path / "g.csv", tmp_path / "g.pdf"
    assert main(["export-grades", "--db", str(demo_path), "--period", period, "--out", str(xlsx)]) == 0
    assert main(["export-grades", "--db", str(demo_path), "--period", period, "--out", str(csv_path), "--lang", "zh_CN"]) == 0
    assert main(["export-grades", "--db", str(demo_path), "--period", period, "--out", str(pdf)]) == 0

    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    assert period in ws["A1"].value and ws.freeze_panes == "D5" and ws.auto_filter.ref.startswith("A4")
    assert ws.cell(4, 6).value == "等级" and ws.cell(4, 2).value == "供应商代码" and ws.cell(4, 4).value == "供应商状态"
    grades = [ws.cell(r, 6).value for r in range(5, 5 + len(rows))]
    graded_row = 5 + next(i for i, g in enumerate(grades) if g in ("A", "B", "C", "D"))
    assert ws.cell(graded_row, 6).fill.fgColor.rgb.endswith(("C6EFCE", "DDEBF7", "FFEB9C", "FFC7CE"))

    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0][:3] == ["序号", "供应商代码", "供应商名称"] and len(table) == len(rows) + 1

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "供应商等级清单" in text and period in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert any(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if "TrueType" in line)


def test_english_export(demo_path, tmp_path):
    period = _period(demo_path)
    assert main(["evaluate", "--db", str(demo_path), "--period", period]) == 0
    out = tmp_path / "g.csv"
    assert main(["export-grades", "--db", str(demo_path), "--period", period, "--out", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("No.,Supplier code,Supplier name,Supplier status,Score,Grade")


def test_import_refuses_bad_file_with_row_errors(demo_path, tmp_path, capsys):
    bad = tmp_path / "lots.csv"
    bad.write_text("lot_number,supplier_code,inspected_date,lot_size,sample_size,decision\n"
                   "X1,S0001,2026-10-01,100,13,accepted\nX2,NOPE,2026-10-01,100,13,accepted\n"
                   "X3,S0001,2026-10-32,100,13,accepted\n", encoding="utf-8")
    before = sqlite3.connect(demo_path).execute("SELECT COUNT(*) FROM inspection_lots").fetchone()[0]
    assert main(["import", "--db", str(demo_path), "--kind", "inspection-lots", "--file", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "unknown supplier" in err and "line 4" in err and "bad date" in err
    assert sqlite3.connect(demo_path).execute("SELECT COUNT(*) FROM inspection_lots").fetchone()[0] == before
    good = tmp_path / "ok.csv"
    good.write_bytes("批号,供应商代码,检验日期,批量,样本量,判定\nX1,S0001,2026-10-01,100,13,合格\n".encode("gb18030"))
    assert main(["import", "--db", str(demo_path), "--kind", "inspection-lots", "--file", str(good)]) == 0


def test_user_errors_are_one_line(demo_path, tmp_path, capsys):
    assert main(["evaluate", "--db", str(demo_path), "--period", "2026-13"]) == 1
    assert main(["export-grades", "--db", str(demo_path), "--period", "1999-01", "--out", str(tmp_path / "x.csv")]) == 1
    assert main(["evaluate", "--db", str(tmp_path / "missing.sqlite3"), "--period", "2026-10"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("error: ") for line in err)

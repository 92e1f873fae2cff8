"""``survey export-blank``: the printed form (both languages, CJK font embedded, every question
and the NPS row) and the workbook, which — filled in — ``survey import`` reads back as it is."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess

import pytest
from openpyxl import load_workbook

from app.cli import main


@pytest.fixture
def db(demo_db_file, tmp_path):
    path = tmp_path / "d.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang, title", [("zh_CN", "顾客满意度调查问卷"), ("en", "Customer satisfaction questionnaire")])
def test_printed_form(db, tmp_path, capsys, lang, title):
    out = tmp_path / f"q-{lang}.pdf"
    assert main(["--lang", lang, "survey", "export-blank", "--db", str(db), "--survey", "CCSI", "--out", str(out)]) == 0
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    assert title in text and "PQ1" in text and "LY2" in text and "1 2 3 4 5 6 7 8 9 10" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines() if "TrueType" in line)


def test_workbook_filled_in_is_imported(db, tmp_path, capsys):
    out = tmp_path / "q.xlsx"
    assert main(["survey", "export-blank", "--db", str(db), "--survey", "CCSI", "--out", str(out)]) == 0
    wb = load_workbook(out)
    header = [c.value for c in wb["answers"][1]]
    # every answer column: ratings, the importance questions beside their question, the NPS question
    assert header[:4] == ["customer_code", "contact_name", "PQ1", "PQ1.IMP"] and header[-1] == "NPS"
    scales = {r[0].value: r[2].value for r in wb["questions"].iter_rows(min_row=2) if r[0].value}
    assert scales["PQ1"] == "1–10" and scales["NPS"].startswith("0–10")
    conn = sqlite3.connect(db)
    code, contact = conn.execute(
        "SELECT c.code, k.name FROM sat_wave_targets t JOIN sat_waves w ON w.id = t.wave_id AND w.state = 'open'"
        " JOIN customers c ON c.id = t.customer_id JOIN customer_contacts k ON k.id = t.contact_id LIMIT 1").fetchone()
    wave = conn.execute("SELECT code FROM sat_waves WHERE state = 'open'").fetchone()[0]
    conn.close()
    wb["answers"].append([code, contact] + [8] * (len(header) - 2))
    wb.save(out)
    assert main(["survey", "import", "--db", str(db), "--survey", "CCSI", "--wave", wave, "--file", str(out)]) == 0
    assert "1 answer sheet(s) imported" in capsys.readouterr().out


def test_refusals(db, tmp_path, capsys):
    assert main(["survey", "export-blank", "--db", str(db), "--survey", "NOPE", "--out", str(tmp_path / "a.pdf")]) == 1
    assert "there is no survey NOPE" in capsys.readouterr().err
    assert main(["survey", "export-blank", "--db", str(db), "--survey", "CCSI", "--out", str(tmp_path / "a.doc")]) == 1
    assert ".pdf or .xlsx" in capsys.readouterr().err
    assert main(["survey", "export-blank", "--db", str(db), "--survey", "CCSI", "--version", "9",
                 "--out", str(tmp_path / "a.pdf")]) == 1
    assert "has no version 9" in capsys.readouterr().err

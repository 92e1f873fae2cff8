"""``qualitybridge plan`` and ``qualitybridge inspection …`` in a subprocess, as a user runs them."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.models.inspection import service
from tests.support.inspection import seed_pair

ROOT = Path(__file__).resolve().parents[3]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def pdftext(path):
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def test_plan_prints_letter_n_ac_re_and_refuses_in_one_line():
    r = cli("plan", "--lot-size", "1200", "--level", "II", "--aql", "1.0", "--lang", "en")
    # 1 200 → J (n 80); Table 2-A J / 1.0 → 2/3
    assert r.returncode == 0 and r.stdout.splitlines()[1:] == ["code letter J", "n = 80, Ac = 2, Re = 3"]
    r = cli("plan", "--lot-size", "1200", "--aql", "1.0", "--severity", "tightened", "--lang", "en")
    assert r.stdout.splitlines()[1:] == ["code letter J", "n = 80, Ac = 1, Re = 2"]
    for bad in (["--aql", "1.2"], ["--aql", "1", "--level", "IV"], ["--aql", "abc"]):
        r = cli("plan", "--lot-size", "500", *bad)
        assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


@needs_poppler
def test_record_sheet_export_import(db, db_path, tmp_path):
    sid, pid = seed_pair(db)
    out = service.record_lot(db, service.LotInput(sid, pid, "L-9", 500, measurements={
        1: [10.0] * 48 + [10.3, 10.4], 2: ["OK"] * 50}))
    service.record_disposition(db, out.lot_id, [service.DispositionLine("return", 500)])
    db.dispose()
    zh, en = tmp_path / "r_zh.pdf", tmp_path / "r_en.pdf"
    assert cli("inspection", "record", "--db", db_path, "--lot", out.lot_id, "--out", zh, "--lang", "zh_CN").returncode == 0
    text = pdftext(zh)
    assert "进货检验记录" in text and "拒收" in text and "退货" in text and "10.4" in text
    fonts = subprocess.run(["pdffonts", str(zh)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts or "CJK" in fonts
    r = cli("--lang", "en", "inspection", "record", "--db", db_path, "--lot", out.lot_id, "--out", en)
    assert r.returncode == 0, r.stderr
    assert "Incominginspectionrecord" in pdftext(en) and "2≥Re2" in pdftext(en)
    sheet = tmp_path / "sheet.pdf"
    r = cli("inspection", "sheet", "--db", db_path, "--supplier", "S1", "--part", "P1", "--lot-size", "500",
            "--out", sheet, "--lang", "zh_CN")
    assert r.returncode == 0, r.stderr
    assert "外径" in pdftext(sheet) and "样本1–10" in pdftext(sheet)
    csv = tmp_path / "lots.csv"
    assert cli("inspection", "export", "--db", db_path, "--out", csv, "--lang", "en").returncode == 0
    assert "L-9" in csv.read_text(encoding="utf-8-sig")
    lots = tmp_path / "in.csv"
    lots.write_text("lot_number,supplier_code,part_code,inspected_date,lot_size,sample_size,major_defects,decision\n"
                    "L-10,S1,P1,2026-11-20,500,50,3,rejected\n", encoding="utf-8")
    r = cli("inspection", "import", "--db", db_path, "--file", lots, "--lang", "en")
    assert r.returncode == 0, r.stderr
    import sqlite3

    with sqlite3.connect(db_path) as c:  # the second rejection (L-9, L-10) switches to tightened
        assert c.execute("SELECT severity, lots_count FROM inspection_settings").fetchone() == ("tightened", 2)
    r = cli("inspection", "record", "--db", db_path, "--lot", 999, "--out", tmp_path / "x.pdf", "--lang", "en")
    assert r.returncode == 1 and r.stderr.strip() == "error: lot 999 does not exist"

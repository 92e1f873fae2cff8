"""Issue class 3: values the back ends disagree on are refused before the database sees them,
with the same message on SQLite and PostgreSQL (limits read from the column types)."""

from __future__ import annotations

from datetime import date

import pytest

from app.models.core.validation import field_errors
from app.models.evaluation.tables import InspectionLot, PurchaseOrderLine
from app.models.suppliers.tables import Supplier


def test_limits_come_from_the_column_types():
    errors = field_errors(PurchaseOrderLine, {"po_number": "P" * 1000, "line_no": 2 ** 31, "ordered_qty": float("inf"),
                                              "due_on": date(1, 1, 1), "unit_price": None, "not_a_column": 1})
    assert {(e.field, e.kind) for e in errors} == {("po_number", "too_long"), ("line_no", "out_of_range"),
                                                   ("ordered_qty", "not_finite"), ("due_on", "bad_date")}
    msg = {e.field: e.message for e in errors}
    assert msg["po_number"] == "po_number: longer than 40 characters (1000)"
    assert "2,147,483,647" in msg["line_no"]
    assert field_errors(PurchaseOrderLine, {"po_number": "P" * 40, "line_no": 2 ** 31 - 1}) == []
    assert field_errors(InspectionLot, {"lot_size": -(2 ** 31)}) == []
    assert [e.kind for e in field_errors(InspectionLot, {"lot_size": None})] == ["required"]
    assert field_errors(Supplier.__table__, {"notes": "x" * 100_000}) == []  # Text has no limit


def _refusals(database, tmp_path) -> list[str]:
    """What the services and the importer say about the same bad values."""
    from app.models.core.csv_reader import CsvRejected
    from app.models.evaluation.imports import import_csv
    from app.models.suppliers import master
    from app.models.suppliers.errors import ValidationError

    out = []
    for data in ({"code": "S1", "name_zh": "甲", "category": "c" * 81},
                 {"code": "S1", "name_zh": "甲", "city": "c" * 81},
                 {"code": "S1", "name_zh": "甲", "address": "a" * 301}):
        with pytest.raises(ValidationError) as caught:
            master.create_supplier(database, data)
        out.append(str(caught.value))
    sid = master.create_supplier(database, {"code": "S1", "name_zh": "甲", "category": "c" * 80})
    with pytest.raises(ValidationError) as caught:
        master.update_supplier(database, sid, {"country": "x" * 81})
    out.append(str(caught.value))
    csv_text = ("supplier_code,po_number,ordered_qty,due_date,delivered_qty,delivered_date\n"
                f"S1,{'P' * 1000},10,2026-10-01,10,2026-10-02\n")
    with pytest.raises(CsvRejected) as rejected:
        import_csv(database, "deliveries", csv_text.encode())
    out += [str(e) for e in rejected.value.errors]
    lots = ("lot_number,supplier_code,inspected_date,lot_size,sample_size,decision\n"
            f"L1,S1,2026-10-01,{2 ** 31},5,accepted\n" f"{'L' * 41},S1,2026-10-01,10,5,accepted\n")
    with pytest.raises(CsvRejected) as rejected:
        import_csv(database, "inspection-lots", lots.encode())
    out += [str(e) for e in rejected.value.errors]
    return out


def test_sqlite_refuses_what_postgres_would(db, tmp_path):
    said = _refusals(db, tmp_path)
    assert said[0] == "category: longer than 80 characters (81)"
    assert "line 2 (po_number): longer than 40 characters (1000)" in said
    assert any("lot_size" in s for s in said)
    assert any("lot_number" in s and "longer than 40" in s for s in said)


def test_both_back_ends_refuse_the_same_inputs_with_the_same_message(db, pg_db, tmp_path):
    assert _refusals(pg_db, tmp_path) == _refusals(db, tmp_path)

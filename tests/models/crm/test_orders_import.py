"""Order import: all or nothing, every bad row named; remembered mappings; entry by hand."""

from datetime import date

import pytest

from app.models.crm import orders
from app.models.crm.tables_orders import CrmOrder, CrmOrderLine
from sqlalchemy import func, select

GOOD = ("order_no,customer,order_date,part_code,part_name,quantity,amount,margin\n"
        "SO-1,C1,2026-11-01,P-100,Housing,10,400,80\n"
        "SO-1,C1,2026-11-01,X-9,Bolt,5,50,5\n"
        "SO-2,C2,2026-06-01,X-9,Bolt,3,300,60\n")


def _count(db, table):
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_import_groups_lines_into_orders_and_links_parts(crm, tmp_path):
    f = tmp_path / "erp.csv"
    f.write_text(GOOD, encoding="utf-8")
    result = orders.import_orders(crm, f)
    assert (result.orders, result.lines, result.linked_parts) == (2, 3, 1)
    rows = orders.order_rows(crm)
    assert [(r.order_no, r.customer_code, r.lines, r.amount, r.margin) for r in rows] == [
        ("SO-1", "C1", 2, 450.0, 85.0), ("SO-2", "C2", 1, 300.0, 60.0)]


def test_bad_rows_refuse_the_whole_file(crm, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text(GOOD + "SO-3,NOPE,2026-06-01,X,Y,1,10,1\nSO-4,C1,2026-13-01,X,Y,1,10,1\n"
                 "SO-5,C1,2026-06-01,X,Y,-1,10,1\nSO-1,C2,2026-11-01,X,Y,1,10,1\n", encoding="utf-8")
    with pytest.raises(orders.OrderImportError) as exc:
        orders.import_orders(crm, f)
    where = {(e.line, e.column) for e in exc.value.errors}
    assert {(5, "customer"), (6, "order_date"), (7, "quantity"), (8, "order_no")} <= where
    assert _count(crm, CrmOrder) == 0 and _count(crm, CrmOrderLine) == 0


def test_an_order_number_already_imported_is_refused(crm, tmp_path):
    f = tmp_path / "erp.csv"
    f.write_text(GOOD, encoding="utf-8")
    orders.import_orders(crm, f)
    with pytest.raises(orders.OrderImportError) as exc:
        orders.import_orders(crm, f)
    assert {e.column for e in exc.value.errors} == {"order_no"}
    assert _count(crm, CrmOrder) == 2


def test_a_saved_mapping_reads_other_headers(crm, tmp_path):
    f = tmp_path / "sap.csv"
    f.write_text("Beleg,Kunde,Datum,Material,Menge,Netto,DB\nA-1,C3,2026-01-05,P-100,2,120,20\n", encoding="utf-8")
    orders.save_mapping(crm, "SAP", {"order_no": "Beleg", "customer": "Kunde", "order_date": "Datum",
                                     "part_code": "Material", "quantity": "Menge", "amount": "Netto", "margin": "DB"})
    assert orders.mappings(crm)["SAP"]["order_no"] == "Beleg"
    result = orders.import_orders(crm, f, mapping="SAP")
    assert (result.orders, result.lines, result.linked_parts) == (1, 1, 0)  # P-100 is C1's part, not C3's
    with pytest.raises(orders.OrderError):
        orders.import_orders(crm, f, mapping="nothing saved")


def test_order_by_hand(crm):
    oid = orders.save_order(crm, {"customer_id": 1, "order_no": "H-1", "order_date": date(2026, 5, 1)},
                            [{"part_code": "P-100", "quantity": 1, "amount": 99, "margin": 9}])
    with crm.begin() as s:
        line = s.scalars(select(CrmOrderLine).where(CrmOrderLine.order_id == oid)).one()
        assert line.customer_part_id == 1
    with pytest.raises(orders.OrderError) as exc:
        orders.save_order(crm, {"customer_id": 1, "order_no": "", "order_date": None}, [{"amount": -1}])
    assert "order_no" in str(exc.value) and "amount" in str(exc.value)

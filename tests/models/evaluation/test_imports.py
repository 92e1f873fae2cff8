"""CSV import: all or nothing, every bad row reported, UTF-8 (BOM or not) and GB18030."""

import sqlite3

import pytest

from app.models.core.csv_reader import CsvRejected
from app.models.evaluation.imports import import_csv

HEAD = "supplier_code,po_number,line_no,part_code,ordered_qty,due_date,delivered_qty,delivered_date\n"


@pytest.fixture
def seeded(db):
    conn = sqlite3.connect(db.path)
    conn.execute("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship, status,"
                 " address, city, country, notes, created_at, updated_at) VALUES (1,'S1','甲','A','','I','competitive',"
                 "'approved','','','','','2026-01-01','2026-01-01')")
    conn.execute("INSERT INTO parts (id, code, name_zh, name_en, category, importance_class, unit)"
                 " VALUES (1,'P1','轴','Shaft','','I','pcs')")
    conn.commit()
    conn.close()
    return db


def count(db, table):
    return sqlite3.connect(db.path).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_good_deliveries_import_with_partial_delivery(seeded):
    data = (HEAD + "S1,PO1,1,P1,100,2026-10-10,60,2026-10-08\nS1,PO1,1,P1,100,2026-10-10,40,2026-10-20\n").encode()
    s = import_csv(seeded, "deliveries", data)
    assert (s.rows, s.created_lines) == (2, 1)
    assert count(seeded, "deliveries") == 2 and count(seeded, "purchase_order_lines") == 1


def test_every_bad_row_reported_and_nothing_imported(seeded):
    data = (HEAD
            + "S1,PO1,1,P1,100,2026-10-10,60,2026-10-08\n"
            + "S9,PO2,1,,100,2026-10-10,60,2026-10-08\n"       # unknown supplier
            + "S1,PO3,1,,100,2026-13-40,60,2026-10-08\n"       # bad date
            + "S1,PO4,1,,100,2026-10-10,-5,2026-10-08\n"       # negative quantity
            + "S1,PO1,1,P1,100,2026-10-10,60,2026-10-08\n"     # duplicate of line 2
            ).encode()
    with pytest.raises(CsvRejected) as info:
        import_csv(seeded, "deliveries", data)
    errors = {e.line: e.reason for e in info.value.errors}
    assert "unknown supplier" in errors[3]
    assert "bad date" in errors[4]
    assert "negative quantity" in errors[5]
    assert "duplicate" in errors[6]
    assert 2 not in errors
    assert count(seeded, "deliveries") == 0 and count(seeded, "purchase_order_lines") == 0


def test_duplicate_against_database(seeded):
    data = (HEAD + "S1,PO1,1,P1,100,2026-10-10,60,2026-10-08\n").encode()
    import_csv(seeded, "deliveries", data)
    with pytest.raises(CsvRejected) as info:
        import_csv(seeded, "deliveries", data)
    assert "already in the database" in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings_and_chinese_headers(seeded, encoding):
    text = ("批号,供应商代码,检验日期,批量,样本量,严重缺陷,不合格品数,判定,处置\n"
            "L1,S1,2026/10/08,500,50,2,2,不合格,退货\nL2,S1,2026-10-09,500,50,0,0,合格,\n")
    s = import_csv(seeded, "inspection-lots", text.encode(encoding))
    assert s.rows == 2 and s.encoding in ("utf-8-sig", "gb18030")
    rows = sqlite3.connect(seeded.path).execute(
        "SELECT lot_number, decision, disposition, inspected_on FROM inspection_lots ORDER BY lot_number").fetchall()
    assert rows == [("L1", "rejected", "return", "2026-10-08"), ("L2", "accepted", None, "2026-10-09")]


def test_lot_rejections_and_column_mapping(seeded):
    text = ("Lot,Vendor,Date,Qty,Sample,Decision\n"
            "L1,S1,2026-10-08,100,200,accepted\n"   # sample larger than lot
            "L2,S1,2026-10-08,100,20,maybe\n"       # bad decision
            "L3,S1,2026-10-08,100,20,accepted\n")
    mapping = {"lot_number": "Lot", "supplier_code": "Vendor", "inspected_date": "Date", "lot_size": "Qty",
               "sample_size": "Sample", "decision": "Decision"}
    with pytest.raises(CsvRejected) as info:
        import_csv(seeded, "inspection-lots", text.encode(), mapping=mapping)
    lines = sorted(e.line for e in info.value.errors)
    assert lines == [2, 3]
    assert count(seeded, "inspection_lots") == 0


def test_missing_column_is_reported(seeded):
    with pytest.raises(CsvRejected) as info:
        import_csv(seeded, "deliveries", b"supplier_code,po_number\nS1,PO1\n")
    assert info.value.errors[0].line == 1 and "missing column" in info.value.errors[0].reason

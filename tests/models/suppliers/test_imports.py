"""Supplier CSV/Excel import (all-or-nothing) and export."""

import csv

import pytest
from openpyxl import Workbook, load_workbook

from app.models.suppliers import master as sup
from app.models.suppliers.imports import ImportResult, SupplierImportError, export_suppliers, import_suppliers


def write_csv(path, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_csv_import_chinese_headers_gbk(db, tmp_path):
    p = write_csv(tmp_path / "s.csv", [["代码", "中文名称", "英文名称", "重要性", "关系"],
                                       ["A01", "宁波华信电子有限公司", "Ningbo Huaxin", "关键", "合作伙伴"],
                                       ["A02", "无锡恒达五金", "", "3", "competitive"]], encoding="gb18030")
    assert import_suppliers(db, p) == ImportResult(2, 0)
    rows = {r.code: r for r in sup.supplier_rows(db)}
    assert rows["A01"].importance_class == "I" and rows["A01"].relationship == "partnership"
    assert rows["A02"].status == "potential"
    p2 = write_csv(tmp_path / "s2.csv", [["code", "name_en"], ["A01", "Ningbo Huaxin Electronics"]])
    assert import_suppliers(db, p2) == ImportResult(0, 1)
    assert sup.get_supplier(db, rows["A01"].id).name_en == "Ningbo Huaxin Electronics"


def test_bad_rows_refuse_everything(db, tmp_path):
    p = write_csv(tmp_path / "bad.csv", [["code", "name_zh", "importance_class"],
                                         ["B01", "好供应商", "I"],
                                         ["B 02", "坏代码", "II"],
                                         ["B03", "", "II"],
                                         ["B01", "重复", "IV"]])
    with pytest.raises(SupplierImportError) as e:
        import_suppliers(db, p)
    found = {(err.line, err.column) for err in e.value.errors}
    assert {(3, "code"), (4, "name_zh"), (5, "importance_class"), (5, "code")} <= found
    assert sup.supplier_rows(db) == []
    assert "nothing imported" in str(e.value)


def test_xlsx_round_trip(db, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name_zh", "name_en", "category", "importance_class"])
    ws.append(["X1", "厦门博远塑胶", "Xiamen Boyuan Plastics", "plastics", "II"])
    ws.append([101, "数字代码公司", None, None, None])
    wb.save(tmp_path / "in.xlsx")
    assert import_suppliers(db, tmp_path / "in.xlsx").created == 2
    assert export_suppliers(db, tmp_path / "out.xlsx", lang="zh_CN") == 2
    out = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))
    assert out[0][0] == "代码" and {r[0] for r in out[1:]} == {"X1", "101"}
    export_suppliers(db, tmp_path / "out.csv")
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "厦门博远塑胶" in raw.decode("utf-8-sig")
    assert import_suppliers(db, tmp_path / "out.csv").updated == 2  # the export reads back in


def test_missing_file_and_header(db, tmp_path):
    with pytest.raises(SupplierImportError):
        import_suppliers(db, tmp_path / "nope.csv")
    p = write_csv(tmp_path / "h.csv", [["name"], ["x"]])
    with pytest.raises(SupplierImportError, match="missing column"):
        import_suppliers(db, p)

"""Customer import (all-or-nothing, every bad row named, Chinese headers, --map, xlsx) and export."""

from __future__ import annotations

import csv

import pytest

from app.models.admin import trail
from app.models.customers import imports, master


GOOD = ("代码,中文名称,英文名称,类型,生命周期,行业,地区,关键客户,价值类别,价值类别原因,负责人,起始日期,联系人,电话,邮箱,分组,首选语言\n"
        "C-1,华东汽车,East Motors,外部,现有,汽车,上海,是,重要,前三大客户,li.na,2020-05-01,王芳,021-1,wf@a.example.cn,质量、管理,中文\n"
        "C-2,,North Appliances,external,potential,Appliances,Beijing,no,,,,,,,,,\n")


def _write(tmp_path, text, name="c.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_creates_customers_contacts_and_one_trail_entry(cdb, tmp_path):
    before = len(trail.entries(cdb, entity="customers"))
    result = imports.import_customers(cdb, _write(tmp_path, GOOD))
    assert (result.created, result.updated, result.contacts) == (2, 0, 1)
    rows = {r.code: r for r in master.customer_rows(cdb)}
    c1 = rows["C-1"]
    assert (c1.customer_type, c1.lifecycle, c1.key_account, c1.value_class, c1.owner_name, c1.contacts) == \
        ("external", "current", True, "important", "李娜", 1)
    assert master.get_customer(cdb, c1.id).value_class_reason == "前三大客户"
    contact = master.list_contacts(cdb, c1.id)[0]
    assert (contact.name, contact.groups, contact.preferred_language) == ("王芳", ("quality", "management"), "zh_CN")
    new = trail.entries(cdb, entity="customers")[: len(trail.entries(cdb, entity="customers")) - before]
    assert len(new) == 1 and new[0].action == "import" and new[0].changes["counts"]["customers.create"] == 2
    # a second import updates only the columns it has
    imports.import_customers(cdb, _write(tmp_path, "code,region\nC-2,Tianjin\n", "u.csv"))
    c2 = master.get_customer(cdb, rows["C-2"].id).row
    assert (c2.region, c2.name_en, c2.lifecycle) == ("Tianjin", "North Appliances", "potential")


def test_bad_file_imports_nothing_and_names_every_row(cdb, tmp_path):
    bad = ("code,name_zh,name_en,lifecycle,owner,value_class,since,contact_email\n"
           "C-1,甲,,current,,,,\n"
           "C 2,乙,,current,,,,\n"          # bad code
           "C-3,,,current,,,,\n"            # no name
           "C-1,丁,,current,,,,\n"          # repeats line 2
           "C-5,戊,,gone,,,,\n"             # bad lifecycle
           "C-6,己,,current,nobody,,,\n"    # unknown owner
           "C-7,庚,,current,,important,,\n"  # value class without a reason
           "C-8,辛,,current,,,2020-02-30,\n"  # no such day
           "C-9,壬,,current,,,,not-mail\n")   # contact email without a name, and bad
    with pytest.raises(imports.CustomerImportError) as err:
        imports.import_customers(cdb, _write(tmp_path, bad))
    lines = sorted({e.line for e in err.value.errors})
    assert lines == [3, 4, 5, 6, 7, 8, 9, 10]
    by_line = {e.line: e.column for e in err.value.errors}
    assert by_line[4] == "name_zh" and by_line[5] == "code" and by_line[7] == "owner"
    assert by_line[8] == "value_class_reason" and by_line[9] == "since"
    assert master.customer_rows(cdb) == []
    assert "nothing imported" in str(err.value) and "未导入" in err.value.text("zh_CN")


def test_map_and_xlsx_round_trip(cdb, tmp_path):
    src = _write(tmp_path, "Kunde,Name\nK-1,Kunde Eins\n")
    imports.import_customers(cdb, src, mapping={"code": "Kunde", "name_en": "Name"})
    cid = master.customer_id_by_code(cdb, "K-1")
    master.update_customer(cdb, cid, {"owner_user_id": cdb.cqe_id, "key_account": True})
    master.set_value_class(cdb, cid, "potential", reason="=growing fast")
    out = tmp_path / "customers.xlsx"
    assert imports.export_customers(cdb, out, lang="zh_CN") == 1
    master.delete_customer(cdb, cid)
    result = imports.import_customers(cdb, out)
    assert result.created == 1
    row = master.customer_rows(cdb)[0]
    assert (row.code, row.name_en, row.key_account, row.value_class, row.owner_name) == \
        ("K-1", "Kunde Eins", True, "potential", "李娜")
    assert master.get_customer(cdb, row.id).value_class_reason == "=growing fast"


def test_csv_export_guards_formulas(cdb, tmp_path):
    master.create_customer(cdb, {"code": "F-1", "name_en": "=HYPERLINK(\"x\")"})
    out = tmp_path / "c.csv"
    imports.export_customers(cdb, out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["code", "name_zh", "name_en"] and rows[1][2].startswith("'=")
    with pytest.raises(Exception) as err:
        imports.export_customers(cdb, tmp_path / "c.pdf")
    assert ".csv, .xlsx" in str(err.value)


def test_import_needs_its_permission(cdb, tmp_path):
    from app.models.admin import identity, users
    from app.models.admin.permissions import PermissionDenied

    users.create_user(cdb, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(cdb, "zhao", "Viewer2026")
    with pytest.raises(PermissionDenied) as err:
        imports.import_customers(cdb, _write(tmp_path, GOOD))
    assert err.value.permission == "customers.import"

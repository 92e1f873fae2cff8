"""Customer grid and detail: item models (qtmodeltester), native sorting inside the model, quick
and column filters with the "n of N" count, validated inline edits with undo/redo, add /
duplicate / delete, import refusals, and the journey new customer → contact with two groups →
linked part → edit with undo → export."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.models.customers import master
from app.views.core.context import AppContext
from app.views.core.table_models import SORT_ROLE
from app.views.core.tasks import TaskRunner
from app.views.customers.grid import (COL_CODE, COL_KEY, COL_LIFECYCLE, COL_NAME_EN, COL_OWNER, COL_SINCE,
                                      CustomerFilterProxy, CustomerTableModel)

ROWS = [
    # id, code, name_zh, name_en, type, lifecycle, industry, region, key, value, owner id, owner, since, contacts, parts
    (1, "C10", "甲汽车", "Alpha Motors", "external", "current", "Automotive", "Shanghai", True, "important", 7, "李娜",
     date(2019, 1, 1), 2, 3),
    (2, "C2", "乙电器", "beta Appliances", "external", "lost", "Appliances", "Beijing", False, None, None, "",
     None, 0, 0),
    (3, "C3", "丙工厂", "Gamma Plant", "internal", "potential", "", "Suzhou", False, "ordinary", 7, "李娜",
     date(2024, 5, 1), 1, 0),
]


@pytest.fixture
def ctx(cdb, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=cdb, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.wait(5000)


def test_models_pass_the_model_tester(qtmodeltester):
    model = CustomerTableModel(lambda *a: {}, lambda *a: None)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    proxy = CustomerFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_LIFECYCLE)
    qtmodeltester.check(proxy)


def test_sorting_is_native_and_missing_values_last():
    model = CustomerTableModel()
    model.set_rows(ROWS)
    proxy = CustomerFilterProxy()
    proxy.setSourceModel(model)
    codes = lambda: [proxy.index(r, COL_CODE).data() for r in range(proxy.rowCount())]  # noqa: E731
    proxy.sort(COL_CODE)
    assert codes() == ["C10", "C2", "C3"]  # text order of codes (casefolded)
    proxy.sort(COL_LIFECYCLE)
    assert codes() == ["C3", "C10", "C2"]  # potential < current < past < lost, not alphabetical
    proxy.sort(COL_SINCE, Qt.SortOrder.DescendingOrder)
    assert codes() == ["C3", "C10", "C2"]  # newest first, the missing date last
    proxy.sort(COL_SINCE)
    assert codes() == ["C10", "C3", "C2"]
    proxy.sort(COL_NAME_EN)
    assert codes() == ["C10", "C2", "C3"]  # case-insensitive: Alpha, beta, Gamma
    assert proxy.index(0, COL_LIFECYCLE).data(SORT_ROLE) == 1


def test_filters_and_count(ctx):
    from app.views.customers.grid import CustomerGrid

    for i, (code, life, key) in enumerate((("A1", "current", True), ("A2", "lost", False), ("B1", "current", False))):
        master.create_customer(ctx.database, {"code": code, "name_en": f"Customer {code}", "lifecycle": life,
                                              "key_account": key, "owner_user_id": ctx.database.cqe_id if i else None})
    grid = CustomerGrid(ctx)
    assert grid.count_label.text() == "3 of 3 customers"
    grid.quick.setText("b1")
    assert grid.proxy.rowCount() == 1 and grid.count_label.text() == "1 of 3 customers"
    grid.quick.clear()
    grid.lifecycle_filter.setCurrentIndex(grid.lifecycle_filter.findData("current"))
    assert grid.proxy.rowCount() == 2
    grid.key_filter.setCurrentIndex(grid.key_filter.findData(True))
    assert [grid.proxy.index(r, COL_CODE).data() for r in range(grid.proxy.rowCount())] == ["A1"]
    grid.key_filter.setCurrentIndex(0)
    grid.lifecycle_filter.setCurrentIndex(0)
    grid.owner_filter.setCurrentIndex(grid.owner_filter.findData(ctx.database.cqe_id))
    assert grid.proxy.rowCount() == 2 and grid.count_label.text() == "2 of 3 customers"


def _auto_answer(button=QMessageBox.StandardButton.Yes):
    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        elif box is not None:
            box.accept()
    QTimer.singleShot(0, press)


def test_inline_edit_is_validated_and_undoable(ctx, monkeypatch):
    from app.views.customers.grid import CustomerGrid

    cid = master.create_customer(ctx.database, {"code": "E1", "name_en": "Edit Me"})
    grid = CustomerGrid(ctx)
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    index = grid.proxy.index(0, COL_CODE)
    assert not grid.proxy.setData(index, "bad code!")  # refused by the validator, nothing saved
    assert "Code:" in messages[-1] and master.get_customer(ctx.database, cid).row.code == "E1"
    assert grid.proxy.setData(grid.proxy.index(0, COL_SINCE), "2020-02-30") is False
    assert grid.proxy.setData(grid.proxy.index(0, COL_OWNER), ctx.database.cqe_id)
    assert grid.proxy.index(0, COL_OWNER).data() == "李娜"
    assert grid.proxy.setData(grid.proxy.index(0, COL_KEY), True)
    assert master.get_customer(ctx.database, cid).row.key_account is True
    grid.undo_stack.undo()
    assert master.get_customer(ctx.database, cid).row.key_account is False
    grid.undo_stack.undo()
    assert master.get_customer(ctx.database, cid).row.owner_user_id is None
    assert grid.proxy.index(0, COL_OWNER).data() == ""
    grid.undo_stack.redo()
    assert master.get_customer(ctx.database, cid).row.owner_name == "李娜"


def test_duplicate_and_delete_with_confirmation(ctx, monkeypatch):
    from app.views.customers.grid import CustomerGrid

    cid = master.create_customer(ctx.database, {"code": "D1", "name_en": "Dup"})
    grid = CustomerGrid(ctx)
    grid.select_customer(cid)
    new_id = grid.duplicate_customer()
    assert master.get_customer(ctx.database, new_id).row.code == "D1-COPY" and grid.current_customer_id() == new_id
    monkeypatch.setattr("app.views.suppliers.common.confirm", lambda *a: False)
    assert not grid.delete_customer()
    assert grid.model.rowCount() == 2
    monkeypatch.setattr("app.views.suppliers.common.confirm", lambda *a: True)
    assert grid.delete_customer()
    assert grid.model.rowCount() == 1 and grid.count_label.text() == "1 of 1 customers"


def test_import_refusal_shows_every_row(ctx, tmp_path, monkeypatch):
    from app.views.customers import dialogs
    from app.views.customers.grid import CustomerGrid

    shown = []
    monkeypatch.setattr(dialogs.ImportErrorsDialog, "exec", lambda self: shown.append(self) or 0)
    path = tmp_path / "bad.csv"
    path.write_text("code,name_en,lifecycle\nOK1,Fine,current\nbad code,X,current\nOK2,,gone\n", encoding="utf-8")
    grid = CustomerGrid(ctx)
    assert not grid.import_file(str(path))
    table = shown[0].findChild(dialogs.QTableWidget)
    assert table.rowCount() == 3 and grid.model.rowCount() == 0


def test_journey_new_customer_contact_part_edit_undo_export(ctx, tmp_path, monkeypatch):
    from app.views.customers.dialogs import ContactDialog, CustomerDialog, LinkPartDialog
    from app.views.customers.page import CustomersPage

    page = CustomersPage(ctx)
    page.resize(1280, 800)
    # 1. new customer through the form: first every error at once, then saved
    dialog = CustomerDialog(ctx, parent=page)
    dialog.code.setText("bad code")
    dialog.value_class.setCurrentIndex(dialog.value_class.findData("important"))
    assert not dialog.save()
    assert dialog.errors["code"].text() and dialog.errors["name_zh"].text() and dialog.errors["value_class_reason"].text()
    dialog.code.setText("JNY-1")
    dialog.name_zh.setText("旅程汽车")
    dialog.name_en.setText("Journey Motors")
    dialog.reason.setText("Strategic OEM")
    dialog.owner.setCurrentIndex(dialog.owner.findData(ctx.database.cqe_id))
    assert dialog.save()
    cid = dialog.saved_id
    page.grid.refresh(keep=cid)
    assert page.grid.current_customer_id() == cid and page.detail.customer_id == cid
    assert page.detail.basic["value_class"].text() == "Important"
    # 2. a contact in two groups
    contact = ContactDialog(ctx, cid, parent=page)
    contact.name.setText("王芳")
    contact.email.setText("wang.fang@journey.example.cn")
    contact.group_boxes["quality"].setChecked(True)
    contact.group_boxes["management"].setChecked(True)
    assert contact.save()
    page.detail.refresh()
    assert page.detail.contacts_model.rowCount() == 1
    assert page.detail.contacts_model.index(0, 6).data() == "Quality、Management"
    # 3. link one of our parts: its supplier is shown
    link = LinkPartDialog(ctx, cid, parent=page)
    link.customer_part_no.setText("JM-4711")
    assert link.save()
    page.detail.refresh()
    assert page.detail.parts_model.index(0, 0).data() == "P-100" and page.detail.parts_model.index(0, 3).data() == "S1, S2"
    page.grid.refresh(keep=cid)
    row = page.grid.model.row_of(cid)
    assert page.grid.model.display(row, 11) == "1" and page.grid.model.display(row, 12) == "1"
    # 4. inline edit with undo
    src = page.grid.model.index(row, COL_LIFECYCLE)
    assert page.grid.model.setData(src, "lost")
    assert master.get_customer(ctx.database, cid).row.lifecycle == "lost"
    page.grid.undo_button.click()
    assert master.get_customer(ctx.database, cid).row.lifecycle == "current"
    assert page.grid.redo_button.isEnabled()
    # history shows who changed what
    page.detail.refresh()
    t = page.detail.history.table
    rows = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    assert ["Lifecycle", "Current", "Lost"] in [r[3:6] for r in rows]
    # 5. export
    out = page.grid.export_file(str(tmp_path / "customers.csv"))
    rows = list(csv.reader(open(out, encoding="utf-8-sig")))
    assert rows[1][:3] == ["JNY-1", "旅程汽车", "Journey Motors"] and rows[1][-2:] == ["1", "1"]


def test_privacy_actions_from_the_contacts_tab(ctx, tmp_path, qtmodeltester):
    import json

    from app.views.customers.detail import CustomerDetail

    cid = master.create_customer(ctx.database, {"code": "P1", "name_en": "Private"})
    master.add_contact(ctx.database, cid, {"name": "Tom Lee", "email": "tom@p.example.com"})
    detail = CustomerDetail(ctx)
    detail.set_customer(cid)
    detail.contacts_view.selectRow(0)
    for model in (detail.contacts_model, detail.parts_model, detail.contacts_view.model()):
        qtmodeltester.check(model)
    path = detail.export_contact(str(tmp_path / "tom.json"))
    assert json.loads(open(path, encoding="utf-8").read())["email"] == "tom@p.example.com"
    assert detail.erase_contact(reason="request by e-mail 2026-11-30")
    assert detail.contacts_model.index(0, 0).data().startswith("[erased")
    assert master.get_customer(ctx.database, cid).row.contacts == 0


def test_value_class_from_the_grid_needs_a_reason(ctx, monkeypatch):
    from app.views.customers.grid import COL_VALUE, CustomerGrid

    cid = master.create_customer(ctx.database, {"code": "V1", "name_en": "Valuable"})
    grid = CustomerGrid(ctx)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not grid.set_value_class(cid, value="important", reason="")
    assert "reason" in shown[-1] and master.get_customer(ctx.database, cid).row.value_class is None
    assert grid.set_value_class(cid, value="important", reason="biggest OEM")
    assert grid.proxy.index(0, COL_VALUE).data() == "Important"
    assert master.get_customer(ctx.database, cid).value_class_reason == "biggest OEM"
    assert "Double-click" in grid.proxy.index(0, COL_VALUE).data(Qt.ItemDataRole.ToolTipRole)

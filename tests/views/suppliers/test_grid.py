"""Supplier master grid: item models (qtmodeltester), native sorting, filters, validated inline
edits, undo/redo, add / duplicate / delete, import (all-or-nothing) and export."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pandas as pd
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models.suppliers import master as sup
from app.views.core.context import AppContext
from app.views.suppliers.development import DevelopmentPlanModel
from app.views.suppliers.grid import (COL_CLASS, COL_CODE, COL_NAME_EN, COL_STATUS, COL_VALID, FIELDS, SupplierFilterProxy,
                                      SupplierGrid, SupplierTableModel)
from app.views.core.tasks import TaskRunner

TODAY = date(2026, 6, 1)


def frame() -> pd.DataFrame:
    rows = [
        (1, "S10", "甲", "Alpha", "steel", "III", "competitive", "approved", TODAY + timedelta(days=400), "B"),
        (2, "S2", "乙", "Beta", "pcb", "I", "partnership", "suspended", TODAY - timedelta(days=3), None),
        (3, "S3", "丙", "Gamma", "steel", "II", "competitive", "potential", None, "A"),
        (4, "S4", "丁", "Delta", "pcb", "II", "partnership", "approved", TODAY + timedelta(days=20), "C"),
    ]
    return pd.DataFrame(rows, columns=["id", *FIELDS])


@pytest.fixture
def ctx(db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.wait(5000)


def column_values(proxy, column, role=Qt.ItemDataRole.DisplayRole):
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester):
    model = SupplierTableModel(lambda *a: {}, sup.validate_field, today=TODAY)
    model.set_frame(frame())
    qtmodeltester.check(model)
    proxy = SupplierFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_CLASS)
    qtmodeltester.check(proxy)
    plans = DevelopmentPlanModel(lambda *a: None)
    plans.set_rows([{"id": 1, "weak_area": "SPC", "actions": "train", "owner": "Li", "due_on": TODAY,
                     "status": "planned", "reevaluate_on": None, "outcome": "", "overdue": True}])
    qtmodeltester.check(plans)


def test_sorting_uses_native_values_not_display_text():
    model = SupplierTableModel(today=TODAY)
    model.set_frame(frame())
    proxy = SupplierFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_CLASS, Qt.SortOrder.AscendingOrder)
    assert column_values(proxy, COL_CLASS) == ["I", "II", "II", "III"]  # as text "III" < "II" would be wrong
    proxy.sort(COL_CODE, Qt.SortOrder.AscendingOrder)
    assert column_values(proxy, COL_CODE) == ["S10", "S2", "S3", "S4"]
    proxy.sort(COL_VALID, Qt.SortOrder.AscendingOrder)
    assert column_values(proxy, COL_VALID)[-1] == ""  # a missing date sorts last
    assert column_values(proxy, COL_VALID)[0] == (TODAY - timedelta(days=3)).isoformat()
    proxy.sort(COL_VALID, Qt.SortOrder.DescendingOrder)
    assert column_values(proxy, COL_VALID)[-1] == ""
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)  # lifecycle order, not alphabetical
    assert [proxy.index(r, 0).data() for r in range(4)] == ["S3", "S10", "S4", "S2"]


def test_quick_filter_and_column_filters():
    model = SupplierTableModel(today=TODAY)
    model.set_frame(frame())
    proxy = SupplierFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_quick_filter("gam")
    assert column_values(proxy, COL_CODE) == ["S3"]
    proxy.set_quick_filter("partnership")  # matches the displayed (translated) label
    assert sorted(column_values(proxy, COL_CODE)) == ["S2", "S4"]
    proxy.set_quick_filter("")
    proxy.set_column_filter(COL_CLASS, "II")
    assert sorted(column_values(proxy, COL_CODE)) == ["S3", "S4"]
    proxy.set_column_filter(COL_STATUS, "approved")
    assert column_values(proxy, COL_CODE) == ["S4"]
    proxy.set_column_filter(COL_CLASS, None)
    proxy.set_column_filter(COL_STATUS, None)
    proxy.set_validity_filter("expiring")
    assert column_values(proxy, COL_CODE) == ["S4"]
    proxy.set_validity_filter("expired")
    assert column_values(proxy, COL_CODE) == ["S2"]
    assert model.index(1, COL_VALID).data(Qt.ItemDataRole.ForegroundRole) is not None  # expired shows red


def test_invalid_edit_is_refused_with_a_message(db):
    sid = sup.create_supplier(db, {"code": "A1", "name_en": "Acme"})
    model = SupplierTableModel(lambda i, f, v: sup.update_supplier(db, i, {f: v}).__dict__, sup.validate_field)
    model.set_frame(sup.supplier_grid(db))
    messages = []
    model.edit_rejected.connect(messages.append)
    assert not model.setData(model.index(0, COL_CODE), "bad code!")
    assert messages and "Code" in messages[0] and "not saved" in messages[0]
    assert model.index(0, COL_CODE).data() == "A1"
    assert sup.get_supplier(db, sid).code == "A1"
    assert not (model.flags(model.index(0, COL_STATUS)) & Qt.ItemFlag.ItemIsEditable)  # status: flow only
    sup.create_supplier(db, {"code": "B2", "name_en": "Beta"})
    model.set_frame(sup.supplier_grid(db))
    assert not model.setData(model.index(0, COL_CODE), "B2")  # the service refuses a duplicate code
    assert "already used" in messages[-1]


def test_edits_are_saved_and_undo_redo_writes_back(db):
    sid = sup.create_supplier(db, {"code": "A1", "name_en": "Acme"})
    model = SupplierTableModel(lambda i, f, v: sup.update_supplier(db, i, {f: v}).__dict__, sup.validate_field)
    model.set_frame(sup.supplier_grid(db))
    assert model.setData(model.index(0, COL_NAME_EN), "Acme Precision")
    assert model.setData(model.index(0, COL_CLASS), "I")
    assert sup.get_supplier(db, sid).name_en == "Acme Precision"
    stack = model.undo_stack
    assert stack.count() == 2
    stack.undo()
    assert sup.get_supplier(db, sid).importance_class == "III"
    stack.undo()
    assert sup.get_supplier(db, sid).name_en == "Acme"
    assert model.index(0, COL_NAME_EN).data() == "Acme"
    stack.redo()
    assert sup.get_supplier(db, sid).name_en == "Acme Precision"
    assert model.index(0, COL_NAME_EN).data() == "Acme Precision"


def test_grid_widget_add_duplicate_delete_and_shortcuts(ctx, qtbot, monkeypatch):
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    from app.views.suppliers import dialogs

    def fake_exec(dialog):
        dialog.code.setText("N100")
        dialog.name_zh.setText("新供应商")
        dialog.name_en.setText("New Supplier")
        dialog._accept()
        return QDialog.DialogCode.Accepted if dialog.result() == QDialog.DialogCode.Accepted else 0

    monkeypatch.setattr(dialogs.SupplierDialog, "exec", fake_exec)
    grid.add_supplier()
    assert grid.model.rowCount() == 1 and grid.current_supplier_id() is not None
    grid.duplicate_supplier()
    assert grid.model.rowCount() == 2
    codes = sorted(grid.model.value(r, COL_CODE) for r in range(2))
    assert codes[0] == "N100" and codes[1].startswith("N100-COPY")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    grid.delete_supplier()
    assert grid.model.rowCount() == 2  # declined
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    grid.delete_supplier()
    assert grid.model.rowCount() == 1
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    grid.select_supplier(grid.model.supplier_id(0))
    index = grid.proxy.mapFromSource(grid.model.index(0, COL_CODE))
    grid.table.model().setData(index, "has space")
    assert warnings and grid.message.text()
    assert grid.undo_button.isEnabled() is False


def test_import_is_all_or_nothing_and_export_reads_back(ctx, qtbot, tmp_path, monkeypatch):
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    shown = []
    from app.views.suppliers import dialogs

    monkeypatch.setattr(dialogs.ImportErrorsDialog, "exec", lambda self: shown.append(self.table.rowCount()) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_zh,name_en,importance_class\nG1,甲,Alpha,I\nG2,,,II\nG1,乙,Beta,IV\n", encoding="utf-8")
    assert not grid.import_file(str(bad))
    assert shown and shown[0] >= 2
    assert grid.model.rowCount() == 0  # nothing was written
    good = tmp_path / "good.csv"
    good.write_text("code,name_zh,name_en,importance_class\nG1,甲,Alpha,I\nG2,乙,Beta,II\n", encoding="utf-8")
    assert grid.import_file(str(good))
    assert grid.model.rowCount() == 2
    out = grid.export_file(str(tmp_path / "out.csv"))
    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 3 and any("Alpha" in r for r in rows[1:])
    xlsx = grid.export_file(str(tmp_path / "out.xlsx"))
    assert pd.read_excel(xlsx).shape[0] == 2


def test_grid_remembers_column_widths(ctx, qtbot):
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    grid.table.horizontalHeader().resizeSection(COL_CODE, 177)
    again = SupplierGrid(ctx)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(COL_CODE) == 177


def test_undo_redo_keyboard_shortcuts(ctx, qtbot):
    sid = sup.create_supplier(ctx.database, {"code": "K1", "name_en": "Keys"})
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    with qtbot.waitActive(grid):  # shortcuts fire only in the active window
        grid.show()
        grid.activateWindow()
    grid.select_supplier(sid)
    grid.table.setFocus()
    index = grid.proxy.mapFromSource(grid.model.index(0, COL_NAME_EN))
    assert grid.proxy.setData(index, "Keys Ltd")
    qtbot.keyClick(grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sup.get_supplier(ctx.database, sid).name_en == "Keys"
    qtbot.keyClick(grid.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert sup.get_supplier(ctx.database, sid).name_en == "Keys Ltd"

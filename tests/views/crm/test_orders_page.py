"""Orders screens on a real database: the lines model passes qtmodeltester and pages/sorts/filters in
SQL, the import dialog refuses a bad file listing every row error with nothing imported, then imports a
good file and offers the remembered mapping next time; the entry dialog refuses a bad cell, undoes a line
edit and saves; the customer detail's Orders tab shows that customer only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.models.crm import orders
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.crm.orders_dialogs import ImportDialog, OrderDialog
from app.views.crm.orders_page import OrderLinesModel, OrdersTab, screenshots
from tests.models.crm.conftest import crm  # noqa: F401  (the fixture)

SAP_GOOD = ("Beleg,Kunde,Datum,Material,Text,Menge,Netto,DB\n"
            "A-1,C1,2026-01-05,P-100,Housing,2,120,20\n"
            "A-1,C1,2026-01-05,X-9,Bolt,10,30,3\n"
            "A-2,C2,2026-02-01,X-9,Bolt,4,12,1\n")
SAP_BAD = SAP_GOOD + "A-3,NOPE,2026-02-01,X-9,Bolt,4,12,1\nA-4,C1,2026-02-30,X-9,Bolt,-4,12,1\n"


@pytest.fixture
def ctx(crm, tmp_path, qapp):  # noqa: F811
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(database=crm, tasks=TaskRunner(), language="en", settings=settings)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


def _map(dlg, mapping):
    for field, header in mapping.items():
        combo = dlg.combos[field]
        combo.setCurrentIndex(combo.findData(header))


SAP_MAP = {"order_no": "Beleg", "customer": "Kunde", "order_date": "Datum", "part_code": "Material",
           "part_name": "Text", "quantity": "Menge", "amount": "Netto", "margin": "DB"}


def _run(qtbot, dlg):
    assert dlg.run_button.isEnabled(), dlg.message.text()
    dlg.run_button.click()
    qtbot.waitUntil(lambda: dlg.progress.isHidden(), timeout=10000)


def test_import_journey_refused_then_good_then_remembered(ctx, qtbot, tmp_path):
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(SAP_BAD, encoding="utf-8")
    good.write_text(SAP_GOOD, encoding="utf-8")
    dlg = ImportDialog(ctx)
    qtbot.addWidget(dlg)
    assert not dlg.run_button.isEnabled()          # no file yet
    dlg.load(bad)
    assert dlg.preview.rowCount() == 5 and dlg.preview.columnCount() == 8
    assert not dlg.run_button.isEnabled()          # SAP headers: nothing guessed for the required fields
    assert "Order number" in dlg.message.text()
    _map(dlg, SAP_MAP)
    dlg.remember_edit.setText("SAP")
    _run(qtbot, dlg)
    shown = [dlg.errors.item(i).text() for i in range(dlg.errors.count())]
    assert not dlg.errors.isHidden() and len(shown) == 3, shown
    assert "nothing was imported. 3 problem(s)" in dlg.message.text()
    assert any(s.startswith("Row 5, Customer code") for s in shown)
    assert any(s.startswith("Row 6, Order date") for s in shown) and any(s.startswith("Row 6, Quantity") for s in shown)
    assert orders.line_count(ctx.database) == (0, 0.0, 0.0)
    assert "SAP" not in orders.mappings(ctx.database)   # refused: not remembered either

    dlg.load(good)
    _map(dlg, SAP_MAP)
    _run(qtbot, dlg)
    assert dlg.result == orders.ImportResult(2, 3, 1) and dlg.errors.isHidden()
    assert dlg.message.text().startswith("Imported 2 orders with 3 lines")
    assert orders.line_count(ctx.database) == (3, 162.0, 24.0)
    assert orders.mappings(ctx.database)["SAP"]["order_no"] == "Beleg"

    again = tmp_path / "next.csv"
    again.write_text(SAP_GOOD.replace("A-", "B-"), encoding="utf-8")
    nxt = ImportDialog(ctx)
    qtbot.addWidget(nxt)
    nxt.load(again)
    assert nxt.saved_combo.currentData() == "SAP"   # offered: its columns are all in the file
    assert nxt.mapping() == SAP_MAP and nxt.run_button.isEnabled()


def test_lines_model_pages_sorts_filters(ctx, qtbot, keep, qtmodeltester):
    for i in range(12):
        orders.save_order(ctx.database, {"customer_id": 1 + i % 2, "order_no": f"H-{i:02d}",
                                         "order_date": date(2026, 1, 1 + i)},
                          [{"part_code": "P-100", "quantity": 1, "amount": 10 * (i + 1), "margin": i}])
    model = OrderLinesModel(ctx.database)
    model.PAGE = 5
    model.reload()
    assert model.rowCount() == 5 and model.canFetchMore()
    keep.append(model)
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 12 and len({r.line_id for r in model.rows}) == 12
    model.sort(7, Qt.SortOrder.AscendingOrder)       # amount, in SQL
    assert [r.amount for r in model.rows[:5]] == [10.0, 20.0, 30.0, 40.0, 50.0]
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.total == 12 and "1,020.00" not in tab.totals.text() and "780.00" in tab.totals.text()
    tab.customer_combo.setCurrentIndex(tab.customer_combo.findData(2))
    tab.refresh()
    assert tab.model.total == 6 and {r.customer_code for r in tab.model.rows} == {"C2"}
    tab.text_edit.setText("H-03")
    tab.refresh()
    assert [r.order_no for r in tab.model.rows] == ["H-03"]
    tab.text_edit.clear()
    tab.from_check.setChecked(True)
    tab.from_edit.setDate(date(2026, 1, 10))
    tab.refresh()
    assert {r.order_no for r in tab.model.rows} == {"H-09", "H-11"}
    path = tab.export(str(ctx.settings.fileName() + ".xlsx"))
    from openpyxl import load_workbook
    ws = load_workbook(path).worksheets[0]
    assert ws.max_row == 3 and ws.cell(1, 1).value == "Order number"
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.delete_order()
    assert tab.model.total == 1 and orders.line_count(ctx.database)[0] == 11


def test_entry_refuses_a_bad_cell_undoes_and_saves(ctx, qtbot):
    dlg = OrderDialog(ctx, customer_id=2)
    qtbot.addWidget(dlg)
    m = dlg.model
    dlg.number_edit.setText("M-1")
    assert m.setData(m.index(0, 0), "P-100")
    assert not m.setData(m.index(0, 2), "ten")               # quantity: not a number
    assert m.data(m.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "not a number"
    assert not m.setData(m.index(0, 3), "-5")                # amount: negative
    dlg.save()
    assert dlg.result() == 0 and "Line 1, Quantity: not a number" in dlg.message.text()
    assert orders.line_count(ctx.database)[0] == 0
    assert m.setData(m.index(0, 2), "3") and m.setData(m.index(0, 3), "90") and m.setData(m.index(0, 4), "-2")
    dlg.add_line()
    assert m.setData(m.index(1, 3), "10")
    assert "amount 100.00" in dlg.totals.text()
    m.undo.undo()                                           # the 10 on line 2
    assert m.lines[1]["amount"] == 0.0 and "amount 90.00" in dlg.totals.text()
    m.undo.undo()                                           # the added line
    assert len(m.lines) == 1
    m.undo.redo()
    dlg.model.remove_line(1)
    dlg.save()
    assert dlg.result() == 1 and dlg.saved_id
    detail = orders.order_detail(ctx.database, dlg.saved_id)
    assert detail.customer_id == 2 and detail.lines[0]["amount"] == 90.0 and detail.lines[0]["margin"] == -2.0
    edit = OrderDialog(ctx, order_id=dlg.saved_id)
    qtbot.addWidget(edit)
    assert edit.number_edit.text() == "M-1" and edit.model.lines[0]["part_code"] == "P-100"
    edit.model.setData(edit.model.index(0, 3), "95")
    edit.save()
    assert orders.line_count(ctx.database) == (1, 95.0, -2.0)


def test_customer_tab_and_screenshots(ctx, qtbot):
    from app.views.customers.detail import TAB_FACTORIES

    orders.save_order(ctx.database, {"customer_id": 1, "order_no": "K-1", "order_date": date(2026, 3, 1)},
                      [{"quantity": 1, "amount": 5}])
    orders.save_order(ctx.database, {"customer_id": 2, "order_no": "K-2", "order_date": date(2026, 3, 1)},
                      [{"quantity": 1, "amount": 7}])
    factory = next(f for f in TAB_FACTORIES if f.key == "crm_orders")
    assert factory.available()
    tab = factory.create(ctx, 2)
    qtbot.addWidget(tab)
    assert isinstance(tab, OrdersTab) and [r.order_no for r in tab.model.rows] == ["K-2"]
    shots = screenshots(ctx)
    assert [n for n, _w in shots] == ["crm_orders", "crm_orders_import", "crm_order_entry"]
    for _n, w in shots:
        qtbot.addWidget(w)


def test_without_the_permission_nothing_changes(ctx, qtbot):
    from app.models.admin.identity import Actor

    orders.save_order(ctx.database, {"customer_id": 1, "order_no": "R-1", "order_date": date(2026, 3, 1)},
                      [{"quantity": 1, "amount": 5}])
    ctx.database.actor = Actor(user_id=None, username="viewer", display_name="Viewer",
                               permissions=frozenset({"crm.view"}))
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    assert not any(b.isEnabled() for b in (tab.import_button, tab.new_button, tab.edit_button, tab.delete_button))
    assert tab.export_button.isEnabled()
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.delete_order(confirm=False)
    assert orders.line_count(ctx.database)[0] == 1
    dlg = ImportDialog(ctx)
    qtbot.addWidget(dlg)
    assert not dlg.run_button.isEnabled()

"""``OrdersTab(ctx, customer_id=None)``: the customer order lines — the sales history the value
analysis reads.

The list pages through the lines in SQL (``orders.order_lines``, 500 at a time through
``fetchMore``), sorts in SQL by the clicked header, filters by customer, part, date range and text,
and shows the revenue and margin of everything the filter selects (``orders.line_count``). Buttons:
Import…, New order…, Edit…, Delete, Export (xlsx through ``app.reports.tabular``). With a
``customer_id`` it is the customer detail's "Orders" tab, showing that customer only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.models.crm import orders
from app.views.core.table_models import readable_headers
from app.views.crm.orders_dialogs import ImportDialog, OrderDialog, _can, _refusal, field_label

translate = QCoreApplication.translate

COLUMNS = ("order_no", "order_date", "customer_code", "line_no", "part_code", "part_name",
           "quantity", "amount", "margin", "currency")
NUMERIC = {"quantity", "amount", "margin"}


def column_label(name: str) -> str:
    if name == "customer_code":
        return translate("CrmOrders", "Customer")
    if name == "line_no":
        return translate("CrmOrders", "Line")
    return field_label(name)


class OrderLinesModel(QAbstractTableModel):
    """Order lines read a page at a time; sorting asks the service again (sorted in SQL)."""

    PAGE = 500

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.flt = orders.LineFilter()
        self.sort_key, self.descending = "order_date", True
        self.rows: list[orders.LineRow] = []
        self.total = 0
        self._resetting = False
        self.amount = self.margin = 0.0

    def reload(self, flt: orders.LineFilter | None = None) -> None:
        if flt is not None:
            self.flt = flt
        total, amount, margin = orders.line_count(self.db, self.flt)
        rows = orders.order_lines(self.db, self.flt, sort=self.sort_key, descending=self.descending, limit=self.PAGE)
        self._resetting = True  # no fetchMore from a slot of modelReset while the reset is still in flight
        try:
            self.beginResetModel()
            self.total, self.amount, self.margin, self.rows = total, amount, margin, rows
            self.endResetModel()
        finally:
            self._resetting = False

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._resetting and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        import shiboken6

        if not shiboken6.isValid(self) or parent.isValid() or self._resetting:
            return
        more = orders.order_lines(self.db, self.flt, sort=self.sort_key, descending=self.descending,
                                  offset=len(self.rows), limit=self.PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_key, self.descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        self.reload()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_label(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()]
        value = getattr(row, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key in NUMERIC:
                return f"{value:,.2f}"
            return value.isoformat() if isinstance(value, date) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("part_name", "customer_code"):
            return row.customer_name_zh + " / " + row.customer_name_en if key == "customer_code" else row.part_name
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC | {"line_no"}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.order_id
        return None


class OrdersTab(QWidget):
    def __init__(self, ctx, customer_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setObjectName("crmOrdersTab")
        may = _can(ctx, "crm.orders")
        self.customer_combo = QComboBox()
        self.customer_combo.addItem(self.tr("All customers"), None)
        zh = ctx.language == "zh_CN"
        for cid, code, name_zh, name_en in orders.customer_choices(ctx.database):
            self.customer_combo.addItem(f"{code}  {(name_zh if zh else name_en) or ''}", cid)
        if customer_id is not None:
            self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(customer_id)))
            self.customer_combo.setEnabled(False)
        self.part_edit = QLineEdit()
        self.part_edit.setPlaceholderText(self.tr("Part code or name"))
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Search order, customer, part"))
        self.text_edit.setClearButtonEnabled(True)
        self.from_check, self.to_check = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        self.from_edit.setDate(today.addYears(-1))
        self.to_edit.setDate(today)
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.dateChanged.connect(lambda *_: self._schedule())
        for c in (self.from_check, self.to_check):
            c.toggled.connect(lambda *_: self._schedule())
        self.customer_combo.currentIndexChanged.connect(lambda *_: self._schedule())
        self.part_edit.textChanged.connect(lambda *_: self._schedule())
        self.text_edit.textChanged.connect(lambda *_: self._schedule())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)

        filters = QHBoxLayout()
        if customer_id is None:
            filters.addWidget(self.customer_combo, 2)
        filters.addWidget(self.part_edit, 1)
        filters.addWidget(self.from_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.to_check)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.text_edit, 2)

        self.import_button = QPushButton(self.tr("&Import…"))
        self.new_button = QPushButton(self.tr("&New order…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.import_button.clicked.connect(lambda: self.import_orders())
        self.new_button.clicked.connect(lambda: self.new_order())
        self.edit_button.clicked.connect(lambda: self.edit_order())
        self.delete_button.clicked.connect(lambda: self.delete_order())
        self.export_button.clicked.connect(lambda: self.export())
        for b in (self.import_button, self.new_button, self.edit_button, self.delete_button):
            b.setEnabled(may)
        self.totals = QLabel()
        self.totals.setObjectName("ordersTotals")
        bar = QHBoxLayout()
        bar.addWidget(self.totals, 1)
        for b in (self.import_button, self.new_button, self.edit_button, self.delete_button, self.export_button):
            bar.addWidget(b)

        self.model = OrderLinesModel(ctx.database, self)
        self.view = QTableView()
        self.view.setObjectName("ordersLines")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda *_: self.edit_order())
        readable_headers(self.view)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.text_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, activated=self.delete_order)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_order)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self._restore()
        self.refresh()

    # -- layout remembered
    def _settings_key(self) -> str:
        return "crm/orders/header" + ("_customer" if self.customer_id is not None else "")

    def _restore(self) -> None:
        settings = getattr(self.ctx, "settings", None)
        state = settings.value(self._settings_key()) if settings is not None else None
        if state:
            self.view.horizontalHeader().restoreState(state)

    def hideEvent(self, ev) -> None:  # noqa: N802
        settings = getattr(self.ctx, "settings", None)
        if settings is not None:
            settings.setValue(self._settings_key(), self.view.horizontalHeader().saveState())
        super().hideEvent(ev)

    # -- list
    def current_filter(self) -> orders.LineFilter:
        cid = self.customer_id if self.customer_id is not None else self.customer_combo.currentData()
        return orders.LineFilter(customer_id=cid, part=self.part_edit.text(), text=self.text_edit.text(),
                                 date_from=self.from_edit.date().toPython() if self.from_check.isChecked() else None,
                                 date_to=self.to_edit.date().toPython() if self.to_check.isChecked() else None)

    def _schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.model.reload(self.current_filter())
        self.totals.setText(self.tr("%1 lines · revenue %2 · margin %3 (%4)")
                            .replace("%1", f"{self.model.total:,}").replace("%2", f"{self.model.amount:,.2f}")
                            .replace("%3", f"{self.model.margin:,.2f}")
                            .replace("%4", f"{(self.model.margin / self.model.amount * 100):.1f} %"
                                     if self.model.amount else "—"))

    def selected_order(self) -> int | None:
        ix = self.view.currentIndex()
        return self.model.data(self.model.index(ix.row(), 0), Qt.ItemDataRole.UserRole) if ix.isValid() else None

    # -- actions
    def import_orders(self) -> None:
        dlg = ImportDialog(self.ctx, self)
        dlg.exec()
        if dlg.result is not None:
            self.refresh()

    def new_order(self) -> None:
        if not self.new_button.isEnabled():
            return
        dlg = OrderDialog(self.ctx, customer_id=self.customer_id, parent=self)
        if dlg.exec():
            self.refresh()

    def edit_order(self) -> None:
        oid = self.selected_order()
        if oid is None or not self.edit_button.isEnabled():
            return
        dlg = OrderDialog(self.ctx, order_id=oid, parent=self)
        if dlg.exec():
            self.refresh()

    def delete_order(self, *, confirm: bool = True) -> None:
        oid = self.selected_order()
        if oid is None or not self.delete_button.isEnabled():
            return
        row = self.model.rows[self.view.currentIndex().row()]
        if confirm and QMessageBox.question(
                self, self.tr("Delete order"),
                self.tr("Delete order %1 with all its lines?").replace("%1", row.order_no)) != QMessageBox.StandardButton.Yes:
            return
        try:
            orders.delete_order(self.ctx.database, oid)
        except Exception as exc:  # a refusal: said, nothing changed
            QMessageBox.warning(self, self.tr("Delete order"), _refusal(exc, self.ctx.language))
            return
        self.refresh()

    def export(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export order lines"), "orders.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        from app.reports.tabular import write_xlsx

        rows, offset = [], 0
        while True:  # every line the filter selects, not only the pages already shown
            page = orders.order_lines(self.ctx.database, self.model.flt, sort=self.model.sort_key,
                                      descending=self.model.descending, offset=offset, limit=5000)
            rows += [[getattr(r, c) for c in COLUMNS] for r in page]
            offset += len(page)
            if len(page) < 5000:
                break
        write_xlsx(path, [column_label(c) for c in COLUMNS], rows, title=self.tr("Orders"),
                   widths=(14, 12, 12, 6, 14, 28, 10, 14, 14, 8))
        return path


class AllOrdersTab(OrdersTab):
    """Every customer's order lines: the Orders tab of the Customer value module."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, None, parent)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    """The orders list, the import dialog and the order entry, for ``qualitybridge screenshots``."""
    shots: list[tuple[str, QWidget]] = [("crm_orders", OrdersTab(ctx)), ("crm_orders_import", ImportDialog(ctx))]
    rows = orders.order_lines(ctx.database, limit=1)
    shots.append(("crm_order_entry", OrderDialog(ctx, order_id=rows[0].order_id if rows else None)))
    return shots


def title() -> str:
    """The tab's title (the customer detail's ``TabFactory`` says the same)."""
    return translate("CrmOrders", "Orders")

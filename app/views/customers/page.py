"""Customers: the customer master grid with the selected customer's details below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.views.core.context import AppContext
from app.views.customers.detail import CustomerDetail
from app.views.customers.grid import CustomerGrid


class CustomersPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customersPage")
        self.grid = CustomerGrid(ctx)
        self.detail = CustomerDetail(ctx)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("customersSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = ctx.settings.value("customers/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([440, 320])
        self.splitter.splitterMoved.connect(
            lambda *_: ctx.settings.setValue("customers/splitter", self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.grid.current_customer_changed.connect(self.detail.set_customer)
        self.grid.model.edited.connect(lambda cid: cid == self.detail.customer_id and self.detail.refresh())
        self.detail.changed.connect(lambda cid: self.grid.refresh(keep=cid))
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        if self.grid.model.rowCount():
            self.grid.table.selectRow(0)

    def refresh(self) -> None:
        self.grid.refresh()
        self.detail.set_customer(self.grid.current_customer_id())


def screenshots(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The dialogs, filled as a user would see them (the page itself is rendered by the tool)."""
    from app.models.customers import master
    from app.views.customers.dialogs import ContactDialog, CustomerDialog, LinkPartDialog
    from app.views.customers.detail import CustomerDetail
    from app.views.suppliers.common import delete_on_close

    rows = master.customer_rows(ctx.database)
    shots: list[tuple[str, QWidget]] = [("new-customer", CustomerDialog(ctx))]
    if rows:
        first = max(rows, key=lambda r: (r.contacts, r.parts))
        shots.append(("edit-customer", CustomerDialog(ctx, first.id)))
        contacts = master.list_contacts(ctx.database, first.id)
        shots.append(("contact", ContactDialog(ctx, first.id, contacts[0].id if contacts else None)))
        shots.append(("link-part", LinkPartDialog(ctx, first.id)))
        detail = CustomerDetail(ctx)
        detail.set_customer(first.id)
        detail.resize(1100, 420)
        detail.tabs.setCurrentIndex(1)  # contacts
        shots.append(("customer-contacts", detail))
        history = CustomerDetail(ctx)
        history.set_customer(first.id)
        history.resize(1100, 420)
        history.tabs.setCurrentIndex(history.tabs.indexOf(history.history_page))
        shots.append(("customer-history", history))
        shots.append(("value-class", history.value_class_dialog(parent=None)))
    return delete_on_close(shots)

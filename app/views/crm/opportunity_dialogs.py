"""Dialogs of the opportunities tab: a new or edited opportunity, and closing one as won (the
amount, and for a prospect the new customer's code and name) or lost (the reason)."""

from __future__ import annotations

from typing import Any

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.views.crm.sales_common import SalesFormDialog


def _buttons(dialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog._accept)
    box.rejected.connect(dialog.reject)
    return box


def _text(value) -> str:
    return "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))


class OpportunityDialog(SalesFormDialog):
    """New opportunity (``row`` None) or the editable fields of one."""

    def __init__(self, ctx, parent=None, *, row=None) -> None:
        from app.models.crm import campaigns, opportunities
        from app.models.customers import master

        self.row = row
        if row is None:
            submit = lambda v: opportunities.create_opportunity(ctx.database, v)  # noqa: E731
        else:
            submit = lambda v: opportunities.update_opportunity(ctx.database, row.id, v)  # noqa: E731
        super().__init__(ctx, parent, submit)
        self.setWindowTitle(self.tr("New opportunity") if row is None else self.tr("Edit opportunity"))
        lang = ctx.language
        self.form = form = QFormLayout()
        self.title = QLineEdit(row.title if row else "")
        self.customer = QComboBox()
        self.customer.addItem(self.tr("(prospect, not yet a customer)"), None)
        for r in master.customer_rows(ctx.database):
            name = (r.name_zh or r.name_en) if lang == "zh_CN" else (r.name_en or r.name_zh)
            self.customer.addItem(f"{r.code} {name}", r.id)
        if row is not None and row.customer_id is not None:
            self.customer.setCurrentIndex(max(0, self.customer.findData(row.customer_id)))
        self.prospect = QLineEdit(row.prospect_name if row else "")
        self.contact = QComboBox()
        self.customer.currentIndexChanged.connect(self._fill_contacts)
        self._fill_contacts()
        if row is not None and row.contact_id is not None:
            self.contact.setCurrentIndex(max(0, self.contact.findData(row.contact_id)))
        self.need = QPlainTextEdit(row.need if row else "")
        self.need.setFixedHeight(60)
        self.competitors = QLineEdit(row.competitors if row else "")
        self.revenue = QLineEdit(_text(row.expected_revenue) if row else "")
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setValue(row.probability if row else opportunities.default_probability("qualification"))
        self.close_edit = QLineEdit(_text(row.expected_close) if row else "")
        self.close_edit.setPlaceholderText("YYYY-MM-DD")
        self.next_step = QLineEdit(row.next_step if row else "")
        self.reminder = QLineEdit(_text(row.reminder_on) if row else "")
        self.reminder.setPlaceholderText("YYYY-MM-DD")
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("(none)"), None)
        for cid, text in campaigns.campaign_choices(ctx.database):
            self.campaign.addItem(text, cid)
        if row is not None and row.campaign_id is not None:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(row.campaign_id)))
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Customer:"), self.customer)
        form.addRow(self.tr("Prospect name:"), self.prospect)
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Need:"), self.need)
        form.addRow(self.tr("Competitors:"), self.competitors)
        form.addRow(self.tr("Expected revenue:"), self.revenue)
        form.addRow(self.tr("Probability:"), self.probability)
        form.addRow(self.tr("Expected close:"), self.close_edit)
        form.addRow(self.tr("Next step:"), self.next_step)
        form.addRow(self.tr("Reminder on:"), self.reminder)
        form.addRow(self.tr("Campaign:"), self.campaign)
        self.field_widgets = {"title": self.title, "customer_id": self.customer, "prospect_name": self.prospect,
                              "contact_id": self.contact, "need": self.need, "competitors": self.competitors,
                              "expected_revenue": self.revenue, "probability": self.probability,
                              "expected_close": self.close_edit, "next_step": self.next_step,
                              "reminder_on": self.reminder, "campaign_id": self.campaign}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.resize(560, self.sizeHint().height())

    def _fill_contacts(self) -> None:
        from app.models.customers import master

        self.contact.clear()
        self.contact.addItem(self.tr("(none)"), None)
        cid = self.customer.currentData()
        if cid is not None:
            for k in master.list_contacts(self.ctx.database, cid, include_erased=False):
                self.contact.addItem(f"{k.name} ({k.role})" if k.role else k.name, k.id)
        self.prospect.setEnabled(cid is None)

    def problems(self) -> dict[str, str]:
        if not self.title.text().strip():
            return {"title": self.tr("A title is required.")}
        if self.customer.currentData() is None and not self.prospect.text().strip():
            return {"prospect_name": self.tr("Choose a customer or enter the prospect's name.")}
        return {}

    def values(self) -> dict[str, Any]:
        out = {"title": self.title.text(), "customer_id": self.customer.currentData(),
               "prospect_name": self.prospect.text() if self.customer.currentData() is None else "",
               "contact_id": self.contact.currentData(), "need": self.need.toPlainText(),
               "competitors": self.competitors.text(), "expected_revenue": self.revenue.text(),
               "probability": self.probability.value(), "expected_close": self.close_edit.text(),
               "next_step": self.next_step.text(), "reminder_on": self.reminder.text(),
               "campaign_id": self.campaign.currentData()}
        return out


class CloseDialog(SalesFormDialog):
    """Won (amount; a prospect also gets its customer code and name) or lost (the reason)."""

    def __init__(self, ctx, row, stage: str, parent=None) -> None:
        from app.models.crm import opportunities

        self.row, self.stage = row, stage
        super().__init__(ctx, parent, lambda v: opportunities.move_stage(ctx.database, row.id, stage, **v))
        self.setWindowTitle(self.tr("Opportunity won") if stage == "won" else self.tr("Opportunity lost"))
        self.form = form = QFormLayout()
        self.amount = QLineEdit(f"{row.expected_revenue:.0f}" if stage == "won" and row.expected_revenue else "")
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(70)
        self.code = QLineEdit()
        self.name_zh = QLineEdit(row.prospect_name)
        self.name_en = QLineEdit(row.prospect_name)
        form.addRow(QLabel(row.title))
        if stage == "won":
            form.addRow(self.tr("Amount won:"), self.amount)
        form.addRow(self.tr("Reason:") if stage == "lost" else self.tr("Why we won:"), self.reason)
        self.field_widgets = {"won_amount": self.amount, "reason": self.reason}
        if stage == "won" and row.customer_id is None:
            form.addRow(QLabel(self.tr("The prospect becomes a customer:")))
            form.addRow(self.tr("Customer code:"), self.code)
            form.addRow(self.tr("Name (Chinese):"), self.name_zh)
            form.addRow(self.tr("Name (English):"), self.name_en)
            self.field_widgets.update({"new_customer": self.code, "new_customer.code": self.code,
                                       "new_customer.name_zh": self.name_zh, "new_customer.name_en": self.name_en})
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if stage == "won":
            layout.addWidget(self._first_order_box())
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.resize(620 if stage == "won" else 480, self.sizeHint().height())

    # ---- the customer's first order lines (won only)
    LINE_FIELDS = ("part_code", "part_name", "quantity", "amount", "margin")

    def _first_order_box(self) -> QGroupBox:
        from app.models.admin.permissions import can

        box = self.first_order = QGroupBox(self.tr("Record the first order (sales history)"))
        box.setObjectName("firstOrder")
        box.setCheckable(True)
        box.setChecked(False)
        box.setEnabled(can(self.ctx.database, "crm.orders"))
        inner = QFormLayout()
        self.order_no = QLineEdit()
        self.order_no.setObjectName("firstOrderNo")
        self.order_date = QLineEdit(date.today().isoformat())
        self.order_date.setPlaceholderText("YYYY-MM-DD")
        inner.addRow(self.tr("Order number:"), self.order_no)
        inner.addRow(self.tr("Order date:"), self.order_date)
        self.lines = QTableWidget(1, len(self.LINE_FIELDS))
        self.lines.setObjectName("firstOrderLines")
        self.lines.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Part name"), self.tr("Quantity"),
                                              self.tr("Amount"), self.tr("Margin")])
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setMinimumHeight(120)
        add, remove = QPushButton(self.tr("Add line")), QPushButton(self.tr("Remove line"))
        add.clicked.connect(lambda: self.lines.insertRow(self.lines.rowCount()))
        remove.clicked.connect(lambda: self.lines.removeRow(max(self.lines.currentRow(), 0))
                               if self.lines.rowCount() > 1 else None)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        col = QVBoxLayout(box)
        col.addLayout(inner)
        col.addWidget(self.lines)
        col.addLayout(buttons)
        self.field_widgets.update({"first_order.order_no": self.order_no, "first_order.order_date": self.order_date,
                                   "first_order.lines": self.lines, "first_order": self.lines})
        return box

    def _line_values(self) -> list[dict[str, str]]:
        out = []
        for r in range(self.lines.rowCount()):
            cells = [(self.lines.item(r, c).text().strip() if self.lines.item(r, c) else "")
                     for c in range(len(self.LINE_FIELDS))]
            if any(cells):
                out.append(dict(zip(self.LINE_FIELDS, cells)))
        return out

    def set_line(self, row: int, values: dict[str, str]) -> None:
        while self.lines.rowCount() <= row:
            self.lines.insertRow(self.lines.rowCount())
        for c, key in enumerate(self.LINE_FIELDS):
            self.lines.setItem(row, c, QTableWidgetItem(str(values.get(key, ""))))

    def field_label(self, field: str) -> str:
        parts = field.split(".")
        if len(parts) == 4 and parts[:2] == ["first_order", "lines"]:
            names = dict(zip(self.LINE_FIELDS, (self.tr("part"), self.tr("part name"), self.tr("quantity"),
                                                self.tr("amount"), self.tr("margin"))))
            return self.tr("First order line %1, %2").replace("%1", parts[2]).replace("%2", names.get(parts[3], parts[3]))
        if field in ("first_order.lines", "first_order"):
            return self.tr("First order lines")
        if field == "first_order.order_no":
            return self.tr("Order number:").rstrip(":：")
        if field == "first_order.order_date":
            return self.tr("Order date:").rstrip(":：")
        return super().field_label(field)

    def mark(self, problems: dict[str, str]) -> None:
        super().mark(problems)
        self._line_problems = {f for f in problems if f.startswith("first_order.lines") or f == "first_order"}
        if self.stage == "won" and self._line_problems:
            from app.views.suppliers.dialogs import ERROR_STYLE

            self.lines.setStyleSheet(ERROR_STYLE)
            self.lines.setToolTip("\n".join(problems[f] for f in sorted(self._line_problems)))

    def marked_fields(self) -> set[str]:
        return super().marked_fields() | getattr(self, "_line_problems", set())

    def _accept(self) -> None:
        if self.stage == "won" and self.first_order.isChecked():
            for i in range(1, len(self._line_values()) + 1):
                for key in self.LINE_FIELDS:
                    self.field_widgets.setdefault(f"first_order.lines.{i}.{key}", self.lines)
        super()._accept()

    def problems(self) -> dict[str, str]:
        if self.stage == "lost" and not self.reason.toPlainText().strip():
            return {"reason": self.tr("Say why the opportunity was lost.")}
        if self.stage == "won" and not self.amount.text().strip():
            return {"won_amount": self.tr("Enter the amount won.")}
        return {}

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason.toPlainText()}
        if self.stage == "won":
            out["won_amount"] = self.amount.text()
            if self.row.customer_id is None:
                out["new_customer"] = {"code": self.code.text(), "name_zh": self.name_zh.text(),
                                       "name_en": self.name_en.text()}
            if self.first_order.isChecked():
                out["first_order"] = {"order_no": self.order_no.text(), "order_date": self.order_date.text(),
                                      "lines": self._line_values()}
        return out

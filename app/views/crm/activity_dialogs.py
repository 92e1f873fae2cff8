"""The activity form: a call, visit, mail or meeting against a customer, a contact, an
opportunity or a complaint, with its due and reminder dates."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from app.views.crm.opportunity_dialogs import _buttons
from app.views.crm.sales_common import KINDS, SalesFormDialog, label


class ActivityDialog(SalesFormDialog):
    def __init__(self, ctx, parent=None, *, customer_id: int | None = None, opportunity_id: int | None = None,
                 row=None) -> None:
        from app.models.crm import activities, opportunities
        from app.models.customers import master

        if row is None:
            submit = lambda v: activities.create_activity(ctx.database, v)  # noqa: E731
        else:
            submit = lambda v: activities.update_activity(ctx.database, row.id, v)  # noqa: E731
            customer_id, opportunity_id = row.customer_id, row.opportunity_id
        super().__init__(ctx, parent, submit)
        self.setWindowTitle(self.tr("New activity") if row is None else self.tr("Edit activity"))
        lang = ctx.language
        self.form = form = QFormLayout()
        self.kind = QComboBox()
        for key in KINDS:
            self.kind.addItem(label(KINDS, key), key)
        self.subject = QLineEdit()
        self.customer = QComboBox()
        self.customer.addItem(self.tr("(none)"), None)
        for r in master.customer_rows(ctx.database):
            self.customer.addItem(f"{r.code} {(r.name_zh or r.name_en) if lang == 'zh_CN' else (r.name_en or r.name_zh)}",
                                  r.id)
        if customer_id is not None:
            self.customer.setCurrentIndex(max(0, self.customer.findData(customer_id)))
        self.opportunity = QComboBox()
        self.opportunity.addItem(self.tr("(none)"), None)
        for o in opportunities.list_opportunities(ctx.database, open_only=True):
            self.opportunity.addItem(f"#{o.id} {o.title}", o.id)
        if opportunity_id is not None:
            self.opportunity.setCurrentIndex(max(0, self.opportunity.findData(opportunity_id)))
        self.complaint = QLineEdit()
        self.complaint.setPlaceholderText(self.tr("complaint id (optional)"))
        self.due = QLineEdit()
        self.reminder = QLineEdit()
        for w in (self.due, self.reminder):
            w.setPlaceholderText("YYYY-MM-DD")
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        if row is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
            self.subject.setText(row.subject)
            self.complaint.setText("" if row.complaint_id is None else str(row.complaint_id))
            self.due.setText(row.due_on.isoformat() if row.due_on else "")
            self.reminder.setText(row.reminder_on.isoformat() if row.reminder_on else "")
            self.note.setPlainText(row.note)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Customer:"), self.customer)
        form.addRow(self.tr("Opportunity:"), self.opportunity)
        form.addRow(self.tr("Complaint:"), self.complaint)
        form.addRow(self.tr("Due on:"), self.due)
        form.addRow(self.tr("Reminder on:"), self.reminder)
        form.addRow(self.tr("Note:"), self.note)
        self.field_widgets = {"kind": self.kind, "subject": self.subject, "customer_id": self.customer,
                              "opportunity_id": self.opportunity, "complaint_id": self.complaint, "due_on": self.due,
                              "reminder_on": self.reminder, "note": self.note}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.resize(520, self.sizeHint().height())

    def problems(self) -> dict[str, str]:
        from app.models.crm import activities

        out = {}
        for field, value in self.values().items():
            if field == "complaint_id" and value and not str(value).isdigit():
                out[field] = self.tr("A complaint id is a number.")
                continue
            problem = activities.field_problem(field, value)
            if problem is not None:
                out[field] = problem.text(self.ctx.language)
        return out

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "subject": self.subject.text(),
                "customer_id": self.customer.currentData(), "opportunity_id": self.opportunity.currentData(),
                "complaint_id": self.complaint.text().strip() or None, "due_on": self.due.text(),
                "reminder_on": self.reminder.text(), "note": self.note.toPlainText()}

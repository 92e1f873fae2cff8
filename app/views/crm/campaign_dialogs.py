"""Dialogs of the campaigns tab: a new or edited campaign, target contacts from a contact group
and customer filters, a recorded response."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from app.views.crm.opportunity_dialogs import _buttons, _text
from app.views.crm.sales_common import CAMPAIGN_TYPES, CHANNELS, GROUPS, SalesFormDialog, label


class CampaignDialog(SalesFormDialog):
    def __init__(self, ctx, parent=None, *, row=None) -> None:
        from app.models.crm import campaigns

        if row is None:
            submit = lambda v: campaigns.create_campaign(ctx.database, v)  # noqa: E731
        else:
            submit = lambda v: campaigns.update_campaign(ctx.database, row.id, v)  # noqa: E731
        super().__init__(ctx, parent, submit)
        self.setWindowTitle(self.tr("New campaign") if row is None else self.tr("Edit campaign"))
        self.form = form = QFormLayout()
        self.code = QLineEdit(row.code if row else "")
        self.name = QLineEdit(row.name if row else "")
        self.type = QComboBox()
        for key in CAMPAIGN_TYPES:
            self.type.addItem(label(CAMPAIGN_TYPES, key), key)
        if row is not None:
            self.type.setCurrentIndex(self.type.findData(row.campaign_type))
        self.starts = QLineEdit(_text(row.starts_on) if row else "")
        self.ends = QLineEdit(_text(row.ends_on) if row else "")
        for w in (self.starts, self.ends):
            w.setPlaceholderText("YYYY-MM-DD")
        self.budget = QLineEdit(_text(row.budget) if row else "")
        self.cost = QLineEdit(_text(row.actual_cost) if row else "")
        self.description = QPlainTextEdit(row.description if row else "")
        self.description.setFixedHeight(60)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Type:"), self.type)
        form.addRow(self.tr("Starts on:"), self.starts)
        form.addRow(self.tr("Ends on:"), self.ends)
        form.addRow(self.tr("Budget:"), self.budget)
        form.addRow(self.tr("Actual cost:"), self.cost)
        form.addRow(self.tr("Description:"), self.description)
        self.field_widgets = {"code": self.code, "name": self.name, "campaign_type": self.type,
                              "starts_on": self.starts, "ends_on": self.ends, "budget": self.budget,
                              "actual_cost": self.cost, "description": self.description}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def problems(self) -> dict[str, str]:
        from app.models.crm import campaigns

        out = {}
        for field, value in self.values().items():
            problem = campaigns.field_problem(field, value)
            if problem is not None:
                out[field] = problem.text(self.ctx.language)
        return out

    def values(self) -> dict[str, Any]:
        return {"code": self.code.text(), "name": self.name.text(), "campaign_type": self.type.currentData(),
                "starts_on": self.starts.text(), "ends_on": self.ends.text(), "budget": self.budget.text(),
                "actual_cost": self.cost.text(), "description": self.description.toPlainText()}


class TargetsDialog(SalesFormDialog):
    """Add the active contacts of a group, narrowed by the customers' region, industry, lifecycle."""

    def __init__(self, ctx, campaign_id: int, parent=None) -> None:
        from app.models.crm import campaigns

        super().__init__(ctx, parent, lambda v: campaigns.add_targets(ctx.database, campaign_id, **v))
        self.setWindowTitle(self.tr("Add target contacts"))
        self.form = form = QFormLayout()
        self.group = QComboBox()
        self.group.addItem(self.tr("(any group)"), None)
        for key in GROUPS:
            self.group.addItem(label(GROUPS, key), key)
        self.region = QLineEdit()
        self.industry = QLineEdit()
        self.lifecycle = QComboBox()
        self.lifecycle.addItem(self.tr("(any)"), None)
        for key, text in (("current", self.tr("Current customers")), ("potential", self.tr("Potential customers")),
                          ("past", self.tr("Past customers"))):
            self.lifecycle.addItem(text, key)
        form.addRow(self.tr("Contact group:"), self.group)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("Industry:"), self.industry)
        form.addRow(self.tr("Customers:"), self.lifecycle)
        self.field_widgets = {"group": self.group, "region": self.region, "industry": self.industry}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def values(self) -> dict[str, Any]:
        return {"group": self.group.currentData(), "region": self.region.text().strip() or None,
                "industry": self.industry.text().strip() or None, "lifecycle": self.lifecycle.currentData()}


class ResponseDialog(SalesFormDialog):
    def __init__(self, ctx, campaign_id: int, targets, parent=None, *, contact_id: int | None = None) -> None:
        from app.models.crm import campaigns

        super().__init__(ctx, parent, lambda v: campaigns.record_response(ctx.database, campaign_id, **v))
        self.setWindowTitle(self.tr("Record a response"))
        self.form = form = QFormLayout()
        self.contact = QComboBox()
        for t in targets:
            self.contact.addItem(f"{t.customer_code} · {t.contact_name}", t.contact_id)
        if contact_id is not None:
            self.contact.setCurrentIndex(max(0, self.contact.findData(contact_id)))
        self.day = QLineEdit()
        self.day.setPlaceholderText(self.tr("YYYY-MM-DD (empty: today)"))
        self.channel = QComboBox()
        for key in CHANNELS:
            self.channel.addItem(label(CHANNELS, key), key)
        self.note = QLineEdit()
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Responded on:"), self.day)
        form.addRow(self.tr("Channel:"), self.channel)
        form.addRow(self.tr("Note:"), self.note)
        self.field_widgets = {"contact_id": self.contact, "responded_on": self.day, "channel": self.channel,
                              "note": self.note}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def problems(self) -> dict[str, str]:
        return {} if self.contact.count() else {"contact_id": self.tr("Add target contacts first.")}

    def values(self) -> dict[str, Any]:
        return {"contact_id": self.contact.currentData(), "responded_on": self.day.text(),
                "channel": self.channel.currentData(), "note": self.note.text()}

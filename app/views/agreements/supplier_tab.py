"""The "Quality agreements" tab of the supplier detail: every version of the supplier's agreements
with its state, dates and signatories, and which version was in force on a chosen day."""

from __future__ import annotations

from datetime import date

import pandas as pd
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.models.agreements import service as svc
from app.views.core.table_models import Column
from app.views.suppliers import common as c


class SupplierAgreementsTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("supplierAgreements")
        self.ctx = ctx
        self.supplier_id: int | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("In force on")))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        row.addWidget(self.day)
        self.answer = QLabel("")
        self.answer.setObjectName("inForceAnswer")
        row.addWidget(self.answer, 1)
        layout.addLayout(row)
        cols = [Column("number", lambda: self.tr("Agreement")), Column("version", lambda: self.tr("Version")),
                Column("state", lambda: self.tr("State")), Column("effective_from", lambda: self.tr("Effective from")),
                Column("expires_on", lambda: self.tr("Expires on")), Column("signatories", lambda: self.tr("Signatories")),
                Column("sha", lambda: self.tr("Content SHA-256"))]
        self.model, self.proxy, self.table = c.make_table(cols, self, stretch=5)
        layout.addWidget(self.table, 1)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SupplierAgreementsTab", "Quality agreements")

    def set_supplier(self, supplier_id: int | None) -> None:
        self.supplier_id = supplier_id
        self.refresh()

    def refresh(self) -> None:
        day: date = self.day.date().toPython()
        rows = []
        answer = []
        if self.supplier_id is not None:
            for a in svc.list_agreements(self.ctx.database, supplier_id=self.supplier_id, as_of=day):
                for v in a.versions:
                    rows.append({"number": a.number, "version": v.version,
                                 "state": svc.state_label(v.display_state, self.ctx.language),
                                 "effective_from": v.effective_from, "expires_on": v.expires_on,
                                 "signatories": " / ".join(x for x in (v.purchaser.name, v.supplier.name) if x),
                                 "sha": v.content_sha256[:16]})
                if a.in_force is not None:
                    answer.append(f"{a.number} v{a.in_force.version}")
        self.model.set_frame(pd.DataFrame(rows, columns=["number", "version", "state", "effective_from", "expires_on",
                                                         "signatories", "sha"]))
        c.fit_columns_once(self.table)
        self.answer.setText(", ".join(answer) if answer else self.tr("no agreement in force on that day"))


def reminder_text(db) -> str:
    """One line for the overview: agreements in force that expire or are due for review within
    60 days ("" when none)."""
    soon = svc.expiring(db)
    if not soon:
        return ""
    head = QCoreApplication.translate("AgreementsPage", "Expiring or due for review within %1 days: ").replace(
        "%1", str(svc.EXPIRY_SOON_DAYS))
    more = len(soon) - 8
    return head + "; ".join(f"{a.supplier_code} {a.number} v{v.version} ({days} d)" for a, v, days in soon[:8]) + \
        (f" (+{more})" if more > 0 else "")

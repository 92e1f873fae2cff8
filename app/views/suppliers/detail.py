"""Supplier detail: master data, contacts, certificates (expiring/expired highlighted), items,
surveys, audits, corrective actions (overdue highlighted), development plans and status history.

The status changes only through the approval flow or the explicit action dialog (with a reason).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from app.views.suppliers import common as c
from app.views.suppliers.development import DevelopmentPlansWidget
from app.views.core.table_models import Column


translate = QCoreApplication.translate


def _pct(v) -> str:
    return c.fmt_pct(v)


def _row_state_colour(row):
    return c.state_colours(row)


def _overdue_colour(row):
    return c.RED if bool(row.get("overdue")) else None


class SupplierDetail(QWidget):
    """Everything about one supplier; emits ``changed`` after an action that alters the grid row."""

    changed = Signal(int)
    survey_requested = Signal(int)
    audit_requested = Signal(int)
    car_requested = Signal(int)  # corrective action id
    survey_record_requested = Signal(int, str)  # survey id, status: a draft resumes, a submitted one prints
    audit_record_requested = Signal(int, str)  # audit id, status

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import audits, corrective, master, surveys

        self.ctx = ctx
        self.sup, self.surveys, self.audits, self.corrective = master, surveys, audits, corrective
        self.setObjectName("supplierDetail")
        self.supplier_id: int | None = None
        self.row = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Select a supplier"))
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.status_button.setToolTip(self.tr("Suspend, disqualify or reinstate with a reason"))
        self.status_button.clicked.connect(self.change_status)
        self.survey_button = QPushButton(self.tr("New su&rvey…"))
        self.survey_button.clicked.connect(lambda: self.supplier_id and self.survey_requested.emit(self.supplier_id))
        self.audit_button = QPushButton(self.tr("New a&udit…"))
        self.audit_button.clicked.connect(lambda: self.supplier_id and self.audit_requested.emit(self.supplier_id))
        for b in (self.status_button, self.survey_button, self.audit_button):
            head.addWidget(b)
        layout.addLayout(head)
        self.record_buttons: list[QPushButton] = []  # add/edit/remove of contacts and certificates
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supplierTabs")
        layout.addWidget(self.tabs, 1)
        self._build_basic()
        self.contacts = self._table_tab(self.tr("Contacts"), [
            Column("name", lambda: translate("SupplierDetail", "Name")), Column("role", lambda: translate("SupplierDetail", "Role")),
            Column("phone", lambda: translate("SupplierDetail", "Phone")), Column("email", lambda: translate("SupplierDetail", "E-mail")),
            Column("is_primary", lambda: translate("SupplierDetail", "Primary"), format=lambda v: "✓" if v else ""),
        ], stretch=0, buttons=[(self.tr("Add…"), self.add_contact), (self.tr("Edit…"), self.edit_contact),
                               (self.tr("Remove"), self.delete_contact)], history=lambda: self.show_history("contact"))
        self.certificates = self._table_tab(self.tr("Certificates"), [
            Column("standard", lambda: translate("SupplierDetail", "Standard")), Column("number", lambda: translate("SupplierDetail", "Certificate no.")),
            Column("body", lambda: translate("SupplierDetail", "Certification body")), Column("issued_on", lambda: translate("SupplierDetail", "Issued on")),
            Column("expires_on", lambda: translate("SupplierDetail", "Expires on"), foreground=_row_state_colour),
            Column("state", lambda: translate("SupplierDetail", "State"), format=lambda v: c.label(c.STATE, v), foreground=_row_state_colour),
            Column("days_left", lambda: translate("SupplierDetail", "Days left"), align_right=True, foreground=_row_state_colour),
        ], stretch=2, buttons=[(self.tr("Add…"), self.add_certificate), (self.tr("Edit…"), self.edit_certificate),
                               (self.tr("Remove"), self.delete_certificate)],
            history=lambda: self.show_history("certificate"))
        self.items = self._table_tab(self.tr("Items supplied"), [
            Column("code", lambda: translate("SupplierDetail", "Item")), Column(c.name_field(ctx.language), lambda: translate("SupplierDetail", "Name")),
            Column("category", lambda: translate("SupplierDetail", "Category")), Column("importance_class", lambda: translate("SupplierDetail", "Class")),
            Column("share", lambda: translate("SupplierDetail", "Share"), format=lambda v: f"{float(v):.0%}", align_right=True),
            Column("qualified_until", lambda: translate("SupplierDetail", "Qualified until")),
        ], stretch=1)
        self.survey_list = self._table_tab(self.tr("Surveys"), [
            Column("survey_date", lambda: translate("SupplierDetail", "Date")),
            Column("status", lambda: translate("SupplierDetail", "Status"), format=lambda v: c.label(c.DRAFT_STATUS, v)),
            Column("progress", lambda: translate("SupplierDetail", "Sections answered"), align_right=True),
            Column("percent", lambda: translate("SupplierDetail", "Score"), format=_pct, align_right=True),
            Column("recommendation", lambda: translate("SupplierDetail", "Recommendation"), format=lambda v: c.label(c.RECOMMENDATION, v)),
            Column("updated_at", lambda: translate("SupplierDetail", "Last change")),
        ], stretch=4, history=lambda: self.show_history("survey"))
        self.audit_list = self._table_tab(self.tr("Audits"), [
            Column("audit_date", lambda: translate("SupplierDetail", "Date")),
            Column("audit_type", lambda: translate("SupplierDetail", "Type"), format=lambda v: c.label(c.AUDIT_TYPE, v)),
            Column("occasion", lambda: translate("SupplierDetail", "Occasion"), format=lambda v: c.label(c.OCCASION, v)),
            Column("auditors", lambda: translate("SupplierDetail", "Auditors")),
            Column("status", lambda: translate("SupplierDetail", "Status"), format=lambda v: c.label(c.DRAFT_STATUS, v)),
            Column("progress", lambda: translate("SupplierDetail", "Items answered"), align_right=True),
            Column("percent", lambda: translate("SupplierDetail", "Score"), format=_pct, align_right=True),
            Column("result", lambda: translate("SupplierDetail", "Result"), format=lambda v: c.label(c.AUDIT_RESULT, v)),
            Column("findings", lambda: translate("SupplierDetail", "Findings"), align_right=True),
        ], stretch=3, history=lambda: self.show_history("audit"))
        self.cars = self._table_tab(self.tr("Corrective actions"), [
            Column("number", lambda: translate("SupplierDetail", "Number")), Column("title", lambda: translate("SupplierDetail", "Title")),
            Column("issued_on", lambda: translate("SupplierDetail", "Issued on")),
            Column("due_on", lambda: translate("SupplierDetail", "Due on"), foreground=_overdue_colour),
            Column("status", lambda: translate("SupplierDetail", "Status"), format=lambda v: c.label(c.CAR_STATUS, v)),
            Column("step_due", lambda: translate("SupplierDetail", "Current step due"), foreground=_overdue_colour),
            Column("days_overdue", lambda: translate("SupplierDetail", "Days overdue"), align_right=True, foreground=_overdue_colour,
                   format=lambda v: str(v) if v else ""),
            Column("owner", lambda: translate("SupplierDetail", "Owner")),
        ], stretch=1)
        self.cars[2].doubleClicked.connect(self._open_car)
        self.survey_list[2].doubleClicked.connect(lambda *_: self._open_record(self.survey_list, self.survey_record_requested))
        self.audit_list[2].doubleClicked.connect(lambda *_: self._open_record(self.audit_list, self.audit_record_requested))
        for table in (self.survey_list, self.audit_list):
            table[2].setToolTip(self.tr("Double-click: continue a draft, or preview the printed form"))
        self.plans = DevelopmentPlansWidget(ctx, self)
        self.tabs.addTab(self.plans, self.tr("Development plans"))
        from app.views.agreements.supplier_tab import SupplierAgreementsTab  # agreements domain

        self.agreements = SupplierAgreementsTab(ctx, self)
        self.tabs.addTab(self.agreements, SupplierAgreementsTab.title())
        from app.views.admin.history import HistoryView, tab_title

        # the supplier record's audit trail: who changed what, when, old → new, why; and "as of"
        self.history = HistoryView(ctx, "suppliers", None, formatters={
            "status": lambda v: c.label(c.STATUS, v), "importance_class": lambda v: c.label(c.IMPORTANCE, v),
            "relationship": lambda v: c.label(c.RELATIONSHIP, v)})
        self.tabs.addTab(self.history, tab_title())
        state = ctx.settings.value("suppliers/detail_tab")
        if state is not None:
            self.tabs.setCurrentIndex(int(state))
        self.tabs.currentChanged.connect(lambda i: ctx.settings.setValue("suppliers/detail_tab", i))
        self._enable(False)

    # ----- building ---------------------------------------------------------------------------
    def _build_basic(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        # values are data, shown in read-only fields (selectable and copyable), labels are UI text
        self.fields: dict[str, QLineEdit] = {}
        for key, title in (("code", self.tr("Code")), ("name_zh", self.tr("Name (Chinese)")),
                           ("name_en", self.tr("Name (English)")), ("category", self.tr("Category")),
                           ("importance_class", self.tr("Importance class")), ("relationship", self.tr("Relationship")),
                           ("status", self.tr("Status")), ("approval_valid_until", self.tr("Approval valid until")),
                           ("latest_grade", self.tr("Latest grade")), ("open_cars", self.tr("Open corrective actions"))):
            value = QLineEdit()
            value.setReadOnly(True)
            value.setFrame(False)
            value.setStyleSheet("background: transparent;")
            self.fields[key] = value
            form.addRow(title + ":", value)
        note = QLabel(self.tr("Edit master data in the grid; the status changes through the approval flow "
                              "or “Change status…”."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form.addRow(note)
        self.tabs.addTab(page, self.tr("Basic data"))

    def _table_tab(self, title: str, columns: list[Column], *, stretch: int | None = None, buttons=(), history=None):
        page = QWidget()
        layout = QVBoxLayout(page)
        model, proxy, view = c.make_table(columns, page, stretch=stretch)
        layout.addWidget(view, 1)
        if buttons or history:
            row = QHBoxLayout()
            for text, slot in buttons:
                b = QPushButton(text)
                b.clicked.connect(lambda *_, s=slot: s())
                row.addWidget(b)
                self.record_buttons.append(b)
            if history:  # reading the trail needs no permission: a viewer sees the history too
                b = QPushButton(self.tr("History…"))
                b.setObjectName("historyButton")
                b.setToolTip(self.tr("Who changed the selected row, what and when; and the row as of a date"))
                b.clicked.connect(lambda *_, s=history: s())
                row.addWidget(b)
                view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
                action = QAction(self.tr("History…"), view)
                action.triggered.connect(lambda *_, s=history: s())
                view.addAction(action)
            row.addStretch(1)
            layout.addLayout(row)
        self.tabs.addTab(page, title)
        return model, proxy, view

    def _enable(self, on: bool) -> None:
        self.tabs.setEnabled(on)
        # what the signed-in user may not do is disabled (the services would refuse it)
        for w, permission in ((self.status_button, "suppliers.status"), (self.survey_button, "surveys.edit"),
                              (self.audit_button, "audits.edit")):
            w.setEnabled(on and c.can(self.ctx, permission))
        for b in self.record_buttons:
            b.setEnabled(on and c.can(self.ctx, "suppliers.edit"))

    # ----- data -------------------------------------------------------------------------------
    def set_supplier(self, supplier_id: int | None) -> None:
        self.supplier_id = supplier_id
        self.refresh()

    def refresh(self) -> None:
        sid = self.supplier_id
        if sid is None:
            self.row = None
            self.title.setText(self.tr("Select a supplier"))
            for table in (self.contacts, self.certificates, self.items, self.survey_list, self.audit_list,
                          self.cars):
                table[0].set_frame(c.rows_frame([], [col.field for col in table[0].columns]))
            self.history.set_record(None)
            self.plans.set_supplier(None)
            self.agreements.set_supplier(None)
            self._enable(False)
            return
        db = self.ctx.database
        try:
            row = self.sup.get_supplier(db, sid, grade_kind=c.grade_kind(self.ctx))
        except Exception:  # deleted meanwhile
            self.set_supplier(None)
            return
        self.row = row
        self._enable(True)
        lang = self.ctx.language
        self.title.setText(f"{row.code}  {c.supplier_name(row, lang)}  ·  {c.label(c.STATUS, row.status)}")
        shown = {"importance_class": c.label(c.IMPORTANCE, row.importance_class),
                 "relationship": c.label(c.RELATIONSHIP, row.relationship), "status": c.label(c.STATUS, row.status),
                 "approval_valid_until": c.fmt_date(row.approval_valid_until),
                 "latest_grade": (f"{row.latest_grade} ({row.latest_grade_period})" if row.latest_grade else ""),
                 "open_cars": self.tr("{open} open, {overdue} overdue").replace("{open}", str(row.open_cars))
                 .replace("{overdue}", str(row.overdue_cars))}
        for key, label in self.fields.items():
            label.setText(shown.get(key, str(getattr(row, key, "") or "")))
            label.setCursorPosition(0)
        self._fill(self.contacts, self.sup.list_contacts(db, sid))
        self._fill(self.certificates, self.sup.list_certificates(db, sid))
        self._fill(self.items, self.sup.supplier_items(db, sid))
        self._fill(self.survey_list, self.surveys.list_surveys(db, supplier_id=sid))
        self._fill(self.audit_list, self.audits.list_audits(db, supplier_id=sid))
        self._fill(self.cars, self.corrective.list_corrective_actions(db, supplier_id=sid))
        self.history.set_record(sid)
        self.plans.set_supplier(sid)
        self.agreements.set_supplier(sid)

    def _fill(self, table, rows) -> None:
        model = table[0]
        model.set_frame(c.rows_frame(rows, [col.field for col in model.columns] + ["id"]))
        table[2].resizeColumnsToContents()  # a handful of rows: cheap, and dates are never cut

    def _selected(self, table) -> dict | None:
        row = c.selected_source_row(table[2])
        return None if row is None else table[0].row(row).to_dict()

    # ----- actions ----------------------------------------------------------------------------
    def change_status(self) -> None:
        from app.views.suppliers.dialogs import StatusChangeDialog

        if self.row is None:
            return
        sid = self.row.id
        dialog = StatusChangeDialog(self.row.status, self.sup.status_actions(self.row.status), c.current_user(self.ctx), self,
                                    submit=lambda v: self.sup.change_status(self.ctx.database, sid, v[0], reason=v[1]))
        if dialog.exec() != QDialog.DialogCode.Accepted:  # a refusal stays in the dialog, next to the field
            return
        self.refresh()
        self.changed.emit(sid)

    def _edit_record(self, dialog_cls, table, add, update, data: dict | None) -> None:
        sid = self.supplier_id
        if data is None:
            submit = lambda values: add(self.ctx.database, sid, values)  # noqa: E731
        else:
            submit = lambda values: update(self.ctx.database, int(data["id"]), values)  # noqa: E731
        dialog = dialog_cls(data, self, submit=submit)
        if dialog.exec() != QDialog.DialogCode.Accepted:  # a refusal keeps the dialog open with what was typed
            return
        self.refresh()

    def _delete_record(self, table, delete, what: str) -> None:
        data = self._selected(table)
        if data is None:
            return
        if c.confirm(self, self.tr("Remove"), self.tr("Remove this {what}?").replace("{what}", what)):
            delete(self.ctx.database, int(data["id"]))
            self.refresh()

    def add_contact(self) -> None:
        from app.views.suppliers.dialogs import ContactDialog
        self._edit_record(ContactDialog, self.contacts, self.sup.add_contact, None, None)

    def edit_contact(self) -> None:
        from app.views.suppliers.dialogs import ContactDialog
        data = self._selected(self.contacts)
        if data:
            self._edit_record(ContactDialog, self.contacts, None, self.sup.update_contact, data)

    def delete_contact(self) -> None:
        self._delete_record(self.contacts, self.sup.delete_contact, self.tr("contact"))

    def add_certificate(self) -> None:
        from app.views.suppliers.dialogs import CertificateDialog
        self._edit_record(CertificateDialog, self.certificates, self.sup.add_certificate, None, None)

    def edit_certificate(self) -> None:
        from app.views.suppliers.dialogs import CertificateDialog
        data = self._selected(self.certificates)
        if data:
            self._edit_record(CertificateDialog, self.certificates, None, self.sup.update_certificate, data)

    def delete_certificate(self) -> None:
        self._delete_record(self.certificates, self.sup.delete_certificate, self.tr("certificate"))

    def show_history(self, kind: str):
        """The selected contact's, certificate's, survey's or audit's history in a dialog."""
        from app.views.admin.history import open_history

        table, entity, what, title_of, formatters = {
            "contact": (self.contacts, "supplier_contacts", self.tr("Contact"), lambda d: d.get("name"), {}),
            "certificate": (self.certificates, "supplier_certificates", self.tr("Certificate"),
                            lambda d: " ".join(str(d.get(k) or "") for k in ("standard", "number")), {}),
            "survey": (self.survey_list, "supplier_surveys", self.tr("Survey"), lambda d: c.fmt_date(d.get("survey_date")),
                       {"status": lambda v: c.label(c.DRAFT_STATUS, v),
                        "recommendation": lambda v: c.label(c.RECOMMENDATION, v)}),
            "audit": (self.audit_list, "audits", self.tr("Audit"), lambda d: c.fmt_date(d.get("audit_date")),
                      {"status": lambda v: c.label(c.DRAFT_STATUS, v), "audit_type": lambda v: c.label(c.AUDIT_TYPE, v),
                       "occasion": lambda v: c.label(c.OCCASION, v), "result": lambda v: c.label(c.AUDIT_RESULT, v)}),
        }[kind]
        data = self._selected(table)
        if data is None:
            c.info_box(self, self.tr("History"), self.tr("Select a row first."))
            return None
        name = c.supplier_name(self.row, self.ctx.language) if self.row is not None else ""
        title = f"{what} {title_of(data) or ''} · {name}".replace("  ", " ")
        return open_history(self, self.ctx, entity, int(data["id"]), title, formatters=formatters)

    def _open_record(self, table, signal) -> None:
        data = self._selected(table)
        if data:
            signal.emit(int(data["id"]), str(data["status"]))

    def _open_car(self, index) -> None:
        data = self._selected(self.cars)
        if data:
            self.car_requested.emit(int(data["id"]))

"""Small dialogs of the supplier screens: new supplier, import row errors, status change with a
required reason, contact and certificate forms."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.views.suppliers import common as c
from app.views.core.table_models import readable_headers


def _buttons(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(accept)
    box.rejected.connect(dialog.reject)
    return box


def date_edit(value: date | None = None, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setSpecialValueText(" ")
        edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setDate(QDate(value.year, value.month, value.day) if value else
                 (edit.minimumDate() if optional else QDate.currentDate()))
    return edit


def date_value(edit: QDateEdit) -> date | None:
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return None
    d = edit.date()
    return date(d.year(), d.month(), d.day())


ERROR_STYLE = "border: 1px solid #c0392b;"


class FormDialog(QDialog):
    """A form that keeps what was typed: every problem is shown at once, each field concerned
    is outlined (its message as tooltip), and the dialog stays open until ``submit`` succeeds.

    ``submit(values)`` is the service call (its result is kept in ``created``); a refusal whose
    ``code`` names a field (``ERROR_FIELDS``) marks that field, any other refusal is shown below
    the form. Without ``submit`` the dialog accepts once the form's own checks pass."""

    #: service error code -> the field it concerns
    ERROR_FIELDS: dict[str, str] = {}

    def __init__(self, parent: QWidget | None = None, submit: Callable[[Any], Any] | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.created: Any = None
        self.field_widgets: dict[str, QWidget] = {}
        self.error = QLabel()
        self.error.setObjectName("dialogErrors")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)

    def problems(self) -> dict[str, str]:
        """Field -> translated message for everything wrong with the form (override)."""
        return {}

    def values(self) -> Any:  # overridden
        return {}

    def submit_values(self) -> Any:
        return self.values()

    def field_label(self, field: str) -> str:
        """The form's label of a field, without its colon ("" when it has none)."""
        widget = self.field_widgets.get(field)
        form = getattr(self, "form", None)
        label = form.labelForField(widget) if widget is not None and isinstance(form, QFormLayout) else None
        return label.text().rstrip(":：").replace("&", "") if isinstance(label, QLabel) else ""

    def mark(self, problems: dict[str, str]) -> None:
        for field, widget in self.field_widgets.items():
            widget.setStyleSheet(ERROR_STYLE if field in problems else "")
            widget.setToolTip(problems.get(field, ""))
        lines = []
        order = list(self.field_widgets)
        for field, text in sorted(problems.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else -1):
            name = self.field_label(field)
            lines.append(f"{name}: {text}" if name and not text.startswith(name) else text)
        self.error.setText("\n".join(lines))
        first = next((w for f, w in self.field_widgets.items() if f in problems), None)
        if first is not None:
            first.setFocus()

    def marked_fields(self) -> set[str]:
        return {f for f, w in self.field_widgets.items() if w.styleSheet() == ERROR_STYLE}

    def _accept(self) -> None:
        problems = self.problems()
        self.mark(problems)
        if problems:
            return
        if self.submit is not None:
            try:
                self.created = self.submit(self.submit_values())
            except Exception as exc:  # the service's refusal: keep the dialog and what was typed
                code = str(getattr(exc, "code", "") or "")
                field = self.ERROR_FIELDS.get(code) or (code[4:] if code.startswith("bad_") else "")
                self.mark({field if field in self.field_widgets else "": c.error_text(exc)})
                return
        self.accept()


class SupplierDialog(FormDialog):
    """A new supplier's master data; all fields are checked at once with the service's validator
    and the column limits, and a refused save (e.g. a duplicate code) keeps the dialog open."""

    ERROR_FIELDS = {"duplicate_code": "code", "bad_code": "code", "name_required": "name_zh"}

    def __init__(self, validator: Callable[[str, Any], str | None], parent: QWidget | None = None, *,
                 submit: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(parent, submit)
        self.setWindowTitle(self.tr("New supplier"))
        self.validator = validator
        self.form = form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.category = QLineEdit()
        self.importance = QComboBox()
        for code in c.IMPORTANCE:
            self.importance.addItem(c.label(c.IMPORTANCE, code), code)
        self.importance.setCurrentIndex(2)
        self.relationship = QComboBox()
        for code in c.RELATIONSHIP:
            self.relationship.addItem(c.label(c.RELATIONSHIP, code), code)
        self.city = QLineEdit()
        self.country = QLineEdit()
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name (Chinese):"), self.name_zh)
        form.addRow(self.tr("Name (English):"), self.name_en)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Importance class:"), self.importance)
        form.addRow(self.tr("Relationship:"), self.relationship)
        form.addRow(self.tr("City:"), self.city)
        form.addRow(self.tr("Country:"), self.country)
        self.field_widgets = {"code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
                              "category": self.category, "importance_class": self.importance,
                              "relationship": self.relationship, "city": self.city, "country": self.country}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"code": self.code.text().strip(), "name_zh": self.name_zh.text().strip(),
                "name_en": self.name_en.text().strip(), "category": self.category.text().strip(),
                "importance_class": self.importance.currentData(), "relationship": self.relationship.currentData(),
                "city": self.city.text().strip(), "country": self.country.text().strip()}

    def problems(self) -> dict[str, str]:
        from app.models.core.validation import field_errors
        from app.models.suppliers.tables import Supplier

        values = self.values()
        out: dict[str, str] = {}
        if not values["code"]:
            out["code"] = self.tr("The code is required.")
        if not values["name_zh"] and not values["name_en"]:
            out["name_zh"] = self.tr("Give a Chinese or an English name.")
        for field, value in values.items():
            problem = None if field in out or (field == "code" and not value) else self.validator(field, value)
            if problem:
                out[field] = c.service_message(problem)
        for problem in field_errors(Supplier, values):  # the column limits, as the service checks them
            text = self.tr("At most %1 characters.").replace("%1", str(problem.limit)) \
                if problem.kind == "too_long" else c.service_message(str(problem))
            out.setdefault(problem.field, text)
        return out


class ImportErrorsDialog(QDialog):
    """Every row error of a refused import (nothing was written)."""

    def __init__(self, errors: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Nothing was imported. Correct these rows in the file and import it again:"))
        note.setWordWrap(True)
        layout.addWidget(note)
        from app.models.core.csv_reader import MAX_REPORTED

        self.hidden = max(0, len(errors) - MAX_REPORTED)  # a 200,001-row table helps nobody
        errors = list(errors)[:MAX_REPORTED]
        self.table = QTableWidget(len(errors), 3)
        readable_headers(self.table)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        for i, e in enumerate(errors):
            row = getattr(e, "line", getattr(e, "row", ""))
            problem = getattr(e, "reason", None) or getattr(e, "message", None) or str(e)
            for j, v in enumerate((row, getattr(e, "column", "") or "", c.service_message(problem))):
                item = QTableWidgetItem("" if v is None else str(v))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        self.more = QLabel(self.tr("… and %1 more problem(s) not shown.").replace("%1", f"{self.hidden:,}"))
        self.more.setVisible(self.hidden > 0)
        layout.addWidget(self.more)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        layout.addWidget(box)


class StatusChangeDialog(FormDialog):
    """An explicit status action: only the statuses the rules allow, and a required reason."""

    ERROR_FIELDS = {"reason_required": "reason", "who_required": "by"}

    def __init__(self, current: str, allowed: Sequence[str], user: str = "", parent: QWidget | None = None, *,
                 submit: Callable[[tuple[str, str, str]], Any] | None = None) -> None:
        super().__init__(parent, submit)
        self.setWindowTitle(self.tr("Change supplier status"))
        self.allowed = tuple(allowed)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Current status:"), QLabel(c.label(c.STATUS, current)))
        self.status = QComboBox()
        for code in allowed:
            self.status.addItem(c.label(c.STATUS, code), code)
        form.addRow(self.tr("New status:"), self.status)
        self.by = QLineEdit(user)
        self.by.setReadOnly(True)  # the signed-in user; the service records it
        form.addRow(self.tr("Changed by:"), self.by)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why the status changes (required)"))
        self.reason.setMaximumHeight(90)
        form.addRow(self.tr("Reason:"), self.reason)
        self.field_widgets = {"status": self.status, "by": self.by, "reason": self.reason}
        hint = QLabel(self.tr("Approval and evaluation happen only through the approval flow."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))
        if not allowed:
            self.error.setText(self.tr("No status change is possible from this status; use the approval flow."))

    def values(self) -> tuple[str, str, str]:
        return self.status.currentData(), self.reason.toPlainText().strip(), self.by.text().strip()

    def problems(self) -> dict[str, str]:
        new, reason, by = self.values()
        out = {}
        if not new:
            out["status"] = self.tr("No status change is possible from this status; use the approval flow.")
        if not reason:
            out["reason"] = self.tr("A reason is required.")
        return out


class ContactDialog(FormDialog):
    ERROR_FIELDS = {"name_required": "name", "bad_email": "email"}

    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None, *,
                 submit: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(parent, submit)
        data = data or {}
        self.setWindowTitle(self.tr("Contact"))
        self.form = form = QFormLayout()
        self.name = QLineEdit(data.get("name", ""))
        self.role = QLineEdit(data.get("role", ""))
        self.phone = QLineEdit(data.get("phone", ""))
        self.email = QLineEdit(data.get("email", ""))
        self.primary = QCheckBox(self.tr("Primary contact"))
        self.primary.setChecked(bool(data.get("is_primary")))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow("", self.primary)
        self.field_widgets = {"name": self.name, "role": self.role, "phone": self.phone, "email": self.email}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "role": self.role.text().strip(), "phone": self.phone.text().strip(),
                "email": self.email.text().strip(), "is_primary": self.primary.isChecked()}

    def problems(self) -> dict[str, str]:
        from app.models.core.validation import field_errors
        from app.models.suppliers.tables import SupplierContact

        v = self.values()
        out = {}
        if not v["name"]:
            out["name"] = self.tr("The name is required.")
        if v["email"] and ("@" not in v["email"] or " " in v["email"]):
            out["email"] = self.tr("This is not an e-mail address.")
        for problem in field_errors(SupplierContact, {k: x for k, x in v.items() if k != "is_primary"}):
            if problem.kind == "too_long":
                out.setdefault(problem.field, self.tr("At most %1 characters.").replace("%1", str(problem.limit)))
        return out


class CertificateDialog(FormDialog):
    ERROR_FIELDS = {"standard_required": "standard", "dates": "expires_on", "bad_date": "issued_on"}

    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None, *,
                 submit: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(parent, submit)
        data = data or {}
        self.setWindowTitle(self.tr("Certificate"))
        self.form = form = QFormLayout()
        self.standard = QLineEdit(data.get("standard", ""))
        self.standard.setPlaceholderText("ISO 9001 / IATF 16949")
        self.number = QLineEdit(data.get("number", ""))
        self.body = QLineEdit(data.get("body", ""))
        self.issued = date_edit(data.get("issued_on"), optional=True)
        self.expires = date_edit(data.get("expires_on"), optional=True)
        form.addRow(self.tr("Standard:"), self.standard)
        form.addRow(self.tr("Certificate no.:"), self.number)
        form.addRow(self.tr("Certification body:"), self.body)
        form.addRow(self.tr("Issued on:"), self.issued)
        form.addRow(self.tr("Expires on:"), self.expires)
        self.field_widgets = {"standard": self.standard, "number": self.number, "body": self.body,
                              "issued_on": self.issued, "expires_on": self.expires}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"standard": self.standard.text().strip(), "number": self.number.text().strip(),
                "body": self.body.text().strip(), "issued_on": date_value(self.issued),
                "expires_on": date_value(self.expires)}

    def problems(self) -> dict[str, str]:
        from app.models.core.validation import field_errors
        from app.models.suppliers.tables import SupplierCertificate

        v = self.values()
        out = {}
        if not v["standard"]:
            out["standard"] = self.tr("The standard is required.")
        if v["issued_on"] and v["expires_on"] and v["expires_on"] < v["issued_on"]:
            out["expires_on"] = self.tr("The expiry date must not be before the issue date.")
        for problem in field_errors(SupplierCertificate, v):
            if problem.kind == "too_long":
                out.setdefault(problem.field, self.tr("At most %1 characters.").replace("%1", str(problem.limit)))
        return out

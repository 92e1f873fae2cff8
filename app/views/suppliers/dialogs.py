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


class SupplierDialog(QDialog):
    """A new supplier's master data; each field is checked with the service's validator."""

    def __init__(self, validator: Callable[[str, Any], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New supplier"))
        self.validator = validator
        form = QFormLayout()
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
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"code": self.code.text().strip(), "name_zh": self.name_zh.text().strip(),
                "name_en": self.name_en.text().strip(), "category": self.category.text().strip(),
                "importance_class": self.importance.currentData(), "relationship": self.relationship.currentData(),
                "city": self.city.text().strip(), "country": self.country.text().strip()}

    def _accept(self) -> None:
        values = self.values()
        if not values["code"]:
            self.error.setText(self.tr("The code is required."))
            return
        if not values["name_zh"] and not values["name_en"]:
            self.error.setText(self.tr("Give a Chinese or an English name."))
            return
        for field, value in values.items():
            problem = self.validator(field, value)
            if problem:
                self.error.setText(c.service_message(problem))
                return
        self.accept()


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


class StatusChangeDialog(QDialog):
    """An explicit status action: only the statuses the rules allow, and a required reason."""

    def __init__(self, current: str, allowed: Sequence[str], user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change supplier status"))
        form = QFormLayout()
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
        hint = QLabel(self.tr("Approval and evaluation happen only through the approval flow."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))
        if not allowed:
            self.error.setText(self.tr("No status change is possible from this status; use the approval flow."))

    def values(self) -> tuple[str, str, str]:
        return self.status.currentData(), self.reason.toPlainText().strip(), self.by.text().strip()

    def _accept(self) -> None:
        new, reason, by = self.values()
        if not new:
            return
        if not reason:
            self.error.setText(self.tr("A reason is required."))
            return
        self.accept()


class ContactDialog(QDialog):
    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = data or {}
        self.setWindowTitle(self.tr("Contact"))
        form = QFormLayout()
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
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "role": self.role.text().strip(), "phone": self.phone.text().strip(),
                "email": self.email.text().strip(), "is_primary": self.primary.isChecked()}

    def _accept(self) -> None:
        if not self.values()["name"]:
            self.error.setText(self.tr("The name is required."))
            return
        self.accept()


class CertificateDialog(QDialog):
    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = data or {}
        self.setWindowTitle(self.tr("Certificate"))
        form = QFormLayout()
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
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))

    def values(self) -> dict[str, Any]:
        return {"standard": self.standard.text().strip(), "number": self.number.text().strip(),
                "body": self.body.text().strip(), "issued_on": date_value(self.issued),
                "expires_on": date_value(self.expires)}

    def _accept(self) -> None:
        v = self.values()
        if not v["standard"]:
            self.error.setText(self.tr("The standard is required."))
            return
        if v["issued_on"] and v["expires_on"] and v["expires_on"] < v["issued_on"]:
            self.error.setText(self.tr("The expiry date must not be before the issue date."))
            return
        self.accept()

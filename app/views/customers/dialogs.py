"""Dialogs of the customer screens: the customer form (new or edit; every field error shown at
once beside its field), the contact form with its groups, linking one of our parts, a reason
(value class by hand, erasure) and the import's row errors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from app.views.customers import common as c

ERROR_STYLE = "color: #c0392b;"


def _buttons(dialog: QDialog, accept) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(accept)
    box.rejected.connect(dialog.reject)
    return box


def _combo(table: dict, current: Any = None, *, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for code in table:
        box.addItem(c.label(table, code), code)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class _FieldForm(QDialog):
    """A form whose fields each have an error line below them (filled from ValidationError)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.summary = QLabel()
        self.summary.setObjectName("formErrors")
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(field)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"{field}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.errors[field] = error
        self.form.addRow(label, holder)
        return widget

    def finish(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(_buttons(self, self._accept))

    def show_problems(self, exc: BaseException, lang: str, aliases: dict[str, str] | None = None) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        problems = getattr(exc, "problems", None)
        if not problems:
            self.summary.setText(c.error_text(exc, lang))
            return
        rest = []
        for p in problems:
            field = (aliases or {}).get(p.field, p.field)
            label = self.errors.get(field)
            if label is None:
                rest.append(p.text(lang))
                continue
            label.setText((label.text() + "\n" if label.text() else "") + p.text(lang, with_field=False))
            label.show()
        self.summary.setText("\n".join(rest) if rest else
                             self.tr("{n} problem(s); nothing was saved.").replace("{n}", str(len(problems))))

    def _accept(self) -> None:  # pragma: no cover - overridden
        self.accept()


class CustomerDialog(_FieldForm):
    """A customer's master data, new (``customer_id`` None) or edited; saved through the service
    when OK is pressed, so every refusal is shown beside its field and the dialog stays open."""

    def __init__(self, ctx, customer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.models.customers import master

        self.ctx, self.master, self.customer_id, self.saved_id = ctx, master, customer_id, None
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("New customer") if customer_id is None else self.tr("Edit customer"))
        row = master.get_customer(ctx.database, customer_id) if customer_id is not None else None
        r = row.row if row else None
        self.code = self.add("code", self.tr("Code:"), QLineEdit(r.code if r else ""))
        self.name_zh = self.add("name_zh", self.tr("Name (Chinese):"), QLineEdit(r.name_zh if r else ""))
        self.name_en = self.add("name_en", self.tr("Name (English):"), QLineEdit(r.name_en if r else ""))
        self.customer_type = self.add("customer_type", self.tr("Internal / external:"),
                                      _combo(c.CUSTOMER_TYPE, r.customer_type if r else "external"))
        self.lifecycle = self.add("lifecycle", self.tr("Lifecycle:"), _combo(c.LIFECYCLE, r.lifecycle if r else "current"))
        self.industry = self.add("industry", self.tr("Industry:"), QLineEdit(r.industry if r else ""))
        self.region = self.add("region", self.tr("Region:"), QLineEdit(r.region if r else ""))
        self.key_account = self.add("key_account", self.tr("Key account:"), QCheckBox(self.tr("Key account")))
        self.key_account.setChecked(bool(r.key_account) if r else False)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("(nobody)"), None)
        for o in master.owner_choices(ctx.database):
            self.owner.addItem(o.name, o.user_id)
        self.owner.setCurrentIndex(max(self.owner.findData(r.owner_user_id if r else None), 0))
        self.add("owner_user_id", self.tr("Owner (customer quality engineer):"), self.owner)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMinimumDate(QDate(1900, 1, 1))
        self.since.setSpecialValueText(" ")
        self.since.setDate(QDate(r.since.year, r.since.month, r.since.day) if r and r.since else self.since.minimumDate())
        self.add("since", self.tr("Customer since:"), self.since)
        self.value_class = self.add("value_class", self.tr("Value class:"),
                                    _combo(c.VALUE_CLASS, r.value_class if r else None, empty=self.tr("(not set)")))
        self.reason = self.add("value_class_reason", self.tr("Reason for the value class:"),
                               QLineEdit(row.value_class_reason if row else ""))
        self.reason.setPlaceholderText(self.tr("Required when the value class is set by hand"))
        self.finish()
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        d = self.since.date()
        since = None if d == self.since.minimumDate() else d.toString("yyyy-MM-dd")
        return {"code": self.code.text(), "name_zh": self.name_zh.text(), "name_en": self.name_en.text(),
                "customer_type": self.customer_type.currentData(), "lifecycle": self.lifecycle.currentData(),
                "industry": self.industry.text(), "region": self.region.text(),
                "key_account": self.key_account.isChecked(), "owner_user_id": self.owner.currentData(),
                "since": since, "value_class": self.value_class.currentData()}

    def save(self) -> bool:
        from app.models.admin.permissions import PermissionDenied
        from app.models.customers.errors import CustomerError
        from app.views.core.errors import run_with_retry

        reason = self.reason.text()
        try:
            if self.customer_id is None:
                saved = run_with_retry(self, self.master.create_customer, self.ctx.database, self.values(),
                                       value_class_reason=reason)
            else:
                saved = run_with_retry(self, self.master.update_customer, self.ctx.database, self.customer_id,
                                       self.values(), reason=reason)
                saved = self.customer_id if saved is not None else None
        except (CustomerError, PermissionDenied) as exc:
            self.show_problems(exc, self.ctx.language, {"value_class": "value_class_reason"}
                               if any(p.key == "reason_required" for p in getattr(exc, "problems", ())) else None)
            return False
        if saved is None:
            return False
        self.saved_id = saved
        return True

    def _accept(self) -> None:
        if self.save():
            self.accept()


class ContactDialog(_FieldForm):
    """A contact: name, role, phone, e-mail, preferred language, active, groups (several)."""

    def __init__(self, ctx, customer_id: int, contact_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.models.customers import master

        self.ctx, self.master, self.customer_id, self.contact_id, self.saved_id = ctx, master, customer_id, contact_id, None
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("New contact") if contact_id is None else self.tr("Edit contact"))
        cur = master.get_contact(ctx.database, contact_id) if contact_id is not None else None
        self.name = self.add("name", self.tr("Name:"), QLineEdit(cur.name if cur else ""))
        self.role = self.add("role", self.tr("Role / title:"), QLineEdit(cur.role if cur else ""))
        self.phone = self.add("phone", self.tr("Phone:"), QLineEdit(cur.phone if cur else ""))
        self.email = self.add("email", self.tr("E-mail:"), QLineEdit(cur.email if cur else ""))
        self.language = self.add("preferred_language", self.tr("Preferred language:"),
                                 _combo(c.LANGUAGE, cur.preferred_language if cur else ctx.language))
        self.active = self.add("active", self.tr("Active:"), QCheckBox(self.tr("Active contact")))
        self.active.setChecked(cur.active if cur else True)
        groups = QWidget()
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group_boxes: dict[str, QCheckBox] = {}
        for i, key in enumerate(c.GROUPS):
            box = QCheckBox(c.label(c.GROUPS, key))
            box.setObjectName(f"group_{key}")
            box.setChecked(bool(cur and key in cur.groups))
            self.group_boxes[key] = box
            grid.addWidget(box, i // 3, i % 3)
        self.add("groups", self.tr("Groups:"), groups)
        self.finish()
        self.setMinimumWidth(480)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "role": self.role.text(), "phone": self.phone.text(),
                "email": self.email.text(), "preferred_language": self.language.currentData(),
                "active": self.active.isChecked(), "groups": [k for k, b in self.group_boxes.items() if b.isChecked()]}

    def save(self) -> bool:
        from app.models.admin.permissions import PermissionDenied
        from app.models.customers.errors import CustomerError
        from app.views.core.errors import run_with_retry

        try:
            if self.contact_id is None:
                saved = run_with_retry(self, self.master.add_contact, self.ctx.database, self.customer_id, self.values())
            else:
                row = run_with_retry(self, self.master.update_contact, self.ctx.database, self.contact_id, self.values())
                saved = row.id if row is not None else None
        except (CustomerError, PermissionDenied) as exc:
            self.show_problems(exc, self.ctx.language)
            return False
        if saved is None:
            return False
        self.saved_id = saved
        return True

    def _accept(self) -> None:
        if self.save():
            self.accept()


class LinkPartDialog(_FieldForm):
    """Pick one of our parts (by code, with completion) and the customer's part number."""

    def __init__(self, ctx, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.models.customers import master

        self.ctx, self.master, self.customer_id, self.saved_id = ctx, master, customer_id, None
        self.setObjectName("linkPartDialog")
        self.setWindowTitle(self.tr("Link a part we supply"))
        frame = master.part_choices(ctx.database, exclude_customer=customer_id)
        name_field = "name_zh" if ctx.language == "zh_CN" else "name_en"
        self.part = QComboBox()
        self.part.setEditable(True)
        self.part.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for pid, code, name in zip(frame["id"], frame["code"], frame[name_field]):
            self.part.addItem(f"{code}  {name}", int(pid))
        self.part.setCurrentIndex(0 if len(frame) else -1)
        self.add("part", self.tr("Our part:"), self.part)
        self.customer_part_no = self.add("customer_part_no", self.tr("Customer's part number:"), QLineEdit())
        self.finish()
        self.setMinimumWidth(460)

    def save(self) -> bool:
        from app.models.admin.permissions import PermissionDenied
        from app.models.customers.errors import CustomerError
        from app.views.core.errors import run_with_retry

        index = self.part.findText(self.part.currentText())
        part = self.part.itemData(index) if index >= 0 else self.part.currentText().split()[0] if \
            self.part.currentText().strip() else ""
        try:
            saved = run_with_retry(self, self.master.link_part, self.ctx.database, self.customer_id, part,
                                   customer_part_no=self.customer_part_no.text())
        except (CustomerError, PermissionDenied) as exc:
            self.show_problems(exc, self.ctx.language)
            return False
        if saved is None:
            return False
        self.saved_id = saved
        return True

    def _accept(self) -> None:
        if self.save():
            self.accept()


class ReasonDialog(QDialog):
    """A required reason (and optionally a choice), e.g. a value class set by hand or an erasure."""

    def __init__(self, title: str, prompt: str, *, choices: list[tuple[Any, str]] | None = None,
                 current: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.choice = None
        if choices is not None:
            self.choice = QComboBox()
            for value, label in choices:
                self.choice.addItem(label, value)
            self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
            layout.addWidget(self.choice)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.reason.setFixedHeight(80)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self._accept))
        self.setMinimumWidth(440)

    def value(self) -> Any:
        return self.choice.currentData() if self.choice is not None else None

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _accept(self) -> None:
        if not self.text() and not (self.choice is not None and self.value() is None):
            self.error.setText(self.tr("Please give a reason."))
            return
        self.accept()


class ImportErrorsDialog(QDialog):
    """Every row the import refused, with line, column and reason (nothing was imported)."""

    def __init__(self, errors, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.commands.messages import t

        self.setObjectName("customerImportErrors")
        self.setWindowTitle(self.tr("Import refused"))
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Nothing was imported. Correct these {n} problem(s) and import the file again:")
                      .replace("{n}", str(len(errors))))
        head.setWordWrap(True)
        layout.addWidget(head)
        table = QTableWidget(len(errors), 3)
        table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Problem")])
        for i, e in enumerate(errors):
            key = getattr(e, "key", None)
            reason = e.reason
            if key:
                translated = t(key, lang, **(e.params or {}))
                reason = translated if translated != key else e.reason
            for j, value in enumerate((str(e.line), e.column or "", reason)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(i, j, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        layout.addWidget(table)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
        self.resize(640, 360)


class ValueClassDialog(ReasonDialog):
    """The value class set by hand: the class and the reason (kept with the customer and on the
    audit trail)."""

    def __init__(self, current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set value class"),
                         self.tr("The value class normally comes from the customer value analysis. "
                                 "Setting it by hand needs a reason, which is kept with the customer "
                                 "and on the audit trail."),
                         choices=[(None, self.tr("(not set)"))] + [(k, c.label(c.VALUE_CLASS, k))
                                                                  for k in c.VALUE_CLASS],
                         current=current, parent=parent)
        self.setObjectName("valueClassDialog")


def ask_value_class(ctx, customer_id: int, parent: QWidget | None = None, *, value: Any = ..., reason: str | None = None) -> bool:
    """Ask for (unless given) and save a hand-set value class; True when saved."""
    from app.models.customers import master

    if reason is None:
        current = master.get_customer(ctx.database, customer_id).row.value_class
        dialog = ValueClassDialog(current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        value, reason = dialog.value(), dialog.text()
    done = c.attempt(parent, ctx, QCoreApplication.translate("Customers", "Value class"), master.set_value_class, ctx.database, customer_id,
                     None if value is ... else value, reason=reason)
    return done is not c.NOTHING

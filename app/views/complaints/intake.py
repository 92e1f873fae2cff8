"""Intake of a complaint or service request: every field checked by the service at once; on an
error the dialog stays open with everything typed, the fields in question marked red."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from app.views.complaints import common as c

BAD = "border: 1px solid #c0392b; background: #fdf0ee;"


class IntakeDialog(QDialog):
    """New complaint; ``complaint_id`` is set when it was stored."""

    def __init__(self, ctx, parent: QWidget | None = None, *, customer_id: int | None = None) -> None:
        super().__init__(parent)
        from app.models.complaints import service

        self.ctx = ctx
        self.service = service
        self.complaint_id: int | None = None
        self.setObjectName("complaintIntake")
        self.setWindowTitle(self.tr("New complaint or service request"))
        self.resize(720, 640)
        lang = ctx.language
        self.customer = QComboBox()
        self.customer.addItem(self.tr("— choose —"), None)
        for cid, code, zh, en in service.customer_choices(ctx.database):
            name = (zh or en) if lang == "zh_CN" else (en or zh)
            self.customer.addItem(f"{code} {name}", cid)
        self.contact = QComboBox()
        self.channel = self._codes(c.CHANNELS, "email")
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.type = self._codes(c.TYPES, "quality")
        self.part = QComboBox()
        self.part.setEditable(False)
        self.lot = QLineEdit()
        self.delivery_note = QLineEdit()
        self.qty = QSpinBox()
        self.qty.setRange(-1, 2_000_000_000)
        self.qty.setValue(-1)
        self.qty.setSpecialValueText(self.tr("unknown"))
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setMinimumHeight(90)
        self.defect = QLineEdit()
        self.defect.setPlaceholderText(self.tr("e.g. burr, scratch, wrong label (for the Pareto)"))
        self.files: list[str] = []
        self.files_label = QLabel(self.tr("none"))
        self.files_label.setWordWrap(True)
        self.files_button = QPushButton(self.tr("Add files…"))
        self.files_button.clicked.connect(lambda: self.add_files())
        self.severity = self._codes(c.SEVERITIES, "major")
        self.priority = self._codes(c.PRIORITIES, "normal")
        self.fields = {"customer_id": self.customer, "contact_id": self.contact, "channel": self.channel,
                       "received_at": self.received, "complaint_type": self.type, "part_id": self.part,
                       "lot": self.lot, "delivery_note": self.delivery_note, "qty_affected": self.qty,
                       "title": self.title, "description": self.description, "defect": self.defect,
                       "severity": self.severity, "priority": self.priority}
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.customer)
        form.addRow(self.tr("Contact:"), self.contact)
        row = QHBoxLayout()
        row.addWidget(self.channel)
        row.addWidget(QLabel(self.tr("Received at:")))
        row.addWidget(self.received)
        form.addRow(self.tr("Channel:"), row)
        form.addRow(self.tr("Type:"), self.type)
        sev = QHBoxLayout()
        sev.addWidget(self.severity)
        sev.addWidget(QLabel(self.tr("Priority:")))
        sev.addWidget(self.priority)
        form.addRow(self.tr("Severity:"), sev)
        form.addRow(self.tr("Our part:"), self.part)
        lot = QHBoxLayout()
        lot.addWidget(self.lot)
        lot.addWidget(QLabel(self.tr("Delivery note:")))
        lot.addWidget(self.delivery_note)
        form.addRow(self.tr("Lot:"), lot)
        form.addRow(self.tr("Quantity affected:"), self.qty)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Defect:"), self.defect)
        files = QHBoxLayout()
        files.addWidget(self.files_label, 1)
        files.addWidget(self.files_button)
        form.addRow(self.tr("Attachments:"), files)
        self.message = QLabel()
        self.message.setObjectName("intakeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.customer.currentIndexChanged.connect(self._customer_changed)
        if customer_id is not None:
            self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))
        self._customer_changed()

    def add_files(self, paths: list[str] | None = None) -> None:
        """Files to copy into the database's folder once the complaint is stored (photos, 8D, labels)."""
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files to the complaint"))
        for p in paths or []:
            if p not in self.files:
                self.files.append(str(p))
        from pathlib import Path

        self.files_label.setText(", ".join(Path(p).name for p in self.files) or self.tr("none"))

    def _codes(self, table: dict[str, str], default: str) -> QComboBox:
        box = QComboBox()
        for code in table:
            box.addItem(c.label(table, code), code)
        box.setCurrentIndex(box.findData(default))
        return box

    def _customer_changed(self, *_args) -> None:
        cid = self.customer.currentData()
        self.contact.clear()
        self.contact.addItem(self.tr("— none —"), None)
        self.part.clear()
        self.part.addItem(self.tr("— not known —"), None)
        if cid is None:
            return
        for contact_id, name, lang in self.service.customer_contacts(self.ctx.database, cid):
            self.contact.addItem(f"{name} ({'中文' if lang == 'zh_CN' else 'English'})", contact_id)
        if self.contact.count() > 1:
            self.contact.setCurrentIndex(1)
        for pid, code, name in self.service.part_choices(self.ctx.database, cid):
            self.part.addItem(f"{code} {name}", pid)

    def values(self):
        qty = self.qty.value()
        return self.service.ComplaintInput(
            customer_id=self.customer.currentData(), contact_id=self.contact.currentData(),
            channel=self.channel.currentData(), received_at=self.received.dateTime().toPython().replace(second=0,
                                                                                                   microsecond=0),
            complaint_type=self.type.currentData(), part_id=self.part.currentData(), lot=self.lot.text(),
            delivery_note=self.delivery_note.text(), qty_affected=None if qty < 0 else qty, title=self.title.text(),
            description=self.description.toPlainText(), defect=self.defect.text(),
            severity=self.severity.currentData(), priority=self.priority.currentData())

    def create(self) -> bool:
        from app.models.complaints.errors import ValidationError

        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            self.complaint_id = self.service.create_complaint(self.ctx.database, self.values())
        except ValidationError as exc:
            lines = []
            for p in exc.problems:
                widget = self.fields.get(p.field)
                if widget is not None:
                    widget.setStyleSheet(BAD)
                lines.append("• " + p.text(self.ctx.language))
            self.message.setText("\n".join(lines) or str(exc))
            return False
        except Exception as exc:  # e.g. permission denied, database busy
            from app.views.core.errors import database_error_text

            self.message.setText(exc.text(self.ctx.language) if hasattr(exc, "text") else database_error_text(exc))
            return False
        failed = []
        for path in self.files:  # after the intake: each file is copied and stored on its own
            try:
                self.service.add_attachment(self.ctx.database, self.complaint_id, path)
            except Exception as exc:  # e.g. the file vanished, too big: the complaint is stored anyway
                failed.append(c.error_text(exc, self.ctx.language))
        if failed:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Attachments"), self.tr("The complaint was stored, but these files "
                                                                     "were not attached:") + "\n" + "\n".join(failed))
        self.accept()
        return True

    def set_received(self, when: datetime) -> None:
        self.received.setDateTime(QDateTime(when))

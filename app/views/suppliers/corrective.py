"""Corrective action requests (SCAR / 8D): the list with overdue requests highlighted, and the
editor for the eight disciplines with answer → verify → close (or cancel with a reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from app.engines.labels import local_name
from app.views.suppliers import common as c
from app.views.suppliers.dialogs import FormDialog
from app.views.core.table_models import Column

translate = QCoreApplication.translate

#: the 8D disciplines (Ford TOPS 8D; VDA "8D – Problem solving in 8 disciplines")
EIGHT_D = (
    ("D1", QT_TRANSLATE_NOOP("Suppliers", "D1 Team")),
    ("D2", QT_TRANSLATE_NOOP("Suppliers", "D2 Problem description")),
    ("D3", QT_TRANSLATE_NOOP("Suppliers", "D3 Containment actions")),
    ("D4", QT_TRANSLATE_NOOP("Suppliers", "D4 Root cause")),
    ("D5", QT_TRANSLATE_NOOP("Suppliers", "D5 Chosen corrective actions")),
    ("D6", QT_TRANSLATE_NOOP("Suppliers", "D6 Implementation and validation")),
    ("D7", QT_TRANSLATE_NOOP("Suppliers", "D7 Prevent recurrence")),
    ("D8", QT_TRANSLATE_NOOP("Suppliers", "D8 Closure and recognition")),
)


def _overdue_bg(row):
    return QColor(c.RED_BG) if bool(row.get("overdue")) else None


def _overdue_fg(row):
    return c.RED if bool(row.get("overdue")) else None


class CarListWidget(QWidget):
    """All corrective action requests; overdue ones on a red background. Double-click edits."""

    changed = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import corrective

        self.ctx = ctx
        self.service = corrective
        self.setObjectName("carList")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter corrective actions…"))
        self.filter.setClearButtonEnabled(True)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.edit_button = QPushButton(self.tr("Open 8D…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.new_button = QPushButton(self.tr("&New request…"))
        self.new_button.setToolTip(self.tr("A corrective action request outside an audit (e.g. after a rejected lot)"))
        self.new_button.clicked.connect(lambda: self.new_request())
        self.new_button.setEnabled(c.can(ctx, "corrective.create"))
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.open_only)
        bar.addWidget(self.summary)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        layout.addLayout(bar)
        name = c.name_field(ctx.language).replace("name", "supplier_name")
        self.model, self.proxy, self.table = c.make_table([
            Column("number", lambda: translate("CarList", "Number")),
            Column("supplier_code", lambda: translate("CarList", "Supplier")),
            # status and deadlines before the long texts, so they stay in view on a laptop screen
            Column("status", lambda: translate("CarList", "Status"), format=lambda v: c.label(c.CAR_STATUS, v)),
            Column("due_on", lambda: translate("CarList", "Due on"), foreground=_overdue_fg),
            Column("step_due", lambda: translate("CarList", "Current step due"), foreground=_overdue_fg),
            Column("days_overdue", lambda: translate("CarList", "Days overdue"), align_right=True,
                   format=lambda v: str(v) if v else "", foreground=_overdue_fg, background=_overdue_bg),
            Column(name, lambda: translate("CarList", "Name")),
            Column("title", lambda: translate("CarList", "Title")),
            Column("issued_on", lambda: translate("CarList", "Issued on")),
            Column("owner", lambda: translate("CarList", "Owner")),
        ], self, settings_key="audits/car_list_header", settings=ctx.settings)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.textChanged.connect(lambda *_: self._update_summary())
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # the most overdue first
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = self.service.list_corrective_actions(self.ctx.database, open_only=self.open_only.isChecked())
        frame = c.rows_frame(rows, [col.field for col in self.model.columns] + ["id", "overdue"])
        self.model.set_frame(frame)
        c.fit_columns_once(self.table, {6: 220, 7: 260})
        overdue = int(frame["overdue"].astype(bool).sum()) if len(frame) else 0
        self._overdue = overdue
        self._update_summary()
        self.summary.setStyleSheet("color: #c0392b; font-weight: 600;" if overdue else "")

    def _update_summary(self) -> None:
        """The count follows the text filter: "7 of 83 shown"."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        n = str(total) if shown == total else self.tr("{shown} of {n}").replace("{shown}", str(shown)).replace("{n}", str(total))
        self.summary.setText(self.tr("{n} shown, {overdue} overdue").replace("{n}", n)
                             .replace("{overdue}", str(getattr(self, "_overdue", 0))))

    def new_request(self) -> int | None:
        dialog = NewCarDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.open_only.setChecked(True)
        self.refresh()
        self.changed.emit()
        return dialog.car_id

    def edit_selected(self) -> CarEditorDialog | None:
        row = c.selected_source_row(self.table)
        if row is None:
            return None
        dialog = CarEditorDialog(self.ctx, int(self.model.row(row)["id"]), self)
        dialog.finished.connect(lambda *_: (self.refresh(), self.changed.emit()))
        dialog.open()
        return dialog


class CarEditorDialog(QDialog):
    """SCAR / 8D editor. Each button is one service call (one transaction)."""

    def __init__(self, ctx, car_id: int, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import corrective

        self.ctx = ctx
        self.service = corrective
        self.car_id = car_id
        self.setObjectName("carEditor")
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 12pt; font-weight: 600;")
        layout.addWidget(self.header)
        form = QFormLayout()
        self.info = {k: QLabel() for k in ("supplier", "dates", "status", "owner", "verification")}
        for key, title in (("supplier", self.tr("Supplier:")), ("dates", self.tr("Issued / due:")),
                           ("status", self.tr("Status:")), ("owner", self.tr("Owner:")),
                           ("verification", self.tr("Verification:"))):
            self.info[key].setWordWrap(True)
            form.addRow(title, self.info[key])
        layout.addLayout(form)
        self.tabs = QTabWidget()
        self.editors: dict[str, QPlainTextEdit] = {}
        for key, title in EIGHT_D:
            edit = QPlainTextEdit()
            self.editors[key] = edit
            self.tabs.addTab(edit, c.tr(title))
        from app.views.admin.history import HistoryView, eight_d_text, tab_title
        from app.views.admin.signature import SignatureList

        self.history = HistoryView(ctx, "corrective_actions", car_id, formatters={
            "status": lambda v: c.label(c.CAR_STATUS, v), "eight_d_json": eight_d_text})
        self.tabs.addTab(self.history, tab_title())
        layout.addWidget(self.tabs, 1)
        self.signatures = SignatureList()
        layout.addWidget(self.signatures)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save 8D"))
        self.save_button.clicked.connect(self.save_8d)
        self.answer_button = QPushButton(self.tr("Supplier &answered"))
        self.answer_button.clicked.connect(lambda: self._act(lambda: self.service.answer_car(ctx.database, car_id)))
        self.verify_button = QPushButton(self.tr("&Verify effectiveness…"))
        self.verify_button.clicked.connect(self.verify)
        self.close_button = QPushButton(self.tr("C&lose request"))
        self.close_button.clicked.connect(lambda: self.close_request())
        self.cancel_button = QPushButton(self.tr("Cancel request…"))
        self.cancel_button.clicked.connect(self.cancel_request)
        for b in (self.save_button, self.answer_button, self.verify_button, self.close_button, self.cancel_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        car = self.service.get_corrective_action(self.ctx.database, self.car_id)
        self.car = car
        lang = self.ctx.language
        self.setWindowTitle(self.tr("Corrective action {number}").replace("{number}", car.number))
        self.header.setText(f"{car.number} · {car.title}")
        self.info["supplier"].setText(f"{car.supplier_code} {local_name(car.supplier_name_zh, car.supplier_name_en, lang)}")
        dates = f"{c.fmt_date(car.issued_on)} / {c.fmt_date(car.due_on)}"
        if car.step_due is not None and car.step_due != car.due_on:  # our verification or the closure is next
            dates += "  " + self.tr("current step due {date}").replace("{date}", c.fmt_date(car.step_due))
        if car.overdue:
            dates += "  " + self.tr("overdue by {n} days").replace("{n}", str(car.days_overdue))
        self.info["dates"].setText(dates)
        self.info["dates"].setStyleSheet("color: #c0392b; font-weight: 600;" if car.overdue else "")
        self.info["status"].setText(c.label(c.CAR_STATUS, car.status))
        self.info["owner"].setText(car.owner)
        self.info["verification"].setText(
            f"{car.verified_by} {c.fmt_date(car.verified_on)} {car.verification}".strip())
        for key, edit in self.editors.items():
            edit.setPlainText(car.eight_d.get(key, ""))
            edit.setReadOnly(car.status in ("closed", "cancelled"))
        editable = car.status not in ("closed", "cancelled")
        may_edit, may_verify = c.can(self.ctx, "corrective.edit"), c.can(self.ctx, "corrective.verify")
        for edit in self.editors.values():
            edit.setReadOnly(not editable or not may_edit)
        self.save_button.setEnabled(editable and may_edit)
        self.answer_button.setEnabled(car.status == "open" and may_edit)
        self.verify_button.setEnabled(car.status in ("open", "answered") and may_verify)
        self.close_button.setEnabled(car.status == "verified" and may_verify)
        self.cancel_button.setEnabled(editable and may_verify)
        self.signatures.show_record(self.ctx, "corrective_actions", self.car_id)
        self.history.refresh()

    def _act(self, call) -> bool:
        try:
            call()
        except Exception as exc:  # the service's rule, e.g. "must be verified before it is closed"
            self.message.setText(c.error_text(exc))
            return False
        self.message.clear()
        self.refresh()
        return True

    def save_8d(self) -> bool:
        """Save the disciplines that changed (each one a single update)."""
        changed = [(k, e.toPlainText()) for k, e in self.editors.items() if e.toPlainText() != self.car.eight_d.get(k, "")]
        ok = True
        for key, text in changed:
            ok = self._act(lambda k=key, t=text: self.service.set_8d(self.ctx.database, self.car_id, k, t)) and ok
        return ok

    def verify(self, note: str | None = None) -> bool:
        if note is None:
            note, accepted = QInputDialog.getText(self, self.tr("Verify effectiveness"),
                                                  self.tr("How was the effectiveness checked?"))
            if not accepted:
                return False
        self.save_8d()
        return self._act(lambda: self._signed("corrective.verify", lambda signature: self.service.verify_car(
            self.ctx.database, self.car_id, note=note, signature=signature)))

    def close_request(self) -> bool:
        return self._act(lambda: self._signed("corrective.close", lambda signature: self.service.close_car(
            self.ctx.database, self.car_id, signature=signature)))

    def _signed(self, action: str, run) -> None:
        from app.views.admin.signature import run_signed

        run_signed(self, self.ctx, action, run)

    def cancel_request(self, reason: str | None = None) -> bool:
        if reason is None:
            reason, accepted = QInputDialog.getText(self, self.tr("Cancel request"), self.tr("Why is it cancelled?"))
            if not accepted:
                return False
        return self._act(lambda: self.service.cancel_car(self.ctx.database, self.car_id, reason=reason))

    def reject(self) -> None:
        if self.save_button.isEnabled():
            self.save_8d()
        super().reject()


class NewCarDialog(FormDialog):
    """Raise a corrective action request by hand; the service checks dates and numbers it. All
    problems show at once next to their fields, and a refusal keeps what was typed."""

    ERROR_FIELDS = {"title_required": "title", "dates": "due"}

    def __init__(self, ctx, parent=None, *, supplier_id: int | None = None) -> None:
        super().__init__(parent)
        from datetime import date, timedelta

        from app.models.suppliers import corrective, master
        from app.views.suppliers.dialogs import date_edit

        self.ctx = ctx
        self.service = corrective
        self.car_id: int | None = None
        self.setWindowTitle(self.tr("New corrective action request"))
        self.form = form = QFormLayout()
        self.supplier = QComboBox()
        frame = master.supplier_grid(ctx.database)
        for row in frame.to_dict("records"):
            self.supplier.addItem(f"{row['code']} {c.supplier_name(row, ctx.language)}", int(row["id"]))
        if supplier_id is not None:
            self.supplier.setCurrentIndex(max(self.supplier.findData(supplier_id), 0))
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(100)
        self.owner = QLineEdit()
        self.due = date_edit(date.today() + timedelta(days=30))
        form.addRow(self.tr("Supplier:"), self.supplier)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Owner at the supplier:"), self.owner)
        form.addRow(self.tr("Due on:"), self.due)
        self.field_widgets = {"supplier": self.supplier, "title": self.title, "description": self.description,
                              "owner": self.owner, "due": self.due}
        self.message = self.error
        self.submit = self._submit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def problems(self) -> dict[str, str]:
        out = {}
        if self.supplier.currentData() is None:
            out["supplier"] = self.tr("Choose a supplier.")
        if not self.title.text().strip():
            out["title"] = self.tr("The request needs a title.")
        return out

    def _submit(self, _values) -> int:
        from app.views.suppliers.dialogs import date_value

        self.car_id = self.service.create_corrective_action(
            self.ctx.database, self.supplier.currentData(), title=self.title.text().strip(), due_on=date_value(self.due),
            owner=self.owner.text().strip(), description=self.description.toPlainText().strip())
        return self.car_id

    def create(self) -> None:
        self._accept()

"""Disposition of a rejected lot: quantities per disposition that must add up to the lot size;
sort/rework say by whom and at whose cost; a concession asks for the quality manager's
electronic signature through the reusable dialog of ``app.views.admin.signature``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QMessageBox, QSpinBox,
    QVBoxLayout, QWidget,
)

from app.models.admin.signatures import SignatureRequest
from app.models.inspection import service
from app.views.inspection.common import error_message
from app.views.admin.signature import access_text, run_signed
from app.views.inspection.models import disposition_label


class DispositionDialog(QDialog):
    KINDS = ("return", "sort", "rework", "concession", "scrap")

    def __init__(self, ctx, lot: service.LotRow, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.lot = ctx, lot
        self.setWindowTitle(self.tr("Disposition of lot %1").replace("%1", lot.lot_number))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Lot %1 · %2 · part %3 · %4 pcs rejected. The quantities must add up to the lot size.")
                      .replace("%1", lot.lot_number).replace("%2", f"{lot.supplier_code} {lot.supplier_name}")
                      .replace("%3", lot.part_code).replace("%4", str(lot.lot_size)))
        head.setWordWrap(True)
        layout.addWidget(head)
        grid = QGridLayout()
        for col, title in enumerate((self.tr("Disposition"), self.tr("Quantity"), self.tr("By whom"),
                                     self.tr("At whose cost"), self.tr("Notes"))):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 0, col)
        self.qty: dict[str, QSpinBox] = {}
        self.by: dict[str, QComboBox] = {}
        self.cost: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        performers = [("", ""), (self.tr("Supplier"), "supplier"), (self.tr("Our company"), "internal"),
                      (self.tr("Third party"), "third_party")]
        bearers = [("", ""), (self.tr("Supplier"), "supplier"), (self.tr("Our company"), "company")]
        for row, kind in enumerate(self.KINDS, 1):
            grid.addWidget(QLabel(disposition_label(kind)), row, 0)
            spin = QSpinBox()
            spin.setRange(0, lot.lot_size)
            spin.setMinimumWidth(90)
            spin.setObjectName(f"qty_{kind}")
            spin.valueChanged.connect(self._update)
            self.qty[kind] = spin
            grid.addWidget(spin, row, 1)
            if kind in ("sort", "rework"):
                by, cost = QComboBox(), QComboBox()
                by.setMinimumWidth(110)
                cost.setMinimumWidth(110)
                for text, key in performers:
                    by.addItem(text, key)
                for text, key in bearers:
                    cost.addItem(text, key)
                by.currentIndexChanged.connect(self._update)
                cost.currentIndexChanged.connect(self._update)
                self.by[kind], self.cost[kind] = by, cost
                grid.addWidget(by, row, 2)
                grid.addWidget(cost, row, 3)
            edit = QLineEdit()
            edit.setObjectName(f"notes_{kind}")
            if kind == "concession":
                edit.setPlaceholderText(self.tr("reason and conditions of use (required)"))
            edit.textChanged.connect(self._update)
            self.notes[kind] = edit
            grid.addWidget(edit, row, 4)
        grid.setColumnStretch(4, 1)
        layout.addLayout(grid)
        self.total = QLabel()
        layout.addWidget(self.total)
        self.hint = QLabel(self.tr("A concession needs a quality manager's approval and electronic signature."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a5300")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record disposition"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.qty["return"].setValue(lot.lot_size)
        self._update()

    def lines(self) -> list[service.DispositionLine]:
        out = []
        for kind in self.KINDS:
            q = self.qty[kind].value()
            if q:
                out.append(service.DispositionLine(kind, q, self.by[kind].currentData() if kind in self.by else "",
                                                   self.cost[kind].currentData() if kind in self.cost else "",
                                                   self.notes[kind].text()))
        return out

    def _update(self) -> None:
        total = sum(s.value() for s in self.qty.values())
        ok = total == self.lot.lot_size
        colour = "#1e7b34" if ok else "#b02a37"
        self.total.setText(f"<span style='color:{colour}'>" + self.tr("Total %1 of %2 pcs").replace(
            "%1", str(total)).replace("%2", str(self.lot.lot_size)) + "</span>")
        self.hint.setVisible(self.qty["concession"].value() > 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def submit(self) -> None:
        """Record the lines; a concession goes through the reusable signature dialog (password and
        meaning, when the administrator's list requires a signature) into the same service call."""
        lines = self.lines()
        db, lot_id = self.ctx.database, self.lot.id

        def run(signature: SignatureRequest | None) -> None:
            service.record_disposition(db, lot_id, lines, signature=signature)
        try:
            if any(line.kind == "concession" for line in lines):
                if not run_signed(self, self.ctx, service.CONCESSION.action, run):
                    return
            else:
                run(None)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown as one line
            QMessageBox.warning(self, self.tr("Disposition not recorded"),
                                access_text(exc) or error_message(exc, self.ctx.language))
            return
        self.accept()


def screenshot_dialog(ctx, lot: service.LotRow) -> QWidget:
    dialog = DispositionDialog(ctx, lot)
    dialog.qty["return"].setValue(lot.lot_size - min(lot.lot_size, 100))
    dialog.qty["concession"].setValue(min(lot.lot_size, 100))
    dialog.notes["concession"].setText("D-7" if ctx.language != "zh_CN" else "外观轻微划伤，不影响装配（偏差单 D-7）")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog

"""Receive a lot (来料检验): supplier x part, PO/delivery, lot size → the plan per defect class at
once; results as a grid of characteristics x samples or as defect counts per class; the decision
with its reason, the SCAR raised and any severity change announced."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QCompleter, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.inspection import service
from app.views.inspection.common import error_message
from app.views.inspection.models import MeasurementModel, PlanModel, class_label, severity_label


class ReceivePanel(QWidget):
    recorded = Signal(object)  # LotOutcome
    disposition_requested = Signal(int)  # lot id

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: service.LotPlan | None = None
        self.outcome: service.LotOutcome | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        form = QFormLayout()
        self.pair = QComboBox()
        self.pair.setEditable(True)
        self.pair.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pair.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.pair.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.pair.setMinimumWidth(360)
        self.pair.setObjectName("pair")
        self.po = QLineEdit()
        self.po.setObjectName("po")
        self.delivery = QLineEdit()
        self.delivery.setObjectName("delivery")
        self.lot_number = QLineEdit()
        self.lot_number.setObjectName("lot_number")
        self.lot_size = QSpinBox()
        self.lot_size.setRange(0, 100_000_000)
        self.lot_size.setSpecialValueText(" ")
        self.lot_size.setObjectName("lot_size")
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.steady = QCheckBox(self.tr("Production steady"))
        self.steady.setChecked(True)
        form.addRow(self.tr("&Supplier × part"), self.pair)
        form.addRow(self.tr("&PO number"), self.po)
        form.addRow(self.tr("&Delivery note"), self.delivery)
        form.addRow(self.tr("Lot &number"), self.lot_number)
        form.addRow(self.tr("Lot si&ze"), self.lot_size)
        form.addRow(self.tr("Inspected &on"), self.on)
        form.addRow("", self.steady)
        top.addLayout(form)
        plan_box = QGroupBox(self.tr("Sampling plan (GB/T 2828.1-2012)"))
        pl = QVBoxLayout(plan_box)
        self.setting_label = QLabel()
        self.setting_label.setWordWrap(True)
        self.action_label = QLabel()  # exempt / skip this lot / inspect this lot, at once
        self.action_label.setObjectName("action")
        self.action_label.setStyleSheet("font-size:13pt; font-weight:bold; color:#1e7b34")
        self.action_label.hide()
        pl.addWidget(self.action_label)
        pl.addWidget(self.setting_label)
        self.plan_model = PlanModel(self)
        self.plan_view = QTableView()
        self.plan_view.setModel(self.plan_model)
        self.plan_view.verticalHeader().hide()
        self.plan_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plan_view.setMaximumHeight(130)
        self.plan_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pl.addWidget(self.plan_view)
        top.addWidget(plan_box, 1)
        layout.addLayout(top)

        self.results = QTabWidget()
        grid_page = QWidget()
        gl = QVBoxLayout(grid_page)
        hint = QLabel(self.tr("Type values (Enter moves on); attributes: OK/NG (1/0). Red = outside the limits. "
                              "Ctrl+K fills the current row's empty cells with OK."))
        hint.setWordWrap(True)
        gl.addWidget(hint)
        self.grid_model = MeasurementModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("grid")
        self.grid.setModel(self.grid_model)
        self.grid.horizontalHeader().setDefaultSectionSize(56)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        gl.addWidget(self.grid, 1)
        self.results.addTab(grid_page, self.tr("&Measurements"))
        counts_page = QWidget()
        cl = QFormLayout(counts_page)
        self.counts: dict[str, QSpinBox] = {}
        for cls in ("critical", "major", "minor"):
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setObjectName(f"count_{cls}")
            spin.valueChanged.connect(self._preview)
            self.counts[cls] = spin
            cl.addRow(self.tr("%1 nonconforming units").replace("%1", class_label(cls)), spin)
        self.results.addTab(counts_page, self.tr("Defect &counts"))
        layout.addWidget(self.results, 1)

        bottom = QHBoxLayout()
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setTextFormat(Qt.TextFormat.RichText)
        self.decision.setObjectName("decision")
        bottom.addWidget(self.decision, 1)
        self.record_button = QPushButton(self.tr("&Record lot (Ctrl+Enter)"))
        self.record_button.setObjectName("record")
        self.record_button.clicked.connect(self.record)
        self.dispose_button = QPushButton(self.tr("D&isposition…"))
        self.dispose_button.setEnabled(False)
        self.dispose_button.clicked.connect(self._request_disposition)
        self.new_button = QPushButton(self.tr("Ne&xt lot"))
        self.new_button.clicked.connect(self.clear)
        for b in (self.record_button, self.dispose_button, self.new_button):
            bottom.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        self.announcement = QLabel()
        self.announcement.setObjectName("announcement")
        self.announcement.setWordWrap(True)
        self.announcement.setStyleSheet("background:#fff3cd; color:#664d03; padding:6px; border:1px solid #ffe69c")
        self.announcement.hide()
        layout.addWidget(self.announcement)

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.record)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self._fill_ok)
        self.pair.currentIndexChanged.connect(self._refresh_plan)
        self.lot_size.valueChanged.connect(self._refresh_plan)
        self.grid_model.changed.connect(self._preview)
        self.results.currentChanged.connect(self._preview)
        self.load_pairs()

    def _request_disposition(self) -> None:
        if self.outcome is not None:
            self.disposition_requested.emit(self.outcome.lot_id)

    # -- data ------------------------------------------------------------------------------
    def load_pairs(self) -> None:
        self.pair.blockSignals(True)
        self.pair.clear()
        for row in service.list_settings(self.ctx.database):
            self.pair.addItem(f"{row.supplier_code} {row.supplier_name} · {row.part_code} {row.part_name}",
                              (row.supplier_id, row.part_id))
        self.pair.setCurrentIndex(-1)
        self.pair.blockSignals(False)

    def select_pair(self, supplier_id: int, part_id: int) -> None:
        i = next((k for k in range(self.pair.count()) if self.pair.itemData(k) == (supplier_id, part_id)), -1)
        if i >= 0:
            self.pair.setCurrentIndex(i)

    def _refresh_plan(self) -> None:
        data = self.pair.currentData()
        size = self.lot_size.value()
        self.plan = None
        if data and size >= 2:
            try:
                self.plan = service.plan_for(self.ctx.database, data[0], data[1], size)
            except Exception as exc:  # noqa: BLE001
                self.setting_label.setText(error_message(exc, self.ctx.language))
        if data and self.plan is None and size < 2:
            self.setting_label.setText(self.tr("Enter the lot size to see the plan."))
        if self.plan is not None:
            p = self.plan
            text = self.tr("Level %1 · %2 inspection · sample %3 pcs").replace("%1", p.level).replace(
                "%2", severity_label(p.severity)).replace("%3", str(p.sample_size))
            if p.discontinued:
                text = "<b style='color:#b02a37'>" + self.tr(
                    "Inspection discontinued (GB/T 2828.1 9.4): no lots are accepted until the supplier's "
                    "corrective action is accepted.") + "</b>"
            elif p.uninspected:
                text = (self.tr("No sampling: record the lot (Ctrl+Enter); it is accepted without inspection.")
                        + (f"<br>{p.exemption_reason}" if p.exemption_reason else ""))
            elif p.exemption == "skip_lot":
                text = self.tr("skip-lot, 1 in %1").replace("%1", str(p.skip_k)) + " · " + text
            self.setting_label.setText(text)
        skip_pair = self.plan is not None and not self.plan.discontinued and self.plan.exemption != "none" \
            and (self.plan.uninspected or self.plan.skip_k)
        self.action_label.setText(self.action_text(self.plan) if skip_pair else "")
        self.action_label.setVisible(bool(skip_pair))
        shown = None if self.plan is not None and self.plan.uninspected else self.plan
        self.plan_model.set_plan(shown)
        self.grid_model.set_plan(shown)
        self.results.setEnabled(shown is not None or self.plan is None)
        self.plan_view.setVisible(shown is not None or self.plan is None)
        self.grid.resizeRowsToContents()
        self.grid.verticalHeader().setMinimumWidth(220)
        if self.plan is not None and not self.plan.items:
            self.results.setCurrentIndex(1)
        self._preview()

    def _fill_ok(self) -> None:
        row = self.grid.currentIndex().row()
        if 0 <= row < len(self.grid_model.items) and self.grid_model.items[row].kind == "attribute":
            self.grid_model.fill_row(row, "OK")

    def _defects(self) -> dict[str, int]:
        return {cls: spin.value() for cls, spin in self.counts.items()}

    def _preview(self, *_args) -> None:
        """The decision as it stands while typing (recording decides for good)."""
        if self.outcome is not None:
            return
        if self.plan is not None and self.plan.uninspected:
            self.decision.setText(f"<b>{self.action_text(self.plan)}</b>")
            return
        if self.plan is None or not self.plan.classes:
            self.decision.setText("")
            return
        if self.results.currentIndex() == 0 and self.grid_model.items:
            found = self.grid_model.nonconforming_units()
            missing = self.grid_model.missing()
        else:
            found, missing = self._defects(), 0
        parts = []
        for cp in self.plan.classes:
            d = found.get(cp.defect_class, 0)
            verdict = self.tr("accept") if d <= cp.plan.ac else self.tr("reject")
            parts.append(f"{class_label(cp.defect_class)}: {d} / Ac {cp.plan.ac} Re {cp.plan.re} → {verdict}")
        text = " · ".join(parts)
        if missing:
            text += " · " + self.tr("%1 cells still empty").replace("%1", str(missing))
        self.decision.setText(text)

    def action_text(self, p: service.LotPlan) -> str:
        if p.action == "exempt":
            return self.tr("exempt — accept on the supplier's certificate of conformance")
        if p.action == "skip":
            return self.tr("skip this lot (%1 of %2)").replace("%1", str(p.skip_position)).replace("%2", str(p.skip_k))
        return self.tr("inspect this lot")

    def lot_input(self) -> service.LotInput:
        data = self.pair.currentData()
        uninspected = self.plan is not None and self.plan.uninspected
        use_grid = self.results.currentIndex() == 0 and bool(self.grid_model.items) and not uninspected
        if uninspected:
            qd = self.on.date()
            return service.LotInput(data[0], data[1], self.lot_number.text(), self.lot_size.value(),
                                    po_number=self.po.text(), delivery_note=self.delivery.text(),
                                    inspected_on=date(qd.year(), qd.month(), qd.day()),
                                    production_steady=self.steady.isChecked())
        qd = self.on.date()
        return service.LotInput(data[0], data[1], self.lot_number.text(), self.lot_size.value(),
                                po_number=self.po.text(), delivery_note=self.delivery.text(),
                                inspected_on=date(qd.year(), qd.month(), qd.day()),
                                defects=None if use_grid else self._defects(),
                                measurements=self.grid_model.measurements() if use_grid else None,
                                production_steady=self.steady.isChecked())

    def record(self) -> None:
        if self.outcome is not None:
            return
        if self.plan is None or not self.pair.currentData():
            self.decision.setText("<span style='color:#b02a37'>" + self.tr(
                "Choose the supplier × part and enter the lot size first.") + "</span>")
            return
        try:
            out = service.record_lot(self.ctx.database, self.lot_input())
        except Exception as exc:  # noqa: BLE001 - one line, in the user's language
            self.decision.setText(f"<span style='color:#b02a37'>{error_message(exc, self.ctx.language)}</span>")
            return
        self.show_outcome(out)
        self.recorded.emit(out)

    def show_outcome(self, out: service.LotOutcome) -> None:
        self.outcome = out
        lang = self.ctx.language
        colour = "#1e7b34" if out.accepted else "#b02a37"
        verdict = self.tr("Lot %1 ACCEPTED") if out.accepted else self.tr("Lot %1 REJECTED")
        html = f"<b style='color:{colour}; font-size:14pt'>{verdict.replace('%1', out.lot_number)}</b><br>"
        html += out.reason(lang) if out.uninspected_reason_en else "<br>".join(c.reason(lang) for c in out.classes)
        if out.skip_lot_ended:
            html += "<br><b>" + self.tr("Skip-lot ended: every lot of this supplier and part is inspected again.") \
                + "</b>"
        if out.corrective_action_number:
            html += "<br><b>" + self.tr("SCAR %1 raised on the supplier.").replace(
                "%1", out.corrective_action_number) + "</b>"
        self.decision.setText(html)
        self.dispose_button.setEnabled(not out.accepted)
        self.record_button.setEnabled(False)
        if out.severity_changed:
            self.announcement.setText("<b>" + self.tr("Switching: %1 → %2 inspection from the next lot.").replace(
                "%1", severity_label(out.severity_before)).replace("%2", severity_label(out.severity_after))
                + "</b> " + out.event_text(lang))
            self.announcement.show()
        else:
            self.announcement.hide()
        (self.dispose_button if not out.accepted else self.new_button).setFocus()

    def clear(self) -> None:
        self.outcome = None
        self.record_button.setEnabled(can(self.ctx.database, "inspection.record"))
        self.dispose_button.setEnabled(False)
        self.announcement.hide()
        for w in (self.po, self.delivery, self.lot_number):
            w.clear()
        for spin in self.counts.values():
            spin.setValue(0)
        self.lot_size.setValue(0)
        self.decision.setText("")
        self._refresh_plan()
        self.po.setFocus()

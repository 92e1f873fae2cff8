"""Per supplier x part: the severity timeline, the switching score (with the 30-point line of
clause 9.3.3) and the OC curve of the current plan, beside the severity changes and their reasons."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import re  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView, QComboBox, QCompleter, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
    QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.engines import sampling  # noqa: E402
from app.models.admin.permissions import can  # noqa: E402
from app.models.inspection import service  # noqa: E402
from app.views.inspection.common import error_message  # noqa: E402
from app.views.inspection.models import class_label, severity_label  # noqa: E402

LEVEL_Y = {"reduced": 0, "normal": 1, "tightened": 2, "discontinued": 3}
COLOURS = {"critical": "#b02a37", "major": "#1f77b4", "minor": "#2ca02c"}


def _plot(title: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)
    plot.setTitle(title, color="#333333", size="10pt")
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setPen(pg.mkPen("#555555"))
        plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
    plot.setMinimumHeight(150)
    return plot


class PairHistoryPanel(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.history: service.PairHistory | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        form = QFormLayout()
        self.pair = QComboBox()
        self.pair.setEditable(True)
        self.pair.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.pair.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.pair.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.pair.setMinimumWidth(380)
        self.lot_size = QSpinBox()
        self.lot_size.setRange(2, 100_000_000)
        self.lot_size.setValue(500)
        form.addRow(self.tr("&Supplier × part"), self.pair)
        form.addRow(self.tr("OC curve for lot si&ze"), self.lot_size)
        head.addLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        head.addWidget(self.summary, 1)
        actions = QVBoxLayout()
        self.settings_button = QPushButton(self.tr("S&etting…"))
        self.approve_button = QPushButton(self.tr("&Approve reduced…"))
        self.resume_button = QPushButton(self.tr("Res&ume inspection…"))
        for b in (self.settings_button, self.approve_button, self.resume_button):
            b.setEnabled(False)
            actions.addWidget(b)
        head.addLayout(actions)
        layout.addLayout(head)
        self.settings_button.clicked.connect(self._edit_setting)
        self.approve_button.clicked.connect(self._approve)
        self.resume_button.clicked.connect(self._resume)
        grid = QGridLayout()
        self.timeline = _plot(self.tr("Severity per lot"))
        ax = self.timeline.getAxis("left")
        ax.setTicks([[(v, severity_label(k)) for k, v in LEVEL_Y.items()]])
        ax.setWidth(80)
        self.timeline.setYRange(-0.3, 3.3, padding=0)
        self.timeline.getAxis("bottom").setLabel(self.tr("lot (oldest → newest)"))
        self.score = _plot(self.tr("Switching score (reduced possible from 30)"))
        self.score.getAxis("left").setWidth(80)
        self.score.getAxis("bottom").setLabel(self.tr("lot (oldest → newest)"))
        self.oc = _plot(self.tr("OC curve of the current plan"))
        self.oc.getAxis("bottom").setLabel(self.tr("process quality p (% nonconforming)"))
        self.oc.getAxis("left").setLabel(self.tr("Pa"))
        self.oc.addLegend(offset=(-10, 10))
        grid.addWidget(self.timeline, 0, 0)
        grid.addWidget(self.score, 1, 0)
        grid.addWidget(self.oc, 0, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid, 3)
        self.changes = QTableWidget(0, 5)
        self.changes.setHorizontalHeaderLabels([self.tr("When"), self.tr("Lot"), self.tr("From → to"), self.tr("Reason"),
                                                self.tr("By")])
        self.changes.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.verticalHeader().hide()
        layout.addWidget(self.changes, 1)
        self.pair.currentIndexChanged.connect(self.reload)
        self.lot_size.valueChanged.connect(self._oc)
        self.load_pairs()

    def load_pairs(self) -> None:
        self.pair.blockSignals(True)
        self.pair.clear()
        for row in service.list_settings(self.ctx.database):
            self.pair.addItem(f"{row.supplier_code} {row.supplier_name} · {row.part_code} {row.part_name}"
                              f" · {severity_label(row.severity)}", (row.supplier_id, row.part_id))
        self.pair.setCurrentIndex(-1)
        self.pair.blockSignals(False)

    def select_pair(self, supplier_id: int, part_id: int) -> None:
        i = next((k for k in range(self.pair.count()) if self.pair.itemData(k) == (supplier_id, part_id)), -1)
        if i >= 0:
            if i == self.pair.currentIndex():
                self.reload()
            self.pair.setCurrentIndex(i)

    def reload(self) -> None:
        data = self.pair.currentData()
        self.timeline.clear()
        self.score.clear()
        self.changes.setRowCount(0)
        self.history = None
        if not data:
            self.summary.setText("")
            self._oc()
            return
        try:
            h = service.pair_history(self.ctx.database, data[0], data[1])
        except Exception as exc:  # noqa: BLE001
            self.summary.setText(error_message(exc, self.ctx.language))
            return
        self.history = h
        st = h.setting
        db = self.ctx.database
        self.settings_button.setEnabled(can(db, "inspection.settings"))
        self.approve_button.setEnabled(can(db, "inspection.approve_reduced"))
        self.approve_button.setText(self.tr("Withdraw reduced approval…") if st.reduced_approved
                                    else self.tr("&Approve reduced…"))
        self.resume_button.setEnabled(st.severity == "discontinued" and can(db, "inspection.settings"))
        aqls = ", ".join(f"{class_label(k)} {v:g}" for k, v in st.aqls.items() if v is not None)
        text = self.tr("Now: %1 inspection · score %2 · level %3 · AQL %4 · %5 lots").replace(
            "%1", severity_label(st.severity)).replace("%2", str(st.switching_score)).replace("%3", st.level).replace(
            "%4", aqls).replace("%5", str(st.lots_count))
        if st.reduced_approved:
            text += "<br>" + self.tr("Reduced inspection approved by %1").replace("%1", st.reduced_approved_by)
        if st.exemption != "none":
            text += "<br>" + (self.tr("Skip-lot") if st.exemption == "skip_lot" else self.tr("Exempt")) + \
                f": {st.exemption_reason}"
        if st.grade:
            text += "<br>" + self.tr("Evaluation grade %1 (%2), advisory").replace("%1", st.grade).replace(
                "%2", st.grade_period or "")
        self.summary.setText(text)
        x = np.arange(1, len(h.severities) + 1)
        if len(x):
            # the lots' severities, then where the pair stands now (for the next lot)
            y = np.array([LEVEL_Y.get(s, 1) for s in h.severities] + [LEVEL_Y.get(st.severity, 1)], dtype=float)
            xs = np.append(x, x[-1] + 1)
            self.timeline.plot(np.append(xs, xs[-1] + 1) - 0.5, y, stepMode="center", pen=pg.mkPen("#1f77b4", width=2))
            rej = ~np.array(h.accepted)
            if rej.any():
                self.timeline.plot(x[rej], y[:-1][rej], pen=None, symbol="x", symbolBrush="#b02a37", symbolPen="#b02a37",
                                   symbolSize=9)
            scores = np.array([np.nan if s is None else s for s in h.scores], dtype=float)
            self.score.plot(x, scores, pen=pg.mkPen("#7f8c8d", width=1.5), symbol="o", symbolSize=4,
                            symbolBrush="#1f77b4", connect="finite")
        self.score.addItem(pg.InfiniteLine(30, angle=0, pen=pg.mkPen("#e67e22", width=1, style=Qt.PenStyle.DashLine)))
        lang = self.ctx.language
        for c in h.changes:
            row = self.changes.rowCount()
            self.changes.insertRow(row)
            reason = c.reason
            if c.rule in sampling.RULES and lang == "zh_CN" and c.reason.startswith(sampling.STANDARD):
                # the stored reason is the engine's English text; its numbers fill the Chinese rule text
                number = re.search(r"(?:last|score) (\d+)", c.reason)
                value = number.group(1) if number else ""
                reason = f"{sampling.STANDARD} {sampling.RULES[c.rule][0]}：" + \
                    sampling.RULES[c.rule][2].format(span=value, score=value) + (f"（{c.lot_number}）" if c.lot_number else "")
            for col, value in enumerate((c.changed_at.strftime("%Y-%m-%d %H:%M"), c.lot_number or "",
                                         f"{severity_label(c.from_severity)} → {severity_label(c.to_severity)}",
                                         reason, c.changed_by)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.changes.setItem(row, col, cell)
        self.changes.resizeColumnToContents(0)
        self.changes.resizeColumnToContents(2)
        self.changes.resizeColumnToContents(4)
        self._oc()

    def _edit_setting(self) -> None:
        from app.views.inspection.settings import SettingsDialog

        if self.history is not None and SettingsDialog(self.ctx, self.history.setting, self).exec():
            self.reload()

    def _reason(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok else None

    def _approve(self) -> None:
        if self.history is None:
            return
        st = self.history.setting
        approve = not st.reduced_approved
        reason = self._reason(self.tr("Reduced inspection"), self.tr("Reason (e.g. stable process, quality agreement)")
                              if approve else self.tr("Why is the approval withdrawn?"))
        if reason is None:
            return
        try:
            service.approve_reduced(self.ctx.database, st.id, approve, reason=reason)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, self.tr("Reduced inspection"), error_message(exc, self.ctx.language))
            return
        self.reload()

    def _resume(self) -> None:
        if self.history is None:
            return
        reason = self._reason(self.tr("Resume inspection"), self.tr("Corrective action accepted (SCAR number, date)"))
        if reason is None:
            return
        try:
            service.resume_inspection(self.ctx.database, self.history.setting.id, reason=reason)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, self.tr("Resume inspection"), error_message(exc, self.ctx.language))
            return
        self.load_pairs()
        self.select_pair(self.history.setting.supplier_id, self.history.setting.part_id)

    def _oc(self) -> None:
        self.oc.clear()
        self.oc.setTitle(self.tr("OC curve of the current plan"), color="#333333", size="10pt")
        if self.history is None:
            return
        if self.history.setting.severity == "discontinued":
            self.oc.setTitle(self.tr("No plan: inspection is discontinued (9.4)"), color="#b02a37", size="10pt")
            return
        try:
            plan = service.plan_for(self.ctx.database, self.history.setting.supplier_id,
                                    self.history.setting.part_id, self.lot_size.value())
        except Exception:  # noqa: BLE001 - no plan, no curve
            return
        top = 0.0
        for cp in plan.classes:
            lq = sampling.limiting_quality(cp.plan, 0.02) or 1.0
            top = max(top, min(lq * 1.1, 1.0))
        p = np.linspace(0, max(top, 0.01), 200)
        for cp in plan.classes:
            curve = sampling.oc_curve(cp.plan, p, model="binomial")
            self.oc.plot(p * 100, curve.pa, pen=pg.mkPen(COLOURS[cp.defect_class], width=2),
                         name=f"{class_label(cp.defect_class)} n={cp.plan.n} Ac={cp.plan.ac}")
        self.oc.setYRange(0, 1.02, padding=0)

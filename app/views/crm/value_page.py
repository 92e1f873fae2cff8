"""The Customer value module (客户价值): a parameters bar (as-of date, window, retention, discount
rate, inactive days, segments) whose Analyse button runs :func:`app.models.crm.value.analyse` and
the association rules in the background, and one tab per view of the result — value table,
Pareto, RFM map, segments, at risk, cross-sell. Other parts add a tab by appending a
:class:`TabFactory` to ``TAB_FACTORIES`` (e.g. key "orders"), built as ``widget(ctx, page)`` when its
class takes two arguments, else ``widget(ctx)``; a tab with ``show_analysis(analysis)`` is given
each new analysis.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.models.crm import value
from app.models.crm.tables_orders import VALUE_CLASSES
from app.views.core.table_models import ROW_ROLE, Column, DataFrameTableModel, NativeSortProxy, readable_headers
from app.views.core.tabs import TabFactory
from app.views.crm.value_charts import ParetoChart, RfmMap, SegmentChart, standardised_means
from app.views.satisfaction.charts import save_png
from app.views.suppliers.common import can

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
SEGMENT_FEATURES = ("recency_days", "orders", "revenue", "margin")


def class_words() -> dict[str, str]:
    """The customer master's words for the value classes, so both screens say the same."""
    from app.views.customers.common import VALUE_CLASS

    return {k: translate("Customers", v) for k, v in VALUE_CLASS.items()}


def risk_words() -> dict[str, str]:
    return {"inactive": translate("ValuePage", "no recent order"),
            "falling": translate("ValuePage", "falling order frequency"),
            "complaints": translate("ValuePage", "open complaints"),
            "satisfaction": translate("ValuePage", "falling satisfaction")}


def feature_words() -> dict[str, str]:
    return {"recency_days": translate("ValuePage", "Days since last order"),
            "orders": translate("ValuePage", "Orders"),
            "revenue": translate("ValuePage", "Revenue"),
            "margin": translate("ValuePage", "Margin")}


def money(v) -> str:
    return f"{float(v):,.2f}"


def _int(v) -> str:
    return f"{int(v)}"


def _pct(v) -> str:
    return f"{float(v):.1f} %"


def analyse_job(db, params: value.ValueParams, *, state):
    """The analysis, then the window's association rules (for cross-sell)."""
    state.check()
    state.progress(0.05, translate("ValuePage", "Aggregating the orders"))
    analysis = value.analyse(db, params)
    state.check()
    state.progress(0.7, translate("ValuePage", "Finding the parts bought together"))
    found = value.rules(db, params) if len(analysis.table) else []
    state.check()
    state.progress(1.0, "")
    return analysis, found


# ---- the value table ------------------------------------------------------------------------------
class ValueTableModel(DataFrameTableModel):
    """One row per customer of ``analysis.table`` (plus ``name`` in the interface language and the
    translated classes and risk reasons)."""

    def __init__(self, lang: str = "en", parent=None) -> None:
        self.lang = lang
        words = class_words()
        cls = lambda v: words.get(v, v or "")  # noqa: E731
        cols = [
            Column("code", lambda: translate("ValuePage", "Code")),
            Column("name", lambda: translate("ValuePage", "Name")),
            Column("orders", lambda: translate("ValuePage", "Orders"), _int, True),
            Column("revenue", lambda: translate("ValuePage", "Revenue"), money, True),
            Column("margin", lambda: translate("ValuePage", "Margin"), money, True),
            Column("last_order", lambda: translate("ValuePage", "Last order")),
            Column("recency_days", lambda: translate("ValuePage", "Days since"), _int, True),
            Column("abc", lambda: translate("ValuePage", "ABC")),
            Column("share_pct", lambda: translate("ValuePage", "Share"), _pct, True),
            Column("cumulative_pct", lambda: translate("ValuePage", "Cumulative"), _pct, True,
                   tooltip=lambda: translate("ValuePage",
                                             "Share of revenue of the customers up to and including this one")),
            Column("rfm", lambda: translate("ValuePage", "RFM"),
                   tooltip=lambda: translate("ValuePage", "Recency, frequency, monetary scores 1–5")),
            Column("segment", lambda: translate("ValuePage", "Segment"), _int, True),
            Column("clv", lambda: translate("ValuePage", "CLV"), money, True,
                   tooltip=lambda: translate("ValuePage", "Customer lifetime value")),
            Column("proposed_class", lambda: translate("ValuePage", "Proposed class"), cls),
            Column("value_class", lambda: translate("ValuePage", "Value class"), cls),
            Column("risk_text", lambda: translate("ValuePage", "At risk")),
        ]
        super().__init__(cols, None, parent)

    def set_table(self, table: pd.DataFrame) -> None:
        frame = table.copy()
        if self.lang == "zh_CN":
            frame["name"] = [zh or en for zh, en in zip(frame["name_zh"], frame["name_en"])]
        else:
            frame["name"] = [en or zh for zh, en in zip(frame["name_zh"], frame["name_en"])]
        words = risk_words()
        frame["risk_text"] = ["; ".join(words.get(k, k) for k in str(r).split(",") if k) for r in frame["risk"]]
        frame["value_class"] = frame["value_class"].fillna("")
        self.set_frame(frame)

    def customer_id(self, row: int) -> int:
        return int(self.frame.iloc[row]["customer_id"])


class ValueFilterProxy(NativeSortProxy):
    """Text in code or name, and the ABC class, value class, segment, at-risk and RFM-cell filters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.abc: str | None = None
        self.value_class: str | None = None
        self.segment: int | None = None
        self.at_risk = False
        self.cell: tuple[int, int] | None = None  # (R, F)

    def set(self, **kw) -> None:
        self.beginFilterChange()
        for k, v in kw.items():
            setattr(self, k, v)
        self._mask_of = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _mask(self, frame: pd.DataFrame) -> np.ndarray:
        """Every filter at once over the frame (vectorised), kept until a filter or the frame changes."""
        if getattr(self, "_mask_of", None) is frame:
            return self._mask_cache
        ok = np.ones(len(frame), dtype=bool)
        if len(frame):
            if self.text:
                hay = (frame["code"].astype(str) + " " + frame["name_zh"].fillna("").astype(str) + " "
                       + frame["name_en"].fillna("").astype(str)).str.lower()
                ok &= hay.str.contains(self.text, regex=False).to_numpy()
            if self.abc:
                ok &= (frame["abc"] == self.abc).to_numpy()
            if self.value_class is not None:
                ok &= (frame["value_class"].fillna("") == self.value_class).to_numpy()
            if self.segment is not None:
                ok &= (frame["segment"].astype(int) == self.segment).to_numpy()
            if self.at_risk:
                ok &= (frame["risk"].fillna("") != "").to_numpy()
            if self.cell is not None:
                ok &= ((frame["R"].astype(int) == self.cell[0]) & (frame["F"].astype(int) == self.cell[1])).to_numpy()
        self._mask_of, self._mask_cache = frame, ok
        return ok

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        m = self.sourceModel()
        if not isinstance(m, ValueTableModel) or source_row >= len(m.frame):
            return True
        return bool(self._mask(m.frame)[source_row])


class DecideDialog(QDialog):
    """Accept the proposed value class or choose another with a reason (required then)."""

    def __init__(self, ctx, customer_id: int, label: str, proposed: str, current: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("decideValueClass")
        self.ctx, self.customer_id, self.proposed = ctx, customer_id, proposed
        current = current if isinstance(current, str) else ""  # no class yet reaches us as NaN from pandas
        self.setWindowTitle(self.tr("Decide value class"))
        words = class_words()
        self.proposed_label = QLabel(words.get(proposed, proposed))
        self.proposed_label.setObjectName("proposedClass")
        self.current_label = QLabel(words.get(current, current) if current else "—")
        self.accepted = QComboBox()
        self.accepted.setObjectName("acceptedClass")
        for key in VALUE_CLASSES:
            self.accepted.addItem(words[key], key)
        self.accepted.setCurrentIndex(self.accepted.findData(proposed))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required when the class differs from the proposal"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b03a48")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), QLabel(label))
        form.addRow(self.tr("Current class:"), self.current_label)
        form.addRow(self.tr("Proposed by the analysis:"), self.proposed_label)
        form.addRow(self.tr("Class to keep:"), self.accepted)
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save decision"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.accepted.currentIndexChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, 240)
        self._changed()

    def _changed(self, *_a) -> None:
        override = self.accepted.currentData() != self.proposed
        self.reason.setEnabled(True)
        self.reason.setStyleSheet("" if not override or self.reason.text().strip() else "border: 1px solid #b03a48")

    def save(self) -> None:
        accepted = self.accepted.currentData()
        reason = self.reason.text().strip()
        if accepted != self.proposed and not reason:
            self.message.setText(self.tr("Reason: overriding the proposal needs a reason."))
            self.reason.setStyleSheet("border: 1px solid #b03a48")
            self.reason.setFocus()
            return
        try:
            value.decide_value_class(self.ctx.database, self.customer_id, self.proposed, accepted, reason=reason,
                                     basis={"source": "value analysis"})
        except Exception as exc:  # a refusal the user can fix: say it, keep the input
            self.message.setText(_error_text(exc, self.ctx.language))
            return
        self.accept()


def _error_text(exc: Exception, lang: str) -> str:
    if callable(getattr(exc, "text", None)):
        return exc.text(lang)
    from app.commands.messages import error_text

    return error_text(exc, lang)


class ValueTableTab(QWidget):
    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.model = ValueTableModel(ctx.language, self)
        self.proxy = ValueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("valueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.decide())
        self.table.horizontalHeader().setStretchLastSection(True)
        self.search = QLineEdit()
        self.search.setObjectName("valueSearch")
        self.search.setPlaceholderText(self.tr("Filter by code or name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda t: self._filter(text=t.strip().lower()))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.abc = QComboBox()
        self.abc.setObjectName("abcFilter")
        self.abc.addItem(self.tr("All ABC classes"), None)
        for c in "ABC":
            self.abc.addItem(self.tr("Class %1").replace("%1", c), c)
        self.abc.currentIndexChanged.connect(lambda _i: self._filter(abc=self.abc.currentData()))
        self.value_class = QComboBox()
        self.value_class.setObjectName("valueClassFilter")
        self.value_class.addItem(self.tr("All value classes"), None)
        for key, word in class_words().items():
            self.value_class.addItem(word, key)
        self.value_class.addItem(self.tr("No class yet"), "")
        self.value_class.currentIndexChanged.connect(
            lambda _i: self._filter(value_class=self.value_class.currentData()))
        self.segment = QComboBox()
        self.segment.setObjectName("segmentFilter")
        self.segment.currentIndexChanged.connect(lambda _i: self._filter(segment=self.segment.currentData()))
        self.at_risk = QPushButton(self.tr("At risk only"))
        self.at_risk.setObjectName("atRiskFilter")
        self.at_risk.setCheckable(True)
        self.at_risk.toggled.connect(lambda on: self._filter(at_risk=on))
        self.cell_button = QPushButton()
        self.cell_button.setObjectName("cellFilter")
        self.cell_button.setToolTip(self.tr("Clear the RFM cell filter"))
        self.cell_button.clicked.connect(lambda: self.set_cell(None))
        self.cell_button.hide()
        self.count = QLabel()
        self.decide_button = QPushButton(self.tr("Decide value class…"))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.setShortcut(QKeySequence("Ctrl+D"))
        self.decide_button.clicked.connect(self.decide)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("exportValue")
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.clicked.connect(lambda: self.export())
        bar = QHBoxLayout()
        for w in (self.search, self.abc, self.value_class, self.segment, self.at_risk, self.cell_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.decide_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        readable_headers(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.show_analysis(None)

    def _filter(self, **kw) -> None:
        self.proxy.set(**kw)
        self._update_count()

    def _update_count(self, *_a) -> None:
        self.count.setText(self.tr("%1 of %2 customers").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.page.analysis is not None and self.current_customer_id() is not None
        allowed = can(self.ctx, "crm.value")
        self.decide_button.setEnabled(has and allowed)
        self.decide_button.setToolTip("" if allowed else self.tr("Deciding needs the permission crm.value."))
        self.export_button.setEnabled(self.page.analysis is not None and self.model.rowCount() > 0)

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        table = analysis.table if analysis is not None else pd.DataFrame(columns=value.COLUMNS)
        self.model.set_table(table)
        kept = self.segment.currentData()
        self.segment.blockSignals(True)
        self.segment.clear()
        self.segment.addItem(self.tr("All segments"), None)
        for s in sorted(int(x) for x in table["segment"].unique()) if len(table) else []:
            self.segment.addItem(self.tr("Segment %1").replace("%1", str(s)), s)
        self.segment.setCurrentIndex(max(0, self.segment.findData(kept)) if kept is not None else 0)
        self.segment.blockSignals(False)
        self.proxy.set(segment=self.segment.currentData())
        self.table.resizeColumnsToContents()
        self._update_count()

    def set_cell(self, cell: tuple[int, int] | None) -> None:
        self.proxy.set(cell=cell)
        if cell is None:
            self.cell_button.hide()
        else:
            self.cell_button.setText(self.tr("R %1 × F %2  ✕").replace("%1", str(cell[0]))
                                     .replace("%2", str(cell[1])))
            self.cell_button.show()
        self._update_count()

    def current_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.customer_id(index.siblingAtColumn(0).data(ROW_ROLE))

    def select_customer(self, customer_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            src = self.proxy.index(row, 0).data(ROW_ROLE)
            if self.model.customer_id(src) == customer_id:
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                self.table.selectRow(row)
                return True
        return False

    def decide(self) -> None:
        cid = self.current_customer_id()
        if cid is None or not self.decide_button.isEnabled():
            return
        row = self.model.frame[self.model.frame["customer_id"] == cid].iloc[0]
        dialog = DecideDialog(self.ctx, cid, f"{row['code']} {row['name']}", row["proposed_class"],
                              row["value_class"] or "", self)
        self.page.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.page.class_decided(cid, dialog.accepted.currentData())

    def export(self, path: str | None = None) -> int | None:
        if self.page.analysis is None:
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the value table"), "customer-value.xlsx",
                                                   self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        try:
            n = value.export_value(self.page.analysis, path, lang=self.ctx.language)
        except Exception as exc:
            self.page.status.setText(_error_text(exc, self.ctx.language))
            return None
        self.page.status.setText(self.tr("%1 customers written to %2").replace("%1", str(n)).replace("%2", str(path)))
        return n


# ---- chart tabs -----------------------------------------------------------------------------------
class _ChartTab(QWidget):
    FILE = "chart.png"

    def _save_button(self) -> QPushButton:
        b = QPushButton(translate("ValueChartTab", "Save chart as PNG…"))
        b.setObjectName("saveChart")
        b.clicked.connect(lambda: self.save_chart())
        return b

    def save_chart(self, path: str | None = None) -> str | None:
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, translate("ValueChartTab", "Save chart"), self.FILE,
                                                   translate("ValueChartTab", "PNG image (*.png)"))
            if not path:
                return None
        save_png(self.chart, path)
        return path


class ParetoTab(_ChartTab):
    FILE = "pareto.png"

    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.chart = ParetoChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self._save_button())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart)

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        t = analysis.table if analysis is not None else pd.DataFrame(columns=value.COLUMNS)
        self.chart.show_values(list(t["code"]), list(t["share_pct"]), list(t["cumulative_pct"]), list(t["abc"]))
        if len(t):
            counts = t["abc"].value_counts()
            total = float(t["revenue"].sum())
            self.summary.setText(self.tr("Revenue %1 from %2 customers: A %3, B %4, C %5 (A = the customers making "
                                         "the first 80 % of revenue, B the next 15 %, C the rest)")
                                 .replace("%1", money(total)).replace("%2", str(len(t)))
                                 .replace("%3", str(counts.get("A", 0))).replace("%4", str(counts.get("B", 0)))
                                 .replace("%5", str(counts.get("C", 0))))
        else:
            self.summary.setText("")


class RfmTab(_ChartTab):
    FILE = "rfm-map.png"

    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.chart = RfmMap()
        self.measure = QComboBox()
        self.measure.setObjectName("rfmMeasure")
        self.measure.addItem(self.tr("Colour: number of customers"), "count")
        self.measure.addItem(self.tr("Colour: revenue"), "revenue")
        self.measure.currentIndexChanged.connect(lambda _i: self.show_analysis(self.page.analysis))
        hint = QLabel(self.tr("Click a cell to list its customers in the value table."))
        top = QHBoxLayout()
        top.addWidget(self.measure)
        top.addWidget(hint, 1)
        top.addWidget(self._save_button())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        self.chart.cell_clicked.connect(page.open_cell)

    def grid(self, analysis: value.ValueAnalysis | None) -> np.ndarray:
        g = np.zeros((5, 5))
        if analysis is None or not len(analysis.table):
            return g
        t = analysis.table
        money_mode = self.measure.currentData() == "revenue"
        for (r, f), part in t.groupby([t["R"].astype(int), t["F"].astype(int)]):
            g[f - 1, r - 1] = float(part["revenue"].sum()) if money_mode else len(part)
        return g

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        self.chart.show_grid(self.grid(analysis), money=self.measure.currentData() == "revenue")


class SegmentsTab(_ChartTab):
    FILE = "segments.png"

    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        f1 = lambda v: f"{float(v):,.1f}"  # noqa: E731
        self.model = DataFrameTableModel([
            Column("segment", lambda: translate("ValuePage", "Segment"), _int, True),
            Column("customers", lambda: translate("ValuePage", "Customers"), _int, True),
            Column("recency_days", lambda: translate("ValuePage", "Mean days since last order"), f1, True),
            Column("orders", lambda: translate("ValuePage", "Mean orders"), f1, True),
            Column("revenue", lambda: translate("ValuePage", "Mean revenue"), money, True),
            Column("margin", lambda: translate("ValuePage", "Mean margin"), money, True),
        ], parent=self)
        proxy = NativeSortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("segmentTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        readable_headers(self.table)
        self.chart = SegmentChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([180, 420])
        top = QHBoxLayout()
        note = QLabel(self.tr("k-means on days since the last order, orders and revenue (standardised); "
                              "the chart shows each segment's means in standard deviations from all customers."))
        note.setWordWrap(True)
        top.addWidget(note, 1)
        top.addWidget(self._save_button())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split)

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        prof = analysis.segments if analysis is not None and len(analysis.segments) else \
            pd.DataFrame(columns=["segment", "customers", *SEGMENT_FEATURES])
        self.model.set_frame(prof)
        words = feature_words()
        if len(prof):
            z = standardised_means(analysis.table, prof, SEGMENT_FEATURES)
            self.chart.show_means([words[f] for f in SEGMENT_FEATURES], [int(s) for s in prof["segment"]], z)
        else:
            self.chart.show_means([words[f] for f in SEGMENT_FEATURES], [], np.zeros((0, len(SEGMENT_FEATURES))))
        self.table.resizeColumnsToContents()


class RiskTab(QWidget):
    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        words = class_words()
        self.model = DataFrameTableModel([
            Column("code", lambda: translate("ValuePage", "Code")),
            Column("name", lambda: translate("ValuePage", "Name")),
            Column("reasons", lambda: translate("ValuePage", "Reasons")),
            Column("recency_days", lambda: translate("ValuePage", "Days since"), _int, True),
            Column("last_order", lambda: translate("ValuePage", "Last order")),
            Column("revenue", lambda: translate("ValuePage", "Revenue"), money, True),
            Column("clv", lambda: translate("ValuePage", "CLV"), money, True),
            Column("value_class", lambda: translate("ValuePage", "Value class"), lambda v: words.get(v, v or "")),
        ], parent=self)
        proxy = NativeSortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("riskTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self._open)
        readable_headers(self.table)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        cols = ["customer_id", "code", "name", "reasons", "recency_days", "last_order", "revenue", "clv", "value_class"]
        if analysis is None or not analysis.risks:
            self.model.set_frame(pd.DataFrame(columns=cols))
            self.summary.setText(self.tr("No customer at risk.") if analysis is not None else "")
            return
        t = analysis.table[analysis.table["customer_id"].isin(list(analysis.risks))].copy()
        words = risk_words()
        zh = self.ctx.language == "zh_CN"
        t["name"] = [(a or b) if zh else (b or a) for a, b in zip(t["name_zh"], t["name_en"])]
        t["reasons"] = ["; ".join(words.get(k, k) for k in analysis.risks[int(c)]) for c in t["customer_id"]]
        self.model.set_frame(t[cols])
        p = analysis.params
        self.summary.setText(self.tr("%1 customers at risk: no order for more than %2 days, order frequency down by "
                                     "%3 % or more, open complaints, or falling satisfaction. Double-click to open "
                                     "the customer in the value table.")
                             .replace("%1", str(len(t))).replace("%2", str(p.inactive_days))
                             .replace("%3", f"{100 * p.drop:.0f}"))
        self.table.resizeColumnsToContents()

    def _open(self, index: QModelIndex) -> None:
        cid = int(self.model.frame.iloc[index.siblingAtColumn(0).data(ROW_ROLE)]["customer_id"])
        self.page.show_customer(cid)


class CrossSellTab(QWidget):
    def __init__(self, ctx, page: ValuePage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.customer_id: int | None = None
        self.heading = QLabel()
        self.heading.setObjectName("crossSellHeading")
        self.heading.setWordWrap(True)
        self.model = DataFrameTableModel([
            Column("part_code", lambda: translate("ValuePage", "Part")),
            Column("source", lambda: translate("ValuePage", "Why")),
            Column("because", lambda: translate("ValuePage", "Because it buys / segment share")),
            Column("support", lambda: translate("ValuePage", "Support"),
                   lambda v: f"{float(v):.3f}" if v == v else "", True),
            Column("confidence", lambda: translate("ValuePage", "Confidence / share"),
                   lambda v: f"{float(v):.3f}", True),
            Column("lift", lambda: translate("ValuePage", "Lift"), lambda v: f"{float(v):.2f}" if v else "", True),
        ], parent=self)
        proxy = NativeSortProxy(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("crossSellTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        readable_headers(self.table)
        self.rules_model = DataFrameTableModel([
            Column("antecedent", lambda: translate("ValuePage", "If a customer buys")),
            Column("consequent", lambda: translate("ValuePage", "it also buys")),
            Column("support", lambda: translate("ValuePage", "Support"), lambda v: f"{float(v):.3f}", True),
            Column("confidence", lambda: translate("ValuePage", "Confidence"), lambda v: f"{float(v):.3f}", True),
            Column("lift", lambda: translate("ValuePage", "Lift"), lambda v: f"{float(v):.2f}", True),
        ], parent=self)
        rproxy = NativeSortProxy(self)
        rproxy.setSourceModel(self.rules_model)
        self.rules_table = QTableView()
        self.rules_table.setObjectName("rulesTable")
        self.rules_table.setModel(rproxy)
        self.rules_table.setSortingEnabled(True)
        self.rules_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.rules_table.verticalHeader().setVisible(False)
        readable_headers(self.rules_table)
        split = QSplitter(Qt.Orientation.Vertical)
        box1, box2 = QWidget(), QWidget()
        l1, l2 = QVBoxLayout(box1), QVBoxLayout(box2)
        l1.setContentsMargins(0, 0, 0, 0)
        l2.setContentsMargins(0, 0, 0, 0)
        l1.addWidget(self.heading)
        l1.addWidget(self.table)
        l2.addWidget(QLabel(self.tr("Association rules over the window's orders (parts bought together)")))
        l2.addWidget(self.rules_table)
        split.addWidget(box1)
        split.addWidget(box2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def show_analysis(self, analysis: value.ValueAnalysis | None) -> None:
        rules = self.page.rules or []
        self.rules_model.set_frame(pd.DataFrame(
            [(" + ".join(r.antecedent), " + ".join(r.consequent), r.support, r.confidence, r.lift) for r in rules],
            columns=["antecedent", "consequent", "support", "confidence", "lift"]))
        self.show_customer(None)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        cols = ["part_code", "source", "because", "support", "confidence", "lift"]
        analysis = self.page.analysis
        if analysis is None or customer_id is None:
            self.model.set_frame(pd.DataFrame(columns=cols))
            self.heading.setText(self.tr("Select a customer in the value table to see what it might also buy."))
            return
        support = {(" + ".join(r.antecedent), r.consequent): r.support for r in self.page.rules or []}
        found = value.cross_sell(self.ctx.database, analysis, customer_id, found=self.page.rules or [])
        rows = []
        for s in found:
            sup = next((v for (a, c), v in support.items() if a == s.because and s.part_code in c), float("nan")) \
                if s.source == "rule" else float("nan")
            rows.append((s.part_code, self.tr("rule") if s.source == "rule" else self.tr("its segment buys it"),
                         s.because, sup, s.confidence, s.lift))
        self.model.set_frame(pd.DataFrame(rows, columns=cols))
        row = analysis.table[analysis.table["customer_id"] == customer_id].iloc[0]
        zh = self.ctx.language == "zh_CN"
        name = (row["name_zh"] or row["name_en"]) if zh else (row["name_en"] or row["name_zh"])
        self.heading.setText(self.tr("Suggestions for %1 %2 (segment %3): %4 parts")
                             .replace("%1", str(row["code"])).replace("%2", str(name))
                             .replace("%3", str(int(row["segment"]))).replace("%4", str(len(rows))))
        self.table.resizeColumnsToContents()


TAB_FACTORIES: list[TabFactory] = [
    TabFactory("table", lambda: translate("ValuePage", "Value table"), "app.views.crm.value_page", "ValueTableTab"),
    TabFactory("pareto", lambda: translate("ValuePage", "Pareto (ABC)"), "app.views.crm.value_page", "ParetoTab"),
    TabFactory("rfm", lambda: translate("ValuePage", "RFM map"), "app.views.crm.value_page", "RfmTab"),
    TabFactory("segments", lambda: translate("ValuePage", "Segments"), "app.views.crm.value_page", "SegmentsTab"),
    TabFactory("risk", lambda: translate("ValuePage", "At risk"), "app.views.crm.value_page", "RiskTab"),
    TabFactory("cross_sell", lambda: translate("ValuePage", "Cross-sell"), "app.views.crm.value_page", "CrossSellTab"),
    # the sales history the analysis reads: list, import with column mapping, entry by hand
    TabFactory("orders", lambda: __import__("app.views.crm.orders_page", fromlist=["title"]).title(),
               "app.views.crm.orders_page", "AllOrdersTab"),
]


def _tab_args(factory: TabFactory, ctx, page) -> tuple:
    import importlib
    import inspect

    cls = getattr(importlib.import_module(factory.module), factory.widget)
    try:
        n = len([p for p in inspect.signature(cls).parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "parent"])
    except (TypeError, ValueError):
        n = 1
    return (ctx, page) if n >= 2 else (ctx,)


class ValuePage(QWidget):
    SETTINGS = "crm_value/params"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("valuePage")
        self.analysis: value.ValueAnalysis | None = None
        self.rules: list = []
        self.handle = None
        self.dialog: QDialog | None = None
        # parameters bar
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setObjectName("asOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.window = QSpinBox()
        self.window.setObjectName("window")
        self.window.setRange(1, 3650)
        self.window.setValue(365)
        self.window.setSuffix(self.tr(" days"))
        self.retention = QDoubleSpinBox()
        self.retention.setObjectName("retention")
        self.retention.setRange(0.0, 1.0)
        self.retention.setSingleStep(0.05)
        self.retention.setDecimals(2)
        self.retention.setValue(0.8)
        self.discount = QDoubleSpinBox()
        self.discount.setObjectName("discount")
        self.discount.setRange(0.0, 1.0)
        self.discount.setSingleStep(0.01)
        self.discount.setDecimals(2)
        self.discount.setValue(0.1)
        self.inactive = QSpinBox()
        self.inactive.setObjectName("inactive")
        self.inactive.setRange(1, 3650)
        self.inactive.setValue(90)
        self.inactive.setSuffix(self.tr(" days"))
        self.k = QSpinBox()
        self.k.setObjectName("segments")
        self.k.setRange(1, 12)
        self.k.setValue(4)
        self._restore()
        self.run_button = QPushButton(self.tr("Analyse"))
        self.run_button.setObjectName("analyse")
        self.run_button.setShortcut(QKeySequence("F5"))
        self.run_button.setToolTip(self.tr("Run the value analysis (F5)"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelAnalysis")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        params = QHBoxLayout()
        for text, w in ((self.tr("As of"), self.as_of), (self.tr("Window"), self.window),
                        (self.tr("Retention"), self.retention), (self.tr("Discount rate"), self.discount),
                        (self.tr("Inactive after"), self.inactive), (self.tr("Segments"), self.k)):
            label = QLabel(text)
            label.setBuddy(w)
            params.addWidget(label)
            params.addWidget(w)
        params.addStretch(1)
        params.addWidget(self.progress)
        params.addWidget(self.cancel_button)
        params.addWidget(self.run_button)
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("valueTabs")
        self.parts: dict[str, QWidget] = {}
        for factory in TAB_FACTORIES:
            if factory.available():
                widget = factory.create(*_tab_args(factory, ctx, self))
                self.parts[factory.key] = widget
                self.tabs.addTab(widget, factory.title())
        if ctx.settings is not None:
            self.tabs.setCurrentIndex(int(ctx.settings.value(f"{self.SETTINGS}/tab", 0) or 0))
            self.tabs.currentChanged.connect(lambda i: ctx.settings.setValue(f"{self.SETTINGS}/tab", i))
        table = self.parts.get("table")
        if table is not None:
            table.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selection_changed())
        layout = QVBoxLayout(self)
        layout.addLayout(params)
        layout.addWidget(self.formula)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._show_formula()
        if not can(ctx, "crm.view"):
            self.run_button.setEnabled(False)
            self.status.setText(self.tr("Viewing the value analysis needs the permission crm.view."))
        else:
            self.status.setText(self.tr("Choose the parameters and press Analyse."))

    # -- parameters ---------------------------------------------------------------------------
    def params(self) -> value.ValueParams:
        d = self.as_of.date()
        return value.ValueParams(as_of=date(d.year(), d.month(), d.day()), window_days=self.window.value(),
                                 retention=round(self.retention.value(), 4), discount=round(self.discount.value(), 4),
                                 inactive_days=self.inactive.value(), k=self.k.value())

    def _restore(self) -> None:
        s = self.ctx.settings
        if s is None:
            return
        for key, w in (("window", self.window), ("inactive", self.inactive), ("k", self.k)):
            v = s.value(f"{self.SETTINGS}/{key}")
            if v is not None:
                w.setValue(int(v))
        for key, w in (("retention", self.retention), ("discount", self.discount)):
            v = s.value(f"{self.SETTINGS}/{key}")
            if v is not None:
                w.setValue(float(v))

    def _remember(self) -> None:
        s = self.ctx.settings
        if s is None:
            return
        for key, v in (("window", self.window.value()), ("inactive", self.inactive.value()), ("k", self.k.value()),
                       ("retention", self.retention.value()), ("discount", self.discount.value())):
            s.setValue(f"{self.SETTINGS}/{key}", v)

    def _show_formula(self) -> None:
        p = self.analysis.params if self.analysis is not None else self.params()
        denom = 1 + p.discount - p.retention
        factor = f"{p.retention / denom:.3f}" if denom > 0 else "—"
        self.formula.setText(
            self.tr("%1 with m = yearly margin (window margin × 365 / %2 days), r = %3, i = %4: "
                    "CLV = m × %3 / (1 + %4 − %3) = m × %5")
            .replace("%1", value.CLV_FORMULA).replace("%2", str(p.window_days))
            .replace("%3", f"{p.retention:.2f}").replace("%4", f"{p.discount:.2f}").replace("%5", factor))

    # -- running --------------------------------------------------------------------------------
    def run(self) -> None:
        if self.handle is not None:
            return
        params = self.params()
        try:
            params.check()
        except Exception as exc:
            self.status.setText(_error_text(exc, self.ctx.language))
            return
        self._remember()
        self.run_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Analysing…"))
        self.handle = self.ctx.tasks.run(analyse_job, self.ctx.database, params, on_done=self._done,
                                         on_error=self._failed, on_cancelled=self._cancelled,
                                         on_progress=self._progress, label=self.tr("Customer value analysis"))

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(100 * fraction))
        if text:
            self.status.setText(text)

    def _finish(self) -> None:
        self.handle = None
        self.run_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()

    def _cancelled(self) -> None:
        self._finish()
        self.status.setText(self.tr("The analysis was cancelled."))

    def _failed(self, exc: Exception, _details: str) -> None:
        self._finish()
        self.status.setText(_error_text(exc, self.ctx.language))

    def _done(self, payload) -> None:
        self._finish()
        self.show_analysis(*payload)

    def show_analysis(self, analysis: value.ValueAnalysis, rules: list | None = None) -> None:
        self.analysis, self.rules = analysis, list(rules or [])
        for part in self.parts.values():
            if hasattr(part, "show_analysis"):
                part.show_analysis(analysis)
        self._show_formula()
        t = analysis.table
        if not len(t):
            self.status.setText(self.tr("No customer has an order up to %1: enter or import orders first.")
                                .replace("%1", analysis.params.as_of.isoformat()))
            return
        self.status.setText(self.tr("%1 customers, revenue %2, margin %3 in the window %4 – %5; %6 at risk.")
                            .replace("%1", str(len(t))).replace("%2", money(t["revenue"].sum()))
                            .replace("%3", money(t["margin"].sum()))
                            .replace("%4", (analysis.params.as_of - pd.Timedelta(days=analysis.params.window_days - 1))
                                     .isoformat()).replace("%5", analysis.params.as_of.isoformat())
                            .replace("%6", str(len(analysis.risks))))

    # -- between tabs ----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        cross = self.parts.get("cross_sell")
        if cross is not None and self.analysis is not None:
            cross.show_customer(self.parts["table"].current_customer_id())

    def open_cell(self, r: int, f: int) -> None:
        table = self.parts["table"]
        table.set_cell((r, f))
        self.tabs.setCurrentWidget(table)

    def show_customer(self, customer_id: int) -> None:
        table = self.parts["table"]
        table.set_cell(None)
        for w, empty in ((table.search, ""),):
            w.setText(empty)
        table.abc.setCurrentIndex(0)
        table.value_class.setCurrentIndex(0)
        table.segment.setCurrentIndex(0)
        table.at_risk.setChecked(False)
        table.select_customer(customer_id)
        self.tabs.setCurrentWidget(table)

    def class_decided(self, customer_id: int, accepted: str) -> None:
        """The decision is stored: the table shows the decided class (the analysis frame too, so
        an export says the same)."""
        if self.analysis is None:
            return
        t = self.analysis.table
        t.loc[t["customer_id"] == customer_id, "value_class"] = accepted
        table = self.parts["table"]
        table.show_analysis(self.analysis)
        table.select_customer(customer_id)
        self.parts["risk"].show_analysis(self.analysis) if "risk" in self.parts else None
        self.status.setText(self.tr("Value class saved: %1.").replace("%1", class_words().get(accepted, accepted)))


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    """Every tab analysed as of today (or the last order), at the laptop page size; the decision dialog."""
    from app.views.suppliers.common import delete_on_close

    shots: list[tuple[str, QWidget]] = []
    analysis = rules = None
    if can(ctx, "crm.view"):
        page0 = ValuePage(ctx)
        analysis = value.analyse(ctx.database, page0.params())
        rules = value.rules(ctx.database, analysis.params) if len(analysis.table) else []
        page0.deleteLater()
    first_customer = None
    for i, factory in enumerate(f for f in TAB_FACTORIES if f.available()):
        page = ValuePage(ctx)
        page.resize(1045, 720)
        if analysis is not None:
            page.show_analysis(analysis, rules)
        page.tabs.setCurrentIndex(i)
        if factory.key == "cross_sell" and analysis is not None and len(analysis.table):
            first_customer = int(analysis.table.iloc[0]["customer_id"])
            page.parts["table"].select_customer(first_customer)
        shots.append((factory.key, page))
    if analysis is not None and len(analysis.table):
        r = analysis.table.iloc[0]
        name = r["name_zh"] if ctx.language == "zh_CN" else r["name_en"]
        shots.append(("decide", DecideDialog(ctx, int(r["customer_id"]), f"{r['code']} {name}",
                                                   r["proposed_class"], r["value_class"] or "")))
    return delete_on_close(shots)

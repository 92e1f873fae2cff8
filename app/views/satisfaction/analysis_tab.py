"""The Analysis tab: choose a wave, analyse it in the background (progress and cancel in the
status bar), read the indices with their intervals, the path coefficients with bootstrap
intervals, the indicators, the priorities for action, Kano and the quality checks; the PLS path
diagram and the index trend over the survey's waves; export the tables (xlsx) and the charts
(PNG). Thin: the numbers come from ``app.models.satisfaction.analysis``."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.satisfaction import analysis, campaigns, design
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy, readable_headers
from app.views.satisfaction.charts import NpsChart, PathDiagram, QuadrantChart, TrendChart, save_png


def _tr(text: str) -> str:
    return QCoreApplication.translate("SatisfactionAnalysis", text)


def _num(nd: int):
    return lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{nd}f}"


#: the usual thresholds of the measurement model (Fornell & Larcker 1981 for the AVE; Hair et al.,
#: "A primer on PLS-SEM", for the composite reliability)
AVE_MIN, CR_MIN = 0.5, 0.7
WARN = QColor("#b00020")


class TipModel(DataFrameTableModel):
    """A table whose cells may carry their own tooltip: ``tips`` maps a column field to
    ``row -> text | None`` (the measurement table explains a negative weight on its cell)."""

    def __init__(self, columns: list[Column], tips: dict, parent=None) -> None:
        super().__init__(columns, parent=parent)
        self.tips = tips

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and 0 <= index.row() < self.rowCount():
            tip = self.tips.get(self.columns[index.column()].field)
            text = tip(self.frame.iloc[index.row()]) if tip is not None else None
            if text:
                return text
        return super().data(index, role)


def _table(columns: list[Column], parent: QWidget, model: DataFrameTableModel | None = None
           ) -> tuple[DataFrameTableModel, QTableView]:
    model = model if model is not None else DataFrameTableModel(columns, parent=parent)
    proxy = NativeSortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    readable_headers(view)
    model.sort_view = view  # fill() puts the service's order back on this view
    _unsorted(view)
    return model, view


def _unsorted(view: QTableView) -> None:
    """The rows in the service's order and no arrow on any header, until the user clicks one."""
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.model().sort(-1)


def fill(model: DataFrameTableModel, frame: pd.DataFrame) -> None:
    """A new frame in ``model``, shown in the order the service gave (the priorities keep theirs)."""
    model.set_frame(frame)
    _unsorted(model.sort_view)


def _red_if(test):
    return lambda row: WARN if test(row) else None


def analyse_job(db, wave_id: int, resamples: int, *, state):
    """Background work: the wave's analysis and its survey's trend."""
    result = analysis.analyse_wave(db, wave_id, resamples=resamples,
                                   progress=lambda f, what: state.progress(0.8 * f, what),
                                   cancelled=lambda: state.cancelled)
    state.check()
    trend = analysis.trend(db, result.data.survey_code, progress=lambda f, what: state.progress(0.8 + 0.2 * f, what),
                           cancelled=lambda: state.cancelled)
    state.check()
    return result, trend


class AnalysisTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.setObjectName("satisfactionAnalysis")
        self.result: analysis.WaveAnalysis | None = None
        self.trend_table: pd.DataFrame | None = None
        self.handle = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Wave:")))
        self.wave = QComboBox()
        self.wave.setObjectName("waveChoice")
        self.wave.setMinimumWidth(300)
        self.wave.setMinimumContentsLength(40)
        self.wave.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.wave.currentIndexChanged.connect(lambda *_a: self.wave.setToolTip(self.wave.currentText()))
        top.addWidget(self.wave, 1)
        top.addWidget(QLabel(self.tr("Bootstrap:")))
        self.resamples = QSpinBox()
        self.resamples.setRange(0, 5000)
        self.resamples.setSingleStep(100)
        self.resamples.setValue(500)
        self.resamples.setToolTip(self.tr("Resamples of the path coefficients (0 = no bootstrap)"))
        top.addWidget(self.resamples)
        self.run_button = QPushButton(self.tr("&Analyse"))
        self.run_button.setObjectName("analyseButton")
        self.run_button.clicked.connect(self.run)
        top.addWidget(self.run_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        self.chart_button = QPushButton(self.tr("Save chart…"))
        self.chart_button.clicked.connect(self.save_chart)
        top.addWidget(self.chart_button)
        self.summary = QLabel()
        self.summary.setObjectName("analysisSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        f1, f2 = _num(1), _num(3)
        self.tables = QTabWidget()
        self.tables.setObjectName("analysisTables")
        self.index_model, view = _table([
            Column("kind", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Kind")), Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Name")),
            Column("index", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Index (0–100)"), f1, True), Column("low", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI low"), f1, True),
            Column("high", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI high"), f1, True), Column("r2", lambda: QCoreApplication.translate("SatisfactionAnalysis", "R²"), f2, True),
            Column("n", lambda: QCoreApplication.translate("SatisfactionAnalysis", "n"), None, True)], self)
        self.tables.addTab(view, self.tr("Indices"))
        self.path_model, view = _table([
            Column("path", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Path")), Column("coef", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Coefficient"), f2, True),
            Column("low", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI low"), f2, True), Column("high", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI high"), f2, True),
            Column("t", lambda: QCoreApplication.translate("SatisfactionAnalysis", "t"), _num(2), True)], self)
        self.tables.addTab(view, self.tr("Paths"))
        self.measurement = self._measurement_views()
        self.tables.addTab(self.measurement, self.tr("Measurement"))
        self.indicator_model, view = _table([
            Column("code", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Question")), Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Text")),
            Column("n", lambda: QCoreApplication.translate("SatisfactionAnalysis", "n"), None, True), Column("index", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Index (0–100)"), f1, True),
            Column("low", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI low"), f1, True), Column("high", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI high"), f1, True),
            Column("weight", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Weight"), f2, True)], self)
        self.tables.addTab(view, self.tr("Questions"))
        self.priority_model, view = _table([
            Column("code", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Question")), Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Text")),
            Column("importance", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Importance"), f2, True),
            Column("performance", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Performance"), f1, True),
            Column("gap", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Gap (z)"), f2, True),
            Column("quadrant", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Quadrant"))],
            self)
        self.tables.addTab(view, self.tr("Priorities"))
        self.kano_model, view = _table([
            Column("attribute", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Attribute")), Column("category", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Category")),
            Column("n", lambda: QCoreApplication.translate("SatisfactionAnalysis", "n"), None, True), Column("better", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Better"), _num(2), True),
            Column("worse", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Worse"), _num(2), True)], self)
        self.tables.addTab(view, self.tr("Kano"))
        self.check_model, view = _table([Column("level", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Level")),
                                         Column("message", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Check"))], self)
        self.tables.addTab(view, self.tr("Checks"))

        self.charts = QTabWidget()
        self.charts.setObjectName("analysisCharts")
        self.diagram = PathDiagram()
        self.charts.addTab(self.diagram, self.tr("Path diagram"))
        self.trend_chart = TrendChart()
        # the trend for all customers or one customer segment (value class, industry, region)
        self.segment_kind = QComboBox()
        self.segment_kind.setObjectName("trendSegmentKind")
        for key, label in ((None, self.tr("All customers")), ("value_class", self.tr("By value class")),
                           ("industry", self.tr("By industry")), ("region", self.tr("By region"))):
            self.segment_kind.addItem(label, key)
        self.segment_value = QComboBox()
        self.segment_value.setObjectName("trendSegment")
        self.segment_value.setMinimumWidth(160)
        self.segment_value.setEnabled(False)
        self.segment_note = QLabel()
        self.segment_trend: pd.DataFrame | None = None
        self.segment_handle = None
        trend_box = QWidget()
        tv = QVBoxLayout(trend_box)
        tv.setContentsMargins(0, 0, 0, 0)
        # latent variables (the PLS model) or dimensions (the indicator tree): a model survey has both
        self.trend_kind = QComboBox()
        self.trend_kind.setObjectName("trendKind")
        self.trend_kind.addItem(self.tr("Latent variables"), "latent")
        self.trend_kind.addItem(self.tr("Dimensions"), "dimension")
        self.trend_kind.setToolTip(self.tr("The index per latent variable of the CSI model or per dimension of "
                                           "the indicator tree"))
        self.trend_kind.currentIndexChanged.connect(lambda *_a: self._show_trend(self._labels()))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Index:")))
        row.addWidget(self.trend_kind)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Customers:")))
        row.addWidget(self.segment_kind)
        row.addWidget(self.segment_value)
        row.addWidget(self.segment_note, 1)
        tv.addLayout(row)
        tv.addWidget(self.trend_chart, 1)
        self.trend_box = trend_box
        self.charts.addTab(trend_box, self.tr("Trend"))
        self.segment_kind.currentIndexChanged.connect(self._segment_kind_changed)
        self.segment_value.currentIndexChanged.connect(lambda *_a: self._show_trend(self._labels()))
        self.ipa_chart = QuadrantChart("ipaChart")
        self.charts.addTab(self.ipa_chart, self.tr("Importance–performance"))
        self.kano_chart = QuadrantChart("kanoChart")
        self.charts.addTab(self.kano_chart, self.tr("Kano Better–Worse"))
        self.nps_chart = NpsChart()
        self.charts.addTab(self.nps_chart, self.tr("NPS"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("analysisSplit")
        split.addWidget(self.tables)
        split.addWidget(self.charts)
        split.setSizes([290, 350])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.refresh()

    def _measurement_views(self) -> QWidget:
        """The PLS measurement model: per question its block, outer weight and loading; per block
        the AVE and the composite reliability against their usual thresholds."""
        f3 = _num(3)
        negative = self.tr("A negative outer weight: this question pulls its block's score down as its answers "
                           "rise, so the block's 0–100 index is not defined. Usually the question measures "
                           "something else or repeats another one: review it or take it out of the block.")
        ave_tip = self.tr("Under 0.5: the block's questions explain less than half of its variance")
        cr_tip = self.tr("Under 0.7: the block's questions agree poorly")
        self.outer_model, outer_view = _table([], self, TipModel([
            Column("block", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Block")),
            Column("code", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Question")),
            Column("weight", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Outer weight"), f3, True,
                   foreground=_red_if(lambda r: r["weight"] < 0),
                   tooltip=lambda: QCoreApplication.translate(
                       "SatisfactionAnalysis", "Outer weight: the question's share of its block's score (normalised "
                       "so the score has unit variance); it must not be negative")),
            Column("loading", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Loading"), f3, True,
                   tooltip=lambda: QCoreApplication.translate(
                       "SatisfactionAnalysis", "Loading: the correlation of the question with its block's score "
                       "(≥ 0.7 is usual, Hair et al.)")),
            Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Text"))],
            {"weight": lambda r: negative if r["weight"] < 0 else None}, self))
        outer_view.setObjectName("outerTable")
        self.block_model, block_view = _table([], self, TipModel([
            Column("block", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Block")),
            Column("items", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Questions"), None, True),
            Column("ave", lambda: QCoreApplication.translate("SatisfactionAnalysis", "AVE"), f3, True,
                   foreground=_red_if(lambda r: r["ave_low"]),
                   tooltip=lambda: QCoreApplication.translate(
                       "SatisfactionAnalysis", "Average variance extracted: at least 0.5 (Fornell & Larcker 1981)")),
            Column("cr", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Composite reliability"), f3, True,
                   foreground=_red_if(lambda r: r["cr_low"]),
                   tooltip=lambda: QCoreApplication.translate(
                       "SatisfactionAnalysis", "Composite reliability: at least 0.7 (Hair et al.)")),
            Column("verdict", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Assessment"),
                   foreground=_red_if(lambda r: r["ave_low"] or r["cr_low"]))],
            {"ave": lambda r: ave_tip if r["ave_low"] else None, "cr": lambda r: cr_tip if r["cr_low"] else None},
            self))
        block_view.setObjectName("reliabilityTable")
        note = QLabel(self.tr("Thresholds: AVE ≥ 0.5 (Fornell & Larcker 1981), composite reliability ≥ 0.7 "
                              "(Hair et al., A primer on PLS-SEM); values under them are red. Outer weights "
                              "must be positive for the 0–100 index."))
        note.setObjectName("measurementNote")
        note.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(outer_view)
        split.addWidget(block_view)
        split.setSizes([480, 520])
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split, 1)
        lay.addWidget(note)
        return box

    def _show_measurement(self, labels: dict[str, str]) -> None:
        fit, d = self.result.pls, self.result.data
        orows, brows = [], []
        if fit is not None:
            for lv, cols in fit.model.blocks.items():
                for c in cols:
                    orows.append({"block": labels.get(lv, lv), "code": c, "label": d.label(c, self.lang),
                                  "weight": float(fit.outer_weights[c]), "loading": float(fit.loadings[c])})
                ave, cr = float(fit.ave[lv]), float(fit.composite_reliability[lv])
                several = len(cols) > 1  # one question: AVE and CR are 1 by construction, nothing to judge
                ave_low, cr_low = several and ave < AVE_MIN, several and cr < CR_MIN
                verdict = (self.tr("one question: not assessed") if not several else
                           "; ".join(t for t, bad in ((self.tr("AVE under 0.5"), ave_low),
                                                      (self.tr("composite reliability under 0.7"), cr_low)) if bad)
                           or self.tr("both met"))
                brows.append({"block": labels.get(lv, lv), "items": len(cols), "ave": ave, "cr": cr,
                              "verdict": verdict, "ave_low": ave_low, "cr_low": cr_low})
        fill(self.outer_model, pd.DataFrame(orows, columns=["block", "code", "weight", "loading", "label"]))
        fill(self.block_model, pd.DataFrame(brows, columns=["block", "items", "ave", "cr", "verdict", "ave_low",
                                                            "cr_low"]))

    # ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The waves with answers, newest first; the tab opens on the latest closed wave of a periodic
        survey (the one a review looks at), not on a transaction wave still collecting answers."""
        rows = [r for r in analysis.list_waves(self.ctx.database) if r.respondents]
        states = {w.id: w.state for w in campaigns.list_planning(self.ctx.database)}
        purposes = {s.code: s.purpose for s in design.list_surveys(self.ctx.database)}
        self.wave.clear()
        for r in rows:
            name = r.survey_name_zh if self.lang == "zh_CN" else (r.survey_name_en or r.survey_name_zh)
            wave = r.code if r.name in ("", r.code) else f"{r.code} {r.name}"
            if not r.code.startswith(r.survey_code):  # the demo's wave codes already name their survey
                wave = f"{r.survey_code} · {wave}"
            text = (self.tr("%1 · %2 (%3 answers, still open)") if states.get(r.id) == "open"
                    else self.tr("%1 · %2 (%3 answers)"))
            self.wave.addItem(text.replace("%1", wave).replace("%2", name).replace("%3", str(r.respondents)), r.id)
            self.wave.setItemData(self.wave.count() - 1, self.wave.itemText(self.wave.count() - 1),
                                  Qt.ItemDataRole.ToolTipRole)
        best = next((i for i, r in enumerate(rows) if states.get(r.id) == "closed"
                     and purposes.get(r.survey_code) == "periodic"), None)
        if best is None:
            best = next((i for i, r in enumerate(rows) if states.get(r.id) == "closed"), 0)
        if rows:
            self.wave.setCurrentIndex(best)
            self.wave.setToolTip(self.wave.currentText())
        allowed = can(self.ctx.database, "satisfaction.analyse")
        self.run_button.setEnabled(bool(rows) and allowed)
        self.export_button.setEnabled(False)
        self.chart_button.setEnabled(False)
        if not rows:
            self.summary.setText(self.tr("No survey wave has answers yet: enter or import the answers of a wave first."))
        elif not allowed:
            self.summary.setText(self.tr("Analysing needs the permission satisfaction.analyse."))

    def run(self) -> None:
        wid = self.wave.currentData()
        if wid is None or self.handle is not None:
            return
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Analysing…"))
        self.handle = self.ctx.tasks.run(analyse_job, self.ctx.database, wid, self.resamples.value(),
                                         on_done=self._done, on_error=self._failed, on_cancelled=self._cancelled,
                                         label=self.tr("Analysing the survey wave"))

    def _finish(self) -> None:
        self.handle = None
        self.run_button.setEnabled(True)

    def _cancelled(self) -> None:
        self._finish()
        self.summary.setText(self.tr("The analysis was cancelled."))

    def _failed(self, exc: Exception, _details: str) -> None:
        self._finish()
        from app.commands.messages import error_text

        self.summary.setText(error_text(exc, self.lang))

    def _done(self, payload) -> None:
        self._finish()
        self.show_result(*payload)

    def show_result(self, result: analysis.WaveAnalysis, trend: pd.DataFrame | None = None) -> None:
        from app.reports.satisfaction_tables import check_text, words

        self.result, self.trend_table = result, trend
        self.segment_trend = None
        self.segment_kind.blockSignals(True)
        self.segment_kind.setCurrentIndex(0)
        self.segment_kind.blockSignals(False)
        self.segment_value.clear()
        self.segment_value.setEnabled(False)
        self.segment_note.setText("")
        d = result.data
        w = words(self.lang)
        lang_key = "zh_CN" if self.lang == "zh_CN" else "en"
        labels = {k: v.get(lang_key, k) for k, v in (d.model or {}).get("labels", {}).items()}
        rate = "—" if result.response_rate is None else f"{100 * result.response_rate:.1f} %"
        parts = [self.tr("%1 answers of %2 asked (response rate %3)").replace("%1", str(d.n))
                 .replace("%2", str(d.targets)).replace("%3", rate)]
        if result.csi is not None:
            parts.append(self.tr("weighted CSI %1").replace("%1", f"{result.csi.index:.1f}"))
        if result.nps is not None:
            parts.append(self.tr("NPS %1").replace("%1", f"{result.nps:.0f}"))
        if result.pls is not None:
            parts.append(self.tr("PLS on %1 complete answers").replace("%1", str(result.pls_rows)))
        if result.boot is not None:
            parts.append(self.tr("bootstrap %1 of %2 resamples used (sign-corrected per block)")
                         .replace("%1", str(result.boot.used)).replace("%2", str(result.boot.resamples)))
        self.summary.setText(" · ".join(parts) + ("\n" + "; ".join(result.problems) if result.problems else ""))
        rows = []
        for name, ci in result.node_ci.items():
            rows.append({"kind": self.tr("dimension"), "label": d.label(name, self.lang), "index": ci.index,
                         "low": ci.low, "high": ci.high, "r2": None, "n": ci.n})
        if result.pls is not None:
            for lv in result.pls.model.blocks:
                ci = result.latent_ci.get(lv)
                rows.append({"kind": self.tr("latent variable"), "label": labels.get(lv, lv),
                             "index": ci.index if ci else None, "low": ci.low if ci else None,
                             "high": ci.high if ci else None, "r2": result.pls.r2.get(lv), "n": ci.n if ci else None})
        fill(self.index_model, pd.DataFrame(rows, columns=["kind", "label", "index", "low", "high", "r2", "n"]))
        prow = []
        if result.pls is not None:
            boot = result.boot.paths if result.boot is not None else None
            for key, coef in result.pls.paths.items():
                a, b = key.split("->")
                has = boot is not None and key in boot.index
                prow.append({"path": f"{labels.get(a, a)} → {labels.get(b, b)}", "coef": coef,
                             "low": boot.loc[key, "lower"] if has else None,
                             "high": boot.loc[key, "upper"] if has else None, "t": boot.loc[key, "t"] if has else None})
        fill(self.path_model, pd.DataFrame(prow, columns=["path", "coef", "low", "high", "t"]))
        irow = []
        if result.csi is not None:
            for code, r in result.csi.indicators.iterrows():
                irow.append({"code": code, "label": d.label(code, self.lang), "n": int(r["n"]), "index": r["index"],
                             "low": r["index_low"], "high": r["index_high"], "weight": r["global_weight"]})
        fill(self.indicator_model, pd.DataFrame(irow, columns=["code", "label", "n", "index", "low", "high", "weight"]))
        pr = result.priorities(top=50)
        fill(self.priority_model, pd.DataFrame(
            [{"code": c, "label": d.label(c, self.lang), "importance": r["importance"], "performance": r["performance"],
              "gap": r["gap"], "quadrant": w["quadrants"].get(r["quadrant"], r["quadrant"])} for c, r in pr.iterrows()],
            columns=["code", "label", "importance", "performance", "gap", "quadrant"]))
        fill(self.kano_model, pd.DataFrame(
            [{"attribute": d.label(k.attribute, self.lang), "category": w["kano_names"].get(k.category, k.category),
              "n": k.n, "better": k.better, "worse": k.worse} for k in result.kano],
            columns=["attribute", "category", "n", "better", "worse"]))
        fill(self.check_model, pd.DataFrame(
            [{"level": w[level], "message": check_text(key, params, self.lang)} for level, key, params in result.checks],
            columns=["level", "message"]))
        if result.pls is not None:
            self.diagram.show_model(list(result.pls.model.blocks),
                                    {tuple(k.split("->")): v for k, v in result.pls.paths.items()},
                                    r2={k: float(v) for k, v in result.pls.r2.items()},
                                    index={lv: ci.index for lv, ci in result.latent_ci.items()}, labels=labels)
        else:
            self.diagram.clear()
        self._show_measurement(labels)
        self._fill_trend_kinds()
        self._show_trend(labels)
        self._show_quadrants(w)
        for view in self.tables.findChildren(QTableView):
            view.resizeColumnsToContents()
            view.horizontalHeader().setStretchLastSection(True)
        if result.csi is None and result.pls is None and result.kano:  # a Kano study: show its table
            self.tables.setCurrentIndex(self.tables.indexOf(self.kano_model.sort_view))
        self.export_button.setEnabled(True)
        self.chart_button.setEnabled(True)

    def _show_quadrants(self, w: dict) -> None:
        r = self.result
        if r.ipa is not None:
            t = r.ipa.table
            q = w["quadrants"]
            self.ipa_chart.show_points([(code, float(row["importance"]), float(row["performance"]))
                                        for code, row in t.iterrows()],
                                       x_line=r.ipa.importance_line, y_line=r.ipa.performance_line,
                                       x_label=self.tr("Importance"), y_label=self.tr("Performance (0–100)"),
                                       corners=(q["possible overkill"], q["keep up the good work"], q["low priority"],
                                                q["concentrate here"]))
        else:
            self.ipa_chart.clear()
        if r.kano:
            names = w["kano_names"]
            self.kano_chart.show_points([(r.data.label(k.attribute, self.lang), abs(k.worse or 0.0), k.better or 0.0)
                                         for k in r.kano], x_line=0.5, y_line=0.5,
                                        x_label=self.tr("|Worse| (dissatisfaction when absent)"),
                                        y_label=self.tr("Better (satisfaction when present)"),
                                        corners=(names["A"], names["O"], names["I"], names["M"]))
        else:
            self.kano_chart.clear()
        if r.nps is not None:
            values = r.data.nps.round().astype(int)
            self.nps_chart.show_counts([int((values == i).sum()) for i in range(11)],
                                       title=self.tr("NPS %1").replace("%1", f"{r.nps:.0f}"),
                                       y_label=self.tr("Answers"))
        else:
            self.nps_chart.clear()

    def _labels(self) -> dict[str, str]:
        if self.result is None:
            return {}
        lang_key = "zh_CN" if self.lang == "zh_CN" else "en"
        return {k: v.get(lang_key, k) for k, v in (self.result.data.model or {}).get("labels", {}).items()}

    def _segment_kind_changed(self, *_args) -> None:
        """Another segmentation: its trend is computed in the background (all segments at once)."""
        key = self.segment_kind.currentData()
        self.segment_value.blockSignals(True)
        self.segment_value.clear()
        self.segment_value.blockSignals(False)
        self.segment_value.setEnabled(False)
        self.segment_trend = None
        if key is None or self.result is None:
            self.segment_note.setText("")
            self._show_trend(self._labels())
            return
        if self.segment_handle is not None:
            self.segment_handle.cancel()
        self.segment_note.setText(self.tr("Computing the trend per segment…"))
        survey = self.result.data.survey_code

        def job(db, survey, key, *, state):
            return key, analysis.trend(db, survey, segment=key, cancelled=lambda: state.cancelled)

        self.segment_handle = self.ctx.tasks.run(job, self.ctx.database, survey, key, on_done=self._segments_done,
                                                 on_error=self._segments_failed, on_cancelled=lambda: None,
                                                 label=self.tr("Trend per customer segment"))

    def _segments_done(self, payload) -> None:
        self.segment_handle = None
        key, table = payload
        if key != self.segment_kind.currentData():
            return
        self.show_segment_trend(table)

    def show_segment_trend(self, table: pd.DataFrame) -> None:
        self.segment_trend = table
        values = sorted(v for v in set(table["segment"]) if v)
        self.segment_value.blockSignals(True)
        self.segment_value.clear()
        words = {"important": self.tr("important"), "potential": self.tr("potential"),
                 "ordinary": self.tr("ordinary"), "lost": self.tr("lost")}
        for v in values:
            self.segment_value.addItem(words.get(v, v), v)
        self.segment_value.blockSignals(False)
        self.segment_value.setEnabled(bool(values))
        self.segment_note.setText("" if values else self.tr("No respondent has this attribute."))
        self._show_trend(self._labels())

    def _segments_failed(self, exc: Exception, _details: str) -> None:
        self.segment_handle = None
        from app.commands.messages import error_text

        self.segment_note.setText(error_text(exc, self.lang))

    def _fill_trend_kinds(self) -> None:
        """Offer the kinds the trend has (latent variables first); one kind only: nothing to choose."""
        t = self.trend_table
        kinds = set(t["kind"]) if t is not None and len(t) else set()
        model = self.trend_kind.model()
        for i in range(self.trend_kind.count()):
            model.item(i).setEnabled(self.trend_kind.itemData(i) in kinds)
        self.trend_kind.blockSignals(True)
        self.trend_kind.setCurrentIndex(0 if "latent" in kinds or not kinds else 1)
        self.trend_kind.blockSignals(False)
        self.trend_kind.setEnabled(len(kinds) > 1)

    def _show_trend(self, labels: dict[str, str]) -> None:
        segment = self.segment_value.currentData() if self.segment_value.isEnabled() else None
        t = self.segment_trend if segment else self.trend_table
        if t is None or not len(t):
            self.trend_chart.clear()
            return
        kind = self.trend_kind.currentData()
        part = t[(t["kind"] == kind) & (t["segment"] == (segment or ""))]
        waves = list(dict.fromkeys(part["wave"]))
        series = {}
        for name, g in part.groupby("name", sort=False):
            g = g.set_index("wave").reindex(waves)
            label = labels.get(name, name) if kind == "latent" else self.result.data.label(name, self.lang)
            series[label] = [(float(r["index"]), float(r["low"]), float(r["high"]),
                              bool(pd.notna(r["significant"]) and r["significant"]))  # NaN: a wave without it
                             for _w, r in g.iterrows()]
        self.trend_chart.show_series(waves, series, y_label=self.tr("Index (0–100)"))

    def export(self, path: str | None = None) -> None:
        """The tables as a workbook, or the satisfaction report as PDF (by the file's suffix)."""
        if self.result is None:
            return
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the analysis"),
                                                   f"{self.result.data.wave_code}-analysis.pdf",
                                                   self.tr("Satisfaction report (*.pdf);;Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            if path.lower().endswith(".pdf"):
                from app.reports.satisfaction_report import write_report

                write_report(self.result, self.trend_table, path, lang=self.lang)
            else:
                from app.reports.satisfaction_tables import write_analysis_xlsx

                write_analysis_xlsx(self.result, path if path.lower().endswith(".xlsx") else path + ".xlsx", self.lang)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export the analysis"),
                                self.tr("Cannot write %1 (%2).").replace("%1", path).replace("%2", exc.strerror or str(exc)))

    def save_chart(self) -> None:
        chart = self.charts.currentWidget()
        if chart is self.trend_box:
            chart = self.trend_chart
        name = {id(self.diagram): "path-diagram.png", id(self.trend_chart): "trend.png",
                id(self.ipa_chart): "importance-performance.png", id(self.nps_chart): "nps.png"}.get(id(chart), "kano.png")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), name, self.tr("PNG image (*.png)"))
        if not path:
            return
        try:
            save_png(chart, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save the chart"),
                                self.tr("Cannot write %1 (%2).").replace("%1", path).replace("%2", exc.strerror or str(exc)))

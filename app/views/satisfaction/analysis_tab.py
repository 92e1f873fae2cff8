"""The Analysis tab: choose a wave, analyse it in the background (progress and cancel in the
status bar), read the indices with their intervals, the path coefficients with bootstrap
intervals, the indicators, the priorities for action, Kano and the quality checks; the PLS path
diagram and the index trend over the survey's waves; export the tables (xlsx) and the charts
(PNG). Thin: the numbers come from ``app.models.satisfaction.analysis``."""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.satisfaction import analysis
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy, readable_headers
from app.views.satisfaction.charts import NpsChart, PathDiagram, QuadrantChart, TrendChart, save_png


def _tr(text: str) -> str:
    return QCoreApplication.translate("SatisfactionAnalysis", text)


def _num(nd: int):
    return lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{nd}f}"


def _table(columns: list[Column], parent: QWidget) -> tuple[DataFrameTableModel, QTableView]:
    model = DataFrameTableModel(columns, parent=parent)
    proxy = NativeSortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    readable_headers(view)
    return model, view


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
        self.indicator_model, view = _table([
            Column("code", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Question")), Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Text")),
            Column("n", lambda: QCoreApplication.translate("SatisfactionAnalysis", "n"), None, True), Column("index", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Index (0–100)"), f1, True),
            Column("low", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI low"), f1, True), Column("high", lambda: QCoreApplication.translate("SatisfactionAnalysis", "CI high"), f1, True),
            Column("weight", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Weight"), f2, True)], self)
        self.tables.addTab(view, self.tr("Questions"))
        self.priority_model, view = _table([
            Column("code", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Question")), Column("label", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Text")),
            Column("importance", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Importance"), f2, True),
            Column("performance", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Performance"), f1, True), Column("quadrant", lambda: QCoreApplication.translate("SatisfactionAnalysis", "Quadrant"))],
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
        row = QHBoxLayout()
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

    # ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = [r for r in analysis.list_waves(self.ctx.database) if r.respondents]
        self.wave.clear()
        for r in rows:
            name = r.survey_name_zh if self.lang == "zh_CN" else (r.survey_name_en or r.survey_name_zh)
            self.wave.addItem(self.tr("%1 · %2 (%3 answers)").replace("%1", f"{r.survey_code} {name}")
                              .replace("%2", f"{r.code} {r.name}".strip()).replace("%3", str(r.respondents)), r.id)
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
        self.index_model.set_frame(pd.DataFrame(rows, columns=["kind", "label", "index", "low", "high", "r2", "n"]))
        prow = []
        if result.pls is not None:
            boot = result.boot.paths if result.boot is not None else None
            for key, coef in result.pls.paths.items():
                a, b = key.split("->")
                has = boot is not None and key in boot.index
                prow.append({"path": f"{labels.get(a, a)} → {labels.get(b, b)}", "coef": coef,
                             "low": boot.loc[key, "lower"] if has else None,
                             "high": boot.loc[key, "upper"] if has else None, "t": boot.loc[key, "t"] if has else None})
        self.path_model.set_frame(pd.DataFrame(prow, columns=["path", "coef", "low", "high", "t"]))
        irow = []
        if result.csi is not None:
            for code, r in result.csi.indicators.iterrows():
                irow.append({"code": code, "label": d.label(code, self.lang), "n": int(r["n"]), "index": r["index"],
                             "low": r["index_low"], "high": r["index_high"], "weight": r["global_weight"]})
        self.indicator_model.set_frame(pd.DataFrame(irow, columns=["code", "label", "n", "index", "low", "high", "weight"]))
        pr = result.priorities(top=50)
        self.priority_model.set_frame(pd.DataFrame(
            [{"code": c, "label": d.label(c, self.lang), "importance": r["importance"], "performance": r["performance"],
              "quadrant": w["quadrants"].get(r["quadrant"], r["quadrant"])} for c, r in pr.iterrows()],
            columns=["code", "label", "importance", "performance", "quadrant"]))
        self.kano_model.set_frame(pd.DataFrame(
            [{"attribute": d.label(k.attribute, self.lang), "category": w["kano_names"].get(k.category, k.category),
              "n": k.n, "better": k.better, "worse": k.worse} for k in result.kano],
            columns=["attribute", "category", "n", "better", "worse"]))
        self.check_model.set_frame(pd.DataFrame(
            [{"level": w[level], "message": check_text(key, params, self.lang)} for level, key, params in result.checks],
            columns=["level", "message"]))
        if result.pls is not None:
            self.diagram.show_model(list(result.pls.model.blocks),
                                    {tuple(k.split("->")): v for k, v in result.pls.paths.items()},
                                    r2={k: float(v) for k, v in result.pls.r2.items()},
                                    index={lv: ci.index for lv, ci in result.latent_ci.items()}, labels=labels)
        else:
            self.diagram.clear()
        self._show_trend(labels)
        self._show_quadrants(w)
        for view in self.tables.findChildren(QTableView):
            view.resizeColumnsToContents()
            view.horizontalHeader().setStretchLastSection(True)
        if result.csi is None and result.pls is None and result.kano:  # a Kano study: show its table
            self.tables.setCurrentIndex(4)
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

    def _show_trend(self, labels: dict[str, str]) -> None:
        segment = self.segment_value.currentData() if self.segment_value.isEnabled() else None
        t = self.segment_trend if segment else self.trend_table
        if t is None or not len(t):
            self.trend_chart.clear()
            return
        kind = "latent" if (t["kind"] == "latent").any() else "dimension"
        part = t[(t["kind"] == kind) & (t["segment"] == (segment or ""))]
        waves = list(dict.fromkeys(part["wave"]))
        series = {}
        for name, g in part.groupby("name", sort=False):
            g = g.set_index("wave").reindex(waves)
            label = labels.get(name, name) if kind == "latent" else self.result.data.label(name, self.lang)
            series[label] = [(float(r["index"]), float(r["low"]), float(r["high"]), bool(r["significant"]))
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

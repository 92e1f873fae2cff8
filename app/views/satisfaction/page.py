"""The Satisfaction module: one tab per part of the domain. Parts add their tab by appending a
:class:`TabFactory` to ``TAB_FACTORIES`` (a module that is not there is skipped)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.views.core.tabs import TabFactory


TAB_FACTORIES: list[TabFactory] = [
    TabFactory("waves", lambda: QCoreApplication.translate("SatisfactionPage", "Waves and answers"),
               "app.views.satisfaction.waves_tab", "WavesTab"),
    TabFactory("design", lambda: __import__("app.views.satisfaction.design_tab", fromlist=["title"]).title(),
               "app.views.satisfaction.design_tab", "DesignTab"),
    TabFactory("model", lambda: QCoreApplication.translate("SatisfactionPage", "CSI model"),
               "app.views.satisfaction.model_tab", "ModelTab"),
    TabFactory("plan", lambda: QCoreApplication.translate("SatisfactionPage", "Plan waves"),
               "app.views.satisfaction.plan_tab", "PlanTab"),
    TabFactory("analysis", lambda: QCoreApplication.translate("SatisfactionPage", "Analysis"), "app.views.satisfaction.analysis_tab", "AnalysisTab"),
]


class SatisfactionPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("satisfactionPage")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("satisfactionTabs")
        self.parts: dict[str, QWidget] = {}
        for factory in TAB_FACTORIES:
            if factory.available():
                widget = factory.create(ctx)
                self.parts[factory.key] = widget
                self.tabs.addTab(widget, factory.title())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    """Every tab at the laptop page size; the analysis tab analysed on the wave it opens on (the
    latest closed periodic wave), shown once per chart with the table that goes with it."""
    shots: list[tuple[str, QWidget]] = []
    for i, factory in enumerate(f for f in TAB_FACTORIES if f.available()):
        page = SatisfactionPage(ctx)
        page.resize(1045, 720)
        page.tabs.setCurrentIndex(i)
        tab = page.parts[factory.key]
        if factory.key != "analysis" or not (tab.wave.count() and tab.run_button.isEnabled()):
            shots.append((factory.key, page))
            continue
        from app.models.satisfaction import analysis

        result = analysis.analyse_wave(ctx.database, tab.wave.currentData(), resamples=100)
        analysed = (result, analysis.trend(ctx.database, result.data.survey_code))
        tab.show_result(*analysed)
        shots.append((factory.key, page))
        # the other charts, each beside its table (the same analysis, computed once)
        for name, table, chart in (("analysis-measurement", tab.measurement, tab.trend_box),
                                   ("analysis-priorities", tab.priority_model.sort_view, tab.ipa_chart),
                                   ("analysis-nps", tab.check_model.sort_view, tab.nps_chart)):
            other = SatisfactionPage(ctx)
            other.resize(1045, 720)
            other.tabs.setCurrentIndex(i)
            again = other.parts["analysis"]
            again.show_result(*analysed)
            again.tables.setCurrentIndex(tab.tables.indexOf(table))
            again.charts.setCurrentIndex(tab.charts.indexOf(chart))
            shots.append((name, other))
        kano = _kano_wave(ctx)
        if kano is not None:  # a Kano study opens on its table and the Better–Worse chart
            other = SatisfactionPage(ctx)
            other.resize(1045, 720)
            other.tabs.setCurrentIndex(i)
            again = other.parts["analysis"]
            again.wave.setCurrentIndex(again.wave.findData(kano))
            again.show_result(analysis.analyse_wave(ctx.database, kano, resamples=0))
            again.charts.setCurrentIndex(again.charts.indexOf(again.kano_chart))
            shots.append(("analysis-kano", other))
    return shots


def _kano_wave(ctx) -> int | None:
    """The latest wave with answers of a Kano study, if any."""
    from app.models.satisfaction import analysis, design

    studies = {s.code for s in design.list_surveys(ctx.database) if s.purpose == "kano"}
    return next((w.id for w in analysis.list_waves(ctx.database) if w.survey_code in studies and w.respondents), None)

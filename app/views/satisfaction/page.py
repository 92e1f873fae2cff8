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
    """Every tab at the laptop page size; the analysis tab analysed (first wave) when there is one."""
    shots: list[tuple[str, QWidget]] = []
    for i, factory in enumerate(f for f in TAB_FACTORIES if f.available()):
        page = SatisfactionPage(ctx)
        page.resize(1045, 720)
        page.tabs.setCurrentIndex(i)
        tab = page.parts[factory.key]
        if factory.key == "analysis" and tab.wave.count() and tab.run_button.isEnabled():
            from app.models.satisfaction import analysis

            wid = tab.wave.currentData()
            result = analysis.analyse_wave(ctx.database, wid, resamples=100)
            tab.show_result(result, analysis.trend(ctx.database, result.data.survey_code))
        shots.append((factory.key, page))
    return shots

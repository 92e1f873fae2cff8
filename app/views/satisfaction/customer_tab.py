"""The customer detail's Satisfaction tab: that customer's answers over the waves (score 0–100 of
its answers, NPS) beside each wave's score over all respondents, as a table and a trend chart."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.models.satisfaction import analysis
from app.views.core.table_models import Column
from app.views.satisfaction.analysis_tab import _num, _table
from app.views.satisfaction.charts import TrendChart


#: the tab's title on the customer detail (``app.views.customers.detail.TAB_FACTORIES``)
TITLE = QT_TRANSLATE_NOOP("CustomerSatisfaction", "Satisfaction")


class SatisfactionTab(QWidget):
    def __init__(self, ctx, customer_id: int, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("customerSatisfactionTab")
        self.model, self.view = _table([
            Column("wave", lambda: QCoreApplication.translate("CustomerSatisfaction", "Wave")), Column("contact", lambda: QCoreApplication.translate("CustomerSatisfaction", "Contact")),
            Column("answered_on", lambda: QCoreApplication.translate("CustomerSatisfaction", "Answered on")),
            Column("score", lambda: QCoreApplication.translate("CustomerSatisfaction", "Score (0–100)"), _num(1), True),
            Column("wave_score", lambda: QCoreApplication.translate("CustomerSatisfaction", "All respondents"), _num(1), True),
            Column("answers", lambda: QCoreApplication.translate("CustomerSatisfaction", "Questions answered"), None, True),
            Column("nps", lambda: QCoreApplication.translate("CustomerSatisfaction", "Would recommend (0–10)"), _num(0), True)], self)
        self.chart = TrendChart()
        self.chart.setMinimumHeight(160)
        self.note = QLabel()
        self.note.setWordWrap(True)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        frame = analysis.customer_history(ctx.database, customer_id)
        self.model.set_frame(frame)
        self.view.resizeColumnsToContents()
        if not len(frame):
            self.note.setText(QCoreApplication.translate("CustomerSatisfaction", "This customer has not answered a satisfaction survey yet."))
            return
        self.note.setText(QCoreApplication.translate("CustomerSatisfaction", "Score: the mean of this customer's answers on 0–100; beside it the wave's score over "
                             "all respondents."))
        per_wave = frame.groupby("wave", sort=False).agg(score=("score", "mean"), wave_score=("wave_score", "first"))
        waves = list(per_wave.index)
        nan = math.nan
        self.chart.show_series([w.split("-", 1)[-1] for w in waves], {
            QCoreApplication.translate("CustomerSatisfaction", "This customer"): [(float(v), nan, nan, False) for v in per_wave["score"]],
            QCoreApplication.translate("CustomerSatisfaction", "All respondents"): [(float(v), nan, nan, False) for v in per_wave["wave_score"]]},
            y_label=QCoreApplication.translate("CustomerSatisfaction", "Score (0–100)"))

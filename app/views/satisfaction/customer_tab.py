"""The customer detail's Satisfaction tab: that customer's answers over the waves (score 0–100 of
its answers, NPS) beside each wave's score over all respondents, as a table and a trend chart;
the answer sheet selected in the table is shown question by question below it."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QVBoxLayout, QWidget

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
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sheet_model, self.sheet_view = _table([
            Column("question", lambda: QCoreApplication.translate("CustomerSatisfaction", "Question")),
            Column("text", lambda: QCoreApplication.translate("CustomerSatisfaction", "Text")),
            Column("kind_text", lambda: QCoreApplication.translate("CustomerSatisfaction", "Answer to")),
            Column("value", lambda: QCoreApplication.translate("CustomerSatisfaction", "Answer"), _num(0), True),
            Column("score", lambda: QCoreApplication.translate("CustomerSatisfaction", "Score (0–100)"), _num(1), True)],
            self)
        self.sheet_view.setObjectName("customerAnswerSheet")
        self.sheet_view.setWordWrap(False)
        self.sheet_title = QLabel()
        self.ctx = ctx
        self.chart = TrendChart()
        self.chart.setMinimumHeight(160)
        self.note = QLabel()
        self.note.setWordWrap(True)
        sheet = QWidget()
        sv = QVBoxLayout(sheet)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.sheet_title)
        sv.addWidget(self.sheet_view, 1)
        below = QSplitter()  # the selected answer sheet beside its survey's trend
        below.addWidget(sheet)
        below.addWidget(self.chart)
        below.setSizes([700, 560])
        rows = QSplitter(Qt.Orientation.Vertical)
        rows.addWidget(self.view)
        rows.addWidget(below)
        rows.setSizes([330, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(rows, 1)
        frame = analysis.customer_history(ctx.database, customer_id)
        # latest wave first, as stored (a click on a header sorts by it)
        self.model.set_frame(frame.iloc[::-1].reset_index(drop=True))
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.model().sort(-1)
        self.view.resizeColumnsToContents()
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_sheet(cur.row()))
        if not len(frame):
            self.note.setText(QCoreApplication.translate("CustomerSatisfaction", "This customer has not answered a satisfaction survey yet."))
            return
        self.note.setText(QCoreApplication.translate("CustomerSatisfaction", "Score: the mean of this customer's answers on 0–100; beside it the wave's score over "
                             "all respondents."))
        self.frame = frame
        # the latest answer to the periodic satisfaction survey (else the latest of any) and its trend
        shown = self.model.frame
        periodic = [k for k, p in enumerate(shown["purpose"]) if p == "periodic"]
        self.view.selectRow(periodic[0] if periodic else 0)

    def show_sheet(self, view_row: int) -> None:
        """The answer sheet of the table's row ``view_row`` (sorted view) question by question."""
        if view_row < 0:
            return
        proxy = self.view.model()
        source = proxy.mapToSource(proxy.index(view_row, 0)).row()
        row = self.model.row(source)
        zh = getattr(self.ctx, "language", "en") == "zh_CN"
        sheet = analysis.answer_sheet(self.ctx.database, int(row["respondent"]))
        sheet["text"] = sheet["text_zh"] if zh else sheet["text_en"]
        sheet["kind_text"] = sheet["kind_zh"] if zh else sheet["kind_en"]
        self.sheet_model.set_frame(sheet)
        self.sheet_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.sheet_view.model().sort(-1)  # the questionnaire's order until a header is clicked
        self.sheet_view.resizeColumnsToContents()
        self.sheet_view.setColumnWidth(1, min(self.sheet_view.columnWidth(1), 280))
        self._chart(str(row["survey"]))
        who = f"{row['wave']}" + (f" · {row['contact']}" if row["contact"] else "")
        self.sheet_title.setText(QCoreApplication.translate("CustomerSatisfaction", "Answer sheet %1").replace("%1", who))

    def _chart(self, survey: str) -> None:
        """The trend of one survey (the selected answer's): this customer beside all respondents."""
        if getattr(self, "_charted", None) == survey:
            return
        self._charted = survey
        part = self.frame[self.frame["survey"] == survey]
        per_wave = part.groupby("wave", sort=False).agg(score=("score", "mean"), wave_score=("wave_score", "first"))
        nan = math.nan
        prefix = survey + "-"
        self.chart.show_series([w[len(prefix):] if w.startswith(prefix) else w for w in per_wave.index], {
            QCoreApplication.translate("CustomerSatisfaction", "This customer"): [(float(v), nan, nan, False)
                                                                                 for v in per_wave["score"]],
            QCoreApplication.translate("CustomerSatisfaction", "All respondents"): [(float(v), nan, nan, False)
                                                                                   for v in per_wave["wave_score"]]},
            y_label=QCoreApplication.translate("CustomerSatisfaction", "Score (0–100) · %1").replace("%1", survey))

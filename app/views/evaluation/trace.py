"""“Why is this supplier C?”: the stored calculation trace of one supplier and period —
each indicator's raw counts, value, score, weight and contribution, and how the scheme
treated what was missing."""

from __future__ import annotations

import html

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.views.evaluation.labels import (
    COUNTS, DEMERIT, GRADE_COLOURS, INDICATORS, METHODS, MISSING_POLICY, TREATMENT, count, indicator_value, label,
    labels, number,
)
from app.views.suppliers.common import fit_columns_once, make_table, rows_frame
from app.views.core.table_models import Column

FIELDS = ("key", "indicator", "counted", "numerator", "denominator", "value", "score", "weight", "contribution")


def trace_frame(trace: dict | None) -> pd.DataFrame:
    """One row per indicator of the scheme, in the scheme's order, with native numbers."""
    rows = []
    for key, item in ((trace or {}).get("indicators") or {}).items():
        pairs = list(item["counts"].items())
        (num_name, num), (den_name, den) = pairs if len(pairs) == 2 else (pairs[0], (None, None))  # a count
        rows.append({"key": key, "indicator": label(INDICATORS, key),
                     "counted": f"{label(COUNTS, num_name)} / {label(COUNTS, den_name)}" if den_name
                     else label(COUNTS, num_name),
                     "numerator": num, "denominator": den, "value": indicator_value(key, item["value"]),
                     "score": item["score"], "weight": item["weight"], "contribution": item["contribution"]})
    return rows_frame(rows, FIELDS)


def columns() -> list[Column]:
    return [
        Column("indicator", lambda: QCoreApplication.translate("Evaluation", "Indicator")),
        Column("numerator", lambda: QCoreApplication.translate("Evaluation", "Numerator"), format=count,
               align_right=True),
        Column("denominator", lambda: QCoreApplication.translate("Evaluation", "Denominator"), format=count,
               align_right=True),
        Column("value", lambda: QCoreApplication.translate("Evaluation", "Value"), align_right=True),
        Column("score", lambda: QCoreApplication.translate("Evaluation", "Score"), format=lambda v: number(v, 1),
               align_right=True),
        Column("weight", lambda: QCoreApplication.translate("Evaluation", "Weight"),
               format=lambda v: f"{float(v) * 100:.1f} %", align_right=True),
        Column("contribution", lambda: QCoreApplication.translate("Evaluation", "Contribution"),
               format=lambda v: number(v, 2), align_right=True),
        Column("counted", lambda: QCoreApplication.translate("Evaluation", "Counted as")),
    ]


def _grade_html(grade: str | None) -> str:
    if not grade:
        return html.escape(QCoreApplication.translate("Evaluation", "no grade"))
    return f"<b style='color:{GRADE_COLOURS[grade].name()}'>{grade}</b>"


class TracePanel(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trace: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: palette(dark);")
        self.model, self.proxy, self.table = make_table(columns(), self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSortingEnabled(False)  # the scheme's own order reads best
        self.proxy.sort(-1)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        for w in (self.heading, self.result, self.details):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.extra)
        self.show_trace(None)

    def show_trace(self, trace: dict | None, name: str = "") -> None:
        self.trace = trace
        self.model.set_frame(trace_frame(trace))
        self.table.setVisible(trace is not None)
        if trace is None:
            self.heading.setText(self.tr("Select a supplier to see how its score was calculated."))
            for w in (self.result, self.details, self.extra):
                w.setText("")
            return
        fit_columns_once(self.table)
        self.heading.setText(f"{trace['supplier']}  {name}  ·  {trace['period']}")
        th = trace["thresholds"]
        score = self.tr("not scored") if trace["score"] is None else f"{trace['score']:.2f}"
        self.result.setText(
            self.tr("Score {score} → grade {grade} (A ≥ {a}, B ≥ {b}, C ≥ {c}, below C is D)")
            .replace("{score}", html.escape(score)).replace("{grade}", _grade_html(trace["grade"]))
            .replace("{a}", f"{th['A']:g}").replace("{b}", f"{th['B']:g}").replace("{c}", f"{th['C']:g}"))
        previous = (self.tr("Previous grade {grade}; {n} period(s) in the current grade")
                    .replace("{grade}", _grade_html(trace["previous_grade"]))
                    .replace("{n}", str(trace["periods_in_grade"])))
        lines = [
            self.tr("Scheme {name} version {version} · method: {method}")
            .replace("{name}", html.escape(str(trace["scheme"]))).replace("{version}", str(trace["version"]))
            .replace("{method}", html.escape(label(METHODS, trace["method"]))),
            previous,
            self.tr("Missing indicators: {list} · rule: {policy} · applied: {treatment}")
            .replace("{list}", html.escape(labels(INDICATORS, trace["missing"]) or self.tr("none")))
            .replace("{policy}", html.escape(label(MISSING_POLICY, trace["missing_policy"])))
            .replace("{treatment}", html.escape(label(TREATMENT, trace["treatment"]))),
        ]
        self.details.setText("<br>".join(lines))
        self.extra.setText(self._extra_text(trace))

    def _extra_text(self, trace: dict) -> str:
        if "fuzzy" in trace:
            m = trace["fuzzy"]["membership"]
            return (self.tr("Fuzzy membership: {values}")
                    .replace("{values}", " · ".join(f"{g} {number(v, 3)}" for g, v in m.items())))
        if "demerit" in trace:
            parts = [f"{label(DEMERIT, k)} {count(v['count'])} × {v['points']:g}" for k, v in trace["demerit"].items()]
            return self.tr("Demerits: {items}").replace("{items}", " · ".join(parts))
        return ""

"""Translated labels of the codes stored by the evaluation (indicators, actions, changes,
methods, treatments, counts) and the grade colours shared by the table and the chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from app.views.core.labels import code_label

CTX = "Evaluation"

GRADES = ("A", "B", "C", "D")
#: foreground (text, chart points) and a light background per grade: A green, B blue, C amber, D red
GRADE_COLOURS = {"A": QColor("#1e8449"), "B": QColor("#1f5fa8"), "C": QColor("#b9770e"), "D": QColor("#c0392b")}
GRADE_BACKGROUNDS = {"A": QColor("#d5f0dc"), "B": QColor("#dde8f7"), "C": QColor("#fdf0cf"), "D": QColor("#fbe0dc")}

INDICATORS = {
    "lot_pass_rate": QT_TRANSLATE_NOOP("Evaluation", "Lot pass rate"),
    "ppm": QT_TRANSLATE_NOOP("Evaluation", "PPM"),
    "on_time_delivery": QT_TRANSLATE_NOOP("Evaluation", "On-time delivery"),
    "order_fulfilment": QT_TRANSLATE_NOOP("Evaluation", "Order fulfilment"),
    "service": QT_TRANSLATE_NOOP("Evaluation", "Service (corrective actions)"),
    "price": QT_TRANSLATE_NOOP("Evaluation", "Price index"),
    "customer_complaints": QT_TRANSLATE_NOOP("Evaluation", "Customer complaints"),
}
COUNTS = {
    "lots_accepted": QT_TRANSLATE_NOOP("Evaluation", "accepted lots"),
    "lots_inspected": QT_TRANSLATE_NOOP("Evaluation", "inspected lots"),
    "defective_units": QT_TRANSLATE_NOOP("Evaluation", "defective units"),
    "units_received": QT_TRANSLATE_NOOP("Evaluation", "units received"),
    "deliveries_on_time": QT_TRANSLATE_NOOP("Evaluation", "on-time deliveries"),
    "deliveries": QT_TRANSLATE_NOOP("Evaluation", "deliveries"),
    "qty_fulfilled": QT_TRANSLATE_NOOP("Evaluation", "quantity delivered"),
    "qty_ordered": QT_TRANSLATE_NOOP("Evaluation", "quantity ordered"),
    "cars_answered_on_time": QT_TRANSLATE_NOOP("Evaluation", "requests answered on time"),
    "cars_due": QT_TRANSLATE_NOOP("Evaluation", "requests due"),
    "amount_actual": QT_TRANSLATE_NOOP("Evaluation", "amount at actual price"),
    "amount_standard": QT_TRANSLATE_NOOP("Evaluation", "amount at standard price"),
    "customer_complaints": QT_TRANSLATE_NOOP("Evaluation", "customer complaints traced to the supplier"),
}
ACTIONS = {
    "preferred": QT_TRANSLATE_NOOP("Evaluation", "Preferred supplier"),
    "larger_share": QT_TRANSLATE_NOOP("Evaluation", "Larger order share"),
    "reduced_inspection": QT_TRANSLATE_NOOP("Evaluation", "Reduced inspection"),
    "keep": QT_TRANSLATE_NOOP("Evaluation", "Keep"),
    "normal_inspection": QT_TRANSLATE_NOOP("Evaluation", "Normal inspection"),
    "improvement_plan": QT_TRANSLATE_NOOP("Evaluation", "Improvement plan"),
    "tightened_inspection": QT_TRANSLATE_NOOP("Evaluation", "Tightened inspection"),
    "smaller_share": QT_TRANSLATE_NOOP("Evaluation", "Smaller order share"),
    "stop_new_orders": QT_TRANSLATE_NOOP("Evaluation", "Stop new orders"),
    "re_audit": QT_TRANSLATE_NOOP("Evaluation", "Re-audit"),
    "disqualify": QT_TRANSLATE_NOOP("Evaluation", "Disqualify"),
    "no_score_review": QT_TRANSLATE_NOOP("Evaluation", "No score: review"),
    "no_orders": QT_TRANSLATE_NOOP("Evaluation", "No orders"),
}
CHANGE = {
    "up": QT_TRANSLATE_NOOP("Evaluation", "Up"),
    "down": QT_TRANSLATE_NOOP("Evaluation", "Down"),
    "same": QT_TRANSLATE_NOOP("Evaluation", "Same"),
    "new": QT_TRANSLATE_NOOP("Evaluation", "New"),
}
METHODS = {
    "weighted": QT_TRANSLATE_NOOP("Evaluation", "Weighted scoring"),
    "demerit": QT_TRANSLATE_NOOP("Evaluation", "Demerit scoring"),
    "fuzzy": QT_TRANSLATE_NOOP("Evaluation", "Fuzzy comprehensive evaluation"),
}
MISSING_POLICY = {
    "renormalise": QT_TRANSLATE_NOOP("Evaluation", "re-weight the indicators present"),
    "no_score": QT_TRANSLATE_NOOP("Evaluation", "no score when an indicator is missing"),
}
TREATMENT = {
    "complete": QT_TRANSLATE_NOOP("Evaluation", "all indicators present"),
    "renormalised": QT_TRANSLATE_NOOP("Evaluation", "weights re-normalised over the indicators present"),
    "no_score": QT_TRANSLATE_NOOP("Evaluation", "not scored"),
}
DEMERIT = {
    "critical_defects": QT_TRANSLATE_NOOP("Evaluation", "critical defects"),
    "major_defects": QT_TRANSLATE_NOOP("Evaluation", "major defects"),
    "minor_defects": QT_TRANSLATE_NOOP("Evaluation", "minor defects"),
    "rejected_lots": QT_TRANSLATE_NOOP("Evaluation", "rejected lots"),
    "late_deliveries": QT_TRANSLATE_NOOP("Evaluation", "late deliveries"),
    "overdue_cars": QT_TRANSLATE_NOOP("Evaluation", "overdue corrective actions"),
}
#: Supplier-count strategy per item (app.engines.grading.sourcing_strategy), most urgent first.
STRATEGIES = {
    "no_source": QT_TRANSLATE_NOOP("Evaluation", "No current source: find a supplier"),
    "develop_new_sources": QT_TRANSLATE_NOOP("Evaluation", "Develop new sources"),
    "develop_second_source": QT_TRANSLATE_NOOP("Evaluation", "Develop a second source"),
    "urge_improvement_seek_better": QT_TRANSLATE_NOOP("Evaluation", "Urge improvement and seek a better supplier"),
    "phase_out_d": QT_TRANSLATE_NOOP("Evaluation", "Phase out grade D"),
    "no_graded_source": QT_TRANSLATE_NOOP("Evaluation", "No graded source: review"),
    "shift_share_to_best": QT_TRANSLATE_NOOP("Evaluation", "Shift share to the best supplier"),
    "maintain": QT_TRANSLATE_NOOP("Evaluation", "Maintain"),
    "single_source_ok": QT_TRANSLATE_NOOP("Evaluation", "Single source acceptable"),
}
#: Why the strategy was chosen (tooltips), after domain.md §2.1 and §2.8.
STRATEGY_HINTS = {
    "no_source": QT_TRANSLATE_NOOP("Evaluation", "No approved supplier with an active link delivers this item: find one."),
    "develop_new_sources": QT_TRANSLATE_NOOP("Evaluation", "Every graded supplier is C or D: look for new suppliers."),
    "develop_second_source": QT_TRANSLATE_NOOP("Evaluation", "The only graded supplier is C or D: develop a second source."),
    "urge_improvement_seek_better": QT_TRANSLATE_NOOP(
        "Evaluation", "The best supplier is B with a C or D beside it: urge them to improve and look for a better one."),
    "phase_out_d": QT_TRANSLATE_NOOP("Evaluation", "A supplier graded D gets no new orders: move its share to the others."),
    "no_graded_source": QT_TRANSLATE_NOOP("Evaluation", "No current supplier has a score this period: review the data."),
    "shift_share_to_best": QT_TRANSLATE_NOOP("Evaluation", "An A supplier is present: give it a larger share."),
    "maintain": QT_TRANSLATE_NOOP("Evaluation", "Several suppliers of the same good grade: keep the split."),
    "single_source_ok": QT_TRANSLATE_NOOP("Evaluation", "One supplier graded A or B: a single source is acceptable."),
}
#: Why a linked supplier does not count as a current source (besides its status).
LINK_REASONS = {
    "link_inactive": QT_TRANSLATE_NOOP("Evaluation", "Link inactive"),
}
KINDS = {
    "month": QT_TRANSLATE_NOOP("Evaluation", "Month"),
    "quarter": QT_TRANSLATE_NOOP("Evaluation", "Quarter"),
    "year": QT_TRANSLATE_NOOP("Evaluation", "Year"),
}

PERCENT = {"lot_pass_rate", "on_time_delivery", "order_fulfilment", "service"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict[str, str], code: Any) -> str:
    """Translated label of a stored code; unknown codes are shown as they are."""
    return code_label(CTX, table, code)


def labels(table: dict[str, str], codes: Any) -> str:
    return ", ".join(label(table, c) for c in (codes or ()))


def indicator_value(key: str, value: float | None) -> str:
    """An indicator value as users read it: rates in %, PPM whole, the price index to 3 places."""
    if value is None or value != value:
        return "—"
    if key in PERCENT:
        return f"{value * 100:.1f} %"
    if key in ("ppm", "customer_complaints"):
        return f"{value:,.0f}"
    return f"{value:.3f}"


def number(value: Any, places: int = 2) -> str:
    if value is None or value != value:
        return "—"
    return f"{float(value):,.{places}f}"


def count(value: Any) -> str:
    """A raw count: whole numbers without decimals (amounts keep two)."""
    if value is None or value != value:
        return "—"
    value = float(value)
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

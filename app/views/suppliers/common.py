"""Shared bits of the supplier screens: translated labels for stored codes, the
supplier name in the UI language, rows → frames, small table helpers and message boxes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableView, QWidget

from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy

CTX = "Suppliers"

STATUS = {
    "potential": QT_TRANSLATE_NOOP("Suppliers", "Potential"),
    "under_evaluation": QT_TRANSLATE_NOOP("Suppliers", "Under evaluation"),
    "approved": QT_TRANSLATE_NOOP("Suppliers", "Approved"),
    "conditional": QT_TRANSLATE_NOOP("Suppliers", "Conditionally approved"),
    "suspended": QT_TRANSLATE_NOOP("Suppliers", "Suspended"),
    "disqualified": QT_TRANSLATE_NOOP("Suppliers", "Disqualified"),
}
RELATIONSHIP = {
    "competitive": QT_TRANSLATE_NOOP("Suppliers", "Competitive"),
    "partnership": QT_TRANSLATE_NOOP("Suppliers", "Partnership"),
}
IMPORTANCE = {
    "I": QT_TRANSLATE_NOOP("Suppliers", "I – key"),
    "II": QT_TRANSLATE_NOOP("Suppliers", "II – important"),
    "III": QT_TRANSLATE_NOOP("Suppliers", "III – general"),
}
SEVERITY = {
    "observation": QT_TRANSLATE_NOOP("Suppliers", "Observation"),
    "minor": QT_TRANSLATE_NOOP("Suppliers", "Minor"),
    "major": QT_TRANSLATE_NOOP("Suppliers", "Major"),
    "critical": QT_TRANSLATE_NOOP("Suppliers", "Critical"),
}
AUDIT_TYPE = {
    "qms": QT_TRANSLATE_NOOP("Suppliers", "QMS audit"),
    "process": QT_TRANSLATE_NOOP("Suppliers", "Process audit"),
    "product": QT_TRANSLATE_NOOP("Suppliers", "Product audit"),
}
OCCASION = {
    "selection": QT_TRANSLATE_NOOP("Suppliers", "Selection"),
    "first_supply": QT_TRANSLATE_NOOP("Suppliers", "First supply / first article"),
    "periodic": QT_TRANSLATE_NOOP("Suppliers", "Periodic"),
    "problem": QT_TRANSLATE_NOOP("Suppliers", "Quality problem"),
    "reapproval": QT_TRANSLATE_NOOP("Suppliers", "Re-approval"),
}
RESULT = {
    "approved": QT_TRANSLATE_NOOP("Suppliers", "Approved"),
    "conditional": QT_TRANSLATE_NOOP("Suppliers", "Conditionally approved"),
    "not_approved": QT_TRANSLATE_NOOP("Suppliers", "Not approved"),
    "recommend": QT_TRANSLATE_NOOP("Suppliers", "Recommended for on-site audit"),
    "reject": QT_TRANSLATE_NOOP("Suppliers", "Rejected"),
    "pass": QT_TRANSLATE_NOOP("Suppliers", "Passed"),
    "in_progress": QT_TRANSLATE_NOOP("Suppliers", "In progress"),
    "rejected": QT_TRANSLATE_NOOP("Suppliers", "Rejected"),
}
STATE = {
    "valid": QT_TRANSLATE_NOOP("Suppliers", "Valid"),
    "expiring": QT_TRANSLATE_NOOP("Suppliers", "Expiring soon"),
    "expired": QT_TRANSLATE_NOOP("Suppliers", "Expired"),
    "open_ended": QT_TRANSLATE_NOOP("Suppliers", "No expiry"),
    "withdrawn": QT_TRANSLATE_NOOP("Suppliers", "Withdrawn"),
}
CAR_STATUS = {
    "open": QT_TRANSLATE_NOOP("Suppliers", "Open"),
    "answered": QT_TRANSLATE_NOOP("Suppliers", "Answered"),
    "verified": QT_TRANSLATE_NOOP("Suppliers", "Verified"),
    "closed": QT_TRANSLATE_NOOP("Suppliers", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("Suppliers", "Cancelled"),
}
PLAN_STATUS = {
    "planned": QT_TRANSLATE_NOOP("Suppliers", "Planned"),
    "in_progress": QT_TRANSLATE_NOOP("Suppliers", "In progress"),
    "done": QT_TRANSLATE_NOOP("Suppliers", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Suppliers", "Cancelled"),
}
DRAFT_STATUS = {
    "draft": QT_TRANSLATE_NOOP("Suppliers", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Suppliers", "Submitted"),
    "completed": QT_TRANSLATE_NOOP("Suppliers", "Completed"),
}

RED = QColor("#c0392b")
AMBER = QColor("#b9770e")
GREEN = QColor("#1e8449")
RED_BG = QColor("#fbe3e0")
AMBER_BG = QColor("#fdf2d9")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict[str, str], code: Any) -> str:
    """Translated label of a stored code; unknown codes are shown as they are."""
    if code is None or (isinstance(code, float) and code != code):
        return ""
    source = table.get(str(code))
    return QCoreApplication.translate(CTX, source) if source else str(code)


def name_field(lang: str) -> str:
    return "name_zh" if lang == "zh_CN" else "name_en"


def supplier_name(row: Any, lang: str) -> str:
    get = row.get if isinstance(row, dict) else (lambda k, d="": getattr(row, k, d))
    first, second = (get("name_zh", ""), get("name_en", "")) if lang == "zh_CN" else (get("name_en", ""), get("name_zh", ""))
    return first or second or ""


def rows_frame(rows: Iterable[Any], columns: Sequence[str] = ()) -> pd.DataFrame:
    """Dataclass rows from a service → a frame (native values kept for sorting)."""
    records = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in rows]
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=list(columns))
    for c in columns:
        if c not in frame.columns:
            frame[c] = None
    return frame.astype(object) if len(frame) else frame


def fmt_date(value: Any) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def fmt_pct(value: Any) -> str:
    return "" if value is None or value != value else f"{float(value):.1f} %"


def make_table(columns: list[Column], parent: QWidget, *, stretch: int | None = None,
               settings_key: str | None = None, settings=None) -> tuple[DataFrameTableModel, NativeSortProxy, QTableView]:
    model = DataFrameTableModel(columns, parent=parent)
    proxy = NativeSortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setProperty("restored", bool(settings_key and settings is not None
                                      and remember_header(view, settings, settings_key)))
    return model, proxy, view


def fit_columns_once(view: QTableView, min_widths: dict[int, int] | None = None) -> None:
    """Size the columns to their contents the first time, unless the user's widths were restored."""
    if not view.property("restored") and not view.property("fitted"):
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for column, width in (min_widths or {}).items():
            header.resizeSection(column, max(width, header.sectionSize(column)))
        view.setProperty("fitted", True)


def remember_header(view: QTableView, settings, key: str) -> bool:
    """Restore column widths and order from QSettings and save them whenever they change."""
    header = view.horizontalHeader()
    state = settings.value(key)
    restored = state is not None and header.restoreState(state)
    save = lambda *_: settings.setValue(key, header.saveState())  # noqa: E731
    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    return bool(restored)


def selected_source_row(view: QTableView) -> int | None:
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        current = view.currentIndex()
        if not current.isValid():
            return None
        indexes = [current]
    index = indexes[0]
    model = view.model()
    while hasattr(model, "mapToSource"):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return index.row() if index.isValid() else None


def state_colours(row: pd.Series, field: str = "state") -> QColor | None:
    state = row.get(field)
    return RED if state == "expired" else AMBER if state == "expiring" else None


def error_box(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def info_box(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def centre_align() -> int:
    return int(Qt.AlignmentFlag.AlignCenter)


#: the services' one-line messages users meet most often, so they show in the UI language
SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("SupplierService", "code must be 1–32 letters, digits, '-', '_' or '.'"),
    QT_TRANSLATE_NOOP("SupplierService", "importance class must be I, II or III"),
    QT_TRANSLATE_NOOP("SupplierService", "relationship must be competitive or partnership"),
    QT_TRANSLATE_NOOP("SupplierService", "name is longer than 200 characters"),
    QT_TRANSLATE_NOOP("SupplierService", "code is required"),
    QT_TRANSLATE_NOOP("SupplierService", "a Chinese or English name is required"),
    QT_TRANSLATE_NOOP("SupplierService", "a status change needs a reason"),
    QT_TRANSLATE_NOOP("SupplierService", "a rejection needs a reason"),
    QT_TRANSLATE_NOOP("SupplierService", "the person recording the step is required"),
)


def service_message(text: str) -> str:
    """A service message in the UI language when it is a known one, else as the service wrote it."""
    text = str(text)
    translated = QCoreApplication.translate("SupplierService", text)
    if translated != text:
        return translated
    head, sep, tail = text.partition(": ")  # "field: message"
    if sep:
        translated = QCoreApplication.translate("SupplierService", tail)
        if translated != tail:
            return f"{head}: {translated}"
    return text


ERROR_CODES = {
    "title_required": QT_TRANSLATE_NOOP("Suppliers", "The request needs a title."),
    "dates": QT_TRANSLATE_NOOP("Suppliers", "The due date is before the issue date."),
    "duplicate_code": QT_TRANSLATE_NOOP("Suppliers", "This code is already used by another supplier."),
    "not_found": QT_TRANSLATE_NOOP("Suppliers", "The record no longer exists; refresh the view."),
}


def error_text(exc: BaseException) -> str:
    """The message of a service error in the UI language (by its stable ``code`` when known)."""
    from app.views.admin.signature import access_text

    refusal = access_text(exc)  # a missing permission, a wrong password, a missing signature
    if refusal is not None:
        return refusal
    code = getattr(exc, "code", None)
    if code in ERROR_CODES:
        return QCoreApplication.translate(CTX, ERROR_CODES[code])
    return service_message(str(exc))


def current_user(ctx) -> str:
    """Who the services record for an action: the signed-in user (shown, never typed)."""
    from app.models.admin.identity import actor_name

    return actor_name(ctx.database)


def can(ctx, permission: str) -> bool:
    """Whether the signed-in user may do what a button offers (the service checks it again)."""
    from app.models.admin.permissions import can as _can

    return _can(ctx.database, permission)


def delete_on_close(shots: list[tuple[str, QWidget]]) -> list[tuple[str, QWidget]]:
    """Parentless screenshot widgets are freed when the screenshot tool closes them, not at
    interpreter exit (PySide deleting them after the application object is gone aborts)."""
    for _name, widget in shots:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return shots

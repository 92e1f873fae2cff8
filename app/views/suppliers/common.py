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

from app.engines.labels import word, words
from app.views.core.translation import ui_language
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy, readable_headers

CTX = "Suppliers"

RELATIONSHIP = {
    "competitive": QT_TRANSLATE_NOOP("Suppliers", "Competitive"),
    "partnership": QT_TRANSLATE_NOOP("Suppliers", "Partnership"),
}
IMPORTANCE = {
    "I": QT_TRANSLATE_NOOP("Suppliers", "I – key"),
    "II": QT_TRANSLATE_NOOP("Suppliers", "II – important"),
    "III": QT_TRANSLATE_NOOP("Suppliers", "III – general"),
}


class Vocabulary(dict):
    """A code → label table whose words come from ``app.engines.labels`` (the one vocabulary the
    printed reports and the commands use too), in the interface language; ``label()`` knows it."""

    def __init__(self, kind: str) -> None:
        super().__init__(words(kind, "en"))
        self.kind = kind


STATUS = Vocabulary("supplier_status")
CAR_STATUS = Vocabulary("car_status")  # "open" = not answered yet (未回复); open requests are all not closed
SEVERITY = Vocabulary("severity")
AUDIT_TYPE = Vocabulary("audit_type")
OCCASION = Vocabulary("occasion")
AUDIT_RESULT = Vocabulary("audit_result")
RECOMMENDATION = Vocabulary("survey_recommendation")
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

from app.views.core.labels import AMBER, AMBER_BG, GREEN, RED, RED_BG, code_label  # noqa: E402,F401


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict[str, str], code: Any) -> str:
    """Translated label of a stored code; unknown codes are shown as they are."""
    if code is None or (isinstance(code, float) and code != code):
        return ""
    if isinstance(table, Vocabulary):
        return word(table.kind, code, ui_language())
    if table is RESULT and str(code) in AUDIT_RESULT:  # approval results say what an audit result says
        return word("audit_result", code, ui_language())
    return code_label(CTX, table, code)


GRADE_KIND_KEY = "evaluation/period_kind"  # the kind of period the user evaluates by (the evaluation page)


def grade_kind(ctx) -> str:
    """The kind of period whose grade is a supplier's "latest grade": the one the user chose on the
    evaluation page, monthly by default."""
    kind = str(ctx.settings.value(GRADE_KIND_KEY, "month") or "month") if ctx.settings is not None else "month"
    return kind if kind in ("month", "quarter", "year") else "month"


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
    readable_headers(view)
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


def draft_choice(parent: QWidget | None, title: str, text: str) -> str | None:
    """Ask what to do with an existing draft: "continue", "discard" (and start a new one) or
    None (cancel). Tests replace this function."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    keep = box.addButton(QCoreApplication.translate("Suppliers", "Continue the draft"), QMessageBox.ButtonRole.AcceptRole)
    fresh = box.addButton(QCoreApplication.translate("Suppliers", "Discard it and start a new one"),
                          QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return "continue" if clicked is keep else "discard" if clicked is fresh else None


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
    "completed": QT_TRANSLATE_NOOP("Suppliers", "This audit is already completed; it can no longer be changed or discarded."),
    "submitted": QT_TRANSLATE_NOOP("Suppliers", "This survey was already submitted; it can no longer be changed or discarded."),
    "name_required": QT_TRANSLATE_NOOP("Suppliers", "A name is required."),
    "who_required": QT_TRANSLATE_NOOP("Suppliers", "Say who did it."),
    "reason_required": QT_TRANSLATE_NOOP("Suppliers", "A reason is required."),
    "standard_required": QT_TRANSLATE_NOOP("Suppliers", "The certificate's standard is required (e.g. ISO 9001:2015)."),
    "no_supplier": QT_TRANSLATE_NOOP("Suppliers", "Choose a supplier from the supplier list before completing the audit."),
    "not_active": QT_TRANSLATE_NOOP("Suppliers", "The entry is not active."),
    "weak_area_required": QT_TRANSLATE_NOOP("Suppliers", "The weak area is required."),
    "bad_email": QT_TRANSLATE_NOOP("Suppliers", "This is not an e-mail address."),
    "incomplete": QT_TRANSLATE_NOOP("Suppliers", "Not every required answer is given yet."),
    "bad_draft": QT_TRANSLATE_NOOP("Suppliers", "The saved draft cannot be read; start a new one."),
    "bad_date": QT_TRANSLATE_NOOP("Suppliers", "A date is not a date (YYYY-MM-DD)."),
    "bad_state": QT_TRANSLATE_NOOP("Suppliers", "%1: not possible in the request's present state."),
    "closed": QT_TRANSLATE_NOOP("Suppliers", "%1 is closed or cancelled."),
    "not_verified": QT_TRANSLATE_NOOP("Suppliers", "%1 must be verified before it is closed."),
    "in_progress": QT_TRANSLATE_NOOP("Suppliers", "%1 already has an approval in progress."),
    "exists": QT_TRANSLATE_NOOP("Suppliers", "A checklist template with this key already exists."),
    "shipped": QT_TRANSLATE_NOOP("Suppliers", "A shipped checklist template cannot be deleted; reset it instead."),
    "unreadable": QT_TRANSLATE_NOOP("Suppliers", "The file cannot be read."),
    "bad_template": QT_TRANSLATE_NOOP("Suppliers", "The checklist template is not valid: %1"),
    "bad_period_kind": QT_TRANSLATE_NOOP("Suppliers", "Unknown kind of period (month, quarter or year)."),
}
#: codes whose text names the record concerned first ("CAR-2026-001 is closed"): %1 is that word
_FIRST_WORD = frozenset({"bad_state", "closed", "not_verified", "in_progress"})


def error_text(exc: BaseException) -> str:
    """The message of a service error in the UI language (by its stable ``code`` when known)."""
    from app.views.admin.signature import access_text

    refusal = access_text(exc)  # a missing permission, a wrong password, a missing signature
    if refusal is not None:
        return refusal
    code = getattr(exc, "code", None)
    if code in ERROR_CODES:
        text = QCoreApplication.translate("Suppliers", ERROR_CODES[code])
        if "%1" in text:
            detail = str(exc).split()[0] if code in _FIRST_WORD else str(exc).partition(": ")[2] or str(exc)
            text = text.replace("%1", detail)
        return text
    if hasattr(exc, "text") and callable(exc.text):  # PermissionDenied: its own words in both languages
        from PySide6.QtCore import QLocale

        return exc.text("zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en")
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

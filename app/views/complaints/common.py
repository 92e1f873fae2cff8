"""Shared bits of the complaint screens: translated labels of stored codes, SLA text and colours."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from app.engines import sla
from app.flows.complaint import STEP_TITLES
from app.engines import eight_d

CTX = "Complaints"

TYPES = {
    "quality": QT_TRANSLATE_NOOP("Complaints", "Quality"),
    "delivery": QT_TRANSLATE_NOOP("Complaints", "Delivery"),
    "commercial": QT_TRANSLATE_NOOP("Complaints", "Commercial"),
    "documentation": QT_TRANSLATE_NOOP("Complaints", "Documentation"),
    "service_enquiry": QT_TRANSLATE_NOOP("Complaints", "Service enquiry"),
    "repair": QT_TRANSLATE_NOOP("Complaints", "Repair"),
    "return": QT_TRANSLATE_NOOP("Complaints", "Return"),
}
SEVERITIES = {
    "critical": QT_TRANSLATE_NOOP("Complaints", "Critical"),
    "major": QT_TRANSLATE_NOOP("Complaints", "Major"),
    "minor": QT_TRANSLATE_NOOP("Complaints", "Minor"),
}
PRIORITIES = {
    "high": QT_TRANSLATE_NOOP("Complaints", "High"),
    "normal": QT_TRANSLATE_NOOP("Complaints", "Normal"),
    "low": QT_TRANSLATE_NOOP("Complaints", "Low"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Complaints", "Phone"),
    "email": QT_TRANSLATE_NOOP("Complaints", "E-mail"),
    "visit": QT_TRANSLATE_NOOP("Complaints", "Visit"),
    "survey": QT_TRANSLATE_NOOP("Complaints", "Survey"),
    "portal": QT_TRANSLATE_NOOP("Complaints", "Portal"),
}
STATES = {
    "open": QT_TRANSLATE_NOOP("Complaints", "Open"),
    "waiting": QT_TRANSLATE_NOOP("Complaints", "Waiting on customer"),
    "closed": QT_TRANSLATE_NOOP("Complaints", "Closed"),
}
MILESTONES = {
    "first_response": QT_TRANSLATE_NOOP("Complaints", "First response"),
    "containment": QT_TRANSLATE_NOOP("Complaints", "Containment"),
    "root_cause": QT_TRANSLATE_NOOP("Complaints", "Root cause"),
    "closure": QT_TRANSLATE_NOOP("Complaints", "Closure"),
}
SCAR_STATUS = {
    "open": QT_TRANSLATE_NOOP("Complaints", "open"),
    "answered": QT_TRANSLATE_NOOP("Complaints", "answered"),
    "verified": QT_TRANSLATE_NOOP("Complaints", "verified"),
    "closed": QT_TRANSLATE_NOOP("Complaints", "closed"),
    "cancelled": QT_TRANSLATE_NOOP("Complaints", "cancelled"),
}
EVENTS = {
    "intake": QT_TRANSLATE_NOOP("Complaints", "Received"),
    "step": QT_TRANSLATE_NOOP("Complaints", "Step done"),
    "pause": QT_TRANSLATE_NOOP("Complaints", "Waiting on customer"),
    "resume": QT_TRANSLATE_NOOP("Complaints", "Resumed"),
    "close": QT_TRANSLATE_NOOP("Complaints", "Closed"),
    "reopen": QT_TRANSLATE_NOOP("Complaints", "Reopened"),
    "scar": QT_TRANSLATE_NOOP("Complaints", "SCAR raised"),
    "trace": QT_TRANSLATE_NOOP("Complaints", "Traced to supplier"),
    "attachment": QT_TRANSLATE_NOOP("Complaints", "File attached"),
    "cost": QT_TRANSLATE_NOOP("Complaints", "Costs entered"),
}

from app.views.core.labels import AMBER, AMBER_BG, GREEN, GREY, RED, RED_BG, code_label  # noqa: E402,F401


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict[str, str], code: Any) -> str:
    return code_label(CTX, table, code)


def step_title(step: str, lang: str) -> str:
    if step == "close":
        return QCoreApplication.translate("Complaints", "Close the complaint")
    zh, en = STEP_TITLES.get(step, (step, step))
    text = zh if lang == "zh_CN" else en
    return f"{step} {text}" if step in eight_d.EIGHT_D else text


def missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def left_text(left: Any, paused: bool, cal: sla.Calendar, lang: str) -> str:
    if missing(left):
        return ""
    text = sla.format_minutes(int(left), cal, lang)
    return f"‖ {text}" if paused else text


def sla_colours(left: Any, target: Any, paused: bool) -> tuple[QColor | None, QColor | None]:
    """(foreground, background): red when overdue, amber in the last quarter, grey while paused."""
    if missing(left):
        return None, None
    if paused:
        return GREY, None
    if left < 0:
        return RED, RED_BG
    if not missing(target) and target and left <= 0.25 * target:
        return AMBER, AMBER_BG
    return GREEN, None


ERROR_CODES = {
    "scar_containment_open": QT_TRANSLATE_NOOP(
        "Complaints", "The supplier's containment (D3) of the SCAR is still open. Close anyway only with a reason."),
    "waiting": QT_TRANSLATE_NOOP("Complaints", "The complaint is waiting on the customer; resume it first."),
    "reason_required": QT_TRANSLATE_NOOP("Complaints", "Please give a reason."),
    "has_scar": QT_TRANSLATE_NOOP("Complaints", "This complaint already has a SCAR."),
    "supplier_required": QT_TRANSLATE_NOOP("Complaints", "Choose the supplier the cause lies with."),
    "no_file_database": QT_TRANSLATE_NOOP("Complaints", "Attachments are kept beside a database file; this database "
                                                        "is on a server."),
    "too_big": QT_TRANSLATE_NOOP("Complaints", "The file is larger than 50 MB."),
}


def error_text(exc: BaseException, lang: str) -> str:
    """A service refusal in the interface's language (one line)."""
    from app.models.complaints.errors import ComplaintError
    from app.models.core.database import DatabaseOpenError
    from app.views.admin.signature import access_text

    known = access_text(exc)  # permission missing, wrong password, locked, signature required
    if known:
        return known
    if hasattr(exc, "text") and callable(exc.text) and not isinstance(exc, ComplaintError):
        return exc.text(lang)  # PermissionDenied
    if isinstance(exc, DatabaseOpenError):
        from app.views.core.errors import database_error_text

        return database_error_text(exc)
    if isinstance(exc, ComplaintError):
        if exc.problems:
            return "; ".join(p.text(lang) for p in exc.problems)
        if exc.code in ERROR_CODES:
            return label(ERROR_CODES, exc.code)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__

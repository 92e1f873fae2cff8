"""Shared bits of the customer screens: translated labels of stored codes, the customer name in the
UI language, the service errors in the UI language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.views.core.labels import code_label

CTX = "Customers"

CUSTOMER_TYPE = {
    "external": QT_TRANSLATE_NOOP("Customers", "External"),
    "internal": QT_TRANSLATE_NOOP("Customers", "Internal"),
}
LIFECYCLE = {
    "potential": QT_TRANSLATE_NOOP("Customers", "Potential"),
    "current": QT_TRANSLATE_NOOP("Customers", "Current"),
    "past": QT_TRANSLATE_NOOP("Customers", "Past"),
    "lost": QT_TRANSLATE_NOOP("Customers", "Lost"),
}
VALUE_CLASS = {
    "important": QT_TRANSLATE_NOOP("Customers", "Important"),
    "potential": QT_TRANSLATE_NOOP("Customers", "Potential value"),
    "ordinary": QT_TRANSLATE_NOOP("Customers", "Ordinary"),
    "lost": QT_TRANSLATE_NOOP("Customers", "Lost value"),
}
GROUPS = {
    "quality": QT_TRANSLATE_NOOP("Customers", "Quality"),
    "purchasing": QT_TRANSLATE_NOOP("Customers", "Purchasing"),
    "management": QT_TRANSLATE_NOOP("Customers", "Management"),
    "logistics": QT_TRANSLATE_NOOP("Customers", "Logistics"),
    "engineering": QT_TRANSLATE_NOOP("Customers", "Engineering"),
}
LANGUAGE = {
    "zh_CN": QT_TRANSLATE_NOOP("Customers", "Chinese"),
    "en": QT_TRANSLATE_NOOP("Customers", "English"),
}
YES_NO = {
    True: QT_TRANSLATE_NOOP("Customers", "Yes"),
    False: QT_TRANSLATE_NOOP("Customers", "No"),
}
#: the overview's customer count opens the list (app.views.core.overview translates it in this context)
OPEN_LIST = QT_TRANSLATE_NOOP("Customers", "Open the customer list")
ENTITY = {
    "customers": QT_TRANSLATE_NOOP("Customers", "Customer"),
    "customer_contacts": QT_TRANSLATE_NOOP("Customers", "Contact"),
    "customer_contact_groups": QT_TRANSLATE_NOOP("Customers", "Contact group"),
    "customer_parts": QT_TRANSLATE_NOOP("Customers", "Part supplied"),
}
ACTION = {
    "create": QT_TRANSLATE_NOOP("Customers", "Created"),
    "update": QT_TRANSLATE_NOOP("Customers", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Customers", "Deleted"),
    "import": QT_TRANSLATE_NOOP("Customers", "Imported"),
    "personal_data": QT_TRANSLATE_NOOP("Customers", "Personal data changed"),
    "privacy_export": QT_TRANSLATE_NOOP("Customers", "Personal data exported"),
    "erase": QT_TRANSLATE_NOOP("Customers", "Personal data erased"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def label(table: dict, code: Any) -> str:
    """Translated label of a stored code; unknown codes are shown as they are."""
    return code_label(CTX, table, code)


def groups_text(groups) -> str:
    return "、".join(label(GROUPS, g) for g in groups) if groups else ""


def customer_name(row: Any, lang: str) -> str:
    get = row.get if isinstance(row, dict) else (lambda k, d="": getattr(row, k, d))
    first, second = (get("name_zh", ""), get("name_en", "")) if lang == "zh_CN" else (get("name_en", ""), get("name_zh", ""))
    return first or second or ""


def error_text(exc: BaseException, lang: str) -> str:
    """A service refusal in the UI language (customer errors and permission refusals carry both;
    database refusals come from the commands' catalogue, as everywhere in the GUI)."""
    text = getattr(exc, "text", None)
    if callable(text):
        try:
            return str(text(lang))
        except TypeError:
            pass
    from app.commands.messages import error_text as catalogue_text

    return catalogue_text(exc, lang)


_NOTHING = object()


def attempt(parent, ctx, title: str, fn, *args, **kwargs):
    """Run a service call for a user action: a refusal the user can act on (invalid values,
    missing permission) shows its message; a busy database offers Retry; anything else is
    logged and shown as one line. Returns the result, or ``NOTHING`` when it did not happen."""
    from PySide6.QtWidgets import QMessageBox

    from app.models.admin.permissions import PermissionDenied
    from app.models.core.database import DatabaseOpenError
    from app.models.customers.errors import CustomerError
    from app.views.core.errors import run_with_retry, show_error, show_unexpected

    try:
        result = run_with_retry(parent, fn, *args, **kwargs)
    except (CustomerError, PermissionDenied) as exc:
        QMessageBox.warning(parent, title, error_text(exc, ctx.language))
        return _NOTHING
    except DatabaseOpenError as exc:
        show_error(parent, exc)
        return _NOTHING
    except Exception as exc:  # unexpected: logged with its traceback, one line shown
        show_unexpected(parent, exc, title)
        return _NOTHING
    return result


NOTHING = _NOTHING

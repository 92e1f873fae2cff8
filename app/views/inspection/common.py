"""What the inspection views share: one line for any refusal, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models.admin.identity import AccessError
from app.models.admin.permissions import PermissionDenied
from app.models.admin.signatures import SignatureRequired
from app.models.core.database import DatabaseOpenError
from app.models.inspection.errors import InspectionError


def error_message(exc: BaseException, lang: str) -> str:
    if isinstance(exc, InspectionError):
        return exc.text(lang)
    if isinstance(exc, PermissionDenied):
        return exc.text(lang)
    if isinstance(exc, SignatureRequired):
        return QCoreApplication.translate("Inspection", "This action needs an electronic signature.")
    if isinstance(exc, AccessError):
        if exc.code in ("bad_credentials", "bad_password", "wrong_password"):
            return QCoreApplication.translate("Inspection", "The password is not correct; nothing was recorded.")
        return str(exc)
    if isinstance(exc, DatabaseOpenError):
        from app.views.core.errors import database_error_text

        return database_error_text(exc)
    from app.logs import log_exception

    log_exception(exc, "inspection")
    return QCoreApplication.translate("Inspection", "Unexpected error (details in the log file): %1").replace(
        "%1", type(exc).__name__)

"""What the user sees when something goes wrong in the GUI: one translated line, never a traceback.

* :func:`install_excepthooks` — ``sys.excepthook`` and ``threading.excepthook``: an exception no
  view caught is written to the log file (``app.logs``) and shown as one line with the log
  file's path;
* :func:`ask_retry_busy` — the Retry/Cancel box for :class:`DatabaseBusyError`;
* :func:`run_with_retry` — call a service, offering Retry while the database is busy;
* :func:`show_unexpected` — the box for an unexpected error (also used by background tasks).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.logs import log_exception
from app.models.core.database import DatabaseBusyError, DatabaseOpenError

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def busy_text(exc: DatabaseBusyError | None = None) -> str:
    name = getattr(exc, "name", "") or _tr("The database")
    return _tr("%1 is in use by another program; nothing was changed. Try again when it has finished.") \
        .replace("%1", name)


def busy_box(parent: QWidget | None = None, exc: DatabaseBusyError | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Database in use"), busy_text(exc),
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    box.setObjectName("busyBox")
    return box


def ask_retry_busy(parent: QWidget | None = None, exc: DatabaseBusyError | None = None) -> bool:
    """Retry/Cancel for a busy database; True to try again."""
    return busy_box(parent, exc).exec() == QMessageBox.StandardButton.Retry


def run_with_retry(parent: QWidget | None, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """``fn(*args, **kwargs)``, offering Retry while it raises DatabaseBusyError; None on Cancel."""
    while True:
        try:
            return fn(*args, **kwargs)
        except DatabaseBusyError as exc:
            if not ask_retry_busy(parent, exc):
                return None


def unexpected_box(parent: QWidget | None, exc: BaseException, path) -> QMessageBox:
    """One line for the user (what kind of error, where the details are), no traceback."""
    text = _tr("Something went wrong (%1); the action was not finished.").replace("%1", type(exc).__name__)
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("QualityBridge"), text, QMessageBox.StandardButton.Ok, parent)
    if path is not None:
        box.setInformativeText(_tr("The details are in the log file %1").replace("%1", str(path)))
    box.setObjectName("unexpectedBox")
    return box


def database_error_text(exc: BaseException) -> str:
    """A database refusal in the interface's language. The messages are those of the commands'
    catalogue (``app.commands.messages``: a leaf module without Qt, shared so the CLI and the GUI
    say the same), keyed by the error's ``key``/``params``."""
    from PySide6.QtCore import QLocale

    from app.commands.messages import error_text

    lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
    return error_text(exc, lang)


def show_unexpected(parent: QWidget | None, exc: BaseException, context: str = "") -> None:
    """Log ``exc`` with its traceback, then show it as one line."""
    show_error(parent, exc, log_exception(exc, context))


def show_error(parent: QWidget | None, exc: BaseException, path=None) -> None:
    """Show an error already logged (``path`` is the log file)."""
    if isinstance(exc, DatabaseBusyError):
        busy_box(parent, exc).exec()
        return
    if isinstance(exc, DatabaseOpenError):
        QMessageBox.warning(parent, _tr("QualityBridge"), database_error_text(exc))
        return
    unexpected_box(parent, exc, path).exec()


class _GuiThreadCaller(QObject):
    """Shows a box from another thread by queueing the call onto the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[tuple[BaseException, object]] = []

    @Slot()
    def show_pending(self) -> None:
        while self.pending:
            exc, path = self.pending.pop(0)
            show_error(QApplication.activeWindow(), exc, path)


_caller: _GuiThreadCaller | None = None


def _sys_hook(kind, exc, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc = exc if exc is not None else kind()
    exc.__traceback__ = tb
    try:
        show_unexpected(QApplication.activeWindow(), exc, "GUI")
    except Exception:  # noqa: BLE001 - the last resort must never raise itself
        log_exception(exc, "GUI (no message box)")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    exc = args.exc_value if args.exc_value is not None else args.exc_type()
    path = log_exception(exc, f"thread {getattr(args.thread, 'name', '')}")
    if _caller is not None:
        _caller.pending.append((exc, path))
        QMetaObject.invokeMethod(_caller, "show_pending", Qt.ConnectionType.QueuedConnection)


def install_excepthooks() -> None:
    """The last-resort handlers of the GUI (call once, after the QApplication exists)."""
    global _caller
    from app.logs import setup_logging

    setup_logging()
    _caller = _GuiThreadCaller()
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook

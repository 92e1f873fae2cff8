"""The application's log file: where last-resort handlers put tracebacks a user never sees.

One rotating file in the user's log folder (``platformdirs.user_log_dir``, e.g.
``~/.local/state/QualityBridge/log/qualitybridge.log`` on Linux, ``%LOCALAPPDATA%\\QualityBridge\\
Logs`` on Windows), 1 MB × 5 files. ``QUALITYBRIDGE_LOG_DIR`` overrides the folder (tests, a
read-only home). No Qt here: the CLI and the GUI share it.

API (the administration issue's log viewer reads the same file):

* :func:`setup_logging` — once per process; idempotent; never raises (a folder that cannot be
  written leaves logging to stderr-less silence rather than breaking a command);
* :func:`log_path` — the current log file;
* :func:`log_exception` — record an unexpected exception with its traceback; returns the path;
* :func:`read_log_tail` — the last lines, for a viewer.

Never log passwords or personal data: database URLs go through :func:`redact`, and callers log
what happened (command name, exception), not the records they were handling.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

APP_NAME = "QualityBridge"
LOG_NAME = "qualitybridge.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
LOGGER = "qualitybridge"

_handler: logging.Handler | None = None
_path: Path | None = None


def log_dir() -> Path:
    override = os.environ.get("QUALITYBRIDGE_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    """Where the log file is (or would be): the one :func:`setup_logging` opened, else the default."""
    return _path if _path is not None else log_dir() / LOG_NAME


_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.\-]*://[^:/@\s]*):[^@\s]*@", re.IGNORECASE)
_PASSWORD_ARG = re.compile(r"(password|passwd|pwd)=([^&\s;]+)", re.IGNORECASE)


def redact(text: str) -> str:
    """Remove passwords from URLs and ``password=`` parameters in ``text``."""
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('scheme')}:***@", text)
    return _PASSWORD_ARG.sub(lambda m: f"{m.group(1)}=***", text)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file handler to the ``qualitybridge`` logger (once); returns the log
    file, or None when no folder could be written (then nothing is logged)."""
    global _handler, _path
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        return _path
    logger.setLevel(level)
    logger.propagate = False
    for folder in (log_dir(), Path(os.environ.get("TMPDIR", "/tmp")) / f"{APP_NAME}-{_user()}"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_BYTES,
                                                           backupCount=BACKUPS, encoding="utf-8", delay=False)
        except OSError:
            continue
        handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"))
        logger.addHandler(handler)
        _handler, _path = handler, folder / LOG_NAME
        return _path
    logger.addHandler(logging.NullHandler())
    return None


def _user() -> str:
    try:
        return str(os.getuid())
    except AttributeError:  # Windows
        return os.environ.get("USERNAME", "user")


def get_logger(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOGGER}.{name}" if name else LOGGER)


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    """Write ``exc`` with its traceback to the log file; returns the file's path (None if no log)."""
    path = setup_logging()
    get_logger().error("unexpected error%s", f" in {context}" if context else "",
                       exc_info=(type(exc), exc, exc.__traceback__))
    for h in logging.getLogger(LOGGER).handlers:
        h.flush()
    return path


def read_log_tail(lines: int = 200) -> list[str]:
    """The last ``lines`` lines of the current log file (empty when there is none)."""
    path = log_path()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read().splitlines()[-lines:]
    except OSError:
        return []

"""Errors a user can fix, raised by the supplier services; ``str()`` is one line, ``code`` a
stable key a view may translate."""

from __future__ import annotations


class SupplierError(Exception):
    """A user-fixable problem; ``str()`` is one line, ``code`` a stable key."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class NotFoundError(SupplierError):
    code = "not_found"


class ValidationError(SupplierError):
    """Invalid input; ``messages`` holds flow messages (``app.flows.Message``) when from a wizard."""

    code = "invalid"

    def __init__(self, message: str, code: str | None = None, messages: list | None = None) -> None:
        super().__init__(message, code)
        self.messages = list(messages or [])

"""Errors a user can fix, raised by the agreement services; ``str()`` is one line, ``code`` a
stable key a view may translate."""

from __future__ import annotations


class AgreementError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class NotFoundError(AgreementError):
    code = "not_found"


class FrozenError(AgreementError):
    """The version is signed (or under review): any change is a new version."""

    code = "frozen"


class ValidationError(AgreementError):
    code = "invalid"

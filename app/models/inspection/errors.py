"""Errors a user can fix, raised by the inspection services; ``str()`` is one line (English),
``code`` a stable key, ``text(lang)`` the line in the user's language."""

from __future__ import annotations


class InspectionError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None, *, zh: str = "", field: str = "") -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.zh = zh
        self.field = field

    def text(self, lang: str = "en") -> str:
        return self.zh if lang == "zh_CN" and self.zh else str(self)


class NotFound(InspectionError):
    code = "not_found"


class InvalidInput(InspectionError):
    code = "invalid"

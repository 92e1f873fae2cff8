"""What every domain's screens share to show stored codes and states: the translated label of a
code, and the colours for overdue / due soon / done / inactive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

RED = QColor("#c0392b")
AMBER = QColor("#b9770e")
GREEN = QColor("#1e8449")
GREY = QColor("#6c7a89")
RED_BG = QColor("#fbe3e0")
AMBER_BG = QColor("#fdf2d9")


def code_label(context: str, table: dict, code: Any) -> str:
    """The translated label of a stored code (``table`` maps codes to source texts of the
    translation ``context``); an empty cell for None/NaN; an unknown code is shown as it is."""
    if code is None or (isinstance(code, float) and code != code):
        return ""
    source = table.get(code) if isinstance(code, str) else None
    if source is None and not isinstance(code, bool):
        source = table.get(str(code))
    return QCoreApplication.translate(context, source) if source else str(code)

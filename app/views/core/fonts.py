"""Application font: a Simplified Chinese family first, so Han characters never fall back to
Japanese glyph forms (Qt's default fallback order on Linux often picks a JP face)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

SC_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "SimHei", "Noto Sans SC"]
LATIN_FAMILIES = ["Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", "Arial"]


def preferred_families() -> list[str]:
    available = set(QFontDatabase.families())
    sc = [f for f in SC_FAMILIES if f in available]
    latin = [f for f in LATIN_FAMILIES if f in available]
    # Chinese family first: it also covers Latin, and guarantees Simplified Chinese forms.
    return sc + latin


def apply_app_font(app: QApplication, point_size: float | None = None) -> QFont:
    font = QFont(app.font())
    families = preferred_families()
    if families:
        font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font

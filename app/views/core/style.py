"""The application style: the platform's (Fusion offscreen and on Linux) with sort arrows that
point the way users read them.

Qt's header view asks the style for a *down* arrow when a column is sorted ascending (the old
macOS convention), so under Fusion an A→Z column shows ▼ and users take it for Z→A. Spreadsheets
and file managers show ▲ for ascending, smallest at the top; :class:`SortArrowStyle` flips the
header's indicator before it is drawn, nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionHeader

_FLIP = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
         QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}


class SortArrowStyle(QProxyStyle):
    """▲ for ascending, ▼ for descending, in every header of the application."""

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element == QStyle.ControlElement.CE_Header and isinstance(option, QStyleOptionHeader) \
                and option.sortIndicator in _FLIP:
            option = QStyleOptionHeader(option)
            option.sortIndicator = _FLIP[option.sortIndicator]
        super().drawControl(element, option, painter, widget)


def apply_style(app: QApplication) -> None:
    """Install :class:`SortArrowStyle` over the current style once (the application owns it)."""
    if isinstance(app.style(), SortArrowStyle):
        return
    style = SortArrowStyle(app.style().name())
    app.setStyle(style)

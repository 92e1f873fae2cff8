"""Read-only table model over a pandas DataFrame, reusable by any list screen.

After Vorta's table models: ``SORT_ROLE`` returns the native value so sorting never compares
display strings; ``ROW_ROLE`` returns the row's position in the frame, reachable through proxies.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from PySide6.QtCore import QObject, QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    field: str
    title: Callable[[], str]  # translated lazily
    format: Callable[[Any], str] | None = None
    align_right: bool = False
    foreground: Callable[[pd.Series], Any] | None = None  # row -> QColor/None
    background: Callable[[pd.Series], Any] | None = None
    tooltip: Callable[[], str] | None = None  # header tooltip (translated lazily); default: the title


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def default_format(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class DataFrameTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], frame: pd.DataFrame | None = None, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.frame = frame if frame is not None else pd.DataFrame(columns=[c.field for c in columns])
        self._records: list[tuple] = []
        self._index_of = {c.field: i for i, c in enumerate(self.columns)}
        self._rebuild()

    def _rebuild(self) -> None:
        fields = [c.field for c in self.columns]
        self._records = list(self.frame[fields].itertuples(index=False, name=None)) if len(self.frame) else []

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self._rebuild()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        column = self.columns[index.column()]
        value = self._records[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (column.format or default_format)(value) if not _is_missing(value) else ""
        if role == SORT_ROLE:
            if _is_missing(value):
                return None
            if isinstance(value, (date, datetime)):
                return value.isoformat()
            return value.item() if hasattr(value, "item") else value
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ToolTipRole and not _is_missing(value):  # a cut cell can still be read in full
            text = (column.format or default_format)(value)
            return text if len(text) > 12 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(self.frame.iloc[index.row()])
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(self.frame.iloc[index.row()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
                return column.tooltip()
            return column.title()
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def row(self, row: int) -> pd.Series:
        return self.frame.iloc[row]


class NativeSortProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` (None last) and filters case-insensitively on every column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None if self.sortOrder() == Qt.SortOrder.DescendingOrder else b is None and a is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)



class _HeaderFitter(QObject):
    """Child of a horizontal header: widens sections narrower than their title."""

    def __init__(self, header) -> None:
        super().__init__(header)
        self._model = None
        header.sortIndicatorChanged.connect(self.fit)  # the arrow needs room too
        header.geometriesChanged.connect(self.attach)  # a model set later, or sections added
        header.sectionCountChanged.connect(self.attach)
        header.sectionResized.connect(self._resized)
        self.attach()

    def attach(self, *_args) -> None:
        header = self.parent()
        model = header.model()
        if model is not None and model is not self._model:
            for signal in (model.modelReset, model.headerDataChanged, model.layoutChanged, model.columnsInserted):
                signal.connect(self.fit)
            self._model = model
        self.fit()

    def _resized(self, logical: int, _old: int, new: int) -> None:
        """A stretched section squeezed by its pane (the layout, not the user) is fitted again."""
        from PySide6.QtWidgets import QHeaderView

        header = self.parent()
        if header is not None and header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Stretch \
                and 0 < new < header.sectionSizeHint(logical):
            self.fit()

    def fit(self, *_args) -> None:
        from PySide6.QtWidgets import QHeaderView

        header = self.parent()
        if header is None or header.model() is None:
            return
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            mode = header.sectionResizeMode(logical)
            need = header.sectionSizeHint(logical)
            if mode == QHeaderView.ResizeMode.Stretch and 0 < header.sectionSize(logical) < need:
                # squeezed by a narrow pane: a readable title beats filling the width (the view scrolls)
                header.setSectionResizeMode(logical, QHeaderView.ResizeMode.Interactive)
                mode = QHeaderView.ResizeMode.Interactive
            if mode == QHeaderView.ResizeMode.Interactive and header.sectionSize(logical) < need:
                header.resizeSection(logical, need)


def readable_headers(view) -> None:
    """Keep every column header of ``view`` (a table view or its horizontal header) at least as
    wide as its text, whenever the model or its titles change: a header cut to "revious grad"
    tells nobody anything. Stretched sections are left to the layout; a user may still drag a
    column narrower until the next reload."""
    from PySide6.QtWidgets import QHeaderView

    header = view if isinstance(view, QHeaderView) else \
        view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    if header.findChild(_HeaderFitter) is None:
        _HeaderFitter(header)

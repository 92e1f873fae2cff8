"""A wave's responses on screen: one row per respondent, one column per question, read only.

The first rows of the table are the per-question summary (answers given, mean on the survey's
scale); respondents follow, sortable by any column. The line above says how many of the wave's
targets answered (the response rate, ``app.models.satisfaction.targets.response_rate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from app.models.satisfaction.targets import response_rate
from app.views.satisfaction.entry import Question, scale_text

SUMMARY_BG = QColor("#eef2f7")
SUMMARY_ROWS = 2  # answered, mean
FIXED = 3  # customer, name, contact


@dataclass(frozen=True)
class ResponseRow:
    customer_code: str
    customer_name: str
    contact_name: str
    answers: dict[str, int]


class ResponsesModel(QAbstractTableModel):
    def __init__(self, questions: Sequence[Question], rows: Sequence[ResponseRow], parent=None) -> None:
        super().__init__(parent)
        self.questions = list(questions)
        self.rows = list(rows)
        self.answered = [sum(1 for r in self.rows if q.code in r.answers) for q in self.questions]
        self.means = [(sum(r.answers[q.code] for r in self.rows if q.code in r.answers) / n) if n else None
                      for q, n in zip(self.questions, self.answered)]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else SUMMARY_ROWS + len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else FIXED + len(self.questions)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return "" if section < SUMMARY_ROWS else str(section - SUMMARY_ROWS + 1)
        if not 0 <= section < self.columnCount():
            return None
        if section < FIXED:
            return (QCoreApplication.translate("ResponsesView", "Customer"),
                    QCoreApplication.translate("ResponsesView", "Name"),
                    QCoreApplication.translate("ResponsesView", "Contact"))[section]
        q = self.questions[section - FIXED]
        return f"{q.code} ({scale_text(q)})"

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort_key(self, row: int, col: int) -> Any:
        """Summary rows first whatever the order; blanks after the answers."""
        return self.data(self.index(row, col), Qt.ItemDataRole.UserRole)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row < SUMMARY_ROWS:
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 0:
                    return (QCoreApplication.translate("ResponsesView", "Answers"),
                            QCoreApplication.translate("ResponsesView", "Mean"))[row]
                if col < FIXED:
                    return ""
                i = col - FIXED
                if row == 0:
                    return str(self.answered[i])
                return "" if self.means[i] is None else f"{self.means[i]:.2f}"
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SUMMARY_BG)
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            if role == Qt.ItemDataRole.TextAlignmentRole and col >= FIXED:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.UserRole:
                return (0, row)
            return None
        r = self.rows[row - SUMMARY_ROWS]
        if col < FIXED:
            text = (r.customer_code, r.customer_name, r.contact_name)[col]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return text if role == Qt.ItemDataRole.DisplayRole or text else None
            if role == Qt.ItemDataRole.UserRole:
                return (1, text)
            return None
        value = r.answers.get(self.questions[col - FIXED].code)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return (1, 0, value) if value is not None else (2, 0, 0)
        return None


class _SummaryFirst(QSortFilterProxyModel):
    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a = left.data(Qt.ItemDataRole.UserRole)
        b = right.data(Qt.ItemDataRole.UserRole)
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if a[0] == 0 or b[0] == 0:  # summary rows first, in their own order, whatever the sort
            return (a < b) == ascending
        return a < b


class ResponsesView(QWidget):
    """The wave's responses with its response rate line."""

    def __init__(self, questions: Sequence[Question], rows: Sequence[ResponseRow], *, targets: int,
                 parent=None) -> None:
        super().__init__(parent)
        self.model = ResponsesModel(questions, rows, self)
        self.proxy = _SummaryFirst(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setDefaultSectionSize(72)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 140)
        self.table.verticalHeader().setDefaultSectionSize(24)
        from app.views.core.table_models import readable_headers

        readable_headers(self.table)
        rate = response_rate(len(rows), targets)
        if rate is None:
            text = QCoreApplication.translate("ResponsesView", "%1 respondent(s); the wave has no targets").replace(
                "%1", str(len(rows)))
        else:
            text = QCoreApplication.translate("ResponsesView", "%1 of %2 targets answered (response rate %3 %)") \
                .replace("%1", str(len(rows))).replace("%2", str(targets)).replace("%3", f"{rate * 100:.1f}")
        self.rate_label = QLabel(text)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.rate_label)
        lay.addWidget(self.table, 1)

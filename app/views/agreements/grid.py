"""The clause grid: a spreadsheet-like editor of an agreement version's (or a template's) clauses.

Rows are clauses grouped under the eight content areas (a header row per area, spanning the
columns); columns are number, Chinese text, English text, responsible party, referenced documents
and the sampling scheme (AQL / level; target clauses show their target there and edit it in a
dialog). Every edit — typing in a cell, paste, cut, clear, fill down, insert/delete/move rows,
area operations, find & replace, target changes — is one command on a QUndoStack; a paste of any
size is undone in one step. Copy and paste use the text Excel puts on the clipboard
(app.engines.agreements.encode_tsv / decode_tsv). The grid edits in memory; the page saves the
whole list through the service in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton, QSpinBox, QStyledItemDelegate, QTableView,
    QToolBar, QVBoxLayout, QWidget,
)

from app.engines import agreements as eng
from app.models.agreements.service import Clause

COL_NO, COL_ZH, COL_EN, COL_PARTY, COL_DOCS, COL_AQL = range(6)
COLUMNS = 6
TEXT_COLUMNS = (COL_ZH, COL_EN, COL_DOCS)
HEADER_BG = QColor("#dde6f0")
TARGET_BG = QColor("#fff7e0")
FIND_BG = QColor("#ffe58a")
CLAUSE_LINES = 3  # rows show three lines; the whole text is in the tooltip and the editor
HEADER_ROW_HEIGHT = 26


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClauseGrid", text)


def parse_party(text: str) -> str | None:
    t = text.strip().lower()
    if not t:
        return "both"
    for key, zh, en in eng.PARTIES:
        if t in (key, zh.lower(), en.lower(), _tr(en).lower()):
            return key
    return None


def parse_sampling(text: str) -> tuple[str, str]:
    """``"1.0 / II"`` → ("1.0", "II"); ``"0.65"`` → ("0.65", ""); ``""`` → ("", "")."""
    t = text.replace("／", "/").strip()
    if not t:
        return "", ""
    if "/" in t:
        a, _sep, b = t.partition("/")
    else:
        a, _sep, b = t.partition(" ")
    return a.strip(), b.strip()


def sampling_text(c: Clause) -> str:
    if c.aql or c.level:
        return f"{c.aql} / {c.level}" if c.level else c.aql
    return ""


# ------------------------------------------------------------------------------ model
class ClauseGridModel(QAbstractTableModel):
    """Clauses in grid order (areas in ``area_order``, each after its header row, numbered by its
    place); edits go through ``stack`` (one snapshot of clauses and area order per action)."""

    clausesChanged = Signal()

    def __init__(self, clauses: Sequence[Clause] = (), *, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.read_only = False
        self.stack = QUndoStack(self)
        self._clauses: list[Clause] = []
        self._rows: list[tuple[int, int]] = []  # (area, clause index) ; index -1 = the area's header row
        self._numbers: list[str] = []
        self.highlight: set[tuple[int, int]] = set()
        self.area_order: tuple[int, ...] = eng.DEFAULT_AREA_ORDER
        self._ranks = eng.area_ranks(self.area_order)
        self._set(self._sorted(clauses), reset=False)

    # -- content
    @property
    def clauses(self) -> list[Clause]:
        return list(self._clauses)

    def set_clauses(self, clauses: Sequence[Clause], area_order: Sequence[int] | None = None) -> None:
        """Load a new document (clears the undo history)."""
        self.stack.clear()
        order = eng.check_area_order(area_order)
        self._ranks = eng.area_ranks(order)
        self._set(self._sorted(clauses), order)
        self.stack.setClean()

    def rank(self, area: int) -> int:
        """The area's section number (its place in the area order)."""
        return self._ranks[area]

    def neighbour(self, area: int, step: int) -> int | None:
        """The area before (-1) or after (+1) ``area`` in the order; None at an edge."""
        k = self._ranks[area] - 1 + step
        return self.area_order[k] if 0 <= k < len(self.area_order) else None

    def _sorted(self, clauses: Sequence[Clause]) -> list[Clause]:
        return sorted(clauses, key=lambda c: self._ranks.get(c.area, 0))

    def _set(self, clauses: list[Clause], order: Sequence[int] | None = None, reset: bool = True) -> None:
        order = self.area_order if order is None else tuple(order)
        structural = len(clauses) != len(self._clauses) or order != self.area_order or any(
            a.area != b.area for a, b in zip(clauses, self._clauses))
        if reset and structural:
            self.beginResetModel()
        self.area_order, self._ranks = order, eng.area_ranks(order)
        self._clauses = clauses = self._sorted(clauses)
        rows: list[tuple[int, int]] = []
        numbers: list[str] = []
        i = 0
        for section, area in enumerate(order, start=1):
            rows.append((area, -1))
            numbers.append(str(section))
            n = 0
            while i < len(clauses) and clauses[i].area == area:
                n += 1
                rows.append((area, i))
                numbers.append(f"{section}.{n}")
                i += 1
        self._rows, self._numbers = rows, numbers
        if reset and structural:
            self.endResetModel()
        elif reset:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COLUMNS - 1))
        self.clausesChanged.emit()

    def numbered(self) -> list[Clause]:
        return [replace(self._clauses[i], number=self._numbers[r]) for r, (_a, i) in enumerate(self._rows) if i >= 0]

    def apply(self, clauses: list[Clause], text: str, area_order: Sequence[int] | None = None) -> bool:
        """Push one undoable change from the current clause list (and area order) to ``clauses``
        (and ``area_order``, when given)."""
        order = self.area_order if area_order is None else eng.check_area_order(area_order)
        if self.read_only or (clauses == self._clauses and order == self.area_order):
            return False
        self.stack.push(_Snapshot(self, (list(self._clauses), self.area_order), (clauses, order), text))
        return True

    # -- row helpers
    def row_kind(self, row: int) -> tuple[int, int]:
        return self._rows[row]

    def clause_at(self, row: int) -> Clause | None:
        _a, i = self._rows[row]
        return self._clauses[i] if i >= 0 else None

    def clause_index(self, row: int) -> int:
        return self._rows[row][1]

    def row_of_clause(self, index: int) -> int:
        for r, (_a, i) in enumerate(self._rows):
            if i == index:
                return r
        return -1

    def header_row(self, area: int) -> int:
        return self._rows.index((area, -1))

    def number(self, row: int) -> str:
        return self._numbers[row]

    # -- Qt model
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("ClauseGrid", "No."), QCoreApplication.translate("ClauseGrid", "Chinese text"), QCoreApplication.translate("ClauseGrid", "English text"), QCoreApplication.translate("ClauseGrid", "Responsible"),
                    QCoreApplication.translate("ClauseGrid", "Referenced documents"), QCoreApplication.translate("ClauseGrid", "AQL / level"))[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        c = self.clause_at(index.row())
        if c is None or self.read_only or index.column() == COL_NO or (index.column() == COL_AQL and c.is_target):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def cell_text(self, row: int, col: int) -> str:
        area, i = self._rows[row]
        if i < 0:
            return f"{self._ranks[area]}  {eng.area_label(area, self.lang)}" if col == COL_NO else ""
        c = self._clauses[i]
        if col == COL_NO:
            return self._numbers[row]
        if col == COL_ZH:
            return c.text_zh
        if col == COL_EN:
            return c.text_en
        if col == COL_PARTY:
            return _tr(eng.party_label(c.party, "en")) if self.lang != "zh_CN" else eng.party_label(c.party, "zh_CN")
        if col == COL_DOCS:
            return c.documents
        if c.is_target:
            return c.target_text(self.lang)
        return sampling_text(c)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        area, i = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.EditRole:
            if i < 0:
                return ""
            c = self._clauses[i]
            return c.party if col == COL_PARTY else self.cell_text(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row, col) in self.highlight:
                return QBrush(FIND_BG)
            if i < 0:
                return QBrush(HEADER_BG)
            if self._clauses[i].is_target and col == COL_AQL:
                return QBrush(TARGET_BG)
            return None
        if role == Qt.ItemDataRole.FontRole and (i < 0 or col == COL_NO):
            f = QFont()
            f.setBold(i < 0)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_NO and i >= 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | (Qt.AlignmentFlag.AlignVCenter if i < 0 else Qt.AlignmentFlag.AlignTop))
        return None

    def with_cell(self, c: Clause, col: int, value: str) -> Clause | None:
        """The clause with one cell set from text (None when the text is not valid there)."""
        if col == COL_ZH:
            return replace(c, text_zh=value)
        if col == COL_EN:
            return replace(c, text_en=value)
        if col == COL_DOCS:
            return replace(c, documents=value.replace("\r", "").replace("\n", "; "))
        if col == COL_PARTY:
            party = parse_party(value)
            return None if party is None else replace(c, party=party)
        if col == COL_AQL:
            if c.is_target:
                return c
            aql, level = parse_sampling(value)
            return replace(c, aql=aql, level=level)
        return c

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        i = self.clause_index(index.row())
        new = self.with_cell(self._clauses[i], index.column(), "" if value is None else str(value))
        if new is None:
            return False
        clauses = list(self._clauses)
        clauses[i] = new
        self.apply(clauses, QCoreApplication.translate("ClauseGrid", "Edit %1").replace("%1", self._numbers[index.row()]))
        return True


class _Snapshot(QUndoCommand):
    """Before/after (clause list, area order) (frozen dataclasses: a snapshot costs one list of
    references)."""

    def __init__(self, model: ClauseGridModel, before: tuple[list[Clause], tuple[int, ...]],
                 after: tuple[list[Clause], tuple[int, ...]], text: str) -> None:
        super().__init__(text)
        self.model, self.before, self.after = model, before, after

    def redo(self) -> None:
        self.model._set(*self.after)

    def undo(self) -> None:
        self.model._set(*self.before)


# ------------------------------------------------------------------------------ operations
class GridOps:
    """The edit operations on a model, each one undo step; ``rows``/``cols`` are grid positions."""

    def __init__(self, model: ClauseGridModel) -> None:
        self.m = model

    def _clause_rows(self, rows: Sequence[int]) -> list[int]:
        return sorted({r for r in rows if self.m.clause_index(r) >= 0})

    def copy_text(self, rows: Sequence[int], cols: Sequence[int]) -> str:
        rs, cs = self._clause_rows(rows), sorted(set(cols))
        return eng.encode_tsv([[self.m.cell_text(r, c) for c in cs] for r in rs])

    def paste_text(self, text: str, row: int, col: int, selection: tuple[Sequence[int], Sequence[int]] | None = None) -> bool:
        """Paste a rectangle at (row, col); a single value fills a larger selection. Rows past the
        last clause are new clauses in the area of the last pasted row."""
        data = eng.decode_tsv(text)
        if not data:
            return False
        m = self.m
        clauses = list(m._clauses)
        if len(data) == 1 and len(data[0]) == 1 and selection and (len(set(selection[0])) > 1 or len(set(selection[1])) > 1):
            value = data[0][0]
            for r in self._clause_rows(selection[0]):
                for c in set(selection[1]):
                    new = m.with_cell(clauses[m.clause_index(r)], c, value)
                    if new is not None:
                        clauses[m.clause_index(r)] = new
            return m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Paste"))
        area, start = m.row_kind(row)
        targets: list[int] = []  # clause indices in grid order from the start row
        if start < 0:  # pasting on an area header: into that area's first clause
            start_idx = next((i for i, c in enumerate(clauses) if m.rank(c.area) >= m.rank(area)), len(clauses))
            if start_idx < len(clauses) and clauses[start_idx].area != area:
                targets_from = None
            else:
                targets_from = start_idx
        else:
            targets_from = start
        if targets_from is not None:
            targets = list(range(targets_from, min(len(clauses), targets_from + len(data))))
        insert_area = clauses[targets[-1]].area if targets else area
        insert_at = (targets[-1] + 1) if targets else next((i for i, c in enumerate(clauses) if m.rank(c.area) > m.rank(area)), len(clauses))
        extra = len(data) - len(targets)
        new_clauses = [Clause(area=insert_area) for _ in range(extra)]
        clauses[insert_at:insert_at] = new_clauses
        indices = targets + list(range(insert_at, insert_at + extra))
        bad = 0
        for idx, values in zip(indices, data):
            c = clauses[idx]
            for j, value in enumerate(values):
                column = col + j
                if column == COL_NO or column >= COLUMNS:
                    continue
                new = m.with_cell(c, column, value)
                if new is None:
                    bad += 1
                else:
                    c = new
            clauses[idx] = c
        self.last_paste_refused = bad
        return m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Paste %1 × %2").replace("%1", str(len(data))).replace("%2", str(len(data[0]))))

    last_paste_refused = 0

    def clear(self, rows: Sequence[int], cols: Sequence[int]) -> bool:
        m = self.m
        clauses = list(m._clauses)
        for r in self._clause_rows(rows):
            i = m.clause_index(r)
            for c in set(cols):
                if c in (COL_ZH, COL_EN, COL_DOCS, COL_AQL):
                    clauses[i] = m.with_cell(clauses[i], c, "")
        return m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Clear"))

    def fill_down(self, rows: Sequence[int], cols: Sequence[int]) -> bool:
        m = self.m
        rs = self._clause_rows(rows)
        if len(rs) < 2:
            return False
        clauses = list(m._clauses)
        for c in set(cols):
            if c == COL_NO:
                continue
            value = m.cell_text(rs[0], c) if c != COL_PARTY else clauses[m.clause_index(rs[0])].party
            for r in rs[1:]:
                new = m.with_cell(clauses[m.clause_index(r)], c, value)
                if new is not None:
                    clauses[m.clause_index(r)] = new
        return m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Fill down"))

    def insert_row(self, row: int) -> int:
        """A new empty clause after the row (at the start of the area on a header); returns its
        grid row."""
        m = self.m
        area, i = m.row_kind(row)
        clauses = list(m._clauses)
        at = i + 1 if i >= 0 else next((k for k, c in enumerate(clauses) if m.rank(c.area) >= m.rank(area)), len(clauses))
        clauses.insert(at, Clause(area=area))
        if m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Insert clause")):
            return m.row_of_clause(at)
        return row

    def delete_rows(self, rows: Sequence[int]) -> bool:
        m = self.m
        drop = {m.clause_index(r) for r in self._clause_rows(rows)}
        if not drop:
            return False
        return m.apply([c for k, c in enumerate(m._clauses) if k not in drop],
                       QCoreApplication.translate("ClauseGrid", "Delete %1 clause(s)").replace("%1", str(len(drop))))

    def move_rows(self, rows: Sequence[int], step: int) -> list[int]:
        """Move the selected clauses one place up (-1) or down (+1); at the edge of an area they
        move into the neighbouring area. Returns the new grid rows of the moved clauses."""
        m = self.m
        idx = sorted({m.clause_index(r) for r in self._clause_rows(rows)})
        if not idx:
            return list(rows)
        clauses = list(m._clauses)
        lo, hi = idx[0], idx[-1]
        block = clauses[lo:hi + 1]
        area = block[0].area if step < 0 else block[-1].area
        if step < 0:
            if lo > 0 and clauses[lo - 1].area == block[0].area:
                clauses[lo - 1:hi + 1] = block + [clauses[lo - 1]]
                lo -= 1
            elif m.neighbour(area, -1) is not None:
                clauses[lo:hi + 1] = [replace(c, area=m.neighbour(area, -1)) for c in block]
            else:
                return list(rows)
        else:
            if hi + 1 < len(clauses) and clauses[hi + 1].area == block[-1].area:
                clauses[lo:hi + 2] = [clauses[hi + 1]] + block
                lo += 1
            elif m.neighbour(area, 1) is not None:
                clauses[lo:hi + 1] = [replace(c, area=m.neighbour(area, 1)) for c in block]
            else:
                return list(rows)
        m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Move clauses"))
        return [m.row_of_clause(k) for k in range(lo, lo + len(block))]

    def set_area(self, rows: Sequence[int], area: int) -> bool:
        m = self.m
        idx = {m.clause_index(r) for r in self._clause_rows(rows)}
        moved = [replace(c, area=area) for k, c in enumerate(m._clauses) if k in idx]
        rest = [c for k, c in enumerate(m._clauses) if k not in idx]
        at = next((k for k, c in enumerate(rest) if m.rank(c.area) > m.rank(area)), len(rest))
        return m.apply(rest[:at] + moved + rest[at:], QCoreApplication.translate("ClauseGrid", "Move to area %1").replace("%1", str(m.rank(area))))

    def move_area(self, area: int, step: int) -> bool:
        """Move a whole area (its heading and every clause) one place up (-1) or down (+1) in the
        order; its clauses and the areas it passes are renumbered. One undo step."""
        m = self.m
        order = eng.move_area(m.area_order, area, step)
        if order == m.area_order:
            return False
        text = QCoreApplication.translate("ClauseGrid", "Move area %1 up") if step < 0 else \
            QCoreApplication.translate("ClauseGrid", "Move area %1 down")
        return m.apply(list(m._clauses), text.replace("%1", eng.area_label(area, m.lang)), area_order=order)

    def delete_area(self, area: int) -> bool:
        m = self.m
        return m.apply([c for c in m._clauses if c.area != area], QCoreApplication.translate("ClauseGrid", "Delete area %1").replace("%1", str(m.rank(area))))

    def insert_area(self, area: int, source: Sequence[Clause]) -> bool:
        """Append the clauses a template has in this area (new keys)."""
        m = self.m
        add = [replace(c, key="", id=None, number="") for c in source if c.area == area]
        clauses = list(m._clauses)
        at = next((k for k, c in enumerate(clauses) if m.rank(c.area) > m.rank(area)), len(clauses))
        clauses[at:at] = add
        return m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Insert area %1").replace("%1", str(m.rank(area))))

    def set_clause(self, row: int, clause: Clause, text: str) -> bool:
        m = self.m
        clauses = list(m._clauses)
        clauses[m.clause_index(row)] = clause
        return m.apply(clauses, text)

    def find(self, needle: str, case: bool = False) -> list[tuple[int, int]]:
        m = self.m
        if not needle:
            return []
        norm = (lambda s: s) if case else (lambda s: s.lower())
        n = norm(needle)
        return [(r, c) for r in range(m.rowCount()) if m.clause_index(r) >= 0
                for c in TEXT_COLUMNS if n in norm(m.cell_text(r, c))]

    def replace_all(self, needle: str, replacement: str, case: bool = False) -> int:
        import re

        m = self.m
        if not needle:
            return 0
        pattern = re.compile(re.escape(needle), 0 if case else re.IGNORECASE)
        clauses = list(m._clauses)
        count = 0
        for k, c in enumerate(clauses):
            changes = {}
            for field in ("text_zh", "text_en", "documents"):
                new, n = pattern.subn(lambda _m: replacement, getattr(c, field))
                if n:
                    changes[field] = new
                    count += n
            if changes:
                clauses[k] = replace(c, **changes)
        if count:
            m.apply(clauses, QCoreApplication.translate("ClauseGrid", "Replace %1 occurrence(s)").replace("%1", str(count)))
        return count


# ------------------------------------------------------------------------------ delegate
class ClauseDelegate(QStyledItemDelegate):
    """Multi-line text editor (Enter commits, Alt+Enter or Shift+Enter breaks the line),
    a list for the responsible party."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() == COL_PARTY:
            box = QComboBox(parent)
            lang = index.model().lang
            for key, zh, en in eng.PARTIES:
                box.addItem(zh if lang == "zh_CN" else _tr(en), key)
            return box
        if index.column() in (COL_ZH, COL_EN):
            editor = QPlainTextEdit(parent)
            editor.setObjectName("clauseTextEditor")
            editor.setTabChangesFocus(True)
            editor.installEventFilter(self)
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.model().data(index, Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            editor.setTextCursor(cursor)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, 0, max(0, 90 - rect.height()))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                    editor.insertPlainText("\n")
                    return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                return True
            if key == Qt.Key.Key_Escape:
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.RevertModelCache)
                return True
        return super().eventFilter(editor, event)


# ------------------------------------------------------------------------------ view
class ClauseTable(QTableView):
    """Spreadsheet keys: arrows/Tab/Home/End/PgUp/PgDn move, typing or F2 edits, Enter moves
    down, Delete clears, Ctrl+C/X/V copy/cut/paste (Excel text), Ctrl+D fills down,
    Ctrl+Shift+↑/↓ moves clauses, Ctrl+Alt+↑/↓ moves the whole area, Ctrl+Insert / Ctrl+Delete inserts/deletes clauses."""

    pasted = Signal(int)  # number of cells the grid refused (e.g. an unknown party)

    def __init__(self, model: ClauseGridModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("clauseGrid")
        self.setModel(model)
        self.ops = GridOps(model)
        self.setItemDelegate(ClauseDelegate(self))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.clause_row_height = self.fontMetrics().lineSpacing() * CLAUSE_LINES + 6
        self.verticalHeader().setDefaultSectionSize(self.clause_row_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_ZH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EN, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_NO, 52), (COL_PARTY, 76), (COL_DOCS, 120), (COL_AQL, 105)):
            header.resizeSection(col, width)
        model.modelReset.connect(self._spans)
        self._spans()

    def model(self) -> ClauseGridModel:  # type: ignore[override]
        return super().model()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """The two text columns fill the width again once there is room for their titles (the
        main window's header fitter turns a squeezed stretched column into a fixed one)."""
        super().resizeEvent(event)
        header = self.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in (COL_NO, COL_PARTY, COL_DOCS, COL_AQL))
        need = max(header.sectionSizeHint(COL_ZH), header.sectionSizeHint(COL_EN))
        if self.viewport().width() - fixed >= 2 * need:
            for col in (COL_ZH, COL_EN):
                if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def _spans(self) -> None:
        self.clearSpans()
        m = self.model()
        for r in range(m.rowCount()):
            header = m.clause_index(r) < 0
            if header:
                self.setSpan(r, 0, 1, COLUMNS)
            self.setRowHeight(r, HEADER_ROW_HEIGHT if header else self.clause_row_height)

    # selection helpers
    def selected_cells(self) -> tuple[list[int], list[int]]:
        idx = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not idx and self.currentIndex().isValid():
            idx = [self.currentIndex()]
        return sorted({i.row() for i in idx}), sorted({i.column() for i in idx})

    def select_rows(self, rows: Sequence[int]) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel = QItemSelection()
        m = self.model()
        for r in rows:
            if r >= 0:
                sel.select(m.index(r, 0), m.index(r, COLUMNS - 1))
        if rows and rows[0] >= 0:
            self.setCurrentIndex(m.index(rows[0], COL_ZH))
        self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def move_current_area(self, step: int) -> bool:
        """Move the area of the current row (heading or clause) up (-1) or down (+1); the cursor
        stays on the same clause (or heading)."""
        m = self.model()
        cur = self.currentIndex()
        row = cur.row() if cur.isValid() else 0
        if not m.rowCount():
            return False
        area, i = m.row_kind(row)
        clause = m._clauses[i] if i >= 0 else None
        if not self.ops.move_area(area, step):
            return False
        target = m.header_row(area)
        if clause is not None:  # the same (frozen) clause object, now elsewhere in the list
            target = next((r for r in range(m.rowCount()) if m.clause_at(r) is clause), target)
        self.setCurrentIndex(m.index(target, cur.column() if cur.isValid() else COL_NO))
        return True

    # clipboard
    def copy(self) -> None:
        rows, cols = self.selected_cells()
        QGuiApplication.clipboard().setText(self.ops.copy_text(rows, cols))

    def cut(self) -> None:
        self.copy()
        self.ops.clear(*self.selected_cells())

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        cur = self.currentIndex()
        rows, cols = self.selected_cells()
        if not cur.isValid():
            if not rows:
                return
            cur = self.model().index(rows[0], cols[0] if cols else COL_ZH)
        top = min(rows) if rows else cur.row()
        left = min(cols) if cols else cur.column()
        if self.ops.paste_text(text, top, left, (rows, cols)):
            self.pasted.emit(self.ops.last_paste_refused)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                return self.copy()
            if event.matches(QKeySequence.StandardKey.Paste):
                return self.paste()
            if event.matches(QKeySequence.StandardKey.Cut):
                return self.cut()
            if event.matches(QKeySequence.StandardKey.Undo):
                return self.model().stack.undo()
            if event.matches(QKeySequence.StandardKey.Redo):
                return self.model().stack.redo()
            if key == Qt.Key.Key_Delete and not ctrl:
                self.ops.clear(*self.selected_cells())
                return None
            if ctrl and key == Qt.Key.Key_D:
                self.ops.fill_down(*self.selected_cells())
                return None
            if ctrl and bool(mods & Qt.KeyboardModifier.AltModifier) and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current_area(-1 if key == Qt.Key.Key_Up else 1)
                return None
            if ctrl and shift and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                rows = self.ops.move_rows(self.selected_cells()[0], -1 if key == Qt.Key.Key_Up else 1)
                self.select_rows(rows)
                return None
            if ctrl and key == Qt.Key.Key_Insert:
                cur = self.currentIndex()
                if cur.isValid():
                    self.setCurrentIndex(self.model().index(self.ops.insert_row(cur.row()), COL_ZH))
                return None
            if ctrl and key == Qt.Key.Key_Delete:
                self.ops.delete_rows(self.selected_cells()[0])
                return None
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                cur = self.currentIndex()
                if cur.isValid():
                    step = -1 if shift else 1
                    r = min(max(cur.row() + step, 0), self.model().rowCount() - 1)
                    self.setCurrentIndex(self.model().index(r, cur.column()))
                return None
        super().keyPressEvent(event)


# ------------------------------------------------------------------------------ dialogs
class TargetDialog(QDialog):
    """The structured part of a target clause: indicator, comparator, threshold, period and the
    liability rule."""

    def __init__(self, clause: Clause, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Target clause"))
        self.clause = clause
        form = QFormLayout(self)
        self.indicator = QComboBox()
        self.indicator.addItem(self.tr("(not a target clause)"), "")
        for key, zh, en, _unit, _scale in eng.TARGET_INDICATORS:
            self.indicator.addItem(zh if lang == "zh_CN" else QCoreApplication.translate("ClauseGrid", en), key)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(clause.indicator or "")))
        self.comparator = QComboBox()
        self.comparator.addItems(list(eng.COMPARATORS))
        self.comparator.setCurrentText(clause.comparator or ">=")
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 1_000_000)
        self.threshold.setDecimals(2)
        self.threshold.setValue(clause.threshold or 0.0)
        self.period = QComboBox()
        for key, text in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year"))):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(max(0, self.period.findData(clause.period)))
        self.rule = QComboBox()
        for key, (zh, en) in eng.LIABILITY_LABELS.items():
            self.rule.addItem(zh if lang == "zh_CN" else QCoreApplication.translate("ClauseGrid", en), key)
        self.rule.setCurrentIndex(max(0, self.rule.findData(clause.rule_kind)))
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 10_000_000)
        self.amount.setDecimals(2)
        self.amount.setValue(clause.rule_amount)
        self.escalate = QSpinBox()
        self.escalate.setRange(0, 99)
        self.escalate.setValue(clause.escalate_after)
        self.skip_lot = QCheckBox(self.tr("Skip-lot inspection allowed"))
        self.skip_lot.setChecked(clause.skip_lot_allowed)
        form.addRow(self.tr("Indicator"), self.indicator)
        form.addRow(self.tr("Comparator"), self.comparator)
        form.addRow(self.tr("Threshold (%, PPM or number)"), self.threshold)
        form.addRow(self.tr("Evaluation period"), self.period)
        form.addRow(self.tr("Liability rule"), self.rule)
        form.addRow(self.tr("Amount (CNY)"), self.amount)
        form.addRow(self.tr("Re-audit after N breaches (0 = never)"), self.escalate)
        form.addRow("", self.skip_lot)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_clause(self) -> Clause:
        ind = self.indicator.currentData() or None
        if not ind:
            return replace(self.clause, indicator=None, comparator="", threshold=None, rule_kind="none",
                           rule_amount=0.0, escalate_after=0, skip_lot_allowed=self.skip_lot.isChecked())
        return replace(self.clause, indicator=ind, comparator=self.comparator.currentText(),
                       threshold=self.threshold.value(), period=self.period.currentData(),
                       rule_kind=self.rule.currentData(), rule_amount=self.amount.value(),
                       escalate_after=self.escalate.value(), skip_lot_allowed=self.skip_lot.isChecked())

    def _accept(self) -> None:
        try:
            self.result_clause().target()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class FindReplaceBar(QWidget):
    """Find (highlights every match, Next jumps) and Replace all (one undo step)."""

    def __init__(self, table: ClauseTable, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.setObjectName("findBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case = QCheckBox(self.tr("Match case"))
        self.next_button = QPushButton(self.tr("Find next"))
        self.replace_button = QPushButton(self.tr("Replace all"))
        self.status = QLabel("")
        for w in (self.find_edit, self.replace_edit, self.case, self.next_button, self.replace_button, self.status):
            row.addWidget(w)
        self.find_edit.textChanged.connect(self.highlight)
        self.find_edit.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_all)
        self._hits: list[tuple[int, int]] = []
        self._pos = -1

    def highlight(self) -> None:
        m = self.table.model()
        self._hits = self.table.ops.find(self.find_edit.text(), self.case.isChecked())
        m.highlight = set(self._hits)
        self._pos = -1
        m.dataChanged.emit(m.index(0, 0), m.index(m.rowCount() - 1, COLUMNS - 1))
        self.status.setText(self.tr("%1 match(es)").replace("%1", str(len(self._hits))) if self.find_edit.text() else "")

    def find_next(self) -> None:
        if not self._hits:
            self.highlight()
        if not self._hits:
            return
        self._pos = (self._pos + 1) % len(self._hits)
        r, c = self._hits[self._pos]
        self.table.setCurrentIndex(self.table.model().index(r, c))
        self.table.scrollTo(self.table.currentIndex())

    def replace_all(self) -> None:
        n = self.table.ops.replace_all(self.find_edit.text(), self.replace_edit.text(), self.case.isChecked())
        self.highlight()
        self.status.setText(self.tr("%1 replaced").replace("%1", str(n)))


class ClauseEditor(QWidget):
    """Toolbar + find bar + grid over one clause list, with undo/redo; ``dirty`` while the stack
    is not clean. The owner loads clauses (``load``) and saves ``model.clauses``."""

    def __init__(self, lang: str = "en", parent=None, template_source: Callable[[], Sequence[Clause]] | None = None) -> None:
        super().__init__(parent)
        self.model = ClauseGridModel(lang=lang, parent=self)
        self.table = ClauseTable(self.model, self)
        self.template_source = template_source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("clauseToolbar")
        stack = self.model.stack
        # fixed button texts (the step to undo is in the tooltip), so a long step name never pushes
        # the other buttons off the toolbar
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.triggered.connect(stack.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.triggered.connect(stack.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(self.tr("Undo %1").replace("%1", text)))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(self.tr("Redo %1").replace("%1", text)))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.actions_edit: list[QAction] = []

        def act(text: str, fn, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(fn)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
            self.actions_edit.append(a)
            return a

        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(act(self.tr("Insert clause"), self.insert_row))
        self.toolbar.addAction(act(self.tr("Delete clauses"), self.delete_rows))
        self.toolbar.addAction(act(self.tr("Move up"), lambda: self.move(-1)))
        self.toolbar.addAction(act(self.tr("Move down"), lambda: self.move(1)))
        self.toolbar.addAction(act(self.tr("Fill down"), lambda: self.table.ops.fill_down(*self.table.selected_cells())))
        self.target_action = act(self.tr("Target…"), self.edit_target)
        self.toolbar.addAction(self.target_action)
        area_menu = QMenu(self.tr("Area"), self)
        self.area_actions = [
            area_menu.addAction(self.tr("Insert this area's template clauses"), self.insert_area),
            area_menu.addAction(self.tr("Delete all clauses of this area"), self.delete_area),
        ]
        area_menu.addSeparator()
        # the keys (Ctrl+Alt+↑/↓) are handled by the grid itself, like Ctrl+Shift+↑/↓ for clauses
        self.area_up_action = act(self.tr("Move this area up") + "\tCtrl+Alt+↑", lambda: self.move_area(-1))
        self.area_down_action = act(self.tr("Move this area down") + "\tCtrl+Alt+↓", lambda: self.move_area(1))
        area_menu.addAction(self.area_up_action)
        area_menu.addAction(self.area_down_action)
        # the whole-area operations also as buttons, on a second row (one row would run off a
        # 1280-pixel screen)
        self.area_toolbar = QToolBar()
        self.area_toolbar.setObjectName("areaToolbar")
        self.area_up_button = QAction(self.tr("Area up"), self)
        self.area_up_button.setToolTip(self.tr("Move the whole area of the current row up, with its clauses (Ctrl+Alt+↑)"))
        self.area_up_button.triggered.connect(lambda: self.move_area(-1))
        self.area_down_button = QAction(self.tr("Area down"), self)
        self.area_down_button.setToolTip(self.tr("Move the whole area of the current row down, with its clauses (Ctrl+Alt+↓)"))
        self.area_down_button.triggered.connect(lambda: self.move_area(1))
        for a in (self.area_up_button, self.area_down_button):
            self.actions_edit.append(a)
            self.area_toolbar.addAction(a)
        self.move_menu = area_menu.addMenu(self.tr("Move selected clauses to area"))
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self._fill_move_menu()
        area_button = QPushButton(self.tr("Area"))
        area_button.setMenu(area_menu)
        self.area_button = area_button
        self.area_toolbar.addWidget(area_button)
        self.area_toolbar.addSeparator()
        find_action = act(self.tr("Find"), self.show_find, QKeySequence.StandardKey.Find)
        self.area_toolbar.addAction(find_action)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.area_toolbar)
        self.find_bar = FindReplaceBar(self.table, self)
        self.find_bar.setVisible(False)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("Enter: next row · F2 or typing: edit · Alt+Enter: new line in a cell · "
                                   "Ctrl+C / Ctrl+V: copy and paste with Excel · Ctrl+D: fill down · "
                                   "Ctrl+Shift+↑/↓: move clauses · Ctrl+Alt+↑/↓: move the whole area · Ctrl+Z / Ctrl+Y: undo / redo"))
        self.hint.setObjectName("gridHint")
        self.hint.setStyleSheet("color: #666")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

    def load(self, clauses: Sequence[Clause], *, read_only: bool, area_order: Sequence[int] | None = None) -> None:
        self.model.read_only = read_only
        self.model.set_clauses(clauses, area_order)
        for a in self.actions_edit:
            a.setEnabled(not read_only or a.text() == self.tr("Find"))
        self.area_button.setEnabled(not read_only)
        self.find_bar.replace_button.setEnabled(not read_only)

    @property
    def dirty(self) -> bool:
        return not self.model.stack.isClean()

    def _row(self) -> int:
        cur = self.table.currentIndex()
        return cur.row() if cur.isValid() else 0

    def insert_row(self) -> None:
        self.table.setCurrentIndex(self.model.index(self.table.ops.insert_row(self._row()), COL_ZH))

    def delete_rows(self) -> None:
        self.table.ops.delete_rows(self.table.selected_cells()[0])

    def move(self, step: int) -> None:
        self.table.select_rows(self.table.ops.move_rows(self.table.selected_cells()[0], step))

    def insert_area(self) -> None:
        if self.template_source is not None:
            area, _i = self.model.row_kind(self._row())
            self.table.ops.insert_area(area, self.template_source())

    def delete_area(self) -> None:
        area, _i = self.model.row_kind(self._row())
        self.table.ops.delete_area(area)

    def move_area(self, step: int) -> None:
        self.table.move_current_area(step)

    def _fill_move_menu(self) -> None:
        """The areas in the current order, numbered by their place."""
        self.move_menu.clear()
        for section, area in enumerate(self.model.area_order, start=1):
            self.move_menu.addAction(f"{section}  {eng.area_label(area, self.model.lang)}",
                                     lambda a=area: self.table.ops.set_area(self.table.selected_cells()[0], a))

    def show_find(self) -> None:
        self.find_bar.setVisible(True)
        self.find_bar.find_edit.setFocus()

    def edit_target(self) -> None:
        row = self._row()
        c = self.model.clause_at(row)
        if c is None or self.model.read_only:
            return
        dialog = TargetDialog(c, self.model.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.table.ops.set_clause(row, dialog.result_clause(), self.tr("Edit target %1").replace(
                "%1", self.model.number(row)))

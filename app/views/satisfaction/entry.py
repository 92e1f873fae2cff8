"""The response entry grid: paper questionnaires typed in fast, keyboard only.

One row per respondent, one column per question (after the customer and contact columns). The
grid never opens an editor: typing puts the keys into a buffer shown in the current cell, Enter
commits it and moves on to the next cell (the next question, then the next row's first question;
a new row is added after the last one). On a scale whose top is below 10 a single digit is the
whole answer, so it commits and moves on at once. A value outside the survey's scale is refused
on the cell: the cell turns red, keeps what was typed, and the message names the question and
the scale. Blank is "no answer" (Delete/Backspace clears a cell). The customer column takes the
customer code; the contact column the contact's number in that customer's list (shown in the
cell's tooltip) or the start of the contact's name; F4 (or Alt+Down) on either opens the list to
choose from, filtered as one types.

Every change is one command on a QUndoStack (Ctrl+Z / Ctrl+Y); Ctrl+V pastes cells copied from a
spreadsheet in one step, each checked like a typed one. The grid edits in memory;
``EntryGrid.entries()`` gives the rows to save through the service in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

COL_CUSTOMER, COL_CONTACT = 0, 1
FIRST_QUESTION = 2
REFUSED_BG = QColor("#f8d0d0")
PENDING_BG = QColor("#fff3c4")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EntryGrid", text)


@dataclass(frozen=True)
class Question:
    """One column of the grid: the question's code, its texts and the survey's scale."""

    code: str
    text_zh: str
    text_en: str
    scale_min: int
    scale_max: int

    def label(self, lang: str) -> str:
        return (self.text_zh if lang == "zh_CN" else self.text_en) or self.code


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    code: str
    name: str
    #: (contact id, name) in the order the contact column numbers them (1, 2, …)
    contacts: tuple[tuple[int, str], ...] = ()


@dataclass
class EntryRow:
    customer_id: int | None = None
    contact_id: int | None = None
    answers: dict[str, int] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self.customer_id is None and self.contact_id is None and not self.answers


@dataclass(frozen=True)
class Entry:
    """A typed respondent, ready for the service: grid row number (1-based) for messages."""

    row: int
    customer_id: int
    contact_id: int | None
    answers: dict[str, int]


def choices_from_targets(targets, lang: str = "en") -> list[CustomerChoice]:
    """Grid customers from a wave's targets (``app.models.satisfaction.targets.Target``): each
    customer once, its target contacts numbered in target order."""
    out: dict[int, tuple[str, str, list[tuple[int, str]]]] = {}
    for t in targets:
        name = (t.customer_name_zh if lang == "zh_CN" else t.customer_name_en) or t.customer_name_zh or t.customer_name_en
        entry = out.setdefault(t.customer_id, (t.customer_code, name, []))
        if t.contact_id is not None:
            entry[2].append((t.contact_id, t.contact_name))
    return [CustomerChoice(cid, code, name, tuple(people)) for cid, (code, name, people) in out.items()]


def column_name(code: str) -> str:
    """A column's header: a rating by its code; an importance, Kano or NPS column by its question's
    code and what it asks (``PQ1.IMP`` → "PQ1 importance")."""
    for suffix, word in ((".IMP", QT_TRANSLATE_NOOP("EntryGrid", "importance")),
                         (".F", QT_TRANSLATE_NOOP("EntryGrid", "if present")),
                         (".D", QT_TRANSLATE_NOOP("EntryGrid", "if absent"))):
        if code.endswith(suffix):
            return f"{code[:-len(suffix)]} {QCoreApplication.translate('EntryGrid', word)}"
    return code


def scale_text(q: Question) -> str:
    return f"{q.scale_min}–{q.scale_max}"


# ------------------------------------------------------------------------------ model
class EntryModel(QAbstractTableModel):
    """Respondent rows × (customer, contact, questions). Edits go through ``stack``."""

    refused = Signal(int, int, str)  # row, column, message
    resolved = Signal()  # the last refused cell was put right
    entriesChanged = Signal()

    def __init__(self, questions: Sequence[Question], customers: Sequence[CustomerChoice], *,
                 lang: str = "en", answered: Sequence[tuple[int, int | None]] = (), parent=None) -> None:
        super().__init__(parent)
        #: (customer id, contact id) of who already answered in the wave: refused again
        self.answered = set(answered)
        self.questions = list(questions)
        self.customers = list(customers)
        self.by_id = {c.id: c for c in self.customers}
        self.by_code = {c.code.casefold(): c for c in self.customers}
        self.lang = lang
        self.rows: list[EntryRow] = [EntryRow()]
        self.stack = QUndoStack(self)
        #: (row, col) -> (typed text, message) for a refused cell
        self.refusals: dict[tuple[int, int], tuple[str, str]] = {}
        self.pending: tuple[int, int, str] | None = None

    # ---- shape
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else FIRST_QUESTION + len(self.questions)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_CUSTOMER:
                return QCoreApplication.translate("EntryGrid", "Customer")
            if section == COL_CONTACT:
                return QCoreApplication.translate("EntryGrid", "Contact")
            q = self.questions[section - FIRST_QUESTION]
            return f"{column_name(q.code)} ({scale_text(q)})"
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIRST_QUESTION:
            q = self.questions[section - FIRST_QUESTION]
            scale = QCoreApplication.translate("EntryGrid", "Scale")
            return f"{q.label(self.lang)}\n{scale} {scale_text(q)}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- values
    def value(self, row: int, col: int) -> Any:
        r = self.rows[row]
        if col == COL_CUSTOMER:
            return r.customer_id
        if col == COL_CONTACT:
            return r.contact_id
        return r.answers.get(self.questions[col - FIRST_QUESTION].code)

    def cell_text(self, row: int, col: int) -> str:
        r = self.rows[row]
        if col == COL_CUSTOMER:
            c = self.by_id.get(r.customer_id) if r.customer_id is not None else None
            return f"{c.code} {c.name}" if c else ""
        if col == COL_CONTACT:
            c = self.by_id.get(r.customer_id) if r.customer_id is not None else None
            if c is None or r.contact_id is None:
                return ""
            return next((name for cid, name in c.contacts if cid == r.contact_id), "")
        v = self.value(row, col)
        return "" if v is None else str(v)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        key = (row, col)
        pending = self.pending is not None and self.pending[:2] == key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if pending:
                return self.pending[2]
            if key in self.refusals:
                return self.refusals[key][0]
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if key in self.refusals:
                return QBrush(REFUSED_BG)
            if pending:
                return QBrush(PENDING_BG)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in self.refusals:
                return self.refusals[key][1]
            if col == COL_CONTACT:
                c = self.by_id.get(self.rows[row].customer_id) if self.rows[row].customer_id is not None else None
                if c is not None and c.contacts:
                    return "\n".join(f"{i}  {name}" for i, (_cid, name) in enumerate(c.contacts, start=1))
            text = self.cell_text(row, col)
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= FIRST_QUESTION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # ---- parsing a typed cell
    def parse(self, row: int, col: int, text: str) -> tuple[Any, str]:
        """(value, "") or (None, message naming the column) for ``text`` typed into a cell."""
        t = text.strip()
        if col == COL_CUSTOMER:
            if not t:
                return None, ""
            c = self.by_code.get(t.casefold())
            if c is None:
                return None, QCoreApplication.translate("EntryGrid", "Row %1, customer: there is no customer with the code %2").replace(
                    "%1", str(row + 1)).replace("%2", t)
            return c.id, ""
        if col == COL_CONTACT:
            if not t:
                return None, ""
            cust = self.by_id.get(self.rows[row].customer_id) if self.rows[row].customer_id is not None else None
            if cust is None:
                return None, QCoreApplication.translate("EntryGrid", "Row %1, contact: choose the customer first").replace("%1", str(row + 1))
            hits = [cid for cid, name in cust.contacts if name.casefold().startswith(t.casefold())]
            if t.isdigit() and 1 <= int(t) <= len(cust.contacts):
                hits = [cust.contacts[int(t) - 1][0]]
            if len(hits) == 1:
                return hits[0], self.duplicate(row, cust.id, hits[0])
            return None, QCoreApplication.translate("EntryGrid", "Row %1, contact: %2 is not one of the %3 contacts of %4 (type 1–%3)").replace(
                "%1", str(row + 1)).replace("%2", t).replace("%3", str(len(cust.contacts))).replace("%4", cust.code)
        q = self.questions[col - FIRST_QUESTION]
        if not t:
            return None, ""
        if not t.lstrip("-").isdigit():
            return None, QCoreApplication.translate("EntryGrid", "Row %1, question %2: %3 is not a number; type an answer %4 (leave it blank for no answer)").replace(
                "%1", str(row + 1)).replace("%2", q.code).replace("%3", t).replace("%4", scale_text(q))
        if not q.scale_min <= int(t) <= q.scale_max:
            return None, QCoreApplication.translate("EntryGrid", "Row %1, question %2: %3 is outside the scale %4 (leave it blank for no answer)").replace(
                "%1", str(row + 1)).replace("%2", q.code).replace("%3", t).replace("%4", scale_text(q))
        return int(t), ""

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Typed text for a cell: stored through the undo stack, or refused on the cell."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self.commit_text(index.row(), index.column(), "" if value is None else str(value))

    def commit_text(self, row: int, col: int, text: str) -> bool:
        self.pending = None
        parsed, message = self.parse(row, col, text)
        if message and col == COL_CONTACT and parsed is not None:
            parsed = None  # a duplicate respondent: refused on the cell like any bad value
        key = (row, col)
        if message:
            self.refusals[key] = (text.strip(), message)
            self._changed(row, col)
            self.refused.emit(row, col, message)
            return False
        if self.refusals.pop(key, None) is not None and not self.refusals:
            self.resolved.emit()
        if parsed != self.value(row, col):
            self.stack.push(_SetCell(self, row, col, self.value(row, col), parsed))
        else:
            self._changed(row, col)
        return True

    def set_pending(self, row: int, col: int, text: str) -> None:
        self.pending = (row, col, text) if text else None
        self._changed(row, col)

    def _store(self, row: int, col: int, value: Any) -> None:
        r = self.rows[row]
        if col == COL_CUSTOMER:
            r.customer_id = value
            if value is None or all(cid != r.contact_id for cid, _n in self.by_id[value].contacts):
                r.contact_id = None
                self._changed(row, COL_CONTACT)
        elif col == COL_CONTACT:
            r.contact_id = value
        else:
            code = self.questions[col - FIRST_QUESTION].code
            if value is None:
                r.answers.pop(code, None)
            else:
                r.answers[code] = value
        self.refusals.pop((row, col), None)
        self._changed(row, col)
        self.entriesChanged.emit()

    def _changed(self, row: int, col: int) -> None:
        idx = self.index(row, col)
        self.dataChanged.emit(idx, idx)

    def add_row(self) -> int:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(EntryRow())
        self.endInsertRows()
        return len(self.rows) - 1

    def paste(self, row: int, col: int, text: str) -> int:
        """Cells copied from a spreadsheet (tab-separated lines), from (row, col) on: one undo
        step; rows are added as needed; cells past the last column are dropped. Each cell is
        checked like a typed one (refusals stay on their cells). Returns the cells taken."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n") if text else []
        if not lines:
            return 0
        self.stack.beginMacro(QCoreApplication.translate("EntryGrid", "Paste %1 row(s)").replace("%1", str(len(lines))))
        taken = 0
        try:
            for i, line in enumerate(lines):
                r = row + i
                while r >= len(self.rows):
                    self.add_row()
                for j, cell in enumerate(line.split("\t")):
                    c = col + j
                    if c >= self.columnCount():
                        break
                    self.commit_text(r, c, cell)
                    taken += 1
        finally:
            self.stack.endMacro()
        return taken

    def duplicate(self, row: int, customer_id: int, contact_id: int | None) -> str:
        """The message when this respondent already answered (in the wave, or in another row)."""
        code = self.by_id[customer_id].code
        if (customer_id, contact_id) in self.answered:
            return QCoreApplication.translate("EntryGrid", "Row %1: %2 has already answered in this wave").replace(
                "%1", str(row + 1)).replace("%2", code)
        for i, r in enumerate(self.rows):
            if i != row and (r.customer_id, r.contact_id) == (customer_id, contact_id):
                return QCoreApplication.translate("EntryGrid", "Row %1: the same respondent as row %2").replace(
                    "%1", str(row + 1)).replace("%2", str(i + 1))
        return ""

    # ---- result
    def problems(self) -> list[str]:
        out = [msg for (_r, _c), (_t, msg) in sorted(self.refusals.items())]
        for i, r in enumerate(self.rows):
            if r.is_empty():
                continue
            if r.customer_id is None:
                out.append(QCoreApplication.translate("EntryGrid", "Row %1: choose the customer (type its code)").replace("%1", str(i + 1)))
            elif (msg := self.duplicate(i, r.customer_id, r.contact_id)) and (i, COL_CONTACT) not in self.refusals:
                out.append(msg)
        return out

    def entries(self) -> list[Entry]:
        return [Entry(i, r.customer_id, r.contact_id, dict(r.answers))
                for i, r in enumerate(self.rows, start=1) if not r.is_empty() and r.customer_id is not None]


class _SetCell(QUndoCommand):
    def __init__(self, model: EntryModel, row: int, col: int, old: Any, new: Any) -> None:
        super().__init__(QCoreApplication.translate("EntryGrid", "Change row %1").replace("%1", str(row + 1)))
        self.model, self.row, self.col, self.old, self.new = model, row, col, old, new
        self.old_contact = model.rows[row].contact_id if col == COL_CUSTOMER else None

    def redo(self) -> None:
        self.model._store(self.row, self.col, self.new)

    def undo(self) -> None:
        self.model._store(self.row, self.col, self.old)
        if self.col == COL_CUSTOMER and self.old_contact is not None:
            self.model._store(self.row, COL_CONTACT, self.old_contact)


# ------------------------------------------------------------------------------ view
class EntryView(QTableView):
    """Keyboard typing without editors: digits/letters fill the current cell's buffer, Enter
    commits and moves on, Escape drops the buffer, Delete/Backspace clears the cell."""

    def __init__(self, model: EntryModel, parent=None) -> None:
        super().__init__(parent)
        self.buffer = ""
        self.setModel(model)
        self.entry_model = model
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.setCurrentIndex(model.index(0, COL_CUSTOMER))

    def _next(self, row: int, col: int) -> None:
        m = self.entry_model
        col += 1
        if col >= m.columnCount():
            row, col = row + 1, COL_CUSTOMER
            if row >= m.rowCount():
                m.add_row()
        self.setCurrentIndex(m.index(row, col))

    def _commit(self, move: bool) -> None:
        idx = self.currentIndex()
        if not idx.isValid():
            return
        text, self.buffer = self.buffer, ""
        m = self.entry_model
        if text == "" and (idx.row(), idx.column()) not in m.refusals:
            if move:
                self._next(idx.row(), idx.column())
            return
        if m.commit_text(idx.row(), idx.column(), text) and move:
            self._next(idx.row(), idx.column())

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        if self.buffer and previous.isValid():
            self.entry_model.commit_text(previous.row(), previous.column(), self.buffer)
        self.buffer = ""
        super().currentChanged(current, previous)

    def choices(self, row: int, col: int) -> list[tuple[str, str]]:
        """(text to commit, label) of the list F4 opens on a customer or contact cell."""
        m = self.entry_model
        if col == COL_CUSTOMER:
            return [(c.code, f"{c.code}  {c.name}") for c in m.customers]
        cust = m.by_id.get(m.rows[row].customer_id) if m.rows[row].customer_id is not None else None
        if cust is None:
            return []
        return [(str(i), f"{i}  {name}") for i, (_cid, name) in enumerate(cust.contacts, start=1)]

    def choose(self, row: int, col: int) -> None:
        """F4 (or Alt+Down): pick the customer or contact from a list filtered as one types;
        Enter takes the highlighted line and moves on."""
        options = self.choices(row, col)
        if not options:
            if col == COL_CONTACT:  # says why: choose the customer first / the customer has no contacts
                self.entry_model.refused.emit(row, col, QCoreApplication.translate(
                    "EntryGrid", "Row %1: no contact to choose (choose a customer with contacts first)").replace(
                    "%1", str(row + 1)))
            return
        dialog = ChoiceDialog(options, self)
        self.chooser = dialog
        if dialog.exec() and dialog.chosen is not None:
            self.buffer = dialog.chosen
            self._commit(move=True)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, text = event.key(), event.text()
        idx = self.currentIndex()
        m = self.entry_model
        if not idx.isValid():
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            from PySide6.QtGui import QGuiApplication

            self.buffer = ""
            m.paste(idx.row(), idx.column(), QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.buffer = ""
            m.stack.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.buffer = ""
            m.stack.redo()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit(move=True)
            return
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            if idx.column() in (COL_CUSTOMER, COL_CONTACT):
                self.choose(idx.row(), idx.column())
            return
        if key == Qt.Key.Key_Escape:
            self.buffer = ""
            m.set_pending(idx.row(), idx.column(), "")
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self.buffer:
                self.buffer = self.buffer[:-1]
                m.set_pending(idx.row(), idx.column(), self.buffer)
            else:
                m.commit_text(idx.row(), idx.column(), "")
            return
        printable = text and text.isprintable() and not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                                              | Qt.KeyboardModifier.AltModifier))
        if printable and text.strip():
            col = idx.column()
            if col >= FIRST_QUESTION and not text.isdigit():
                m.commit_text(idx.row(), col, self.buffer + text)
                self.buffer = ""
                return
            self.buffer += text
            m.set_pending(idx.row(), col, self.buffer)
            if col >= FIRST_QUESTION:
                q = m.questions[col - FIRST_QUESTION]
                if q.scale_max < 10:  # a single digit is the whole answer
                    self._commit(move=True)
            return
        super().keyPressEvent(event)


class ChoiceDialog(QDialog):
    """A list with a filter line: typing narrows it, Up/Down move, Enter takes the line."""

    def __init__(self, options: Sequence[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("EntryGrid", "Choose"))
        self.options = list(options)
        self.chosen: str | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(QCoreApplication.translate("EntryGrid", "Type to filter"))
        self.list = QListWidget()
        self.filter.textChanged.connect(self._refill)
        self.filter.returnPressed.connect(self._take)
        self.list.itemActivated.connect(lambda _item: self._take())
        self.filter.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.list)
        self.resize(420, 360)
        self._refill("")

    def _refill(self, text: str) -> None:
        self.list.clear()
        needle = text.strip().casefold()
        for value, label in self.options:
            if needle in label.casefold():
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, value)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return True
        return super().eventFilter(obj, event)

    def _take(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()


class EntryGrid(QWidget):
    """The grid with its buttons (undo, redo, new row, save) and the message line. ``on_save``
    receives ``entries()`` and raises with a readable message when the service refuses."""

    saved = Signal(int)

    def __init__(self, questions: Sequence[Question], customers: Sequence[CustomerChoice], *,
                 lang: str = "en", on_save: Callable[[list[Entry]], int] | None = None,
                 answered: Sequence[tuple[int, int | None]] = (), parent=None) -> None:
        super().__init__(parent)
        self.model = EntryModel(questions, customers, lang=lang, answered=answered, parent=self)
        self.on_save = on_save
        self.view = EntryView(self.model, self)
        from app.views.core.table_models import readable_headers

        header = self.view.horizontalHeader()
        header.setDefaultSectionSize(72)
        self.view.setColumnWidth(COL_CUSTOMER, 240)
        self.view.setColumnWidth(COL_CONTACT, 150)
        readable_headers(self.view)
        self.undo_button = QPushButton(QCoreApplication.translate("EntryGrid", "Undo"))
        self.undo_button.clicked.connect(self.model.stack.undo)
        self.redo_button = QPushButton(QCoreApplication.translate("EntryGrid", "Redo"))
        self.redo_button.clicked.connect(self.model.stack.redo)
        self.model.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.model.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.save_button = QPushButton(QCoreApplication.translate("EntryGrid", "Save responses"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(on_save is not None)
        self.hint = QCoreApplication.translate("EntryGrid", "Type the customer code, Enter, the contact's number, Enter, then the answers; blank = no answer.")
        self.message = QLabel(self.hint)
        self.message.setWordWrap(True)
        self.model.refused.connect(lambda _r, _c, msg: self._say(msg, error=True))
        self.model.resolved.connect(lambda: self._say(self.hint))
        self.model.entriesChanged.connect(self._count)
        self.count = QLabel()
        buttons = QHBoxLayout()
        for b in (self.undo_button, self.redo_button):
            buttons.addWidget(b)
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.message)
        self._count()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    def _count(self) -> None:
        self.count.setText(QCoreApplication.translate("EntryGrid", "%1 respondent(s)").replace("%1", str(len(self.model.entries()))))

    def entries(self) -> list[Entry]:
        return self.model.entries()

    def save(self) -> bool:
        problems = self.model.problems()
        if problems:
            self._say("; ".join(problems[:3]) + (f" (+{len(problems) - 3})" if len(problems) > 3 else ""), error=True)
            return False
        entries = self.entries()
        if not entries:
            self._say(QCoreApplication.translate("EntryGrid", "Nothing to save: no respondent typed yet."), error=True)
            return False
        try:
            n = self.on_save(entries) if self.on_save else 0
        except Exception as exc:  # the service's refusal, shown on the grid instead of a traceback
            from app.views.suppliers.common import error_text

            self._say(error_text(exc), error=True)
            return False
        self.model.stack.setClean()
        self._say(QCoreApplication.translate("EntryGrid", "%1 response(s) saved.").replace("%1", str(n)))
        self.saved.emit(n)
        return True

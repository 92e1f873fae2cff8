"""Customer master grid: an editable table model over the service's one-query tuples, sorting on
native values inside the model (one Python ``sort`` instead of a comparison call per pair, so
20,000 rows sort in milliseconds), quick and column filters in a proxy, combo delegates, and
undoable inline edits.

The model never opens dialogs: an invalid edit is refused and reported through
``edit_rejected`` (in the UI language); the widget shows the message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt, QT_TRANSLATE_NOOP, Signal)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from app.models.customers.master import GRID_COLUMNS
from app.views.core.table_models import ROW_ROLE, SORT_ROLE, readable_headers
from app.views.customers import common as c

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole + 3

#: the visible columns (a subset of the service's GRID_COLUMNS, in this order)
FIELDS = ("code", "name_zh", "name_en", "customer_type", "lifecycle", "industry", "region", "key_account",
          "value_class", "owner_name", "since", "contacts", "parts")
(COL_CODE, COL_NAME_ZH, COL_NAME_EN, COL_TYPE, COL_LIFECYCLE, COL_INDUSTRY, COL_REGION, COL_KEY, COL_VALUE,
 COL_OWNER, COL_SINCE, COL_CONTACTS, COL_PARTS) = range(len(FIELDS))
TITLES = (
    QT_TRANSLATE_NOOP("Customers", "Code"), QT_TRANSLATE_NOOP("Customers", "Name (Chinese)"),
    QT_TRANSLATE_NOOP("Customers", "Name (English)"), QT_TRANSLATE_NOOP("Customers", "Type"),
    QT_TRANSLATE_NOOP("Customers", "Lifecycle"), QT_TRANSLATE_NOOP("Customers", "Industry"),
    QT_TRANSLATE_NOOP("Customers", "Region"), QT_TRANSLATE_NOOP("Customers", "Key account"),
    QT_TRANSLATE_NOOP("Customers", "Value class"), QT_TRANSLATE_NOOP("Customers", "Owner"),
    QT_TRANSLATE_NOOP("Customers", "Since"), QT_TRANSLATE_NOOP("Customers", "Contacts"),
    QT_TRANSLATE_NOOP("Customers", "Parts"),
)
#: where each visible column's value sits in a service tuple
POS = tuple(GRID_COLUMNS.index(f) for f in FIELDS)
P_ID, P_OWNER_ID = GRID_COLUMNS.index("id"), GRID_COLUMNS.index("owner_user_id")
#: editable inline; the value class needs a reason (detail page), counts are computed
EDITABLE = frozenset({COL_CODE, COL_NAME_ZH, COL_NAME_EN, COL_TYPE, COL_LIFECYCLE, COL_INDUSTRY, COL_REGION,
                      COL_KEY, COL_OWNER, COL_SINCE})
#: the service field an edit of a column writes
WRITE_FIELD = {COL_OWNER: "owner_user_id"}
RANKS = {COL_LIFECYCLE: {k: i for i, k in enumerate(c.LIFECYCLE)},
         COL_VALUE: {k: i for i, k in enumerate(c.VALUE_CLASS)}}
CODED = {COL_TYPE: c.CUSTOMER_TYPE, COL_LIFECYCLE: c.LIFECYCLE, COL_VALUE: c.VALUE_CLASS}

Writer = Callable[[int, str, Any], dict]  # (customer id, field, value) -> the saved row as a dict
Checker = Callable[[str, Any], "str | None"]  # (field, value) -> message in the UI language, or None


class CustomerTableModel(QAbstractTableModel):
    """One row per customer: the service's tuples as they come (an edit replaces its row's tuple),
    sorted in place."""

    edit_rejected = Signal(str)
    edited = Signal(int)  # customer id after a saved edit (or its undo/redo)

    def __init__(self, writer: Writer | None = None, checker: Checker | None = None, *,
                 undo_stack: QUndoStack | None = None, lang: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.writer = writer
        self.checker = checker
        self.undo_stack = undo_stack or QUndoStack(self)
        self._rows: list[tuple] = []
        self._row_of: dict[int, int] = {}
        self._labels = {col: {k: c.label(t, k) for k in t} for col, t in CODED.items()}
        self._yes, self._no = c.label(c.YES_NO, True), c.label(c.YES_NO, False)
        self._sorted: tuple[int, Qt.SortOrder] | None = None
        self._hay: list[str] | None = None

    # ----- loading --------------------------------------------------------------------------
    def set_rows(self, rows: list[tuple], *, by_code: bool = True) -> None:
        """Load the service's tuples; ``by_code``: they arrive sorted by code (``grid_tuples``), so
        the default order needs no sort."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None and not (by_code and self._sorted == (COL_CODE, Qt.SortOrder.AscendingOrder)):
            self._order(*self._sorted)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {r[P_ID]: i for i, r in enumerate(self._rows)}
        self._hay = None

    def haystack(self, row: int) -> str:
        """The row's displayed texts, casefolded, for the quick filter (built for every row at the
        first filter, in one pass; rebuilt after a reload, a sort or an edit)."""
        if self._hay is None:
            labels = [self._labels.get(col) for col in range(len(FIELDS))]
            yes, pos = self._yes, POS
            out = []
            for r in self._rows:
                parts = []
                for col, p in enumerate(pos):
                    v = r[p]
                    if v is None or v == "":
                        continue
                    table = labels[col]
                    if table is not None:
                        parts.append(table.get(v, str(v)))
                    elif col == COL_KEY:
                        if v:
                            parts.append(yes)
                    else:
                        parts.append(str(v))
                out.append(" ".join(parts).casefold())
            self._hay = out
        return self._hay[row]

    def customer_id(self, row: int) -> int:
        return self._rows[row][P_ID]

    def row_of(self, customer_id: int) -> int | None:
        return self._row_of.get(customer_id)

    def value(self, row: int, column: int) -> Any:
        return self._rows[row][POS[column]]

    def record(self, row: int) -> dict[str, Any]:
        return dict(zip(GRID_COLUMNS, self._rows[row]))

    def display(self, row: int, column: int) -> str:
        return self._display(column, self._rows[row][POS[column]])

    # ----- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return c.tr(TITLES[section]) if 0 <= section < len(TITLES) else None
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE and self.writer else base

    def _display(self, column: int, v: Any) -> str:
        if v is None:
            return ""
        if column in self._labels:
            return self._labels[column].get(v, str(v))
        if column == COL_KEY:
            return self._yes if v else ""
        if isinstance(v, date):
            return v.isoformat()
        return str(v)

    @staticmethod
    def _sort_value(column: int, v: Any) -> Any:
        if v is None or v == "":
            return None
        if column in RANKS:
            return RANKS[column].get(v, 99)
        if isinstance(v, str):
            return v if column == COL_CODE else v.casefold()  # codes as the database orders them
        if isinstance(v, date):
            return v.toordinal()
        return v

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        row = self._rows[index.row()]
        v = row[POS[column]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, v)
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_OWNER:
                return row[P_OWNER_ID]
            if column == COL_KEY:
                return bool(v)
            return "" if v is None else v.isoformat() if isinstance(v, date) else v
        if role == SORT_ROLE:
            return self._sort_value(column, v)
        if role == ID_ROLE:
            return row[P_ID]
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_CONTACTS, COL_PARTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_KEY:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_VALUE and self.writer is not None:
            return translate("Customers", "Double-click to set the value class by hand, with a reason")
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_LIFECYCLE and v == "lost":
            from PySide6.QtGui import QColor

            return QColor("#c0392b")
        return None

    # ----- sorting (native values, missing last in either order) ---------------------------------
    def _key_fn(self, column: int):
        pos, sv = POS[column], self._sort_value

        def key(r):
            v = sv(column, r[pos])
            return (v is None, v if v is not None else 0, r[1])
        return key

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        pos = POS[column]
        present = [r for r in self._rows if r[pos] not in (None, "")]
        missing = [r for r in self._rows if r[pos] in (None, "")]
        present.sort(key=self._key_fn(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = present + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(FIELDS):
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [r[P_ID] for r in self._rows]
        self._order(column, order)
        self._sorted = (column, order)
        self._reindex()
        moves_from, moves_to = [], []
        for idx in self.persistentIndexList():
            new_row = self._row_of.get(old_ids[idx.row()]) if 0 <= idx.row() < len(old_ids) else None
            moves_from.append(idx)
            moves_to.append(self.index(new_row, idx.column()) if new_row is not None else QModelIndex())
        self.changePersistentIndexList(moves_from, moves_to)
        self.layoutChanged.emit()

    # ----- editing ------------------------------------------------------------------------------
    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE or not self.writer:
            return False
        column = index.column()
        field = WRITE_FIELD.get(column, FIELDS[column])
        value = value.strip() if isinstance(value, str) else value
        row = self._rows[index.row()]
        old = row[P_OWNER_ID] if column == COL_OWNER else row[POS[column]]
        if isinstance(old, date):
            old = old.isoformat()
        if value == old or (value in ("", None) and old in ("", None)):
            return False
        problem = self.checker(field, value) if self.checker else None
        if problem:
            self.edit_rejected.emit(self._rejection(column, problem))
            return False
        cid = row[P_ID]
        if not self.write(cid, field, value):
            return False
        self.undo_stack.push(EditCustomerCommand(self, cid, field, old, value))
        return True

    def _rejection(self, column: int, problem: str) -> str:
        return translate("Customers", "{column}: {problem} The value was not saved.") \
            .replace("{column}", c.tr(TITLES[column])).replace("{problem}", problem)

    def write(self, customer_id: int, field: str, value: Any) -> bool:
        """Save one field through the service and refresh the row; False (with a message) on refusal."""
        column = next(col for col in range(len(FIELDS)) if WRITE_FIELD.get(col, FIELDS[col]) == field)
        try:
            saved = self.writer(customer_id, field, value)
        except Exception as exc:  # the service's refusal (CustomerError, PermissionDenied): a message to act on
            self.edit_rejected.emit(self._rejection(column, c.error_text(exc, self.lang)))
            return False
        row = self._row_of.get(customer_id)
        if row is None:
            return True
        if saved:
            self._rows[row] = tuple(saved.get(f, self._rows[row][i]) for i, f in enumerate(GRID_COLUMNS))
        self._hay = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))
        self.edited.emit(customer_id)
        return True


class EditCustomerCommand(QUndoCommand):
    """One inline edit; undo writes the old value back through the same service."""

    def __init__(self, model: CustomerTableModel, customer_id: int, field: str, old: Any, new: Any) -> None:
        column = next(col for col in range(len(FIELDS)) if WRITE_FIELD.get(col, FIELDS[col]) == field)
        super().__init__(translate("Customers", "Edit {field}").replace("{field}", c.tr(TITLES[column])))
        self.model, self.customer_id, self.field, self.old, self.new = model, customer_id, field, old, new
        self._first = True  # the edit was already saved by setData

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if not self.model.write(self.customer_id, self.field, self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.model.write(self.customer_id, self.field, self.old):
            self.setObsolete(True)


class CustomerFilterProxy(QSortFilterProxyModel):
    """Quick text filter over every column plus exact per-column filters; sorting is passed to the
    source model (native values, one ``list.sort``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._text = ""
        self._exact: dict[int, Any] = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, CustomerTableModel) and column >= 0:
            model.sort(column, order)
            return
        super().sort(column, order)

    def set_quick_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_column_filter(self, column: int, value: Any) -> None:
        self.beginFilterChange()
        if value is None or value == "":
            self._exact.pop(column, None)
        else:
            self._exact[column] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, CustomerTableModel) or (not self._exact and not self._text):
            return True
        row = model._rows[source_row]
        for column, wanted in self._exact.items():
            have = row[P_OWNER_ID] if column == COL_OWNER else row[POS[column]]
            if column == COL_KEY:
                have = bool(have)
            if have != wanted:
                return False
        if self._text and self._text not in model.haystack(source_row):
            return False
        return True


class CodeComboDelegate(QStyledItemDelegate):
    """Edits a coded column with a combo of its allowed values (so invalid codes can't be typed)."""

    def __init__(self, choices: Callable[[], list[tuple[Any, str]]], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option, index) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for value, text in self.choices():
            box.addItem(text, value)
        return box

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def coded_choices(table: dict) -> Callable[[], list[tuple[Any, str]]]:
    return lambda: [(k, c.label(table, k)) for k in table]


class CustomerGrid(QWidget):
    """The customer master grid with its toolbar: quick and column filters, add / duplicate /
    delete, undo / redo of inline edits, import and export, the "n of N" count."""

    current_customer_changed = Signal(object)  # customer id or None
    customers_changed = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.customers import master

        self.ctx = ctx
        self.master = master
        self.setObjectName("customerGrid")
        self.undo_stack = QUndoStack(self)
        self.model = CustomerTableModel(self._write, self._check, undo_stack=self.undo_stack, lang=ctx.language,
                                        parent=self)
        self.proxy = CustomerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.edit_rejected.connect(self._show_rejection)
        self._owners: list[tuple[int | None, str]] = []
        self._build()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.refresh()

    # ----- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.quick = QLineEdit()
        self.quick.setObjectName("customerQuickFilter")
        self.quick.setPlaceholderText(self.tr("Filter customers… (Ctrl+F)"))
        self.quick.setClearButtonEnabled(True)
        self.quick.textChanged.connect(self.proxy.set_quick_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.quick.setFocus)
        bar.addWidget(self.quick, 2)
        self.type_filter = self._combo_filter(COL_TYPE, c.CUSTOMER_TYPE, self.tr("Internal and external"))
        self.lifecycle_filter = self._combo_filter(COL_LIFECYCLE, c.LIFECYCLE, self.tr("All lifecycles"))
        self.value_filter = self._combo_filter(COL_VALUE, c.VALUE_CLASS, self.tr("All value classes"))
        self.key_filter = QComboBox()
        self.key_filter.addItem(self.tr("Key accounts and others"), None)
        self.key_filter.addItem(self.tr("Key accounts only"), True)
        self.key_filter.addItem(self.tr("Not key accounts"), False)
        self.key_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_column_filter(COL_KEY, self.key_filter.currentData()))
        self.owner_filter = QComboBox()
        self.owner_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_column_filter(COL_OWNER, self.owner_filter.currentData()))
        for box in (self.type_filter, self.lifecycle_filter, self.value_filter, self.key_filter, self.owner_filter):
            bar.addWidget(box)
        layout.addLayout(bar)

        tools = QHBoxLayout()
        self.add_button = self._button(self.tr("&Add…"), self.add_customer, "Ctrl+N", self.tr("Add a customer (Ctrl+N)"))
        self.duplicate_button = self._button(self.tr("&Duplicate"), self.duplicate_customer, "Ctrl+D",
                                             self.tr("Copy the selected customer with its contacts and parts (Ctrl+D)"))
        self.delete_button = self._button(self.tr("De&lete…"), self.delete_customer, "",
                                          self.tr("Delete the selected customer (Del)"))
        self.undo_button = self._button(self.tr("Undo"), self.undo_stack.undo, "Ctrl+Z", self.tr("Undo the last edit (Ctrl+Z)"))
        self.redo_button = self._button(self.tr("Redo"), self.undo_stack.redo, "Ctrl+Y", self.tr("Redo (Ctrl+Y)"))
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.import_button = self._button(self.tr("&Import…"), self.import_file, "",
                                          self.tr("Import customers from CSV or Excel (all or nothing)"))
        self.export_button = self._button(self.tr("E&xport…"), self.export_file, "",
                                          self.tr("Export the customers to CSV or Excel"))
        for b in (self.add_button, self.duplicate_button, self.delete_button, self.undo_button, self.redo_button):
            tools.addWidget(b)
        tools.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")
        tools.addWidget(self.count_label)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)
        layout.addLayout(tools)
        from app.models.admin.permissions import can

        editable = can(self.ctx.database, "customers.edit")
        for b in (self.add_button, self.duplicate_button, self.delete_button):
            b.setEnabled(editable)
        self.import_button.setEnabled(can(self.ctx.database, "customers.import"))
        if not editable:
            self.model.writer = None

        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegateForColumn(COL_TYPE, CodeComboDelegate(coded_choices(c.CUSTOMER_TYPE), self.table))
        self.table.setItemDelegateForColumn(COL_LIFECYCLE, CodeComboDelegate(coded_choices(c.LIFECYCLE), self.table))
        self.table.setItemDelegateForColumn(COL_KEY, CodeComboDelegate(
            lambda: [(False, c.label(c.YES_NO, False)), (True, c.label(c.YES_NO, True))], self.table))
        self.table.setItemDelegateForColumn(COL_OWNER, CodeComboDelegate(lambda: self._owners, self.table))
        header = self.table.horizontalHeader()
        for col, width in ((COL_CODE, 70), (COL_NAME_ZH, 190), (COL_NAME_EN, 240), (COL_TYPE, 64),
                           (COL_LIFECYCLE, 76), (COL_INDUSTRY, 118), (COL_REGION, 96), (COL_KEY, 92),
                           (COL_VALUE, 92), (COL_OWNER, 128), (COL_SINCE, 88), (COL_CONTACTS, 70),
                           (COL_PARTS, 50)):
            header.resizeSection(col, width)
        other = COL_NAME_EN if self.ctx.language == "zh_CN" else COL_NAME_ZH
        header.moveSection(header.visualIndex(other), len(FIELDS) - 1)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        from app.views.suppliers.common import remember_header

        remember_header(self.table, self.ctx.settings, "customers/grid_header")
        readable_headers(self.table)  # no title cut, in either language
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_customer,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("customerGridMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)

    def _button(self, text: str, slot, shortcut: str, tip: str) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(lambda *_: slot())
        if shortcut:
            QShortcut(QKeySequence(shortcut), self, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        b.setToolTip(tip)
        return b

    def _combo_filter(self, column: int, table: dict, everything: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for code in table:
            box.addItem(c.label(table, code), code)
        box.currentIndexChanged.connect(lambda: self.proxy.set_column_filter(column, box.currentData()))
        return box

    # ----- data ---------------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_customer_id()
        self.model.set_rows(self.master.grid_tuples(self.ctx.database))
        self._owners = [(None, "—")] + [(o.user_id, o.name) for o in self.master.owner_choices(self.ctx.database)]
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All owners"), None)
        for uid, name in self._owners[1:]:
            self.owner_filter.addItem(name, uid)
        self.owner_filter.setCurrentIndex(max(self.owner_filter.findData(current), 0))
        self.owner_filter.blockSignals(False)
        self._update_count()
        if keep is not None:
            self.select_customer(keep)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{n} of {total} customers").replace("{n}", f"{shown:,}")
                                 .replace("{total}", f"{total:,}"))

    def _check(self, field: str, value: Any) -> str | None:
        problem = self.master.field_problem(field, value)
        return problem.text(self.ctx.language, with_field=False) if problem else None

    def _write(self, customer_id: int, field: str, value: Any) -> dict:
        from app.views.core.errors import run_with_retry

        row = run_with_retry(self, self.master.update_customer, self.ctx.database, customer_id, {field: value})
        if row is None:
            raise RuntimeError(self.tr("The database is busy; the value was not saved."))
        self.message.clear()
        return {f: getattr(row, f) for f in GRID_COLUMNS}

    def _show_rejection(self, text: str) -> None:
        self.message.setText(text)
        QMessageBox.warning(self, self.tr("Value refused"), text)

    def current_customer_id(self) -> int | None:
        index = self.table.currentIndex() if self.table.selectionModel() else QModelIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_customer_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() == COL_VALUE and self.model.writer is not None:
            self.set_value_class(index.data(ID_ROLE))

    # ----- actions ------------------------------------------------------------------------------------
    def set_value_class(self, customer_id: int, **given) -> bool:
        """The value class by hand (double-click on its cell): asks for the class and the reason."""
        from app.views.customers.dialogs import ask_value_class

        if not ask_value_class(self.ctx, customer_id, self, **given):
            return False
        self.refresh(keep=customer_id)
        self.model.edited.emit(customer_id)
        return True

    def add_customer(self) -> int | None:
        from app.views.customers.dialogs import CustomerDialog

        dialog = CustomerDialog(self.ctx, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_id is None:
            return None
        self.refresh(keep=dialog.saved_id)
        self.customers_changed.emit()
        return dialog.saved_id

    def duplicate_customer(self) -> int | None:
        cid = self.current_customer_id()
        if cid is None:
            return None
        new_id = c.attempt(self, self.ctx, self.tr("Duplicate customer"), self.master.duplicate_customer,
                           self.ctx.database, cid)
        if new_id is c.NOTHING or new_id is None:
            return None
        self.refresh(keep=new_id)
        self.customers_changed.emit()
        return new_id

    def delete_customer(self, *, confirmed: bool = False) -> bool:
        cid = self.current_customer_id()
        if cid is None:
            return False
        rec = self.model.record(self.model.row_of(cid))
        question = self.tr("Delete customer {code} {name} with its {contacts} contact(s) and {parts} part link(s)? "
                           "This cannot be undone.") \
            .replace("{code}", str(rec["code"])).replace("{name}", c.customer_name(rec, self.ctx.language)) \
            .replace("{contacts}", str(rec["contacts"])).replace("{parts}", str(rec["parts"]))
        if not confirmed:
            from app.views.suppliers.common import confirm

            if not confirm(self, self.tr("Delete customer"), question):
                return False
        if c.attempt(self, self.ctx, self.tr("Delete customer"), self.master.delete_customer,
                     self.ctx.database, cid) is c.NOTHING:
            return False
        self.undo_stack.clear()  # older edits may point at the deleted row
        self.refresh()
        self.customers_changed.emit()
        return True

    def import_file(self, path: str | None = None) -> bool:
        from app.models.customers import imports
        from app.views.customers.dialogs import ImportErrorsDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import customers"), "",
                                                  self.tr("Spreadsheets (*.xlsx *.csv)"))
            if not path:
                return False
        try:
            result = imports.import_customers(self.ctx.database, path)
        except imports.CustomerImportError as exc:
            ImportErrorsDialog(exc.errors, self.ctx.language, self).exec()
            return False
        except Exception as exc:
            if c.attempt(self, self.ctx, self.tr("Import customers"), _raise, exc) is c.NOTHING:
                return False
            raise
        self.undo_stack.clear()
        self.refresh()
        self.customers_changed.emit()
        QMessageBox.information(self, self.tr("Import customers"),
                                self.tr("Imported: {created} new, {updated} updated, {contacts} contact(s).")
                                .replace("{created}", str(result.created)).replace("{updated}", str(result.updated))
                                .replace("{contacts}", str(result.contacts)))
        return True

    def export_file(self, path: str | None = None) -> str | None:
        from app.models.customers import imports

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export customers"), "customers.xlsx",
                                                  self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        if c.attempt(self, self.ctx, self.tr("Export customers"), imports.export_customers, self.ctx.database,
                     path, lang=self.ctx.language) is c.NOTHING:
            return None
        return path


def _raise(exc: BaseException):
    raise exc

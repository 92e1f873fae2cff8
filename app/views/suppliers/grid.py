"""Supplier master grid: an editable table model over the service's one-query frame, a
sort/filter proxy on native values, combo delegates, and undoable inline edits.

The model never opens dialogs (after Vorta's table models, avoiding calibre's ``setData`` popups):
an invalid edit is refused and reported through ``edit_rejected``; the widget shows the message.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pandas as pd
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            QT_TRANSLATE_NOOP, Signal)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from app.views.suppliers import common as c
from app.views.core.table_models import ROW_ROLE, SORT_ROLE, readable_headers

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole + 3
FILTER_ROLE = Qt.ItemDataRole.UserRole + 4  # the raw code used by the combo filters

COL_CODE, COL_NAME_ZH, COL_NAME_EN, COL_CATEGORY, COL_CLASS, COL_RELATIONSHIP, COL_STATUS, COL_VALID, COL_GRADE = range(9)
FIELDS = ("code", "name_zh", "name_en", "category", "importance_class", "relationship", "status",
          "approval_valid_until", "latest_grade")
TITLES = (
    QT_TRANSLATE_NOOP("Suppliers", "Code"), QT_TRANSLATE_NOOP("Suppliers", "Name (Chinese)"),
    QT_TRANSLATE_NOOP("Suppliers", "Name (English)"), QT_TRANSLATE_NOOP("Suppliers", "Category"),
    QT_TRANSLATE_NOOP("Suppliers", "Importance class"), QT_TRANSLATE_NOOP("Suppliers", "Relationship"),
    QT_TRANSLATE_NOOP("Suppliers", "Status"), QT_TRANSLATE_NOOP("Suppliers", "Approval valid until"),
    QT_TRANSLATE_NOOP("Suppliers", "Latest grade"),
)
#: editable inline; status and validity change only through the approval flow or a status action
EDITABLE = frozenset({COL_CODE, COL_NAME_ZH, COL_NAME_EN, COL_CATEGORY, COL_CLASS, COL_RELATIONSHIP})
CLASS_RANK = {"I": 1, "II": 2, "III": 3}
STATUS_RANK = {k: i for i, k in enumerate(c.STATUS)}
SOON_DAYS = 60

Writer = Callable[[int, str, Any], dict]  # (supplier id, field, value) -> the saved row as a dict
Validator = Callable[[str, Any], "str | None"]


def _missing(v: Any) -> bool:
    return v is None or v is pd.NaT or (isinstance(v, float) and v != v)


class SupplierTableModel(QAbstractTableModel):
    """One row per supplier; values kept as a list of lists for fast ``data()``."""

    edit_rejected = Signal(str)  # a translated, user-readable message
    edited = Signal(int)  # supplier id after a saved edit (or its undo/redo)

    def __init__(self, writer: Writer | None = None, validator: Validator | None = None, *,
                 undo_stack: QUndoStack | None = None, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.validator = validator
        self.undo_stack = undo_stack or QUndoStack(self)
        self.today = today or date.today()
        self._rows: list[list[Any]] = []
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._sort_column: int | None = None
        self._sort_descending = False
        self._hay: list[str | None] | None = None  # quick-filter texts, reset with the rows

    # ----- loading --------------------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame) -> None:
        if len(frame):
            cols = [frame[f].tolist() if f in frame.columns else [None] * len(frame) for f in FIELDS]
            self.set_rows([int(i) for i in frame["id"].tolist()], [list(r) for r in zip(*cols)])
        else:
            self.set_rows([], [])

    def set_rows(self, ids: list[int], rows: list[list[Any]]) -> None:
        """Plain values, one list per supplier in ``FIELDS`` order (the fast path: no frame)."""
        self.beginResetModel()
        self._ids, self._rows, self._hay = list(ids), rows, None
        if self._sort_column is not None:  # keep the user's order without a compare per pair in Python
            self._reorder(self._sort_order_of(self._sort_column, self._sort_descending))
        self._row_of = {sid: i for i, sid in enumerate(self._ids)}
        self.endResetModel()

    # ----- sorting (the proxy delegates here: one key per row, Python's own sort) ----------------
    def _sort_order_of(self, column: int, descending: bool) -> list[int]:
        keys = [self.sort_key(r, column) for r in range(len(self._rows))]
        present = [r for r, k in enumerate(keys) if k is not None]
        try:
            present.sort(key=keys.__getitem__, reverse=descending)
        except TypeError:  # mixed types in one column: compare as text
            present.sort(key=lambda r: str(keys[r]), reverse=descending)
        return present + [r for r, k in enumerate(keys) if k is None]  # missing values last in either order

    def _reorder(self, order: list[int]) -> None:
        self._hay = None
        self._rows = [self._rows[r] for r in order]
        self._ids = [self._ids[r] for r in order]

    def sort_rows(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort_column, self._sort_descending = (column if 0 <= column < len(FIELDS) else None), descending
        if self._sort_column is None or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        new_order = self._sort_order_of(column, descending)
        position = {old: new for new, old in enumerate(new_order)}
        persistent = self.persistentIndexList()
        self._reorder(new_order)
        self._row_of = {sid: i for i, sid in enumerate(self._ids)}
        self.changePersistentIndexList(persistent, [self.index(position[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def haystack(self, row: int) -> str:
        """The row's shown texts, case-folded, for the quick filter (built once per row and load)."""
        if self._hay is None:
            self._hay = [None] * len(self._rows)
        hay = self._hay[row]
        if hay is None:
            hay = self._hay[row] = " ".join(self._display(i, v) for i, v in enumerate(self._rows[row])).casefold()
        return hay

    def supplier_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, supplier_id: int) -> int | None:
        return self._row_of.get(supplier_id)

    def value(self, row: int, column: int) -> Any:
        return self._rows[row][column]

    def record(self, row: int) -> dict[str, Any]:
        return {"id": self._ids[row], **dict(zip(FIELDS, self._rows[row]))}

    # ----- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return c.tr(TITLES[section]) if 0 <= section < len(TITLES) else None
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

    def sort_key(self, row: int, column: int) -> Any:
        """The native value to sort by: class and status by rank, dates as ordinals, None if missing."""
        v = self._rows[row][column]
        if _missing(v) or v == "":  # an empty text is a missing value: last in either order
            return None
        if column == COL_CLASS:
            return CLASS_RANK.get(v, 9)
        if column == COL_STATUS:
            return STATUS_RANK.get(v, 99)
        if isinstance(v, date):
            return v.toordinal()
        return v.item() if hasattr(v, "item") else v

    def _display(self, column: int, v: Any) -> str:
        if _missing(v):
            return ""
        if column == COL_STATUS:
            return c.label(c.STATUS, v)
        if column == COL_RELATIONSHIP:
            return c.label(c.RELATIONSHIP, v)
        if column == COL_VALID:
            return c.fmt_date(v)
        return str(v)

    def _validity_colour(self, v: Any):
        if _missing(v):
            return None
        if v < self.today:
            return c.RED
        return c.AMBER if v <= self.today + timedelta(days=SOON_DAYS) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        v = self._rows[index.row()][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, v)
        if role == Qt.ItemDataRole.EditRole:
            return "" if _missing(v) else v if not isinstance(v, date) else v.isoformat()
        if role == SORT_ROLE:
            return self.sort_key(index.row(), column)
        if role == FILTER_ROLE:
            return None if _missing(v) else v
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_VALID:
                return self._validity_colour(v)
            if column == COL_STATUS and v in ("suspended", "disqualified"):
                return c.RED
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_NAME_ZH, COL_NAME_EN, COL_CATEGORY) and not _missing(v):
            return str(v)  # a long name or category cut by the column is read in full on hover
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_VALID:
            colour = self._validity_colour(v)
            if colour is not None:
                return translate("Suppliers", "Approval expired") if colour == c.RED else translate("Suppliers", "Approval expires within 60 days")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_CLASS, COL_GRADE):
            return c.centre_align()
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE or not self.writer:
            return False
        field = FIELDS[index.column()]
        value = value.strip() if isinstance(value, str) else value
        old = self._rows[index.row()][index.column()]
        if value == old:
            return False
        problem = self.validator(field, value) if self.validator else None
        if problem:
            self.edit_rejected.emit(self._rejection(index.column(), problem))
            return False
        sid = self._ids[index.row()]
        if not self.write(sid, field, value):
            return False
        self.undo_stack.push(EditSupplierCommand(self, sid, field, old, value))
        return True

    def _rejection(self, column: int, problem: str) -> str:
        return translate("Suppliers", "{column}: {problem} The value was not saved.").replace("{column}", c.tr(TITLES[column])) \
            .replace("{problem}", c.service_message(problem))

    def write(self, supplier_id: int, field: str, value: Any) -> bool:
        """Save one field through the service and refresh the row; False (with a message) on refusal."""
        try:
            saved = self.writer(supplier_id, field, value)
        except Exception as exc:  # the service's SupplierError: a message the user can act on
            self.edit_rejected.emit(self._rejection(FIELDS.index(field), c.error_text(exc)))
            return False
        row = self._row_of.get(supplier_id)
        if row is None:
            return True
        for col, f in enumerate(FIELDS):
            if saved and f in saved:
                self._rows[row][col] = saved[f]
        if not saved:
            self._rows[row][FIELDS.index(field)] = value
        if self._hay is not None:
            self._hay[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))
        self.edited.emit(supplier_id)
        return True


class EditSupplierCommand(QUndoCommand):
    """One inline edit; undo writes the old value back through the same service."""

    def __init__(self, model: SupplierTableModel, supplier_id: int, field: str, old: Any, new: Any) -> None:
        super().__init__(translate("Suppliers", "Edit {field}").replace("{field}", c.tr(TITLES[FIELDS.index(field)])))
        self.model, self.supplier_id, self.field, self.old, self.new = model, supplier_id, field, old, new
        self._first = True  # the edit was already saved by setData

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if not self.model.write(self.supplier_id, self.field, self.new):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.model.write(self.supplier_id, self.field, self.old):
            self.setObsolete(True)


class SupplierFilterProxy(QSortFilterProxyModel):
    """Quick text filter over every column plus exact per-column filters (combo boxes)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._exact: dict[int, Any] = {}
        self._validity = ""  # "", "expired", "expiring"

    def set_quick_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_column_filter(self, column: int, value: Any) -> None:
        self.beginFilterChange()
        if value in (None, ""):
            self._exact.pop(column, None)
        else:
            self._exact[column] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_validity_filter(self, which: str) -> None:
        self.beginFilterChange()
        self._validity = which or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the supplier model (one key per row, Python's sort) and the proxy only
        filters: a Python ``lessThan`` per pair cost 13,000 calls for 2,000 rows on every reload."""
        model = self.sourceModel()
        if isinstance(model, SupplierTableModel):
            self._column, self._order = column, order
            model.sort_rows(column, order)
            return
        super().sort(column, order)

    def sort_column(self) -> int:
        return getattr(self, "_column", -1)

    def sort_order(self) -> Qt.SortOrder:
        return getattr(self, "_order", Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, SupplierTableModel):
            return True
        values = model._rows[source_row]
        for column, wanted in self._exact.items():
            if values[column] != wanted:
                return False
        if self._validity:
            v = values[COL_VALID]
            if _missing(v):
                return False
            expired = v < model.today
            if self._validity == "expired" and not expired:
                return False
            if self._validity == "expiring" and (expired or v > model.today + timedelta(days=SOON_DAYS)):
                return False
        if self._text:
            if self._text not in model.haystack(source_row):
                return False
        return True

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, SupplierTableModel):  # straight to the values: no QVariant round trip per compare
            a, b = model.sort_key(left.row(), left.column()), model.sort_key(right.row(), right.column())
        else:
            a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:  # missing values last in either order
            desc = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None and b is not None) if desc else (b is None and a is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class CodeComboDelegate(QStyledItemDelegate):
    """Edits a coded column with a combo of its allowed values (so invalid codes can't be typed)."""

    def __init__(self, table: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.table = table

    def createEditor(self, parent: QWidget, option, index) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for code in self.table:
            box.addItem(c.label(self.table, code), code)
        return box

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SupplierGrid(QWidget):
    """The supplier master grid with its toolbar: quick and column filters, add / duplicate /
    delete, undo / redo of inline edits, import and export. Data only through the services."""

    current_supplier_changed = Signal(object)  # supplier id or None
    suppliers_changed = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import master as sup

        self.ctx = ctx
        self.sup = sup
        self.setObjectName("supplierGrid")
        self.undo_stack = QUndoStack(self)
        self.model = SupplierTableModel(self._write, sup.validate_field, undo_stack=self.undo_stack, parent=self)
        self.proxy = SupplierFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.model.edit_rejected.connect(self._show_rejection)
        if not c.can(ctx, "suppliers.edit"):
            self.model.writer = None  # read-only cells: the service would refuse the edit
        self._build()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(lambda *_: self.update_count())
        # what the signed-in user may not do is disabled (the services refuse it anyway)
        for button, permission in ((self.add_button, "suppliers.edit"), (self.duplicate_button, "suppliers.edit"),
                                   (self.delete_button, "suppliers.delete"), (self.import_button, "suppliers.import")):
            button.setEnabled(c.can(ctx, permission))
        self.refresh()

    # ----- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.quick = QLineEdit()
        self.quick.setObjectName("supplierQuickFilter")
        self.quick.setPlaceholderText(self.tr("Filter suppliers… (Ctrl+F)"))
        self.quick.setClearButtonEnabled(True)
        self.quick.textChanged.connect(self.proxy.set_quick_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.quick.setFocus)
        bar.addWidget(self.quick, 2)
        self.class_filter = self._combo_filter(COL_CLASS, c.IMPORTANCE, self.tr("All classes"))
        self.status_filter = self._combo_filter(COL_STATUS, c.STATUS, self.tr("All statuses"))
        self.relationship_filter = self._combo_filter(COL_RELATIONSHIP, c.RELATIONSHIP, self.tr("All relationships"))
        self.category_filter = QComboBox()
        self.category_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_column_filter(COL_CATEGORY, self.category_filter.currentData()))
        self.validity_filter = QComboBox()
        self.validity_filter.addItem(self.tr("Any approval validity"), "")
        self.validity_filter.addItem(self.tr("Approval expiring within 60 days"), "expiring")
        self.validity_filter.addItem(self.tr("Approval expired"), "expired")
        self.validity_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_validity_filter(self.validity_filter.currentData()))
        for box in (self.class_filter, self.status_filter, self.relationship_filter, self.category_filter,
                    self.validity_filter):
            bar.addWidget(box)
        layout.addLayout(bar)

        tools = QHBoxLayout()
        self.add_button = self._button(self.tr("&Add…"), self.add_supplier, "Ctrl+N", self.tr("Add a supplier (Ctrl+N)"))
        self.duplicate_button = self._button(self.tr("&Duplicate"), self.duplicate_supplier, "Ctrl+D",
                                             self.tr("Copy the selected supplier (Ctrl+D)"))
        self.delete_button = self._button(self.tr("De&lete…"), self.delete_supplier, "",
                                          self.tr("Delete the selected supplier (Del)"))
        self.undo_button = self._button(self.tr("Undo"), self.undo_stack.undo, "Ctrl+Z", self.tr("Undo the last edit (Ctrl+Z)"))
        self.redo_button = self._button(self.tr("Redo"), self.undo_stack.redo, "Ctrl+Y", self.tr("Redo (Ctrl+Y)"))
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.import_button = self._button(self.tr("&Import…"), self.import_file, "", self.tr("Import suppliers from CSV or Excel"))
        self.export_button = self._button(self.tr("E&xport…"), self.export_file, "", self.tr("Export the suppliers to CSV or Excel"))
        for b in (self.add_button, self.duplicate_button, self.delete_button, self.undo_button, self.redo_button):
            tools.addWidget(b)
        tools.addStretch(1)
        self.count_label = QLabel()
        tools.addWidget(self.count_label)
        tools.addWidget(self.import_button)
        tools.addWidget(self.export_button)
        layout.addLayout(tools)

        self.table = QTableView()
        self.table.setObjectName("supplierTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegateForColumn(COL_CLASS, CodeComboDelegate({k: k for k in c.IMPORTANCE}, self.table))
        self.table.setItemDelegateForColumn(COL_RELATIONSHIP, CodeComboDelegate(c.RELATIONSHIP, self.table))
        header = self.table.horizontalHeader()
        for col, width in ((COL_CODE, 80), (COL_NAME_ZH, 220), (COL_NAME_EN, 230), (COL_CATEGORY, 150),
                           (COL_CLASS, 110), (COL_RELATIONSHIP, 100), (COL_STATUS, 110), (COL_VALID, 140), (COL_GRADE, 90)):
            header.resizeSection(col, width)
        # the name in the other language goes last, so the UI language's name stands next to the code
        other = COL_NAME_EN if self.ctx.language == "zh_CN" else COL_NAME_ZH
        header.moveSection(header.visualIndex(other), len(FIELDS) - 1)
        c.remember_header(self.table, self.ctx.settings, "suppliers/grid_header")
        readable_headers(self.table)  # no title cut, in either language
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_supplier,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("supplierGridMessage")
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

    def _combo_filter(self, column: int, table: dict[str, str], everything: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for code in table:
            box.addItem(c.label(table, code), code)
        box.currentIndexChanged.connect(lambda: self.proxy.set_column_filter(column, box.currentData()))
        return box

    # ----- data ---------------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_supplier_id()
        records = self.sup.supplier_rows(self.ctx.database, grade_kind=c.grade_kind(self.ctx))  # plain rows, no frame
        values = attrgetter(*FIELDS)
        self.model.set_rows([r.id for r in records], [list(values(r)) for r in records])
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for cat in sorted({str(r.category) for r in records if r.category}):
            self.category_filter.addItem(cat, cat)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0))
        self.category_filter.blockSignals(False)
        self.update_count()
        if keep is not None:
            self.select_supplier(keep)

    def update_count(self) -> None:
        """How many suppliers the filters show, out of how many (the count follows every filter)."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("Suppliers: {n}").replace("{n}", f"{total:,}") if shown == total else \
            self.tr("Suppliers: {shown} of {n}").replace("{shown}", f"{shown:,}").replace("{n}", f"{total:,}")
        self.count_label.setText(text)

    def _write(self, supplier_id: int, field: str, value: Any) -> dict:
        row = self.sup.update_supplier(self.ctx.database, supplier_id, {field: value})
        self.message.clear()
        return dataclasses.asdict(row) if dataclasses.is_dataclass(row) else dict(row or {})

    def _show_rejection(self, text: str) -> None:
        self.message.setText(text)
        QMessageBox.warning(self, self.tr("Value refused"), text)

    def current_supplier_id(self) -> int | None:
        row = c.selected_source_row(self.table) if self.table.selectionModel() else None
        return None if row is None else self.model.supplier_id(row)

    def select_supplier(self, supplier_id: int) -> None:
        row = self.model.row_of(supplier_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_supplier_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    # ----- actions ------------------------------------------------------------------------------------
    def add_supplier(self) -> None:
        from app.views.suppliers.dialogs import SupplierDialog

        dialog = SupplierDialog(self.sup.validate_field, self,
                                submit=lambda values: self.sup.create_supplier(self.ctx.database, values))
        if dialog.exec() != QDialog.DialogCode.Accepted:  # a refused save (duplicate code …) keeps the dialog open
            return
        self.refresh(keep=dialog.created)
        self.suppliers_changed.emit()

    def duplicate_supplier(self) -> None:
        sid = self.current_supplier_id()
        if sid is None:
            return
        try:
            new_id = self.sup.duplicate_supplier(self.ctx.database, sid)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Duplicate supplier"), c.error_text(exc))
            return
        self.refresh(keep=new_id)
        self.suppliers_changed.emit()

    def delete_supplier(self) -> None:
        sid = self.current_supplier_id()
        if sid is None:
            return
        rec = self.model.record(self.model.row_of(sid))
        question = self.tr("Delete supplier {code} {name} with all its contacts, certificates, surveys, audits "
                           "and corrective actions? This cannot be undone.") \
            .replace("{code}", str(rec["code"])).replace("{name}", c.supplier_name(rec, self.ctx.language))
        if not c.confirm(self, self.tr("Delete supplier"), question):
            return
        self.sup.delete_supplier(self.ctx.database, sid)
        self.undo_stack.clear()  # older edits may point at the deleted row
        self.refresh()
        self.suppliers_changed.emit()

    def import_file(self, path: str | None = None) -> bool:
        from app.models.suppliers import imports as simport
        from app.views.suppliers.dialogs import ImportErrorsDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import suppliers"), "",
                                                  self.tr("Spreadsheets (*.xlsx *.csv)"))
            if not path:
                return False
        try:
            result = simport.import_suppliers(self.ctx.database, path)
        except simport.SupplierImportError as exc:
            ImportErrorsDialog(exc.errors, self).exec()
            return False
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Import suppliers"), str(exc))
            return False
        self.undo_stack.clear()
        self.refresh()
        self.suppliers_changed.emit()
        QMessageBox.information(self, self.tr("Import suppliers"),
                                self.tr("Imported: {created} new, {updated} updated.")
                                .replace("{created}", str(result.created)).replace("{updated}", str(result.updated)))
        return True

    def export_file(self, path: str | None = None) -> str | None:
        from app.models.suppliers import imports as simport

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export suppliers"), "suppliers.xlsx",
                                                  self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        try:
            simport.export_suppliers(self.ctx.database, path, lang=self.ctx.language, grade_kind=c.grade_kind(self.ctx))
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Export suppliers"), str(exc))
            return None
        return path

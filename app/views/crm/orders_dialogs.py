"""The customer orders dialogs: the ERP import with its column mapping, and an order entered by hand.

``ImportDialog(ctx)``: choose a CSV/xlsx file, see its first rows, map each field of an order line
to a column of the file (pre-filled by the headers' names and by a remembered mapping the user
picks), optionally remember the mapping under a name, run the import in the background. A refused
file lists every row error (row, column, reason) and nothing is imported.

``OrderDialog(ctx, order_id=None, customer_id=None)``: header (customer, number, date, currency)
and a lines grid (part code, part name, quantity, amount, margin) whose cells are checked as they
are typed (a bad cell is refused and stays red with the reason), add/remove line, Ctrl+Z/Ctrl+Y
over every line edit, totals underneath.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QMessageBox, QProgressBar, QPushButton, QTableWidget,
    QTableWidgetItem, QTableView, QVBoxLayout, QWidget,
)

from app.models.crm import orders
from app.views.core.table_models import readable_headers

translate = QCoreApplication.translate


def field_label(name: str) -> str:
    return {
        "order_no": translate("CrmOrders", "Order number"),
        "customer": translate("CrmOrders", "Customer code"),
        "order_date": translate("CrmOrders", "Order date"),
        "part_code": translate("CrmOrders", "Part code"),
        "part_name": translate("CrmOrders", "Part name"),
        "quantity": translate("CrmOrders", "Quantity"),
        "amount": translate("CrmOrders", "Amount"),
        "margin": translate("CrmOrders", "Margin"),
        "currency": translate("CrmOrders", "Currency"),
    }.get(name, name)


def row_error_reason(err, lang: str) -> str:
    from app.commands import messages

    key = getattr(err, "key", None)
    if key and key in messages.EN:
        try:
            return messages.t(key, lang, **messages.localised_params(err.params or {}, lang))
        except Exception:  # a parameter the text does not name: fall back to the service's reason
            return err.reason
    return err.reason


def _can(ctx, key: str) -> bool:
    from app.views.suppliers.common import can

    return can(ctx, key)


def _refusal(exc: BaseException, lang: str) -> str:
    if hasattr(exc, "text"):
        try:
            return exc.text(lang)
        except TypeError:
            pass
    from app.views.suppliers.common import error_text

    return error_text(exc)


# ---- import ----------------------------------------------------------------------------------------
class ImportDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import customer orders"))
        self.path: Path | None = None
        self.header: list[str] = []
        self.result: orders.ImportResult | None = None
        self.saved = orders.mappings(ctx.database)

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV or Excel file exported from the ERP"))
        self.browse_button = QPushButton(self.tr("&Choose file…"))
        self.browse_button.clicked.connect(lambda: self.choose_file())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.browse_button)

        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setObjectName("ordersImportPreview")

        self.saved_combo = QComboBox()
        self.saved_combo.addItem(self.tr("(guess from the headers)"), "")
        for name in self.saved:
            self.saved_combo.addItem(name, name)
        self.saved_combo.currentIndexChanged.connect(lambda _i: self.apply_saved())
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Remembered mapping:")), 0, 0)
        grid.addWidget(self.saved_combo, 0, 1, 1, 3)
        self.combos: dict[str, QComboBox] = {}
        for i, name in enumerate(orders.FIELDS):
            label = field_label(name) + (" *" if name in orders.REQUIRED_FIELDS else "")
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self._check())
            r, c = 1 + i // 2, (i % 2) * 2
            grid.addWidget(QLabel(label), r, c)
            grid.addWidget(combo, r, c + 1)
            self.combos[name] = combo
        self.remember_edit = QLineEdit()
        self.remember_edit.setPlaceholderText(self.tr("leave empty to not remember"))
        grid.addWidget(QLabel(self.tr("Remember this mapping as:")), 6, 0)
        grid.addWidget(self.remember_edit, 6, 1, 1, 3)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.errors = QListWidget()
        self.errors.setObjectName("ordersImportErrors")
        self.errors.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(lambda: self.run())
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(QLabel(self.tr("First rows of the file:")))
        lay.addWidget(self.preview, 2)
        lay.addLayout(grid)
        lay.addWidget(self.message)
        lay.addWidget(self.errors, 2)
        lay.addWidget(self.progress)
        lay.addWidget(self.buttons)
        self.resize(900, 700)
        self._fill_combos()

    # -- file and mapping
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Order file"), "",
                                              self.tr("Order files (*.csv *.xlsx);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        self.errors.clear()
        self.errors.hide()
        try:
            header, rows = orders.preview(path)
        except orders.OrderImportError as exc:
            self.header = []
            self.path = None
            self.message.setText("\n".join(row_error_reason(e, self.ctx.language) for e in exc.errors))
            self._fill_combos()
            return
        self.path = Path(path)
        self.file_edit.setText(str(path))
        self.header = [h for h in header if h]
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[:len(header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()
        self._fill_combos()
        # a remembered mapping whose columns are all in this file is offered first
        for name, m in self.saved.items():
            if m and set(m.values()) <= set(self.header):
                self.saved_combo.setCurrentIndex(self.saved_combo.findData(name))
                break
        self.apply_saved()

    def _fill_combos(self) -> None:
        guess = orders.guess_mapping(self.header)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), "")
            for h in self.header:
                combo.addItem(h, h)
            if guess.get(name):
                combo.setCurrentIndex(combo.findData(guess[name]))
            combo.blockSignals(False)
        self._check()

    def apply_saved(self) -> None:
        name = self.saved_combo.currentData()
        start = orders.guess_mapping(self.header)
        if name:
            start = {k: v for k, v in self.saved.get(name, {}).items() if v in self.header}
            if not self.remember_edit.text():
                self.remember_edit.setText(name)
        for field, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(start.get(field, ""))))
        self._check()

    def mapping(self) -> dict[str, str]:
        return {k: c.currentData() for k, c in self.combos.items() if c.currentData()}

    def problems(self) -> list[str]:
        if self.path is None:
            return [self.tr("Choose the file to import.")]
        m = self.mapping()
        out = [self.tr("Choose the column of: %1").replace("%1", field_label(f))
               for f in orders.REQUIRED_FIELDS if f not in m]
        used: dict[str, str] = {}
        for key, h in m.items():
            if h in used:
                out.append(self.tr("The column %1 is used for both %2 and %3.").replace("%1", h)
                           .replace("%2", field_label(used[h])).replace("%3", field_label(key)))
            used.setdefault(h, key)
        return out

    def _check(self, *, say: bool = True) -> None:
        problems = self.problems()
        if say:  # after a run the message says how it went; only the button follows the mapping
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText("\n".join(problems))
        self.run_button.setEnabled(not problems and _can(self.ctx, "crm.orders"))

    # -- run
    def run(self) -> None:
        if self.problems():
            return
        self.errors.clear()
        self.errors.hide()
        self.run_button.setEnabled(False)
        self.progress.show()
        self.message.setText(self.tr("Importing…"))
        db, path, mapping, name = self.ctx.database, self.path, self.mapping(), self.remember_edit.text().strip()

        def work(*, state):
            state.progress(0.1, "")
            result = orders.import_orders(db, path, mapping=mapping)
            if name:
                orders.save_mapping(db, name, mapping)
            state.progress(1.0, "")
            return result

        self.ctx.tasks.run(work, on_done=self._done, on_error=self._failed, label=self.tr("Importing orders"))

    def _done(self, result: orders.ImportResult) -> None:
        self.progress.hide()
        self.result = result
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Imported %1 orders with %2 lines (%3 linked to the customer's parts).")
                             .replace("%1", str(result.orders)).replace("%2", str(result.lines))
                             .replace("%3", str(result.linked_parts)))
        self.saved = orders.mappings(self.ctx.database)
        self._check(say=False)

    def _failed(self, exc: Exception, _tb: str = "") -> None:
        self.progress.hide()
        self.message.setStyleSheet("color: #b00020;")
        if isinstance(exc, orders.OrderImportError):
            self.message.setText(self.tr("The file was refused; nothing was imported. %1 problem(s):")
                                 .replace("%1", str(len(exc.errors))))
            for e in exc.errors:
                column = field_label(e.column) if e.column else "—"
                self.errors.addItem(self.tr("Row %1, %2: %3").replace("%1", str(e.line)).replace("%2", column)
                                    .replace("%3", row_error_reason(e, self.ctx.language)))
            self.errors.show()
        else:
            self.message.setText(_refusal(exc, self.ctx.language))
        self._check(say=False)


# ---- one order by hand ----------------------------------------------------------------------------
LINE_FIELDS = ("part_code", "part_name", "quantity", "amount", "margin")
NUMERIC = {"quantity", "amount", "margin"}


def check_cell(field: str, text: str) -> tuple[Any, str | None]:
    """The value of a typed cell, or the reason it is refused."""
    text = (text or "").strip()
    if field not in NUMERIC:
        limit = 60 if field == "part_code" else 200
        if len(text) > limit:
            return text, translate("CrmOrders", "at most %1 characters").replace("%1", str(limit))
        return text, None
    try:
        value = float(text.replace(",", "")) if text else 0.0
    except ValueError:
        return text, translate("CrmOrders", "not a number")
    if field != "margin" and value < 0:
        return value, translate("CrmOrders", "must not be negative")
    return value, None


class _SetCell(QUndoCommand):
    def __init__(self, model: "LinesModel", row: int, field: str, old: Any, new: Any) -> None:
        super().__init__()
        self.model, self.row, self.field, self.old, self.new = model, row, field, old, new

    def redo(self) -> None:
        self.model._set(self.row, self.field, self.new)

    def undo(self) -> None:
        self.model._set(self.row, self.field, self.old)


class _InsertLine(QUndoCommand):
    def __init__(self, model: "LinesModel", row: int, line: dict[str, Any], remove: bool = False) -> None:
        super().__init__()
        self.model, self.row, self.line, self.remove = model, row, dict(line), remove

    def redo(self) -> None:
        (self.model._remove if self.remove else self.model._insert)(self.row, self.line)

    def undo(self) -> None:
        (self.model._insert if self.remove else self.model._remove)(self.row, self.line)


class LinesModel(QAbstractTableModel):
    """The order's lines; every edit goes through the undo stack; a refused cell keeps its reason."""

    def __init__(self, lines: list[dict[str, Any]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.lines = [dict(ln) for ln in (lines or [])]
        self.refused: dict[tuple[int, str], tuple[str, str]] = {}  # (row, field) -> (text, reason)
        self.undo = QUndoStack(self)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(LINE_FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return field_label(LINE_FIELDS[section])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = LINE_FIELDS[index.column()]
        bad = self.refused.get((index.row(), field))
        value = self.lines[index.row()].get(field, "" if field not in NUMERIC else 0.0)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if bad:
                return bad[0]
            return f"{value:,.2f}" if field in NUMERIC and role == Qt.ItemDataRole.DisplayRole else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and bad:
            return QBrush(QColor("#f8d7da"))
        if role == Qt.ItemDataRole.ToolTipRole and bad:
            return bad[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, field = index.row(), LINE_FIELDS[index.column()]
        parsed, reason = check_cell(field, str(value))
        if reason:
            self.refused[(row, field)] = (str(value), reason)
            self.dataChanged.emit(index, index)
            return False
        self.refused.pop((row, field), None)
        old = self.lines[row].get(field, "" if field not in NUMERIC else 0.0)
        if old != parsed:
            self.undo.push(_SetCell(self, row, field, old, parsed))
        else:
            self.dataChanged.emit(index, index)
        return True

    def _set(self, row: int, field: str, value: Any) -> None:
        self.lines[row][field] = value
        ix = self.index(row, LINE_FIELDS.index(field))
        self.dataChanged.emit(ix, ix)

    def _insert(self, row: int, line: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.insert(row, dict(line))
        self.endInsertRows()

    def _remove(self, row: int, _line: dict[str, Any]) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.refused = {(r - (r > row), f): v for (r, f), v in self.refused.items() if r != row}
        self.endRemoveRows()

    def add_line(self) -> int:
        row = len(self.lines)
        self.undo.push(_InsertLine(self, row, {"part_code": "", "part_name": "", "quantity": 0.0,
                                               "amount": 0.0, "margin": 0.0}))
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.undo.push(_InsertLine(self, row, self.lines[row], remove=True))

    def totals(self) -> tuple[float, float, float]:
        return (sum(float(ln.get("quantity") or 0) for ln in self.lines),
                sum(float(ln.get("amount") or 0) for ln in self.lines),
                sum(float(ln.get("margin") or 0) for ln in self.lines))


class OrderDialog(QDialog):
    def __init__(self, ctx, order_id: int | None = None, customer_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.saved_id: int | None = None
        detail = orders.order_detail(ctx.database, order_id) if order_id else None
        self.setWindowTitle(self.tr("Edit order") if detail else self.tr("New order"))
        self.customer_combo = QComboBox()
        self.customer_combo.setEditable(False)
        zh = ctx.language == "zh_CN"
        for cid, code, name_zh, name_en in orders.customer_choices(ctx.database):
            self.customer_combo.addItem(f"{code}  {(name_zh if zh else name_en) or name_zh or name_en or ''}", cid)
        want = detail.customer_id if detail else customer_id
        if want is not None:
            self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(want)))
        self.number_edit = QLineEdit(detail.order_no if detail else "")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        d = detail.order_date if detail else date.today()
        self.date_edit.setDate(QDate(d.year, d.month, d.day))
        self.currency_edit = QLineEdit(detail.currency if detail else "CNY")
        self.currency_edit.setMaxLength(3)
        self.note_edit = QLineEdit(detail.note if detail else "")
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.customer_combo)
        form.addRow(self.tr("Order number:"), self.number_edit)
        form.addRow(self.tr("Order date:"), self.date_edit)
        form.addRow(self.tr("Currency:"), self.currency_edit)
        form.addRow(self.tr("Note:"), self.note_edit)

        self.model = LinesModel(list(detail.lines) if detail else [], self)
        if not self.model.lines:
            self.model.add_line()
            self.model.undo.clear()
        self.view = QTableView()
        self.view.setObjectName("orderLines")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        readable_headers(self.view)
        self.view.setColumnWidth(1, 260)
        self.add_button = QPushButton(self.tr("&Add line"))
        self.remove_button = QPushButton(self.tr("&Remove line"))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.redo_button = QPushButton(self.tr("Re&do"))
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button.clicked.connect(lambda: self.model.remove_line(self.view.currentIndex().row()))
        self.undo_button.clicked.connect(lambda: self.model.undo.undo())
        self.redo_button.clicked.connect(lambda: self.model.undo.redo())
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.model.undo.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=self.model.undo.redo)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.add_line)
        self.model.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.model.undo.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        bar = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.undo_button, self.redo_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.totals = QLabel()
        bar.addWidget(self.totals)
        for sig in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            sig.connect(lambda *_: self._update())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(_can(ctx, "crm.orders"))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.view, 1)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(860, 600)
        self._update()

    def add_line(self) -> None:
        row = self.model.add_line()
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _update(self) -> None:
        qty, amount, margin = self.model.totals()
        self.totals.setText(self.tr("Lines %1 · quantity %2 · amount %3 · margin %4")
                            .replace("%1", str(len(self.model.lines))).replace("%2", f"{qty:,.2f}")
                            .replace("%3", f"{amount:,.2f}").replace("%4", f"{margin:,.2f}"))
        if self.model.refused:
            (row, field), (_text, reason) = sorted(self.model.refused.items())[0]
            self.message.setText(self.tr("Line %1, %2: %3").replace("%1", str(row + 1))
                                 .replace("%2", field_label(field)).replace("%3", reason))

    def problems(self) -> list[str]:
        out = []
        if self.customer_combo.currentData() is None:
            out.append(self.tr("Choose the customer."))
        if not self.number_edit.text().strip():
            out.append(self.tr("Order number: a value is required."))
        if not self.model.lines:
            out.append(self.tr("Add at least one line."))
        for (row, field), (_text, reason) in sorted(self.model.refused.items()):
            out.append(self.tr("Line %1, %2: %3").replace("%1", str(row + 1)).replace("%2", field_label(field))
                       .replace("%3", reason))
        return out

    def values(self) -> dict[str, Any]:
        return {"customer_id": self.customer_combo.currentData(), "order_no": self.number_edit.text().strip(),
                "order_date": self.date_edit.date().toPython(), "currency": self.currency_edit.text().strip() or "CNY",
                "note": self.note_edit.text()}

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.message.setText("\n".join(problems))
            return
        try:
            if self.order_id:
                self.saved_id = orders.update_order(self.ctx.database, self.order_id, self.values(), self.model.lines)
            else:
                self.saved_id = orders.save_order(self.ctx.database, self.values(), self.model.lines)
        except Exception as exc:  # a refusal: shown, the dialog keeps what was typed
            self.message.setText(_refusal(exc, self.ctx.language))
            return
        self.accept()

"""Supplier development plans (供应商开发/改进计划): an editable table of weak area, actions,
owner, due date, status, re-evaluation date and outcome. Every cell edit is one service call."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.views.suppliers import common as c
from app.views.suppliers.grid import CodeComboDelegate
from app.views.core.table_models import SORT_ROLE
from app.views.core.table_models import readable_headers

translate = QCoreApplication.translate
PLAN_FIELDS = ("weak_area", "actions", "owner", "due_on", "status", "reevaluate_on", "outcome")
PLAN_TITLES = (QT_TRANSLATE_NOOP("Suppliers", "Weak area"), QT_TRANSLATE_NOOP("Suppliers", "Actions"),
               QT_TRANSLATE_NOOP("Suppliers", "Owner"), QT_TRANSLATE_NOOP("Suppliers", "Due on"),
               QT_TRANSLATE_NOOP("Suppliers", "Status"), QT_TRANSLATE_NOOP("Suppliers", "Re-evaluate on"),
               QT_TRANSLATE_NOOP("Suppliers", "Outcome"))
DATE_FIELDS = ("due_on", "reevaluate_on")


class DevelopmentPlanModel(QAbstractTableModel):
    """Rows are dicts from ``DevelopmentPlanRow``; ``writer(plan_id, field, value)`` saves one cell."""

    edit_rejected = Signal(str)

    def __init__(self, writer=None, parent=None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(PLAN_FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(PLAN_FIELDS):
            return c.tr(PLAN_TITLES[section])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.writer else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        field = PLAN_FIELDS[index.column()]
        v = row.get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            return c.label(c.PLAN_STATUS, v) if field == "status" else c.fmt_date(v) if field in DATE_FIELDS else (v or "")
        if role == Qt.ItemDataRole.EditRole:
            return c.fmt_date(v) if field in DATE_FIELDS else (v or "")
        if role == SORT_ROLE:
            return v.toordinal() if isinstance(v, date) else v
        if role == Qt.ItemDataRole.ForegroundRole and field == "due_on" and row.get("overdue"):
            return c.RED
        if role == Qt.ItemDataRole.ToolTipRole and field == "due_on" and row.get("overdue"):
            return translate("Suppliers", "Overdue")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.writer:
            return False
        field = PLAN_FIELDS[index.column()]
        value = value.strip() if isinstance(value, str) else value
        if field in DATE_FIELDS and value:
            try:
                value = date.fromisoformat(str(value))
            except ValueError:
                self.edit_rejected.emit(translate("Suppliers", "Enter the date as YYYY-MM-DD, e.g. 2026-06-30."))
                return False
        row = self.rows[index.row()]
        try:
            saved = self.writer(int(row["id"]), field, value or None if field in DATE_FIELDS else value)
        except Exception as exc:  # the service's ValidationError
            self.edit_rejected.emit(c.error_text(exc))
            return False
        self.rows[index.row()] = dataclasses.asdict(saved) if dataclasses.is_dataclass(saved) else {**row, field: value}
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(PLAN_FIELDS) - 1))
        return True


class DevelopmentPlansWidget(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import approval

        self.ctx = ctx
        self.service = approval
        self.supplier_id: int | None = None
        self.model = DevelopmentPlanModel(self._write, self)
        self.model.edit_rejected.connect(self._rejected)
        self.table = QTableView()
        readable_headers(self.table)
        self.table.setObjectName("developmentPlanTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PLAN_FIELDS.index("status"), CodeComboDelegate(c.PLAN_STATUS, self.table))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((160, 220, 90, 90, 90, 100)):
            self.table.setColumnWidth(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add plan"))
        self.add_button.clicked.connect(self.add_plan)
        self.delete_button = QPushButton(self.tr("Remove plan"))
        self.delete_button.clicked.connect(self.delete_plan)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        for b in (self.add_button, self.delete_button):
            b.setEnabled(c.can(self.ctx, "development.edit"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        row.addWidget(self.message, 1)
        layout.addLayout(row)

    def set_supplier(self, supplier_id: int | None) -> None:
        self.supplier_id = supplier_id
        self.refresh()

    def refresh(self) -> None:
        rows = [] if self.supplier_id is None else \
            self.service.list_development_plans(self.ctx.database, supplier_id=self.supplier_id)
        self.model.set_rows(rows)
        self.message.clear()

    def _write(self, plan_id: int, field: str, value: Any):
        saved = self.service.update_development_plan(self.ctx.database, plan_id, {field: value})
        self.message.clear()
        return saved

    def _rejected(self, text: str) -> None:
        self.message.setText(text)

    def add_plan(self) -> None:
        if self.supplier_id is None:
            return
        try:
            self.service.create_development_plan(self.ctx.database, self.supplier_id, {
                "weak_area": self.tr("New weak area"), "source": "other", "status": "planned",
                "owner": c.current_user(self.ctx)})
        except Exception as exc:
            self._rejected(c.error_text(exc))
            return
        self.refresh()
        self.table.edit(self.model.index(self.model.rowCount() - 1, 0))

    def delete_plan(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if c.confirm(self, self.tr("Remove plan"), self.tr("Remove this development plan?")):
            self.service.delete_development_plan(self.ctx.database, int(self.model.rows[index.row()]["id"]))
            self.refresh()

"""Checklist template editor: items in a grid (add, remove, move up/down, weight, scoring rule),
JSON import and export. The grid becomes a checklist document that the service validates and
saves as a whole (``audits.save_template``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.engines.audit import checklist_to_dict
from app.views.suppliers import common as c
from app.views.core.table_models import readable_headers

COL_KEY, COL_SECTION, COL_CLAUSE, COL_ZH, COL_EN, COL_WEIGHT, COL_MAX, COL_NA = range(8)


class TemplateEditor(QWidget):
    """Edit one checklist template at a time; ``save()`` writes it through the service."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import audits

        self.ctx = ctx
        self.service = audits
        self.setObjectName("templateEditor")
        self.doc: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.template = QComboBox()
        self.template.setObjectName("templateChoice")
        self.template.currentIndexChanged.connect(lambda _i: self.load(self.template.currentData()))
        top.addWidget(QLabel(self.tr("Checklist:")))
        top.addWidget(self.template, 1)
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.import_button.clicked.connect(lambda: self.import_json())
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.export_button.clicked.connect(lambda: self.export_json())
        self.reset_button = QPushButton(self.tr("Reset to shipped"))
        self.reset_button.clicked.connect(self.reset)
        for b in (self.import_button, self.export_button, self.reset_button):
            top.addWidget(b)
        layout.addLayout(top)
        self.table = QTableWidget(0, 8)
        readable_headers(self.table)
        self.table.setObjectName("templateItems")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Section"), self.tr("Clause"),
                                              self.tr("Requirement (Chinese)"), self.tr("Requirement (English)"),
                                              self.tr("Weight"), self.tr("Max score"), self.tr("N/A allowed")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ZH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EN, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_KEY, 90), (COL_SECTION, 190), (COL_CLAUSE, 110), (COL_WEIGHT, 60), (COL_MAX, 70),
                           (COL_NA, 80)):
            header.resizeSection(col, width)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot, key in ((self.tr("Add item"), self.add_item, "Ctrl+Ins"),
                                (self.tr("Remove item"), self.remove_item, ""),
                                (self.tr("Move up"), lambda: self.move(-1), "Ctrl+Up"),
                                (self.tr("Move down"), lambda: self.move(1), "Ctrl+Down")):
            b = QPushButton(text)
            b.clicked.connect(lambda *_, s=slot: s())
            if key:
                b.setShortcut(key)
            row.addWidget(b)
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save template"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save())
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.may_edit = c.can(ctx, "audits.templates")  # others see the templates, read-only
        for b in (self.import_button, self.save_button):
            b.setEnabled(self.may_edit)
        self.reload_templates()

    # ----- loading ----------------------------------------------------------------------------
    def reload_templates(self, keep: str | None = None) -> None:
        keep = keep or self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for t in self.service.list_templates(self.ctx.database):
            title = t.title_zh if self.ctx.language == "zh_CN" else t.title_en
            self.template.addItem(f"{title} ({t.key}, v{t.version})", t.key)
        self.template.blockSignals(False)
        i = self.template.findData(keep) if keep else 0
        self.template.setCurrentIndex(max(i, 0))
        self.load(self.template.currentData())

    def load(self, key: str | None) -> None:
        if not key:
            return
        self.doc = checklist_to_dict(self.service.get_template(self.ctx.database, key))
        self.reset_button.setEnabled(key in ("qms", "process", "product") and self.may_edit)
        default = self.doc.get("scoring") or {}
        self.table.setRowCount(0)
        for it in self.doc["items"]:
            rule = {**default, **(it.get("scoring") or {})}
            self._append(it, int(rule.get("max", 3)), bool(rule.get("na_allowed", True)))
        self.message.clear()

    def _section_box(self, value: str) -> QComboBox:
        box = QComboBox()
        lang = self.ctx.language
        for s in self.doc["sections"]:
            box.addItem(f"{s['key']} {s['title_zh'] if lang == 'zh_CN' else s['title_en']}", s["key"])
        box.setCurrentIndex(max(box.findData(value), 0))
        return box

    def _append(self, it: dict[str, Any], max_score: int, na: bool, row: int | None = None) -> int:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        for col, key in ((COL_KEY, "key"), (COL_CLAUSE, "clause"), (COL_ZH, "text_zh"), (COL_EN, "text_en")):
            item = QTableWidgetItem(str(it.get(key, "")))
            if col in (COL_ZH, COL_EN):
                item.setToolTip(item.text())  # the requirement in full, however narrow the column
            self.table.setItem(row, col, item)
        self.table.setCellWidget(row, COL_SECTION, self._section_box(it.get("section", "")))
        self.table.setItem(row, COL_WEIGHT, QTableWidgetItem(f"{float(it.get('weight', 1.0)):g}"))
        spin = QSpinBox()
        spin.setRange(1, 100)
        spin.setValue(max_score)
        self.table.setCellWidget(row, COL_MAX, spin)
        check = QCheckBox()
        check.setChecked(na)
        self.table.setCellWidget(row, COL_NA, check)
        return row

    def _row_values(self, row: int) -> tuple[dict[str, Any], int, bool]:
        text = lambda col: (self.table.item(row, col).text().strip() if self.table.item(row, col) else "")  # noqa: E731
        weight_text = text(COL_WEIGHT)
        try:
            weight: Any = float(weight_text)
        except ValueError:
            weight = weight_text  # the checklist parser names the bad row
        item = {"key": text(COL_KEY), "section": self.table.cellWidget(row, COL_SECTION).currentData(),
                "clause": text(COL_CLAUSE), "text_zh": text(COL_ZH), "text_en": text(COL_EN), "weight": weight}
        return item, self.table.cellWidget(row, COL_MAX).value(), self.table.cellWidget(row, COL_NA).isChecked()

    def document(self) -> dict[str, Any]:
        """The grid as a checklist JSON document (validated by the service on save)."""
        items = []
        for row in range(self.table.rowCount()):
            item, max_score, na = self._row_values(row)
            item["scoring"] = {"max": max_score, "na_allowed": na}
            items.append(item)
        return {**self.doc, "items": items}

    # ----- editing ----------------------------------------------------------------------------
    def add_item(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        keys = {self._row_values(r)[0]["key"] for r in range(self.table.rowCount())}
        n = self.table.rowCount() + 1
        while f"{self.doc.get('key', 'item')}-{n:02d}" in keys:
            n += 1
        section = self._row_values(row - 1)[0]["section"] if row > 0 else self.doc["sections"][0]["key"]
        default = self.doc.get("scoring") or {}
        self._append({"key": f"{self.doc.get('key', 'item')}-{n:02d}", "section": section, "weight": 1.0},
                     int(default.get("max", 3)), bool(default.get("na_allowed", True)), row)
        self.table.setCurrentCell(row, COL_ZH)

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        item, max_score, na = self._row_values(row)
        self.table.removeRow(row)
        self._append(item, max_score, na, target)
        self.table.setCurrentCell(target, COL_ZH)

    # ----- saving, import, export -----------------------------------------------------------------
    def _ok(self, text: str) -> None:
        self.message.setStyleSheet("color: #1e8449;")
        self.message.setText(text)

    def _fail(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(c.error_text(exc))

    def save(self) -> bool:
        try:
            row = self.service.save_template(self.ctx.database, self.document())
        except Exception as exc:  # ValidationError naming the bad item
            self._fail(exc)
            return False
        self.reload_templates(keep=row.key)
        self._ok(self.tr("Saved as version {v}.").replace("{v}", str(row.version)))
        return True

    def reset(self) -> None:
        key = self.template.currentData()
        if key and c.confirm(self, self.tr("Reset to shipped"), self.tr("Replace this checklist with the shipped one?")):
            self.service.reset_template(self.ctx.database, key)
            self.reload_templates(keep=key)

    def export_json(self, path: str | None = None) -> str | None:
        key = self.template.currentData()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export checklist"), f"{key}.json",
                                                  self.tr("Checklist (*.json)"))
            if not path:
                return None
        self.service.export_template(self.ctx.database, key, path)
        self._ok(self.tr("Exported to {path}.").replace("{path}", path))
        return path

    def import_json(self, path: str | None = None, *, replace: bool | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import checklist"), "", self.tr("Checklist (*.json)"))
            if not path:
                return False
        try:
            row = self.service.import_template(self.ctx.database, path, replace=bool(replace))
        except Exception as exc:
            if getattr(exc, "code", "") == "exists" and replace is None and \
                    c.confirm(self, self.tr("Import checklist"), self.tr("A checklist with this key exists. Replace it?")):
                return self.import_json(path, replace=True)
            self._fail(exc)
            return False
        self.reload_templates(keep=row.key)
        self._ok(self.tr("Imported {key}.").replace("{key}", row.key))
        return True


class TemplateEditorDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checklist templates"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        self.editor = TemplateEditor(ctx, self)
        layout.addWidget(self.editor)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

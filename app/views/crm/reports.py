"""The CRM reports page (报表): the report families and the saved custom reports on the left, a
period, Run and the exports on top, each section of the report as a pyqtgraph chart (own "Save as
PNG…") beside its table. The custom report builder is :class:`CustomReportDialog`. Figures come
from ``app.models.crm.reports``; section and column texts from the report's own dictionaries
(``app.reports.crm_reports``), so the screen, the PDF and the xlsx say the same."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,  # noqa: E402
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QScrollArea, QSizePolicy, QTableView, QVBoxLayout, QWidget)

from app.models.crm import reports  # noqa: E402
from app.models.crm.reports_errors import ReportError  # noqa: E402
from app.reports import crm_reports as texts  # noqa: E402
from app.views.core.table_models import Column, DataFrameTableModel, readable_headers  # noqa: E402

FAMILY_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _plot(parent: QWidget) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)
    plot.setMinimumHeight(170)
    plot.getAxis("left").setWidth(48)
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setPen(pg.mkPen("#555555"))
        plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
    return plot


class SectionBox(QGroupBox):
    """One section: its chart (if any) with "Save as PNG…", and its table."""

    def __init__(self, section: reports.Section, lang: str, parent=None) -> None:
        super().__init__(texts.section_title(section, lang), parent)
        self.section = section
        layout = QVBoxLayout(self)
        self.plot = None
        labels, values = texts.chart_points(section, lang)
        if labels:
            self.plot = _plot(self)
            x = np.arange(len(labels))
            if section.chart == "line":
                self.plot.plot(x, values, pen=pg.mkPen("#1f5fa8", width=2), symbol="o", symbolSize=6,
                               symbolBrush="#1f5fa8")
            else:
                self.plot.addItem(pg.BarGraphItem(x=x, height=values, width=0.6, brush="#1f5fa8", pen=None))
            step = max(1, len(labels) // 10)
            self.plot.getAxis("bottom").setTicks([[(i, lb[:10]) for i, lb in enumerate(labels) if i % step == 0]])
            layout.addWidget(self.plot)
            row = QHBoxLayout()
            row.addStretch(1)
            self.save_button = QPushButton(self.tr("Save as PNG…"))
            self.save_button.clicked.connect(lambda: self.save_png())
            row.addWidget(self.save_button)
            layout.addLayout(row)
        frame = section.frame
        cols = [Column(c, (lambda c=c: texts.column_title(c, lang)),
                       format=(lambda v, c=c: texts.cell_text(v, c, lang)),
                       align_right=frame[c].dtype.kind in "fiu") for c in frame.columns]
        self.model = DataFrameTableModel(cols, frame, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(220)
        self.table.horizontalHeader().setStretchLastSection(True)
        readable_headers(self.table)
        layout.addWidget(self.table)

    def save_png(self, path: str | Path | None = None) -> Path | None:
        if self.plot is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), f"{self.section.key}.png",
                                                  self.tr("PNG image (*.png)"))
            if not path:
                return None
        self.plot.grab().save(str(path), "PNG")
        return Path(path)


class CrmReportsPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("crmReportsPage")
        self.result: reports.ReportResult | None = None
        self.boxes: list[SectionBox] = []
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Reports")))
        self.list = QListWidget(self)
        self.list.setFixedWidth(230)
        self.list.currentItemChanged.connect(lambda *_: self._selected())
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New custom report…"))
        self.new_button.clicked.connect(self.new_custom)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_custom)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_custom)
        for b in (self.new_button, self.edit_button, self.delete_button):
            left.addWidget(b)
        outer.addLayout(left)
        right = QVBoxLayout()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        self.period = QLineEdit(self)
        self.period.setPlaceholderText(self.tr("YYYY, YYYY-Qn, YYYY-MM or FROM..TO"))
        self.period.setFixedWidth(230)
        self.period.returnPressed.connect(self.run)
        bar.addWidget(self.period)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.clicked.connect(self.run)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.xlsx_button = QPushButton(self.tr("Export xlsx…"))
        self.xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        right.addLayout(bar)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        right.addWidget(self.heading)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.scroll.setWidget(self.body)
        right.addWidget(self.scroll, 1)
        outer.addLayout(right, 1)
        self.may_save = self._can("crm.reports")
        self.refresh_list()

    # ------------------------------------------------------------------ list
    def _can(self, key: str) -> bool:
        from app.views.suppliers.common import can

        return can(self.ctx, key)

    def refresh_list(self, select: tuple[str, str] | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for family, text in (("customer", self.tr("Customer report")), ("sales", self.tr("Sales report")),
                             ("campaign", self.tr("Campaign report")), ("service", self.tr("Service report"))):
            item = QListWidgetItem(text)
            item.setData(FAMILY_ROLE, family)
            item.setData(NAME_ROLE, "")
            self.list.addItem(item)
        saved = reports.saved_reports(self.ctx.database)
        for name in saved["name"]:
            item = QListWidgetItem(self.tr("Custom: {name}").replace("{name}", name))
            item.setData(FAMILY_ROLE, "custom")
            item.setData(NAME_ROLE, name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = select or ("customer", "")
        for i in range(self.list.count()):
            it = self.list.item(i)
            if (it.data(FAMILY_ROLE), it.data(NAME_ROLE)) == target:
                self.list.setCurrentRow(i)
                break

    def _current(self) -> tuple[str, str]:
        it = self.list.currentItem()
        return (it.data(FAMILY_ROLE), it.data(NAME_ROLE)) if it is not None else ("customer", "")

    def _selected(self) -> None:
        family, _ = self._current()
        custom = family == "custom"
        self.edit_button.setEnabled(custom and self.may_save)
        self.delete_button.setEnabled(custom and self.may_save)
        self.new_button.setEnabled(self.may_save)
        self.period.setEnabled(not custom)
        self.run()

    # ------------------------------------------------------------------ run and show
    def _error(self, exc: BaseException) -> None:
        from app.views.suppliers.common import error_text

        text = exc.text(self.ctx.language) if isinstance(exc, ReportError) else error_text(exc)
        QMessageBox.warning(self, self.tr("Reports"), text)

    def run(self) -> None:
        family, name = self._current()
        try:
            start, end = reports.period_range(self.period.text())
            result = reports.run_family(self.ctx.database, family, start=start, end=end, name=name)
        except ReportError as exc:
            self._error(exc)
            return
        except Exception as exc:  # noqa: BLE001 - shown as one line, logged
            from app.models.admin.permissions import PermissionDenied

            if isinstance(exc, PermissionDenied):
                self._error(exc)
                return
            from app.views.core.errors import show_unexpected

            show_unexpected(self, exc, "crm report")
            return
        self.show_result(result)

    def show_result(self, result: reports.ReportResult) -> None:
        lang = self.ctx.language
        self.result = result
        for box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes = []
        head = texts.title(result, lang)
        if result.start and result.end:
            head += f"   {result.start:%Y-%m-%d} – {result.end:%Y-%m-%d}"
        self.heading.setText(head)
        self.summary.setText("    ".join(f"{k}: {v}" for k, v in texts.summary_pairs(result, lang)))
        row, col = 0, 0
        for section in result.sections:
            box = SectionBox(section, lang, self.body)
            self.boxes.append(box)
            # a table of more than three columns (or a lone section) takes the whole width
            if len(section.frame.columns) > 3 or len(result.sections) == 1:
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(box, row, 0, 1, 2)
                row += 1
            else:
                self.grid.addWidget(box, row, col)
                row, col = (row, 1) if col == 0 else (row + 1, 0)

    def chart_images(self, folder: str | Path) -> dict[str, Path]:
        out = {}
        for box in self.boxes:
            if box.plot is not None:
                path = Path(folder) / f"{box.section.key}.png"
                box.save_png(path)
                out[box.section.key] = path
        return out

    def export(self, suffix: str, path: str | Path | None = None) -> Path | None:
        if self.result is None:
            return None
        if path is None:
            filt = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbook (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), f"report{suffix}", filt)
            if not path:
                return None
        path = Path(path)
        try:
            if suffix == ".pdf":
                with tempfile.TemporaryDirectory(prefix="qb-crm-report-") as tmp:
                    texts.write_pdf(self.result, path, lang=self.ctx.language, images=self.chart_images(tmp))
            else:
                texts.write_xlsx(self.result, path, lang=self.ctx.language)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Reports"), self.tr("Cannot write {path}: {reason}")
                                .replace("{path}", str(path)).replace("{reason}", exc.strerror or str(exc)))
            return None
        return path

    # ------------------------------------------------------------------ custom reports
    def new_custom(self) -> None:
        dlg = CustomReportDialog(self.ctx, parent=self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.refresh_list(("custom", dlg.saved_name))

    def edit_custom(self) -> None:
        family, name = self._current()
        if family != "custom":
            return
        try:
            spec = reports.load_custom(self.ctx.database, name)
        except ReportError as exc:
            self._error(exc)
            return
        dlg = CustomReportDialog(self.ctx, spec, parent=self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.refresh_list(("custom", dlg.saved_name))

    def delete_custom(self) -> None:
        family, name = self._current()
        if family != "custom":
            return
        ask = QMessageBox.question(self, self.tr("Delete"), self.tr("Delete the saved report {name}?")
                                   .replace("{name}", name))
        if ask != QMessageBox.StandardButton.Yes:
            return
        try:
            reports.delete_custom(self.ctx.database, name)
        except Exception as exc:  # noqa: BLE001 - a refusal, shown as one line
            self._error(exc)
            return
        self.refresh_list()


FILTER_ROWS = 3


class CustomReportDialog(QDialog):
    """Record type, columns (tick them), up to three filters, grouping and one aggregate; Preview
    shows it on the page, Save stores it under its name (crm.reports, on the trail)."""

    def __init__(self, ctx, spec: reports.CustomSpec | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_name = ""
        self.setObjectName("crmCustomReport")
        self.setWindowTitle(self.tr("Custom report"))
        self.resize(720, 560)
        lang = ctx.language
        self.lang = lang
        form = QFormLayout()
        self.name = QLineEdit(self)
        form.addRow(self.tr("Name"), self.name)
        self.record_type = QComboBox(self)
        for rt in reports.RECORD_TYPES:
            self.record_type.addItem(texts.texts(lang)["record_types"][rt], rt)
        form.addRow(self.tr("Record type"), self.record_type)
        self.columns = QListWidget(self)
        self.columns.setMaximumHeight(150)
        form.addRow(self.tr("Columns"), self.columns)
        self.filters: list[tuple[QComboBox, QComboBox, QLineEdit]] = []
        fbox = QWidget(self)
        fl = QGridLayout(fbox)
        fl.setContentsMargins(0, 0, 0, 0)
        for r in range(FILTER_ROWS):
            col, op, val = QComboBox(self), QComboBox(self), QLineEdit(self)
            for o in reports.OPERATORS:
                op.addItem({"contains": self.tr("contains"), "empty": self.tr("is empty"),
                            "not_empty": self.tr("is not empty")}.get(o, o), o)
            fl.addWidget(col, r, 0)
            fl.addWidget(op, r, 1)
            fl.addWidget(val, r, 2)
            self.filters.append((col, op, val))
        fbox.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form.addRow(self.tr("Filters"), fbox)
        self.group_by = QComboBox(self)
        form.addRow(self.tr("Group by"), self.group_by)
        arow = QHBoxLayout()
        self.aggregate = QComboBox(self)
        for a in ("count", "sum", "mean", "min", "max"):
            self.aggregate.addItem(texts.texts(lang)["aggregates"][a], a)
        self.aggregate_column = QComboBox(self)
        arow.addWidget(self.aggregate)
        arow.addWidget(self.aggregate_column, 1)
        form.addRow(self.tr("Aggregate"), arow)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(buttons)
        self.record_type.currentIndexChanged.connect(lambda *_: self._fill_fields())
        self._fill_fields()
        if spec is not None:
            self.set_spec(spec)

    def _fill_fields(self, keep: reports.CustomSpec | None = None) -> None:
        rt = self.record_type.currentData()
        fields = reports.record_fields(rt)
        self.columns.clear()
        for key, _kind in fields:
            item = QListWidgetItem(texts.column_title(key, self.lang))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        for combo, blank in ((self.group_by, self.tr("(no grouping)")), (self.aggregate_column, self.tr("(rows)"))):
            combo.clear()
            combo.addItem(blank, "")
            for key, _kind in fields:
                combo.addItem(texts.column_title(key, self.lang), key)
        for col, _op, _val in self.filters:
            col.clear()
            col.addItem("", "")
            for key, _kind in fields:
                col.addItem(texts.column_title(key, self.lang), key)

    def set_spec(self, spec: reports.CustomSpec) -> None:
        self.name.setText(spec.name)
        self.record_type.setCurrentIndex(max(0, self.record_type.findData(spec.record_type)))
        self._fill_fields()
        for i in range(self.columns.count()):
            it = self.columns.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in spec.columns
                             else Qt.CheckState.Unchecked)
        for (col, op, val), flt in zip(self.filters, spec.filters):
            col.setCurrentIndex(max(0, col.findData(flt[0])))
            op.setCurrentIndex(max(0, op.findData(flt[1])))
            val.setText(str(flt[2]))
        self.group_by.setCurrentIndex(max(0, self.group_by.findData(spec.group_by)))
        self.aggregate.setCurrentIndex(max(0, self.aggregate.findData(spec.aggregate)))
        self.aggregate_column.setCurrentIndex(max(0, self.aggregate_column.findData(spec.aggregate_column)))

    def spec(self) -> reports.CustomSpec:
        cols = tuple(self.columns.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.columns.count())
                     if self.columns.item(i).checkState() == Qt.CheckState.Checked)
        filters = tuple((c.currentData(), o.currentData(), v.text()) for c, o, v in self.filters if c.currentData())
        return reports.CustomSpec(self.record_type.currentData(), cols, filters, self.group_by.currentData() or "",
                                  self.aggregate.currentData(), self.aggregate_column.currentData() or "",
                                  self.name.text().strip())

    def _show_problem(self, exc: ReportError) -> None:
        self.problem.setText(exc.text(self.lang))
        widgets = {"name": self.name, "record_type": self.record_type, "columns": self.columns,
                   "group_by": self.group_by, "aggregate": self.aggregate, "aggregate_column": self.aggregate_column}
        for w in widgets.values():
            w.setStyleSheet("")
        for _c, _o, v in self.filters:
            v.setStyleSheet("")
        target = widgets.get(exc.field)
        if exc.field.startswith("filters/"):
            row = int(exc.field.split("/")[1]) - 1
            if 0 <= row < len(self.filters):
                target = self.filters[row][2]
        if target is not None:
            target.setStyleSheet("border: 1px solid #b00020;")

    def preview(self) -> None:
        try:
            result = reports.run_custom(self.ctx.database, self.spec())
        except ReportError as exc:
            self._show_problem(exc)
            return
        self.problem.setText("")
        page = self.parent()
        if isinstance(page, CrmReportsPage):
            page.show_result(result)

    def save(self) -> None:
        spec = self.spec()
        try:
            reports.save_custom(self.ctx.database, spec)
        except ReportError as exc:
            self._show_problem(exc)
            return
        except Exception as exc:  # noqa: BLE001 - a refusal (permission, busy), one line
            from app.views.suppliers.common import error_text

            self.problem.setText(error_text(exc))
            return
        self.saved_name = spec.name
        self.accept()


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    dlg = CustomReportDialog(ctx, reports.CustomSpec("complaints", ("number", "customer", "cost"),
                                                     (("complaint_type", "=", "quality"),), "customer", "sum",
                                                     "cost", name="Quality cost by customer"))
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return [("crm-custom-report", dlg)]

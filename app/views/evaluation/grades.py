"""The stored grade list of one period as a sortable, filterable table with a summary line."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.engines.labels import word
from app.models.evaluation.service import GradeList
from app.reports.grade_list import certificate_text, holds_text
from app.views.evaluation.labels import ACTIONS, CHANGE, GRADE_BACKGROUNDS, GRADE_COLOURS, GRADES, INDICATORS, label, labels
from app.views.suppliers.common import fit_columns_once, make_table, rows_frame, selected_source_row, supplier_name
from app.views.core.table_models import SORT_ROLE, Column

FIELDS = ("supplier_id", "code", "name", "status", "score", "grade", "previous_grade", "change", "periods_in_grade",
          "certificate", "overdue_cars", "breaches", "actions", "holds", "missing", "status_code", "certificate_code")
NO_GRADE = "none"  # grade filter value for suppliers without a score


def grade_frame(gl: GradeList | None, lang: str) -> pd.DataFrame:
    """One row per supplier with native values (score float, grade letter, change code)."""
    if gl is None:
        return rows_frame([], FIELDS)
    return rows_frame(({
        "supplier_id": r.supplier_id, "code": r.code, "name": supplier_name(r, lang), "score": r.score,
        "grade": r.grade, "previous_grade": r.previous_grade, "change": r.change,
        "periods_in_grade": r.periods_in_grade, "actions": labels(ACTIONS, r.actions),
        "status": word("supplier_status", r.status, lang), "status_code": r.status, "certificate_code": r.certificate,
        "certificate": certificate_text(r, lang), "overdue_cars": r.overdue_cars, "breaches": r.breaches, "holds": holds_text(r, lang),
        "missing": labels(INDICATORS, r.missing)} for r in gl.rows), FIELDS)


_RED = QColor("#c0392b")


def _status_fg(row: pd.Series):
    return _RED if row.get("status_code") in ("suspended", "disqualified") else None


def _certificate_fg(row: pd.Series):
    return _RED if row.get("certificate_code") == "expired" else None


def _overdue_fg(row: pd.Series):
    return _RED if (row.get("overdue_cars") or 0) > 0 else None


def _breaches_fg(row: pd.Series):
    value = row.get("breaches")
    return _RED if value is not None and not pd.isna(value) and value > 0 else None


def _holds_fg(row: pd.Series):
    return _RED if row.get("holds") else None


def _grade_fg(row: pd.Series):
    return GRADE_COLOURS.get(row.get("grade"))


def _grade_bg(row: pd.Series):
    return GRADE_BACKGROUNDS.get(row.get("grade"))


def _previous_fg(row: pd.Series):
    return GRADE_COLOURS.get(row.get("previous_grade"))


def columns() -> list[Column]:
    return [
        Column("code", lambda: QCoreApplication.translate("Evaluation", "Code")),
        Column("name", lambda: QCoreApplication.translate("Evaluation", "Supplier")),
        Column("score", lambda: QCoreApplication.translate("Evaluation", "Score"), format=lambda v: f"{v:.2f}",
               align_right=True),
        Column("grade", lambda: QCoreApplication.translate("Evaluation", "Grade"), foreground=_grade_fg,
               background=_grade_bg),
        Column("breaches", lambda: QCoreApplication.translate("Evaluation", "Agreement breaches"),
               format=lambda v: str(int(v)), align_right=True, foreground=_breaches_fg,
               tooltip=lambda: QCoreApplication.translate(
                   "Evaluation", "How often a target clause of the quality agreement in force was missed in this "
                   "period (agreement targets against actuals); empty = no agreed target applies")),
        Column("status", lambda: QCoreApplication.translate("Evaluation", "Status"), foreground=_status_fg),
        Column("previous_grade", lambda: QCoreApplication.translate("Evaluation", "Previous grade"),
               foreground=_previous_fg),
        Column("change", lambda: QCoreApplication.translate("Evaluation", "Change"), format=lambda v: label(CHANGE, v)),
        Column("periods_in_grade", lambda: QCoreApplication.translate("Evaluation", "Periods in grade"),
               format=lambda v: str(int(v)), align_right=True),
        Column("certificate", lambda: QCoreApplication.translate("Evaluation", "QMS certificate"),
               foreground=_certificate_fg),
        Column("overdue_cars", lambda: QCoreApplication.translate("Evaluation", "Overdue SCARs"),
               format=lambda v: str(int(v)) if v else "", align_right=True, foreground=_overdue_fg),
        Column("actions", lambda: QCoreApplication.translate("Evaluation", "Actions")),
        Column("holds", lambda: QCoreApplication.translate("Evaluation", "Why the actions differ"),
               foreground=_holds_fg),
        Column("missing", lambda: QCoreApplication.translate("Evaluation", "Missing indicators")),
    ]


class GradeFilter(QSortFilterProxyModel):
    """Keeps the rows of one grade (``"A"``…``"D"``, ``NO_GRADE``) or all rows (``None``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grade: str | None = None

    def set_grade(self, grade: str | None) -> None:
        self.beginFilterChange()
        self.grade = grade
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if self.grade is None:
            return True
        model = self.sourceModel()
        column = [c.field for c in model.columns].index("grade")
        value = model.index(source_row, column, source_parent).data(SORT_ROLE)
        return value is None if self.grade == NO_GRADE else value == self.grade


class GradeListView(QWidget):
    """Quick filter, grade filter, the table and a count per grade; emits the selected code."""

    supplier_selected = Signal(str)  # "" when nothing is selected

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.grade_list: GradeList | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, name or action…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.grade_combo = QComboBox()
        self.grade_combo.addItem(self.tr("All grades"), None)
        for grade in GRADES:
            self.grade_combo.addItem(self.tr("Grade {grade}").replace("{grade}", grade), grade)
        self.grade_combo.addItem(self.tr("No score"), NO_GRADE)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # the counts take two lines rather than squeeze the filter
        self.filter_edit.setMinimumWidth(150)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.grade_combo)
        bar.addWidget(self.summary, 2)
        layout.addLayout(bar)
        self.model, self.proxy, self.table = make_table(columns(), self, stretch=1, settings_key="evaluation/grades",
                                                        settings=ctx.settings)
        self.grade_filter = GradeFilter(self)
        self.grade_filter.setSourceModel(self.model)
        self.proxy.setSourceModel(self.grade_filter)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # score
        layout.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.grade_combo.currentIndexChanged.connect(self._grade_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # ----- data ------------------------------------------------------------------------------
    def show_list(self, gl: GradeList | None) -> None:
        previous = self.selected_code()
        self.grade_list = gl
        self.model.set_frame(grade_frame(gl, self.ctx.language))
        if gl is not None and gl.rows:
            fit_columns_once(self.table, {1: 220})
        self._update_summary()
        if not (previous and self.select_code(previous)):
            if self.proxy.rowCount():
                self.table.selectRow(0)  # the trace and trend always show someone
            else:
                self.supplier_selected.emit("")

    def select_code(self, code: str) -> bool:
        """Select a supplier's row (if it is shown); True when found."""
        column = [c.field for c in self.model.columns].index("code")
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, column)
            if index.data(SORT_ROLE) == code:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def selected_code(self) -> str:
        row = selected_source_row(self.table)
        if row is None or row >= len(self.model.frame):
            return ""
        return str(self.model.row(row)["code"])

    def selected_name(self) -> str:
        row = selected_source_row(self.table)
        return "" if row is None or row >= len(self.model.frame) else str(self.model.row(row)["name"] or "")

    # ----- summary and filters ---------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        grades = self.model.frame["grade"].tolist() if len(self.model.frame) else []
        out = {g: sum(1 for x in grades if x == g) for g in GRADES}
        out[NO_GRADE] = sum(1 for x in grades if x not in GRADES)
        return out

    def _update_summary(self) -> None:
        if self.grade_list is None:
            self.summary.setText("")
            return
        n = self.counts()
        parts = [f"<span style='color:{GRADE_COLOURS[g].name()}; font-weight:600'>{g}</span> {n[g]}" for g in GRADES]
        text = (self.tr("{total} suppliers: {grades} · no score {none}")
                .replace("{total}", f"{len(self.model.frame):,}").replace("{grades}", " · ".join(parts))
                .replace("{none}", str(n[NO_GRADE])))
        held = sum(1 for r in self.grade_list.rows if r.holds)
        if held:  # status, certificate or overdue SCARs change what the grade alone suggests
            text += " · <span style='color:#c0392b; white-space:nowrap'>" + self.tr("{n} with actions changed").replace("{n}", str(held)) \
                + "</span>"
        shown = self.proxy.rowCount()
        if shown != len(self.model.frame):
            text += " " + self.tr("(showing {n})").replace("{n}", f"{shown:,}")
        self.summary.setText(text)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_summary()

    def _grade_changed(self, _index: int) -> None:
        self.grade_filter.set_grade(self.grade_combo.currentData())
        self._update_summary()

    def _selection_changed(self, *_args) -> None:
        self.supplier_selected.emit(self.selected_code())

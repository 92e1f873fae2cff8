"""The supplier evaluation page: pick a period and scheme, run the evaluation in the
background (one period or every month of a year), read the stored grade list, see why a
supplier got its grade and how its score moved, see the sourcing strategy per item that the
grades lead to, and export either list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from app.engines.indicators import Period
from app.models.evaluation.service import EvaluationError, evaluate_period, grade_list, trace_details
from app.models.evaluation.history import active_scheme_names, latest_period, score_history
from app.reports.grade_list import write_grade_list
from app.views.suppliers.common import GRADE_KIND_KEY, grade_kind
from app.views.evaluation.grades import GradeListView
from app.views.evaluation.labels import KINDS, label
from app.views.evaluation.sourcing import SourcingView
from app.views.evaluation.trace import TracePanel
from app.views.evaluation.trend import TrendChart
from app.views.suppliers.common import error_box, error_text, info_box
from app.views.core.tasks import TaskHandle

def evaluate_periods(db, periods: list[str], scheme_name: str | None, completed: list, *, state) -> list:
    """Evaluate the periods one after another (background task); stops between periods on cancel."""
    for i, period in enumerate(periods):
        state.check()
        state.progress(i / len(periods), period)
        completed.append(evaluate_period(db, period, scheme_name))
    state.progress(1.0, "")
    return list(completed)


def ended_months(year: int, today: date | None = None) -> list[str]:
    """The months of ``year`` that are over (a partial month would grade on half its data)."""
    today = today or date.today()
    return [p.label for p in (Period("month", year, m) for m in range(1, 13)) if p.end <= today]


class EvaluationPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("evaluationPage")
        self.handle: TaskHandle | None = None
        self.completed: list = []
        self.planned: list[str] = []
        self._loading = False
        self._period_line = ""
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Supplier performance evaluation"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        layout.addLayout(self._period_bar())
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.info)
        self.grades = GradeListView(ctx)
        self.trace = TracePanel(ctx)
        self.trend = TrendChart()
        trace_box = QGroupBox(self.tr("Why this grade?"))
        QVBoxLayout(trace_box).addWidget(self.trace)
        trend_box = QGroupBox(self.tr("Score trend"))
        QVBoxLayout(trend_box).addWidget(self.trend)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(trace_box)
        side.addWidget(trend_box)
        side.setSizes([460, 280])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grades)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([690, 650])
        self.sourcing = SourcingView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("evaluationTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Grade list"))
        self.tabs.addTab(self.sourcing, self.tr("Sourcing"))
        self.tabs.setTabToolTip(1, self.tr("Supplier-count strategy and suggested order shares per item"))
        layout.addWidget(self.tabs, 1)
        self.grades.supplier_selected.connect(self.show_supplier)
        self.tabs.currentChanged.connect(self._update_exports)
        self.sourcing.plan_changed.connect(self._update_exports)
        self.sourcing.supplier_activated.connect(self.show_grade_of)
        self._set_default_period()
        self.load_period()

    # ----- controls --------------------------------------------------------------------------
    def _period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(label(KINDS, kind), kind)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        self.sub_combo = QComboBox()
        self.scheme_combo = QComboBox()
        self.scheme_combo.setToolTip(self.tr("Evaluation scheme (active version)"))
        self.scheme_combo.addItems(active_scheme_names(self.ctx.database))
        self.run_button = QPushButton(self.tr("&Evaluate"))
        self.run_button.setToolTip(self.tr("Grade every supplier for the selected period and store the results"))
        self.run_button.clicked.connect(lambda: self.run_evaluation())
        self.year_button = QPushButton(self.tr("Evaluate the year"))  # short: the bar must fit a 1280 px laptop
        self.year_button.setToolTip(self.tr("Evaluate the months of the selected year that are over, one after another"))
        self.year_button.clicked.connect(lambda: self.run_year())
        from app.models.admin.permissions import can

        self.may_evaluate = can(self.ctx.database, "evaluation.run")  # a viewer sees the results only
        for button in (self.run_button, self.year_button):
            button.setEnabled(self.may_evaluate)
        self.export_buttons = {}
        for fmt, text in (("xlsx", self.tr("Excel…")), ("csv", self.tr("CSV…")), ("pdf", self.tr("PDF…"))):
            button = QToolButton()  # compact: three push buttons of Qt's minimum width did not fit at 1280 px
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setToolTip(self.tr("Export the grade list of the selected period"))
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = button
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Reload the stored results (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.period_label = QLabel(self.tr("Period:"))
        self.scheme_label = QLabel(self.tr("Scheme:"))
        for w in (self.period_label, self.kind_combo, self.year_spin, self.sub_combo, self.scheme_label,
                  self.scheme_combo, self.run_button, self.year_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.export_label = QLabel(self.tr("Export:"))
        bar.addWidget(self.export_label)
        for button in self.export_buttons.values():
            bar.addWidget(button)
        bar.addWidget(self.refresh_button)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(self._period_changed)
        self.sub_combo.currentIndexChanged.connect(self._period_changed)
        return bar

    def _fill_sub_combo(self, kind: str) -> None:
        self.sub_combo.clear()
        if kind == "month":
            locale = QLocale()
            for m in range(1, 13):
                self.sub_combo.addItem(locale.standaloneMonthName(m, QLocale.FormatType.LongFormat), m)
        elif kind == "quarter":
            for q in range(1, 5):
                self.sub_combo.addItem(f"Q{q}", q)
        self.sub_combo.setVisible(kind != "year")

    def set_period(self, period: Period | str) -> None:
        """Show a period in the controls and load its grade list."""
        self._show_period(Period.parse(period) if isinstance(period, str) else period)
        self.load_period()

    def _show_period(self, period: Period) -> None:
        self._loading = True
        try:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind))
            self._fill_sub_combo(period.kind)
            self.year_spin.setValue(period.year)
            if period.kind != "year":
                self.sub_combo.setCurrentIndex(self.sub_combo.findData(period.index))
        finally:
            self._loading = False
        self._shown = period

    def period(self) -> Period:
        kind = self.kind_combo.currentData()
        index = 1 if kind == "year" else int(self.sub_combo.currentData() or 1)
        return Period(kind, self.year_spin.value(), index)

    def _set_default_period(self) -> None:
        # the latest period of the kind the user evaluates by (monthly unless chosen), by date
        db, kind = self.ctx.database, grade_kind(self.ctx)
        self._show_period(latest_period(db, kind) or latest_period(db, "month") or latest_period(db) or Period.parse(f"{date.today():%Y-%m}").previous())

    def _kind_changed(self, _index: int) -> None:
        if self._loading:
            return
        before, kind = self._shown, self.kind_combo.currentData()
        if self.ctx.settings is not None:  # the grid's "latest grade" follows the kind chosen here
            self.ctx.settings.setValue(GRADE_KIND_KEY, kind)
        index = 1
        if kind == "quarter" and before.kind == "month":
            index = (before.index - 1) // 3 + 1
        elif kind == "month" and before.kind == "quarter":
            index = 3 * before.index  # the quarter's last month
        self.set_period(Period(kind, before.year, index))

    def _period_changed(self, *_args) -> None:
        if not self._loading:
            self._shown = self.period()
            self.load_period()

    # ----- stored results ------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.scheme_combo.currentText()
        self.scheme_combo.clear()
        self.scheme_combo.addItems(active_scheme_names(self.ctx.database))
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findText(current)))
        self.load_period()

    def load_period(self) -> None:
        label_ = self.period().label
        try:
            gl = grade_list(self.ctx.database, label_)
        except EvaluationError:
            gl = None
        self.grades.show_list(gl)
        self.sourcing.set_period(label_, gl is not None)
        self._update_exports()
        if gl is None:
            self._note(self.tr("Period {period} has not been evaluated yet. Click Evaluate to grade the "
                                      "suppliers.").replace("{period}", label_))
            return
        th = gl.scheme.thresholds
        self._note(
            self.tr("Period {period} · scheme {scheme} v{version} · evaluated {when} UTC · "
                    "A ≥ {a}, B ≥ {b}, C ≥ {c}")
            .replace("{period}", gl.period).replace("{scheme}", gl.scheme_name)
            .replace("{version}", str(gl.scheme_version)).replace("{when}", f"{gl.run_at:%Y-%m-%d %H:%M}")
            .replace("{a}", f"{th.a:g}").replace("{b}", f"{th.b:g}").replace("{c}", f"{th.c:g}"))

    def _note(self, period_line: str, note: str = "") -> None:
        """The period line, and under it what just happened (a run, an export)."""
        self._period_line = period_line
        self.info.setText(period_line + ("<br>" + note if note else ""))

    def note(self, text: str) -> None:
        self._note(self._period_line, text)

    @Slot(str)
    def show_supplier(self, code: str) -> None:
        gl = self.grades.grade_list
        if not code or gl is None:
            self.trace.show_trace(None)
            self.trend.show_history(None)
            return
        try:
            trace = trace_details(self.ctx.database, code, gl.period)
        except EvaluationError as exc:
            self.trace.show_trace(None)
            self.trace.heading.setText(error_text(exc))
            trace = None
        else:
            self.trace.show_trace(trace, self.grades.selected_name())
        history = score_history(self.ctx.database, code, gl.period_kind)
        self.trend.show_history(history, (trace or {}).get("thresholds") or gl.scheme.thresholds.as_dict(), gl.period)

    # ----- evaluation (background) ---------------------------------------------------------------
    def run_evaluation(self, periods: list[str] | None = None) -> TaskHandle | None:
        if self.handle is not None:
            return None
        self.planned = list(periods or [self.period().label])
        self.completed = []
        self._set_running(True)
        self.note(self.tr("Evaluating {period}…").replace("{period}", self.planned[0]))
        self.handle = self.ctx.tasks.run(
            evaluate_periods, self.ctx.database, self.planned, self.scheme_combo.currentText() or None, self.completed,
            on_done=self._run_done, on_error=self._run_failed, on_cancelled=self._run_cancelled,
            on_progress=self._run_progress, label=self.tr("Evaluating suppliers"))
        return self.handle

    def run_year(self) -> TaskHandle | None:
        months = ended_months(self.year_spin.value())
        if not months:
            info_box(self, self.tr("Evaluate every month of the year"),
                     self.tr("No month of {year} is over yet.").replace("{year}", str(self.year_spin.value())))
            return None
        return self.run_evaluation(months)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _set_running(self, running: bool) -> None:
        for w in (self.run_button, self.year_button, self.scheme_combo, self.refresh_button):
            w.setEnabled(not running and (self.may_evaluate or w in (self.scheme_combo, self.refresh_button)))

    @Slot(float, str)
    def _run_progress(self, fraction: float, period: str) -> None:
        if period:
            self.note(self.tr("Evaluating {period} ({i} of {n})…").replace("{period}", period)
                              .replace("{i}", str(len(self.completed) + 1)).replace("{n}", str(len(self.planned))))

    def _finish(self) -> None:
        self.handle = None
        self._set_running(False)

    def _run_done(self, summaries: list) -> None:
        self._finish()
        last = summaries[-1]
        self.set_period(last.period)
        self.note(self.tr(
            "Evaluated {count} period(s); {period}: {scored} of {suppliers} suppliers scored in {seconds} s.")
            .replace("{count}", str(len(summaries))).replace("{period}", last.period)
            .replace("{scored}", str(last.scored)).replace("{suppliers}", str(last.suppliers))
            .replace("{seconds}", f"{sum(s.seconds for s in summaries):.1f}"))

    def _run_failed(self, exc: Exception, _details: str) -> None:
        self._finish()
        self.load_period()
        error_box(self, self.tr("Evaluation failed"), error_text(exc))

    def _run_cancelled(self) -> None:
        self._finish()
        done = list(self.completed)
        if done:
            self.set_period(done[-1].period)
        else:
            self.load_period()
        self.note(self.tr("Cancelled after {done} of {total} period(s).")
                          .replace("{done}", str(len(done))).replace("{total}", str(len(self.planned))))

    # ----- sourcing tab ----------------------------------------------------------------------------
    def show_sourcing(self) -> None:
        self.tabs.setCurrentWidget(self.sourcing)

    def sourcing_shown(self) -> bool:
        return self.tabs.currentWidget() is self.sourcing

    @Slot(str)
    def show_grade_of(self, code: str) -> None:
        """Switch to the grade list with a supplier selected (its trace and trend beside it)."""
        self.tabs.setCurrentWidget(self.splitter)
        if not self.grades.select_code(code):
            self.grades.grade_combo.setCurrentIndex(0)
            self.grades.filter_edit.clear()
            self.grades.select_code(code)

    def _update_exports(self, *_args) -> None:
        """The export buttons write the list of the tab shown."""
        if self.sourcing_shown():
            enabled, tip = self.sourcing.plan is not None, self.tr("Export the sourcing plan of the selected period")
        else:
            enabled, tip = self.grades.grade_list is not None, self.tr("Export the grade list of the selected period")
        for button in self.export_buttons.values():
            button.setEnabled(enabled)
            button.setToolTip(tip)

    # ----- export ------------------------------------------------------------------------------
    def export(self, fmt: str, path: str | None = None) -> str | None:
        """Write the grade list, or the sourcing plan when its tab is shown."""
        sourcing = self.sourcing_shown()
        gl = self.sourcing.plan if sourcing else self.grades.grade_list
        if gl is None:
            return None
        if path is None:
            filters = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "csv": self.tr("CSV (*.csv)"),
                       "pdf": self.tr("PDF (*.pdf)")}
            if sourcing:
                title, name = self.tr("Export the sourcing plan"), f"sourcing-plan-{gl.period}.{fmt}"
            else:
                title, name = self.tr("Export the grade list"), f"grade-list-{gl.period}.{fmt}"
            path, _ = QFileDialog.getSaveFileName(self, title, name, filters[fmt])
            if not path:
                return None
            if Path(path).suffix.lower() != f".{fmt}":
                path += f".{fmt}"
        try:
            if sourcing:
                self.sourcing.export(path)
            else:
                write_grade_list(gl, path, self.ctx.language)
        except Exception as exc:  # unwritable folder, file open in Excel, …
            error_box(self, self.tr("Export"), error_text(exc))
            return None
        if fmt == "pdf":
            from app.reports.pdf import cjk_font
            from app.views.suppliers.printing import show_font_warning

            show_font_warning(cjk_font(), self)
        self.note(self.tr("Saved {path}").replace("{path}", str(path)))
        return str(path)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    """Extra pictures for ``qualitybridge screenshots`` (a ``ModuleSpec.screenshots`` callable):
    the page with its Sourcing tab shown, loaded at once."""
    page = EvaluationPage(ctx)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.resize(1180, 720)  # fits a 1280×800 screen with the window frame
    page.show_sourcing()
    page.sourcing.load_now()
    return [("sourcing", page)]

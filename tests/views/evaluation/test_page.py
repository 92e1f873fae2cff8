"""Supplier evaluation screen on the demo database: running the job in the background (one
period, every month of a year, cancel, errors), the grade list and its filters, the trace
panel, the trend chart and the exports."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.engines.indicators import Period
from app.models.evaluation.service import evaluate_period, grade_list, trace_details
from app.models.evaluation.history import evaluated_periods, score_history
from app.views.core.context import AppContext
from app.views.evaluation import page as page_module
from app.views.evaluation.grades import NO_GRADE
from app.views.evaluation.labels import GRADE_COLOURS, indicator_value
from app.views.evaluation.page import EvaluationPage, ended_months
from app.views.core.table_models import SORT_ROLE
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators

LAST_MONTH = Period.parse(f"{date.today():%Y-%m}").previous()


@pytest.fixture
def ctx(demo_db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=demo_db, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait(10000)


@pytest.fixture
def page(ctx, qtbot):
    widget = EvaluationPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


@pytest.fixture
def messages(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


def _run(page, qtbot, start) -> None:
    with qtbot.waitSignal(page.ctx.tasks.finished, timeout=30000):
        handle = start()
        assert handle is not None
    assert page.handle is None


def test_opens_on_the_newest_evaluated_period_with_a_selected_supplier(page, ctx):
    assert page.period().label == evaluated_periods(ctx.database)[0] == LAST_MONTH.label
    gl = grade_list(ctx.database, LAST_MONTH.label)
    assert page.grades.model.rowCount() == len(gl.rows)
    assert page.grades.selected_code() == page.grades.proxy.index(0, 0).data() != ""
    assert page.trace.trace is not None and page.trend.point_data()


def test_runs_one_period_through_the_task_runner(page, ctx, qtbot, messages):
    quarter = Period("quarter", LAST_MONTH.year, (LAST_MONTH.index - 1) // 3 + 1)
    page.set_period(quarter)
    assert "not been evaluated" in page.info.text()
    assert not page.export_buttons["xlsx"].isEnabled()
    progress = []
    page.ctx.tasks.started.connect(progress.append)
    _run(page, qtbot, page.run_evaluation)
    assert not messages
    assert quarter.label in evaluated_periods(ctx.database, "quarter")
    assert page.period() == quarter
    assert page.grades.model.rowCount() == len(grade_list(ctx.database, quarter.label).rows) > 0
    assert "Evaluated 1 period(s)" in page.info.text()
    assert page.run_button.isEnabled() and page.export_buttons["pdf"].isEnabled()


def test_every_month_of_a_year_runs_in_sequence_with_progress(page, ctx, qtbot, monkeypatch):
    year = LAST_MONTH.year - 1
    calls, fractions = [], []
    real = page_module.evaluate_period
    monkeypatch.setattr(page_module, "evaluate_period", lambda db, p, s: (calls.append(p), real(db, p, s))[1])
    page.year_spin.setValue(year)
    page.run_year()
    page.handle.emitter.progress.connect(lambda f, _t: fractions.append(f))
    qtbot.waitUntil(lambda: page.handle is None, timeout=60000)
    assert calls == [f"{year}-{m:02d}" for m in range(1, 13)]
    assert len(page.completed) == 12 and page.period().label == f"{year}-12"
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_cancel_stops_a_multi_period_run_between_periods(page, ctx, qtbot, monkeypatch):
    year = LAST_MONTH.year - 1
    calls = []
    real = page_module.evaluate_period

    def slow(db, period, scheme):
        calls.append(period)
        result = real(db, period, scheme)
        if len(calls) == 2:
            page.handle.cancel()  # as the main window's Cancel button does
        return result

    monkeypatch.setattr(page_module, "evaluate_period", slow)
    page.year_spin.setValue(year)
    _run(page, qtbot, page.run_year)
    assert calls == [f"{year}-01", f"{year}-02"]
    assert len(page.completed) == 2 and "Cancelled after 2 of 12" in page.info.text()
    assert page.run_button.isEnabled()


def test_service_errors_are_shown_with_their_message(page, ctx, qtbot, messages):
    page.scheme_combo.addItem("no-such-scheme")
    page.scheme_combo.setCurrentText("no-such-scheme")
    _run(page, qtbot, page.run_evaluation)
    assert messages and messages[0][0] == "warning" and "no evaluation scheme named 'no-such-scheme'" in messages[0][1]
    assert page.run_button.isEnabled()


def test_year_run_without_finished_months_says_so(page, messages):
    assert ended_months(2026, date(2026, 1, 15)) == []
    assert ended_months(2026, date(2026, 3, 1)) == ["2026-01", "2026-02"]
    page.year_spin.setValue(date.today().year + 1)
    assert page.run_year() is None and messages and messages[0][0] == "information"


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.grades.model)
    qtmodeltester.check(page.grades.grade_filter)
    qtmodeltester.check(page.grades.proxy)
    qtmodeltester.check(page.trace.model)


def test_grade_filter_quick_filter_sorting_and_summary(page, ctx):
    view = page.grades
    gl = grade_list(ctx.database, page.period().label)
    counts = {g: sum(1 for r in gl.rows if r.grade == g) for g in "ABCD"}
    counts[NO_GRADE] = sum(1 for r in gl.rows if r.grade is None)
    assert view.counts() == counts
    assert f"{len(gl.rows)} suppliers" in view.summary.text()
    grade_col = [c.field for c in view.model.columns].index("grade")
    for key, n in counts.items():
        view.grade_combo.setCurrentIndex(view.grade_combo.findData(key))
        assert view.proxy.rowCount() == n
        shown = {view.proxy.index(r, grade_col).data() for r in range(view.proxy.rowCount())}
        assert shown <= ({key} if key != NO_GRADE else {""})
    view.grade_combo.setCurrentIndex(view.grade_combo.findData("C"))
    index = view.proxy.index(0, grade_col)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == GRADE_COLOURS["C"]
    assert "(showing" in view.summary.text()
    view.grade_combo.setCurrentIndex(0)
    code = gl.rows[-1].code
    view.filter_edit.setText(code)
    assert view.proxy.rowCount() >= 1
    view.filter_edit.clear()
    # sorting uses native numbers: scores descending, missing last
    score_col = [c.field for c in view.model.columns].index("score")
    view.table.sortByColumn(score_col, Qt.SortOrder.AscendingOrder)
    values = [view.proxy.index(r, score_col).data(SORT_ROLE) for r in range(view.proxy.rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers) and values[: len(numbers)] == numbers


def test_trace_panel_matches_trace_details(page, ctx):
    period = page.period().label
    gl = grade_list(ctx.database, period)
    row = next(r for r in gl.rows if r.grade == "C")
    assert page.grades.select_code(row.code)
    expected = trace_details(ctx.database, row.code, period)
    assert page.trace.trace == expected
    frame = page.trace.model.frame
    assert list(frame["key"]) == list(expected["indicators"])
    shown = [page.trace.proxy.index(r, 0).data() for r in range(page.trace.proxy.rowCount())]
    assert shown == list(frame["indicator"])  # in the scheme's order, not sorted
    for _, r in frame.iterrows():
        item = expected["indicators"][r["key"]]
        counted = list(item["counts"].values())  # a count indicator (customer complaints) has one
        assert [r["numerator"], r["denominator"]][:len(counted)] == counted
        for field in ("score", "weight", "contribution"):
            assert r[field] == item[field] or (item[field] is None and r[field] != r[field])  # None shown as NaN
        assert r["value"] == indicator_value(r["key"], item["value"])
    assert f"{expected['score']:.2f}" in page.trace.result.text() and ">C<" in page.trace.result.text()
    assert expected["supplier"] in page.trace.heading.text()


def test_trend_chart_has_a_point_per_scored_period(page, ctx):
    period = page.period().label
    code = grade_list(ctx.database, period).rows[0].code
    page.grades.select_code(code)
    history = score_history(ctx.database, code, "month")
    scored = history.dropna(subset=["score"])
    assert page.trend.periods == list(history["period"])
    assert page.trend.point_data() == [(p, pytest.approx(s)) for p, s in zip(scored["period"], scored["score"])]
    assert sorted(line.value() for line in page.trend.threshold_lines) == [70.0, 80.0, 90.0]
    page.grades.table.clearSelection()
    page.show_supplier("")
    assert page.trend.point_data() == [] and page.trace.trace is None


def test_exports_write_excel_csv_and_pdf(page, ctx, tmp_path, monkeypatch):
    gl = grade_list(ctx.database, page.period().label)
    xlsx = page.export("xlsx", str(tmp_path / "grades.xlsx"))
    ws = load_workbook(xlsx).active
    codes = [ws.cell(r, 2).value for r in range(5, 5 + len(gl.rows))]
    assert codes == [r.code for r in gl.rows]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "grades"), ""))
    path = page.export("csv")
    assert path.endswith("grades.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][1] == "Supplier code" and [r[1] for r in rows[1:]] == [r.code for r in gl.rows]
    pdf = page.export("pdf", str(tmp_path / "grades.pdf"))
    assert open(pdf, "rb").read(5) == b"%PDF-"
    assert "Saved" in page.info.text()


def test_export_in_chinese_uses_chinese_headers(demo_db, tmp_path, qtbot):
    install_translators("zh_CN")
    try:
        settings = QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(database=demo_db, tasks=TaskRunner(), language="zh_CN", settings=settings)
        widget = EvaluationPage(ctx)
        qtbot.addWidget(widget)
        assert widget.grades.model.headerData(0, Qt.Orientation.Horizontal) == "代码"
        assert "期间" in widget.info.text()
        path = widget.export("csv", str(tmp_path / "zh.csv"))
        with open(path, encoding="utf-8-sig") as fh:
            assert fh.readline().startswith("序号,供应商代码")
        assert "已保存" in widget.info.text() and "期间" in widget.info.text()
    finally:
        install_translators("en")


def test_a_rerun_period_replaces_results_and_the_page_reloads(page, ctx, qtbot):
    evaluate_period(ctx.database, LAST_MONTH.label)
    page.refresh()
    assert page.grades.model.rowCount() == len(grade_list(ctx.database, LAST_MONTH.label).rows)
    assert page.scheme_combo.currentText() == "standard"

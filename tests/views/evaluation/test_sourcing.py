"""The Sourcing tab of the evaluation page on the demo database: loaded through the task runner
when first shown, the item tree against the service, its filters, sorting and colours, the
exports, a double-click to the grade list, and the Chinese screen."""

from __future__ import annotations

import csv
import threading
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from app.engines.indicators import Period
from app.models.evaluation.history import evaluated_periods
from app.models.evaluation.sourcing import sourcing_plan
from app.views.core.context import AppContext
from app.views.evaluation import sourcing as sourcing_module
from app.views.evaluation.labels import GRADE_COLOURS
from app.views.evaluation.page import EvaluationPage
from app.views.evaluation.sourcing import CODE_ROLE, COUNTED_ROLE, FIELDS, NOT_COUNTED, SORT_ROLE
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


def _loaded(view, qtbot) -> None:
    qtbot.waitUntil(lambda: not view.loading and view.plan is not None, timeout=30000)


@pytest.fixture
def view(page, qtbot):
    page.show_sourcing()
    _loaded(page.sourcing, qtbot)
    return page.sourcing


def _column(name: str) -> int:
    return FIELDS.index(name)


def _children(view, item_row: int) -> list[QModelIndex]:
    parent = view.proxy.index(item_row, 0)
    return [view.proxy.index(k, 0, parent) for k in range(view.proxy.rowCount(parent))]


def _double_click(view, qtbot, index: QModelIndex) -> None:
    view.tree.scrollTo(index)
    pos = view.tree.visualRect(index).center()
    # A real double-click starts with a press; item views ignore a lone double-click event.
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_loads_through_the_task_runner_only_when_the_tab_is_shown(page, ctx, qtbot):
    view = page.sourcing
    assert view.plan is None and not view.loading and view.period == LAST_MONTH.label  # grade list shown first
    started = []
    ctx.tasks.finished.connect(started.append)
    page.show_sourcing()
    assert view.loading and "Loading" in view.summary.text()
    _loaded(view, qtbot)
    assert len(started) == 1
    plan = sourcing_plan(ctx.database, LAST_MONTH.label)
    assert view.plan == plan
    assert view.item_codes() == [it.code for it in plan.items]  # the service's order: most urgent first
    assert f"{len(plan.items)} items" in view.summary.text()
    page.tabs.setCurrentIndex(0)
    page.show_sourcing()
    assert not view.loading and len(started) == 1  # shown again: nothing to reload


def test_tree_matches_the_service(view, ctx):
    plan = sourcing_plan(ctx.database, LAST_MONTH.label)
    for row, item in enumerate(plan.items):
        head = view.proxy.index(row, 0)
        assert head.data(CODE_ROLE) == item.code and item.code in head.data()
        assert view.tree.isFirstColumnSpanned(row, QModelIndex())
        assert view.supplier_codes(item.code) == [s.code for s in item.suppliers]
        assert view.supplier_codes(item.code, counted=False) == [o.code for o in item.not_current]
    item = next(it for it in plan.items if it.strategy == ("develop_second_source",))
    row = view.item_codes().index(item.code)
    assert "Develop a second source" in view.proxy.index(row, 0).data()
    supplier = _children(view, row)[0]
    s = item.suppliers[0]
    cells = {name: view.proxy.index(supplier.row(), _column(name), supplier.parent()) for name in FIELDS}
    assert cells["grade"].data() == s.grade and cells["score"].data() == f"{s.score:.2f}"
    assert cells["suggested"].data() == f"{s.suggested_share * 100:.1f} %"
    assert cells["grade"].data(Qt.ItemDataRole.ForegroundRole) == GRADE_COLOURS[s.grade]
    assert cells["class"].data() in ("Approved", "Conditionally approved")
    other_item = next(it for it in plan.items if it.not_current)
    row = view.item_codes().index(other_item.code)
    greyed = [i for i in _children(view, row) if i.data(COUNTED_ROLE) is False][0]
    assert greyed.data(Qt.ItemDataRole.ForegroundRole) == NOT_COUNTED
    assert greyed.data(Qt.ItemDataRole.FontRole).italic()


def test_models_pass_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    view.set_strategy("develop_second_source")
    qtmodeltester.check(view.proxy)
    view.show_plan(None)
    qtmodeltester.check(view.model)


def test_strategy_filter_keeps_whole_items_and_spans(view, ctx):
    plan = sourcing_plan(ctx.database, LAST_MONTH.label)
    counts = plan.strategy_counts()
    combo = [view.strategy_combo.itemData(i) for i in range(view.strategy_combo.count())]
    assert combo == [None, *counts]  # only strategies that occur, most urgent first
    for code, n in counts.items():
        assert view.set_strategy(code)
        shown = view.item_codes()
        assert len(shown) == n
        assert all(code in it.strategy for it in plan.items if it.code in shown)
        for row in range(view.proxy.rowCount()):
            assert view.tree.isFirstColumnSpanned(row, QModelIndex())
            item = next(it for it in plan.items if it.code == view.item_codes()[row])
            assert view.proxy.rowCount(view.proxy.index(row, 0)) == len(item.suppliers) + len(item.not_current)
        assert f"(showing {n})" in view.summary.text()
    assert view.set_strategy(None) and len(view.item_codes()) == len(plan.items)
    assert "(showing" not in view.summary.text()


def test_text_filter_by_item_or_supplier(view, ctx):
    plan = sourcing_plan(ctx.database, LAST_MONTH.label)
    supplier = next(s for it in plan.items for s in it.suppliers)
    view.filter_edit.setText(supplier.code.lower())  # case does not matter
    expected = [it.code for it in plan.items if any(s.code == supplier.code for s in (*it.suppliers, *it.not_current))]
    assert view.item_codes() == expected
    item = plan.items[-1]
    view.filter_edit.setText(item.name_zh)  # Chinese text (set directly: keyClicks cannot type it)
    assert view.item_codes() == [item.code]
    view.filter_edit.clear()
    view.set_strategy(item.strategy[0])
    view.filter_edit.setText(item.code)
    assert view.item_codes() == [item.code]  # both filters apply
    view.filter_edit.setText("no such thing")
    assert view.item_codes() == [] and "(showing 0)" in view.summary.text()


def test_sorting_orders_suppliers_within_each_item(view, ctx):
    suggested = _column("suggested")
    view.tree.sortByColumn(suggested, Qt.SortOrder.AscendingOrder)
    for row in range(view.proxy.rowCount()):
        values = [view.proxy.index(i.row(), suggested, i.parent()).data(SORT_ROLE) for i in _children(view, row)]
        shares = [v for v in values if v is not None]
        assert shares == sorted(shares) and values[:len(shares)] == shares  # greyed rows (no share) last
    score = _column("score")
    view.tree.sortByColumn(score, Qt.SortOrder.DescendingOrder)
    best = [view.proxy.index(r, score).data(SORT_ROLE) for r in range(view.proxy.rowCount())]
    numbers = [b for b in best if b is not None]
    assert numbers == sorted(numbers, reverse=True) and best[:len(numbers)] == numbers  # by best supplier
    assert all(view.tree.isFirstColumnSpanned(r, QModelIndex()) for r in range(view.proxy.rowCount()))
    view.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert view.item_codes() == sorted(view.item_codes())


def test_double_click_on_a_supplier_opens_its_grade(page, view, qtbot):
    page.grades.grade_combo.setCurrentIndex(page.grades.grade_combo.findData("A"))  # may hide the supplier
    rows = [i for r in range(view.proxy.rowCount()) for i in _children(view, r)]
    greyed = next(i for i in rows if i.data(COUNTED_ROLE) is False)
    activated = []
    view.tree.doubleClicked.connect(activated.append)
    _double_click(view, qtbot, greyed)
    assert len(activated) == 1 and page.sourcing_shown()  # a supplier that does not count has nothing to show
    supplier = next(i for i in rows if i.data(COUNTED_ROLE))
    code = supplier.data(CODE_ROLE)
    _double_click(view, qtbot, supplier)
    assert len(activated) == 2 and not page.sourcing_shown()
    assert page.grades.selected_code() == code and page.trace.trace["supplier"] == code


def test_export_buttons_write_the_sourcing_plan_when_its_tab_is_shown(page, view, ctx, tmp_path, monkeypatch):
    plan = view.plan
    assert page.export_buttons["xlsx"].toolTip() == "Export the sourcing plan of the selected period"
    ws = load_workbook(page.export("xlsx", str(tmp_path / "plan.xlsx"))).active
    assert ws["A1"].value == f"Sourcing plan {plan.period}" and ws.cell(4, 1).value == "Item code"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, name, _filter: (str(tmp_path / name.rsplit(".", 1)[0]), ""))
    path = page.export("csv")
    assert path.endswith(f"sourcing-plan-{plan.period}.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["Item code", "Item name", "Class", "Strategy"]
    assert len(rows) - 1 == sum(max(1, len(it.suppliers)) for it in plan.items)
    pdf = page.export("pdf", str(tmp_path / "plan.pdf"))
    assert open(pdf, "rb").read(5) == b"%PDF-" and "Saved" in page.info.text()
    page.tabs.setCurrentIndex(0)  # the grade list tab exports the grade list again
    assert page.export_buttons["xlsx"].toolTip() == "Export the grade list of the selected period"
    assert load_workbook(page.export("xlsx", str(tmp_path / "grades.xlsx"))).active["A1"].value.startswith(
        "Supplier grade list")


def test_unevaluated_period_then_a_run_reloads_the_plan(page, view, ctx, qtbot):
    quarter = Period("quarter", LAST_MONTH.year, (LAST_MONTH.index - 1) // 3 + 1)
    page.set_period(quarter)
    assert view.plan is None and view.item_codes() == []
    assert "has not been evaluated" in view.summary.text()
    assert not page.export_buttons["csv"].isEnabled()
    with qtbot.waitSignal(ctx.tasks.finished, timeout=30000):
        page.run_evaluation()
    _loaded(view, qtbot)
    assert view.plan.period == quarter.label and view.plan.period_kind == "quarter"
    assert view.item_codes() == [it.code for it in sourcing_plan(ctx.database, quarter.label).items]
    assert page.export_buttons["csv"].isEnabled()


def test_a_late_result_for_an_earlier_period_is_ignored(view, ctx, qtbot, monkeypatch):
    earlier = evaluated_periods(ctx.database, "month")[1]
    gate = threading.Event()
    real = sourcing_module.sourcing_plan

    def slow_for_earlier(db, period):
        if period == earlier:
            gate.wait(20)  # comes back only after the later request was shown
        return real(db, period)

    monkeypatch.setattr(sourcing_module, "sourcing_plan", slow_for_earlier)
    ctx.tasks.pool.setMaxThreadCount(2)
    view.set_period(earlier, True)
    view.set_period(LAST_MONTH.label, True)  # changed again before the first load came back
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.period == LAST_MONTH.label, timeout=30000)
    shown = view.item_codes()
    gate.set()
    qtbot.waitUntil(lambda: not ctx.tasks.active, timeout=30000)
    assert view.plan.period == LAST_MONTH.label and view.item_codes() == shown and not view.loading


def test_a_failed_load_is_shown_and_retried(view, ctx, qtbot, monkeypatch):
    def broken(db, period):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(sourcing_module, "sourcing_plan", broken)
    view.set_period(LAST_MONTH.label, True)
    qtbot.waitUntil(lambda: not view.loading, timeout=30000)
    assert view.plan is None and "database is locked" in view.summary.text() and view.stale
    monkeypatch.undo()
    view.ensure_loaded()
    _loaded(view, qtbot)
    assert view.plan.period == LAST_MONTH.label


def test_a_cancelled_load_says_so_and_f5_loads_again(page, view, ctx, qtbot, monkeypatch):
    gate = threading.Event()
    real = sourcing_module.sourcing_plan
    monkeypatch.setattr(sourcing_module, "sourcing_plan", lambda db, period: (gate.wait(20), real(db, period))[1])
    page.refresh()
    assert view.loading
    ctx.tasks.cancel_all()  # the main window's Cancel button
    gate.set()
    qtbot.waitUntil(lambda: not view.loading, timeout=30000)
    assert view.plan is None and "cancelled" in view.summary.text() and not page.export_buttons["pdf"].isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_F5)
    _loaded(view, qtbot)
    assert view.plan.period == LAST_MONTH.label and page.export_buttons["pdf"].isEnabled()


def test_chinese_screen_and_export(demo_db, tmp_path, qtbot):
    install_translators("zh_CN")
    try:
        settings = QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(database=demo_db, tasks=TaskRunner(), language="zh_CN", settings=settings)
        page = EvaluationPage(ctx)
        qtbot.addWidget(page)
        page.show()
        assert page.tabs.tabText(1) == "货源策略" and page.tabs.tabText(0) == "等级清单"
        page.show_sourcing()
        view = page.sourcing
        _loaded(view, qtbot)
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "物料 / 供应商"
        assert view.model.headerData(_column("suggested"), Qt.Orientation.Horizontal) == "建议份额"
        assert view.strategy_combo.itemText(0) == "全部策略"
        texts = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
        assert any("开发第二货源" in t for t in texts) and "物料" in view.summary.text()
        assert "建议份额 = 等级权重 × 得分" in view.footnote.text()
        view.filter_edit.setText(view.plan.items[0].name_zh)
        assert view.item_codes()[0] == view.plan.items[0].code
        path = page.export("csv", str(tmp_path / "zh.csv"))
        with open(path, encoding="utf-8-sig") as fh:
            assert fh.readline().startswith("物料代码,物料名称,重要性,货源策略")
        assert "已保存" in page.info.text()
        ctx.tasks.wait(10000)
    finally:
        install_translators("en")

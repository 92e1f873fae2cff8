"""Customer value screens on a real database with two years of orders (``value_world``): analyse
in the background, the item models pass qtmodeltester, the filters (text, ABC, at risk, an RFM
cell clicked on the map), the value-class decision (an override needs a reason; without
``crm.value`` the button is off), the xlsx export read back with the decided class, PNG charts."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QPointF, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy import select

from app.models.admin.identity import Actor
from app.models.crm.tables_orders import CrmValueDecision
from app.models.customers.tables import Customer
from app.views.core.context import AppContext
from app.views.core.tasks import TaskCancelled, TaskRunner
from app.views.crm import value_page as vp
from tests.views.crm.value_world import AS_OF, make_value_world


@pytest.fixture
def ids(db):
    db.actor = Actor.system_job("pytest")
    return make_value_world(db)


@pytest.fixture
def ctx(db, ids, tmp_path, qapp):
    c = AppContext(database=db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.tasks.wait(20000)


def _analysed(qtbot, ctx, keep) -> vp.ValuePage:
    page = vp.ValuePage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1280, 800)
    page.as_of.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
    page.retention.setValue(0.75)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.analysis is not None, timeout=30000)
    return page


def test_module_is_discovered_with_its_tabs(ctx):
    from app.views.modules import discover_modules

    spec = next(m for m in discover_modules() if m.key == "crm_value")
    assert spec.order == 57 and spec.title() == "Customer value" and spec.visible(ctx)
    assert [f.key for f in vp.TAB_FACTORIES] == ["table", "pareto", "rfm", "segments", "risk", "cross_sell", "orders"]


def test_analyse_filter_decide_export(qtbot, keep, qtmodeltester, ctx, ids, db, tmp_path, monkeypatch):
    page = _analysed(qtbot, ctx, keep)
    a = page.analysis
    assert a.params.as_of == AS_OF and a.params.retention == 0.75 and len(a.table) == 24
    assert "r = 0.75" in page.formula.text() and "m × 2.143" in page.formula.text()  # 0.75 / 0.35
    assert ctx.settings.value("crm_value/params/retention") in (0.75, "0.75")
    tab = page.parts["table"]
    for model in (tab.model, page.parts["segments"].model, page.parts["risk"].model,
                  page.parts["cross_sell"].rules_model):
        qtmodeltester.check(model, force_py=True)
    # money formatted, biggest first
    assert tab.table.model().index(0, 3).data() == f"{a.table['revenue'].max():,.2f}"
    # filters
    qtbot.keyClicks(tab.search, "Pearl")
    assert tab.proxy.rowCount() == 1 and tab.proxy.index(0, 0).data() == "V07"
    tab.search.clear()
    tab.abc.setCurrentIndex(tab.abc.findData("A"))
    assert tab.proxy.rowCount() == int((a.table["abc"] == "A").sum()) > 0
    tab.abc.setCurrentIndex(0)
    tab.at_risk.setChecked(True)
    assert tab.proxy.rowCount() == len(a.risks) == 3  # V07, V14, V21 stopped ordering 200 days ago
    assert {tab.proxy.index(i, 0).data() for i in range(3)} == {"V07", "V14", "V21"}
    assert page.parts["risk"].model.rowCount() == 3
    # they ordered in the year before the last quarter, so their frequency fell as well
    assert set(page.parts["risk"].model.frame["reasons"]) == {"no recent order; falling order frequency"}
    tab.at_risk.setChecked(False)
    # the RFM map: counts add up; a click on a cell lists its customers
    rfm = page.parts["rfm"]
    assert rfm.chart.grid.sum() == 24
    r, f = int(a.table.iloc[0]["R"]), int(a.table.iloc[0]["F"])
    scene = rfm.chart.getPlotItem().vb.mapViewToScene(QPointF(r, f))
    assert rfm.chart.cell_at(scene) == (r, f)
    rfm.chart.cell_clicked.emit(r, f)
    assert page.tabs.currentWidget() is tab
    in_cell = int(((a.table["R"] == r) & (a.table["F"] == f)).sum())
    assert tab.proxy.rowCount() == int(rfm.chart.grid[f - 1, r - 1]) == in_cell
    tab.set_cell(None)
    assert tab.proxy.rowCount() == 24
    # cross-sell follows the selection
    assert tab.select_customer(ids["V07"])
    cross = page.parts["cross_sell"]
    assert cross.customer_id == ids["V07"] and "V07" in cross.heading.text()
    qtmodeltester.check(cross.model, force_py=True)
    # decide (within a segment filter, which stays): an override without a reason is refused in the
    # dialog, then saved with one
    seg07 = int(a.table.set_index("code").loc["V07", "segment"])
    tab.segment.setCurrentIndex(tab.segment.findData(seg07))
    n_seg = tab.proxy.rowCount()
    assert n_seg == int((a.table["segment"] == seg07).sum()) < 24
    assert tab.select_customer(ids["V07"])
    seen = {}

    def run_dialog(dialog):
        seen["proposed"] = dialog.proposed_label.text()
        dialog.accepted.setCurrentIndex(dialog.accepted.findData("important"))
        dialog.save()
        seen["refused"] = dialog.message.text()
        assert dialog.result() == 0
        dialog.reason.setText("new programme awarded")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(vp.DecideDialog, "exec", run_dialog)
    proposed = a.table.set_index("code").loc["V07", "proposed_class"]
    assert tab.decide_button.isEnabled()
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    assert seen["proposed"] == vp.class_words()[proposed] and "needs a reason" in seen["refused"]
    with db.read() as s:
        assert s.get(Customer, ids["V07"]).value_class == "important"
        d = s.scalars(select(CrmValueDecision).where(CrmValueDecision.customer_id == ids["V07"])).one()
        assert (d.proposed_class, d.accepted_class, d.reason) == (proposed, "important", "new programme awarded")
    assert tab.segment.currentData() == seg07 and tab.proxy.rowCount() == n_seg
    row = tab.table.currentIndex().row()
    assert tab.proxy.index(row, 0).data() == "V07" and tab.proxy.index(row, 14).data() == "Important"
    # export the table and read it back: the decided class is there
    out = tmp_path / "value.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a_, **k: (str(out), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    v07 = next(r for r in rows[1:] if r[0] == "V07")
    assert len(rows) == 25 and v07[header.index("Value class")] == "important"
    assert v07[header.index("Risk")] == "no recent order; falling order frequency"
    # every chart as PNG
    for key in ("pareto", "rfm", "segments"):
        png = tmp_path / f"{key}.png"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a_, _p=png, **k: (str(_p), ""))
        page.parts[key].save_chart()
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_charts_show_the_analysis(qtbot, keep, ctx):
    page = _analysed(qtbot, ctx, keep)
    t = page.analysis.table
    pareto = page.parts["pareto"].chart
    assert list(pareto.bars.opts["height"]) == pytest.approx(list(t["share_pct"]))
    ys = pareto.line.getData()[1]
    assert ys[-1] == pytest.approx(100.0) and all(b >= a_ for a_, b in zip(ys, ys[1:]))  # cumulative, sorted
    seg = page.parts["segments"]
    assert len(seg.chart.bars) == len(page.analysis.segments) == 4
    assert seg.model.rowCount() == 4 and seg.model.frame["customers"].sum() == 24
    page.parts["rfm"].measure.setCurrentIndex(1)  # colour by revenue
    assert page.parts["rfm"].chart.grid.sum() == pytest.approx(t["revenue"].sum())


def test_no_orders_and_bad_parameters(qtbot, keep, db, tmp_path):
    db.actor = Actor.system_job("pytest")
    c = AppContext(database=db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = vp.ValuePage(c)
    qtbot.addWidget(page)
    keep.append(page)
    page.retention.setValue(1.0)
    page.discount.setValue(0.0)
    page.run()
    assert page.handle is None and "retention" in page.status.text()
    page.retention.setValue(0.8)
    page.run()
    qtbot.waitUntil(lambda: page.analysis is not None, timeout=30000)
    assert "No customer has an order" in page.status.text()
    assert not page.parts["table"].export_button.isEnabled()
    c.tasks.wait(20000)


def test_cancelled_job_stops():
    class State:
        cancelled = True

        def progress(self, *_a):
            pass

        def check(self):
            raise TaskCancelled()

    with pytest.raises(TaskCancelled):
        vp.analyse_job(_NoDb(), None, state=State())


class _NoDb:
    actor = None


def test_deciding_needs_crm_value(qtbot, keep, ctx, db):
    from app.models.admin import identity, users

    users.create_user(db, "viewer1", "Viewer", "Viewer2026!", ["viewer"])
    identity.sign_in(db, "viewer1", "Viewer2026!")
    try:
        page = _analysed(qtbot, ctx, keep)
        tab = page.parts["table"]
        tab.select_customer(int(page.analysis.table.iloc[0]["customer_id"]))
        assert not tab.decide_button.isEnabled() and "crm.value" in tab.decide_button.toolTip()
    finally:
        db.actor = Actor.system_job("pytest")


def test_chinese_names_and_classes(qtbot, keep, ctx):
    from app.views.core.translation import install_translators

    ctx.language = "zh_CN"
    install_translators("zh_CN")
    page = _analysed(qtbot, ctx, keep)
    tab = page.parts["table"]
    top = page.analysis.table.iloc[0]
    assert tab.proxy.index(0, 1).data() == top["name_zh"]
    assert tab.proxy.index(0, 13).data() == {"important": "重要顾客", "potential": "潜力顾客", "ordinary": "一般顾客",
                                             "lost": "流失顾客"}[top["proposed_class"]]
    assert page.tabs.tabText(0) == "价值表" and page.run_button.text() == "分析"


class OrdersTabForTest(QWidget):
    """A tab added later by key (as the orders screens will be): built with ``(ctx)`` alone."""

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.seen = None

    def show_analysis(self, analysis) -> None:
        self.seen = analysis


def test_a_later_tab_is_appended_by_key(qtbot, keep, ctx, monkeypatch):
    from app.views.core.tabs import TabFactory

    monkeypatch.setattr(vp, "TAB_FACTORIES", [*vp.TAB_FACTORIES, TabFactory(
        "orders", lambda: "Orders", "tests.views.crm.test_value_page", "OrdersTabForTest")])
    page = _analysed(qtbot, ctx, keep)
    assert page.tabs.tabText(page.tabs.count() - 1) == "Orders"
    assert page.parts["orders"].ctx is ctx and page.parts["orders"].seen is page.analysis


def test_cancel_a_running_analysis(qtbot, keep, ctx, monkeypatch):
    import threading

    started = threading.Event()

    def slow_job(db, params, *, state):
        state.progress(0.3, "working")
        started.set()
        while not state.cancelled:
            threading.Event().wait(0.01)
        state.check()

    monkeypatch.setattr(vp, "analyse_job", slow_job)
    page = vp.ValuePage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    page.show()
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert not page.run_button.isEnabled() and page.cancel_button.isVisible()
    assert started.wait(10)
    qtbot.waitUntil(lambda: page.progress.value() == 30, timeout=5000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.handle is None, timeout=10000)
    assert page.status.text() == "The analysis was cancelled." and page.analysis is None
    assert page.run_button.isEnabled() and not page.cancel_button.isVisible()


def test_every_string_of_the_value_screens_is_translated(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from tests.views.suppliers.test_translations import ROOT, _messages

    sources = [ROOT / "app/views/crm/value_page.py", ROOT / "app/views/crm/value_charts.py",
               ROOT / "app/views/modules/crm_value.py"]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    extracted = tmp_path / "extracted.ts"
    subprocess.run([str(lupdate) if lupdate.exists() else "pyside6-lupdate", "-no-obsolete", "-locations", "none",
                    *map(str, sources), "-ts", str(extracted)], check=True, capture_output=True)
    have = {k for k, v in _messages(ROOT / "resources/translations/crmvalue_zh_CN.ts").items() if v}
    found = list(_messages(extracted))
    assert len(found) > 100 and [k for k in found if k not in have] == []

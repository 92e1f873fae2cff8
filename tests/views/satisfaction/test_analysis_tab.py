"""The Analysis tab: analyse a stored wave in the background through the button, the tables
(qtmodeltester) and the PLS path diagram (boxes left to right by causal order), export of the
tables and the charts; the Satisfaction module lists the tab."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
import pyqtgraph as pg
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from app.models.admin.identity import Actor
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.satisfaction.charts import causal_columns
from app.views.satisfaction.page import SatisfactionPage
from tests.models.satisfaction.world import MOBI, store_wave


@pytest.fixture
def ctx(db, tmp_path):
    db.actor = Actor.system_job("pytest")
    data = pd.read_csv(MOBI, index_col=0)
    sid, vid, _w, customers = store_wave(db, data, kano=[(1, 5), (1, 4)], nps=[10, 9, 6])
    later = data.copy()
    cols = [c for c in data.columns if c.startswith("CUSA")]
    later[cols] = np.minimum(later[cols] + 2, 10)
    store_wave(db, later, code="W2", survey_id=sid, version_id=vid, end=date(2026, 6, 30), customers=customers)
    c = AppContext(database=db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.tasks.wait(20000)


def test_causal_columns_order_the_ecsi_model():
    paths = [("Image", "Expectation"), ("Expectation", "Quality"), ("Quality", "Value"), ("Value", "Satisfaction"),
             ("Image", "Satisfaction"), ("Satisfaction", "Loyalty")]
    cols = causal_columns(["Image", "Expectation", "Quality", "Value", "Satisfaction", "Loyalty"], paths)
    assert cols == {"Image": 0, "Expectation": 1, "Quality": 2, "Value": 3, "Satisfaction": 4, "Loyalty": 5}


def test_analyse_in_the_background_and_export(qtbot, keep, qtmodeltester, ctx, tmp_path, monkeypatch):
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1045, 720)
    tab = page.parts["analysis"]
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Analysis" and tab.wave.count() == 2
    tab.wave.setCurrentIndex(tab.wave.findData(next(tab.wave.itemData(i) for i in range(2)
                                                    if "W1" in tab.wave.itemText(i))))
    tab.resamples.setValue(50)
    qtbot.mouseClick(tab.run_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result is not None, timeout=30000)
    assert "250 answers of 250 asked" in tab.summary.text() and "bootstrap 50 of 50" in tab.summary.text()
    for model in (tab.index_model, tab.path_model, tab.indicator_model, tab.priority_model, tab.kano_model,
                  tab.check_model):
        qtmodeltester.check(model, force_py=True)
    paths = {tab.path_model.frame.loc[i, "path"]: tab.path_model.frame.loc[i, "coef"]
             for i in range(len(tab.path_model.frame))}
    assert paths["Quality → Satisfaction"] == pytest.approx(0.51202394, abs=1e-6)  # SmartPLS, domain.md §4
    xs = {n: p[0] for n, p in tab.diagram.positions.items()}
    assert xs["Image"] < xs["Expectation"] < xs["Quality"] < xs["Value"] < xs["Satisfaction"] < xs["Loyalty"]
    assert set(tab.trend_table["wave"]) == {"W1", "W2"}
    ipa = tab.ipa_chart.listDataItems()[0].getData()  # every question but the satisfaction ones (derived importance)
    assert len(ipa[0]) == len(tab.result.ipa.table) == 21 and max(zip(*ipa))[0] == pytest.approx(tab.result.ipa.table["importance"].max())
    bars = [i for i in tab.nps_chart.getPlotItem().items if type(i).__name__ == "BarGraphItem"]
    assert sum(sum(b.opts["height"]) for b in bars) == 250  # every answer to the NPS question counted
    kano = tab.kano_chart.listDataItems()[0].getData()
    assert len(kano[0]) == 1 and kano[1][0] == pytest.approx(tab.result.kano[0].better)
    sat = tab.trend_table[(tab.trend_table["kind"] == "latent") & (tab.trend_table["name"] == "Satisfaction")]
    assert bool(sat.iloc[1]["significant"])
    # the trend by customer segment: computed in the background, one segment shown at a time
    def lines():
        return {i.name(): list(i.getData()[1]) for i in tab.trend_chart.getPlotItem().listDataItems() if i.name()}

    everyone = lines()
    tab.segment_kind.setCurrentIndex(tab.segment_kind.findData("value_class"))
    qtbot.waitUntil(lambda: tab.segment_value.isEnabled(), timeout=30000)
    assert [tab.segment_value.itemData(i) for i in range(tab.segment_value.count())] == ["important", "ordinary"]
    tab.segment_value.setCurrentIndex(tab.segment_value.findData("ordinary"))
    seg = tab.segment_trend
    want = seg[(seg["kind"] == "latent") & (seg["segment"] == "ordinary") & (seg["name"] == "Satisfaction")]
    shown = lines()
    sat_label = next(k for k in shown if "atisfaction" in k)
    assert shown[sat_label] == pytest.approx(list(want["index"])) and shown[sat_label] != everyone[sat_label]
    tab.segment_kind.setCurrentIndex(0)
    assert lines() == everyone and not tab.segment_value.isEnabled()
    out = tmp_path / "a.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export()
    assert "Path coefficients" in load_workbook(out).sheetnames
    report = tmp_path / "r.pdf"
    tab.export(str(report))
    assert report.read_bytes().startswith(b"%PDF")
    png = tmp_path / "d.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), ""))
    tab.save_chart()
    assert png.stat().st_size > 5000


def test_viewer_may_look_but_not_analyse(qtbot, ctx):
    from app.models.admin import identity, users

    db = ctx.database
    db.actor = None
    identity.create_first_administrator(db, "admin", "管理员", "Secret2026")
    users.create_user(db, "zhao.view", "赵六", "Quality2026", ["viewer"])
    db.actor = identity.sign_in(db, "zhao.view", "Quality2026")
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    tab = page.parts["analysis"]
    assert tab.wave.count() == 2 and not tab.run_button.isEnabled()
    assert "satisfaction.analyse" in tab.summary.text()


def test_customer_detail_satisfaction_tab(qtbot, keep, qtmodeltester, ctx):
    from app.models.customers.tables import Customer
    from app.views.satisfaction.customer_tab import SatisfactionTab

    with ctx.database.read() as s:
        cid = s.query(Customer.id).filter(Customer.code == "W1-C0000").scalar()
    tab = SatisfactionTab(ctx, cid)
    qtbot.addWidget(tab)
    keep.append(tab)
    qtmodeltester.check(tab.model, force_py=True)
    assert list(tab.model.frame["wave"]) == ["W2", "W1"]                # the latest wave first
    assert len(tab.chart.listDataItems()) >= 2
    # the latest answer sheet is shown question by question; choosing the other row shows that one
    qtmodeltester.check(tab.sheet_model, force_py=True)
    assert "W2" in tab.sheet_title.text() and len(tab.sheet_model.frame) >= 24
    proxy = tab.view.model()
    tab.view.selectRow(next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "W1"))
    assert "W1" in tab.sheet_title.text()
    assert tab.sheet_model.frame.iloc[0]["kind"] == "rating" and tab.sheet_model.frame.iloc[0]["text"]


def _analyse(qtbot, tab, code: str, resamples: int = 0) -> None:
    from PySide6.QtCore import Qt

    tab.wave.setCurrentIndex(next(i for i in range(tab.wave.count()) if code in tab.wave.itemText(i).split()))
    tab.resamples.setValue(resamples)
    tab.result = None
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result is not None and tab.result.data.wave_code == code, timeout=30000)


def _header_unsorted(model) -> bool:
    view = model.sort_view
    proxy = view.model()
    return (view.horizontalHeader().sortIndicatorSection() == -1 and proxy.sortColumn() == -1
            and [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
            == [model.index(r, 0).data() for r in range(model.rowCount())])


def test_measurement_dimension_trend_and_service_order(qtbot, keep, qtmodeltester, ctx):
    """The Measurement tables hold result.pls's numbers; a model survey's trend can show its
    dimensions; every table shows the service's order with no sort arrow after a fill."""
    from PySide6.QtCore import QPoint, Qt

    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1280, 800)
    page.show()
    tab = page.parts["analysis"]
    assert tab.wave.currentText() == "ECSI · W2 · Mobile satisfaction (250 answers)"  # the latest closed one
    _analyse(qtbot, tab, "W1")  # the mobi data as published
    fit = tab.result.pls
    qtmodeltester.check(tab.outer_model, force_py=True)
    qtmodeltester.check(tab.block_model, force_py=True)
    outer = tab.outer_model.frame.set_index("code")
    assert list(outer.index) == [c for cols in fit.model.blocks.values() for c in cols]
    for code, row in outer.iterrows():
        assert row["weight"] == pytest.approx(float(fit.outer_weights[code]), abs=1e-12)
        assert row["loading"] == pytest.approx(float(fit.loadings[code]), abs=1e-12)
    assert outer.loc["CUEX1", "weight"] == pytest.approx(0.52118068, abs=1e-6)  # SmartPLS (domain.md §4)
    blocks = tab.block_model.frame.set_index("block")
    for lv in fit.model.blocks:
        assert blocks.loc[lv, "ave"] == pytest.approx(float(fit.ave[lv]))
        assert blocks.loc[lv, "cr"] == pytest.approx(float(fit.composite_reliability[lv]))
    assert blocks.loc["Complaints", "items"] == 1 and not blocks.loc["Complaints", "ave_low"]
    # the shown cell is the number with three decimals; a block under a threshold is red with its reason
    proxy = tab.block_model.sort_view.model()
    col = [c.field for c in tab.block_model.columns].index("ave")
    for r in range(proxy.rowCount()):
        lv = proxy.index(r, 0).data()
        cell = proxy.index(r, col)
        assert cell.data() == f"{float(fit.ave[lv]):.3f}"
        low = len(fit.model.blocks[lv]) > 1 and float(fit.ave[lv]) < 0.5
        assert (cell.data(Qt.ItemDataRole.ForegroundRole) is not None) == low
        assert ("0.5" in (cell.data(Qt.ItemDataRole.ToolTipRole) or "")) == low
    # the rows come in the service's order, no arrow on any header; a click sorts, the next fill resets
    models = (tab.index_model, tab.path_model, tab.outer_model, tab.block_model, tab.indicator_model,
              tab.priority_model, tab.kano_model, tab.check_model)
    assert all(_header_unsorted(m) for m in models)
    pr = tab.result.priorities(top=50)
    assert list(tab.priority_model.frame["code"]) == list(pr.index)
    gaps = list(tab.priority_model.frame["gap"])  # the order is explained: each quadrant group by its gap
    assert gaps == [pytest.approx(g) for g in pr["gap"]] and all(g > 0 for g in gaps)
    pview = tab.priority_model.sort_view
    tab.tables.setCurrentWidget(pview)
    header = pview.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    assert pview.horizontalHeader().sortIndicatorSection() == 0
    _analyse(qtbot, tab, "W2")
    assert all(_header_unsorted(m) for m in models)
    fit = tab.result.pls
    # the trend: latent variables first, the dimensions of the same survey on choice
    assert tab.trend_kind.isEnabled() and tab.trend_kind.currentData() == "latent"

    def lines():
        return {i.name(): list(i.getData()[1]) for i in tab.trend_chart.getPlotItem().listDataItems() if i.name()}

    assert set(lines()) == set(fit.model.blocks)
    tab.trend_kind.setCurrentIndex(tab.trend_kind.findData("dimension"))
    shown = lines()
    dims = tab.trend_table[(tab.trend_table["kind"] == "dimension") & (tab.trend_table["segment"] == "")]
    assert set(shown) == {tab.result.data.label(n) for n in dims["name"]} and "Total" in shown
    want = dims[dims["name"] == "D_Satisfaction"]
    assert shown[tab.result.data.label("D_Satisfaction")] == pytest.approx(list(want["index"]))
    # the significance stars are drawn in their series' colour
    items = tab.trend_chart.getPlotItem().listDataItems()
    stars = [i for i in items if i.opts.get("symbol") == "star"]
    colour_of = {i.name(): pg.mkPen(i.opts["pen"]).color().name() for i in items if i.name()}
    assert stars
    for star in stars:  # each star sits on a point of the line that has its colour
        xs, ys = star.getData()
        owner = next(n for n, v in shown.items() if all(v[int(x)] == pytest.approx(y) for x, y in zip(xs, ys)))
        assert pg.mkBrush(star.opts["symbolBrush"]).color().name() == colour_of[owner]
    assert len(set(colour_of.values())) == len(colour_of)


def test_default_wave_is_the_latest_closed_periodic_one(qtbot, ctx):
    """An open wave and a later transaction wave with answers are listed, but the tab opens on the
    latest closed wave of a periodic survey."""
    from app.models.satisfaction.tables import Respondent, Survey, SurveyVersion, Wave

    db = ctx.database
    data = pd.read_csv(MOBI, index_col=0).head(30)
    with db.read() as s:
        sid, vid = s.query(SurveyVersion.survey_id, SurveyVersion.id).first()
        customers = [r.customer_id for r in s.query(Respondent).limit(30)]
    _s, _v, w3, _c = store_wave(db, data, code="W3", survey_id=sid, version_id=vid, end=date(2026, 9, 30),
                                customers=customers)
    with db.begin() as s:
        s.get(Wave, w3).state = "open"
        tx = Survey(code="TX", name_zh="投诉处理", name_en="Complaint handling", purpose="transaction",
                    scale_min=1, scale_max=5)
        s.add(tx)
        s.flush()
        v = SurveyVersion(survey_id=tx.id, version=1, state="released", model_kind="custom")
        s.add(v)
        s.flush()
        w = Wave(version_id=v.id, code="TX-Q4", name="TX-Q4", period_start=date(2026, 10, 1),
                 period_end=date(2026, 12, 31), state="closed")
        s.add(w)
        s.flush()
        s.add(Respondent(wave_id=w.id, customer_id=customers[0], source="import"))
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    tab = page.parts["analysis"]
    texts = [tab.wave.itemText(i) for i in range(tab.wave.count())]
    with db.read() as s:
        ids = dict(s.query(Wave.code, Wave.id))
    # newest first, every wave with answers
    assert [tab.wave.itemData(i) for i in range(tab.wave.count())] == [ids[c] for c in ("TX-Q4", "W3", "W2", "W1")]
    assert "still open" in texts[1] and "still open" not in texts[2]
    assert tab.wave.currentText() == texts[2] and tab.wave.toolTip() == texts[2]


def test_negative_outer_weight_is_red_with_its_reason(qtbot, keep, qtmodeltester, ctx):
    """A question answered the wrong way round gets a negative outer weight: red, with a tooltip
    saying why the block's index is then undefined (and the Checks table says so too)."""
    from PySide6.QtCore import Qt

    data = pd.read_csv(MOBI, index_col=0)
    with ctx.database.read() as s:
        from app.models.satisfaction.tables import Respondent, SurveyVersion

        sid, vid = s.query(SurveyVersion.survey_id, SurveyVersion.id).first()
        customers = list(dict.fromkeys(r.customer_id for r in s.query(Respondent).order_by(Respondent.id)))
    flipped = data.copy()
    flipped["IMAG5"] = 11 - flipped["IMAG5"]  # reversed: agreeing means disagreeing
    store_wave(ctx.database, flipped, code="W3", survey_id=sid, version_id=vid, end=date(2026, 9, 30),
               customers=customers)
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    tab = page.parts["analysis"]
    _analyse(qtbot, tab, "W3")
    weights = tab.result.pls.outer_weights
    assert float(weights["IMAG5"]) < 0 and (weights.drop("IMAG5") > 0).all()
    qtmodeltester.check(tab.outer_model, force_py=True)
    proxy = tab.outer_model.sort_view.model()
    col = [c.field for c in tab.outer_model.columns].index("weight")
    for r in range(proxy.rowCount()):
        cell = proxy.index(r, col)
        bad = proxy.index(r, 1).data() == "IMAG5"
        assert (cell.data(Qt.ItemDataRole.ForegroundRole) is not None) == bad
        assert ("0–100 index is not defined" in (cell.data(Qt.ItemDataRole.ToolTipRole) or "")) == bad
    assert any(key == "negative_weight" for _l, key, _p in tab.result.checks)
    # its index is undefined: a gap at W3 on the trend, and no star drawn on the gap
    items = tab.trend_chart.getPlotItem().listDataItems()
    image = next(i for i in items if i.name() == "Image").getData()[1]
    assert np.isfinite(image[:2]).all() and np.isnan(image[2])
    assert all(np.isfinite(i.getData()[1]).all() for i in items if i.opts.get("symbol") == "star")


def test_screenshots_show_the_analysed_wave_and_its_charts(qtbot, ctx):
    from app.views.satisfaction.page import screenshots

    shots = dict(screenshots(ctx))
    for page in shots.values():
        qtbot.addWidget(page)
    assert {"analysis", "analysis-measurement", "analysis-priorities", "analysis-nps"} <= set(shots)
    tab = shots["analysis"].parts["analysis"]
    assert tab.result.data.wave_code == "W2" and tab.diagram.positions and tab.result.boot is not None
    measurement = shots["analysis-measurement"].parts["analysis"]
    assert measurement.tables.currentWidget() is measurement.measurement
    assert measurement.charts.currentWidget() is measurement.trend_box
    assert len([i for i in measurement.trend_chart.getPlotItem().listDataItems() if i.name()]) == 7
    assert shots["analysis-priorities"].parts["analysis"].ipa_chart.listDataItems()

"""The CSI model tab: the demo CCSI version shown frozen and valid; a journey on a draft custom
model: a cycle added shows the problem in red, Ctrl+Z removes it, the model is valid (green);
a template applied, an indicator reassigned through its combo box; the tables pass qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from app.models.admin import identity
from app.models.satisfaction import model
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.satisfaction.model_tab import ModelTab
from tests.models.satisfaction.fixtures import make_version


@pytest.fixture
def ctx(demo_db, tmp_path):
    identity.sign_in_personal(demo_db)
    c = AppContext(database=demo_db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.tasks.wait(10000)


def test_demo_ccsi_is_frozen_and_valid(qtbot, ctx, keep, qtmodeltester):
    tab = ModelTab(ctx)
    qtbot.addWidget(tab)
    keep.append(tab)
    assert tab.view.survey_code == "CCSI" and not tab.view.editable
    assert tab.problem_texts()[0].startswith("✔") and "frozen" in tab.state.text()
    assert not tab.template_buttons["ccsi"].isEnabled()
    assert tab.block_data.rowCount() == 6 and tab.path_data.rowCount() == 11
    assert set(tab.diagram.positions) == {b.name for b in tab.view.blocks}
    for m in (tab.block_proxy, tab.path_proxy, tab.item_proxy):
        qtmodeltester.check(m)
    tab.blocks.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert tab.block_proxy.index(0, 0).data() == "PerceivedQuality"  # the most items


def test_journey_cycle_shown_undone_valid(qtbot, ctx):
    vid = make_version(ctx.database, code="DRAFT")
    tab = ModelTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_version(vid)
    assert tab.view.editable and tab.problem_texts()[0].startswith("✔")
    tab.source.setCurrentIndex(tab.source.findData("Loyalty"))
    tab.target.setCurrentIndex(tab.target.findData("Image"))
    tab.add_path()
    texts = tab.problem_texts()
    assert any("cycle" in t and "Loyalty" in t for t in texts) and not texts[0].startswith("✔")
    assert tab.diagram.positions == {}  # no order to draw a cycle in
    assert tab.undo_action.shortcut().toString() == "Ctrl+Z"
    tab.undo_action.trigger()
    assert ("Loyalty", "Image") not in tab.view.paths and tab.problem_texts()[0].startswith("✔")
    assert model.validate_model(ctx.database, vid) == []
    # a new block without items is refused until an indicator measures it
    qtbot.keyClicks(tab.block_name, "Value")
    qtbot.keyClick(tab.block_name, Qt.Key.Key_Return)
    assert any("Value has no indicators" in t for t in tab.problem_texts())
    combo = tab.assign_combo("PQ2")
    combo.setCurrentIndex(combo.findData("Value"))
    tab.source.setCurrentIndex(tab.source.findData("Quality"))
    tab.target.setCurrentIndex(tab.target.findData("Value"))
    tab.add_path()
    tab.source.setCurrentIndex(tab.source.findData("Value"))
    tab.target.setCurrentIndex(tab.target.findData("Satisfaction"))
    tab.add_path()
    assert tab.problem_texts()[0].startswith("✔")  # warnings (one item) only
    assert "Value" in tab.diagram.positions
    # a refused edit says why and changes nothing
    tab.add_path()
    assert "already exists" in tab.state.text()
    tab.undo_stack.undo()
    assert ("Value", "Satisfaction") not in tab.view.paths


def test_template_and_rename(qtbot, ctx):
    vid = make_version(ctx.database, code="DRAFT")
    tab = ModelTab(ctx)
    qtbot.addWidget(tab)
    tab.select_version(vid)
    tab.apply_template("ecsi")
    assert tab.view.model_kind == "ecsi" and tab.block_data.rowCount() == 7
    assert any("Expectation has no indicators" in t for t in tab.problem_texts())
    tab.undo_stack.undo()
    assert tab.view.model_kind == "custom" and tab.block_data.rowCount() == 4
    item = tab.block_data.item(0, 2)
    item.setText("Corporate image")
    qtbot.waitUntil(lambda: tab.view.blocks[0].label_en == "Corporate image")

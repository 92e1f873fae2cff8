"""The Plan waves tab: a wave planned with a filter (the target count follows the filters), opened,
closed; a bad input and an invalid model refused on screen with the service's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from app.models.admin import identity
from app.models.satisfaction import campaigns, model
from app.models.satisfaction.tables import SurveyVersion
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.satisfaction.plan_tab import PlanTab
from tests.models.satisfaction.fixtures import make_version


@pytest.fixture
def ctx(demo_db, tmp_path):
    identity.sign_in_personal(demo_db)
    c = AppContext(database=demo_db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.tasks.wait(10000)


def _check(listw, value):
    for i in range(listw.count()):
        if listw.item(i).data(Qt.ItemDataRole.UserRole) == value:
            listw.item(i).setCheckState(Qt.CheckState.Checked)


def test_plan_a_wave_with_a_filter_and_open_it(qtbot, ctx, keep, qtmodeltester):
    tab = PlanTab(ctx)
    qtbot.addWidget(tab)
    keep.append(tab)
    qtmodeltester.check(tab.proxy)
    everyone = len(campaigns.preview(ctx.database, tab.filter()))
    _check(tab.value_classes, "important")
    chosen = len(campaigns.preview(ctx.database, tab.filter()))
    assert 0 < chosen < everyone and tab.count.text().startswith(f"{chosen} target")
    qtbot.keyClicks(tab.code, "CCSI-2027Q1")
    tab.start.setDate(QDate(2027, 1, 1))
    tab.end.setDate(QDate(2027, 3, 31))
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    assert "planned" in tab.message.text()
    row = next(w for w in campaigns.list_planning(ctx.database) if w.code == "CCSI-2027Q1")
    assert row.state == "planned" and row.targets == chosen and tab.selected() == row.id
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert "open" in tab.message.text()
    assert next(w for w in campaigns.list_planning(ctx.database) if w.code == "CCSI-2027Q1").state == "open"
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    assert next(w for w in campaigns.list_planning(ctx.database) if w.code == "CCSI-2027Q1").state == "closed"
    # the same code again: refused, what was typed stays
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    assert "already exists" in tab.message.text() and tab.code.text() == "CCSI-2027Q1"


def test_open_refused_for_an_invalid_model(qtbot, ctx):
    vid = make_version(ctx.database, code="BAD")
    model.add_path(ctx.database, vid, "Loyalty", "Image")
    with ctx.database.begin() as s:
        s.get(SurveyVersion, vid).state = "released"
    tab = PlanTab(ctx)
    qtbot.addWidget(tab)
    tab.version.setCurrentIndex(tab.version.findData(vid))
    tab.code.setText("BAD-1")
    tab.plan()
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert "cannot start" in tab.message.text() and "cycle" in tab.message.text()
    assert next(w for w in campaigns.list_planning(ctx.database) if w.code == "BAD-1").state == "planned"

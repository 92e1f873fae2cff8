"""The receive screen for exempt and skip-lot pairs: the action at once instead of the plan, one
action records the lot accepted without inspection."""

import os

import pytest
from PySide6.QtCore import QSettings, Qt

from app.models.inspection import service
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators
from app.views.inspection.page import InspectionPage
from tests.support.inspection import seed_pair


@pytest.fixture
def ctx(db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait(10000)


def _panel(ctx, qtbot, sid, pid, size=500):
    page = InspectionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    panel = page.receive
    panel.owner_page = page  # keep the page (and so the panel's widgets) alive for the test
    panel.select_pair(sid, pid)
    panel.lot_size.setValue(size)
    return panel


def test_exempt_pair_shows_exemption_and_records_in_one_action(ctx, db, qtbot):
    sid, pid = seed_pair(db)
    service.save_setting(db, sid, pid, aql_major=1.0, aql_minor=4.0, exemption="exempt",
                         exemption_reason="agreement QA-7 clause 5.2")
    panel = _panel(ctx, qtbot, sid, pid)
    assert "exempt — accept on the supplier's certificate of conformance" in panel.action_label.text()
    assert panel.plan_model.rowCount() == 0 and not panel.results.isEnabled()
    panel.lot_number.setText("EX-1")
    assert panel.record_button.isEnabled()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert panel.outcome is not None, panel.decision.text()
    assert panel.outcome.accepted and panel.outcome.classes == ()
    assert "granted by" in panel.decision.text()
    out_dir = os.environ.get("QB_SKIPLOT_PNG")
    if out_dir:  # render both languages at 1280x800 for looking at
        for lang in ("en", "zh_CN"):
            install_translators(lang)
            ctx.language = lang
            p = _panel(ctx, qtbot, sid, pid)
            p.lot_number.setText("EX-2")
            p.window().grab()  # the first grab lays the rich-text label out
            p.window().grab().save(os.path.join(out_dir, f"receive_exempt_{lang}.png"))
        install_translators("en")


def test_skip_lot_pair_says_skip_then_inspect(ctx, db, qtbot):
    sid, pid = seed_pair(db)
    service.save_setting(db, sid, pid, aql_major=1.0, aql_minor=4.0, exemption="skip_lot",
                         exemption_reason="agreement QA-7 clause 5.2")
    service.record_lot(db, service.LotInput(sid, pid, "S-1", 500, defects={"major": 0}))
    panel = _panel(ctx, qtbot, sid, pid)
    assert "skip this lot (1 of 2)" in panel.action_label.text()
    panel.lot_number.setText("S-2")
    panel.record()
    assert panel.outcome.accepted and "skip-lot" in panel.decision.text()
    panel.clear()
    panel.lot_size.setValue(500)
    assert "inspect this lot" in panel.action_label.text() and panel.plan_model.rowCount() == 2

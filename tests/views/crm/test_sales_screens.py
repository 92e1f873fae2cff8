"""Sales screens on a real database: the item models pass qtmodeltester, the stage buttons move
an opportunity, a form shows the service's refusal on its field and keeps the input, the
reminders list shows overdue in red, the home page's counts open the lists they count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.models.crm import activities, campaigns
from app.models.crm import opportunities as opps
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from tests.models.crm.conftest import make_sales_world


@pytest.fixture
def ctx(db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


@pytest.fixture
def world(db):
    w = make_sales_world(db)
    today = date.today()
    w["camp"] = campaigns.create_campaign(db, {"code": "F1", "name": "Fair", "campaign_type": "trade_fair",
                                               "actual_cost": 100})
    w["opp"] = opps.create_opportunity(db, {"customer_id": w["current"], "title": "Brake brackets",
                                            "expected_revenue": 1000, "reminder_on": today, "campaign_id": w["camp"]})
    campaigns.add_targets(db, w["camp"], group="quality")
    campaigns.record_response(db, w["camp"], w["anna"], channel="booth")
    w["late"] = activities.create_activity(db, {"kind": "call", "subject": "Late call", "customer_id": w["current"],
                                                "due_on": today - timedelta(days=2)})
    return w


def test_models_pass_the_model_tester(ctx, world, qtbot, qtmodeltester):
    from app.views.crm.sales_page import SalesPage

    page = SalesPage(ctx)
    qtbot.addWidget(page)
    for model in (page.opportunities.model, page.opportunities.notes_model, page.campaigns.model,
                  page.campaigns.targets_model, page.campaigns.responses_model, page.campaigns.opps_model,
                  page.activities.reminders_model, page.activities.open_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_stage_buttons_and_note(ctx, world, qtbot):
    from app.views.crm.sales_page import SalesPage

    page = SalesPage(ctx)
    qtbot.addWidget(page)
    tab = page.opportunities
    assert tab.current.id == world["opp"]
    assert not tab.back_button.isEnabled() and not tab.won_button.isEnabled()
    qtbot.mouseClick(tab.forward_button, Qt.MouseButton.LeftButton)
    assert opps.get_opportunity(ctx.database, world["opp"]).stage == "needs_analysis"
    tab.follow_edit.setText("next week")
    qtbot.mouseClick(tab.note_button, Qt.MouseButton.LeftButton)
    assert tab.follow_edit.toolTip() and "date" in tab.follow_edit.toolTip()  # refused on its field
    tab.follow_edit.setText("")
    qtbot.keyClicks(tab.note_edit, "Samples sent")
    qtbot.mouseClick(tab.note_button, Qt.MouseButton.LeftButton)
    assert opps.timeline(ctx.database, world["opp"])[0].text == "Samples sent"
    assert tab.notes_model.rowCount() == 3


def test_lost_dialog_needs_a_reason_on_its_field(ctx, world, qtbot):
    from app.views.crm.opportunity_dialogs import CloseDialog

    row = opps.get_opportunity(ctx.database, world["opp"])
    dialog = CloseDialog(ctx, row, "lost")
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "reason" in dialog.marked_fields() and dialog.result() == 0
    dialog.reason.setPlainText("Price")
    dialog._accept()
    assert opps.get_opportunity(ctx.database, world["opp"]).stage == "lost"


def test_campaign_dialog_refusal_keeps_the_input(ctx, world, qtbot):
    from app.views.crm.campaign_dialogs import CampaignDialog

    dialog = CampaignDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "F1")  # taken
    qtbot.keyClicks(dialog.name, "Second fair")
    dialog._accept()
    assert "code" in dialog.marked_fields() and dialog.name.text() == "Second fair"


def test_reminders_show_overdue_in_red(ctx, world, qtbot):
    from app.views.crm.sales_page import SalesPage
    from app.views.crm.sales_common import OVERDUE

    page = SalesPage(ctx)
    qtbot.addWidget(page)
    page.open_filtered("reminders")
    model = page.activities.reminders_model
    assert model.rowCount() == len(activities.reminders(ctx.database)) == 2
    colours = {model.index(r, 3).data(): model.index(r, 3).data(Qt.ItemDataRole.ForegroundRole)
               for r in range(model.rowCount())}
    assert colours["Late call"] == OVERDUE and colours["Brake brackets"] is None


def test_stage_filter_opens_one_stage(ctx, world, qtbot):
    from app.views.crm.sales_page import SalesPage

    opps.create_opportunity(ctx.database, {"customer_id": world["current"], "title": "Second"})
    opps.move_stage(ctx.database, world["opp"], "needs_analysis")
    page = SalesPage(ctx)
    qtbot.addWidget(page)
    page.open_filtered("stage", "needs_analysis")
    assert page.opportunities.model.rowCount() == opps.stage_counts(ctx.database)["needs_analysis"] == 1


def test_charts_export_png(ctx, world, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from app.views.crm.sales_charts import SalesCharts

    charts = SalesCharts(ctx)
    qtbot.addWidget(charts)
    charts.show()
    for box in (charts.pipeline, charts.campaigns):
        path = box.save_png(tmp_path / f"{box.name}.png")
        image = QImage(str(path))
        assert image.width() > 100 and image.height() > 100
    assert len(charts.pipeline.plot.getAxis("bottom")._tickLevels[0]) == 4  # the four open stages


def test_customer_detail_has_the_sales_tab(ctx, world, qtbot, qtmodeltester):
    from app.views.crm.sales_customer_tab import SalesTab
    from app.views.customers.detail import CustomerDetail

    detail = CustomerDetail(ctx)
    qtbot.addWidget(detail)
    detail.set_customer(world["current"])
    tabs = [w for _f, w in detail.extra_tabs if isinstance(w, SalesTab)]
    assert len(tabs) == 1
    tab = tabs[0]
    assert tab.opps_model.rowCount() == 1 and tab.acts_model.rowCount() == 1
    qtmodeltester.check(tab.opps_model)
    qtmodeltester.check(tab.acts_model)


def test_export_writes_the_rows_shown(ctx, world, qtbot, tmp_path):
    from app.views.crm.sales_page import SalesPage, export_grid

    page = SalesPage(ctx)
    qtbot.addWidget(page)
    path = export_grid(page, page.opportunities.table, "opportunities", str(tmp_path / "o.csv"))
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[:3] == ["No.", "Title", "Customer"] and "Brake brackets" in lines[1]
    assert export_grid(page, page.campaigns.table, "campaigns", str(tmp_path / "c.xlsx")).stat().st_size > 0


def test_remove_target_and_edit_activity(ctx, world, qtbot):
    from app.views.crm.activity_dialogs import ActivityDialog
    from app.views.crm.sales_page import SalesPage

    page = SalesPage(ctx)
    qtbot.addWidget(page)
    tab = page.campaigns
    before = tab.targets_model.rowCount()
    tab.targets_view.selectRow(0)
    tab.remove_target()
    assert tab.targets_model.rowCount() == before - 1 == len(campaigns.targets(ctx.database, world["camp"]))
    dialog = ActivityDialog(ctx, row=activities.get_activity(ctx.database, world["late"]))
    qtbot.addWidget(dialog)
    assert dialog.subject.text() == "Late call"
    dialog.subject.setText("Late call, moved")
    dialog.due.setText(date.today().isoformat())
    dialog._accept()
    row = activities.get_activity(ctx.database, world["late"])
    assert (row.subject, row.due_on) == ("Late call, moved", date.today())


def test_won_dialog_creates_the_prospects_customer(ctx, world, qtbot):
    from app.models.customers import master
    from app.views.crm.opportunity_dialogs import CloseDialog

    oid = opps.create_opportunity(ctx.database, {"prospect_name": "Xinrui Robotics", "title": "Gears"})
    for stage in ("needs_analysis", "proposal", "negotiation"):
        opps.move_stage(ctx.database, oid, stage)
    dialog = CloseDialog(ctx, opps.get_opportunity(ctx.database, oid), "won")
    qtbot.addWidget(dialog)
    dialog.amount.setText("12000")
    dialog.code.setText("C-CUR")  # taken: refused on the code field, the dialog stays
    dialog._accept()
    assert "new_customer.code" in dialog.marked_fields() and dialog.name_en.text() == "Xinrui Robotics"
    dialog.code.setText("C-XR")
    dialog._accept()
    assert dialog.created.customer_created
    assert master.get_customer(ctx.database, dialog.created.customer_id).row.code == "C-XR"


def test_won_dialog_records_the_first_order_lines(ctx, world, qtbot, tmp_path):
    from app.models.crm.orders import order_rows
    from app.views.crm.opportunity_dialogs import CloseDialog

    oid = world["opp"]
    nxt = {"qualification": "needs_analysis", "needs_analysis": "proposal", "proposal": "negotiation"}
    while (stage := opps.get_opportunity(ctx.database, oid).stage) != "negotiation":
        opps.move_stage(ctx.database, oid, nxt[stage])
    dialog = CloseDialog(ctx, opps.get_opportunity(ctx.database, oid), "won")
    qtbot.addWidget(dialog)
    dialog.resize(620, 640)
    dialog.amount.setText("12000")
    dialog.first_order.setChecked(True)
    dialog.order_no.setText("SO-W1")
    dialog.set_line(0, {"part_code": "BR-1", "part_name": "制动支架", "quantity": "-5", "amount": "800", "margin": "80"})
    dialog.set_line(1, {"part_code": "BR-2", "quantity": "10", "amount": "abc"})
    dialog._accept()
    # refused on the lines, with the line named; the opportunity is still open and nothing is stored
    assert "first_order.lines.1.quantity" in dialog.marked_fields()
    assert "First order line 1, quantity" in dialog.error.text()
    assert "First order line 2, amount" in dialog.error.text()
    assert opps.get_opportunity(ctx.database, oid).stage == "negotiation" and order_rows(ctx.database) == []
    dialog.grab().save(str(tmp_path / "won.png"))
    dialog.set_line(0, {"part_code": "BR-1", "part_name": "制动支架", "quantity": "5", "amount": "800", "margin": "80"})
    dialog.set_line(1, {"part_code": "BR-2", "quantity": "10", "amount": "400", "margin": "-4"})
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    [row] = order_rows(ctx.database)
    assert (row.order_no, row.lines, row.amount, row.margin) == ("SO-W1", 2, 1200.0, 76.0)

"""Complaint screens on a real database file: item models pass qtmodeltester, the intake keeps
the input on error, and the journey complaint → containment → SCAR on the supplier → verify →
reply letter → closed with the customer's rating, through the widgets."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.models.complaints import service as svc
from app.models.suppliers import corrective
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from tests.models.complaints.conftest import intake, make_world


def make_ctx(database, tmp_path, lang="en"):
    settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    return AppContext(database=database, tasks=TaskRunner(), language=lang, settings=settings)


@pytest.fixture
def ctx(db, tmp_path, qapp):
    return make_ctx(db, tmp_path)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


def test_models_pass_the_model_tester(ctx, qtmodeltester):
    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world))
    svc.complete_step(ctx.database, cid, "D1", "team")
    svc.create_complaint(ctx.database, intake(world, complaint_type="return", severity="minor"))
    page = ComplaintsPage(ctx)
    assert page.list.model.rowCount() == 2
    page.list.select(cid)
    assert page.detail.complaint_id == cid
    for model in (page.list.model, page.detail.steps_model, page.detail.events_model, page.detail.files_model):
        qtmodeltester.check(model)
    # the SLA column shows working time, coloured
    left_col = page.list._left_col
    texts = [page.list.model.index(r, left_col).data() for r in range(2)]
    assert all(("left" in t or "overdue" in t) for t in texts)


def test_intake_shows_every_problem_and_keeps_the_input(ctx, qtbot, tmp_path):
    from app.views.complaints.intake import IntakeDialog

    world = make_world(ctx.database)
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.lot, "L-77")
    assert dialog.create() is False
    text = dialog.message.text()
    assert "customer: required" in text and "title: required" in text and "description: required" in text
    assert dialog.lot.text() == "L-77" and "c0392b" in dialog.title.styleSheet()
    dialog.customer.setCurrentIndex(dialog.customer.findData(world["customer"]))
    assert dialog.contact.count() == 3 and dialog.part.count() >= 2
    dialog.title.setText("毛刺")
    dialog.description.setPlainText("边缘毛刺")
    photo = tmp_path / "burr.jpg"
    photo.write_bytes(b"jpeg")
    dialog.add_files([str(photo)])
    assert "burr.jpg" in dialog.files_label.text()
    assert dialog.create() is True and dialog.complaint_id is not None
    d = svc.get_complaint(ctx.database, dialog.complaint_id)
    assert d.lot == "L-77" and [a["file_name"] for a in d.attachments] == ["burr.jpg"]


def test_journey_complaint_to_scar_to_letter_to_closed_with_rating(ctx, qtbot, tmp_path):
    from app.views.complaints.intake import IntakeDialog
    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.list.new_complaint()
    assert isinstance(dialog, IntakeDialog)
    dialog.customer.setCurrentIndex(dialog.customer.findData(world["customer"]))
    dialog.part.setCurrentIndex(dialog.part.findData(world["part"]))
    dialog.set_received(datetime.now().replace(second=0, microsecond=0) - timedelta(hours=2))
    dialog.severity.setCurrentIndex(dialog.severity.findData("critical"))
    qtbot.keyClicks(dialog.title, "Burr on bracket")
    qtbot.keyClicks(dialog.description, "120 brackets with a sharp burr")
    dialog.qty.setValue(120)
    assert dialog.create()
    cid = dialog.complaint_id
    assert page.list.current_id() == cid and page.detail.complaint_id == cid
    detail = page.detail
    assert detail.next_label.text().startswith("Next step: D1")
    # no skipping: the step recorded is always the current one
    for text in ("CQE + production + SQE", "Burr 0.3 mm on edge A", "2,000 pcs in stock sorted"):
        detail.step_text.setPlainText(text)
        assert detail.record_step()
    assert detail.detail.containment_late is False and detail.detail.sla_milestone == "root_cause"
    # trace to the supplier: the part's suppliers are offered (two), pick B
    assert detail.raise_scar(supplier_id=world["supplier_b"])
    assert "containment" in detail.scar_label.text().lower() and not detail.open_scar_button.isHidden()
    car_id = detail.detail.scar.id
    scar_dialog = detail.open_scar()
    qtbot.addWidget(scar_dialog)
    assert scar_dialog.editors["D2"].toPlainText() == "Burr 0.3 mm on edge A"
    scar_dialog.editors["D3"].setPlainText("Supplier stock sorted")
    assert scar_dialog.save_8d()
    assert scar_dialog.verify(note="Three lots OK")
    scar_dialog.reject()
    assert corrective.get_corrective_action(ctx.database, car_id).status == "verified"
    detail.refresh()
    assert "verified" in detail.scar_label.text()
    for step in ("D4", "D5", "D6", "D7", "D8"):
        assert detail.record_step(f"{step} done")
    assert detail.record_step("Replacement shipped; die edge replaced")  # inform
    letter = detail.letter(tmp_path / "reply.pdf")
    assert letter is not None and letter.stat().st_size > 5000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True).stdout
        assert "Replacement shipped" in text and "Anna Berg" in text
    detail.rating.setValue(4)
    assert detail.record_step("Quick and clear")
    assert not detail.close_button.isHidden()
    assert detail.close_complaint()
    d = svc.get_complaint(ctx.database, cid)
    assert d.state == "closed" and d.rating == 4 and not detail.reopen_button.isHidden()
    page.list.state.setCurrentIndex(page.list.state.findData("closed"))
    assert page.list.model.frame["id"].tolist() == [cid]
    # … and it counts in supplier B's evaluation of the month as a customer complaint
    from app.models.evaluation.service import evaluate_period, trace_details

    period = svc.get_complaint(ctx.database, cid).received_at.strftime("%Y-%m")
    evaluate_period(ctx.database, period)
    ind = trace_details(ctx.database, "S-B", period)["indicators"]["customer_complaints"]
    assert ind["counts"]["customer_complaints"] == 1 and ind["value"] == 1


def test_close_refused_while_scar_containment_open_then_override(ctx, qtbot, monkeypatch, tmp_path):
    from app.views.complaints.detail import ComplaintDetailWidget

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world, complaint_type="delivery", severity="minor"))
    svc.raise_scar(ctx.database, cid)
    for step in ("identify", "analyse", "propose", "implement", "verify", "improve", "inform"):
        svc.complete_step(ctx.database, cid, step, "ok")
    svc.complete_step(ctx.database, cid, "rating", "ok", rating=3)
    w = ComplaintDetailWidget(ctx)
    qtbot.addWidget(w)
    w.set_complaint(cid)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    assert w.close_complaint() is False
    assert "containment" in w.message.text()
    assert w.close_complaint("customer accepted the sorted stock")
    assert svc.get_complaint(ctx.database, cid).state == "closed"
    assert w.reopen("came back") and svc.get_complaint(ctx.database, cid).state == "open"
    assert w.pause("photos asked") and not w.resume_button.isHidden()
    assert w.resume() and not w.pause_button.isHidden()
    assert w.edit_costs((100.0, 20.0, 5.5)) and "125.50" in w.facts["costs"].text()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg")
    assert w.attach(photo) and w.files_model.rowCount() == 1
    opened = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    w.files_view.setCurrentIndex(w.files_view.model().index(0, 0))
    path = w.open_attachment()
    assert path.read_bytes() == b"jpeg" and opened == [str(path)]


def test_customer_detail_shows_its_complaints_tab(ctx, qtbot):
    from app.views.complaints.customer_tab import ComplaintsTab
    from app.views.customers.detail import CustomerDetail

    world = make_world(ctx.database)
    mine = svc.create_complaint(ctx.database, intake(world))
    other_contact = None
    svc.create_complaint(ctx.database, intake(world, customer_id=world["other"], contact_id=other_contact))
    detail = CustomerDetail(ctx)
    qtbot.addWidget(detail)
    detail.set_customer(world["customer"])
    tabs = [w for _f, w in detail.extra_tabs if isinstance(w, ComplaintsTab)]
    assert len(tabs) == 1
    tab = tabs[0]
    assert tab.list.model.frame["id"].tolist() == [mine]
    assert tab.list.customer.isHidden()
    dialog = tab.list.new_complaint()
    qtbot.addWidget(dialog)
    assert dialog.customer.currentData() == world["customer"]
    dialog.reject()


def test_monthly_report_and_register_from_the_list(ctx, qtbot, tmp_path):
    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    svc.create_complaint(ctx.database, intake(world))
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    assert page.list.monthly_report("2026-13", tmp_path / "x.pdf") is None
    assert "2026-03" in page.list.summary.text()  # the hint names an example period
    out = page.list.monthly_report("2026-03", str(tmp_path / "m.pdf"))
    assert out and (tmp_path / "m.pdf").stat().st_size > 5000
    reg = page.list.export(str(tmp_path / "r.csv"))
    assert reg.read_text(encoding="utf-8-sig").count("CC-2026-") == 1


def test_charts_show_the_report_and_save_png(ctx, qtbot, tmp_path):
    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    for defect in ("burr", "burr", "scratch"):
        svc.create_complaint(ctx.database, intake(world, defect=defect))
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.list.charts("2026-03")
    qtbot.addWidget(dialog)
    assert dialog.report.pareto_defects.to_dict() == {"burr": 2, "scratch": 1}
    assert dialog.report.per_month_type.loc["2026-03", "quality"] == 3
    for box in dialog.boxes():
        out = box.save_png(tmp_path / f"{box.name}.png")
        assert out.stat().st_size > 1000
    assert page.list.charts("2026-13") is None


def test_sla_settings_change_the_clock(ctx, qtbot):
    from datetime import date as _date

    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world))
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.list.sla_settings()
    qtbot.addWidget(dialog)
    dialog.targets[("critical", "first_response")].setText("soon")
    assert dialog.save() is False and "c0392b" in dialog.targets[("critical", "first_response")].styleSheet()
    dialog.targets[("critical", "first_response")].setText("2h")
    dialog.hours.setText("08:00-16:00")
    dialog.holidays.setPlainText("2026-10-01\n2026-10-02")
    assert dialog.save() is True
    cal = svc.calendar(ctx.database)
    assert cal.hours == (("08:00", "16:00"),) and _date(2026, 10, 1) in cal.holidays
    assert svc.target_texts(ctx.database)["critical"]["first_response"] == "2h"
    # a type of its own: repairs get 3 days to close when minor; the others keep the every-type value
    dialog = page.list.sla_settings()
    qtbot.addWidget(dialog)
    dialog.type.setCurrentIndex(dialog.type.findData("repair"))
    assert dialog.targets[("critical", "first_response")].text() == "2h"  # inherited
    dialog.targets[("minor", "closure")].setText("3d")
    dialog.type.setCurrentIndex(dialog.type.findData("*"))
    assert dialog.targets[("minor", "closure")].text() == "60d"
    assert dialog.save() is True
    assert svc.target_texts(ctx.database, "repair")["minor"]["closure"] == "3d"
    assert svc.target_texts(ctx.database, "return")["minor"]["closure"] == "60d"
    from app.models.complaints.tables import ComplaintSlaTarget
    from sqlalchemy import select as _select

    with ctx.database.read() as s:
        own = [(r.complaint_type, r.severity, r.milestone) for r in s.scalars(_select(ComplaintSlaTarget))
               if r.complaint_type != "*"]
    assert own == [("repair", "minor", "closure")]
    # received Fri 2026-03-06 15:00, 2 h of an 08:00–16:00 day: Fri 15–16 + Mon 08–09 → due Mon 09:00
    d = svc.get_complaint(ctx.database, cid, now=datetime(2026, 3, 6, 15, 30))
    assert d.sla_due_at == datetime(2026, 3, 9, 9, 0)


def test_closing_asks_for_the_signature_when_required(ctx, qtbot, monkeypatch):
    from app.models.admin import identity, signatures, users
    from app.views.admin import signature as sigview
    from app.views.complaints.detail import ComplaintDetailWidget

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world, complaint_type="delivery"))
    for step in ("identify", "analyse", "propose", "implement", "verify", "improve", "inform"):
        svc.complete_step(ctx.database, cid, step, "ok")
    svc.complete_step(ctx.database, cid, "rating", "ok", rating=5)
    signatures.set_required_actions(ctx.database, {"complaints.close"})
    users.create_user(ctx.database, "qm", "周敏", "Quality2026", ["quality_manager"])
    identity.sign_in(ctx.database, "qm", "Quality2026")
    asked = []

    def fake_exec(dialog):
        asked.append(dialog)
        dialog.password.setText("Quality2026")
        dialog.sign()
        return dialog.result()

    monkeypatch.setattr(sigview.SignatureDialog, "exec", fake_exec)
    w = ComplaintDetailWidget(ctx)
    qtbot.addWidget(w)
    w.set_complaint(cid)
    assert w.close_complaint() and len(asked) == 1
    assert svc.get_complaint(ctx.database, cid).state == "closed"
    assert signatures.signature_states(ctx.database, "complaints", cid)[0].valid


def test_a_viewer_sees_complaints_but_cannot_change_them(ctx, qtbot):
    from app.models.admin import identity, users
    from app.views.complaints.page import ComplaintsPage

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world))
    users.create_user(ctx.database, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(ctx.database, "zhao", "Viewer2026")
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    assert page.list.model.frame["id"].tolist() == [cid] and not page.list.new_button.isEnabled()
    d = page.detail
    assert d.complaint_id == cid
    assert not d.record_button.isEnabled() and not d.pause_button.isEnabled() and not d.scar_button.isEnabled()
    assert d.record_step("team") is False and "complaints.record" in d.message.text()


def test_trace_to_a_supplier_without_a_scar(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.views.complaints.detail import ComplaintDetailWidget

    world = make_world(ctx.database)
    cid = svc.create_complaint(ctx.database, intake(world))
    w = ComplaintDetailWidget(ctx)
    qtbot.addWidget(w)
    w.set_complaint(cid)
    assert not w.trace_button.isHidden()
    # the part has two suppliers: the user picks the second (B)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[1], True))
    assert w.trace()
    d = svc.get_complaint(ctx.database, cid)
    assert d.supplier_code == "S-B" and d.scar is None and w.trace_button.isHidden()
    assert "S-B" in w.scar_label.text()

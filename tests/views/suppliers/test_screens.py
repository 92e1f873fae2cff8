"""Lifecycle screens on real databases: supplier detail, survey and audit wizards (validation,
autosave, resume), template editor, corrective action editor, approval flow, qualified list,
printing and the module pages."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pandas as pd
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.models.suppliers import approval
from app.models.suppliers import audits, corrective
from app.models.suppliers import master as sup
from app.models.suppliers import surveys
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


def make_ctx(database, tmp_path, lang="en"):
    settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    settings.setValue("user/name", "Tester")
    return AppContext(database=database, tasks=TaskRunner(), language=lang, settings=settings)


@pytest.fixture
def ctx(db, tmp_path, qapp):
    return make_ctx(db, tmp_path)


@pytest.fixture
def demo_ctx(demo_db, tmp_path, qapp):
    return make_ctx(demo_db, tmp_path)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


@pytest.fixture(autouse=True)
def no_preview(monkeypatch):
    previews = []
    for mod in ("survey_wizard", "audit_wizard"):
        monkeypatch.setattr(f"app.views.suppliers.{mod}.preview_pdf", lambda path, parent=None, **k: previews.append(path))
    return previews


def supplier(db, code="A1", **extra):
    return sup.create_supplier(db, {"code": code, "name_zh": "甲公司", "name_en": "Alpha Co", **extra})


def test_detail_shows_tabs_and_highlights_expiry(ctx, qtbot):
    from app.views.suppliers.detail import SupplierDetail

    sid = supplier(ctx.database)
    today = date.today()
    sup.add_certificate(ctx.database, sid, {"standard": "ISO 9001", "issued_on": today - timedelta(days=900),
                                            "expires_on": today - timedelta(days=2)})
    sup.add_certificate(ctx.database, sid, {"standard": "IATF 16949", "issued_on": today - timedelta(days=300),
                                            "expires_on": today + timedelta(days=10)})
    sup.add_contact(ctx.database, sid, {"name": "Wang", "is_primary": True})
    corrective.create_corrective_action(ctx.database, sid, title="Late", due_on=today - timedelta(days=1),
                                    issued_on=today - timedelta(days=30))
    detail = SupplierDetail(ctx)
    qtbot.addWidget(detail)
    detail.set_supplier(sid)
    assert "A1" in detail.title.text()
    model = detail.certificates[0]
    assert model.rowCount() == 2
    colours = {model.index(r, 1).data(): model.index(r, 5).data(Qt.ItemDataRole.ForegroundRole) for r in range(2)}
    assert all(isinstance(v, QColor) for v in colours.values())
    assert detail.contacts[0].rowCount() == 1
    cars = detail.cars[0]
    assert cars.rowCount() == 1 and cars.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert detail.history.table.rowCount() >= 1  # created as potential (the audit trail)


def test_status_change_needs_reason_and_follows_the_rules(ctx, qtbot, monkeypatch, no_modal_boxes):
    from app.views.suppliers import dialogs
    from app.views.suppliers.detail import SupplierDetail

    sid = supplier(ctx.database)
    detail = SupplierDetail(ctx)
    qtbot.addWidget(detail)
    detail.set_supplier(sid)
    attempts = []

    def fake_exec(dialog):
        attempts.append([dialog.status.itemData(i) for i in range(dialog.status.count())])
        dialog._accept()  # no reason: refused by the dialog itself
        assert dialog.error.text()
        dialog.reason.setPlainText("Fraudulent certificates")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.StatusChangeDialog, "exec", fake_exec)
    detail.change_status()
    assert attempts[0] == ["disqualified"]  # potential → only disqualified by action; approval via the flow
    assert sup.get_supplier(ctx.database, sid).status == "disqualified"
    assert sup.status_history(ctx.database, sid)[0].reason == "Fraudulent certificates"


def test_development_plans_are_editable(ctx, qtbot):
    from app.views.suppliers.development import DevelopmentPlansWidget, PLAN_FIELDS

    sid = supplier(ctx.database)
    widget = DevelopmentPlansWidget(ctx)
    qtbot.addWidget(widget)
    widget.set_supplier(sid)
    widget.add_plan()
    model = widget.model
    assert model.rowCount() == 1
    assert model.setData(model.index(0, PLAN_FIELDS.index("weak_area")), "SPC capability")
    assert model.setData(model.index(0, PLAN_FIELDS.index("due_on")), "2027-01-31")
    assert not model.setData(model.index(0, PLAN_FIELDS.index("due_on")), "31/01/2027")
    assert widget.message.text()
    assert model.setData(model.index(0, PLAN_FIELDS.index("status")), "in_progress")
    plan = approval.list_development_plans(ctx.database, supplier_id=sid)[0]
    assert (plan.weak_area, plan.due_on, plan.status) == ("SPC capability", date(2027, 1, 31), "in_progress")


def answer_for(q):
    if q.type == "number":
        lo = q.min_value if q.min_value is not None else 0
        return int(max(lo, min(2000, q.max_value if q.max_value is not None else 2000)))
    return {"text": "文本", "date": "2024-01-01", "boolean": True,
            "choice": q.options[-1].value if q.options else None, "rating": int(q.max)}[q.type]


def fill_survey(wizard, flow):
    """Answer every visible question of every section with a valid value."""
    from app.views.suppliers.survey_wizard import SectionPage

    for page in wizard.flow_pages.values():
        if not isinstance(page, SectionPage):
            continue
        for _ in range(2):  # a second pass answers questions shown by the first
            for q in flow.visible_questions(page.section.key):
                if q.key not in flow.answers:
                    page.set_answer(q.key, answer_for(q))


def test_survey_wizard_validates_autosaves_and_resumes(ctx, qtbot):
    from app.views.suppliers.survey_wizard import open_survey

    sid = supplier(ctx.database)
    wizard = open_survey(ctx, sid)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.current_key() == "intro"
    wizard.next()
    assert wizard.current_key() == "section:basic"
    wizard.next()  # required answers missing: the flow's messages, no move
    page = wizard.flow_pages["section:basic"]
    assert wizard.current_key() == "section:basic" and page.messages.text()
    page.set_answer("legal_name", "甲公司有限公司")
    wizard.save_draft()
    survey_id = wizard.survey_id
    wizard.close()
    again = open_survey(ctx, sid)
    qtbot.addWidget(again)
    assert again.survey_id == survey_id
    assert again.current_key() == "section:basic"
    assert again.flow.answers["legal_name"] == "甲公司有限公司"
    assert again.flow_pages["section:basic"].rows["legal_name"][1].text() == "甲公司有限公司"


def test_survey_wizard_result_submit_and_print(ctx, qtbot, no_preview):
    from app.views.suppliers.survey_wizard import open_survey

    sid = supplier(ctx.database)
    wizard = open_survey(ctx, sid)
    qtbot.addWidget(wizard)
    fill_survey(wizard, wizard.flow)
    wizard.flow_pages["intro"].respondent.setText("Zhang")
    while wizard.current_key() != "result":
        before = wizard.current_key()
        wizard.next()
        assert wizard.current_key() != before, wizard.currentPage().messages.text()
    result = wizard.flow_pages["result"]
    assert result.table.rowCount() == 7 and "%" in result.summary.text()
    blank = wizard.print_blank()
    done = wizard.print_completed()
    assert blank.stat().st_size > 1000 and done.stat().st_size > 1000 and len(no_preview) == 2
    wizard.accept()
    assert wizard.result_row is not None and wizard.result_row.status == "submitted"
    assert surveys.list_surveys(ctx.database, supplier_id=sid)[0].percent is not None


def complete_audit_pages(wizard, *, finding_key=None):
    from app.views.suppliers.audit_wizard import ChecklistPage

    plan = wizard.flow_pages["plan"]
    plan.auditors.setText("Wang, Li")
    plan.auditors.textEdited.emit("Wang, Li")
    plan.scope.setPlainText("全部生产过程")
    for page in list(wizard.flow_pages.values()):
        if isinstance(page, ChecklistPage):
            for it in page.items:
                if it.key == finding_key:
                    page.set_item(it.key, 0, evidence="无记录", severity="major", finding="没有校准记录")
                else:
                    page.set_item(it.key, it.rule.max, evidence="ok")


def test_audit_wizard_findings_actions_complete(ctx, qtbot, no_preview):
    from app.views.suppliers.audit_wizard import open_audit

    sid = supplier(ctx.database)
    wizard = open_audit(ctx, sid, template_key="qms")
    qtbot.addWidget(wizard)
    wizard.show()
    first = wizard.flow.template.items[0].key
    complete_audit_pages(wizard, finding_key=first)
    wizard.next()
    while wizard.current_key() != "findings":
        before = wizard.current_key()
        wizard.next()
        assert wizard.current_key() != before, wizard.currentPage().messages.text()
    findings = wizard.flow_pages["findings"]
    findings.description.setText("Extra observation")
    findings.severity.setCurrentIndex(findings.severity.findData("observation"))
    findings.add_finding()
    assert findings.table.rowCount() == 2
    wizard.next()
    assert wizard.current_key() == "result"
    assert "Conditionally" in wizard.flow_pages["result"].summary.text()  # a major finding caps the result
    wizard.print_blank()
    wizard.print_report()
    wizard.next()
    assert wizard.current_key() == "actions"
    actions = wizard.flow_pages["actions"]
    assert len(actions.edits) == 1
    wizard.accept()  # missing owner: refused, wizard stays
    assert wizard.result_row is None
    fid = next(iter(actions.edits))
    actions.set_action(fid, title="Calibrate gauges", owner="供应商质量部", due_date=(date.today() + timedelta(days=30)).isoformat())
    wizard.accept()
    assert wizard.result_row is not None and wizard.result_row.result == "conditional"
    cars = corrective.list_corrective_actions(ctx.database, supplier_id=sid)
    assert [c.title for c in cars] == ["Calibrate gauges"]


def test_audit_draft_resumes_and_template_switch(ctx, qtbot):
    from app.views.suppliers.audit_wizard import open_audit

    sid = supplier(ctx.database)
    wizard = open_audit(ctx, sid)
    qtbot.addWidget(wizard)
    wizard.change_template("process")
    assert wizard.flow.template.key == "process"
    assert any(k.startswith("checklist:") for k in wizard.flow_pages)
    complete_audit_pages(wizard)
    wizard.next()
    wizard.next()
    key = wizard.current_key()
    wizard.save_draft()
    wizard.close()
    again = open_audit(ctx, sid)
    qtbot.addWidget(again)
    assert again.flow.template.key == "process" and again.current_key() == key


def test_template_editor_edit_save_export_import(ctx, qtbot, tmp_path):
    from app.views.suppliers.template_editor import COL_WEIGHT, COL_ZH, TemplateEditor

    editor = TemplateEditor(ctx)
    qtbot.addWidget(editor)
    editor.template.setCurrentIndex(editor.template.findData("qms"))
    n = editor.table.rowCount()
    editor.table.setCurrentCell(0, 0)
    editor.add_item()
    editor.table.item(1, COL_ZH).setText("新增条款")
    editor.move(-1)
    assert editor.table.item(0, COL_ZH).text() == "新增条款"
    assert editor.save()
    tpl = audits.get_template(ctx.database, "qms")
    assert len(tpl.items) == n + 1 and tpl.items[0].text_zh == "新增条款"
    editor.table.item(0, COL_WEIGHT).setText("-1")
    assert not editor.save() and editor.message.text()  # refused, nothing saved
    assert audits.get_template(ctx.database, "qms").items[0].weight == 1.0
    path = editor.export_json(str(tmp_path / "qms.json"))
    doc = json.loads(open(path, encoding="utf-8").read())
    doc["key"], doc["title_en"] = "qms-copy", "Copy"
    (tmp_path / "copy.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert editor.import_json(str(tmp_path / "copy.json"))
    assert editor.template.currentData() == "qms-copy"


def test_car_editor_8d_answer_verify_close(ctx, qtbot):
    from app.views.suppliers.corrective import CarEditorDialog, CarListWidget

    sid = supplier(ctx.database)
    car_id = corrective.create_corrective_action(ctx.database, sid, title="Burrs", due_on=date.today() - timedelta(days=1),
                                             issued_on=date.today() - timedelta(days=20))
    listing = CarListWidget(ctx)
    qtbot.addWidget(listing)
    assert listing.model.rowCount() == 1 and "1 overdue" in listing.summary.text()
    editor = CarEditorDialog(ctx, car_id)
    qtbot.addWidget(editor)
    assert "overdue" in editor.info["dates"].text()
    editor.editors["D4"].setPlainText("刀具磨损")
    assert editor.save_8d()
    assert corrective.get_corrective_action(ctx.database, car_id).eight_d["D4"] == "刀具磨损"
    assert not editor._act(lambda: corrective.close_car(ctx.database, car_id))
    assert "verified" in editor.message.text()
    editor.answer_button.click()
    assert editor.verify("Checked 3 lots")
    editor.close_button.click()
    assert corrective.get_corrective_action(ctx.database, car_id).status == "closed"
    assert editor.editors["D4"].isReadOnly()


def test_approval_view_refuses_violations_and_fills_qualified_list(ctx, qtbot, tmp_path):
    from app.views.suppliers.approval import ApprovalView, QualifiedListView

    sid = supplier(ctx.database)
    view = ApprovalView(ctx)
    qtbot.addWidget(view)
    view.select_supplier(sid)
    assert view.start()
    assert sup.get_supplier(ctx.database, sid).status == "under_evaluation"
    view.step.setCurrentIndex(view.step.findData("price_verification"))
    assert not view.record()  # skipping two steps is refused by the flow
    assert "order" in view.message.text()
    for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit",
                 "approval"):
        view.step.setCurrentIndex(view.step.findData(step))
        view.result.setCurrentIndex(view.result.findData("pass"))
        assert view.record(), view.message.text()
    assert sup.get_supplier(ctx.database, sid).status == "approved"
    assert view.steps.item(5, 2).text() == "pytest"  # the signed-in actor, not typed
    listing = QualifiedListView(ctx)
    qtbot.addWidget(listing)
    assert listing.model.rowCount() == 1
    for suffix in ("csv", "xlsx", "pdf"):
        out = listing.export(str(tmp_path / f"q.{suffix}"))
        assert out and (tmp_path / f"q.{suffix}").stat().st_size > 100
    assert pd.read_excel(tmp_path / "q.xlsx").shape[0] >= 1
    listing.table.selectRow(0)
    assert listing.withdraw("Moved production")
    assert listing.model.rowCount() == 0


def test_print_pages_render_to_a_printer(tmp_path, qapp):
    from PySide6.QtPrintSupport import QPrinter

    from app.engines.audit import parse_checklist
    from app.flows.audit import load_checklist_document
    from app.reports import audit_pdf
    from app.views.suppliers import printing

    pdf = tmp_path / "blank.pdf"
    audit_pdf.write_blank_checklist(parse_checklist(load_checklist_document("qms")), pdf, lang="zh_CN")
    images = printing.rasterise(pdf, dpi=40)
    assert len(images) >= 1 and not images[0].isNull()
    printer = printing.a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printing.paint_pages(printer, images)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    dialog = printing.PdfPreviewDialog(pdf, images)
    dialog.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_module_pages_and_screenshots_build(demo_db, tmp_path, qtbot, lang):
    from app.views.modules import discover_modules

    ctx = make_ctx(demo_db, tmp_path, lang)
    specs = {s.key: s for s in discover_modules()}
    assert (specs["suppliers"].order, specs["audits"].order, specs["qualified"].order) == (10, 20, 30)
    for key in ("suppliers", "audits", "qualified"):
        page = specs[key].factory(ctx)
        qtbot.addWidget(page)
        for _name, widget in specs[key].screenshots(ctx):
            assert isinstance(widget, QWidget)
            qtbot.addWidget(widget)
    assert not surveys.list_surveys(demo_db, status="draft") or True


def test_direct_print_goes_through_the_print_dialog(demo_ctx, qtbot, monkeypatch, tmp_path, no_preview):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from app.views.suppliers.audits_page import AuditsPage
    from app.views.suppliers import printing

    printed = []

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    monkeypatch.setattr(printing, "RASTER_DPI", 40)
    page = AuditsPage(demo_ctx)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.print_selected(direct=True)
    assert printed and (tmp_path / "printed.pdf").stat().st_size > 1000
    page.print_selected()
    assert len(no_preview) == 1 and no_preview[0].stat().st_size > 1000


def test_detail_double_click_resumes_a_draft_or_previews_the_printout(demo_ctx, qtbot, no_preview):
    from app.views.suppliers.page import SuppliersPage
    from app.views.suppliers.survey_wizard import SurveyWizard

    page = SuppliersPage(demo_ctx)
    qtbot.addWidget(page)
    draft = next(s for s in surveys.list_surveys(demo_ctx.database) if s.status == "draft" and s.supplier_id)
    wizard = page.open_survey_record(draft.id, "draft")
    assert isinstance(wizard, SurveyWizard) and wizard.survey_id == draft.id
    wizard.reject()
    done = next(a for a in audits.list_audits(demo_ctx.database) if a.status == "completed")
    assert page.open_audit_record(done.id, "completed") is None
    assert no_preview and no_preview[-1].name == f"audit-{done.id}.pdf"


def test_new_corrective_action_request_by_hand(ctx, qtbot, monkeypatch):
    from app.views.suppliers.corrective import CarListWidget, NewCarDialog

    sid = supplier(ctx.database)
    listing = CarListWidget(ctx)
    qtbot.addWidget(listing)

    def fill(dialog):
        dialog.create()  # no title: refused by the service, dialog stays open
        assert dialog.message.text() and dialog.car_id is None
        dialog.title.setText("批次拒收：尺寸超差")
        dialog.owner.setText("Wang")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(NewCarDialog, "exec", fill)
    car_id = listing.new_request()
    assert car_id is not None and listing.model.rowCount() == 1
    car = corrective.get_corrective_action(ctx.database, car_id)
    assert (car.supplier_id, car.title, car.status) == (sid, "批次拒收：尺寸超差", "open")

"""The GUI holds to the permission matrix and the signatures: a viewer (zhao.viewer) sees the
supplier and evaluation pages with every changing action disabled; the signature dialog refuses a
wrong password in place and respects the lockout; a signed record edited later shows "changed after
signing"; the history tab lists who changed what, old → new, and the record as of a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from app.models.admin import identity
from app.models.suppliers import corrective
from app.models.suppliers import master as sup
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner

PASSWORD = "demo2026"


def _ctx(database, tmp_path, lang="en"):
    settings = QSettings(str(tmp_path / f"s-{lang}.ini"), QSettings.Format.IniFormat)
    return AppContext(database=database, tasks=TaskRunner(), language=lang, settings=settings)


def sign_in(db, username):
    db.actor = None
    identity.sign_in(db, username, PASSWORD)


@pytest.fixture
def ctx(demo_db, tmp_path, qapp):
    context = _ctx(demo_db, tmp_path)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait(10000)


def _changing_actions(page):
    grid, detail = page.grid, page.detail
    return {"add": grid.add_button, "duplicate": grid.duplicate_button, "delete": grid.delete_button,
            "import": grid.import_button, "status": detail.status_button, "survey": detail.survey_button,
            "audit": detail.audit_button, **{f"record{i}": b for i, b in enumerate(detail.record_buttons)}}


def test_a_viewer_sees_the_supplier_and_evaluation_pages_with_changes_disabled(ctx, qtbot):
    from app.views.evaluation.page import EvaluationPage
    from app.views.suppliers.approval import ApprovalView
    from app.views.suppliers.page import SuppliersPage

    sign_in(ctx.database, "zhao.viewer")
    page = SuppliersPage(ctx)
    qtbot.addWidget(page)
    page.grid.table.selectRow(0)
    page.detail.set_supplier(page.grid.current_supplier_id())
    assert page.detail.row is not None and page.grid.model.rowCount() > 0  # reading is allowed
    assert not any(b.isEnabled() for b in _changing_actions(page).values())
    assert not page.grid.model.flags(page.grid.model.index(0, 1)) & page.grid.model.flags(
        page.grid.model.index(0, 1)).ItemIsEditable
    assert page.grid.export_button.isEnabled()
    evaluation = EvaluationPage(ctx)
    qtbot.addWidget(evaluation)
    assert not evaluation.run_button.isEnabled() and not evaluation.year_button.isEnabled()
    assert evaluation.refresh_button.isEnabled()
    approval = ApprovalView(ctx)
    qtbot.addWidget(approval)
    assert not approval.start_button.isEnabled() and not approval.record_button.isEnabled()

    sign_in(ctx.database, "wang.qm")  # the quality manager may do all of it
    page = SuppliersPage(ctx)
    qtbot.addWidget(page)
    page.detail.set_supplier(page.grid.current_supplier_id() or int(page.grid.model.record(0)["id"]))
    assert all(b.isEnabled() for b in _changing_actions(page).values())
    evaluation = EvaluationPage(ctx)
    qtbot.addWidget(evaluation)
    assert evaluation.run_button.isEnabled()


def test_an_inspector_sees_the_approval_step_disabled(ctx, qtbot):
    from app.models.suppliers import approval as service
    from app.views.suppliers.approval import ApprovalView

    sign_in(ctx.database, "wang.qm")
    sid = sup.create_supplier(ctx.database, {"code": "GUI1", "name_zh": "嘉兴华东塑胶有限公司", "name_en": "Jiaxing"})
    flow = service.start_approval(ctx.database, sid)
    for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit"):
        service.record_step(ctx.database, flow.id, step, result="pass")
    sign_in(ctx.database, "zhang.iqc")
    view = ApprovalView(ctx)
    qtbot.addWidget(view)
    view.select_supplier(sid)
    assert view.step.currentData() == "approval" and not view.record_button.isEnabled()


def _car(ctx):
    sign_in(ctx.database, "li.sqe")
    sid = sup.create_supplier(ctx.database, {"code": "SIG1", "name_zh": "绍兴天成电镀有限公司", "name_en": "Shaoxing"})
    car = corrective.create_corrective_action(ctx.database, sid, title="镀层脱落", due_on=date.today() + timedelta(days=9))
    return sid, car


def test_signature_dialog_refuses_a_wrong_password_in_place_and_respects_the_lockout(ctx, qtbot):
    from app.views.admin.signature import SignatureDialog

    _sid, car = _car(ctx)
    calls = []
    dialog = SignatureDialog(ctx, "corrective.verify", lambda req: calls.append(
        corrective.verify_car(ctx.database, car, note="抽检合格", signature=req)))
    qtbot.addWidget(dialog)
    assert dialog.signer.text() == "李强 Li Qiang (li.sqe)" and dialog.meaning.currentData() == "verified"
    for attempt in range(4):
        dialog.password.setText("wrong-pass1")
        dialog.sign()
        assert "Wrong password" in dialog.message.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.password.setText("wrong-pass1")
    dialog.sign()  # the fifth failure locks the account
    assert "locked until" in dialog.message.text()
    dialog.password.setText(PASSWORD)
    dialog.sign()  # even the right password is refused while locked
    assert "locked until" in dialog.message.text() and not calls
    assert corrective.get_corrective_action(ctx.database, car).status == "open"


def test_a_signed_verification_shows_valid_then_changed_after_signing(ctx, qtbot, monkeypatch):
    from app.views.admin import signature
    from app.views.suppliers.corrective import CarEditorDialog

    _sid, car = _car(ctx)

    def exec_with_password(dialog):
        dialog.password.setText(PASSWORD)
        dialog.sign()
        return dialog.result()

    monkeypatch.setattr(signature.SignatureDialog, "exec", exec_with_password)
    editor = CarEditorDialog(ctx, car)
    qtbot.addWidget(editor)
    editor.editors["D4"].setPlainText("前处理除油不彻底")
    assert editor.verify(note="现场确认有效")
    assert editor.car.status == "verified" and editor.car.verified_by == "李强 Li Qiang"
    assert not editor.signatures.isHidden() and "valid" in editor.signatures.text()
    assert "changed after signing" not in editor.signatures.text()
    editor.editors["D4"].setPlainText("前处理除油不彻底；挂具接触不良")
    assert editor.save_8d()
    assert "changed after signing" in editor.signatures.text()
    history = editor.history
    whats = [history.table.item(r, 2).text() for r in range(history.table.rowCount())]
    assert "signed" in whats and "changed" in whats and "created" in whats
    fields = {history.table.item(r, 3).text() for r in range(history.table.rowCount())}
    assert {"8D", "Status", "Verified by"} <= fields


def test_supplier_history_tab_translated_with_as_of(demo_db, tmp_path, qtbot):
    from app.views.core.translation import install_translators
    from app.views.suppliers.detail import SupplierDetail

    sign_in(demo_db, "wang.qm")
    sid = sup.create_supplier(demo_db, {"code": "HIS1", "name_zh": "湖州永兴五金厂", "name_en": "Huzhou Yongxing"})
    sup.update_supplier(demo_db, sid, {"city": "湖州"})
    sup.change_status(demo_db, sid, "disqualified", reason="交付连续延误")
    install_translators("zh_CN")
    try:
        ctx = _ctx(demo_db, tmp_path, "zh_CN")
        detail = SupplierDetail(ctx)
        qtbot.addWidget(detail)
        detail.set_supplier(sid)
        table = detail.history.table
        rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        assert rows[0][1] == "王芳 Wang Fang"  # the person, not the user name
        from app.views.suppliers import common as c

        assert rows[0][2] == "修改" and rows[0][3] == "状态"
        assert rows[0][4] == c.label(c.STATUS, "potential") and rows[0][5] == c.label(c.STATUS, "disqualified")
        assert rows[0][5] != "disqualified"
        assert rows[0][6] == "交付连续延误"
        assert any(r[2] == "创建" for r in rows)
        assert all("approval" not in " ".join(r) and "created" not in " ".join(r) for r in rows)
        state = detail.history.show_as_of(date.today())
        assert state["status"] == "disqualified" and state["city"] == "湖州"
        assert detail.history.show_as_of(date.today() - timedelta(days=1)) is None  # not yet created
    finally:
        install_translators("en")


def test_the_approval_step_is_signed_in_the_approval_view(ctx, qtbot, monkeypatch):
    from app.models.admin import signatures
    from app.models.suppliers import approval as service
    from app.models.suppliers import audits
    from app.views.admin import signature
    from app.views.suppliers.approval import ApprovalView

    sign_in(ctx.database, "wang.qm")
    assert audits.new_audit(ctx.database, "qms").plan["auditors"] == ["王芳 Wang Fang"]  # who leads: the user
    sid = sup.create_supplier(ctx.database, {"code": "GUI2", "name_zh": "金华永盛模具有限公司", "name_en": "Jinhua"})
    flow = service.start_approval(ctx.database, sid)
    for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit"):
        service.record_step(ctx.database, flow.id, step, result="pass")
    shown = []

    def exec_wrong_then_right(dialog):
        dialog.password.setText("wrong-pass1")
        dialog.sign()
        shown.append(dialog.message.text())
        dialog.password.setText(PASSWORD)
        dialog.sign()
        return dialog.result()

    monkeypatch.setattr(signature.SignatureDialog, "exec", exec_wrong_then_right)
    view = ApprovalView(ctx)
    qtbot.addWidget(view)
    view.select_supplier(sid)
    assert view.step.currentData() == "approval" and view.record_button.isEnabled()
    assert view.by.isReadOnly() and view.by.text() == "王芳 Wang Fang"
    assert view.record(), view.message.text()
    assert shown and "Wrong password" in shown[0]
    assert sup.get_supplier(ctx.database, sid).status == "approved"
    [state] = signatures.signature_states(ctx.database, "approval_flows", flow.id)
    assert state.valid and "valid" in view.signatures.text()
    assert view.print_record(preview=False).endswith("approval.pdf")

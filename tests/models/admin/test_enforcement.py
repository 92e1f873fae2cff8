"""The permission matrix and the trail wired into the supplier and evaluation services: real
demo users signed in (password demo2026), refusals naming the missing permission, who fields
from the signed-in user, bulk entries for imports and evaluations, reasons, signatures."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from app.models.admin import identity, signatures, trail
from app.models.admin.identity import AccessError
from app.models.admin.permissions import PermissionDenied
from app.models.admin.signatures import SignatureRequest, SignatureRequired
from app.models.evaluation import imports as eimports
from app.models.evaluation.service import evaluate_period
from app.models.evaluation.tables import EvaluationResult
from app.models.suppliers import approval, audits, corrective
from app.models.suppliers import master as sup
from app.models.suppliers.tables import ApprovalStepRecord, Supplier

PASSWORD = "demo2026"


def as_user(db, username):
    db.actor = None
    return identity.sign_in(db, username, PASSWORD)


def _latest_period(db):
    from app.models.evaluation.history import latest_period

    return latest_period(db, "month").label


def _new_supplier(db, code="W100"):
    return sup.create_supplier(db, {"code": code, "name_zh": "温州联诚电子有限公司", "name_en": "Wenzhou Liancheng",
                                    "category": "electronics"})


def test_a_viewer_cannot_evaluate_and_nothing_changes(demo_db):
    period = _latest_period(demo_db)
    with demo_db.read() as s:
        before = s.scalar(select(func.count()).select_from(EvaluationResult))
        entries = s.scalar(select(func.count()).select_from(trail._TRAIL))
    as_user(demo_db, "zhao.viewer")
    with pytest.raises(PermissionDenied) as refused:
        evaluate_period(demo_db, period)
    assert refused.value.permission == "evaluation.run"
    assert "Run the supplier performance evaluation" in str(refused.value) and "zhao.viewer" in str(refused.value)
    assert "运行供应商业绩评定" in refused.value.text("zh_CN")
    with pytest.raises(PermissionDenied):
        _new_supplier(demo_db)
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(EvaluationResult)) == before
        assert s.scalar(select(func.count()).select_from(trail._TRAIL)) == entries


def test_an_inspector_cannot_approve_a_supplier_but_records_the_sample_step(demo_db):
    as_user(demo_db, "wang.qm")
    sid = _new_supplier(demo_db)
    flow = approval.start_approval(demo_db, sid)
    for step in ("survey_received", "initial_review", "price_verification"):
        approval.record_step(demo_db, flow.id, step, result="pass")
    as_user(demo_db, "zhang.iqc")
    approval.record_step(demo_db, flow.id, "sample_inspection", result="pass")  # approval.record: allowed
    as_user(demo_db, "wang.qm")
    approval.record_step(demo_db, flow.id, "onsite_audit", result="pass")
    as_user(demo_db, "zhang.iqc")
    with pytest.raises(PermissionDenied) as refused:
        approval.record_step(demo_db, flow.id, "approval", result="pass")
    assert refused.value.permission == "approval.approve"
    with pytest.raises(PermissionDenied) as refused:
        sup.change_status(demo_db, sid, "suspended", reason="test")
    assert refused.value.permission == "suppliers.status"
    steps = approval.active_approval(demo_db, sid).steps
    assert [s.done_by for s in steps] == ["王芳 Wang Fang"] * 3 + ["张敏 Zhang Min", "王芳 Wang Fang"]
    assert sup.get_supplier(demo_db, sid).status == "under_evaluation"


def test_who_fields_are_the_signed_in_user_and_reasons_are_on_the_trail(demo_db):
    as_user(demo_db, "wang.qm")
    sid = _new_supplier(demo_db)
    sup.change_status(demo_db, sid, "disqualified", reason="伪造资质证书")
    [latest, created] = sup.status_history(demo_db, sid)
    assert latest.changed_by == created.changed_by == "王芳 Wang Fang" and latest.reason == "伪造资质证书"
    history = trail.history(demo_db, "suppliers", sid)
    assert [e.action for e in history] == ["create", "update"]
    assert history[1].changes["status"] == ["potential", "disqualified"] and history[1].reason == "伪造资质证书"
    assert {e.username for e in history} == {"wang.qm"}


def test_corrective_action_who_fields_reason_and_signatures(demo_db):
    as_user(demo_db, "li.sqe")
    sid = _new_supplier(demo_db)
    car = corrective.create_corrective_action(demo_db, sid, title="镀层脱落", due_on=date.today() + timedelta(days=20))
    assert corrective.get_corrective_action(demo_db, car).owner == "李强 Li Qiang"
    corrective.set_8d(demo_db, car, "D4", "前处理除油不彻底")
    with pytest.raises(SignatureRequired):  # a person must sign the verification
        corrective.verify_car(demo_db, car, note="现场确认")
    with pytest.raises(AccessError):  # wrong password: refused, nothing changes, counts toward lockout
        corrective.verify_car(demo_db, car, note="现场确认", signature=SignatureRequest("wrong-pass1", "verified"))
    assert corrective.get_corrective_action(demo_db, car).status == "open"
    corrective.verify_car(demo_db, car, note="现场确认", signature=SignatureRequest(PASSWORD, "verified"))
    row = corrective.get_corrective_action(demo_db, car)
    assert row.status == "verified" and row.verified_by == "李强 Li Qiang"
    [verified] = signatures.signature_states(demo_db, "corrective_actions", car)
    assert verified.valid and verified.meaning == "verified" and verified.username == "li.sqe"
    corrective.set_8d(demo_db, car, "D4", "前处理除油不彻底；挂具接触不良")  # edited after signing
    [verified] = signatures.signature_states(demo_db, "corrective_actions", car)
    assert not verified.valid and verified.state_label("en") == "changed after signing"
    d4 = [e for e in trail.history(demo_db, "corrective_actions", car) if "eight_d_json" in e.changes]
    assert len(d4) == 2 and d4[-1].username == "li.sqe"  # Core columns are on the trail too
    corrective.close_car(demo_db, car, signature=SignatureRequest(PASSWORD, "approved", "关闭"))
    states = signatures.signature_states(demo_db, "corrective_actions", car)
    assert [s.action for s in states] == ["corrective.verify", "corrective.close"] and states[1].valid
    other = corrective.create_corrective_action(demo_db, sid, title="包装破损", due_on=date.today())
    corrective.cancel_car(demo_db, other, reason="重复发出")
    cancel = [e for e in trail.history(demo_db, "corrective_actions", other) if e.action == "update"]
    assert cancel and all(e.reason == "重复发出" for e in cancel)


def test_approval_step_is_signed_and_a_later_change_shows(demo_db):
    as_user(demo_db, "wang.qm")
    sid = _new_supplier(demo_db)
    flow = approval.start_approval(demo_db, sid)
    for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit"):
        approval.record_step(demo_db, flow.id, step, result="pass")
    with pytest.raises(SignatureRequired):
        approval.record_step(demo_db, flow.id, "approval", result="pass")
    done = approval.record_step(demo_db, flow.id, "approval", result="pass",
                                signature=SignatureRequest(PASSWORD, "approved"))
    assert done.status == "approved" and sup.get_supplier(demo_db, sid).status == "approved"
    [state] = signatures.signature_states(demo_db, "approval_flows", flow.id)
    assert state.valid and state.full_name == "王芳 Wang Fang"
    with demo_db.begin() as s:  # a remark edited afterwards (outside the services)
        s.execute(update(ApprovalStepRecord).where(ApprovalStepRecord.flow_id == flow.id,
                                                   ApprovalStepRecord.step == "approval").values(remarks="补充"))
    [state] = signatures.signature_states(demo_db, "approval_flows", flow.id)
    assert not state.valid
    [approved] = [e for e in trail.history(demo_db, "suppliers", sid) if e.changes.get("status", [0, 0])[1] == "approved"]
    assert approved.reason == "approval approved" and approved.username == "wang.qm"


def test_completed_audit_report_is_signed(demo_db):
    from tests.models.suppliers.test_services import complete_audit

    as_user(demo_db, "li.sqe")
    sid = _new_supplier(demo_db)
    audit_id, flow = complete_audit(demo_db, sid)
    with pytest.raises(SignatureRequired):
        audits.complete_audit(demo_db, audit_id, flow)
    row = audits.complete_audit(demo_db, audit_id, flow, signature=SignatureRequest(PASSWORD, "authored"))
    assert row.status == "completed" and audits.audit_report(demo_db, audit_id).completed_by == "李强 Li Qiang"
    [state] = signatures.signature_states(demo_db, "audits", audit_id)
    assert state.valid and state.meaning == "authored"


def test_imports_and_evaluations_are_bulk_entries_with_who_counts_and_hash(demo_db, tmp_path):
    as_user(demo_db, "zhang.iqc")
    with demo_db.read() as s:
        code = s.scalar(select(Supplier.code).where(Supplier.status == "approved").limit(1))
    data = ("lot_number,supplier_code,inspected_date,lot_size,sample_size,decision\n"
            f"BULK-1,{code},2026-01-05,500,50,accepted\nBULK-2,{code},2026-01-06,200,32,rejected\n").encode()
    path = tmp_path / "lots.csv"
    path.write_bytes(data)
    assert eimports.import_csv(demo_db, "inspection-lots", path).rows == 2
    [entry] = trail.entries(demo_db, action="import", entity="inspection_lots", limit=1)
    assert entry.username == "zhang.iqc" and entry.changes["file"] == "lots.csv"
    assert entry.changes["counts"] == {"inspection_lots.create": 2}
    assert entry.changes["content_sha256"] == hashlib.sha256(data).hexdigest()
    with pytest.raises(PermissionDenied):
        evaluate_period(demo_db, _latest_period(demo_db))  # an inspector imports, does not evaluate
    as_user(demo_db, "wang.qm")
    period = _latest_period(demo_db)
    summary = evaluate_period(demo_db, period)
    [run] = trail.entries(demo_db, action="evaluate", limit=1)
    assert run.username == "wang.qm" and run.record_id == period and run.changes["suppliers"] == summary.suppliers
    assert len(run.changes["content_sha256"]) == 64 and "evaluation_results.upsert" in run.changes["counts"]
    assert trail.verify_chain(demo_db).ok


def test_printed_approval_record_and_audit_report_carry_the_signature_manifest(demo_db, tmp_path):
    import shutil
    import subprocess

    from app.reports.approval_pdf import write_approval_record
    from app.reports.audit_pdf import write_audit_report
    from tests.models.suppliers.test_services import complete_audit

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    as_user(demo_db, "wang.qm")
    sid = _new_supplier(demo_db)
    flow = approval.start_approval(demo_db, sid)
    for step in ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit"):
        approval.record_step(demo_db, flow.id, step, result="pass")
    approval.record_step(demo_db, flow.id, "approval", result="pass", signature=SignatureRequest(PASSWORD, "approved"))
    audit_id, audit_flow = complete_audit(demo_db, sid)
    audits.complete_audit(demo_db, audit_id, audit_flow, signature=SignatureRequest(PASSWORD, "authored"))
    record = approval.approval_record(demo_db, flow.id)
    assert record.signatures.record_hash == record.signatures.signatures[0].content_hash  # valid: hashes agree

    def text(path):
        return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())

    write_approval_record(record, tmp_path / "a.pdf", lang="zh_CN")
    zh = text(tmp_path / "a.pdf")
    assert "电子签名" in zh and "王芳WangFang(wang.qm)" in zh and "批准" in zh and "有效" in zh
    assert record.signatures.record_hash in zh
    write_audit_report(audits.audit_report(demo_db, audit_id), tmp_path / "r.pdf", lang="en")
    en = text(tmp_path / "r.pdf")
    assert "Electronicsignatures" in en and "Authored" in en and "valid" in en and "(wang.qm)" in en
    with demo_db.begin() as s:  # edited afterwards outside the services
        s.execute(update(ApprovalStepRecord).where(ApprovalStepRecord.flow_id == flow.id,
                                                   ApprovalStepRecord.step == "initial_review").values(remarks="x"))
    write_approval_record(approval.approval_record(demo_db, flow.id), tmp_path / "b.pdf", lang="en")
    assert "changedaftersigning" in text(tmp_path / "b.pdf")

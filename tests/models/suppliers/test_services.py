"""Lifecycle services on a real temporary SQLite file."""

from datetime import date, timedelta

import pytest

from app.models.suppliers import approval
from app.models.suppliers import audits, corrective
from app.models.suppliers import master as sup
from app.models.suppliers import surveys
from app.models.suppliers.errors import NotFoundError, ValidationError
from app.flows.approval import STEPS
from tests.flows.test_survey_flow import GOOD

TODAY = date(2025, 6, 1)


def make(db, code="S1", **kw):
    return sup.create_supplier(db, {"code": code, "name_zh": "苏州精工机械有限公司", "name_en": "Suzhou Precision",
                                    "category": "machined", **kw})


def test_migration_heads_include_lifecycle(db):
    assert "0004_lifecycle" in db.applied_revisions()


def test_supplier_crud_duplicate_delete(db):
    sid = make(db, importance_class="I", relationship="partnership")
    sup.add_contact(db, sid, {"name": "王伟", "email": "wang@example.cn", "is_primary": True})
    row = sup.get_supplier(db, sid)
    assert row.status == "potential" and row.importance_class == "I" and row.open_cars == 0
    with pytest.raises(ValidationError) as e:
        make(db)
    assert e.value.code == "duplicate_code"
    with pytest.raises(ValidationError):
        sup.update_supplier(db, sid, {"importance_class": "IV"})
    with pytest.raises(ValidationError):
        sup.update_supplier(db, sid, {"status": "approved"})
    assert sup.update_supplier(db, sid, {"city": "苏州"}).code == "S1"
    assert sup.validate_field("code", "bad code!") and sup.validate_field("code", "S-2") is None
    copy = sup.duplicate_supplier(db, sid)
    assert sup.get_supplier(db, copy).code == "S1-COPY" and len(sup.list_contacts(db, copy)) == 1
    assert sup.get_supplier(db, sup.duplicate_supplier(db, sid)).code == "S1-COPY2"
    sup.delete_supplier(db, copy)
    with pytest.raises(NotFoundError):
        sup.get_supplier(db, copy)
    df = sup.supplier_grid(db)
    assert list(df["code"]) == ["S1", "S1-COPY2"] and df["open_cars"].dtype.kind == "i"


def test_status_changes_need_a_reason_and_follow_rules(db):
    sid = make(db)
    with pytest.raises(sup.StatusRuleError) as e:
        sup.change_status(db, sid, "approved", reason="good")
    assert e.value.code == "flow_only"
    with pytest.raises(sup.StatusRuleError) as e:
        sup.change_status(db, sid, "disqualified", reason=" ")
    assert e.value.code == "reason_required"
    sup.change_status(db, sid, "disqualified", reason="伪造资质")
    hist = sup.status_history(db, sid)
    assert [(h.from_status, h.to_status) for h in hist] == [("potential", "disqualified"), (None, "potential")]
    assert hist[0].reason == "伪造资质" and hist[0].changed_by == "pytest"


def test_certificates_states(db):
    sid = make(db)
    sup.add_certificate(db, sid, {"standard": "ISO 9001:2015", "number": "Q1", "body": "SGS",
                                  "issued_on": "2022-07-01", "expires_on": TODAY + timedelta(days=20)})
    sup.add_certificate(db, sid, {"standard": "IATF 16949", "expires_on": TODAY - timedelta(days=1)})
    sup.add_certificate(db, sid, {"standard": "ISO 14001", "expires_on": TODAY + timedelta(days=400)})
    states = [c.state for c in sup.list_certificates(db, sid, as_of=TODAY)]
    assert states == ["expired", "expiring", "valid"]
    with pytest.raises(ValidationError):
        sup.add_certificate(db, sid, {"standard": "X", "issued_on": "2025-01-02", "expires_on": "2025-01-01"})
    with pytest.raises(ValidationError):
        sup.add_certificate(db, sid, {"standard": "X", "issued_on": "2025-02-30"})
    df = sup.expiring_certificates(db, as_of=TODAY)
    assert list(df["state"]) == ["expired", "expiring"]


def test_survey_draft_resume_submit(db):
    sid = make(db)
    flow = surveys.new_survey(db, sid, lang="zh_CN")
    assert flow.state["supplier_name"] == "苏州精工机械有限公司"
    flow.go_next()
    for k, v in GOOD["basic"].items():
        flow.set_answer(k, v)
    survey_id = surveys.save_survey_draft(db, flow)
    assert surveys.save_survey_draft(db, flow, survey_id=survey_id) == survey_id
    # "the app crashed": a new session resumes on the same page with the same answers
    again = surveys.load_survey(db, survey_id, lang="zh_CN")
    assert again.current == flow.current and again.answers == flow.answers
    assert surveys.latest_survey_draft(db, supplier_id=sid).id == survey_id
    with pytest.raises(ValidationError) as e:
        surveys.submit_survey(db, survey_id, again)
    assert e.value.code == "incomplete" and e.value.messages
    for section in GOOD.values():
        for k, v in section.items():
            again.set_answer(k, v)
    row = surveys.submit_survey(db, survey_id, again)
    assert row.status == "submitted" and row.recommendation == "recommend" and row.percent > 75
    with pytest.raises(ValidationError):
        surveys.save_survey_draft(db, again, survey_id=survey_id)
    rep = surveys.survey_report(db, survey_id)
    assert rep.supplier_code == "S1" and rep.score.percent == row.percent


def test_templates_seeded_edit_export_import(db, tmp_path):
    keys = [t.key for t in audits.list_templates(db)]
    assert keys == ["process", "product", "qms"]
    t = audits.get_template(db, "qms")
    assert len(t.items) >= 20
    items = list(t.items)
    items[0], items[1] = items[1], items[0]
    from dataclasses import replace
    from app.engines.audit import ScoringRule
    items[2] = replace(items[2], weight=3.0, rule=ScoringRule(10, False))
    row = audits.save_template(db, replace(t, items=tuple(items)))
    assert row.version == 2
    t2 = audits.get_template(db, "qms")
    assert t2.items[0].key == t.items[1].key and t2.items[2].rule == ScoringRule(10, False)
    path = audits.export_template(db, "qms", tmp_path / "qms.json")
    with pytest.raises(ValidationError):
        audits.import_template(db, path)
    assert audits.import_template(db, path, replace=True).key == "qms"
    bad = tmp_path / "bad.json"
    bad.write_text('{"key": "x", "audit_type": "qms", "sections": [], "items": []}', encoding="utf-8")
    with pytest.raises(ValidationError, match="no items"):
        audits.import_template(db, bad)
    assert audits.reset_template(db, "qms").items == len(t.items)
    with pytest.raises(ValidationError):
        audits.delete_template(db, "qms")


def complete_audit(db, sid, *, major=True):
    flow = audits.new_audit(db, "product", supplier_id=sid)
    flow.set_plan(auditors=["张伟"], audit_date="2025-05-10", scope="壳体", occasion="first_supply")
    for it in flow.template.items:
        flow.score_item(it.key, it.rule.max)
    if major:
        k = flow.template.items[0].key
        flow.score_item(k, 1, severity="major", finding="图纸版本不一致", evidence="现场为 B 版")
        flow.add_finding("建议加强 5S", "observation")
        flow.set_action(f"item:{k}", owner="供方 李经理", due_date="2025-05-31")
    audit_id = audits.save_audit_draft(db, flow)
    return audit_id, flow


def test_audit_complete_findings_and_cars(db):
    sid = make(db)
    audit_id, flow = complete_audit(db, sid)
    assert audits.latest_audit_draft(db).id == audit_id
    resumed = audits.load_audit(db, audit_id)
    assert resumed.state == flow.state
    row = audits.complete_audit(db, audit_id, resumed)
    assert row.status == "completed" and row.result == "conditional" and row.findings == 2
    cars = corrective.list_corrective_actions(db, supplier_id=sid, as_of=TODAY)
    assert len(cars) == 1 and cars[0].audit_id == audit_id and cars[0].overdue and cars[0].days_overdue == 1
    assert cars[0].number.startswith("SCAR-2025-") and cars[0].eight_d["D2"] == "图纸版本不一致"
    assert [c.id for c in corrective.overdue_corrective_actions(db, as_of=TODAY)] == [cars[0].id]
    assert sup.get_supplier(db, sid, as_of=TODAY).overdue_cars == 1
    with pytest.raises(ValidationError):
        audits.complete_audit(db, audit_id, resumed)
    rep = audits.audit_report(db, audit_id)
    assert rep.score.result == "conditional" and len(rep.corrective_actions) == 1
    # CAR life: answer -> verify -> close
    car = cars[0].id
    corrective.set_8d(db, car, "D4", "图纸发放流程缺失")
    with pytest.raises(Exception):
        corrective.close_car(db, car)
    corrective.answer_car(db, car, on=TODAY)
    corrective.verify_car(db, car, note="现场确认", on=TODAY)
    corrective.close_car(db, car, on=TODAY)
    c = corrective.get_corrective_action(db, car)
    assert c.status == "closed" and c.verified_by == "pytest" and c.eight_d["D4"]
    assert corrective.overdue_corrective_actions(db, as_of=TODAY) == []


def test_incomplete_audit_cannot_complete(db):
    sid = make(db)
    flow = audits.new_audit(db, "qms", supplier_id=sid)
    audit_id = audits.save_audit_draft(db, flow)
    with pytest.raises(ValidationError) as e:
        audits.complete_audit(db, audit_id, flow)
    assert e.value.code == "incomplete"


def test_approval_flow_to_qualified_list(db):
    sid = make(db, importance_class="I")
    flow = approval.start_approval(db, sid)
    assert sup.get_supplier(db, sid).status == "under_evaluation" and flow.next_step == "survey_received"
    with pytest.raises(approval.ApprovalRuleError) as e:
        approval.record_step(db, flow.id, "onsite_audit", result="pass")
    assert e.value.code == "skipped"
    with pytest.raises(approval.ApprovalRuleError) as e:
        approval.start_approval(db, sid)
    assert e.value.code == "in_progress"
    for step in STEPS[:-1]:
        approval.record_step(db, flow.id, step, result="pass", remarks="ok")
    with pytest.raises(approval.ApprovalRuleError) as e:
        approval.record_step(db, flow.id, "onsite_audit", result="pass")
    assert e.value.code == "repeated"
    done = approval.record_step(db, flow.id, "approval", result="pass")
    assert done.status == "approved" and len(done.steps) == 6 and done.next_step is None
    s = sup.get_supplier(db, sid)
    assert s.status == "approved" and s.approval_valid_until is not None
    ql = approval.qualified_list(db, as_of=date.today())
    assert len(ql) == 1 and ql.iloc[0]["category"] == "machined" and ql.iloc[0]["state"] == "valid"
    far = approval.qualified_list(db, as_of=date.today() + timedelta(days=340))
    assert far.iloc[0]["state"] == "expiring"  # class I: re-evaluation after 12 months
    # re-approval supersedes the entry; status stays approved meanwhile
    again = approval.start_approval(db, sid)
    assert sup.get_supplier(db, sid).status == "approved"
    approval.record_step(db, again.id, "survey_received", result="pass")
    rej = approval.record_step(db, again.id, "initial_review", result="reject", remarks="营业执照过期")
    assert rej.status == "rejected" and rej.reason == "营业执照过期"
    assert sup.get_supplier(db, sid).status == "suspended"
    assert [r.status for r in approval.approval_history(db, sid)] == ["rejected", "approved"]
    entry = int(ql.iloc[0]["entry_id"])
    approval.withdraw_qualification(db, entry, reason="暂停供货")
    assert approval.qualified_list(db).empty


def test_rejection_needs_reason(db):
    sid = make(db)
    flow = approval.start_approval(db, sid)
    approval.record_step(db, flow.id, "survey_received", result="pass")
    with pytest.raises(approval.ApprovalRuleError) as e:
        approval.record_step(db, flow.id, "initial_review", result="reject")
    assert e.value.code == "reason_required"
    approval.record_step(db, flow.id, "initial_review", result="reject", remarks="资质不全")
    assert sup.get_supplier(db, sid).status == "potential"


def test_development_plans(db):
    sid = make(db)
    pid = approval.create_development_plan(db, sid, {"weak_area": "过程能力 Cpk < 1.0", "source": "audit",
                                                     "actions": "SPC 培训", "owner": "SQE 张", "due_on": "2025-03-01"})
    rows = approval.list_development_plans(db, supplier_id=sid, as_of=TODAY)
    assert rows[0].overdue and rows[0].weak_area.startswith("过程能力")
    assert approval.update_development_plan(db, pid, {"status": "done", "outcome": "Cpk 1.45"}).status == "done"
    with pytest.raises(ValidationError):
        approval.update_development_plan(db, pid, {"status": "maybe"})
    approval.delete_development_plan(db, pid)
    assert approval.list_development_plans(db) == []


def test_supplier_delete_cascades_lifecycle_records(db):
    sid = make(db)
    audit_id, _ = complete_audit(db, sid)
    approval.start_approval(db, sid)
    sup.delete_supplier(db, sid)
    assert audits.list_audits(db) == [] and corrective.list_corrective_actions(db) == []

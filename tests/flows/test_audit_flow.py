"""Audit wizard flow without Qt: plan → checklist pages → findings → result → actions."""

import json

import pytest

from app.flows import FlowError
from app.flows.audit import ACTIONS, FINDINGS, PLAN, RESULT, AuditFlow, checklist_page, load_checklist

PLAN_OK = dict(supplier_id=3, occasion="selection", auditors="张伟, Li Na", audit_date="2025-03-10",
               scope="CNC machining line 2")


def score_all(flow, score=None):
    for it in flow.template.items:
        flow.score_item(it.key, it.rule.max if score is None else score)


def test_navigation_map_without_findings():
    f = AuditFlow(load_checklist("qms"), **PLAN_OK)
    sections = [checklist_page(s.key) for s in f.template.sections]
    assert f.path() == [PLAN, *sections, FINDINGS, RESULT]
    assert f.plan["auditors"] == ["张伟", "Li Na"]
    assert f.go_next() == []
    score_all(f)
    while f.current != RESULT:
        assert f.go_next() == []
    assert f.is_last()
    r = f.result()
    assert r.percent == pytest.approx(100.0) and r.result == "approved"
    with pytest.raises(FlowError):
        f.go_next()


def test_plan_validation():
    f = AuditFlow(load_checklist("process"))
    codes = {(m.field, m.code) for m in f.go_next()}
    assert codes == {("supplier", "required"), ("auditors", "required"), ("scope", "required")}
    f.set_plan(supplier_name="X", auditors=["A"], scope="s", occasion="holiday", audit_date="10/03/2025")
    assert {m.field for m in f.validate_page()} == {"occasion", "audit_date"}
    with pytest.raises(FlowError):
        f.set_plan(colour="red")


def test_checklist_validation_per_item():
    t = load_checklist("qms")
    f = AuditFlow(t, **PLAN_OK)
    f.go_next()
    first, second, third = t.items_in(t.sections[0].key)[:3]
    msgs = f.validate_page()
    assert {m.code for m in msgs} == {"score_missing"}
    f.score_item(first.key, 7)
    f.score_item(second.key, na=True)
    f.score_item(third.key, 0)
    by_field = {m.field: m.code for m in f.validate_page()}
    assert by_field[first.key] == "score_range"
    assert by_field[second.key] == "na_reason"
    assert by_field[third.key] == "zero_needs_finding"
    f.score_item(third.key, 0, severity="major", evidence="无记录")
    assert {m.field: m.code for m in f.validate_page()}[third.key] == "finding_text"


def test_findings_branch_to_corrective_actions():
    t = load_checklist("product")
    f = AuditFlow(t, **PLAN_OK)
    score_all(f)
    key = t.items[3].key
    f.score_item(key, 1, severity="major", finding="关键尺寸超差", evidence="3/32 件超差")
    f.add_finding("包装标签缺少批号", "minor")
    obs = f.add_finding("建议改进 5S", "observation")
    assert [x["severity"] for x in f.findings()] == ["major", "minor", "observation"]
    assert f.path()[-2:] == [RESULT, ACTIONS]
    r = f.result()
    assert r.result == "conditional" and r.reason == "major_finding"
    f.current = ACTIONS  # jump for the test; the wizard would walk there
    # every missing value of every action at once, each on its own column
    assert {(m.field, m.code) for m in f.validate_page()} == {
        (f"item:{key}/owner", "required"), (f"item:{key}/due_date", "not_a_date"),
        ("extra:1/owner", "required"), ("extra:1/due_date", "not_a_date")}
    f.set_action(f"item:{key}", owner="供方质量部 李经理", due_date="2025-03-01")
    f.set_action("extra:1", owner="", due_date="2025-04-01")
    msgs = f.validate_page()
    codes = {(m.field, m.code) for m in msgs}
    assert codes == {(f"item:{key}/due_date", "due_before_audit"), ("extra:1/owner", "required")}
    texts = " ".join(m.text() for m in msgs)
    assert "extra:" not in texts and "Finding outside the checklist 1 (包装标签缺少批号): Owner" in texts
    f.lang = "zh_CN"
    assert "检查表外不符合项 1（包装标签缺少批号）: 责任人" in " ".join(m.text("zh_CN") for m in f.validate_page())
    f.lang = "en"
    f.set_action(f"item:{key}", owner="李经理", due_date="2025-04-10")
    f.set_action("extra:1", owner="王五", due_date="2025-04-01")
    assert f.validate_page() == []
    with pytest.raises(FlowError):
        f.set_action(obs + "x", owner="a", due_date="2025-04-01")
    f.remove_finding("extra:1")
    assert "extra:1" not in f.state["actions"]


def test_critical_finding_is_not_approved():
    f = AuditFlow(load_checklist("qms"), **PLAN_OK)
    score_all(f)
    f.add_finding("伪造检验记录", "critical")
    assert f.result().result == "not_approved"


def test_switching_template_rebuilds_pages():
    f = AuditFlow(load_checklist("qms"), **PLAN_OK)
    f.go_next()
    f.set_template(load_checklist("process"))
    assert f.plan["audit_type"] == "process"
    assert checklist_page("P1") in f.path() and checklist_page("4") not in f.path()
    assert f.current == PLAN and f.history == []  # the old checklist page is gone


def test_draft_round_trip_keeps_the_checklist_snapshot():
    t = load_checklist("process")
    f = AuditFlow(t, lang="zh_CN", **PLAN_OK)
    f.go_next()
    f.score_item(t.items[0].key, 8, evidence="PFMEA 2024 版")
    f.score_item(t.items[1].key, 0, severity="minor", finding="FMEA 未更新")
    f.add_finding("现场 5S 较差", "observation")
    text = f.to_json()
    json.loads(text)
    g = AuditFlow.from_json(text)
    assert g.state == f.state and g.current == f.current and g.history == f.history
    assert g.result() == f.result()
    assert g.template == t


def test_all_na_cannot_finish_findings():
    f = AuditFlow(load_checklist("product"), **PLAN_OK)
    for it in f.template.items:
        f.score_item(it.key, na=True, evidence="不适用")
    assert [m.code for m in f.validate_page(FINDINGS)] == ["no_applicable_items"]

"""Approval flow: six ordered steps, no skipping or repeating, rejection ends it; status rules."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from app.flows.approval import (
    STEPS,
    ApprovalError,
    ApprovalFlow,
    StatusTransitionError,
    allowed_actions,
    check_action,
    flow_status,
    qualification_dates,
)


def run(flow, upto=len(STEPS), result="pass"):
    for step in STEPS[:upto]:
        flow.record(step, by="qe", result=result if step == STEPS[upto - 1] else "pass",
                    remarks="" if result != "reject" else "price too high")


def test_full_flow_approves():
    f = ApprovalFlow(1)
    assert f.supplier_status() == "under_evaluation"
    run(f)
    assert f.status == "approved" and f.supplier_status() == "approved" and f.closed
    assert [r.step for r in f.steps] == list(STEPS)


def test_skip_and_repeat_refused():
    f = ApprovalFlow(1)
    with pytest.raises(ApprovalError) as e:
        f.record("price_verification", by="a", result="pass")
    assert e.value.code == "skipped"
    f.record("survey_received", by="a", result="pass")
    with pytest.raises(ApprovalError) as e:
        f.record("survey_received", by="a", result="pass")
    assert e.value.code == "repeated"
    with pytest.raises(ApprovalError) as e:
        f.record("approval", by="a", result="pass")
    assert e.value.code == "skipped"
    with pytest.raises(ApprovalError) as e:
        f.record("initial_review", by=" ", result="pass")
    assert e.value.code == "who_required"
    with pytest.raises(ApprovalError) as e:
        f.record("initial_review", by="a", result="conditional")
    assert e.value.code == "bad_result"
    with pytest.raises(ApprovalError) as e:
        f.record("nap", by="a", result="pass")
    assert e.value.code == "unknown_step"


def test_rejection_needs_reason_and_ends_flow():
    f = ApprovalFlow(1)
    f.record("survey_received", by="a", result="pass")
    with pytest.raises(ApprovalError) as e:
        f.record("initial_review", by="a", result="reject")
    assert e.value.code == "reason_required"
    f.record("initial_review", by="a", result="reject", remarks="无营业执照")
    assert f.status == "rejected" and f.reason == "无营业执照" and f.next_step() is None
    with pytest.raises(ApprovalError) as e:
        f.record("price_verification", by="a", result="pass")
    assert e.value.code == "closed"
    assert f.supplier_status() == "potential"


def test_conditional_audit_gives_conditional_approval():
    f = ApprovalFlow(1)
    for step in STEPS:
        f.record(step, by="a", result="conditional" if step == "onsite_audit" else "pass")
    assert f.status == "conditional" and f.supplier_status() == "conditional"


def test_json_round_trip_replays_rules():
    f = ApprovalFlow(5, scope="机加工件", started_by="qe")
    run(f, 3)
    g = ApprovalFlow.from_json(f.to_json())
    assert g.to_dict() == f.to_dict()
    bad = f.to_dict()
    bad["steps"] = [bad["steps"][0], bad["steps"][2]]
    with pytest.raises(ApprovalError):
        ApprovalFlow.from_json(bad)


@given(st.lists(st.sampled_from(STEPS), max_size=12))
def test_any_order_of_calls_keeps_the_order(calls):
    f = ApprovalFlow(1)
    for step in calls:
        try:
            f.record(step, by="x", result="pass")
        except ApprovalError:
            pass
    assert [r.step for r in f.steps] == list(STEPS[: len(f.steps)])


def test_status_actions():
    check_action("approved", "suspended", "PPM 超标")
    check_action("suspended", "approved", "整改完成")
    for old, new, code in [
        ("approved", "suspended", "reason_required"),
        ("potential", "approved", "flow_only"),
        ("potential", "under_evaluation", "flow_only"),
        ("disqualified", "suspended", "not_allowed"),
        ("approved", "approved", "unchanged"),
        ("approved", "gone", "unknown_status"),
    ]:
        with pytest.raises(StatusTransitionError) as e:
            check_action(old, new, "" if code == "reason_required" else "r")
        assert e.value.code == code
    assert "disqualified" in allowed_actions("potential")
    assert allowed_actions("under_evaluation") == ()


def test_flow_status_after_rejection_depends_on_start():
    assert flow_status("potential", "rejected") == "potential"
    assert flow_status("approved", "rejected") == "suspended"
    assert flow_status("suspended", "rejected") == "disqualified"
    with pytest.raises(StatusTransitionError):
        ApprovalFlow(1, from_status="under_evaluation")


def test_qualification_dates():
    d = dt.date(2024, 1, 31)
    assert qualification_dates(d, "I") == (dt.date(2027, 1, 31), dt.date(2025, 1, 31))
    assert qualification_dates(d, "III") == (dt.date(2027, 1, 31), dt.date(2026, 1, 31))
    assert qualification_dates(d, "II", conditional=True) == (dt.date(2024, 7, 31), dt.date(2024, 7, 31))
    assert qualification_dates(dt.date(2024, 8, 31), "I", conditional=True)[0] == dt.date(2025, 2, 28)

"""The optional grade-lowering rule for agreement breaches: off by default, one letter lower in
the grade list (the stored grade unchanged), the reason in both languages, permission and trail."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.engines.grading import HOLD_AGREEMENT_BREACHES, lower_grade_for_breaches
from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.agreements import grade_rule
from app.models.evaluation.service import grade_list
from app.models.evaluation.tables import EvaluationResult, EvaluationRun
from app.reports.grade_list import holds_text


def test_lower_grade_by_hand():
    assert lower_grade_for_breaches("A", 2, None) == "A"  # off
    assert lower_grade_for_breaches("A", 2, 2) == "B"
    assert lower_grade_for_breaches("B", 3, 2) == "C"
    assert lower_grade_for_breaches("C", 1, 1) == "D"
    assert lower_grade_for_breaches("D", 5, 1) == "D"
    assert lower_grade_for_breaches("A", 1, 2) == "A"     # below N
    assert lower_grade_for_breaches("A", None, 1) == "A"  # no agreed target
    assert lower_grade_for_breaches(None, 4, 1) is None   # no grade


def _latest(db) -> str:
    with db.read() as s:
        return s.scalar(select(func.max(EvaluationRun.period)).where(EvaluationRun.period_kind == "month"))


def test_rule_lowers_the_listed_grade_only(demo_db):
    period = _latest(demo_db)
    before = grade_list(demo_db, period)
    assert grade_rule.breach_rule(demo_db) is None  # default: off
    assert all(r.computed_grade is None and HOLD_AGREEMENT_BREACHES not in r.holds for r in before.rows)
    hit = [r for r in before.rows if r.breaches and r.grade in ("A", "B", "C")]
    assert hit
    n = min(r.breaches for r in hit)
    grade_rule.set_breach_rule(demo_db, n)
    assert grade_rule.breach_rule(demo_db) == n
    after = {r.supplier_id: r for r in grade_list(demo_db, period).rows}
    for r in before.rows:
        a = after[r.supplier_id]
        if r.breaches is not None and r.breaches >= n and r.grade in ("A", "B", "C"):
            assert a.grade == "ABCD"["ABCD".index(r.grade) + 1] and a.computed_grade == r.grade
            assert a.holds[-1] == HOLD_AGREEMENT_BREACHES
            assert "等级降一级" in holds_text(a, "zh_CN") and "grade lowered one letter" in holds_text(a, "en")
        else:
            assert a.grade == r.grade and a.computed_grade is None
    with demo_db.read() as s:  # the stored evaluation grade stays as computed
        stored = dict(s.execute(select(EvaluationResult.supplier_id, EvaluationResult.grade)
                                .where(EvaluationResult.period == period)).all())
    assert all(stored[r.supplier_id] == r.grade for r in before.rows)
    entry = trail.entries(demo_db, entity="agreement_breach_grade_rule", limit=1)[0]
    assert entry.changes["min_breaches"] == [None, n]
    grade_rule.set_breach_rule(demo_db, None)
    assert [r.grade for r in grade_list(demo_db, period).rows] == [r.grade for r in before.rows]
    with pytest.raises(grade_rule.RuleError, match="min_breaches"):
        grade_rule.set_breach_rule(demo_db, 0)


def test_rule_needs_evaluation_or_agreement_permission(db):
    db.actor = None
    identity.create_first_administrator(db, "admin", "管理员", "Secret2026")
    users.create_user(db, "li.sqe", "李强", "Quality2026", ["supplier_quality_engineer"])
    users.create_user(db, "zhao.view", "赵六", "Quality2026", ["viewer"])
    db.actor = identity.sign_in(db, "zhao.view", "Quality2026")
    with pytest.raises(PermissionDenied):
        grade_rule.set_breach_rule(db, 2)
    db.actor = identity.sign_in(db, "li.sqe", "Quality2026")  # agreements.edit
    grade_rule.set_breach_rule(db, 2)
    assert grade_rule.breach_rule(db) == 2

"""With the breach rule on, a lowered row's "Change" compares the listed (lowered) grade with the
previous period's grade, so the change column agrees with the grade the row shows; "Previous
grade" stays the previous period's grade."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models.agreements import grade_rule
from app.models.evaluation.service import grade_list
from app.models.evaluation.tables import EvaluationRun

RANK = {"A": 0, "B": 1, "C": 2, "D": 3}


def _by_hand(now: str, previous: str) -> str:
    if RANK[now] == RANK[previous]:
        return "same"
    return "up" if RANK[now] < RANK[previous] else "down"


def test_change_follows_the_lowered_grade(demo_db):
    with demo_db.read() as s:
        period = s.scalar(select(func.max(EvaluationRun.period)).where(EvaluationRun.period_kind == "month"))
    before = {r.supplier_id: r for r in grade_list(demo_db, period).rows}
    grade_rule.set_breach_rule(demo_db, 1)
    after = grade_list(demo_db, period).rows
    lowered = [r for r in after if r.computed_grade is not None]
    assert lowered
    checked = 0
    for r in lowered:
        b = before[r.supplier_id]
        assert r.previous_grade == b.previous_grade  # the previous period is not touched
        if r.previous_grade:
            assert r.change == _by_hand(r.grade, r.previous_grade)
            checked += 1
        else:
            assert r.change == b.change
    assert checked
    # a row whose stored grade equalled the previous one now reads "down"
    same_before = [r for r in lowered if before[r.supplier_id].change == "same"]
    assert all(r.change == "down" for r in same_before)
    for r in after:  # rows the rule leaves alone keep their stored change
        if r.computed_grade is None:
            assert r.change == before[r.supplier_id].change

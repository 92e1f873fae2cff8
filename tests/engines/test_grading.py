"""Grades, history, actions, order shares and the supplier-count strategy."""

import numpy as np
import pandas as pd
import pytest

from app.engines import grading as g


def test_default_thresholds_inclusive_and_missing():
    grades = g.assign_grades([100, 90, 89.999, 80, 70, 69.9, np.nan, 0], g.GradeThresholds())
    assert grades.tolist() == ["A", "A", "B", "B", "C", "D", None, "D"]


def test_configurable_thresholds_and_validation():
    t = g.GradeThresholds(a=95, b=85, c=60)
    assert g.assign_grades([94, 60], t).tolist() == ["B", "C"]
    with pytest.raises(ValueError):
        g.GradeThresholds(a=80, b=85, c=60)


def test_history_streaks_and_changes():
    prev, periods, change = g.grade_history(
        ["A", "B", "C", None, "D", "B"],
        ["A", "A", "D", "C", "D", None],
        [4, 2, 1, 3, 2, 0],
    )
    assert prev.tolist() == ["A", "A", "D", "C", "D", None]
    assert periods.tolist() == [5, 1, 1, 3, 3, 1]
    assert change.tolist() == ["same", "down", "up", None, "same", "new"]


def test_actions_and_disqualification_after_n_periods():
    policy = g.GradePolicy(disqualify_after=3)
    assert g.REDUCED_INSPECTION in g.actions_for("A", 1, policy)
    assert g.TIGHTENED_INSPECTION in g.actions_for("C", 1, policy)
    assert g.DISQUALIFY not in g.actions_for("D", 2, policy)
    assert g.DISQUALIFY in g.actions_for("D", 3, policy)
    assert g.actions_for(None, 0, policy) == (g.NO_SCORE_REVIEW,)


def test_order_shares_follow_grade_and_score():
    links = pd.DataFrame({"item": [1, 1, 1, 2, 2], "supplier": [10, 11, 12, 10, 13],
                          "grade": ["A", "B", "D", "C", None], "score": [95, 85, 50, 75, None]})
    out = g.order_shares(links, g.GradePolicy())
    s = out.set_index(["item", "supplier"])["share"]
    assert s[(1, 10)] == pytest.approx(1.5 * 95 / (1.5 * 95 + 85))
    assert s[(1, 12)] == 0.0  # D: no new orders
    assert s[(2, 10)] == 1.0 and s[(2, 13)] == 0.0
    assert out.groupby("item")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_an_item_whose_only_suppliers_are_d_is_still_bought():
    """D means no *new* orders where there is a choice; a sole D source keeps the item supplied
    (shares by score) while a second source is developed."""
    links = pd.DataFrame({"item": [1, 2, 2, 2], "supplier": [10, 11, 12, 13],
                          "grade": ["D", "D", "D", None], "score": [55, 60, 40, None]})
    s = g.order_shares(links, g.GradePolicy()).set_index(["item", "supplier"])["share"]
    assert s[(1, 10)] == 1.0
    assert (s[(2, 11)], s[(2, 12)], s[(2, 13)]) == pytest.approx((0.6, 0.4, 0.0))
    assert g.sourcing_strategy(["D"]) == (g.DEVELOP_SECOND_SOURCE,)


@pytest.mark.parametrize("grades,codes", [
    ([], (g.NO_SOURCE,)),
    ([None], (g.NO_GRADED_SOURCE,)),
    (["C"], (g.DEVELOP_SECOND_SOURCE,)),
    (["D"], (g.DEVELOP_SECOND_SOURCE,)),
    (["A"], (g.SINGLE_SOURCE_OK,)),
    (["B", "C"], (g.URGE_IMPROVEMENT_SEEK_BETTER,)),
    (["B", "B"], (g.MAINTAIN,)),
    (["A", "C"], (g.SHIFT_SHARE_TO_BEST,)),
    (["C", "D"], (g.DEVELOP_NEW_SOURCES, g.PHASE_OUT_D)),
    (["D", "D"], (g.DEVELOP_NEW_SOURCES,)),
    (["A", "B", "D"], (g.SHIFT_SHARE_TO_BEST, g.PHASE_OUT_D)),
])
def test_sourcing_strategy(grades, codes):
    assert g.sourcing_strategy(grades) == codes

"""Dynamic supplier grading (动态分级): A/B/C/D, grade history, actions, order shares and the
supplier-count strategy per item.

Source: domain.md §2.1 and §2.8 (course notes 供应商动态管理): grades from the period score with
configurable thresholds (default A ≥ 90, B ≥ 80, C ≥ 70, else D); A preferred with a larger
order share and reduced inspection, B kept with normal inspection, C improvement plan,
tightened inspection and a smaller share, D no new orders, re-audit and disqualification if not
recovered; orders are linked to grades.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import pandas as pd

GRADES: tuple[str, ...] = ("A", "B", "C", "D")

# Action codes (reports translate them; see app/reports/grade_list.py).
PREFERRED = "preferred"
LARGER_SHARE = "larger_share"
REDUCED_INSPECTION = "reduced_inspection"
NORMAL_INSPECTION = "normal_inspection"
KEEP = "keep"
IMPROVEMENT_PLAN = "improvement_plan"
TIGHTENED_INSPECTION = "tightened_inspection"
SMALLER_SHARE = "smaller_share"
STOP_NEW_ORDERS = "stop_new_orders"
RE_AUDIT = "re_audit"
DISQUALIFY = "disqualify"
NO_SCORE_REVIEW = "no_score_review"
NO_ORDERS = "no_orders"  # replaces every share action when the supplier's status forbids orders

# Holds: facts outside the period's score that override what its grade suggests (issue 10 §9).
HOLD_DISQUALIFIED = "disqualified"            # no orders at all
HOLD_SUSPENDED = "suspended"                  # no new orders until reinstated
HOLD_NOT_APPROVED = "not_approved"            # potential / under evaluation: not on the qualified list
HOLD_CERTIFICATE_EXPIRED = "certificate_expired"  # a mandatory certificate (ISO 9001, IATF 16949 …) expired
HOLD_OVERDUE_CAR = "overdue_car"              # an overdue corrective action request
HOLD_AGREEMENT_BREACHES = "agreement_breaches"  # grade lowered by the agreement breach rule (lower_grade_for_breaches)
#: Supplier statuses whose grade may turn into orders (the qualified supplier list).
ORDERABLE_STATUSES = ("approved", "conditional")
_STATUS_HOLD = {"disqualified": HOLD_DISQUALIFIED, "suspended": HOLD_SUSPENDED,
                "potential": HOLD_NOT_APPROVED, "under_evaluation": HOLD_NOT_APPROVED}
_SHARE_ACTIONS = frozenset({PREFERRED, LARGER_SHARE, KEEP, SMALLER_SHARE})


@dataclass(frozen=True)
class GradeThresholds:
    """Lower score limits of A, B and C; anything below C is D. Limits are inclusive."""

    a: float = 90.0
    b: float = 80.0
    c: float = 70.0

    def __post_init__(self) -> None:
        if not (100 >= self.a > self.b > self.c >= 0):
            raise ValueError(
                f"grade thresholds must satisfy 100 ≥ A > B > C ≥ 0, got A {self.a}, B {self.b}, C {self.c}"
            )

    def as_dict(self) -> dict[str, float]:
        return {"A": self.a, "B": self.b, "C": self.c}


@dataclass(frozen=True)
class GradePolicy:
    """What each grade means for purchasing and inspection; all configurable per scheme."""

    actions: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "A": (PREFERRED, LARGER_SHARE, REDUCED_INSPECTION),
        "B": (KEEP, NORMAL_INSPECTION),
        "C": (IMPROVEMENT_PLAN, TIGHTENED_INSPECTION, SMALLER_SHARE),
        "D": (STOP_NEW_ORDERS, RE_AUDIT, TIGHTENED_INSPECTION),
    })
    #: Relative order-share weight per grade, multiplied by the score (D gets no new orders).
    share_weight: dict[str, float] = field(default_factory=lambda: {"A": 1.5, "B": 1.0, "C": 0.5, "D": 0.0})
    #: Consecutive graded periods in D after which the supplier is disqualified.
    disqualify_after: int = 3

    def __post_init__(self) -> None:
        for g in GRADES:
            if g not in self.actions or g not in self.share_weight:
                raise ValueError(f"grade policy needs actions and a share weight for grade {g}")
            if self.share_weight[g] < 0:
                raise ValueError("order-share weights must be non-negative")
        if self.disqualify_after < 1:
            raise ValueError("disqualify_after must be at least 1 period")


def assign_grades(scores, thresholds: GradeThresholds) -> np.ndarray:
    """Grade per score ('A'..'D'); None where the score is missing (NaN)."""
    s = np.asarray(scores, dtype=float)
    idx = np.select([s >= thresholds.a, s >= thresholds.b, s >= thresholds.c], [0, 1, 2], 3)
    grades = np.array(GRADES, dtype=object)[idx]
    grades[~np.isfinite(s)] = None
    return grades


def grade_history(grades, last_grade, last_streak):
    """Previous grade, periods in grade and change, vectorised over suppliers.

    ``last_grade`` / ``last_streak`` come from the previous period's stored result: the last
    grade a supplier had (carried through ungraded periods) and how many graded periods in a row
    it had it. An ungraded period keeps the streak unchanged — an empty month neither resets nor
    extends the count used for disqualification.

    Returns (previous_grade, periods_in_grade, change) where change is "up", "down", "same",
    "new" (graded now, never before) or None (no grade now).
    """
    g = np.asarray(grades, dtype=object)
    last = np.asarray(last_grade, dtype=object)
    streak = np.asarray(last_streak, dtype=float)
    streak = np.where(np.isfinite(streak), streak, 0).astype(int)
    rank = {grade: i for i, grade in enumerate(GRADES)}
    now_r = np.array([rank.get(x, -1) for x in g])
    last_r = np.array([rank.get(x, -1) for x in last])
    graded, had = now_r >= 0, last_r >= 0
    periods = np.where(graded, np.where(had & (now_r == last_r), streak + 1, 1), streak)
    change = np.full(g.shape, None, dtype=object)
    change[graded & ~had] = "new"
    change[graded & had & (now_r == last_r)] = "same"
    change[graded & had & (now_r < last_r)] = "up"
    change[graded & had & (now_r > last_r)] = "down"
    return last, periods.astype(int), change


def lower_grade_for_breaches(grade: str | None, breaches: int | None, min_breaches: int | None) -> str | None:
    """The grade shown in the grade list under the optional agreement breach rule: one letter
    lower (A→B, B→C, C→D; D stays D) when ``breaches`` ≥ ``min_breaches``. ``min_breaches``
    None means the rule is off; no grade or no agreed target (``breaches`` None) is left alone."""
    if min_breaches is None or grade is None or breaches is None or breaches < min_breaches:
        return grade
    order = "ABCD"
    return order[min(order.index(grade) + 1, 3)] if grade in order else grade


def actions_for(grade: str | None, periods_in_grade: int, policy: GradePolicy) -> tuple[str, ...]:
    """Action codes for one supplier; D for ``disqualify_after`` periods adds disqualification."""
    if grade is None:
        return (NO_SCORE_REVIEW,)
    acts = tuple(policy.actions[grade])
    if grade == "D" and periods_in_grade >= policy.disqualify_after:
        acts = acts + (DISQUALIFY,)
    return acts


def apply_holds(actions: Sequence[str], status: str | None, *, certificate_expired: bool = False,
                overdue_cars: int = 0) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The grade's actions corrected by what the score does not see; returns (actions, holds).

    - disqualified, suspended, potential or under evaluation: no share of orders — every share
      action (preferred, larger/smaller share, keep) gives way to ``no_orders``; a disqualified
      supplier gets nothing else, the others keep improvement and re-audit actions;
    - an expired mandatory certificate or an overdue corrective action request: no reduced
      inspection (normal inspection instead).
    ``holds`` names each reason, in that order.
    """
    acts = list(actions)
    holds: list[str] = []
    status_hold = _STATUS_HOLD.get(status or "")
    if status_hold:
        holds.append(status_hold)
        if status_hold == HOLD_DISQUALIFIED:
            acts = [NO_ORDERS]
        else:
            acts = [NO_ORDERS] + [a for a in acts if a not in _SHARE_ACTIONS and a != REDUCED_INSPECTION]
    if certificate_expired:
        holds.append(HOLD_CERTIFICATE_EXPIRED)
    if overdue_cars > 0:
        holds.append(HOLD_OVERDUE_CAR)
    if (certificate_expired or overdue_cars > 0) and REDUCED_INSPECTION in acts:
        acts = [a for a in acts if a != REDUCED_INSPECTION]
        if NORMAL_INSPECTION not in acts and TIGHTENED_INSPECTION not in acts:
            acts.append(NORMAL_INSPECTION)
    return tuple(dict.fromkeys(acts)), tuple(holds)


def order_shares(links: pd.DataFrame, policy: GradePolicy) -> pd.DataFrame:
    """Suggested order share per item among its suppliers (orders linked to grades, §2.8).

    ``links`` has columns item, supplier, grade (None allowed), score. Weight = grade share
    weight × score; ungraded suppliers get no suggested share. Returns ``links`` plus ``share``
    (0..1, summing to 1 per item when any supplier is graded).

    An item whose graded suppliers all have zero weight (e.g. its only supplier is D) still has
    to be bought until a new source is developed (``sourcing_strategy`` says so): its graded
    suppliers then share it in proportion to score — never a suggestion to buy nothing.
    """
    df = links.copy()
    weight_by_grade = df["grade"].map(lambda g: policy.share_weight.get(g, 0.0) if g else 0.0)
    score = pd.to_numeric(df["score"], errors="coerce").fillna(0.0).clip(lower=0.0)
    graded = df["grade"].map(lambda g: g in GRADES)
    df["weight"] = weight_by_grade.astype(float) * score
    total = df.groupby("item")["weight"].transform("sum")
    fallback = (graded & (total <= 0)).astype(float) * score.where(score > 0, 1e-9)
    df["weight"] = np.where(total > 0, df["weight"], fallback)
    total = df.groupby("item")["weight"].transform("sum")
    df["share"] = np.where(total > 0, df["weight"] / total.where(total > 0, 1.0), 0.0)
    return df.drop(columns="weight")


# Supplier-count strategy codes per item (domain.md §2.1 "number of suppliers").
NO_SOURCE = "no_source"
NO_GRADED_SOURCE = "no_graded_source"
SINGLE_SOURCE_OK = "single_source_ok"
DEVELOP_SECOND_SOURCE = "develop_second_source"
SHIFT_SHARE_TO_BEST = "shift_share_to_best"
MAINTAIN = "maintain"
URGE_IMPROVEMENT_SEEK_BETTER = "urge_improvement_seek_better"
DEVELOP_NEW_SOURCES = "develop_new_sources"
PHASE_OUT_D = "phase_out_d"


def sourcing_strategy(grades: Sequence[str | None]) -> tuple[str, ...]:
    """Strategy codes for one item from the grades of its current suppliers.

    Rules (domain.md §2.1 and §2.8): one supplier graded C or D → develop a second source;
    one A/B → single source acceptable; several all C/D → develop new sources; best B with a
    C or D beside it → urge improvement and seek a better supplier (the course example
    "two suppliers B and C"); an A present → shift share to it; any D among several → phase
    it out.
    """
    graded = [g for g in grades if g in GRADES]
    if not grades:
        return (NO_SOURCE,)
    if not graded:
        return (NO_GRADED_SOURCE,)
    best = min(graded, key=GRADES.index)
    worst = max(graded, key=GRADES.index)
    if len(graded) == 1:
        return (SINGLE_SOURCE_OK,) if best in ("A", "B") else (DEVELOP_SECOND_SOURCE,)
    codes: list[str] = []
    if best in ("C", "D"):
        codes.append(DEVELOP_NEW_SOURCES)
    elif best == "B" and worst in ("C", "D"):
        codes.append(URGE_IMPROVEMENT_SEEK_BETTER)
    elif best == "A" and worst != "A":
        codes.append(SHIFT_SHARE_TO_BEST)
    else:
        codes.append(MAINTAIN)
    if "D" in graded and best != "D":
        codes.append(PHASE_OUT_D)
    return tuple(codes)

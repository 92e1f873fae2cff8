"""Evaluation schemes and scoring methods for supplier performance (业绩评定方法).

Three methods from the course notes (domain.md §2.7), vectorised over all suppliers:

- ``weighted`` — comprehensive scoring 综合评分法: each indicator value → 0–100 score through
  piecewise-linear bands, then S = Σ w_i s_i;
- ``demerit``  — nonconformance scoring 不合格评分法: S = max(floor, full − Σ_c p_c n_c) with
  points p_c per nonconformity of severity class c;
- ``fuzzy``    — fuzzy comprehensive evaluation 模糊综合评价: indicator scores → memberships in
  the grades (app.engines.fuzzy.ridge_membership), B = A ∘ R with the scheme's operator, one or
  two levels; the score is the weighted-average of grade scores and the fuzzy grade the one of
  maximum membership.

Missing indicators (no underlying records) are handled by the scheme's ``missing_policy``:
``"renormalise"`` drops them and rescales the remaining weights to sum 1; ``"no_score"`` gives
no score. Indicators marked ``required`` always give no score when missing (a period without
deliveries has no score). Each result records which treatment was applied.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from app.engines import fuzzy
from app.engines.flags import ACCEPTED_SWITCHES, switch
from app.engines.grading import GRADES, GradePolicy, GradeThresholds
from app.engines.indicators import (
    CUSTOMER_COMPLAINTS, INDICATOR_COUNTS, INDICATORS, LOT_PASS_RATE, ON_TIME_DELIVERY, ORDER_FULFILMENT, PPM,
    PRICE, SERVICE, DeliveryWindow, IndicatorValues, SupplierCounts, compute_indicators,
)

METHODS = ("weighted", "demerit", "fuzzy")
MISSING_POLICIES = ("renormalise", "no_score")

# Treatment codes recorded per result.
COMPLETE = "complete"
RENORMALISED = "renormalised"
NO_SCORE = "no_score"


class SchemeError(ValueError):
    """An evaluation scheme is inconsistent; the message names the offending setting."""


@dataclass(frozen=True)
class IndicatorRule:
    """One indicator in a scheme: weight, value → score bands, group, required.

    ``bands`` are (value, score) breakpoints with strictly increasing values; scores between
    breakpoints are linearly interpolated and held constant beyond the ends (piecewise-linear
    scoring as in the course notes' 综合评分法 tables).
    """

    key: str
    weight: float
    bands: tuple[tuple[float, float], ...]
    group: str = ""
    required: bool = False
    #: "no records" is the normal case (e.g. no customer complaint): the indicator then drops out
    #: of the weights without being reported as missing or changing the treatment
    absent_ok: bool = False

    def __post_init__(self) -> None:
        if self.key not in INDICATORS:
            raise SchemeError(f"unknown indicator {self.key!r}; known: {', '.join(INDICATORS)}")
        # Read explicitly: bool("false") is True, so a scheme file could not switch it off.
        required = switch(self.required)
        if required is None:
            raise SchemeError(f"{self.key}: required must be {ACCEPTED_SWITCHES}, got {self.required!r}")
        object.__setattr__(self, "required", required)
        absent_ok = switch(self.absent_ok)
        if absent_ok is None:
            raise SchemeError(f"{self.key}: absent_ok must be {ACCEPTED_SWITCHES}, got {self.absent_ok!r}")
        object.__setattr__(self, "absent_ok", absent_ok)
        if not np.isfinite(self.weight) or self.weight < 0:
            raise SchemeError(f"{self.key}: weight must be a non-negative number")
        xs = [float(x) for x, _ in self.bands]
        ys = [float(y) for _, y in self.bands]
        if len(xs) < 2 or any(b <= a for a, b in zip(xs, xs[1:])):
            raise SchemeError(f"{self.key}: bands need at least two breakpoints with increasing values")
        if any(not 0 <= y <= 100 for y in ys):
            raise SchemeError(f"{self.key}: band scores must lie within 0..100")
        object.__setattr__(self, "bands", tuple((float(x), float(y)) for x, y in self.bands))

    def score(self, values: np.ndarray) -> np.ndarray:
        xs = np.array([b[0] for b in self.bands])
        ys = np.array([b[1] for b in self.bands])
        out = np.interp(np.nan_to_num(values, nan=xs[0]), xs, ys)
        return np.where(np.isfinite(values), out, np.nan)


@dataclass(frozen=True)
class DemeritRule:
    """Points deducted per nonconformity class from a full score, never below ``floor``."""

    full_score: float = 100.0
    floor: float = 0.0
    points: dict[str, float] = field(default_factory=lambda: {
        "critical_defects": 10.0, "major_defects": 3.0, "minor_defects": 1.0,
        "rejected_lots": 5.0, "late_deliveries": 1.0, "overdue_cars": 2.0,
    })

    CLASSES = ("critical_defects", "major_defects", "minor_defects", "rejected_lots",
               "late_deliveries", "overdue_cars")

    def __post_init__(self) -> None:
        if not 0 <= self.floor < self.full_score <= 100:
            raise SchemeError("demerit scoring needs 0 ≤ floor < full score ≤ 100")
        unknown = set(self.points) - set(self.CLASSES)
        if unknown:
            raise SchemeError(f"unknown demerit classes: {', '.join(sorted(unknown))}")
        if any(p < 0 for p in self.points.values()):
            raise SchemeError("demerit points must be non-negative")


@dataclass(frozen=True)
class FuzzyRule:
    """Fuzzy evaluation settings: grade centres for memberships, grade scores, operator."""

    centres: tuple[float, ...] = (95.0, 85.0, 75.0, 60.0)
    grade_scores: tuple[float, ...] = (95.0, 85.0, 75.0, 60.0)
    operator: str = "product-sum"
    two_level: bool = True

    def __post_init__(self) -> None:
        two_level = switch(self.two_level)
        if two_level is None:
            raise SchemeError(f"fuzzy two_level must be {ACCEPTED_SWITCHES}, got {self.two_level!r}")
        object.__setattr__(self, "two_level", two_level)
        if self.operator not in fuzzy.OPERATORS:
            raise SchemeError(f"unknown fuzzy operator {self.operator!r}")
        if len(self.centres) != len(GRADES) or len(self.grade_scores) != len(GRADES):
            raise SchemeError("fuzzy evaluation needs one centre and one score per grade A–D")
        if any(b >= a for a, b in zip(self.centres, self.centres[1:])):
            raise SchemeError("fuzzy grade centres must be descending (A first)")


def default_indicator_rules() -> tuple[IndicatorRule, ...]:
    # Default weights and bands follow the course notes' emphasis: quality first (40 %),
    # then delivery (30 %), service and price (15 % each).
    return (
        IndicatorRule(LOT_PASS_RATE, 0.20, ((0.80, 0), (0.90, 60), (0.95, 80), (0.98, 90), (1.0, 100)), "quality"),
        IndicatorRule(PPM, 0.20, ((0, 100), (200, 95), (1000, 85), (3000, 70), (10000, 40), (30000, 0)), "quality"),
        IndicatorRule(ON_TIME_DELIVERY, 0.20, ((0.70, 0), (0.85, 60), (0.95, 90), (1.0, 100)), "delivery", True),
        IndicatorRule(ORDER_FULFILMENT, 0.10, ((0.70, 0), (0.90, 70), (0.98, 95), (1.0, 100)), "delivery"),
        IndicatorRule(SERVICE, 0.15, ((0.0, 40), (0.5, 70), (0.8, 85), (1.0, 100)), "service"),
        IndicatorRule(PRICE, 0.15, ((0.90, 100), (1.00, 90), (1.05, 75), (1.15, 40), (1.30, 0)), "price"),
        # Customer complaints traced to the supplier (field problems, issue 12): missing when there
        # are none, so the bands start at one complaint and never give 100.
        IndicatorRule(CUSTOMER_COMPLAINTS, 0.10, ((1, 70), (2, 50), (3, 35), (5, 15), (8, 0)), "quality",
                      absent_ok=True),
    )


@dataclass(frozen=True)
class EvaluationScheme:
    """A versioned evaluation scheme; stored as JSON (``to_json``/``from_json``)."""

    name: str = "standard"
    version: int = 1
    method: str = "weighted"
    missing_policy: str = "renormalise"
    indicators: tuple[IndicatorRule, ...] = field(default_factory=default_indicator_rules)
    window: DeliveryWindow = field(default_factory=DeliveryWindow)
    demerit: DemeritRule = field(default_factory=DemeritRule)
    fuzzy: FuzzyRule = field(default_factory=FuzzyRule)
    thresholds: GradeThresholds = field(default_factory=GradeThresholds)
    policy: GradePolicy = field(default_factory=GradePolicy)

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise SchemeError(f"unknown method {self.method!r}; use one of {', '.join(METHODS)}")
        if self.missing_policy not in MISSING_POLICIES:
            raise SchemeError(f"unknown missing policy {self.missing_policy!r}")
        keys = [r.key for r in self.indicators]
        if len(set(keys)) != len(keys):
            raise SchemeError("an indicator appears twice in the scheme")
        if self.method != "demerit" and sum(r.weight for r in self.indicators) <= 0:
            raise SchemeError("the indicator weights must not all be zero")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.indicators)

    def weights(self) -> np.ndarray:
        """Indicator weights normalised to sum 1 (the stored ones may be in any unit)."""
        w = np.array([r.weight for r in self.indicators], dtype=float)
        return w / w.sum() if w.sum() > 0 else w

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["indicators"] = [dict(asdict(r), bands=[list(b) for b in r.bands]) for r in self.indicators]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EvaluationScheme":
        try:
            rules = tuple(
                IndicatorRule(r["key"], float(r["weight"]), tuple(tuple(b) for b in r["bands"]),
                              r.get("group", ""), False if r.get("required") is None else r["required"],
                              False if r.get("absent_ok") is None else r["absent_ok"])
                for r in d.get("indicators", [])
            ) or default_indicator_rules()
            pol = d.get("policy", {})
            policy = GradePolicy(
                actions={g: tuple(a) for g, a in pol["actions"].items()} if "actions" in pol else GradePolicy().actions,
                share_weight={g: float(v) for g, v in pol.get("share_weight", GradePolicy().share_weight).items()},
                disqualify_after=int(pol.get("disqualify_after", 3)),
            )
            fz = d.get("fuzzy", {})
            return cls(
                name=str(d.get("name", "standard")), version=int(d.get("version", 1)),
                method=d.get("method", "weighted"), missing_policy=d.get("missing_policy", "renormalise"),
                indicators=rules,
                window=DeliveryWindow(**d.get("window", {})),
                demerit=DemeritRule(**d["demerit"]) if "demerit" in d else DemeritRule(),
                fuzzy=FuzzyRule(**{k: tuple(v) if isinstance(v, list) else v for k, v in fz.items()}),
                thresholds=GradeThresholds(**d.get("thresholds", {})),
                policy=policy,
            )
        except (KeyError, TypeError) as exc:
            raise SchemeError(f"scheme configuration is incomplete or malformed: {exc}") from exc
        except ValueError as exc:
            raise SchemeError(str(exc)) from exc

    @classmethod
    def from_json(cls, text: str) -> "EvaluationScheme":
        return cls.from_dict(json.loads(text))


@dataclass
class ScoreResult:
    """Scores for all suppliers of one period with everything the trace needs."""

    scheme: EvaluationScheme
    indicators: IndicatorValues
    keys: tuple[str, ...]
    indicator_scores: np.ndarray   # (n, m), NaN where missing
    weights: np.ndarray            # (n, m) effective weights (0 where missing / no score)
    contributions: np.ndarray      # (n, m) weight × score
    missing: np.ndarray            # (n, m) bool
    scores: np.ndarray             # (n,) NaN = no score
    treatment: np.ndarray          # (n,) COMPLETE / RENORMALISED / NO_SCORE
    membership: np.ndarray | None = None   # fuzzy B, normalised, (n, 4)
    fuzzy_grade: np.ndarray | None = None  # index into GRADES, -1 = none
    demerit_counts: dict[str, np.ndarray] | None = None
    values_missing: np.ndarray | None = None  # (n, m) no value at all (missing plus absent-ok ones)

    @property
    def supplier_ids(self) -> np.ndarray:
        return self.indicators.counts.supplier_ids

    def missing_keys(self, i: int) -> list[str]:
        return [k for k, m in zip(self.keys, self.missing[i]) if m]

    def trace(self, i: int) -> dict[str, Any]:
        """The calculation trace of supplier ``i``: why this score."""
        c = self.indicators.counts
        s = self.scheme
        items = {}
        for j, key in enumerate(self.keys):
            num_name, den_name = INDICATOR_COUNTS[key]
            items[key] = {
                "numerator": _num(getattr(c, num_name)[i]), "denominator": _num(getattr(c, den_name)[i]),
                "counts": [num_name, den_name],
                "value": _num(self.indicators.values[key][i]), "score": _num(self.indicator_scores[i, j]),
                "weight": _num(self.weights[i, j]), "contribution": _num(self.contributions[i, j]),
                "missing": bool(self.missing[i, j]),
            }
        out: dict[str, Any] = {
            "scheme": s.name, "version": s.version, "method": s.method,
            "missing_policy": s.missing_policy, "treatment": str(self.treatment[i]),
            "score": _num(self.scores[i]), "thresholds": s.thresholds.as_dict(),
            "window": {"early_days": s.window.early_days, "late_days": s.window.late_days},
            "indicators": items,
        }
        if self.membership is not None:
            out["fuzzy"] = {"operator": s.fuzzy.operator, "membership": [_num(b) for b in self.membership[i]],
                            "max_membership_grade": GRADES[self.fuzzy_grade[i]] if self.fuzzy_grade[i] >= 0 else None,
                            "grade_scores": list(s.fuzzy.grade_scores)}
        if self.demerit_counts is not None:
            out["demerit"] = {"full_score": s.demerit.full_score, "floor": s.demerit.floor,
                              "classes": {k: {"count": _num(v[i]), "points": s.demerit.points.get(k, 0.0)}
                                          for k, v in self.demerit_counts.items()}}
        return out


def _num(x) -> float | None:
    x = float(x)
    return round(x, 6) if np.isfinite(x) else None


def _effective_weights(base: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """Renormalise the weights of the indicators present per supplier so they sum to 1."""
    w = np.where(missing, 0.0, base[None, :])
    total = w.sum(axis=1, keepdims=True)
    return np.divide(w, total, out=np.zeros_like(w), where=total > 0)


def evaluate(counts: SupplierCounts, scheme: EvaluationScheme) -> ScoreResult:
    """Score every supplier of one period under ``scheme``."""
    ind = compute_indicators(counts)
    keys = scheme.keys
    n, m = len(counts), len(keys)
    values = np.column_stack([ind.values[k] for k in keys]) if m else np.zeros((n, 0))
    no_value = ~np.isfinite(values)
    absent_ok = np.array([r.absent_ok for r in scheme.indicators], dtype=bool)
    missing = no_value & ~absent_ok[None, :]  # what is reported missing and decides the treatment
    iscores = np.column_stack([r.score(values[:, j]) for j, r in enumerate(scheme.indicators)]) if m else values
    base = scheme.weights()
    required = np.array([r.required for r in scheme.indicators], dtype=bool)
    # Weightless indicators are informative only; their absence never changes the treatment.
    counted = missing & (base[None, :] > 0)
    # every weighted indicator missing (absent-ok ones alone, e.g. only complaints, give no score)
    no_score = (missing & required[None, :]).any(axis=1) | \
        (counted.sum(axis=1) == int(((base > 0) & ~absent_ok).sum()))
    if scheme.missing_policy == "no_score":
        no_score |= counted.any(axis=1)
    treatment = np.where(no_score, NO_SCORE, np.where(counted.any(axis=1), RENORMALISED, COMPLETE)).astype(object)

    weights = _effective_weights(base, no_value)
    weights[no_score] = 0.0
    contributions = np.nan_to_num(iscores) * weights
    result = ScoreResult(scheme, ind, keys, iscores, weights, contributions, missing,
                         np.full(n, np.nan), treatment, values_missing=no_value)
    if scheme.method == "weighted":
        result.scores = np.where(no_score, np.nan, contributions.sum(axis=1))
    elif scheme.method == "fuzzy":
        _fuzzy(result, scheme, base, no_score)
    else:
        _demerit(result, counts, scheme)
    return result


def _fuzzy(result: ScoreResult, scheme: EvaluationScheme, base: np.ndarray, no_score: np.ndarray) -> None:
    rule = scheme.fuzzy
    r = fuzzy.ridge_membership(result.indicator_scores, rule.centres)  # (n, m, 4), zero rows if missing
    groups = [g for g in dict.fromkeys(x.group for x in scheme.indicators)]
    if rule.two_level and len(groups) > 1:
        rows, group_w = [], []
        for g in groups:
            cols = np.array([x.group == g for x in scheme.indicators])
            wg = _effective_weights(base[cols], result.values_missing[:, cols])
            # all-zero weight rows: a supplier without any indicator of this group (no evidence)
            rows.append(fuzzy.normalise(fuzzy.compose(wg, r[:, cols, :], rule.operator, allow_zero_rows=True)))
            group_w.append(np.where(wg.sum(axis=1) > 0, base[cols].sum(), 0.0))
        gw = np.column_stack(group_w)
        gw = np.divide(gw, gw.sum(axis=1, keepdims=True), out=np.zeros_like(gw),
                       where=gw.sum(axis=1, keepdims=True) > 0)
        b = fuzzy.compose(gw, np.stack(rows, axis=1), rule.operator, allow_zero_rows=True)
    else:
        b = fuzzy.compose(result.weights, r, rule.operator, allow_zero_rows=True)  # zero rows: no score
    b = fuzzy.normalise(b)
    b[no_score] = 0.0
    result.membership = b
    result.fuzzy_grade = fuzzy.max_membership(b)
    result.scores = np.where(no_score, np.nan, fuzzy.weighted_score(b, rule.grade_scores))


def demerit_counts(counts: SupplierCounts) -> dict[str, np.ndarray]:
    """Nonconformities per class from the period counts (rejected lots, late deliveries and
    overdue corrective-action answers count as nonconformities of their own class)."""
    return {
        "critical_defects": counts.critical_defects,
        "major_defects": counts.major_defects,
        "minor_defects": counts.minor_defects,
        "rejected_lots": counts.lots_inspected - counts.lots_accepted,
        "late_deliveries": counts.deliveries - counts.deliveries_on_time,
        "overdue_cars": counts.cars_due - counts.cars_answered_on_time,
    }


def _demerit(result: ScoreResult, counts: SupplierCounts, scheme: EvaluationScheme) -> None:
    rule = scheme.demerit
    nc = demerit_counts(counts)
    deduction = sum(rule.points.get(k, 0.0) * v for k, v in nc.items())
    # No inspected lot and no delivery: nothing was supplied, so there is nothing to score.
    empty = (counts.lots_inspected == 0) & (counts.deliveries == 0)
    result.scores = np.where(empty, np.nan, np.maximum(rule.floor, rule.full_score - deduction))
    result.treatment = np.where(empty, NO_SCORE, COMPLETE).astype(object)
    result.weights = np.zeros_like(result.weights)
    result.contributions = np.zeros_like(result.contributions)
    result.demerit_counts = nc

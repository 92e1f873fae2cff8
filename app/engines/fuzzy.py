"""Fuzzy comprehensive evaluation (模糊综合评价).

B = A ∘ R for a weight vector A (m indicators) and a membership matrix R (m × k grades), with
the four classical composition operators (Wang Peizhuang's generalised operators, as taught in
the supplier-evaluation course notes; see domain.md §2.7):

- ``"min-max"``     M(∧,∨): b_j = max_i min(a_i, r_ij)          (Zadeh max-min composition)
- ``"product-max"`` M(·,∨): b_j = max_i a_i r_ij
- ``"min-sum"``     M(∧,⊕): b_j = min(1, Σ_i min(a_i, r_ij))    (⊕ = bounded sum)
- ``"product-sum"`` M(·,⊕): b_j = min(1, Σ_i a_i r_ij)          (weighted average)

Everything broadcasts over leading axes, so one call evaluates every supplier at once:
weights ``(..., m)``, membership ``(..., m, k)`` → B ``(..., k)``.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

OPERATORS = ("min-max", "product-max", "min-sum", "product-sum")
OPERATOR_SYMBOLS = {
    "min-max": "M(∧,∨)",
    "product-max": "M(·,∨)",
    "min-sum": "M(∧,⊕)",
    "product-sum": "M(·,⊕)",
}


#: Weights must sum to 1 within this absolute tolerance (rounding of typed decimals such as
#: 0.1 × 10, or of weights normalised by division) unless ``normalise_weights`` is asked for.
WEIGHT_SUM_TOLERANCE = 1e-9
#: Memberships may exceed 1 by this much (rounding); they are clipped to 1.
MEMBERSHIP_TOLERANCE = 1e-9


class FuzzyInputError(ValueError):
    """Weights, memberships or operator are unusable; the message says why."""


def _as_float(values, what: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise FuzzyInputError(f"the {what} must be numbers in a rectangular table") from None


def _position(index: tuple[int, ...]) -> str:
    return ", ".join(str(int(i)) for i in index)


def _finite(x: np.ndarray, label: str) -> None:
    bad = ~np.isfinite(x)
    if bad.any():
        idx = tuple(np.argwhere(bad)[0])
        raise FuzzyInputError(f"{label}[{_position(idx)}] is {x[idx]} (missing or infinite)")


def _check_weights(a: np.ndarray, normalise_weights: bool, allow_zero_rows: bool) -> np.ndarray:
    _finite(a, "weights")
    if np.any(a < 0):
        idx = tuple(np.argwhere(a < 0)[0])
        raise FuzzyInputError(f"weight {idx[-1] + 1} (weights[{_position(idx)}] = {a[idx]:g}) is negative")
    total = a.sum(axis=-1, keepdims=True)
    zero = total == 0
    if np.any(zero) and not allow_zero_rows:
        row = _row_label(np.argwhere(zero[..., 0])[0], a.ndim)
        raise FuzzyInputError(f"weights{row} sum to 0, not 1: no indicator carries any weight")
    if normalise_weights:
        return np.divide(a, total, out=np.zeros_like(a), where=~zero)
    off = ~zero & (np.abs(total - 1.0) > WEIGHT_SUM_TOLERANCE)
    if np.any(off):
        pos = np.argwhere(off[..., 0])[0]
        raise FuzzyInputError(
            f"weights{_row_label(pos, a.ndim)} sum to {float(total[tuple(pos)][0]):.10g}, not 1 "
            f"(tolerance {WEIGHT_SUM_TOLERANCE:g}); normalise them, or pass normalise_weights=True")
    return a


def _row_label(pos, ndim: int) -> str:
    if ndim <= 1:
        return ""
    if ndim == 2:
        return f" row {int(pos[0]) + 1}"
    return f"[{_position(tuple(pos))}]"


def compose(weights, membership, operator: str = "product-sum", *, normalise_weights: bool = False,
            allow_zero_rows: bool = False) -> np.ndarray:
    """Fuzzy composition B = A ∘ R with one of :data:`OPERATORS`; returns the B vector(s).

    B is returned as composed (not normalised), as in the published exercise
    (A = (.2,.2,.2,.4), M(∧,∨) → B = (.1,.2,.4,.3,.2)); use :func:`normalise` if wanted.

    Refused with :class:`FuzzyInputError` (never composed, never left to numpy): NaN or infinite
    weights or memberships, negative weights, memberships outside [0, 1], an empty R (no
    indicators or no grades), shapes that do not match, and weights that do not sum to 1 within
    :data:`WEIGHT_SUM_TOLERANCE` — unless ``normalise_weights=True`` asks to divide them by their
    sum. A weight row that is all zero is refused unless ``allow_zero_rows=True`` (the evaluation
    engine's "no score" suppliers): its B is then all zero, "no evidence".
    """
    if operator not in OPERATORS:
        raise FuzzyInputError(f"unknown operator {operator!r}; use one of {', '.join(OPERATORS)}")
    a = _as_float(weights, "weights")
    r = _as_float(membership, "membership matrix R")
    if r.ndim < 2:
        raise FuzzyInputError("the membership matrix R must be indicators × grades")
    if a.ndim < 1:
        raise FuzzyInputError("the weights must be a vector with one weight per indicator")
    m, k = r.shape[-2], r.shape[-1]
    if m == 0:
        raise FuzzyInputError("the membership matrix R has no indicators (no rows)")
    if k == 0:
        raise FuzzyInputError("the membership matrix R has no grades (no columns)")
    if a.shape[-1] != m:
        raise FuzzyInputError(f"{m} indicators in R need {m} weights, got {a.shape[-1]}")
    try:
        np.broadcast_shapes(a.shape[:-1], r.shape[:-2])
    except ValueError:
        raise FuzzyInputError(f"{a.shape[:-1][0] if a.ndim == 2 else a.shape[:-1]} weight rows do not "
                              f"match {r.shape[:-2][0] if r.ndim == 3 else r.shape[:-2]} membership "
                              "matrices") from None
    _finite(r, "membership R")
    outside = (r < 0) | (r > 1 + MEMBERSHIP_TOLERANCE)
    if outside.any():
        idx = tuple(np.argwhere(outside)[0])
        raise FuzzyInputError(f"membership R[{_position(idx)}] = {r[idx]:g} is outside [0, 1]")
    r = np.minimum(r, 1.0)
    a = _check_weights(a, normalise_weights, allow_zero_rows)
    a3 = a[..., :, None]
    if operator == "min-max":
        return np.minimum(a3, r).max(axis=-2)
    if operator == "product-max":
        return (a3 * r).max(axis=-2)
    if operator == "min-sum":
        return np.minimum(1.0, np.minimum(a3, r).sum(axis=-2))
    return np.minimum(1.0, (a3 * r).sum(axis=-2))


def _composed(b, what: str = "B") -> np.ndarray:
    b = _as_float(b, what)
    if b.ndim < 1 or b.shape[-1] == 0:
        raise FuzzyInputError(f"{what} needs at least one grade")
    _finite(b, what)
    if np.any(b < 0):
        idx = tuple(np.argwhere(b < 0)[0])
        raise FuzzyInputError(f"{what}[{_position(idx)}] = {b[idx]:g} is negative")
    return b


def normalise(b) -> np.ndarray:
    """Scale B to sum 1 along the last axis; an all-zero B stays zero. NaN is refused."""
    b = _composed(b)
    total = b.sum(axis=-1, keepdims=True)
    return np.divide(b, total, out=np.zeros_like(b), where=total > 0)


def max_membership(b) -> np.ndarray:
    """Grade index (0-based) by the maximum-membership principle (最大隶属度原则).

    Ties go to the first (better) grade; an all-zero B gives -1 (no evidence, no grade). A NaN
    in B is refused: it is not "no evidence".
    """
    b = _composed(b)
    idx = np.argmax(b, axis=-1)
    return np.where(b.max(axis=-1) > 0, idx, -1)


def weighted_score(b, grade_scores: Sequence[float]) -> np.ndarray:
    """Weighted-average score S = Σ b_j s_j / Σ b_j (the course notes' 加权平均原则).

    NaN where B is all zero (no evidence); NaN in B or in the grade scores is refused.
    """
    b = _composed(b)
    s = _as_float(grade_scores, "grade scores")
    if s.shape != b.shape[-1:]:
        raise FuzzyInputError(f"{b.shape[-1]} grades need {b.shape[-1]} grade scores")
    _finite(s, "grade scores")
    total = b.sum(axis=-1)
    num = (b * s).sum(axis=-1)
    return np.divide(num, total, out=np.full_like(total, np.nan), where=total > 0)


def two_level(group_weights, groups: Sequence[tuple[object, object]],
              operator: str = "product-sum", upper_operator: str | None = None, *,
              normalise_weights: bool = False) -> np.ndarray:
    """Two-level evaluation: evaluate each sub-group, stack the B vectors as the upper R.

    ``groups`` is a sequence of (weights, membership) per first-level factor; each first-level
    B is normalised before stacking so that groups of different sizes are comparable (the
    usual practice in the course notes' worked two-level example). Every weight vector must sum
    to 1 (see :func:`compose`) unless ``normalise_weights=True``.
    """
    if len(groups) == 0:
        raise FuzzyInputError("a two-level evaluation needs at least one group")
    rows = []
    for g, (w, r) in enumerate(groups, start=1):
        try:
            rows.append(normalise(compose(w, r, operator, normalise_weights=normalise_weights)))
        except FuzzyInputError as exc:
            raise FuzzyInputError(f"group {g}: {exc}") from None
    try:
        upper_r = np.stack(rows, axis=-2)
    except ValueError:
        raise FuzzyInputError("every group must be evaluated on the same grades") from None
    return compose(group_weights, upper_r, upper_operator or operator, normalise_weights=normalise_weights)


def ridge_membership(values, centres: Sequence[float]) -> np.ndarray:
    """Memberships of scores in ordered grades with triangular functions (half-trapezoids at
    the ends), the "linear distribution between adjacent grade centres" of the course notes.

    ``centres`` are the grade centres in descending order (e.g. 95, 85, 75, 60 for A..D).
    A value at or above the first centre belongs fully to the first grade, at or below the last
    fully to the last grade; between two adjacent centres it is split linearly, so each row
    sums to 1. NaN values give an all-zero row (missing indicator: no evidence); infinite values are
    refused.
    """
    c = _as_float(centres, "grade centres")
    if c.ndim != 1 or c.size < 2 or not np.all(np.isfinite(c)) or not np.all(np.diff(c) < 0):
        raise FuzzyInputError("grade centres must be at least two finite values in descending order")
    v = _as_float(values, "scores")
    if np.any(np.isinf(v)):
        idx = tuple(np.argwhere(np.isinf(v))[0])
        raise FuzzyInputError(f"score [{_position(idx)}] is infinite; a missing score is NaN")
    k = c.size
    out = np.zeros(v.shape + (k,))
    finite = np.isfinite(v)
    x = np.where(finite, v, c[0])
    # Position of x on the descending centre scale, as a fractional grade index in [0, k-1].
    pos = np.interp(-x, -c, np.arange(k, dtype=float))
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, k - 1)
    frac = pos - lo
    np.put_along_axis(out, lo[..., None], (1.0 - frac)[..., None], axis=-1)
    upper = np.take_along_axis(out, hi[..., None], axis=-1) + frac[..., None]
    np.put_along_axis(out, hi[..., None], np.where(hi == lo, 1.0, upper[..., 0])[..., None], axis=-1)
    out[~finite] = 0.0
    return out

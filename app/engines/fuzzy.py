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


class FuzzyInputError(ValueError):
    """Weights, memberships or operator are unusable; the message says why."""


def compose(weights, membership, operator: str = "product-sum") -> np.ndarray:
    """Fuzzy composition B = A ∘ R with one of :data:`OPERATORS`; returns the B vector(s).

    B is returned as composed (not normalised), as in the published exercise
    (A = (.2,.2,.2,.4), M(∧,∨) → B = (.1,.2,.4,.3,.2)); use :func:`normalise` if wanted.
    """
    a = np.asarray(weights, dtype=float)
    r = np.asarray(membership, dtype=float)
    if r.ndim < 2:
        raise FuzzyInputError("the membership matrix R must be indicators × grades")
    if a.shape[-1:] != r.shape[-2:-1]:
        raise FuzzyInputError(
            f"{r.shape[-2]} indicators in R need {r.shape[-2]} weights, got {a.shape[-1:]}"
        )
    if np.any(a < 0) or np.any(r < 0) or np.any(r > 1 + 1e-9):
        raise FuzzyInputError("weights must be non-negative and memberships within [0, 1]")
    a3 = a[..., :, None]
    if operator == "min-max":
        return np.minimum(a3, r).max(axis=-2)
    if operator == "product-max":
        return (a3 * r).max(axis=-2)
    if operator == "min-sum":
        return np.minimum(1.0, np.minimum(a3, r).sum(axis=-2))
    if operator == "product-sum":
        return np.minimum(1.0, (a3 * r).sum(axis=-2))
    raise FuzzyInputError(f"unknown operator {operator!r}; use one of {', '.join(OPERATORS)}")


def normalise(b) -> np.ndarray:
    """Scale B to sum 1 along the last axis; an all-zero B stays zero."""
    b = np.asarray(b, dtype=float)
    total = b.sum(axis=-1, keepdims=True)
    return np.divide(b, total, out=np.zeros_like(b), where=total > 0)


def max_membership(b) -> np.ndarray:
    """Grade index (0-based) by the maximum-membership principle (最大隶属度原则).

    Ties go to the first (better) grade; an all-zero B gives -1 (no evidence, no grade).
    """
    b = np.asarray(b, dtype=float)
    idx = np.argmax(b, axis=-1)
    return np.where(b.max(axis=-1) > 0, idx, -1)


def weighted_score(b, grade_scores: Sequence[float]) -> np.ndarray:
    """Weighted-average score S = Σ b_j s_j / Σ b_j (the course notes' 加权平均原则).

    NaN where B is all zero.
    """
    b = np.asarray(b, dtype=float)
    s = np.asarray(grade_scores, dtype=float)
    if s.shape != b.shape[-1:]:
        raise FuzzyInputError(f"{b.shape[-1]} grades need {b.shape[-1]} grade scores")
    total = b.sum(axis=-1)
    num = (b * s).sum(axis=-1)
    return np.divide(num, total, out=np.full_like(total, np.nan), where=total > 0)


def two_level(group_weights, groups: Sequence[tuple[object, object]],
              operator: str = "product-sum", upper_operator: str | None = None) -> np.ndarray:
    """Two-level evaluation: evaluate each sub-group, stack the B vectors as the upper R.

    ``groups`` is a sequence of (weights, membership) per first-level factor; each first-level
    B is normalised before stacking so that groups of different sizes are comparable (the
    usual practice in the course notes' worked two-level example).
    """
    if len(groups) == 0:
        raise FuzzyInputError("a two-level evaluation needs at least one group")
    rows = [normalise(compose(w, r, operator)) for w, r in groups]
    upper_r = np.stack(rows, axis=-2)
    return compose(group_weights, upper_r, upper_operator or operator)


def ridge_membership(values, centres: Sequence[float]) -> np.ndarray:
    """Memberships of scores in ordered grades with triangular functions (half-trapezoids at
    the ends), the "linear distribution between adjacent grade centres" of the course notes.

    ``centres`` are the grade centres in descending order (e.g. 95, 85, 75, 60 for A..D).
    A value at or above the first centre belongs fully to the first grade, at or below the last
    fully to the last grade; between two adjacent centres it is split linearly, so each row
    sums to 1. NaN values give an all-zero row (missing indicator: no evidence).
    """
    c = np.asarray(centres, dtype=float)
    if c.ndim != 1 or c.size < 2 or np.any(np.diff(c) >= 0):
        raise FuzzyInputError("grade centres must be at least two values in descending order")
    v = np.asarray(values, dtype=float)
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

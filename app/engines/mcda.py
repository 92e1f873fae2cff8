"""Multi-criteria decision methods for supplier selection: AHP weights, TOPSIS, weighted sum.

Pure numpy. Every formula names its source next to it. Criterion directions (``benefit``) are
read explicitly — True/False, 1/-1 (pymcdm), 'max'/'min' (R mcdm/topsis) or 'benefit'/'cost' —
and anything else is refused naming the criterion, never read with ``bool()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

import numpy as np

from app.engines.flags import ACCEPTED_DIRECTIONS, direction

#: Random consistency index RI for n = 1..15, Saaty (1980), *The Analytic Hierarchy Process*,
#: McGraw-Hill, table 1.3 (the values most course material reproduces). Index 0 is n = 1.
SAATY_1980_RI: tuple[float, ...] = (
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
)
RI_TABLE_NAME = "Saaty 1980"

#: Saaty's rule: judgements are acceptable only when CR < 0.10.
CR_LIMIT = 0.10

METHOD_EIGENVECTOR = "principal eigenvector"
METHOD_COLUMN_AVERAGE = "column-normalise-and-average approximation"


class McdaInputError(ValueError):
    """The matrix, weights or criteria directions cannot be used; the message says why."""


class InconsistentJudgementsError(McdaInputError):
    """AHP pairwise judgements with CR >= 0.10 (Saaty's limit); carries the result for display."""

    def __init__(self, result: "AhpResult") -> None:
        self.result = result
        self.cr = result.cr
        super().__init__(
            f"pairwise judgements are inconsistent: CR = {result.cr:.3f} >= {CR_LIMIT:.2f} "
            f"(RI table {RI_TABLE_NAME}, n = {len(result.weights)}); revise the comparisons"
        )


@dataclass(frozen=True)
class AhpResult:
    """AHP weights with the consistency figures.

    Unpacks as ``weights, lambda_max, ci, cr`` and also answers ``result["cr"]``.
    """

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    method: str
    ri_table: str = RI_TABLE_NAME

    _FIELDS = ("weights", "lambda_max", "ci", "cr")

    def __iter__(self) -> Iterator:
        return iter(getattr(self, name) for name in self._FIELDS)

    def __getitem__(self, key):
        if isinstance(key, str):
            return getattr(self, key)
        return getattr(self, self._FIELDS[key])

    def __len__(self) -> int:
        return len(self._FIELDS)

    @property
    def acceptable(self) -> bool:
        return self.cr < CR_LIMIT


def _as_float(values, what: str) -> np.ndarray:
    # A ragged list or a word among the numbers would otherwise escape as numpy's own ValueError.
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise McdaInputError(f"the {what} must be numbers in a rectangular table") from None


def _pairwise(matrix: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    a = _as_float(matrix, "pairwise comparison matrix")
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise McdaInputError(f"a pairwise comparison matrix must be square, got shape {a.shape}")
    n = a.shape[0]
    if n > len(SAATY_1980_RI):
        raise McdaInputError(
            f"at most {len(SAATY_1980_RI)} criteria per comparison matrix ({RI_TABLE_NAME} RI table)"
        )
    if not np.all(np.isfinite(a)) or np.any(a <= 0):
        raise McdaInputError("pairwise judgements must be positive finite numbers")
    if not np.allclose(np.diag(a), 1.0):
        raise McdaInputError("the diagonal of a pairwise comparison matrix must be 1")
    # Reciprocity a_ji = 1 / a_ij (Saaty 1980, §1.2); allow rounding such as 1/3 = 0.333.
    if not np.allclose(a * a.T, 1.0, rtol=5e-3, atol=0):
        raise McdaInputError("the matrix is not reciprocal: a[j][i] must equal 1 / a[i][j]")
    return a


def _consistency(a: np.ndarray, weights: np.ndarray, lambda_max: float, method: str) -> AhpResult:
    n = a.shape[0]
    # CI = (lambda_max - n) / (n - 1); CR = CI / RI (Saaty 1980, §1.4). RI = 0 for n <= 2,
    # where every reciprocal matrix is consistent, so CR is 0 by definition.
    ci = (lambda_max - n) / (n - 1) if n > 1 else 0.0
    ci = max(ci, 0.0) if abs(ci) < 1e-12 else ci
    ri = SAATY_1980_RI[n - 1]
    cr = ci / ri if ri > 0 else 0.0
    return AhpResult(weights=weights, lambda_max=float(lambda_max), ci=float(ci), cr=float(cr),
                     ri=ri, method=method)


def ahp_weights(matrix, *, refuse_inconsistent: bool = True) -> AhpResult:
    """AHP priority weights by the principal right eigenvector (Saaty 1980, §1.3).

    Refuses judgements with CR >= 0.10 by raising :class:`InconsistentJudgementsError`
    (its ``result`` holds the figures to show) unless ``refuse_inconsistent`` is False.
    """
    a = _pairwise(matrix)
    values, vectors = np.linalg.eig(a)
    # Perron-Frobenius: a positive matrix has a real dominant eigenvalue with a positive vector.
    k = int(np.argmax(values.real))
    vec = np.abs(vectors[:, k].real)
    weights = vec / vec.sum()
    lambda_max = float(values[k].real)
    result = _consistency(a, weights, lambda_max, METHOD_EIGENVECTOR)
    if refuse_inconsistent and not result.acceptable:
        raise InconsistentJudgementsError(result)
    return result


def ahp_weights_approx(matrix, *, refuse_inconsistent: bool = True) -> AhpResult:
    """The hand-calculation approximation: normalise each column, average the rows.

    lambda_max is estimated as mean((A w)_i / w_i) (Saaty 1980, §1.3; the "sum/normalise"
    method of most course notes). Labelled in ``method`` so reports never pass it off as exact.
    """
    a = _pairwise(matrix)
    weights = (a / a.sum(axis=0)).mean(axis=1)
    weights = weights / weights.sum()
    lambda_max = float(np.mean((a @ weights) / weights))
    result = _consistency(a, weights, lambda_max, METHOD_COLUMN_AVERAGE)
    if refuse_inconsistent and not result.acceptable:
        raise InconsistentJudgementsError(result)
    return result


def _decision_inputs(matrix, weights, benefit) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = _as_float(matrix, "decision matrix")
    if x.ndim != 2 or x.shape[0] == 0 or x.shape[1] == 0:
        raise McdaInputError(f"the decision matrix must be alternatives x criteria, got {x.shape}")
    if not np.all(np.isfinite(x)):
        i, j = map(int, np.argwhere(~np.isfinite(x))[0])
        raise McdaInputError(f"the decision matrix has a missing or infinite value at alternative "
                             f"{i + 1}, criterion {j + 1} (index [{i}, {j}])")
    m = x.shape[1]
    w = _as_float(weights, "weights").reshape(-1)
    if w.shape != (m,):
        raise McdaInputError(f"{m} criteria need {m} weights, got {w.size}")
    if np.any(w < 0) or not np.isfinite(w).all() or w.sum() <= 0:
        raise McdaInputError("weights must be non-negative and not all zero")
    w = w / w.sum()
    return x, w, _directions(benefit, m)


def _directions(benefit, m: int) -> np.ndarray:
    """Benefit (True) / cost (False) per criterion from booleans, 1/-1 (pymcdm), 'max'/'min'
    (R mcdm/topsis) or 'benefit'/'cost'; one value applies to every criterion. Anything else —
    0, 2, 'maybe', None, NaN — is refused: ``bool()`` would have read it as benefit."""
    if isinstance(benefit, np.ndarray):
        items = benefit.reshape(-1).tolist() if benefit.ndim else [benefit.item()]
    elif isinstance(benefit, (str, bytes)) or not hasattr(benefit, "__iter__"):
        items = [benefit]
    else:
        items = list(benefit)
    if len(items) == 1 and m != 1:
        items = items * m
    if len(items) != m:
        raise McdaInputError(f"{m} criteria need {m} benefit/cost flags, got {len(items)}")
    out = np.empty(m, dtype=bool)
    for j, value in enumerate(items):
        d = direction(value)
        if d is None:
            raise McdaInputError(f"criterion {j + 1} (index {j}): direction {value!r} is not one of "
                                 f"{ACCEPTED_DIRECTIONS}")
        out[j] = d
    return out


@dataclass(frozen=True)
class TopsisResult:
    closeness: np.ndarray
    distance_ideal: np.ndarray
    distance_anti_ideal: np.ndarray
    ideal: np.ndarray
    anti_ideal: np.ndarray


def topsis_detail(matrix, weights, benefit) -> TopsisResult:
    """TOPSIS (Hwang & Yoon 1981; steps as in Papathanasiou & Ploskas 2018, ch. 2).

    1. vector normalisation r_ij = x_ij / sqrt(sum_i x_ij^2); 2. v_ij = w_j r_ij;
    3. ideal A* = max for benefit / min for cost criteria, anti-ideal A- the opposite;
    4. Euclidean distances S*, S-; 5. closeness C_i = S-_i / (S*_i + S-_i).
    """
    x, w, b = _decision_inputs(matrix, weights, benefit)
    norms = np.sqrt((x ** 2).sum(axis=0))
    if np.any(norms == 0):
        raise McdaInputError("a criterion is zero for every alternative and cannot be normalised")
    v = x / norms * w
    ideal = np.where(b, v.max(axis=0), v.min(axis=0))
    anti = np.where(b, v.min(axis=0), v.max(axis=0))
    d_pos = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_neg = np.sqrt(((v - anti) ** 2).sum(axis=1))
    total = d_pos + d_neg
    # All alternatives identical: every one is both ideal and anti-ideal; call them equal (0.5).
    closeness = np.divide(d_neg, total, out=np.full_like(total, 0.5), where=total > 0)
    return TopsisResult(closeness, d_pos, d_neg, ideal, anti)


def topsis(matrix, weights, benefit) -> np.ndarray:
    """Closeness coefficients C_i in [0, 1], higher is better (see :func:`topsis_detail`)."""
    return topsis_detail(matrix, weights, benefit).closeness


def weighted_sum(matrix, weights, benefit) -> np.ndarray:
    """Simple additive weighting (Fishburn 1967; Hwang & Yoon 1981 §3.2) on a 0–1 scale.

    Each criterion is min-max normalised — benefit (x - min)/(max - min), cost
    (max - x)/(max - min); a criterion equal for all alternatives contributes 1 — then
    S_i = sum_j w_j r_ij with weights normalised to sum 1.
    """
    x, w, b = _decision_inputs(matrix, weights, benefit)
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    r = np.where(b, (x - lo) / safe, (hi - x) / safe)
    r = np.where(span > 0, r, 1.0)
    return r @ w

"""Weighted customer satisfaction index and importance-performance analysis (顾客满意度测评).

Domain brief §3.2: an indicator system (total goal → product, delivery, price, purchase, service
→ measurable indicators), weights set directly, by AHP or derived from the data, a 0–100 index
from any rating scale, and an importance–performance analysis that finds the reasons, not only
the level. This module also holds the survey-data checks shared with :mod:`app.engines.pls`
(every bad cell is reported by row and column, never as a traceback).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

MIN_ROWS = 3  # a standard deviation and a confidence interval need at least 3 answers


class SurveyDataError(ValueError):
    """Survey data a user can fix: names the row (1-based data row) and the column."""


# ---------------------------------------------------------------------------------------------
# shared survey-data checks
# ---------------------------------------------------------------------------------------------
def numeric_block(df: pd.DataFrame, columns: Sequence[str], scale: tuple[float, float] | None = None,
                  *, min_rows: int = MIN_ROWS, allow_constant: bool = False,
                 allow_missing: bool = False) -> np.ndarray:
    """Return ``df[columns]`` as a float matrix after checking every cell.

    Checks, in the order a user would fix them: unknown columns, too few rows, missing cells,
    non-numeric cells, values outside ``scale`` and constant columns (a constant indicator has
    no variance, so it cannot be standardised or correlated). Rows are counted from 1 after the
    header, i.e. row N is line N+1 of a CSV file. With ``allow_missing`` blank cells stay NaN
    (an unanswered question), but text that is not a number is still refused.
    """
    missing_cols = [c for c in columns if c not in df.columns]
    if missing_cols:
        raise SurveyDataError(f"column(s) not in the data: {', '.join(map(str, missing_cols))}")
    if len(df) < min_rows:
        raise SurveyDataError(f"too few rows: {len(df)} (at least {min_rows} needed)")
    out = np.empty((len(df), len(columns)), dtype=float)
    for j, col in enumerate(columns):
        raw = df[col]
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        for i in np.flatnonzero(~np.isfinite(values)):
            cell = raw.iloc[int(i)]
            blank = pd.isna(cell) or (isinstance(cell, str) and not cell.strip())
            if blank and allow_missing:
                values[i] = np.nan
                continue
            if blank:
                raise SurveyDataError(f"row {i + 1}, column '{col}': missing value")
            raise SurveyDataError(f"row {i + 1}, column '{col}': {cell!r} is not a number")
        if scale is not None:
            lo, hi = scale
            outside = np.flatnonzero(np.isfinite(values) & ((values < lo) | (values > hi)))
            if outside.size:
                i = int(outside[0])
                raise SurveyDataError(f"row {i + 1}, column '{col}': {values[i]:g} is outside "
                                      f"the scale {lo:g}–{hi:g}")
        seen = values[np.isfinite(values)]
        if seen.size == 0:
            raise SurveyDataError(f"column '{col}': no answers at all")
        if not allow_constant and np.ptp(seen) == 0:
            raise SurveyDataError(f"column '{col}' is constant ({seen[0]:g} in every row); "
                                  "it carries no information")
        out[:, j] = values
    return out


def check_scale(scale: tuple[float, float]) -> tuple[float, float]:
    """A rating scale is (min, max) with min < max, e.g. 1–5, 1–7, 1–10, 0–10."""
    lo, hi = float(scale[0]), float(scale[1])
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        raise SurveyDataError(f"scale {scale[0]}–{scale[1]} is not a range (min must be < max)")
    return lo, hi


_COMMON_TOPS = (5.0, 7.0, 9.0, 10.0, 11.0, 100.0)


def infer_scale(values: np.ndarray) -> tuple[float, float]:
    """Guess the questionnaire scale from the answers: bottom 0 if any 0 is seen, else 1; top the
    smallest common scale top (5, 7, 9, 10, 11, 100) not below the largest answer. Reported as
    inferred, because a survey where nobody ticked the top box would otherwise be misread."""
    vmin, vmax = float(np.min(values)), float(np.max(values))
    lo = 0.0 if vmin >= 0 and vmin < 1 else (1.0 if vmin >= 1 else vmin)
    hi = next((t for t in _COMMON_TOPS if t >= vmax), vmax)
    return lo, hi


def to_index(mean: np.ndarray | float, scale: tuple[float, float]) -> np.ndarray | float:
    """Rescale a mean rating to 0–100: (x̄ − min)/(max − min) × 100 (ACSI/CCSI reporting
    convention, Fornell et al. 1996), so indices from 1–5, 1–7 and 1–10 scales are comparable."""
    lo, hi = scale
    return (np.asarray(mean, dtype=float) - lo) / (hi - lo) * 100.0


# ---------------------------------------------------------------------------------------------
# Student t quantile without scipy (engines use numpy/pandas only)
# ---------------------------------------------------------------------------------------------
def _betacf(a: float, b: float, x: float) -> float:
    # Continued fraction for the incomplete beta function, modified Lentz method
    # (Press et al., Numerical Recipes, 3rd ed., §6.4).
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    # Regularised incomplete beta I_x(a, b) (Numerical Recipes §6.4, symmetry for convergence).
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Student t distribution function: F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """Inverse of :func:`t_cdf` by bisection to 1e-12 (monotone, so always converges)."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"probability {p} must be strictly between 0 and 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return 0.5 * (lo + hi)

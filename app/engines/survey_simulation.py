"""Answers generated from a known structural model (for the demo waves and for tests).

A structural equation model in standardised form (Bollen 1989, "Structural Equations with Latent
Variables", ch. 8): latent variables are visited in causal order; an exogenous one is
η = μ + ζ with ζ ~ N(0, 1); an endogenous one is η = μ + Σ βⱼ (ηⱼ − μⱼ) + ζ with
Var(ζ) = max(1 − Σ βⱼ² , 0.05) (the causes are treated as uncorrelated for the residual variance,
so the total variance stays near 1). Each indicator is reflective: x = λ η + √(1 − λ²) ε. The
continuous x is put on the survey's scale around a level (a fraction of the scale) with a
spread of one fifth of the scale width per standard deviation, rounded and clipped; a share of
cells is left blank (no answer).

Because the paths, loadings and the mean shifts ``μ`` are known, a PLS fit of the generated data
must find the paths back (within sampling error), and raising μ of perceived quality raises the
satisfaction index of a later wave — which is how the demo's index moves between waves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd


def causal_order(latent: Sequence[str], paths: Sequence[tuple[str, str]]) -> list[str]:
    """Latent variables, every cause before its effects (Kahn 1962); a cycle raises ValueError."""
    incoming = {lv: {s for s, d in paths if d == lv} for lv in latent}
    order: list[str] = []
    ready = [lv for lv in latent if not incoming[lv]]
    while ready:
        lv = ready.pop(0)
        order.append(lv)
        for other in latent:
            if lv in incoming[other]:
                incoming[other].discard(lv)
                if not incoming[other] and other not in order and other not in ready:
                    ready.append(other)
    if len(order) != len(latent):
        raise ValueError("the paths form a cycle: " + ", ".join(lv for lv in latent if lv not in order))
    return order


def simulate(blocks: Mapping[str, Sequence[str]], paths: Mapping[tuple[str, str], float], n: int,
             scale: tuple[int, int], rng: np.random.Generator, *, shift: Mapping[str, float] | None = None,
             loading: float | Mapping[str, float] = 0.8, level: float = 0.68, missing: float = 0.0) -> pd.DataFrame:
    """``n`` respondents' answers to every indicator of ``blocks`` (columns in block order).

    ``paths`` maps (cause, effect) to its standardised coefficient; ``shift`` moves a latent
    variable's mean (in standard deviations) — effects inherit it through the paths; ``loading``
    is λ for every indicator, or per indicator column; ``missing`` the share of blank cells."""
    if n < 0:
        raise ValueError("n must not be negative")
    lo, hi = int(scale[0]), int(scale[1])
    if hi <= lo:
        raise ValueError(f"bad scale {lo}–{hi}")
    latent = list(blocks)
    order = causal_order(latent, list(paths))
    shift = dict(shift or {})
    eta: dict[str, np.ndarray] = {}
    mean: dict[str, float] = {}
    for lv in order:
        causes = [(s, b) for (s, d), b in paths.items() if d == lv]
        explained = sum(b * b for _s, b in causes)
        resid = np.sqrt(max(1.0 - explained, 0.05))
        mean[lv] = shift.get(lv, 0.0) + sum(b * mean[s] for s, b in causes)
        eta[lv] = mean[lv] + resid * rng.standard_normal(n) + sum(b * (eta[s] - mean[s]) for s, b in causes)
    centre = lo + level * (hi - lo)
    spread = (hi - lo) / 5.0
    columns: dict[str, np.ndarray] = {}
    for lv in latent:
        for col in blocks[lv]:
            lam = loading.get(col, 0.8) if isinstance(loading, Mapping) else float(loading)
            x = lam * eta[lv] + np.sqrt(max(1.0 - lam * lam, 0.0)) * rng.standard_normal(n)
            values = np.clip(np.rint(centre + spread * x), lo, hi)
            if missing > 0:
                values = values.astype(float)
                values[rng.random(n) < missing] = np.nan
            columns[col] = values
    return pd.DataFrame(columns)


def kano_pairs(mix: Mapping[str, Mapping[str, float]], n: int, rng: np.random.Generator, *,
               noise: float = 0.03) -> pd.DataFrame:
    """Functional/dysfunctional answers (1–5) of ``n`` respondents to each attribute of ``mix``.

    ``mix[attribute]`` gives the share of each Kano category (A, O, M, I, R) among respondents;
    a respondent of category c answers one of the evaluation-table cells that classify as c
    (Berger et al. 1993, Table 1; :data:`app.engines.kano.TABLE`), uniformly. A share ``noise``
    answers at random (which may give Q). Long format: attribute, respondent, functional,
    dysfunctional — what :func:`app.engines.kano.kano_survey` reads."""
    from app.engines.kano import TABLE

    cells: dict[str, list[tuple[int, int]]] = {}
    for f in range(5):
        for d in range(5):
            cells.setdefault(TABLE[f][d], []).append((f + 1, d + 1))
    rows = []
    for attribute, shares in mix.items():
        cats = [c for c in shares if shares[c] > 0]
        unknown = [c for c in cats if c not in cells]
        if unknown:
            raise ValueError(f"{attribute}: unknown Kano category {', '.join(unknown)}")
        p = np.array([shares[c] for c in cats], dtype=float)
        p = p / p.sum()
        drawn = rng.choice(len(cats), size=n, p=p)
        random_answer = rng.random(n) < noise
        for r in range(n):
            if random_answer[r]:
                f, d = int(rng.integers(1, 6)), int(rng.integers(1, 6))
            else:
                options = cells[cats[drawn[r]]]
                f, d = options[int(rng.integers(len(options)))]
            rows.append((attribute, r, f, d))
    return pd.DataFrame(rows, columns=["attribute", "respondent", "functional", "dysfunctional"])


#: The structural model behind the demo's CCSI waves (standardised path coefficients). Chosen in
#: the range published for the CCSI (Liu Xinyan et al. 2003, 中国顾客满意度指数模型研究; brand image
#: and perceived quality the strongest drivers of satisfaction, satisfaction → loyalty the largest).
CCSI_PATHS: dict[tuple[str, str], float] = {
    ("BrandImage", "ExpectedQuality"): 0.50, ("BrandImage", "PerceivedQuality"): 0.30,
    ("BrandImage", "Satisfaction"): 0.20, ("BrandImage", "Loyalty"): 0.15,
    ("ExpectedQuality", "PerceivedQuality"): 0.35, ("ExpectedQuality", "PerceivedValue"): 0.15,
    ("ExpectedQuality", "Satisfaction"): 0.05,
    ("PerceivedQuality", "PerceivedValue"): 0.55, ("PerceivedQuality", "Satisfaction"): 0.40,
    ("PerceivedValue", "Satisfaction"): 0.25, ("Satisfaction", "Loyalty"): 0.60,
}

#: How the demo world's quality moves over eight quarters (mean shift of perceived quality and
#: of perceived value, in standard deviations): a steady improvement, a delivery crisis in the
#: fifth quarter (quality and value drop), recovery afterwards.
DEMO_SHIFTS: tuple[tuple[float, float], ...] = (
    (0.00, 0.00), (0.08, 0.03), (0.15, 0.05), (0.22, 0.10), (-0.15, -0.10), (0.05, 0.00), (0.20, 0.08),
    (0.30, 0.12))


def wave_answers(blocks: Mapping[str, Sequence[str]], waves: int, scale: tuple[int, int],
                 rng: np.random.Generator, *, sizes: tuple[int, int] = (250, 400), missing: float = 0.04,
                 shifts: Sequence[tuple[float, float]] = DEMO_SHIFTS,
                 paths: Mapping[tuple[str, str], float] = CCSI_PATHS) -> list[pd.DataFrame]:
    """Answers of ``waves`` successive waves of a CCSI survey (``blocks`` = latent variable →
    item codes, the CCSI latent names), each with a size drawn from ``sizes`` and the mean
    shifts of :data:`DEMO_SHIFTS` (repeated when there are more waves), so the index moves the
    way the schedule says."""
    out = []
    for w in range(waves):
        quality, value = shifts[w % len(shifts)]
        n = int(rng.integers(sizes[0], sizes[1] + 1))
        known = {k: v for k, v in paths.items() if k[0] in blocks and k[1] in blocks}
        out.append(simulate(blocks, known, n, scale, rng, missing=missing, loading=0.85,
                            shift={"PerceivedQuality": quality, "PerceivedValue": value}))
    return out

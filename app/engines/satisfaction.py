"""Weighted customer satisfaction index and importance-performance analysis (顾客满意度测评).

Domain brief §3.2: an indicator system (total goal → product, delivery, price, purchase, service
→ measurable indicators), weights set directly, by AHP or derived from the data, a 0–100 index
from any rating scale, and an importance–performance analysis that finds the reasons, not only
the level. This module also holds the survey-data checks shared with :mod:`app.engines.pls`
(every bad cell is reported by row and column, never as a traceback).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

MIN_ROWS = 3  # a standard deviation and a confidence interval need at least 3 answers


class SurveyDataError(ValueError):
    """Survey data a user can fix: names the row (1-based data row) and the column.

    A cell error also carries ``row`` (1-based data row, i.e. line ``row + 1`` of a CSV file with
    a header), ``column`` and ``detail`` (the message without the position), so a caller that
    knows the file can point at the line instead.
    """

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.row, self.column, self.detail = row, column, detail

    @classmethod
    def at(cls, row: int, column: str, detail: str) -> "SurveyDataError":
        return cls(f"row {row}, column '{column}': {detail}", row=row, column=str(column), detail=detail)


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
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan, copy=True)
        if pd.api.types.is_numeric_dtype(raw.dtype):  # no text possible: blank = NaN (fast on big waves)
            blank = raw.isna().to_numpy()
        else:
            blank = np.array([pd.isna(cell) or (isinstance(cell, str) and not cell.strip()) for cell in raw],
                             dtype=bool)
        if len(raw) and blank.all():
            raise SurveyDataError(f"column '{col}': no answers at all (every cell is blank)", column=str(col))
        for i in np.flatnonzero(~np.isfinite(values)):
            cell = raw.iloc[int(i)]
            if blank[i] and allow_missing:
                values[i] = np.nan
                continue
            if blank[i]:
                raise SurveyDataError.at(int(i) + 1, col, "missing value")
            raise SurveyDataError.at(int(i) + 1, col, f"{cell!r} is not a number")
        if scale is not None:
            lo, hi = scale
            outside = np.flatnonzero(np.isfinite(values) & ((values < lo) | (values > hi)))
            if outside.size:
                i = int(outside[0])
                raise SurveyDataError.at(i + 1, col, f"{values[i]:g} is outside the scale {lo:g}–{hi:g}")
        seen = values[np.isfinite(values)]
        if seen.size == 0:
            raise SurveyDataError(f"column '{col}': no answers at all", column=str(col))
        if not allow_constant and np.ptp(seen) == 0:
            raise SurveyDataError(f"column '{col}' is constant ({seen[0]:g} in every row); "
                                  "it carries no information")
        out[:, j] = values
    return out


def check_scale(scale: tuple[float, float]) -> tuple[float, float]:
    """A rating scale is (min, max) with min < max, e.g. 1–5, 1–7, 1–10, 0–10."""
    try:
        if isinstance(scale, (str, bytes)):
            raise TypeError("text is not a pair")      # "15" would iterate as 1, 5
        lo, hi = (float(v) for v in scale)
    except (TypeError, ValueError):
        raise SurveyDataError(f"scale {scale!r} must be two numbers (min, max), e.g. (1, 5)") from None
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        raise SurveyDataError(f"scale {lo:g}–{hi:g} is not a range (min must be < max)")
    return lo, hi


_COMMON_TOPS = (5.0, 7.0, 9.0, 10.0, 11.0, 100.0)


@dataclass(frozen=True)
class ScaleInference:
    """An inferred rating scale and the sentence saying what it was inferred from."""

    scale: tuple[float, float]
    message: str


def _first_cell(x: np.ndarray, mask: np.ndarray, columns: Sequence[str] | None) -> tuple[int, str, float]:
    i, j = map(int, np.argwhere(mask)[0])
    return i + 1, (str(columns[j]) if columns is not None else f"column {j + 1}"), float(x[i, j])


def explain_scale(values: np.ndarray, columns: Sequence[str] | None = None) -> ScaleInference:
    """Infer the questionnaire scale when none was declared, and say from what.

    Bottom 0 if an answer below 1 is seen, else 1; top the smallest common scale top
    (5, 7, 9, 10, 11, 100) not below the largest answer. An answer that fits no common scale
    (below 0, above 100) is refused with its row and column rather than stretching the scale
    around one typo; when only a few answers (at most 1 %) lift the top above the next common
    top, the message names them. Callers must show the message: a survey where nobody ticked
    the top box would otherwise be misread silently."""
    try:
        x = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise SurveyDataError("the answers to infer the rating scale from must be numbers") from None
    x = x.reshape(1, 1) if x.ndim == 0 else (x[:, None] if x.ndim == 1 else x.reshape(x.shape[0], -1))
    finite = np.isfinite(x)
    if not finite.any():
        raise SurveyDataError("no answers to infer the rating scale from")
    vmin, vmax = float(x[finite].min()), float(x[finite].max())
    declare = "declare the scale (--scale MIN MAX, or \"scale\": [MIN, MAX] in the model file)"
    if vmin < 0:
        row, col, v = _first_cell(x, finite & (x < 0), columns)
        raise SurveyDataError.at(row, col, f"{v:g} is below 0, and rating scales start at 0 or 1, so "
                                           f"the scale cannot be inferred; {declare}")
    if vmax > _COMMON_TOPS[-1]:
        row, col, v = _first_cell(x, finite & (x > _COMMON_TOPS[-1]), columns)
        raise SurveyDataError.at(row, col, f"{v:g} is above {_COMMON_TOPS[-1]:g}, the largest common "
                                           f"scale top, so the scale cannot be inferred; {declare}")
    lo = 0.0 if vmin < 1 else 1.0
    hi = next(t for t in _COMMON_TOPS if t >= vmax)
    message = (f"no scale was declared: {lo:g}–{hi:g} was inferred from the answers (smallest "
               f"{vmin:g}, largest {vmax:g}; the smallest common scale {', '.join(f'{t:g}' for t in _COMMON_TOPS)} "
               f"covering them); {declare}")
    # Did a few answers (at most 1 %) alone lift the top? Then name them: likely typos.
    answers = np.sort(x[finite])
    few = max(1, answers.size // 100)
    if answers.size > few:
        rest_top = next(t for t in _COMMON_TOPS if t >= answers[-few - 1])
        lifting = finite & (x > rest_top)
        count = int(lifting.sum())
        if rest_top < hi and rest_top > lo and 0 < count <= few:
            row, col, v = _first_cell(x, lifting, columns)
            message += (f"; only {count} of {answers.size} answers {'is' if count == 1 else 'are'} above "
                        f"{rest_top:g} (first: row {row}, column '{col}' = {v:g}) — if the questionnaire "
                        f"is {lo:g}–{rest_top:g}, {'that is a typo' if count == 1 else 'those are typos'}")
    return ScaleInference((lo, hi), message)


def infer_scale(values: np.ndarray) -> tuple[float, float]:
    """The inferred scale only (see :func:`explain_scale`, which also says from what)."""
    return explain_scale(values).scale


def to_index(mean: np.ndarray | float, scale: tuple[float, float]) -> np.ndarray | float:
    """Rescale a mean rating to 0–100: (x̄ − min)/(max − min) × 100 (ACSI/CCSI reporting
    convention, Fornell et al. 1996), so indices from 1–5, 1–7 and 1–10 scales are comparable."""
    lo, hi = scale
    # Multiply before dividing: an answer x gives 100·(x − min) exactly, then one rounding.
    return 100.0 * (np.asarray(mean, dtype=float) - lo) / (hi - lo)


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
    if not df > 0:
        raise ValueError(f"degrees of freedom {df} must be positive")
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


# ---------------------------------------------------------------------------------------------
# indicator tree
# ---------------------------------------------------------------------------------------------
DEFAULT_DIMENSIONS = {"product": "产品", "delivery": "交付", "price": "价格",
                      "purchase": "购买", "service": "服务"}
WEIGHT_METHODS = ("direct", "ahp", "correlation", "regression")


@dataclass
class IndicatorNode:
    """One node of the satisfaction indicator system (domain brief §3.2): the total goal, a
    dimension (product, delivery, price, purchase, service) or a measurable indicator (a leaf,
    read from ``column``). ``weight`` is the local weight among siblings (normalised later)."""
    name: str
    weight: float | None = None
    children: list[IndicatorNode] = field(default_factory=list)
    column: str | None = None
    label: str = ""

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list[IndicatorNode]:
        return [self] if self.is_leaf else [x for c in self.children for x in c.leaves()]


def tree_from_spec(spec: Mapping | IndicatorNode, name: str = "total") -> IndicatorNode:
    """Build a tree from a nested mapping. Accepted forms for a dimension's value: a list of
    columns (equal weights), a mapping column → weight, or a full node
    ``{"weight": w, "children": {...}, "label": "..."}``."""
    if isinstance(spec, IndicatorNode):
        return spec

    def build(key: str, value) -> IndicatorNode:
        if value is None or isinstance(value, (int, float)):
            return IndicatorNode(key, None if value is None else float(value), column=key)
        if isinstance(value, str):
            return IndicatorNode(key, column=value)
        if isinstance(value, Mapping) and "children" in value:
            node = build(key, value["children"])
            node.weight = None if value.get("weight") is None else float(value["weight"])
            node.label = str(value.get("label", ""))
            return node
        if isinstance(value, Mapping):
            return IndicatorNode(key, children=[build(str(k), v) for k, v in value.items()])
        if isinstance(value, Sequence):
            return IndicatorNode(key, children=[IndicatorNode(str(c), column=str(c)) for c in value])
        raise SurveyDataError(f"indicator '{key}': cannot read {value!r} as columns or weights")

    root = build(name, spec)
    if root.is_leaf:
        raise SurveyDataError("the indicator system needs at least one dimension")
    for dim in root.children:
        dim.label = dim.label or DEFAULT_DIMENSIONS.get(dim.name, "")
    return root


# ---------------------------------------------------------------------------------------------
# weights
# ---------------------------------------------------------------------------------------------
def _normalise_weights(names: list[str], w: np.ndarray, where: str) -> np.ndarray:
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        bad = names[int(np.flatnonzero(~np.isfinite(w) | (w < 0))[0])]
        raise SurveyDataError(f"{where}: weight of '{bad}' is negative or undefined ({w.tolist()})")
    if w.sum() <= 0:
        raise SurveyDataError(f"{where}: the weights sum to zero")
    return w / w.sum()


def derived_weights(scores: pd.DataFrame, overall: pd.Series, method: str) -> pd.Series:
    """Weights derived from the data (derived importance, Grisaffe 1993; Martilla & James 1977):
    'correlation' — Pearson r of each score with overall satisfaction (pairwise complete);
    'regression' — standardised OLS coefficients of overall satisfaction on the scores (complete
    rows). Normalised to sum 1; a negative value is refused with the indicator's name, because a
    negative 'importance' is a multicollinearity artefact, not a weight."""
    names = list(scores.columns)
    if method == "correlation":
        w = np.array([scores[c].corr(overall) for c in names])
    elif method == "regression":
        both = pd.concat([scores, overall.rename("__overall__")], axis=1).dropna()
        if len(both) < len(names) + 2:
            raise SurveyDataError(f"too few complete rows ({len(both)}) for a regression on "
                                  f"{len(names)} indicators")
        z = (both - both.mean()) / both.std(ddof=1)
        beta, *_ = np.linalg.lstsq(z[names].to_numpy(), z["__overall__"].to_numpy(), rcond=None)
        w = beta
    else:
        raise SurveyDataError(f"unknown derived-weight method '{method}'")
    return pd.Series(_normalise_weights(names, np.asarray(w, float), f"{method} weights"), index=names)


def _ahp_default(matrix):
    # AHP principal-eigenvector weights from the supplier-evaluation engine (Saaty 1980).
    from app.engines.mcda import ahp_weights
    return ahp_weights(matrix)


# ---------------------------------------------------------------------------------------------
# weighted CSI
# ---------------------------------------------------------------------------------------------
@dataclass
class CSIResult:
    index: float                      # 0–100
    nodes: pd.DataFrame               # every node: parent, level, local/global weight, index
    indicators: pd.DataFrame          # leaves: mean, n, sd, CI, 0–100 index and CI, weights
    weight_method: str                # 'direct', 'ahp', 'correlation' or 'regression'
    scale: tuple[float, float]
    confidence: float
    consistency: dict[str, dict[str, float]] = field(default_factory=dict)  # AHP λmax, CI, CR


def indicator_statistics(df: pd.DataFrame, columns: Sequence[str], scale: tuple[float, float],
                         confidence: float = 0.95) -> pd.DataFrame:
    """Per indicator: n, mean, SD (n − 1) and the t confidence interval of the mean
    x̄ ± t(1−α/2, n−1)·s/√n (Montgomery & Runger, Applied Statistics, §8.2), also on 0–100."""
    scale = check_scale(scale)
    if not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise SurveyDataError(f"confidence level {confidence!r} must be between 0 and 1 (e.g. 0.95)")
    if isinstance(columns, str) or len(columns) == 0:
        raise SurveyDataError("no indicator columns given")
    x = numeric_block(df, columns, scale, min_rows=1, allow_constant=True, allow_missing=True)
    rows = []
    for j, col in enumerate(columns):
        v = x[:, j][np.isfinite(x[:, j])]
        n = v.size
        mean = float(v.mean())
        sd = float(v.std(ddof=1)) if n > 1 else float("nan")
        half = t_quantile(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n) if n > 1 else float("nan")
        lo, hi = scale
        rows.append({"column": col, "n": n, "mean": mean, "sd": sd,
                     "ci_low": mean - half, "ci_high": mean + half,
                     # from the sum, not the rounded mean: 7 of 5 answers on 1–5 is exactly 10
                     "index": float(100.0 * (v.sum() - n * lo) / (n * (hi - lo))),
                     "index_low": float(to_index(mean - half, scale)),
                     "index_high": float(to_index(mean + half, scale))})
    return pd.DataFrame(rows).set_index("column")


def weighted_csi(df: pd.DataFrame, tree: Mapping | IndicatorNode, scale: tuple[float, float], *,
                 method: str = "direct", overall: str | None = None,
                 ahp_matrices: Mapping[str, Sequence[Sequence[float]]] | None = None,
                 ahp: Callable | None = None, confidence: float = 0.95,
                 node_methods: Mapping[str, str] | None = None) -> CSIResult:
    """Weighted customer satisfaction index on 0–100 (comprehensive weighted scoring,
    domain brief §3.2): leaf index = (x̄ − min)/(max − min) × 100, node index = Σ wᵢ·indexᵢ over
    its children with local weights summing to 1; global weight = product of local weights on
    the path from the root.

    Weights: 'direct' (from the tree; siblings without weights share equally), 'ahp' (one
    pairwise matrix per internal node name, children in tree order; ``ahp`` defaults to
    ``app.engines.mcda.ahp_weights``), 'correlation' / 'regression' (derived from the ``overall``
    satisfaction column, see :func:`derived_weights`). Blank cells are unanswered questions.

    ``node_methods`` gives some internal nodes their own method (a tree whose dimensions are
    weighed directly, by AHP and from the data side by side); the others use ``method``.
    """
    node_methods = dict(node_methods or {})
    for m in {method, *node_methods.values()}:
        if m not in WEIGHT_METHODS:
            raise SurveyDataError(f"unknown weight method '{m}' (use {', '.join(WEIGHT_METHODS)})")
    scale = check_scale(scale)
    root = tree_from_spec(tree)
    all_names: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        all_names.append(node.name)
        stack.extend(node.children)
    dup = next((n for n in all_names if all_names.count(n) > 1), None)
    if dup is not None:
        raise SurveyDataError(f"the indicator system uses the name '{dup}' twice")
    leaves = root.leaves()
    cols = [leaf.column or leaf.name for leaf in leaves]
    if len(set(cols)) != len(cols):
        raise SurveyDataError("an indicator column appears twice in the indicator system")
    stats = indicator_statistics(df, cols, scale, confidence)
    x = numeric_block(df, cols, scale, min_rows=1, allow_constant=True, allow_missing=True)
    leaf_scores = pd.DataFrame(to_index(x, scale), columns=cols, index=df.index)
    overall_s = None
    derived = sorted({m for m in (method, *node_methods.values()) if m in ("correlation", "regression")})
    if derived:
        if overall is None:
            raise SurveyDataError(f"'{derived[0]}' weights need the overall-satisfaction column")
        overall_s = pd.Series(numeric_block(df, [overall], scale, min_rows=MIN_ROWS,
                                            allow_missing=True)[:, 0], index=df.index)
    if ahp is None and "ahp" in (method, *node_methods.values()):
        ahp = _ahp_default
    consistency: dict[str, dict[str, float]] = {}
    records: list[dict] = []

    def visit(node: IndicatorNode, parent: str | None, level: int, gw: float, lw: float):
        """Returns (index, respondent scores) of ``node``; fills ``records`` top-down."""
        rec = {"node": node.name, "parent": parent, "level": level, "label": node.label,
               "local_weight": lw, "global_weight": gw}
        records.append(rec)
        if node.is_leaf:
            col = node.column or node.name
            rec["index"] = float(stats.loc[col, "index"])
            rec["column"] = col
            return rec["index"], leaf_scores[col]
        names = [c.name for c in node.children]
        how = node_methods.get(node.name, method)
        if how == "direct" or (how == "ahp" and node.name not in (ahp_matrices or {})):
            given = [c.weight for c in node.children]
            if how == "ahp" and len(names) > 1:
                raise SurveyDataError(f"AHP weights: no pairwise matrix for '{node.name}'")
            w = np.array([1.0 if g is None else g for g in given]) if any(g is not None for g in given) \
                else np.ones(len(names))
            w = _normalise_weights(names, w, f"weights under '{node.name}'")
        elif how == "ahp":
            res = ahp(ahp_matrices[node.name])
            w = np.asarray(res.weights, float)
            if w.size != len(names):
                raise SurveyDataError(f"AHP matrix for '{node.name}' is {w.size}×{w.size} but the "
                                      f"node has {len(names)} children")
            consistency[node.name] = {"lambda_max": float(res.lambda_max), "ci": float(res.ci),
                                      "cr": float(res.cr)}
            w = _normalise_weights(names, w, f"AHP weights under '{node.name}'")
        else:
            w = None
        # children first for derived weights (they need the children's respondent scores)
        child_recs, results = [], []
        for k, child in enumerate(node.children):
            start = len(records)
            results.append(visit(child, node.name, level + 1, 1.0, 1.0 if w is None else float(w[k])))
            child_recs.append((start, len(records)))
        scores = pd.concat([r[1] for r in results], axis=1, keys=names)
        if w is None:
            w = derived_weights(scores, overall_s, how).to_numpy()
        for k, (a, b) in enumerate(child_recs):
            records[a]["local_weight"] = float(w[k])
        idx = float(np.dot(w, [r[0] for r in results]))
        rec["index"] = idx
        answered = scores.notna().to_numpy()
        wmat = np.where(answered, w, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            comp = np.nansum(scores.to_numpy() * wmat, axis=1) / wmat.sum(axis=1)
        return idx, pd.Series(comp, index=df.index)

    total, _ = visit(root, None, 0, 1.0, 1.0)
    nodes = pd.DataFrame(records).set_index("node")
    # global weights: product of local weights from the root down (records are in DFS order)
    for name, row in nodes.iterrows():
        parent = row["parent"]
        nodes.loc[name, "global_weight"] = row["local_weight"] * (
            nodes.loc[parent, "global_weight"] if isinstance(parent, str) else 1.0)
    leaf_rows = nodes[nodes["column"].notna()] if "column" in nodes else nodes.iloc[0:0]
    ind = stats.copy()
    ind["local_weight"] = leaf_rows.set_index("column")["local_weight"].reindex(ind.index).to_numpy()
    ind["global_weight"] = leaf_rows.set_index("column")["global_weight"].reindex(ind.index).to_numpy()
    return CSIResult(float(total), nodes, ind, method, scale, confidence, consistency)


# ---------------------------------------------------------------------------------------------
# importance–performance analysis
# ---------------------------------------------------------------------------------------------
QUADRANTS = {
    (True, False): "concentrate here",      # important, performing poorly
    (True, True): "keep up the good work",
    (False, False): "low priority",
    (False, True): "possible overkill",     # unimportant, performing well
}


@dataclass
class IPAResult:
    table: pd.DataFrame       # importance, performance, quadrant per indicator
    importance_line: float
    performance_line: float
    lines: str                # how the quadrant lines were set, stated for the report


def importance_performance(importance: Mapping[str, float] | pd.Series,
                           performance: Mapping[str, float] | pd.Series, *,
                           lines: str | tuple[float, float] = "mean") -> IPAResult:
    """Importance–performance analysis (Martilla & James 1977, J. Marketing 41(1):77-79).

    Quadrant lines: 'mean' (data-centred, the common choice), 'median', or an explicit
    (importance, performance) pair such as the scale midpoint (scale-centred). A point on a line
    counts as high. Quadrants: concentrate here (high importance, low performance), keep up the
    good work (high, high), low priority (low, low), possible overkill (low, high).
    """
    try:
        imp, perf = pd.Series(importance, dtype=float), pd.Series(performance, dtype=float)
    except (TypeError, ValueError):
        raise SurveyDataError("importance and performance must map each indicator to a number") from None
    missing = [k for k in imp.index if k not in perf.index] + [k for k in perf.index if k not in imp.index]
    if missing:
        raise SurveyDataError(f"indicator '{missing[0]}' has importance or performance but not both")
    perf = perf.reindex(imp.index)
    if imp.isna().any() or perf.isna().any():
        bad = imp.index[(imp.isna() | perf.isna()).to_numpy()][0]
        raise SurveyDataError(f"indicator '{bad}': importance or performance is undefined")
    if isinstance(lines, str):
        if lines not in ("mean", "median"):
            raise SurveyDataError(f"unknown quadrant-line rule '{lines}' (mean, median or a pair)")
        il, pl = (float(imp.mean()), float(perf.mean())) if lines == "mean" else \
            (float(imp.median()), float(perf.median()))
        how = f"{lines} importance {il:.4g}, {lines} performance {pl:.4g}"
    else:
        try:
            il, pl = (float(v) for v in lines)
        except (TypeError, ValueError):
            raise SurveyDataError(f"quadrant lines {lines!r} must be 'mean', 'median' or two numbers") from None
        if not (math.isfinite(il) and math.isfinite(pl)):
            raise SurveyDataError(f"quadrant lines {lines!r} must be finite numbers")
        how = f"fixed: importance {il:.4g}, performance {pl:.4g}"
    table = pd.DataFrame({"importance": imp, "performance": perf})
    table["quadrant"] = [QUADRANTS[(i >= il, p >= pl)] for i, p in zip(imp, perf)]
    return IPAResult(table, il, pl, how)


def ipa_from_survey(df: pd.DataFrame, columns: Sequence[str], scale: tuple[float, float], *,
                    overall: str | None = None, importance: str | Mapping[str, float] = "correlation",
                    lines: str | tuple[float, float] = "mean") -> IPAResult:
    """IPA straight from survey answers: performance = 0–100 index of each indicator's mean;
    importance stated (a mapping) or derived ('correlation'/'regression' with ``overall``,
    reported as the normalised derived weight)."""
    scale = check_scale(scale)
    stats = indicator_statistics(df, columns, scale)
    if isinstance(importance, str):
        if overall is None:
            raise SurveyDataError(f"derived importance ('{importance}') needs the overall column")
        x = numeric_block(df, list(columns) + [overall], scale, min_rows=MIN_ROWS, allow_missing=True)
        scores = pd.DataFrame(x[:, :-1], columns=list(columns))
        imp = derived_weights(scores, pd.Series(x[:, -1]), importance)
    else:
        imp = pd.Series(importance, dtype=float).reindex(list(columns))
    return importance_performance(imp, stats["index"], lines=lines)

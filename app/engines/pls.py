"""PLS path modelling for satisfaction-index models (CCSI / ACSI / ECSI / custom).

Algorithm: Wold (1982) / Lohmöller (1989) PLS-PM, as implemented by SmartPLS and R ``plspm``
(Sanchez 2013, "PLS Path Modeling with R", ch. 4):

* indicators standardised; every outer weight starts at 1;
* inner estimate with the path, centroid or factorial scheme (Lohmöller 1989, §2.3);
* outer weights by mode A (reflective: w = cov(x, inner estimate));
* each latent score rescaled to unit variance; stop when Σ|Δw| < 1e-7.

Because every step is linear in the standardised data, the iteration runs on the p×p indicator
correlation matrix R only (scores Y = XW, cov(X, Y) = RW, cor(Y) = WᵀRW), which makes one fit
of the ECSI model a fraction of a millisecond and 500 bootstrap resamples well under a second.

Edges are answered, never left to numpy: causes of one latent variable that are collinear are
refused (ModelError naming them), badly conditioned ones are warned about in
``PLSResult.warnings`` with the condition number and VIFs; a block whose indicators cancel out
(a reverse-coded copy) is refused by name. Latent-variable signs are arbitrary in PLS: every
block is oriented so that most of its loadings are positive (R plspm's rule, see
:data:`ORIENTATION_RULE`; ``PLSResult.flipped`` and ``notes`` say which), and the bootstrap
aligns each resample with that orientation (:data:`SIGN_CORRECTION`).

The 0–100 index per latent variable follows the ACSI convention (Fornell et al. 1996,
J. Marketing 60(4)): unstandardised weights (standardised weight ÷ indicator SD) normalised to
sum 1, index = Σ wᵢ (x̄ᵢ − scale min)/(scale max − scale min) × 100.
"""
from __future__ import annotations

import contextlib

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from app.engines.satisfaction import (  # noqa: F401 - SurveyDataError and infer_scale re-exported for callers
    _COMMON_TOPS, SurveyDataError, check_scale, explain_scale, infer_scale, numeric_block,
)

SCHEMES = ("path", "centroid", "factorial")
BUILTIN_MODELS = ("ccsi", "acsi", "ecsi")
MODELS_DIR = Path(__file__).resolve().parents[2] / "resources" / "models"
MIN_ROWS = 10  # fewer cases than this cannot support even the smallest satisfaction model


class ModelError(ValueError):
    """A path model that cannot be estimated (unknown column, cycle, unconnected variable)."""


class ConvergenceError(ValueError):
    """The PLS iteration did not reach the stop criterion; its numbers must not be reported."""


class Cancelled(Exception):
    """The caller's ``cancelled()`` said stop (a long bootstrap in a background task)."""


class NegativeWeightError(ValueError):
    """The ACSI 0–100 index is undefined for a block with a negative outer weight."""


# ---------------------------------------------------------------------------------------------
# model definition
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PathModel:
    """Blocks (latent variable → indicator columns) and arrows (from, to) of an inner model.

    ``prefixes`` (built-in models) lets a block take every data column named PREFIX + digits,
    so a CCSI survey with four image questions instead of five still fits. ``scale`` is the
    rating scale the model's questionnaire declares (``"scale": [1, 10]``); without it, and
    without a scale given to :func:`pls_fit`, the scale is inferred and the result says so.
    """
    blocks: dict[str, tuple[str, ...]]
    paths: tuple[tuple[str, str], ...]
    name: str = "custom"
    prefixes: dict[str, str] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    description: str = ""
    scale: tuple[float, float] | None = None

    @property
    def latent(self) -> list[str]:
        return list(self.blocks)

    @property
    def indicators(self) -> list[str]:
        return [c for cols in self.blocks.values() for c in cols]

    def adjacency(self) -> np.ndarray:
        """A[i, k] = 1 when latent i → latent k (row = cause, column = effect)."""
        pos = {lv: i for i, lv in enumerate(self.blocks)}
        a = np.zeros((len(pos), len(pos)))
        for src, dst in self.paths:
            a[pos[src], pos[dst]] = 1.0
        return a


def model_from_dict(spec: Mapping, name: str = "custom") -> PathModel:
    """Build and check a model from ``{"blocks": {"LV": ["col", ...]}, "paths": [["a", "b"]]}``.

    Refuses (ModelError naming the variable): empty blocks, an indicator in two blocks, arrows
    to unknown variables, self-loops, cycles (PLS-PM needs a recursive model, Lohmöller 1989)
    and variables no arrow touches (their inner estimate would be empty).
    """
    if not isinstance(spec, Mapping) or "blocks" not in spec or "paths" not in spec:
        raise ModelError("a model needs 'blocks' ({\"LV\": [columns]}) and 'paths' ([[from, to]])")
    raw_blocks = spec["blocks"]
    if not isinstance(raw_blocks, Mapping) or not raw_blocks:
        raise ModelError("'blocks' must map each latent variable to a list of columns")
    blocks: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for lv, cols in raw_blocks.items():
        if isinstance(cols, str) or not isinstance(cols, Sequence) or not cols:
            raise ModelError(f"block '{lv}' must be a non-empty list of column names")
        for c in cols:
            if c in seen:
                raise ModelError(f"column '{c}' is in both block '{seen[c]}' and block '{lv}'")
            seen[str(c)] = str(lv)
        blocks[str(lv)] = tuple(str(c) for c in cols)
    paths: list[tuple[str, str]] = []
    for arrow in spec["paths"]:
        if isinstance(arrow, str) or len(arrow) != 2:
            raise ModelError(f"path {arrow!r} must be a pair [from, to]")
        src, dst = str(arrow[0]), str(arrow[1])
        for lv in (src, dst):
            if lv not in blocks:
                raise ModelError(f"path {src}->{dst} names '{lv}', which has no block")
        if src == dst:
            raise ModelError(f"path {src}->{dst} points a variable at itself")
        if (src, dst) not in paths:
            paths.append((src, dst))
    touched = {lv for arrow in paths for lv in arrow}
    lonely = [lv for lv in blocks if lv not in touched]
    if lonely:
        raise ModelError(f"latent variable '{lonely[0]}' is unreachable: no path goes to or from it")
    _check_acyclic(list(blocks), paths)
    prefixes = {str(k): str(v) for k, v in dict(spec.get("prefixes", {})).items() if k in blocks}
    labels = {str(k): dict(v) for k, v in dict(spec.get("labels", {})).items()}
    scale = spec.get("scale")
    if scale is not None:
        if isinstance(scale, (str, bytes)) or not isinstance(scale, Sequence) or len(scale) != 2:
            raise ModelError(f"'scale' must be [min, max], e.g. [1, 10]; got {scale!r}")
        try:
            scale = check_scale(scale)
        except (SurveyDataError, TypeError, ValueError):
            raise ModelError(f"'scale' {list(scale)!r} is not a rating scale [min, max] with min < max") from None
    return PathModel(blocks, tuple(paths), str(spec.get("name", name)), prefixes, labels,
                     str(spec.get("description", "")), scale)


def _check_acyclic(nodes: list[str], paths: list[tuple[str, str]]) -> None:
    # Depth-first search with colours (Cormen et al., §22.3), shared with the model editor's checks.
    from app.engines.path_model import find_cycles

    found = find_cycles(nodes, paths)
    if found:
        raise ModelError("the model has a cycle: " + " -> ".join(found[0]))


def load_model(source: str | Path | Mapping) -> PathModel:
    """'ccsi' / 'acsi' / 'ecsi' (resources/models/*.json), a JSON file path, or a dict."""
    if isinstance(source, Mapping):
        return model_from_dict(source)
    text = str(source)
    if text.lower() in BUILTIN_MODELS:
        path, name = MODELS_DIR / f"{text.lower()}.json", text.lower()
    else:
        path, name = Path(text), Path(text).stem
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"model file not found: {path}") from None
    except json.JSONDecodeError as exc:
        raise ModelError(f"model file {path} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return model_from_dict(spec, name=name)


def resolve_model(model: PathModel, columns: Sequence[str]) -> PathModel:
    """Bind a model's blocks to the columns a data file really has.

    Listed columns are used when all are present; otherwise a built-in block with a prefix takes
    every column PREFIX + digits. Anything else unknown is refused, naming the column.
    """
    have = set(map(str, columns))
    blocks: dict[str, tuple[str, ...]] = {}
    for lv, cols in model.blocks.items():
        if all(c in have for c in cols):
            blocks[lv] = cols
            continue
        prefix = model.prefixes.get(lv)
        found = tuple(c for c in map(str, columns)
                      if prefix and c.startswith(prefix) and c[len(prefix):].isdigit()) if prefix else ()
        if prefix and (found or prefix in have):
            blocks[lv] = found or (prefix,)
            continue
        missing = [c for c in cols if c not in have]
        raise ModelError(f"block '{lv}' uses column '{missing[0]}', which is not in the data")
    return PathModel(blocks, model.paths, model.name, model.prefixes, model.labels, model.description,
                     model.scale)


# ---------------------------------------------------------------------------------------------
# the iteration (on the correlation matrix)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Layout:
    mask: np.ndarray                 # p×L, True where indicator i belongs to block j
    adj: np.ndarray                  # L×L, adj[i, k] = 1 for i → k
    preds: tuple[np.ndarray, ...]    # per latent: indices of its causes
    succs: tuple[np.ndarray, ...]    # per latent: indices of its effects
    sym: np.ndarray                  # adj + adjᵀ (neighbours, for centroid/factorial)


def _layout(model: PathModel) -> _Layout:
    cols = model.indicators
    mask = np.zeros((len(cols), len(model.blocks)), dtype=bool)
    i = 0
    for j, block in enumerate(model.blocks.values()):
        mask[i:i + len(block), j] = True
        i += len(block)
    adj = model.adjacency()
    preds = tuple(np.flatnonzero(adj[:, k]) for k in range(adj.shape[0]))
    succs = tuple(np.flatnonzero(adj[k, :]) for k in range(adj.shape[0]))
    return _Layout(mask, adj, preds, succs, adj + adj.T)


#: Predictors whose correlation matrix is this badly conditioned cannot be separated at all (a
#: double keeps ~16 digits; beyond 1e12 fewer than 4 are left in the solution): refused.
SINGULAR_CONDITION = 1e12
#: Structural-model collinearity is "critical" above VIF 5 (Hair, Hult, Ringle & Sarstedt,
#: A Primer on PLS-SEM, 2nd ed. 2017, ch. 6, step 1): warned, with the condition number.
VIF_LIMIT = 5.0
ORIENTATION_RULE = ("each block's score is signed so that most of its loadings are positive "
                    "(R plspm get_scores; a tie goes to the sign of the loadings' sum)")
SIGN_CORRECTION = ("construct level (Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005, CSDA 48, "
                   "§4.2; SmartPLS 'construct level changes'): a resample's block is flipped when its "
                   "loadings are closer to the negated original loadings, so every resample follows "
                   "the original's orientation")


class _Singular(Exception):
    """Internal: the causes ``preds`` of latent ``target`` are collinear (see pls_fit)."""

    def __init__(self, target: int, preds: np.ndarray, sub: np.ndarray) -> None:
        super().__init__(target)
        self.target, self.preds, self.sub = target, preds, sub


class _DeadBlock(Exception):
    """Internal: block ``block``'s score has no variance at iteration ``iteration``."""

    def __init__(self, block: int, iteration: int) -> None:
        super().__init__(block)
        self.block, self.iteration = block, iteration


def _one_blas_thread():
    """The products here are small (p × p with p ≤ a few hundred): one BLAS thread does them in
    a fraction of a millisecond, while a second one mostly waits for the first — on a busy
    two-core laptop a 5,000 × 40 correlation took 10× longer threaded. Scoped to the call
    (threadpoolctl), so the rest of the process keeps its BLAS threads."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency; without it only slower
        return contextlib.nullcontext()
    return threadpool_limits(1, user_api="blas")


def _corr(x: np.ndarray) -> np.ndarray:
    """Pearson correlation matrix of the columns of ``x`` (as ``np.corrcoef(x, rowvar=False)``,
    from one product of the centred data: ten times faster on a 5,000 × 40 wave)."""
    xm = x - x.mean(axis=0)
    c = xm.T @ xm
    d = np.sqrt(np.diag(c))
    with np.errstate(divide="ignore", invalid="ignore"):
        c = c / d[:, None] / d[None, :]
    np.clip(c, -1.0, 1.0, out=c)
    np.fill_diagonal(c, 1.0)
    return c


def _normalise(w: np.ndarray, r: np.ndarray, iteration: int = 0) -> np.ndarray:
    # Scale each block's weights so its score has unit variance: wᵀRw = 1 (Lohmöller 1989).
    var = np.einsum("ij,ik,kj->j", w, r, w)
    dead = ~(var > 1e-12)
    if dead.any():
        raise _DeadBlock(int(np.flatnonzero(dead)[0]), iteration)
    return w / np.sqrt(var)


def _solve(c: np.ndarray, pr: np.ndarray, k: int) -> np.ndarray:
    # Normal equations of latent k on its causes pr; refuse them when the causes are collinear
    # instead of letting numpy raise LinAlgError (exact) or return ±10⁴ paths (near-exact).
    sub = c[np.ix_(pr, pr)]
    if pr.size > 1:
        eig = np.linalg.eigvalsh(sub)
        if not eig[0] > eig[-1] / SINGULAR_CONDITION:
            raise _Singular(k, pr, sub)
    try:
        return np.linalg.solve(sub, c[pr, k])
    except np.linalg.LinAlgError:
        raise _Singular(k, pr, sub) from None


def _inner_weights(c: np.ndarray, lay: _Layout, scheme: str) -> np.ndarray:
    # Inner weighting schemes (Lohmöller 1989, §2.3; R plspm get_path_scheme):
    # centroid e_ij = sign(cor), factorial e_ij = cor, path: causes weighted by the multiple
    # regression coefficients of the latent on its causes, effects by their correlations.
    if scheme == "centroid":
        return np.sign(c) * lay.sym
    if scheme == "factorial":
        return c * lay.sym
    e = np.zeros_like(c)
    for k, (pr, su) in enumerate(zip(lay.preds, lay.succs)):
        if pr.size:
            e[pr, k] = _solve(c, pr, k)
        if su.size:
            e[su, k] = c[k, su]
    return e


def _iterate(r: np.ndarray, lay: _Layout, scheme: str, tol: float, max_iter: int):
    w = _normalise(lay.mask.astype(float), r)          # every outer weight starts at 1
    for it in range(1, max_iter + 1):
        c = w.T @ r @ w                                 # cor(Y)
        e = _inner_weights(c, lay, scheme)
        w_new = _normalise((r @ w @ e) * lay.mask, r, it)  # mode A: w = cov(x, inner estimate)
        change = float(np.abs(w_new - w).sum())
        w = w_new
        if change < tol:
            return w, it, True
    return w, max_iter, False


def _block_loadings(r: np.ndarray, w: np.ndarray, lay: _Layout) -> list[np.ndarray]:
    rw = r @ w                                          # cor(x, Y): Y has unit variance
    return [rw[lay.mask[:, j], j] for j in range(lay.mask.shape[1])]


def _orientation(r: np.ndarray, w: np.ndarray, lay: _Layout) -> np.ndarray:
    # Sign indeterminacy: −Y is as good a PLS solution as Y for every block. Orient like R plspm
    # (get_scores: the sign of the majority of the loadings' signs); plspm flips a tie, here a
    # tie goes to the sign of the loadings' sum so that it does not depend on column order.
    signs = np.ones(lay.mask.shape[1])
    for j, lam in enumerate(_block_loadings(r, w, lay)):
        pos, neg = int((lam > 0).sum()), int((lam < 0).sum())
        if neg > pos or (neg == pos and lam.sum() < 0):
            signs[j] = -1.0
    return signs


def _paths(c: np.ndarray, lay: _Layout) -> tuple[np.ndarray, np.ndarray]:
    # Ordinary least squares of each endogenous score on its causes (standardised, so the
    # normal equations use cor(Y) directly); R² = βᵀ r_xy.
    b = np.zeros_like(c)
    r2 = np.full(c.shape[0], np.nan)
    for k, pr in enumerate(lay.preds):
        if pr.size:
            beta = _solve(c, pr, k)
            b[pr, k] = beta
            r2[k] = float(beta @ c[pr, k])
    return b, r2


def _collinearity(c: np.ndarray, lay: _Layout, lvs: list[str]) -> tuple[dict, list[str]]:
    # Per endogenous latent: the condition number of its causes' correlation matrix
    # (λmax/λmin; Belsley, Kuh & Welsch 1980) and each cause's VIF = [R⁻¹]ᵢᵢ (Hair et al. 2017).
    table, warnings = {}, []
    for k, pr in enumerate(lay.preds):
        if not pr.size:
            continue
        sub = c[np.ix_(pr, pr)]
        eig = np.linalg.eigvalsh(sub)
        cond = float(eig[-1] / eig[0])
        vif = np.diag(np.linalg.inv(sub)) if pr.size > 1 else np.ones(1)
        table[lvs[k]] = {"condition_number": cond,
                         "vif": {lvs[i]: float(v) for i, v in zip(pr, vif)}}
        high = [i for i, v in zip(pr, vif) if v > VIF_LIMIT]
        if high:
            names = " and ".join(f"'{lvs[i]}'" for i in high)
            vifs = " and ".join(f"{float(v):.3g}" for i, v in zip(pr, vif) if v > VIF_LIMIT)
            warnings.append(f"collinear predictors of '{lvs[k]}': {names} (VIF {vifs}, above "
                            f"{VIF_LIMIT:g}; condition number {cond:.3g}); their path coefficients "
                            "are unstable — merge the blocks or drop an arrow")
    return table, warnings


def _singular_message(exc: _Singular, lvs: list[str]) -> str:
    # The causes involved are those with weight in the eigenvector of the smallest eigenvalue.
    eig, vec = np.linalg.eigh(exc.sub)
    involved = [int(exc.preds[i]) for i in np.flatnonzero(np.abs(vec[:, 0]) > 0.1)] or list(exc.preds)
    names = [f"'{lvs[i]}'" for i in involved]
    who = " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
    detail = ""
    if len(involved) == 2:
        a, b = (list(exc.preds).index(i) for i in involved)
        detail = f" (their scores correlate {exc.sub[a, b]:.6f})"
    verb = "both predict" if len(names) == 2 else ("all predict" if len(names) > 2 else "predicts")
    return (f"{who} {verb} '{lvs[exc.target]}' but are collinear{detail}: PLS cannot separate "
            "their effects — merge the blocks or drop one of the arrows")


def _dead_block_message(exc: _DeadBlock, model: PathModel, r: np.ndarray, lay: _Layout) -> str:
    lv = model.latent[exc.block]
    cols = list(model.blocks[lv])
    idx = np.flatnonzero(lay.mask[:, exc.block])
    where = f"block '{lv}' ({', '.join(cols)})"
    if exc.iteration == 0 and idx.size > 1:
        sub = r[np.ix_(idx, idx)]
        i, j = np.unravel_index(int(np.argmin(sub)), sub.shape)
        first, second = sorted((int(i), int(j)))
        return (f"{where}: its indicators cancel out — with every outer weight starting at 1 the "
                f"block score has no variance ('{cols[second]}' correlates {sub[first, second]:.2f} with "
                f"'{cols[first]}'; a reverse-coded item?); recode reversed items so that high means good")
    return (f"{where}: the block score lost all variance in iteration {exc.iteration} (its "
            "indicators are uncorrelated with every neighbouring block); check the model's arrows")


# ---------------------------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------------------------
@dataclass
class PLSResult:
    model: PathModel
    scheme: str
    iterations: int
    converged: bool
    outer_weights: pd.Series        # normalised: each latent score has unit variance
    loadings: pd.Series
    cross_loadings: pd.DataFrame    # indicators × latent variables
    path_matrix: pd.DataFrame       # rows = from, columns = to
    r2: pd.Series                   # endogenous latent variables only
    ave: pd.Series
    composite_reliability: pd.Series
    gof: float
    scores: pd.DataFrame            # standardised latent scores (mean 0, SD 1 with n − 1)
    total_effects: pd.DataFrame     # rows = from, columns = to
    lv_correlations: pd.DataFrame
    means: pd.Series                # raw indicator means (for the 0–100 index)
    sds: pd.Series                  # raw indicator SDs (n − 1)
    scale: tuple[float, float]
    scale_inferred: bool
    scale_source: str = "inferred"  # "given" (argument / --scale), "model" (declared) or "inferred"
    # Structured messages for the CLI/GUI to show (never Python warnings): collinear causes,
    # non-convergence, an inferred scale. ``notes`` say what was done (orientation).
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    collinearity: dict[str, dict] = field(default_factory=dict)   # endogenous LV → cond, VIFs
    flipped: tuple[str, ...] = ()   # blocks whose sign the orientation rule reversed
    totals: pd.Series | None = None  # raw indicator sums (the exact 0–100 index)

    @property
    def paths(self) -> dict[str, float]:
        return {f"{s}->{d}": float(self.path_matrix.loc[s, d]) for s, d in self.model.paths}

    def index(self) -> dict[str, float]:
        """0–100 index per latent variable (ACSI convention); raises NegativeWeightError."""
        return {lv: latent_index(self, lv) for lv in self.model.blocks}

    def to_dict(self) -> dict:
        idx, idx_err = {}, {}
        for lv in self.model.blocks:
            try:
                idx[lv] = latent_index(self, lv)
            except NegativeWeightError as exc:
                idx[lv], idx_err[lv] = None, str(exc)
        f = lambda s: {k: float(v) for k, v in s.items()}  # noqa: E731 - tiny local formatter
        return {
            "model": self.model.name, "scheme": self.scheme,
            "iterations": self.iterations, "converged": self.converged,
            "paths": self.paths, "r2": f(self.r2), "outer_weights": f(self.outer_weights),
            "loadings": f(self.loadings), "ave": f(self.ave),
            "composite_reliability": f(self.composite_reliability), "gof": self.gof,
            "total_effects": {f"{s}->{d}": float(self.total_effects.loc[s, d])
                              for s in self.model.blocks for d in self.model.blocks
                              if abs(self.total_effects.loc[s, d]) > 0},
            "cross_loadings": {c: f(row) for c, row in self.cross_loadings.iterrows()},
            "index": idx, "index_errors": idx_err,
            "scale": list(self.scale), "scale_inferred": self.scale_inferred,
            "scale_source": self.scale_source,
            "blocks": {lv: list(cols) for lv, cols in self.model.blocks.items()},
            "warnings": list(self.warnings), "notes": list(self.notes),
            "orientation": {"rule": ORIENTATION_RULE, "flipped": list(self.flipped)},
            "collinearity": {lv: {"condition_number": d["condition_number"], "vif": dict(d["vif"])}
                             for lv, d in self.collinearity.items()},
        }


def latent_index(result: PLSResult, lv: str) -> float:
    """ACSI 0–100 index of one latent variable (Fornell et al. 1996, eq. in 'Methodology'):
    wᵢ* = wᵢ / sᵢ (unstandardised), w̃ᵢ = wᵢ*/Σw*, index = Σ w̃ᵢ (x̄ᵢ − min)/(max − min) × 100."""
    cols = list(result.model.blocks[lv])
    w = result.outer_weights[cols].to_numpy()
    if np.any(w < 0):
        bad = cols[int(np.argmin(w))]
        raise NegativeWeightError(f"block '{lv}': indicator '{bad}' has a negative outer weight "
                                  f"({w.min():.4f}); the 0–100 index is undefined for this block")
    raw = w / result.sds[cols].to_numpy()
    raw = raw / raw.sum()
    lo, hi = result.scale
    if result.totals is None:
        return float(100.0 * (raw @ (result.means[cols].to_numpy() - lo)) / (hi - lo))
    # x̄ᵢ − min = (Σx − n·min)/n from the answer sums, so a one-indicator block is exact (46 of
    # ten answers on 1–5 gives 90, not 89.99999999999999).
    n = len(result.scores)
    return float(100.0 * (raw @ (result.totals[cols].to_numpy() - n * lo)) / (n * (hi - lo)))


def _prepare(data: pd.DataFrame, model: PathModel, scale):
    """Resolve the columns and the scale: the one given, else the one the model declares, else
    inferred from the answers (with a warning saying from what). Answers outside a given or
    declared scale are refused by row and column; the scale is never stretched to fit them."""
    model = resolve_model(model, list(data.columns))
    cols = model.indicators
    warnings: list[str] = []
    if scale is not None:
        scale, source = check_scale(scale), "given"
    elif model.scale is not None:
        scale, source = model.scale, "model"
    else:
        source = "inferred"
    x = numeric_block(data, cols, scale, min_rows=MIN_ROWS)
    if source == "inferred":
        inference = explain_scale(x, cols)
        scale = inference.scale
        warnings.append(inference.message)
    elif source == "model":
        lo, hi = scale
        top = next((t for t in _COMMON_TOPS if lo < t < hi and np.nanmax(x) <= t), None)
        if top is not None:
            warnings.append(f"the model '{model.name}' declares the scale {lo:g}–{hi:g} but no answer is "
                            f"above {top:g}: if the questionnaire was {lo:g}–{top:g}, give that scale "
                            f"(--scale {lo:g} {top:g}); the 0–100 index depends on it")
    return model, x, scale, source, warnings


def pls_fit(data: pd.DataFrame, model: PathModel | str | Mapping, *, scheme: str = "path",
            scale: tuple[float, float] | None = None, tol: float = 1e-7, max_iter: int = 300,
            allow_nonconverged: bool = False) -> PLSResult:
    """Estimate a PLS path model (mode A, standardised indicators) on survey data.

    ``scale`` (min, max) is the questionnaire's rating scale for the 0–100 index; without it the
    model's declared ``scale`` is used, and only when neither exists is it inferred from the
    answers — then ``scale_inferred`` is True and ``warnings`` says from what. Answers outside a
    given or declared scale are refused by row and column (SurveyDataError).

    Raises SurveyDataError / ModelError for bad input and ConvergenceError when Σ|Δw| does not
    fall below ``tol`` within ``max_iter`` iterations (unless ``allow_nonconverged``, in which
    case the result says ``converged=False``).
    """
    with _one_blas_thread():
        return _pls_fit(data, model, scheme=scheme, scale=scale, tol=tol, max_iter=max_iter,
                        allow_nonconverged=allow_nonconverged)


def _pls_fit(data: pd.DataFrame, model: PathModel | str | Mapping, *, scheme: str = "path",
             scale: tuple[float, float] | None = None, tol: float = 1e-7, max_iter: int = 300,
             allow_nonconverged: bool = False) -> PLSResult:
    if scheme not in SCHEMES:
        raise ModelError(f"unknown inner weighting scheme '{scheme}' (use {', '.join(SCHEMES)})")
    if not isinstance(model, PathModel):
        model = load_model(model)
    model, x, scale, source, scale_warnings = _prepare(data, model, scale)
    lay = _layout(model)
    r = _corr(x)
    cols, lvs = model.indicators, model.latent
    try:
        w, iters, ok = _iterate(r, lay, scheme, tol, max_iter)
        if not ok and not allow_nonconverged:
            raise ConvergenceError(f"PLS did not converge in {max_iter} iterations "
                                   f"(stop criterion {tol:g}); no result is reported")
        signs = _orientation(r, w, lay)
        w = w * signs
        c = w.T @ r @ w
        b, r2 = _paths(c, lay)
    except _Singular as exc:
        raise ModelError(_singular_message(exc, lvs)) from None
    except _DeadBlock as exc:
        raise ModelError(_dead_block_message(exc, model, r, lay)) from None
    flipped = tuple(lv for lv, sgn in zip(lvs, signs) if sgn < 0)
    collinearity, warnings = _collinearity(c, lay, lvs)
    warnings = scale_warnings + warnings
    if not ok:
        warnings.append(f"PLS did not converge in {max_iter} iterations (stop criterion {tol:g}); "
                        "the numbers are provisional")
    notes = [f"orientation: {ORIENTATION_RULE}; "
             + (f"flipped block(s) {', '.join(repr(lv) for lv in flipped)}" if flipped
                else "no block needed flipping")]
    # SmartPLS/plspm normalise weights so that each latent score has unit variance. Because the
    # indicators and the scores are standardised with the same divisor, wᵀRw = 1 holds for n and
    # n − 1 alike; the published ECSI/mobi weights (domain.md §4) are reproduced to 1e-8 this
    # way (test_pls.py). Mixing divisors (x by n − 1, scores by n) would be off by √(n/(n−1)).
    mean, sd = x.mean(axis=0), x.std(axis=0, ddof=1)
    z = (x - mean) / sd
    scores = z @ w
    rw = r @ w
    lam = rw[lay.mask]
    ends = [lvs[k] for k in range(len(lvs)) if lay.preds[k].size]
    ave, crel = [], []
    for j in range(len(lvs)):
        lj = rw[lay.mask[:, j], j]
        ave.append(float(np.mean(lj ** 2)))
        s = lj.sum() ** 2
        crel.append(float(s / (s + np.sum(1.0 - lj ** 2))))
    # GoF (Tenenhaus, Amato & Esposito Vinzi 2004): √(mean communality × mean R²); communality
    # averaged over the indicators of blocks with more than one indicator (a one-indicator block
    # has communality 1 by construction), R² over the endogenous latent variables.
    multi = np.concatenate([np.flatnonzero(lay.mask[:, j]) for j in range(len(lvs))
                            if lay.mask[:, j].sum() > 1] or [np.array([], dtype=int)])
    comm = float(np.mean(rw[multi][lay.mask[multi]] ** 2)) if multi.size else float("nan")
    r2_end = r2[[lvs.index(e) for e in ends]]
    gof = float(np.sqrt(comm * np.mean(r2_end)))
    # Total effects of a recursive model: B + B² + … = (I − B)⁻¹ − I (Alwin & Hauser 1975).
    total = np.linalg.inv(np.eye(len(lvs)) - b) - np.eye(len(lvs))
    return PLSResult(
        model=model, scheme=scheme, iterations=iters, converged=ok,
        outer_weights=pd.Series(w[lay.mask], index=cols),
        loadings=pd.Series(lam, index=cols),
        cross_loadings=pd.DataFrame(rw, index=cols, columns=lvs),
        path_matrix=pd.DataFrame(b, index=lvs, columns=lvs),
        r2=pd.Series(r2_end, index=ends),
        ave=pd.Series(ave, index=lvs), composite_reliability=pd.Series(crel, index=lvs),
        gof=gof, scores=pd.DataFrame(scores, columns=lvs),
        total_effects=pd.DataFrame(total, index=lvs, columns=lvs),
        lv_correlations=pd.DataFrame(c, index=lvs, columns=lvs),
        means=pd.Series(mean, index=cols), sds=pd.Series(sd, index=cols),
        scale=scale, scale_inferred=source == "inferred", scale_source=source,
        warnings=warnings, notes=notes,
        collinearity=collinearity, flipped=flipped, totals=pd.Series(x.sum(axis=0), index=cols))


# ---------------------------------------------------------------------------------------------
# bootstrap
# ---------------------------------------------------------------------------------------------
@dataclass
class BootstrapResult:
    paths: pd.DataFrame     # index "from->to"; original, mean, se, t, lower, upper
    resamples: int          # requested
    used: int               # resamples that gave a converged fit
    discarded: int          # constant column, collinear causes or no convergence
    seed: int | None
    level: float
    sign_correction: str = SIGN_CORRECTION
    sign_flips: dict[str, int] = field(default_factory=dict)     # block → resamples flipped
    discard_reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"resamples": self.resamples, "used": self.used, "discarded": self.discarded,
                "seed": self.seed, "level": self.level,
                "sign_correction": self.sign_correction, "sign_flips": dict(self.sign_flips),
                "discard_reasons": dict(self.discard_reasons),
                "paths": {k: {c: float(v) for c, v in row.items()}
                          for k, row in self.paths.iterrows()}}


def _align(r: np.ndarray, w: np.ndarray, lay: _Layout, reference: list[np.ndarray]) -> np.ndarray:
    # Construct-level sign change (Tenenhaus et al. 2005, §4.2): flip block j of a resample when
    # Σ|l_b − l_o| > Σ|l_b + l_o|, i.e. its loadings l_b match the negated original l_o better.
    signs = np.ones(lay.mask.shape[1])
    for j, (lb, lo) in enumerate(zip(_block_loadings(r, w, lay), reference)):
        if np.abs(lb - lo).sum() > np.abs(lb + lo).sum():
            signs[j] = -1.0
    return signs


def bootstrap(data: pd.DataFrame, model: PathModel | str | Mapping, *, resamples: int = 500,
              seed: int | None = None, scheme: str = "path", level: float = 0.95,
              tol: float = 1e-7, max_iter: int = 300,
              scale: tuple[float, float] | None = None,
              cancelled: Callable[[], bool] | None = None,
              progress: Callable[[float], None] | None = None) -> BootstrapResult:
    """Case-resampling bootstrap of the path coefficients (Efron & Tibshirani 1993, ch. 6 and
    13; Chin 1998 for PLS): standard error = SD (n − 1) of the resampled estimates,
    t = original / SE, percentile interval at ``level``.

    Each resample is sign-corrected at construct level against the (oriented) original fit — see
    :data:`SIGN_CORRECTION`; without it a block that comes out the other way round in some
    resamples makes the interval of its paths straddle zero. ``sign_flips`` counts the flips per
    block. Resamples where an indicator is constant, causes are collinear, a block score loses
    its variance or the iteration does not converge are discarded and counted by reason, never
    silently kept. ``cancelled()`` (checked every 10 resamples) stops it with :class:`Cancelled`;
    ``progress(fraction)`` is told how far it is."""
    with _one_blas_thread():
        return _bootstrap(data, model, resamples=resamples, seed=seed, scheme=scheme, level=level, tol=tol,
                          max_iter=max_iter, scale=scale, cancelled=cancelled, progress=progress)


def _bootstrap(data: pd.DataFrame, model: PathModel | str | Mapping, *, resamples: int = 500,
               seed: int | None = None, scheme: str = "path", level: float = 0.95,
               tol: float = 1e-7, max_iter: int = 300,
               scale: tuple[float, float] | None = None,
               cancelled: Callable[[], bool] | None = None,
               progress: Callable[[float], None] | None = None) -> BootstrapResult:
    if resamples < 2:
        raise ModelError("the bootstrap needs at least 2 resamples")
    if not 0 < level < 1:
        raise ModelError(f"confidence level {level} must be between 0 and 1")
    if not isinstance(model, PathModel):
        model = load_model(model)
    original = pls_fit(data, model, scheme=scheme, scale=scale, tol=tol, max_iter=max_iter)
    model = original.model
    x = numeric_block(data, model.indicators, None, min_rows=MIN_ROWS)
    lay = _layout(model)
    keys = list(model.paths)
    lvs = model.latent
    pos = [(lvs.index(s), lvs.index(d)) for s, d in keys]
    reference = [original.loadings[list(cols)].to_numpy() for cols in model.blocks.values()]
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    draws = []
    reasons = {"constant indicator": 0, "collinear causes": 0, "block without variance": 0,
               "not converged": 0}
    flips = np.zeros(len(lvs), dtype=int)
    for k in range(resamples):
        if k % 10 == 0:  # a background task can stop it and show how far it is
            if cancelled is not None and cancelled():
                raise Cancelled(f"bootstrap stopped after {k} of {resamples} resamples")
            if progress is not None:
                progress(k / resamples)
        xb = x[rng.integers(0, n, n)]
        if np.any(np.ptp(xb, axis=0) == 0):
            reasons["constant indicator"] += 1
            continue
        r = _corr(xb)
        try:
            w, _, ok = _iterate(r, lay, scheme, tol, max_iter)
            if not ok:
                reasons["not converged"] += 1
                continue
            signs = _align(r, w, lay, reference)
            w = w * signs
            b, _ = _paths(w.T @ r @ w, lay)
        except _Singular:
            reasons["collinear causes"] += 1
            continue
        except _DeadBlock:
            reasons["block without variance"] += 1
            continue
        flips += signs < 0
        draws.append([b[i, k] for i, k in pos])
    discarded = sum(reasons.values())
    if len(draws) < 2:
        raise ConvergenceError(f"only {len(draws)} of {resamples} bootstrap resamples could be "
                               "estimated; the data are too small or too uniform")
    d = np.asarray(draws)
    orig = np.array([original.path_matrix.iloc[i, k] for i, k in pos])
    se = d.std(axis=0, ddof=1)
    alpha = (1 - level) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(se > 0, orig / se, np.nan)
    table = pd.DataFrame({"original": orig, "mean": d.mean(axis=0), "se": se, "t": t,
                          "lower": np.quantile(d, alpha, axis=0),
                          "upper": np.quantile(d, 1 - alpha, axis=0)},
                         index=[f"{s}->{d_}" for s, d_ in keys])
    return BootstrapResult(table, resamples, len(draws), discarded, seed, level,
                           sign_flips={lv: int(f) for lv, f in zip(lvs, flips)},
                           discard_reasons={k: v for k, v in reasons.items() if v})

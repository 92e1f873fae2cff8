"""Customer value analytics (domain brief §3.3, analytical CRM).

NPS, customer lifetime value, ABC/Pareto classes, RFM quintile scores, rule-based value classes
(high/medium/low; important/potential/ordinary/lost), churn-risk flags and k-means segmentation
(群组分析法). Plain pandas/numpy, vectorised over all customers.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.engines.flags import ACCEPTED_DIRECTIONS, direction

class CustomerDataError(ValueError):
    """Customer data that cannot be analysed; names the customer, row or column."""


# ---------------------------------------------------------------------------------------------
# NPS and CLV
# ---------------------------------------------------------------------------------------------
def nps(scores) -> float:
    """Net Promoter Score (Reichheld 2003, 'The One Number You Need to Grow', HBR 81(12)):
    % promoters (9–10) − % detractors (0–6) on the 0–10 likelihood-to-recommend question;
    −100 … 100. Answers must be whole numbers 0–10."""
    arr = pd.to_numeric(pd.Series(list(scores), dtype=object), errors="coerce").to_numpy(float)
    if arr.size == 0:
        raise CustomerDataError("NPS needs at least one answer")
    bad = np.flatnonzero(~np.isfinite(arr) | (arr < 0) | (arr > 10) | (arr != np.round(arr)))
    if bad.size:
        i = int(bad[0])
        raise CustomerDataError(f"answer {i + 1}: {list(scores)[i]!r} is not a whole number 0–10")
    # Count, then divide once: (0.3 − 0.2) · 100 would give 9.999999999999998 for an exact 10.
    promoters, detractors = int((arr >= 9).sum()), int((arr <= 6).sum())
    return 100 * (promoters - detractors) / arr.size


def clv(margin, retention, discount, acquisition_cost=0.0):
    """Customer lifetime value, infinite horizon with constant margin and retention (Gupta &
    Lehmann 2003, J. Interactive Marketing 17(1); domain brief §3.3): CLV = m·r/(1 + i − r) − AC.

    ``retention`` r and ``discount`` i are fractions per period (0.8, 0.1); margin m per period.
    Works on scalars or arrays (one value per customer).
    """
    try:
        m, r, i, ac = (np.asarray(v, dtype=float) for v in (margin, retention, discount, acquisition_cost))
    except (TypeError, ValueError):
        raise CustomerDataError("CLV: margin, retention, discount and acquisition cost must be numbers") from None
    for arr, what in ((m, "margin"), (r, "retention"), (i, "discount"), (ac, "acquisition cost")):
        if not np.all(np.isfinite(arr)):
            raise CustomerDataError(f"CLV: {what} must be a number")
    if np.any((r < 0) | (r > 1)):
        raise CustomerDataError("CLV: retention must be a fraction between 0 and 1 (e.g. 0.8)")
    if np.any(i <= -1) or np.any(1 + i - r <= 0):
        raise CustomerDataError("CLV: 1 + discount − retention must be positive")
    value = m * r / (1 + i - r) - ac
    return float(value) if value.ndim == 0 else value


# ---------------------------------------------------------------------------------------------
# ABC / Pareto
# ---------------------------------------------------------------------------------------------
def _values(values, what: str = "value") -> pd.Series:
    s = pd.Series(values)
    num = pd.to_numeric(s, errors="coerce")
    bad = num.isna() | (num < 0)
    if bad.any():
        key = s.index[bad.to_numpy()][0]
        raise CustomerDataError(f"customer {key!r}: {what} {s[key]!r} is missing or negative")
    if len(num) == 0:
        raise CustomerDataError("no customers to classify")
    return num.astype(float)


def abc_classes(values, shares: Sequence[float] = (80, 15, 5)) -> pd.DataFrame:
    """ABC / Pareto classification by share of value (Juran's vital few; domain brief §3.3:
    20 % of customers, 80 % of value). Customers sorted by value, largest first; a customer is
    A while the cumulative share *before* it is below the A share (so the customer that crosses
    80 % is still A), B while below A + B, else C. ``shares`` in % must sum to 100."""
    if len(shares) != 3 or any(s < 0 for s in shares) or abs(sum(shares) - 100) > 1e-9:
        raise CustomerDataError(f"ABC shares {tuple(shares)} must be three percentages summing to 100")
    v = _values(values)
    total = v.sum()
    if total <= 0:
        raise CustomerDataError("ABC classes need a positive total value")
    order = v.sort_values(ascending=False, kind="stable")
    # Shares from cumulative *values*, divided once: a running sum of rounded shares ends at
    # 99.99999999999997 for seven equal customers. The class test compares value sums
    # (before·100 < share·total), so no tolerance is needed either.
    running = order.cumsum()
    share = 100.0 * order / total
    cum = 100.0 * running / total
    before = (running - order) * 100.0
    cls = np.where(before < shares[0] * total, "A",
                   np.where(before < (shares[0] + shares[1]) * total, "B", "C"))
    return pd.DataFrame({"value": order, "share_pct": share, "cumulative_pct": cum, "class": cls})


# ---------------------------------------------------------------------------------------------
# RFM
# ---------------------------------------------------------------------------------------------
def quintile_score(values, *, higher_is_better: bool = True) -> pd.Series:
    """Score 1–5 by quintile of rank (Hughes, Strategic Database Marketing, 'RFM'): score =
    1 + ⌊5·(rank − 1)/n⌋ with ties sharing the lowest rank, so equal values get equal scores.

    ``higher_is_better`` is read as a direction (True/False, 1/-1, 'max'/'min', 'benefit'/'cost'),
    never with truthiness, so ``-1`` or ``'min'`` cannot silently mean "higher is better"."""
    better = direction(higher_is_better)
    if better is None:
        raise CustomerDataError(f"higher_is_better {higher_is_better!r} is not one of {ACCEPTED_DIRECTIONS}")
    v = _values(values)
    ranks = (v if better else -v).rank(method="min").to_numpy(dtype=np.int64)
    # integer floor division: the score is a count of quintiles, not a rounded float
    return pd.Series(1 + (5 * (ranks - 1)) // len(v), index=v.index).astype(int)


def _customer_ids(orders: pd.DataFrame, customer: str) -> pd.Series:
    # A blank id would be dropped by groupby (pandas skips NaN keys): the order would vanish.
    ids = orders[customer]
    blank = ids.isna().to_numpy() | ids.astype(str).str.strip().eq("").to_numpy()
    if blank.any():
        i = int(np.flatnonzero(blank)[0])
        raise CustomerDataError(f"row {i + 1}, column '{customer}': missing customer")
    return ids.astype(str)


def rfm_from_orders(orders: pd.DataFrame, as_of=None, *, customer: str = "customer",
                    date: str = "date", amount: str = "amount") -> pd.DataFrame:
    """Per customer: recency (days since last order, as of ``as_of`` or the last order date),
    frequency (number of orders), monetary (total amount)."""
    for c in (customer, date, amount):
        if c not in orders.columns:
            raise CustomerDataError(f"orders need a column '{c}'")
    d = pd.to_datetime(orders[date], errors="coerce")
    a = pd.to_numeric(orders[amount], errors="coerce")
    bad = d.isna() | a.isna()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        col = date if d.isna().iloc[i] else amount
        raise CustomerDataError(f"row {i + 1}, column '{col}': {orders[col].iloc[i]!r} is not valid")
    ref = pd.Timestamp(as_of) if as_of is not None else d.max()
    g = pd.DataFrame({"c": _customer_ids(orders, customer), "d": d, "a": a}).groupby("c")
    out = pd.DataFrame({"recency_days": (ref - g["d"].max()).dt.days.astype(float),
                        "frequency": g.size().astype(float), "monetary": g["a"].sum()})
    out.index.name = customer
    return out


def rfm_scores(rfm: pd.DataFrame) -> pd.DataFrame:
    """R, F, M quintile scores (R: fewer days since the last order is better), the three-digit
    RFM cell ('555' best) and the sum of scores."""
    for c in ("recency_days", "frequency", "monetary"):
        if c not in rfm.columns:
            raise CustomerDataError(f"RFM needs a column '{c}'")
    out = rfm.copy()
    out["R"] = quintile_score(rfm["recency_days"], higher_is_better=False)
    out["F"] = quintile_score(rfm["frequency"])
    out["M"] = quintile_score(rfm["monetary"])
    out["rfm"] = out["R"].astype(str) + out["F"].astype(str) + out["M"].astype(str)
    out["rfm_total"] = out[["R", "F", "M"]].sum(axis=1)
    return out


# Ordered rules: the first that matches wins; the last class is the fallback. Each rule gives
# inclusive (low, high) ranges on the 1–5 R, F, M scores. Convention of Chinese CRM teaching
# (重要/潜在/一般/流失客户): active and valuable → important; active but not yet valuable →
# potential; long inactive → lost; the rest ordinary.
DEFAULT_RFM_RULES: tuple[tuple[str, Mapping[str, tuple[int, int]]], ...] = (
    ("important", {"R": (3, 5), "F": (3, 5), "M": (3, 5)}),
    ("potential", {"R": (3, 5)}),
    ("lost", {"R": (1, 1)}),
    ("ordinary", {}),
)


def rfm_classes(scores: pd.DataFrame, rules=DEFAULT_RFM_RULES) -> pd.Series:
    """Important / potential / ordinary / lost by ordered, configurable rules on R, F, M."""
    if not rules:
        raise CustomerDataError("at least one class rule is needed")
    result = pd.Series(rules[-1][0], index=scores.index, dtype=object)
    decided = np.zeros(len(scores), dtype=bool)
    for name, cond in rules:
        ok = np.ones(len(scores), dtype=bool)
        for key, (lo, hi) in dict(cond).items():
            if key not in scores.columns:
                raise CustomerDataError(f"class rule '{name}' uses unknown score '{key}'")
            ok &= scores[key].between(lo, hi).to_numpy()
        take = ok & ~decided
        result[take] = name
        decided |= take
    return result


def value_tiers(values, *, high: float | None = None, medium: float | None = None,
                shares: tuple[float, float] = (20, 30)) -> pd.Series:
    """High / medium / low value (domain brief §3.3). With thresholds: value ≥ high → high,
    ≥ medium → medium. Without: the top ``shares[0]`` % of customers by value are high, the next
    ``shares[1]`` % medium (ties at a boundary go to the better tier)."""
    v = _values(values)
    if high is not None or medium is not None:
        if high is None or medium is None or not (np.isfinite(high) and np.isfinite(medium)) or medium > high:
            raise CustomerDataError("value tiers need both thresholds, finite, with medium ≤ high")
        return pd.Series(np.where(v >= high, "high", np.where(v >= medium, "medium", "low")), index=v.index)
    if (len(shares) != 2 or not all(np.isfinite(x) and x >= 0 for x in shares)
            or shares[0] + shares[1] > 100):
        raise CustomerDataError(f"value-tier shares {tuple(shares)} must be two percentages, "
                                "each ≥ 0 and together ≤ 100")
    pos = v.rank(method="min", ascending=False) - 1  # customers strictly better
    n = len(v)
    return pd.Series(np.where(pos < n * shares[0] / 100, "high",
                              np.where(pos < n * (shares[0] + shares[1]) / 100, "medium", "low")),
                     index=v.index)


# ---------------------------------------------------------------------------------------------
# churn risk
# ---------------------------------------------------------------------------------------------
def churn_flags(orders: pd.DataFrame, as_of=None, *, inactive_days: int = 90,
                window_days: int = 90, drop: float = 0.5, customer: str = "customer",
                date: str = "date") -> pd.DataFrame:
    """Customers about to leave (domain brief §3.3 'spot those about to leave'):
    ``inactive`` — no order in the last ``inactive_days``; ``falling`` — orders in the last
    ``window_days`` ≤ (1 − drop) × orders in the window before it, with at least 2 orders in
    that earlier window (one order is no trend)."""
    for c in (customer, date):
        if c not in orders.columns:
            raise CustomerDataError(f"orders need a column '{c}'")
    d = pd.to_datetime(orders[date], errors="coerce")
    if d.isna().any():
        i = int(np.flatnonzero(d.isna().to_numpy())[0])
        raise CustomerDataError(f"row {i + 1}, column '{date}': {orders[date].iloc[i]!r} is not a date")
    ref = pd.Timestamp(as_of) if as_of is not None else d.max()
    age = (ref - d).dt.days.to_numpy()
    frame = pd.DataFrame({"c": _customer_ids(orders, customer).to_numpy(), "age": age,
                          "recent": (age >= 0) & (age < window_days),
                          "before": (age >= window_days) & (age < 2 * window_days)})
    g = frame.groupby("c")
    out = pd.DataFrame({"days_since_last": g["age"].min(), "orders_recent": g["recent"].sum(),
                        "orders_before": g["before"].sum()})
    out["inactive"] = out["days_since_last"] > inactive_days
    out["falling"] = (out["orders_before"] >= 2) & (out["orders_recent"] <= (1 - drop) * out["orders_before"])
    out["at_risk"] = out["inactive"] | out["falling"]
    out.index.name = customer
    return out


# ---------------------------------------------------------------------------------------------
# k-means segmentation
# ---------------------------------------------------------------------------------------------
@dataclass
class KMeansResult:
    labels: np.ndarray        # cluster of each row, 0 … k−1 (ordered by cluster size, largest 0)
    centers: np.ndarray       # in the original units of the features
    inertia: float            # within-cluster sum of squares on the scaled features
    iterations: int           # Lloyd iterations of the best start
    sizes: np.ndarray
    converged: bool = True    # the best start reached a fixed point within max_iter


def _squared_distances(z: np.ndarray, centers: np.ndarray) -> np.ndarray:
    # n × k squared Euclidean distances, by differences (no ‖x‖² − 2x·c + ‖c‖² cancellation),
    # one feature at a time: a few n × k passes instead of an n × k × d temporary.
    d = np.zeros((z.shape[0], centers.shape[0]))
    for f in range(z.shape[1]):
        d += (z[:, f, None] - centers[None, :, f]) ** 2
    return d


def _cluster_means(z: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    counts = np.bincount(labels, minlength=k)
    sums = np.column_stack([np.bincount(labels, weights=z[:, f], minlength=k) for f in range(z.shape[1])])
    return sums / counts[:, None]


def _plus_plus(z: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, §2.2 and the greedy variant of §5,
    as in scikit-learn): the first centre uniformly, each next one the best of 2 + ⌊ln k⌋
    candidates drawn with probability ∝ D(x)², best = smallest resulting potential."""
    n = z.shape[0]
    trials = 2 + int(np.log(k))
    first = int(rng.integers(n))
    chosen = [first]
    closest = _squared_distances(z, z[first:first + 1])[:, 0]
    for _ in range(1, k):
        total = closest.sum()
        candidates = rng.choice(n, size=trials, p=closest / total)
        d = _squared_distances(z, z[candidates]).T                           # trials × n
        potential = np.minimum(closest[None, :], d).sum(axis=1)
        best = int(np.argmin(potential))
        chosen.append(int(candidates[best]))
        closest = np.minimum(closest, d[best])
    return z[chosen].copy()


def _lloyd(z: np.ndarray, centers: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray, int, bool]:
    """Lloyd's iterations (Lloyd 1982) until the assignment no longer changes — a fixed point,
    where every point is nearest to its own cluster's mean. A cluster left empty is re-seeded
    with the point farthest from its centre (taken from a cluster that keeps a member), so the
    answer always has k non-empty clusters."""
    k = centers.shape[0]
    labels = None
    for it in range(1, max_iter + 1):
        d = _squared_distances(z, centers)
        new = d.argmin(axis=1)
        counts = np.bincount(new, minlength=k)
        if np.any(counts == 0):
            own = d[np.arange(z.shape[0]), new]
            for j in np.flatnonzero(counts == 0):
                for i in np.argsort(-own, kind="stable"):
                    if counts[new[i]] > 1:
                        counts[new[i]] -= 1
                        new[i], counts[j], own[i] = j, 1, 0.0
                        break
        if labels is not None and np.array_equal(new, labels):
            return labels, centers, it - 1, True
        labels = new
        centers = _cluster_means(z, labels, k)
    return labels, centers, max_iter, False


def _transfers(z: np.ndarray, labels: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Single-point transfers of Hartigan & Wong (1979, Appl. Statist. 28, AS 136; R's default
    ``kmeans`` algorithm) from a Lloyd fixed point: moving x from cluster a (n_a > 1) to b changes
    the within-cluster sum of squares by n_b/(n_b+1)·‖x − c_b‖² − n_a/(n_a−1)·‖x − c_a‖², so
    the best strictly improving move is made, centres updated, until none is left. Lloyd
    stops at such points (a lone point that belongs elsewhere), which is where it fell short of
    scikit-learn and of the brute-force optimum on small sets."""
    n, k = z.shape[0], centers.shape[0]
    labels, centers = labels.copy(), centers.copy()
    counts = np.bincount(labels, minlength=k).astype(float)
    d = _squared_distances(z, centers)
    rows = np.arange(n)
    moves = 0
    for moves in range(10 * n + 1):
        na = counts[labels]
        own = d[rows, labels]
        with np.errstate(divide="ignore", invalid="ignore"):
            removal = np.where(na > 1, na / (na - 1) * own, -np.inf)
        addition = counts[None, :] / (counts[None, :] + 1) * d
        addition[rows, labels] = np.inf
        gain = removal[:, None] - addition
        i, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
        if not gain[i, b] > 1e-12 * max(1.0, float(own.sum())):
            break
        a = labels[i]
        centers[a] = (centers[a] * counts[a] - z[i]) / (counts[a] - 1)
        centers[b] = (centers[b] * counts[b] + z[i]) / (counts[b] + 1)
        counts[a] -= 1
        counts[b] += 1
        labels[i] = b
        d[:, [a, b]] = _squared_distances(z, centers[[a, b]])
    return labels, centers, moves


def kmeans(x, k: int, *, seed: int | None = 0, n_init: int = 10, max_iter: int = 300,
           scale: bool = True, tol: float = 1e-10) -> KMeansResult:
    """k-means with greedy k-means++ seeding (Arthur & Vassilvitskii 2007), Lloyd's iterations
    (Lloyd 1982) until the assignment is stable, then Hartigan–Wong single-point transfers
    (see :func:`_transfers`) — best inertia of ``n_init`` seeded starts. ``tol`` is kept for
    compatibility (a fixed point has zero centre shift); ``iterations`` counts Lloyd steps. Features are
    z-scaled first (SD n − 1) so that, e.g., money does not outweigh order counts.
    Deterministic for a given seed. Refuses k above the number of distinct rows (some cluster
    would have to be empty or a duplicate)."""
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise CustomerDataError("k-means features must be numbers in a rectangular table") from None
    if a.ndim == 1:
        a = a[:, None]
    if a.ndim != 2 or a.shape[1] == 0:
        raise CustomerDataError(f"k-means needs rows × features, got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        i, j = map(int, np.argwhere(~np.isfinite(a))[0])
        raise CustomerDataError(f"row {i + 1}, feature {j + 1}: missing or non-numeric value")
    n = a.shape[0]
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n:
        raise CustomerDataError(f"k = {k} clusters needs a whole number between 1 and {n} (the number of rows)")
    if n_init < 1 or max_iter < 1:
        raise CustomerDataError("k-means needs n_init ≥ 1 and max_iter ≥ 1")
    mu, sd = a.mean(axis=0), a.std(axis=0, ddof=1) if n > 1 else np.ones(a.shape[1])
    sd = np.where(sd > 0, sd, 1.0)
    z = (a - mu) / sd if scale else a
    distinct = np.unique(z, axis=0).shape[0]
    if k > distinct:
        raise CustomerDataError(f"k = {k} clusters but only {distinct} distinct rows: at most {distinct} "
                                "clusters can be non-empty")
    rng = np.random.default_rng(seed)
    best = None
    for _ in range(n_init):
        labels, centers, it, ok = _lloyd(z, _plus_plus(z, k, rng), max_iter)
        for _ in range(max_iter):
            labels, centers, moved = _transfers(z, labels, centers)
            if not moved:
                break
            labels, centers, more, ok = _lloyd(z, centers, max_iter)   # exact means again
            it += more
        inertia = float(((z - centers[labels]) ** 2).sum())
        if best is None or inertia < best[0] - 1e-12 * max(1.0, best[0]):
            best = (inertia, labels, centers, it, ok)
    inertia, labels, centers, it, ok = best
    sizes = np.bincount(labels, minlength=k)
    order = np.argsort(-sizes, kind="stable")           # relabel: largest cluster is 0
    relabel = np.empty(k, dtype=int)
    relabel[order] = np.arange(k)
    centers = centers[order] * (sd if scale else 1) + (mu if scale else 0)
    return KMeansResult(relabel[labels], centers, inertia, it, sizes[order], ok)


def segment_customers(df: pd.DataFrame, features: Sequence[str], k: int, *, seed: int = 0) -> pd.DataFrame:
    """Cluster analysis of customers on ``features`` (e.g. recency, frequency, monetary);
    returns ``df[features]`` with a ``segment`` column."""
    missing = [c for c in features if c not in df.columns]
    if missing:
        raise CustomerDataError(f"column(s) not in the data: {', '.join(missing)}")
    x = df[list(features)].apply(pd.to_numeric, errors="coerce")
    res = kmeans(x.to_numpy(float), k, seed=seed)
    out = df[list(features)].copy()
    out["segment"] = res.labels
    return out

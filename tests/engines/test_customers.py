"""NPS, CLV, ABC, RFM, value classes, churn flags, k-means, by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engines import customers as cu
from app.engines.customers import CustomerDataError


def test_nps_by_hand():
    # 3 promoters, 2 passives, 5 detractors of 10 → 30 − 50 = −20
    assert cu.nps([10, 9, 9, 8, 7, 6, 5, 0, 3, 6]) == pytest.approx(-20)
    with pytest.raises(CustomerDataError, match="answer 2: 11"):
        cu.nps([10, 11])
    with pytest.raises(CustomerDataError, match="answer 1: 7.5"):
        cu.nps([7.5])
    with pytest.raises(CustomerDataError, match="at least one"):
        cu.nps([])


def test_clv_by_hand():
    # m = 100, r = 0.8, i = 0.1 → 100·0.8/0.3 = 266.67
    assert cu.clv(100, 0.8, 0.1) == pytest.approx(800 / 3)
    assert cu.clv(100, 0.8, 0.1, acquisition_cost=50) == pytest.approx(800 / 3 - 50)
    assert cu.clv([100, 200], [0.5, 0.5], 0.0) == pytest.approx([100, 200])
    with pytest.raises(CustomerDataError, match="retention"):
        cu.clv(100, 1.5, 0.1)


def test_abc_classes_pareto():
    res = cu.abc_classes({"a": 50, "b": 30, "c": 10, "d": 6, "e": 4})
    assert res["class"].to_dict() == {"a": "A", "b": "A", "c": "B", "d": "B", "e": "C"}
    assert res["cumulative_pct"].iloc[-1] == pytest.approx(100)
    custom = cu.abc_classes({"a": 50, "b": 30, "c": 20}, shares=(50, 30, 20))
    assert custom["class"].tolist() == ["A", "B", "C"]
    with pytest.raises(CustomerDataError, match="summing to 100"):
        cu.abc_classes({"a": 1}, shares=(80, 10, 5))
    with pytest.raises(CustomerDataError, match="'b'"):
        cu.abc_classes({"a": 1, "b": -2})


def test_rfm_quintiles_and_classes():
    orders = pd.DataFrame({
        "customer": ["c1"] * 5 + ["c2"] * 3 + ["c3"] * 2 + ["c4", "c5"],
        "date": ["2026-03-01", "2026-02-01", "2026-01-01", "2025-12-01", "2025-11-01",
                 "2026-02-20", "2026-01-10", "2025-10-01", "2025-06-01", "2025-05-01",
                 "2026-02-25", "2025-01-01"],
        "amount": [100, 100, 100, 100, 100, 80, 80, 80, 500, 500, 10, 5],
    })
    rfm = cu.rfm_from_orders(orders, as_of="2026-03-01")
    assert rfm.loc["c1", "recency_days"] == 0 and rfm.loc["c1", "frequency"] == 5
    assert rfm.loc["c3", "monetary"] == 1000
    scores = cu.rfm_scores(rfm)
    # five customers → one per quintile
    assert scores.loc["c1", "rfm"] == "554"          # c3 spent more (1000 vs 500)
    assert scores.loc["c5", "R"] == 1 and scores.loc["c3", "M"] == 5
    classes = cu.rfm_classes(scores)
    assert classes["c1"] == "important" and classes["c4"] == "potential" and classes["c5"] == "lost"
    assert classes["c3"] == "ordinary"


def test_quintile_ties_share_a_score():
    s = cu.quintile_score([1, 1, 1, 1, 2, 3, 4, 5, 6, 7])
    assert s.tolist()[:4] == [1, 1, 1, 1]


def test_value_tiers():
    tiers = cu.value_tiers({f"c{i}": v for i, v in enumerate(range(10, 0, -1))})
    assert tiers.value_counts().to_dict() == {"low": 5, "medium": 3, "high": 2}
    fixed = cu.value_tiers({"a": 100, "b": 50, "c": 5}, high=80, medium=20)
    assert fixed.tolist() == ["high", "medium", "low"]


def test_churn_flags():
    orders = pd.DataFrame({"customer": ["a"] * 6 + ["b", "c", "c"],
                           "date": ["2026-01-10", "2025-12-01", "2025-11-15", "2025-11-01",
                                    "2025-10-20", "2025-10-15", "2025-09-01", "2026-03-01", "2026-02-01"]})
    flags = cu.churn_flags(orders, as_of="2026-03-01", inactive_days=90, window_days=90)
    # a: 2 orders in the last 90 days (since 2025-12-01), 4 in the 90 before → falling
    assert flags.loc["a", "falling"] and not flags.loc["a", "inactive"]
    assert flags.loc["b", "inactive"] and flags.loc["b", "at_risk"]
    assert not flags.loc["c", "at_risk"]


def test_kmeans_finds_separated_groups_and_is_seeded():
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(0, 1, (40, 2)), rng.normal([10, 500], [1, 50], (25, 2))])
    a = cu.kmeans(x, 2, seed=3)
    b = cu.kmeans(x, 2, seed=3)
    assert np.array_equal(a.labels, b.labels)
    assert a.sizes.tolist() == [40, 25]
    assert set(a.labels[:40]) == {0} and set(a.labels[40:]) == {1}
    assert a.centers[1] == pytest.approx([10, 500], rel=0.1)
    with pytest.raises(CustomerDataError, match="k = 5"):
        cu.kmeans(x[:3], 5)


def test_segment_customers_frame():
    df = pd.DataFrame({"r": [1, 2, 1, 50, 52], "m": [10, 11, 9, 1000, 990]})
    seg = cu.segment_customers(df, ["r", "m"], 2)
    assert seg["segment"].tolist() == [0, 0, 0, 1, 1]


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=50).filter(lambda v: sum(v) > 0))
def test_abc_invariants(values):
    res = cu.abc_classes(dict(enumerate(values)))
    assert res["class"].iloc[0] == "A"
    assert res["share_pct"].sum() == pytest.approx(100)
    order = {"A": 0, "B": 1, "C": 2}
    ranks = [order[c] for c in res["class"]]
    assert ranks == sorted(ranks)


def test_quintile_direction_is_not_read_with_truthiness():
    values = [1, 2, 3, 4, 5]
    lower = cu.quintile_score(values, higher_is_better=False).tolist()
    assert lower == [5, 4, 3, 2, 1]
    for spelling in (-1, "min", "cost"):
        assert cu.quintile_score(values, higher_is_better=spelling).tolist() == lower
    with pytest.raises(CustomerDataError, match="higher_is_better"):
        cu.quintile_score(values, higher_is_better=0.5)


# --- NPS is counted, not averaged ------------------------------------------------------------
def test_nps_of_an_exact_ten_is_ten():
    # 3 promoters, 2 detractors, 5 passives of 10: 30 % − 20 % = 10 exactly (was 9.999999999999998)
    assert cu.nps([10, 9, 9, 0, 6, 8, 8, 8, 7, 7]) == 10.0
    assert cu.nps([10, 9, 9, 10, 0, 6, 3, 8, 8, 7]) == 10.0      # 4 − 3 (was 10.000000000000004)
    assert cu.nps([9, 0, 8, 8, 8]) == 0.0
    assert cu.nps([10, 10, 10, 0, 8]) == 40.0


@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_nps_is_exact_from_the_counts(promoters, detractors, passives):
    from fractions import Fraction
    n = promoters + detractors + passives
    if n == 0:
        return
    answers = [10] * promoters + [3] * detractors + [7] * passives
    assert cu.nps(answers) == float(Fraction(100 * (promoters - detractors), n))


# --- k-means: greedy k-means++, Lloyd to a fixed point, transfers, no empty clusters -----------
def _brute_force_inertia(x, k):
    import itertools
    best = np.inf
    for rest in itertools.product(range(k), repeat=len(x) - 1):
        lab = np.array((0,) + rest)
        if len(set(lab)) < k:
            continue
        best = min(best, sum(((x[lab == j] - x[lab == j].mean(axis=0)) ** 2).sum() for j in range(k)))
    return best


# small sets on which the previous implementation stopped at a worse solution (seed 0, 10 starts)
SMALL_SETS = [
    [[-6.6, -1.2], [2.1, 5.7], [0.5, -2.8], [-3.9, 3.7], [8.2, 1.4], [-6.2, -4.8], [8.0, 1.0],
     [-8.7, -0.4], [-5.8, -3.1]],
    [[-0.1, 2.9], [-8.4, -7.0], [-4.8, 5.0], [5.6, 1.6], [2.2, -3.0], [-5.9, 2.4], [3.8, -0.4],
     [-9.9, 1.3], [0.6, -3.8]],
    [[1.3, 8.3], [-9.5, 4.5], [0.0, -5.6], [1.2, -4.3], [-1.1, -15.0], [3.6, -1.5], [-1.1, -2.2]],
]


@pytest.mark.parametrize("points", SMALL_SETS)
def test_kmeans_reaches_the_brute_force_optimum_on_small_sets(points):
    x = np.array(points)
    res = cu.kmeans(x, 3, scale=False, seed=0)
    assert res.inertia == pytest.approx(_brute_force_inertia(x, 3), rel=1e-12)
    assert res.sizes.sum() == len(x) and (res.sizes > 0).all()


def test_kmeans_is_never_worse_than_scipy_with_the_same_restarts():
    vq = pytest.importorskip("scipy.cluster.vq")
    for seed in range(40):
        rng = np.random.default_rng(seed)
        k, n = int(rng.integers(3, 6)), int(rng.integers(30, 80))
        centres = rng.normal(scale=3, size=(k + 1, 2))
        x = centres[rng.integers(0, k + 1, size=n)] + rng.normal(size=(n, 2))
        scipy_best = np.inf
        for s in range(10):
            c, lab = vq.kmeans2(x, k, minit="++", seed=s, iter=300)
            scipy_best = min(scipy_best, sum(((x[lab == j] - c[j]) ** 2).sum() for j in range(k)))
        ours = cu.kmeans(x, k, scale=False, seed=0, n_init=10)
        assert ours.inertia <= scipy_best * (1 + 1e-9), seed
        # the reported inertia is the within-cluster sum of squares of the reported clusters
        assert ours.inertia == pytest.approx(sum(((x[ours.labels == j] - ours.centers[j]) ** 2).sum()
                                                 for j in range(k)))


def test_kmeans_refuses_more_clusters_than_distinct_rows():
    x = [[0, 0], [0, 0], [1, 1], [1, 1], [2, 2]]
    with pytest.raises(CustomerDataError, match="k = 4 clusters but only 3 distinct rows"):
        cu.kmeans(x, 4)
    res = cu.kmeans(x, 3)
    assert sorted(res.sizes.tolist()) == [1, 2, 2] and res.inertia == 0


def test_an_empty_cluster_is_reseeded_from_the_farthest_point():
    z = np.array([[0.0], [1.0], [10.0], [12.5]])
    # the centre at 100 wins no point; the point farthest from its centre (12.5, 1.5 from 11)
    # is moved into the empty cluster instead of leaving it empty
    labels, centers, _, ok = cu._lloyd(z, np.array([[0.5], [100.0], [11.0]]), 100)
    assert ok and labels.tolist() == [0, 0, 2, 1]
    assert centers[:, 0].tolist() == [0.5, 12.5, 10.0]


@pytest.mark.parametrize("bad_k", [0, 2.5, True, 7])
def test_kmeans_bad_k(bad_k):
    with pytest.raises(CustomerDataError, match="k = "):
        cu.kmeans([[0], [1], [2], [3], [4], [5]], bad_k)


@pytest.mark.parametrize("values", [[1, 1, 1], [1] * 7, [5, 2, 2, 1, 1], [3, 3, 1]])
def test_abc_cumulative_share_ends_at_exactly_100(values):
    # cumulative value / total, not a running sum of rounded shares (99.99999999999997 for 7 × 1)
    res = cu.abc_classes(dict(enumerate(values)))
    assert res["cumulative_pct"].iloc[-1] == 100.0
    assert res["share_pct"].iloc[0] == 100 * max(values) / sum(values)


def test_non_numeric_inputs_are_customer_errors():
    with pytest.raises(CustomerDataError, match="CLV"):
        cu.clv("lots", 0.8, 0.1)
    with pytest.raises(CustomerDataError, match="rectangular"):
        cu.kmeans([[1, 2], [3]], 1)


def test_missing_customer_ids_are_refused_not_dropped():
    orders = pd.DataFrame({"customer": ["a", None, "b"], "date": ["2026-01-01", "2026-01-02", "2026-01-03"],
                           "amount": [1, 2, 3]})
    with pytest.raises(CustomerDataError, match="row 2, column 'customer': missing customer"):
        cu.rfm_from_orders(orders)
    with pytest.raises(CustomerDataError, match="row 2, column 'customer': missing customer"):
        cu.churn_flags(orders)


@pytest.mark.parametrize("kwargs", [{"high": np.nan, "medium": 1}, {"high": 5, "medium": np.inf},
                                    {"shares": (-10, 50)}, {"shares": (60, 50)}, {"shares": (np.nan, 10)}])
def test_value_tier_settings_are_checked(kwargs):
    with pytest.raises(CustomerDataError, match="value tiers|value-tier shares"):
        cu.value_tiers([1, 2, 3], **kwargs)

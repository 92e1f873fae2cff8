"""AHP, TOPSIS and weighted sum against the published examples in domain.md §4."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from app.engines.mcda import (
    CR_LIMIT, METHOD_COLUMN_AVERAGE, METHOD_EIGENVECTOR, SAATY_1980_RI, InconsistentJudgementsError,
    McdaInputError, ahp_weights, ahp_weights_approx, topsis, topsis_detail, weighted_sum,
)

# Saaty's "which drink is consumed more in the U.S." matrix (Saaty 1980; Saaty 1990, EJOR 48).
DRINKS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]
DRINK_WEIGHTS = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]

TOPSIS_X = [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]]
TOPSIS_W = [0.4, 0.3, 0.1, 0.2]
TOPSIS_C = [0.387, 0.327, 0.391, 0.615, 0.868, 0.493]


def test_ri_table_is_saaty_1980():
    assert SAATY_1980_RI == (0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)


def test_ahp_drinks_example():
    result = ahp_weights(DRINKS)
    assert np.round(result.weights, 3).tolist() == DRINK_WEIGHTS
    assert round(result.cr, 3) == 0.022
    assert result.method == METHOD_EIGENVECTOR and result.ri == 1.32
    weights, lambda_max, ci, cr = result  # the documented unpacking
    assert lambda_max == pytest.approx(7 + 6 * ci)
    assert result["cr"] == cr and cr == pytest.approx(ci / 1.32)


def test_ahp_approximation_is_labelled_and_close():
    approx = ahp_weights_approx(DRINKS)
    assert approx.method == METHOD_COLUMN_AVERAGE
    assert np.allclose(approx.weights, DRINK_WEIGHTS, atol=0.003)
    assert approx.cr < CR_LIMIT


def test_ahp_refuses_inconsistent_judgements_and_shows_cr():
    bad = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    with pytest.raises(InconsistentJudgementsError) as info:
        ahp_weights(bad)
    assert info.value.cr >= 0.10
    assert f"{info.value.cr:.3f}" in str(info.value)
    assert ahp_weights(bad, refuse_inconsistent=False).cr == info.value.cr


@pytest.mark.parametrize("matrix", [
    [[1, 2], [2, 1]],          # not reciprocal
    [[1, -2], [-0.5, 1]],      # negative
    [[1, 2, 3], [0.5, 1, 2]],  # not square
    [[2, 1], [1, 2]],          # diagonal
])
def test_ahp_bad_matrices_raise_clear_errors(matrix):
    with pytest.raises(McdaInputError):
        ahp_weights(matrix)


def test_two_criteria_are_always_consistent():
    r = ahp_weights([[1, 3], [1 / 3, 1]])
    assert r.cr == 0 and np.allclose(r.weights, [0.75, 0.25])


@st.composite
def consistent_matrix(draw):
    n = draw(st.integers(2, 8))
    v = np.array(draw(st.lists(st.floats(0.1, 10), min_size=n, max_size=n)))
    noise = draw(st.lists(st.floats(0.9, 1.1), min_size=n * n, max_size=n * n))
    a = np.outer(v, 1 / v)
    e = np.array(noise).reshape(n, n)
    e = np.triu(e, 1)
    e = e + np.tril(np.where(e.T > 0, 1 / np.where(e.T > 0, e.T, 1), 0), -1) + np.eye(n)
    return a * e, v / v.sum()


@settings(max_examples=60, deadline=None)
@given(consistent_matrix())
def test_ahp_weights_sum_to_one_and_recover_ratio_scale(case):
    a, truth = case
    r = ahp_weights(a, refuse_inconsistent=False)
    assert r.weights.sum() == pytest.approx(1.0)
    assert np.all(r.weights > 0)
    assert r.lambda_max >= len(truth) - 1e-9  # lambda_max >= n for positive reciprocal matrices
    assert np.allclose(r.weights, truth, atol=0.08)


def test_topsis_published_example():
    c = topsis(TOPSIS_X, TOPSIS_W, [True] * 4)
    assert np.round(c, 3).tolist() == TOPSIS_C


def test_topsis_cost_criterion_reverses_preference():
    x = [[1.0, 10], [2.0, 10]]
    assert topsis(x, [1, 0], [True, True])[1] > topsis(x, [1, 0], [True, True])[0]
    assert topsis(x, [1, 0], [False, True])[0] > topsis(x, [1, 0], [False, True])[1]
    d = topsis_detail(x, [1, 0], [False, True])
    assert d.ideal[0] < d.anti_ideal[0]


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 6), st.integers(1, 5), st.data())
def test_topsis_and_weighted_sum_stay_in_unit_range(n, m, data):
    x = np.array(data.draw(st.lists(st.floats(0.01, 1000), min_size=n * m, max_size=n * m))).reshape(n, m)
    w = data.draw(st.lists(st.floats(0.01, 1), min_size=m, max_size=m))
    b = data.draw(st.lists(st.booleans(), min_size=m, max_size=m))
    c = topsis(x, w, b)
    s = weighted_sum(x, w, b)
    assert np.all((c >= -1e-12) & (c <= 1 + 1e-12))
    assert np.all((s >= -1e-12) & (s <= 1 + 1e-12))


def test_weighted_sum_ranks_dominant_alternative_first():
    s = weighted_sum(TOPSIS_X, TOPSIS_W, True)
    assert int(np.argmax(s)) == 4
    with pytest.raises(McdaInputError):
        weighted_sum(TOPSIS_X, [1, 1], True)


# --- criterion directions: never read with truthiness (bool(-1) and bool("min") are True) -------
BENEFIT_SPELLINGS = [True, 1, 1.0, np.True_, np.int64(1), "max", "MAX", " benefit ", "Benefit"]
COST_SPELLINGS = [False, -1, -1.0, np.False_, np.int8(-1), "min", "Min", "cost", " COST"]


@pytest.mark.parametrize("method", [topsis, weighted_sum])
def test_pymcdm_and_r_cost_spellings_are_costs(method):
    canonical = method(TOPSIS_X, TOPSIS_W, [True, False, True, False])
    for spelling in ([1, -1, 1, -1], ["max", "min", "max", "min"], np.array([1, -1, 1, -1]),
                     ["benefit", "cost", "benefit", "cost"], np.array([1.0, -1.0, 1.0, -1.0])):
        assert np.array_equal(method(TOPSIS_X, TOPSIS_W, spelling), canonical), spelling
    # and the cost criteria really are costs: not the all-benefit answer
    assert not np.allclose(canonical, method(TOPSIS_X, TOPSIS_W, [True] * 4))


def test_a_single_direction_applies_to_every_criterion():
    assert np.array_equal(topsis(TOPSIS_X, TOPSIS_W, "min"), topsis(TOPSIS_X, TOPSIS_W, [False] * 4))
    assert np.array_equal(weighted_sum(TOPSIS_X, TOPSIS_W, -1), weighted_sum(TOPSIS_X, TOPSIS_W, False))


@pytest.mark.parametrize("method", [topsis, topsis_detail, weighted_sum])
@pytest.mark.parametrize("bad", [0, 2, -2, 0.5, "maybe", "", None, float("nan"), "1", [1]])
def test_invalid_direction_is_refused_naming_the_criterion(method, bad):
    flags = [True, True, bad, True]
    with pytest.raises(McdaInputError, match=r"criterion 3 \(index 2\): direction .* is not one of "
                                             r"True/False, 1/-1, 'max'/'min' or 'benefit'/'cost'"):
        method(TOPSIS_X, TOPSIS_W, flags)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.booleans(), min_size=4, max_size=4), st.data())
def test_any_direction_spelling_gives_the_canonical_result(canonical, data):
    spelled = [data.draw(st.sampled_from(BENEFIT_SPELLINGS if b else COST_SPELLINGS)) for b in canonical]
    for method in (topsis, weighted_sum):
        assert np.array_equal(method(TOPSIS_X, TOPSIS_W, spelled), method(TOPSIS_X, TOPSIS_W, canonical))


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 3), st.one_of(
    st.integers().filter(lambda v: v not in (1, -1)),
    st.floats().filter(lambda v: v not in (1.0, -1.0)),
    st.text().filter(lambda s: s.strip().lower() not in ("max", "min", "benefit", "cost")),
    st.none()))
def test_invalid_flag_never_silently_becomes_benefit(position, bad):
    flags = [True, False, True, False]
    flags[position] = bad
    for method in (topsis, weighted_sum):
        with pytest.raises(McdaInputError, match=f"criterion {position + 1} "):
            method(TOPSIS_X, TOPSIS_W, flags)

"""Fuzzy comprehensive evaluation: the published course exercise and operator properties."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from app.engines.fuzzy import (
    OPERATORS, FuzzyInputError, compose, max_membership, normalise, ridge_membership, two_level,
    weighted_score,
)

A = [0.2, 0.2, 0.2, 0.4]
R = [[0, .1, .2, .3, .4], [.1, .1, .4, .2, .2], [0, .1, .2, .6, .1], [0, .2, .5, .3, 0]]


def test_course_exercise_min_max():
    b = compose(A, R, "min-max")
    assert np.round(b, 1).tolist() == [0.1, 0.2, 0.4, 0.3, 0.2]
    assert int(max_membership(b)) + 1 == 3  # grade 3, 1-based as published


def test_other_operators_by_hand():
    a, r = np.array(A), np.array(R)
    assert np.allclose(compose(A, R, "product-max"), (a[:, None] * r).max(axis=0))
    assert np.allclose(compose(A, R, "product-sum"), [0.02, 0.14, 0.36, 0.34, 0.14])
    # M(∧,⊕): column sums of min(a_i, r_ij), bounded by 1
    assert np.allclose(compose(A, R, "min-sum"), [0.1, 0.5, 1.0, 0.9, 0.5])


def test_unknown_operator_and_bad_shapes():
    with pytest.raises(FuzzyInputError):
        compose(A, R, "max-min")
    with pytest.raises(FuzzyInputError):
        compose([0.5, 0.5], R, "min-max")
    with pytest.raises(FuzzyInputError):
        compose(A, np.array(R) * 2, "min-max")


def test_vectorised_over_suppliers_matches_loop():
    rng = np.random.default_rng(0)
    w = rng.dirichlet(np.ones(4), size=50)
    r = rng.random((50, 4, 5))
    for op in OPERATORS:
        batch = compose(w, r, op)
        assert np.allclose(batch, [compose(w[i], r[i], op) for i in range(50)])


def test_weighted_score_and_max_membership():
    b = np.array([[0.5, 0.5, 0, 0], [0, 0, 0, 0]])
    s = weighted_score(b, [95, 85, 75, 60])
    assert s[0] == pytest.approx(90) and np.isnan(s[1])
    assert max_membership(b).tolist() == [0, -1]


def test_two_level_stacks_normalised_groups():
    upper = two_level([0.6, 0.4], [([0.5, 0.5], [[1, 0, 0], [0, 1, 0]]), ([1.0], [[0, 0, 1]])], "product-sum")
    assert np.allclose(upper, [0.3, 0.3, 0.4])


def test_ridge_membership_splits_between_centres():
    m = ridge_membership([100, 90, 85, 70, 50, np.nan], [95, 85, 75, 60])
    assert np.allclose(m[0], [1, 0, 0, 0])
    assert np.allclose(m[1], [0.5, 0.5, 0, 0])
    assert np.allclose(m[2], [0, 1, 0, 0])
    assert np.allclose(m[3], [0, 0, 2 / 3, 1 / 3])
    assert np.allclose(m[4], [0, 0, 0, 1])
    assert np.allclose(m[5], 0)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6), st.integers(2, 6), st.data())
def test_composition_bounds(m, k, data):
    w = np.array(data.draw(st.lists(st.floats(0, 1), min_size=m, max_size=m)))
    r = np.array(data.draw(st.lists(st.floats(0, 1), min_size=m * k, max_size=m * k))).reshape(m, k)
    if w.sum() == 0:
        return
    for op in OPERATORS:
        b = compose(w, r, op, normalise_weights=True)
        assert np.all((b >= 0) & (b <= 1 + 1e-12))
        assert np.allclose(b, compose(w / w.sum(), r, op), atol=1e-12)
    nb = normalise(compose(w, r, "product-sum", normalise_weights=True))
    assert nb.sum() == pytest.approx(1.0) or nb.sum() == 0


# --- bad input is refused with FuzzyInputError, never composed or left to numpy ----------------
@settings(max_examples=80, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.booleans(), st.data(),
       st.sampled_from([np.nan, np.inf, -np.inf]), st.sampled_from(OPERATORS))
def test_nan_or_inf_anywhere_in_fuzzy_inputs_raises(m, k, in_weights, data, bad, op):
    w = np.full(m, 1 / m)
    r = np.full((m, k), 0.5)
    if in_weights:
        w[data.draw(st.integers(0, m - 1))] = bad
        where = "weights"
    else:
        r[data.draw(st.integers(0, m - 1)), data.draw(st.integers(0, k - 1))] = bad
        where = "membership"
    with pytest.raises(FuzzyInputError, match=where):
        compose(w, r, op)
    with pytest.raises(FuzzyInputError, match=where):
        compose(w, r, op, normalise_weights=True)


def test_nan_membership_does_not_become_no_evidence():
    with pytest.raises(FuzzyInputError, match=r"membership R\[0, 1\] is nan"):
        compose([0.5, 0.5], [[0.1, np.nan], [0.3, 0.4]], "min-max")
    with pytest.raises(FuzzyInputError, match=r"B\[1\] is nan"):
        max_membership([0.2, np.nan, 0.1])
    with pytest.raises(FuzzyInputError, match=r"B\[1\] is nan"):
        weighted_score([0.2, np.nan, 0.1], [90, 80, 70])
    with pytest.raises(FuzzyInputError, match="grade scores"):
        weighted_score([0.2, 0.3, 0.5], [90, np.nan, 70])


@pytest.mark.parametrize("op", OPERATORS)
@pytest.mark.parametrize("w, r, message", [
    ([], np.zeros((0, 3)), "no indicators"),
    ([1.0], np.zeros((1, 0)), "no grades"),
    ([0.5, 0.5], [[0.1, 0.2], [0.3]], "rectangular"),
    ([0.5, "x"], [[0.1, 0.2], [0.3, 0.4]], "numbers"),
    (np.full((3, 2), 0.5), np.full((5, 2, 4), 0.5), "3 weight rows .* 5"),
    ([0.5, 0.5], [0.1, 0.2], "indicators × grades"),
    ([0.5, 0.5], [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "3 indicators in R need 3 weights, got 2"),
    ([1.2, -0.2], [[0.1, 0.2], [0.3, 0.4]], "weight 2 .* is negative"),
    ([0.5, 0.5], [[0.1, 1.2], [0.3, 0.4]], r"membership R\[0, 1\] = 1.2 is outside \[0, 1\]"),
    ([0.5, 0.5], [[0.1, -0.2], [0.3, 0.4]], r"outside \[0, 1\]"),
    ([0.2, 0.2, 0.2, 0.3], R, r"sum to 0.9, not 1"),
    ([0, 0, 0, 0], R, r"sum to 0, not 1"),
])
def test_unusable_inputs_are_refused(op, w, r, message):
    with pytest.raises(FuzzyInputError, match=message):
        compose(w, r, op)


def test_weights_not_summing_to_one_only_with_normalise_weights():
    a = np.array([1, 1, 1, 2])                       # the course exercise, in raw points
    for op in OPERATORS:
        assert np.array_equal(compose(a, R, op, normalise_weights=True), compose(a / 5, R, op))
    with pytest.raises(FuzzyInputError, match=r"weights row 2 sum to 2, not 1"):
        compose([[0.5, 0.5], [1.0, 1.0]], [[0.1, 0.2], [0.3, 0.4]])
    with pytest.raises(FuzzyInputError, match="sum to 0"):
        compose([0, 0], [[0.1, 0.2], [0.3, 0.4]], normalise_weights=True)
    # within the documented tolerance is fine
    assert compose([0.1] * 10, np.full((10, 2), 0.5)).tolist() == pytest.approx([0.5, 0.5])


def test_zero_weight_rows_only_when_allowed():
    # the evaluation engine passes all-zero rows for suppliers with no score: B = 0, no evidence
    w = np.array([[0.5, 0.5], [0.0, 0.0]])
    b = compose(w, np.full((2, 2, 3), 0.5), "product-sum", allow_zero_rows=True)
    assert b[1].tolist() == [0, 0, 0] and max_membership(b)[1] == -1


def test_ridge_membership_refuses_bad_centres_and_infinite_scores():
    with pytest.raises(FuzzyInputError, match="descending"):
        ridge_membership([90], [95, np.nan, 75])
    with pytest.raises(FuzzyInputError, match="infinite"):
        ridge_membership([90, np.inf], [95, 85, 75])


def test_two_level_names_the_bad_group():
    with pytest.raises(FuzzyInputError, match=r"group 2: .*membership R\[0, 0\] is nan"):
        two_level([0.5, 0.5], [([1.0], [[0.2, 0.8]]), ([1.0], [[np.nan, 0.8]])])
    with pytest.raises(FuzzyInputError, match="same grades"):
        two_level([0.5, 0.5], [([1.0], [[0.2, 0.8]]), ([1.0], [[0.1, 0.1, 0.8]])])
    assert np.allclose(two_level([3, 2], [([1, 1], [[1, 0, 0], [0, 1, 0]]), ([4], [[0, 0, 1]])],
                                 normalise_weights=True), [0.3, 0.3, 0.4])

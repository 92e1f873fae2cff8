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
    for op in OPERATORS:
        b = compose(w, r, op)
        assert np.all((b >= 0) & (b <= 1 + 1e-12))
    nb = normalise(compose(w, r, "product-sum"))
    assert nb.sum() == pytest.approx(1.0) or nb.sum() == 0

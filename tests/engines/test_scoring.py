"""Scoring methods, missing-indicator policies, traces and invariants."""

import json

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from app.engines.indicators import INDICATORS, SupplierCounts
from app.engines.scoring import (
    COMPLETE, NO_SCORE, RENORMALISED, DemeritRule, EvaluationScheme, FuzzyRule, IndicatorRule,
    SchemeError, evaluate,
)


def counts(**kw):
    n = len(next(iter(kw.values()))) if kw else 1
    c = SupplierCounts.zeros(np.arange(1, n + 1))
    for k, v in kw.items():
        getattr(c, k)[:] = v
    return c


def full_counts():
    """One supplier with every indicator present and perfect except PPM 1000."""
    return counts(lots_inspected=[10], lots_accepted=[10], units_received=[10000], defective_units=[10],
                  deliveries=[10], deliveries_on_time=[10], qty_ordered=[100], qty_fulfilled=[100],
                  cars_due=[2], cars_answered_on_time=[2], amount_actual=[100], amount_standard=[100])


def test_band_interpolation_by_hand():
    rule = IndicatorRule("lot_pass_rate", 1, ((0.8, 0), (0.9, 60), (1.0, 100)))
    assert rule.score(np.array([0.7, 0.85, 0.95, 1.0, np.nan]))[:4] == pytest.approx([0, 30, 80, 100])
    assert np.isnan(rule.score(np.array([np.nan]))[0])


def test_weighted_score_by_hand():
    r = evaluate(full_counts(), EvaluationScheme())
    # PPM 1000 -> 85 by the default bands, price at standard -> 90, the rest 100.
    expected = 0.2 * 100 + 0.2 * 85 + 0.2 * 100 + 0.1 * 100 + 0.15 * 100 + 0.15 * 90
    assert r.scores[0] == pytest.approx(expected)
    assert r.treatment[0] == COMPLETE
    t = r.trace(0)
    assert t["indicators"]["ppm"]["value"] == 1000 and t["indicators"]["ppm"]["score"] == 85
    assert sum(i["contribution"] for i in t["indicators"].values()) == pytest.approx(expected)
    assert t["method"] == "weighted" and t["version"] == 1
    json.dumps(t)  # the trace is stored as JSON


def test_missing_is_renormalised_not_100():
    c = full_counts()
    c.cars_due[:] = 0
    c.cars_answered_on_time[:] = 0  # no corrective-action request: service missing
    r = evaluate(c, EvaluationScheme())
    w = r.weights[0]
    assert w.sum() == pytest.approx(1.0)
    assert w[list(INDICATORS).index("service")] == 0
    assert r.treatment[0] == RENORMALISED
    present = 0.2 * 100 + 0.2 * 85 + 0.2 * 100 + 0.1 * 100 + 0.15 * 90
    assert r.scores[0] == pytest.approx(present / 0.85)
    assert r.missing_keys(0) == ["service"]


def test_missing_policy_no_score():
    c = full_counts()
    c.cars_due[:] = 0
    c.cars_answered_on_time[:] = 0
    r = evaluate(c, EvaluationScheme(missing_policy="no_score"))
    assert np.isnan(r.scores[0]) and r.treatment[0] == NO_SCORE


def test_period_without_deliveries_has_no_score():
    c = counts(lots_inspected=[3], lots_accepted=[3], units_received=[300])
    for method in ("weighted", "fuzzy"):
        r = evaluate(c, EvaluationScheme(method=method))
        assert np.isnan(r.scores[0]) and r.treatment[0] == NO_SCORE
    empty = evaluate(counts(deliveries=[0]), EvaluationScheme(method="demerit"))
    assert np.isnan(empty.scores[0])


def test_demerit_by_hand_with_floor():
    c = counts(lots_inspected=[5, 5], lots_accepted=[4, 0], critical_defects=[1, 20], major_defects=[2, 0],
               minor_defects=[3, 0], deliveries=[4, 4], deliveries_on_time=[3, 4])
    rule = DemeritRule(full_score=100, floor=10, points={"critical_defects": 10, "major_defects": 5,
                                                          "minor_defects": 1, "rejected_lots": 4,
                                                          "late_deliveries": 2})
    r = evaluate(c, EvaluationScheme(method="demerit", demerit=rule))
    assert r.scores[0] == 100 - (10 + 10 + 3 + 4 + 2)
    assert r.scores[1] == 10  # the floor
    assert r.trace(0)["demerit"]["classes"]["rejected_lots"] == {"count": 1.0, "points": 4}


def test_fuzzy_method_perfect_and_trace():
    c = full_counts()
    r = evaluate(c, EvaluationScheme(method="fuzzy"))
    t = r.trace(0)
    assert t["fuzzy"]["max_membership_grade"] == "A"
    assert sum(t["fuzzy"]["membership"]) == pytest.approx(1.0)
    assert 85 <= r.scores[0] <= 95
    one = evaluate(c, EvaluationScheme(method="fuzzy", fuzzy=FuzzyRule(two_level=False)))
    assert one.scores[0] == pytest.approx(r.scores[0], abs=3)


def test_scheme_json_round_trip_and_validation():
    s = EvaluationScheme(name="q", version=3, method="fuzzy", missing_policy="no_score")
    assert EvaluationScheme.from_json(s.to_json()) == s
    with pytest.raises(SchemeError):
        EvaluationScheme(method="guess")
    with pytest.raises(SchemeError):
        IndicatorRule("ppm", 1, ((0, 100), (0, 90)))
    with pytest.raises(SchemeError):
        IndicatorRule("colour", 1, ((0, 100), (1, 90)))
    with pytest.raises(SchemeError):
        EvaluationScheme.from_dict({"thresholds": {"a": 70, "b": 80, "c": 60}})


# ---- invariants -----------------------------------------------------------------------------

def random_counts(data, n):
    ints = st.integers(0, 50)
    lots = np.array(data.draw(st.lists(ints, min_size=n, max_size=n)), float)
    acc = np.floor(lots * np.array(data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))))
    dl = np.array(data.draw(st.lists(ints, min_size=n, max_size=n)), float)
    ontime = np.floor(dl * np.array(data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))))
    units = lots * 100
    defects = np.floor(units * np.array(data.draw(st.lists(st.floats(0, 0.05), min_size=n, max_size=n))))
    ordered = dl * 10
    fulfilled = np.floor(ordered * np.array(data.draw(st.lists(st.floats(0.5, 1), min_size=n, max_size=n))))
    cars = np.array(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), float)
    return counts(lots_inspected=lots, lots_accepted=acc, units_received=units, defective_units=defects,
                  critical_defects=np.floor(defects / 10), major_defects=np.floor(defects / 3), minor_defects=defects,
                  deliveries=dl, deliveries_on_time=ontime, qty_ordered=ordered, qty_fulfilled=fulfilled,
                  cars_due=cars, cars_answered_on_time=np.floor(cars / 2), amount_actual=dl * 9, amount_standard=dl * 9.5)


SCHEMES = [EvaluationScheme(), EvaluationScheme(method="demerit"), EvaluationScheme(method="fuzzy"),
           EvaluationScheme(missing_policy="no_score")]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_scores_in_range_and_weights_sum_to_one(data):
    c = random_counts(data, 8)
    for scheme in SCHEMES:
        r = evaluate(c, scheme)
        s = r.scores[np.isfinite(r.scores)]
        assert np.all((s >= 0) & (s <= 100 + 1e-9))
        if scheme.method != "demerit":
            scored = np.isfinite(r.scores)
            assert np.allclose(r.weights[scored].sum(axis=1), 1.0)
            assert np.all(r.weights[~scored] == 0)
        assert np.all(np.isnan(r.scores[c.deliveries == 0])) or scheme.method == "demerit"


@settings(max_examples=60, deadline=None)
@given(st.data(), st.integers(1, 500), st.integers(0, 5))
def test_more_defects_never_raise_a_score(data, extra_defects, extra_rejected):
    c = random_counts(data, 6)
    w = SupplierCounts(c.supplier_ids, **{f: getattr(c, f).copy() for f in SupplierCounts.COUNT_FIELDS})
    w.defective_units = np.minimum(w.units_received, w.defective_units + extra_defects)
    w.major_defects = w.major_defects + extra_defects
    w.lots_accepted = np.maximum(0, w.lots_accepted - extra_rejected)
    for scheme in SCHEMES:
        before, after = evaluate(c, scheme).scores, evaluate(w, scheme).scores
        both = np.isfinite(before) & np.isfinite(after)
        assert np.all(after[both] <= before[both] + 1e-9)
        assert np.array_equal(np.isfinite(before), np.isfinite(after))


def test_evaluation_engines_import_no_qt_or_database():
    import subprocess
    import sys

    code = ("import sys; import app.engines.mcda, app.engines.fuzzy, app.engines.indicators, "
            "app.engines.scoring, app.engines.grading; "
            "bad = [m for m in ('PySide6', 'sqlalchemy', 'app.models', 'app.views') if m in sys.modules]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("text, expected", [("false", False), ("no", False), (0, False), ("true", True), (1, True)])
def test_scheme_switches_are_not_read_with_truthiness(text, expected):
    # bool("false") is True: a scheme file saying "required": "false" must not make it required
    d = EvaluationScheme().to_dict()
    d["indicators"][0]["required"] = text
    d["fuzzy"]["two_level"] = text
    s = EvaluationScheme.from_dict(d)
    assert s.indicators[0].required is expected and s.fuzzy.two_level is expected


@pytest.mark.parametrize("bad", ["maybe", 2, -1, 0.5])
def test_scheme_switch_that_is_not_yes_or_no_is_refused(bad):
    d = EvaluationScheme().to_dict()
    d["indicators"][0]["required"] = bad
    with pytest.raises(SchemeError, match="required"):
        EvaluationScheme.from_dict(d)
    d = EvaluationScheme().to_dict()
    d["fuzzy"]["two_level"] = bad
    with pytest.raises(SchemeError, match="two_level"):
        EvaluationScheme.from_dict(d)


def test_customer_complaints_count_when_present_and_never_score_100():
    # two complaints traced to the supplier -> 50 by the default bands; weights renormalised over 1.1
    c = full_counts()
    c.customer_complaints[:] = [2]
    r = evaluate(c, EvaluationScheme())
    expected = (0.2 * 100 + 0.2 * 85 + 0.2 * 100 + 0.1 * 100 + 0.15 * 100 + 0.15 * 90 + 0.1 * 50) / 1.1
    assert r.scores[0] == pytest.approx(expected) and r.treatment[0] == COMPLETE
    assert r.trace(0)["indicators"]["customer_complaints"]["score"] == 50
    one = full_counts()
    one.customer_complaints[:] = [1]
    assert evaluate(one, EvaluationScheme()).trace(0)["indicators"]["customer_complaints"]["score"] == 70
    # none: missing, not reported as missing, the score is what it was without the indicator
    r0 = evaluate(full_counts(), EvaluationScheme())
    assert r0.trace(0)["indicators"]["customer_complaints"]["value"] is None and r0.missing_keys(0) == []
    # complaints alone (nothing delivered) give no score
    only = counts(customer_complaints=[3])
    assert evaluate(only, EvaluationScheme()).treatment[0] == NO_SCORE

"""Weighted CSI, indicator statistics, IPA quadrants and the t quantile, by hand."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines import satisfaction as sat
from app.engines.satisfaction import SurveyDataError

SURVEY = pd.DataFrame({
    "p1": [5, 4, 4, 3, 5, 4],   # mean 25/6
    "p2": [3, 3, 4, 2, 4, 2],   # mean 3
    "d1": [3, 2, 2, 1, 3, 1],   # mean 2
    "overall": [5, 4, 4, 2, 5, 3],
})
TREE = {"product": {"weight": 0.6, "children": {"p1": 2, "p2": 1}},
        "delivery": {"weight": 0.4, "children": ["d1"]}}


def test_direct_weights_by_hand():
    res = sat.weighted_csi(SURVEY, TREE, (1, 5))
    p1, p2, d1 = (25 / 6 - 1) / 4 * 100, (3 - 1) / 4 * 100, (2 - 1) / 4 * 100
    product = 2 / 3 * p1 + 1 / 3 * p2
    assert res.index == pytest.approx(0.6 * product + 0.4 * d1)
    assert res.nodes.loc["product", "index"] == pytest.approx(product)
    assert res.indicators.loc["p1", "global_weight"] == pytest.approx(0.6 * 2 / 3)
    assert res.indicators["global_weight"].sum() == pytest.approx(1)
    assert res.nodes.loc["product", "label"] == "产品"
    assert res.weight_method == "direct"


def test_same_answers_give_same_index_on_any_scale():
    # 1–5 answers mapped linearly onto 1–10 give the same 0–100 index
    ten = SURVEY.apply(lambda c: 1 + (c - 1) * 9 / 4)
    a = sat.weighted_csi(SURVEY, TREE, (1, 5)).index
    b = sat.weighted_csi(ten, TREE, (1, 10)).index
    assert a == pytest.approx(b)


def test_indicator_statistics_and_t_interval():
    st_ = sat.indicator_statistics(SURVEY, ["p1"], (1, 5))
    row = st_.loc["p1"]
    sd = np.std(SURVEY.p1, ddof=1)
    half = 2.570581835636314 * sd / math.sqrt(6)       # t(0.975, 5)
    assert row["n"] == 6 and row["mean"] == pytest.approx(25 / 6)
    assert row["sd"] == pytest.approx(sd)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((25 / 6 - half, 25 / 6 + half))
    assert row["index_high"] == pytest.approx((25 / 6 + half - 1) / 4 * 100)


def test_blank_answers_reduce_n():
    df = SURVEY.astype(object).copy()
    df.loc[2, "p1"] = None
    st_ = sat.indicator_statistics(df, ["p1"], (1, 5))
    assert st_.loc["p1", "n"] == 5 and st_.loc["p1", "mean"] == pytest.approx(21 / 5)


def test_t_quantile_matches_scipy():
    scipy_stats = pytest.importorskip("scipy.stats")
    for p in (0.9, 0.95, 0.975, 0.995):
        for df in (1, 2, 5, 29, 250):
            assert sat.t_quantile(p, df) == pytest.approx(scipy_stats.t.ppf(p, df), abs=1e-9)


def test_ahp_weights_from_the_mcda_engine():
    matrices = {"total": [[1, 3], [1 / 3, 1]], "product": [[1, 1], [1, 1]]}
    res = sat.weighted_csi(SURVEY, TREE, (1, 5), method="ahp", ahp_matrices=matrices)
    assert res.nodes.loc["product", "local_weight"] == pytest.approx(0.75)
    assert res.nodes.loc["p1", "local_weight"] == pytest.approx(0.5)
    assert res.consistency["total"]["cr"] == pytest.approx(0.0, abs=1e-12)


def test_ahp_through_a_callable():
    class Fake:
        weights, lambda_max, ci, cr = [0.2, 0.8], 2.0, 0.0, 0.0
    res = sat.weighted_csi(SURVEY, TREE, (1, 5), method="ahp",
                           ahp_matrices={"total": [[1]], "product": [[1]]}, ahp=lambda m: Fake)
    assert res.nodes.loc["delivery", "local_weight"] == pytest.approx(0.8)


def test_derived_weights_are_labelled_and_normalised():
    res = sat.weighted_csi(SURVEY, {"all": ["p1", "p2"]}, (1, 5), method="correlation", overall="overall")
    r1 = np.corrcoef(SURVEY.p1, SURVEY.overall)[0, 1]
    r2 = np.corrcoef(SURVEY.p2, SURVEY.overall)[0, 1]
    assert res.weight_method == "correlation"
    assert res.nodes.loc["p1", "local_weight"] == pytest.approx(r1 / (r1 + r2))
    with pytest.raises(SurveyDataError, match="overall-satisfaction column"):
        sat.weighted_csi(SURVEY, TREE, (1, 5), method="regression")


def test_node_methods_mix_direct_and_derived_weights_by_hand():
    """The top weighs its dimensions directly (0.6/0.4); "product" weighs p1 and p2 by their
    Pearson r with overall satisfaction (derived importance, Grisaffe 1993)."""
    res = sat.weighted_csi(SURVEY, TREE, (1, 5), overall="overall", node_methods={"product": "correlation"})
    r1 = np.corrcoef(SURVEY.p1, SURVEY.overall)[0, 1]
    r2 = np.corrcoef(SURVEY.p2, SURVEY.overall)[0, 1]
    p1, p2, d1 = (25 / 6 - 1) / 4 * 100, (3 - 1) / 4 * 100, (2 - 1) / 4 * 100
    product = (r1 * p1 + r2 * p2) / (r1 + r2)
    assert res.nodes.loc["p1", "local_weight"] == pytest.approx(r1 / (r1 + r2))
    assert res.nodes.loc["product", "local_weight"] == pytest.approx(0.6)      # given weight kept at the top
    assert res.index == pytest.approx(0.6 * product + 0.4 * d1)
    # every node on the global method gives the plain result; an unknown method is named
    same = sat.weighted_csi(SURVEY, TREE, (1, 5), node_methods={"product": "direct", "total": "direct"})
    assert same.index == pytest.approx(sat.weighted_csi(SURVEY, TREE, (1, 5)).index)
    with pytest.raises(SurveyDataError, match="overall-satisfaction column"):
        sat.weighted_csi(SURVEY, TREE, (1, 5), node_methods={"product": "regression"})
    with pytest.raises(SurveyDataError, match="unknown weight method 'guess'"):
        sat.weighted_csi(SURVEY, TREE, (1, 5), node_methods={"product": "guess"})


def test_negative_derived_weight_is_refused():
    df = SURVEY.assign(bad=6 - SURVEY.overall)
    with pytest.raises(SurveyDataError, match="'bad' is negative"):
        sat.weighted_csi(df, {"all": ["p1", "bad"]}, (1, 5), method="correlation", overall="overall")


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.__setitem__("p1", d["p1"].where(d.index != 3, "abc")), "row 4, column 'p1': 'abc'"),
    (lambda d: d.__setitem__("d1", d["d1"].where(d.index != 1, 6)), "row 2, column 'd1': 6 is outside"),
])
def test_bad_cells_are_named(edit, message):
    df = SURVEY.astype(object).copy()
    edit(df)
    with pytest.raises(SurveyDataError, match=message):
        sat.weighted_csi(df, TREE, (1, 5))


def test_bad_scale_and_duplicate_names():
    with pytest.raises(SurveyDataError, match="not a range"):
        sat.weighted_csi(SURVEY, TREE, (5, 1))
    with pytest.raises(SurveyDataError, match="'p1' twice"):
        sat.weighted_csi(SURVEY, {"p1": ["p1"]}, (1, 5))


def test_ipa_quadrants_and_stated_lines():
    res = sat.importance_performance({"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1},
                                     {"a": 50, "b": 80, "c": 40, "d": 90})
    assert res.importance_line == pytest.approx(0.25) and res.performance_line == pytest.approx(65)
    assert res.table["quadrant"].to_dict() == {
        "a": "concentrate here", "b": "keep up the good work",
        "c": "low priority", "d": "possible overkill"}
    assert "mean importance 0.25" in res.lines
    fixed = sat.importance_performance({"a": 0.4}, {"a": 50}, lines=(0.5, 50))
    assert fixed.table.loc["a", "quadrant"] == "possible overkill"   # on the line counts as high
    assert fixed.lines.startswith("fixed")


def test_ipa_from_survey_uses_index_as_performance():
    res = sat.ipa_from_survey(SURVEY, ["p1", "p2", "d1"], (1, 5), overall="overall")
    assert res.table.loc["d1", "performance"] == pytest.approx(25)
    assert res.table["importance"].sum() == pytest.approx(1)


@settings(max_examples=40, deadline=None)
@given(data=st.lists(st.tuples(*[st.integers(1, 7)] * 4), min_size=4, max_size=30),
       w=st.tuples(st.floats(0.01, 10), st.floats(0.01, 10)))
def test_index_stays_in_range_and_weights_sum_to_one(data, w):
    df = pd.DataFrame(data, columns=["a", "b", "c", "d"])
    tree = {"x": {"weight": w[0], "children": ["a", "b"]}, "y": {"weight": w[1], "children": ["c", "d"]}}
    res = sat.weighted_csi(df, tree, (1, 7))
    assert 0 <= res.index <= 100
    assert res.indicators["global_weight"].sum() == pytest.approx(1)
    lo, hi = res.indicators["index"].min(), res.indicators["index"].max()
    assert lo - 1e-9 <= res.index <= hi + 1e-9


def test_indicator_index_is_exact_from_the_answer_counts():
    # five answers 1, 1, 1, 2, 2 on 1–5: (7 − 5·1)/(5·4) · 100 = 10 exactly (was 9.999999999999998)
    df = pd.DataFrame({"q": [1, 1, 1, 2, 2]})
    assert sat.indicator_statistics(df, ["q"], (1, 5)).loc["q", "index"] == 10.0
    assert sat.weighted_csi(df, {"all": ["q"]}, (1, 5)).index == 10.0
    assert sat.to_index(3, (1, 7)) == 100 * 2 / 6


@given(st.lists(st.integers(1, 7), min_size=1, max_size=40))
def test_indicator_index_equals_the_exact_fraction(answers):
    from fractions import Fraction
    df = pd.DataFrame({"q": answers})
    exact = float(Fraction(100 * (sum(answers) - len(answers)), 6 * len(answers)))
    assert sat.indicator_statistics(df, ["q"], (1, 7)).loc["q", "index"] == exact


@pytest.mark.parametrize("scale", [(), (1,), "15", {}, (1, "x"), [[1], [5]]])
def test_malformed_scale_is_a_survey_error(scale):
    with pytest.raises(SurveyDataError, match="scale"):
        sat.check_scale(scale)
    with pytest.raises(SurveyDataError, match="scale"):
        sat.weighted_csi(SURVEY, TREE, scale)


def test_bad_confidence_and_empty_columns_are_survey_errors():
    for level in (0, 1, 95, float("nan")):
        with pytest.raises(SurveyDataError, match="confidence level"):
            sat.indicator_statistics(SURVEY, ["p1"], (1, 5), confidence=level)
    with pytest.raises(SurveyDataError, match="no indicator columns"):
        sat.ipa_from_survey(SURVEY, [], (1, 5), importance={})
    with pytest.raises(SurveyDataError, match="must map each indicator to a number"):
        sat.importance_performance({"a": "high"}, {"a": 50})


def test_scale_inference_on_odd_input():
    assert sat.infer_scale(4) == (1.0, 5.0)
    assert sat.infer_scale([0, 3, 7]) == (0.0, 7.0)
    with pytest.raises(SurveyDataError, match="no answers"):
        sat.infer_scale([np.nan])
    with pytest.raises(SurveyDataError, match="must be numbers"):
        sat.infer_scale(["a"])
    with pytest.raises(ValueError, match="degrees of freedom"):
        sat.t_quantile(0.975, 0)


@pytest.mark.parametrize("lines", [(float("nan"), 50), (0.5, float("inf")), ("a", "b"), (1,)])
def test_ipa_fixed_lines_must_be_finite_numbers(lines):
    # a NaN line made every comparison False: every indicator 'low', silently
    with pytest.raises(SurveyDataError, match="quadrant lines"):
        sat.importance_performance({"a": 1, "b": 2}, {"a": 1, "b": 3}, lines=lines)

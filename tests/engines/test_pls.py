"""PLS path modelling: published SmartPLS ECSI/mobi numbers, an independent raw-data
implementation for the centroid and factorial schemes, the ACSI index by hand, bad input."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines import pls
from app.engines.satisfaction import SurveyDataError

MOBI = Path(__file__).resolve().parents[1] / "data" / "mobi.csv"  # copy of shared/data/mobi.csv

# domain.md §4: SmartPLS, path weighting scheme, standardised data, outer weights start at 1.
PUBLISHED_PATHS = {
    "Image->Expectation": 0.50491393, "Expectation->Quality": 0.55674896,
    "Expectation->Value": 0.04998839, "Quality->Value": 0.55830438,
    "Image->Satisfaction": 0.17873950, "Expectation->Satisfaction": 0.06252287,
    "Quality->Satisfaction": 0.51202394, "Value->Satisfaction": 0.19476510,
    "Satisfaction->Complaints": 0.52806625, "Image->Loyalty": 0.19575534,
    "Satisfaction->Loyalty": 0.48547762, "Complaints->Loyalty": 0.06692607,
}
PUBLISHED_WEIGHTS = {
    "CUEX1": .52118068, "CUEX2": .47367966, "CUEX3": .44563424,
    "CUSA1": .36486486, "CUSA2": .38315604, "CUSA3": .45096120,
    "CUSL1": .46066473, "CUSL2": .11426953, "CUSL3": .65431059,
    "IMAG1": .30131215, "IMAG2": .25969115, "IMAG3": .21792305, "IMAG4": .32850357,
    "IMAG5": .32468141, "PERV1": .47928245, "PERV2": .60405602, "CUSCO": 1.0,
}


@pytest.fixture(scope="module")
def mobi() -> pd.DataFrame:
    return pd.read_csv(MOBI, index_col=0)


@pytest.fixture(scope="module")
def ecsi_fit(mobi):
    return pls.pls_fit(mobi, "ecsi")


def test_ecsi_reproduces_published_smartpls_paths(ecsi_fit):
    assert ecsi_fit.converged
    for key, value in PUBLISHED_PATHS.items():
        assert ecsi_fit.paths[key] == pytest.approx(value, abs=1e-6), key
    assert set(ecsi_fit.paths) == set(PUBLISHED_PATHS)


def test_ecsi_reproduces_published_outer_weights(ecsi_fit):
    for col, value in PUBLISHED_WEIGHTS.items():
        assert ecsi_fit.outer_weights[col] == pytest.approx(value, abs=1e-6), col


def test_normalised_weights_give_unit_variance_scores(ecsi_fit):
    assert np.allclose(ecsi_fit.scores.std(ddof=1), 1.0)
    assert np.allclose(ecsi_fit.scores.mean(), 0.0, atol=1e-12)


def _naive_pls(x: np.ndarray, blocks: list[list[int]], adj: np.ndarray, scheme: str,
               tol: float = 1e-7, max_iter: int = 300):
    """Textbook PLS-PM on the raw data matrix (Tenenhaus et al. 2005, §3; R plspm get_weights):
    scores, covariances and the inner estimate are computed from n×L data, not from the
    correlation matrix the engine uses. SD with n here (the engine is divisor-free)."""
    n = x.shape[0]
    z = (x - x.mean(0)) / x.std(0)
    weights = [np.ones(len(b)) for b in blocks]

    def scores(ws):
        y = np.column_stack([z[:, b] @ w for b, w in zip(blocks, ws)])
        return y / y.std(0)

    neighbours = adj + adj.T
    for it in range(1, max_iter + 1):
        y = scores(weights)
        corr = np.corrcoef(y, rowvar=False)
        if scheme == "centroid":
            e = np.sign(corr) * neighbours
        else:
            e = corr * neighbours
        inner = y @ e
        new = []
        for j, b in enumerate(blocks):
            w = z[:, b].T @ inner[:, j] / n
            new.append(w / (z[:, b] @ w).std())
        change = sum(np.abs(a - b_).sum() for a, b_ in zip(new, weights))
        weights = new
        if change < tol:
            break
    y = scores(weights)
    paths = {}
    for k in range(adj.shape[0]):
        pred = np.flatnonzero(adj[:, k])
        if pred.size:
            beta, *_ = np.linalg.lstsq(y[:, pred], y[:, k], rcond=None)
            paths.update({(int(p), k): float(b) for p, b in zip(pred, beta)})
    return np.concatenate(weights), paths


@pytest.mark.parametrize("scheme", ["centroid", "factorial"])
def test_centroid_and_factorial_match_independent_computation(mobi, scheme):
    model = pls.load_model("ecsi")
    fit = pls.pls_fit(mobi, model, scheme=scheme)
    cols = model.indicators
    blocks, i = [], 0
    for b in model.blocks.values():
        blocks.append(list(range(i, i + len(b))))
        i += len(b)
    w, paths = _naive_pls(mobi[cols].to_numpy(float), blocks, model.adjacency(), scheme)
    assert np.allclose(fit.outer_weights[cols].to_numpy(), w, atol=1e-6)
    lvs = model.latent
    for (p, k), beta in paths.items():
        assert fit.path_matrix.loc[lvs[p], lvs[k]] == pytest.approx(beta, abs=1e-6)


def test_quality_measures_are_consistent(ecsi_fit):
    # loadings equal the own-block cross-loadings; AVE and CR by their definitions
    for lv, cols in ecsi_fit.model.blocks.items():
        lam = ecsi_fit.loadings[list(cols)].to_numpy()
        assert np.allclose(ecsi_fit.cross_loadings.loc[list(cols), lv], lam)
        assert ecsi_fit.ave[lv] == pytest.approx(np.mean(lam ** 2))
        s = lam.sum() ** 2
        assert ecsi_fit.composite_reliability[lv] == pytest.approx(s / (s + np.sum(1 - lam ** 2)))
    # R² = squared correlation between a latent score and its fitted value
    sc = ecsi_fit.scores
    fitted = sc[["Image", "Expectation", "Quality", "Value"]] @ \
        ecsi_fit.path_matrix.loc[["Image", "Expectation", "Quality", "Value"], "Satisfaction"]
    assert ecsi_fit.r2["Satisfaction"] == pytest.approx(np.corrcoef(fitted, sc["Satisfaction"])[0, 1] ** 2)
    assert 0 < ecsi_fit.gof < 1


def test_total_effects_add_indirect_paths(ecsi_fit):
    b = ecsi_fit.path_matrix
    # Expectation -> Satisfaction: direct + via Quality + via Value + via Quality -> Value
    expected = (b.loc["Expectation", "Satisfaction"]
                + b.loc["Expectation", "Quality"] * b.loc["Quality", "Satisfaction"]
                + b.loc["Expectation", "Value"] * b.loc["Value", "Satisfaction"]
                + b.loc["Expectation", "Quality"] * b.loc["Quality", "Value"] * b.loc["Value", "Satisfaction"])
    assert ecsi_fit.total_effects.loc["Expectation", "Satisfaction"] == pytest.approx(expected)
    assert ecsi_fit.total_effects.loc["Loyalty", "Image"] == 0


def test_index_by_hand_on_a_small_file():
    # 12 respondents, 1–5 scale; block A has two indicators, B one.
    df = pd.DataFrame({
        "a1": [1, 2, 3, 4, 5, 3, 4, 2, 5, 4, 3, 4],
        "a2": [2, 2, 3, 5, 4, 3, 5, 1, 5, 4, 2, 5],
        "b1": [1, 3, 3, 4, 5, 2, 4, 2, 4, 5, 3, 3],
    })
    fit = pls.pls_fit(df, {"blocks": {"A": ["a1", "a2"], "B": ["b1"]}, "paths": [["A", "B"]]},
                      scale=(1, 5))
    # one-indicator block: index = (mean − 1)/(5 − 1) × 100
    assert fit.index()["B"] == pytest.approx((df.b1.mean() - 1) / 4 * 100)
    # two indicators: unstandardised weights w/sd normalised to 1, weighted mean rescaled
    w = fit.outer_weights[["a1", "a2"]].to_numpy() / df[["a1", "a2"]].std(ddof=1).to_numpy()
    w = w / w.sum()
    by_hand = (w[0] * (df.a1.mean() - 1) / 4 + w[1] * (df.a2.mean() - 1) / 4) * 100
    assert fit.index()["A"] == pytest.approx(by_hand)
    # Written out: B has one indicator, so A's inner estimate is ±b1 and mode A gives
    # w_i ∝ cor(a_i, b1) after one step; unstandardised w_i/s_i, normalised; means 40/12, 41/12.
    r1, r2 = np.corrcoef(df.a1, df.b1)[0, 1], np.corrcoef(df.a2, df.b1)[0, 1]
    u1, u2 = r1 / df.a1.std(), r2 / df.a2.std()
    assert fit.outer_weights["a1"] / fit.outer_weights["a2"] == pytest.approx(r1 / r2)
    assert fit.index()["A"] == pytest.approx(
        100 * (u1 * (40 / 12 - 1) + u2 * (41 / 12 - 1)) / (4 * (u1 + u2)))


def test_ecsi_index_is_within_range(ecsi_fit):
    idx = ecsi_fit.index()
    assert set(idx) == set(ecsi_fit.model.blocks)
    assert all(0 <= v <= 100 for v in idx.values())
    # the built-in model declares the mobi questionnaire's 1–10 scale: nothing is inferred
    assert ecsi_fit.scale == (1.0, 10.0) and not ecsi_fit.scale_inferred
    assert ecsi_fit.scale_source == "model" and ecsi_fit.warnings == []


def test_negative_weight_refuses_index():
    rng = np.random.default_rng(3)
    f = rng.normal(size=60)
    df = pd.DataFrame({"x1": f + rng.normal(scale=.3, size=60), "x2": f + rng.normal(scale=.3, size=60),
                       "x3": -f + rng.normal(scale=.3, size=60), "y1": f + rng.normal(scale=.5, size=60)})
    df = df.round(1)
    fit = pls.pls_fit(df, {"blocks": {"X": ["x1", "x2", "x3"], "Y": ["y1"]}, "paths": [["X", "Y"]]},
                      scale=(-10, 10))
    assert fit.outer_weights["x3"] < 0
    with pytest.raises(pls.NegativeWeightError, match="block 'X'.*x3"):
        fit.index()
    out = fit.to_dict()
    assert out["index"]["X"] is None and "x3" in out["index_errors"]["X"]
    assert out["index"]["Y"] is not None


def test_non_converged_result_is_refused(mobi):
    with pytest.raises(pls.ConvergenceError, match="did not converge in 2 iterations"):
        pls.pls_fit(mobi, "ecsi", max_iter=2)
    res = pls.pls_fit(mobi, "ecsi", max_iter=2, allow_nonconverged=True)
    assert res.converged is False and res.iterations == 2


def test_builtin_models_are_valid_and_ccsi_has_the_documented_arrows(mobi):
    ccsi = pls.load_model("ccsi")
    assert len(ccsi.blocks) == 6
    assert set(ccsi.paths) == {
        ("BrandImage", "ExpectedQuality"), ("BrandImage", "Satisfaction"), ("BrandImage", "Loyalty"),
        ("ExpectedQuality", "PerceivedQuality"), ("ExpectedQuality", "PerceivedValue"),
        ("ExpectedQuality", "Satisfaction"), ("PerceivedQuality", "PerceivedValue"),
        ("PerceivedQuality", "Satisfaction"), ("PerceivedValue", "Satisfaction"),
        ("Satisfaction", "Loyalty"), ("BrandImage", "PerceivedQuality")}
    for name in pls.BUILTIN_MODELS:
        fit = pls.pls_fit(mobi, name)
        assert fit.converged and all(0 <= r <= 1 for r in fit.r2)


def test_builtin_model_takes_prefixed_columns(mobi):
    fewer = mobi.drop(columns=["IMAG5", "PERQ7"])
    fit = pls.pls_fit(fewer, "ccsi")
    assert fit.model.blocks["BrandImage"] == ("IMAG1", "IMAG2", "IMAG3", "IMAG4")


@pytest.mark.parametrize("spec, message", [
    ({"blocks": {"A": ["a"], "B": ["b"]}, "paths": [["A", "B"], ["B", "A"]]}, "cycle: A -> B -> A"),
    ({"blocks": {"A": ["a"], "B": ["b"], "C": ["c"]}, "paths": [["A", "B"]]}, "'C' is unreachable"),
    ({"blocks": {"A": ["a"], "B": ["b"]}, "paths": [["A", "Z"]]}, "'Z', which has no block"),
    ({"blocks": {"A": ["a"], "B": ["a"]}, "paths": [["A", "B"]]}, "column 'a' is in both"),
    ({"blocks": {"A": []}, "paths": []}, "non-empty list"),
    ({"paths": []}, "needs 'blocks'"),
])
def test_bad_models_are_refused(spec, message):
    with pytest.raises(pls.ModelError, match=message):
        pls.model_from_dict(spec)


def test_unknown_column_is_named(mobi):
    with pytest.raises(pls.ModelError, match="column 'NOPE'"):
        pls.pls_fit(mobi, {"blocks": {"A": ["NOPE"], "B": ["CUEX1"]}, "paths": [["A", "B"]]})


def _small():
    rng = np.random.default_rng(0)
    return pd.DataFrame(rng.integers(1, 8, size=(15, 3)), columns=["a1", "a2", "b1"]).astype(object)


SMALL = {"blocks": {"A": ["a1", "a2"], "B": ["b1"]}, "paths": [["A", "B"]]}


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.__setitem__("a2", d["a2"].where(d.index != 4, None)), "row 5, column 'a2': missing"),
    (lambda d: d.__setitem__("b1", d["b1"].where(d.index != 2, "x")), "row 3, column 'b1': 'x' is not a number"),
    (lambda d: d.__setitem__("a1", d["a1"].where(d.index != 0, 9)), "row 1, column 'a1': 9 is outside"),
    (lambda d: d.__setitem__("a1", 4), "column 'a1' is constant"),
])
def test_bad_cells_are_named(edit, message):
    df = _small()
    edit(df)
    with pytest.raises(SurveyDataError, match=message):
        pls.pls_fit(df, SMALL, scale=(1, 7))


def test_too_few_rows():
    with pytest.raises(SurveyDataError, match="too few rows: 5"):
        pls.pls_fit(_small().head(5), SMALL)


def test_bootstrap_is_seeded_and_sensible(mobi):
    a = pls.bootstrap(mobi, "ecsi", resamples=60, seed=7)
    b = pls.bootstrap(mobi, "ecsi", resamples=60, seed=7)
    pd.testing.assert_frame_equal(a.paths, b.paths)
    assert a.used + a.discarded == 60
    assert (a.paths["se"] > 0).all()
    assert (a.paths["lower"] <= a.paths["upper"]).all()
    assert a.paths.loc["Image->Expectation", "original"] == pytest.approx(PUBLISHED_PATHS["Image->Expectation"], abs=1e-6)
    assert a.paths.loc["Image->Expectation", "t"] == pytest.approx(
        a.paths.loc["Image->Expectation", "original"] / a.paths.loc["Image->Expectation", "se"])


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), scheme=st.sampled_from(pls.SCHEMES),
       factor=st.floats(0.1, 10), shift=st.floats(-5, 5))
def test_invariants_on_random_surveys(seed, scheme, factor, shift):
    rng = np.random.default_rng(seed)
    f = rng.normal(size=40)
    g = 0.6 * f + rng.normal(scale=.8, size=40)
    df = pd.DataFrame({"a1": f + rng.normal(scale=.5, size=40), "a2": f + rng.normal(scale=.5, size=40),
                       "b1": g + rng.normal(scale=.5, size=40), "b2": g + rng.normal(scale=.5, size=40),
                       "c1": g + f + rng.normal(size=40)})
    model = {"blocks": {"A": ["a1", "a2"], "B": ["b1", "b2"], "C": ["c1"]},
             "paths": [["A", "B"], ["A", "C"], ["B", "C"]]}
    fit = pls.pls_fit(df, model, scheme=scheme, scale=(-1000, 1000))
    assert fit.converged
    assert np.allclose(fit.scores.std(ddof=1), 1)
    assert ((fit.r2 >= -1e-12) & (fit.r2 <= 1 + 1e-12)).all()
    assert (fit.loadings.abs() <= 1 + 1e-12).all()
    # a positive affine change of one indicator's units changes nothing standardised
    moved = df.assign(a1=df.a1 * factor + shift)
    fit2 = pls.pls_fit(moved, model, scheme=scheme, scale=(-1000, 1000))
    assert np.allclose(fit2.path_matrix, fit.path_matrix, atol=1e-8)
    assert np.allclose(fit2.outer_weights, fit.outer_weights, atol=1e-8)


def test_bundled_mobi_copy_matches_the_shared_reference():
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "mobi.csv"
    if not shared.exists():
        pytest.skip("../shared is not beside this clone")
    assert MOBI.read_bytes() == shared.read_bytes()


# --- collinearity, degenerate blocks, orientation and the bootstrap's sign correction -----------
def _two_causes(b1):
    rng = np.random.default_rng(1)
    a1 = rng.integers(1, 8, size=60).astype(float)
    c1 = np.clip(a1 + rng.integers(-2, 3, size=60), 1, 7)
    return pd.DataFrame({"a1": a1, "b1": b1(a1, rng), "c1": c1})


TWO_CAUSES = {"blocks": {"A": ["a1"], "B": ["b1"], "C": ["c1"]}, "paths": [["A", "C"], ["B", "C"]]}


def test_collinear_predictors_raise_model_error_naming_them():
    df = _two_causes(lambda a, rng: 2 * a + 1)           # B is A in other units
    with pytest.raises(pls.ModelError, match=r"'A' and 'B' both predict 'C' but are collinear"):
        pls.pls_fit(df, TWO_CAUSES, scale=(1, 15))
    for scheme in pls.SCHEMES:                            # not only the path scheme's solve
        with pytest.raises(pls.ModelError, match="collinear"):
            pls.pls_fit(df, TWO_CAUSES, scheme=scheme, scale=(1, 15))


def test_near_collinear_predictors_warn_with_the_condition_number():
    df = _two_causes(lambda a, rng: a + rng.normal(scale=1e-3, size=a.size))
    fit = pls.pls_fit(df, TWO_CAUSES, scale=(0, 8))
    assert abs(fit.paths["A->C"]) > 10                    # the unstable numbers the user saw
    cond = fit.collinearity["C"]["condition_number"]
    assert cond > 1e4 and fit.collinearity["C"]["vif"]["A"] > 5
    assert len(fit.warnings) == 1
    assert "'C'" in fit.warnings[0] and "'A'" in fit.warnings[0] and "'B'" in fit.warnings[0]
    assert f"condition number {cond:.3g}" in fit.warnings[0]
    out = fit.to_dict()
    assert out["warnings"] == fit.warnings and out["collinearity"]["C"]["condition_number"] == cond


def test_published_model_has_no_collinearity_warning(ecsi_fit):
    assert not [w for w in ecsi_fit.warnings if "collinear" in w]
    assert ecsi_fit.collinearity["Satisfaction"]["condition_number"] == pytest.approx(11.0979, abs=1e-4)
    assert max(ecsi_fit.collinearity["Satisfaction"]["vif"].values()) < 5
    assert ecsi_fit.flipped == ()


def test_reverse_coded_copy_is_named_not_left_to_numpy(recwarn):
    df = _two_causes(lambda a, rng: a + rng.normal(size=a.size)).assign(a2=lambda d: 8 - d.a1)
    model = {"blocks": {"A": ["a1", "a2"], "C": ["c1"]}, "paths": [["A", "C"]]}
    with pytest.raises(pls.ModelError, match=r"block 'A' \(a1, a2\): its indicators cancel out.*"
                                             r"'a2' correlates -1.00 with 'a1'"):
        pls.pls_fit(df, model, scale=(1, 7))
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def _mostly_negative_block():
    rng = np.random.default_rng(5)
    f = rng.normal(size=80)
    return pd.DataFrame({"a1": f + rng.normal(scale=.3, size=80), "a2": -0.3 * f + rng.normal(size=80),
                         "a3": -0.3 * f + rng.normal(size=80), "b1": f + rng.normal(scale=.7, size=80)})


ONE_PATH3 = {"blocks": {"A": ["a1", "a2", "a3"], "B": ["b1"]}, "paths": [["A", "B"]]}


def test_blocks_are_oriented_so_most_loadings_are_positive():
    df = _mostly_negative_block()
    fit = pls.pls_fit(df, ONE_PATH3, scale=(-10, 10))
    lam = fit.loadings[["a1", "a2", "a3"]]
    assert (lam > 0).sum() == 2 and fit.flipped == ("A",)
    assert any("'A'" in note and "flipped" in note for note in fit.notes)
    # scores, weights, loadings and the path all follow the flip
    assert np.allclose(np.corrcoef(fit.scores["A"], df.a1)[0, 1], lam["a1"])
    assert fit.paths["A->B"] < 0
    z = (df - df.mean()) / df.std()
    assert np.allclose(z[["a1", "a2", "a3"]].to_numpy() @ fit.outer_weights[["a1", "a2", "a3"]].to_numpy(),
                       fit.scores["A"])
    assert fit.to_dict()["orientation"]["flipped"] == ["A"]


def _split_block():
    rng = np.random.default_rng(5)
    f = rng.normal(size=80)
    return pd.DataFrame({"a1": f + rng.normal(scale=.6, size=80), "a2": -f + rng.normal(scale=.6, size=80),
                         "b1": f + rng.normal(scale=.7, size=80)})


@pytest.mark.parametrize("scheme", pls.SCHEMES)
def test_bootstrap_resamples_are_sign_corrected(scheme):
    # a1 and a2 measure A with opposite signs, so each resample's A comes out either way round;
    # uncorrected, the interval of A->B ran from −0.79 to 0.79 around an original 0.72
    model = {"blocks": {"A": ["a1", "a2"], "B": ["b1"]}, "paths": [["A", "B"]]}
    boot = pls.bootstrap(_split_block(), model, resamples=200, seed=1, scheme=scheme, scale=(-10, 10))
    row = boot.paths.loc["A->B"]
    assert row["original"] == pytest.approx(0.72026789, abs=1e-6)
    assert 0.6 < row["lower"] < row["original"] < row["upper"] < 0.85
    assert row["se"] < 0.1
    assert boot.sign_flips["A"] > 0 and boot.sign_flips["B"] == 0
    assert "construct level" in boot.sign_correction
    assert boot.to_dict()["sign_flips"]["A"] == boot.sign_flips["A"]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), scheme=st.sampled_from(pls.SCHEMES), signs=st.tuples(*[st.sampled_from([1, -1])] * 4))
def test_every_block_ends_with_mostly_positive_loadings(seed, scheme, signs):
    rng = np.random.default_rng(seed)
    f = rng.normal(size=50)
    g = 0.5 * f + rng.normal(scale=.8, size=50)
    df = pd.DataFrame({"a1": signs[0] * f + rng.normal(scale=.6, size=50),
                       "a2": signs[1] * f + rng.normal(scale=.6, size=50),
                       "a3": signs[2] * f + rng.normal(scale=.6, size=50),
                       "b1": g + rng.normal(scale=.5, size=50), "b2": signs[3] * g + rng.normal(scale=.5, size=50)})
    model = {"blocks": {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}, "paths": [["A", "B"]]}
    fit = pls.pls_fit(df, model, scheme=scheme, scale=(-100, 100))
    for lv, cols in fit.model.blocks.items():
        lam = fit.loadings[list(cols)]
        assert (lam > 0).sum() > (lam < 0).sum() or ((lam > 0).sum() == (lam < 0).sum() and lam.sum() >= 0)


def test_one_indicator_index_is_exact_from_the_answer_sum():
    # ten answers summing to 46 on 1–5: (46 − 10)/(10·4) · 100 = 90 exactly (was 89.99999999999999)
    df = pd.DataFrame({"a1": [5, 4, 5, 3, 5, 4, 5, 2, 3, 4], "a2": [5, 5, 4, 3, 4, 4, 5, 1, 3, 3],
                       "b1": [5, 5, 5, 4, 5, 5, 5, 3, 4, 5]})
    fit = pls.pls_fit(df, {"blocks": {"A": ["a1", "a2"], "B": ["b1"]}, "paths": [["A", "B"]]}, scale=(1, 5))
    assert fit.index()["B"] == 90.0


# --- the scale comes from the model or the caller; inferring it is said out loud ---------------
def test_one_wild_cell_is_refused_not_used_to_rescale(mobi):
    for value, shown in ((-3, "-3"), (1000, "1000"), (11, "11")):
        bad = mobi.copy()
        bad.iloc[4, bad.columns.get_loc("CUEX1")] = value
        # the ECSI model declares 1–10: the cell is refused by row and column
        with pytest.raises(SurveyDataError, match=rf"row 5, column 'CUEX1': {shown} is outside the scale 1–10"):
            pls.pls_fit(bad, "ecsi")
    custom = {"blocks": {"Q": ["PERQ1", "PERQ2"], "S": ["CUSA1", "CUSA2"]}, "paths": [["Q", "S"]]}
    for value, words in ((-3, "-3 is below 0"), (1000, "1000 is above 100")):
        bad = mobi.copy()
        bad.iloc[4, bad.columns.get_loc("PERQ2")] = value
        # no scale declared: inference refuses the cell instead of stretching the scale to it
        with pytest.raises(SurveyDataError, match=rf"row 5, column 'PERQ2': {words}.*declare the scale"):
            pls.pls_fit(bad, custom)


def test_an_inferred_scale_is_reported_with_what_it_came_from(mobi):
    custom = {"blocks": {"Q": ["PERQ1", "PERQ2"], "S": ["CUSA1", "CUSA2"]}, "paths": [["Q", "S"]]}
    fit = pls.pls_fit(mobi, custom)
    assert fit.scale == (1.0, 10.0) and fit.scale_inferred and fit.scale_source == "inferred"
    assert len(fit.warnings) == 1
    assert fit.warnings[0].startswith("no scale was declared: 1–10 was inferred from the answers "
                                      "(smallest 1, largest 10;")
    assert fit.to_dict()["warnings"] == fit.warnings
    # one 50 lifts an inferred 1–10 to 1–100: allowed, but the warning names the cell
    odd = mobi.copy()
    odd.iloc[2, odd.columns.get_loc("CUSA2")] = 50
    fit = pls.pls_fit(odd, custom)
    assert fit.scale == (1.0, 100.0)
    assert "only 1 of 1000 answers is above 10 (first: row 3, column 'CUSA2' = 50)" in fit.warnings[0]
    # given or declared scales are not warned about
    assert pls.pls_fit(mobi, custom, scale=(1, 10)).warnings == []
    assert pls.pls_fit(mobi, dict(custom, scale=[1, 10])).scale_source == "model"


def test_a_declared_scale_that_looks_too_wide_is_warned_about(mobi):
    seven = mobi.clip(upper=7)
    fit = pls.pls_fit(seven, "ecsi")
    assert fit.scale == (1.0, 10.0) and fit.scale_source == "model"
    assert any("declares the scale 1–10 but no answer is above 7" in w for w in fit.warnings)


@pytest.mark.parametrize("scale", ["1-10", [10, 1], [1], [1, "x"]])
def test_bad_declared_scale_is_a_model_error(scale):
    with pytest.raises(pls.ModelError, match="'scale'"):
        pls.model_from_dict({"blocks": {"A": ["a"], "B": ["b"]}, "paths": [["A", "B"]], "scale": scale})


@given(st.integers(5, 60), st.integers(2, 12), st.integers(0, 2 ** 31 - 1))
@settings(max_examples=40, deadline=None)
def test_the_fast_correlation_matrix_is_numpys(n, p, seed):
    """``_corr`` (one product of the centred data) gives np.corrcoef's matrix, the diagonal exactly 1."""
    from app.engines.pls import _corr

    x = np.random.default_rng(seed).integers(1, 8, size=(n, p)).astype(float)
    x[:, 0] += np.arange(n)              # never constant
    keep = np.ptp(x, axis=0) > 0
    x = x[:, keep]
    ours, numpy_ = _corr(x), np.corrcoef(x, rowvar=False)
    assert np.allclose(ours, numpy_, atol=1e-12) and np.all(np.diag(ours) == 1.0)


def test_the_bootstrap_stops_when_cancelled_and_reports_progress():
    mobi = pd.read_csv(Path(__file__).resolve().parents[1] / "data" / "mobi.csv", index_col=0)
    seen: list[float] = []
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3             # stop at the fourth check (after 30 resamples)

    with pytest.raises(pls.Cancelled, match="after 30 of 1000"):
        pls.bootstrap(mobi, "ecsi", resamples=1000, seed=1, scale=(1, 10), cancelled=cancelled, progress=seen.append)
    assert seen == [0.0, 0.01, 0.02]

"""Answers from a known structural model: deterministic, on the scale, with blanks, and a PLS
fit finds the paths back; a mean shift moves the index."""

import numpy as np
import pytest

from app.engines import pls
from app.engines.survey_simulation import causal_order, simulate

BLOCKS = {"Q": ("q1", "q2", "q3"), "V": ("v1", "v2"), "S": ("s1", "s2", "s3")}
PATHS = {("Q", "V"): 0.6, ("Q", "S"): 0.4, ("V", "S"): 0.4}
MODEL = {"blocks": {k: list(v) for k, v in BLOCKS.items()}, "paths": [list(p) for p in PATHS]}


def test_causal_order_and_cycle():
    assert causal_order(["S", "V", "Q"], list(PATHS)) == ["Q", "V", "S"]
    with pytest.raises(ValueError, match="cycle"):
        causal_order(["A", "B"], [("A", "B"), ("B", "A")])


def test_deterministic_on_scale_with_blanks():
    a = simulate(BLOCKS, PATHS, 400, (1, 5), np.random.default_rng(7), missing=0.1)
    b = simulate(BLOCKS, PATHS, 400, (1, 5), np.random.default_rng(7), missing=0.1)
    assert a.equals(b)
    assert list(a.columns) == ["q1", "q2", "q3", "v1", "v2", "s1", "s2", "s3"]
    values = a.to_numpy()
    ok = values[~np.isnan(values)]
    assert set(np.unique(ok)) <= {1.0, 2.0, 3.0, 4.0, 5.0}
    assert 0.07 < np.isnan(values).mean() < 0.13


def test_pls_finds_the_paths_and_the_shift_moves_the_index():
    rng = np.random.default_rng(11)
    # loadings near 1: little attenuation by measurement error (with λ = 0.8 PLS finds about
    # 0.8 × β, the known attenuation of composites, so the test uses 0.95)
    base = simulate(BLOCKS, PATHS, 3000, (1, 10), rng, loading=0.95)
    fit = pls.pls_fit(base, MODEL, scale=(1, 10))
    assert fit.paths["Q->V"] == pytest.approx(0.6, abs=0.1)
    assert fit.paths["Q->S"] == pytest.approx(0.4, abs=0.1)
    assert fit.paths["V->S"] == pytest.approx(0.4, abs=0.1)
    better = simulate(BLOCKS, PATHS, 3000, (1, 10), rng, shift={"Q": 0.5}, loading=0.95)
    up = pls.pls_fit(better, MODEL, scale=(1, 10))
    assert up.index()["S"] - fit.index()["S"] > 3.0


def test_kano_pairs_classify_as_intended():
    from app.engines import kano
    from app.engines.survey_simulation import kano_pairs

    mix = {"fast reply": {"A": 0.6, "I": 0.4}, "certificate": {"M": 0.7, "O": 0.2, "I": 0.1},
           "price": {"O": 0.8, "M": 0.2}}
    df = kano_pairs(mix, 300, np.random.default_rng(3))
    assert len(df) == 900 and set(df["functional"]) <= {1, 2, 3, 4, 5}
    got = {r.attribute: r.category for r in kano.kano_survey(df)}
    assert got == {"fast reply": "A", "certificate": "M", "price": "O"}
    same = kano_pairs(mix, 300, np.random.default_rng(3))
    assert same.equals(df)
    with pytest.raises(ValueError, match="unknown Kano category"):
        kano_pairs({"x": {"Z": 1.0}}, 5, np.random.default_rng(0))


def test_demo_waves_move_with_the_schedule():
    from app.engines.survey_simulation import DEMO_SHIFTS, wave_answers

    model = pls.load_model("ccsi")
    blocks = {lv: list(cols) for lv, cols in model.blocks.items()}
    waves = wave_answers(blocks, 8, (1, 10), np.random.default_rng(2026))
    assert all(250 <= len(w) <= 400 for w in waves)
    assert all(list(w.columns) == model.indicators for w in waves)
    assert all(0.02 < w.isna().to_numpy().mean() < 0.06 for w in waves)  # blanks = no answer
    # the fit needs complete rows: blanks filled with the item mean, as a simple analysis would
    index = [pls.pls_fit(w.fillna(w.mean().round()), model, scale=(1, 10)).index()["Satisfaction"] for w in waves]
    # the crisis quarter (5th) is the lowest after the first, and the last is the highest
    assert index[4] < min(index[1:4]) and index[7] == max(index)
    assert DEMO_SHIFTS[4][0] < 0

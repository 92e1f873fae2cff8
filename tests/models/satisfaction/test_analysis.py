"""The analysis of stored waves through the service: a mobi-shaped ECSI wave reproduces the
published SmartPLS numbers (domain.md §4); weighted CSI with intervals, IPA, Kano, NPS, the
response rate; the trend marks a significant change; refusals in one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from app.models.admin.permissions import PermissionDenied
from app.models.customers.tables import Customer
from app.models.satisfaction import analysis
from app.models.satisfaction.tables import Wave, WaveTarget
from tests.models.satisfaction.world import MOBI, PUBLISHED_PATHS, PUBLISHED_WEIGHTS, store_wave

@pytest.fixture(scope="module")
def mobi() -> pd.DataFrame:
    return pd.read_csv(MOBI, index_col=0)


def test_stored_mobi_wave_reproduces_the_published_smartpls_ecsi_numbers(db, mobi):
    _sid, _vid, wid, _c = store_wave(db, mobi, kano=[(1, 5), (1, 4), (3, 5)], nps=[10, 9, 8, 6, 3], extra_targets=0)
    result = analysis.analyse_wave(db, "W1", resamples=100, seed=7)
    assert result.n == 250 and result.pls_rows == 250 and result.response_rate == 1.0
    for key, value in PUBLISHED_PATHS.items():
        assert result.pls.paths[key] == pytest.approx(value, abs=1e-6), key
    for col, value in PUBLISHED_WEIGHTS.items():
        assert result.pls.outer_weights[col] == pytest.approx(value, abs=1e-6), col
    # the 0–100 index of each latent variable equals the engine's, with an interval around it
    for lv, ci in result.latent_ci.items():
        assert ci.index == pytest.approx(result.pls.index()[lv], abs=1e-9)
        assert ci.low < ci.index < ci.high and ci.n == 250
    assert result.boot.used > 90 and "Tenenhaus" in result.boot.sign_correction
    lo, hi = result.boot.paths.loc["Quality->Satisfaction", ["lower", "upper"]]
    assert lo < PUBLISHED_PATHS["Quality->Satisfaction"] < hi
    assert any(key == "all_ok" or key in ("ave_low", "cr_low") for _lvl, key, _p in result.checks)
    # weighted CSI: equal weights over the seven dimensions; the total lies inside its interval
    total = result.node_ci["TOTAL"]
    assert total.index == pytest.approx(result.csi.index, abs=1e-9)
    assert total.low < total.index < total.high
    # IPA: importance was asked for 3 of the 24 questions only, so every question's importance is
    # derived (Pearson r with overall satisfaction = the mean of the CUSA questions), the satisfaction
    # questions themselves left out
    assert result.ipa_basis == "derived"
    overall = mobi[["CUSA1", "CUSA2", "CUSA3"]].mean(axis=1)
    table = result.ipa.table
    assert "CUSA1" not in table.index and len(table) == 21
    assert table.loc["PERQ1", "importance"] == pytest.approx(mobi["PERQ1"].corr(overall), abs=1e-12)
    assert set(result.priorities()["quadrant"]) <= {"concentrate here", "low priority"}
    # Kano: functional 1 / dysfunctional 5 = O (one-dimensional) is the mode (2 of 3 patterns: O, A, ...)
    assert result.kano[0].attribute == "K1" and result.kano[0].n == 250
    # NPS: answers cycle 10, 9, 8, 6, 3 → 40 % promoters − 40 % detractors = 0
    assert result.nps == pytest.approx(0.0) and result.nps_counts == {"detractors": 100, "passives": 50,
                                                                       "promoters": 100}


def test_missing_answers_leave_pls_listwise_and_the_response_rate_counts_targets(db, mobi):
    data = mobi.copy()
    data.iloc[:10, 0] = np.nan  # ten respondents left CUEX1 blank
    store_wave(db, data, extra_targets=0)
    with db.begin() as s:  # 50 more customers asked who did not answer
        wave = s.query(Wave).one()
        for i in range(50):
            c = Customer(code=f"X{i}", name_zh="未答")
            s.add(c)
            s.flush()
            s.add(WaveTarget(wave_id=wave.id, customer_id=c.id))
    result = analysis.analyse_wave(db, "W1", resamples=0)
    assert result.pls_rows == 240 and result.boot is None
    assert result.response_rate == pytest.approx(250 / 300)
    assert result.csi.indicators.loc["CUEX1", "n"] == 240


def test_trend_marks_a_significant_change_by_segment(db, mobi):
    sid, vid, _w, customers = store_wave(db, mobi, code="W1", end=date(2026, 3, 31),
                                         regions=["华东" if i < 125 else "华南" for i in range(250)])
    better = mobi.copy()
    cusa = [c for c in mobi.columns if c.startswith("CUSA")]
    better[cusa] = np.minimum(better[cusa] + 3, 10)  # satisfaction jumps in wave 2
    store_wave(db, better, code="W2", survey_id=sid, version_id=vid, end=date(2026, 6, 30), customers=customers)
    t = analysis.trend(db, "ECSI")
    sat_rows = t[(t["kind"] == "latent") & (t["name"] == "Satisfaction")]
    assert list(sat_rows["wave"]) == ["W1", "W2"]
    assert sat_rows.iloc[1]["index"] > sat_rows.iloc[0]["index"] + 10 and bool(sat_rows.iloc[1]["significant"])
    assert sat_rows.iloc[1]["change"] == pytest.approx(sat_rows.iloc[1]["index"] - sat_rows.iloc[0]["index"])
    img = t[(t["kind"] == "latent") & (t["name"] == "Image")]
    assert not bool(img.iloc[1]["significant"])  # same answers, same index
    with db.begin() as s:  # a new wave nobody has answered yet is left out of the trend
        s.add(Wave(version_id=vid, code="W3", period_start=date(2026, 7, 1), period_end=date(2026, 9, 30), state="open"))
    assert set(analysis.trend(db, "ECSI")["wave"]) == {"W1", "W2"}
    by_region = analysis.trend(db, "ECSI", segment="region")
    assert set(by_region["segment"]) == {"华东", "华南"}
    with pytest.raises(analysis.AnalysisError, match="segment"):
        analysis.trend(db, "ECSI", segment="colour")


def test_refusals(db, mobi):
    with pytest.raises(analysis.AnalysisError, match="does not exist"):
        analysis.analyse_wave(db, "NOPE")
    from app.models.admin import identity, users

    store_wave(db, mobi.head(40))
    db.actor = None
    identity.create_first_administrator(db, "admin", "管理员", "Secret2026")
    users.create_user(db, "zhao.view", "赵六", "Quality2026", ["viewer"])
    db.actor = identity.sign_in(db, "zhao.view", "Quality2026")
    with pytest.raises(PermissionDenied):
        analysis.analyse_wave(db, "W1")
    assert analysis.load_wave(db, "W1").n == 40  # viewing is allowed


def test_customer_history_gives_its_score_beside_the_wave(db, mobi):
    sid, vid, _w, customers = store_wave(db, mobi, nps=[10, 9, 6])
    store_wave(db, mobi, code="W2", survey_id=sid, version_id=vid, end=date(2026, 6, 30), customers=customers)
    h = analysis.customer_history(db, customers[0])
    assert list(h["wave"]) == ["W1", "W2"] and (h["answers"] == 24).all()
    first = mobi.iloc[0]
    expected = float(((first - 1) / 9 * 100).mean())  # mobi's first respondent on 1–10
    assert h.loc[0, "score"] == pytest.approx(expected) and h.loc[0, "nps"] == 10
    all_scores = ((mobi - 1) / 9 * 100).stack().mean()
    assert h.loc[0, "wave_score"] == pytest.approx(all_scores)
    assert analysis.customer_history(db, 999_999).empty
    # the answer sheet behind the first row: every question in questionnaire order, with its answer
    sheet = analysis.answer_sheet(db, int(h.loc[0, "respondent"]))
    ratings = sheet[sheet["kind"] == "rating"]
    from tests.models.satisfaction.world import BLOCKS

    order = [c for prefix in BLOCKS.values() for c in mobi.columns if c.startswith(prefix)]  # the tree's order
    assert list(ratings["question"]) == order
    assert list(ratings["value"]) == [float(first[c]) for c in order]
    assert ratings["score"].tolist() == pytest.approx([(first[c] - 1) / 9 * 100 for c in order])
    assert sheet[sheet["kind"] == "nps"]["value"].tolist() == [10.0]
    assert set(sheet[sheet["kind"] == "importance"]["question"]) == {"PERQ1", "PERQ2", "PERQ3"}
    with pytest.raises(analysis.AnalysisError):
        analysis.answer_sheet(db, 999_999)


def test_a_dimension_weighed_from_the_data_uses_each_questions_correlation_with_overall_satisfaction(db, mobi,
                                                                                                    tmp_path):
    """weight_method "derived": the dimension's questions weigh by their Pearson r with overall
    satisfaction (each respondent's mean over the satisfaction block's questions); the other
    dimensions keep their direct (equal) weights."""
    from sqlalchemy import select

    from app.models.satisfaction.tables import ModelBlock, SurveyNode

    _sid, vid, _wid, _c = store_wave(db, mobi)
    with db.begin() as s:
        s.scalar(select(SurveyNode).where(SurveyNode.version_id == vid, SurveyNode.code == "D_Quality")) \
            .weight_method = "derived"
    result = analysis.analyse_wave(db, "W1", resamples=0)
    assert result.derived_nodes == ["D_Quality"] and not result.problems
    overall = mobi[[c for c in mobi.columns if c.startswith("CUSA")]].mean(axis=1)
    perq = [c for c in mobi.columns if c.startswith("PERQ")]
    r = np.array([np.corrcoef(mobi[c], overall)[0, 1] for c in perq])
    nodes = result.csi.nodes
    for c, w in zip(perq, r / r.sum()):
        assert nodes.loc[c, "local_weight"] == pytest.approx(w, abs=1e-12), c
    index = [(mobi[c].mean() - 1) / 9 * 100 for c in perq]
    assert nodes.loc["D_Quality", "index"] == pytest.approx(float(np.dot(r / r.sum(), index)), abs=1e-9)
    assert nodes.loc["CUSA1", "local_weight"] == pytest.approx(1 / 3)          # direct, equal shares
    assert nodes.loc["D_Quality", "local_weight"] == pytest.approx(1 / 7)
    # the report states the derived weights in its method section
    import shutil
    import subprocess

    from app.reports.satisfaction_report import write_report

    if shutil.which("pdftotext"):
        for lang, words in (("en", "Weights derived from the data (Quality)"), ("zh_CN", "由数据求得的权重")):
            pdf = tmp_path / f"derived-{lang}.pdf"
            write_report(result, None, pdf, lang=lang)
            text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
            assert words in text and "Grisaffe" in text, lang

    # without a satisfaction block there is nothing to correlate with: the CSI says why, the rest runs
    with db.begin() as s:
        s.scalar(select(ModelBlock).where(ModelBlock.version_id == vid, ModelBlock.name == "Satisfaction")) \
            .name = "Contentment"
    result = analysis.analyse_wave(db, "W1", resamples=0)
    assert result.csi is None and any("satisfaction block" in p for p in result.problems)


def test_stated_importance_is_used_when_every_question_had_it_asked(db, mobi):
    from sqlalchemy import select

    from app.models.satisfaction.tables import Answer, Respondent, SurveyNode

    small = mobi[["PERQ1", "PERQ2", "PERQ3"]]
    _sid, vid, wid, _c = store_wave(db, small)          # store_wave asks importance for PERQ1–3
    result = analysis.analyse_wave(db, "W1", resamples=0)
    assert result.ipa_basis == "stated" and result.ipa.table["importance"].idxmax() == "PERQ1"
    # a confidence interval stays on 0–100 even for a tiny sample
    with db.begin() as s:
        for r in list(s.scalars(select(Respondent).where(Respondent.wave_id == wid)))[3:]:
            s.delete(r)
    tiny = analysis.analyse_wave(db, "W1", resamples=0)
    for ci in tiny.node_ci.values():
        assert 0.0 <= ci.low <= ci.index <= ci.high <= 100.0

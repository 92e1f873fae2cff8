"""Kano evaluation table, answer words, Better/Worse and the Fong test, by hand."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engines import kano


@pytest.mark.parametrize("f, d, cat", [
    (1, 1, "Q"), (1, 2, "A"), (1, 3, "A"), (1, 4, "A"), (1, 5, "O"),
    (2, 5, "M"), (3, 5, "M"), (4, 5, "M"), (2, 2, "I"), (3, 3, "I"), (4, 2, "I"),
    (2, 1, "R"), (5, 1, "R"), (5, 4, "R"), (5, 5, "Q"),
])
def test_evaluation_table(f, d, cat):
    assert kano.classify(f, d) == cat


@pytest.mark.parametrize("word, code", [
    ("喜欢", 1), ("理所当然", 2), ("应该的", 2), ("必须这样", 2), ("无所谓", 3), ("中立", 3),
    ("能忍受", 4), ("能接受", 4), ("可以忍受", 4), ("不喜欢", 5), ("Like", 1), ("must-be", 2),
    ("NEUTRAL", 3), ("live with", 4), ("dislike", 5), ("3", 3), (" 4 ", 4), (5.0, 5),
])
def test_answer_words(word, code):
    assert kano.parse_answer(word) == code


def test_bad_answer_names_row_and_column():
    df = pd.DataFrame({"attribute": ["a", "a"], "functional": ["1", "7"], "dysfunctional": ["5", "5"]})
    with pytest.raises(kano.KanoInputError, match="row 2, column 'functional': '7'"):
        kano.kano_survey(df)
    with pytest.raises(kano.KanoInputError, match="dysfunctional"):
        kano.kano_survey(df.drop(columns="dysfunctional"))


def test_summary_by_hand():
    # 10 answers: A 4, O 3, M 2, I 1
    res = kano.summarise("wifi", list("AAAAOOOMMI"))
    assert res.counts == {"A": 4, "O": 3, "M": 2, "I": 1, "R": 0, "Q": 0}
    assert res.category == "A" and not res.tie and res.runner_up == "O"
    assert res.better == pytest.approx(7 / 10) and res.worse == pytest.approx(-5 / 10)
    # Fong: |4 − 3| = 1 < 1.65·√(7·13/20) = 3.52 → not significant
    assert not res.significant


def test_fong_by_hand():
    a, b, n = 30, 10, 50
    limit = 1.65 * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))   # 1.65·√(40·60/100) = 8.08
    assert kano.fong_significant(a, b, n) is (abs(a - b) >= limit) is True
    assert kano.fong_significant(20, 14, 50) is False


def test_tie_is_flagged():
    res = kano.summarise("seat", list("MMII"))
    assert res.tie and res.tied == ("M", "I") and res.category == "M"
    assert res.worse == pytest.approx(-0.5)


def test_only_reverse_and_questionable_have_no_coefficients():
    res = kano.summarise("x", list("RQ"))
    assert res.better is None and res.worse is None


def test_survey_in_long_format_keeps_attribute_order():
    df = pd.DataFrame({"attribute": ["b", "a", "b"], "functional": ["喜欢", "2", "like"],
                       "dysfunctional": ["不喜欢", "dislike", "无所谓"]})
    res = kano.kano_survey(df)
    assert [r.attribute for r in res] == ["b", "a"]
    assert res[0].counts["O"] == 1 and res[0].counts["A"] == 1 and res[1].category == "M"
    table = kano.kano_table(res)
    assert table.loc["a", "M"] == 1


@given(st.lists(st.sampled_from(kano.CATEGORIES), min_size=1, max_size=60))
def test_coefficients_are_bounded(cats):
    res = kano.summarise("x", cats)
    assert sum(res.counts.values()) == len(cats)
    if res.better is not None:
        assert 0 <= res.better <= 1 and -1 <= res.worse <= 0
    assert res.counts[res.category] == max(res.counts.values())


def test_summary_without_answers_is_refused_not_category_a():
    with pytest.raises(kano.KanoInputError, match="attribute 'wifi': no answers, so there is no Kano category"):
        kano.summarise("wifi", [])
    with pytest.raises(kano.KanoInputError, match="no answers"):
        kano.summarise("wifi", iter(()))


def test_missing_answer_spellings():
    for blank in (None, float("nan"), pd.NA, "", "  "):
        with pytest.raises(kano.KanoInputError, match="missing answer"):
            kano.parse_answer(blank)


def test_table_of_no_results_is_an_empty_frame():
    table = kano.kano_table([])
    assert table.empty and list(table.columns) == [*kano.CATEGORIES, "n", "category", "tie",
                                                   "significant", "better", "worse"]

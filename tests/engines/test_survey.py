"""Survey scoring: weighted section scores with renormalisation, knock-outs, recommendation."""

import pytest
from hypothesis import given, strategies as st

from app.engines.survey import (
    SurveyDefinitionError,
    SurveyThresholds,
    check_answer,
    is_visible,
    parse_survey,
    question_points,
    score_survey,
)
from app.flows.survey import load_survey_definition

MINI = {
    "key": "mini", "recommendation": {"recommend": 75, "conditional": 60},
    "sections": [
        {"key": "a", "weight": 0.6, "questions": [
            {"key": "lic", "type": "boolean", "max": 4, "knockout": True},
            {"key": "r", "type": "rating", "max": 4},
            {"key": "c", "type": "choice", "options": [{"value": "x", "points": 0}, {"value": "y", "points": 2}]},
            {"key": "n", "type": "number", "min": 0, "max": 100},
        ]},
        {"key": "b", "weight": 0.4, "questions": [
            {"key": "q", "type": "rating", "max": 4},
            {"key": "dep", "type": "text", "show_if": {"question": "q", "in": [4]}},
        ]},
    ],
}


def test_worked_example():
    d = parse_survey(MINI)
    # section a: 4 + 3 + 2 of 4+4+2 = 90 %; section b: 2/4 = 50 %; overall .6*90 + .4*50 = 74
    s = score_survey(d, {"lic": True, "r": 3, "c": "y", "n": 12, "q": 2})
    assert [x.percent for x in s.sections] == [pytest.approx(90.0), pytest.approx(50.0)]
    assert s.percent == pytest.approx(74.0)
    assert s.recommendation == "conditional"
    s2 = score_survey(d, {"lic": True, "r": 3, "c": "y", "q": 4})
    assert s2.percent == pytest.approx(0.6 * 90 + 0.4 * 100) and s2.recommendation == "recommend"


def test_unanswered_section_renormalises():
    d = parse_survey(MINI)
    s = score_survey(d, {"lic": True, "r": 4})
    assert s.sections[1].percent is None
    assert s.percent == pytest.approx(100.0)


def test_knockout_rejects_whatever_the_score():
    d = parse_survey(MINI)
    s = score_survey(d, {"lic": False, "r": 4, "c": "y", "q": 4})
    assert s.knockouts == ("lic",) and s.recommendation == "reject"


def test_weights_override_and_thresholds():
    d = parse_survey(MINI)
    s = score_survey(d, {"lic": True, "r": 3, "c": "y", "q": 2}, weights={"a": 0, "b": 1})
    assert s.percent == pytest.approx(50.0) and s.recommendation == "reject"
    s = score_survey(d, {"lic": True, "r": 3, "c": "y", "q": 2}, thresholds=SurveyThresholds(70, 40))
    assert s.recommendation == "recommend"
    with pytest.raises(SurveyDefinitionError):
        score_survey(d, {}, weights={"a": -1})
    assert score_survey(d, {}).recommendation is None


def test_answer_checks_and_visibility():
    d = parse_survey(MINI)
    n, c, r, lic = (d.question(k) for k in ("n", "c", "r", "lic"))
    assert check_answer(n, "abc") == "not_a_number"
    assert check_answer(n, -1) == "below_min" and check_answer(n, 101) == "above_max"
    assert check_answer(c, "z") == "unknown_option"
    assert check_answer(r, 5) == "rating_range" and check_answer(r, 2.5) == "rating_range"
    assert check_answer(lic, "yes") == "not_yes_no"
    assert check_answer(n, None) is None
    assert question_points(c, "y") == 2 and question_points(r, 9) is None
    dep = d.question("dep")
    assert not is_visible(dep, {"q": 3}) and is_visible(dep, {"q": 4})


def test_definition_errors():
    with pytest.raises(SurveyDefinitionError, match="unknown type"):
        parse_survey({"sections": [{"key": "a", "questions": [{"key": "x", "type": "slider"}]}]})
    with pytest.raises(SurveyDefinitionError, match="duplicate"):
        parse_survey({"sections": [{"key": "a", "questions": [{"key": "x", "type": "text"}] * 2}]})
    with pytest.raises(SurveyDefinitionError, match="earlier"):
        parse_survey({"sections": [{"key": "a", "questions": [
            {"key": "x", "type": "text", "show_if": {"question": "y", "equals": 1}}]}]})
    with pytest.raises(SurveyDefinitionError, match="options"):
        parse_survey({"sections": [{"key": "a", "questions": [{"key": "x", "type": "choice"}]}]})


def test_shipped_survey_has_the_seven_sections():
    d = load_survey_definition()
    assert [s.key for s in d.sections] == ["basic", "equipment", "capability", "materials", "customers",
                                           "compliance", "it"]
    assert sum(s.weight for s in d.sections) == pytest.approx(1.0)
    for s in d.sections:
        assert s.title_zh and s.title_en and any(q.scored for q in s.questions)
        assert all(q.text_zh and q.text_en for q in s.questions)


@given(st.dictionaries(st.sampled_from(["lic", "r", "c", "q"]), st.integers(0, 4)))
def test_scores_stay_in_range(raw):
    d = parse_survey(MINI)
    answers = {k: (bool(v) if k == "lic" else ("y" if v % 2 else "x") if k == "c" else v) for k, v in raw.items()}
    s = score_survey(d, answers)
    assert s.percent is None or 0 <= s.percent <= 100
    assert all(x.percent is None or 0 <= x.percent <= 100 for x in s.sections)


def test_definition_switches_are_not_read_with_truthiness():
    # bool("false") is True: a knock-out written as "false" must not reject every supplier
    doc = {"sections": [{"key": "a", "questions": [
        {"key": "x", "type": "boolean", "knockout": "false", "required": "no"}]}]}
    q = parse_survey(doc).sections[0].questions[0]
    assert q.knockout is False and q.required is False
    doc["sections"][0]["questions"][0]["knockout"] = "perhaps"
    with pytest.raises(SurveyDefinitionError, match="question 'x': knockout"):
        parse_survey(doc)

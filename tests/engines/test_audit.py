"""Audit scoring: VDA 6.3-style compliance degree with weights, N/A renormalised, thresholds."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from app.engines.audit import (
    AuditThresholds,
    ChecklistError,
    ItemAnswer,
    ScoringRule,
    checklist_to_dict,
    classify,
    parse_checklist,
    score_audit,
)

ROOT = Path(__file__).resolve().parents[2]
R3, R10 = ScoringRule(3), ScoringRule(10)


def test_worked_example_weights_and_na():
    # (w=1, 3/3) + (w=2, 1/3) + N/A + (w=1, 6/10): achieved 1 + 2/3 + 0.6 = 2.2667 of 4
    answers = [
        ItemAnswer("a", "S1", 1, R3, 3),
        ItemAnswer("b", "S1", 2, R3, 1),
        ItemAnswer("c", "S2", 5, R3, None, na=True),
        ItemAnswer("d", "S2", 1, R10, 6),
    ]
    s = score_audit(answers)
    assert s.percent == pytest.approx(100 * (1 + 2 / 3 + 0.6) / 4)
    assert s.sections[0].percent == pytest.approx(100 * (5 / 3) / 3)
    assert s.sections[1].percent == pytest.approx(60.0)
    assert s.na == 1 and s.answered == 4 and s.result == "not_approved" and s.reason == "score"


def test_plain_vda_formula_when_unweighted():
    # VDA 6.3 E = Σ achieved / Σ possible: 10+8+6+10+4 of 50 = 76 %
    answers = [ItemAnswer(str(i), "P", 1, R10, s) for i, s in enumerate([10, 8, 6, 10, 4])]
    assert score_audit(answers).percent == pytest.approx(76.0)


def test_thresholds_and_downgrading():
    t = AuditThresholds(approved=85, conditional=70)
    assert classify(85.0, [], t) == ("approved", "score")
    assert classify(84.99, [], t) == ("conditional", "score")
    assert classify(70.0, [], t) == ("conditional", "score")
    assert classify(69.9, [], t) == ("not_approved", "score")
    assert classify(95.0, ["major"], t) == ("conditional", "major_finding")
    assert classify(95.0, ["critical"], t) == ("not_approved", "critical_finding")
    assert classify(95.0, ["major"], AuditThresholds(major_caps=False)) == ("approved", "score")
    assert classify(95.0, ["minor", "observation"], t) == ("approved", "score")
    with pytest.raises(ChecklistError):
        classify(95.0, ["fatal"], t)
    with pytest.raises(ChecklistError):
        AuditThresholds(approved=60, conditional=70)


def test_incomplete_has_percent_but_no_result():
    answers = [ItemAnswer("a", "S", 1, R3, 3), ItemAnswer("b", "S", 1, R3)]
    s = score_audit(answers)
    assert s.percent == 100.0 and s.result is None and s.reason == "incomplete" and not s.complete


def test_all_na_gives_no_result():
    s = score_audit([ItemAnswer("a", "S", 1, R3, na=True)])
    assert s.percent is None and s.result is None and s.reason == "no_applicable_items"


def test_bad_scores_are_refused():
    with pytest.raises(ChecklistError):
        score_audit([ItemAnswer("a", "S", 1, R3, 4)])
    with pytest.raises(ChecklistError):
        score_audit([ItemAnswer("a", "S", 1, ScoringRule(3, na_allowed=False), na=True)])
    with pytest.raises(ChecklistError):
        score_audit([ItemAnswer("a", "S", 1, R3, True)])
    with pytest.raises(ChecklistError):
        ScoringRule(0)


@pytest.mark.parametrize("key", ["qms", "process", "product"])
def test_shipped_checklists(key):
    doc = json.loads((ROOT / "resources" / "checklists" / f"{key}.json").read_text(encoding="utf-8"))
    t = parse_checklist(doc)
    assert t.key == key and len(t.items) >= 20
    assert all(it.text_zh and it.text_en and it.clause for it in t.items)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in t.items[0].text_zh)
    assert all(t.items_in(s.key) for s in t.sections)
    assert parse_checklist(checklist_to_dict(t)) == t  # JSON round trip
    if key == "qms":
        assert {it.clause.split(".")[0] for it in t.items} == {str(n) for n in range(4, 11)}


def test_parse_checklist_errors_name_the_problem():
    base = {"key": "k", "audit_type": "qms", "sections": [{"key": "S"}],
            "items": [{"key": "a", "section": "S", "text_en": "x"}]}
    assert parse_checklist(base).items[0].rule == ScoringRule()
    for change, words in [
        ({"audit_type": "fun"}, "unknown audit type"),
        ({"items": [{"key": "a", "section": "T", "text_en": "x"}]}, "unknown section"),
        ({"items": [{"key": "a", "section": "S", "text_en": "x"}] * 2}, "duplicate"),
        ({"items": [{"key": "a", "section": "S", "text_en": "x", "weight": 0}]}, "weight"),
        ({"items": [{"key": "a", "section": "S", "text_en": "x", "scoring": {"max": -1}}]}, "item 1"),
        ({"items": []}, "no items"),
    ]:
        with pytest.raises(ChecklistError, match=words):
            parse_checklist(base | change)


item_st = st.tuples(
    st.floats(0.1, 10), st.sampled_from([3, 10]), st.integers(0, 10), st.booleans(), st.sampled_from(["A", "B", "C"])
)


def _answers(spec):
    out = []
    for i, (w, mx, s, na, sec) in enumerate(spec):
        out.append(ItemAnswer(str(i), sec, w, ScoringRule(mx), None if na else min(s, mx), na))
    return out


@given(st.lists(item_st, min_size=1, max_size=40))
def test_invariants(spec):
    answers = _answers(spec)
    s = score_audit(answers)
    if s.percent is None:
        assert all(a.na for a in answers)
        return
    assert 0.0 <= s.percent <= 100.0 + 1e-9
    for sec in s.sections:
        assert sec.percent is None or 0.0 <= sec.percent <= 100.0 + 1e-9
    # scaling every weight leaves the score unchanged
    scaled = [ItemAnswer(a.key, a.section, a.weight * 3.5, a.rule, a.score, a.na) for a in answers]
    assert score_audit(scaled).percent == pytest.approx(s.percent)
    # adding an N/A item never changes the score
    more = answers + [ItemAnswer("na", "A", 100.0, R3, None, True)]
    assert score_audit(more).percent == pytest.approx(s.percent)
    # the result is monotone in the score
    assert s.result == classify(s.percent)[0]


def test_engines_import_no_qt_or_sqlalchemy():
    code = ("import sys, app.engines.audit, app.engines.survey, app.flows, app.flows.audit, app.flows.survey, "
            "app.flows.approval; bad = [m for m in ('PySide6', 'sqlalchemy') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_checklist_switches_are_not_read_with_truthiness():
    # bool("false") is True: "na_allowed": "false" must forbid N/A, not allow it
    assert ScoringRule.from_dict({"max": 3, "na_allowed": "false"}).na_allowed is False
    assert ScoringRule.from_dict({"max": 3, "na_allowed": 0}).na_allowed is False
    t = AuditThresholds.from_dict({"critical_blocks": "false", "major_caps": "no"})
    assert t.critical_blocks is False and t.major_caps is False
    with pytest.raises(ChecklistError, match="na_allowed"):
        ScoringRule.from_dict({"max": 3, "na_allowed": "maybe"})
    with pytest.raises(ChecklistError, match="critical_blocks"):
        AuditThresholds.from_dict({"critical_blocks": 2})

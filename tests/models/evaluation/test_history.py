"""Stored evaluation history queries (app.models.evaluation.history) on the demo database."""

from __future__ import annotations

import math
import sqlite3

import pytest

from app.engines.indicators import Period
from app.engines.scoring import EvaluationScheme
from app.models.core.demo import last_full_month
from app.models.evaluation.service import evaluate_period, grade_list, save_scheme
from app.models.evaluation.history import (
    HISTORY_COLUMNS, active_scheme_names, evaluated_periods, latest_period, score_history,
)


def _last_months(n: int) -> list[str]:
    p = Period.parse(last_full_month().strftime("%Y-%m"))
    out = []
    for _ in range(n):
        out.append(p.label)
        p = p.previous()
    return out[::-1]


@pytest.fixture
def evaluated(demo_db):
    """The demo database has every one of its 14 months evaluated; re-run the last three."""
    months = _last_months(14)
    for m in months[-3:]:
        evaluate_period(demo_db, m)
    return demo_db, months


def test_history_lists_each_month_oldest_first_with_stored_scores(evaluated):
    db, months = evaluated
    gl = grade_list(db, months[-1])
    row = next(r for r in gl.rows if r.score is not None)
    frame = score_history(db, row.code)
    assert list(frame.columns) == list(HISTORY_COLUMNS)
    assert list(frame["period"]) == months
    assert frame["score"].iloc[-1] == pytest.approx(row.score)
    assert frame["grade"].iloc[-1] == row.grade
    for period, score, grade in frame.itertuples(index=False):
        stored = {r.code: r for r in grade_list(db, period).rows}[row.code]
        assert (math.isnan(score) and stored.score is None) or score == pytest.approx(stored.score)
        assert grade == stored.grade


def test_history_keeps_one_kind_of_period(evaluated):
    db, months = evaluated
    quarter = Period.parse(months[-1])
    q = Period("quarter", quarter.year, (quarter.index - 1) // 3 + 1).label
    evaluate_period(db, q)
    code = grade_list(db, q).rows[0].code
    assert list(score_history(db, code, "quarter")["period"]) == [q]
    assert list(score_history(db, code)["period"]) == months
    assert set(score_history(db, code, None)["period"]) == set(months) | {q}


def test_unknown_supplier_gives_an_empty_frame(evaluated):
    db, _ = evaluated
    frame = score_history(db, "NO-SUCH-CODE")
    assert frame.empty and list(frame.columns) == list(HISTORY_COLUMNS)


def test_ungraded_periods_have_nan_score_and_no_grade(evaluated):
    db, months = evaluated
    gl = grade_list(db, months[0])
    code = gl.rows[0].code
    conn = sqlite3.connect(db.path)
    with conn:
        conn.execute("UPDATE evaluation_results SET score = NULL, grade = NULL WHERE period = ? AND supplier_id ="
                     " (SELECT id FROM suppliers WHERE code = ?)", (months[0], code))
    conn.close()
    frame = score_history(db, code)
    assert math.isnan(frame["score"].iloc[0]) and frame["grade"].iloc[0] is None


def test_evaluated_periods_newest_first(evaluated):
    db, months = evaluated
    assert evaluated_periods(db) == months[::-1]
    assert evaluated_periods(db, "quarter") == []
    assert latest_period(db).label == months[-1]
    assert latest_period(db, "year") is None


def test_scheme_names_offer_the_default_first(db):
    assert active_scheme_names(db) == ["standard"]
    with db.begin() as session:
        save_scheme(session, EvaluationScheme(name="audit-heavy"))
        save_scheme(session, EvaluationScheme(name="retired"), activate=False)
    assert active_scheme_names(db) == ["standard", "audit-heavy"]

"""The satisfaction hook the CRM churn flags read: a customer's latest periodic-wave score
against the mean of its previous waves (hand-computed on a 1–10 scale)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from app.models.satisfaction import hooks
from tests.models.satisfaction.world import store_wave


def _waves(db):
    # customer 0: 10, 10 → 100 then 8.2 → 80, then 5.5 → 50: latest 50 vs mean(100, 80) = 90 → fell 40
    # customer 1: 5.5 in all three waves → 50, 50, 50: steady
    first = pd.DataFrame({"IMAG1": [10.0, 5.5], "IMAG2": [10.0, 5.5]})
    sid, vid, _, ids = store_wave(db, first, code="H1", end=date(2026, 3, 31))
    store_wave(db, pd.DataFrame({"IMAG1": [8.2, 5.5], "IMAG2": [8.2, 5.5]}), code="H2", survey_id=sid,
               version_id=vid, end=date(2026, 6, 30), customers=ids)
    store_wave(db, pd.DataFrame({"IMAG1": [5.5, 5.5], "IMAG2": [5.5, 5.5]}), code="H3", survey_id=sid,
               version_id=vid, end=date(2026, 9, 30), customers=ids)
    return ids


def test_scores_per_customer_and_wave(db):
    ids = _waves(db)
    scores = hooks.customer_wave_scores(db, date(2026, 12, 31))
    assert [round(v, 6) for _, v in scores[ids[0]]] == [100.0, 80.0, 50.0]
    assert [round(v, 6) for _, v in scores[ids[1]]] == [50.0, 50.0, 50.0]


def test_falling_satisfaction_flags_the_drop_only(db):
    ids = _waves(db)
    assert hooks.falling_satisfaction(db, date(2026, 12, 31)) == {ids[0]: "90 → 50"}
    # as of the second wave: 80 vs 100 is a fall of 20
    assert hooks.falling_satisfaction(db, date(2026, 7, 1)) == {ids[0]: "100 → 80"}
    assert hooks.falling_satisfaction(db, date(2026, 7, 1), drop_points=25) == {}
    # waves after as_of are not read
    assert hooks.falling_satisfaction(db, date(2026, 4, 1)) == {}

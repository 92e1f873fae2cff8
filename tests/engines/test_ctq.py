"""CTQ tree priority by hand."""
from __future__ import annotations

import pytest

from app.engines import ctq

SPEC = [
    {"need": "good service", "importance": 5, "drivers": [
        {"driver": "short wait", "weight": 3, "ctqs": [
            {"ctq": "phone answered", "target": 30, "unit": "s", "weight": 9},
            {"ctq": "callback time", "target": 4, "unit": "h", "weight": 3}]},
        {"driver": "competent staff", "weight": 1, "ctqs": [
            {"ctq": "first-call resolution", "target": 80, "unit": "%", "weight": 9}]}]},
    {"need": "reliable delivery", "importance": 4, "drivers": [
        {"driver": "on time", "ctqs": [{"ctq": "on-time rate", "target": 98, "unit": "%"}]}]},
]


def test_priority_by_hand():
    table = ctq.prioritise(ctq.tree_from_spec(SPEC)).set_index("ctq")
    assert table.loc["phone answered", "priority"] == pytest.approx(5 * 3 / 4 * 9 / 12)   # 2.8125
    assert table.loc["callback time", "priority"] == pytest.approx(5 * 3 / 4 * 3 / 12)    # 0.9375
    assert table.loc["first-call resolution", "priority"] == pytest.approx(5 * 1 / 4)     # 1.25
    assert table.loc["on-time rate", "priority"] == pytest.approx(4)
    assert table["share_pct"].sum() == pytest.approx(100)
    assert table["rank"].to_dict() == {"on-time rate": 1, "phone answered": 2,
                                       "first-call resolution": 3, "callback time": 4}
    assert table.loc["phone answered", "unit"] == "s" and table.loc["phone answered", "target"] == 30


def test_equal_priorities_share_a_rank():
    spec = [{"need": "n", "importance": 1, "drivers": [{"driver": "d", "ctqs": [{"ctq": "x"}, {"ctq": "y"}]}]}]
    assert ctq.prioritise(ctq.tree_from_spec(spec))["rank"].tolist() == [1, 1]


def test_ctq_reached_twice_is_summed():
    spec = [{"need": "a", "importance": 2, "drivers": [{"driver": "d1", "ctqs": [{"ctq": "x"}]}]},
            {"need": "b", "importance": 1, "drivers": [{"driver": "d2", "ctqs": [{"ctq": "x"}, {"ctq": "y"}]}]}]
    totals = ctq.ctq_totals(ctq.tree_from_spec(spec))
    assert totals.loc["x", "priority"] == pytest.approx(2.5)


@pytest.mark.parametrize("spec, message", [
    ([{"need": "n", "importance": -1, "drivers": []}], "importance"),
    ([{"need": "n", "importance": 1, "drivers": []}], "need 'n' has no drivers"),
    ([{"need": "n", "importance": 1, "drivers": [{"driver": "d", "ctqs": []}]}], "no measurable CTQ"),
    ([{"need": "n", "importance": 1, "drivers": [{"driver": "d", "weight": "x", "ctqs": []}]}], "not a number"),
])
def test_bad_trees_are_named(spec, message):
    with pytest.raises(ctq.CTQError, match=message):
        ctq.prioritise(ctq.tree_from_spec(spec))

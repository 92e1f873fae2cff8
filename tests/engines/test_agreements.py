"""Quality agreement engine: numbering, Excel clipboard codec, diff, targets and liability — by
hand-made cases (and a round-trip property for the clipboard)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines import agreements as ag


# ------------------------------------------------------------------------------------ numbering
def test_numbers_restart_per_area():
    assert ag.clause_numbers([1, 1, 3, 3, 3, 7]) == ["1.1", "1.2", "3.1", "3.2", "3.3", "7.1"]


def test_number_clauses_sorts_by_area_and_order_and_keeps_input_alignment():
    keys = [(3, 2.0), (1, 5.0), (3, 1.0), (1, 0.5), (8, 1.0)]
    assert ag.number_clauses(keys) == ["3.2", "1.2", "3.1", "1.1", "8.1"]


def test_bad_area_refused():
    with pytest.raises(ValueError):
        ag.clause_numbers([9])


# ------------------------------------------------------------------------------------ clipboard
EXCEL_TEXT = ('3.1\t"供方应按 GB/T 2828.1\n正常检验一次抽样"\tplain\r\n'
              '3.2\t"He said ""OK"""\t\r\n')


def test_decode_excel_text_with_quoted_multiline_and_doubled_quotes():
    assert ag.decode_tsv(EXCEL_TEXT) == [
        ["3.1", "供方应按 GB/T 2828.1\n正常检验一次抽样", "plain"],
        ["3.2", 'He said "OK"', ""],
    ]


def test_encode_quotes_only_what_needs_it():
    rows = [["a", "b\tc", "多行\n文本", 'x"y', ""]]
    assert ag.encode_tsv(rows) == 'a\t"b\tc"\t"多行\n文本"\t"x""y"\t\r\n'


def test_decode_variants():
    assert ag.decode_tsv("") == []
    assert ag.decode_tsv("a\tb") == [["a", "b"]]  # no trailing row end
    assert ag.decode_tsv("a\nb\tc\n") == [["a", ""], ["b", "c"]]  # LF only, ragged → padded
    assert ag.decode_tsv('5" bolt\tx') == [['5" bolt', "x"]]  # quote inside unquoted cell
    assert ag.decode_tsv('"unclosed\tx') == [['"unclosed', "x"]]
    assert ag.decode_tsv("\r\n") == [[""]]
    assert ag.decode_tsv("\r\n\r\n") == [[""], [""]]


cells = st.text(alphabet=st.sampled_from(list('ab 中文质量"\t\n\r,;') + ["\u3000"]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5).flatmap(lambda w: st.lists(st.lists(cells, min_size=w, max_size=w), min_size=1, max_size=6)))
def test_round_trip(rows):
    assert ag.decode_tsv(ag.encode_tsv(rows)) == rows


# ----------------------------------------------------------------------------------------- diff
def C(key, number, zh="", en="", area=1, **kw):
    return ag.ClauseText(key=key, number=number, area=area, text_zh=zh, text_en=en, **kw)


def test_diff_added_removed_changed_in_order():
    old = [C("a", "1.1", "甲"), C("b", "1.2", "乙"), C("c", "1.3", "丙")]
    new = [C("a", "1.1", "甲"), C("c", "1.2", "丙丙"), C("d", "1.3", "丁")]
    rows = ag.diff_versions(old, new)
    assert [(r.kind, (r.old or r.new).key) for r in rows] == [
        ("unchanged", "a"), ("removed", "b"), ("changed", "c"), ("added", "d")]
    assert rows[2].fields == ("text_zh",)
    assert rows[2].old.text_zh == "丙" and rows[2].new.text_zh == "丙丙"
    assert ag.diff_counts(rows) == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}


def test_renumbering_alone_is_no_change_but_area_and_aql_are():
    old = [C("a", "1.1", "x"), C("b", "3.1", "y", area=3, aql="1.0")]
    new = [C("z", "1.1", "new"), C("a", "1.2", "x"), C("b", "4.1", "y", area=4, aql="0.65")]
    rows = ag.diff_versions(old, new)
    assert [r.kind for r in rows] == ["added", "unchanged", "changed"]
    assert rows[2].fields == ("area", "aql")


def test_removed_first_clause_goes_first():
    rows = ag.diff_versions([C("a", "1.1"), C("b", "1.2")], [C("b", "1.1")])
    assert [r.kind for r in rows] == ["removed", "unchanged"]


# -------------------------------------------------------------------------------------- targets
def test_status_missing_is_neither_breach_nor_pass():
    s = ag.target_status([99.0, 97.9, math.nan, 98.0], ">=", 98.0)
    assert s.tolist() == [ag.PASS, ag.BREACH, ag.MISSING, ag.PASS]
    assert ag.target_status([500, 501, np.nan], "<=", 500).tolist() == [1, 0, -1]
    assert ag.target_status([500, 499], "<", 500).tolist() == [0, 1]
    assert ag.target_status([98, 98.1], ">", 98).tolist() == [0, 1]


def test_to_unit_scales_rates_to_percent():
    assert ag.to_unit("lot_pass_rate", [0.975]).tolist() == [97.5]
    assert ag.to_unit("ppm", [1200.0]).tolist() == [1200.0]


def test_fixed_penalty_and_escalation_after_three_breaches():
    t = ag.Target("lot_pass_rate", ">=", 98.0, rule=ag.LiabilityRule("fixed", 2000.0, escalate_after=3))
    # one supplier, six months: breach, pass, missing, breach, breach, breach
    ev = ag.evaluate_target(t, [[97.0, 99.0, np.nan, 90.0, 95.0, 97.9]])
    assert ev.status.tolist() == [[0, 1, -1, 0, 0, 0]]
    assert ev.liability.tolist() == [[2000.0, 0.0, 0.0, 2000.0, 2000.0, 2000.0]]
    assert ev.breaches.tolist() == [[1, 1, 1, 2, 3, 4]]
    assert ev.escalate.tolist() == [[False, False, False, False, True, True]]
    assert ev.total_liability.tolist() == [8000.0]


def test_penalty_per_ppm_above_target():
    t = ag.Target("ppm", "<=", 500.0, rule=ag.LiabilityRule("per_ppm", 10.0))
    ev = ag.evaluate_target(t, [[450.0, 800.0, np.nan], [500.0, 1250.5, 0.0]])
    # 800 - 500 = 300 PPM × 10 = 3000; 1250.5 - 500 = 750.5 × 10 = 7505
    assert ev.liability.tolist() == [[0.0, 3000.0, 0.0], [0.0, 7505.0, 0.0]]
    assert not ev.escalate.any()


def test_sorting_cost_per_rejected_lot():
    t = ag.Target("lot_pass_rate", ">=", 95.0, rule=ag.LiabilityRule("sorting", 350.0))
    ev = ag.evaluate_target(t, [[90.0, 100.0, 80.0]], rejected_lots=[[2, 0, 5]])
    assert ev.liability.tolist() == [[700.0, 0.0, 1750.0]]


def test_invalid_targets_refused():
    with pytest.raises(ValueError):
        ag.Target("price", ">=", 1.0)
    with pytest.raises(ValueError):
        ag.Target("ppm", "==", 1.0)
    with pytest.raises(ValueError):
        ag.Target("lot_pass_rate", ">=", 98, rule=ag.LiabilityRule("per_ppm", 1.0))
    with pytest.raises(ValueError):
        ag.LiabilityRule("fixed", -1.0)
    with pytest.raises(ValueError):
        ag.Target("ppm", "<=", float("nan"))


def test_evaluate_many_matches_single_and_skips_not_applicable():
    actual = np.array([[97.0, 99.0, np.nan, 90.0], [800.0, 450.0, 600.0, 700.0]])
    applicable = np.array([[True, True, True, False], [True, True, True, True]])
    ev = ag.evaluate_targets(actual, applicable,
                             comparator=np.array([[ag.comparator_code(">=")], [ag.comparator_code("<=")]]),
                             threshold=np.array([[98.0], [500.0]]),
                             kind=np.array([[ag.liability_code("fixed")], [ag.liability_code("per_ppm")]]),
                             amount=np.array([[2000.0], [10.0]]), escalate_after=np.array([[1], [3]]))
    assert ev.status.tolist() == [[0, 1, -1, ag.NOT_APPLICABLE], [0, 1, 0, 0]]
    assert ev.liability.tolist() == [[2000.0, 0.0, 0.0, 0.0], [3000.0, 0.0, 1000.0, 2000.0]]
    assert ev.escalate.tolist() == [[True, False, False, False], [False, False, False, True]]
    single = ag.evaluate_target(ag.Target("ppm", "<=", 500.0, rule=ag.LiabilityRule("per_ppm", 10.0, 3)),
                                actual[1:])
    assert single.liability.tolist() == ev.liability[1:].tolist()


def test_complaint_actuals_zero_only_where_delivered():
    import numpy as np

    out = ag.complaint_actuals([np.nan, 2.0, np.nan, 1.0], [10, 10, 0, 0])
    assert out[0] == 0.0 and out[1] == 2.0 and np.isnan(out[2]) and out[3] == 1.0


# ---------------------------------------------------------------- moving whole areas (area order)
def test_numbers_follow_the_area_order_not_the_area_identity():
    order = (1, 2, 4, 3, 5, 6, 7, 8)  # acceptance inspection (3) moved below process control (4)
    # display order: area 4's clauses come before area 3's
    assert ag.clause_numbers([1, 4, 4, 3, 8], order) == ["1.1", "3.1", "3.2", "4.1", "8.1"]
    assert ag.number_clauses([(3, 1), (4, 1), (4, 2), (1, 1)], order) == ["4.1", "3.1", "3.2", "1.1"]
    assert ag.area_ranks(order)[3] == 4 and ag.area_ranks(order)[4] == 3


def test_move_area_swaps_with_its_neighbour_and_stops_at_the_edges():
    d = ag.DEFAULT_AREA_ORDER
    assert ag.move_area(d, 3, 1) == (1, 2, 4, 3, 5, 6, 7, 8)
    assert ag.move_area(d, 3, -1) == (1, 3, 2, 4, 5, 6, 7, 8)
    assert ag.move_area(d, 1, -1) == d and ag.move_area(d, 8, 1) == d
    moved = ag.move_area(ag.move_area(d, 8, -1), 8, -1)
    assert moved == (1, 2, 3, 4, 5, 8, 6, 7)
    assert ag.area_moves(d, moved) == [(8, 8, 6), (6, 6, 7), (7, 7, 8)]
    assert ag.area_moves(d, d) == []


def test_area_order_is_checked_parsed_and_derived_from_rows():
    assert ag.parse_area_order("") == ag.DEFAULT_AREA_ORDER
    assert ag.parse_area_order("2,1,3,4,5,6,7,8") == (2, 1, 3, 4, 5, 6, 7, 8)
    assert ag.format_area_order((2, 1, 3, 4, 5, 6, 7, 8)) == "2,1,3,4,5,6,7,8"
    for bad in ((1, 2, 3), (1, 1, 2, 3, 4, 5, 6, 7), (0, 1, 2, 3, 4, 5, 6, 7), ("x",) * 8):
        with pytest.raises(ValueError, match="area order"):
            ag.check_area_order(bad)
    # rows of a workbook listed area by area: the areas in first-seen order, the empty ones after
    assert ag.area_order_from([2, 2, 1, 5, 5]) == (2, 1, 5, 3, 4, 6, 7, 8)

"""Sampling engine (GB/T 2828.1-2012 = ISO 2859-1:1999): tables cell by cell, switching rules by
hand-made lot sequences, OC/LQ/AOQL against scipy, and invariants with hypothesis.

The tables below are a SECOND TRANSCRIPTION of Tables 2-A, 2-B and 2-C, typed separately from
resources/standards/*.json in a different notation (run lengths "v*14", "^" for ↑, "v" for ↓),
with its own arrow resolver. Both transcriptions were compared offline, cell by cell after
resolving arrows, with a public GB/T 2828.1-2012 transcription (TypeScript calculator
src/core/aql.ts, stated as checked against the 2012 scan): 3 × 416 cells, no difference; and with
a MIL-STD-105E/ANSI Z1.4 transcription (fjgonzalezmgt/AQLSchemesCust R/AAZ14Single.R) for 2-A and
2-B: 831 of 832 cells agree, the exception being tightened A at AQL 10 (see the test below).
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st
from scipy import stats

from app.engines import sampling as sp
from app.engines.sampling import (
    CODE_LETTERS, LEVELS, PREFERRED_AQLS, SEVERITIES, SamplingInputError, SamplingTableError, SwitchingState, aoq, aoql, code_letter, limiting_quality, next_state,
    oc_curve, pa_at_aql, plan_for_lot, replay, resume_inspection, score_inputs, single_plan,
    switching_history, tighter_aql,
)

# ---------------------------------------------------------------------------------------------
# Second transcription (printed layout, run-length notation)
# ---------------------------------------------------------------------------------------------

AQL_HEAD = ("0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65 1.0 1.5 2.5 4.0 6.5 10 15 25 40 65 100 150 "
            "250 400 650 1000")

TABLE_2A = {  # normal inspection
    "A": "v*14 0/1 v v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    "B": "v*13 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45",
    "C": "v*12 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^",
    "D": "v*11 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^*2",
    "E": "v*10 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31 44/45 ^*3",
    "F": "v*9 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*6",
    "G": "v*8 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*7",
    "H": "v*7 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*8",
    "J": "v*6 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*9",
    "K": "v*5 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*10",
    "L": "v*4 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*11",
    "M": "v*3 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*12",
    "N": "v*2 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*13",
    "P": "v 0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*14",
    "Q": "0/1 ^ v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*15",
    "R": "^ ^ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ^*16",
}
TABLE_2B = {  # tightened inspection; row S has its only plan under 0.025
    "A": "v*15 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28",
    "B": "v*14 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42",
    "C": "v*13 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^",
    "D": "v*12 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^*2",
    "E": "v*11 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 27/28 41/42 ^*3",
    "F": "v*10 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*6",
    "G": "v*9 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*7",
    "H": "v*8 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*8",
    "J": "v*7 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*9",
    "K": "v*6 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*10",
    "L": "v*5 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*11",
    "M": "v*4 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*12",
    "N": "v*3 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*13",
    "P": "v*2 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*14",
    "Q": "v 0/1 v v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*15",
    "R": "0/1 ^ v 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ^*16",
    "S": "-*2 1/2 -*23",
}
TABLE_2C = {  # reduced inspection, 1999 edition: no gap between Ac and Re
    "A": "v*14 0/1 v v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    "B": "v*13 0/1 ^ v v 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 30/31",
    "C": "v*12 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ^",
    "D": "v*11 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ^*2",
    "E": "v*10 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 14/15 21/22 ^*3",
    "F": "v*9 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*6",
    "G": "v*8 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*7",
    "H": "v*7 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*8",
    "J": "v*6 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*9",
    "K": "v*5 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*10",
    "L": "v*4 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*11",
    "M": "v*3 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*12",
    "N": "v*2 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*13",
    "P": "v 0/1 ^ v v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*14",
    "Q": "0/1 ^ ^ v 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*15",  # the long ↑ over P/Q/R under 0.025
    "R": "^ ^ ^ 1/2 2/3 3/4 5/6 6/7 8/9 10/11 ^*16",
}
SIZES = {
    "normal": dict(zip("ABCDEFGHJKLMNPQR", (2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000))),
    "tightened": dict(zip("ABCDEFGHJKLMNPQRS",
                          (2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150))),
    "reduced": dict(zip("ABCDEFGHJKLMNPQR", (2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800))),
}
TABLES = {"normal": TABLE_2A, "tightened": TABLE_2B, "reduced": TABLE_2C}

# Table 1, typed again per inspection level (one letter per lot-size row) rather than per row.
LOT_ROW_STARTS = (2, 9, 16, 26, 51, 91, 151, 281, 501, 1201, 3201, 10001, 35001, 150001, 500001)
TABLE_1_BY_LEVEL = {
    "S-1": "AAAABBBBCCCCDDD", "S-2": "AAABBBCCCDDDEEE", "S-3": "AABBCCDDEEFFGGH",
    "S-4": "AABCCDEEFGGHJJK", "I": "AABCCDEFGHJKLMN", "II": "ABCDEFGHJKLMNPQ", "III": "BCDEFGHJKLMNPQR",
}


def expand(row: str) -> list[str]:
    cells = []
    for token in row.split():
        value, _, times = token.partition("*")
        cells += [value] * int(times or 1)
    return cells


def resolve(severity: str, letter: str, col: int):
    """Test-side arrow resolver: walk the column of the second transcription."""
    table = {k: expand(v) for k, v in TABLES[severity].items()}
    order = list(table)
    i, arrow = order.index(letter), None
    while table[order[i]][col] in ("v", "^"):
        arrow = "down" if table[order[i]][col] == "v" else "up"
        i += 1 if arrow == "down" else -1
    ac, re = map(int, table[order[i]][col].split("/"))
    return order[i], SIZES[severity][order[i]], ac, re, arrow


def test_second_transcription_is_complete():
    assert len(AQL_HEAD.split()) == 26 and [float(a) for a in AQL_HEAD.split()] == list(PREFERRED_AQLS)
    for severity, table in TABLES.items():
        assert all(len(expand(row)) == 26 for row in table.values()), severity


@pytest.mark.parametrize("severity", SEVERITIES)
def test_every_resolved_cell_matches_the_second_transcription(severity):
    checked = 0
    for letter in CODE_LETTERS:
        for col, aql in enumerate(PREFERRED_AQLS):
            final, n, ac, re, arrow = resolve(severity, letter, col)
            plan = single_plan(letter, aql, severity)
            got = (plan.code_letter, plan.n, plan.ac, plan.re, plan.arrow)
            assert got == (final, n, ac, re, arrow), (letter, aql)
            assert (plan.requested_letter, plan.severity, plan.aql, plan.table_n) == (letter, severity, aql, n)
            assert plan.table == {"normal": "2-A", "tightened": "2-B", "reduced": "2-C"}[severity]
            checked += 1
    assert checked == 16 * 26


@pytest.mark.parametrize("severity", SEVERITIES)
def test_data_file_matches_second_transcription_in_printed_layout(severity):
    doc = sp.standard_table(severity)
    symbol = {"v": "↓", "^": "↑"}
    assert list(doc["rows"]) == list(TABLES[severity])
    for letter, row in TABLES[severity].items():
        assert doc["rows"][letter].split() == [symbol.get(c, c) for c in expand(row)], letter
    assert doc["sample_sizes"] == SIZES[severity]
    assert doc["aql"] == AQL_HEAD.split()
    assert "GB/T 2828.1-2012" in doc["source"] and "ISO 2859-1:1999" in doc["source"]
    assert doc["cross_checked_against"]


def test_every_plan_in_the_1999_tables_has_re_equal_ac_plus_one():
    # ISO 2859-1:1999 foreword: reduced plans changed "to eliminate the gap between Ac and Re".
    for severity in SEVERITIES:
        for letter in CODE_LETTERS:
            for aql in PREFERRED_AQLS:
                plan = single_plan(letter, aql, severity)
                assert plan.re == plan.ac + 1
    # 1999 values where MIL-STD-105E / the 1989 edition print the gapped 5/8 and 7/10
    assert [single_plan(x, 100, "reduced").ac for x in "CDE"] == [6, 8, 10]
    assert (single_plan("K", 4.0, "reduced").ac, single_plan("K", 6.5, "reduced").ac) == (6, 8)


@pytest.mark.parametrize("letter, aql, severity, expected", [
    ("K", 1.0, "normal", ("K", 125, 3, 4, None)),      # domain.md §4
    ("K", 1.0, "tightened", ("K", 125, 2, 3, None)),   # domain.md §4
    ("K", 1.0, "reduced", ("K", 50, 2, 3, None)),      # published golden example of the GB/T cross-check
    ("M", 6.5, "reduced", ("L", 80, 10, 11, "up")),    # same
    ("K", 0.40, "normal", ("K", 125, 1, 2, None)),
    ("A", 10, "normal", ("C", 5, 1, 2, "down")),       # two rows down
    ("R", 0.015, "normal", ("P", 800, 0, 1, "up")),    # two rows up
    ("F", 100, "normal", ("E", 13, 21, 22, "up")),
    ("A", 0.010, "normal", ("Q", 1250, 0, 1, "down")),
    ("R", 0.025, "tightened", ("S", 3150, 1, 2, "down")),  # the extra letter S
    ("Q", 0.025, "tightened", ("S", 3150, 1, 2, "down")),
    ("R", 0.015, "tightened", ("Q", 1250, 0, 1, "up")),
    ("Q", 0.025, "reduced", ("N", 200, 0, 1, "up")),   # the long up arrow over P/Q/R
    ("C", 1000, "reduced", ("B", 2, 30, 31, "up")),
])
def test_reference_cells(letter, aql, severity, expected):
    plan = single_plan(letter, aql, severity)
    assert (plan.code_letter, plan.n, plan.ac, plan.re, plan.arrow) == expected
    assert plan.arrow_followed == (expected[4] is not None)


def test_tightened_a_at_aql_10_follows_gbt_not_mil_std_105e():
    # GB/T 2828.1-2012 transcription: 0/1 with n = 2 (the normal table shifted one AQL column, as
    # every other tightened Ac 0/1 plan is). MIL-STD-105E prints a down arrow (-> D, n 8, 1/2).
    plan = single_plan("A", 10, "tightened")
    assert (plan.code_letter, plan.n, plan.ac, plan.re) == ("A", 2, 0, 1)
    assert (plan.n, plan.ac) == (single_plan("A", 6.5, "normal").n, single_plan("A", 6.5, "normal").ac)
    assert pa_at_aql(plan) < pa_at_aql(single_plan("A", 10, "normal"))  # still tighter at the AQL
    assert "A, AQL 10" in " ".join(sp.standard_table("tightened")["disagreements"])


# ---------------------------------------------------------------------------------------------
# Table 1: code letters
# ---------------------------------------------------------------------------------------------

def test_table_1_every_cell_and_range_edge():
    ends = [s - 1 for s in LOT_ROW_STARTS[1:]] + [10**9]
    for level, letters in TABLE_1_BY_LEVEL.items():
        for row, (low, high) in enumerate(zip(LOT_ROW_STARTS, ends)):
            assert code_letter(low, level) == letters[row], (level, low)
            assert code_letter(high, level) == letters[row], (level, high)


@pytest.mark.parametrize("lot, level, letter", [
    (2, "II", "A"), (8, "II", "A"), (9, "II", "B"), (1200, "II", "J"), (1201, "II", "K"),
    (3200, "II", "K"), (3201, "II", "L"), (500000, "II", "P"), (500001, "II", "Q"),
    (10**12, "III", "R"), (2, "III", "B"), (500001, "S-1", "D"), (2000, "Ⅱ", "K"), (2000, " ii ", "K"),
])
def test_code_letter_edges(lot, level, letter):
    assert code_letter(lot, level) == letter


def test_domain_reference_plan():
    # domain.md §4: lot 1201–3200, level II → K, n = 125; K, AQL 1.0 → normal 3/4, tightened 2/3.
    for lot in (1201, 2000, 3200):
        assert code_letter(lot, "II") == "K"
        normal, tightened = plan_for_lot(lot, "II", 1.0, "normal"), plan_for_lot(lot, "II", 1.0, "tightened")
        assert (normal.n, normal.ac, normal.re) == (125, 3, 4)
        assert (tightened.n, tightened.ac, tightened.re) == (125, 2, 3)
        assert not normal.hundred_percent and normal.lot_size == lot


@pytest.mark.parametrize("lot", [1, 0, -5, 2.5, 1200.0, True, "100", None, 10**12 + 1, [100]])
def test_code_letter_refuses_bad_lot_sizes(lot):
    with pytest.raises(SamplingInputError, match="lot size"):
        code_letter(lot, "II")


@pytest.mark.parametrize("level", ["IV", "S-5", "s5", "", None, 2, "G-II"])
def test_code_letter_refuses_unknown_levels(level):
    with pytest.raises(SamplingInputError, match="inspection level"):
        code_letter(500, level)


def test_code_letter_accepts_numpy_integers():
    assert code_letter(np.int64(1500), "II") == "K"


# ---------------------------------------------------------------------------------------------
# Plans: AQL handling, 100 % inspection
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("aql, nearest", [(1.2, "1 or 1.5"), (0.005, "0.01"), (2000, "1000"), (7, "6.5 or 10")])
def test_non_preferred_aql_lists_the_nearest(aql, nearest):
    with pytest.raises(SamplingInputError, match=f"nearest preferred: {nearest}$"):
        single_plan("K", aql, "normal")


@pytest.mark.parametrize("aql", [float("nan"), float("inf"), -1, 0, "abc", True, None, [1.0]])
def test_bad_aql_refused(aql):
    with pytest.raises(SamplingInputError, match="AQL"):
        single_plan("K", aql)


def test_aql_spellings_accepted():
    assert single_plan("K", 1, "normal") is single_plan("K", "1.0", "normal") is single_plan("K", np.float64(1.0))
    assert single_plan("k", 0.1 + 1e-12).aql == 0.10


@pytest.mark.parametrize("letter", ["I", "O", "S", "", "KK", None, 3])
def test_bad_letters_refused(letter):
    with pytest.raises(SamplingInputError, match="code letter"):
        single_plan(letter, 1.0)


@pytest.mark.parametrize("severity", ["Normal ", "TIGHTENED", "reduced"])
def test_severity_spellings(severity):
    assert single_plan("K", 1.0, severity).severity == severity.strip().lower()


@pytest.mark.parametrize("severity", ["skip", "", None, "discontinued"])
def test_bad_severity_refused(severity):
    with pytest.raises(SamplingInputError, match="severity"):
        single_plan("K", 1.0, severity)


def test_hundred_percent_inspection_when_sample_reaches_the_lot():
    plan = plan_for_lot(8, "II", 0.65)  # A → ↓ to F, n = 20 > 8
    assert plan.hundred_percent and plan.n == 8 and (plan.ac, plan.re) == (0, 1)
    assert plan.table_n == 20 and plan.code_letter == "F" and plan.lot_size == 8
    exact = plan_for_lot(2, "II", 6.5)  # A, n = 2 = lot size
    assert exact.hundred_percent and exact.n == 2 == exact.table_n
    assert not plan_for_lot(3, "II", 6.5).hundred_percent


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 10**7), st.sampled_from(LEVELS), st.sampled_from(PREFERRED_AQLS), st.sampled_from(SEVERITIES))
def test_plan_for_lot_is_table_plan_capped_at_lot_size(lot, level, aql, severity):
    table_plan = single_plan(code_letter(lot, level), aql, severity)
    plan = plan_for_lot(lot, level, aql, severity)
    assert plan.n == min(table_plan.n, lot) and (plan.ac, plan.re) == (table_plan.ac, table_plan.re)
    assert plan.hundred_percent == (table_plan.n >= lot) and plan.table_n == table_plan.n


def test_accepts_decision():
    plan = single_plan("K", 1.0)
    assert plan.accepts(3) and not plan.accepts(4)
    with pytest.raises(SamplingInputError):
        plan.accepts(-1)


def test_lookup_is_cached_and_returns_the_same_object():
    sp._plans.cache_clear()
    first = single_plan("K", 1.0)
    assert single_plan("K", 1.0) is first and sp._plans.cache_info().hits >= 1


# ---------------------------------------------------------------------------------------------
# Invariants of the tables
# ---------------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.integers(2, 10**11), st.integers(2, 10**11), st.sampled_from(LEVELS))
def test_code_letter_monotone_in_lot_size(a, b, level):
    low, high = sorted((a, b))
    assert CODE_LETTERS.index(code_letter(low, level)) <= CODE_LETTERS.index(code_letter(high, level))


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 10**11))
def test_code_letter_monotone_in_level_order(lot):
    indices = [CODE_LETTERS.index(code_letter(lot, level)) for level in LEVELS]
    assert indices == sorted(indices)


def test_tightened_never_looser_than_normal():
    """Pa(tightened) ≤ Pa(normal) at every quality, for every letter and AQL — except the one cell
    where the GB/T and MIL-STD-105E transcriptions disagree (tightened A at 10, n 2 vs normal n 5:
    tighter up to p ≈ 0.38, looser beyond)."""
    exceptions = []
    for letter in CODE_LETTERS:
        for aql in PREFERRED_AQLS:
            normal, tightened = single_plan(letter, aql, "normal"), single_plan(letter, aql, "tightened")
            p = np.linspace(0, 1, 401) if aql <= 10 else np.linspace(0, 20, 401)
            if np.any(oc_curve(tightened, p).pa > oc_curve(normal, p).pa + 1e-12):
                exceptions.append((letter, aql))
            assert tightened.ac <= normal.ac or tightened.n > normal.n
    assert exceptions == [("A", 10.0)]


def test_tighter_plan_for_the_score_has_the_same_sample_size():
    # score_inputs reads the one-step-tighter plan in the row actually used: it must be a plain
    # plan (no arrow) with the same n and a smaller Ac, or the 9.3.3.2 comparison is meaningless.
    for letter in CODE_LETTERS:
        for aql in PREFERRED_AQLS:
            plan = single_plan(letter, aql, "normal")
            if plan.ac >= 2:
                tighter = single_plan(plan.code_letter, tighter_aql(aql), "normal")
                assert tighter.n == plan.n and tighter.ac < plan.ac and not tighter.arrow_followed


def test_tighter_aql_steps():
    assert tighter_aql(1.0) == 0.65 and tighter_aql(15) == 10 and tighter_aql(0.010) is None


def test_score_inputs():
    plan = single_plan("K", 1.0)  # 3/4; one step tighter (0.65) is 2/3
    assert score_inputs(plan, 2) == sp.ScoreInputs(True, 3, True)
    assert score_inputs(plan, 3) == sp.ScoreInputs(True, 3, False)
    assert score_inputs(plan, 4) == sp.ScoreInputs(False, 3, False)
    assert score_inputs(single_plan("K", 0.1), 0).tighter_accepted is None
    with pytest.raises(SamplingInputError, match="normal inspection"):
        score_inputs(single_plan("K", 1.0, "tightened"), 0)


# ---------------------------------------------------------------------------------------------
# Switching rules (clause 9) by hand-made sequences
# ---------------------------------------------------------------------------------------------

T, F = True, False
N_, T_, R_, D_ = "normal", "tightened", "reduced", "discontinued"


def history(accepted, ac=1, **kw):
    return switching_history(accepted, acceptance_numbers=ac, **kw)


def test_start_is_normal():
    assert SwitchingState().severity == N_ and history([T]) == [N_]


def test_two_of_five_window_edge():
    # rejected lots 1 and 5: within 5 consecutive lots → lot 6 is on tightened
    assert history([F, T, T, T, F, T]) == [N_] * 5 + [T_]
    # rejected lots 1 and 6: 6 lots apart → stays normal
    assert history([F, T, T, T, T, F, T]) == [N_] * 7
    assert history([F, F, T]) == [N_, N_, T_]
    event = replay([F, T, T, T, F], acceptance_numbers=1).events[0]
    assert (event.rule, event.value, event.lot_number, event.clause[-5:]) == ("normal_to_tightened", 5, 5, "9.3.1")
    assert "2 of the last 5 lots" in event.text_en and "→ tightened" in event.text_en
    assert "连续 5 批内有 2 批不接收" in event.text("zh_CN") and "加严检验" in event.text_zh


def test_tightened_to_normal_after_exactly_five_accepted():
    start = [F, F]
    assert history(start + [T] * 4 + [T]) == [N_, N_] + [T_] * 5
    assert history(start + [T] * 5 + [T]) == [N_, N_] + [T_] * 5 + [N_]
    # a rejection restarts the run of five
    assert history(start + [T] * 4 + [F] + [T] * 5 + [T]) == [N_, N_] + [T_] * 10 + [N_]
    events = replay(start + [T] * 5, acceptance_numbers=1).events
    assert [e.rule for e in events] == ["normal_to_tightened", "tightened_to_normal"]
    assert events[1].text_en == "5 consecutive lots accepted on tightened inspection → normal"


def test_back_on_normal_the_window_and_score_restart():
    seq = [F, F] + [T] * 5  # back to normal after lot 7
    state = replay(seq, acceptance_numbers=1).state
    assert (state.severity, state.switching_score, state.recent_normal) == (N_, 0, ())
    # lot 2 (rejected, on normal) is not counted again: one new rejection does not tighten
    assert history(seq + [F, T]) == [N_, N_] + [T_] * 5 + [N_, N_]


def test_score_plus_two_for_ac_0_or_1_and_reset_on_rejection():
    state = SwitchingState()
    for expected in (2, 4, 6):
        state, event = next_state(state, T, acceptance_number=1)
        assert state.switching_score == expected and event is None
    state, _ = next_state(state, F, acceptance_number=0)
    assert state.switching_score == 0 and state.severity == N_
    state, _ = next_state(state, T, acceptance_number=0)
    assert state.switching_score == 2


def test_score_plus_three_only_when_accepted_one_aql_step_tighter():
    state = SwitchingState()
    state, _ = next_state(state, T, acceptance_number=2, tighter_accepted=T)
    state, _ = next_state(state, T, acceptance_number=3, tighter_accepted=T)
    assert state.switching_score == 6
    state, _ = next_state(state, T, acceptance_number=2, tighter_accepted=F)  # accepted, but not tighter
    assert state.switching_score == 0 and state.severity == N_
    state, _ = next_state(state, F, acceptance_number=2, tighter_accepted=F)
    assert state.switching_score == 0


def test_score_reaching_30_switches_to_reduced():
    assert history([T] * 16) == [N_] * 15 + [R_]  # +2 per lot: 30 after lot 15
    assert history([T] * 11, ac=2, tighter_accepted=T) == [N_] * 10 + [R_]  # +3: 30 after lot 10
    event = replay([T] * 15, acceptance_numbers=1).events[0]
    assert (event.rule, event.value, event.to_severity) == ("normal_to_reduced", 30, R_)
    assert "switching score 30 ≥ 30" in event.text_en and "转移得分 30 ≥ 30" in event.text_zh


def test_mixed_acceptance_numbers_score():
    # Ac alternates 1 (+2) and 2 with tighter accepted (+3): 5 per pair, 30 after 12 lots
    result = replay([T] * 13, acceptance_numbers=[1, 2] * 6 + [1], tighter_accepted=T)
    assert result.severities == (N_,) * 12 + (R_,)
    assert result.events[0].lot_number == 12


def test_score_30_without_approval_or_steady_production_stays_normal():
    assert history([T] * 20, reduced_approved=False) == [N_] * 20
    assert history([T] * 20, production_steady=False) == [N_] * 20
    approved = [False] * 17 + [True] * 3  # score 34 at lot 17, approval from lot 18
    assert history([T] * 20, reduced_approved=approved) == [N_] * 18 + [R_] * 2
    state = replay([T] * 17, acceptance_numbers=1, reduced_approved=False).state
    assert state.switching_score == 34 and state.severity == N_


def test_reduced_back_to_normal():
    to_reduced = [T] * 15
    assert history(to_reduced + [T, F, T]) == [N_] * 15 + [R_, R_, N_]
    steady = [True] * 17 + [False]
    assert history(to_reduced + [T, T, T], production_steady=steady) == [N_] * 15 + [R_, R_, R_]
    assert history(to_reduced + [T, T, T, T], production_steady=steady + [True]) == [N_] * 15 + [R_] * 3 + [N_]
    withdrawn = [True] * 16 + [False, True]
    assert history(to_reduced + [T, T, T], reduced_approved=withdrawn) == [N_] * 15 + [R_, R_, N_]
    rules = [e.rule for e in replay(to_reduced + [T, F], acceptance_numbers=1).events]
    assert rules == ["normal_to_reduced", "reduced_to_normal_not_accepted"]
    rules = [e.rule for e in replay(to_reduced + [T, T, T], acceptance_numbers=1, production_steady=steady).events]
    assert rules == ["normal_to_reduced", "reduced_to_normal_production"]
    rules = [e.rule for e in replay(to_reduced + [T, T, T], acceptance_numbers=1, reduced_approved=withdrawn).events]
    assert rules == ["normal_to_reduced", "reduced_to_normal_authority"]
    # back on normal the score starts again from 0 (9.3.3.2)
    assert replay(to_reduced + [F], acceptance_numbers=1).state.switching_score == 0


def test_five_not_accepted_on_tightened_discontinues_and_it_stays():
    seq = [F, F] + [F, T, F, T, F, T, F, T] + [F]  # 5th not accepted on tightened is lot 11
    expected = [N_, N_] + [T_] * 9 + [D_] * 4
    assert history(seq + [T, T, T, T]) == expected
    result = replay(seq + [T, T], acceptance_numbers=1)
    assert result.state.discontinued and result.state.tightened_not_accepted == 5
    assert result.events[-1].rule == "tightened_discontinued" and result.events[-1].lot_number == 11
    state, event = next_state(result.state, T, acceptance_number=1)
    assert state.severity == D_ and event is None and state.lots == 14


def test_the_tightened_count_is_cumulative_but_restarts_with_a_new_tightened_period():
    # 4 not accepted, then 5 accepted → normal; a new tightened period starts counting from 0
    seq = [F, F, F, F, F, F] + [T] * 5 + [F, F] + [F, F, F, F]
    sev = history(seq)
    assert sev[:11] == [N_, N_] + [T_] * 9 and sev[11:13] == [N_, N_] and D_ not in sev


def test_resume_after_discontinuation_goes_to_tightened():
    state = replay([F, F] + [F] * 5, acceptance_numbers=1).state
    resumed, event = resume_inspection(state)
    assert resumed.severity == T_ and resumed.tightened_not_accepted == 0 and resumed.lots == state.lots
    assert event.rule == "resumed_tightened" and event.from_severity == D_
    with pytest.raises(SamplingInputError, match="not discontinued"):
        resume_inspection(resumed)


def test_tightened_lots_do_not_need_tighter_accepted():
    # Ac ≥ 2 but the lots are on tightened: the score (and tighter_accepted) is not used there
    sev = history([F, F, T, T], ac=[1, 1, 3, 3])
    assert sev == [N_, N_, T_, T_]


def test_replay_continues_from_a_stored_state():
    first = replay([T] * 7, acceptance_numbers=1)
    second = replay([T] * 8, acceptance_numbers=1, state=first.state)
    whole = replay([T] * 15, acceptance_numbers=1)
    assert second.state == whole.state and second.events[0].lot_number == 15


@pytest.mark.parametrize("kwargs, message", [
    (dict(accepted=[T, T], acceptance_numbers=[1]), "acceptance_numbers has 1 values for 2 lots"),
    (dict(accepted=[T, 1], acceptance_numbers=1), "accepted must be True or False"),
    (dict(accepted="TT", acceptance_numbers=1), "sequence of True/False"),
    (dict(accepted=5, acceptance_numbers=1), "sequence of True/False"),
    (dict(accepted=[T], acceptance_numbers=-1), "acceptance_numbers must be a whole number"),
    (dict(accepted=[T], acceptance_numbers=[1.5]), "acceptance_numbers must be a whole number"),
    (dict(accepted=[T], acceptance_numbers=True), "acceptance_numbers must be a whole number"),
    (dict(accepted=[T, T], acceptance_numbers=2), "lot 1: tighter_accepted is needed"),
    (dict(accepted=[F], acceptance_numbers=2, tighter_accepted=T), "lot 1: accepted one AQL step tighter"),
    (dict(accepted=[T], acceptance_numbers=1, production_steady=[T, T]), "production_steady has 2 values"),
    (dict(accepted=[T], acceptance_numbers=1, reduced_approved="yes"), "reduced_approved"),
    (dict(accepted=[T], acceptance_numbers=1, tighter_accepted=[0]), "tighter_accepted"),
    (dict(accepted=[T], acceptance_numbers=1, state="normal"), "SwitchingState"),
])
def test_replay_validates_inputs(kwargs, message):
    with pytest.raises(SamplingInputError, match=message):
        replay(**kwargs)


def test_next_state_validates_inputs():
    with pytest.raises(SamplingInputError, match="accepted"):
        next_state(SwitchingState(), 1, acceptance_number=1)
    with pytest.raises(SamplingInputError, match="tighter_accepted is needed"):
        next_state(SwitchingState(), T, acceptance_number=2)
    with pytest.raises(SamplingInputError, match="production_steady"):
        next_state(SwitchingState(), T, acceptance_number=1, production_steady=None)
    with pytest.raises(SamplingInputError, match="SwitchingState"):
        next_state(None, T, acceptance_number=1)


def test_numpy_inputs_accepted():
    acc = np.array([True] * 16)
    assert history(acc, ac=np.ones(16, dtype=int)) == [N_] * 15 + [R_]


@st.composite
def lot_sequences(draw):
    size = draw(st.integers(0, 80))
    odds = draw(st.sampled_from([1, 4, 60]))  # True:False odds per example; 60 reaches reduced inspection
    flags = lambda: st.lists(st.sampled_from((True,) * odds + (False,)), min_size=size, max_size=size)  # noqa: E731
    accepted = draw(flags())
    acs = draw(st.lists(st.one_of(st.integers(0, 1), st.integers(0, 4)), min_size=size, max_size=size))
    tighter = [ok and t for ok, t in zip(accepted, draw(flags()))]
    steady = draw(st.one_of(st.just(True), st.booleans(), flags()))
    approved = draw(st.one_of(st.just(True), st.booleans(), flags()))
    return accepted, acs, tighter, steady, approved


@settings(max_examples=300, deadline=None)
@given(lot_sequences())
def test_switching_history_equals_repeated_next_state(seq):
    accepted, acs, tighter, steady, approved = seq
    at = lambda v, i: v if isinstance(v, bool) else v[i]  # noqa: E731
    state, severities, events = SwitchingState(), [], []
    for i, ok in enumerate(accepted):
        severities.append(state.severity)
        state, event = next_state(state, ok, acceptance_number=acs[i], tighter_accepted=tighter[i],
                                  production_steady=at(steady, i), reduced_approved=at(approved, i))
        events += [event] if event else []
        assert 0 <= state.switching_score and len(state.recent_normal) <= 4
        assert state.tightened_accepted_run < 5 and state.tightened_not_accepted <= 5
    result = replay(accepted, acceptance_numbers=acs, tighter_accepted=tighter,
                    production_steady=steady, reduced_approved=approved)
    assert list(result.severities) == severities == switching_history(
        accepted, acceptance_numbers=acs, tighter_accepted=tighter, production_steady=steady,
        reduced_approved=approved)
    assert list(result.events) == events and result.state == state
    # every change of severity between consecutive lots is explained by exactly one event
    changes = sum(a != b for a, b in zip(severities, severities[1:] + [state.severity]))
    assert changes == len(events)
    for event in events:
        assert event.rule in sp.RULES and event.text_en and event.text_zh and "9." in event.clause


# ---------------------------------------------------------------------------------------------
# Operating characteristics
# ---------------------------------------------------------------------------------------------

def all_plans():
    return {(p.n, p.ac): p for s in SEVERITIES for x in CODE_LETTERS for a in PREFERRED_AQLS
            for p in [single_plan(x, a, s)]}


def test_oc_binomial_and_poisson_against_scipy():
    p = np.concatenate([[0.0, 1e-6, 1e-4], np.linspace(0.001, 0.999, 60), [1.0]])
    lam = np.concatenate([[0.0, 1e-6], np.geomspace(1e-4, 30, 60)])
    for (n, ac), plan in all_plans().items():
        got = oc_curve(plan, p, model="binomial").pa
        np.testing.assert_allclose(got, stats.binom.cdf(ac, n, p), rtol=1e-9, atol=1e-13, err_msg=f"{n},{ac}")
        got = oc_curve(plan, lam, model="poisson").pa
        np.testing.assert_allclose(got, stats.poisson.cdf(ac, n * lam), rtol=1e-9, atol=1e-13, err_msg=f"{n},{ac}")


def test_oc_curve_unpacks_and_picks_the_model_by_aql():
    p_values, pa = oc_curve(single_plan("K", 1.0), [0.01, 0.05])
    assert p_values.tolist() == [0.01, 0.05] and pa[0] == pytest.approx(stats.binom.cdf(3, 125, 0.01))
    assert oc_curve(single_plan("K", 1.0), [0.1]).model == "binomial"
    assert oc_curve(single_plan("E", 25), [0.1]).model == "poisson"
    assert sp.model_for_aql(10) == "binomial" and sp.model_for_aql(15) == "poisson"


@pytest.mark.parametrize("values, model", [
    ([0.1, float("nan")], "binomial"), ([-0.01], "binomial"), ([1.01], "binomial"), ([-1], "poisson"),
    (["a"], "binomial"), ([True], "binomial"), ([None], "binomial"), ([[1], [1, 2]], "binomial"),
    ([float("inf")], "poisson"),
])
def test_oc_refuses_bad_quality_values(values, model):
    with pytest.raises(SamplingInputError):
        oc_curve(single_plan("K", 1.0), values, model=model)


def test_oc_refuses_bad_model_or_plan():
    with pytest.raises(SamplingInputError, match="model"):
        oc_curve(single_plan("K", 1.0), [0.1], model="normal")
    with pytest.raises(SamplingInputError, match="SamplingPlan"):
        oc_curve((125, 3), [0.1])


def test_pa_at_aql():
    assert pa_at_aql(single_plan("K", 1.0)) == pytest.approx(stats.binom.cdf(3, 125, 0.01), rel=1e-12)
    assert pa_at_aql(single_plan("E", 100)) == pytest.approx(stats.poisson.cdf(21, 13 * 1.0), rel=1e-12)
    with pytest.raises(SamplingInputError, match="poisson"):
        pa_at_aql(single_plan("A", 1000), model="binomial")


@pytest.mark.parametrize("target", [0.10, 0.05])
def test_limiting_quality_against_scipy(target):
    for (n, ac), plan in all_plans().items():
        if ac < n:
            expected = stats.beta.ppf(1 - target, ac + 1, n - ac)  # P(X ≤ ac) = 1 − I_p(ac+1, n−ac)
            assert limiting_quality(plan, target, model="binomial") == pytest.approx(expected, rel=1e-8, abs=1e-11)
        else:
            assert limiting_quality(plan, target, model="binomial") is None
        expected = stats.gamma.ppf(1 - target, ac + 1) / n  # P(X ≤ ac) = P(Gamma(ac+1) > λ)
        assert limiting_quality(plan, target, model="poisson") == pytest.approx(expected, rel=1e-8, abs=1e-11)


def test_limiting_quality_refuses_bad_targets():
    for bad in (0, 1, -0.1, 1.5, float("nan"), True, "0.1"):
        with pytest.raises(SamplingInputError, match="target Pa"):
            limiting_quality(single_plan("K", 1.0), bad)


def test_aoq_formula_and_hundred_percent():
    plan = single_plan("K", 1.0)
    p = np.linspace(0, 0.1, 11)
    expected = p * stats.binom.cdf(3, 125, p) * (2000 - 125) / 2000
    np.testing.assert_allclose(aoq(plan, p, lot_size=2000), expected, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(aoq(plan_for_lot(2000, "II", 1.0), p), expected, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(aoq(plan, p), p * stats.binom.cdf(3, 125, p), rtol=1e-9, atol=1e-15)
    assert not aoq(plan_for_lot(8, "II", 0.65), p).any()  # everything inspected: nothing outgoing bad
    with pytest.raises(SamplingInputError, match="lot size"):
        aoq(plan, p, lot_size=1)


@pytest.mark.parametrize("letter, aql, severity, model", [
    ("K", 1.0, "normal", "binomial"), ("A", 6.5, "normal", "binomial"), ("R", 0.65, "normal", "binomial"),
    ("D", 2.5, "tightened", "binomial"), ("M", 4.0, "reduced", "binomial"), ("E", 150, "normal", "poisson"),
    ("S", 0.025, "tightened", "binomial"),
])
def test_aoql_against_brute_force_grid(letter, aql, severity, model):
    plan = single_plan("R" if letter == "S" else letter, aql, severity)
    lot = 10 * plan.n
    result = aoql(plan, lot_size=lot, model=model)
    top = limiting_quality(plan, 1e-9, model=model)
    grid = np.linspace(0, top, 400_001)
    brute = aoq(plan, grid, lot_size=lot, model=model)
    assert result.aoql >= brute.max() * (1 - 1e-12)
    assert result.aoql == pytest.approx(brute.max(), rel=1e-7)
    assert aoq(plan, [result.p_at_max], lot_size=lot, model=model)[0] == pytest.approx(result.aoql, rel=1e-12)
    assert result.lot_size == lot and result.model == model and "ternary search" in result.method


def test_aoql_poisson_closed_forms():
    # AOQ·n = λ·P(X ≤ c; λ) is maximal where its derivative vanishes: c = 0 → λ = 1 (value 1/e);
    # c = 1 → λ² − λ − 1 = 0; c = 2 → λ³ − λ² − 2λ − 2 = 0 (the classic AOQL factors 0.368,
    # 0.840, 1.371 of Dodge & Romig's y table).
    def y(c, lam):
        return lam * sum(lam**k / math.factorial(k) for k in range(c + 1)) * math.exp(-lam)
    real = lambda coefficients: max(r.real for r in np.roots(coefficients) if abs(r.imag) < 1e-12)  # noqa: E731
    roots = {0: 1.0, 1: real([1, -1, -1]), 2: real([1, -1, -2, -2])}
    for c, letter_aql in ((0, 0.10), (1, 0.40), (2, 0.65)):  # code letter K (n 125): Ac 0, 1, 2
        plan = single_plan("K", letter_aql)
        assert plan.ac == c
        result = aoql(plan, model="poisson")
        assert result.aoql * 125 == pytest.approx(y(c, roots[c]), rel=1e-10)
        assert result.p_at_max * 125 == pytest.approx(roots[c], rel=1e-5)
    assert [round(y(c, roots[c]), 3) for c in (0, 1, 2)] == [0.368, 0.840, 1.371]


def test_oc_of_200_points_is_quick_enough_to_be_vectorised():
    curve = oc_curve(single_plan("R", 0.65), np.linspace(0, 0.05, 200))
    assert curve.pa.shape == (200,) and curve.pa[0] == 1.0


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CODE_LETTERS), st.sampled_from(PREFERRED_AQLS), st.sampled_from(SEVERITIES),
       st.lists(st.floats(0, 1), min_size=2, max_size=40), st.sampled_from(["binomial", "poisson"]))
def test_pa_is_a_non_increasing_probability(letter, aql, severity, p, model):
    plan = single_plan(letter, aql, severity)
    p = np.sort(np.asarray(p)) * (1 if model == "binomial" else 30)
    pa = oc_curve(plan, p, model=model).pa
    assert np.all((pa >= 0) & (pa <= 1))
    assert np.all(np.diff(pa) <= 1e-12)


# ---------------------------------------------------------------------------------------------
# Bad inputs never escape as raw numpy/KeyError/TypeError
# ---------------------------------------------------------------------------------------------

junk = st.one_of(st.none(), st.booleans(), st.text(max_size=6), st.floats(allow_nan=True, allow_infinity=True),
                 st.integers(-10**13, 10**13), st.lists(st.integers(), max_size=3), st.binary(max_size=3),
                 st.sampled_from(LEVELS + SEVERITIES + tuple(CODE_LETTERS)))


@settings(max_examples=400, deadline=None)
@given(junk, junk, junk, junk)
def test_junk_inputs_raise_only_the_engines_error(a, b, c, d):
    calls = [lambda: code_letter(a, b), lambda: single_plan(a, b, c), lambda: plan_for_lot(a, b, c, d),
             lambda: oc_curve(single_plan("K", 1.0), a, model=b if b in ("binomial", "poisson") else None),
             lambda: limiting_quality(single_plan("K", 1.0), a), lambda: tighter_aql(a),
             lambda: switching_history(a, acceptance_numbers=b, tighter_accepted=c, production_steady=d),
             lambda: next_state(SwitchingState(), a, acceptance_number=b, tighter_accepted=c),
             lambda: aoq(single_plan("K", 1.0), [0.1], lot_size=a)]
    for call in calls:
        try:
            call()
        except SamplingInputError:
            pass


@settings(max_examples=200, deadline=None)
@given(st.floats(0.001, 2000))
def test_any_positive_aql_is_a_plan_or_a_nearest_preferred_message(value):
    assume(all(abs(value - a) > 1e-9 * a for a in PREFERRED_AQLS))
    with pytest.raises(SamplingInputError, match="nearest preferred"):
        single_plan("K", value)


# ---------------------------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------------------------

@pytest.fixture
def fresh_tables(monkeypatch, tmp_path):
    def clear():
        for cached in (sp._document, sp._plans, sp._code_letter_table):
            cached.cache_clear()
    clear()
    yield tmp_path
    monkeypatch.undo()
    clear()


def _copy_tables(target, edit=None):
    for name in sp._TABLE_FILES.values():
        doc = json.loads((sp.STANDARDS_DIR / name).read_text(encoding="utf-8"))
        if edit:
            edit(name, doc)
        (target / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("edit, message", [
    (lambda name, doc: doc["rows"].__setitem__("K", "↓ " * 26) if "2a" in name else None,
     "leads off the table or into a loop"),
    (lambda name, doc: doc["rows"].__setitem__("A", "0/1") if "2b" in name else None, "26 cells"),
    (lambda name, doc: doc.pop("source") if "2c" in name else None, "stated source"),
    (lambda name, doc: doc["rows"].__setitem__("B", "1/1 " * 26) if "2a" in name else None, "Ac 1, Re 1"),
])
def test_malformed_table_files_are_reported(fresh_tables, monkeypatch, edit, message):
    _copy_tables(fresh_tables, edit)
    monkeypatch.setattr(sp, "STANDARDS_DIR", fresh_tables)
    with pytest.raises(SamplingTableError, match=message):
        single_plan("K", 1.0)


def test_missing_table_file_is_reported(fresh_tables, monkeypatch):
    monkeypatch.setattr(sp, "STANDARDS_DIR", fresh_tables / "nowhere")
    with pytest.raises(SamplingTableError, match="cannot read"):
        code_letter(100, "II")


def test_table_1_file_states_its_source_and_checks():
    doc = sp.standard_table("1")
    assert doc["levels"] == list(LEVELS) and "Table 1" in doc["source"] and doc["cross_checked_against"]
    with pytest.raises(SamplingInputError, match="unknown table"):
        sp.standard_table("2-D")
    doc["rows"].clear()  # a copy: the cached table is untouched
    assert code_letter(2000, "II") == "K"

"""Sourcing plan service on a real SQLite file and on PostgreSQL: hand-made suppliers, items,
links and stored results, so the shares and strategies below are computed by hand (default
policy weights A 1.5, B 1.0, C 0.5, D 0 × score)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.engines.grading import GradePolicy
from app.engines.scoring import EvaluationScheme
from app.models.evaluation.service import EvaluationError, active_scheme, evaluate_period, grade_list, save_scheme
from app.models.evaluation.tables import EvaluationResult, EvaluationRun
from app.models.evaluation.sourcing import LINK_INACTIVE, STRATEGY_ORDER, sourcing_plan, strategy_rank
from app.models.suppliers.tables import Part, Supplier, SupplierPart

PERIOD = "2026-10"

#: code -> (status, score) for the period; score None = evaluated without a score; "-" = no result row
SUPPLIERS = {
    "SA": ("approved", 95.0), "SA2": ("approved", 92.0), "SB": ("approved", 85.0), "SB2": ("conditional", 80.0),
    "SC": ("approved", 75.0), "SC2": ("conditional", 72.0), "SD": ("approved", 60.0), "SN": ("approved", None),
    "SX": ("suspended", 99.0), "SQ": ("disqualified", 91.0), "SP": ("potential", "-"), "SU": ("under_evaluation", 88.0),
    "SNEW": ("approved", "-"),
}
#: item -> [(supplier, recorded share, link active)]
LINKS = {
    "P1": [("SC", 1.0, True)],                                           # one C → develop a second source
    "P2": [("SB", 0.6, True), ("SC", 0.4, True)],                        # B and C → urge improvement, seek better
    "P3": [("SA", 0.0, True), ("SB2", 0.0, True), ("SD", 0.0, True)],    # A, B, D → shift to A, phase out D
    "P4": [("SA2", 1.0, True)],                                          # one A → single source acceptable
    "P5": [],                                                            # nobody → no source
    "P6": [("SX", 1.0, True), ("SQ", 0.0, True)],                        # blocked and disqualified only → no source
    "P7": [("SN", 0.5, True), ("SNEW", 0.5, True)],                      # current but not graded
    "P8": [("SB", 0.3, True), ("SA", 0.7, False), ("SP", 0.0, True), ("SU", 0.0, True)],  # inactive link, candidates
    "P9": [("SC", 0.5, True), ("SC2", 0.5, True)],                       # all C → develop new sources
    "P10": [("SA", 0.5, True), ("SA2", 0.5, True)],                      # all A → maintain
}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request):
    """The same tests on an SQLite file and on a PostgreSQL database (the service is plain SQLAlchemy)."""
    return request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")


def _grade(score):
    return None if score is None else "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "D"


def seed(db, scheme: EvaluationScheme | None = None, period: str = PERIOD) -> None:
    with db.begin() as s:
        rec = save_scheme(s, scheme) if scheme else active_scheme(s)
        ids = {}
        for i, (code, (status, _)) in enumerate(SUPPLIERS.items(), start=1):
            sup = Supplier(code=code, name_zh=f"{code}公司", name_en=f"{code} Ltd", status=status)
            s.add(sup)
            s.flush()
            ids[code] = sup.id
        for code, links in LINKS.items():
            part = Part(code=code, name_zh=f"零件{code}", name_en=f"Part {code}", importance_class="II")
            s.add(part)
            s.flush()
            for sup, share, active in links:
                s.add(SupplierPart(supplier_id=ids[sup], part_id=part.id, share=share, active=active))
        run = EvaluationRun(period=period, period_kind="month", period_start=date(2026, 10, 1),
                            period_end=date(2026, 10, 31), scheme_id=rec.id, supplier_count=len(SUPPLIERS),
                            scored_count=0)
        s.add(run)
        s.flush()
        for code, (status, score) in SUPPLIERS.items():
            if score == "-":
                continue
            s.add(EvaluationResult(supplier_id=ids[code], period=period, score=score, grade=_grade(score),
                                   periods_in_grade=1, treatment="complete"))


def _items(plan):
    return {it.code: it for it in plan.items}


def _shares(item):
    return {s.code: s.suggested_share for s in item.suppliers}


def test_strategies_by_hand(store):
    seed(store)
    items = _items(sourcing_plan(store, PERIOD))
    assert set(items) == set(LINKS)
    assert items["P1"].strategy == ("develop_second_source",)
    assert items["P2"].strategy == ("urge_improvement_seek_better",)
    assert items["P3"].strategy == ("shift_share_to_best", "phase_out_d")
    assert items["P4"].strategy == ("single_source_ok",)
    assert items["P5"].strategy == ("no_source",)
    assert items["P6"].strategy == ("no_source",)
    assert items["P7"].strategy == ("no_graded_source",)
    assert items["P8"].strategy == ("single_source_ok",)  # only SB is current: the A link is switched off
    assert items["P9"].strategy == ("develop_new_sources",)
    assert items["P10"].strategy == ("maintain",)


def test_suggested_shares_by_hand(store):
    seed(store)
    items = _items(sourcing_plan(store, PERIOD))
    assert _shares(items["P1"]) == {"SC": 1.0}
    # B 1.0 × 85 = 85, C 0.5 × 75 = 37.5 → 85 / 122.5 and 37.5 / 122.5
    assert _shares(items["P2"]) == pytest.approx({"SB": 85 / 122.5, "SC": 37.5 / 122.5}, abs=1e-6)
    # A 1.5 × 95 = 142.5, B 1.0 × 80 = 80, D gets nothing
    assert _shares(items["P3"]) == pytest.approx({"SA": 142.5 / 222.5, "SB2": 80 / 222.5, "SD": 0.0}, abs=1e-6)
    assert _shares(items["P7"]) == {"SN": 0.0, "SNEW": 0.0}  # nobody graded: no suggestion
    assert _shares(items["P10"]) == pytest.approx({"SA": 142.5 / 280.5, "SA2": 138 / 280.5}, abs=1e-6)
    for code, item in items.items():
        total = sum(s.suggested_share for s in item.suppliers)
        assert total == pytest.approx(1.0 if code not in ("P5", "P6", "P7") else 0.0, abs=1e-5), code
        for s in item.suppliers:
            if s.grade == "D":
                assert s.suggested_share == 0.0
    # best first: largest suggested share leads
    assert [s.code for s in items["P3"].suppliers] == ["SA", "SB2", "SD"]


def test_current_suppliers_and_why_others_are_not(store):
    seed(store)
    items = _items(sourcing_plan(store, PERIOD))
    assert [s.code for s in items["P8"].suppliers] == ["SB"]
    assert {o.code: o.reason for o in items["P8"].not_current} == {
        "SA": LINK_INACTIVE, "SP": "potential", "SU": "under_evaluation"}
    assert {o.code: o.reason for o in items["P6"].not_current} == {"SX": "suspended", "SQ": "disqualified"}
    assert items["P6"].suppliers == ()
    sb2 = next(s for s in items["P3"].suppliers if s.code == "SB2")
    assert (sb2.status, sb2.grade, sb2.score) == ("conditional", "B", 80.0)  # conditionally approved counts
    snew = next(s for s in items["P7"].suppliers if s.code == "SNEW")
    assert (snew.grade, snew.score) == (None, None)  # approved after the run: no result, no grade
    assert items["P1"].suppliers[0].name_zh == "SC公司" and items["P1"].name_en == "Part P1"


def test_current_share_only_where_the_item_records_one(store):
    seed(store)
    items = _items(sourcing_plan(store, PERIOD))
    assert {s.code: s.current_share for s in items["P2"].suppliers} == {"SB": 0.6, "SC": 0.4}
    assert all(s.current_share is None for s in items["P3"].suppliers)  # every link records 0: no split
    assert items["P8"].suppliers[0].current_share == 0.3  # the recorded value, not re-normalised


def test_items_ordered_by_urgency_then_code_and_counts(store):
    seed(store)
    plan = sourcing_plan(store, PERIOD)
    ranks = [it.rank for it in plan.items]
    assert ranks == sorted(ranks)
    assert [it.code for it in plan.items][:2] == ["P5", "P6"]  # no source first
    assert plan.items[-1].strategy == ("single_source_ok",)
    assert strategy_rank(("shift_share_to_best", "phase_out_d")) == STRATEGY_ORDER.index("phase_out_d")
    counts = plan.strategy_counts()
    assert counts == {"no_source": 2, "develop_new_sources": 1, "develop_second_source": 1,
                      "urge_improvement_seek_better": 1, "phase_out_d": 1, "no_graded_source": 1,
                      "shift_share_to_best": 1, "maintain": 1, "single_source_ok": 2}
    assert (plan.period, plan.period_kind, plan.scheme_name, plan.scheme_version) == (PERIOD, "month", "standard", 1)


def test_shares_use_the_scheme_the_period_was_evaluated_with(store):
    equal = EvaluationScheme(name="equal", policy=GradePolicy(share_weight={"A": 1.0, "B": 1.0, "C": 1.0, "D": 0.0}))
    seed(store, equal)
    with store.begin() as s:  # a newer active version with other weights must not change the stored period
        save_scheme(s, EvaluationScheme(name="equal"))
    plan = sourcing_plan(store, PERIOD)
    assert (plan.scheme_name, plan.scheme_version) == ("equal", 1)
    assert plan.share_weight == {"A": 1.0, "B": 1.0, "C": 1.0, "D": 0.0}
    p2 = _items(plan)["P2"]
    assert _shares(p2) == pytest.approx({"SB": 85 / 160, "SC": 75 / 160}, abs=1e-6)


def test_period_not_evaluated_or_malformed_is_refused(store):
    seed(store)
    with pytest.raises(EvaluationError, match="2026-11 has not been evaluated"):
        sourcing_plan(store, "2026-11")
    with pytest.raises(EvaluationError, match="has not been evaluated"):
        sourcing_plan(store, "2026-Q4")
    for bad in ("2026-13", "october", ""):
        with pytest.raises(EvaluationError):
            sourcing_plan(store, bad)


def test_empty_database_with_an_evaluated_period(store):
    with store.begin() as s:
        rec = active_scheme(s)
        s.add(EvaluationRun(period=PERIOD, period_kind="month", period_start=date(2026, 10, 1),
                            period_end=date(2026, 10, 31), scheme_id=rec.id, supplier_count=0, scored_count=0))
    plan = sourcing_plan(store, PERIOD)
    assert plan.items == [] and plan.strategy_counts() == {}


def test_plan_agrees_with_the_grade_list_after_a_real_evaluation(demo_db):
    period = sqlite3.connect(demo_db.path).execute("SELECT MAX(period) FROM evaluation_runs").fetchone()[0]
    evaluate_period(demo_db, period)
    plan = sourcing_plan(demo_db, period)
    grades = {r.code: (r.grade, r.score) for r in grade_list(demo_db, period).rows}
    conn = sqlite3.connect(demo_db.path)
    assert len(plan.items) == conn.execute("SELECT COUNT(*) FROM parts").fetchone()[0]
    current = conn.execute("SELECT COUNT(*) FROM supplier_parts sp JOIN suppliers s ON s.id = sp.supplier_id"
                           " WHERE sp.active AND s.status IN ('approved', 'conditional')").fetchone()[0]
    assert sum(len(it.suppliers) for it in plan.items) == current
    for item in plan.items:
        for s in item.suppliers:
            assert (s.grade, s.score) == grades.get(s.code, (None, None))
        total = sum(s.suggested_share for s in item.suppliers)
        assert total == pytest.approx(1.0, abs=1e-5) or total == 0.0

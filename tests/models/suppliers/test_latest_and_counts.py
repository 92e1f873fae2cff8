"""Issue 10 §7 and §8: "latest grade" is the latest period by date, not the text maximum of its
label; open and overdue corrective actions have one definition on every screen and report."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from app.engines.indicators import Period
from app.engines.scoring import EvaluationScheme
from app.models.core.overview import load_overview
from app.models.evaluation.history import latest_period
from app.models.evaluation.service import save_scheme
from app.models.evaluation.tables import EvaluationResult, EvaluationRun
from app.models.suppliers import corrective
from app.models.suppliers import imports as simport
from app.models.suppliers import master as sup
from app.models.suppliers.tables import CAR_EXTRA, CorrectiveAction


def _grades(db, sid: int, graded: dict[str, str]) -> None:
    with db.begin() as s:
        scheme = save_scheme(s, EvaluationScheme(name="standard"))
        for label, grade in graded.items():
            p = Period.parse(label)
            s.add(EvaluationRun(period=p.label, period_kind=p.kind, period_start=p.start, period_end=p.last_day,
                                scheme_id=scheme.id, supplier_count=1, scored_count=1))
            s.flush()
            s.add(EvaluationResult(period=p.label, supplier_id=sid, score={"A": 95, "B": 85, "C": 70, "D": 40}[grade],
                                   grade=grade, periods_in_grade=1, treatment="scored", missing="[]"))


def test_latest_grade_is_the_latest_month_by_date_not_the_text_maximum(db, tmp_path):
    sid = sup.create_supplier(db, {"code": "S1", "name_zh": "甲"})
    # "2026-Q1" > "2026-11" as text; by date the month of November is the latest
    _grades(db, sid, {"2026-10": "B", "2026-11": "D", "2026-Q1": "A", "2026-Q3": "C"})
    row = sup.get_supplier(db, sid)
    assert (row.latest_grade, row.latest_grade_period) == ("D", "2026-11")
    grid = sup.supplier_grid(db)
    assert grid.loc[0, "latest_grade"] == "D" and grid.loc[0, "latest_grade_period"] == "2026-11"
    # the user's chosen kind of period
    assert sup.get_supplier(db, sid, grade_kind="quarter").latest_grade_period == "2026-Q3"
    # the supplier export shows the same grade
    out = tmp_path / "s.csv"
    simport.export_suppliers(db, out)
    assert ",D," in out.read_text(encoding="utf-8-sig").splitlines()[1] + ","
    # the evaluation screen opens on the latest month
    assert latest_period(db, "month").label == "2026-11"


def test_latest_grade_falls_back_to_another_kind_when_no_month_was_evaluated(db):
    sid = sup.create_supplier(db, {"code": "S1", "name_zh": "甲"})
    _grades(db, sid, {"2025": "B", "2026-Q2": "A", "2026-Q1": "C"})
    row = sup.get_supplier(db, sid)
    assert (row.latest_grade, row.latest_grade_period) == ("A", "2026-Q2")


def _car(db, sid, status, due, answered=None, verified=None):
    cid = corrective.create_corrective_action(db, sid, title=f"{status} {due}", due_on=due, issued_on=due - timedelta(40))
    with db.begin() as s:
        s.execute(update(CorrectiveAction).where(CorrectiveAction.id == cid)
                  .values(status=status, answered_on=answered))
        s.execute(update(CAR_EXTRA).where(CAR_EXTRA.c.id == cid).values(verified_on=verified))
    return cid


def test_open_and_overdue_have_one_definition_everywhere(db):
    today = date(2026, 6, 30)
    a = sup.create_supplier(db, {"code": "A", "name_zh": "甲"})
    b = sup.create_supplier(db, {"code": "B", "name_zh": "乙"})
    _car(db, a, "open", today - timedelta(5))                                           # open, overdue (answer late)
    _car(db, a, "open", today + timedelta(5))                                           # open, not yet due
    _car(db, a, "answered", today - timedelta(60), answered=today - timedelta(45))      # verification 15 days late
    _car(db, b, "answered", today - timedelta(10), answered=today - timedelta(12))      # verification due in 18 days
    _car(db, b, "verified", today - timedelta(90), answered=today - timedelta(80),
         verified=today - timedelta(20))                                                # closure 6 days late
    _car(db, b, "closed", today - timedelta(90), answered=today - timedelta(80))        # not open
    _car(db, b, "cancelled", today - timedelta(90))                                     # not open

    listed = corrective.list_corrective_actions(db, open_only=True, as_of=today)
    overdue = corrective.overdue_corrective_actions(db, as_of=today)
    overview = load_overview(db, today)
    counts = corrective.corrective_action_counts(db, as_of=today)
    grid = {r.code: (r.open_cars, r.overdue_cars) for r in sup.supplier_rows(db, as_of=today)}

    assert len(listed) == counts.open == overview.open_corrective_actions == 5
    assert sum(r.overdue for r in listed) == len(overdue) == counts.overdue == overview.overdue_corrective_actions == 3
    assert grid == {"A": (3, 2), "B": (2, 1)}
    assert sorted(r.days_overdue for r in overdue) == [5, 6, 15]
    by_title = {r.title.split()[0]: r for r in overdue}
    assert by_title["answered"].step_due == today - timedelta(15)
    assert corrective.step_due("closed", today) is None


def test_the_cli_counts_with_the_same_rule(db, capsys):
    import json

    from app.cli import main

    today = date.today()
    a = sup.create_supplier(db, {"code": "A", "name_zh": "甲"})
    _car(db, a, "open", today - timedelta(5))
    _car(db, a, "answered", today - timedelta(60), answered=today - timedelta(45))
    _car(db, a, "answered", today - timedelta(10), answered=today - timedelta(12))
    _car(db, a, "closed", today - timedelta(90), answered=today - timedelta(80))
    overview = load_overview(db, today)
    assert main(["corrective-actions", "--db", str(db.path), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["open"], got["overdue"]) == (overview.open_corrective_actions, overview.overdue_corrective_actions) == (3, 2)
    assert sorted(r["days_overdue"] for r in got["requests"] if r["overdue"]) == [5, 15]
    assert main(["corrective-actions", "--db", str(db.path), "--overdue", "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("未关闭的纠正措施要求 3 项，逾期 2 项") and len(out) == 3 and "已回复" in out[1]


def test_latest_grade_and_counts_on_postgresql(pg_db):
    """The same SQL on PostgreSQL (dates compared as dates, the kind bound as a parameter)."""
    sid = sup.create_supplier(pg_db, {"code": "S1", "name_zh": "甲"})
    _grades(pg_db, sid, {"2026-10": "B", "2026-11": "D", "2026-Q1": "A", "2026-Q3": "C"})
    assert sup.get_supplier(pg_db, sid).latest_grade_period == "2026-11"
    assert sup.get_supplier(pg_db, sid, grade_kind="quarter").latest_grade_period == "2026-Q3"
    today = date(2026, 6, 30)
    _car(pg_db, sid, "answered", today - timedelta(60), answered=today - timedelta(45))
    assert corrective.corrective_action_counts(pg_db, as_of=today) == corrective.CarCounts(1, 1)
    assert load_overview(pg_db, today).overdue_corrective_actions == 1

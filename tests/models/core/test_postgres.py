"""The same application against a PostgreSQL server (a database URL): migrations, the monthly
evaluation with its portable aggregate SQL, stored traces, history and the CSV import give the
same answers as on an SQLite file. The server is a throw-away cluster (tests/support/postgres.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import insert, text

from app.models.core.database import open_database, script_heads, upgrade
from app.models.suppliers.tables import CorrectiveAction
from app.models.evaluation.tables import Delivery, InspectionLot, PurchaseOrderLine
from app.models.evaluation.service import EvaluationError, evaluate_period, grade_list, trace_details
from app.models.evaluation.history import score_history
from app.models.evaluation.imports import import_csv
from app.models.suppliers.tables import Supplier

D = date.fromisoformat
SUPPLIERS = [dict(id=i, code=f"S{i}", name_zh=f"供应商{i}", name_en=f"Supplier {i}", status="approved")
             for i in (1, 2, 3)]
LINES = [dict(id=1, supplier_id=1, po_number="PO1", line_no=1, ordered_qty=100, due_on=D("2026-10-10"),
              unit_price=2.0, standard_price=2.0),
         dict(id=2, supplier_id=1, po_number="PO1", line_no=2, ordered_qty=200, due_on=D("2026-10-31"),
              unit_price=1.1, standard_price=1.0),
         dict(id=3, supplier_id=2, po_number="PO2", line_no=1, ordered_qty=50, due_on=D("2026-10-15"),
              unit_price=1.0, standard_price=1.0),
         dict(id=4, supplier_id=2, po_number="PO2", line_no=2, ordered_qty=40, due_on=D("2026-09-20"),
              unit_price=None, standard_price=None)]
DELIVERIES = [dict(id=1, po_line_id=1, delivered_on=D("2026-10-07"), quantity=60),
              dict(id=2, po_line_id=1, delivered_on=D("2026-10-11"), quantity=60),   # 1 day late
              dict(id=3, po_line_id=2, delivered_on=D("2026-10-28"), quantity=150),  # 3 days early: on time
              dict(id=4, po_line_id=3, delivered_on=D("2026-10-20"), quantity=50),   # 5 days late
              dict(id=5, po_line_id=4, delivered_on=D("2026-10-02"), quantity=40)]   # 12 days late
LOTS = [dict(lot_number=n, supplier_id=s, inspected_on=D(d), lot_size=size, sample_size=smp, critical_defects=0,
             major_defects=maj, minor_defects=mnr, defective_units=bad, decision=dec)
        for n, s, d, size, smp, maj, mnr, bad, dec in [
            ("L1", 1, "2026-10-08", 60, 13, 0, 1, 1, "accepted"), ("L2", 1, "2026-10-29", 150, 20, 2, 0, 2, "rejected"),
            ("L3", 2, "2026-10-21", 50, 8, 0, 0, 0, "accepted"), ("L4", 2, "2026-09-21", 40, 8, 1, 0, 1, "accepted")]]
CARS = [dict(supplier_id=s, number=n, title="t", issued_on=D(i), due_on=D(d), answered_on=a and D(a), status=st)
        for s, n, i, d, a, st in [(1, "C1", "2026-10-01", "2026-10-15", "2026-10-14", "answered"),
                                  (1, "C2", "2026-10-05", "2026-10-19", None, "open"),
                                  (2, "C3", "2026-10-01", "2026-10-15", "2026-10-10", "cancelled")]]


def seed(db) -> None:
    with db.begin() as s:
        s.execute(insert(Supplier.__table__), SUPPLIERS)
        s.execute(insert(PurchaseOrderLine.__table__), LINES)
        s.execute(insert(Delivery.__table__), DELIVERIES)
        s.execute(insert(InspectionLot.__table__), LOTS)
        s.execute(insert(CorrectiveAction.__table__), CARS)
    if db.engine.dialect.name == "postgresql":  # explicit ids: move the sequences past them
        with db.begin() as s:
            for table in ("suppliers", "purchase_order_lines", "deliveries"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"))


def answers(db) -> dict:
    out = {}
    for period in ("2026-09", "2026-10", "2026-Q4"):
        evaluate_period(db, period)
        gl = grade_list(db, period)
        out[period] = [(r.code, r.score, r.grade, r.previous_grade, r.periods_in_grade, r.change, r.treatment,
                        r.missing, r.indicators) for r in gl.rows]
        out[period, "trace"] = [trace_details(db, r.code, period) for r in gl.rows]
    history = score_history(db, "S1")
    out["history"] = [(p, None if s != s else s, g) for p, s, g in history.itertuples(index=False)]
    return out


def test_migrations_reach_every_head(pg_db):
    assert set(pg_db.current_revisions()) == set(script_heads())
    assert pg_db.engine.dialect.name == "postgresql" and pg_db.path is None


def test_evaluation_gives_the_same_answers_as_sqlite(pg_db, db):
    seed(pg_db)
    seed(db)
    on_pg, on_sqlite = answers(pg_db), answers(db)
    assert on_pg == on_sqlite
    october = {row[0]: row for row in on_pg["2026-10"]}
    # by hand, default window 3 days early .. 0 late: S1 on 10-07 (3 early) and 10-28 (3 early) on
    # time, 10-11 (1 late) not; S2 both late (5 days, 12 days)
    assert october["S1"][8]["on_time_delivery"] == pytest.approx(2 / 3, abs=1e-6)
    assert october["S2"][8]["on_time_delivery"] == 0.0
    assert october["S1"][8]["order_fulfilment"] == pytest.approx(250 / 300, abs=1e-6)
    assert october["S3"][2] is None and october["S3"][6] == "no_score"


def test_rerun_and_stale_rows_on_postgres(pg_db):
    seed(pg_db)
    evaluate_period(pg_db, "2026-10")
    with pg_db.begin() as s:
        s.execute(text("UPDATE suppliers SET status = 'potential' WHERE code = 'S3'"))
    assert evaluate_period(pg_db, "2026-10").suppliers == 2
    assert {r.code for r in grade_list(pg_db, "2026-10").rows} == {"S1", "S2"}
    with pytest.raises(EvaluationError):
        evaluate_period(pg_db, "2026-10", "no-such-scheme")


def test_csv_import_is_all_or_nothing_on_postgres(pg_db):
    seed(pg_db)
    good = ("supplier,lot_number,inspected_on,lot_size,sample_size,defective_units,decision\n"
            "S1,L9,2026-10-30,100,13,0,accepted\n").encode()
    summary = import_csv(pg_db, "inspection-lots", good)
    assert summary.rows == 1
    bad = ("supplier,lot_number,inspected_on,lot_size,sample_size,defective_units,decision\n"
           "S1,L10,2026-10-30,100,13,0,accepted\nNOPE,L11,2026-10-31,100,13,0,accepted\n").encode()
    with pytest.raises(Exception) as err:
        import_csv(pg_db, "inspection-lots", bad)
    assert "NOPE" in str(getattr(err.value, "errors", err.value))
    with pg_db.begin() as s:
        assert s.execute(text("SELECT COUNT(*) FROM inspection_lots WHERE lot_number IN ('L10', 'L11')")).scalar() == 0


def test_0003_results_are_converted_on_postgres(pg_server):
    url = pg_server.new_database()
    db = open_database(url, migrate=False)
    upgrade(db, "0003_evaluation")
    with db.begin() as s:
        s.execute(text("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship,"
                       " status, address, city, country, notes, created_at, updated_at) VALUES (1, 'S1', '甲', 'A',"
                       " '', 'I', 'competitive', 'approved', '', '', '', '', now(), now())"))
        s.execute(text("INSERT INTO evaluation_schemes (id, name, version, config, active, notes, created_at)"
                       " VALUES (1, 'standard', 1, '{\"method\": \"weighted\"}', true, '', now())"))
        s.execute(text("INSERT INTO evaluation_runs (id, period, period_kind, period_start, period_end, scheme_id,"
                       " run_at, supplier_count, scored_count) VALUES (1, '2026-10', 'month', '2026-10-01',"
                       " '2026-10-31', 1, now(), 1, 1)"))
        trace = {"keys": ["lot_pass_rate"], "v": [9.0, 10.0, 90.0, 1.0]}
        s.execute(text("INSERT INTO evaluation_results (run_id, supplier_id, period, period_kind, scheme_name,"
                       " scheme_version, method, score, grade, previous_grade, periods_in_grade, change, treatment,"
                       " missing, trace) VALUES (1, 1, '2026-10', 'month', 'standard', 1, 'weighted', 90, 'A', NULL,"
                       " 1, 'new', 'scored', '[]', :t)"), {"t": json.dumps(trace)})
    db.dispose()
    db = open_database(url)
    try:
        assert "0005_evaluation_traces" in db.applied_revisions()
        t = trace_details(db, "S1", "2026-10")
        assert t["grade"] == "A" and t["indicators"]["lot_pass_rate"]["value"] == 0.9
    finally:
        db.dispose()


def test_cli_evaluates_and_exports_against_a_database_url(pg_server, tmp_path):
    import subprocess
    import sys

    url = pg_server.new_database()
    db = open_database(url)
    seed(db)
    db.dispose()
    run = lambda *args: subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,  # noqa: E731
                                       text=True, timeout=120)
    done = run("evaluate", "--db", url, "--period", "2026-10", "--json")
    assert done.returncode == 0, done.stderr
    assert {r["supplier"] for r in json.loads(done.stdout)} == {"S1", "S2", "S3"}
    out = tmp_path / "grades.csv"
    done = run("export-grades", "--db", url, "--period", "2026-10", "--out", str(out), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "S1" in out.read_text(encoding="utf-8-sig")

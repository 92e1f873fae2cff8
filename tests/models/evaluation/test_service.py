"""Evaluation records and services on a real SQLite file."""

import io
import json
import sqlite3

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.dialects import sqlite as sqlite_dialect

from app.engines.indicators import DeliveryWindow, Period, aggregate_records
from app.engines.scoring import EvaluationScheme
from app.models.evaluation.service import (
    EvaluationError, aggregate_counts, aggregate_params, aggregate_sql, evaluate_period, grade_list, save_scheme,
    trace_details,
)


def _seed(db):
    """Two suppliers, hand-made October 2026 records."""
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executemany("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship,"
                     " status, address, city, country, notes, created_at, updated_at) VALUES"
                     " (?,?,?,?,'',?,'competitive','approved','','','','','2026-01-01','2026-01-01')",
                     [(1, "S1", "甲公司", "Alpha", "I"), (2, "S2", "乙公司", "Beta", "II"), (3, "S3", "丙", "Gamma", "III")])
    conn.executemany("INSERT INTO purchase_order_lines (id, supplier_id, po_number, line_no, ordered_qty, due_on,"
                     " unit_price, standard_price) VALUES (?,?,?,?,?,?,?,?)",
                     [(1, 1, "PO1", 1, 100, "2026-10-10", 2.0, 2.0), (2, 1, "PO1", 2, 200, "2026-10-31", 1.0, 1.0),
                      (3, 2, "PO2", 1, 50, "2026-10-15", 1.0, 1.0)])
    conn.executemany("INSERT INTO deliveries (id, po_line_id, delivered_on, quantity, delivery_note) VALUES (?,?,?,?,'')",
                     [(1, 1, "2026-10-07", 60), (2, 1, "2026-10-11", 60), (3, 2, "2026-10-28", 150),
                      (4, 3, "2026-10-20", 50)])
    conn.executemany("INSERT INTO inspection_lots (lot_number, supplier_id, inspected_on, lot_size, sample_size,"
                     " critical_defects, major_defects, minor_defects, defective_units, decision, severity, inspector,"
                     " notes) VALUES (?,?,?,?,?,?,?,?,?,?,'normal','','')",
                     [("L1", 1, "2026-10-08", 60, 13, 0, 0, 1, 1, "accepted"),
                      ("L2", 1, "2026-10-29", 150, 20, 0, 2, 0, 2, "rejected"),
                      ("L3", 2, "2026-10-21", 50, 8, 0, 0, 0, 0, "accepted")])
    conn.executemany("INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on,"
                     " due_on, answered_on, status, owner) VALUES (?,?,'t','','inspection',?,?,?,?,'')",
                     [(1, "C1", "2026-10-01", "2026-10-15", "2026-10-14", "answered"),
                      (1, "C2", "2026-10-05", "2026-10-19", None, "open"),
                      (2, "C3", "2026-10-01", "2026-10-15", "2026-10-10", "cancelled")])
    conn.commit()
    conn.close()


def test_sql_aggregation_matches_reference_path(db):
    _seed(db)
    period = Period.parse("2026-10")
    scheme = EvaluationScheme(window=DeliveryWindow(3, 1))
    with db.begin() as session:
        counts = aggregate_counts(session, np.array([1, 2, 3]), period, scheme)
    conn = sqlite3.connect(db.path)
    rd = lambda sql: pd.read_sql(sql, conn)  # noqa: E731
    ref = aggregate_records(
        [1, 2, 3], period, scheme.window,
        lots=rd("SELECT * FROM inspection_lots"),
        lines=rd("SELECT id AS line_id, supplier_id, ordered_qty, due_on, unit_price, standard_price"
                 " FROM purchase_order_lines"),
        deliveries=rd("SELECT po_line_id AS line_id, delivered_on, quantity FROM deliveries"),
        cars=rd("SELECT supplier_id, due_on, answered_on FROM corrective_actions WHERE status != 'cancelled'"))
    for name in counts.COUNT_FIELDS:
        assert getattr(counts, name).tolist() == pytest.approx(getattr(ref, name).tolist()), name
    # by hand: supplier 1 delivered 10-07 (3 early), 10-11 (1 late), 10-28 (3 early): all on time
    assert counts.deliveries_on_time[0] == 3 and counts.qty_fulfilled[0] == 250 and counts.qty_ordered[0] == 300
    assert counts.cars_due.tolist() == [2, 0, 0]  # cancelled requests do not count


def test_hot_queries_use_covering_indexes(db):
    conn = sqlite3.connect(db.path)
    params = aggregate_params(Period.parse("2026-10"), EvaluationScheme())
    for sql, params in aggregate_sql(sqlite_dialect.dialect(paramstyle="named"), params):
        plan = " ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "COVERING INDEX" in plan, plan
        assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan


def test_evaluate_stores_results_and_rerun_replaces(db):
    _seed(db)
    s1 = evaluate_period(db, "2026-10")
    assert (s1.suppliers, s1.scored) == (3, 2)
    gl = grade_list(db, "2026-10")
    by_code = {r.code: r for r in gl.rows}
    assert by_code["S3"].score is None and by_code["S3"].grade is None  # empty period: no score, never 100
    assert set(by_code["S3"].missing) >= {"on_time_delivery", "lot_pass_rate"}
    assert by_code["S2"].missing == ["service"]
    evaluate_period(db, "2026-10")
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT COUNT(*) FROM evaluation_results WHERE period = '2026-10'").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM evaluation_runs").fetchone()[0] == 1
    # A supplier no longer graded (back to potential) loses its result when the period is re-run.
    conn.execute("UPDATE suppliers SET status = 'potential' WHERE code = 'S3'")
    conn.commit()
    conn.close()
    assert evaluate_period(db, "2026-10").suppliers == 2
    assert {r.code for r in grade_list(db, "2026-10").rows} == {"S1", "S2"}


def test_trace_explains_the_grade(db):
    _seed(db)
    evaluate_period(db, "2026-10")
    t = trace_details(db, "S1", "2026-10")
    assert t["method"] == "weighted" and t["version"] == 1
    lp = t["indicators"]["lot_pass_rate"]
    assert lp["counts"] == {"lots_accepted": 1, "lots_inspected": 2} and lp["value"] == 0.5
    total = sum(i["contribution"] for i in t["indicators"].values() if i["contribution"] is not None)
    assert total == pytest.approx(t["score"], abs=0.01)
    assert t["indicators"]["service"]["value"] == 0.5


def test_history_previous_grade_and_streak(db):
    _seed(db)
    evaluate_period(db, "2026-09")  # empty month: no grades, carried nothing
    evaluate_period(db, "2026-10")
    evaluate_period(db, "2026-11")  # empty again: grade carried as previous
    rows = {r.code: r for r in grade_list(db, "2026-11").rows}
    oct_rows = {r.code: r for r in grade_list(db, "2026-10").rows}
    assert rows["S2"].grade is None and rows["S2"].previous_grade == oct_rows["S2"].grade
    assert rows["S2"].periods_in_grade == 1


def test_schemes_are_versioned_and_unknown_scheme_is_refused(db):
    _seed(db)
    with db.begin() as s:
        r1 = save_scheme(s, EvaluationScheme(name="q", method="demerit"))
        r2 = save_scheme(s, EvaluationScheme(name="q", method="demerit"))
    assert (r1.version, r2.version) == (1, 2)
    summary = evaluate_period(db, "2026-Q4", "q")
    assert summary.scheme_version == 2 and summary.period_kind == "quarter"
    with pytest.raises(EvaluationError):
        evaluate_period(db, "2026-10", "nope")
    with pytest.raises(EvaluationError):
        evaluate_period(db, "2026-13")


def test_demo_histories_evaluate(demo_db):
    months = sqlite3.connect(demo_db.path).execute("SELECT MIN(due_on), MAX(due_on) FROM purchase_order_lines").fetchone()
    assert months[0] and months[1]
    last = Period.parse(months[1][:7]).previous()
    s = evaluate_period(demo_db, last.label)
    assert s.scored > 0 and sum(s.grades.values()) == s.scored
    conn = sqlite3.connect(demo_db.path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    columns, data = conn.execute("SELECT columns, data FROM evaluation_traces WHERE period = ?",
                                 (last.label,)).fetchone()
    matrix = np.load(io.BytesIO(data), allow_pickle=False)
    assert json.loads(columns)[:2] == ["supplier_id", "lot_pass_rate.numerator"]
    assert matrix.shape == (s.suppliers, len(json.loads(columns)))


def test_trace_reproduces_the_stored_score(db):
    _seed(db)
    evaluate_period(db, "2026-10")
    for code in ("S1", "S2"):
        t = trace_details(db, code, "2026-10")
        total = sum(i["contribution"] for i in t["indicators"].values() if i["contribution"] is not None)
        assert total == pytest.approx(t["score"], abs=5e-5)  # the score is stored to 4 decimals


def test_rerun_writes_only_changed_rows(db):
    """A re-run after a correction rewrites the corrected supplier's row, not the whole period."""
    _seed(db)
    evaluate_period(db, "2026-10")
    with sqlite3.connect(db.path) as conn:
        conn.executescript(
            "CREATE TABLE written (supplier_id INTEGER);"
            "CREATE TRIGGER w_ins AFTER INSERT ON evaluation_results BEGIN INSERT INTO written VALUES (NEW.supplier_id); END;"
            "CREATE TRIGGER w_upd AFTER UPDATE ON evaluation_results BEGIN INSERT INTO written VALUES (NEW.supplier_id); END;")
    evaluate_period(db, "2026-10")
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM written").fetchone()[0] == 0
        # a correction: supplier 2's only lot was in fact rejected
        conn.execute("UPDATE inspection_lots SET decision = 'rejected' WHERE lot_number = 'L3'")
    evaluate_period(db, "2026-10")
    with sqlite3.connect(db.path) as conn:
        assert [r[0] for r in conn.execute("SELECT supplier_id FROM written")] == [2]
    by_code = {r.code: r for r in grade_list(db, "2026-10").rows}
    assert by_code["S2"].indicators["lot_pass_rate"] == 0.0


def test_deleting_a_run_removes_its_results_and_trace(db):
    _seed(db)
    evaluate_period(db, "2026-10")
    with sqlite3.connect(db.path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM evaluation_runs WHERE period = '2026-10'")
        assert conn.execute("SELECT COUNT(*) FROM evaluation_results").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM evaluation_traces").fetchone()[0] == 0

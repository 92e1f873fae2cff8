"""Migration 0005_evaluation_traces: results written by 0003 (one JSON trace per row) survive the
move to (period, supplier) keys and one trace matrix per period, and come back on downgrade."""

import json
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.evaluation import tables  # noqa: F401 - register the tables on Base.metadata
from app.models.core.base import Base
from app.models.core.database import alembic_config, open_database, upgrade
from app.models.evaluation.service import grade_list, trace_details

EVALUATION_TABLES = {"evaluation_results", "evaluation_traces", "evaluation_runs"}
WEIGHTED = {"method": "weighted"}
# What 0003 stored: per indicator [numerator, denominator, score, weight]; fuzzy runs add B.
TRACE_S1 = {"keys": ["lot_pass_rate", "ppm"], "v": [9.0, 10.0, 90.0, 0.6, 120.0, 40000.0, 70.0, 0.4]}
TRACE_S2 = {"keys": ["lot_pass_rate", "ppm"], "v": [0.0, 0.0, None, 0.0, 0.0, 0.0, None, 0.0]}
TRACE_FUZZY = {"keys": ["lot_pass_rate"], "v": [4.0, 5.0, 80.0, 1.0], "fuzzy": [0.1, 0.6, 0.3, 0.0]}


def _seed_0003(path):
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship,"
                         " status, address, city, country, notes, created_at, updated_at) VALUES"
                         " (?,?,?,?,'','I','competitive','approved','','','','','2026-01-01','2026-01-01')",
                         [(1, "S1", "甲", "Alpha"), (2, "S2", "乙", "Beta")])
        conn.execute("INSERT INTO evaluation_schemes (id, name, version, config, active, notes, created_at)"
                     f" VALUES (1, 'standard', 1, '{json.dumps(WEIGHTED)}', 1, '', '2026-01-01')")
        conn.execute("INSERT INTO evaluation_schemes (id, name, version, config, active, notes, created_at)"
                     " VALUES (2, 'fz', 1, '{\"method\": \"fuzzy\"}', 1, '', '2026-01-01')")
        conn.executemany("INSERT INTO evaluation_runs (id, period, period_kind, period_start, period_end, scheme_id,"
                         " run_at, supplier_count, scored_count) VALUES (?,?,?,?,?,?,'2026-11-01',2,1)",
                         [(1, "2026-10", "month", "2026-10-01", "2026-10-31", 1),
                          (2, "2026-Q3", "quarter", "2026-07-01", "2026-09-30", 2)])
        rows = [(1, 1, "2026-10", "month", "standard", 1, "weighted", 82.0, "B", "C", 1, "up", "scored", "[]",
                 json.dumps(TRACE_S1)),
                (1, 2, "2026-10", "month", "standard", 1, "weighted", None, None, "A", 2, None, "no_score",
                 '["lot_pass_rate", "ppm"]', json.dumps(TRACE_S2)),
                (2, 1, "2026-Q3", "quarter", "fz", 1, "fuzzy", 80.0, "B", None, 1, "new", "scored", "[]",
                 json.dumps(TRACE_FUZZY))]
        conn.executemany("INSERT INTO evaluation_results (run_id, supplier_id, period, period_kind, scheme_name,"
                         " scheme_version, method, score, grade, previous_grade, periods_in_grade, change,"
                         " treatment, missing, trace) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


@pytest.fixture
def old_file(db_path):
    db = open_database(db_path, migrate=False)
    upgrade(db, "0003_evaluation")
    db.dispose()
    _seed_0003(db_path)
    return db_path


def test_upgrade_keeps_results_and_converts_traces(old_file):
    db = open_database(old_file)
    try:
        assert "0005_evaluation_traces" in db.applied_revisions() and db.backup_path is not None
        rows = {r.code: r for r in grade_list(db, "2026-10").rows}
        assert (rows["S1"].score, rows["S1"].grade, rows["S1"].previous_grade, rows["S1"].change) == (82.0, "B", "C", "up")
        assert rows["S2"].grade is None and rows["S2"].missing == ["lot_pass_rate", "ppm"]
        assert rows["S1"].indicators == {"lot_pass_rate": 0.9, "ppm": 3000.0}
        t = trace_details(db, "S1", "2026-10")
        assert t["indicators"]["ppm"]["counts"] == {"defective_units": 120.0, "units_received": 40000.0}
        assert t["indicators"]["lot_pass_rate"]["contribution"] == pytest.approx(54.0)
        assert t["scheme"] == "standard" and t["method"] == "weighted"
        empty = trace_details(db, "S2", "2026-10")
        assert empty["indicators"]["ppm"]["score"] is None and empty["indicators"]["ppm"]["value"] is None
        fuzzy = trace_details(db, "S1", "2026-Q3")
        assert fuzzy["fuzzy"]["membership"] == {"A": 0.1, "B": 0.6, "C": 0.3, "D": 0.0}
    finally:
        db.dispose()
    with sqlite3.connect(old_file) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "evaluation_results_0003" not in tables
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_orm_matches_migration(db):
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    flat = [d if isinstance(d, tuple) else d[0] for d in diffs]
    ours = [str(d) for d in flat if any(f"'{t}'" in str(d) or f"<{t}>" in str(d) for t in EVALUATION_TABLES)]
    assert ours == []


def test_downgrade_restores_json_traces_and_upgrade_again(old_file):
    db = open_database(old_file)
    cfg = alembic_config()
    with db.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_evaluation_traces@0003_evaluation")
    with sqlite3.connect(old_file) as c:
        back = {(p, s): json.loads(t) for p, s, t in c.execute("SELECT period, supplier_id, trace FROM evaluation_results")}
    assert back[("2026-10", 1)] == TRACE_S1 and back[("2026-10", 2)] == TRACE_S2 and back[("2026-Q3", 1)] == TRACE_FUZZY
    upgrade(db)
    try:
        assert trace_details(db, "S1", "2026-10")["indicators"]["lot_pass_rate"]["counts"]["lots_accepted"] == 9.0
    finally:
        db.dispose()

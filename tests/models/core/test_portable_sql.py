"""The portable SQL constructs of app.models.core.database: each dialect's spelling, and that they
compute the right thing on a real SQLite file (tests/models/core/test_postgres.py runs PostgreSQL)."""

from datetime import date

import pytest
from sqlalchemy import Column, Date, Float, Integer, MetaData, String, Table, column, select, table
from sqlalchemy.dialects import postgresql, sqlite

from app.models.core.database import days_between, execute_many, fetch_all, least, upsert

T = table("t", column("a", Date), column("b", Date), column("x", Float), column("y", Float))


def test_each_dialect_spells_the_constructs_its_own_way():
    stmt = select(days_between(T.c.a, T.c.b), least(T.c.x, T.c.y))
    assert "julianday(t.a) - julianday(t.b)" in str(stmt.compile(dialect=sqlite.dialect()))
    assert "min(t.x, t.y)" in str(stmt.compile(dialect=sqlite.dialect()))
    pg = str(stmt.compile(dialect=postgresql.dialect()))
    assert "(t.a - t.b)" in pg and "LEAST(t.x, t.y)" in pg


@pytest.fixture
def scratch(db):
    meta = MetaData()
    tab = Table("scratch", meta, Column("k", String(10), primary_key=True), Column("n", Integer),
                Column("v", Float), Column("d", Date))
    meta.create_all(db.engine)
    return tab


def test_constructs_compute_on_sqlite(db, scratch):
    with db.begin() as s:
        s.execute(scratch.insert(), [{"k": "a", "n": 1, "v": 5.0, "d": date(2026, 10, 31)},
                                     {"k": "b", "n": 2, "v": 1.5, "d": date(2026, 10, 1)}])
        stmt = (select(scratch.c.k, days_between(scratch.c.d, date(2026, 9, 28)), least(scratch.c.v, 2.0))
                .order_by(scratch.c.k))
        assert [tuple(r) for r in s.execute(stmt)] == [("a", 33.0, 2.0), ("b", 3.0, 1.5)]
        assert fetch_all(s, stmt, {}) == [("a", 33.0, 2.0), ("b", 3.0, 1.5)]


def test_execute_many_upserts_in_batches_whatever_the_column_order(db, scratch, monkeypatch):
    import app.models.core.database as database

    monkeypatch.setattr(database, "BATCH_ROWS", 3)  # several batches and a short last one
    stmt = upsert(scratch, "sqlite", ["k"], ["n", "v"])
    rows = [(float(i), i, f"k{i}") for i in range(8)]  # v, n, k: not the table's order
    with db.begin() as s:
        execute_many(s, stmt, ("v", "n", "k"), rows)
        execute_many(s, stmt, ("v", "n", "k"), [(99.0, 7, "k7")])
        execute_many(s, stmt, ("v", "n", "k"), [])
        got = [tuple(r) for r in s.execute(select(scratch.c.k, scratch.c.n, scratch.c.v).order_by(scratch.c.k))]
    assert got == [(f"k{i}", i, 99.0 if i == 7 else float(i)) for i in range(8)]


def test_execute_many_is_part_of_the_transaction(db, scratch):
    stmt = upsert(scratch, "sqlite", ["k"], ["n"])
    with pytest.raises(RuntimeError):
        with db.begin() as s:
            execute_many(s, stmt, ("k", "n"), [("a", 1)])
            raise RuntimeError("user action failed")
    with db.begin() as s:
        assert s.execute(select(scratch.c.k)).all() == []

"""0013_inspection_lists: the partial index for "awaiting disposition" arrives on a temporary file,
goes on downgrade and comes back; the awaiting list and count queries use it."""

import sqlite3

from alembic import command
from sqlalchemy import event

from app.models.core.database import alembic_config, upgrade
from app.models.inspection import service

INDEX = "ix_inspection_lots_awaiting"


def _index_sql(path):
    with sqlite3.connect(path) as c:
        row = c.execute("SELECT sql FROM sqlite_master WHERE type='index' AND name=?", (INDEX,)).fetchone()
    return row[0] if row else None


def test_upgrade_downgrade_upgrade(db, db_path):
    assert "0013_inspection_lists" in db.applied_revisions()
    sql = _index_sql(db_path)
    assert sql is not None and "(inspected_on, id)" in sql.replace('"', "")
    assert "WHERE decision = 'rejected' AND disposition IS NULL" in sql
    cfg = alembic_config()
    with db.engine.connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008_inspection")
    assert _index_sql(db_path) is None
    with sqlite3.connect(db_path) as c:  # 0008's own index stays
        assert c.execute("SELECT 1 FROM sqlite_master WHERE name='ix_inspection_lots_supplier_part'").fetchone()
    upgrade(db)
    assert _index_sql(db_path) == sql


def _plans(db, call) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT on inspection_lots that ``call`` runs."""
    seen = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "inspection_lots" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert seen
    plans = []
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for statement, parameters in seen:
            plans.append(" | ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)))
    return plans


def test_awaiting_list_and_count_use_the_partial_index(db):
    for plan in _plans(db, lambda: service.list_lots(db, "awaiting", limit=50)):
        assert INDEX in plan and "TEMP B-TREE" not in plan, plan  # no sort: the index is in list order
    for plan in _plans(db, lambda: service.count_lots(db, "awaiting")):
        assert INDEX in plan, plan
    # the other lists do not (the index only holds rejected lots without a disposition)
    for plan in _plans(db, lambda: service.list_lots(db, "all", limit=50)):
        assert INDEX not in plan, plan

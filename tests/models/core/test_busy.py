"""Issue class 2: a locked database waits for the busy timeout, then one clear DatabaseBusyError
(no SQLAlchemy traceback); writes take the lock up front (BEGIN IMMEDIATE), reads stay deferred."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from app.models.core.database import DatabaseBusyError, busy_timeout_seconds, open_database


def _hold_write_lock(path, seconds: float, ready: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO app_settings (key, value, updated_at) VALUES ('holder', '1', '2026-01-01')")
    ready.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_busy_timeout_is_a_setting(monkeypatch):
    assert busy_timeout_seconds() == 5.0
    monkeypatch.setenv("QUALITYBRIDGE_BUSY_TIMEOUT", "0.5")
    assert busy_timeout_seconds() == 0.5
    assert busy_timeout_seconds(2) == 2.0
    monkeypatch.setenv("QUALITYBRIDGE_BUSY_TIMEOUT", "nonsense")
    assert busy_timeout_seconds() == 5.0


def test_a_writer_waits_for_the_lock_then_succeeds(db_path):
    db = open_database(db_path, busy_timeout=5)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 1.0, ready))
    holder.start()
    assert ready.wait(10)
    started = time.perf_counter()
    with db.begin() as s:  # a read then a write in one transaction: must not fail at the upgrade
        s.execute(text("SELECT count(*) FROM app_settings")).scalar()
        s.execute(text("INSERT INTO app_settings (key, value, updated_at) VALUES ('waiter', '2', '2026-01-01')"))
    waited = time.perf_counter() - started
    holder.join()
    assert 0.5 < waited < 4.5
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM app_settings WHERE key IN ('holder', 'waiter')")).scalar() == 2
    db.dispose()


def test_a_lock_held_past_the_timeout_is_one_clear_error(db_path):
    db = open_database(db_path, busy_timeout=0.3)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 1.5, ready))
    holder.start()
    assert ready.wait(10)
    started = time.perf_counter()
    with pytest.raises(DatabaseBusyError) as caught:
        with db.begin() as s:
            s.execute(text("INSERT INTO app_settings (key, value, updated_at) VALUES ('late', '3', '2026-01-01')"))
    assert time.perf_counter() - started >= 0.25
    message = str(caught.value)
    assert "in use by another program" in message and "nothing was changed" in message
    assert "\n" not in message and "sqlalchemy" not in message.lower()
    # reads never wait for the writer (WAL): the last committed state
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM app_settings WHERE key = 'late'")).scalar() == 0
    holder.join()
    db.dispose()


def test_evaluate_during_an_import_waits_instead_of_failing(demo_db):
    """The user's case: two writers at once. The second waits for the first, then runs."""
    from app.models.evaluation.service import evaluate_period

    with demo_db.read() as s:
        period = s.execute(text("SELECT max(period) FROM evaluation_results")).scalar()
    ready = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(demo_db.path, 1.0, ready))
    holder.start()
    assert ready.wait(10)
    summary = evaluate_period(demo_db, period)
    holder.join()
    assert summary.suppliers > 0


def test_opening_a_file_locked_past_the_timeout_is_a_busy_error(tmp_path):
    """An old file needs a migration (a write) while another program holds it."""
    from app.models.core.database import upgrade

    path = tmp_path / "old.sqlite3"
    db = open_database(path, migrate=False)
    upgrade(db, "0002_supplier_core")
    db.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseBusyError):
            open_database(path, busy_timeout=0.2)
    finally:
        conn.close()
    assert not list(tmp_path.glob("*.backup-*"))  # the refused attempt left no backup behind


def test_postgres_writer_blocked_past_the_timeout_is_the_same_busy_error(pg_db):
    """PostgreSQL waits for a lock as long as SQLite would (lock_timeout), then says the same."""
    db = open_database(pg_db.url, busy_timeout=0.3)
    holder = pg_db.engine.connect()
    try:
        holder.execute(text("LOCK TABLE app_settings IN ACCESS EXCLUSIVE MODE"))
        started = time.perf_counter()
        with pytest.raises(DatabaseBusyError) as caught:
            with db.begin() as s:
                s.execute(text("INSERT INTO app_settings (key, value, updated_at) VALUES ('pg', '1', now())"))
        assert time.perf_counter() - started >= 0.25
        assert "in use by another program" in str(caught.value)
    finally:
        holder.rollback()
        holder.close()
        db.dispose()

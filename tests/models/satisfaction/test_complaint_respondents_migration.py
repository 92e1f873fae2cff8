"""0019_sat_complaint_respondents on an SQLite file and on PostgreSQL: answers stored before it
survive the table copy; afterwards a contact may answer the complaint wave once per complaint
(never a complaint twice, never the same contact twice outside complaints); going down keeps the
answer a contact gave last in a wave."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.models.core.database import alembic_config, upgrade

REV = "0019_sat_complaint_respondents"


def _down(db, target: str) -> None:
    """Down as the app's runner goes up: SQLite foreign keys off while tables are copied."""
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, target)
        finally:
            if db.is_sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _seed(db) -> None:
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO customers (id, code, name_zh, name_en, industry, region, customer_type, lifecycle,"
                       " contact_name, contact_phone, contact_email, key_account, value_class_reason)"
                       " VALUES (1, 'C1', '甲', 'A', '', '', 'external', 'current', '', '', '', false, '')"))
        c.execute(text("INSERT INTO customer_contacts (id, customer_id, name)"
                       " VALUES (1, 1, 'Wang')"))
        c.execute(text("INSERT INTO sat_surveys (id, code, name_zh, name_en, purpose, scale_min, scale_max, languages,"
                       " notes, created_at) VALUES (1, 'TX', '事务', 'Tx', 'transaction', 1, 5, 'zh_CN', '',"
                       " '2026-01-01 00:00:00')"))
        c.execute(text("INSERT INTO sat_survey_versions (id, survey_id, version, state, model_kind, nps_zh, nps_en, released_by,"
                       " notes, created_at) VALUES (1, 1, 1, 'released', 'custom', '', '', 'system', '', '2026-01-01 00:00:00')"))
        c.execute(text("INSERT INTO sat_waves (id, version_id, code, name, period_start, period_end, state, created_at)"
                       " VALUES (1, 1, 'W1', 'W1', '2026-01-01', '2026-03-31', 'closed', '2026-01-01 00:00:00')"))
        c.execute(text("INSERT INTO sat_respondents (id, wave_id, customer_id, contact_id, source, complaint_id,"
                       " created_at) VALUES (1, 1, 1, 1, 'complaint', 11, '2026-02-01 00:00:00'),"
                       " (2, 1, 1, NULL, 'complaint', 12, '2026-02-01 00:00:00')"))
        c.execute(text("INSERT INTO sat_answers (respondent_id, question, kind, value) VALUES"
                       " (1, 'HANDLING', 'rating', 4), (2, 'HANDLING', 'rating', 5)"))
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as c:
            c.execute(text("SELECT setval(pg_get_serial_sequence('sat_respondents', 'id'), 10)"))


def _journey(db) -> None:
    _down(db, f"{REV}@0010_satisfaction")
    _seed(db)
    upgrade(db)
    assert REV in db.applied_revisions()
    with db.engine.connect() as c:
        assert c.execute(text("SELECT respondent_id, value FROM sat_answers ORDER BY 1")).all() == [(1, 4.0), (2, 5.0)]
    insert = ("INSERT INTO sat_respondents (wave_id, customer_id, contact_id, source, complaint_id, created_at)"
              " VALUES (1, 1, 1, '{source}', {complaint}, '2026-03-01 00:00:00')")
    with db.engine.begin() as c:      # a second rated complaint of the same contact in the wave
        rid = c.execute(text(insert.format(source="complaint", complaint=13) + " RETURNING id")).scalar_one()
        c.execute(text(f"INSERT INTO sat_answers (respondent_id, question, kind, value) VALUES ({rid}, 'HANDLING',"
                       " 'rating', 2)"))
        c.execute(text(insert.format(source="entry", complaint="NULL")))      # one entered answer beside them
    for source, complaint in (("complaint", 11), ("entry", "NULL")):       # a complaint twice; a contact twice
        with pytest.raises(IntegrityError):
            with db.engine.begin() as c:
                c.execute(text(insert.format(source=source, complaint=complaint)))
    _down(db, f"{REV}@0010_satisfaction")
    with db.engine.connect() as c:
        # one answer per contact and wave again: contact 1 keeps the entered one (a sync never overwrote those),
        # its complaint answers go with their answers; the complaint without a contact stays
        assert c.execute(text("SELECT complaint_id FROM sat_respondents ORDER BY id")).scalars().all() == [12, None]
        assert c.execute(text("SELECT value FROM sat_answers ORDER BY respondent_id")).scalars().all() == [5.0]
    upgrade(db)


def test_on_an_sqlite_file(db):
    _journey(db)


def test_on_postgresql(pg_db):
    _journey(pg_db)

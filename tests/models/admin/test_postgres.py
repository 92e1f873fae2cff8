"""The trail, its append-only trigger and the permission check on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.suppliers.tables import Supplier


def test_chain_trigger_and_permissions_on_postgres(pg_db):
    pg_db.actor = None
    identity.create_first_administrator(pg_db, "admin", "Admin", "Secret2026")
    users.create_user(pg_db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    with pg_db.begin() as s:
        s.add(Supplier(code="PG1", name_zh="青岛振华钢铁有限公司", name_en="Qingdao Zhenhua Steel"))
    with pg_db.begin() as s:
        s.query(Supplier).filter_by(code="PG1").one().name_en = "Qingdao Zhenhua Steel Co."
    report = trail.verify_chain(pg_db)
    assert report.ok and report.entries >= 4
    with pytest.raises(DatabaseError, match="append-only"):
        with pg_db.begin() as s:
            s.execute(text("UPDATE audit_trail SET reason = 'x'"))
    with pg_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_trail DISABLE TRIGGER audit_trail_append_only"))
        first_update = conn.execute(text("SELECT min(id) FROM audit_trail WHERE action = 'update'")).scalar()
        conn.execute(text(f"UPDATE audit_trail SET username = 'someone' WHERE id = {first_update}"))
    broken = trail.verify_chain(pg_db)
    assert not broken.ok and broken.first_broken_id == first_update
    identity.sign_in(pg_db, "zhao", "Viewer2026")
    with pytest.raises(PermissionDenied):
        users.create_user(pg_db, "eve", "Eve", "Intruder2026", ["administrator"])

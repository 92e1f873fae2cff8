"""The audit trail: entries for every kind of change, the hash chain, history and "as of"."""

from __future__ import annotations

import sqlite3
import time
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.models.admin import trail
from app.models.admin.identity import Actor
from app.models.core.base import utcnow
from app.models.suppliers.tables import Supplier


def _supplier(db, code="S9001", **kw) -> int:
    with db.begin() as s:
        sup = Supplier(code=code, name_zh=kw.get("name_zh", "苏州精密铸造有限公司"), name_en="Suzhou Precision",
                       category="铸件 Castings")
        s.add(sup)
        s.flush()
        return sup.id


def test_create_update_delete_are_recorded_with_snapshot_diff_and_who(db):
    db.actor = Actor(7, "li.sqe", "李强", ("supplier_quality_engineer",), frozenset(), False)
    sid = _supplier(db)
    with db.begin() as s:
        trail.set_reason(s, "supplier renamed after merger")
        s.get(Supplier, sid).name_zh = "苏州精密铸造股份有限公司"
    with db.begin() as s:
        s.delete(s.get(Supplier, sid))
    entries = trail.history(db, "suppliers", sid)
    assert [e.action for e in entries] == ["create", "update", "delete"]
    create, change, delete = entries
    assert create.changes["code"] == "S9001" and create.changes["name_en"] == "Suzhou Precision"
    assert "updated_at" not in create.changes
    assert change.changes == {"name_zh": ["苏州精密铸造有限公司", "苏州精密铸造股份有限公司"]}
    assert change.reason == "supplier renamed after merger"
    assert delete.changes["name_zh"] == "苏州精密铸造股份有限公司"
    assert {e.username for e in entries} == {"li.sqe"} and {e.user_id for e in entries} == {7}
    assert trail.verify_chain(db).ok


def test_an_update_that_changes_nothing_writes_nothing(db):
    sid = _supplier(db)
    before = len(trail.history(db, "suppliers", sid))
    with db.begin() as s:
        sup = s.get(Supplier, sid)
        sup.name_en = sup.name_en
    assert len(trail.history(db, "suppliers", sid)) == before


def test_bulk_operations_write_one_entry_with_counts_and_content_hash(db):
    with db.begin() as s:
        with trail.bulk(s, "import", "suppliers", file="suppliers.csv") as b:
            for i in range(50):
                s.add(Supplier(code=f"B{i:03d}", name_zh=f"供应商{i}", name_en=f"Supplier {i}"))
            b.add_content(b"code,name_zh\n...")
    latest = trail.entries(db, limit=1)[0]
    assert latest.action == "import" and latest.changes["counts"] == {"suppliers.create": 50}
    assert latest.changes["file"] == "suppliers.csv" and len(latest.changes["content_sha256"]) == 64
    assert not [e for e in trail.entries(db, entity="suppliers") if e.action == "create"]


def test_the_trail_is_append_only(db):
    _supplier(db)
    with pytest.raises(DatabaseError, match="append-only"):
        with db.begin() as s:
            s.execute(text("UPDATE audit_trail SET username = 'someone else'"))
    with pytest.raises(DatabaseError, match="append-only"):
        with db.begin() as s:
            s.execute(text("DELETE FROM audit_trail"))


def _tamper(db, sql: str) -> None:
    conn = sqlite3.connect(db.path)
    conn.execute("DROP TRIGGER audit_trail_no_update")
    conn.execute("DROP TRIGGER audit_trail_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_verify_names_the_first_edited_entry(db):
    for i in range(5):
        _supplier(db, f"T{i}")
    report = trail.verify_chain(db)
    assert report.ok and report.entries >= 5
    target = trail.entries(db, entity="suppliers")[-2].id  # the second supplier's creation
    _tamper(db, f"UPDATE audit_trail SET changes = replace(changes, 'T1', 'T9') WHERE id = {target}")
    broken = trail.verify_chain(db)
    assert not broken.ok and broken.first_broken_id == target and "does not match" in broken.problem
    assert f"#{target}" in broken.text("zh_CN") and "篡改" in broken.text("zh_CN")


def test_verify_finds_an_entry_removed_from_the_middle(db):
    for i in range(4):
        _supplier(db, f"R{i}")
    ids = [e.id for e in trail.entries(db)][::-1]
    _tamper(db, f"DELETE FROM audit_trail WHERE id = {ids[1]}")
    report = trail.verify_chain(db)
    assert not report.ok and report.first_broken_id == ids[2] and "missing" in report.problem


def test_verify_finds_a_truncated_chain(db):
    for i in range(3):
        _supplier(db, f"U{i}")
    last = trail.entries(db, limit=1)[0].id
    _tamper(db, f"DELETE FROM audit_trail WHERE id = {last}")
    report = trail.verify_chain(db)
    assert not report.ok and "head" in report.problem


def test_as_of_shows_the_record_as_it_was(db):
    sid = _supplier(db, "A1", name_zh="旧名称")
    time.sleep(0.01)
    between = utcnow()
    time.sleep(0.01)
    with db.begin() as s:
        s.get(Supplier, sid).name_zh = "新名称"
    assert trail.as_of(db, "suppliers", sid, between)["name_zh"] == "旧名称"
    assert trail.as_of(db, "suppliers", sid, utcnow())["name_zh"] == "新名称"
    assert trail.as_of(db, "suppliers", sid, between - timedelta(hours=1)) is None
    with db.begin() as s:
        s.delete(s.get(Supplier, sid))
    assert trail.as_of(db, "suppliers", sid, between)["name_zh"] == "旧名称"
    assert trail.as_of(db, "suppliers", sid, utcnow()) is None


def test_entries_filter_by_user_and_action(db):
    db.actor = Actor(3, "wang.qm", "王芳")
    _supplier(db, "F1")
    db.actor = Actor(4, "li.sqe", "李强")
    _supplier(db, "F2")
    mine = trail.entries(db, username="wang.qm")
    assert mine and {e.username for e in mine} == {"wang.qm"}
    assert all(e.action == "create" for e in trail.entries(db, action="create"))


def test_chain_survives_a_rolled_back_transaction(db):
    _supplier(db, "K1")
    with pytest.raises(RuntimeError):
        with db.begin() as s:
            s.add(Supplier(code="K2", name_zh="x", name_en="x"))
            s.flush()
            raise RuntimeError("user cancelled")
    _supplier(db, "K3")
    assert trail.verify_chain(db).ok
    assert not [e for e in trail.entries(db, entity="suppliers") if e.changes.get("code") == "K2"]

"""Users, sign-in, lockout, modes and the permission matrix, on a real database file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.models.admin import identity, users
from app.models.admin.identity import AccessError, Actor
from app.models.admin.permissions import PermissionDenied, can, catalogue, require, requires
from app.models.admin.tables import LoginEvent, RolePermission, Role

T0 = datetime(2026, 11, 2, 9, 0, 0)


@pytest.fixture
def fresh(db):
    """A new database with its first administrator signed in (as the first-run dialog does)."""
    db.actor = None
    identity.create_first_administrator(db, "admin", "管理员 Admin", "Secret2026")
    return db


def test_first_administrator_only_once_and_signed_in(fresh):
    assert fresh.actor.username == "admin" and fresh.actor.has("admin.users")
    with pytest.raises(AccessError) as err:
        identity.create_first_administrator(fresh, "second", "x", "Secret2026")
    assert err.value.code == "has_users"
    assert identity.current_settings(fresh).personal_user == "admin"


def test_first_administrator_password_rules(db):
    db.actor = None
    with pytest.raises(AccessError) as err:
        identity.create_first_administrator(db, "a b", "x", "short")
    assert "user name" in str(err.value) and "at least 8 characters" in str(err.value)
    assert identity.user_count(db) == 0


def test_sign_in_wrong_password_does_not_reveal_which_part_was_wrong(fresh):
    users.create_user(fresh, "li.sqe", "李强", "Quality2026", ["supplier_quality_engineer"])
    with pytest.raises(AccessError) as unknown:
        identity.sign_in(fresh, "nobody", "Quality2026")
    with pytest.raises(AccessError) as wrong:
        identity.sign_in(fresh, "li.sqe", "wrong-password1")
    assert str(unknown.value) == str(wrong.value) == "wrong user name or password"
    actor = identity.sign_in(fresh, "li.sqe", "Quality2026")
    assert fresh.actor is actor and actor.roles == ("supplier_quality_engineer",)
    assert actor.has("suppliers.edit") and not actor.has("approval.approve") and not actor.has("admin.users")


def test_lockout_after_five_failures_for_fifteen_minutes_with_a_fake_clock(fresh):
    users.create_user(fresh, "zhang", "张敏", "Inspect2026", ["incoming_inspector"])
    for i in range(4):
        with pytest.raises(AccessError) as err:
            identity.sign_in(fresh, "zhang", "bad-guess-1", now=T0 + timedelta(seconds=i))
        assert err.value.code == "bad_credentials"
    with pytest.raises(AccessError) as err:
        identity.sign_in(fresh, "zhang", "bad-guess-1", now=T0 + timedelta(seconds=5))
    assert err.value.code == "locked" and "15 minutes" in str(err.value)
    # the right password does not help while locked ...
    with pytest.raises(AccessError) as err:
        identity.sign_in(fresh, "zhang", "Inspect2026", now=T0 + timedelta(minutes=14, seconds=59))
    assert err.value.code == "locked"
    # ... and works once the lock has run out
    assert identity.sign_in(fresh, "zhang", "Inspect2026", now=T0 + timedelta(minutes=15, seconds=6)).username == "zhang"
    with fresh.begin() as s:
        events = [e.event for e in s.scalars(select(LoginEvent).where(LoginEvent.username == "zhang")
                                             .order_by(LoginEvent.id))]
    assert events == ["refused"] * 4 + ["locked", "refused", "login"]


def test_no_password_is_ever_stored_in_clear(fresh):
    users.create_user(fresh, "chen", "陈静", "Customer2026", ["customer_quality_engineer"])
    with pytest.raises(AccessError):
        identity.sign_in(fresh, "chen", "Typo-Customer2026")
    with fresh.engine.connect() as conn:
        dump = "\n".join(str(row) for table in ("users", "audit_trail", "login_events", "app_settings")
                         for row in conn.execute(text(f"SELECT * FROM {table}")))
    assert "Customer2026" not in dump and "Secret2026" not in dump and "$argon2id$" in dump


def test_personal_and_department_modes(fresh):
    fresh.actor = None
    assert identity.sign_in_personal(fresh).username == "admin"
    users.update_settings(fresh, mode="department")
    with pytest.raises(AccessError) as err:
        identity.sign_in_personal(fresh)
    assert err.value.code == "department"
    with pytest.raises(AccessError):
        users.update_settings(fresh, mode="personal", personal_user="ghost")


def test_permissions_are_checked_in_services(fresh):
    users.create_user(fresh, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(fresh, "zhao", "Viewer2026")
    assert can(fresh, "suppliers.view") and not can(fresh, "suppliers.edit")
    with pytest.raises(PermissionDenied) as err:
        users.create_user(fresh, "eve", "Eve", "Intruder2026", ["administrator"])
    assert err.value.permission == "admin.users"
    assert "Manage users" in str(err.value) and "管理用户" in err.value.text("zh_CN")
    fresh.actor = None
    with pytest.raises(PermissionDenied):
        require(fresh, "suppliers.edit")


def test_requires_decorator_checks_before_the_body_runs(fresh):
    ran = []

    @requires("approval.approve")
    def approve(db):
        ran.append(1)

    fresh.actor = Actor(99, "x", "x", ("viewer",), frozenset({"suppliers.view"}))
    with pytest.raises(PermissionDenied):
        approve(fresh)
    assert ran == [] and approve.permission == "approval.approve"
    with pytest.raises(RuntimeError):
        require(fresh, "no.such.permission")


def test_role_matrix_is_editable_but_administration_cannot_be_locked_out(fresh):
    users.set_role_permissions(fresh, "viewer", {"suppliers.view", "suppliers.edit"}, reason="pilot")
    viewer = next(r for r in users.list_roles(fresh) if r.key == "viewer")
    assert viewer.permissions == {"suppliers.view", "suppliers.edit"}
    with pytest.raises(AccessError) as err:
        users.set_role_permissions(fresh, "administrator", {"suppliers.view"})
    assert err.value.code == "admin_essential"
    with pytest.raises(AccessError):
        users.set_role_permissions(fresh, "viewer", {"made.up"})


def test_a_removed_default_stays_removed_and_new_permissions_arrive_once(fresh):
    roles = {r.key: r for r in users.list_roles(fresh)}
    users.set_role_permissions(fresh, "quality_manager", set(roles["quality_manager"].permissions) - {"suppliers.edit"})
    assert users.ensure_permissions(fresh) == []  # nothing new: the removal is respected
    with fresh.begin() as s:
        qm = s.scalar(select(Role.id).where(Role.key == "quality_manager"))
        assert s.scalar(select(RolePermission).where(RolePermission.role_id == qm,
                                                     RolePermission.permission == "suppliers.edit")) is None
    every = set(catalogue())
    admin = next(r for r in users.list_roles(fresh) if r.key == "administrator")
    assert admin.permissions == every


def test_last_administrator_cannot_be_removed(fresh):
    with pytest.raises(AccessError) as err:
        users.set_user_roles(fresh, fresh.actor.user_id, ["viewer"])
    assert err.value.code == "last_admin"
    with pytest.raises(AccessError) as err:
        users.set_active(fresh, fresh.actor.user_id, False, reason="leaving")
    assert err.value.code == "self"


def test_change_and_reset_password(fresh):
    uid = users.create_user(fresh, "li.sqe", "李强", "Quality2026", ["supplier_quality_engineer"])
    users.reset_password(fresh, uid, "Temporary2026")
    assert [u for u in users.list_users(fresh) if u.id == uid][0].username == "li.sqe"
    identity.sign_in(fresh, "li.sqe", "Temporary2026")
    with pytest.raises(AccessError):
        users.change_own_password(fresh, "wrong", "Better2026x")
    with pytest.raises(AccessError) as err:
        users.change_own_password(fresh, "Temporary2026", "short")
    assert "at least 8 characters" in str(err.value)
    users.change_own_password(fresh, "Temporary2026", "Better2026x")
    assert identity.sign_in(fresh, "li.sqe", "Better2026x").username == "li.sqe"

"""User and role administration (permission ``admin.users`` / ``admin.roles`` /
``admin.settings``): create users, assign roles, reset and change passwords, unlock, deactivate,
edit the role × permission matrix, the mode and the password rules. Every change is on the trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, func, select

from app.models.admin import trail
from app.models.admin.identity import (MODES, AccessError, AdminSettings, PasswordPolicy, hash_password, load_settings,
                                       password_matches, store_settings)
from app.models.admin.permissions import ROLE_KEYS, catalogue, requires, sync_permissions
from app.models.admin.tables import LoginEvent, Role, RolePermission, User, UserRole
from app.models.core.base import utcnow

USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
#: The administrator keeps these, so nobody can lock everybody out of administration.
ADMIN_ESSENTIAL = ("admin.users", "admin.roles")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    email: str
    active: bool
    roles: tuple[str, ...]
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class RoleRow:
    id: int
    key: str
    name_zh: str
    name_en: str
    builtin: bool
    permissions: frozenset[str]
    users: int

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh_CN" else self.name_en


def validate_new_user(session, username: str, password: str, policy: PasswordPolicy, lang: str = "en") -> list[str]:
    zh = lang == "zh_CN"
    problems = []
    if not USERNAME_RE.match(username or ""):
        problems.append("用户名须为 2–64 个字母、数字、点、下划线或连字符" if zh
                        else "user name: 2–64 letters, digits, '.', '_' or '-'")
    elif session.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None:
        problems.append(f"用户名 {username} 已存在" if zh else f"user name {username} is taken")
    problems += [("密码：" if zh else "password: ") + p for p in policy.problems(password or "", lang)]
    return problems


def _role_ids(session, keys) -> dict[str, int]:
    found = {r.key: r.id for r in session.scalars(select(Role).where(Role.key.in_(list(keys))))}
    missing = sorted(set(keys) - set(found))
    if missing:
        raise AccessError(f"unknown role(s): {', '.join(missing)}", "invalid")
    return found


@requires("admin.users")
def create_user(db, username: str, display_name: str, password: str, roles: list[str] | tuple[str, ...], *,
                email: str = "", must_change_password: bool = False, lang: str = "en") -> int:
    with db.begin() as s:
        settings = load_settings(s)
        problems = validate_new_user(s, username, password, settings.policy, lang)
        if len(display_name or "") > 120:
            problems.append("display name: at most 120 characters")
        if problems:
            raise AccessError("; ".join(problems), "invalid")
        ids = _role_ids(s, roles)
        user = User(username=username.strip(), display_name=(display_name or "").strip(), email=email.strip()[:200],
                    password_hash=hash_password(password), must_change_password=must_change_password)
        s.add(user)
        s.flush()
        for key in roles:
            s.add(UserRole(user_id=user.id, role_id=ids[key]))
        trail.record(s, "roles", "users", user.id, {"roles": sorted(roles)})
        return user.id


def _user(session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AccessError(f"user {user_id} does not exist", "not_found")
    return user


@requires("admin.users")
def set_user_roles(db, user_id: int, roles: list[str] | tuple[str, ...], *, reason: str = "") -> None:
    with db.begin() as s:
        user = _user(s, user_id)
        ids = _role_ids(s, roles)
        before = sorted(s.scalars(select(Role.key).join(UserRole, UserRole.role_id == Role.id)
                                  .where(UserRole.user_id == user.id)))
        if "administrator" in before and "administrator" not in roles:
            _keep_one_administrator(s, user.id)
        s.execute(delete(UserRole).where(UserRole.user_id == user.id))
        for key in roles:
            s.add(UserRole(user_id=user.id, role_id=ids[key]))
        trail.record(s, "roles", "users", user.id, {"roles": [before, sorted(roles)]}, reason)


def _keep_one_administrator(session, leaving_user_id: int) -> None:
    admin_id = session.scalar(select(Role.id).where(Role.key == "administrator"))
    others = session.scalar(select(func.count()).select_from(UserRole).join(User, User.id == UserRole.user_id)
                            .where(UserRole.role_id == admin_id, UserRole.user_id != leaving_user_id,
                                   User.active.is_(True)))
    if not others:
        raise AccessError("this is the last active administrator; make someone else administrator first",
                          "last_admin")


@requires("admin.users")
def update_user(db, user_id: int, *, display_name: str | None = None, email: str | None = None) -> None:
    with db.begin() as s:
        user = _user(s, user_id)
        if display_name is not None:
            if len(display_name) > 120:
                raise AccessError("display name: at most 120 characters", "invalid")
            user.display_name = display_name.strip()
        if email is not None:
            user.email = email.strip()[:200]


@requires("admin.users")
def set_active(db, user_id: int, active: bool, *, reason: str) -> None:
    if not (reason or "").strip():
        raise AccessError("say why the account is (de)activated", "reason_required")
    with db.begin() as s:
        user = _user(s, user_id)
        if not active:
            if db.actor is not None and db.actor.user_id == user.id:
                raise AccessError("you cannot deactivate your own account", "self")
            _keep_one_administrator(s, user.id)
        trail.set_reason(s, reason)
        user.active = active


@requires("admin.users")
def reset_password(db, user_id: int, new_password: str, *, lang: str = "en") -> None:
    """An administrator sets a new password; the user must change it at the next sign-in."""
    with db.begin() as s:
        user = _user(s, user_id)
        problems = load_settings(s).policy.problems(new_password or "", lang)
        if problems:
            raise AccessError("password: " + "; ".join(problems), "invalid")
        user.password_hash = hash_password(new_password)
        user.must_change_password = True
        user.password_changed_at = utcnow()
        user.failed_attempts, user.locked_until = 0, None
        trail.record(s, "password", "users", user.id, {"reset_by_administrator": True})


@requires("admin.users")
def unlock_user(db, user_id: int) -> None:
    with db.begin() as s:
        user = _user(s, user_id)
        user.failed_attempts, user.locked_until = 0, None
        s.add(LoginEvent(username=user.username, event="unlock", detail=f"by {db.actor.username}"[:200]))
        trail.record(s, "unlock", "users", user.id, {})


def change_own_password(db, old_password: str, new_password: str, *, lang: str = "en") -> None:
    """Any signed-in user may change their own password (the old one is asked again)."""
    actor = getattr(db, "actor", None)
    if actor is None or actor.user_id is None:
        raise AccessError("sign in first", "no_user")
    with db.begin() as s:
        user = _user(s, actor.user_id)
        if not password_matches(user.password_hash, old_password):
            raise AccessError("the current password is wrong", "bad_credentials")
        problems = load_settings(s).policy.problems(new_password or "", lang)
        if new_password == old_password:
            problems.append("the new password must differ from the old one")
        if problems:
            raise AccessError("password: " + "; ".join(problems), "invalid")
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.password_changed_at = utcnow()
        trail.record(s, "password", "users", user.id, {"changed_by_user": True})


def list_users(db) -> list[UserRow]:
    with db.begin() as s:
        roles: dict[int, list[str]] = {}
        for uid, key in s.execute(select(UserRole.user_id, Role.key).join(Role, Role.id == UserRole.role_id)
                                  .order_by(Role.id)):
            roles.setdefault(uid, []).append(key)
        return [UserRow(u.id, u.username, u.display_name, u.email, u.active, tuple(roles.get(u.id, ())),
                        u.locked_until, u.last_login_at, u.created_at)
                for u in s.scalars(select(User).order_by(User.username))]


def list_roles(db) -> list[RoleRow]:
    with db.begin() as s:
        perms: dict[int, set[str]] = {}
        for rid, key in s.execute(select(RolePermission.role_id, RolePermission.permission)):
            perms.setdefault(rid, set()).add(key)
        counts = dict(s.execute(select(UserRole.role_id, func.count()).group_by(UserRole.role_id)).all())
        order = {k: i for i, k in enumerate(ROLE_KEYS)}
        rows = [RoleRow(r.id, r.key, r.name_zh, r.name_en, r.builtin, frozenset(perms.get(r.id, ())),
                        int(counts.get(r.id, 0))) for r in s.scalars(select(Role))]
    return sorted(rows, key=lambda r: (order.get(r.key, len(order)), r.key))


@requires("admin.roles")
def set_role_permissions(db, role_key: str, permissions: set[str] | frozenset[str], *, reason: str = "") -> None:
    unknown = set(permissions) - set(catalogue())
    if unknown:
        raise AccessError(f"unknown permission(s): {', '.join(sorted(unknown))}", "invalid")
    if role_key == "administrator" and not set(ADMIN_ESSENTIAL) <= set(permissions):
        raise AccessError("the administrator role keeps 'Manage users' and 'Edit role permissions'", "admin_essential")
    with db.begin() as s:
        role = s.scalar(select(Role).where(Role.key == role_key))
        if role is None:
            raise AccessError(f"unknown role {role_key}", "not_found")
        before = set(s.scalars(select(RolePermission.permission).where(RolePermission.role_id == role.id)))
        added, removed = sorted(set(permissions) - before), sorted(before - set(permissions))
        if not added and not removed:
            return
        s.execute(delete(RolePermission).where(RolePermission.role_id == role.id,
                                               RolePermission.permission.in_(removed)))
        for key in added:
            s.add(RolePermission(role_id=role.id, permission=key))
        trail.record(s, "permissions", "roles", role.key, {"added": added, "removed": removed}, reason)


@requires("admin.settings")
def update_settings(db, **changes) -> AdminSettings:
    """Change the mode, idle lock, lockout, password rules or backup settings (validated)."""
    with db.begin() as s:
        current = load_settings(s)
        policy = changes.pop("policy", None)
        new = replace(current, **changes)
        if policy is not None:
            new = replace(new, policy=policy if isinstance(policy, PasswordPolicy) else PasswordPolicy(**policy))
        problems = []
        if new.mode not in MODES:
            problems.append(f"mode must be one of {', '.join(MODES)}")
        if new.mode == "personal":
            user = s.scalar(select(User).where(User.username == new.personal_user)) if new.personal_user else None
            if user is None or not user.active:
                problems.append("personal mode needs an active personal user")
        for name, low, high in (("idle_lock_minutes", 1, 24 * 60), ("lockout_attempts", 1, 100),
                                ("lockout_minutes", 1, 24 * 60), ("keep_backups", 1, 1000)):
            value = getattr(new, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                problems.append(f"{name} must be a whole number from {low} to {high}")
        if not 4 <= new.policy.min_length <= 128:
            problems.append("the minimum password length must be from 4 to 128")
        if problems:
            raise AccessError("; ".join(problems), "invalid")
        store_settings(s, new)
        trail.record(s, "settings", "admin_settings", "", {k: [getattr(current, k), getattr(new, k)]
                                                         for k in new.__dataclass_fields__
                                                         if getattr(current, k) != getattr(new, k) and k != "policy"}
                     | ({"policy": [current.policy.__dict__, new.policy.__dict__]} if current.policy != new.policy else {}))
        return new


def ensure_permissions(db) -> list[str]:
    """Grant newly declared permissions to their default roles (at open; no permission needed:
    it only applies the shipped defaults to keys this database has never seen). A read
    transaction first, so an ordinary open neither waits for nor blocks another writer."""
    import json

    from app.models.admin.permissions import KNOWN_KEY, catalogue
    from app.models.core.settings import AppSetting

    with db.read() as s:
        row = s.get(AppSetting, KNOWN_KEY)
        known = set(json.loads(row.value)) if row is not None else set()
    if set(catalogue()) <= known:
        return []
    with db.begin() as s:
        from app.models.admin.identity import Actor

        s.info["actor"] = Actor.system_job("defaults")
        granted = sync_permissions(s)
        if granted:
            trail.record(s, "defaults", "role_permissions", "", {"granted_defaults": granted})
        return granted

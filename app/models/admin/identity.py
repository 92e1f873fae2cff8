"""Who is working: the signed-in actor, sign-in with lockout, the two modes, passwords.

* **personal** mode (one engineer's laptop): the app opens as the database's personal user
  without a password prompt; the password is still asked for electronic signatures.
* **department** mode (a shared file or PostgreSQL): a login dialog, and the session locks after
  the configured idle time.

Passwords are hashed with Argon2id (argon2-cffi; OWASP's minimum parameters m = 19 MiB, t = 2,
p = 1). No password is ever logged, stored in a setting or put in an error message. After
``lockout_attempts`` failed attempts an account is locked for ``lockout_minutes``; the clock is
injectable (``now=``) so lockout timing is testable.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select

from app.models.admin.permissions import catalogue
from app.models.admin.tables import LoginEvent, Role, RolePermission, User, UserRole
from app.models.core.base import utcnow

#: Argon2id parameters (OWASP Password Storage Cheat Sheet minimum: m = 19 MiB, t = 2, p = 1).
ARGON2 = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}


@functools.lru_cache(maxsize=1)
def _hasher():
    from argon2 import PasswordHasher  # imported on first use: opening a database need not pay for it

    return PasswordHasher(**ARGON2)

MODES = ("personal", "department")
SETTINGS_KEY = "admin.settings"


class AccessError(Exception):
    """A sign-in or account problem the user can act on; ``code`` is a stable key."""

    code = "access"

    def __init__(self, message: str, code: str | None = None, **params) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.params = params


@dataclass(frozen=True)
class Actor:
    """The person (or system job) a database session acts for."""

    user_id: int | None
    username: str
    display_name: str
    roles: tuple[str, ...] = ()
    permissions: frozenset[str] = frozenset()
    system: bool = False

    def has(self, permission: str) -> bool:
        return self.system or permission in self.permissions

    @property
    def name(self) -> str:
        """What "who" fields show: the display name, else the user name."""
        return self.display_name or self.username

    @classmethod
    def system_job(cls, job: str) -> "Actor":
        """Demo building, migrations, tests: every permission, recorded as ``system:<job>``."""
        return cls(None, f"system:{job}", job, ("system",), frozenset(catalogue()), True)


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 8
    require_letter: bool = True
    require_digit: bool = True
    require_symbol: bool = False

    def problems(self, password: str, lang: str = "en") -> list[str]:
        zh = lang == "zh_CN"
        out = []
        if len(password) < self.min_length:
            out.append(f"密码至少 {self.min_length} 个字符" if zh else f"at least {self.min_length} characters")
        if self.require_letter and not re.search(r"[A-Za-z]", password):
            out.append("至少包含一个字母" if zh else "at least one letter")
        if self.require_digit and not re.search(r"\d", password):
            out.append("至少包含一个数字" if zh else "at least one digit")
        if self.require_symbol and not re.search(r"[^A-Za-z0-9]", password):
            out.append("至少包含一个符号" if zh else "at least one symbol")
        return out


@dataclass(frozen=True)
class AdminSettings:
    mode: str = "personal"
    personal_user: str = ""
    idle_lock_minutes: int = 15
    lockout_attempts: int = 5
    lockout_minutes: int = 15
    policy: PasswordPolicy = field(default_factory=PasswordPolicy)
    backup_folder: str = ""
    keep_backups: int = 10
    backup_on_close: bool = True

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> "AdminSettings":
        data = dict(data or {})
        policy = PasswordPolicy(**{k: v for k, v in (data.pop("policy", None) or {}).items()
                                   if k in PasswordPolicy.__dataclass_fields__})
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(policy=policy, **known)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def load_settings(session) -> AdminSettings:
    from app.models.core.settings import AppSetting
    import json

    row = session.get(AppSetting, SETTINGS_KEY)
    return AdminSettings.from_json(json.loads(row.value) if row is not None else None)


def store_settings(session, settings: AdminSettings) -> None:
    from app.models.core.settings import AppSetting
    import json

    text = json.dumps(settings.to_json(), ensure_ascii=False, sort_keys=True)
    row = session.get(AppSetting, SETTINGS_KEY)
    if row is None:
        session.add(AppSetting(key=SETTINGS_KEY, value=text))
    else:
        row.value = text


def actor_for(session, user: User) -> Actor:
    roles = list(session.scalars(select(Role.key).join(UserRole, UserRole.role_id == Role.id)
                                 .where(UserRole.user_id == user.id).order_by(Role.id)))
    perms = set(session.scalars(select(RolePermission.permission).join(UserRole, UserRole.role_id == RolePermission.role_id)
                                .where(UserRole.user_id == user.id)))
    return Actor(user.id, user.username, user.display_name, tuple(roles), frozenset(perms))


def user_count(db) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


def _event(session, username: str, kind: str, detail: str = "") -> None:
    session.add(LoginEvent(username=username[:64], event=kind, detail=detail[:200]))


def _check_password(session, user: User | None, username: str, password: str, settings: AdminSettings,
                    now: datetime, *, purpose: str) -> None:
    """Raise AccessError unless ``password`` is right; counts failures and locks the account."""
    if user is None or not user.active:
        # same answer as a wrong password: do not tell which user names exist
        hash_password(password or "-")  # spend the same time
        _event(session, username, "refused", f"{purpose}: unknown or inactive user")
        raise AccessError("wrong user name or password", "bad_credentials")
    if user.locked_until is not None and user.locked_until > now:
        _event(session, username, "refused", f"{purpose}: account locked")
        raise AccessError(f"the account is locked until {user.locked_until:%H:%M} (UTC) after too many failed attempts",
                          "locked", until=user.locked_until)
    if not password_matches(user.password_hash, password):
        user.failed_attempts = (user.failed_attempts or 0) + 1
        if user.failed_attempts >= settings.lockout_attempts:
            user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
            user.failed_attempts = 0
            _event(session, username, "locked", f"{purpose}: {settings.lockout_attempts} failed attempts")
            raise AccessError(f"too many failed attempts: the account is locked for {settings.lockout_minutes} minutes",
                              "locked", until=user.locked_until)
        _event(session, username, "refused", f"{purpose}: wrong password")
        raise AccessError("wrong user name or password", "bad_credentials")
    user.failed_attempts = 0
    user.locked_until = None


def sign_in(db, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check the password and make the user the database's actor. Refusals are committed (so
    failed attempts count) and raised as AccessError."""
    now = now or utcnow()
    username = (username or "").strip()
    refusal: AccessError | None = None
    with db.begin() as s:
        settings = load_settings(s)
        user = s.scalar(select(User).where(User.username == username))
        try:
            _check_password(s, user, username, password, settings, now, purpose="sign-in")
        except AccessError as exc:
            refusal = exc
        else:
            user.last_login_at = now
            _event(s, username, "login")
            actor = actor_for(s, user)
    if refusal is not None:
        raise refusal
    db.actor = actor
    return actor


def sign_in_personal(db) -> Actor:
    """Personal mode: open as the database's personal user, no password."""
    with db.begin() as s:
        settings = load_settings(s)
        if settings.mode != "personal":
            raise AccessError("this database is in department mode: sign in with your password", "department")
        user = s.scalar(select(User).where(User.username == settings.personal_user)) if settings.personal_user else None
        if user is None:
            user = s.scalar(select(User).where(User.active.is_(True)).order_by(User.id).limit(1))
        if user is None or not user.active:
            raise AccessError("no personal user is set up for this database", "no_user")
        user.last_login_at = utcnow()
        _event(s, user.username, "login", "personal mode")
        actor = actor_for(s, user)
    db.actor = actor
    return actor


def sign_out(db) -> None:
    actor = getattr(db, "actor", None)
    if actor is not None and not actor.system:
        with db.begin() as s:
            _event(s, actor.username, "logout")
    db.actor = None


def confirm_password(db, password: str, *, purpose: str = "signature", now: datetime | None = None) -> Actor:
    """Re-authenticate the signed-in user (electronic signatures) in a transaction of its own, so
    a failed attempt is counted toward the lockout even when the signed action never happens."""
    actor = getattr(db, "actor", None)
    if actor is None or actor.user_id is None:
        raise AccessError("a signature needs a signed-in user", "no_user")
    now = now or utcnow()
    refusal: AccessError | None = None
    with db.begin() as s:
        user = s.get(User, actor.user_id)
        try:
            _check_password(s, user, actor.username, password, load_settings(s), now, purpose=purpose)
        except AccessError as exc:
            refusal = exc
        else:
            fresh = actor_for(s, user)
    if refusal is not None:
        raise refusal
    return fresh


def create_first_administrator(db, username: str, display_name: str, password: str, *,
                               mode: str = "personal", lang: str = "en") -> Actor:
    """First start of a new database: the administrator (and, in personal mode, the personal user)."""
    from app.models.admin.users import validate_new_user

    with db.begin() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise AccessError("this database already has users; sign in instead", "has_users")
        settings = load_settings(s)
        problems = validate_new_user(s, username, password, settings.policy, lang)
        if problems:
            raise AccessError("; ".join(problems), "invalid")
        if mode not in MODES:
            raise AccessError(f"mode must be one of {', '.join(MODES)}", "invalid")
        from app.models.admin.permissions import sync_permissions

        sync_permissions(s)
        s.info["actor"] = Actor(None, f"setup:{username}", display_name)
        user = User(username=username.strip(), display_name=display_name.strip(), password_hash=hash_password(password))
        s.add(user)
        s.flush()
        admin_role = s.scalar(select(Role).where(Role.key == "administrator"))
        s.add(UserRole(user_id=user.id, role_id=admin_role.id))
        store_settings(s, replace(settings, mode=mode, personal_user=user.username))
        _event(s, user.username, "login", "first start")
        s.flush()
        actor = actor_for(s, user)
    db.actor = actor
    return actor


def idle_lock_minutes(db) -> int:
    with db.begin() as s:
        return load_settings(s).idle_lock_minutes


def current_settings(db) -> AdminSettings:
    with db.begin() as s:
        return load_settings(s)


Clock = Callable[[], datetime]


def actor_name(source) -> str:
    """What a "who" field records: the signed-in actor's name. ``source`` is a ``Database``
    (``db.actor``) or a ``Session`` opened by ``Database.begin`` (``session.info["actor"]``)."""
    actor = getattr(source, "actor", None)
    if actor is None and hasattr(source, "info"):
        actor = source.info.get("actor")
    return actor.name if actor is not None else ""

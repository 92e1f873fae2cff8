"""Permissions: what each domain declares, who holds it, and the check every service makes.

Each domain declares its permissions in ``app/models/<domain>/permissions.py`` as
``PERMISSIONS = (Permission(...), ...)``; they are discovered like the demo extensions, so a new
domain adds its rights without touching this module. A permission names the roles that hold it
by default; the administrator may change the matrix (``set_role_permissions``). A permission
first seen by a database is granted to its default roles once (``sync_permissions``), so a later
domain's rights arrive with sensible holders while an administrator's removals stay removed.

Services check at the top: ``require(db, "suppliers.edit")`` or the ``@requires(...)``
decorator. The CLI, the GUI and imports all pass through the services, so all are held to the
same matrix; the views only hide what the service would refuse (``can(db, key)``).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from typing import Callable, TypeVar

from sqlalchemy import select

ROLE_KEYS = ("administrator", "quality_manager", "supplier_quality_engineer", "incoming_inspector",
             "customer_quality_engineer", "viewer")
ALL_ROLES = ROLE_KEYS
STAFF = ("administrator", "quality_manager", "supplier_quality_engineer", "incoming_inspector",
         "customer_quality_engineer")


@dataclass(frozen=True)
class Permission:
    key: str  # "<domain>.<verb>", stable: stored in role_permissions
    zh: str
    en: str
    roles: tuple[str, ...] = ("administrator",)

    def label(self, lang: str = "en") -> str:
        return self.zh if lang == "zh_CN" else self.en


class PermissionDenied(Exception):
    """The signed-in user lacks a permission; ``str()`` names it (English), ``text(lang)`` too."""

    code = "permission_denied"

    def __init__(self, permission: str, username: str) -> None:
        self.permission = permission
        self.username = username
        p = catalogue().get(permission)
        self.label_en = p.en if p else permission
        self.label_zh = p.zh if p else permission
        super().__init__(f"{username or 'nobody'} may not do this: the permission "
                         f"'{self.label_en}' ({permission}) is missing")

    def text(self, lang: str = "en") -> str:
        if lang == "zh_CN":
            return f"{self.username or '未登录用户'} 无权执行此操作：缺少权限“{self.label_zh}”（{self.permission}）"
        return str(self)


class NotSignedInError(PermissionDenied):
    def __init__(self, permission: str) -> None:
        super().__init__(permission, "")


#: The administration domain's own permissions.
PERMISSIONS = (
    Permission("admin.users", "管理用户", "Manage users"),
    Permission("admin.roles", "编辑角色权限", "Edit role permissions"),
    Permission("admin.settings", "更改系统设置（模式、密码规则、签名要求）",
               "Change system settings (mode, password rules, signatures)"),
    Permission("admin.trail", "查看审计追踪与系统日志", "View the audit trail and system log",
               ("administrator", "quality_manager")),
    Permission("admin.backup", "备份与恢复数据库", "Back up and restore the database", ("administrator", "quality_manager")),
)


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, Permission]:
    """Every declared permission by key, in declaration order (admin first, then domains by name)."""
    import app.models as models_pkg

    found: dict[str, Permission] = {p.key: p for p in PERMISSIONS}
    for info in sorted(pkgutil.iter_modules(models_pkg.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name in ("admin", "core", "migrations"):
            continue
        name = f"app.models.{info.name}.permissions"
        if importlib.util.find_spec(name) is None:
            continue
        for p in importlib.import_module(name).PERMISSIONS:
            if p.key in found:
                raise RuntimeError(f"permission {p.key} is declared twice")
            unknown = set(p.roles) - set(ROLE_KEYS)
            if unknown:
                raise RuntimeError(f"permission {p.key} names unknown roles {sorted(unknown)}")
            found[p.key] = p
    return found


KNOWN_KEY = "admin.known_permissions"


def sync_permissions(session) -> list[str]:
    """Grant permissions this database has never seen to their default roles (and the
    administrator); returns the keys granted. Called when a database is opened."""
    from app.models.admin.tables import Role, RolePermission
    from app.models.core.settings import AppSetting
    import json

    row = session.get(AppSetting, KNOWN_KEY)
    known = set(json.loads(row.value)) if row is not None else set()
    new = [k for k in catalogue() if k not in known]
    if not new:
        return []
    roles = {r.key: r.id for r in session.scalars(select(Role))}
    existing = set(session.execute(select(RolePermission.role_id, RolePermission.permission)).all())
    for key in new:
        holders = set(catalogue()[key].roles) | {"administrator"}
        for role in sorted(holders):
            if role in roles and (roles[role], key) not in existing:
                session.add(RolePermission(role_id=roles[role], permission=key))
    text = json.dumps(sorted(known | set(new)))
    if row is None:
        session.add(AppSetting(key=KNOWN_KEY, value=text))
    else:
        row.value = text
    return new


def require(db, permission: str) -> None:
    """Refuse unless the database's signed-in actor holds ``permission``."""
    if permission not in catalogue():
        raise RuntimeError(f"undeclared permission {permission}")
    actor = getattr(db, "actor", None)
    if actor is None:
        raise NotSignedInError(permission)
    if not actor.has(permission):
        raise PermissionDenied(permission, actor.username)


def can(db, permission: str) -> bool:
    actor = getattr(db, "actor", None)
    return actor is not None and actor.has(permission)


F = TypeVar("F", bound=Callable)


def requires(permission: str) -> Callable[[F], F]:
    """Decorate a service ``fn(db, ...)``: the permission is checked before anything else runs."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(db, *args, **kwargs):
            require(db, permission)
            return fn(db, *args, **kwargs)

        wrapper.permission = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate

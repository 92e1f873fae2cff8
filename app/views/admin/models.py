"""Item models of the Administration screens: users, the role × permission matrix, trail
entries, system log records. Plain ``QAbstractTableModel`` subclasses over dataclass rows
(the services return dataclasses; no pandas needed here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.admin.permissions import Permission
from app.models.core.base import utcnow

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class _RowsModel(QAbstractTableModel):
    """Rows of dataclasses shown through (title, value function) columns."""

    def __init__(self, columns: Sequence[tuple[Callable[[], str], Callable[[Any], Any]]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return index.row()
        found = self.extra(row, index.column(), role)
        if found is None and role == Qt.ItemDataRole.ToolTipRole:  # a long value in full
            value = self.columns[index.column()][1](row)
            text = "" if value is None else str(value)
            return text if len(text) > 40 else None
        return found

    def extra(self, row: Any, column: int, role: int):
        return None

    def row_at(self, index: Index) -> Any | None:
        return self.rows[index.row()] if index.isValid() and 0 <= index.row() < len(self.rows) else None


class UsersModel(_RowsModel):
    def __init__(self, role_names: Callable[[], dict[str, str]], parent=None) -> None:
        self.role_names = role_names
        super().__init__([
            (lambda: QCoreApplication.translate("AdminModels", "User name"), lambda r: r.username),
            (lambda: QCoreApplication.translate("AdminModels", "Full name"), lambda r: r.display_name),
            (lambda: QCoreApplication.translate("AdminModels", "Roles"), lambda r: ", ".join(self.role_names().get(k, k) for k in r.roles)),
            (lambda: QCoreApplication.translate("AdminModels", "State"), self._state),
            (lambda: QCoreApplication.translate("AdminModels", "Last sign-in (UTC)"), lambda r: _when(r.last_login_at)),
            (lambda: QCoreApplication.translate("AdminModels", "E-mail"), lambda r: r.email),
        ], parent)

    @staticmethod
    def _state(r) -> str:
        if not r.active:
            return QCoreApplication.translate("AdminModels", "disabled")
        if r.locked_until is not None and r.locked_until > utcnow():
            return QCoreApplication.translate("AdminModels", "locked until %1").replace("%1", r.locked_until.strftime("%H:%M"))
        return QCoreApplication.translate("AdminModels", "active")

    def extra(self, row, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#888888"))
        return None


class TrailModel(_RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            (lambda: QCoreApplication.translate("AdminModels", "No."), lambda e: e.id),
            (lambda: QCoreApplication.translate("AdminModels", "When (UTC)"), lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S") if isinstance(e.at, datetime)
             else str(e.at)[:19]),
            (lambda: QCoreApplication.translate("AdminModels", "User"), lambda e: e.username),
            (lambda: QCoreApplication.translate("AdminModels", "Action"), lambda e: e.action),
            (lambda: QCoreApplication.translate("AdminModels", "Entity"), lambda e: e.entity),
            (lambda: QCoreApplication.translate("AdminModels", "Record"), lambda e: e.record_id),
            (lambda: QCoreApplication.translate("AdminModels", "Reason"), lambda e: e.reason),
        ], parent)
        self.broken_id: int | None = None

    def extra(self, row, column, role):
        if role == Qt.ItemDataRole.BackgroundRole and self.broken_id is not None and row.id == self.broken_id:
            return QBrush(QColor("#f5b7b1"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChangesModel(_RowsModel):
    """The changed fields of one trail entry: field, old value, new value."""

    def __init__(self, parent=None) -> None:
        super().__init__([
            (lambda: QCoreApplication.translate("AdminModels", "Field"), lambda r: r[0]),
            (lambda: QCoreApplication.translate("AdminModels", "Old value"), lambda r: r[1]),
            (lambda: QCoreApplication.translate("AdminModels", "New value"), lambda r: r[2]),
        ], parent)


class LogModel(_RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            (lambda: QCoreApplication.translate("AdminModels", "When"), lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
            (lambda: QCoreApplication.translate("AdminModels", "Level"), lambda r: r.level),
            (lambda: QCoreApplication.translate("AdminModels", "Source"), lambda r: r.logger.removeprefix("qualitybridge.") or "app"),
            (lambda: QCoreApplication.translate("AdminModels", "Message"), lambda r: r.message),
        ], parent)

    def extra(self, row, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.level in ("ERROR", "CRITICAL"):
            return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.ForegroundRole and row.level == "WARNING":
            return QBrush(QColor("#b9770e"))
        if role == Qt.ItemDataRole.ToolTipRole and row.details:
            return row.details
        return None


def login_event_label(event: str) -> str:
    return {
        "login": QCoreApplication.translate("AdminModels", "signed in"),
        "refused": QCoreApplication.translate("AdminModels", "refused"),
        "locked": QCoreApplication.translate("AdminModels", "account locked"),
        "logout": QCoreApplication.translate("AdminModels", "signed out"),
        "unlock": QCoreApplication.translate("AdminModels", "unlocked"),
    }.get(event, event)


def login_detail_text(detail: str) -> str:
    """The recorded detail ("sign-in: wrong password", "personal mode", "by admin") in the
    interface language; an unknown text is shown as stored."""
    words = {
        "sign-in": QCoreApplication.translate("AdminModels", "sign-in"),
        "unlock": QCoreApplication.translate("AdminModels", "unlocking the screen"),
        "signature": QCoreApplication.translate("AdminModels", "electronic signature"),
        "unknown or inactive user": QCoreApplication.translate("AdminModels", "unknown or inactive user"),
        "account locked": QCoreApplication.translate("AdminModels", "account locked"),
        "wrong password": QCoreApplication.translate("AdminModels", "wrong password"),
        "personal mode": QCoreApplication.translate("AdminModels", "personal mode"),
        "first start": QCoreApplication.translate("AdminModels", "first start"),
    }
    purpose, sep, reason = detail.partition(": ")
    if not sep:
        if detail.startswith("by "):
            return QCoreApplication.translate("AdminModels", "by %1").replace("%1", detail[3:])
        return words.get(detail, detail)
    head = words.get(purpose)
    if head is None and purpose.startswith("signature "):  # "signature <action>"
        head = words["signature"] + " " + purpose[len("signature "):]
    if reason.endswith(" failed attempts") and reason.split(" ", 1)[0].isdigit():
        tail = QCoreApplication.translate("AdminModels", "%1 failed attempts").replace("%1", reason.split(" ", 1)[0])
    else:
        tail = words.get(reason, reason)
    return QCoreApplication.translate("AdminModels", "%1: %2").replace("%1", head or purpose).replace("%2", tail)


class LoginEventModel(_RowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__([
            (lambda: QCoreApplication.translate("AdminModels", "When (UTC)"), lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
            (lambda: QCoreApplication.translate("AdminModels", "User"), lambda r: r.username),
            (lambda: QCoreApplication.translate("AdminModels", "Event"), lambda r: login_event_label(r.event)),
            (lambda: QCoreApplication.translate("AdminModels", "Details"), lambda r: login_detail_text(r.detail)),
        ], parent)

    def extra(self, row, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.event in ("refused", "locked"):
            return QBrush(QColor("#c0392b"))
        return None


class PermissionMatrixModel(QAbstractTableModel):
    """Rows: the permissions grouped by domain (a bold heading row per domain); columns: the
    permission, then one checkable column per role. ``locked(role, key)`` cells cannot be
    unchecked (the administrator keeps its administration rights)."""

    def __init__(self, permissions: Sequence[Permission], roles: Sequence[tuple[str, str]],
                 granted: dict[str, set[str]], language: str = "en",
                 locked: Callable[[str, str], bool] = lambda role, key: False, parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.locked = locked
        self.roles = list(roles)  # (key, display name)
        self.original = {role: set(keys) for role, keys in granted.items()}
        self.granted = {role: set(keys) for role, keys in granted.items()}
        self.lines: list[tuple[str, Permission | str]] = []
        domain = None
        for p in permissions:
            d = p.key.split(".", 1)[0]
            if d != domain:
                self.lines.append(("group", d))
                domain = d
            self.lines.append(("perm", p))

    # -- changes
    def changed_roles(self) -> dict[str, set[str]]:
        return {role: keys for role, keys in self.granted.items() if keys != self.original.get(role, set())}

    def change_count(self) -> int:
        return sum(len(keys ^ self.original.get(role, set())) for role, keys in self.granted.items())

    def accept_changes(self) -> None:
        self.original = {role: set(keys) for role, keys in self.granted.items()}

    def revert(self) -> None:
        self.beginResetModel()
        self.granted = {role: set(keys) for role, keys in self.original.items()}
        self.endResetModel()

    # -- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self.roles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("AdminModels", "Permission")
        if 1 <= section <= len(self.roles):
            return self.roles[section - 1][1]
        return None

    def _cell(self, index: Index) -> tuple[str, Permission | str, str | None] | None:
        if not index.isValid() or not 0 <= index.row() < len(self.lines) or not 0 <= index.column() <= len(self.roles):
            return None
        kind, item = self.lines[index.row()]
        role = self.roles[index.column() - 1][0] if index.column() >= 1 else None
        return kind, item, role

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self._cell(index)
        if cell is None:
            return None
        kind, item, role_key = cell
        if kind == "group":
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return DOMAIN_NAMES().get(item, item)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#eaecee"))
            return None
        perm: Permission = item  # type: ignore[assignment]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return perm.label(self.language)
            if role == Qt.ItemDataRole.ToolTipRole:
                return perm.key
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if perm.key in self.granted.get(role_key, set()) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and perm.key in (self.granted.get(role_key, set()) ^
                                                                   self.original.get(role_key, set())):
            return QBrush(QColor("#fcf3cf"))  # changed, not saved yet
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self._cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        kind, item, role_key = cell
        if kind == "group":
            return Qt.ItemFlag.ItemIsEnabled
        if index.column() == 0:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.locked(role_key, item.key):
            return Qt.ItemFlag.ItemIsSelectable  # shown checked, cannot be changed
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        cell = self._cell(index)
        if cell is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        kind, item, role_key = cell
        if kind != "perm" or role_key is None or self.locked(role_key, item.key):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        keys = self.granted.setdefault(role_key, set())
        (keys.add if on else keys.discard)(item.key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.BackgroundRole])
        return True


def DOMAIN_NAMES() -> dict[str, str]:  # noqa: N802 - a table, translated at call time
    return {
        "admin": QCoreApplication.translate("AdminModels", "Administration"),
        "suppliers": QCoreApplication.translate("AdminModels", "Suppliers"),
        "evaluation": QCoreApplication.translate("AdminModels", "Evaluation"),
        "surveys": QCoreApplication.translate("AdminModels", "Surveys"),
        "audits": QCoreApplication.translate("AdminModels", "Audits"),
        "approval": QCoreApplication.translate("AdminModels", "Approval"),
        "corrective": QCoreApplication.translate("AdminModels", "Corrective actions"),
        "customers": QCoreApplication.translate("AdminModels", "Customers"),
        "complaints": QCoreApplication.translate("AdminModels", "Complaints"),
        "inspection": QCoreApplication.translate("AdminModels", "Incoming inspection"),
        "agreements": QCoreApplication.translate("AdminModels", "Quality agreements"),
        "satisfaction": QCoreApplication.translate("AdminModels", "Customer satisfaction"),
        "qualified": QCoreApplication.translate("AdminModels", "Qualified list"),
        "development": QCoreApplication.translate("AdminModels", "Supplier development"),
    }

"""Reading the administration records for the admin screen: the audit trail with filters (date
range, user, entity, action, record) and the choices for those filters; the sign-in history; the
system log files.

Reads only, so no permission check here (the screen shows them to ``admin.trail`` holders)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.models.admin.tables import AuditEntry, LoginEvent
from app.models.admin.trail import TrailEntry, _entry

_TRAIL = AuditEntry.__table__


@dataclass(frozen=True)
class TrailFilter:
    since: date | None = None  # inclusive, UTC day
    until: date | None = None  # inclusive, UTC day
    username: str = ""
    entity: str = ""
    action: str = ""
    record_id: str = ""


def find_entries(db, flt: TrailFilter = TrailFilter(), *, limit: int = 2000) -> tuple[list[TrailEntry], int]:
    """The newest ``limit`` entries matching ``flt`` (newest first) and how many match in all."""
    conds = []
    if flt.since:
        conds.append(_TRAIL.c.at >= datetime.combine(flt.since, datetime.min.time()))
    if flt.until:
        conds.append(_TRAIL.c.at < datetime.combine(flt.until + timedelta(days=1), datetime.min.time()))
    if flt.username:
        conds.append(_TRAIL.c.username == flt.username)
    if flt.entity:
        conds.append(_TRAIL.c.entity == flt.entity)
    if flt.action:
        conds.append(_TRAIL.c.action == flt.action)
    if flt.record_id:
        conds.append(_TRAIL.c.record_id == flt.record_id.strip())
    with db.read() as s:
        rows = s.execute(select(_TRAIL).where(*conds).order_by(_TRAIL.c.id.desc()).limit(limit)).all()
        total = int(s.scalar(select(func.count()).select_from(_TRAIL).where(*conds)) or 0)
    return [_entry(r) for r in rows], total


def entry_count(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(_TRAIL)) or 0)


def filter_choices(db) -> dict[str, list[str]]:
    """The distinct users, entities and actions on the trail (for the filter boxes)."""
    out = {}
    with db.read() as s:
        for name, col in (("username", _TRAIL.c.username), ("entity", _TRAIL.c.entity), ("action", _TRAIL.c.action)):
            out[name] = sorted(v for v in s.scalars(select(col).distinct()) if v)
    return out


#: The kinds of sign-in events ``identity`` records, in the order the filter offers them.
LOGIN_EVENTS = ("login", "refused", "locked", "logout", "unlock")
_LOGINS = LoginEvent.__table__


@dataclass(frozen=True)
class LoginRow:
    at: datetime
    username: str
    event: str
    detail: str


def login_events(db, *, username: str = "", event: str = "", since: date | None = None, until: date | None = None,
                 limit: int = 5000) -> tuple[list[LoginRow], int]:
    """The newest ``limit`` sign-in events matching the filters (newest first) and how many match:
    sign-ins, refused sign-ins (wrong password, unknown user, locked account), lockouts, sign-outs
    and unlocks. Never passwords — ``identity`` does not record them."""
    conds = []
    if username.strip():
        conds.append(_LOGINS.c.username == username.strip())
    if event:
        conds.append(_LOGINS.c.event == event)
    if since:
        conds.append(_LOGINS.c.at >= datetime.combine(since, datetime.min.time()))
    if until:
        conds.append(_LOGINS.c.at < datetime.combine(until + timedelta(days=1), datetime.min.time()))
    with db.read() as s:
        rows = s.execute(select(_LOGINS.c.at, _LOGINS.c.username, _LOGINS.c.event, _LOGINS.c.detail)
                         .where(*conds).order_by(_LOGINS.c.id.desc()).limit(limit)).all()
        total = int(s.scalar(select(func.count()).select_from(_LOGINS).where(*conds)) or 0)
    return [LoginRow(r.at, r.username, r.event, r.detail or "") for r in rows], total


def login_usernames(db) -> list[str]:
    with db.read() as s:
        return sorted(v for v in s.scalars(select(_LOGINS.c.username).distinct()) if v)


def change_rows(entry: TrailEntry) -> list[tuple[str, str, str]]:
    """An entry's changes as (field, old, new) rows: ``update`` entries hold ``[old, new]`` pairs,
    ``create``/``delete`` a snapshot (new resp. old only), other actions their details."""
    import json

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)

    rows = []
    for key, value in sorted(entry.changes.items()):
        if entry.action == "update" and isinstance(value, list) and len(value) == 2:
            rows.append((key, text(value[0]), text(value[1])))
        elif entry.action == "delete":
            rows.append((key, text(value), ""))
        elif entry.action == "roles" and isinstance(value, list) and len(value) == 2 and all(
                isinstance(v, list) for v in value):
            rows.append((key, text(value[0]), text(value[1])))
        else:
            rows.append((key, "", text(value)))
    return rows


# ---------------------------------------------------------------------------------------------
# The system log (app.logs: a rotating file, qualitybridge.log + .1 … .5)
# ---------------------------------------------------------------------------------------------

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LINE = re.compile(r"^(?P<at>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}),\d{3} (?P<level>[A-Z]+) (?P<logger>\S+) "
                   r"\[(?P<pid>\d+)\]: (?P<message>.*)$")


@dataclass(frozen=True)
class LogRecord:
    at: datetime
    level: str
    logger: str
    message: str  # first line
    details: str = ""  # the following lines (a traceback)

    @property
    def level_no(self) -> int:
        return LEVELS.index(self.level) if self.level in LEVELS else 0


def log_files(path: Path | None = None) -> list[Path]:
    """The current log file and its rotated predecessors, oldest first."""
    from app.logs import BACKUPS, log_path

    current = path or log_path()
    files = [current.with_name(f"{current.name}.{i}") for i in range(BACKUPS, 0, -1)] + [current]
    return [p for p in files if p.is_file()]


def read_log(path: Path | None = None, *, min_level: str = "DEBUG", text: str = "", since: date | None = None,
             until: date | None = None, limit: int = 5000) -> list[LogRecord]:
    """The log's records across the rotated files, newest first, filtered by level (at least),
    text (case-insensitive, in the message or its details) and UTC-local day range."""
    records: list[LogRecord] = []
    for file in log_files(path):
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        current = None
        extra: list[str] = []
        for line in lines:
            m = _LINE.match(line)
            if m:
                if current is not None:
                    records.append(_finish(current, extra))
                current, extra = m, []
            elif current is not None:
                extra.append(line)
        if current is not None:
            records.append(_finish(current, extra))
    floor = LEVELS.index(min_level) if min_level in LEVELS else 0
    needle = text.strip().lower()
    out = []
    for r in reversed(records):
        if r.level_no < floor:
            continue
        if since and r.at.date() < since or until and r.at.date() > until:
            continue
        if needle and needle not in r.message.lower() and needle not in r.details.lower():
            continue
        out.append(r)
        if len(out) >= limit:
            break
    return out


def _finish(m: re.Match, extra: list[str]) -> LogRecord:
    return LogRecord(datetime.strptime(m.group("at"), "%Y-%m-%d %H:%M:%S"), m.group("level"), m.group("logger"),
                     m.group("message"), "\n".join(extra))


def must_change_password(db) -> bool:
    """Whether the signed-in user was given a password by an administrator and must change it."""
    from app.models.admin.tables import User

    actor = getattr(db, "actor", None)
    if actor is None or actor.user_id is None:
        return False
    with db.read() as s:
        return bool(s.scalar(select(User.must_change_password).where(User.id == actor.user_id)))

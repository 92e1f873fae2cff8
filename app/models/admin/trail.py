"""The audit trail: every create, update and delete through the services, hash-chained.

How entries get written:

* **ORM changes are recorded automatically.** ``install(session_factory)`` (called for every
  opened database) listens to ``after_flush``: a new object gets a ``create`` entry with a full
  snapshot, a changed one an ``update`` entry with ``{field: [old, new]}``, a deleted one a
  ``delete`` entry with its last snapshot. Classes opt out with ``__audit__ = False``; fields with
  ``__audit_exclude__`` (and ``updated_at``) are left out of diffs.
* **Core statements and bulk work record explicitly**: ``record(session, ...)`` for one change
  made with ``update()``/``insert()``, ``bulk(session, ...)`` around imports, evaluations and the
  demo (one entry with counts and a content hash instead of one per row).
* The reason for a change (status changes, reopening, overrides, concessions) is given with
  ``set_reason(session, text)`` before the flush, or directly to ``record``.

Every entry stores the previous entry's hash and its own: SHA-256 over its fields joined with
the unit separator, plus ``prev_hash``. ``verify_chain`` recomputes the chain and names the first
entry that does not match (edited, inserted or removed entries all break it). The chain head
(``audit_chain``) follows every insert by a database trigger and is locked (``FOR UPDATE``) when a
transaction first appends, so concurrent writers on a shared PostgreSQL database chain one after
the other; on SQLite the write lock already lets only one writer in at a time.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Callable, Iterator

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from app.models.admin.tables import AuditEntry
from app.models.core.base import utcnow

GENESIS = "0" * 64
SEP = "\x1f"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime storage format: hashes match either back end
ALWAYS_EXCLUDED = frozenset({"updated_at"})

_TRAIL = AuditEntry.__table__


def jsonable(value: Any) -> Any:
    """A JSON-safe form of a column value (dates as ISO text, bytes as their size and hash)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return str(value)


def entry_hash(entry_id: int, at: str, user_id: int | None, username: str, action: str, entity: str,
               record_id: str, changes: str, reason: str, prev_hash: str) -> str:
    payload = SEP.join((str(entry_id), at, "" if user_id is None else str(user_id), username, action, entity,
                        record_id, changes, reason, prev_hash))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _at_text(value: Any) -> str:
    return value.strftime(TIME_FORMAT) if isinstance(value, datetime) else str(value)


# ---------------------------------------------------------------------------------------------
# Appending
# ---------------------------------------------------------------------------------------------

@dataclass
class _Pending:
    action: str
    entity: str
    record_id: str
    changes: dict
    reason: str = ""


def _actor_fields(session: Session) -> tuple[int | None, str]:
    actor = session.info.get("actor")
    if actor is None:
        return None, "system:unattributed"
    return actor.user_id, actor.username


_COLUMNS = ("id", "at", "user_id", "username", "action", "entity", "record_id", "changes", "reason", "prev_hash",
            "hash")


@functools.lru_cache(maxsize=8)
def _sql_for(name: str, paramstyle: str) -> tuple[str, str]:
    mark = "?" if paramstyle == "qmark" else "%s"
    lock = "" if name == "sqlite" else " FOR UPDATE"  # SQLite: the write lock already serialises
    head = f"SELECT last_id, last_hash FROM audit_chain WHERE id = 1{lock}"
    insert = f"INSERT INTO audit_trail ({', '.join(_COLUMNS)}) VALUES ({', '.join([mark] * len(_COLUMNS))})"
    return head, insert


def _sql(dialect) -> tuple[str, str]:
    """The two statements an append needs, in the driver's own parameter style: the trail is on
    every write path, so it talks to the DB-API cursor directly (SQLAlchemy's per-statement
    overhead would cost more than the statements; see app.models.core.database.fetch_all)."""
    return _sql_for(dialect.name, dialect.paramstyle)


def _append(session: Session, pending: list[_Pending]) -> None:
    if not pending:
        return
    dialect = session.get_bind().dialect
    head_sql, insert_sql = _sql(dialect)
    cursor = session.connection().connection.cursor()
    try:
        head = session.info.get("trail_head")
        if head is None:
            cursor.execute(head_sql)
            row = cursor.fetchone()
            head = [int(row[0]), str(row[1])]
            session.info["trail_head"] = head
        user_id, username = _actor_fields(session)
        at_text = utcnow().isoformat(sep=" ", timespec="microseconds")  # == TIME_FORMAT, faster
        rows = []
        last_id, last_hash = head
        for p in pending:
            last_id += 1
            changes = json.dumps(p.changes, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            digest = entry_hash(last_id, at_text, user_id, username, p.action, p.entity, p.record_id, changes,
                                p.reason, last_hash)
            rows.append((last_id, at_text, user_id, username, p.action, p.entity, p.record_id, changes, p.reason,
                         last_hash, digest))
            last_hash = digest
        if len(rows) == 1:
            cursor.execute(insert_sql, rows[0])
        else:
            cursor.executemany(insert_sql, rows)
    finally:
        cursor.close()
    head[0], head[1] = last_id, last_hash


def record(session: Session, action: str, entity: str, record_id: object = "", changes: dict | None = None,
           reason: str | None = None) -> None:
    """Append one entry now (for changes made with Core statements, sign-ins, signatures …)."""
    _append(session, [_Pending(action, entity, "" if record_id is None else str(record_id),
                               {k: jsonable(v) if not isinstance(v, (dict, list)) else v
                                for k, v in (changes or {}).items()},
                               reason if reason is not None else session.info.get("trail_reason", ""))])


def set_reason(session: Session, reason: str) -> None:
    """The reason recorded with the entries this transaction writes from now on."""
    session.info["trail_reason"] = reason.strip()


@dataclass
class Bulk:
    """Collects what a bulk operation changed: counts per table and action, a content hash."""

    action: str
    entity: str
    details: dict = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    _digest: Any = field(default_factory=hashlib.sha256)
    _fed: bool = False

    def add_content(self, data: bytes | str) -> None:
        self._digest.update(data.encode("utf-8") if isinstance(data, str) else data)
        self._fed = True

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def summary(self) -> dict:
        out = dict(self.details)
        out["counts"] = dict(sorted(self.counts.items()))
        if self._fed:
            out["content_sha256"] = self._digest.hexdigest()
        return out


@contextmanager
def bulk(session: Session, action: str, entity: str, **details: Any) -> Iterator[Bulk]:
    """One trail entry for a bulk operation: ORM changes inside are counted, not listed.
    Feed the content (the imported file, the computed results) with ``add_content``."""
    collector = Bulk(action, entity, {k: jsonable(v) for k, v in details.items()})
    previous = session.info.get("trail_bulk")
    session.info["trail_bulk"] = collector
    try:
        yield collector
        session.flush()
    finally:
        session.info["trail_bulk"] = previous
    record(session, action, entity, details.get("record_id", ""), collector.summary())


# ---------------------------------------------------------------------------------------------
# Automatic entries from ORM flushes
# ---------------------------------------------------------------------------------------------

def _audited(obj: object) -> bool:
    return getattr(type(obj), "__audit__", True)


def _record_id(state) -> str:
    mapper = state.mapper
    values = [state.dict.get(mapper.get_property_by_column(c).key) for c in mapper.primary_key]
    if any(v is None for v in values) and state.identity is not None:
        values = list(state.identity)
    return "/".join("" if v is None else str(v) for v in values)


_KEYS: dict = {}


def _column_keys(obj: object, mapper) -> tuple[str, ...]:
    """The audited column attributes of a class (cached per mapper)."""
    keys = _KEYS.get(mapper)
    if keys is None:
        excluded = ALWAYS_EXCLUDED | getattr(type(obj), "__audit_exclude__", frozenset())
        keys = _KEYS[mapper] = tuple(p.key for p in mapper.column_attrs if p.key not in excluded)
    return keys


def _snapshot(obj: object, state, *, committed: bool = False) -> dict:
    out = {}
    old = state.committed_state if committed else {}
    for key in _column_keys(obj, state.mapper):
        value = old[key] if key in old else state.dict.get(key)
        out[key] = jsonable(value)
    return out


def _diff(obj: object, state) -> dict:
    """Old and new values of the attributes changed since the last flush (``committed_state``
    holds exactly those), limited to the audited columns."""
    audited = _column_keys(obj, state.mapper)
    out = {}
    for key, old in state.committed_state.items():
        if key not in audited:
            continue
        new = state.dict.get(key)
        old_j, new_j = jsonable(None if old is NO_VALUE else old), jsonable(new)
        if old_j != new_j:
            out[key] = [old_j, new_j]
    return out


def _after_flush(session: Session, _context) -> None:
    if session.info.get("trail_off"):
        return
    bulk_collector: Bulk | None = session.info.get("trail_bulk")
    reason = session.info.get("trail_reason", "")
    pending: list[_Pending] = []
    for obj in session.new:
        if not _audited(obj):
            continue
        state = inspect(obj)
        entity = state.mapper.local_table.name
        if bulk_collector is not None:
            bulk_collector.count(f"{entity}.create")
            continue
        pending.append(_Pending("create", entity, _record_id(state), _snapshot(obj, state), reason))
    for obj in session.dirty:
        if not _audited(obj):
            continue
        state = inspect(obj)
        changes = _diff(obj, state)
        if not changes:
            continue
        entity = state.mapper.local_table.name
        if bulk_collector is not None:
            bulk_collector.count(f"{entity}.update")
            continue
        pending.append(_Pending("update", entity, _record_id(state), changes, reason))
    for obj in session.deleted:
        if not _audited(obj):
            continue
        state = inspect(obj)
        entity = state.mapper.local_table.name
        if bulk_collector is not None:
            bulk_collector.count(f"{entity}.delete")
            continue
        pending.append(_Pending("delete", entity, _record_id(state), _snapshot(obj, state, committed=True), reason))
    _append(session, pending)


def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None:
        for key in ("trail_head", "trail_reason"):
            session.info.pop(key, None)


def install(session_factory) -> None:
    """Attach the trail to a database's sessions (idempotent)."""
    if getattr(session_factory, "_qb_trail", False):
        return
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "after_transaction_end", _after_transaction_end)
    session_factory._qb_trail = True


@contextmanager
def suspended(session: Session) -> Iterator[None]:
    """Record nothing automatically inside (e.g. migrations' own bookkeeping). Use sparingly."""
    previous = session.info.get("trail_off")
    session.info["trail_off"] = True
    try:
        yield
    finally:
        session.info["trail_off"] = previous


# ---------------------------------------------------------------------------------------------
# Reading: history, "as of", verification
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TrailEntry:
    id: int
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    record_id: str
    changes: dict
    reason: str


def _entry(row) -> TrailEntry:
    return TrailEntry(int(row.id), row.at, row.user_id, row.username, row.action, row.entity, row.record_id,
                      json.loads(row.changes or "{}"), row.reason or "")


def history(db, entity: str, record_id: object) -> list[TrailEntry]:
    """Every entry of one record, oldest first (who changed what, when)."""
    with db.begin() as s:
        rows = s.execute(select(_TRAIL).where(_TRAIL.c.entity == entity, _TRAIL.c.record_id == str(record_id))
                         .order_by(_TRAIL.c.id)).all()
    return [_entry(r) for r in rows]


def entries(db, *, entity: str | None = None, username: str | None = None, action: str | None = None,
            since: datetime | None = None, until: datetime | None = None, limit: int = 1000,
            before_id: int | None = None) -> list[TrailEntry]:
    """The newest entries matching the filters (for the admin screen), newest first."""
    q = select(_TRAIL).order_by(_TRAIL.c.id.desc()).limit(limit)
    if entity:
        q = q.where(_TRAIL.c.entity == entity)
    if username:
        q = q.where(_TRAIL.c.username == username)
    if action:
        q = q.where(_TRAIL.c.action == action)
    if since:
        q = q.where(_TRAIL.c.at >= since)
    if until:
        q = q.where(_TRAIL.c.at < until)
    if before_id is not None:
        q = q.where(_TRAIL.c.id < before_id)
    with db.begin() as s:
        return [_entry(r) for r in s.execute(q).all()]


def as_of(db, entity: str, record_id: object, when: datetime) -> dict | None:
    """The record as it was at ``when`` (UTC): the current row with every later change undone;
    ``None`` when it did not exist then. Fields the trail never saw keep their current value."""
    from app.models.core.base import Base

    table = Base.metadata.tables[entity]
    rid = str(record_id)
    pk_cols = list(table.primary_key.columns)
    parts = rid.split("/")
    with db.begin() as s:
        current = None
        if len(parts) == len(pk_cols):
            cond = [c == c.type.python_type(p) if c.type.python_type in (int, str) else c == p
                    for c, p in zip(pk_cols, parts)]
            row = s.execute(select(table).where(*cond)).mappings().first()
            current = {k: jsonable(v) for k, v in row.items()} if row is not None else None
        later = s.execute(select(_TRAIL).where(_TRAIL.c.entity == entity, _TRAIL.c.record_id == rid,
                                               _TRAIL.c.at > when).order_by(_TRAIL.c.id.desc())).all()
        earlier = s.execute(select(_TRAIL.c.id).where(_TRAIL.c.entity == entity, _TRAIL.c.record_id == rid,
                                                      _TRAIL.c.at <= when).limit(1)).first()
    state = dict(current) if current is not None else None
    for row in later:  # newest first: undo each change
        e = _entry(row)
        if e.action == "delete":
            state = dict(e.changes)
        elif e.action == "create":
            state = None
        elif e.action == "update" and state is not None:
            for key, (old, _new) in e.changes.items():
                state[key] = old
    if state is not None and current is None and not later and earlier is None:
        return None
    return state


@dataclass(frozen=True)
class ChainReport:
    entries: int
    ok: bool
    first_broken_id: int | None = None
    problem: str = ""

    def text(self, lang: str = "en") -> str:
        if self.ok:
            return (f"审计追踪完整：{self.entries:,} 条记录，哈希链无断裂" if lang == "zh_CN"
                    else f"audit trail intact: {self.entries:,} entries, hash chain unbroken")
        if lang == "zh_CN":
            return f"审计追踪已被篡改：第一条异常记录 #{self.first_broken_id}（{self.problem}）"
        return f"audit trail tampered with: first broken entry #{self.first_broken_id} ({self.problem})"


def _payload_sql(dialect_name: str) -> str:
    """Each entry's hashed text assembled by the database itself (the same fields and separator
    as ``entry_hash``), so verifying a million entries is one hash per row in Python."""
    if dialect_name == "postgresql":
        sep, at = "chr(31)", "to_char(at, 'YYYY-MM-DD HH24:MI:SS.US')"
        uid, eid = "coalesce(user_id::text, '')", "id::text"
    else:
        sep, at, uid, eid = "char(31)", "at", "coalesce(user_id, '')", "id"
    parts = [eid, at, uid, "username", "action", "entity", "record_id", "changes", "reason", "prev_hash"]
    return (f"SELECT id, prev_hash, hash, {f' || {sep} || '.join(parts)} FROM audit_trail ORDER BY id")


def verify_chain(db, *, progress: Callable[[int], None] | None = None, batch: int = 50_000) -> ChainReport:
    """Recompute every entry's hash in order; name the first entry that is edited, inserted
    or out of sequence, and check that the chain ends where the head says it does."""
    sha256 = hashlib.sha256
    with db.engine.connect() as conn:
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.execute(_payload_sql(db.engine.dialect.name))
            expected_prev, expected_id, n = GENESIS, 1, 0
            while True:
                rows = cursor.fetchmany(batch)
                if not rows:
                    break
                for eid, prev, digest, payload in rows:
                    if eid != expected_id:
                        return ChainReport(n, False, int(eid),
                                           f"expected entry #{expected_id} here: entries are missing")
                    if prev != expected_prev:
                        return ChainReport(n, False, int(eid), "it does not chain to the entry before it")
                    if sha256(payload.encode("utf-8")).hexdigest() != digest:
                        return ChainReport(n, False, int(eid), "its content does not match its hash")
                    expected_prev = digest
                    expected_id += 1
                n = expected_id - 1
                if progress:
                    progress(n)
            cursor.execute("SELECT last_id, last_hash FROM audit_chain WHERE id = 1")
            head = cursor.fetchone()
        finally:
            cursor.close()
    if head is not None and (int(head[0]) != expected_id - 1 or head[1] != expected_prev):
        return ChainReport(n, False, expected_id - 1 if n else None,
                           f"the chain ends at #{expected_id - 1} but the head records #{int(head[0])}: "
                           "entries at the end were removed or added outside the application")
    return ChainReport(n, True)

"""Opening a QualityBridge database: engine set-up, safety checks, automatic migrations.

Everything that knows it is talking to SQLite lives in this module: the connection pragmas, the
file checks and the backup. Elsewhere the code uses portable SQLAlchemy, so the same application
runs against a shared PostgreSQL server when given a database URL.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, bindparam, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import Float

# Alembic (0.4 s to import) is loaded only when a file's revision differs from the shipped heads:
# the heads are read from the version scripts' ``revision``/``down_revision`` lines.
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
#: How long a writer waits for another program's lock before giving up (seconds). Per user:
#: the GUI's settings ("database/busy_timeout"), the CLI's ``--busy-timeout`` or the
#: ``QUALITYBRIDGE_BUSY_TIMEOUT`` environment variable override it.
DEFAULT_BUSY_TIMEOUT_S = 5.0
BUSY_TIMEOUT_MS = int(DEFAULT_BUSY_TIMEOUT_S * 1000)  # kept for callers of the old constant

log = logging.getLogger("qualitybridge.database")
logging.getLogger("qualitybridge").addHandler(logging.NullHandler())  # no stderr lines; app.logs adds the file


def busy_timeout_seconds(value: float | str | None = None) -> float:
    """The busy timeout in effect: ``value``, else ``QUALITYBRIDGE_BUSY_TIMEOUT``, else 5 s
    (clamped to 0–600 s; a bad value falls back to the default)."""
    raw = value if value is not None else os.environ.get("QUALITYBRIDGE_BUSY_TIMEOUT")
    if raw is None or raw == "":
        return DEFAULT_BUSY_TIMEOUT_S
    try:
        seconds = float(raw)
    except (TypeError, ValueError):
        return DEFAULT_BUSY_TIMEOUT_S
    if seconds != seconds:
        return DEFAULT_BUSY_TIMEOUT_S
    return max(0.0, min(600.0, seconds))


class DatabaseOpenError(Exception):
    """A database could not be opened; the message is meant for the user. ``key``/``params``
    name it in the commands' message catalogue (``app.commands.messages``) for translation."""

    def __init__(self, message: str, key: str | None = None, /, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


class DatabaseBusyError(DatabaseOpenError):
    """Another program held the database for longer than the busy timeout; nothing was changed.
    Views offer Retry/Cancel; commands print the message and exit 1. A subclass of
    :class:`DatabaseOpenError`, because opening can meet the same lock."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        where = f"the database {name}" if name else "the database"
        super().__init__(f"{where[0].upper()}{where[1:]} is in use by another program; nothing was changed. "
                         "Try again when it has finished.", "db.busy", name=name or "the database")


_BUSY_TEXT = ("database is locked", "database table is locked", "database schema is locked", "busy")


def is_busy_error(exc: BaseException) -> bool:
    """Whether ``exc`` (a DB-API or SQLAlchemy error) means another connection holds a lock:
    SQLite's SQLITE_BUSY/SQLITE_LOCKED, PostgreSQL's lock_not_available (55P03)."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        return any(t in str(orig).lower() for t in _BUSY_TEXT)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return sqlstate == "55P03"


class NotADatabaseError(DatabaseOpenError):
    pass


class CorruptDatabaseError(DatabaseOpenError):
    pass


class NewerSchemaError(DatabaseOpenError):
    pass


class ReadOnlyLocationError(DatabaseOpenError):
    pass


class MigrationFailedError(DatabaseOpenError):
    pass


# ---------------------------------------------------------------------------------------------
# Portable SQL: the few constructs whose spelling differs between SQLite and PostgreSQL.
# Services build statements with these and stay dialect-neutral; each compiles per dialect.
# ---------------------------------------------------------------------------------------------

class days_between(GenericFunction):  # lower case: reads like the SQL function it stands for
    """``days_between(later, earlier)``: the difference of two DATE values in days.

    SQLite stores dates as ISO text, so it needs ``julianday``; PostgreSQL (and the SQL
    standard's date arithmetic) subtracts dates directly.
    """

    type = Float()
    inherit_cache = True


@compiles(days_between)
def _days_between_default(element, compiler, **kw) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"({later} - {earlier})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"(julianday({later}) - julianday({earlier}))"


class least(GenericFunction):
    """The smaller of two values: ``LEAST`` in PostgreSQL, the scalar two-argument ``min`` in SQLite
    (computed once, unlike a CASE that repeats a subquery)."""

    inherit_cache = True

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.type = next(iter(self.clauses)).type


@compiles(least)
def _least_default(element, compiler, **kw) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


@compiles(least, "sqlite")
def _least_sqlite(element, compiler, **kw) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


def upsert(table: Table, dialect_name: str, conflict: list[str], update: list[str]):
    """``INSERT … ON CONFLICT (conflict) DO UPDATE SET update = excluded.update`` for SQLite
    (3.24+) and PostgreSQL (9.5+), built with each dialect's own insert construct."""
    if dialect_name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - only the two supported back ends reach here
        raise DatabaseOpenError(f"QualityBridge supports SQLite and PostgreSQL, not {dialect_name}.")
    stmt = insert(table)
    return stmt.on_conflict_do_update(index_elements=conflict, set_={c: stmt.excluded[c] for c in update})


#: Rows per multi-row VALUES statement in ``execute_many`` (SQLite allows 32,766 parameters).
BATCH_ROWS = 100


def execute_many(session: Session, stmt, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Run one INSERT (or upsert) for many rows of plain values (str, int, float, None), given as
    tuples in the order of ``columns``, in the session's transaction.

    SQLAlchemy's executemany processes every parameter of every row, which costs more than
    SQLite's insert itself; here rows go straight to the DB-API cursor as multi-row ``VALUES``
    statements of ``BATCH_ROWS`` rows (about a quarter faster than one row per statement).
    Dialects with named parameters (PostgreSQL) use SQLAlchemy's own executemany, which already
    batches rows into multi-row VALUES ("insertmanyvalues").
    """
    if not rows:
        return
    dialect = session.get_bind().dialect
    if not dialect.positional:
        session.execute(stmt, [dict(zip(columns, row)) for row in rows])
        return
    cursor = session.connection().connection.cursor()
    try:
        for start in range(0, len(rows), BATCH_ROWS):
            chunk = rows[start:start + BATCH_ROWS]
            sql, order = _multi_values_sql(stmt, tuple(columns), len(chunk), dialect)
            if order is None:
                args = [value for row in chunk for value in row]
            else:
                args = [chunk[r][c] for r, c in order]
            cursor.execute(sql, args)
    finally:
        cursor.close()


_MULTI: dict[tuple, tuple] = {}


def _multi_values_sql(stmt, columns: tuple[str, ...], n: int, dialect) -> tuple[str, list | None]:
    """SQL text of ``stmt`` with ``n`` rows of VALUES, and where each positional parameter comes
    from: ``None`` when it is simply the rows' values in row-major order (the columns given in the
    table's order), else a list of (row, column) positions. Cached per statement, columns, n."""
    key = (id(stmt), columns, n, dialect.name)
    hit = _MULTI.get(key)
    if hit is None or hit[0] is not stmt:
        names = {f"r{i}_{c}": (i, j) for i in range(n) for j, c in enumerate(columns)}
        multi = stmt.values([{c: bindparam(f"r{i}_{c}") for c in columns} for i in range(n)])
        compiled = multi.compile(dialect=dialect)
        order = [names[name] for name in compiled.positiontup]
        identity = order == [(i, j) for i in range(n) for j in range(len(columns))]
        hit = _MULTI[key] = (stmt, compiled.string, None if identity else order)
    return hit[1], hit[2]


def fetch_all(session: Session, stmt, params: dict[str, object]) -> list[tuple]:
    """Run a SELECT straight on the DB-API cursor, in the session's transaction, and return
    plain tuples — for hot aggregate queries whose thousands of result rows go into numpy
    (SQLAlchemy's Row objects and per-call overhead cost more than the rows themselves).
    Parameters go through their SQL types' bind processors (e.g. dates for SQLite); result
    values arrive as the driver gives them (no result processing)."""
    compiled, procs = _compiled(stmt, session.get_bind().dialect)
    values = compiled.construct_params(params)
    for name, proc in procs.items():
        if name in values:
            values[name] = proc(values[name])
    args = tuple(values[k] for k in compiled.positiontup) if compiled.positional else values
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(compiled.string, args)
        return cursor.fetchall()
    finally:
        cursor.close()


_COMPILED: dict[tuple[int, str], tuple] = {}


def _compiled(stmt, dialect):
    """(compiled statement, bind processors by parameter name), cached per statement and dialect."""
    key = (id(stmt), dialect.name)
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not stmt:
        compiled = stmt.compile(dialect=dialect)
        procs = {}
        for name, bind in compiled.binds.items():
            proc = bind.type.bind_processor(dialect)
            if proc is not None:
                procs[name] = proc
        hit = _COMPILED[key] = (stmt, compiled, procs)
    return hit[1], hit[2]


def is_url(target: str | os.PathLike[str]) -> bool:
    return "://" in str(target)


def url_for(target: str | os.PathLike[str]) -> str:
    """A file path becomes an SQLite URL; anything with a scheme is taken as an SQLAlchemy URL."""
    if is_url(target):
        return str(target)
    return f"sqlite:///{Path(target).expanduser().resolve()}"


#: Execution option marking a read-only transaction (``Database.read()``): plain deferred BEGIN.
READ_ONLY = "qualitybridge_read_only"


def _sqlite_connect_events(engine: Engine, busy_ms: int) -> None:
    """Pragmas on every connection, and SQLAlchemy-controlled transactions.

    pysqlite's own transaction handling does not cover DDL, so (per the SQLAlchemy docs' recipe
    for "Serializable isolation / Savepoints / Transactional DDL") we switch it off and emit
    BEGIN ourselves. That makes a failed migration roll back completely.

    Write transactions begin with ``BEGIN IMMEDIATE``: the write lock is taken up front, where
    SQLite waits for the busy timeout. A deferred transaction that reads first and writes later
    cannot wait at the upgrade (in WAL mode it fails at once with SQLITE_BUSY_SNAPSHOT when
    another writer committed meanwhile), which is how "evaluate during an import" failed after a
    second. Read-only transactions (``Database.read()``) stay deferred and never block a writer.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # pragma: no cover - trivial
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(target: str | os.PathLike[str], busy_timeout: float | None = None) -> Engine:
    seconds = busy_timeout_seconds(busy_timeout)
    url = url_for(target)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": seconds})
        _sqlite_connect_events(engine, int(seconds * 1000))
        return engine
    connect_args = {}
    if make_url(url).get_backend_name() == "postgresql":
        # Wait for another writer's row or table lock as long as SQLite would, then fail with
        # lock_not_available, which Database.begin() reports as DatabaseBusyError.
        connect_args["options"] = f"-c lock_timeout={int(seconds * 1000)}"
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@functools.lru_cache(maxsize=None)
def shipped_revisions() -> tuple[frozenset[str], tuple[str, ...]]:
    """(every revision, the heads) of the shipped migration scripts, read from their
    ``revision = "..."`` and ``down_revision = ...`` lines without importing Alembic
    (``tests/models/core/test_database.py`` checks this against Alembic's own answer)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue
        revisions.add(rev.group(1))
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions), tuple(sorted(revisions - downs))


def script_heads() -> tuple[str, ...]:
    return shipped_revisions()[1]


@dataclass
class Database:
    """An open database: the engine, a session factory and where it lives."""

    url: str
    engine: Engine
    path: Path | None
    session_factory: sessionmaker[Session] = field(init=False)
    backup_path: Path | None = None
    #: who the services act for (``app.models.admin.identity.Actor``): set by signing in; every
    #: service checks its permission against it and the audit trail records it.
    actor: Any = None

    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S
    #: Things worth telling the user that did not stop the opening (e.g. orphan rows found).
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        from app.models.admin import trail

        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self.read_session_factory = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}),
                                                 expire_on_commit=False)
        trail.install(self.session_factory)
        trail.install(self.read_session_factory)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def begin(self, *, readonly: bool = False) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error.

        A write transaction (the default) takes SQLite's write lock up front (``BEGIN
        IMMEDIATE``), waiting up to the busy timeout for another writer; ``readonly=True`` (or
        :meth:`read`) begins a deferred transaction that never waits for writers. A lock held
        past the timeout raises :class:`DatabaseBusyError` (the transaction changed nothing).
        """
        factory = self.read_session_factory if readonly else self.session_factory
        try:
            with factory.begin() as session:
                session.info["actor"] = self.actor
                yield session
        except (sa_exc.OperationalError, sqlite3.OperationalError) as exc:
            if is_busy_error(exc):
                raise DatabaseBusyError(self.short_name) from exc
            raise

    def read(self) -> contextlib.AbstractContextManager[Session]:
        """A read-only transaction (deferred BEGIN on SQLite): for queries that write nothing."""
        return self.begin(readonly=True)

    @property
    def short_name(self) -> str:
        return self.path.name if self.path else self.display_name

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for bulk paths (demo data, big imports, benchmarks)."""
        if not self.is_sqlite or self.path is None:
            raise DatabaseOpenError("Bulk loading is only available for SQLite database files.")
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
        return conn

    def applied_revisions(self) -> set[str]:
        """Every revision the file has been through: the current heads and all their ancestors."""
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config())
        current = self.current_revisions()
        return {rev.revision for rev in script.iterate_revisions(current, "base")} if current else set()

    def current_revisions(self) -> tuple[str, ...]:
        """The file's schema revisions, read with plain SQL (no Alembic import)."""
        from sqlalchemy import inspect, text

        with self.engine.execution_options(**{READ_ONLY: True}).connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return ()
            return tuple(sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))))

    def dispose(self) -> None:
        self.engine.dispose()


def _sidecars(path: Path) -> dict[str, Path]:
    return {suffix: path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")}


def open_read_only(path: Path) -> sqlite3.Connection:
    """An sqlite3 connection that writes nothing beside ``path``.

    ``mode=ro`` alone still creates ``-wal``/``-shm`` files for a WAL database (and cannot
    remove them on close), and fails in a folder it cannot write. When no write-ahead log or
    journal is pending, the whole database is in the main file, so it is opened
    ``immutable=1`` (no locks, no side files); otherwise ``mode=ro`` reads the pending log.
    Raises ``sqlite3.Error`` when the file cannot be opened.
    """
    side = _sidecars(path)
    pending = any(p.exists() and p.stat().st_size > 0 for k, p in side.items() if k != "-shm")
    from urllib.parse import quote

    uri = f"file:{quote(str(path))}?" + ("mode=ro" if pending else "mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True)


def _check_sqlite_file(path: Path) -> None:
    """Refuse, with a message, files that are not SQLite databases, corrupt or not writable.
    Reads only: nothing is written beside a file it refuses."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.", "db.folder", path=path)
    folder = path.parent
    if not folder.exists():
        raise ReadOnlyLocationError(f"The folder {folder} does not exist.", "db.no_folder", folder=folder)
    if path.exists() and path.stat().st_size > 0:
        try:
            with open(path, "rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise ReadOnlyLocationError(f"{path} cannot be read ({exc.strerror or exc}).", "db.unreadable", path=path,
                                        reason=exc.strerror or exc) from exc
        if header != SQLITE_HEADER:
            raise NotADatabaseError(f"{path.name} is not a QualityBridge database (not an SQLite file).", "db.not_sqlite",
                                    name=path.name)
        # A sound file in a read-only place is read-only, not damaged: say so before checking it.
        if not os.access(path, os.W_OK):
            raise ReadOnlyLocationError(f"{path} is read-only; copy it to a writable folder to open it.",
                                        "db.read_only_file", path=path)
        if not os.access(folder, os.W_OK):
            raise ReadOnlyLocationError(
                f"The folder {folder} is read-only; QualityBridge needs to write beside the database. "
                "Copy the file to a writable folder to open it.", "db.read_only_folder", folder=folder
            )
        try:
            conn = open_read_only(path)
            try:
                result = conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            if is_busy_error(exc):
                raise DatabaseBusyError(path.name) from exc
            raise CorruptDatabaseError(f"{path.name} is damaged and cannot be opened ({exc}).", "db.damaged",
                                       name=path.name, detail=exc) from exc
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(f"{path.name} is damaged and cannot be opened ({exc}).", "db.damaged",
                                       name=path.name, detail=exc) from exc
        if result != [("ok",)]:
            problems = "; ".join(str(r[0]) for r in result[:3])
            raise CorruptDatabaseError(f"{path.name} is damaged and cannot be opened ({problems}).", "db.damaged",
                                       name=path.name, detail=problems)
    # SQLite needs to create -wal/-shm/journal files beside the database.
    if not os.access(folder, os.W_OK):
        raise ReadOnlyLocationError(
            f"The folder {folder} is read-only; QualityBridge needs to write beside the database.",
            "db.read_only_folder", folder=folder
        )


def _backup_sqlite(path: Path, revisions: tuple[str, ...]) -> Path:
    """Copy the file through SQLite's online backup (consistent even with a WAL file).

    The name carries the schema revision (``name.backup-0002_supplier_core-<time>.sqlite3``); a
    backup of the same revision left by an earlier attempt that did not finish is replaced, so
    retrying a failing migration does not leave one full copy per attempt.
    """
    suffix = path.suffix or ".sqlite3"
    tag = re.sub(r"[^A-Za-z0-9_]+", "_", "+".join(revisions)) or "empty"
    for old in path.parent.glob(f"{path.stem}.backup-{tag}-*{suffix}"):
        if old.with_name(old.name + ".pending").exists():  # left by an attempt that rolled back
            old.unlink(missing_ok=True)
            old.with_name(old.name + ".pending").unlink(missing_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{tag}-{stamp}{suffix}")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.stem}.backup-{tag}-{stamp}-{n}{suffix}")
        n += 1
    marker = backup.with_name(backup.name + ".pending")
    marker.touch()  # removed once the migration committed
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(backup)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return backup


def _check_known_revisions(current: tuple[str, ...], where: str) -> None:
    known = shipped_revisions()[0]
    for rev in current:
        if rev not in known:
            raise NewerSchemaError(
                f"{where} was written by a newer version of QualityBridge (schema {rev}). "
                "Install the newer version to open it; this file was not changed.", "db.newer", name=where, revision=rev
            )


def _fk_violations(conn) -> dict[tuple[str, str], int]:
    """Rows whose foreign key points nowhere, counted per (table, parent table)."""
    counts: dict[tuple[str, str], int] = {}
    for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        key = (str(row[0]), str(row[2]))
        counts[key] = counts.get(key, 0) + 1
    return counts


def upgrade(db: Database, target: str = "heads") -> None:
    """Run pending migrations in one transaction; SQLite foreign keys are off while tables
    are rebuilt and checked with ``foreign_key_check`` before committing.

    Only links the migration broke refuse it: orphan rows that were already in the file (in a
    table the migration may never touch) are compared before and after, and reported in
    ``db.notes`` instead of blocking the upgrade.
    """
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # Must be issued outside a transaction, or SQLite ignores it; otherwise batch
            # migrations that rebuild a parent table would cascade-delete its children.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                before = _fk_violations(conn) if db.is_sqlite else {}
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if db.is_sqlite:
                    after = _fk_violations(conn)
                    broken = sorted({table for key, n in after.items() if n > before.get(key, 0)
                                     for table in (key[0],)})
                    if broken:
                        raise MigrationFailedError(
                            "Updating the database would break links between records in "
                            f"{', '.join(broken)}; nothing was changed.", "db.links", tables=", ".join(broken)
                        )
                    if after:
                        found = ", ".join(f"{table} ({n})" for (table, _parent), n in sorted(after.items()))
                        db.notes.append(f"Records that point to missing records were already in the file: {found}. "
                                        "They were left as they are; 'qualitybridge check' lists them.")
        finally:
            if db.is_sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def open_database(
    target: str | os.PathLike[str], *, migrate: bool = True, backup: bool = True, create: bool = True,
    busy_timeout: float | None = None,
) -> Database:
    """Open (and by default create and migrate) a database file or URL.

    Raises a :class:`DatabaseOpenError` subclass with a message for the user (a
    :class:`DatabaseBusyError` when another program holds the file past the busy timeout); the
    file is never changed when it is refused.
    """
    url = url_for(target)
    path: Path | None = None
    if make_url(url).get_backend_name() == "sqlite":
        database = make_url(url).database
        if not database or database == ":memory:":
            raise DatabaseOpenError("QualityBridge needs a database file, not an in-memory database.", "db.memory")
        path = Path(database)
        if not path.exists() and not create:
            raise DatabaseOpenError(f"{path} does not exist.", "db.missing", path=path)
        _check_sqlite_file(path)
    seconds = busy_timeout_seconds(busy_timeout)
    engine = make_engine(url, seconds)
    db = Database(url=url, engine=engine, path=path, busy_timeout=seconds)
    try:
        current = db.current_revisions()
        _check_known_revisions(current, path.name if path else "This database")
        pending = set(current) != set(script_heads())
        if migrate and pending:
            if backup and path is not None and path.exists() and current:
                db.backup_path = _backup_sqlite(path, current)
            try:
                upgrade(db)
            except BaseException:
                # The migration rolled back, so the file is as the backup: keep no copy per attempt.
                if db.backup_path is not None and db.current_revisions() == current:
                    db.backup_path.unlink(missing_ok=True)
                    db.backup_path.with_name(db.backup_path.name + ".pending").unlink(missing_ok=True)
                    db.backup_path = None
                raise
            if db.backup_path is not None:
                db.backup_path.with_name(db.backup_path.name + ".pending").unlink(missing_ok=True)
        if migrate:
            from app.models.admin.users import ensure_permissions

            ensure_permissions(db)
        for note in db.notes:
            log.warning("%s: %s", db.short_name, note)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (sa_exc.OperationalError, sqlite3.OperationalError) as exc:
        engine.dispose()
        if is_busy_error(exc):
            raise DatabaseBusyError(db.short_name) from exc
        raise DatabaseOpenError(f"Could not open {db.display_name}: {_one_line(exc)}", "db.cannot_open",
                                name=db.display_name, detail=_one_line(exc)) from exc
    except Exception as exc:
        engine.dispose()
        raise DatabaseOpenError(f"Could not open {db.display_name}: {_one_line(exc)}", "db.cannot_open",
                                name=db.display_name, detail=_one_line(exc)) from exc
    return db


def _one_line(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's SQL and background link."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0][:300]


def table_exists(session: Session, name: str) -> bool:
    """Whether *name* exists in the session's database (a feature branch may not be migrated yet)."""
    import sqlalchemy as sa

    return sa.inspect(session.connection()).has_table(name)

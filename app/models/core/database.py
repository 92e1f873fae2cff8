"""Opening a QualityBridge database: engine set-up, safety checks, automatic migrations.

Everything that knows it is talking to SQLite lives in this module: the connection pragmas, the
file checks and the backup. Elsewhere the code uses portable SQLAlchemy, so the same application
runs against a shared PostgreSQL server when given a database URL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, Table, bindparam, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import Float

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class DatabaseOpenError(Exception):
    """A database could not be opened; the message is meant for the user."""


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


def _sqlite_connect_events(engine: Engine) -> None:
    """Pragmas on every connection, and SQLAlchemy-controlled transactions.

    pysqlite's own transaction handling does not cover DDL, so (per the SQLAlchemy docs' recipe
    for "Serializable isolation / Savepoints / Transactional DDL") we switch it off and emit
    BEGIN ourselves. That makes a failed migration roll back completely.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # pragma: no cover - trivial
        connection.exec_driver_sql("BEGIN")


def make_engine(target: str | os.PathLike[str]) -> Engine:
    url = url_for(target)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_connect_events(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_heads() -> tuple[str, ...]:
    return tuple(sorted(ScriptDirectory.from_config(alembic_config()).get_heads()))


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

    def __post_init__(self) -> None:
        from app.models.admin import trail

        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        trail.install(self.session_factory)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        with self.session_factory.begin() as session:
            session.info["actor"] = self.actor
            yield session

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection for bulk paths (demo data, big imports, benchmarks)."""
        if not self.is_sqlite or self.path is None:
            raise DatabaseOpenError("Bulk loading is only available for SQLite database files.")
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    def applied_revisions(self) -> set[str]:
        """Every revision the file has been through: the current heads and all their ancestors."""
        script = ScriptDirectory.from_config(alembic_config())
        current = self.current_revisions()
        return {rev.revision for rev in script.iterate_revisions(current, "base")} if current else set()

    def current_revisions(self) -> tuple[str, ...]:
        with self.engine.connect() as conn:
            return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))

    def dispose(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path) -> None:
    """Refuse, with a message, files that are not SQLite databases, corrupt or not writable."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.")
    folder = path.parent
    if not folder.exists():
        raise ReadOnlyLocationError(f"The folder {folder} does not exist.")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            header = fh.read(16)
        if header != SQLITE_HEADER:
            raise NotADatabaseError(f"{path.name} is not a QualityBridge database (not an SQLite file).")
        if not os.access(path, os.W_OK):
            raise ReadOnlyLocationError(f"{path} is read-only; copy it to a writable folder to open it.")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                result = conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(f"{path.name} is damaged and cannot be opened ({exc}).") from exc
        if result != [("ok",)]:
            problems = "; ".join(str(r[0]) for r in result[:3])
            raise CorruptDatabaseError(f"{path.name} is damaged and cannot be opened ({problems}).")
    # SQLite needs to create -wal/-shm/journal files beside the database.
    if not os.access(folder, os.W_OK):
        raise ReadOnlyLocationError(
            f"The folder {folder} is read-only; QualityBridge needs to write beside the database."
        )


def _backup_sqlite(path: Path) -> Path:
    """Copy the file through SQLite's online backup (consistent even with a WAL file)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix or '.sqlite3'}")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix or '.sqlite3'}")
        n += 1
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
    script = ScriptDirectory.from_config(alembic_config())
    for rev in current:
        try:
            if script.get_revision(rev) is None:
                raise CommandError(rev)
        except CommandError as exc:
            raise NewerSchemaError(
                f"{where} was written by a newer version of QualityBridge (schema {rev}). "
                "Install the newer version to open it; this file was not changed."
            ) from exc


def upgrade(db: Database, target: str = "heads") -> None:
    """Run pending migrations in one transaction; SQLite foreign keys are off while tables
    are rebuilt and checked with ``foreign_key_check`` before committing."""
    cfg = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # Must be issued outside a transaction, or SQLite ignores it; otherwise batch
            # migrations that rebuild a parent table would cascade-delete its children.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if db.is_sqlite:
                    violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if violations:
                        tables = sorted({str(v[0]) for v in violations})
                        raise MigrationFailedError(
                            "Updating the database would break links between records in "
                            f"{', '.join(tables)}; nothing was changed."
                        )
        finally:
            if db.is_sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


def open_database(
    target: str | os.PathLike[str], *, migrate: bool = True, backup: bool = True, create: bool = True
) -> Database:
    """Open (and by default create and migrate) a database file or URL.

    Raises a :class:`DatabaseOpenError` subclass with a message for the user; the file is never
    changed when it is refused.
    """
    url = url_for(target)
    path: Path | None = None
    if make_url(url).get_backend_name() == "sqlite":
        database = make_url(url).database
        if not database or database == ":memory:":
            raise DatabaseOpenError("QualityBridge needs a database file, not an in-memory database.")
        path = Path(database)
        _check_sqlite_file(path)
        if not path.exists() and not create:
            raise DatabaseOpenError(f"{path} does not exist.")
    engine = make_engine(url)
    db = Database(url=url, engine=engine, path=path)
    try:
        current = db.current_revisions()
        _check_known_revisions(current, path.name if path else "This database")
        heads = script_heads()
        pending = set(current) != set(heads)
        if migrate and pending:
            if backup and path is not None and path.exists() and current:
                db.backup_path = _backup_sqlite(path)
            upgrade(db)
        if migrate:
            from app.models.admin.users import ensure_permissions

            ensure_permissions(db)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseOpenError(f"Could not open {db.display_name}: {exc}") from exc
    return db


def table_exists(session: Session, name: str) -> bool:
    """Whether *name* exists in the session's database (a feature branch may not be migrated yet)."""
    import sqlalchemy as sa

    return sa.inspect(session.connection()).has_table(name)

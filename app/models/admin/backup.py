"""Backup and restore of a database file (permission ``admin.backup``).

* :func:`backup_now` copies the open database with SQLite's online backup API
  (``sqlite3.Connection.backup``): a consistent copy while the app keeps working, page by page,
  with a progress callback and a way to cancel (the partial file is removed).
* :func:`backup_on_close` is the automatic backup when a database is closed: into the configured
  folder (default ``backups`` beside the file), keeping the last ``keep_backups``; skipped when
  nothing changed since the newest one. It never raises: a failure is logged.
* :func:`restore` checks the chosen file first — an SQLite file, ``PRAGMA integrity_check`` ok, a
  schema this version knows — and refuses it otherwise with the current file untouched; then the
  current file is kept as a backup and the chosen one copied over it. The caller reopens the
  database (opening migrates an older backup to the current schema).
* A PostgreSQL database is backed up by the server's own tools: :func:`pg_dump_command` is the
  command to give the user; nothing here pretends to copy it.

Errors carry ``key``/``params`` for ``app.commands.messages`` (the CLI and the GUI say the same).
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import make_url

from app.models.admin import trail
from app.models.admin.identity import load_settings
from app.models.admin.permissions import requires
from app.models.core.database import SQLITE_HEADER, open_read_only, shipped_revisions

log = logging.getLogger("qualitybridge.backup")

PAGES_PER_STEP = 256  # 1 MB of 4 KiB pages per step: progress about every few milliseconds
AUTO_TAG = "auto"
SAFETY_TAG = "before-restore"


class BackupError(Exception):
    """A backup or restore that cannot be done; ``key``/``params`` name the message."""

    def __init__(self, message: str, key: str, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


class BackupCancelled(BackupError):
    def __init__(self) -> None:
        super().__init__("the backup was cancelled; no file was written", "backup.cancelled")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    pages: int
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept: Path  # the file as it was before the restore
    revisions: tuple[str, ...]


Progress = Callable[[float], None]


def pg_dump_command(url: str, out: str = "qualitybridge.dump") -> str:
    """The pg_dump command for a PostgreSQL URL (no password: pg_dump asks or reads ~/.pgpass)."""
    u = make_url(url)
    parts = ["pg_dump", "--format=custom", f"--file={out}"]
    if u.host:
        parts.append(f"--host={u.host}")
    if u.port:
        parts.append(f"--port={u.port}")
    if u.username:
        parts.append(f"--username={u.username}")
    parts.append(u.database or "qualitybridge")
    return " ".join(shlex.quote(p) for p in parts)


def pg_restore_command(url: str, dump: str = "qualitybridge.dump") -> str:
    u = make_url(url)
    parts = ["pg_restore", "--clean", "--if-exists"]
    if u.host:
        parts.append(f"--host={u.host}")
    if u.port:
        parts.append(f"--port={u.port}")
    if u.username:
        parts.append(f"--username={u.username}")
    parts += [f"--dbname={u.database or 'qualitybridge'}", dump]
    return " ".join(shlex.quote(p) for p in parts)


def sqlite_path(db, what: str) -> Path:
    if not db.is_sqlite or db.path is None:
        key = "backup.postgres" if what == "backup" else "restore.postgres"
        command = pg_dump_command(db.url) if what == "backup" else pg_restore_command(db.url)
        raise BackupError(f"{db.display_name} is a server database: use the server's own tools ({command})", key,
                          command=command)
    return db.path


def copy_sqlite(source: Path, target: Path, *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, pages: int | None = None) -> int:
    """Online backup of ``source`` into a new ``target`` (via ``target.partial``, renamed at the
    end); returns the number of pages. Raises BackupCancelled (nothing left behind) when
    ``cancelled()`` turns true."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    total = [0]

    def step(_status: int, remaining: int, count: int) -> None:
        total[0] = count
        if progress is not None and count:
            progress((count - remaining) / count)
        if cancelled is not None and cancelled():
            raise BackupCancelled()

    if target.is_dir():
        raise BackupError(f"{target} is a folder: give a file name for the backup", "backup.is_folder", path=target)
    try:  # the operating system's own reason (translatable), before SQLite's "unable to open database file"
        with open(partial, "wb"):
            pass
    except OSError as exc:
        raise BackupError(f"cannot write the backup {target}: {exc.strerror or exc}", "backup.cannot_write",
                          path=target, reason=exc.strerror or str(exc)) from exc
    src = sqlite3.connect(source, timeout=5)
    try:
        try:
            dst = sqlite3.connect(partial)
        except sqlite3.Error as exc:
            raise BackupError(f"cannot write the backup {target}: {exc}", "backup.cannot_write", path=target,
                              reason=str(exc)) from exc
        try:
            src.backup(dst, pages=pages or PAGES_PER_STEP, progress=step)
        except sqlite3.OperationalError as exc:
            from app.models.core.database import is_busy_error

            if is_busy_error(exc):
                raise BackupError(f"{source.name} is in use by another program; no backup was written",
                                  "backup.source_busy", name=source.name) from exc
            raise BackupError(f"cannot write the backup {target}: {exc}", "backup.cannot_write", path=target,
                              reason=str(exc)) from exc
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(partial, target)
    if progress is not None:
        progress(1.0)
    return total[0]


@requires("admin.backup")
def backup_now(db, out: str | Path, *, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> BackupResult:
    """Back the open database up to ``out`` (a new file; an existing one is replaced only once
    the copy is complete). The trail records who made it."""
    source = sqlite_path(db, "backup")
    out = Path(out)
    if not out.parent.is_dir():
        raise BackupError(f"the folder {out.parent} does not exist", "backup.no_folder", folder=out.parent)
    if out.resolve() == source.resolve():
        raise BackupError("a backup cannot replace the database itself", "backup.same_file", path=out)
    started = time.perf_counter()
    pages = copy_sqlite(source, out, progress=progress, cancelled=cancelled)
    seconds = time.perf_counter() - started
    with db.begin() as s:
        trail.record(s, "backup", "database", "", {"file": out.name, "pages": pages})
    log.info("backup written: %s (%d pages, %.2f s)", out.name, pages, seconds)
    return BackupResult(out, pages, seconds)


def backup_folder(db) -> Path | None:
    """Where automatic backups go: the configured folder, else ``backups`` beside the file."""
    if db.path is None:
        return None
    with db.read() as s:
        folder = load_settings(s).backup_folder
    return Path(folder).expanduser() if folder else db.path.parent / "backups"


def automatic_backups(folder: Path, stem: str) -> list[Path]:
    """The automatic backups of ``stem`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(stem)}-{AUTO_TAG}-\d{{8}}-\d{{6}}(-\d+)?\.sqlite3$")
    return sorted((p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name, reverse=True)


def _stamped(folder: Path, stem: str, tag: str, now: datetime) -> Path:
    path = folder / f"{stem}-{tag}-{now:%Y%m%d-%H%M%S}.sqlite3"
    n = 1
    while path.exists():
        path = folder / f"{stem}-{tag}-{now:%Y%m%d-%H%M%S}-{n}.sqlite3"
        n += 1
    return path


def _changed_since(path: Path, newest: Path | None) -> bool:
    if newest is None:
        return True
    mtime = max((p.stat().st_mtime for p in (path, path.with_name(path.name + "-wal")) if p.exists()), default=0)
    return mtime > newest.stat().st_mtime


def backup_on_close(db, *, now: datetime | None = None, force: bool = False) -> Path | None:
    """The automatic backup when a database is closed (see the module docstring); returns the
    new file or None (not configured, nothing changed, a server database, or it failed)."""
    try:
        if not db.is_sqlite or db.path is None or not db.path.exists():
            return None
        with db.read() as s:
            settings = load_settings(s)
        if not settings.backup_on_close:
            return None
        folder = backup_folder(db)
        existing = automatic_backups(folder, db.path.stem)
        if not force and not _changed_since(db.path, existing[0] if existing else None):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        target = _stamped(folder, db.path.stem, AUTO_TAG, now or datetime.now())
        copy_sqlite(db.path, target)
        for old in automatic_backups(folder, db.path.stem)[settings.keep_backups:]:
            old.unlink(missing_ok=True)
        log.info("automatic backup written: %s (keeping %d)", target.name, settings.keep_backups)
        return target
    except Exception as exc:  # noqa: BLE001 - closing must go on; the log says why
        log.error("automatic backup failed: %s: %s", type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
        return None


def inspect_backup(path: str | Path) -> tuple[str, ...]:
    """Check a file before it is restored: an SQLite file, sound (``integrity_check``), with a
    QualityBridge schema this version knows. Returns its schema revisions; raises BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist", "restore.missing", path=path)
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise BackupError(f"{path.name} is not a QualityBridge backup (not an SQLite file); nothing was changed",
                              "restore.not_sqlite", name=path.name)
    try:
        conn = open_read_only(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            has_version = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
                                       ).fetchone() is not None
            revisions = tuple(sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))) \
                if has_version else ()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path.name} is damaged ({exc}); nothing was changed", "restore.damaged", name=path.name,
                          detail=str(exc)) from exc
    if result != ["ok"]:
        detail = "; ".join(result[:3])
        raise BackupError(f"{path.name} is damaged ({detail}); nothing was changed", "restore.damaged",
                          name=path.name, detail=detail)
    if not revisions:
        raise BackupError(f"{path.name} is not a QualityBridge database; nothing was changed", "restore.not_qb",
                          name=path.name)
    known = shipped_revisions()[0]
    newer = [r for r in revisions if r not in known]
    if newer:
        raise BackupError(f"{path.name} was written by a newer version of QualityBridge (schema {newer[0]}); "
                          "nothing was changed", "restore.newer", name=path.name, revision=newer[0])
    return revisions


@requires("admin.backup")
def restore(db, source: str | Path, *, progress: Progress | None = None, now: datetime | None = None) -> RestoreResult:
    """Replace the open database file with ``source`` after checking it (:func:`inspect_backup`).
    The current file is first copied to the backup folder; ``db`` is disposed and must be
    reopened by the caller (``open_database(db.path)``), which migrates an older backup."""
    target = sqlite_path(db, "restore")
    source = Path(source)
    revisions = inspect_backup(source)
    if source.resolve() == target.resolve():
        raise BackupError("a database cannot be restored from itself", "restore.same_file", path=source)
    folder = backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    kept = _stamped(folder, target.stem, SAFETY_TAG, now or datetime.now())
    copy_sqlite(target, kept, progress=(lambda f: progress(f * 0.4)) if progress else None)
    user_id = db.actor.user_id if db.actor is not None else None
    db.dispose()  # no pooled connection of ours may keep the old pages
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target, timeout=db.busy_timeout)
        try:
            src.backup(dst, pages=PAGES_PER_STEP,
                       progress=(lambda _s, rem, n: progress(0.4 + 0.6 * (n - rem) / n if n else 1.0))
                       if progress else None)
        finally:
            dst.close()
    finally:
        src.close()
    if progress:
        progress(1.0)
    log.info("restored %s from %s by user #%s (the previous file was kept as %s)", target.name, source.name,
             user_id, kept.name)
    return RestoreResult(source, kept, revisions)

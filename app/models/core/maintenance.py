"""Database health check: SQLite integrity, foreign keys and schema version (read-only).

Nothing is written beside the file: it is opened through ``database.open_read_only`` (immutable
when no write-ahead log is pending), so a check leaves no ``-wal``/``-shm`` files, works in a
read-only folder and never changes a file it could not open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.models.core.database import SQLITE_HEADER, open_read_only, script_heads, shipped_revisions


@dataclass
class CheckReport:
    path: Path
    revisions: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: False when the file could not be checked at all (missing, not SQLite, unreadable).
    opened: bool = False

    @property
    def sound(self) -> bool:
        return not self.problems


def check_database(path: str | Path) -> CheckReport:
    """Never writes: opens the file read-only."""
    path = Path(path)
    report = CheckReport(path=path, expected=script_heads())
    if not path.is_file():
        report.problems.append(f"{path} does not exist or is not a file.")
        return report
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        report.problems.append(f"cannot read {path}: {exc.strerror or exc}")
        return report
    if header != SQLITE_HEADER:
        report.problems.append(f"{path.name} is not an SQLite database.")
        return report
    try:
        conn = open_read_only(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        report.problems.append(f"{path.name} cannot be opened read-only ({exc}).")
        return report
    report.opened = True
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.extend(f"integrity: {msg}" for msg in integrity[:20])
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:50]:
            report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent} row")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if has_version:
            report.revisions = tuple(sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version")))
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"damaged: {exc}")
        return report
    finally:
        conn.close()
    unknown = [r for r in report.revisions if r not in shipped_revisions()[0]]
    if not report.revisions:
        report.problems.append("no QualityBridge schema version: not a QualityBridge database")
    elif unknown:
        report.problems.append(f"schema {', '.join(unknown)} is newer than this version of QualityBridge")
    elif set(report.revisions) != set(report.expected):
        report.notes.append("schema is older than this version; it will be upgraded (with a backup) when opened")
    return report

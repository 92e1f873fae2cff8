"""What every headless command shares: the one-line error convention, opening an existing
database, and the PDF font warning (docs/CONVENTIONS.md, CLI)."""

from __future__ import annotations

import sys

from app.models.core.database import Database, open_database


def fail(message: object) -> int:
    """One clear line on stderr and exit code 1 — never a traceback."""
    print(f"error: {message}", file=sys.stderr)
    return 1


def open_existing(path: str) -> Database:
    """Open (and migrate) a database file that must already exist; raises DatabaseOpenError."""
    return open_database(path, create=False)


def warn_if_font_not_embedded(font) -> None:
    """Say so when a PDF had to fall back to the non-embedded CID font."""
    if font is not None and getattr(font, "warning", None):
        print(f"warning: {font.warning}", file=sys.stderr)

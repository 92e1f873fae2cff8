"""What every headless command shares: the one-line error convention, opening an existing
database, argument types with limits, and the PDF font warning (docs/CONVENTIONS.md, CLI)."""

from __future__ import annotations

import argparse
import sys

from app.commands.messages import error_text, t
from app.models.core.database import Database, open_database

#: Ids are SQL integers: anything beyond int64 is a typing mistake (and an OverflowError in SQLite).
MAX_ID = 2 ** 63 - 1


def fail(message: object) -> int:
    """One clear line on stderr, in the run's language, and exit code 1 — never a traceback."""
    text = error_text(message) if isinstance(message, BaseException) or str(message).strip() else str(message)
    print(t("error", message=text), file=sys.stderr)
    return 1


def print_rejected(file: str, exc) -> int:
    """A refused import: a heading, the first MAX_REPORTED problems, and how many more there are."""
    from app.commands.messages import row_text

    if len(exc.errors) == 1:  # one problem (often about the whole file): one line
        print(t("error", message=t("import.refused", file=file, n=1).rstrip(":：") + " " + row_text(exc.errors[0])),
              file=sys.stderr)
        return 1
    print(t("error", message=t("import.refused", file=file, n=len(exc.errors))), file=sys.stderr)
    for err in exc.shown():
        print(f"  {row_text(err)}", file=sys.stderr)
    if exc.hidden:
        print(f"  {t('import.more', n=exc.hidden)}", file=sys.stderr)
    return 1


def open_existing(path: str) -> Database:
    """Open (and migrate) a database file that must already exist; raises DatabaseOpenError."""
    return open_database(path, create=False)


def bounded_int(lo: int, hi: int, option: str = "the value"):
    """An argparse type: a whole number within [lo, hi], refused in one line otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(t("int_range", option=option, value=text, lo=lo, hi=f"{hi:,}")) from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(t("int_range", option=option, value=text, lo=lo, hi=f"{hi:,}"))
        return value

    parse.__name__ = "int"
    return parse


def record_id(text: str) -> int:
    return bounded_int(1, MAX_ID, "id")(text)


def finite_float(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("not_a_number", option="", value=text).lstrip("：: ")) from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(t("not_a_number", option="", value=text).lstrip("：: "))
    return value


def warn_if_font_not_embedded(font) -> None:
    """Say so when a PDF had to fall back to the non-embedded CID font."""
    if font is not None and getattr(font, "warning", None):
        print(t("warning", message=font.warning), file=sys.stderr)

"""What every headless command shares: the one-line error convention, opening an existing
database, argument types with limits, and the PDF font warning (docs/CONVENTIONS.md, CLI)."""

from __future__ import annotations

import argparse
import os
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


#: ``--user`` of this run (``app.cli.main`` sets it): who the commands act for.
_cli_user: str | None = None
PASSWORD_ENV = "QUALITYBRIDGE_PASSWORD"


def set_user(username: str | None) -> None:
    global _cli_user
    _cli_user = (username or "").strip() or None


def open_existing(path: str) -> Database:
    """Open (and migrate) a database file that must already exist, signed in as the run's user
    (:func:`sign_in`); raises DatabaseOpenError, or AccessError when nobody may be signed in."""
    db = open_database(path, create=False)
    try:
        sign_in(db)
    except BaseException:
        db.dispose()
        raise
    return db


def sign_in(db: Database, username: str | None = None) -> None:
    """Who a command acts for. With ``--user NAME``: that user, password from
    ``QUALITYBRIDGE_PASSWORD`` or a prompt (getpass). Without: in personal mode the database's
    personal user; in department mode a refusal (``--user`` is required). A database that has
    no users yet (created before its administrator) is worked on as the system job ``cli``."""
    from app.models.admin import identity

    username = username if username is not None else _cli_user
    if db.actor is not None:
        return
    if username:
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            import getpass

            try:
                password = getpass.getpass(t("user.prompt", user=username))
            except (EOFError, OSError):
                password = ""
        if not password:
            raise identity.AccessError(f"no password given for {username}", "no_password", user=username)
        identity.sign_in(db, username, password)
        return
    if identity.user_count(db) == 0:
        db.actor = identity.Actor.system_job("cli")
        return
    identity.sign_in_personal(db)


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

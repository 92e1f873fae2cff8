"""Administration commands: ``backup``, ``restore``, ``audit verify`` and ``users
list|add|disable|reset-password``.

Who runs them: ``--user NAME`` (password from ``QUALITYBRIDGE_PASSWORD`` or a prompt), else in
personal mode the database's personal user (``app.commands.common.sign_in``). A new or reset
password comes from
``QUALITYBRIDGE_NEW_PASSWORD`` or a prompt (asked twice) — never from an argument, so it stays out
of the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.commands.common import fail
from app.commands.messages import EN, language, t
from app.logs import get_logger

log = get_logger("admin")


def _db_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--db", metavar="PATH", required=required,
                        help="the database file (or an SQLAlchemy URL)")


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help="back the database up with SQLite's online backup (admin.backup)")
    _db_option(backup)
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="replace the database with a checked backup (admin.backup)")
    restore.add_argument("file", metavar="FILE", nargs="?", help="the backup to restore")
    _db_option(restore)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(func=run_restore)

    audit = subparsers.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="check the hash chain; names the first broken entry (exit 1)")
    _db_option(verify)
    verify.set_defaults(func=run_audit_verify)

    users = subparsers.add_parser("users", help="user administration (admin.users)")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = users_sub.add_parser("list", help="every user with roles and state")
    _db_option(listing)
    listing.set_defaults(func=run_users_list)
    add = users_sub.add_parser("add", help="create a user (password from a prompt or QUALITYBRIDGE_NEW_PASSWORD)")
    add.add_argument("username")
    _db_option(add)
    add.add_argument("--name", required=True, help="full name shown in every 'who' field")
    add.add_argument("--role", action="append", required=True, metavar="ROLE",
                     help="a role key (repeat for several): administrator, quality_manager, "
                          "supplier_quality_engineer, incoming_inspector, customer_quality_engineer, viewer")
    add.add_argument("--email", default="")
    add.set_defaults(func=run_users_add)
    disable = users_sub.add_parser("disable", help="deactivate a user (the reason goes on the audit trail)")
    disable.add_argument("username")
    _db_option(disable)
    disable.add_argument("--reason", required=True)
    disable.set_defaults(func=run_users_disable)
    reset = users_sub.add_parser("reset-password", help="set a new password; the user changes it at the next sign-in")
    reset.add_argument("username")
    _db_option(reset)
    reset.set_defaults(func=run_users_reset)


# ----- shared --------------------------------------------------------------------------------

class _Refused(Exception):
    """A line already in the run's language."""


def _open(args):
    """The database, nobody signed in yet (see :func:`_sign_in`)."""
    from app.models.core.database import open_database

    return open_database(args.db, create=False)


def _ask_password(prompt_key: str, *, twice: bool = False) -> str:
    if not sys.stdin.isatty():
        raise _Refused(t("admin.no_tty"))
    first = getpass.getpass(t(prompt_key) + " ")
    if twice and getpass.getpass(t("admin.prompt_repeat") + " ") != first:
        raise _Refused(t("admin.passwords_differ"))
    return first


def _sign_in(db, args) -> None:
    """The command's user becomes the database's actor (``app.commands.common.sign_in``: ``--user``
    with its password, else the personal user). Called after the checks that need nobody, so a
    refused file or a server database is answered before anything is written."""
    from app.commands.common import sign_in

    try:
        sign_in(db)
    except Exception as exc:
        log.info("command line sign-in refused (%s)", getattr(exc, "code", type(exc).__name__))
        raise
    log.info("command line: signed in as user #%s", db.actor.user_id if db.actor else None)


def _new_password() -> str:
    value = os.environ.get("QUALITYBRIDGE_NEW_PASSWORD")
    return value if value is not None else _ask_password("admin.prompt_new_password", twice=True)


def _refusal(exc: BaseException) -> int:
    """Permission, sign-in, backup and validation refusals as one line in the run's language."""
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied

    if isinstance(exc, _Refused):
        return fail(str(exc))
    if isinstance(exc, PermissionDenied):
        return fail(exc.text(language()))
    if isinstance(exc, AccessError) and f"access.{exc.code}" in EN:  # the user-administration refusals
        return fail(t(f"access.{exc.code}"))
    return fail(exc)  # sign-in refusals (user.*), backup errors: by their key


def _run(args, body) -> int:
    from app.models.admin.backup import BackupError
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied

    db = _open(args)
    try:
        return body(db)
    except (_Refused, PermissionDenied, AccessError, BackupError) as exc:
        return _refusal(exc)
    finally:
        db.dispose()


# ----- backup / restore ----------------------------------------------------------------------

def run_backup(args: argparse.Namespace) -> int:
    from app.models.admin import backup

    def body(db) -> int:
        backup.sqlite_path(db, "backup")  # a server database: name pg_dump, whoever asks
        _sign_in(db, args)
        result = backup.backup_now(db, Path(args.out))
        print(t("backup.done", path=result.path.resolve(), pages=result.pages, seconds=result.seconds))
        return 0

    return _run(args, body)


def run_restore(args: argparse.Namespace) -> int:
    from app.models.admin import backup

    def body(db) -> int:
        backup.sqlite_path(db, "restore")
        if not args.file:
            raise _Refused(t("restore.no_file"))
        backup.inspect_backup(args.file)  # refuse a bad file before anything is written (even the sign-in)
        _sign_in(db, args)
        if not args.yes:
            if not sys.stdin.isatty():
                raise _Refused(t("restore.need_yes"))
            answer = input(t("restore.confirm", db=db.display_name, file=args.file) + " ")
            if answer.strip().lower() not in ("y", "yes", "是", "确定"):
                print(t("restore.not_done"))
                return 1
        result = backup.restore(db, args.file)
        from app.models.core.database import open_database

        open_database(db.path).dispose()  # reopened: an older backup is migrated now, not at the next start
        print(t("restore.done", db=db.display_name, file=result.restored_from, kept=result.kept))
        return 0

    return _run(args, body)


# ----- audit ---------------------------------------------------------------------------------

def run_audit_verify(args: argparse.Namespace) -> int:
    from app.models.admin import trail

    def body(db) -> int:
        report = trail.verify_chain(db)
        if report.ok:
            print(report.text(language()))
            return 0
        return fail(report.text(language()))

    return _run(args, body)


# ----- users ---------------------------------------------------------------------------------

def _pad(text: str, width: int) -> str:
    """Left-justify in terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
    return text + " " * max(0, width - used)


def _user_id(db, username: str) -> int:
    from app.models.admin import users

    for row in users.list_users(db):
        if row.username == username:
            return row.id
    raise _Refused(t("users.unknown", username=username))


def run_users_list(args: argparse.Namespace) -> int:
    from app.models.admin import users
    from app.models.admin.permissions import require

    def body(db) -> int:
        _sign_in(db, args)
        require(db, "admin.users")
        roles = {r.key: r.name(language()) for r in users.list_roles(db)}
        rows = users.list_users(db)
        print(" ".join(_pad(h, w) for h, w in zip(t("users.header").split("|"), (16, 22, 30, 10, 0))).rstrip())
        for r in rows:
            state = t("users.active") if r.active else t("users.inactive")
            if r.locked_until is not None:
                state += " " + t("users.locked", until=f"{r.locked_until:%Y-%m-%d %H:%M}")
            last = f"{r.last_login_at:%Y-%m-%d %H:%M}" if r.last_login_at else "-"
            print(" ".join((_pad(r.username, 16), _pad(r.display_name, 22),
                            _pad(", ".join(roles.get(k, k) for k in r.roles), 30), _pad(state, 10), last)))
        print(t("users.count", n=len(rows)))
        return 0

    return _run(args, body)


def run_users_add(args: argparse.Namespace) -> int:
    from app.models.admin import users

    def body(db) -> int:
        _sign_in(db, args)
        from app.models.admin.permissions import require

        require(db, "admin.users")  # before asking for a password nobody may set
        password = _new_password()
        users.create_user(db, args.username, args.name, password, args.role, email=args.email, lang=language())
        print(t("users.added", username=args.username, roles=", ".join(args.role)))
        return 0

    return _run(args, body)


def run_users_disable(args: argparse.Namespace) -> int:
    from app.models.admin import users

    def body(db) -> int:
        _sign_in(db, args)
        users.set_active(db, _user_id(db, args.username), False, reason=args.reason)
        print(t("users.disabled", username=args.username))
        return 0

    return _run(args, body)


def run_users_reset(args: argparse.Namespace) -> int:
    from app.models.admin import users

    def body(db) -> int:
        _sign_in(db, args)
        from app.models.admin.permissions import require

        require(db, "admin.users")
        user_id = _user_id(db, args.username)
        users.reset_password(db, user_id, _new_password(), lang=language())
        print(t("users.reset", username=args.username))
        return 0

    return _run(args, body)

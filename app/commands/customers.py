"""Customer commands: ``qualitybridge customers import|export|contact-export|erase-contact``.

Who acts: ``--user NAME`` with the password in ``QUALITYBRIDGE_PASSWORD`` (department mode), else
the database's personal user; a database without any user yet acts as the system job ``cli``.
Every change goes through the services, so permissions and the audit trail are the GUI's.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.commands.common import fail, open_existing, print_rejected, record_id
from app.commands.messages import language, t

LANGS = ("zh_CN", "en")


def register(subparsers: argparse._SubParsersAction) -> None:
    cu = subparsers.add_parser("customers", help="customer master: import, export, privacy requests, value analysis")
    sub = cu.add_subparsers(dest="customers_command", metavar="COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--user", metavar="NAME", help="act as this user (password in QUALITYBRIDGE_PASSWORD)")
        p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)

    im = sub.add_parser("import", help="import customers from CSV or xlsx (all or nothing, every bad row listed)")
    im.add_argument("file", metavar="FILE")
    im.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER",
                    help="read COLUMN from the file's HEADER (repeatable), e.g. --map code=Kundennummer")
    common(im)
    im.set_defaults(func=run_import)

    ex = sub.add_parser("export", help="export the customer master")
    ex.add_argument("--out", required=True, metavar="F.xlsx|F.csv")
    common(ex)
    ex.set_defaults(func=run_export)

    ce = sub.add_parser("contact-export", help="export one contact's personal data (privacy access request)")
    ce.add_argument("id", type=record_id, metavar="ID", help="contact id")
    ce.add_argument("--out", required=True, metavar="F.json|F.xlsx")
    common(ce)
    ce.set_defaults(func=run_contact_export)

    er = sub.add_parser("erase-contact", help="erase one contact's personal data on request (the record stays, "
                                              "anonymised)")
    er.add_argument("id", type=record_id, metavar="ID", help="contact id")
    er.add_argument("--reason", required=True, help="the request, e.g. 'e-mail of 2026-11-30'")
    common(er)
    er.set_defaults(func=run_erase_contact)

    from app.commands.crm_value import register_value

    register_value(sub)


def _lang(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", None) or language()
    return lang if lang in LANGS else "en"


def _say(exc: BaseException, lang: str) -> int:
    """One line for a refusal the user can act on, in the run's language."""
    text = getattr(exc, "text", None)
    if callable(text):
        try:
            print(t("error", lang, message=text(lang)), file=sys.stderr)
            return 1
        except TypeError:
            pass
    return fail(exc)


def _open(args: argparse.Namespace, lang: str):
    """The database with its actor; raises what ``_say`` prints."""
    from app.models.admin import identity
    from app.models.admin.identity import Actor

    db = open_existing(args.db)
    try:
        if args.user:
            password = os.environ.get("QUALITYBRIDGE_PASSWORD")
            if not password:
                raise ValueError(t("customers.password", lang, user=args.user))
            identity.sign_in(db, args.user, password)
        elif identity.user_count(db) == 0:
            db.actor = Actor.system_job("cli")
        else:
            identity.sign_in_personal(db)
    except BaseException:
        db.dispose()
        raise
    return db


def _check_out(out: str, suffixes: tuple[str, ...], lang: str) -> Path:
    p = Path(out)
    if p.suffix.lower() not in suffixes:
        raise ValueError(t("out_suffix", lang, suffixes=" / ".join(suffixes), suffix=p.suffix or p.name))
    if not p.parent.is_dir():
        raise ValueError(t("folder_missing", lang, folder=p.parent))
    return p


def _run(args: argparse.Namespace, action, *, out: tuple[str, ...] | None = None,
         also: tuple[type[BaseException], ...] = ()) -> int:
    """Open, act, and say any refusal in one line; ``also`` adds refusal classes with ``text(lang)``
    (the CRM value commands' ``OrderError``)."""
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied
    from app.models.core.database import DatabaseOpenError
    from app.models.customers.errors import CustomerError

    lang = _lang(args)
    try:
        path = _check_out(args.out, out, lang) if out else None
        db = _open(args, lang)
    except (ValueError, FileNotFoundError, DatabaseOpenError, AccessError) as exc:
        return _say(exc, lang) if not isinstance(exc, ValueError) else fail(str(exc))
    try:
        return action(db, lang, path)
    except (CustomerError, PermissionDenied, *also) as exc:
        from app.models.customers.imports import CustomerImportError

        if isinstance(exc, CustomerImportError):
            return print_rejected(args.file, exc)
        return _say(exc, lang)
    except DatabaseOpenError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", lang, path=path or "", reason=exc.strerror or exc))
    finally:
        db.dispose()


def run_import(args: argparse.Namespace) -> int:
    mapping = {}
    for item in args.map:
        if "=" not in item:
            return fail(t("import.map_format", item=item))
        key, header = item.split("=", 1)
        mapping[key.strip()] = header.strip()

    def action(db, lang, _path):
        from app.models.customers.imports import import_customers

        result = import_customers(db, args.file, mapping=mapping or None)
        print(t("customers.imported", lang, file=args.file, created=result.created, updated=result.updated,
                contacts=result.contacts))
        return 0

    return _run(args, action)


def run_export(args: argparse.Namespace) -> int:
    def action(db, lang, path):
        from app.models.customers.imports import export_customers

        n = export_customers(db, path, lang=lang)
        print(t("customers.exported", lang, n=n, path=path))
        return 0

    return _run(args, action, out=(".xlsx", ".csv"))


def run_contact_export(args: argparse.Namespace) -> int:
    def action(db, lang, path):
        from app.models.customers.privacy import export_contact_data

        export_contact_data(db, args.id, path, lang=lang)
        print(t("customers.contact_exported", lang, id=args.id, path=path))
        return 0

    return _run(args, action, out=(".json", ".xlsx"))


def run_erase_contact(args: argparse.Namespace) -> int:
    def action(db, lang, _path):
        from app.models.customers.privacy import erase_contact

        erase_contact(db, args.id, reason=args.reason)
        print(t("customers.erased", lang, id=args.id))
        return 0

    return _run(args, action)

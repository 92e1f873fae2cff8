"""The supplier approval flow from the command line: record the next step of a supplier's
approval (``approval-step``), as the run's user (``--user``); the approval step needs
``approval.approve`` and an electronic signature (the password again and ``--meaning``)."""

from __future__ import annotations

import argparse
import os
import sys

from app.commands.common import PASSWORD_ENV, fail, open_existing
from app.commands.messages import t


RESULTS = {"zh_CN": {"pass": "通过", "conditional": "有条件通过", "reject": "不通过"}}
STATUSES = {"zh_CN": {"in_progress": "进行中", "approved": "批准", "conditional": "有条件批准", "rejected": "拒绝"},
            "en": {"in_progress": "in progress"}}


def register(subparsers) -> None:
    ap = subparsers.add_parser("approval-step", help="record the next step of a supplier's approval flow "
                               "(starts the flow when none is in progress)")
    ap.add_argument("--db", required=True, metavar="PATH")
    ap.add_argument("--supplier", required=True, metavar="CODE", help="supplier code")
    ap.add_argument("--step", required=True, help="survey_received, initial_review, price_verification, "
                    "sample_inspection, onsite_audit or approval")
    ap.add_argument("--result", required=True, choices=("pass", "conditional", "reject"))
    ap.add_argument("--remarks", default="")
    ap.add_argument("--meaning", default="approved", choices=("authored", "reviewed", "approved", "verified"),
                    help="meaning of the electronic signature on the approval step")
    ap.set_defaults(func=run_step)
    pr = subparsers.add_parser("print-approval", help="print a supplier's latest approval record with its "
                               "electronic-signature manifest (PDF)")
    pr.add_argument("--db", required=True, metavar="PATH")
    pr.add_argument("--supplier", required=True, metavar="CODE", help="supplier code")
    pr.add_argument("--out", required=True, metavar="FILE.pdf")
    pr.add_argument("--lang", choices=("zh_CN", "en"))
    pr.set_defaults(func=run_print)


def _signature(db, step: str, meaning: str):
    """The approval step's signature: the signer's password again (QUALITYBRIDGE_PASSWORD or a prompt)."""
    from app.models.admin.signatures import SignatureRequest
    from app.models.suppliers.approval import APPROVAL_STEP

    actor = db.actor
    if step != APPROVAL_STEP or actor is None or actor.system:
        return None
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        import getpass

        try:
            password = getpass.getpass(t("user.prompt", user=actor.username))
        except (EOFError, OSError):
            password = ""
    return SignatureRequest(password, meaning)


def run_step(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers import approval
    from app.models.suppliers.errors import SupplierError
    from app.models.suppliers.tables import Supplier

    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        with db.read() as s:
            sid = s.scalar(select(Supplier.id).where(Supplier.code == args.supplier))
        if sid is None:
            return fail(t("supplier.unknown_code", code=args.supplier))
        flow = approval.active_approval(db, sid)
        if flow is None:
            flow = approval.start_approval(db, sid)
        row = approval.record_step(db, flow.id, args.step, result=args.result, remarks=args.remarks,
                                   signature=_signature(db, args.step, args.meaning))
    except SupplierError as exc:
        return fail(exc)
    finally:
        db.dispose()
    from app.commands.messages import language
    from app.flows.approval import step_title

    lang = language()
    print(t("approval.recorded", supplier=args.supplier, step=step_title(args.step, lang),
            result=RESULTS.get(lang, {}).get(args.result, args.result),
            status=STATUSES.get(lang, {}).get(row.status, row.status)))
    sys.stdout.flush()
    return 0


def run_print(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sqlalchemy import select

    from app.commands.common import warn_if_font_not_embedded
    from app.commands.messages import language
    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers import approval
    from app.models.suppliers.tables import Supplier
    from app.reports.approval_pdf import write_approval_record

    if Path(args.out).suffix.lower() != ".pdf":
        return fail(t("bad_suffix", path=args.out, suffixes=".pdf"))
    if not Path(args.out).parent.is_dir():
        return fail(t("folder_missing", folder=Path(args.out).parent))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        with db.read() as s:
            sid = s.scalar(select(Supplier.id).where(Supplier.code == args.supplier))
        flows = approval.approval_history(db, sid) if sid is not None else []
        if sid is None:
            return fail(t("supplier.unknown_code", code=args.supplier))
        if not flows:
            return fail(t("approval.none", supplier=args.supplier))
        record = approval.approval_record(db, flows[0].id)
    finally:
        db.dispose()
    font = write_approval_record(record, args.out, lang=getattr(args, "lang", None) or language())
    warn_if_font_not_embedded(font)
    print(t("print.written", what=t("approval.record", supplier=args.supplier), path=args.out))
    return 0

"""Supplier commands: print-audit, print-survey, export-qualified, corrective-actions."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import bounded_int, fail, open_existing, record_id, warn_if_font_not_embedded
from app.commands.messages import t

LANGS = ("zh_CN", "en")


def register(subparsers: argparse._SubParsersAction) -> None:
    pa = subparsers.add_parser("print-audit", help="print a blank audit checklist (--template) or a completed audit "
                                                   "report (--audit) to PDF")
    pa.add_argument("--db", required=True, metavar="PATH")
    which = pa.add_mutually_exclusive_group(required=True)
    which.add_argument("--template", metavar="KEY", help="checklist template key (shipped: qms, process, product)")
    which.add_argument("--audit", type=record_id, metavar="ID", help="audit id")
    pa.add_argument("--supplier", metavar="CODE", help="with --template: print this supplier's name on the form")
    pa.add_argument("--out", required=True, metavar="F.pdf")
    pa.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    pa.set_defaults(func=run_print_audit)

    ps = subparsers.add_parser("print-survey", help="print the blank supplier survey, or a filled one with --survey")
    ps.add_argument("--db", required=True, metavar="PATH")
    ps.add_argument("--survey", type=record_id, metavar="ID", help="survey id (omit for the blank form)")
    ps.add_argument("--out", required=True, metavar="F.pdf")
    ps.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    ps.set_defaults(func=run_print_survey)

    eq = subparsers.add_parser("export-qualified", help="export the qualified supplier list (xlsx, csv or pdf)")
    eq.add_argument("--db", required=True, metavar="PATH")
    eq.add_argument("--out", required=True, metavar="F.xlsx|F.csv|F.pdf")
    eq.add_argument("--soon-days", type=bounded_int(0, 36_500, "--soon-days"), default=60, help="mark entries expiring within this many days")
    eq.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    eq.set_defaults(func=run_export_qualified)

    ca = subparsers.add_parser("corrective-actions",
                               help="open corrective action requests (SCAR / 8D) with the overdue ones, by the same "
                                    "rule as the screens: open until closed or cancelled, overdue when the current "
                                    "step is past due")
    ca.add_argument("--db", required=True, metavar="PATH")
    ca.add_argument("--supplier", metavar="CODE", help="only this supplier's requests")
    ca.add_argument("--overdue", action="store_true", help="only the overdue requests")
    ca.add_argument("--json", action="store_true", help="machine-readable output")
    ca.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    ca.set_defaults(func=run_corrective_actions)


def _lang(args: argparse.Namespace) -> str:
    # --lang may come before the subcommand (global) or after it; printed forms default to Chinese
    lang = getattr(args, "lang", None) or "zh_CN"
    return lang if lang in LANGS else "zh_CN"




def _check_out(out: str, suffixes: tuple[str, ...]) -> Path:
    p = Path(out)
    if p.suffix.lower() not in suffixes:
        raise ValueError(t("out_suffix", suffixes=" or ".join(suffixes), suffix=p.suffix or p.name))
    if not p.parent.is_dir():
        raise ValueError(t("folder_missing", folder=p.parent))
    return p



def run_print_audit(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers.errors import SupplierError

    lang = _lang(args)
    try:
        out = _check_out(args.out, (".pdf",))
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.suppliers import audits
        from app.reports.audit_pdf import write_audit_report, write_blank_checklist

        if args.template:
            name = ""
            if args.supplier:
                from sqlalchemy import select

                from app.models.suppliers.tables import Supplier

                with db.begin() as s:
                    sup = s.scalar(select(Supplier).where(Supplier.code == args.supplier))
                    if sup is None:
                        return fail(t("supplier.unknown_code", code=args.supplier))
                    from app.engines.labels import local_name

                    name = f"{sup.code} {local_name(sup.name_zh, sup.name_en, lang)}"
            font = write_blank_checklist(audits.get_template(db, args.template), out, lang=lang, supplier_name=name)
            what = t("print.blank_checklist", template=args.template)
        else:
            report = audits.audit_report(db, args.audit)
            font = write_audit_report(report, out, lang=lang)
            what = t("print.audit", id=args.audit)
            summary = audit_summary(report, lang)
    except SupplierError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("print.written", what=what, path=out))
    if args.audit:
        print(summary)
    return 0


def audit_summary(report, lang: str) -> str:
    """One line: the audit's result and its findings by severity, in the words of the printed
    report and the wizard (``app.engines.labels``)."""
    from collections import Counter

    from app.engines.audit import SEVERITIES
    from app.engines.labels import word

    score = report.score
    if report.status != "completed" or score.result is None:
        reason = score.reason if score.result is None else "not_completed"
        return t("print.audit_open", lang, reason=word("audit_reason", reason, lang))
    counts = Counter(f["severity"] for f in report.findings)
    sep = "，" if lang == "zh_CN" else ", "
    findings = sep.join(f"{counts[s]} {word('severity', s, lang)}" for s in reversed(SEVERITIES) if counts[s])
    percent = "" if score.percent is None else f"{score.percent:.1f}%"
    return t("print.audit_result", lang, result=word("audit_result", score.result, lang), percent=percent,
             findings=findings or t("print.no_findings", lang))


def run_print_survey(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers.errors import SupplierError

    lang = _lang(args)
    try:
        out = _check_out(args.out, (".pdf",))
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.flows.survey import load_survey_definition
        from app.models.suppliers import surveys
        from app.reports.survey_pdf import write_blank_survey, write_completed_survey

        if args.survey is None:
            font = write_blank_survey(load_survey_definition(), out, lang=lang)
            what = t("print.blank_survey")
        else:
            font = write_completed_survey(surveys.survey_report(db, args.survey), out, lang=lang)
            what = t("print.survey", id=args.survey)
    except SupplierError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("print.written", what=what, path=out))
    return 0


def run_export_qualified(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers.errors import SupplierError

    lang = _lang(args)
    try:
        out = _check_out(args.out, (".xlsx", ".csv", ".pdf"))
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.suppliers.approval import qualified_list
        from app.reports.qualified_list import export_qualified

        df = qualified_list(db, soon_days=args.soon_days)
        font = export_qualified(df, out, lang=lang)
    except SupplierError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    expiring = int((df["state"] != "valid").sum()) if len(df) else 0
    print(t("qualified.done", n=len(df), expiring=expiring, path=out))
    return 0


def run_corrective_actions(args: argparse.Namespace) -> int:
    """The open requests and the overdue count, through ``corrective.list_corrective_actions`` and
    ``corrective_action_counts`` — the overview's and the list's own rule."""
    import json
    import sys

    from app.models.core.database import DatabaseOpenError
    from app.models.suppliers.errors import SupplierError

    try:
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from sqlalchemy import select

        from app.commands.messages import language
        from app.engines.labels import local_name, word
        from app.models.suppliers import corrective
        from app.models.suppliers.tables import Supplier

        supplier_id = None
        if args.supplier:
            with db.read() as s:
                supplier_id = s.scalar(select(Supplier.id).where(Supplier.code == args.supplier))
            if supplier_id is None:
                return fail(t("supplier.unknown_code", code=args.supplier))
        rows = corrective.list_corrective_actions(db, supplier_id=supplier_id, open_only=True)
        counts = corrective.corrective_action_counts(db, supplier_id=supplier_id)
    except SupplierError as exc:
        return fail(exc)
    finally:
        db.dispose()
    if args.overdue:
        rows = [r for r in rows if r.overdue]
    lang = language()
    if args.json:
        print(json.dumps({"open": counts.open, "overdue": counts.overdue, "requests": [{
            "number": r.number, "supplier": r.supplier_code, "status": r.status, "title": r.title,
            "due_on": r.due_on.isoformat(), "step_due": r.step_due.isoformat() if r.step_due else None,
            "overdue": r.overdue, "days_overdue": r.days_overdue} for r in rows]}, ensure_ascii=False, indent=1))
        return 0
    print(t("car.summary", open=counts.open, overdue=counts.overdue))
    for r in sorted(rows, key=lambda r: (-r.days_overdue, r.due_on, r.number)):
        late = t("car.late", days=r.days_overdue) if r.overdue else ""
        print("  ".join(x for x in (r.number, r.supplier_code, word("car_status", r.status, lang),
                                    t("car.step_due", date=(r.step_due or r.due_on).isoformat()), late,
                                    r.title or local_name(r.supplier_name_zh, r.supplier_name_en, lang)) if x))
    sys.stdout.flush()
    return 0

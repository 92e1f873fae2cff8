"""``qualitybridge complaints export|letter|report|list``: the complaint register, the 8D report /
reply letter of one complaint, the monthly report with charts, and the open complaints due first —
headless, one-line errors."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.commands.common import fail, open_existing, record_id, warn_if_font_not_embedded
from app.commands.messages import LANGS, t


def register(subparsers: argparse._SubParsersAction) -> None:
    cp = subparsers.add_parser("complaints", help="customer complaints: register export, reply letter, open list")
    sub = cp.add_subparsers(dest="complaints_command", metavar="{export,letter,report,list}")
    sub.required = True

    ex = sub.add_parser("export", help="write the complaint register of a period (xlsx or csv)")
    ex.add_argument("--db", required=True, metavar="PATH")
    ex.add_argument("--period", metavar="YYYY-MM|YYYY-Qn|YYYY[..PERIOD]",
                    help="received in this period (a range: 2025-01..2026-06); all complaints when omitted")
    ex.add_argument("--out", required=True, metavar="F.xlsx|F.csv")
    ex.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    ex.set_defaults(func=run_export)

    le = sub.add_parser("letter", help="write the 8D report / reply letter of one complaint to PDF")
    le.add_argument("id", type=record_id, metavar="ID", help="complaint id")
    le.add_argument("--db", required=True, metavar="PATH")
    le.add_argument("--out", required=True, metavar="F.pdf")
    le.add_argument("--language", choices=LANGS, help="letter language (default: the contact's preferred one)")
    le.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    le.set_defaults(func=run_letter)

    rp = sub.add_parser("report", help="write the monthly complaint report with charts to PDF")
    rp.add_argument("--db", required=True, metavar="PATH")
    rp.add_argument("--period", required=True, metavar="YYYY-MM|YYYY-Qn|YYYY[..PERIOD]")
    rp.add_argument("--out", required=True, metavar="F.pdf")
    rp.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    rp.set_defaults(func=run_report)

    ls = sub.add_parser("list", help="open complaints, what is due first on top")
    ls.add_argument("--db", required=True, metavar="PATH")
    ls.add_argument("--overdue", action="store_true", help="only the overdue ones")
    ls.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    ls.set_defaults(func=run_list)


def _lang(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", None) or "zh_CN"
    return lang if lang in LANGS else "zh_CN"


def parse_period(text: str | None) -> tuple[date | None, date | None]:
    """``2026-03`` / ``2026-Q1`` / ``2026`` / ``2025-01..2026-06`` → first and last day (inclusive)."""
    from app.models.complaints.errors import ValidationError
    from app.models.complaints.service import period_range

    try:
        return period_range(text)
    except ValidationError as exc:
        raise ValueError(t("complaints.bad_period", period=text)) from exc


def _check_out(out: str, suffixes: tuple[str, ...]) -> Path:
    p = Path(out)
    if p.suffix.lower() not in suffixes:
        raise ValueError(t("out_suffix", suffixes=" or ".join(suffixes), suffix=p.suffix or p.name))
    if not p.parent.is_dir():
        raise ValueError(t("folder_missing", folder=p.parent))
    return p


def run_export(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError

    try:
        out = _check_out(args.out, (".xlsx", ".csv"))
        start, end = parse_period(args.period)
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.complaints import service
        from app.reports.complaint_register import write_register

        frame = service.register_frame(db, start, end)
        write_register(frame, out, lang=_lang(args))
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    print(t("complaints.exported", n=len(frame), overdue=int(frame["overdue"].sum()) if len(frame) else 0, path=out))
    return 0


def run_letter(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError

    try:
        out = _check_out(args.out, (".pdf",))
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.complaints import service
        from app.models.complaints.errors import NotFoundError
        from app.reports.complaint_letter import write_letter
        from app.reports.pdf import cjk_font

        try:
            detail = service.get_complaint(db, args.id)
        except NotFoundError:
            return fail(t("complaints.not_found", id=args.id))
        lang = write_letter(detail, out, lang=args.language)
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(cjk_font())
    print(t("complaints.letter", number=detail.number, language=lang, path=out))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError

    try:
        out = _check_out(args.out, (".pdf",))
        start, end = parse_period(args.period)
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.complaints import service
        from app.reports.complaint_report import write_report

        report = service.monthly_report(db, start, end)
        font = write_report(report, out, lang=_lang(args))
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("complaints.report", n=report.summary["received"], path=out))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError

    try:
        db = open_existing(args.db)
    except (FileNotFoundError, DatabaseOpenError) as exc:
        return fail(exc)
    try:
        from app.models.complaints import service
        from app.reports.complaint_register import left_text

        frame = service.list_complaints(db, service.ComplaintFilter(state="active", overdue_only=args.overdue))
        cal = service.calendar(db)
    finally:
        db.dispose()
    lang = _lang(args)
    for r in frame.to_dict("records"):
        name = (r["customer_name_zh"] if lang == "zh_CN" else r["customer_name_en"]) or r["customer_name_zh"]
        print(f"{r['number']}\t{r['customer_code']} {name}\t{r['severity']}\t{r['current_step']}\t"
              f"{left_text(r['left'], cal, lang)}")
    print(t("complaints.listed", n=len(frame), overdue=int(frame["overdue"].sum()) if len(frame) else 0),
          file=sys.stderr)
    return 0

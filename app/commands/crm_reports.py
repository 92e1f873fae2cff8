"""``qualitybridge report customer|sales|campaign|service|custom [--name NAME] [--period P]
--out F.pdf|F.xlsx``: the CRM reports headless, in Chinese or English, one-line errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import fail, open_existing, warn_if_font_not_embedded
from app.commands.messages import LANGS, t

FAMILIES = ("customer", "sales", "campaign", "service", "custom")


def register(subparsers: argparse._SubParsersAction) -> None:
    rp = subparsers.add_parser("report", help="write a CRM report (customer, sales, campaign, service, custom) "
                                              "to PDF or xlsx")
    rp.add_argument("family", choices=FAMILIES, help="which report")
    rp.add_argument("--db", required=True, metavar="PATH")
    rp.add_argument("--name", default="", metavar="NAME", help="the saved custom report to run (custom only)")
    rp.add_argument("--period", metavar="YYYY-MM|YYYY-Qn|YYYY[..PERIOD]",
                    help="the report period (default: the twelve months up to this month)")
    rp.add_argument("--out", required=True, metavar="F.pdf|F.xlsx")
    rp.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    rp.set_defaults(func=run_report)


def _lang(args: argparse.Namespace) -> str:
    from app.commands.messages import language

    lang = getattr(args, "lang", None) or language()  # the run's language, as the output lines
    return lang if lang in LANGS else "zh_CN"


def run_report(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.crm import reports
    from app.models.crm.reports_errors import ReportError

    out = Path(args.out)
    try:
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            raise ValueError(t("out_suffix", suffixes=".pdf or .xlsx", suffix=out.suffix or out.name))
        if not out.parent.is_dir():
            raise ValueError(t("folder_missing", folder=out.parent))
        if args.family == "custom" and not args.name.strip():
            raise ReportError("crmreports.name_required", field="name")
        start, end = reports.period_range(args.period)
        db = open_existing(args.db)
    except (ValueError, FileNotFoundError, DatabaseOpenError, ReportError) as exc:
        return fail(exc)
    lang = _lang(args)
    try:
        from app.reports import crm_reports

        try:
            result = reports.run_family(db, args.family, start=start, end=end, name=args.name)
        except ReportError as exc:
            return fail(exc)
        font = None
        if out.suffix.lower() == ".pdf":
            font = crm_reports.write_pdf(result, out, lang=lang)
        else:
            crm_reports.write_xlsx(result, out, lang=lang)
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("crmreports.written", report=crm_reports.title(result, lang), path=out, sections=len(result.sections)))
    return 0

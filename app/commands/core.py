"""Foundation commands: demo, check, screenshots."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.commands.common import bounded_int, fail
from app.commands.messages import error_text, t


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="write a deterministic demo database")
    demo.add_argument("--db", required=True, metavar="PATH")
    demo.add_argument("--suppliers", type=bounded_int(1, 100_000, "--suppliers"), default=120)
    demo.add_argument("--customers", type=bounded_int(0, 1_000_000, "--customers"), default=200)
    demo.add_argument("--months", type=bounded_int(1, 600, "--months"), default=24)
    demo.add_argument("--seed", type=bounded_int(0, 2 ** 32 - 1, "--seed"), default=2026)
    demo.add_argument("--end-month", metavar="YYYY-MM", help="last month of history (default: last full month)")
    demo.add_argument("--force", action="store_true", help="overwrite an existing file")
    demo.add_argument("--no-evaluation", action="store_true", help="do not grade the demo months")
    demo.set_defaults(func=run_demo)

    check = subparsers.add_parser("check", help="integrity, foreign-key and schema check (read-only)")
    check.add_argument("--db", required=True, metavar="PATH")
    check.set_defaults(func=run_check)

    shots = subparsers.add_parser("screenshots", help="render every screen to PNG (offscreen)")
    shots.add_argument("--db", required=True, metavar="PATH")
    shots.add_argument("--out", required=True, metavar="DIR")
    shots.add_argument("--lang", choices=("zh_CN", "en"), default="en")
    shots.set_defaults(func=run_screenshots)


def _month(text: str) -> date:
    try:
        year, month = text.split("-")
        if not 1900 <= int(year) <= 2199:
            raise ValueError(text)
        return date(int(year), int(month), 1)
    except (ValueError, OverflowError) as exc:
        raise ValueError(t("demo.end_month", text=text)) from exc


def run_demo(args: argparse.Namespace) -> int:
    from app.models.core.demo import DemoExistsError, generate_demo

    try:
        end = _month(args.end_month) if args.end_month is not None else None
        ctx = generate_demo(args.db, suppliers=args.suppliers, customers=args.customers, months=args.months,
                            seed=args.seed, end_month=end, force=args.force,
                            evaluate=not args.no_evaluation)
    except (DemoExistsError, ValueError) as exc:
        return fail(exc)
    print(t("demo.written", path=Path(args.db).resolve(), seconds=ctx.seconds, first=f"{ctx.months[0]:%Y-%m}",
            last=f"{ctx.months[-1]:%Y-%m}"))
    for table, n in ctx.counts.items():
        print(f"  {table:<28} {n:>12,}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.models.core.maintenance import check_database

    report = check_database(args.db)
    if not report.opened:  # nothing could be checked: one line, like every other refusal
        return fail(report.problems[0] if report.problems else args.db)
    print(t("check.database", path=report.path))
    print(t("check.schema", revisions=", ".join(report.revisions) or "-", expected=", ".join(report.expected)))
    for note in report.notes:
        print(t("check.note", note=error_text(note)))
    if report.sound:
        print(t("check.sound"))
        return 0
    for problem in report.problems:
        print(t("check.problem", problem=error_text(problem)))
    print(t("check.problems", n=len(report.problems)))
    return 1


def run_screenshots(args: argparse.Namespace) -> int:
    from app.models.core.database import is_url

    if not is_url(args.db) and not Path(args.db).is_file():
        return fail(t("db.missing", path=args.db))
    from app.views.core.screenshots import render_all

    try:
        written = render_all(args.db, Path(args.out), args.lang)
    except Exception as exc:  # the user gets one line; details are in the log file
        from app.logs import log_exception

        log_exception(exc, "qualitybridge screenshots")
        return fail(exc)
    for path in written:
        print(path)
    return 0

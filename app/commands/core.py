"""Foundation commands: demo, check, screenshots."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="write a deterministic demo database")
    demo.add_argument("--db", required=True, metavar="PATH")
    demo.add_argument("--suppliers", type=int, default=120)
    demo.add_argument("--customers", type=int, default=200)
    demo.add_argument("--months", type=int, default=24)
    demo.add_argument("--seed", type=int, default=2026)
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
        return date(int(year), int(month), 1)
    except ValueError as exc:
        raise ValueError(f"--end-month must look like 2026-10, not {text!r}") from exc


def run_demo(args: argparse.Namespace) -> int:
    from app.models.core.demo import DemoExistsError, generate_demo

    try:
        end = _month(args.end_month) if args.end_month else None
        ctx = generate_demo(args.db, suppliers=args.suppliers, customers=args.customers, months=args.months,
                            seed=args.seed, end_month=end, force=args.force,
                            evaluate=not args.no_evaluation)
    except (DemoExistsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"demo database written to {Path(args.db).resolve()} in {ctx.seconds:.2f} s "
          f"({ctx.months[0]:%Y-%m} to {ctx.months[-1]:%Y-%m})")
    for table, n in ctx.counts.items():
        print(f"  {table:<28} {n:>12,}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.models.core.maintenance import check_database

    report = check_database(args.db)
    print(f"database: {report.path}")
    print(f"schema:   {', '.join(report.revisions) or '-'} (this version expects {', '.join(report.expected)})")
    for note in report.notes:
        print(f"note:     {note}")
    if report.sound:
        print("result:   sound")
        return 0
    for problem in report.problems:
        print(f"problem:  {problem}")
    print(f"result:   {len(report.problems)} problem(s)")
    return 1


def run_screenshots(args: argparse.Namespace) -> int:
    from app.views.core.screenshots import render_all

    try:
        written = render_all(args.db, Path(args.out), args.lang)
    except Exception as exc:  # the user gets one line; details are in the written log
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0

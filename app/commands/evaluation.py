"""Supplier evaluation commands: evaluate, export-grades, import."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands.common import fail, open_existing, warn_if_font_not_embedded


def register(subparsers: argparse._SubParsersAction) -> None:
    ev = subparsers.add_parser("evaluate", help="evaluate all suppliers for a period and store the grades")
    ev.add_argument("--db", required=True, metavar="PATH")
    ev.add_argument("--period", required=True, metavar="YYYY-MM|YYYY-Qn|YYYY")
    ev.add_argument("--scheme", metavar="NAME", help="evaluation scheme (default: the active 'standard' scheme)")
    ev.add_argument("--json", action="store_true", help="print every supplier's result as JSON")
    ev.set_defaults(func=run_evaluate)

    ex = subparsers.add_parser("export-grades", help="write the grade list of an evaluated period")
    ex.add_argument("--db", required=True, metavar="PATH")
    ex.add_argument("--period", required=True, metavar="YYYY-MM|YYYY-Qn|YYYY")
    ex.add_argument("--out", required=True, metavar="FILE", help=".xlsx, .csv or .pdf")
    ex.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    ex.set_defaults(func=run_export)

    im = subparsers.add_parser("import", help="import deliveries or inspection lots from CSV (all or nothing)")
    im.add_argument("--db", required=True, metavar="PATH")
    im.add_argument("--kind", required=True, choices=("deliveries", "inspection-lots"))
    im.add_argument("--file", required=True, metavar="F.csv")
    im.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "gb18030"),
                    help="text encoding (default: detect UTF-8 or GB18030)")
    im.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER",
                    help="use the file's HEADER for COLUMN (repeatable)")
    im.set_defaults(func=run_import)




def run_evaluate(args: argparse.Namespace) -> int:
    from app.models.database import DatabaseOpenError
    from app.models.evaluation import EvaluationError, evaluate_period, grade_list

    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(str(exc))
    try:
        summary = evaluate_period(db, args.period, args.scheme)
        if args.json:
            gl = grade_list(db, summary.period)
            out = [{"supplier": r.code, "score": r.score, "grade": r.grade, "previous_grade": r.previous_grade,
                    "periods_in_grade": r.periods_in_grade, "indicators": r.indicators, "missing": r.missing,
                    "treatment": r.treatment} for r in gl.rows]
            print(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            grades = ", ".join(f"{g} {n}" for g, n in summary.grades.items())
            print(f"{summary.period}: {summary.suppliers} suppliers, {summary.scored} scored ({grades}); "
                  f"scheme {summary.scheme_name} v{summary.scheme_version}; {summary.seconds:.3f} s")
    except EvaluationError as exc:
        return fail(str(exc))
    finally:
        db.dispose()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.models.database import DatabaseOpenError
    from app.models.evaluation import EvaluationError, grade_list
    from app.reports.grade_list import write_grade_list

    if Path(args.out).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        return fail(f"cannot write {args.out}: use a .xlsx, .csv or .pdf file name")
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(str(exc))
    try:
        gl = grade_list(db, args.period)
        path = write_grade_list(gl, args.out, args.lang)
    except EvaluationError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}")
    finally:
        db.dispose()
    if path.suffix.lower() == ".pdf":
        from app.reports.pdf import cjk_font

        warn_if_font_not_embedded(cjk_font())
    print(f"{len(gl.rows)} suppliers written to {path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from app.models.csv_import import CsvRejected
    from app.models.database import DatabaseOpenError
    from app.models.evaluation_import import import_csv

    mapping = {}
    for item in args.map:
        if "=" not in item:
            return fail(f"--map needs COLUMN=HEADER, got {item!r}")
        key, header = item.split("=", 1)
        mapping[key.strip()] = header.strip()
    try:
        data = open(args.file, "rb").read()
    except OSError as exc:
        return fail(f"cannot read {args.file}: {exc.strerror or exc}")
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(str(exc))
    try:
        summary = import_csv(db, args.kind, data, mapping=mapping or None, encoding=args.encoding)
    except CsvRejected as exc:
        print(f"error: {args.file} refused, nothing imported ({len(exc.errors)} problem(s)):", file=sys.stderr)
        for err in exc.errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(f"imported {summary.rows} {args.kind.replace('-', ' ')} rows from {args.file} ({summary.encoding})"
          + (f", {summary.created_lines} new order lines" if args.kind == "deliveries" else ""))
    return 0

"""Supplier evaluation commands: evaluate, export-grades, sourcing, import."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands.common import fail, open_existing, print_rejected, warn_if_font_not_embedded
from app.commands.messages import kind_name, t


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

    so = subparsers.add_parser(
        "sourcing", help="sourcing plan of an evaluated period: strategy and suggested order shares per item",
        description="Per item: its current suppliers (active link, approved or conditionally approved) with "
                    "grade, score, recorded and suggested order share, and the supplier-count strategy.")
    so.add_argument("--db", required=True, metavar="PATH")
    so.add_argument("--period", required=True, metavar="YYYY-MM|YYYY-Qn|YYYY")
    so.add_argument("--json", action="store_true", help="print the plan as JSON (codes, shares 0..1)")
    so.add_argument("--out", metavar="FILE", help="also write the plan to a .xlsx, .csv or .pdf file")
    so.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language of the text and files")
    so.set_defaults(func=run_sourcing)
    so.error = _one_line_usage_error("sourcing")  # type: ignore[method-assign]

    im = subparsers.add_parser("import", help="import deliveries or inspection lots from CSV (all or nothing)")
    im.add_argument("--db", required=True, metavar="PATH")
    im.add_argument("--kind", required=True, choices=("deliveries", "inspection-lots"))
    im.add_argument("--file", required=True, metavar="F.csv")
    im.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "gb18030"),
                    help="text encoding (default: detect UTF-8 or GB18030)")
    im.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER",
                    help="use the file's HEADER for COLUMN (repeatable)")
    im.set_defaults(func=run_import)


def _one_line_usage_error(command: str):
    """A usage mistake (missing option, unknown language) as one ``error:`` line and exit code 1."""

    def error(message: str):
        fail(t("usage", message=message, command=command + " "))
        sys.exit(1)

    return error


def run_evaluate(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.evaluation.service import EvaluationError, evaluate_period, grade_list

    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        summary = evaluate_period(db, args.period, args.scheme)
        if args.json:
            gl = grade_list(db, summary.period)
            out = [{"supplier": r.code, "score": r.score, "grade": r.grade, "previous_grade": r.previous_grade,
                    "periods_in_grade": r.periods_in_grade, "indicators": r.indicators, "missing": r.missing,
                    "treatment": r.treatment, "status": r.status, "certificate": r.certificate,
                    "overdue_cars": r.overdue_cars, "agreement_breaches": r.breaches, "actions": list(r.actions),
                    "holds": list(r.holds)}
                   for r in gl.rows]
            print(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            grades = ", ".join(f"{g} {n}" for g, n in summary.grades.items())
            print(t("evaluate.done", period=summary.period, suppliers=summary.suppliers, scored=summary.scored,
                    grades=grades, scheme=summary.scheme_name, version=summary.scheme_version,
                    seconds=summary.seconds))
    except EvaluationError as exc:
        return fail(exc)
    finally:
        db.dispose()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.models.core.database import DatabaseOpenError
    from app.models.evaluation.service import EvaluationError, grade_list
    from app.reports.grade_list import write_grade_list

    if Path(args.out).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        return fail(t("bad_suffix", path=args.out, suffixes=".xlsx, .csv or .pdf"))
    if not Path(args.out).parent.is_dir():
        return fail(t("folder_missing", folder=Path(args.out).parent))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        gl = grade_list(db, args.period)
        path = write_grade_list(gl, args.out, args.lang)
    except EvaluationError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    if path.suffix.lower() == ".pdf":
        from app.reports.pdf import cjk_font

        warn_if_font_not_embedded(cjk_font())
    print(t("export.done", n=len(gl.rows), path=path))
    return 0


def run_sourcing(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.models.core.database import DatabaseOpenError
    from app.models.evaluation.service import EvaluationError
    from app.models.evaluation.sourcing import sourcing_plan

    if args.out and Path(args.out).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        return fail(t("bad_suffix", path=args.out, suffixes=".xlsx, .csv or .pdf"))
    if args.out and not Path(args.out).parent.is_dir():
        return fail(t("folder_missing", folder=Path(args.out).parent))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        plan = sourcing_plan(db, args.period)
        if args.out:
            from app.reports.sourcing import write_sourcing_plan

            path = write_sourcing_plan(plan, args.out, args.lang)
    except EvaluationError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    if args.out and path.suffix.lower() == ".pdf":
        from app.reports.pdf import cjk_font

        warn_if_font_not_embedded(cjk_font())
    # A broken pipe (piped into head) is handled by the CLI's last-resort handler: quietly.
    if args.json:
        print(json.dumps(sourcing_json(plan, args.lang), ensure_ascii=False, indent=1))
    elif args.out:
        print(t("sourcing.done", n=len(plan.items), path=path))
    else:
        print(sourcing_text(plan, args.lang))
    sys.stdout.flush()
    return 0


def sourcing_json(plan, lang: str) -> dict:
    """The plan as plain JSON: codes as stored, shares as fractions, strategy also in words."""
    from app.reports.sourcing import strategy_text

    return {
        "period": plan.period, "period_kind": plan.period_kind, "scheme": plan.scheme_name,
        "scheme_version": plan.scheme_version, "run_at": plan.run_at.isoformat(sep=" "),
        "share_weight": plan.share_weight, "strategy_counts": plan.strategy_counts(),
        "items": [{
            "item": it.code, "name_zh": it.name_zh, "name_en": it.name_en, "category": it.category,
            "importance_class": it.importance_class, "strategy": list(it.strategy),
            "strategy_text": strategy_text(it.strategy, lang),
            "suppliers": [{"supplier": s.code, "name_zh": s.name_zh, "name_en": s.name_en, "status": s.status,
                           "grade": s.grade, "score": s.score, "current_share": s.current_share,
                           "suggested_share": s.suggested_share, "holds": list(s.holds)} for s in it.suppliers],
            "not_current": [{"supplier": o.code, "status": o.status, "reason": o.reason} for o in it.not_current],
        } for it in plan.items],
    }


SOURCING_TEXT = {
    "zh_CN": {"head": "货源策略 {period} · 评价方案 {scheme} v{version} · 物料 {items} 项",
              "columns": ("物料", "名称", "重要性", "货源策略", "供应商", "供应商名称", "等级", "得分", "当前份额",
                          "建议份额"),
              "not_current": "未计入：{list}", "none": "没有物料。"},
    "en": {"head": "Sourcing plan {period} · scheme {scheme} v{version} · {items} items",
           "columns": ("Item", "Name", "Class", "Strategy", "Supplier", "Supplier name", "Grade", "Score", "Current",
                       "Suggested"),
           "not_current": "not counted: {list}", "none": "No items."},
}


def sourcing_text(plan, lang: str) -> str:
    """A plain-text table: one line per item and current supplier, the item's columns on its first
    line, linked suppliers that are not counted on an indented line under the item."""
    from app.engines.labels import word
    from app.reports.sourcing import local_name, not_current_text, percent, report_text, strategy_text, text_width

    t = SOURCING_TEXT.get(lang, SOURCING_TEXT["en"])
    no_grade = report_text(lang)["no_grade"]
    lines = [t["head"].format(period=plan.period, scheme=plan.scheme_name, version=plan.scheme_version,
                              items=len(plan.items)),
             report_text(lang)["rule"].format(weights=", ".join(f"{g} {plan.share_weight.get(g, 0):g}" for g in "ABCD")),
             ""]
    if not plan.items:
        return "\n".join(lines + [t["none"]])
    rows: list[tuple[str, ...] | str] = [t["columns"]]
    for it in plan.items:
        head = (it.code, local_name(it, lang), it.importance_class, strategy_text(it.strategy, lang))
        blank = ("",) * len(head)
        if not it.suppliers:
            rows.append(head + ("—", "", "", "", "", ""))
        for k, s in enumerate(it.suppliers):
            rows.append((head if k == 0 else blank) + (
                s.code, local_name(s, lang), s.grade or no_grade, "" if s.score is None else f"{s.score:.2f}",
                percent(s.current_share) or "—", percent(s.suggested_share)))
            if s.holds:  # an expired mandatory certificate or an overdue SCAR, under the supplier's share
                rows.append(f"    ! {s.code}: " + ("；" if lang == "zh_CN" else "; ").join(
                    word("hold", h, lang) for h in s.holds))
        if it.not_current:
            rows.append("    " + t["not_current"].format(list=not_current_text(it, lang)))
    table = [r for r in rows if isinstance(r, tuple)]
    widths = [max(text_width(r[j]) for r in table) for j in range(len(t["columns"]))]
    right = {7, 8, 9}
    for r in rows:
        if isinstance(r, str):
            lines.append(r)
            continue
        cells = []
        for j, cell in enumerate(r):
            pad = " " * (widths[j] - text_width(cell))
            cells.append(pad + cell if j in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    counts = plan.strategy_counts()
    lines += ["", ("；" if lang == "zh_CN" else "; ").join(
        f"{strategy_text((c,), lang)} {n}" for c, n in counts.items())]
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    from app.models.core.csv_reader import CsvRejected
    from app.models.core.database import DatabaseOpenError
    from app.models.evaluation.imports import import_csv

    mapping = {}
    for item in args.map:
        if "=" not in item:
            return fail(t("import.map_format", item=item))
        key, header = item.split("=", 1)
        mapping[key.strip()] = header.strip()
    try:
        with open(args.file, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return fail(t("cannot_read", path=args.file, reason=exc.strerror or exc))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        summary = import_csv(db, args.kind, data, mapping=mapping or None, encoding=args.encoding)
    except CsvRejected as exc:
        return print_rejected(args.file, exc)
    finally:
        db.dispose()
    kind = kind_name(args.kind.replace("-", " "))
    if args.kind == "deliveries":
        print(t("import.done_lines", rows=summary.rows, kind=kind, file=args.file, encoding=summary.encoding,
                lines=summary.created_lines))
    else:
        print(t("import.done", rows=summary.rows, kind=kind, file=args.file, encoding=summary.encoding))
    return 0

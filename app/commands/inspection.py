"""Incoming inspection, headless: ``qualitybridge plan`` (a GB/T 2828.1 sampling plan, no database)
and ``qualitybridge inspection import|export|record|sheet|recompute``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import bounded_int, fail, open_existing, print_rejected, record_id, warn_if_font_not_embedded
from app.commands.messages import LANGS, error_text, kind_name, language, t

SEVERITY_WORDS = {"zh_CN": {"normal": "正常检验", "tightened": "加严检验", "reduced": "放宽检验"},
                  "en": {"normal": "normal", "tightened": "tightened", "reduced": "reduced"}}


def _usage_error(command: str):
    def error(message: str):
        fail(t("usage", message=message, command=command + " "))
        sys.exit(1)

    return error


def register(subparsers: argparse._SubParsersAction) -> None:
    pl = subparsers.add_parser("plan", help="the GB/T 2828.1 single sampling plan for a lot (code letter, n, Ac, Re)")
    pl.add_argument("--lot-size", required=True, type=bounded_int(2, 10**12, "--lot-size"), metavar="N")
    pl.add_argument("--level", default="II", help="inspection level: S-1 … S-4, I, II (default), III")
    pl.add_argument("--aql", required=True, metavar="AQL", help="a preferred AQL such as 0.65, 1.0, 2.5")
    pl.add_argument("--severity", default="normal", help="normal (default), tightened or reduced")
    pl.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    pl.set_defaults(func=run_plan)
    pl.error = _usage_error("plan")  # type: ignore[method-assign]

    ins = subparsers.add_parser("inspection", help="incoming inspection: import, export, print records and sheets")
    ins.error = _usage_error("inspection")  # type: ignore[method-assign]
    sub = ins.add_subparsers(dest="action", required=True, metavar="import|export|record|sheet|recompute")

    im = sub.add_parser("import", help="import inspection lots from CSV (all or nothing; switching is updated)")
    im.add_argument("--db", required=True, metavar="PATH")
    im.add_argument("--file", required=True, metavar="F.csv")
    im.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "gb18030"))
    im.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER")
    im.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    im.set_defaults(func=run_import)

    ex = sub.add_parser("export", help="export lots (csv or xlsx)")
    ex.add_argument("--db", required=True, metavar="PATH")
    ex.add_argument("--out", required=True, metavar="F.csv|F.xlsx")
    ex.add_argument("--list", choices=("all", "today", "awaiting", "concession"), default="all")
    ex.add_argument("--limit", type=bounded_int(1, 10_000_000, "--limit"), default=1_000_000)
    ex.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    ex.set_defaults(func=run_export)

    rc = sub.add_parser("record", help="print the inspection record of a lot to PDF")
    rc.add_argument("--db", required=True, metavar="PATH")
    rc.add_argument("--lot", required=True, type=record_id, metavar="ID")
    rc.add_argument("--out", required=True, metavar="F.pdf")
    rc.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    rc.set_defaults(func=run_record)

    sh = sub.add_parser("sheet", help="print the blank inspection sheet of a supplier's part to PDF")
    sh.add_argument("--db", required=True, metavar="PATH")
    sh.add_argument("--supplier", required=True, metavar="CODE")
    sh.add_argument("--part", required=True, metavar="CODE")
    sh.add_argument("--lot-size", type=bounded_int(2, 10**12, "--lot-size"), metavar="N")
    sh.add_argument("--out", required=True, metavar="F.pdf")
    sh.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    sh.set_defaults(func=run_sheet)

    rp = sub.add_parser("recompute", help="replay the switching state of every supplier × part from its lots")
    rp.add_argument("--db", required=True, metavar="PATH")
    rp.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    rp.set_defaults(func=run_recompute)
    for p in (im, ex, rc, sh, rp):
        p.error = _usage_error(f"inspection {p.prog.split()[-1]}")  # type: ignore[method-assign]


def _lang(args) -> str:
    lang = getattr(args, "lang", None) or language()
    return lang if lang in LANGS else "zh_CN"


def _access_error():
    from app.models.admin.identity import AccessError  # imported when a command runs, not at start-up

    return AccessError


def _permission_denied():
    from app.models.admin.permissions import PermissionDenied

    return PermissionDenied


def _text(exc: BaseException) -> str:
    from app.models.admin.permissions import PermissionDenied
    from app.models.inspection.errors import InspectionError

    if isinstance(exc, (InspectionError, PermissionDenied)):
        return exc.text(language())
    return exc  # type: ignore[return-value]


def run_plan(args: argparse.Namespace) -> int:
    from app.engines import sampling

    try:
        plan = sampling.plan_for_lot(args.lot_size, args.level, args.aql, args.severity)
    except sampling.SamplingInputError as exc:
        return fail(t("plan.bad", message=error_text(exc)))
    lang = language()
    print(t("plan.header", severity=SEVERITY_WORDS[lang][plan.severity], level=sampling._level(args.level),
            aql=plan.aql, lot_size=args.lot_size))
    if plan.arrow:
        print(t("plan.arrow", letter=plan.code_letter, requested=plan.requested_letter, table_n=plan.table_n))
    else:
        print(t("plan.letter", letter=plan.code_letter))
    if plan.hundred_percent:
        print(t("plan.hundred", n=plan.n, table_n=plan.table_n, ac=plan.ac, re=plan.re))
    else:
        print(t("plan.line", n=plan.n, ac=plan.ac, re=plan.re))
    return 0


def _out(path: str, suffixes: tuple[str, ...]) -> Path:
    p = Path(path)
    if p.suffix.lower() not in suffixes:
        raise ValueError(t("out_suffix", suffixes=" or ".join(suffixes), suffix=p.suffix or p.name))
    if not p.parent.is_dir():
        raise ValueError(t("folder_missing", folder=p.parent))
    return p


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
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return fail(t("cannot_read", path=args.file, reason=exc.strerror or exc))
    try:
        db = open_existing(args.db)
    except (DatabaseOpenError, _access_error()) as exc:
        return fail(exc)
    try:
        summary = import_csv(db, "inspection-lots", data, mapping=mapping or None, encoding=args.encoding)
    except CsvRejected as exc:
        return print_rejected(args.file, exc)
    except _permission_denied() as exc:
        return fail(_text(exc))
    finally:
        db.dispose()
    print(t("import.done", rows=summary.rows, kind=kind_name("inspection lots"), file=args.file,
            encoding=summary.encoding))
    print(t("inspection.switching"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.inspection import service
    from app.reports.tabular import write_csv, write_xlsx

    try:
        out = _out(args.out, (".csv", ".xlsx"))
        db = open_existing(args.db)
    except (ValueError, DatabaseOpenError, _access_error()) as exc:
        return fail(exc)
    zh = _lang(args) == "zh_CN"
    header = (["批号", "检验日期", "供应商代码", "供应商", "物料", "批量", "样本量", "检验严格度", "判定", "处置", "检验员", "SCAR"]
              if zh else ["lot_number", "inspected_on", "supplier_code", "supplier", "part_code", "lot_size",
                          "sample_size", "severity", "decision", "disposition", "inspector", "scar_id"])
    try:
        rows, offset = [], 0
        while len(rows) < args.limit:
            page = service.list_lots(db, args.list, limit=min(50_000, args.limit - len(rows)), offset=offset)
            if not page:
                break
            offset += len(page)
            rows.extend((r.lot_number, r.inspected_on, r.supplier_code, r.supplier_name, r.part_code, r.lot_size,
                         r.sample_size, r.severity, r.decision, r.disposition, r.inspector, r.corrective_action_id)
                        for r in page)
        if out.suffix.lower() == ".csv":
            write_csv(out, header, rows)
        else:
            write_xlsx(out, header, rows, title="lots")
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    print(t("inspection.exported", n=len(rows), path=out))
    return 0


def run_record(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.inspection.errors import InspectionError
    from app.reports import inspection_record

    try:
        out = _out(args.out, (".pdf",))
        db = open_existing(args.db)
    except (ValueError, DatabaseOpenError, _access_error()) as exc:
        return fail(exc)
    try:
        font = inspection_record.write_record(db, args.lot, out, lang=_lang(args))
    except InspectionError as exc:
        return fail(_text(exc))
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("print.written", what=t("inspection.record", lot=args.lot), path=out))
    return 0


def run_sheet(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.inspection import service
    from app.models.inspection.errors import InspectionError
    from app.reports import inspection_record

    try:
        out = _out(args.out, (".pdf",))
        db = open_existing(args.db)
    except (ValueError, DatabaseOpenError, _access_error()) as exc:
        return fail(exc)
    try:
        sid, pid = service.find_pair(db, args.supplier, args.part)
        font = inspection_record.write_blank_sheet(db, sid, pid, out, lang=_lang(args), lot_size=args.lot_size)
    except InspectionError as exc:
        return fail(_text(exc))
    except OSError as exc:
        return fail(t("cannot_write", path=out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    warn_if_font_not_embedded(font)
    print(t("print.written", what=t("inspection.sheet", supplier=args.supplier, part=args.part), path=out))
    return 0


def run_recompute(args: argparse.Namespace) -> int:
    from app.models.admin.identity import Actor
    from app.models.core.database import DatabaseOpenError
    from app.models.inspection import service

    try:
        db = open_existing(args.db)
    except (DatabaseOpenError, _access_error()) as exc:
        return fail(exc)
    try:
        if getattr(db, "actor", None) is None:
            db.actor = Actor.system_job("cli inspection recompute")
        counts = service.recompute_switching(db)
    except _permission_denied() as exc:
        return fail(_text(exc))
    finally:
        db.dispose()
    print(t("inspection.recomputed", **counts))
    return 0

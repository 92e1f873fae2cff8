"""Quality agreement commands: ``qualitybridge agreement print|export|breaches|areas``.

- ``print``: the contract PDF of a supplier's agreement (the version in force on ``--date``,
  default today, or ``--version N``), Chinese, English or bilingual (``--mode``);
- ``export``: the same version's clauses as xlsx;
- ``breaches``: the breach report (PDF or xlsx) for ``--period`` (one period or FROM:TO), one
  supplier or all (``--supplier all``);
- ``areas``: the version's content areas in document order (their numbers), and ``--move AREA
  --up|--down`` moves a whole area of a draft (the service refuses reviewed and signed versions).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.commands.common import fail, open_existing, warn_if_font_not_embedded
from app.commands.messages import language, t


def register(subparsers: argparse._SubParsersAction) -> None:
    ag = subparsers.add_parser("agreement", help="quality agreements: print the contract, export it, breach report")
    sub = ag.add_subparsers(dest="agreement_command", required=True, metavar="print|export|breaches|areas")
    for name, help_text in (("print", "write the contract PDF of a supplier's agreement"),
                            ("export", "write the clauses of a supplier's agreement as xlsx")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--supplier", required=True, metavar="CODE")
        p.add_argument("--agreement", metavar="NUMBER", help="the agreement number (when the supplier has several)")
        p.add_argument("--version", type=int, metavar="N", help="a version number (default: the one in force)")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="the version in force on this day (default today)")
        if name == "print":
            p.add_argument("--mode", choices=("zh_CN", "en", "bilingual"), default="bilingual")
        p.add_argument("--out", required=True, metavar="FILE")
        p.set_defaults(func=run_print if name == "print" else run_export)
    b = sub.add_parser("breaches", help="breach report of agreed targets for a period (PDF or xlsx)")
    b.add_argument("--db", required=True, metavar="PATH")
    b.add_argument("--supplier", required=True, metavar="CODE|all")
    b.add_argument("--period", required=True, metavar="YYYY-MM[:YYYY-MM]",
                   help="one period, or FROM:TO (months, quarters or years)")
    b.add_argument("--out", required=True, metavar="FILE", help=".pdf or .xlsx")
    b.set_defaults(func=run_breaches)
    r = sub.add_parser("areas", help="list a version's content areas in document order, or move one (drafts only)")
    r.add_argument("--db", required=True, metavar="PATH")
    r.add_argument("--supplier", required=True, metavar="CODE")
    r.add_argument("--agreement", metavar="NUMBER", help="the agreement number (when the supplier has several)")
    r.add_argument("--version", type=int, metavar="N", help="a version number (default: the one in force)")
    r.add_argument("--date", metavar="YYYY-MM-DD", help="the version in force on this day (default today)")
    r.add_argument("--move", type=int, choices=range(1, 9), metavar="AREA",
                   help="content area 1-8 (as in domain brief §2.5) to move with all its clauses")
    step = r.add_mutually_exclusive_group()
    step.add_argument("--up", dest="step", action="store_const", const=-1, help="one place towards the start")
    step.add_argument("--down", dest="step", action="store_const", const=1, help="one place towards the end")
    r.set_defaults(func=run_areas)


def _check_out(path: str, suffixes: tuple[str, ...]) -> str | None:
    if Path(path).suffix.lower() not in suffixes:
        return t("agreement.bad_suffix", path=path, suffixes=", ".join(suffixes))
    if not Path(path).parent.is_dir():
        return t("folder_missing", folder=Path(path).parent)
    return None


def _pick_version(db, args):
    """(agreement row, version row) or an error line."""
    from sqlalchemy import select

    from app.models.agreements import service as svc
    from app.models.suppliers.tables import Supplier

    with db.read() as s:
        sid = s.scalar(select(Supplier.id).where(Supplier.code == args.supplier))
    if sid is None:
        return None, t("supplier.unknown_code", code=args.supplier)
    try:
        day = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return None, t("usage", message=f"--date {args.date}: use YYYY-MM-DD", command="agreement ")
    rows = svc.list_agreements(db, supplier_id=sid, as_of=day)
    if args.agreement:
        rows = [r for r in rows if r.number == args.agreement]
    if not rows:
        return None, t("agreement.none", code=args.supplier, which=f" {args.agreement}" if args.agreement else "")
    if len(rows) > 1:
        return None, t("agreement.ambiguous", code=args.supplier, numbers=", ".join(r.number for r in rows))
    a = rows[0]
    en = language() == "en"
    if args.version is not None:
        v = next((x for x in a.versions if x.version == args.version), None)
        which = str(args.version) if en else f"第 {args.version} "
    else:
        v = a.in_force
        which = f"in force on {day.isoformat()}" if en else f" {day.isoformat()} 生效的"
    if v is None:
        return None, t("agreement.no_version", number=a.number, which=which)
    return (a, v), None


def _run(args, suffixes, write) -> int:
    from app.models.core.database import DatabaseOpenError

    problem = _check_out(args.out, suffixes)
    if problem:
        return fail(problem)
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        picked, error = _pick_version(db, args)
        if error:
            return fail(error)
        a, v = picked
        write(db, v.id)
    except OSError as exc:
        return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    print(t("agreement.written", number=a.number, version=v.version, path=args.out))
    return 0


def run_print(args: argparse.Namespace) -> int:
    from app.reports import agreement_contract

    def write(db, vid):
        font = agreement_contract.write_contract_pdf(db, vid, args.out, mode=args.mode)
        warn_if_font_not_embedded(font)

    return _run(args, (".pdf",), write)


def run_export(args: argparse.Namespace) -> int:
    from app.reports import agreement_contract

    return _run(args, (".xlsx",), lambda db, vid: agreement_contract.write_contract_xlsx(db, vid, args.out))


def run_breaches(args: argparse.Namespace) -> int:
    from app.models.agreements import targets
    from app.models.agreements.errors import AgreementError
    from app.models.core.database import DatabaseOpenError
    from app.reports import agreement_breaches

    problem = _check_out(args.out, (".pdf", ".xlsx"))
    if problem:
        return fail(problem)
    start, _sep, end = args.period.partition(":")
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        code = None if args.supplier.lower() == "all" else args.supplier
        report = targets.target_actuals(db, start=start, end=end or start, supplier_code=code)
        agreement_breaches.write_breach_report(report, args.out, lang=language())
    except AgreementError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
    finally:
        db.dispose()
    b = report.breaches
    print(t("agreement.breaches", n=len(b), suppliers=b["supplier_id"].nunique() if len(b) else 0,
            amount=f"{b['liability'].sum():,.2f}" if len(b) else "0.00", path=args.out))
    return 0


def run_areas(args: argparse.Namespace) -> int:
    from app.engines import agreements as eng
    from app.models.agreements import service as svc
    from app.models.agreements.errors import AgreementError, FrozenError
    from app.models.core.database import DatabaseOpenError

    if args.move is not None and args.step is None:
        return fail(t("agreement.area_step"))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    lang = language()
    try:
        picked, error = _pick_version(db, args)
        if error:
            return fail(error)
        a, v = picked
        order = svc.version_area_order(db, v.id)
        if args.move is not None:
            old = eng.area_ranks(order)[args.move]
            try:
                order = svc.move_area(db, v.id, args.move, args.step)
            except FrozenError:
                return fail(t("agreement.area_frozen", number=a.number, version=v.version,
                              state=svc.state_label(v.display_state, lang)))
            new = eng.area_ranks(order)[args.move]
            key = "agreement.area_moved" if new != old else "agreement.area_unmoved"
            print(t(key, number=a.number, version=v.version, label=eng.area_label(args.move, lang), old=old, new=new))
        counts: dict[int, int] = {}
        for c in svc.version_clauses(db, v.id):
            counts[c.area] = counts.get(c.area, 0) + 1
    except AgreementError as exc:
        return fail(exc)
    finally:
        db.dispose()
    print(t("agreement.area_heading", number=a.number, version=v.version))
    for no, area in enumerate(order, start=1):
        print(t("agreement.area_line", no=no, label=eng.area_label(area, lang), area=area, n=counts.get(area, 0)))
    return 0

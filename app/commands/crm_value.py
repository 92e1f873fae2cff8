"""CRM value commands: ``qualitybridge orders import FILE [--mapping NAME | --map FIELD=HEADER ...]``
(ERP order lines, all or nothing, every bad row listed; ``--remember NAME`` saves the mapping),
``qualitybridge orders list`` and ``qualitybridge customers value --out F.xlsx|F.csv`` (the value
analysis: ABC, RFM, CLV, churn flags, segments; registered by ``customers.py``).

Who acts: as in ``customers.py`` (``--user`` with ``QUALITYBRIDGE_PASSWORD``, else the personal user).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.commands.common import fail
from app.commands.messages import t

LANGS = ("zh_CN", "en")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, metavar="PATH")
    p.add_argument("--user", metavar="NAME", help="act as this user (password in QUALITYBRIDGE_PASSWORD)")
    p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)


def register(subparsers: argparse._SubParsersAction) -> None:
    o = subparsers.add_parser("orders", help="customer orders (sales history): import an ERP export, list")
    sub = o.add_subparsers(dest="orders_command", metavar="COMMAND", required=True)
    im = sub.add_parser("import", help="import order lines from CSV or xlsx (all or nothing, every bad row listed)")
    im.add_argument("file", metavar="FILE")
    im.add_argument("--mapping", metavar="NAME", help="use the column mapping saved under NAME")
    im.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                    help="read FIELD from the file's HEADER (repeatable), e.g. --map order_no=Belegnummer")
    im.add_argument("--remember", metavar="NAME", help="save the --map mapping under NAME for the next import")
    _common(im)
    im.set_defaults(func=run_import)
    ls = sub.add_parser("list", help="latest orders with their totals")
    ls.add_argument("--customer", metavar="CODE", help="only this customer's orders")
    ls.add_argument("--limit", type=int, default=20, metavar="N")
    _common(ls)
    ls.set_defaults(func=run_list)


def register_value(sub: argparse._SubParsersAction) -> None:
    """``customers value``: called by ``app.commands.customers.register``."""
    va = sub.add_parser("value", help="customer value analysis (ABC, RFM, CLV, churn risk, segments) to xlsx/csv")
    va.add_argument("--out", required=True, metavar="F.xlsx|F.csv")
    va.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="analysis date (default today)")
    va.add_argument("--window", type=int, default=365, metavar="DAYS", help="revenue window in days (default 365)")
    va.add_argument("--retention", type=float, default=0.8, help="yearly retention for the CLV (default 0.8)")
    va.add_argument("--discount", type=float, default=0.1, help="discount rate for the CLV (default 0.1)")
    va.add_argument("--inactive-days", type=int, default=90, metavar="N",
                    help="flag customers without an order for N days (default 90)")
    va.add_argument("--segments", type=int, default=4, metavar="K", help="k-means segments (default 4)")
    _common(va)
    va.set_defaults(func=run_value)


def _run(args: argparse.Namespace, action, *, out: tuple[str, ...] | None = None) -> int:
    from app.commands.customers import _run as run_customers
    from app.models.crm.orders import OrderError

    return run_customers(args, action, out=out, also=(OrderError,))


def run_import(args: argparse.Namespace) -> int:
    mapping: dict[str, str] = {}
    for item in args.map:
        if "=" not in item:
            return fail(t("import.map_format", item=item))
        key, header = item.split("=", 1)
        mapping[key.strip()] = header.strip()
    if mapping and args.mapping:
        return fail(t("orders.map_or_mapping"))
    if args.remember and not mapping:
        return fail(t("orders.remember_needs_map"))
    if not Path(args.file).is_file():
        return fail(t("customers.no_file", path=args.file))

    def action(db, lang, _path):
        from app.models.crm.orders import FIELDS, import_orders, save_mapping

        unknown = sorted(set(mapping) - set(FIELDS))
        if unknown:
            return fail(t("orders.unknown_field", lang, fields=", ".join(unknown), known=", ".join(FIELDS)))
        result = import_orders(db, args.file, mapping=mapping or args.mapping)
        if args.remember:
            save_mapping(db, args.remember, mapping)
            print(t("orders.mapping_saved", lang, name=args.remember))
        print(t("orders.imported", lang, file=args.file, orders=result.orders, lines=result.lines,
                linked=result.linked_parts))
        return 0

    return _run(args, action)


def run_list(args: argparse.Namespace) -> int:
    if args.limit < 1:
        return fail(t("orders.bad_limit", value=args.limit))

    def action(db, lang, _path):
        from sqlalchemy import select

        from app.models.crm.orders import order_rows
        from app.models.customers.tables import Customer

        cid = None
        if args.customer:
            with db.begin() as s:
                cid = s.scalar(select(Customer.id).where(Customer.code == args.customer))
            if cid is None:
                return fail(t("crm.no_customer", lang, code=args.customer))
        rows = order_rows(db, customer_id=cid, limit=args.limit)
        for r in rows:
            print(t("orders.row", lang, no=r.order_no, customer=r.customer_code, day=r.order_date.isoformat(),
                    lines=r.lines, amount=f"{r.amount:,.2f}", margin=f"{r.margin:,.2f}", currency=r.currency))
        print(t("orders.listed", lang, n=len(rows)))
        return 0

    return _run(args, action)


def run_value(args: argparse.Namespace) -> int:
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        return fail(t("sales.bad_date", value=args.as_of))

    def action(db, lang, path):
        from app.models.crm import value

        params = value.ValueParams(as_of=as_of, window_days=args.window, retention=args.retention,
                                   discount=args.discount, inactive_days=args.inactive_days, k=args.segments)
        analysis = value.analyse(db, params)
        n = value.export_value(analysis, path, lang=lang)
        classes = analysis.table["proposed_class"].value_counts().to_dict() if n else {}
        print(t("value.written", lang, n=n, path=path, risk=len(analysis.risks),
                important=classes.get("important", 0), lost=classes.get("lost", 0)))
        return 0

    return _run(args, action, out=(".xlsx", ".csv"))

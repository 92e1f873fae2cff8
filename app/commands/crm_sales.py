"""Sales commands: ``qualitybridge sales pipeline`` (opportunities per stage with expected and
weighted revenue, the win rate) and ``qualitybridge sales reminders`` (what is due on a day:
open activities and opportunities' next steps, overdue marked). Read-only; one line per refusal.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from app.commands.common import fail, open_existing
from app.commands.messages import t

LANGS = ("zh_CN", "en")
STAGE_ZH = {"qualification": "资格确认", "needs_analysis": "需求分析", "proposal": "方案报价",
            "negotiation": "商务谈判", "won": "赢单", "lost": "丢单"}
STAGE_EN = {"qualification": "qualification", "needs_analysis": "needs analysis", "proposal": "proposal",
            "negotiation": "negotiation", "won": "won", "lost": "lost"}


def register(subparsers: argparse._SubParsersAction) -> None:
    sa = subparsers.add_parser("sales", help="sales: the pipeline by stage, reminders due")
    sub = sa.add_subparsers(dest="sales_command", metavar="COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)

    pi = sub.add_parser("pipeline", help="opportunities per stage: count, expected and weighted revenue, win rate")
    common(pi)
    pi.set_defaults(func=run_pipeline)
    re_ = sub.add_parser("reminders", help="reminders due on a day (default today), overdue marked")
    re_.add_argument("--date", default=None, metavar="YYYY-MM-DD")
    common(re_)
    re_.set_defaults(func=run_reminders)


def _lang(args) -> str:
    from app.commands.messages import language

    lang = getattr(args, "lang", None) or language()
    return lang if lang in LANGS else "en"


def _with_db(args, action) -> int:
    from app.models.core.database import DatabaseOpenError

    try:
        db = open_existing(args.db)
    except (DatabaseOpenError, FileNotFoundError) as exc:
        return fail(exc)
    try:
        return action(db, _lang(args))
    except DatabaseOpenError as exc:
        return fail(exc)
    finally:
        db.dispose()


def run_pipeline(args: argparse.Namespace) -> int:
    from app.models.crm import opportunities

    def action(db, lang):
        names = STAGE_ZH if lang == "zh_CN" else STAGE_EN
        for row in opportunities.pipeline(db):
            print(t("sales.stage", lang, stage=names[row.stage], n=row.count, expected=f"{row.expected:,.0f}",
                    weighted=f"{row.weighted:,.0f}"))
        rate = opportunities.win_rate(db)
        print(t("sales.win_rate", lang, rate="–" if rate is None else f"{rate * 100:.1f} %"))
        return 0

    return _with_db(args, action)


def run_reminders(args: argparse.Namespace) -> int:
    from app.models.crm import activities

    try:
        day = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return fail(t("sales.bad_date", _lang(args), value=args.date))

    def action(db, lang):
        due = activities.reminders(db, day)
        print(t("sales.reminders", lang, n=len(due), day=day.isoformat(), overdue=sum(r.overdue for r in due)))
        for r in due:
            key = "sales.reminder_overdue" if r.overdue else "sales.reminder"
            print(t(key, lang, day=r.on.isoformat(), subject=r.subject, customer=r.customer or "–"))
        return 0

    return _with_db(args, action)



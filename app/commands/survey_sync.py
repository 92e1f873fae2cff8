"""``survey sync-complaints``: store the closed complaints' handling ratings as answers of the
transaction survey TX-COMPLAINT (quarterly waves; see ``app.models.satisfaction.complaint_survey``)."""

from __future__ import annotations

import argparse

from app.commands.common import fail, open_existing
from app.commands.messages import t


def register_survey(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync-complaints", help="store closed complaints' handling ratings as transaction-survey answers")
    p.add_argument("--db", required=True, metavar="PATH")
    p.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied
    from app.models.core.database import DatabaseOpenError
    from app.models.satisfaction.complaint_survey import SURVEY_CODE, sync_complaint_ratings

    try:
        db = open_existing(args.db)
    except (DatabaseOpenError, AccessError) as exc:
        return fail(exc)
    try:
        r = sync_complaint_ratings(db)
    except (PermissionDenied, DatabaseOpenError) as exc:
        return fail(exc)
    finally:
        db.dispose()
    print(t("survey.synced", survey=SURVEY_CODE, total=r.total, stored=r.stored, updated=r.updated,
            moved=r.moved, waves=r.waves))
    return 0

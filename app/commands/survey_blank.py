"""``survey export-blank``: the blank questionnaire of a survey version as a printed form (.pdf)
or the workbook sent by e-mail (.xlsx, read back by ``survey import``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import bounded_int, fail, open_existing, warn_if_font_not_embedded
from app.commands.messages import language, t


def register_survey(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-blank", help="the blank questionnaire of a survey (PDF form or xlsx for e-mail)")
    p.add_argument("--db", required=True, metavar="PATH")
    p.add_argument("--survey", required=True, metavar="CODE")
    p.add_argument("--version", type=bounded_int(1, 10_000, "--version"), metavar="N",
                   help="a version number (default: the latest released)")
    p.add_argument("--out", required=True, metavar="F.pdf|F.xlsx")
    p.set_defaults(func=run_export_blank)


def run_export_blank(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.satisfaction.analysis import AnalysisError
    from app.models.satisfaction.questionnaire import load_questionnaire
    from app.reports import satisfaction_questionnaire as form

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        return fail(t("survey.blank_bad_out", path=args.out))
    if not out.parent.is_dir():
        return fail(t("folder_missing", folder=out.parent))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        q = load_questionnaire(db, args.survey, args.version)
    except AnalysisError as exc:
        return fail(exc)
    finally:
        db.dispose()
    try:
        if out.suffix.lower() == ".pdf":
            warn_if_font_not_embedded(form.write_questionnaire_pdf(q, out, lang=language()))
        else:
            form.write_questionnaire_xlsx(q, out, lang=language())
    except OSError as exc:
        return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
    print(t("survey.blank_written", survey=q.survey_code, version=q.version, path=args.out))
    return 0

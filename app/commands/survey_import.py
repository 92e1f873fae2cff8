"""``survey import``: an answer file (CSV/xlsx) into a stored wave — all rows or none, every bad
cell reported with its line and column; the scale is the survey's."""

from __future__ import annotations

import argparse

from app.commands.common import fail, open_existing, print_rejected
from app.commands.messages import t


def register_survey(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import an answer file (CSV/xlsx) into a survey wave")
    p.add_argument("--db", required=True, metavar="PATH")
    p.add_argument("--survey", required=True, metavar="CODE")
    p.add_argument("--wave", required=True, metavar="CODE")
    p.add_argument("--file", required=True, metavar="F.csv|F.xlsx")
    p.add_argument("--mapping", action="append", default=[], metavar="QUESTION=HEADER",
                   help="which column of the file holds a question (repeatable; also customer=HEADER, "
                        "contact=HEADER); remembered for the survey and used again when --mapping is not given")
    p.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.satisfaction import waves
    from app.models.satisfaction.analysis import AnalysisError
    from app.models.satisfaction.imports import AnswerImportError

    mapping: dict[str, str] = {}
    for item in args.mapping:
        key, sep, header = item.partition("=")
        if not sep or not key.strip() or not header.strip():
            return fail(t("usage", message=f"--mapping {item}: use QUESTION=HEADER", command="survey import "))
        mapping[key.strip()] = header.strip()
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        info, _items = waves.wave_questions(db, args.wave)
        if info.survey_code != args.survey.strip():
            return fail(t("survey.wave_of_other_survey", wave=args.wave, actual=info.survey_code, survey=args.survey))
        if not mapping:  # the mapping last used for this survey's imports (GUI or --mapping)
            from app.models.satisfaction.imports import read_header, remembered_mapping

            try:  # only the remembered columns this file has (the survey's own xlsx reads by code)
                header = set(read_header(args.file))
            except Exception:  # an unreadable file is reported by the import itself
                header = set()
            mapping = {k: v for k, v in remembered_mapping(db, info.survey_code).items() if v in header}
        n = waves.import_answers(db, args.wave, args.file, mapping=mapping or None)
    except AnswerImportError as exc:
        return print_rejected(args.file, exc)
    except AnalysisError as exc:
        return fail(exc)
    finally:
        db.dispose()
    print(t("survey.imported", n=n, wave=args.wave))
    return 0

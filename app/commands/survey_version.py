"""``survey version``: the versions of a stored survey without the design screen — ``list`` (number,
state, model, who released it), ``new`` (a draft copied from a released version, so the model and
tree can be edited by ``survey model`` and the design tab), ``release`` (every release check at once;
refused in one line listing them) and ``retire``. Each is one service call of
``app.models.satisfaction.design`` (``satisfaction.design``, one transaction, the audit trail)."""

from __future__ import annotations

import argparse

from app.commands.common import bounded_int, fail
from app.commands.messages import language, t
from app.commands.survey_model import Refusal, label, resolve_version, run_service, state_name


def register_survey(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("version", help="a survey's versions: list, new draft, release, retire")
    vsub = v.add_subparsers(dest="version_command", required=True, metavar="COMMAND")
    for name, helptext, func, number_help in (
            ("list", "the survey's versions and their states", run_list, None),
            ("new", "a new draft copied from a released version (default: the latest released)", run_new,
             "the version to copy (default: the latest released)"),
            ("release", "freeze a draft after the release checks", run_release, "the draft (default: the latest)"),
            ("retire", "retire a released version (its waves and answers stay)", run_retire,
             "the version (default: the latest released)")):
        p = vsub.add_parser(name, help=helptext)
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--survey", required=True, metavar="CODE")
        if number_help:
            p.add_argument("--version", type=bounded_int(1, 10_000, "--version"), metavar="N", help=number_help)
        p.set_defaults(func=func)


def _survey_id(db, code: str) -> int:
    from app.models.satisfaction import design

    row = next((s for s in design.list_surveys(db) if s.code == code), None)
    if row is None:
        raise Refusal(t("survey.survey_unknown", survey=code))
    return row.id


def _design(action):
    """Run ``action(db)``; a design refusal (a release check, a draft already there) in one line."""
    from app.models.satisfaction.design import DesignError, ReleaseRefused

    def act(db) -> int:
        try:
            return action(db)
        except ReleaseRefused as exc:
            lang = language()
            sep = "；" if lang == "zh_CN" else "; "
            return fail(t("satisfaction.wave.invalid", count=len(exc.problems),
                          summary=sep.join(p.text(lang) for p in exc.problems)))
        except DesignError as exc:
            return fail(exc.text(language()))
    return act


def run_list(args: argparse.Namespace) -> int:
    from app.models.satisfaction import design

    def act(db) -> int:
        sid = _survey_id(db, resolve_version(db, args.survey, None).survey_code)
        row = next(s for s in design.list_surveys(db) if s.id == sid)
        for v in sorted(row.versions, key=lambda x: x.version):
            print(t("survey.version.row", version=f"{row.code} v{v.version}", state=state_name(v.state),
                    model=v.model_kind.upper(), by=v.released_by or "—"))
        return 0

    return run_service(args, _design(act))


def run_new(args: argparse.Namespace) -> int:
    from app.models.satisfaction import design

    def act(db) -> int:
        src = resolve_version(db, args.survey, args.version, released=True)
        new = design.new_version(db, _survey_id(db, src.survey_code), src.id)
        print(t("survey.version.created", version=f"{src.survey_code} v{new.version}", source=label(src)))
        return 0

    return run_service(args, _design(act))


def run_release(args: argparse.Namespace) -> int:
    from app.models.satisfaction import design

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        design.release(db, v.id)
        print(t("survey.version.released", version=label(v)))
        return 0

    return run_service(args, _design(act))


def run_retire(args: argparse.Namespace) -> int:
    from app.models.satisfaction import design

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version, released=True)
        design.retire(db, v.id)
        print(t("survey.version.retired", version=label(v)))
        return 0

    return run_service(args, _design(act))

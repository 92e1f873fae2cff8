"""``survey wave``: wave planning without the Plan tab — ``list`` (code, survey/version, period,
state, targets, answers), ``plan`` (a released version, code, name, period and the target filters
of ``targets.TargetFilter``), ``targets add|remove`` while a wave is planned, ``open`` (refused
while the version's model has an error: the service's reason, listing them) and ``close``. Each
action is one call of ``app.models.satisfaction.campaigns`` (permission ``satisfaction.design``,
one transaction, audit trail) and prints one line; a refusal is one line naming the option."""

from __future__ import annotations

import argparse
import json
from datetime import date

from app.commands.common import bounded_int
from app.commands.messages import t
from app.commands.survey_model import NONE, Refusal, label, resolve_version, run_service, short, state_name, table

#: the service's field → this command's option ("" = the text names no option)
OPTIONS = {"version": "--version", "code": "--code", "name": "--name", "period_start": "--from",
           "period_end": "--to", "value_classes": "--value-class", "contact_groups": "--contact-group",
           "lifecycles": "--lifecycle", "filter": ""}


def _filters(p: argparse.ArgumentParser) -> None:
    from app.models.customers.tables import ContactGroup, Lifecycle, ValueClass

    p.add_argument("--value-class", action="append", default=[], choices=[v.value for v in ValueClass],
                   help="customers of this value class (repeatable: any of them)")
    p.add_argument("--industry", action="append", default=[], metavar="TEXT",
                   help="customers of this industry, as the customer master spells it (repeatable)")
    p.add_argument("--region", action="append", default=[], metavar="TEXT",
                   help="customers of this region, as the customer master spells it (repeatable)")
    p.add_argument("--contact-group", action="append", default=[], choices=[g.value for g in ContactGroup],
                   help="only the contacts in this group (repeatable: any of them)")
    p.add_argument("--lifecycle", action="append", default=[], choices=[lc.value for lc in Lifecycle],
                   help="customers in this lifecycle state (repeatable; default: current)")


def register_survey(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("wave", help="survey waves: list, plan with target filters, edit targets, open, close")
    wsub = w.add_subparsers(dest="wave_command", required=True, metavar="COMMAND")

    ls = wsub.add_parser("list", help="every wave: code, survey/version, period, state, targets, answers")
    ls.add_argument("--db", required=True, metavar="PATH")
    ls.add_argument("--json", action="store_true", help="print the waves as JSON")
    ls.set_defaults(func=run_list)

    plan = wsub.add_parser("plan", help="plan a wave of a released survey version with the targets the filters choose")
    plan.add_argument("--db", required=True, metavar="PATH")
    plan.add_argument("--survey", required=True, metavar="CODE")
    plan.add_argument("--version", type=bounded_int(1, 10_000, "--version"), metavar="N",
                      help="a version number (default: the latest released)")
    plan.add_argument("--code", required=True, metavar="WAVE", help="the wave's code (letters, digits, - _ .)")
    plan.add_argument("--name", default="", metavar="TEXT")
    plan.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="first day of the period")
    plan.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="last day of the period")
    _filters(plan)
    plan.set_defaults(func=run_plan)

    targets = wsub.add_parser("targets", help="add or remove the targets the filters choose (planned waves)")
    tsub = targets.add_subparsers(dest="targets_command", required=True, metavar="COMMAND")
    for verb, fn, text in (("add", run_targets_add, "add the targets the filters choose (those asked are kept)"),
                           ("remove", run_targets_remove, "remove the targets the filters choose")):
        p = tsub.add_parser(verb, help=text)
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--wave", required=True, metavar="WAVE")
        _filters(p)
        p.set_defaults(func=fn)

    for verb, fn, text in (("open", run_open, "start a planned wave (refused while its model has an error)"),
                           ("close", run_close, "close an open wave")):
        p = wsub.add_parser(verb, help=text)
        p.add_argument("--db", required=True, metavar="PATH")
        p.add_argument("--wave", required=True, metavar="WAVE")
        p.set_defaults(func=fn)


# ------------------------------------------------------------------------------------ helpers
def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise Refusal(t("survey.wave.bad_date", option=option, value=short(text))) from None


def target_filter(db, args: argparse.Namespace):
    """The ``TargetFilter`` of the options; an industry or region the customer master does not use
    is refused naming its option (the service would only find no one)."""
    from app.models.satisfaction.targets import TargetFilter, filter_choices

    known = filter_choices(db)
    industries = tuple(dict.fromkeys(v.strip() for v in args.industry))
    regions = tuple(dict.fromkeys(v.strip() for v in args.region))
    for option, values, choices in (("--industry", industries, known.industries), ("--region", regions, known.regions)):
        for value in values:
            if value not in choices:
                raise Refusal(t("survey.wave.unknown_value", option=option, value=short(value),
                                known=", ".join(choices) or NONE))
    kwargs = {}
    if args.lifecycle:
        kwargs["lifecycles"] = tuple(dict.fromkeys(args.lifecycle))
    return TargetFilter(value_classes=tuple(dict.fromkeys(args.value_class)), industries=industries, regions=regions,
                        contact_groups=tuple(dict.fromkeys(args.contact_group)), **kwargs)


def _row(db, code: str):
    from app.models.satisfaction import campaigns

    return next(w for w in campaigns.list_planning(db) if w.code.casefold() == code.strip().casefold())


# -------------------------------------------------------------------------------------- commands
def run_list(args: argparse.Namespace) -> int:
    from app.models.satisfaction import analysis, campaigns

    def act(db) -> int:
        answers = {w.id: w.respondents for w in analysis.list_waves(db)}
        rows = campaigns.list_planning(db)
        if args.json:
            print(json.dumps([{"code": w.code, "name": w.name, "survey": w.survey_code, "version": w.version,
                               "period_start": w.period_start.isoformat(), "period_end": w.period_end.isoformat(),
                               "state": w.state, "targets": w.targets, "answers": answers.get(w.id, 0)}
                              for w in rows], ensure_ascii=False, indent=1))
            return 0
        if not rows:
            print(t("survey.wave.none"))
            return 0
        head = t("survey.wave.columns").split("|")
        print("\n".join(table([head] + [[w.code, f"{w.survey_code} v{w.version}",
                                         f"{w.period_start.isoformat()} – {w.period_end.isoformat()}",
                                         state_name(w.state), str(w.targets), str(answers.get(w.id, 0))]
                                        for w in rows], indent="")))
        return 0

    return run_service(args, act)


def run_plan(args: argparse.Namespace) -> int:
    from app.models.satisfaction import campaigns

    def act(db) -> int:
        start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
        v = resolve_version(db, args.survey, args.version, released=True)
        flt = target_filter(db, args)
        row = campaigns.plan_wave(db, v.id, args.code, args.name, start, end, flt)
        print(t("survey.wave.planned", wave=row.code, version=label(v), start=row.period_start.isoformat(),
                end=row.period_end.isoformat(), n=row.targets))
        return 0

    return run_service(args, act, OPTIONS)


def _run_targets(args: argparse.Namespace, add: bool) -> int:
    from app.models.satisfaction import campaigns

    def act(db) -> int:
        change = campaigns.add_targets if add else campaigns.remove_targets
        n = change(db, args.wave, target_filter(db, args))
        row = _row(db, args.wave)
        print(t("survey.wave.targets_added" if add else "survey.wave.targets_removed", wave=row.code, n=n,
                total=row.targets))
        return 0

    return run_service(args, act, OPTIONS)


def run_targets_add(args: argparse.Namespace) -> int:
    return _run_targets(args, add=True)


def run_targets_remove(args: argparse.Namespace) -> int:
    return _run_targets(args, add=False)


def run_open(args: argparse.Namespace) -> int:
    from app.models.satisfaction import campaigns

    def act(db) -> int:
        campaigns.open_wave(db, args.wave)
        print(t("survey.wave.opened", wave=_row(db, args.wave).code))
        return 0

    return run_service(args, act, OPTIONS)


def run_close(args: argparse.Namespace) -> int:
    from app.models.satisfaction import campaigns

    def act(db) -> int:
        campaigns.close_wave(db, args.wave)
        print(t("survey.wave.closed", wave=_row(db, args.wave).code))
        return 0

    return run_service(args, act, OPTIONS)


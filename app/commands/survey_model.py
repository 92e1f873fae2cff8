"""``survey model``: the CSI model of a survey version without the editor screen — ``show`` (blocks,
paths, which block each indicator measures, the validation problems), ``validate`` (the problems
on stdout, one a line; while one is an error, a one-line summary on stderr and exit 1), and the edits of ``app.models.satisfaction.model``: ``template``,
``block add|rename|delete``, ``path add|delete``, ``assign``. Each edit is one service call (its
permission, transaction and audit trail) and prints one line saying what changed; a refused edit
(a released version is frozen, an unknown block, a repeated arrow …) prints the service's reason
in one line, naming the option it is about, and exits 1. ``--version`` defaults to the latest."""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping

from app.commands.common import bounded_int, fail, open_existing
from app.commands.messages import error_text, language, t

#: an unassigned indicator (or a missing label), in listings
NONE = "—"
_FIELD_PREFIX = re.compile(r"^[a-z][a-z_]*\s*[:：]\s*")
#: a typed value echoed in a refusal is cut to this many characters (the line stays readable)
ECHO_LIMIT = 60


def short(value: object) -> object:
    """``value`` as a refusal echoes it: a text longer than ECHO_LIMIT ends in "…"."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return value[:ECHO_LIMIT - 1] + "…"
    return value


# ------------------------------------------------------------------------------------- parser
def _target(p: argparse.ArgumentParser, *, version_help: str = "a version number (default: the latest)") -> None:
    p.add_argument("--db", required=True, metavar="PATH")
    p.add_argument("--survey", required=True, metavar="CODE")
    p.add_argument("--version", type=bounded_int(1, 10_000, "--version"), metavar="N", help=version_help)


def register_survey(sub: argparse._SubParsersAction) -> None:
    m = sub.add_parser("model", help="the CSI model of a survey version: show, validate, edit (template, blocks, "
                                     "paths, assignments)")
    msub = m.add_subparsers(dest="model_command", required=True, metavar="COMMAND")

    show = msub.add_parser("show", help="blocks, paths, the block each indicator measures, and the problems")
    _target(show)
    show.add_argument("--json", action="store_true", help="print the model as JSON")
    show.set_defaults(func=run_show)

    val = msub.add_parser("validate", help="the model's problems; exit 1 while it has an error")
    _target(val)
    val.set_defaults(func=run_validate)

    tpl = msub.add_parser("template", help="make the model a standard one (its blocks and paths replace the present)")
    _target(tpl)
    tpl.add_argument("--kind", required=True, choices=("ccsi", "acsi", "ecsi"))
    tpl.set_defaults(func=run_template)

    block = msub.add_parser("block", help="add, rename (or relabel) or delete a block (latent variable)")
    bsub = block.add_subparsers(dest="block_command", required=True, metavar="COMMAND")
    add = bsub.add_parser("add", help="add a block")
    _target(add)
    add.add_argument("--name", required=True, metavar="NAME", help="a letter, then letters, digits or _")
    add.add_argument("--label-zh", default="", metavar="TEXT", help="Chinese label")
    add.add_argument("--label-en", default="", metavar="TEXT", help="English label")
    add.set_defaults(func=run_block_add)
    ren = bsub.add_parser("rename", help="rename a block (its paths and indicators follow) and/or change its labels")
    _target(ren)
    ren.add_argument("--name", required=True, metavar="NAME", help="the block's present name")
    ren.add_argument("--new-name", metavar="NAME")
    ren.add_argument("--label-zh", metavar="TEXT", help="new Chinese label")
    ren.add_argument("--label-en", metavar="TEXT", help="new English label")
    ren.set_defaults(func=run_block_rename)
    dele = bsub.add_parser("delete", help="delete a block with its paths; its indicators measure nothing then")
    _target(dele)
    dele.add_argument("--name", required=True, metavar="NAME")
    dele.set_defaults(func=run_block_delete)

    path = msub.add_parser("path", help="add or delete an arrow between two blocks")
    psub = path.add_subparsers(dest="path_command", required=True, metavar="COMMAND")
    for verb, fn, text in (("add", run_path_add, "add the path FROM → TO"),
                           ("delete", run_path_delete, "delete the path FROM → TO")):
        p = psub.add_parser(verb, help=text)
        _target(p)
        p.add_argument("--from", dest="source", required=True, metavar="BLOCK")
        p.add_argument("--to", dest="target", required=True, metavar="BLOCK")
        p.set_defaults(func=fn)

    asg = msub.add_parser("assign", help="the block an indicator measures ('-' = none)")
    _target(asg)
    asg.add_argument("--item", required=True, metavar="CODE", help="the indicator's code (its answer column)")
    asg.add_argument("--block", required=True, metavar="NAME|-")
    asg.set_defaults(func=run_assign)


# ------------------------------------------------------------------------------------ helpers
class Refusal(Exception):
    """A problem this module finds itself (before any service call): its line is ``text``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text_line = text


def resolve_version(db, survey: str, version: int | None, *, released: bool = False):
    """The ``VersionChoice`` of ``survey`` (code, case-insensitive when not exact) and ``version``;
    without a number the latest (``released``: the latest released, else the latest)."""
    from app.models.satisfaction import model

    code = (survey or "").strip()
    every = model.list_versions(db)
    mine = [v for v in every if v.survey_code == code] or [v for v in every if v.survey_code.casefold() == code.casefold()]
    if not mine:
        raise Refusal(t("survey.survey_unknown", survey=short(code)))
    if version is not None:
        for v in mine:
            if v.version == version:
                return v
        raise Refusal(t("survey.option", option="--version", message=t("survey.no_version", survey=mine[0].survey_code,
                                                                       version=version)))
    if released:
        done = [v for v in mine if v.state == "released"]
        if done:
            return max(done, key=lambda v: v.version)
    return max(mine, key=lambda v: v.version)


def label(v) -> str:
    return f"{v.survey_code} v{v.version}"


def state_name(state: str) -> str:
    from app.models.satisfaction.model import localised

    return str(localised({"state": state}, language())["state"])


def refusal_text(exc: BaseException, options: Mapping[str, str]) -> str:
    """A service refusal in the run's language, naming the command's option it is about: the
    service's field (``name``, ``target``, ``period_end`` …) becomes ``options[field]``; an option
    of "" drops the field's name."""
    lang = language()
    problems = getattr(exc, "problems", None) or [exc]
    if len(problems) > 1:
        sep = "；" if lang == "zh_CN" else "; "
        return t("satisfaction.wave.invalid", count=len(problems), summary=sep.join(_named(p, options, lang)
                                                                                      for p in problems))
    return _named(exc, options, lang)


def _named(exc: BaseException, options: Mapping[str, str], lang: str) -> str:
    if callable(getattr(exc, "text", None)) and isinstance(getattr(exc, "params", None), dict):
        echoed = copy.copy(exc)  # the typed values it names, shortened
        echoed.params = {k: short(v) for k, v in exc.params.items()}
        text = echoed.text(lang)
    else:
        text = error_text(exc)
    field = getattr(exc, "field", "") or ""
    if field and field in options:
        text = _FIELD_PREFIX.sub("", text)  # the service's own field name ("name: …", "period_end：…")
        if options[field]:
            text = t("survey.option", option=options[field], message=text)
    return text


def run_service(args: argparse.Namespace, action: Callable, options: Mapping[str, str] | None = None) -> int:
    """Open the database, ``action(db)`` (which prints its result and returns the exit code), and say
    any refusal in one line: this module's own, a model or wave refusal (naming ``options``), a
    missing permission or an unusable database."""
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied
    from app.models.core.database import DatabaseOpenError
    from app.models.satisfaction.campaigns import WaveError
    from app.models.satisfaction.model import ModelError

    try:
        db = open_existing(args.db)
    except (DatabaseOpenError, AccessError) as exc:
        return fail(exc)
    try:
        return action(db)
    except Refusal as exc:
        return fail(exc.text_line)
    except (ModelError, WaveError) as exc:
        return fail(refusal_text(exc, options or {}))
    except (PermissionDenied, AccessError, DatabaseOpenError) as exc:
        return fail(exc)
    finally:
        db.dispose()


def width(text: str) -> int:
    """Columns a text takes on a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    """Rows as aligned columns (the last one unpadded)."""
    if not rows:
        return []
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = [c + " " * (widths[i] - width(c)) if i < len(r) - 1 else c for i, c in enumerate(r)]
        out.append((indent + "  ".join(cells)).rstrip())
    return out


# -------------------------------------------------------------------------------------- reading
def _view_dict(view, lang: str) -> dict:
    from app.models.satisfaction.model import problem_text

    return {"survey": view.survey_code, "version": view.version, "state": view.state, "model_kind": view.model_kind,
            "satisfaction": view.satisfaction, "valid": view.valid,
            "blocks": [{"name": b.name, "label_zh": b.label_zh, "label_en": b.label_en, "items": b.items}
                       for b in view.blocks],
            "paths": [[a, b] for a, b in view.paths],
            "indicators": [{"code": i.code, "text_zh": i.text_zh, "text_en": i.text_en, "block": i.block or None}
                           for i in view.items],
            "problems": [{"severity": p.severity, "key": p.key, "text": problem_text(p, lang)} for p in view.problems]}


def _problem_lines(view) -> list[str]:
    from app.models.satisfaction.model import problem_text

    lang = language()
    return [t("survey.model.problem", severity=t("survey.model.error" if p.is_error else "survey.model.warning"),
              text=problem_text(p, lang)) for p in view.problems]


def run_show(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        view = model.load_model(db, v.id)
        lang = language()
        if args.json:
            print(json.dumps(_view_dict(view, lang), ensure_ascii=False, indent=1))
            return 0
        kind = t("survey.model.kind_custom") if view.model_kind == "custom" else view.model_kind.upper()
        print(t("survey.model.head", version=label(v), state=state_name(view.state), kind=kind,
                satisfaction=view.satisfaction or NONE))
        print(t("survey.model.blocks", n=len(view.blocks)))
        print("\n".join(table([[b.name, b.label_zh or NONE, b.label_en or NONE, t("survey.model.items", n=b.items)]
                               for b in view.blocks])) or "  " + t("survey.model.none"))
        print(t("survey.model.paths", n=len(view.paths)))
        print("\n".join(table([[f"{a} → {b}"] for a, b in view.paths])) or "  " + t("survey.model.none"))
        print(t("survey.model.indicators", n=len(view.items)))
        print("\n".join(table([[i.code, i.block or NONE, (i.text_zh if lang == "zh_CN" else i.text_en)
                                or i.text_zh or i.text_en] for i in view.items])) or "  " + t("survey.model.none"))
        errors = sum(p.is_error for p in view.problems)
        print(t("survey.model.problems", errors=errors, warnings=len(view.problems) - errors))
        for line in _problem_lines(view):
            print(f"  {line}")
        if not errors:
            print("  " + t("satisfaction.model.valid"))
        return 0

    return run_service(args, act)


def run_validate(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        view = model.load_model(db, v.id)
        for line in _problem_lines(view):
            print(line)
        errors = sum(p.is_error for p in view.problems)
        if errors:
            print(t("error", message=t("survey.model.invalid", version=label(v), n=errors)), file=sys.stderr)
            return 1
        print(t("survey.model.valid", version=label(v), warnings=len(view.problems)))
        return 0

    return run_service(args, act)


# ---------------------------------------------------------------------------------------- edits
def run_template(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        model.apply_template(db, v.id, args.kind)
        view = model.load_model(db, v.id)
        print(t("survey.model.template_applied", version=label(v), kind=args.kind.upper(), blocks=len(view.blocks),
                paths=len(view.paths), errors=sum(p.is_error for p in view.problems)))
        return 0

    return run_service(args, act, {"model_kind": "--kind"})


def run_block_add(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        model.add_block(db, v.id, args.name, args.label_zh, args.label_en)
        print(t("survey.model.block_added", version=label(v), block=args.name.strip(),
                zh=args.label_zh.strip() or NONE, en=args.label_en.strip() or NONE))
        return 0

    return run_service(args, act, {"name": "--name", "label_zh": "--label-zh", "label_en": "--label-en"})


def run_block_rename(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    if args.new_name is None and args.label_zh is None and args.label_en is None:
        return fail(t("survey.model.rename_nothing"))

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        model.update_block(db, v.id, args.name.strip(), new_name=args.new_name, label_zh=args.label_zh,
                           label_en=args.label_en)
        name = (args.new_name or args.name).strip()
        block = next(b for b in model.load_model(db, v.id).blocks if b.name == name)
        if args.new_name is not None and args.new_name.strip() != args.name.strip():
            print(t("survey.model.block_renamed", version=label(v), old=args.name.strip(), new=name,
                    zh=block.label_zh or NONE, en=block.label_en or NONE))
        else:
            print(t("survey.model.block_relabelled", version=label(v), block=name, zh=block.label_zh or NONE,
                    en=block.label_en or NONE))
        return 0

    return run_service(args, act, {"name": "--name", "new_name": "--new-name", "label_zh": "--label-zh",
                                   "label_en": "--label-en"})


def run_block_delete(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        name = args.name.strip()
        before = model.load_model(db, v.id)
        model.delete_block(db, v.id, name)
        print(t("survey.model.block_deleted", version=label(v), block=name,
                paths=sum(name in p for p in before.paths), items=sum(i.block == name for i in before.items)))
        return 0

    return run_service(args, act, {"name": "--name"})


def run_path_add(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        source, target = args.source.strip(), args.target.strip()
        model.add_path(db, v.id, source, target)
        cycle = any(p.key == "satisfaction.model.cycle" for p in model.validate_model(db, v.id))
        print(t("survey.model.path_added", version=label(v), source=source, target=target,
                note=t("survey.model.path_cycle") if cycle else ""))
        return 0

    return run_service(args, act, {"name": "--from", "target": "--to"})


def run_path_delete(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        source, target = args.source.strip(), args.target.strip()
        model.delete_path(db, v.id, source, target)
        print(t("survey.model.path_deleted", version=label(v), source=source, target=target))
        return 0

    return run_service(args, act, {"name": "--from", "target": "--to"})


def run_assign(args: argparse.Namespace) -> int:
    from app.models.satisfaction import model

    def act(db) -> int:
        v = resolve_version(db, args.survey, args.version)
        code = args.item.strip()
        items = model.load_model(db, v.id).items
        item = next((i for i in items if i.code == code), None) or \
            next((i for i in items if i.code.casefold() == code.casefold()), None)
        if item is None:
            raise Refusal(t("survey.option", option="--item", message=t("survey.model.no_item", version=label(v),
                                                                        item=short(code))))
        block = "" if args.block.strip() == "-" else args.block.strip()
        model.assign(db, item.node_id, block)
        if block:
            print(t("survey.model.assigned", version=label(v), item=item.code, block=block, old=item.block or NONE))
        else:
            print(t("survey.model.unassigned", version=label(v), item=item.code, old=item.block or NONE))
        return 0

    return run_service(args, act, {"name": "--block", "node": "--item"})

"""``csi`` and ``kano`` subcommands: satisfaction-index models and Kano classification on a
survey file, without opening the GUI (issue 4). Bad input prints one line naming the file line
(header = line 1) and column and returns 1; results go to stdout as text or ``--json``, with the
engine's warnings (an inferred scale, collinear causes) in both. The rating scale comes from
``--scale`` or the model file's ``"scale"``; it is inferred from the answers only when neither
exists, and then the output says so and from what."""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from app.commands.common import bounded_int, fail, finite_float
from app.commands.messages import t

LABELS = {
    "en": {"model": "Model", "scheme": "inner scheme", "iterations": "iterations",
           "paths": "Path coefficients", "r2": "R²", "index": "Index (0–100)",
           "weights": "Outer weights", "loading": "loading", "gof": "GoF", "se": "SE",
           "interval": "interval", "attribute": "attribute", "category": "category",
           "better": "Better", "worse": "Worse", "tie": "tie",
           "fong_note": "* the top two categories do not differ significantly (Fong test)",
           "scale": "scale", "inferred": "inferred from the answers", "bootstrap": "Bootstrap",
           "given": "given with --scale", "declared": "declared by the model", "warnings": "Warnings",
           "notes": "Notes", "resamples": "resamples", "used": "used", "discarded": "discarded",
           "sign_correction": "sign correction", "flipped": "flipped in"},
    "zh_CN": {"model": "模型", "scheme": "内部权重方案", "iterations": "迭代次数",
              "paths": "路径系数", "r2": "R²", "index": "指数 (0–100)", "weights": "外部权重",
              "loading": "载荷", "gof": "拟合优度 GoF", "se": "标准误", "interval": "区间",
              "attribute": "属性", "category": "类别", "better": "Better 系数",
              "worse": "Worse 系数", "tie": "并列",
              "fong_note": "* 前两类差异不显著（Fong 检验）",
              "scale": "量表", "inferred": "由答案推断", "bootstrap": "自助法",
              "given": "由 --scale 指定", "declared": "模型声明", "warnings": "警告",
              "notes": "说明", "resamples": "次重抽样", "used": "有效", "discarded": "舍弃",
              "sign_correction": "符号校正", "flipped": "翻转"},
}



def register(subparsers: argparse._SubParsersAction) -> None:
    csi = subparsers.add_parser(
        "csi", help="satisfaction index by PLS path modelling (CCSI/ACSI/ECSI or a model file)")
    csi.add_argument("--data", required=True, metavar="F.csv", help="survey answers, one row per respondent")
    csi.add_argument("--model", default="ccsi", metavar="ccsi|acsi|ecsi|MODEL.json",
                     help='built-in model or JSON {"blocks": {"LV": [columns]}, "paths": [[from, to]]}')
    csi.add_argument("--scheme", choices=("path", "centroid", "factorial"), default="path")
    csi.add_argument("--scale", nargs=2, type=finite_float, metavar=("MIN", "MAX"),
                     help="rating scale of the questions (default: the model's declared scale; "
                          "inferred from the answers, with a warning, only when the model has none)")
    csi.add_argument("--bootstrap", nargs="?", type=bounded_int(0, 100_000, "--bootstrap"), const=500, default=None,
                     metavar="N",
                     help="bootstrap the path coefficients with N resamples (default 500)")
    csi.add_argument("--seed", type=bounded_int(0, 2 ** 32 - 1, "--seed"), default=None,
                     help="random seed for the bootstrap")
    csi.add_argument("--max-iter", type=bounded_int(1, 100_000, "--max-iter"), default=300,
                     help="iteration limit (default 300)")
    csi.add_argument("--json", action="store_true", help="print the result as JSON")
    csi.add_argument("--lang", choices=tuple(LABELS), default=argparse.SUPPRESS)
    csi.set_defaults(func=run_csi)

    kano = subparsers.add_parser("kano", help="Kano classification of functional/dysfunctional answers")
    kano.add_argument("--data", required=True, metavar="F.csv",
                      help="columns attribute, functional, dysfunctional (answers 1–5 or words)")
    kano.add_argument("--attribute", default="attribute", help="column naming the attribute")
    kano.add_argument("--functional", default="functional", help="column with the functional answer")
    kano.add_argument("--dysfunctional", default="dysfunctional", help="column with the dysfunctional answer")
    kano.add_argument("--json", action="store_true", help="print the result as JSON")
    kano.add_argument("--lang", choices=tuple(LABELS), default=argparse.SUPPRESS)
    kano.set_defaults(func=run_kano)

    survey = subparsers.add_parser("survey", help="stored satisfaction surveys: analyse a wave (and the commands "
                                                  "the satisfaction modules add)")
    survey_sub = survey.add_subparsers(dest="survey_command", required=True, metavar="COMMAND")
    register_survey_commands(survey_sub)


def register_survey_commands(survey_sub: argparse._SubParsersAction) -> None:
    """Every ``app/commands/survey_*.py`` module adds its subcommands under ``survey`` through
    ``register_survey(subparsers)`` (those modules define no ``register`` of their own)."""
    import importlib
    import pkgutil

    import app.commands as commands_pkg

    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("survey_"):
            module = importlib.import_module(f"app.commands.{info.name}")
            getattr(module, "register_survey")(survey_sub)


# ---------------------------------------------------------------------------------------------
def read_survey(path: str, *, dtype=None):
    """Read a CSV (UTF-8 with or without BOM, else GB18030 as written by Chinese Excel). An
    unnamed first column (R/pandas row index, like mobi.csv) becomes the index.

    ``df.attrs["lines"]`` holds the 1-based line of the file on which each data row starts
    (header = line 1; blank lines skipped and quoted line breaks counted as the reader does), so
    an error can point at the line a user sees in an editor."""
    import pandas as pd

    file = Path(path)
    if not file.is_file():
        raise ValueError(t("survey.not_found", path=path))
    last = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            df = pd.read_csv(file, encoding=enc, dtype=dtype, skipinitialspace=True)
            break
        except UnicodeDecodeError as exc:
            last = exc
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise ValueError(t("survey.unreadable", path=path, detail=(str(exc).strip().splitlines() or [""])[0])) \
                from None
    else:
        raise ValueError(t("survey.encoding", path=path))
    if len(df.columns) and (str(df.columns[0]).startswith("Unnamed") or str(df.columns[0]).strip() == ""):
        df = df.drop(columns=df.columns[0])
    df.columns = [str(c).strip() for c in df.columns]
    df = df.reset_index(drop=True)
    df.attrs["lines"] = _record_lines(file.read_bytes().decode(enc, errors="replace"), len(df))
    return df


def _record_lines(text: str, rows: int) -> list[int] | None:
    # Start line of every data record as pandas counts records (blank lines skipped); None when
    # the two readers disagree, and callers then assume one line per record.
    import csv
    import io

    starts, previous_end = [], 0
    reader = csv.reader(io.StringIO(text))
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if record and any(cell.strip() for cell in record) or (record and len(record) > 1):
                starts.append(start)
    except csv.Error:
        return None
    starts = starts[1:]                                  # the header
    return starts if len(starts) == rows else None


def _line(df, row: int) -> int:
    lines = df.attrs.get("lines") if df is not None else None
    return lines[row - 1] if lines and 1 <= row <= len(lines) else row + 1


def _fail_at_line(exc: Exception, df) -> int:
    """One line on stderr; a cell error names the file line (header = line 1) and the column."""
    row, column, detail = (getattr(exc, k, None) for k in ("row", "column", "detail"))
    if row is not None and column is not None and detail is not None:
        return fail(f"line {_line(df, row)} (data row {row}), column '{column}': {detail}")
    return fail(exc)


def _clean(obj):
    # JSON has no NaN/Infinity: undefined numbers become null.
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    return obj



def _lang(args) -> str:
    # --lang may be given before the subcommand (global) or after it; English by default.
    lang = getattr(args, "lang", None) or "en"
    return lang if lang in LABELS else "en"


def run_csi(args: argparse.Namespace) -> int:
    from app.engines import pls
    from app.engines.satisfaction import SurveyDataError

    df = None
    try:
        df = read_survey(args.data)
        model = pls.load_model(args.model)
        scale = tuple(args.scale) if args.scale else None
        if args.bootstrap is not None and args.bootstrap < 2:
            raise ValueError("--bootstrap needs at least 2 resamples")
        result = pls.pls_fit(df, model, scheme=args.scheme, scale=scale, max_iter=args.max_iter)
        boot = None
        if args.bootstrap:
            boot = pls.bootstrap(df, model, resamples=args.bootstrap, seed=args.seed,
                                 scheme=args.scheme, scale=scale, max_iter=args.max_iter)
    except (SurveyDataError, pls.ModelError, pls.ConvergenceError, ValueError) as exc:
        return _fail_at_line(exc, df)
    out = result.to_dict()
    if result.scale_source == "inferred" and result.warnings and df is not None:
        # the engine counts data rows; the file's reader sees lines
        out["warnings"][0] = _rows_to_lines(out["warnings"][0], df)
    if boot is not None:
        out["bootstrap"] = boot.to_dict()
    for lv, msg in out["index_errors"].items():
        print(t("warning", message=msg), file=sys.stderr)
    if args.json:
        print(json.dumps(_clean(out), ensure_ascii=False, indent=2))
        return 0
    lab = LABELS[_lang(args)]
    lo, hi = out["scale"]
    how = {"inferred": lab["inferred"], "given": lab["given"], "model": lab["declared"]}[out["scale_source"]]
    print(f"{lab['model']}: {out['model']}  {lab['scheme']}: {out['scheme']}  "
          f"{lab['iterations']}: {out['iterations']}  {lab['gof']}: {out['gof']:.4f}  "
          f"{lab['scale']}: {lo:g}–{hi:g} ({how})")
    if out["warnings"]:
        print(f"\n{lab['warnings']}")
        for message in out["warnings"]:
            print(f"  ! {message}")
    if out["orientation"]["flipped"]:
        print(f"\n{lab['notes']}")
        for message in out["notes"]:
            print(f"  {message}")
    print(f"\n{lab['paths']}")
    for key, value in out["paths"].items():
        line = f"  {key:<40} {value:>9.4f}"
        if boot is not None:
            row = out["bootstrap"]["paths"][key]
            line += (f"   {lab['se']} {row['se']:.4f}  t {row['t']:.2f}  "
                     f"{lab['interval']} [{row['lower']:.4f}, {row['upper']:.4f}]")
        print(line)
    if boot is not None:
        b = out["bootstrap"]
        flips = ", ".join(f"{lv} {k}" for lv, k in b["sign_flips"].items() if k)
        print(f"  {lab['bootstrap']}: {b['resamples']} {lab['resamples']} ({lab['used']} {b['used']}, "
              f"{lab['discarded']} {b['discarded']}); {lab['sign_correction']}: construct level"
              + (f" ({lab['flipped']} {flips})" if flips else ""))
    print(f"\n{lab['r2']}")
    for key, value in out["r2"].items():
        print(f"  {key:<24} {value:>9.4f}")
    print(f"\n{lab['index']}")
    for key, value in out["index"].items():
        print(f"  {key:<24} " + ("        —" if value is None else f"{value:>9.2f}"))
    print(f"\n{lab['weights']} ({lab['loading']})")
    for key, value in out["outer_weights"].items():
        print(f"  {key:<24} {value:>9.4f}  ({out['loadings'][key]:.4f})")
    return 0


def _rows_to_lines(message: str, df) -> str:
    # "row 3, column 'X'" in an engine message about the file → "line 4, column 'X'"
    import re

    return re.sub(r"\brow (\d+), column", lambda m: f"line {_line(df, int(m.group(1)))}, column", message)


def run_kano(args: argparse.Namespace) -> int:
    from app.engines import kano

    df = None
    try:
        df = read_survey(args.data, dtype=str)
        lower = {c.lower(): c for c in df.columns}
        cols = [lower.get(name.lower(), name) for name in (args.attribute, args.functional, args.dysfunctional)]
        results = kano.kano_survey(df, *cols)
    except (kano.KanoInputError, ValueError) as exc:
        return _fail_at_line(exc, df)
    if args.json:
        out = {"rows": int(len(df)),
               "attributes": {r.attribute: {k: v for k, v in r.to_dict().items() if k != "attribute"}
                              for r in results}}
        print(json.dumps(_clean(out), ensure_ascii=False, indent=2))
        return 0
    t = LABELS[_lang(args)]
    lang_i = 1 if _lang(args) == "zh_CN" else 0
    print(f"{t['attribute']:<24} " + " ".join(f"{c:>4}" for c in kano.CATEGORIES)
          + f"  {t['category']:<24} {t['better']:>8} {t['worse']:>8}")
    for r in results:
        name = kano.CATEGORY_NAMES[r.category][lang_i]
        flag = f" ({t['tie']})" if r.tie else ("" if r.significant else " *")
        fmt = lambda v: "       —" if v is None else f"{v:>8.3f}"  # noqa: E731 - local formatter
        print(f"{r.attribute:<24} " + " ".join(f"{r.counts[c]:>4}" for c in kano.CATEGORIES)
              + f"  {r.category} {name + flag:<22} {fmt(r.better)} {fmt(r.worse)}")
    print(t["fong_note"])
    return 0

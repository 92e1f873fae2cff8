"""``survey analyse``: the analysis of a stored wave (weighted CSI, PLS with bootstrap, IPA, Kano,
NPS) as text, JSON or a workbook; ``survey trend``: the index over the survey's waves."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from app.commands.common import bounded_int, fail, open_existing
from app.commands.messages import language, t


def register_survey(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser("analyse", help="analyse a stored survey wave (CSI, PLS with bootstrap, IPA, Kano, NPS)")
    a.add_argument("--db", required=True, metavar="PATH")
    a.add_argument("--survey", required=True, metavar="CODE")
    a.add_argument("--wave", required=True, metavar="CODE")
    a.add_argument("--bootstrap", type=bounded_int(0, 100_000, "--bootstrap"), default=500, metavar="N",
                   help="bootstrap resamples of the path coefficients (default 500; 0 = none)")
    a.add_argument("--seed", type=bounded_int(0, 2 ** 32 - 1, "--seed"), default=2026)
    a.add_argument("--out", metavar="FILE", help="write the satisfaction report (.pdf), the tables (.xlsx, one sheet "
                                                 "per part) or .json")
    a.add_argument("--json", action="store_true", help="print the result as JSON")
    a.set_defaults(func=run_analyse)


def _f(x, nd: int = 1) -> str:
    return "—" if x is None or (isinstance(x, float) and not math.isfinite(x)) else f"{x:.{nd}f}"


def _as_dict(result) -> dict:
    from app.reports.satisfaction_tables import sheets

    # for programs: the same keys whatever --lang the person running it reads (English names)
    return {title: [dict(zip([h or "value" for h in header], row)) for row in rows]
            for title, header, rows in sheets(result, "en")}


def run_analyse(args: argparse.Namespace) -> int:
    from app.models.core.database import DatabaseOpenError
    from app.models.satisfaction import analysis

    out = Path(args.out) if args.out else None
    if out is not None:
        if out.suffix.lower() not in (".xlsx", ".json", ".pdf"):
            return fail(t("survey.analysis_bad_out", path=args.out))
        if not out.parent.is_dir():
            return fail(t("folder_missing", folder=out.parent))
    try:
        db = open_existing(args.db)
    except DatabaseOpenError as exc:
        return fail(exc)
    try:
        data = analysis.load_wave(db, args.wave)
        if data.survey_code != args.survey.strip():
            return fail(t("survey.wave_of_other_survey", wave=args.wave, actual=data.survey_code, survey=args.survey))
        result = analysis.analyse_wave(db, args.wave, resamples=args.bootstrap, seed=args.seed)
        trend = analysis.trend(db, data.survey_code) if out is not None and out.suffix.lower() == ".pdf" else None
    except analysis.AnalysisError as exc:
        return fail(exc)
    finally:
        db.dispose()
    lang = language()
    if out is not None:
        try:
            if out.suffix.lower() == ".pdf":
                from app.commands.common import warn_if_font_not_embedded
                from app.reports.satisfaction_report import write_report

                warn_if_font_not_embedded(write_report(result, trend, out, lang=lang))
            elif out.suffix.lower() == ".xlsx":
                from app.reports.satisfaction_tables import write_analysis_xlsx

                write_analysis_xlsx(result, out, lang)
            else:
                out.write_text(json.dumps(_as_dict(result), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        except OSError as exc:
            return fail(t("cannot_write", path=args.out, reason=exc.strerror or exc))
        print(t("survey.analysis_written", wave=data.wave_code, path=args.out))
        return 0
    if args.json:
        print(json.dumps(_as_dict(result), ensure_ascii=False, indent=1, default=str))
        return 0
    _print(result, lang)
    return 0


def _print(result, lang: str) -> None:
    from app.reports.satisfaction_tables import check_text, words

    w = words(lang)
    d = result.data
    rate = "—" if result.response_rate is None else f"{100 * result.response_rate:.1f} %"
    print(t("survey.analysis_head", wave=d.wave_code, survey=d.survey_code, n=d.n, targets=d.targets, rate=rate))
    if result.csi is not None:
        top = next(iter(result.node_ci.values()), None)
        print(t("survey.analysis_csi", index=_f(result.csi.index), low=_f(top.low if top else None),
                high=_f(top.high if top else None)))
    if result.pls is not None:
        labels = (d.model or {}).get("labels", {})
        print(t("survey.analysis_pls", model=str(d.model.get("name", "")).upper(), rows=result.pls_rows))
        for lv in result.pls.model.blocks:
            ci = result.latent_ci.get(lv)
            r2 = result.pls.r2.get(lv)
            print(t("survey.analysis_latent", name=labels.get(lv, {}).get("zh_CN" if lang == "zh_CN" else "en", lv),
                    index=_f(ci.index if ci else None), low=_f(ci.low if ci else None), high=_f(ci.high if ci else None),
                    r2="" if r2 is None or (isinstance(r2, float) and math.isnan(r2)) else f", R² {r2:.3f}"))
        boot = result.boot.paths if result.boot is not None else None
        for key, coef in result.pls.paths.items():
            ci = ""
            if boot is not None and key in boot.index:
                ci = f"  [{boot.loc[key, 'lower']:.3f}, {boot.loc[key, 'upper']:.3f}]"
            print(t("survey.analysis_path", path=key, coef=f"{coef:.4f}", ci=ci))
        for _level, key, params in result.checks:
            print(f"  {check_text(key, params, lang)}")
    for name, row in result.priorities(3).iterrows():
        print(t("survey.analysis_priority", item=f"{name} {d.label(name, lang)}".strip(),
                importance=_f(row["importance"], 3), performance=_f(row["performance"])))
    for k in result.kano:
        print(t("survey.analysis_kano", attribute=d.label(k.attribute, lang), category=w["kano_names"].get(k.category, k.category),
                better=_f(k.better, 2), worse=_f(k.worse, 2)))
    if result.nps is not None:
        print(t("survey.analysis_nps", nps=_f(result.nps), **result.nps_counts))
    for p in result.problems:
        print(t("survey.analysis_problem", detail=p))

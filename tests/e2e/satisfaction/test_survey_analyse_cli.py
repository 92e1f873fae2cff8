"""``qualitybridge survey analyse`` on a database file with a stored mobi-shaped ECSI wave: the
text names the published SmartPLS path, the workbook has one sheet per part, Chinese under
--lang zh_CN, one line for every refusal."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from app.cli import main
from app.models.core.database import open_database
from tests.models.satisfaction.world import MOBI, store_wave


@pytest.fixture(scope="module")
def wave_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("survey") / "s.sqlite3"
    from app.models.admin.identity import Actor

    db = open_database(path)
    db.actor = Actor.system_job("pytest")
    store_wave(db, pd.read_csv(MOBI, index_col=0), kano=[(1, 5), (1, 4)], nps=[10, 9, 6])
    db.dispose()
    return path


def test_text_json_and_workbook(wave_db, tmp_path, capsys):
    assert main(["survey", "analyse", "--db", str(wave_db), "--survey", "ECSI", "--wave", "W1", "--bootstrap", "50"]) == 0
    out = capsys.readouterr().out
    assert "250 respondent(s)" in out and "Quality->Satisfaction: 0.5120" in out and "NPS" in out
    assert main(["survey", "analyse", "--db", str(wave_db), "--survey", "ECSI", "--wave", "W1", "--bootstrap", "0",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    paths = {r["Path"]: r["Coefficient"] for r in data["Path coefficients"]}
    assert paths["Image->Expectation"] == pytest.approx(0.5049, abs=1e-4)
    # JSON is for programs: the same keys under --lang zh_CN, no empty key
    assert main(["--lang", "zh_CN", "survey", "analyse", "--db", str(wave_db), "--survey", "ECSI", "--wave", "W1",
                 "--bootstrap", "0", "--json"]) == 0
    zh = json.loads(capsys.readouterr().out)
    assert zh.keys() == data.keys() and all("" not in row for rows in zh.values() for row in rows)
    xlsx = tmp_path / "a.xlsx"
    assert main(["--lang", "zh_CN", "survey", "analyse", "--db", str(wave_db), "--survey", "ECSI", "--wave", "W1",
                 "--bootstrap", "20", "--out", str(xlsx)]) == 0
    assert "已写入" in capsys.readouterr().out
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:3] == ["概况", "指标", "维度"] and "路径系数" in wb.sheetnames and "Kano" in wb.sheetnames
    assert wb["路径系数"]["A1"].value == "路径"


@pytest.mark.parametrize("argv, expected", [
    (["--wave", "W9"], "there is no survey wave W9"),
    (["--survey", "OTHER"], "wave W1 belongs to survey ECSI, not OTHER"),
    (["--out", "x.txt"], "x.txt: the analysis is written as .pdf (report), .xlsx or .json"),
    (["--out", "/no/such/dir/x.xlsx"], "/no/such/dir"),
])
def test_refusals_are_one_line(wave_db, capsys, argv, expected):
    base = {"--db": str(wave_db), "--survey": "ECSI", "--wave": "W1"}
    for k in range(0, len(argv), 2):
        base[argv[k]] = argv[k + 1]
    args = [x for kv in base.items() for x in kv]
    assert main(["survey", "analyse", *args]) == 1
    err = capsys.readouterr().err.strip()
    assert expected in err and len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang, words", [
    ("zh_CN", ["顾客满意度分析报告", "PLS 路径图", "优先改进事项", "回收率", "加权满意度指数", "PLS 潜变量指数",
               # the five charts, each with its caption
               "方框内为 R²", "阴影为 95% 置信区间", "重要性-绩效分析", "横轴为重要性", "Kano Better–Worse 图",
               "横轴为 |Worse|", "NPS 分布", "推荐意愿 0–10 分的答卷数", "推荐意愿分布（NPS = +33.6，n = 250）",
               "各组按差距排序"]),
    ("en", ["Customer satisfaction report", "PLS path diagram", "Priorities for action", "response rate",
            "Weighted CSI", "PLS latent index", "Index (0–100)", "R² inside each box", "Shaded: 95 % confidence",
            "Importance–performance analysis", "Importance across, performance", "Kano Better–Worse chart",
            "|Worse| across, Better up", "NPS distribution", "Answers 0–10 to the recommendation question",
            "Likelihood to recommend (NPS = +33.6, n = 250)", "A change is marked when", "each group by its gap"])])
def test_report_pdf_in_both_languages(wave_db, tmp_path, capsys, lang, words):
    import re
    import subprocess

    _second_wave(wave_db)  # a second wave, so the report has its trend chart too
    out = tmp_path / f"r-{lang}.pdf"
    assert main(["--lang", lang, "survey", "analyse", "--db", str(wave_db), "--survey", "ECSI", "--wave", "W2",
                 "--bootstrap", "30", "--out", str(out)]) == 0
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    for w in words:
        assert w in text, w
    assert "0.512" in text  # Quality → Satisfaction, the published SmartPLS path
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "TrueType" in line]
    assert cjk and all(" yes " in line for line in cjk)


def _second_wave(path):
    from datetime import date

    from sqlalchemy import select

    from app.models.admin.identity import Actor
    from app.models.satisfaction.tables import Wave

    db = open_database(path)
    db.actor = Actor.system_job("pytest")
    with db.read() as s:
        if s.scalars(select(Wave).where(Wave.code == "W2")).first() is not None:
            db.dispose()
            return
        first = s.scalars(select(Wave).where(Wave.code == "W1")).one()
        version_id = first.version_id
    from app.models.satisfaction.tables import SurveyVersion

    with db.read() as s:
        survey_id = s.get(SurveyVersion, version_id).survey_id
    store_wave(db, pd.read_csv(MOBI, index_col=0), code="W2", survey_id=survey_id, version_id=version_id,
               end=date(2026, 6, 30), kano=[(1, 5), (1, 4)], nps=[10, 9, 6])
    db.dispose()


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_kano_wave_report_has_no_pls_text(demo_db, tmp_path, capsys, lang):
    """A Kano study has no PLS model and no importance questions: its report says how Kano works,
    draws the Better–Worse chart, and prints neither the PLS method sentence nor an empty index
    table nor the priorities."""
    import re
    import subprocess

    out = tmp_path / f"k-{lang}.pdf"
    assert main(["--lang", lang, "survey", "analyse", "--db", str(tmp_path / "demo.sqlite3"), "--survey", "KANO",
                 "--wave", _kano_wave(demo_db), "--out", str(out)]) == 0
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    if lang == "en":
        assert "Kano: each attribute" in text and "Kano Better–Worse chart" in text and "|Worse| across" in text
        for gone in ("PLS", "bootstrap", "Satisfaction indices", "Weighted CSI", "Priorities for action",
                     "Importance–performance"):
            assert gone not in text, gone
    else:
        assert "Kano 分析：" in text and "Kano Better–Worse 图" in text
        for gone in ("PLS", "自助法", "满意度指数", "优先改进事项", "重要性-绩效"):
            assert gone not in text, gone


def _kano_wave(db) -> str:
    from sqlalchemy import select

    from app.models.satisfaction.tables import Survey, SurveyVersion, Wave

    with db.read() as s:
        codes = s.scalars(select(Wave.code).join(SurveyVersion, Wave.version_id == SurveyVersion.id)
                          .join(Survey, SurveyVersion.survey_id == Survey.id)
                          .where(Survey.code == "KANO", Wave.state == "closed")).all()
    assert codes, "the demo has a closed Kano wave"
    return codes[0]

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
    (["--out", "x.pdf"], "x.pdf: the analysis is written as .xlsx or .json"),
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

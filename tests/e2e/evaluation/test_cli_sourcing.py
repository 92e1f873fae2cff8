"""``qualitybridge sourcing`` as a user runs it (a subprocess) on the demo database: the text
table, JSON, the exported files read back, and one error line for every bad input."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.models.core.database import open_database
from app.models.evaluation.sourcing import sourcing_plan
from app.reports import pdf
from app.reports.sourcing import strategy_text

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo_path(demo_db_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    open_database(path).dispose()  # migrate once, so the subprocesses below only read
    return path


def _period(path) -> str:
    return sqlite3.connect(path).execute("SELECT MAX(period) FROM evaluation_runs").fetchone()[0]


def _plan(path, period):
    db = open_database(path)
    try:
        return sourcing_plan(db, period)
    finally:
        db.dispose()


def _cli(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app.cli", "sourcing", *argv], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8")


def _run(*argv: str) -> subprocess.CompletedProcess:
    proc = _cli(*argv)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_text_table_in_chinese_and_english(demo_path):
    period = _period(demo_path)
    plan = _plan(demo_path, period)
    zh, en = _cli("--db", str(demo_path), "--period", period), _cli("--db", str(demo_path), "--period", period,
                                                                     "--lang", "en")
    zh_out, zh_err = zh.communicate(timeout=120)
    en_out, en_err = en.communicate(timeout=120)
    assert zh.returncode == en.returncode == 0 and zh_err == en_err == ""
    assert zh_out.startswith(f"货源策略 {period} · 评价方案 standard v1 · 物料 {len(plan.items)} 项")
    assert en_out.startswith(f"Sourcing plan {period} · scheme standard v1 · {len(plan.items)} items")
    for item in plan.items:
        assert item.code in zh_out
        for s in item.suppliers:
            assert s.code in zh_out
    # strategy codes are shown as words, never as codes
    assert "开发第二货源" in zh_out and "Develop a second source" in en_out
    assert "develop_second_source" not in zh_out + en_out
    # one line per current supplier, under a header line
    lines = zh_out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("物料"))
    assert "建议份额" in lines[header]
    table = [line for line in lines[header + 1:]
             if line.strip() and not line.lstrip().startswith(("未计入：", "! "))]  # reasons and holds lines
    holds = [line for line in lines if line.lstrip().startswith("! ")]
    assert len(holds) == sum(1 for it in plan.items for s in it.suppliers if s.holds)
    assert len(table) - 1 == sum(max(1, len(it.suppliers)) for it in plan.items)  # minus the totals line
    assert lines[-1] == "；".join(f"{strategy_text((code,), 'zh_CN')} {n}" for code, n in plan.strategy_counts().items())


def test_json_is_the_service_plan(demo_path):
    period = _period(demo_path)
    plan = _plan(demo_path, period)
    done = _run("--db", str(demo_path), "--period", period, "--json", "--lang", "en")
    assert done.returncode == 0 and done.stderr == ""
    data = json.loads(done.stdout)
    assert (data["period"], data["scheme"], data["scheme_version"]) == (period, "standard", 1)
    assert data["share_weight"] == {"A": 1.5, "B": 1.0, "C": 0.5, "D": 0.0}
    assert [i["item"] for i in data["items"]] == [i.code for i in plan.items]
    for got, item in zip(data["items"], plan.items):
        assert got["strategy"] == list(item.strategy)
        assert [s["supplier"] for s in got["suppliers"]] == [s.code for s in item.suppliers]
        assert [s["suggested_share"] for s in got["suppliers"]] == [s.suggested_share for s in item.suppliers]
        assert [o["reason"] for o in got["not_current"]] == [o.reason for o in item.not_current]
        total = sum(s["suggested_share"] for s in got["suppliers"])
        assert total == pytest.approx(1.0, abs=1e-5) or total == 0
        has_choice = any(s["grade"] in ("A", "B", "C") for s in got["suppliers"])
        for s in got["suppliers"]:
            if s["grade"] == "D" and has_choice:  # a sole D source is still bought (by score)
                assert s["suggested_share"] == 0
    assert data["strategy_counts"] == plan.strategy_counts()
    second = next(i for i in data["items"] if i["strategy"] == ["develop_second_source"])
    assert second["strategy_text"] == "Develop a second source"


def test_exports_are_read_back(demo_path, tmp_path):
    from openpyxl import load_workbook

    period = _period(demo_path)
    plan = _plan(demo_path, period)
    n_rows = sum(max(1, len(it.suppliers)) for it in plan.items)
    xlsx, xlsx_en, csv_zh, csv_en, pdf_zh = (tmp_path / n for n in ("p.xlsx", "p_en.xlsx", "p.csv", "p_en.csv",
                                                                     "p.pdf"))
    procs = [_cli("--db", str(demo_path), "--period", period, "--out", str(xlsx)),
             _cli("--db", str(demo_path), "--period", period, "--out", str(xlsx_en), "--lang", "en"),
             _cli("--db", str(demo_path), "--period", period, "--out", str(csv_zh), "--lang", "zh_CN"),
             _cli("--db", str(demo_path), "--period", period, "--out", str(csv_en), "--lang", "en"),
             _cli("--db", str(demo_path), "--period", period, "--out", str(pdf_zh))]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip().startswith((f"{len(plan.items)} items written to ",  # the summary follows --lang
                                       f"已将 {len(plan.items)} 项物料写入 "))

    ws = load_workbook(xlsx).active
    assert ws["A1"].value == f"货源策略 {period}" and ws.title == period
    assert ws.freeze_panes == "C5" and ws.auto_filter.ref == f"A4:N{4 + n_rows}"  # … delta, holds, not counted
    headers = [ws.cell(4, j).value for j in range(1, 14)]
    assert headers[:4] == ["物料代码", "物料名称", "重要性", "货源策略"] and "建议份额" in headers
    assert ws.column_dimensions["D"].width >= 20 and ws.column_dimensions["F"].width >= 20
    body = [[ws.cell(r, j).value for j in range(1, 14)] for r in range(5, 5 + n_rows)]
    assert ws.cell(5 + n_rows, 1).value is None
    assert [r[0] for r in body] == [it.code for it in plan.items for _ in range(max(1, len(it.suppliers)))]
    assert {r[3] for r in body} <= {"无在供货源，需开发供应商", "在供供应商本期无评分，需核查", "单一货源可接受", "开发第二货源",
                                    "订单份额向最优供应商倾斜", "维持现有供应格局", "督促改进并寻找更优供应商", "开发新供应商",
                                    "开发新供应商；淘汰 D 级供应商", "督促改进并寻找更优供应商；淘汰 D 级供应商",
                                    "订单份额向最优供应商倾斜；淘汰 D 级供应商"}
    first_item = next(it for it in plan.items if it.suppliers)
    row = 5 + [r[0] for r in body].index(first_item.code)
    assert ws.cell(row, 11).value == pytest.approx(first_item.suppliers[0].suggested_share)  # a number, as %
    assert ws.cell(row, 11).number_format == "0.0%"
    graded = next(r for r in range(5, 5 + n_rows) if ws.cell(r, 8).value in ("A", "B", "C", "D"))
    assert ws.cell(graded, 8).fill.fgColor.rgb.endswith(("C6EFCE", "DDEBF7", "FFEB9C", "FFC7CE"))
    ws_en = load_workbook(xlsx_en).active
    assert ws_en["A1"].value == f"Sourcing plan {period}" and ws_en.cell(4, 4).value == "Strategy"

    raw = csv_zh.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0][:4] == ["物料代码", "物料名称", "重要性", "货源策略"] and len(table) == n_rows + 1
    assert any("已暂停" in r[-1] or "潜在" in r[-1] for r in table[1:])  # reasons in words
    en_text = csv_en.read_text(encoding="utf-8-sig")
    assert en_text.startswith("Item code,Item name,Class,Strategy,Supplier code")
    assert "Develop a second source" in en_text and "develop_second_source" not in en_text

    text = subprocess.run(["pdftotext", str(pdf_zh), "-"], capture_output=True, text=True).stdout
    assert f"货源策略 {period}" in text and "开发第二货源" in text and "建议份额" in text
    assert first_item.code in text
    fonts = subprocess.run(["pdffonts", str(pdf_zh)], capture_output=True, text=True).stdout
    assert any(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if "TrueType" in line)


def _bad_inputs(db: str, period: str, tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("not a database", encoding="utf-8")
    a_dir = tmp_path / "folder.csv"
    a_dir.mkdir()
    return {
        "malformed period": (["--db", db, "--period", "2026-13"], "bad month"),
        "free text period": (["--db", db, "--period", "october"], "period"),
        "not evaluated": (["--db", db, "--period", "1999-01"], "1999-01 has not been evaluated"),
        "not evaluated, with a file": (["--db", db, "--period", "1999-Q1", "--out", str(tmp_path / "never.pdf")],
                                       "has not been evaluated"),
        "missing database": (["--db", str(tmp_path / "nowhere.sqlite3"), "--period", period], "does not exist"),
        "not a database": (["--db", str(not_db), "--period", period], "not a QualityBridge database"),
        "bad file type": (["--db", db, "--period", period, "--out", str(tmp_path / "plan.txt")],
                          "use a .xlsx, .csv or .pdf"),
        "folder does not exist": (["--db", db, "--period", period, "--out", str(tmp_path / "no" / "plan.csv")],
                                  "cannot write"),
        "out is a folder": (["--db", db, "--period", period, "--out", str(a_dir)], "cannot write"),
        "unknown language": (["--db", db, "--period", period, "--lang", "fr"], "invalid choice: 'fr'"),
        "no period": (["--db", db], "required: --period"),
        "no database": (["--period", period], "required: --db"),
    }


#: Run as a real process (exit code and stderr exactly as a user sees them); the rest of the
#: cases go through ``main`` in-process, which is the same code without 0.7 s of start-up each.
SUBPROCESS_CASES = ("malformed period", "not evaluated, with a file", "missing database", "not a database",
                    "out is a folder", "unknown language", "no period")


def test_every_bad_input_is_one_error_line_and_exit_1(demo_path, tmp_path, capsys):
    cases = _bad_inputs(str(demo_path), _period(demo_path), tmp_path)
    procs = {name: _cli(*cases[name][0]) for name in SUBPROCESS_CASES}
    for name, (argv, expected) in cases.items():
        if name in procs:
            out, err = procs[name].communicate(timeout=120)
            code = procs[name].returncode
        else:
            try:
                code = main(["sourcing", *argv])
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
            out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        assert code == 1, (name, err)
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, err)
        assert expected in lines[0], (name, lines[0])
        assert "Traceback" not in err and out == "", name
    assert not (tmp_path / "nowhere.sqlite3").exists() and not (tmp_path / "never.pdf").exists()
    assert not (tmp_path / "plan.txt").exists()


def test_pdf_warns_when_chinese_cannot_be_embedded(demo_path, tmp_path, capsys, monkeypatch):
    real = pdf.cjk_font
    real.cache_clear()
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.delenv(pdf.FONT_ENV, raising=False)
    font = real.__wrapped__()
    assert not font.embedded
    monkeypatch.setattr(pdf, "cjk_font", lambda override=None: font)
    out = tmp_path / "plan.pdf"
    try:
        assert main(["sourcing", "--db", str(demo_path), "--period", _period(demo_path), "--out", str(out)]) == 0
    finally:
        real.cache_clear()
    assert out.stat().st_size > 1000
    captured = capsys.readouterr()
    assert captured.err.startswith("warning: ") and "items written to" in captured.out


def test_runs_against_a_postgresql_database_url(pg_server, tmp_path, capsys):
    from tests.models.evaluation.test_sourcing import PERIOD, seed

    url = pg_server.new_database()
    db = open_database(url)
    try:
        seed(db)
    finally:
        db.dispose()
    assert main(["sourcing", "--db", url, "--period", PERIOD, "--json", "--lang", "en"]) == 0
    items = {i["item"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    assert items["P2"]["strategy"] == ["urge_improvement_seek_better"]
    assert {s["supplier"]: s["suggested_share"] for s in items["P2"]["suppliers"]} == pytest.approx(
        {"SB": 85 / 122.5, "SC": 37.5 / 122.5}, abs=1e-6)
    out = tmp_path / "plan.xlsx"
    assert main(["sourcing", "--db", url, "--period", PERIOD, "--out", str(out)]) == 0
    assert "10 items written to" in capsys.readouterr().out and out.stat().st_size > 0
    assert main(["sourcing", "--db", url, "--period", "2026-11"]) == 1
    assert capsys.readouterr().err.startswith("error: period 2026-11 has not been evaluated")

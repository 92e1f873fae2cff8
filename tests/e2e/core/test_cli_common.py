"""Conventions every command shares (app/commands/common.py)."""

from __future__ import annotations

from app.cli import main
from app.reports import pdf


def test_missing_database_is_one_line_error_for_every_command(tmp_path, capsys):
    missing = str(tmp_path / "nowhere.sqlite3")
    for argv in (["evaluate", "--db", missing, "--period", "2026-10"],
                 ["export-qualified", "--db", missing, "--out", str(tmp_path / "q.csv")],
                 ["print-survey", "--db", missing, "--out", str(tmp_path / "s.pdf")]):
        assert main(argv) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error:") and "does not exist" in err[0]
    assert not (tmp_path / "nowhere.sqlite3").exists()  # refusing must not create the file


def test_grade_list_pdf_warns_when_chinese_cannot_be_embedded(demo_db, tmp_path, capsys, monkeypatch):
    real = pdf.cjk_font
    real.cache_clear()

    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.delenv(pdf.FONT_ENV, raising=False)
    font = real.__wrapped__()  # the real lookup, with no TrueType candidates left
    assert not font.embedded and font.warning
    monkeypatch.setattr(pdf, "cjk_font", lambda override=None: font)
    with demo_db.engine.connect() as conn:  # the demo grades its months; take the newest
        period = conn.exec_driver_sql("SELECT max(period) FROM evaluation_results").scalar()
    out = tmp_path / "grades.pdf"
    assert main(["export-grades", "--db", str(demo_db.path), "--period", period, "--out", str(out),
                 "--lang", "zh_CN"]) == 0
    assert out.stat().st_size > 1000
    assert "警告：" in capsys.readouterr().err  # the warning follows --lang zh_CN
    real.cache_clear()

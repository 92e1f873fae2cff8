"""Agreement breaches in the grade list: the service column equals the agreements' own
target-vs-actual computation, and csv, xlsx and PDF carry it with the note in both languages."""

from __future__ import annotations

import csv

from openpyxl import load_workbook
from sqlalchemy import func, select

from app.models.agreements import targets
from app.models.evaluation.service import grade_list
from app.models.evaluation.tables import EvaluationRun
from app.reports.grade_list import write_grade_list


def _latest(db) -> str:
    """The demo's last evaluated month (the demo ends with the last full month)."""
    with db.read() as s:
        return s.scalar(select(func.max(EvaluationRun.period)).where(EvaluationRun.period_kind == "month"))


def test_grade_list_breaches_match_the_agreement_targets(demo_db):
    period = _latest(demo_db)
    gl = grade_list(demo_db, period)
    rep = targets.target_actuals(demo_db, start=period, end=period)
    expected = (rep.rows["status"] == "breach").groupby(rep.rows["supplier_id"]).sum().to_dict()
    got = {r.supplier_id: r.breaches for r in gl.rows if r.breaches is not None}
    assert got == {int(k): int(v) for k, v in expected.items()} and any(got.values())
    assert any(r.breaches is None for r in gl.rows)  # suppliers without an agreement: no number


def test_grade_list_files_carry_breaches(demo_db, tmp_path):
    gl = grade_list(demo_db, _latest(demo_db))
    row = next(r for r in gl.rows if r.breaches)
    with open(write_grade_list(gl, tmp_path / "g.csv", "en"), encoding="utf-8-sig", newline="") as fh:
        data = list(csv.reader(fh))
    col = data[0].index("Agreement breaches")
    assert next(d for d in data[1:] if d[1] == row.code)[col] == str(row.breaches)
    ws = load_workbook(write_grade_list(gl, tmp_path / "g.xlsx", "zh_CN")).active
    header = [c.value for c in ws[4]]
    j = header.index("协议违约") + 1
    assert "质量协议" in ws.cell(4, j).comment.text
    assert any(ws.cell(r, j).value == row.breaches and ws.cell(r, 2).value == row.code for r in range(5, ws.max_row + 1))
    for lang in ("zh_CN", "en"):
        assert write_grade_list(gl, tmp_path / f"g_{lang}.pdf", lang).read_bytes().startswith(b"%PDF")

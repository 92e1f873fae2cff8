"""Issue 10 §15 (printed forms): on the blank checklist the score boxes stay inside their column,
the evidence column is at least a third of the width, no Chinese line starts with closing
punctuation; the audit occasion defaults by the supplier's status."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from app.engines.audit import ScoringRule, default_occasion
from app.flows.audit import SHIPPED_TEMPLATES, load_checklist
from app.models.suppliers import audits
from app.models.suppliers import master as sup
from app.reports import audit_pdf
from app.reports.pdf import CANNOT_START_LINE_ZH, report_styles


def test_columns_and_score_boxes_fit():
    w = audit_pdf._width()
    cw = audit_pdf.checklist_columns(w)
    assert sum(cw) == pytest.approx(w)
    assert cw[-1] >= w / 3
    st = report_styles()
    for rule in (ScoringRule(3, True), ScoringRule(5, True, 1), ScoringRule(10, True)):
        boxes = audit_pdf._score_boxes(rule, st, cw[4] - 2 * audit_pdf.SCORE_PAD)
        boxes.wrap(cw[4], 100)
        # the boxes and the cell's padding together never exceed the score column
        assert sum(boxes._colWidths) + 2 * audit_pdf.SCORE_PAD <= cw[4] + 1e-6


def _lines(text: str, width: float) -> list[str]:
    p = Paragraph(text, report_styles().cell)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        words = getattr(line, "words", None)
        out.append("".join(getattr(f, "text", "") for f in words) if words is not None else "".join(line[1]))
    return out


@pytest.mark.parametrize("key", SHIPPED_TEMPLATES)
def test_no_chinese_line_starts_with_closing_punctuation(key):
    template = load_checklist(key)
    width = audit_pdf.checklist_columns(audit_pdf._width())[2] - 12  # the cell's text width
    starts = []
    for it in template.items:
        lines = _lines(it.text("zh_CN"), width)
        starts += [ln[0] for ln in lines[1:] if ln]
    assert starts, "some checklist texts wrap"
    assert not [ch for ch in starts if ch in CANNOT_START_LINE_ZH]


@pytest.mark.parametrize("status, occasion", [("approved", "periodic"), ("conditional", "periodic"),
                                              ("potential", "selection"), ("under_evaluation", "selection"),
                                              ("suspended", "reapproval")])
def test_audit_occasion_defaults_by_supplier_status(db, status, occasion):
    from sqlalchemy import update

    from app.models.suppliers.tables import Supplier

    sid = sup.create_supplier(db, {"code": "S1", "name_zh": "甲"})
    with db.begin() as s:
        s.execute(update(Supplier).where(Supplier.id == sid).values(status=status))
    assert default_occasion(status) == occasion
    assert audits.new_audit(db, "qms", supplier_id=sid).plan["occasion"] == occasion
    assert audits.new_audit(db, "qms").plan["occasion"] == "selection"  # no supplier yet

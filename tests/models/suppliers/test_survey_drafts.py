"""Issue 10 §10: a half-filled survey draft prints as a draft (watermark and heading 草稿 / DRAFT,
unanswered sections marked, no total and no recommendation) and lists its progress as sections
answered, not as a percent; printed names fall back to the other language."""

from __future__ import annotations

import subprocess

import pytest

from app.models.suppliers import master as sup
from app.models.suppliers import surveys
from app.reports.survey_pdf import write_completed_survey
from tests.flows.test_survey_flow import GOOD, fill


def pdftext(path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.fixture
def draft(db):
    sid = sup.create_supplier(db, {"code": "E1", "name_en": "Only English Co"})  # no Chinese name
    flow = surveys.new_survey(db, sid, lang="zh_CN")
    fill(flow, "basic")
    fill(flow, "equipment")
    return sid, surveys.save_survey_draft(db, flow), flow


def test_draft_progress_is_sections_answered_not_a_percent(db, draft):
    sid, survey_id, flow = draft
    assert flow.progress() == (2, 7) and flow.unanswered_sections()[0] == "capability"
    row = surveys.list_surveys(db, supplier_id=sid)[0]
    assert row.status == "draft" and (row.sections_done, row.sections_total, row.progress) == (2, 7, "2 / 7")
    assert row.percent is None and row.recommendation is None  # a partial percent looks like a score


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_draft_prints_as_a_draft(db, draft, tmp_path, lang):
    _, survey_id, _ = draft
    report = surveys.survey_report(db, survey_id)
    assert not report.final and len(report.unanswered_sections) == 5
    out = tmp_path / "d.pdf"
    write_completed_survey(report, out, lang=lang)
    text = pdftext(out)
    assert "草稿/DRAFT" in text
    if lang == "zh_CN":
        assert "已提交" not in text and "已填写" not in text and "综合得分" not in text
        assert "本部分未作答" in text and "已作答2/7个部分" in text
        assert "建议进入现场审核" not in text and "不建议选用" not in text
        assert "OnlyEnglishCo" in text  # no Chinese name: the English one is printed
    else:
        assert "(completed)" not in text and "Overallscore" not in text and "sectionnotanswered" in text
        assert "Recommendedforthe" not in text and "Notrecommended" not in text


def test_a_submitted_survey_prints_total_and_recommendation(db, tmp_path):
    sid = sup.create_supplier(db, {"code": "Z1", "name_zh": "只有中文名"})
    flow = surveys.new_survey(db, sid, lang="en")
    for section in GOOD:
        fill(flow, section)
    flow.state["survey_date"] = "2025-05-01"
    survey_id = surveys.save_survey_draft(db, flow)
    row = surveys.submit_survey(db, survey_id, flow)
    assert row.progress == "7 / 7" and row.percent is not None and row.recommendation
    out = tmp_path / "s.pdf"
    write_completed_survey(surveys.survey_report(db, survey_id), out, lang="en")
    text = pdftext(out)
    assert "DRAFT" not in text and "(submitted)" in text and "Overallscore" in text and "Recommendation:" in text
    assert "只有中文名" in text  # no English name: the Chinese one is printed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_an_audit_draft_prints_as_a_draft_without_a_result(db, tmp_path, lang):
    from app.models.suppliers import audits
    from app.reports.audit_pdf import write_audit_report
    from tests.models.suppliers.test_services import complete_audit, make

    audit_id, _ = complete_audit(db, make(db))  # every item scored, but not completed: still a draft
    report = audits.audit_report(db, audit_id)
    assert report.status == "draft" and report.score.result == "conditional"
    out = tmp_path / "a.pdf"
    write_audit_report(report, out, lang=lang)
    text = pdftext(out)
    assert "草稿/DRAFT" in text
    assert ("有条件批准" not in text.split("判定标准")[0]) if lang == "zh_CN" else \
        ("Conditionallyapproved" not in text.split("Criteria")[0])


def test_an_audit_draft_lists_items_answered_not_a_score(db):
    from app.models.suppliers import audits
    from tests.models.suppliers.test_services import make

    sid = make(db)
    flow = audits.new_audit(db, "qms", supplier_id=sid)
    for it in flow.template.items[:3]:
        flow.score_item(it.key, it.rule.max)  # three full marks: 100 % of what is scored so far
    audits.save_audit_draft(db, flow)
    row = audits.list_audits(db, supplier_id=sid)[0]
    total = len(flow.template.items)
    assert row.status == "draft" and row.percent is None and row.result is None
    assert (row.items_answered, row.items_total, row.progress) == (3, total, f"3 / {total}")

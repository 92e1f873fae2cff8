"""Printed forms and exports: Chinese text really in the PDF, the CJK font embedded, headers
repeated, page numbers; spreadsheets readable."""

import csv
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from app.flows.audit import load_checklist
from app.flows.survey import load_survey_definition
from app.models.suppliers import approval
from app.models.suppliers import audits, corrective
from app.models.suppliers import surveys
from app.reports.audit_pdf import write_audit_report, write_blank_checklist
from app.reports.qualified_list import export_qualified
from app.reports.survey_pdf import write_blank_survey, write_completed_survey

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdftext(path, *, raw: bool = False) -> str:
    """Text of the PDF; by default whitespace-free, as pdftotext spaces CJK text unpredictably."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out if raw else "".join(out.split())


def nows(text: str) -> str:
    return "".join(text.split())


def assert_cjk_embedded(path):
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    cjk = [r for r in rows if "TrueType" in r and ("WenQuanYi" in r[0] or "CJK" in r[0] or "Hei" in r[0] or "Song" in r[0])]
    assert cjk, out
    assert all(r[-5] == "yes" for r in cjk), out  # the "emb" column


@needs_poppler
@pytest.mark.parametrize("key", ["qms", "process", "product"])
def test_blank_checklists_both_languages(tmp_path, key):
    t = load_checklist(key)
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    font = write_blank_checklist(t, zh, lang="zh_CN", supplier_name="苏州精工")
    assert font.embedded and font.warning is None
    write_blank_checklist(t, en, lang="en")
    text_zh, text_en = pdftext(zh), pdftext(en)
    assert nows(t.items[0].text_zh[:8]) in text_zh
    assert "签字" in text_zh and "供方代表" in text_zh and "质量经理" in text_zh
    assert "第1页/共" in text_zh and "Page1of" in text_en
    assert "Supplierrepresentative" in text_en and nows(t.items[-1].clause) in text_en
    # the table header is repeated on every page
    pages = pdftext(zh, raw=True).split("\f")
    assert len([p for p in pages if p.strip()]) >= 2
    assert sum("检查内容" in p for p in pages) >= 2
    assert_cjk_embedded(zh)


def make_completed_audit(db, n_items=None):
    from app.models.suppliers import master as sup

    sid = sup.create_supplier(db, {"code": "S9", "name_zh": "宁波华信电子有限公司", "name_en": "Ningbo Huaxin"})
    flow = audits.new_audit(db, "qms", supplier_id=sid, lang="zh_CN")
    flow.set_plan(auditors="张伟", audit_date="2025-05-10", scope="全厂", occasion="periodic")
    for it in flow.template.items:
        flow.score_item(it.key, it.rule.max, evidence="抽查记录")
    k = flow.template.items[5].key
    flow.score_item(k, 0, severity="major", finding="顾客要求未评审", evidence="订单 PO-1234")
    flow.set_action(f"item:{k}", owner="供方 王经理", due_date="2025-06-10")
    aid = audits.save_audit_draft(db, flow)
    audits.complete_audit(db, aid, flow)
    return aid, sid


@needs_poppler
def test_completed_audit_report(db, tmp_path):
    aid, _ = make_completed_audit(db)
    rep = audits.audit_report(db, aid)
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    write_audit_report(rep, zh, lang="zh_CN")
    write_audit_report(rep, en, lang="en")
    text = pdftext(zh)
    assert rep.score.result == "conditional" and rep.score.reason == "major_finding"
    for words in ("供应商审核报告", "宁波华信电子有限公司", "结论", "有条件批准", "顾客要求未评审", "SCAR-2025-0001", "各部分得分",
                  "审核员", "供方代表", "质量经理"):
        assert words in text, words
    text_en = pdftext(en)
    assert "Conditionallyapproved" in text_en and "Scoresbysection" in text_en and "NingboHuaxin" in text_en
    assert_cjk_embedded(zh)


@needs_poppler
def test_surveys_blank_and_completed(db, tmp_path):
    from tests.flows.test_survey_flow import GOOD

    blank = tmp_path / "blank.pdf"
    write_blank_survey(load_survey_definition(), blank, lang="zh_CN")
    text = pdftext(blank)
    for words in ("供应商调查表", "基础信息与认证", "生产设备与检测设备", "过程能力与供货能力", "主要原材料及来源",
                  "主要顾客及反馈", "遵纪守法情况", "信息化水平"):
        assert words in text, words
    assert_cjk_embedded(blank)
    flow = surveys.new_survey(db, None, lang="zh_CN")
    flow.state["supplier_name"] = "候选供应商"
    for sec in GOOD.values():
        for k, v in sec.items():
            flow.set_answer(k, v)
    sid = surveys.save_survey_draft(db, flow)
    surveys.submit_survey(db, sid, flow)
    done = tmp_path / "done.pdf"
    write_completed_survey(surveys.survey_report(db, sid), done, lang="en")
    text = pdftext(done)
    assert "Recommendedfortheon-siteaudit" in text and "Overallscore" in text and "CNCx12" in text


def test_qualified_exports(db, tmp_path):
    from app.flows.approval import STEPS
    from app.models.suppliers import master as sup

    sid = sup.create_supplier(db, {"code": "Q1", "name_zh": "青岛振华钢铁有限公司", "name_en": "Qingdao Zhenhua Steel",
                                   "category": "steel"})
    f = approval.start_approval(db, sid)
    for step in STEPS:
        approval.record_step(db, f.id, step, result="pass")
    df = approval.qualified_list(db)
    export_qualified(df, tmp_path / "q.xlsx", lang="zh_CN")
    rows = list(load_workbook(tmp_path / "q.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "供应商代码" and rows[1][0] == "Q1" and rows[1][1] == "青岛振华钢铁有限公司"
    export_qualified(df, tmp_path / "q.csv", lang="en")
    raw = (tmp_path / "q.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0][0] == "Supplier code" and lines[1][1] == "Qingdao Zhenhua Steel"
    if shutil.which("pdftotext"):
        export_qualified(df, tmp_path / "q.pdf", lang="zh_CN")
        assert "合格供方名录" in pdftext(tmp_path / "q.pdf") and "青岛振华钢铁有限公司" in pdftext(tmp_path / "q.pdf")
    with pytest.raises(ValueError):
        export_qualified(df, tmp_path / "q.doc")


def test_demo_has_lifecycle_data(demo_db):
    assert audits.list_audits(demo_db, status="draft") and audits.list_audits(demo_db, status="completed")
    as_of = date.today() + __import__("datetime").timedelta(days=365)
    assert corrective.overdue_corrective_actions(demo_db, as_of=as_of)
    assert len(approval.qualified_list(demo_db))
    for row in audits.list_audits(demo_db, status="draft")[:3]:
        audits.load_audit(demo_db, row.id)  # every demo draft opens in the wizard
    drafts = surveys.list_surveys(demo_db, status="draft")
    for row in drafts[:3]:
        surveys.load_survey(demo_db, row.id)
    sid = approval.approval_history(demo_db, 1)
    assert isinstance(sid, list)

"""Contract PDF (both languages, bilingual), diff PDF, breach report, xlsx exports — read back with
pdftotext/pdffonts and openpyxl."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.agreements import targets
from app.models.core.settings import AppSetting
from app.models.evaluation.tables import InspectionLot
from app.models.suppliers import master as sup
from app.reports import agreement_breaches, agreement_contract

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def _fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def signed(db):
    with db.begin() as s:
        s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    sid = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司", "name_en": "Ningbo Hengda Hardware"})
    aid, vid = svc.create_agreement(db, sid)
    svc.submit_for_review(db, vid)
    digest = svc.sign_version(db, vid, purchaser=svc.Signatory("王芳", "质量经理", date(2026, 1, 5)),
                              supplier=svc.Signatory("陈建国", "总经理", date(2026, 1, 6)),
                              effective_from=date(2026, 1, 10), expires_on=date(2027, 12, 31))
    db.ids = (sid, aid, vid, digest)
    return db


@needs_poppler
@pytest.mark.parametrize("mode", ["zh_CN", "en", "bilingual"])
def test_contract_pdf(signed, tmp_path, mode):
    sid, aid, vid, digest = signed.ids
    path = tmp_path / f"c-{mode}.pdf"
    font = agreement_contract.write_contract_pdf(signed, vid, path, mode=mode)
    text = _text(path)
    assert "QA-S0100-01" in text and digest[:20] in text  # version and hash in the footer
    assert re.search(r"(Page1of\d|第1页/共\d页)", text)
    assert "3.1" in text and "7.2" in text and "8.2" in text
    if mode in ("zh_CN", "bilingual"):
        assert "验收检验程序" in text and "宁波恒达五金有限公司" in text and "王芳" in text and "陈建国" in text
    if mode in ("en", "bilingual"):
        assert "Acceptanceinspectionprocedure" in text and "GB/T2828.1" in text
    if mode == "en":
        assert "验收检验程序" not in text
    if font.embedded:
        assert "yes" in _fonts(path).split("\n", 2)[2]  # the CJK font is embedded


@needs_poppler
def test_diff_and_breach_reports(signed, tmp_path):
    from openpyxl import load_workbook

    sid, aid, vid, digest = signed.ids
    v2 = svc.new_version(signed, aid, as_of=date(2026, 2, 1))
    cl = svc.version_clauses(signed, v2)
    svc.save_clauses(signed, v2, [replace(cl[0], text_zh="供方应保持 IATF 16949 认证有效。")] + cl[2:])
    path = tmp_path / "diff.pdf"
    agreement_contract.write_diff_pdf(signed, vid, v2, path, lang="zh_CN")
    text = _text(path)
    assert "修改" in text and "删除" in text and "IATF16949" in text and "新增0条，删除1条，修改1条" in text
    with signed.begin() as s:
        for i in range(10):
            s.add(InspectionLot(lot_number=f"L{i}", supplier_id=sid, inspected_on=date(2026, 3, 5), lot_size=500,
                                sample_size=50, defective_units=0, decision="rejected" if i < 2 else "accepted"))
    rep = targets.target_actuals(signed, start="2026-01", end="2026-03")
    pdf_path, xlsx_path = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    agreement_breaches.write_breach_report(rep, pdf_path, lang="zh_CN")
    agreement_breaches.write_breach_report(rep, xlsx_path, lang="en")
    text = _text(pdf_path)
    assert "质量协议违约报告" in text and "2026-03" in text and "2,000.00" in text and "80" in text
    ws = load_workbook(xlsx_path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Supplier" and len(rows) == 2 and rows[1][5] == "2026-03" and rows[1][8] == 2000.0
    out = tmp_path / "c.xlsx"
    agreement_contract.write_contract_xlsx(signed, vid, out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("QA-S0100-01", 1, "1.1") and len(rows) == 25

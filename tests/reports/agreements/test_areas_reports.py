"""Printed documents of a version with moved areas: the contract PDF (pdftotext order), the
contract xlsx and the diff PDF naming the moved areas."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.core.settings import AppSetting
from app.models.suppliers import master as sup
from app.reports import agreement_contract

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
MOVED = (3, 1, 2, 4, 5, 6, 8, 7)


def _text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


@pytest.fixture
def moved(db):
    with db.begin() as s:
        s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    sid = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司", "name_en": "Ningbo Hengda Hardware"})
    aid, v1 = svc.create_agreement(db, sid)
    svc.submit_for_review(db, v1)
    svc.sign_version(db, v1, purchaser=svc.Signatory("王芳"), supplier=svc.Signatory("陈建国"),
                     effective_from=date(2026, 1, 1))
    v2 = svc.new_version(db, aid, as_of=date(2026, 2, 1))
    svc.save_clauses(db, v2, svc.version_clauses(db, v2), area_order=MOVED)
    db.ids = (v1, v2)
    return db


@needs_poppler
@pytest.mark.parametrize("mode", ["en", "zh_CN"])
def test_contract_pdf_prints_the_areas_in_the_version_order(moved, tmp_path, mode):
    v1, v2 = moved.ids
    path = tmp_path / f"moved-{mode}.pdf"
    agreement_contract.write_contract_pdf(moved, v2, path, mode=mode)
    text = _text(path)
    if mode == "en":
        heads = ["1Acceptanceinspectionprocedure", "2Qualitymanagementrequirements",
                 "3Supervisionofthesupplier'squalitymanagement", "7Disputeresolution",
                 "8Agreedqualityindicatorsandliabilityforbreach"]
    else:
        heads = ["1验收检验程序", "2质量管理要求", "3质量管理监督", "7争议的处理", "8质量指标约定及违约责任"]
    at = [text.find(h) for h in heads]
    assert all(p >= 0 for p in at), dict(zip(heads, at))
    assert at == sorted(at)  # printed in the version's order
    assert text.find("GB/T2828.1") < text.find("GB/T19001")  # inspection clauses (now 1.x) before area 1's


def test_contract_xlsx_rows_follow_the_order(moved, tmp_path):
    from openpyxl import load_workbook

    _v1, v2 = moved.ids
    out = tmp_path / "c.xlsx"
    agreement_contract.write_contract_xlsx(moved, v2, out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][2:4] == ("1.1", 3)  # number, content area
    areas = list(dict.fromkeys(r[3] for r in rows[1:]))
    assert areas == list(MOVED)


@needs_poppler
def test_diff_pdf_names_the_moved_areas(moved, tmp_path):
    v1, v2 = moved.ids
    path = tmp_path / "diff.pdf"
    agreement_contract.write_diff_pdf(moved, v1, v2, path, lang="en")
    text = _text(path)
    assert "section3“Acceptanceinspectionprocedure”isnowsection1" in text
    assert "section8“Disputeresolution”isnowsection7" in text and "0changed" in text and "renumbered" in text
    agreement_contract.write_diff_pdf(moved, v1, v2, path, lang="zh_CN")
    text = _text(path)
    assert "第3部分“验收检验程序”移为第1部分" in text and "重新编号" in text

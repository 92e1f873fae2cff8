"""The 8D report / reply letter and the register: text and embedded fonts checked with poppler,
in the contact's preferred language."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.models.complaints import service as svc
from app.reports.complaint_letter import write_letter
from app.reports.complaint_register import write_register
from tests.models.complaints.conftest import intake, make_world

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
T = datetime(2026, 3, 9, 9, 0)


def _text(path):
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def _closed_8d(db, world, contact):
    cid = svc.create_complaint(db, intake(world, contact_id=world[contact]), now=T)
    texts = {"D1": "李伟（CQE）牵头", "D2": "支架边缘毛刺 0.3 mm", "D3": "库存 2000 件全检", "D4": "冲模刃口磨损",
             "D5": "更换刃口，增加首检", "D6": "连续 3 批合格", "D7": "PFMEA 更新", "D8": "小组总结关闭",
             "inform": "Replacement parts shipped; root cause removed"}
    for i, (step, text) in enumerate(texts.items()):
        svc.complete_step(db, cid, step, text, at=T + timedelta(hours=i))
    svc.complete_step(db, cid, "rating", "quick", rating=4, at=T + timedelta(hours=10))
    svc.close_complaint(db, cid, at=T + timedelta(hours=11))
    return cid


@needs_poppler
def test_letter_in_the_contacts_language_with_embedded_cjk_font(db, tmp_path):
    world = make_world(db)
    cid = _closed_8d(db, world, "contact_zh")
    out = tmp_path / "zh.pdf"
    assert write_letter(svc.get_complaint(db, cid), out) == "zh_CN"
    text = _text(out)
    for expected in ("8D报告", "华东汽车", "CC-2026-00001", "D3临时遏制措施", "库存2000件全检", "超过24小时（接收后68小时）",
                     "贵方评价：4/5", "质量经理", "签字"):
        assert expected in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "yes" in fonts.splitlines()[2].split()[-5:-2] or " yes " in fonts  # embedded


@needs_poppler
def test_english_letter_of_a_service_request_in_progress(db, tmp_path):
    world = make_world(db)
    cid = svc.create_complaint(db, intake(world, complaint_type="repair", severity="minor"), now=T)
    svc.complete_step(db, cid, "identify", "Gearbox noise at 3000 rpm", at=T)
    car = svc.raise_scar(db, cid, supplier_id=world["supplier_b"])
    out = tmp_path / "en.pdf"
    assert write_letter(svc.get_complaint(db, cid), out) == "en"
    text = _text(out)
    for expected in ("Replytoyourcomplaint", "EastChinaMotors", "AnnaBerg", "Identifytheproblem",
                     "Gearboxnoiseat3000rpm", "(inprogress)", "SCAR-", "Pleaseratehowwehandledthis"):
        assert expected in text
    assert "S-B" not in text and "乙五金" not in text  # the sub-supplier stays internal
    assert car


def test_register_export_xlsx_and_csv_both_languages(db, tmp_path):
    world = make_world(db)
    _closed_8d(db, world, "contact_en")
    svc.create_complaint(db, intake(world, title="=HYPERLINK(\"x\")", severity="minor"), now=T)
    frame = svc.register_frame(db)
    xlsx = write_register(frame, tmp_path / "reg.xlsx", lang="zh_CN")
    ws = load_workbook(xlsx).active
    assert ws["A1"].value == "编号" and ws.max_row == 3
    assert ws["H2"].value == "已关闭" and ws["E2"].value == "质量"
    assert ws["J3"].data_type == "s"  # formula-looking text stays text
    out = write_register(frame, tmp_path / "reg.csv", lang="en")
    rows = list(csv.reader(open(out, encoding="utf-8-sig")))
    assert rows[0][0] == "Number" and rows[1][7] == "closed" and len(rows) == 3


@needs_poppler
def test_monthly_report_figures_and_charts(db, tmp_path):
    from datetime import date

    from app.reports.complaint_report import write_report

    world = make_world(db)
    _closed_8d(db, world, "contact_zh")
    cid = svc.create_complaint(db, intake(world, severity="minor", defect="scratch"), now=T)
    svc.raise_scar(db, cid)
    r = svc.monthly_report(db, date(2026, 3, 1), date(2026, 3, 31), now=datetime(2026, 3, 31, 12, 0))
    assert r.summary["received"] == 2 and r.summary["closed"] == 1 and r.summary["scars"] == 1
    assert r.months[-1] == "2026-03" and len(r.months) == 12 and r.per_month_type.loc["2026-03", "quality"] == 2
    # closed Mon 20:00 after receipt Fri 15:00: within the 30-day closure target
    assert r.sla_by_month.loc["2026-03", "share"] == 1.0
    assert r.pareto_defects.to_dict() == {"burr": 1, "scratch": 1}
    for lang, expected in (("zh_CN", ("顾客投诉月报", "时限达成率", "缺陷排列图", "华东汽车")),
                           ("en", ("Monthlycomplaintreport", "SLAperformance", "Paretoofdefects", "EastChinaMotors"))):
        out = tmp_path / f"r-{lang}.pdf"
        write_report(r, out, lang=lang)
        text = _text(out)
        assert all(e in text for e in expected), lang

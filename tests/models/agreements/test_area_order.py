"""Moving whole content areas: the stored order per version and template, numbering by place,
freeze of signed versions (refused by the service), copies keep the order, template xlsx round
trip, the diff names moved areas, and the printed contract lists areas in the stored order."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from app.engines import agreements as eng
from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.agreements import templates
from app.models.agreements.errors import FrozenError, ValidationError
from app.models.core.settings import AppSetting
from app.models.suppliers import master as sup

MOVED = (1, 2, 4, 3, 5, 6, 7, 8)  # acceptance inspection (3) after process control (4)


@pytest.fixture
def draft(db):
    with db.begin() as s:  # signing without a password in these tests
        s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    sid = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司", "name_en": "Ningbo Hengda Hardware"})
    aid, vid = svc.create_agreement(db, sid)
    db.ids = (sid, aid, vid)
    return db


def _sign(db, vid, start):
    svc.submit_for_review(db, vid)
    svc.sign_version(db, vid, purchaser=svc.Signatory("王芳", "质量经理", start),
                     supplier=svc.Signatory("陈建国", "总经理", start), effective_from=start)


def test_saved_area_order_renumbers_the_clauses(draft):
    _sid, _aid, vid = draft.ids
    clauses = svc.version_clauses(draft, vid)
    assert svc.version_area_order(draft, vid) == eng.DEFAULT_AREA_ORDER
    inspection_before = [c.number for c in clauses if c.area == 3]
    assert inspection_before == ["3.1", "3.2", "3.3"]
    stored = svc.save_clauses(draft, vid, clauses, MOVED)
    assert svc.version_area_order(draft, vid) == MOVED
    assert [c.number for c in stored if c.area == 3] == ["4.1", "4.2", "4.3"]
    assert [c.number for c in stored if c.area == 4][0] == "3.1"
    # listed in the new order: every area-4 clause before the first area-3 clause
    areas = [c.area for c in stored]
    assert max(i for i, a in enumerate(areas) if a == 4) < min(i for i, a in enumerate(areas) if a == 3)
    # the texts themselves did not change
    strip = lambda c: replace(c, number="", id=None)  # noqa: E731
    assert sorted(map(strip, stored), key=lambda c: c.key) == sorted(map(strip, clauses), key=lambda c: c.key)
    # the inspection domain sees the renumbered clauses
    assert {c.area for c in stored if c.number.startswith("4.")} == {3}


def test_bad_area_order_is_refused_and_nothing_changes(draft):
    _sid, _aid, vid = draft.ids
    clauses = svc.version_clauses(draft, vid)
    with pytest.raises(ValidationError, match="area order"):
        svc.save_clauses(draft, vid, clauses, (1, 2, 3, 3, 5, 6, 7, 8))
    assert svc.version_area_order(draft, vid) == eng.DEFAULT_AREA_ORDER


def test_signed_version_refuses_an_area_move_and_the_next_version_copies_the_order(draft):
    _sid, aid, vid = draft.ids
    clauses = svc.version_clauses(draft, vid)
    svc.save_clauses(draft, vid, clauses, MOVED)
    _sign(draft, vid, date(2026, 1, 10))
    with pytest.raises(FrozenError):  # the service refuses, not only the grid
        svc.save_clauses(draft, vid, svc.version_clauses(draft, vid), eng.DEFAULT_AREA_ORDER)
    assert svc.version_area_order(draft, vid) == MOVED
    v2 = svc.new_version(draft, aid, as_of=date(2026, 2, 1))
    assert svc.version_area_order(draft, v2) == MOVED
    assert [c.number for c in svc.version_clauses(draft, v2)] == [c.number for c in svc.version_clauses(draft, vid)]
    # moving area 8 to the top of version 2: the diff names every renumbered section
    order = eng.move_area(MOVED, 8, -1)
    for _ in range(6):
        order = eng.move_area(order, 8, -1)
    assert order[0] == 8
    svc.save_clauses(draft, v2, svc.version_clauses(draft, v2), order)
    moves = svc.area_moves(draft, vid, v2)
    assert moves[0] == (8, 8, 1) and len(moves) == 8
    rows = svc.diff(draft, vid, v2)
    assert eng.diff_counts(rows)["changed"] == 0  # the clauses are the same; only their numbers moved


def test_template_order_round_trips_through_xlsx_and_starts_new_agreements(draft, tmp_path):
    from app.reports import agreement_template

    tid = templates.list_templates(draft)[0].id
    templates.save_template_clauses(draft, tid, templates.template_clauses(draft, tid), MOVED)
    assert templates.template_area_order(draft, tid) == MOVED
    path = tmp_path / "t.xlsx"
    agreement_template.write_template_xlsx(draft, tid, path)
    new = templates.import_template(draft, path, "移动后的模板")
    assert templates.template_area_order(draft, new) == MOVED
    assert [c.number for c in templates.template_clauses(draft, new)] == \
        [c.number for c in templates.template_clauses(draft, tid)]
    sid = draft.ids[0]
    _aid, vid = svc.create_agreement(draft, sid, template_id=new)
    assert svc.version_area_order(draft, vid) == MOVED
    with pytest.raises(ValidationError, match="area order"):
        templates.save_template_clauses(draft, tid, templates.template_clauses(draft, tid), (8, 7))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("mode", ["zh_CN", "en"])
def test_contract_and_diff_pdf_follow_the_order(draft, tmp_path, mode):
    from app.reports import agreement_contract

    _sid, aid, vid = draft.ids
    svc.save_clauses(draft, vid, svc.version_clauses(draft, vid), MOVED)
    path = tmp_path / "c.pdf"
    agreement_contract.write_contract_pdf(draft, vid, path, mode=mode)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                             check=True).stdout)
    inspection, process = (eng.area_label(3, mode), eng.area_label(4, mode))
    inspection, process = re.sub(r"\s+", "", inspection), re.sub(r"\s+", "", process)
    assert f"3{process}" in text and f"4{inspection}" in text
    assert text.index(f"3{process}") < text.index(f"4{inspection}")
    _sign(draft, vid, date(2026, 1, 10))
    v2 = svc.new_version(draft, aid, as_of=date(2026, 2, 1))
    svc.save_clauses(draft, v2, svc.version_clauses(draft, v2), eng.DEFAULT_AREA_ORDER)
    diff = tmp_path / "d.pdf"
    agreement_contract.write_diff_pdf(draft, vid, v2, diff, lang=mode)
    dtext = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(diff), "-"], capture_output=True, text=True,
                                              check=True).stdout)
    assert (f"第4部分“{inspection}”移为第3部分" if mode == "zh_CN" else f"section4“{inspection}”isnowsection3") in dtext

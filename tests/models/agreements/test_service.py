"""Agreement services on a migrated SQLite file: template, versions, freeze, signing, in force
on a day, diff, inspection clauses, permissions, template xlsx round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.engines import agreements as eng
from app.models.admin import identity, signatures, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.admin.signatures import SignatureRequest, SignatureRequired
from app.models.agreements import service as svc
from app.models.agreements import templates
from app.models.agreements.errors import FrozenError, ValidationError
from app.models.suppliers import master as sup

PW = "Quality2026"


@pytest.fixture
def qm(db):
    """A signed-in quality manager (signing needs a real password)."""
    db.actor = None
    identity.create_first_administrator(db, "admin", "管理员", "Secret2026")
    users.create_user(db, "wang.qm", "王芳", PW, ["quality_manager"])
    users.create_user(db, "li.sqe", "李强", PW, ["supplier_quality_engineer"])
    users.create_user(db, "zhao.view", "赵六", PW, ["viewer"])
    db.actor = identity.sign_in(db, "wang.qm", PW)
    db.supplier_id = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司",
                                              "name_en": "Ningbo Hengda Hardware"})
    return db


def _sign(db, vid, start, end=None):
    svc.submit_for_review(db, vid)
    return svc.sign_version(db, vid, purchaser=svc.Signatory("王芳", "质量经理"),
                            supplier=svc.Signatory("陈建国", "总经理"), effective_from=start, expires_on=end,
                            signature=SignatureRequest(PW, "approved"))


def test_default_template_has_real_clauses_in_every_area(db):
    rows = templates.list_templates(db)
    assert len(rows) == 1 and rows[0].is_default
    clauses = templates.template_clauses(db, rows[0].id)
    assert {c.area for c in clauses} == set(range(1, 9))
    assert all(len(c.text_zh) > 20 and len(c.text_en) > 40 for c in clauses)
    assert [c.number for c in clauses if c.area == 3] == ["3.1", "3.2", "3.3"]
    assert sum(1 for c in clauses if c.is_target) == 4


def test_life_cycle_freeze_sign_and_in_force(qm):
    aid, v1 = svc.create_agreement(qm, qm.supplier_id)
    clauses = svc.version_clauses(qm, v1)
    edited = [replace(clauses[0], text_zh=clauses[0].text_zh + "（修订）")] + clauses[1:]
    svc.save_clauses(qm, v1, edited)
    assert svc.version_clauses(qm, v1)[0].text_zh.endswith("（修订）")
    with pytest.raises(SignatureRequired):  # required by default: the password must be given
        svc.submit_for_review(qm, v1)
        svc.sign_version(qm, v1, purchaser=svc.Signatory("王芳"), supplier=svc.Signatory("陈建国"),
                         effective_from=date(2026, 1, 1))
    digest = svc.sign_version(qm, v1, purchaser=svc.Signatory("王芳", "质量经理"),
                              supplier=svc.Signatory("陈建国", "总经理"), effective_from=date(2026, 1, 1),
                              expires_on=date(2027, 12, 31), signature=SignatureRequest(PW, "approved"))
    assert len(digest) == 64
    [state] = signatures.signature_states(qm, "agreement_versions", v1)
    assert state.valid and state.full_name == "王芳"
    # frozen by the service, not only by the view
    with pytest.raises(FrozenError):
        svc.save_clauses(qm, v1, clauses)
    with pytest.raises(FrozenError):
        svc.update_version(qm, v1, notes="x")
    assert svc.get_version(qm, v1, as_of=date(2025, 12, 31)).display_state == "signed"
    assert svc.get_version(qm, v1, as_of=date(2026, 6, 1)).display_state == "in_force"
    assert svc.get_version(qm, v1, as_of=date(2028, 1, 1)).display_state == "expired"
    # a new version starts as a copy of the one in force (keys kept, so the diff matches clauses)
    v2 = svc.new_version(qm, aid, as_of=date(2026, 6, 1))
    copy = svc.version_clauses(qm, v2)
    assert [(c.key, c.text_zh) for c in copy] == [(c.key, c.text_zh) for c in svc.version_clauses(qm, v1)]
    with pytest.raises(ValidationError):
        svc.new_version(qm, aid)  # one open version at a time
    changed = [replace(copy[0], text_en="Changed.")] + [c for c in copy[1:] if c.number != "8.2"] + \
        [svc.Clause(area=2, text_zh="新增条款：供方每年提交一次质量体系自评报告。",
                    text_en="New: the supplier submits a yearly QMS self-assessment.")]
    svc.save_clauses(qm, v2, changed)
    rows = svc.diff(qm, v1, v2)
    assert eng.diff_counts(rows) == {"added": 1, "removed": 1, "changed": 1, "unchanged": len(copy) - 2}
    assert [r.new.number for r in rows if r.kind == "added"] == ["2.4"]
    assert [r.old.number for r in rows if r.kind == "removed"] == ["8.2"]
    _sign(qm, v2, date(2026, 7, 1), date(2028, 6, 30))
    # which version was in force on date X
    assert [v.version for v in svc.in_force_on(qm, qm.supplier_id, date(2026, 6, 30))] == [1]
    assert [v.version for v in svc.in_force_on(qm, qm.supplier_id, date(2026, 7, 1))] == [2]
    assert svc.in_force_on(qm, qm.supplier_id, date(2025, 1, 1)) == []
    assert svc.get_version(qm, v1, as_of=date(2026, 7, 1)).display_state == "superseded"
    # the hash of the signed PDF is stored with the version
    digest = svc.record_signed_pdf(qm, v2, b"%PDF-1.4 signed copy", "QA-S0100-01-v2.pdf")
    assert svc.get_version(qm, v2).signed_pdf_sha256 == digest
    with pytest.raises(ValidationError):
        svc.record_signed_pdf(qm, v2, b"not a pdf", "x.pdf")
    assert trail.verify_chain(qm).ok


def test_inspection_clauses_of_the_version_in_force(qm):
    with qm.begin() as s:
        from app.models.suppliers.tables import Part
        p = Part(code="P-100", name_zh="支架", name_en="Bracket")
        s.add(p)
        s.flush()
        pid = p.id
    aid, v1 = svc.create_agreement(qm, qm.supplier_id, part_ids=[pid], part_family="冲压件")
    assert svc.inspection_clauses(qm, qm.supplier_id) == []  # draft: not in force
    _sign(qm, v1, date(2026, 1, 1))
    rows = svc.inspection_clauses(qm, qm.supplier_id, as_of=date(2026, 3, 1))
    assert [(r.clause_no, r.part_id, r.aql, r.level, r.skip_lot_allowed) for r in rows] == [
        ("3.1", pid, "1.0", "II", True), ("3.2", pid, "0.65", "II", False)]
    assert rows[0].agreement_id == aid and rows[0].version == 1 and "GB/T 2828.1" in rows[0].text_zh


def test_validation_names_row_and_field(db):
    sid = sup.create_supplier(db, {"code": "S1", "name_zh": "甲", "name_en": "A"})
    _aid, vid = svc.create_agreement(db, sid)
    bad = [svc.Clause(area=1, text_zh="好"), svc.Clause(area=1, text_zh="x", party="nobody"),
           svc.Clause(area=7, text_zh="t", indicator="ppm", comparator=">=", threshold=None),
           svc.Clause(area=3, text_zh="t", aql="abc"), svc.Clause(area=2, text_zh="", text_en="")]
    with pytest.raises(ValidationError) as err:
        svc.save_clauses(db, vid, bad)
    text = str(err.value)
    assert "row 2: responsible party" in text and "row 3: target" in text and "row 4: AQL" in text
    assert "row 5: the clause needs" in text


def test_permissions(qm):
    qm.actor = identity.sign_in(qm, "li.sqe", PW)
    _aid, vid = svc.create_agreement(qm, qm.supplier_id)  # SQE may edit
    svc.submit_for_review(qm, vid)
    with pytest.raises(PermissionDenied):  # …but not sign
        svc.sign_version(qm, vid, purchaser=svc.Signatory("李强"), supplier=svc.Signatory("x"),
                         effective_from=date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        templates.create_template(qm, "SQE template")
    qm.actor = identity.sign_in(qm, "zhao.view", PW)
    with pytest.raises(PermissionDenied):
        svc.create_agreement(qm, qm.supplier_id)


def test_template_xlsx_round_trip_and_row_errors(db, tmp_path):
    from app.reports import agreement_template

    tid = templates.list_templates(db)[0].id
    path = tmp_path / "t.xlsx"
    agreement_template.write_template_xlsx(db, tid, path)
    new = templates.import_template(db, path, "导入模板")
    a, b = templates.template_clauses(db, tid), templates.template_clauses(db, new)
    strip = lambda c: replace(c, key="", id=None)  # noqa: E731
    assert [strip(c) for c in a] == [strip(c) for c in b]
    from openpyxl import load_workbook
    wb = load_workbook(path)
    wb.active["D3"] = "somebody"
    wb.active["A5"] = "12"
    wb.save(path)
    with pytest.raises(ValidationError) as err:
        templates.import_template(db, path, "坏模板")
    assert "row 3: responsible party" in str(err.value) and "row 5: area" in str(err.value)
    assert [t.name for t in templates.list_templates(db)].count("坏模板") == 0

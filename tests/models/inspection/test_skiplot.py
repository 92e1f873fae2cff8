"""Exemption and skip-lot act on receiving (issue 13): exempt lots accepted on the certificate,
skip-lot 1 in k with k = 2, ended by a rejection or a severity other than normal."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import select

from app.models.admin.tables import AuditEntry
from app.models.evaluation.tables import InspectionLot
from app.models.inspection import service
from app.models.inspection.tables import InspectionSetting, LotClassResult, SeverityChange
from tests.support.inspection import seed_pair


def _lot(sid, pid, number, size=500, **kw):
    return service.LotInput(sid, pid, number, size, inspected_on=date(2026, 11, 2), **kw)


def _grant(db, sid, pid, exemption):
    service.save_setting(db, sid, pid, aql_major=1.0, aql_minor=4.0, exemption=exemption,
                         exemption_reason="agreement QA-7 clause 5.2")


def test_exempt_lot_accepted_on_certificate_without_switching(db):
    sid, pid = seed_pair(db)
    _grant(db, sid, pid, "exempt")
    plan = service.plan_for(db, sid, pid, 500)
    assert plan.action == "exempt"
    assert plan.action_text("en") == "exempt — accept on the supplier's certificate of conformance"
    assert "免检" in plan.action_text("zh_CN")
    with db.read() as s:
        before = s.scalar(select(InspectionSetting).where(InspectionSetting.supplier_id == sid))
        score, lots, recent = before.switching_score, before.lots_count, before.recent_normal
    out = service.record_lot(db, _lot(sid, pid, "E1"))
    assert out.accepted and out.classes == () and out.corrective_action_id is None
    assert "granted by system:pytest" in out.reason("en") and "agreement QA-7" in out.reason("en")
    assert "免检由 system:pytest 批准" in out.reason("zh_CN")
    with db.read() as s:
        lot = s.get(InspectionLot, out.lot_id)
        assert (lot.decision, lot.sample_size, lot.major_defects) == ("accepted", 0, 0)
        assert lot.decision_reason.startswith("exempt") and "granted by system:pytest" in lot.decision_reason
        assert s.scalars(select(LotClassResult).where(LotClassResult.lot_id == lot.id)).all() == []
        row = s.scalar(select(InspectionSetting).where(InspectionSetting.supplier_id == sid))
        assert (row.switching_score, row.lots_count, row.recent_normal) == (score, lots, recent)
    # results cannot be entered for a lot that is not inspected
    import pytest
    from app.models.inspection.errors import InvalidInput
    with pytest.raises(InvalidInput):
        service.record_lot(db, _lot(sid, pid, "E2", defects={"major": 1}))


def test_skip_lot_one_in_two_and_rejection_ends_it(db):
    sid, pid = seed_pair(db)
    _grant(db, sid, pid, "skip_lot")
    # no inspected lot yet → inspect
    assert service.plan_for(db, sid, pid, 500).action == "inspect"
    a = service.record_lot(db, _lot(sid, pid, "K1", defects={"major": 0, "minor": 0}))
    assert a.classes and a.accepted
    plan = service.plan_for(db, sid, pid, 500)
    assert (plan.action, plan.skip_position, plan.skip_k) == ("skip", 1, 2)
    assert plan.action_text("en") == "skip this lot (1 of 2)"
    b = service.record_lot(db, _lot(sid, pid, "K2"))
    assert b.accepted and b.classes == () and "skip-lot" in b.reason("en")
    assert service.plan_for(db, sid, pid, 500).action == "inspect"
    assert service.plan_for(db, sid, pid, 500).action_text("en") == "inspect this lot"
    c = service.record_lot(db, _lot(sid, pid, "K3", defects={"major": 2, "minor": 0}))
    assert not c.accepted and c.skip_lot_ended
    with db.read() as s:
        row = s.scalar(select(InspectionSetting).where(InspectionSetting.supplier_id == sid))
        assert row.exemption == "none" and "K3 rejected" in row.exemption_reason
        ch = s.scalars(select(SeverityChange).where(SeverityChange.rule == "skip_lot_ended")).all()
        assert len(ch) == 1 and "rejected" in ch[0].reason
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "skip_lot_ended")) is not None
    # from now on every lot is inspected
    assert service.plan_for(db, sid, pid, 500).action == "inspect"


def test_skip_lot_only_on_normal_and_severity_change_ends_it(db):
    sid, pid = seed_pair(db)
    _grant(db, sid, pid, "skip_lot")
    service.record_lot(db, _lot(sid, pid, "T1", defects={"major": 2}))  # rejected → ends skip-lot
    with db.read() as s:
        assert s.scalar(select(InspectionSetting.exemption).where(InspectionSetting.supplier_id == sid)) == "none"
    _grant(db, sid, pid, "skip_lot")
    assert service.plan_for(db, sid, pid, 500).action == "skip"  # T1 was the last inspected lot
    with db.begin() as s:
        s.scalar(select(InspectionSetting).where(InspectionSetting.supplier_id == sid)).severity = "tightened"
    assert service.plan_for(db, sid, pid, 500).action == "inspect"  # skip-lot only on normal
    out = service.record_lot(db, _lot(sid, pid, "T3", defects={"major": 0}))
    assert out.classes and out.skip_lot_ended
    with db.read() as s:
        assert s.scalar(select(InspectionSetting.exemption).where(InspectionSetting.supplier_id == sid)) == "none"


def test_recompute_leaves_uninspected_lots_out(db):
    sid, pid = seed_pair(db)
    _grant(db, sid, pid, "skip_lot")
    service.record_lot(db, _lot(sid, pid, "R1", defects={"major": 0, "minor": 0}))
    service.record_lot(db, _lot(sid, pid, "R2"))  # skipped
    counts = service.recompute_switching(db)
    assert counts == {"pairs": 1, "lots": 1, "changed": 0}


def test_record_pdf_of_an_exempt_lot(db, tmp_path):
    from app.reports.inspection_record import write_record
    sid, pid = seed_pair(db)
    _grant(db, sid, pid, "exempt")
    out = service.record_lot(db, _lot(sid, pid, "P1"))
    for lang in ("en", "zh_CN"):
        path = tmp_path / f"r_{lang}.pdf"
        write_record(db, out.lot_id, path, lang=lang)
        assert path.stat().st_size > 1000
        if os.environ.get("QB_SKIPLOT_PNG"):
            import shutil
            shutil.copy(path, os.path.join(os.environ["QB_SKIPLOT_PNG"], path.name))

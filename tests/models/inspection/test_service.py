"""Inspection services: settings validation, plans, recording lots (decision, switching, SCAR in
one transaction), dispositions with concession signature, lists, recompute."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.engines import sampling
from app.models.admin import identity, signatures, trail, users
from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.admin.signatures import SignatureRequest
from app.models.evaluation.tables import InspectionLot
from app.models.inspection import service
from app.models.inspection.errors import InspectionError, InvalidInput
from app.models.inspection.tables import Disposition, InspectionSetting, LotClassResult, Measurement, SeverityChange
from app.models.suppliers.tables import CorrectiveAction
from tests.support.inspection import seed_pair


def _lot(sid, pid, number, size=500, **kw):
    return service.LotInput(sid, pid, number, size, inspected_on=kw.pop("on", date(2026, 11, 2)), **kw)


def test_plan_per_class_from_tables(db):
    sid, pid = seed_pair(db, aql_critical=0.065)
    plan = service.plan_for(db, sid, pid, 500)
    by = {c.defect_class: c.plan for c in plan.classes}
    # 500 pcs, level II → H (n 50); 2-A: AQL 1.0 H → 1/2; AQL 4.0 H → 5/6; AQL 0.065 H → arrow down to
    # J..., the first plan below is 0/1 at n=200 (letter L)
    assert (by["major"].code_letter, by["major"].n, by["major"].ac, by["major"].re) == ("H", 50, 1, 2)
    assert (by["minor"].n, by["minor"].ac, by["minor"].re) == (50, 5, 6)
    assert (by["critical"].code_letter, by["critical"].n, by["critical"].ac, by["critical"].re) == ("L", 200, 0, 1)
    assert plan.sample_size == 200 and plan.severity == "normal"


def test_setting_validation_names_the_field(db):
    sid, pid = seed_pair(db)
    with pytest.raises(InvalidInput) as e:
        service.save_setting(db, sid, pid, aql_major=1.1)
    assert e.value.field == "aql_major" and "preferred" in str(e.value)
    with pytest.raises(InvalidInput) as e:
        service.save_setting(db, sid, pid, exemption="skip_lot")
    assert e.value.field == "exemption_reason"
    with pytest.raises(InvalidInput) as e:
        service.save_setting(db, sid, pid, items=[service.ItemSpec("Length", "major", "variable", lower_limit=5,
                                                                   upper_limit=4)])
    assert e.value.field == "limits"
    with pytest.raises(InvalidInput):
        service.save_setting(db, sid, pid, level="IV")
    with pytest.raises(InvalidInput) as e:
        service.save_setting(db, sid, pid, aql_major=None, aql_minor=None)
    assert e.value.code == "no_aql"


def test_record_accepted_lot_from_measurements(db):
    sid, pid = seed_pair(db)
    values = {1: [10.0] * 49 + [10.2], 2: ["OK"] * 50}  # one diameter out of 9.9…10.1 → 1 major ≤ Ac 1
    out = service.record_lot(db, _lot(sid, pid, "L1", measurements=values, po_number="PO-9"))
    assert out.accepted and out.corrective_action_id is None
    assert [(c.defect_class, c.defects, c.ac) for c in out.classes] == [("major", 1, 1), ("minor", 0, 5)]
    assert "1 ≤ Ac 1" in out.reason("en") and "接收" in out.reason("zh_CN")
    with db.read() as s:
        lot = s.get(InspectionLot, out.lot_id)
        assert (lot.sample_size, lot.major_defects, lot.decision, lot.inspector, lot.po_number) == \
            (50, 1, "accepted", "pytest", "PO-9")
        m = s.scalars(select(Measurement).where(Measurement.lot_id == lot.id).order_by(Measurement.position)).all()
        assert [x.nonconforming for x in m] == [1, 0]
    # a sample left empty is refused with the characteristic named
    with pytest.raises(InvalidInput) as e:
        service.record_lot(db, _lot(sid, pid, "L2", measurements={1: [10.0] * 49}))
    assert "sample 50 of 50" in str(e.value)


def test_rejected_lot_raises_scar_and_second_rejection_tightens(db):
    sid, pid = seed_pair(db)
    first = service.record_lot(db, _lot(sid, pid, "R1", defects={"major": 2}))
    assert not first.accepted and first.corrective_action_number
    assert "2 ≥ Re 2" in first.reason("en")
    with db.read() as s:
        car = s.get(CorrectiveAction, first.corrective_action_id)
        assert car.source == "inspection" and "R1" in car.title and car.supplier_id == sid
        assert (car.due_on - date(2026, 11, 2)).days == 14
    service.record_lot(db, _lot(sid, pid, "A1", defects={"major": 0}))
    second = service.record_lot(db, _lot(sid, pid, "R2", defects={"minor": 6}))
    assert second.severity_before == "normal" and second.severity_after == "tightened"
    assert second.event_rule == "normal_to_tightened" and "3" in second.event_text("en")
    # the next lot gets the tightened plan (2-B: H, AQL 1.0 → 1/2 at n 80? no: 2-B H 1.0 → J arrow…)
    plan = service.plan_for(db, sid, pid, 500)
    major = {c.defect_class: c.plan for c in plan.classes}["major"]
    assert major.severity == "tightened" and (major.ac, major.re) == (sampling.plan_for_lot(500, "II", 1.0, "tightened").ac,
                                                                       sampling.plan_for_lot(500, "II", 1.0, "tightened").re)
    with db.read() as s:
        ch = s.scalars(select(SeverityChange)).all()
        assert [(c.from_severity, c.to_severity, c.rule) for c in ch] == [("normal", "tightened", "normal_to_tightened")]
        assert "9.3.1" in ch[0].reason and "R2" in ch[0].reason
    supplier_trail = [e for e in trail.history(db, "suppliers", sid) if e.action == "severity"]
    assert len(supplier_trail) == 1 and "9.3.1" in supplier_trail[0].reason


def test_record_is_one_transaction(db, monkeypatch):
    sid, pid = seed_pair(db)
    from app.models.suppliers import corrective

    def boom(*a, **k):
        raise RuntimeError("SCAR numbering failed")
    monkeypatch.setattr(corrective, "raise_corrective_action", boom)
    with pytest.raises(RuntimeError):
        service.record_lot(db, _lot(sid, pid, "X1", defects={"major": 5}))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(InspectionLot)) == 0
        assert s.scalar(select(InspectionSetting.lots_count)) == 0


def test_tightened_back_to_normal_after_five_accepted_and_discontinue(db):
    sid, pid = seed_pair(db, aql_minor=None)
    for i, d in enumerate([2, 2]):
        service.record_lot(db, _lot(sid, pid, f"R{i}", defects={"major": d}))
    outs = [service.record_lot(db, _lot(sid, pid, f"A{i}")) for i in range(5)]
    assert [o.severity_before for o in outs] == ["tightened"] * 5 and outs[-1].severity_after == "normal"
    assert outs[-1].event_rule == "tightened_to_normal"
    for i in range(2):
        service.record_lot(db, _lot(sid, pid, f"S{i}", defects={"major": 3}))
    for i in range(5):
        last = service.record_lot(db, _lot(sid, pid, f"T{i}", defects={"major": 3}))
    assert last.severity_after == "discontinued"
    with pytest.raises(InspectionError) as e:
        service.record_lot(db, _lot(sid, pid, "Z"))
    assert e.value.code == "discontinued"
    setting = service.get_setting(db, sid, pid)
    service.resume_inspection(db, setting.id, reason="8D accepted")
    assert service.get_setting(db, sid, pid).severity == "tightened"


def test_reduced_needs_score_30_and_approval(db):
    sid, pid = seed_pair(db, aql_minor=None)  # major AQL 1.0 at 500 → Ac 1: +2 per accepted lot
    for i in range(15):
        out = service.record_lot(db, _lot(sid, pid, f"A{i}"))
    assert out.switching_score == 30 and out.severity_after == "normal"  # not approved
    setting = service.get_setting(db, sid, pid)
    service.approve_reduced(db, setting.id, True, reason="stable process, 8 months")
    assert service.get_setting(db, sid, pid).reduced_approved_by == "pytest"
    out = service.record_lot(db, _lot(sid, pid, "A15"))
    assert out.severity_after == "reduced" and out.event_rule == "normal_to_reduced"
    plan = service.plan_for(db, sid, pid, 500)
    p = plan.classes[0].plan  # Table 2-C: H → arrow down to J, n 32, 1/2
    assert (p.severity, p.code_letter, p.n, p.ac, p.re) == ("reduced", "J", 32, 1, 2)
    service.approve_reduced(db, setting.id, False, reason="customer complaint")
    assert service.get_setting(db, sid, pid).severity == "normal"


def test_disposition_quantities_and_concession_signature(db):
    sid, pid = seed_pair(db)
    out = service.record_lot(db, _lot(sid, pid, "R1", 500, defects={"major": 4}))
    with pytest.raises(InvalidInput) as e:
        service.record_disposition(db, out.lot_id, [service.DispositionLine("return", 300),
                                                    service.DispositionLine("scrap", 100)])
    assert "400" in str(e.value) and "500" in str(e.value)
    with pytest.raises(InvalidInput) as e:
        service.record_disposition(db, out.lot_id, [service.DispositionLine("sort", 500)])
    assert e.value.field == "performed_by"
    assert [r.lot_number for r in service.list_lots(db, "awaiting")] == ["R1"]
    lines = [service.DispositionLine("sort", 400, "supplier", "supplier"),
             service.DispositionLine("concession", 80, notes="cosmetic only, deviation D-7"),
             service.DispositionLine("scrap", 20)]
    users.create_user(db, "zhou.qm", "周敏", "Quality2026", ["quality_manager"])
    identity.sign_in(db, "zhou.qm", "Quality2026")
    # a concession needs the signature when the administrator's list requires it (default: yes)
    with pytest.raises(signatures.SignatureRequired):
        service.record_disposition(db, out.lot_id, [service.DispositionLine("concession", 500, notes="deviation D-7")])
    service.record_disposition(db, out.lot_id, lines, signature=SignatureRequest("Quality2026", "approved"))
    sigs = signatures.signature_states(db, "inspection_lots", out.lot_id)
    assert [(g.action, g.username, g.valid) for g in sigs] == [("inspection.concession", "zhou.qm", True)]
    assert service.lot_detail(db, out.lot_id).dispositions[1][6] == "周敏"
    with db.read() as s:
        assert s.scalar(select(func.sum(Disposition.quantity)).where(Disposition.lot_id == out.lot_id)) == 500
        assert s.get(InspectionLot, out.lot_id).disposition == "sort"
    assert service.list_lots(db, "awaiting") == []
    assert [r.lot_number for r in service.list_lots(db, "concession")] == ["R1"]
    with pytest.raises(InspectionError):
        service.record_disposition(db, out.lot_id, [service.DispositionLine("scrap", 500)])


def test_permissions_inspector_cannot_concede_or_edit_settings(db):
    sid, pid = seed_pair(db)
    out = service.record_lot(db, _lot(sid, pid, "R1", 500, defects={"major": 4}))
    db.actor = Actor(7, "zhang", "张检验", ("incoming_inspector",), frozenset({"inspection.record"}))
    with pytest.raises(PermissionDenied):
        service.save_setting(db, sid, pid)
    with pytest.raises(PermissionDenied):
        service.record_disposition(db, out.lot_id, [service.DispositionLine("concession", 500, notes="x")])
    service.record_disposition(db, out.lot_id, [service.DispositionLine("return", 500)])
    assert service.lot_detail(db, out.lot_id).dispositions[0][5] == "张检验"


def test_lists_and_history(db):
    sid, pid = seed_pair(db)
    today = date(2026, 11, 2)
    service.record_lot(db, _lot(sid, pid, "A1", on=date(2026, 11, 1)))
    service.record_lot(db, _lot(sid, pid, "R1", defects={"major": 2}, on=today))
    assert [r.lot_number for r in service.list_lots(db, "today", today=today)] == ["R1"]
    assert service.count_lots(db, "all") == 2
    h = service.pair_history(db, sid, pid)
    assert h.lot_numbers == ["A1", "R1"] and h.severities == ["normal", "normal"]
    assert h.scores == [3, 0]  # minor AQL 4.0 has Ac 5 ≥ 2 and passes 2.5 (Ac 3): +3; then a rejection resets
    assert h.accepted == [True, False]
    detail = service.lot_detail(db, h.lot_ids[1])
    assert detail.corrective_action_number and detail.classes[0].defects == 2


def test_recompute_replays_history(db):
    sid, pid = seed_pair(db, aql_minor=None)
    for i, d in enumerate([2, 0, 2, 0, 0]):
        service.record_lot(db, _lot(sid, pid, f"L{i}", defects={"major": d}))
    with db.begin() as s:  # spoil the stored state
        row = s.scalar(select(InspectionSetting))
        row.severity, row.switching_score = "normal", 12
    counts = service.recompute_switching(db)
    assert counts == {"pairs": 1, "lots": 5, "changed": 1}
    st = service.get_setting(db, sid, pid)
    assert st.severity == "tightened" and st.switching_score == 0

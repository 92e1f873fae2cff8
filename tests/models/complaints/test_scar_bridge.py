"""The bridge: a complaint traced to a purchased part raises a SCAR on its supplier in the same
transaction, pre-filled, linked both ways; closing waits for the SCAR's containment (D3)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.complaints import service as svc
from app.models.complaints.errors import ComplaintError
from app.models.suppliers import corrective
from tests.models.complaints.conftest import intake

T = datetime(2026, 3, 9, 9, 0)


def _to_rating(db, cid):
    steps = ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "inform"]
    for i, step in enumerate(steps):
        svc.complete_step(db, cid, step, f"{step} text", at=T + timedelta(hours=i))
    svc.complete_step(db, cid, "rating", "solved", rating=5, at=T + timedelta(hours=12))


def test_raise_scar_prefilled_and_linked_both_ways(db, world):
    cid = svc.create_complaint(db, intake(world), now=T)
    svc.complete_step(db, cid, "D1", "team", at=T)
    svc.complete_step(db, cid, "D2", "Burr 0.3 mm on edge A, 120 pcs of lot L2603-07", at=T + timedelta(hours=1))
    car_id = svc.raise_scar(db, cid, issued_on=date(2026, 3, 9))
    car = corrective.get_corrective_action(db, car_id)
    assert car.supplier_id == world["supplier_a"]  # the part's main supplier (70 %)
    assert car.source == "complaint" and car.due_on == date(2026, 4, 8)
    for text in ("CC-2026-00001", "P-100", "L2603-07", "burr", "120", "Burr 0.3 mm on edge A"):
        assert text in car.description
    assert car.eight_d["D2"].startswith("Burr 0.3 mm")
    d = svc.get_complaint(db, cid)
    assert d.supplier_code == "S-A" and d.scar.number == car.number and d.scar.containment_open
    assert d.events[-1]["action"] == "scar"
    with pytest.raises(ComplaintError, match="already"):
        svc.raise_scar(db, cid)
    traced = svc.list_complaints(db, svc.ComplaintFilter(supplier_id=world["supplier_a"]))
    assert traced["car_id"].tolist() == [car_id]


def test_a_failed_scar_leaves_nothing_behind(db, world):
    cid = svc.create_complaint(db, intake(world), now=T)
    with pytest.raises(Exception):
        svc.raise_scar(db, cid, due_on=date(2000, 1, 1))  # due before issue: the SCAR refuses
    assert svc.get_complaint(db, cid).scar is None and corrective.list_corrective_actions(db) == []


def test_close_refused_while_the_scar_containment_is_open(db, world):
    cid = svc.create_complaint(db, intake(world), now=T)
    svc.raise_scar(db, cid, supplier_id=world["supplier_b"])
    _to_rating(db, cid)
    with pytest.raises(ComplaintError) as err:
        svc.close_complaint(db, cid, at=T + timedelta(hours=13))
    assert err.value.code == "scar_containment_open"
    # the supplier answers D3: now it may close
    car_id = svc.get_complaint(db, cid).scar.id
    corrective.set_8d(db, car_id, "D3", "Stock of 2,000 pcs sorted; green labels")
    assert not svc.get_complaint(db, cid).scar.containment_open
    svc.close_complaint(db, cid, at=T + timedelta(hours=13))
    assert svc.get_complaint(db, cid).state == "closed"


def test_override_needs_a_reason_and_the_override_permission(db, world):
    cid = svc.create_complaint(db, intake(world), now=T)
    svc.raise_scar(db, cid)
    _to_rating(db, cid)
    users.create_user(db, "liu", "刘洋", "Quality2026", ["customer_quality_engineer"])
    identity.sign_in(db, "liu", "Quality2026")
    with pytest.raises(PermissionDenied) as err:
        svc.close_complaint(db, cid, at=T + timedelta(hours=13), override_reason="customer accepts")
    assert err.value.permission == "complaints.override"
    db.actor = identity.Actor.system_job("pytest")
    svc.close_complaint(db, cid, at=T + timedelta(hours=13), override_reason="customer accepts the sorted stock")
    hist = trail.history(db, "complaints", cid)
    assert hist[-1].reason == "customer accepts the sorted stock"
    assert "[override: customer accepts the sorted stock]" in svc.get_complaint(db, cid).events[-1]["text"]


def test_closing_signed_when_the_administrator_requires_it(db, world):
    from app.models.admin import signatures
    from app.models.admin.signatures import SignatureRequest

    cid = svc.create_complaint(db, intake(world, complaint_type="delivery"), now=T)
    for i, step in enumerate(("identify", "analyse", "propose", "implement", "verify", "improve", "inform")):
        svc.complete_step(db, cid, step, "ok", at=T + timedelta(hours=i))
    svc.complete_step(db, cid, "rating", "ok", rating=4, at=T + timedelta(hours=8))
    signatures.set_required_actions(db, {"complaints.close"})
    users.create_user(db, "qm", "周敏", "Quality2026", ["quality_manager"])
    identity.sign_in(db, "qm", "Quality2026")
    with pytest.raises(signatures.SignatureRequired):
        svc.close_complaint(db, cid, at=T + timedelta(hours=9))
    assert svc.get_complaint(db, cid).state == "open"
    svc.close_complaint(db, cid, at=T + timedelta(hours=9), signature=SignatureRequest("Quality2026", "approved"))
    [state] = signatures.signature_states(db, "complaints", cid)
    assert state.valid and state.username == "qm" and svc.get_complaint(db, cid).state == "closed"

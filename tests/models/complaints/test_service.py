"""Complaint services on a real database file: intake, steps, SLA, pause, reopen, attachments,
costs, the list, permissions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.complaints import service as svc
from app.models.complaints.errors import ComplaintError, ValidationError
from app.models.complaints.tables import ComplaintEvent
from tests.models.complaints.conftest import intake

NOW = datetime(2026, 3, 11, 14, 0)  # Wednesday; Monday 2026-03-09 is not a holiday here


def test_intake_reports_every_problem_at_once(db, world):
    bad = intake(world, customer_id=None, contact_id=world["contact_en"], channel="fax", title=" ", description="",
                 qty_affected=-1, received_at=datetime(2030, 1, 1), lot="x" * 61)
    with pytest.raises(ValidationError) as err:
        svc.create_complaint(db, bad, now=NOW)
    fields = [p.field for p in err.value.problems]
    assert fields == ["customer_id", "channel", "received_at", "qty_affected", "title", "description", "lot"]
    assert "顾客" in err.value.problems[0].text("zh_CN")
    wrong = intake(world, customer_id=world["other"])
    with pytest.raises(ValidationError) as err:
        svc.create_complaint(db, wrong, now=NOW)
    assert [p.code for p in err.value.problems] == ["wrong_customer"]


def test_steps_in_order_who_when_what_and_the_sla(db, world):
    cid = svc.create_complaint(db, intake(world), now=NOW)
    d = svc.get_complaint(db, cid, now=datetime(2026, 3, 6, 16, 0))
    assert d.number == "CC-2026-00001" and d.current_step == "D1" and d.state == "open"
    # critical: first response 4 working hours from Fri 15:00 → Fri 15–17 (120) + Mon 08–10 → Mon 10:00
    assert d.sla_milestone == "first_response" and d.sla_left == 180
    assert d.sla_due_at == datetime(2026, 3, 9, 10, 0)
    with pytest.raises(ComplaintError, match="skipped"):
        svc.complete_step(db, cid, "D3", "sorted", at=datetime(2026, 3, 6, 16, 0))
    assert svc.complete_step(db, cid, "D1", "CQE Li + production", at=datetime(2026, 3, 6, 16, 0)) == "D2"
    d = svc.get_complaint(db, cid, now=datetime(2026, 3, 6, 16, 30))
    # containment: 24 working hours from receipt: Fri 15–17 120 + Mon 480 + Tue 480 + Wed 08–12, 13–15 → Wed 15:00
    assert d.sla_milestone == "containment" and d.sla_due_at == datetime(2026, 3, 11, 15, 0)
    assert d.events[-1]["by"] == "pytest" and d.events[-1]["step"] == "D1"
    assert d.flow["records"]["D1"]["text"] == "CQE Li + production"


def test_pause_stops_the_clock_and_is_listed_as_waiting(db, world):
    cid = svc.create_complaint(db, intake(world), now=NOW)
    svc.pause(db, cid, "asked for photos and the lot label", at=datetime(2026, 3, 9, 9, 0))
    with pytest.raises(ComplaintError, match="waiting"):
        svc.complete_step(db, cid, "D1", "team", at=datetime(2026, 3, 9, 10, 0))
    d = svc.get_complaint(db, cid, now=datetime(2026, 3, 10, 9, 0))
    # used: Fri 15–17 120 + Mon 08–09 60 = 180; paused since Mon 09:00
    assert d.state == "waiting" and d.sla_paused and d.sla_left == 60
    svc.resume(db, cid, at=datetime(2026, 3, 10, 9, 0))
    d = svc.get_complaint(db, cid, now=datetime(2026, 3, 10, 11, 0))
    # 180 + Tue 09–11 120 = 300 used of 240 → 60 over
    assert d.sla_left == -60 and d.state == "open"
    frame = svc.sla_states(db, now=datetime(2026, 3, 10, 11, 0))
    assert frame["overdue"].tolist() == [True]


def test_close_after_rating_and_reopen_with_reason(db, world):
    cid = svc.create_complaint(db, intake(world, complaint_type="delivery", severity="minor"), now=NOW)
    t = datetime(2026, 3, 9, 9, 0)
    for i, step in enumerate(["identify", "analyse", "propose", "implement", "verify", "improve", "inform"]):
        svc.complete_step(db, cid, step, f"{step} done", at=t + timedelta(hours=i))
    with pytest.raises(ComplaintError, match="rating"):
        svc.close_complaint(db, cid, at=t + timedelta(hours=8))
    svc.complete_step(db, cid, "rating", "fast and clear", rating=4, at=t + timedelta(hours=8))
    svc.close_complaint(db, cid, at=t + timedelta(hours=9))
    d = svc.get_complaint(db, cid)
    assert d.state == "closed" and d.rating == 4 and d.sla_left is None
    with pytest.raises(ComplaintError, match="reason"):
        svc.reopen_complaint(db, cid, " ")
    assert svc.reopen_complaint(db, cid, "late again in April", at=t + timedelta(days=30)) == "analyse"
    d = svc.get_complaint(db, cid)
    assert d.state == "open" and d.reopen_count == 1 and d.rating is None
    # the 30 days it stood closed are not counted: a pause from closing to reopening
    assert [(p["started_at"], p["ended_at"]) for p in d.pauses] == [(t + timedelta(hours=9), t + timedelta(days=30))]
    hist = trail.history(db, "complaints", cid)
    assert any(e.reason == "late again in April" for e in hist)


def test_attachments_are_copied_beside_the_database(db, world, tmp_path):
    cid = svc.create_complaint(db, intake(world), now=NOW)
    src = tmp_path / "usb" / "photo 1.jpg"
    src.parent.mkdir()
    src.write_bytes(b"\xff\xd8 jpeg bytes")
    aid = svc.add_attachment(db, cid, src)
    src.unlink()  # the stick is gone: the copy stays
    stored = svc.attachment_path(db, aid)
    assert stored.read_bytes() == b"\xff\xd8 jpeg bytes"
    assert stored.parent.parent.parent == db.path.with_name(db.path.name + ".files")
    d = svc.get_complaint(db, cid)
    assert d.attachments[0]["sha256"].startswith("3c") or len(d.attachments[0]["sha256"]) == 64
    assert d.attachments[0]["file_name"] == "photo 1.jpg"


def test_costs_validated(db, world):
    cid = svc.create_complaint(db, intake(world), now=NOW)
    with pytest.raises(ValidationError) as err:
        svc.set_costs(db, cid, credit=-5, returns=float("inf"))
    assert [p.field for p in err.value.problems] == ["credit_amount", "returns_amount"]
    svc.set_costs(db, cid, credit=1200.0, returns=300.5, sorting=80.0)
    assert svc.get_complaint(db, cid).cost_total == pytest.approx(1580.5)


def test_list_filters_and_due_first_order(db, world):
    a = svc.create_complaint(db, intake(world, severity="minor", received_at=datetime(2026, 3, 2, 9, 0)), now=NOW)
    b = svc.create_complaint(db, intake(world, severity="critical", received_at=datetime(2026, 3, 10, 9, 0)), now=NOW)
    c = svc.create_complaint(db, intake(world, complaint_type="commercial", part_id=None, severity="major",
                                        received_at=datetime(2026, 2, 2, 9, 0)), now=NOW)
    for step in ["identify", "analyse", "propose", "implement", "verify", "improve", "inform"]:
        svc.complete_step(db, c, step, "ok", at=datetime(2026, 2, 3, 9, 0))
    svc.complete_step(db, c, "rating", "ok", rating=3, at=datetime(2026, 2, 3, 9, 0))
    svc.close_complaint(db, c, at=datetime(2026, 2, 3, 10, 0))
    df = svc.list_complaints(db, now=NOW)
    # critical from Tue 09:00: 4 h → Tue 13:00 (overdue); minor from Mon 2nd: 2 d → Tue 3rd 17:00 (overdue);
    # the minor one is due earlier, so it comes first; the closed one last
    assert df["id"].tolist() == [a, b, c]
    assert df["overdue"].tolist() == [True, True, False]
    assert svc.list_complaints(db, svc.ComplaintFilter(severity="critical"), now=NOW)["id"].tolist() == [b]
    assert svc.list_complaints(db, svc.ComplaintFilter(state="closed"), now=NOW)["id"].tolist() == [c]
    assert svc.list_complaints(db, svc.ComplaintFilter(overdue_only=True), now=NOW)["id"].tolist() == [a, b]
    march = svc.ComplaintFilter(received_from=date(2026, 3, 1), received_to=date(2026, 3, 31))
    assert set(svc.list_complaints(db, march, now=NOW)["id"]) == {a, b}
    assert svc.list_complaints(db, svc.ComplaintFilter(text="OEM1", complaint_type="commercial"), now=NOW)["id"].tolist() == [c]


def test_targets_are_configurable(db, world):
    svc.set_target(db, "critical", "*", "first_response", "2h")
    cid = svc.create_complaint(db, intake(world), now=NOW)
    d = svc.get_complaint(db, cid, now=datetime(2026, 3, 6, 16, 0))
    assert d.sla_left == 60
    with pytest.raises(ValidationError):
        svc.set_target(db, "critical", "*", "closure", "soon")
    # a type's own target wins over the every-type one: 1 h for critical quality complaints
    svc.set_target(db, "critical", "quality", "first_response", "1h")
    assert svc.get_complaint(db, cid, now=datetime(2026, 3, 6, 16, 0)).sla_left == 0
    other = svc.create_complaint(db, intake(world, complaint_type="delivery"), now=NOW)
    assert svc.get_complaint(db, other, now=datetime(2026, 3, 6, 16, 0)).sla_left == 60


def test_a_viewer_may_not_record_complaints(db, world):
    users.create_user(db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(db, "zhao", "Viewer2026")
    with pytest.raises(PermissionDenied) as err:
        svc.create_complaint(db, intake(world), now=NOW)
    assert err.value.permission == "complaints.record"
    with db.read() as s:
        assert s.scalars(select(ComplaintEvent)).all() == []

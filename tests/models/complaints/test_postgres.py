"""The complaint services on PostgreSQL: intake, steps, the SCAR bridge, the SLA pass and the list
(the same SQL as on SQLite, datetimes as the driver gives them)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.models.complaints import service as svc
from tests.models.complaints.conftest import intake, make_world


def test_complaint_services_on_postgres(pg_db):
    world = make_world(pg_db)
    t = datetime(2026, 3, 9, 9, 0)
    cid = svc.create_complaint(pg_db, intake(world), now=t)
    svc.complete_step(pg_db, cid, "D1", "team", at=t)
    svc.pause(pg_db, cid, "photos", at=t + timedelta(hours=1))
    svc.resume(pg_db, cid, at=t + timedelta(hours=3))
    car = svc.raise_scar(pg_db, cid)
    d = svc.get_complaint(pg_db, cid, now=datetime(2026, 3, 9, 16, 0))
    assert d.scar.id == car and d.sla_milestone == "containment"
    # 24 working hours from Fri 15:00: Fri 120 + Mon 480 − paused Mon 10–12 (120) … used 120+420−120 = 420
    assert d.sla_left == 1440 - 420
    df = svc.list_complaints(pg_db, svc.ComplaintFilter(supplier_id=world["supplier_a"]),
                             now=datetime(2026, 3, 9, 16, 0))
    assert df["id"].tolist() == [cid] and df["car_number"].iloc[0].startswith("SCAR-")
    assert svc.supplier_complaint_counts(pg_db, datetime(2026, 3, 1).date(), datetime(2026, 3, 31).date()) == \
        {world["supplier_a"]: 1}


def test_monthly_report_and_register_on_postgres(pg_db):
    from datetime import date

    world = make_world(pg_db)
    t = datetime(2026, 3, 9, 9, 0)
    cid = svc.create_complaint(pg_db, intake(world, complaint_type="delivery"), now=t)
    for i, step in enumerate(("identify", "analyse", "propose", "implement", "verify", "improve", "inform")):
        svc.complete_step(pg_db, cid, step, "ok", at=t + timedelta(hours=i))
    svc.complete_step(pg_db, cid, "rating", "ok", rating=4, at=t + timedelta(hours=8))
    svc.close_complaint(pg_db, cid, at=t + timedelta(hours=9))
    r = svc.monthly_report(pg_db, date(2026, 3, 1), date(2026, 3, 31), now=datetime(2026, 4, 1))
    assert r.summary["received"] == 1 and r.summary["closed"] == 1 and r.summary["average_rating"] == 4.0
    assert r.sla_by_month.loc["2026-03", "share"] == 1.0
    assert svc.register_frame(pg_db)["state"].tolist() == ["closed"]

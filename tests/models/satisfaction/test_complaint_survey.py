"""Closed complaints' handling ratings stored as the transaction survey TX-COMPLAINT: quarterly
waves, one respondent per rated complaint (two of one contact in a quarter both count), idempotent,
re-ratings updated (and moved to the quarter of a later close),
the permission checked, one trail entry, and the waves analysable like any other."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.complaints.tables import Complaint
from app.models.customers.tables import Customer, CustomerContact
from app.models.satisfaction import complaint_survey as cs
from app.models.satisfaction.tables import Answer, Respondent, Survey, Wave


def _world(db):
    with db.begin() as s:
        cu = Customer(code="A", name_zh="甲")
        s.add(cu)
        s.flush()
        k = CustomerContact(customer_id=cu.id, name="Wang")
        s.add(k)
        s.flush()
        t = datetime(2026, 1, 10, 9)
        s.add_all([
            Complaint(number="K1", customer_id=cu.id, contact_id=k.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 2, 5), rating=2),
            Complaint(number="K2", customer_id=cu.id, contact_id=k.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 3, 20), rating=4),      # same contact, same quarter: counts too
            Complaint(number="K3", customer_id=cu.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 3, 2), rating=5),       # no contact
            Complaint(number="K4", customer_id=cu.id, contact_id=k.id, received_at=t, state="closed",
                      closed_at=datetime(2026, 11, 2), rating=3),      # Q4, still running on 2026-12-03
            Complaint(number="K5", customer_id=cu.id, received_at=t, state="closed", closed_at=datetime(2026, 3, 3)),
            Complaint(number="K6", customer_id=cu.id, received_at=t, state="open", rating=1),
        ])


def _answers(db):
    with db.begin() as s:
        return sorted(s.execute(select(Wave.code, Wave.state, Respondent.contact_id.is_not(None), Answer.value)
                                .join(Respondent, Respondent.wave_id == Wave.id)
                                .join(Answer, Answer.respondent_id == Respondent.id)).all())


def test_ratings_become_quarterly_transaction_waves(db):
    _world(db)
    r = cs.sync_complaint_ratings(db, today=date(2026, 12, 3))
    assert (r.waves, r.stored, r.updated, r.moved, r.total) == (2, 4, 0, 0, 4)
    assert _answers(db) == [("TX-COMPLAINT-2026Q1", "closed", False, 5.0), ("TX-COMPLAINT-2026Q1", "closed", True, 2.0),
                            ("TX-COMPLAINT-2026Q1", "closed", True, 4.0), ("TX-COMPLAINT-2026Q4", "open", True, 3.0)]
    with db.begin() as s:
        sv = s.scalar(select(Survey).where(Survey.code == "TX-COMPLAINT"))
        assert (sv.purpose, sv.scale_min, sv.scale_max) == ("transaction", 1, 5)
        assert {x.source for x in s.scalars(select(Respondent))} == {"complaint"}
    # again: nothing new
    again = cs.sync_complaint_ratings(db, today=date(2026, 12, 3))
    assert (again.stored, again.updated, again.waves) == (0, 0, 0)
    assert len(_answers(db)) == 4
    # K4 reopened and rated again; the quarter is over by January
    with db.begin() as s:
        s.scalar(select(Complaint).where(Complaint.number == "K4")).rating = 5
    r = cs.sync_complaint_ratings(db, today=date(2027, 1, 5))
    assert (r.stored, r.updated) == (0, 1)
    assert _answers(db)[-1] == ("TX-COMPLAINT-2026Q4", "closed", True, 5.0)
    # K1 reopened in spring and closed again with a better rating: its answer moves to Q2
    with db.begin() as s:
        k1 = s.scalar(select(Complaint).where(Complaint.number == "K1"))
        k1.closed_at, k1.rating = datetime(2026, 4, 10), 3
    r = cs.sync_complaint_ratings(db, today=date(2027, 1, 5))
    assert (r.waves, r.stored, r.updated, r.moved) == (1, 0, 1, 1)
    assert ("TX-COMPLAINT-2026Q2", "closed", True, 3.0) in _answers(db) and len(_answers(db)) == 4
    with db.begin() as s:
        assert s.scalar(select(Respondent.answered_on).where(Respondent.complaint_id == k1.id)) == date(2026, 4, 10)


def test_the_database_refuses_a_second_answer_of_one_contact_outside_complaints_and_a_complaint_twice(db):
    from sqlalchemy.exc import IntegrityError

    _world(db)
    cs.sync_complaint_ratings(db, today=date(2026, 12, 3))
    with db.begin() as s:
        one = s.scalar(select(Respondent).where(Respondent.contact_id.is_not(None)))
        wave, customer, contact, complaint = one.wave_id, one.customer_id, one.contact_id, one.complaint_id
    with pytest.raises(IntegrityError):
        with db.begin() as s:
            s.add(Respondent(wave_id=wave, customer_id=customer, contact_id=contact, source="complaint",
                             complaint_id=complaint))
    with db.begin() as s:  # an entered answer of that contact: one is allowed beside the complaints
        s.add(Respondent(wave_id=wave, customer_id=customer, contact_id=contact, source="entry"))
    with pytest.raises(IntegrityError):
        with db.begin() as s:
            s.add(Respondent(wave_id=wave, customer_id=customer, contact_id=contact, source="entry"))


def test_the_wave_analyses_like_any_other(db):
    from app.models.satisfaction import analysis

    _world(db)
    cs.sync_complaint_ratings(db, today=date(2026, 12, 3))
    with db.begin() as s:
        wid = s.scalar(select(Wave.id).where(Wave.code == "TX-COMPLAINT-2026Q1"))
    data = analysis.load_wave(db, wid)
    assert (data.survey_code, data.scale) == ("TX-COMPLAINT", (1, 5))
    assert sorted(data.ratings["HANDLING"]) == [2.0, 4.0, 5.0]
    result = analysis.analyse_wave(db, wid, resamples=20)
    # ratings 2, 4 and 5 on 1–5: mean 11/3 → 100·(11/3 − 1)/4 = 66.67
    assert result.node_ci["TOTAL"].index == pytest.approx(200 / 3) and result.node_ci["TOTAL"].n == 3


def test_needs_the_respond_permission_and_writes_one_trail_entry(db):
    from app.models.admin import trail

    _world(db)
    db.actor = Actor(None, "viewer", "Viewer", ("auditor",), frozenset({"satisfaction.view"}))
    with pytest.raises(PermissionDenied):
        cs.sync_complaint_ratings(db)
    db.actor = Actor.system_job("pytest")
    cs.sync_complaint_ratings(db, today=date(2026, 12, 3))
    with db.begin() as s:
        from app.models.admin.tables import AuditEntry

        entries = [e for e in s.scalars(select(AuditEntry)) if e.entity == "sat_respondents"]
    assert len(entries) == 1

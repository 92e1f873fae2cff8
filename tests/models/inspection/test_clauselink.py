"""The quality agreement's inspection clause beside the inspection setting: which clause is in force
(part-specific before supplier-wide), the differences shown, and the skip-lot grant rule (grade A +
a clause that allows skip-lot, else a recorded override reason)."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app.models.admin import signatures
from app.models.admin.tables import AuditEntry
from app.models.agreements import service as agr
from app.models.inspection import service
from app.models.inspection.errors import InvalidInput
from tests.support.inspection import seed_pair

DAY = date(2026, 6, 1)


def _agreement(db, sid, part_ids=(), skip=True, level="II"):
    aid, vid = agr.create_agreement(db, sid, part_ids=list(part_ids))
    clauses = [replace(c, skip_lot_allowed=skip if c.aql == "1.0" else c.skip_lot_allowed,
                       level=level if c.aql else c.level) for c in agr.version_clauses(db, vid)]
    agr.save_clauses(db, vid, clauses)
    agr.submit_for_review(db, vid)
    agr.sign_version(db, vid, purchaser=agr.Signatory("王芳"), supplier=agr.Signatory("陈建国"),
                     effective_from=date(2026, 1, 1))
    return aid


@pytest.fixture
def pair(db):
    signatures.set_required_actions(db, set())  # sign agreements without a password in these tests
    return seed_pair(db)


def _reasons(db):
    with db.read() as s:
        return [r for r in s.scalars(select(AuditEntry.reason).where(AuditEntry.entity == "inspection_settings"))]


def test_clause_in_force_part_specific_first_and_differences(db, pair):
    sid, pid = pair
    assert service.get_setting(db, sid, pid, as_of=DAY).clause is None
    wide = _agreement(db, sid, level="III")
    view = service.get_setting(db, sid, pid, as_of=DAY)
    assert (view.clause.agreement_id, view.clause.clause_no, view.clause.part_id) == (wide, "3.1", None)
    assert [(d.field, d.setting, d.clause) for d in view.differences] == [("level", "II", "III")]
    assert "协议条款 III" in view.differences[0].text("zh_CN")
    specific = _agreement(db, sid, part_ids=[pid])
    view = service.get_setting(db, sid, pid, as_of=DAY)
    assert (view.clause.agreement_id, view.clause.part_id, view.differences) == (specific, pid, ())
    # the other part keeps the supplier-wide clause
    other = service.clause_in_force(db, sid, pid + 1, as_of=DAY)
    assert other.agreement_id == wide


def test_departure_from_the_clause_is_logged(db, pair):
    sid, pid = pair
    _agreement(db, sid)
    service.save_setting(db, sid, pid, aql_major=0.65, as_of=DAY)
    assert any("differs from agreement" in (r or "") and "AQL major: setting 0.65, agreement clause 1.0"
               in r for r in _reasons(db))


def test_skip_lot_needs_grade_a_and_clause_or_a_recorded_override(db, pair, monkeypatch):
    sid, pid = pair
    _agreement(db, sid, skip=False)
    monkeypatch.setattr(service, "_grade", lambda s, supplier_id: ("A", "2026-10"))
    with pytest.raises(InvalidInput) as e:  # grade A, but the clause in force does not allow skip-lot
        service.save_setting(db, sid, pid, exemption="skip_lot", as_of=DAY)
    assert e.value.field == "exemption_reason" and "does not allow skip-lot" in str(e.value)
    service.save_setting(db, sid, pid, exemption="skip_lot", exemption_reason="军品急单 one-off", as_of=DAY)
    assert any(r and r.startswith("skip_lot: override: 军品急单 one-off") for r in _reasons(db))


def test_skip_lot_granted_by_grade_a_and_clause(db, pair, monkeypatch):
    sid, pid = pair
    _agreement(db, sid, skip=True)
    monkeypatch.setattr(service, "_grade", lambda s, supplier_id: ("B", "2026-10"))
    with pytest.raises(InvalidInput) as e:
        service.save_setting(db, sid, pid, exemption="exempt", as_of=DAY)
    assert "grade is B" in str(e.value)
    monkeypatch.setattr(service, "_grade", lambda s, supplier_id: ("A", "2026-10"))
    service.save_setting(db, sid, pid, exemption="skip_lot", as_of=DAY)
    view = service.get_setting(db, sid, pid, as_of=DAY)
    assert view.exemption == "skip_lot" and "clause 3.1" in view.exemption_reason
    assert any(r and "allowed by agreement" in r and "override" not in r for r in _reasons(db))

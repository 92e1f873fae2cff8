"""The demo agreements: class I/II approved suppliers, second versions, one expiring soon, stored
hashes equal to the service's content hash, and breaches in some months."""

from __future__ import annotations

from sqlalchemy import select

from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.agreements import targets
from app.models.agreements.tables import AgreementVersion
from app.models.suppliers.tables import Supplier


def test_demo_agreements(demo_db):
    db = demo_db
    rows = svc.list_agreements(db)
    with db.read() as s:
        eligible = set(s.scalars(select(Supplier.id).where(Supplier.status == "approved",
                                                           Supplier.importance_class.in_(("I", "II")))))
        for v in s.scalars(select(AgreementVersion).where(AgreementVersion.state == "signed")):
            assert v.content_sha256 == signatures.content_hash(svc.version_content(s, v.id))
    assert rows and {r.supplier_id for r in rows} == eligible
    assert any(len(r.versions) >= 2 and r.versions[0].display_state == "superseded" for r in rows)
    assert all(r.in_force is not None for r in rows)
    assert any(v.state == "draft" for r in rows for v in r.versions)
    soon = svc.expiring(db)  # the demo's "today" is the first day after its last month, like the real today
    assert soon and all(0 <= days <= 60 for _a, _v, days in soon)


def test_demo_breaches_some_months(demo_db):
    from app.models.evaluation.tables import InspectionLot
    from sqlalchemy import func

    with demo_db.read() as s:
        last = s.scalar(select(func.max(InspectionLot.inspected_on)))
    end = f"{last:%Y-%m}"
    start = f"{last.year - 1:04d}-{last.month:02d}"
    rep = targets.target_actuals(demo_db, start=start, end=end)
    status = rep.rows["status"].value_counts().to_dict()
    assert status.get("breach", 0) > 0 and status.get("pass", 0) > status.get("breach", 0)
    assert rep.breaches["liability"].sum() > 0

"""The agreement tables, freeze, signing and targets on PostgreSQL give what SQLite gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.agreements import targets
from app.models.agreements.errors import FrozenError
from app.models.core.settings import AppSetting
from app.models.evaluation.tables import InspectionLot
from app.models.suppliers import master as sup


def _scenario(db):
    with db.begin() as s:
        s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    sid = sup.create_supplier(db, {"code": "P1", "name_zh": "甲", "name_en": "A"})
    aid, vid = svc.create_agreement(db, sid)
    cl = svc.version_clauses(db, vid)
    svc.save_clauses(db, vid, [replace(cl[0], text_zh="改：" + cl[0].text_zh)] + cl[1:])
    svc.submit_for_review(db, vid)
    digest = svc.sign_version(db, vid, purchaser=svc.Signatory("王芳"), supplier=svc.Signatory("陈建国"),
                              effective_from=date(2026, 1, 1))
    with pytest.raises(FrozenError):
        svc.save_clauses(db, vid, cl)
    with db.begin() as s:
        for i in range(10):
            s.add(InspectionLot(lot_number=f"L{i}", supplier_id=sid, inspected_on=date(2026, 2, 3), lot_size=100,
                                sample_size=20, defective_units=1 if i == 0 else 0,
                                decision="rejected" if i == 0 else "accepted"))
    rows = targets.target_actuals(db, start="2026-01", end="2026-03").rows
    return digest, rows[["indicator", "period", "status", "actual", "liability"]].fillna(-1).values.tolist()


def test_same_answers_as_sqlite(pg_db, db):
    pg_digest, pg_rows = _scenario(pg_db)
    digest, rows = _scenario(db)
    assert pg_digest == digest
    assert pg_rows == rows
    assert ["lot_pass_rate", "2026-02", "breach", 90.0, 2000.0] in rows

"""Targets against actuals by hand: two suppliers, missing months, a version change mid-range,
liability by rule, and a SCAR raised from a breach."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select

from app.models.agreements import service as svc
from app.models.agreements import targets
from app.models.agreements.errors import ValidationError
from app.models.evaluation.tables import InspectionLot
from app.models.suppliers import master as sup
from app.models.suppliers.tables import CorrectiveAction


def _sign(db, vid, start):
    from app.models.admin import signatures

    with db.begin() as s:  # these tests sign as the system job: no e-signature list
        from app.models.core.settings import AppSetting
        if s.get(AppSetting, signatures.REQUIRED_KEY) is None:
            s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    svc.submit_for_review(db, vid)
    svc.sign_version(db, vid, purchaser=svc.Signatory("王芳"), supplier=svc.Signatory("陈建国"), effective_from=start)


def _lots(db, supplier_id, month, n, rejected, defective):
    """n lots of 1,000 units inspected on the 10th of the month, ``rejected`` of them rejected,
    ``defective`` defective units in total."""
    with db.begin() as s:
        for i in range(n):
            s.add(InspectionLot(lot_number=f"L{supplier_id}-{month}-{i}", supplier_id=supplier_id,
                                inspected_on=date(2026, month, 10), lot_size=1000, sample_size=125,
                                defective_units=defective if i == 0 else 0,
                                decision="rejected" if i < rejected else "accepted"))


@pytest.fixture
def setup(db):
    a = sup.create_supplier(db, {"code": "A1", "name_zh": "甲公司", "name_en": "A Co"})
    b = sup.create_supplier(db, {"code": "B1", "name_zh": "乙公司", "name_en": "B Co"})
    aid, v1 = svc.create_agreement(db, a)
    _sign(db, v1, date(2026, 1, 1))
    bid, w1 = svc.create_agreement(db, b)
    _sign(db, w1, date(2026, 3, 1))  # B's agreement starts in March: Jan/Feb are not applicable
    # supplier A: Jan 50 lots 1 rejected, 20 defective → 98 % / 400 PPM (pass, pass)
    #             Feb 40 lots 2 rejected, 40 defective → 95 % / 1000 PPM (breach, breach)
    #             Mar no lots → missing (neither); Apr 10 lots 1 rejected, 0 defective → 90 % (breach)
    _lots(db, a, 1, 50, 1, 20)
    _lots(db, a, 2, 40, 2, 40)
    _lots(db, a, 4, 10, 1, 0)
    # supplier B: Feb 10 lots 5 rejected (before the agreement), Mar 20 lots 0 rejected, 15 defective → 750 PPM
    _lots(db, b, 2, 10, 5, 0)
    _lots(db, b, 3, 20, 0, 15)
    db.ids = (a, b, aid, bid, v1)
    return db


def test_breaches_by_hand(setup):
    db = setup
    a, b, aid, bid, v1 = db.ids
    rep = targets.target_actuals(db, start="2026-01", end="2026-04")
    r = rep.rows
    lpr = r[(r.supplier_code == "A1") & (r.indicator == "lot_pass_rate")]
    assert lpr["period"].tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert lpr["status"].tolist() == ["pass", "breach", "missing", "breach"]
    assert lpr["actual"].round(6).tolist()[:2] == [98.0, 95.0] and lpr["actual"].isna().tolist()[2]
    assert lpr["liability"].tolist() == [0.0, 2000.0, 0.0, 2000.0]
    assert lpr["breach_count"].tolist() == [0, 1, 1, 2] and not lpr["escalate"].any()
    ppm = r[(r.supplier_code == "A1") & (r.indicator == "ppm")]
    assert ppm["actual"].tolist()[:2] == [400.0, 1000.0]
    assert ppm["status"].tolist() == ["pass", "breach", "missing", "pass"]  # April: 0 PPM
    assert ppm["liability"].tolist() == [0.0, 1000.0, 0.0, 0.0]  # (1000 − 500) × CNY 2
    otd = r[(r.supplier_code == "A1") & (r.indicator == "on_time_delivery")]
    assert set(otd["status"]) == {"missing"}  # no deliveries: never a breach, never a pass
    scar = r[(r.supplier_code == "A1") & (r.indicator == "service")]
    assert scar["period"].tolist() == ["2026-Q1"]  # quarterly: Q1 lies inside Jan–Apr, Q2 does not
    assert scar["status"].tolist() == ["missing"]  # no SCAR was due
    rep_q = targets.target_actuals(db, start="2026-01", end="2026-06")
    assert rep_q.rows[(rep_q.rows.supplier_code == "A1") & (rep_q.rows.indicator == "service")]["status"].tolist() == \
        ["missing", "missing"]
    bl = r[(r.supplier_code == "B1") & (r.indicator == "lot_pass_rate")]
    assert bl["period"].tolist() == ["2026-03", "2026-04"]  # February's bad month was before the agreement
    assert bl["status"].tolist() == ["pass", "missing"]
    bp = r[(r.supplier_code == "B1") & (r.indicator == "ppm")]
    assert bp["actual"].tolist()[0] == 750.0 and bp["liability"].tolist()[0] == 500.0  # 250 × 2
    tot = rep.totals().set_index("supplier_code")
    assert tot.loc["A1", "breaches"] == 3 and tot.loc["A1", "liability"] == 5000.0
    assert tot.loc["B1", "breaches"] == 1 and tot.loc["B1", "liability"] == 500.0


def test_new_version_changes_threshold_from_its_effective_month(setup):
    db = setup
    a, b, aid, bid, v1 = db.ids
    v2 = svc.new_version(db, aid, as_of=date(2026, 1, 15))
    clauses = svc.version_clauses(db, v2)
    clauses = [replace(c, threshold=94.0) if c.indicator == "lot_pass_rate" else c for c in clauses]
    svc.save_clauses(db, v2, clauses)
    _sign(db, v2, date(2026, 4, 1))
    r = targets.target_actuals(db, start="2026-01", end="2026-04", supplier_code="A1").rows
    lpr = r[r.indicator == "lot_pass_rate"]
    assert lpr["version"].tolist() == [1, 1, 1, 2]
    assert lpr["threshold"].tolist() == [98.0, 98.0, 98.0, 94.0]
    assert lpr["status"].tolist() == ["pass", "breach", "missing", "breach"]  # 90 % < 94 %


def test_scar_from_a_breach_in_one_step(setup):
    db = setup
    a, b, aid, bid, v1 = db.ids
    r = targets.target_actuals(db, start="2026-02", end="2026-02").rows
    key = r[(r.supplier_code == "A1") & (r.indicator == "lot_pass_rate")]["clause_key"].iloc[0]
    car_id = targets.raise_scar_for_breach(db, aid, key, "2026-02")
    with db.read() as s:
        car = s.get(CorrectiveAction, car_id)
        assert car.source == "agreement" and car.supplier_id == a and "7.1" in car.title and "2000.00" in car.description
    with pytest.raises(ValidationError):
        targets.raise_scar_for_breach(db, aid, key, "2026-01")  # January passed
    with pytest.raises(ValidationError):
        targets.raise_scar_for_breach(db, aid, key, "2026-03")  # March is missing, not a breach
    with db.read() as s:
        assert len(s.scalars(select(CorrectiveAction)).all()) == 1


def test_bad_range_refused(db):
    with pytest.raises(ValidationError):
        targets.target_actuals(db, start="2026-05", end="2026-01")
    with pytest.raises(ValidationError):
        targets.target_actuals(db, start="2026-13", end="2026-14")


def test_development_plan_from_a_breach(setup):
    from app.models.suppliers import approval

    db = setup
    a, b, aid, bid, v1 = db.ids
    r = targets.target_actuals(db, start="2026-02", end="2026-02").rows
    key = r[(r.supplier_code == "A1") & (r.indicator == "ppm")]["clause_key"].iloc[0]
    pid = targets.plan_for_breach(db, aid, key, "2026-02", lang="en")
    [plan] = [p for p in approval.list_development_plans(db, supplier_id=a) if p.id == pid]
    assert "PPM misses the agreed target (1000.00 PPM" in plan.weak_area and plan.source_ref.endswith("7.2 2026-02")
    with pytest.raises(ValidationError):
        targets.plan_for_breach(db, aid, key, "2026-01")


def test_breach_counts_per_evaluation_period(setup):
    """The grade list's column: breaches of the target lines whose periods lie inside the period."""
    db = setup
    a, b, *_ = db.ids
    assert targets.breach_counts(db, "2026-01") == {a: 0}  # B's agreement is not in force yet
    assert targets.breach_counts(db, "2026-02") == {a: 2}  # lot pass rate and PPM
    assert targets.breach_counts(db, "2026-03") == {a: 0, b: 1}  # A missing (no lots); B 750 PPM
    assert targets.breach_counts(db, "2026-Q1") == {a: 2, b: 1}
    assert targets.breach_counts(db, "2026-Q1", [b]) == {b: 1}  # only the listed suppliers
    assert targets.breach_counts(db, "2026-Q1", [a, b]) == {a: 2, b: 1}
    assert targets.breach_counts(db, "2026-Q1", []) == {}


def test_customer_complaints_target_by_hand(db):
    """Complaints traced to the supplier as a target clause (≤ 1 per month, CNY 500 per breach),
    from the evaluation's own complaint count: Jan 10 lots, no complaint → 0 (pass); Feb 10 lots,
    2 complaints → breach; Mar no lots, no complaint → missing; Apr no lots, 1 complaint → 1 (pass)."""
    from datetime import datetime

    from app.engines.indicators import CUSTOMER_COMPLAINTS, Period, compute_indicators
    from app.models.complaints.tables import Complaint
    from app.models.customers.tables import Customer
    from app.models.evaluation.service import aggregate_counts

    c = sup.create_supplier(db, {"code": "C1", "name_zh": "丙公司", "name_en": "C Co"})
    aid, v1 = svc.create_agreement(db, c)
    clauses = svc.version_clauses(db, v1)
    clauses = [replace(x, indicator="customer_complaints", comparator="<=", threshold=1.0, period="month",
                       rule_kind="fixed", rule_amount=500.0) if x.indicator == "ppm" else x for x in clauses]
    svc.save_clauses(db, v1, clauses)
    _sign(db, v1, date(2026, 1, 1))
    _lots(db, c, 1, 10, 0, 0)
    _lots(db, c, 2, 10, 0, 0)
    with db.begin() as s:
        cust = Customer(code="K1", name_zh="客户", name_en="Customer")
        s.add(cust)
        s.flush()
        for i, day in enumerate((datetime(2026, 2, 3), datetime(2026, 2, 20), datetime(2026, 4, 5))):
            s.add(Complaint(number=f"CC-{i}", customer_id=cust.id, received_at=day, supplier_id=c))
    r = targets.target_actuals(db, start="2026-01", end="2026-04", supplier_code="C1").rows
    cc = r[r.indicator == "customer_complaints"]
    assert cc["period"].tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert cc["status"].tolist() == ["pass", "breach", "missing", "pass"]
    assert cc["actual"].tolist()[:2] == [0.0, 2.0] and cc["actual"].isna().tolist()[2] and cc["actual"].tolist()[3] == 1.0
    assert cc["liability"].tolist() == [0.0, 500.0, 0.0, 0.0]
    assert targets.breach_counts(db, "2026-02") == {c: 1}
    # the same number as the evaluation's own indicator (no second implementation)
    with db.read() as s:
        cnt = aggregate_counts(s, np.array([c]), Period.parse("2026-02"), targets._scheme(s))
    assert compute_indicators(cnt).values[CUSTOMER_COMPLAINTS].tolist() == [2.0]


def test_progress_per_month(setup):
    db = setup
    seen = []
    rep = targets.target_actuals(db, start="2026-01", end="2026-04", progress=lambda f, m: seen.append((f, m)))
    assert seen == [(0.25, "2026-01"), (0.5, "2026-02"), (0.75, "2026-03"), (1.0, "2026-04"), (1.0, "")]
    assert len(rep.rows)

    class Stop(Exception):
        pass

    def cancel(fraction, month):
        if month == "2026-02":
            raise Stop  # a cancelled background run stops after the month in hand
    with pytest.raises(Stop):
        targets.target_actuals(db, start="2026-01", end="2026-04", progress=cancel)

"""Value analysis through the services, on hand-computed fixtures.

As of 2026-12-31, window 365 days, CLV r = 0.8, i = 0.1:
C1: 2026-12-20 (600, margin 120) and 2026-11-01 (400, 80): revenue 1000, margin 200, 2 orders, 11 days.
C2: 2026-06-01 (300, 60): revenue 300, 1 order, 213 days.  C3: 2025-06-01 only: revenue 0, 578 days.
ABC of 1300: C1 before 0 % → A; C2 before 76.9 % < 80 → A; C3 before 100 % → C.
RFM quintiles, n = 3, score = 1 + ⌊5(rank − 1)/3⌋: ranks 3, 2, 1 → 4, 2, 1 (R, F and M alike).
Classes: C1 444 important; C2 222 ordinary (R < 3, R ≠ 1); C3 111 lost.
CLV = m·r/(1 + i − r): C1 200·0.8/0.3 = 533.33; C2 60·0.8/0.3 = 160; C3 0.
Churn (no order for 90 days): C2 and C3.
"""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.crm import value
from app.models.crm.orders import OrderError
from app.models.crm.tables_orders import CrmOrder, CrmOrderLine, CrmValueDecision
from app.models.customers.tables import Customer

AS_OF = date(2026, 12, 31)


def _order(s, no, cid, day, amount, margin, part="X-9"):
    o = CrmOrder(customer_id=cid, order_no=no, order_date=day, currency="CNY", note="")
    o.lines.append(CrmOrderLine(line_no=1, part_code=part, part_name="", quantity=1, amount=amount, margin=margin))
    s.add(o)


@pytest.fixture
def vdb(crm):
    with crm.begin() as s:
        _order(s, "O1", 1, date(2026, 12, 20), 600, 120)
        _order(s, "O2", 1, date(2026, 11, 1), 400, 80)
        _order(s, "O3", 2, date(2026, 6, 1), 300, 60)
        _order(s, "O4", 3, date(2025, 6, 1), 100, 10)
    return crm


def test_abc_rfm_clv_and_churn_by_hand(vdb):
    a = value.analyse(vdb, value.ValueParams(as_of=AS_OF))
    t = a.table.set_index("code")
    assert list(t.index) == ["C1", "C2", "C3"]
    assert list(t["revenue"]) == [1000.0, 300.0, 0.0] and list(t["orders"]) == [2, 1, 0]
    assert list(t["recency_days"]) == [11, 213, 578]
    assert list(t["abc"]) == ["A", "A", "C"]
    assert list(t["rfm"]) == ["444", "222", "111"]
    assert list(t["proposed_class"]) == ["important", "ordinary", "lost"]
    assert list(t["clv"]) == [533.33, 160.0, 0.0]
    assert a.risks == {2: ["inactive"], 3: ["inactive"]}
    assert a.segments["customers"].sum() == 3


def test_falling_frequency_and_open_complaints(vdb):
    from app.models.complaints.tables import Complaint

    with vdb.begin() as s:  # C4: 3 orders in the 90 days before the last 90, then 1 → falling (1 ≤ 0.5·3)
        for i, day in enumerate((date(2026, 8, 1), date(2026, 8, 15), date(2026, 9, 1), date(2026, 12, 1))):
            _order(s, f"F{i}", 4, day, 50, 5)
        s.add(Complaint(number="K-1", customer_id=1, received_at=datetime(2026, 12, 1), title="crack",
                        created_by="pytest", created_at=datetime(2026, 12, 1), updated_at=datetime(2026, 12, 1)))
    a = value.analyse(vdb, value.ValueParams(as_of=AS_OF, baseline_periods=1))
    assert a.risks[4] == ["falling"]
    # against a year's baseline, 3 orders are 0.75 a quarter: too few to call a trend
    assert 4 not in value.analyse(vdb, value.ValueParams(as_of=AS_OF)).risks
    assert a.risks[1] == ["complaints"]


def test_cross_sell_from_rules_and_segment(vdb):
    with vdb.begin() as s:
        for i in range(3):  # P-1 and P-2 go together in three orders of C2
            o = CrmOrder(customer_id=2, order_no=f"X{i}", order_date=date(2026, 7, 1 + i), currency="CNY", note="")
            o.lines += [CrmOrderLine(line_no=1, part_code="P-1", quantity=1, amount=10, margin=1),
                        CrmOrderLine(line_no=2, part_code="P-2", quantity=1, amount=10, margin=1)]
            s.add(o)
        _order(s, "Y1", 1, date(2026, 12, 1), 10, 1, part="P-1")
    a = value.analyse(vdb, value.ValueParams(as_of=AS_OF))
    found = value.rules(vdb, a.params, min_support=0.3, min_confidence=0.5)
    assert any(r.antecedent == ("P-1",) and r.consequent == ("P-2",) for r in found)
    codes = {x.part_code: x.source for x in value.cross_sell(vdb, a, 1, found=found)}
    assert codes.get("P-2") == "rule"


def test_proposal_accepted_or_overridden_with_reason(vdb):
    with pytest.raises(OrderError):
        value.decide_value_class(vdb, 2, "ordinary", "important")
    value.decide_value_class(vdb, 2, "ordinary", "important", reason="new programme awarded")
    value.decide_value_class(vdb, 1, "important", "important")
    with vdb.begin() as s:
        assert s.get(Customer, 2).value_class == "important"
        d = s.scalars(select(CrmValueDecision).where(CrmValueDecision.customer_id == 2)).one()
        assert (d.proposed_class, d.accepted_class, d.decided_by) == ("ordinary", "important", "pytest")
    a = value.analyse(vdb, value.ValueParams(as_of=AS_OF))
    assert a.table.set_index("code").loc["C2", "value_class"] == "important"


def test_deciding_needs_the_permission(vdb):
    from app.models.admin import identity, users

    users.create_user(vdb, "viewer1", "Viewer", "Viewer2026!", ["viewer"])
    identity.sign_in(vdb, "viewer1", "Viewer2026!")
    with pytest.raises(PermissionDenied):
        value.decide_value_class(vdb, 1, "important", "important")
    vdb.actor = Actor.system_job("pytest")


def test_export_both_languages(vdb, tmp_path):
    a = value.analyse(vdb, value.ValueParams(as_of=AS_OF))
    assert value.export_value(a, tmp_path / "v.xlsx", lang="zh_CN") == 3
    value.export_value(a, tmp_path / "v.csv")
    text = (tmp_path / "v.csv").read_text(encoding="utf-8-sig")
    assert "C3" in text and "no recent order" in text
    with pytest.raises(OrderError):
        value.export_value(a, tmp_path / "v.pdf")

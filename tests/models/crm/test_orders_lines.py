"""Order lines list (filters, paging, sort, totals), one order, update and delete with their trail."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models.admin import trail
from app.models.crm import orders
from app.models.crm.tables_orders import CrmOrder, CrmOrderLine

from tests.models.crm.test_orders_import import GOOD


@pytest.fixture
def loaded(crm, tmp_path):
    f = tmp_path / "erp.csv"
    f.write_text(GOOD, encoding="utf-8")
    orders.import_orders(crm, f)
    return crm


def test_filters_and_totals(loaded):
    assert orders.line_count(loaded) == (3, 750.0, 145.0)
    assert orders.line_count(loaded, orders.LineFilter(customer_id=1)) == (2, 450.0, 85.0)
    assert orders.line_count(loaded, orders.LineFilter(part="bolt"))[0] == 2
    assert orders.line_count(loaded, orders.LineFilter(date_from=date(2026, 7, 1)))[0] == 2
    assert orders.line_count(loaded, orders.LineFilter(date_to=date(2026, 7, 1)))[0] == 1
    assert orders.line_count(loaded, orders.LineFilter(text="SO-2"))[0] == 1
    assert orders.line_count(loaded, orders.LineFilter(text="nothing like it")) == (0, 0.0, 0.0)


def test_pages_sorted_in_sql(loaded):
    rows = orders.order_lines(loaded, sort="amount", descending=False)
    assert [r.amount for r in rows] == [50.0, 300.0, 400.0]
    first = orders.order_lines(loaded, sort="amount", offset=0, limit=2)
    rest = orders.order_lines(loaded, sort="amount", offset=2, limit=2)
    assert [r.amount for r in first + rest] == [400.0, 300.0, 50.0]
    with pytest.raises(orders.OrderError):
        orders.order_lines(loaded, sort="id; drop table")


def test_update_and_delete_are_trailed(loaded):
    oid = orders.order_lines(loaded, orders.LineFilter(text="SO-2"))[0].order_id
    detail = orders.order_detail(loaded, oid)
    assert detail.order_no == "SO-2" and detail.lines[0]["amount"] == 300.0
    orders.update_order(loaded, oid, {"customer_id": 2, "order_no": "SO-2", "order_date": detail.order_date},
                        [{"part_code": "X-9", "quantity": 3, "amount": 330, "margin": 66}])
    assert orders.line_count(loaded, orders.LineFilter(text="SO-2"))[1] == 330.0
    orders.delete_order(loaded, oid)
    with loaded.read() as s:
        assert s.scalar(select(func.count()).select_from(CrmOrder).where(CrmOrder.id == oid)) == 0
        assert s.scalar(select(func.count()).select_from(CrmOrderLine).where(CrmOrderLine.order_id == oid)) == 0
    actions = [e.action for e in trail.history(loaded, "crm_orders", oid)]
    assert "delete" in actions
    with pytest.raises(orders.OrderError):
        orders.delete_order(loaded, oid)
    with pytest.raises(orders.OrderError):
        orders.update_order(loaded, oid, {"customer_id": 2, "order_no": "X", "order_date": date.today()}, [{}])


def test_delete_needs_the_permission(loaded):
    from app.models.admin.identity import Actor
    from app.models.admin.permissions import PermissionDenied

    oid = orders.order_lines(loaded)[0].order_id
    loaded.actor = Actor(user_id=None, username="nobody", display_name="Nobody", permissions=frozenset({"crm.view"}))
    with pytest.raises(PermissionDenied):
        orders.delete_order(loaded, oid)

"""The value analysis and the association rules on PostgreSQL: the same SQL (order totals kept by
the ORM, baskets by string_agg) gives the hand-computed figures of test_value.py."""

from __future__ import annotations

from datetime import date

from app.models.crm import orders, value
from app.models.customers.tables import Customer


def test_value_and_rules_on_postgres(pg_db):
    with pg_db.begin() as s:
        s.add_all([Customer(code=f"C{i}", name_zh=f"顾客{i}", name_en=f"Customer {i}") for i in (1, 2, 3)])
    with pg_db.begin() as s:
        ids = {c.code: c.id for c in s.query(Customer)}
    for no, code, day, lines in (
            ("O1", "C1", date(2026, 12, 20), [("A", 300, 60), ("B", 300, 60)]),
            ("O2", "C1", date(2026, 11, 1), [("A", 400, 80)]),
            ("O3", "C2", date(2026, 6, 1), [("A", 200, 40), ("B", 100, 20)]),
            ("O4", "C3", date(2025, 6, 1), [("C", 100, 10)])):
        orders.save_order(pg_db, {"customer_id": ids[code], "order_no": no, "order_date": day},
                          [{"part_code": p, "quantity": 1, "amount": a, "margin": m} for p, a, m in lines])
    a = value.analyse(pg_db, value.ValueParams(as_of=date(2026, 12, 31)))
    t = a.table.set_index("code")
    assert list(t["revenue"]) == [1000.0, 300.0, 0.0]
    assert list(t["rfm"]) == ["444", "222", "111"]
    assert list(t["clv"]) == [533.33, 160.0, 0.0]
    # baskets in the window: {A, B}, {A}, {A, B} → A→B confidence 2/3, B→A 1, lift 1
    found = value.rules(pg_db, a.params, min_support=0.5, min_confidence=0.5)
    assert [(r.antecedent, r.consequent, round(r.confidence, 4), round(r.lift, 4)) for r in found] == [
        (("B",), ("A",), 1.0, 1.0), (("A",), ("B",), 0.6667, 1.0)]

"""Order service priority, fill rates, on-time, perfect order (both ways), by hand."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines import service
from app.engines.service import ServiceDataError


def test_order_priority_standard_competition_ranking():
    # index = grade × importance: a 1, b 2, c 2, d 9, e 3 → 1, 2, 2, 5, 4
    got = service.order_priority([("a", 1, 1), ("b", 1, 2), ("c", 2, 1), ("d", 3, 3), ("e", "A", 3)])
    assert got == {"a": 1, "b": 2, "c": 2, "d": 5, "e": 4}


def test_order_priority_textbook_table():
    # grades 1–3 × importance 1–3; equal products share the rank, the next rank skips
    products = [(f"P{g}{i}", g, i) for g in (1, 2, 3) for i in (1, 2, 3)]
    got = service.order_priority(products)
    # products: 1,2,3,2,4,6,3,6,9 → ranks 1,2,4,2,6,7,4,7,9
    assert [got[n] for n, *_ in products] == [1, 2, 4, 2, 6, 7, 4, 7, 9]


@pytest.mark.parametrize("products, message", [
    ([("a", 1, 4)], "importance 4"), ([("a", "Z", 1)], "grade 'Z'"), ([], "no products"),
    ([("a", 1, 1), ("a", 2, 1)], "listed twice"),
])
def test_order_priority_bad_input(products, message):
    with pytest.raises(ServiceDataError, match=message):
        service.order_priority(products)


def test_perfect_order_index_product_of_rates():
    assert service.perfect_order_index(0.95, 0.90, 0.98, 0.99) == pytest.approx(95 * 90 * 98 * 99 / 1e6)
    assert service.perfect_order_index(95, 90, 98, 99) == pytest.approx(82.9521)
    assert service.perfect_order_index([1, 1, 0, 1], [1, 1, 1, 1], [1] * 4, [1] * 4) == pytest.approx(75)


def test_perfect_orders_count_differs_from_product():
    res = service.perfect_orders([1, 1, 0, 1], [1, 0, 0, 1], [1, 1, 0, 1], [1, 1, 1, 1])
    assert res.by_product == pytest.approx(0.75 * 0.5 * 0.75 * 1 * 100)   # 28.125
    assert res.by_count == pytest.approx(50) and res.perfect == 2
    assert set(res.to_dict()) >= {"perfect_order_by_product_of_rates_pct", "perfect_order_by_count_pct"}


def test_fill_rates_by_hand():
    # order 1: lines 10/10 and 5/3; order 2: 8/8; order 3: 4/6 (over-shipped counts as 4)
    rates = service.fill_rates([10, 5, 8, 4], [10, 3, 8, 6], order_ids=[1, 1, 2, 3])
    assert rates["unit"] == pytest.approx(25 / 27 * 100)
    assert rates["line"] == pytest.approx(75)
    assert rates["order"] == pytest.approx(200 / 3)


def test_fill_rates_from_a_frame():
    import pandas as pd
    df = pd.DataFrame({"order": [1, 1], "ordered": [2, 2], "shipped": [2, 1]})
    assert service.fill_rates(df) == pytest.approx({"unit": 75.0, "line": 50.0, "order": 0.0})


def test_on_time_and_error_free():
    assert service.on_time_delivery_rate([True, False, True, True]) == 75
    rate = service.on_time_delivery_rate(promised=["2026-01-05", "2026-01-05", "2026-01-05"],
                                         delivered=["2026-01-04", "2026-01-06", "2026-01-08"],
                                         tolerance_days=1)
    assert rate == pytest.approx(200 / 3)
    assert service.error_free_rate([1, 1, 1, 0, 1]) == 80


def test_no_orders_is_never_100():
    with pytest.raises(ServiceDataError, match="no orders"):
        service.on_time_delivery_rate([])
    with pytest.raises(ServiceDataError, match="no order lines"):
        service.fill_rates([], [])
    with pytest.raises(ServiceDataError, match="line 2: ordered quantity is 0"):
        service.fill_rates([1, 0], [1, 0])


def test_nps_is_exposed_here_too():
    assert service.nps([10, 9, 6, 8]) == 25


@given(st.lists(st.tuples(st.integers(1, 50), st.integers(0, 60)), min_size=1, max_size=40))
def test_fill_rates_bounded(lines):
    ordered, shipped = zip(*lines)
    r = service.fill_rates(ordered, shipped, order_ids=[i // 3 for i in range(len(lines))])
    assert all(0 <= v <= 100 for v in r.values())
    # every line complete ⇔ every order complete ⇔ every unit delivered
    assert (r["line"] == 100) == (r["order"] == 100) == (r["unit"] == 100)
    # one line per order: order and line fill rates coincide
    single = service.fill_rates(ordered, shipped)
    assert single["order"] == pytest.approx(single["line"])


# --- perfect order index: one scale for all four components -------------------------------------
def test_perfect_order_index_refuses_mixed_scales():
    # 0.98 is a fraction, 97/99/82 are percentages: never treat 0.98 as 0.98 %
    with pytest.raises(ServiceDataError, match=r"mixed scales: 'on time' 0\.98 is a fraction .* "
                                               r"'complete' 97 is a percentage"):
        service.perfect_order_index(0.98, 97, 99, 82)
    with pytest.raises(ServiceDataError, match="mixed scales"):
        service.perfect_order_index(95, 90, 0.5, 99)


def test_perfect_order_index_exact_zero_and_one():
    # 0 is 0 % on either scale; 1 among fractions is 100 %; all of them 0 or 1 read as fractions
    assert service.perfect_order_index(1, 0.97, 0.99, 0.82) == pytest.approx(97 * 99 * 82 / 1e4)
    assert service.perfect_order_index(1, 1, 1, 1) == 100.0
    assert service.perfect_order_index(0, 97, 99, 82) == 0.0
    assert service.perfect_order_index(0, 0.97, 0.99, 0.82) == 0.0
    # 1 among percentages is 1 % or 100 %: refused unless the scale is said
    with pytest.raises(ServiceDataError, match="'on time' 1 is ambiguous"):
        service.perfect_order_index(1, 97, 99, 82)
    assert service.perfect_order_index(1, 97, 99, 82, scale="percent") == pytest.approx(97 * 99 * 82 / 1e6)
    assert service.perfect_order_index(100, 97, 99, 82) == pytest.approx(97 * 99 * 82 / 1e4)
    assert service.perfect_order_index(1, 1, 1, 1, scale="percent") == pytest.approx(1e-6)
    with pytest.raises(ServiceDataError, match="'complete' 97 is above 1"):
        service.perfect_order_index(0.9, 97, 0.9, 0.9, scale="fraction")
    with pytest.raises(ServiceDataError, match="scale"):
        service.perfect_order_index(0.9, 0.9, 0.9, 0.9, scale="ratio")


@pytest.mark.parametrize("bad", [-0.1, 100.5, float("nan"), float("inf"), "high", None])
def test_perfect_order_index_out_of_range_is_refused(bad):
    with pytest.raises(ServiceDataError, match="'damage free'"):
        service.perfect_order_index(0.9, 0.9, bad, 0.9)


def test_perfect_order_index_is_exact_for_whole_percentages():
    assert service.perfect_order_index(95, 90, 98, 99) == 82.9521
    assert service.perfect_order_index(0.95, 0.90, 0.98, 0.99) == 82.9521
    # flags: 100 · Π(kᵢ/nᵢ) from the counts
    assert service.perfect_order_index([1] * 57 + [0] * 43, [1] * 100, [1] * 100, [1] * 100) == 57.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.011, 0.999), min_size=4, max_size=4), st.integers(0, 3))
def test_perfect_order_index_same_on_both_scales_and_never_mixed(fractions, position):
    as_pct = [f * 100 for f in fractions]
    assert service.perfect_order_index(*fractions) == pytest.approx(service.perfect_order_index(*as_pct))
    mixed = list(fractions)
    mixed[position] = max(1.5, as_pct[position])
    with pytest.raises(ServiceDataError, match="mixed scales"):
        service.perfect_order_index(*mixed)


# --- rates are counted, then divided once ---------------------------------------------------
def test_rates_are_exact_percentages_of_counts():
    flags = [1] * 57 + [0] * 43                  # 0.57 · 100 = 56.99999999999999
    assert service.on_time_delivery_rate(flags) == 57.0
    assert service.error_free_rate(flags) == 57.0
    rates = service.fill_rates([1] * 100, flags)
    assert rates == {"unit": 57.0, "line": 57.0, "order": 57.0}
    res = service.perfect_orders(flags, [1] * 100, [1] * 100, [1] * 100)
    assert res.by_count == 57.0 and res.by_product == 57.0 and res.components["on_time"] == 57.0


@given(st.integers(1, 300), st.data())
def test_rates_equal_the_exact_fraction(n, data):
    from fractions import Fraction
    k = data.draw(st.integers(0, n))
    flags = [True] * k + [False] * (n - k)
    exact = float(Fraction(100 * k, n))
    assert service.on_time_delivery_rate(flags) == exact
    assert service.error_free_rate(flags) == exact
    assert service.fill_rates([2] * n, [2] * k + [0] * (n - k))["line"] == exact


@pytest.mark.parametrize("bad, shown", [("x", "'x'"), (float("inf"), "inf"), (None, "None"), (20260101, "20260101")])
def test_bad_delivery_dates_are_named_not_left_to_pandas(bad, shown, recwarn):
    with pytest.raises(ServiceDataError, match=f"delivery 2: promised date {shown} is missing or not a date"):
        service.on_time_delivery_rate(promised=["2026-01-05", bad], delivered=["2026-01-05", "2026-01-06"])
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_ragged_flags_are_refused():
    with pytest.raises(ServiceDataError, match="one true/false or 1/0 value per order"):
        service.error_free_rate([[1, 0], [1]])

"""Indicators computed by hand: empty periods, partial deliveries, on-time window edges."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from app.engines.indicators import (
    LOT_PASS_RATE, ON_TIME_DELIVERY, ORDER_FULFILMENT, PPM, PRICE, SERVICE, DeliveryWindow, Period,
    SupplierCounts, aggregate_records, compute_indicators, on_time_mask,
)

OCT = Period.parse("2026-10")
WINDOW = DeliveryWindow(early_days=3, late_days=2)


def _lines():
    # supplier 1: three lines due in October; supplier 2: one line due in September only.
    return pd.DataFrame({
        "line_id": [10, 11, 12, 20],
        "supplier_id": [1, 1, 1, 2],
        "ordered_qty": [100.0, 50.0, 200.0, 80.0],
        "due_on": pd.to_datetime(["2026-10-10", "2026-10-20", "2026-10-31", "2026-09-15"]),
        "unit_price": [2.0, 10.0, 1.0, 5.0],
        "standard_price": [2.0, 8.0, 1.0, np.nan],
    })


def _deliveries():
    return pd.DataFrame({
        "line_id": [10, 10, 11, 12, 20],
        "delivered_on": pd.to_datetime(["2026-10-07", "2026-10-12", "2026-10-22", "2026-10-28", "2026-10-01"]),
        "quantity": [60.0, 60.0, 50.0, 150.0, 80.0],
    })


def test_on_time_window_edges_are_inclusive():
    due = np.array(["2026-10-10"] * 6, dtype="datetime64[D]")
    got = np.array(["2026-10-06", "2026-10-07", "2026-10-10", "2026-10-12", "2026-10-13", "2026-10-09"],
                   dtype="datetime64[D]")
    assert on_time_mask(due, got, WINDOW).tolist() == [False, True, True, True, False, True]
    assert on_time_mask(due, got, DeliveryWindow(0, 0)).tolist() == [False, False, True, False, False, False]


def test_delivery_indicators_by_hand():
    c = aggregate_records([1, 2, 3], OCT, WINDOW, lines=_lines(), deliveries=_deliveries())
    # Supplier 1, deliveries in October: 10/07 (3 early: on time), 10/12 (2 late: on time),
    # 10/22 (2 late: on time), 10/28 (3 early: on time) -> 4/4. Supplier 2: 10/01 vs 09/15 late.
    assert c.deliveries.tolist() == [4, 1, 0]
    assert c.deliveries_on_time.tolist() == [4, 0, 0]
    # Fulfilment, lines due in October: line 10 120 delivered of 100 (capped at 100),
    # line 11 50/50, line 12 150/200 (partial) -> 300/350. Supplier 2's line is due in September.
    assert c.qty_ordered.tolist() == [350, 0, 0]
    assert c.qty_fulfilled.tolist() == [300, 0, 0]
    # Price: 60*2+60*2+50*10+150*1 = 890 actual vs 60*2+60*2+50*8+150*1 = 790 standard;
    # supplier 2's line has no standard price, so no price evidence.
    assert c.amount_actual.tolist() == [890, 0, 0]
    assert c.amount_standard.tolist() == [790, 0, 0]
    v = compute_indicators(c).values
    assert v[ON_TIME_DELIVERY][0] == 1.0 and v[ON_TIME_DELIVERY][1] == 0.0
    assert v[ORDER_FULFILMENT][0] == pytest.approx(300 / 350)
    assert v[PRICE][0] == pytest.approx(890 / 790)
    # Empty: no deliveries, no lines -> missing, never 100 %.
    assert np.isnan(v[ON_TIME_DELIVERY][2]) and np.isnan(v[ORDER_FULFILMENT][2])
    assert np.isnan(v[ORDER_FULFILMENT][1]) and np.isnan(v[PRICE][1])


def test_fulfilment_is_capped_at_100_percent():
    c = SupplierCounts.zeros([1])
    c.qty_ordered[:] = 100
    c.qty_fulfilled[:] = 130  # a hand-made count that was not capped per line
    assert compute_indicators(c).values[ORDER_FULFILMENT][0] == 1.0


def test_quality_indicators_by_hand():
    lots = pd.DataFrame({
        "supplier_id": [1, 1, 1, 2, 2],
        "inspected_on": pd.to_datetime(["2026-10-01", "2026-10-31", "2026-11-01", "2026-10-15", "2026-09-30"]),
        "lot_size": [1000, 500, 700, 2000, 100],
        "defective_units": [2, 5, 1, 0, 9],
        "critical_defects": [0, 1, 0, 0, 0], "major_defects": [1, 2, 0, 0, 3], "minor_defects": [1, 2, 1, 0, 6],
        "decision": ["accepted", "rejected", "accepted", "accepted", "rejected"],
    })
    c = aggregate_records([1, 2, 3], OCT, WINDOW, lots=lots)
    v = compute_indicators(c).values
    assert c.lots_inspected.tolist() == [2, 1, 0]
    assert v[LOT_PASS_RATE][:2].tolist() == [0.5, 1.0]
    assert v[PPM][0] == pytest.approx(7 / 1500 * 1e6)
    assert v[PPM][1] == 0.0  # records with no defects: a real zero, not missing
    assert np.isnan(v[PPM][2]) and np.isnan(v[LOT_PASS_RATE][2])
    assert c.critical_defects.tolist() == [1, 0, 0] and c.major_defects.tolist() == [3, 0, 0]


def test_service_indicator_counts_requests_due_in_period():
    cars = pd.DataFrame({
        "supplier_id": [1, 1, 1, 2],
        "due_on": pd.to_datetime(["2026-10-05", "2026-10-20", "2026-10-25", "2026-11-02"]),
        "answered_on": pd.to_datetime(["2026-10-05", "2026-10-21", None, "2026-10-01"]),
    })
    c = aggregate_records([1, 2], OCT, WINDOW, cars=cars)
    v = compute_indicators(c).values[SERVICE]
    assert c.cars_due.tolist() == [3, 0]
    assert v[0] == pytest.approx(1 / 3)  # answered on the due date counts; late and unanswered do not
    assert np.isnan(v[1])


def test_counts_reject_negative_values_and_bad_shapes():
    with pytest.raises(ValueError):
        SupplierCounts.zeros([1, 2]).__class__([1, 2], **{**{f: np.zeros(2) for f in SupplierCounts.COUNT_FIELDS},
                                                        "deliveries": np.array([1, -1])})
    with pytest.raises(ValueError):
        SupplierCounts([1], **{**{f: np.zeros(1) for f in SupplierCounts.COUNT_FIELDS}, "deliveries": np.zeros(2)})


@pytest.mark.parametrize("text,kind,start,end,prev", [
    ("2026-10", "month", date(2026, 10, 1), date(2026, 11, 1), "2026-09"),
    ("2026-01", "month", date(2026, 1, 1), date(2026, 2, 1), "2025-12"),
    ("2026-Q4", "quarter", date(2026, 10, 1), date(2027, 1, 1), "2026-Q3"),
    ("2026-q1", "quarter", date(2026, 1, 1), date(2026, 4, 1), "2025-Q4"),
    ("2026", "year", date(2026, 1, 1), date(2027, 1, 1), "2025"),
])
def test_periods(text, kind, start, end, prev):
    p = Period.parse(text)
    assert (p.kind, p.start, p.end, p.previous().label) == (kind, start, end, prev)
    assert Period.parse(p.label) == p


@pytest.mark.parametrize("text", ["2026-13", "26-10", "2026-Q5", "October"])
def test_bad_periods(text):
    with pytest.raises(ValueError):
        Period.parse(text)

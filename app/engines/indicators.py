"""Supplier performance indicators (业绩评定指标) per supplier and period, vectorised.

Counts come in as numpy arrays aligned by supplier (the database aggregates them with SQL
GROUP BY; :func:`aggregate_records` does the same from raw records for tests and small data).
An indicator whose denominator is zero is **missing** (NaN), never 100 % (domain.md §2.7).

Definitions (domain.md §2.7 and the course notes on 业绩评定):
- lot pass rate 批次合格率 = accepted lots / inspected lots;
- PPM = defective units / received units × 10⁶;
- on-time delivery rate 供货及时率 = on-time deliveries / all deliveries, a delivery being on
  time when  −early_days ≤ delivered − due ≤ late_days  (both edges inclusive);
- order fulfilment rate 订货满足率 = Σ min(delivered, ordered) / Σ ordered over the order lines
  due in the period (capped per line, so over-delivery of one line never hides a shortage on
  another, and the rate never exceeds 100 %);
- service 服务 = corrective-action requests answered by their due date / requests due;
- price index 价格 = Σ actual price × qty / Σ standard price × qty (1.00 = at standard price);
- customer complaints 顾客投诉 = customer complaints received in the period whose cause was traced
  to the supplier (a field problem). A count, not a ratio: **missing** when there are none (no
  complaint is no evidence of perfect field quality), so it can never score 100 — its bands start
  below 100 at one complaint.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

LOT_PASS_RATE = "lot_pass_rate"
PPM = "ppm"
ON_TIME_DELIVERY = "on_time_delivery"
ORDER_FULFILMENT = "order_fulfilment"
SERVICE = "service"
PRICE = "price"
CUSTOMER_COMPLAINTS = "customer_complaints"
INDICATORS: tuple[str, ...] = (LOT_PASS_RATE, PPM, ON_TIME_DELIVERY, ORDER_FULFILMENT, SERVICE, PRICE,
                               CUSTOMER_COMPLAINTS)

#: Which count fields are numerator and denominator of each indicator (for the trace).
INDICATOR_COUNTS: dict[str, tuple[str, str]] = {
    LOT_PASS_RATE: ("lots_accepted", "lots_inspected"),
    PPM: ("defective_units", "units_received"),
    ON_TIME_DELIVERY: ("deliveries_on_time", "deliveries"),
    ORDER_FULFILMENT: ("qty_fulfilled", "qty_ordered"),
    SERVICE: ("cars_answered_on_time", "cars_due"),
    PRICE: ("amount_actual", "amount_standard"),
    CUSTOMER_COMPLAINTS: ("customer_complaints", "customer_complaints"),  # a count: value = numerator
}


@dataclass(frozen=True)
class DeliveryWindow:
    """On-time window: a delivery up to ``early_days`` before and ``late_days`` after its due
    date is on time (both edges inclusive)."""

    early_days: int = 3
    late_days: int = 0

    def __post_init__(self) -> None:
        if self.early_days < 0 or self.late_days < 0:
            raise ValueError("the on-time window needs non-negative early and late days")


@dataclass
class SupplierCounts:
    """Raw counts per supplier for one period; every field is a 1-D array of equal length."""

    supplier_ids: np.ndarray
    lots_inspected: np.ndarray
    lots_accepted: np.ndarray
    units_received: np.ndarray
    defective_units: np.ndarray
    critical_defects: np.ndarray
    major_defects: np.ndarray
    minor_defects: np.ndarray
    deliveries: np.ndarray
    deliveries_on_time: np.ndarray
    qty_ordered: np.ndarray
    qty_fulfilled: np.ndarray
    cars_due: np.ndarray
    cars_answered_on_time: np.ndarray
    amount_actual: np.ndarray
    amount_standard: np.ndarray
    customer_complaints: np.ndarray | None = None  # None = zeros (callers from before the indicator)

    COUNT_FIELDS = (
        "lots_inspected", "lots_accepted", "units_received", "defective_units",
        "critical_defects", "major_defects", "minor_defects", "deliveries",
        "deliveries_on_time", "qty_ordered", "qty_fulfilled", "cars_due",
        "cars_answered_on_time", "amount_actual", "amount_standard", "customer_complaints",
    )

    def __post_init__(self) -> None:
        self.supplier_ids = np.asarray(self.supplier_ids)
        n = self.supplier_ids.shape[0]
        if self.customer_complaints is None:
            self.customer_complaints = np.zeros(n)
        for name in self.COUNT_FIELDS:
            arr = np.asarray(getattr(self, name), dtype=float)
            if arr.shape != (n,):
                raise ValueError(f"{name} has shape {arr.shape}, expected ({n},)")
            if np.any(arr < 0):
                raise ValueError(f"{name} has negative counts")
            setattr(self, name, arr)

    @classmethod
    def zeros(cls, supplier_ids) -> "SupplierCounts":
        ids = np.asarray(supplier_ids)
        return cls(ids, **{name: np.zeros(ids.shape[0]) for name in cls.COUNT_FIELDS})

    def __len__(self) -> int:
        return int(self.supplier_ids.shape[0])


@dataclass
class IndicatorValues:
    """Indicator values per supplier (NaN = missing) with the counts they came from."""

    counts: SupplierCounts
    values: dict[str, np.ndarray] = field(default_factory=dict)

    def missing(self, key: str) -> np.ndarray:
        return ~np.isfinite(self.values[key])


def _ratio(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    return np.divide(num * scale, den, out=np.full(den.shape, np.nan), where=den > 0)


def compute_indicators(counts: SupplierCounts) -> IndicatorValues:
    """All indicators for all suppliers at once; missing where the denominator is zero."""
    c = counts
    values = {
        LOT_PASS_RATE: _ratio(c.lots_accepted, c.lots_inspected),
        PPM: _ratio(c.defective_units, c.units_received, 1e6),
        ON_TIME_DELIVERY: _ratio(c.deliveries_on_time, c.deliveries),
        # fulfilled is capped per line upstream; the min() guards hand-made counts too.
        ORDER_FULFILMENT: np.minimum(_ratio(c.qty_fulfilled, c.qty_ordered), 1.0),
        SERVICE: _ratio(c.cars_answered_on_time, c.cars_due),
        PRICE: _ratio(c.amount_actual, c.amount_standard),
        CUSTOMER_COMPLAINTS: np.where(c.customer_complaints > 0, c.customer_complaints, np.nan),
    }
    return IndicatorValues(counts, values)


def on_time_mask(due, delivered, window: DeliveryWindow) -> np.ndarray:
    """True where −early_days ≤ delivered − due ≤ late_days (days, edges inclusive)."""
    due = np.asarray(due, dtype="datetime64[D]")
    delivered = np.asarray(delivered, dtype="datetime64[D]")
    delay = (delivered - due).astype(int)
    return (delay >= -window.early_days) & (delay <= window.late_days)


# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
#: Years a period may have; 0000-01 or 9999-Q4 are typing mistakes (and overflow date arithmetic).
PERIOD_YEARS = (1900, 2199)


@dataclass(frozen=True)
class Period:
    """An evaluation period: ``2026-10`` (month), ``2026-Q4`` (quarter) or ``2026`` (year).

    ``start`` is inclusive and ``end`` exclusive, so SQL filters read ``d >= start AND d < end``.
    """

    kind: str
    year: int
    index: int  # month 1..12, quarter 1..4, or 1 for a year

    @classmethod
    def parse(cls, text: str) -> "Period":
        text = text.strip()
        year = re.match(r"^(\d{4})", text)
        if year and not PERIOD_YEARS[0] <= int(year.group(1)) <= PERIOD_YEARS[1]:  # 0000-01, 9999-Q4: typos
            raise ValueError(f"period {text!r}: the year must be between {PERIOD_YEARS[0]} and {PERIOD_YEARS[1]}")
        if m := _MONTH.match(text):
            month = int(m.group(2))
            if not 1 <= month <= 12:
                raise ValueError(f"bad month in period {text!r}")
            return cls("month", int(m.group(1)), month)
        if m := _QUARTER.match(text):
            return cls("quarter", int(m.group(1)), int(m.group(2)))
        if m := _YEAR.match(text):
            return cls("year", int(m.group(1)), 1)
        raise ValueError(f"bad period {text!r}: use YYYY-MM, YYYY-Qn or YYYY")

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year:04d}-{self.index:02d}"
        if self.kind == "quarter":
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}"

    @property
    def start(self) -> date:
        if self.kind == "month":
            return date(self.year, self.index, 1)
        if self.kind == "quarter":
            return date(self.year, 3 * self.index - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """First day after the period."""
        return self.next().start

    @property
    def last_day(self) -> date:
        e = self.end
        return date.fromordinal(e.toordinal() - 1)

    def next(self) -> "Period":
        size = {"month": 12, "quarter": 4, "year": 1}[self.kind]
        if self.index == size:
            return Period(self.kind, self.year + 1, 1)
        return Period(self.kind, self.year, self.index + 1)

    def previous(self) -> "Period":
        size = {"month": 12, "quarter": 4, "year": 1}[self.kind]
        if self.index == 1:
            return Period(self.kind, self.year - 1, size)
        return Period(self.kind, self.year, self.index - 1)

    def __str__(self) -> str:
        return self.label


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# ---------------------------------------------------------------------------------------------
# Aggregation from raw records (reference path; the database does the same in SQL)
# ---------------------------------------------------------------------------------------------

def _in_period(dates: pd.Series, period: Period) -> pd.Series:
    d = pd.to_datetime(dates)
    return (d >= pd.Timestamp(period.start)) & (d < pd.Timestamp(period.end))


def aggregate_records(
    supplier_ids,
    period: Period,
    window: DeliveryWindow,
    *,
    lots: pd.DataFrame | None = None,
    lines: pd.DataFrame | None = None,
    deliveries: pd.DataFrame | None = None,
    cars: pd.DataFrame | None = None,
    complaints: pd.DataFrame | None = None,
) -> SupplierCounts:
    """Counts per supplier from raw records, with the same rules the SQL aggregation uses.

    - ``lots``: supplier_id, inspected_on, lot_size, defective_units, critical_defects,
      major_defects, minor_defects, decision ("accepted"/"rejected"); counted by inspected_on.
    - ``lines`` (order lines): line_id, supplier_id, ordered_qty, due_on, unit_price,
      standard_price; fulfilment counts the lines due in the period.
    - ``deliveries``: line_id, delivered_on, quantity; on-time and price count the deliveries
      made in the period, fulfilment sums all deliveries of the lines due in the period.
    - ``cars`` (corrective-action requests): supplier_id, due_on, answered_on (NaT = not yet);
      counted by due_on; on time when answered_on ≤ due_on.
    - ``complaints`` (customer complaints traced to a supplier): supplier_id, received_at;
      counted by received_at.
    """
    ids = np.asarray(supplier_ids)
    out = SupplierCounts.zeros(ids)
    pos = pd.Index(ids)

    def add(field_name: str, series: pd.Series) -> None:
        idx = pos.get_indexer(series.index)
        keep = idx >= 0
        getattr(out, field_name)[idx[keep]] += series.to_numpy(dtype=float)[keep]

    if lots is not None and len(lots):
        lp = lots[_in_period(lots["inspected_on"], period)]
        g = lp.groupby("supplier_id")
        add("lots_inspected", g.size())
        add("lots_accepted", (lp["decision"] == "accepted").groupby(lp["supplier_id"]).sum())
        for col, name in (("lot_size", "units_received"), ("defective_units", "defective_units"),
                          ("critical_defects", "critical_defects"),
                          ("major_defects", "major_defects"), ("minor_defects", "minor_defects")):
            add(name, g[col].sum())
    if lines is not None and len(lines):
        dl = deliveries if deliveries is not None else pd.DataFrame(
            {"line_id": [], "delivered_on": [], "quantity": []})
        due_now = lines[_in_period(lines["due_on"], period)]
        delivered = dl.groupby("line_id")["quantity"].sum()
        got = due_now["line_id"].map(delivered).fillna(0.0)
        capped = np.minimum(got.to_numpy(float), due_now["ordered_qty"].to_numpy(float))
        add("qty_ordered", due_now.groupby("supplier_id")["ordered_qty"].sum())
        add("qty_fulfilled", pd.Series(capped, index=due_now.index).groupby(due_now["supplier_id"]).sum())
        if len(dl):
            d = dl[_in_period(dl["delivered_on"], period)].merge(lines, on="line_id", how="inner")
            ok = on_time_mask(d["due_on"].to_numpy("datetime64[D]"),
                              d["delivered_on"].to_numpy("datetime64[D]"), window)
            add("deliveries", d.groupby("supplier_id").size())
            add("deliveries_on_time", pd.Series(ok, index=d.index).groupby(d["supplier_id"]).sum())
            priced = d.dropna(subset=["unit_price", "standard_price"])
            add("amount_actual", (priced["unit_price"] * priced["quantity"]).groupby(priced["supplier_id"]).sum())
            add("amount_standard", (priced["standard_price"] * priced["quantity"]).groupby(priced["supplier_id"]).sum())
    if cars is not None and len(cars):
        cp = cars[_in_period(cars["due_on"], period)]
        due = pd.to_datetime(cp["due_on"])
        answered = pd.to_datetime(cp["answered_on"])
        ok = answered.notna() & (answered <= due)
        add("cars_due", cp.groupby("supplier_id").size())
        add("cars_answered_on_time", ok.groupby(cp["supplier_id"]).sum())
    if complaints is not None and len(complaints):
        cc = complaints[_in_period(complaints["received_at"], period) & complaints["supplier_id"].notna()]
        add("customer_complaints", cc.groupby("supplier_id").size())
    return out


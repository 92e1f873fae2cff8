"""Supply-chain customer service metrics (domain brief §3.3).

Order service priority (订单服务优先级), on-time delivery rate (准时交货率), unit / line / order
fill rates (订单满足率), error-free rate, the perfect order (完美订单) and NPS. All rates are
returned as percentages. A period with no orders has no rate: it raises, it never reads 100 %.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from app.engines.customers import nps  # noqa: F401 - NPS is also a service metric (§3.3)

GRADE_LETTERS = {"A": 1, "B": 2, "C": 3, "D": 4, "E": 5}
IMPORTANCE = {1: "a delay loses the sale", 2: "a slight delay is acceptable",
              3: "a delay is acceptable"}


class ServiceDataError(ValueError):
    """Service data that cannot give a rate; names the product, order or line."""


# ---------------------------------------------------------------------------------------------
# order service priority
# ---------------------------------------------------------------------------------------------
def _grade(value, name: str) -> int:
    if isinstance(value, str) and value.strip().upper() in GRADE_LETTERS:
        return GRADE_LETTERS[value.strip().upper()]
    try:
        g = float(value)
    except (TypeError, ValueError):
        raise ServiceDataError(f"product '{name}': profitability grade {value!r} is not a "
                               "number or a letter A–E") from None
    if not g.is_integer() or g < 1:
        raise ServiceDataError(f"product '{name}': profitability grade {value!r} must be 1, 2, 3, …")
    return int(g)


def order_priority(products: Iterable[Sequence]) -> dict[str, int]:
    """Order service priority (Ballou, Business Logistics/Supply Chain Management, 5th ed.,
    ch. 4 'Order processing priorities'; domain brief §3.3).

    ``products`` are ``(name, profit_grade, importance)`` tuples: profitability grade 1 = most
    profitable (letters A, B, C … accepted as 1, 2, 3 …), importance 1 = a delay loses the sale,
    2 = a slight delay is acceptable, 3 = a delay is acceptable. The index is grade × importance;
    the smallest index gets priority 1 and equal indices share a rank (standard competition
    ranking 1, 2, 2, 4).
    """
    names, index = [], []
    for item in products:
        if isinstance(item, Mapping):
            item = (item.get("name"), item.get("profit_grade"), item.get("importance"))
        if len(item) != 3:
            raise ServiceDataError(f"{item!r} must be (name, profit_grade, importance)")
        name, grade, imp = item
        name = str(name)
        if name in names:
            raise ServiceDataError(f"product '{name}' is listed twice")
        try:
            imp_f = float(imp)
        except (TypeError, ValueError):
            imp_f = float("nan")
        if imp_f not in (1.0, 2.0, 3.0):
            raise ServiceDataError(f"product '{name}': importance {imp!r} must be 1, 2 or 3")
        names.append(name)
        index.append(_grade(grade, name) * int(imp_f))
    if not names:
        raise ServiceDataError("no products to rank")
    ranks = pd.Series(index, index=names).rank(method="min").astype(int)
    return {n: int(ranks[n]) for n in names}


# ---------------------------------------------------------------------------------------------
# rates
# ---------------------------------------------------------------------------------------------
def _flags(values, what: str) -> np.ndarray:
    try:
        arr = np.asarray(list(values) if not isinstance(values, (np.ndarray, pd.Series)) else values)
    except (TypeError, ValueError):
        raise ServiceDataError(f"{what}: give one true/false or 1/0 value per order") from None
    if arr.ndim != 1:
        raise ServiceDataError(f"{what}: give one true/false or 1/0 value per order")
    if arr.size == 0:
        raise ServiceDataError(f"{what}: no orders, so there is no rate (never counted as 100 %)")
    if arr.dtype == bool:
        return arr
    try:
        num = arr.astype(float)
    except (TypeError, ValueError):
        raise ServiceDataError(f"{what}: values must be true/false or 1/0") from None
    bad = np.flatnonzero(~np.isin(num, (0.0, 1.0)))
    if bad.size:
        raise ServiceDataError(f"{what}: order {int(bad[0]) + 1} has {arr[bad[0]]!r}, not 1/0")
    return num.astype(bool)


def _percent(count: int, total: int) -> float:
    # Count, then divide once: mean() · 100 gives 56.99999999999999 for 57 of 100.
    return 100 * int(count) / int(total)


def _dates(values: pd.Series, what: str) -> pd.Series:
    # Each cell parsed on its own (format="mixed"), numbers refused (pandas would read them as
    # nanoseconds since 1970, with a cast warning for inf), and the first bad cell named instead
    # of pandas' DateParseError.
    numeric = values.map(lambda v: isinstance(v, (int, float, np.number)) and not isinstance(v, bool))
    parsed = pd.to_datetime(values.mask(numeric.astype(bool)), errors="coerce", format="mixed")
    bad = np.flatnonzero(parsed.isna().to_numpy())
    if bad.size:
        i = int(bad[0])
        raise ServiceDataError(f"delivery {i + 1}: {what} date {values.iloc[i]!r} is missing or not a date")
    return parsed


def on_time_delivery_rate(on_time=None, *, promised=None, delivered=None,
                          tolerance_days: float = 0) -> float:
    """On-time delivery rate (供货及时率) = on-time deliveries / all deliveries × 100
    (domain brief §2.7, §3.3). Give per-delivery flags, or promised and actual dates with a
    tolerance window in days (late by more than the tolerance is late)."""
    if on_time is None:
        if promised is None or delivered is None:
            raise ServiceDataError("give on-time flags or both promised and delivered dates")
        raw_p, raw_d = pd.Series(list(promised), dtype=object), pd.Series(list(delivered), dtype=object)
        if len(raw_p) != len(raw_d):
            raise ServiceDataError("promised and delivered dates differ in length")
        p, d = _dates(raw_p, "promised"), _dates(raw_d, "delivered")
        late = (d - p).dt.total_seconds().to_numpy() / 86400.0
        on_time = late <= tolerance_days
    f = _flags(on_time, "on-time delivery rate")
    return _percent(f.sum(), f.size)


def error_free_rate(error_free) -> float:
    """Error-free rate = orders without picking, shipping or invoicing error / all orders × 100."""
    f = _flags(error_free, "error-free rate")
    return _percent(f.sum(), f.size)


def fill_rates(ordered, shipped=None, order_ids=None) -> dict[str, float]:
    """Unit, line and order fill rates in % (Chopra & Meindl, Supply Chain Management, ch. 12;
    domain brief §2.7 订货满足率):

    * unit fill rate  = Σ min(shipped, ordered) / Σ ordered;
    * line fill rate  = lines shipped complete / all lines;
    * order fill rate = orders with every line complete / all orders.

    ``ordered`` may be a DataFrame with columns ``ordered``, ``shipped`` and optionally
    ``order``; otherwise give quantities per order line (``order_ids`` groups lines into
    orders; without it each line is its own order). Over-shipment does not raise the rate.
    """
    if isinstance(ordered, pd.DataFrame):
        df = ordered
        for c in ("ordered", "shipped"):
            if c not in df.columns:
                raise ServiceDataError(f"fill rates need a column '{c}'")
        order_ids = df["order"] if "order" in df.columns else None
        ordered, shipped = df["ordered"], df["shipped"]
    if shipped is None:
        raise ServiceDataError("fill rates need shipped quantities")
    o = pd.to_numeric(pd.Series(list(ordered)), errors="coerce").to_numpy(float)
    s = pd.to_numeric(pd.Series(list(shipped)), errors="coerce").to_numpy(float)
    if o.size == 0:
        raise ServiceDataError("fill rates: no order lines, so there is no rate")
    if o.size != s.size:
        raise ServiceDataError(f"fill rates: {o.size} ordered but {s.size} shipped quantities")
    for arr, what in ((o, "ordered"), (s, "shipped")):
        bad = np.flatnonzero(~np.isfinite(arr) | (arr < 0))
        if bad.size:
            raise ServiceDataError(f"line {int(bad[0]) + 1}: {what} quantity is missing or negative")
    if np.any(o == 0):
        raise ServiceDataError(f"line {int(np.flatnonzero(o == 0)[0]) + 1}: ordered quantity is 0")
    complete = s >= o
    ids = np.arange(o.size) if order_ids is None else np.asarray(list(order_ids))
    if ids.size != o.size:
        raise ServiceDataError("fill rates: order ids and lines differ in length")
    per_order = pd.Series(complete).groupby(ids).all()
    return {"unit": float(100.0 * np.minimum(s, o).sum() / o.sum()),
            "line": _percent(complete.sum(), complete.size),
            "order": _percent(per_order.sum(), per_order.size)}


RATE_SCALES = ("fraction", "percent")
_PERFECT_ORDER_PARTS = ("on time", "complete", "damage free", "documents correct")


def _exact(value: float) -> Fraction:
    # The decimal the user wrote (0.95 → 19/20), so a product of rates is rounded once, at the end.
    return Fraction(repr(float(value)))


def _scalar_rate(value, what: str) -> float:
    if isinstance(value, bool):
        raise ServiceDataError(f"'{what}': {value!r} is not a rate (give a fraction, a percentage or 1/0 flags)")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ServiceDataError(f"'{what}': {value!r} is not a rate") from None
    if not np.isfinite(v) or v < 0 or v > 100:
        raise ServiceDataError(f"'{what}': {value!r} must be a fraction 0–1 or a percentage 0–100")
    return v


def perfect_order_index(on_time, complete, damage_free, documents_ok, *,
                        scale: str | None = None) -> float:
    """Perfect order index (POI) in % as the product of the component rates (Supply Chain
    Council SCOR 'perfect order fulfilment'; Bowersox, Closs & Cooper, Supply Chain Logistics
    Management, ch. 3): POI = on-time × complete × damage-free × correct documents.

    A component is a rate — all of them fractions 0–1 **or** all percentages 0–100 — or a list
    of per-order 1/0 flags (its share of 1s, counted). Mixed scales are refused: in
    ``(0.98, 97, 99, 82)`` the 0.98 is surely 98 %, not 0.98 %. Exactly 0 is 0 % on either
    scale; exactly 1 is 100 % next to fractions and ambiguous (1 % or 100 %?) next to
    percentages, so it is refused there; when every rate is 0 or 1 they are read as fractions.
    ``scale='fraction'`` or ``'percent'`` says it outright. Computed exactly from the decimals
    given (and the flag counts), rounded once. This assumes the failures are independent; the
    count of truly perfect orders is :func:`perfect_orders`.
    """
    if scale is not None and scale not in RATE_SCALES:
        raise ServiceDataError(f"perfect order: scale {scale!r} must be 'fraction' or 'percent'")
    raw = [on_time, complete, damage_free, documents_ok]
    rates: list[Fraction | None] = [None] * 4
    scalars: dict[int, float] = {}
    for i, (value, what) in enumerate(zip(raw, _PERFECT_ORDER_PARTS)):
        if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
            flags = _flags(value, what)
            rates[i] = Fraction(int(flags.sum()), int(flags.size))
        else:
            scalars[i] = _scalar_rate(value, what)
    fractions = [i for i, v in scalars.items() if 0 < v < 1]
    percents = [i for i, v in scalars.items() if v > 1]
    ones = [i for i, v in scalars.items() if v == 1]
    name = _PERFECT_ORDER_PARTS
    if scale == "fraction" and percents:
        i = percents[0]
        raise ServiceDataError(f"perfect order: '{name[i]}' {scalars[i]:g} is above 1, so it cannot be "
                               "a fraction (scale='fraction')")
    if scale is None:
        if fractions and percents:
            i, j = fractions[0], percents[0]
            raise ServiceDataError(
                f"perfect order: mixed scales: '{name[i]}' {scalars[i]:g} is a fraction but "
                f"'{name[j]}' {scalars[j]:g} is a percentage; give all rates as fractions 0–1 or all "
                "as percentages 0–100 (or pass scale='fraction' / 'percent')")
        if percents and ones:
            i = ones[0]
            raise ServiceDataError(
                f"perfect order: '{name[i]}' 1 is ambiguous next to percentages (1 % or 100 %?); "
                "write 100 for 100 %, or pass scale='percent'")
        scale = "percent" if percents else "fraction"
    for i, v in scalars.items():
        rates[i] = _exact(v) / 100 if scale == "percent" else _exact(v)
    product = Fraction(100)
    for r in rates:
        product *= r
    return float(product)


@dataclass(frozen=True)
class PerfectOrderResult:
    by_product: float            # % — product of the four component rates (assumes independence)
    by_count: float              # % — orders perfect on all four counts / all orders
    components: dict[str, float]  # % each
    orders: int
    perfect: int

    def to_dict(self) -> dict:
        return {"perfect_order_by_product_of_rates_pct": self.by_product,
                "perfect_order_by_count_pct": self.by_count,
                "components_pct": dict(self.components), "orders": self.orders,
                "perfect_orders": self.perfect}


def perfect_orders(on_time, complete, damage_free, documents_ok) -> PerfectOrderResult:
    """Perfect order both ways, labelled because they differ: the product of the component
    rates (SCOR-style index) and the share of orders that were on time **and** complete **and**
    undamaged **and** correctly documented (the count). They are equal only when failures are
    independent; failures usually cluster on the same bad orders, so the count is higher."""
    flags = [_flags(v, n) for v, n in zip((on_time, complete, damage_free, documents_ok),
                                          ("on time", "complete", "damage free", "documents correct"))]
    size = {f.size for f in flags}
    if len(size) != 1:
        raise ServiceDataError("perfect order: the four flag lists must have one entry per order")
    comps = {k: _percent(f.sum(), f.size) for k, f in
             zip(("on_time", "complete", "damage_free", "documents_ok"), flags)}
    perfect = np.logical_and.reduce(flags)
    product = Fraction(100)
    for f in flags:
        product *= Fraction(int(f.sum()), int(f.size))
    return PerfectOrderResult(float(product), _percent(perfect.sum(), perfect.size), comps,
                              int(perfect.size), int(perfect.sum()))

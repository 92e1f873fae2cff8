"""Demo histories for supplier evaluation: order lines, deliveries, inspection lots and
corrective-action requests, vectorised with numpy so 2,000 suppliers × 120 months take seconds.

Each supplier's performance follows a smooth latent trajectory: a level, a gradual change for
improving and declining suppliers, slowly varying AR(1) noise and now and then a bad month whose
effect fades over the following months. A profile (steady, improving, declining, poor, erratic)
sets those parameters; the supplier's status makes some profiles likelier (suspended suppliers
were declining or poor). Quality q and delivery d are two correlated paths in [0, 1].

The monthly records follow the paths rather than sampling noise, although a supplier has only a
few deliveries a month: its level shows in quantities that average over pieces (defects found in
samples, the share of each order delivered, price), while countable events (rejected lots, late
deliveries) are rare above a knee in performance and, where they occur, are allotted per month
as the expected count rounded with a slowly drifting random threshold — so they come in spells,
as supplier problems do, instead of flipping a month's grade at random. Some months are empty
(no orders due, nothing delivered) so evaluation meets missing indicators; suppliers still in
the "potential" status have no history and those under evaluation only recent trial deliveries.

Requests that are answered or closed carry a full 8D report (texts from app.models.suppliers.demo8d),
open ones the first disciplines an in-progress 8D has.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np

from app.models.core.demo import DemoContext
from app.models.suppliers.demo8d import (GENERIC_ISSUES, ISSUES, VERIFICATIONS, incoming_8d,
                               incoming_problem)

ORDER = 30

# GB/T 2828.1 general inspection level II: lot-size upper limits → sample size (table 1 + 2-A).
_LOT_LIMITS = np.array([8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000])
_SAMPLE = np.array([2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800])
# Acceptance numbers, normal inspection (table 2-A, arrows resolved to the nearest plan): AQL 1.0
# for major defects (the lot's recorded AQL) and AQL 4.0 for minor ones, the usual split plan;
# the 4.0 column is the 1.0 column three code letters further on.
_AC = np.array([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5, 7, 10, 14])
_AC_MINOR = np.array([0, 0, 0, 1, 1, 2, 3, 5, 7, 10, 14, 21, 21, 21])

PROFILES = ("steady", "improving", "declining", "poor", "erratic")
# Profile mix by supplier status; overall about 50 / 15 / 15 / 10 / 10 % with the demo's status mix.
_PROFILE_P = {
    "approved": (0.54, 0.15, 0.13, 0.08, 0.10),
    "conditional": (0.25, 0.30, 0.10, 0.20, 0.15),
    "under_evaluation": (0.60, 0.15, 0.05, 0.10, 0.10),
    "suspended": (0.0, 0.0, 0.6, 0.4, 0.0),
    "disqualified": (0.0, 0.0, 0.6, 0.4, 0.0),
}
_LINES_PER_MONTH = 4.0  # median order lines due per supplier and month
_DISPOSITIONS = ("return", "rework", "concession", "sort", "scrap")
_INSPECTORS = ("张伟 Zhang Wei", "李娜 Li Na", "王强 Wang Qiang")
_SQE = "SQE 陈静 Chen Jing"

CHUNK = 100_000
# Day numbers (since 1970-01-01) become ISO dates inside SQLite: much cheaper than numpy strings.
_DAY = "date(? * 86400, 'unixepoch')"


def _case(param: int, values) -> str:
    """SQL turning the integer bound as ?param into values[i] (NULL when out of range)."""
    return f"CASE ?{param} " + " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values)) + " END"


def _rows(*columns):
    """Row tuples from column arrays, converted a chunk at a time so that millions of rows never
    exist as Python objects at once (bounds the demo build's memory: about 550 MB at 2,000 × 120)."""
    n = len(columns[0])
    for a in range(0, n, CHUNK):
        parts = [c[a:a + CHUNK] for c in columns]
        yield from zip(*[p.tolist() if isinstance(p, np.ndarray) else p for p in parts])


def _ar1(rng: np.random.Generator, n: int, months: int, phi: np.ndarray, sd: np.ndarray) -> np.ndarray:
    """Stationary AR(1) noise per supplier (rows) with autocorrelation phi and standard deviation sd."""
    z = rng.standard_normal((n, months))
    out = np.empty((n, months))
    out[:, 0] = sd * z[:, 0]
    innovation = sd * np.sqrt(1.0 - phi ** 2)
    for j in range(1, months):
        out[:, j] = phi * out[:, j - 1] + innovation * z[:, j]
    return out


def _bad_months(rng: np.random.Generator, n: int, months: int, p: np.ndarray, fade: float = 0.5) -> np.ndarray:
    """Dips of 0.12–0.3 in random months (probability p per month) that fade by ``fade`` a month,
    as a supplier recovers from a problem."""
    hit = (rng.random((n, months)) < p[:, None]) * rng.uniform(0.12, 0.3, (n, months))
    out = np.empty((n, months))
    out[:, 0] = hit[:, 0]
    for j in range(1, months):
        out[:, j] = fade * out[:, j - 1] + hit[:, j]
    return out


def _smooth_uniform(rng: np.random.Generator, n: int, months: int, phi: float = 0.85) -> np.ndarray:
    """Uniform(0, 1) per supplier × month, autocorrelated over months: an AR(1) Gaussian through a
    logistic approximation of its distribution function (close enough to uniform for demo data)."""
    z = _ar1(rng, n, months, np.full(n, phi), np.ones(n))
    return 1.0 / (1.0 + np.exp(-1.702 * z))


def _events(rng: np.random.Generator, group: np.ndarray, p: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Which items (lots, lines) have an event, given each item's probability p and its group
    (supplier × month). A group gets floor(Σp + u) events — its expected count, rounded up with
    probability equal to the fraction — on randomly chosen items. Because u drifts slowly from
    month to month, problems come in spells instead of scattering at random, and a month's
    count never strays more than one from what the supplier's performance implies."""
    expected = np.bincount(group, weights=p, minlength=u.size)
    count = np.floor(expected + u)
    order = np.lexsort((rng.random(group.size), group))
    ranked = group[order]
    rank = np.empty(group.size, np.int64)
    rank[order] = np.arange(group.size) - np.searchsorted(ranked, ranked)
    return rank < count[group]


def latent_paths(rng: np.random.Generator, kind: np.ndarray, months: int) -> tuple[np.ndarray, np.ndarray]:
    """Quality q and delivery d performance in [0, 1] per supplier (rows) × month (columns)."""
    n = kind.size
    _steady, improving, declining, poor, erratic = (kind == k for k in range(len(PROFILES)))
    t = np.arange(months) / max(months - 1, 1)
    level = np.select([improving, declining, poor, erratic],
                      [rng.uniform(0.38, 0.60, n), rng.uniform(0.74, 0.93, n), rng.uniform(0.25, 0.50, n),
                       rng.uniform(0.55, 0.85, n)], rng.uniform(0.72, 0.96, n))
    change = np.select([improving, declining], [rng.uniform(0.25, 0.40, n), -rng.uniform(0.25, 0.40, n)], 0.0)
    # the change takes part of the history (an improvement programme, a slow decline): smoothstep
    onset, span = rng.uniform(0.0, 0.5, n), rng.uniform(0.3, 0.8, n)
    x = np.clip((t[None, :] - onset[:, None]) / span[:, None], 0.0, 1.0)
    base = level[:, None] + change[:, None] * x * x * (3.0 - 2.0 * x)
    phi = np.where(erratic, 0.6, 0.85)
    sd = np.select([erratic, poor], [0.10, 0.05], 0.035)
    dips = _bad_months(rng, n, months, np.select([erratic, poor, declining], [0.08, 0.05, 0.04], 0.02))
    q = base + _ar1(rng, n, months, phi, sd) - dips
    # delivery: same base with a supplier offset, its own slow noise and capacity dips, and half
    # of the quality dips (a quality problem also holds shipments back)
    offset = rng.normal(0.03, 0.06, n)[:, None]
    d = base + offset + _ar1(rng, n, months, np.full(n, 0.8), np.full(n, 0.04)) - 0.5 * dips \
        - _bad_months(rng, n, months, np.full(n, 0.015))
    return np.clip(q, 0.02, 0.99), np.clip(d, 0.02, 0.995)


def _profiles(rng: np.random.Generator, statuses: list[str]) -> np.ndarray:
    p = np.array([_PROFILE_P.get(s, _PROFILE_P["approved"]) for s in statuses])
    return (rng.random(len(statuses))[:, None] > np.cumsum(p, axis=1)[:, :-1]).sum(axis=1)


# Rates from the latent paths (q for quality, d for delivery, both in [0, 1]). The level of a
# supplier shows in smooth quantities — defects found in the samples (PPM), the share of each
# order it cannot deliver (fulfilment), price and answer speed — so A, B and C suppliers keep
# their grade from month to month. Rejected lots and late deliveries, which a handful of lots a
# month can only show as 0, 1 or 2 events, stay rare until performance falls below a knee and
# then become frequent: they mark the poor suppliers and the bad months.
def sample_defect_rate(q):
    """Defect probability per sampled piece (majors and minors)."""
    return 0.0015 + 0.26 * (1 - q) ** 2.2


def rejection_rate(q):
    """Probability that an inspection lot is rejected."""
    return 0.0005 + 1.5 * np.maximum(0.0, 0.42 - q) ** 1.3


def late_rate(d):
    """Probability that a delivery misses the on-time window."""
    return 0.002 + 1.5 * np.maximum(0.0, 0.42 - d) ** 1.3


def short_rate(d):
    """Probability that a first delivery falls well short (the rest follows, late, as a rule)."""
    return 0.002 + 0.1 * np.maximum(0.0, 0.5 - d) ** 1.3


def trim_rate(d):
    """Share of each line a capacity-short supplier does not deliver (the rest is cancelled)."""
    return 0.4 * np.maximum(0.0, 0.88 - d)


def answer_days(q):
    """Mean days to answer a corrective-action request (gamma with shape 2)."""
    return 2 * (1.0 + 10.0 * (1 - q) ** 1.5)


def line_problem_rate(q):
    """Probability per month of a corrective-action request for a problem found at the line."""
    return 0.015 + 0.25 * np.maximum(0.0, 0.8 - q) ** 1.5


def extend_demo(conn: sqlite3.Connection, ctx: DemoContext) -> None:
    rng = ctx.np_rng
    rows = conn.execute("SELECT id, status, category FROM suppliers WHERE status != 'potential' ORDER BY id").fetchall()
    if not rows or not ctx.months:
        return
    active = np.array([r[0] for r in rows], dtype=np.int64)
    statuses = [r[1] for r in rows]
    n, m = active.size, len(ctx.months)
    month_day0 = np.array(ctx.months, dtype="datetime64[D]").astype(np.int64)
    month_len = np.diff(np.append(month_day0, np.datetime64(ctx.as_of, "D").astype(np.int64)))
    as_of = int(np.datetime64(ctx.as_of, "D").astype(np.int64))
    kind = _profiles(rng, statuses)
    q, dq = latent_paths(rng, kind, m)

    # Suppliers start at different times (those under evaluation with recent trial deliveries
    # only); about 6 % of months are empty: a few suppliers deliver only now and then, others
    # rarely skip a month, more often in February (Spring Festival).
    trial = np.array([s == "under_evaluation" for s in statuses])
    onboard = np.where(rng.random(n) < 0.25, rng.integers(0, max(1, m - 6), n), 0)
    onboard = np.where(trial, np.maximum(0, m - rng.integers(1, 7, n)), onboard)
    p_empty = np.where(rng.random(n) < 0.1, rng.uniform(0.1, 0.3, n), 0.02)[:, None] \
        + 0.06 * (np.array([d.month for d in ctx.months]) == 2)[None, :]
    rate = np.clip(np.exp(rng.normal(np.log(_LINES_PER_MONTH), 0.35, n)), 2.0, 30.0)
    # call-offs follow a schedule: the monthly count varies by ±20 %, not like a Poisson count
    lines_per = np.floor(rate[:, None] * rng.uniform(0.8, 1.2, (n, m)) + rng.random((n, m))).astype(np.int64)
    not_yet = np.arange(m)[None, :] < onboard[:, None]
    lines_per[not_yet | (rng.random((n, m)) < p_empty)] = 0
    s_idx = np.repeat(np.repeat(np.arange(n), m), lines_per.ravel())
    m_idx = np.repeat(np.tile(np.arange(m), n), lines_per.ravel())
    L = s_idx.size
    ql, dl = q[s_idx, m_idx], dq[s_idx, m_idx]

    # Order lines: part among the supplier's linked parts, quantity, due date, prices.
    part_map: dict[int, list[int]] = {}
    for sid, pid in ctx.supplier_parts:
        part_map.setdefault(sid, []).append(pid)
    fallback = ctx.part_ids or [None]
    flat, offset, size = [], np.zeros(n, np.int64), np.zeros(n, np.int64)
    for i, sid in enumerate(active.tolist()):
        parts = part_map.get(sid) or fallback
        offset[i], size[i] = len(flat), len(parts)
        flat.extend(parts)
    flat_arr = np.array([p if p is not None else -1 for p in flat], dtype=np.int64)
    part = flat_arr[offset[s_idx] + (rng.random(L) * size[s_idx]).astype(np.int64)]
    scale = np.exp(rng.uniform(np.log(50), np.log(5000), n))
    ordered = np.maximum(1, np.round(scale[s_idx] * rng.uniform(0.5, 1.5, L)))
    due = month_day0[m_idx] + (rng.random(L) * month_len[m_idx]).astype(np.int64)
    std_price = np.round(np.exp(rng.uniform(np.log(0.2), np.log(200), n))[s_idx], 2) + 0.01
    bias = rng.normal(0.0, 0.04, n)
    unit_price = np.round(std_price * (1 + bias[s_idx] + rng.normal(0, 0.015, L)), 2)
    has_price = rng.random(L) < 0.97
    line_base = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM purchase_order_lines").fetchone()[0])
    line_id = line_base + 1 + np.arange(L)
    po_no = np.int64(ctx.months[0].year % 100) * 10**7 + line_id

    # First delivery: on time (0–3 days early) unless late or too early, which gets likelier and
    # longer as delivery performance falls; short deliveries too, most completed two weeks later.
    group = s_idx * m + m_idx
    u_delivery = _smooth_uniform(rng, n, m).ravel()
    miss = _events(rng, group, late_rate(dl), u_delivery)
    early = rng.random(L) < 0.15
    delay = np.where(miss, np.where(early, -rng.integers(4, 10, L), rng.geometric(1 / (2 + 6 * (1 - dl)))),
                     -rng.choice(4, L, p=(0.45, 0.35, 0.15, 0.05)))
    first_day = due + delay
    short = _events(rng, group, short_rate(dl), u_delivery)
    first_qty = np.where(short, np.maximum(1, np.round(ordered * rng.uniform(0.4, 0.9, L))), ordered)
    # weaker suppliers also ship a little short on many lines and the rest is cancelled: the
    # smooth part of order fulfilment
    trim = trim_rate(dl) * rng.uniform(0.85, 1.15, L)
    trimmed = ~short & (trim >= 0.005)
    first_qty = np.where(trimmed, np.maximum(1, np.round(ordered * (1 - trim))), first_qty)
    first_qty = np.where(~short & ~trimmed & (rng.random(L) < 0.02), np.round(ordered * 1.05), first_qty)
    second = short & (rng.random(L) < 0.8) & (first_qty < ordered)
    second_day = first_day + rng.integers(4, 21, L)
    second_qty = ordered - first_qty
    d_line = np.concatenate([line_id, line_id[second]])
    d_day = np.concatenate([first_day, second_day[second]])
    d_qty = np.concatenate([first_qty, second_qty[second]])
    d_src = np.concatenate([np.arange(L), np.flatnonzero(second)])
    keep = d_day < as_of  # not yet delivered in the demo world
    d_line, d_day, d_qty, d_src = d_line[keep], d_day[keep], d_qty[keep], d_src[keep]
    D = d_line.size
    delivery_base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM deliveries").fetchone()[0]
    delivery_id = delivery_base + 1 + np.arange(D)

    conn.executemany(
        "INSERT INTO purchase_order_lines (id, supplier_id, part_id, po_number, line_no, ordered_qty, due_on,"
        f" unit_price, standard_price) VALUES (?, ?, ?, 'PO' || ?, 10, ?, {_DAY}, ?, ?)",
        _rows(line_id, active[s_idx], np.where(part > 0, part, None), po_no, ordered, due,
              # SQLite stores a bound NaN as NULL: lines without a price carry no price evidence.
              np.where(has_price, unit_price, np.nan), np.where(has_price, std_price, np.nan)))
    conn.executemany(
        "INSERT INTO deliveries (id, po_line_id, delivered_on, quantity, delivery_note) VALUES (?1, ?2,"
        " date(?3 * 86400, 'unixepoch'), ?4, 'DN' || ?1)", _rows(delivery_id, d_line, d_day, d_qty))

    # Inspection lots: most deliveries are inspected one to two days after receipt. Rejections are
    # rare (0.05 %) until quality falls below the knee, then frequent (~20 % at q = 0.25).
    inspected = (rng.random(D) < 0.92) & (d_day + 2 < as_of)
    src = d_src[inspected]
    lot_size = d_qty[inspected].astype(np.int64)
    n_lots = lot_size.size
    k = np.minimum(np.searchsorted(_LOT_LIMITS, lot_size), _SAMPLE.size - 1)
    sample = np.minimum(_SAMPLE[k], lot_size)
    ac = _AC[k]
    qi = ql[src]
    u_quality = _smooth_uniform(rng, n, m)
    rejected = _events(rng, group[src], rejection_rate(qi), u_quality.ravel())
    # Defects found in the sample: an accepted lot holds majors within Ac and minors within the
    # minor Ac; a rejected lot more majors than Ac allows, sometimes a critical one.
    found = rng.binomial(sample, sample_defect_rate(qi))
    major = rng.binomial(found, 0.3)
    minor = np.minimum(found - major, _AC_MINOR[k])
    excess = rng.poisson(sample * (0.01 + 0.04 * (1 - qi)))
    major = np.where(rejected, np.minimum(sample, ac + 1 + excess), np.minimum(major, ac))
    critical = (rejected & (rng.random(n_lots) < 0.08) & (major < sample)).astype(np.int64)
    minor = np.minimum(minor, sample - major - critical)
    defects = critical + major + minor
    # a rejected lot is sorted: the sample over-states the defect rate a little (it was rejected
    # because it drew a bad sample), so sorting finds 20–60 % of the sample's rate
    sorted_rate = defects / np.maximum(sample, 1) * rng.uniform(0.2, 0.6, n_lots)
    defective = np.where(rejected, np.maximum(defects, np.round(sorted_rate * lot_size)), defects)
    defective = np.minimum(defective, lot_size).astype(np.int64)
    dispo = np.where(rejected, rng.integers(0, len(_DISPOSITIONS), n_lots), -1)
    lot_day = d_day[inspected] + rng.integers(0, 3, n_lots)
    lot_delivery = delivery_id[inspected]
    sup_of_lot = active[s_idx[src]]
    conn.executemany(
        "INSERT INTO inspection_lots (lot_number, supplier_id, part_id, delivery_id, inspected_on, lot_size,"
        " sample_size, critical_defects, major_defects, minor_defects, defective_units, decision, disposition,"
        " severity, inspection_level, aql, inspector, notes) VALUES ('IQC' || ?1, ?2, ?3, ?1,"
        f" date(?4 * 86400, 'unixepoch'), ?5, ?6, ?7, ?8, ?9, ?10, {_case(11, ('accepted', 'rejected'))},"
        f" {_case(12, _DISPOSITIONS)}, 'normal', 'II', 1.0, {_case(13, _INSPECTORS)}, '')",
        _rows(lot_delivery, sup_of_lot, np.where(part[src] > 0, part[src], None), lot_day, lot_size, sample,
              critical, major, minor, defective, rejected.astype(np.int64), dispo,
              rng.integers(0, len(_INSPECTORS), n_lots)))

    # Corrective-action requests: for most rejected lots, plus problems found at the line (more
    # often for weaker suppliers); answer speed follows quality.
    car = rejected & (rng.random(n_lots) < 0.8)
    extra = u_quality > 1.0 - line_problem_rate(q)
    extra[not_yet] = False
    e_s, e_m = np.nonzero(extra)
    e_day = month_day0[e_m] + (rng.random(e_s.size) * month_len[e_m]).astype(np.int64)
    n_lot_cars = int(car.sum())
    c_s = np.concatenate([s_idx[src][car], e_s])  # index into active
    issued = np.concatenate([lot_day[car], e_day])
    c_q = np.concatenate([qi[car], q[e_s, e_m]])
    due_c = issued + np.concatenate([np.where(critical[car] > 0, 7, 14), np.full(e_s.size, 14)])
    c_n = issued.size
    answer_after = np.round(rng.gamma(2.0, answer_days(c_q) / 2)).astype(np.int64)
    answered = issued + answer_after
    open_ = answered >= as_of
    status = np.where(open_, "open", np.where(rng.random(c_n) < 0.6, "closed", "answered"))
    closed = np.where(status == "closed", answered + rng.integers(3, 15, c_n), -1)
    closed = np.where(closed >= as_of, -1, closed)
    status = np.where((status == "closed") & (closed < 0), "answered", status)
    # 8D content: the problem by the supplier's category, text variants, numbers
    issue_lists = [ISSUES.get(category, GENERIC_ISSUES) for _sid, _status, category in rows]
    issue_pick = rng.random(c_n)
    picks = rng.integers(0, 60, (c_n, 4)).tolist()
    numbers = np.column_stack([rng.integers(20, 400, c_n), rng.integers(3, 6, c_n), rng.integers(20, 45, c_n),
                               rng.integers(80, 125, c_n), rng.integers(135, 190, c_n)]).tolist()
    verification_pick = rng.integers(0, len(VERIFICATIONS), c_n).tolist()
    leaders = dict(conn.execute("SELECT supplier_id, name FROM supplier_contacts WHERE is_primary = 1"
                                " ORDER BY id").fetchall())
    lot_info = np.column_stack([lot_delivery[car], sample[car], defects[car], dispo[car]]).tolist()
    car_base = conn.execute("SELECT COUNT(*) FROM corrective_actions").fetchone()[0]
    issued_s, due_s, answered_s, closed_s = (np.datetime_as_string(days.astype("datetime64[D]")).tolist()
                                             for days in (issued, due_c, answered, np.maximum(closed, 0)))
    # an 8D in progress shows the team and the problem, and the containment after two days
    shown = np.where(status != "open", 8, np.where(issued + 2 <= as_of, 3, 2)).tolist()
    car_rows = []
    for i, (si, st) in enumerate(zip(c_s.tolist(), status.tolist())):
        issues = issue_lists[si]
        issue = issues[int(issue_pick[i] * len(issues))]
        sid = int(active[si])
        zh_name, _, en_name = (leaders.get(sid) or "质量经理 the quality manager").partition(" ")
        pieces, lots, days, a, b = numbers[i]
        if i < n_lot_cars:
            lot, smp, dfc, dsp = lot_info[i]
            problem = incoming_problem(issue, lot=f"IQC{lot}", sample=smp, defects=dfc,
                                       disposition=_DISPOSITIONS[dsp] if dsp >= 0 else None)
            title = f"来料批次拒收 Rejected lot IQC{lot}"
        else:
            problem = incoming_problem(issue, lot=None, pieces=pieces)
            title = f"产线质量问题：{issue[0]}"  # the demo plant writes its SCAR titles in Chinese
        eight_d = incoming_8d(issue, problem, tuple(picks[i]), who=(zh_name, en_name or zh_name), pieces=pieces,
                              lots=lots, days=days, a=a / 100, b=b / 100, disciplines=shown[i])
        done = st == "closed"
        car_rows.append((sid, f"SCAR-EV{car_base + 1 + i}", title, problem, issued_s[i], due_s[i],
                         None if st == "open" else answered_s[i], closed_s[i] if done else None, st,
                         json.dumps(eight_d, ensure_ascii=False),
                         "\n".join(VERIFICATIONS[verification_pick[i]]) if done else "", _SQE if done else "",
                         closed_s[i] if done else None, _SQE if done else ""))
    conn.executemany(
        "INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on, due_on,"
        " answered_on, closed_on, status, owner, method, eight_d_json, verification, verified_by, verified_on,"
        f" closed_by) VALUES (?, ?, ?, ?, 'inspection', ?, ?, ?, ?, ?, '{_SQE}', '8D', ?, ?, ?, ?, ?)", car_rows)
    ctx.counts.update(purchase_order_lines=L, deliveries=D, inspection_lots=n_lots,
                      corrective_actions=ctx.counts.get("corrective_actions", 0) + c_n)

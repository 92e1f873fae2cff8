"""Demo histories for supplier evaluation: order lines, deliveries, inspection lots and
corrective-action requests, vectorised with numpy so 2,000 suppliers × 120 months take seconds.

Each supplier gets a trajectory — steady, improving, declining, poor or erratic — that drives
its defect rate, delivery punctuality, short deliveries and how fast it answers corrective-action
requests; some months are empty (no orders due, nothing delivered) so evaluation meets missing
indicators, and suppliers still in the "potential" status have no history at all.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from app.models.demo import DemoContext

ORDER = 30

# GB/T 2828.1 general inspection level II: lot-size upper limits → sample size (table 1 + 2-A).
_LOT_LIMITS = np.array([8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000])
_SAMPLE = np.array([2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800])
# Acceptance numbers for AQL 1.0, normal inspection (table 2-A, arrows resolved to the nearest plan).
_AC = np.array([0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5, 7, 10, 14])

TRAJECTORIES = ("steady", "improving", "declining", "poor", "erratic")
_TRAJECTORY_P = (0.5, 0.15, 0.15, 0.1, 0.1)
_DISPOSITIONS = np.array(["return", "rework", "concession", "sort", "scrap"])


CHUNK = 100_000


def _iso(days: np.ndarray) -> np.ndarray:
    """Day numbers since 1970-01-01 → ISO date strings."""
    return days.astype("datetime64[D]").astype(str)


def _rows(*columns):
    """Row tuples from column arrays, converted a chunk at a time so that millions of rows never
    exist as Python objects at once (keeps the demo build well under 500 MB)."""
    n = len(columns[0])
    for a in range(0, n, CHUNK):
        parts = [c[a:a + CHUNK] for c in columns]
        yield from zip(*[p.tolist() if isinstance(p, np.ndarray) else p for p in parts])


def _quality_paths(rng: np.random.Generator, n: int, months: int) -> tuple[np.ndarray, np.ndarray]:
    """Quality level q in [0, 1] per supplier × month, and each supplier's trajectory index."""
    kind = rng.choice(len(TRAJECTORIES), size=n, p=_TRAJECTORY_P)
    t = np.linspace(0.0, 1.0, months)[None, :]
    base = rng.uniform(0.55, 0.95, size=(n, 1))
    slope = np.select([kind == 1, kind == 2], [rng.uniform(0.2, 0.45, n), -rng.uniform(0.2, 0.45, n)], 0.0)[:, None]
    start = np.where(kind[:, None] == 1, base - 0.3, np.where(kind[:, None] == 3, base - 0.35, base))
    noise_sd = np.where(kind == 4, 0.2, 0.05)[:, None]
    q = start + slope * t + rng.normal(0.0, 1.0, size=(n, months)) * noise_sd
    return np.clip(q, 0.0, 1.0), kind


def extend_demo(conn: sqlite3.Connection, ctx: DemoContext) -> None:
    rng = ctx.np_rng
    rows = conn.execute("SELECT id, status FROM suppliers ORDER BY id").fetchall()
    active = np.array([sid for sid, status in rows if status != "potential"], dtype=np.int64)
    if active.size == 0 or not ctx.months:
        return
    n, m = active.size, len(ctx.months)
    month_day0 = np.array(ctx.months, dtype="datetime64[D]").astype(np.int64)
    month_len = np.diff(np.append(month_day0, np.datetime64(ctx.as_of, "D").astype(np.int64)))
    as_of = int(np.datetime64(ctx.as_of, "D").astype(np.int64))
    q, _kind = _quality_paths(rng, n, m)

    # Suppliers start at different times; about 6 % of months are empty.
    onboard = np.where(rng.random(n) < 0.25, rng.integers(0, max(1, m - 6), n), 0)
    rate = rng.uniform(1.0, 5.0, n)
    lines_per = rng.poisson(rate[:, None], size=(n, m))
    lines_per[np.arange(m)[None, :] < onboard[:, None]] = 0
    lines_per[rng.random((n, m)) < 0.06] = 0
    s_idx = np.repeat(np.repeat(np.arange(n), m), lines_per.ravel())
    m_idx = np.repeat(np.tile(np.arange(m), n), lines_per.ravel())
    L = s_idx.size
    ql = q[s_idx, m_idx]

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
    po_no = np.char.add("PO", (np.int64(ctx.months[0].year % 100) * 10**7 + line_id).astype(str))

    # First delivery: delay grows as quality falls; poorer suppliers deliver short more often.
    delay = np.round(rng.normal(-1.5 + (1 - ql) * 4.0, 0.6 + (1 - ql) * 3.0)).astype(np.int64)
    first_day = due + delay
    short = rng.random(L) < 0.04 + 0.25 * (1 - ql)
    first_qty = np.where(short, np.maximum(1, np.round(ordered * rng.uniform(0.4, 0.9, L))), ordered)
    first_qty = np.where(~short & (rng.random(L) < 0.02), np.round(ordered * 1.05), first_qty)
    second = short & (rng.random(L) < 0.75) & (first_qty < ordered)
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
        " unit_price, standard_price) VALUES (?,?,?,?,?,?,?,?,?)",
        _rows(line_id, active[s_idx], np.where(part > 0, part, None), po_no, np.full(L, 10), ordered, _iso(due),
            # SQLite stores a bound NaN as NULL: lines without a price carry no price evidence.
            np.where(has_price, unit_price, np.nan), np.where(has_price, std_price, np.nan)))
    conn.executemany(
        "INSERT INTO deliveries (id, po_line_id, delivered_on, quantity, delivery_note) VALUES (?,?,?,?,?)",
        _rows(delivery_id, d_line, _iso(d_day), d_qty, np.char.add("DN", delivery_id.astype(str))))

    # Inspection lots: most deliveries are inspected one to two days after receipt.
    inspected = (rng.random(D) < 0.92) & (d_day + 2 < as_of)
    src = d_src[inspected]
    lot_size = d_qty[inspected].astype(np.int64)
    k = np.minimum(np.searchsorted(_LOT_LIMITS, lot_size), _SAMPLE.size - 1)
    sample = np.minimum(_SAMPLE[k], lot_size)
    ac = _AC[k]
    qi = ql[src]
    p_defect = 10.0 ** (-3.7 + 2.5 * (1 - qi))  # ~200 ppm at q = 1, ~6 % at q = 0
    defects = rng.binomial(sample, p_defect)
    critical = rng.binomial(defects, 0.03)
    major = rng.binomial(defects - critical, 0.35)
    minor = defects - critical - major
    rejected = (critical > 0) | (defects > ac)
    defective = np.where(rejected, np.minimum(lot_size, np.ceil(defects * lot_size / np.maximum(sample, 1))), defects)
    defective = np.minimum(defective, lot_size).astype(np.int64)
    dispo = np.where(rejected, _DISPOSITIONS[rng.integers(0, _DISPOSITIONS.size, rejected.size)], None)
    n_lots = int(inspected.sum())
    lot_day = d_day[inspected] + rng.integers(0, 3, n_lots)
    lot_id = np.flatnonzero(inspected)
    lot_no = np.char.add("IQC", (delivery_id[inspected]).astype(str))
    sup_of_lot = active[s_idx[src]]
    conn.executemany(
        "INSERT INTO inspection_lots (lot_number, supplier_id, part_id, delivery_id, inspected_on, lot_size,"
        " sample_size, critical_defects, major_defects, minor_defects, defective_units, decision, disposition,"
        " severity, inspection_level, aql, inspector, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'normal','II',1.0,?,'')",
        _rows(lot_no, sup_of_lot, np.where(part[src] > 0, part[src], None), delivery_id[lot_id], _iso(lot_day),
              lot_size, sample, critical, major, minor, defective, np.where(rejected, "rejected", "accepted"), dispo,
              np.array(["张伟 Zhang Wei", "李娜 Li Na", "王强 Wang Qiang"])[rng.integers(0, 3, n_lots)]))

    # Corrective-action requests: for most rejected lots, plus findings from line problems and
    # audits (more often for weaker suppliers); answer speed follows quality.
    car = rejected & (rng.random(n_lots) < 0.7)
    extra = rng.random((n, m)) < 0.04 + 0.2 * (1 - q)
    extra[np.arange(m)[None, :] < onboard[:, None]] = False
    e_s, e_m = np.nonzero(extra)
    e_day = month_day0[e_m] + (rng.random(e_s.size) * month_len[e_m]).astype(np.int64)
    c_sup = np.concatenate([sup_of_lot[car], active[e_s]])
    issued = np.concatenate([lot_day[car], e_day])
    c_q = np.concatenate([qi[car], q[e_s, e_m]])
    due_c = issued + np.concatenate([np.where(critical[car] > 0, 7, 14), np.full(e_s.size, 14)])
    src_text = np.concatenate([np.char.add("来料批次拒收 Rejected lot ", lot_no[car]),
                               np.full(e_s.size, "产线质量问题 Line quality problem")])
    c_n = issued.size
    answer_after = np.round(rng.gamma(2.0, (1.5 + (1 - c_q) * 12.0))).astype(np.int64)
    answered = issued + answer_after
    open_ = answered >= as_of
    status = np.where(open_, "open", np.where(rng.random(c_n) < 0.6, "closed", "answered"))
    closed = np.where(status == "closed", answered + rng.integers(3, 15, c_n), -1)
    closed = np.where(closed >= as_of, -1, closed)
    status = np.where((status == "closed") & (closed < 0), "answered", status)
    car_base = conn.execute("SELECT COUNT(*) FROM corrective_actions").fetchone()[0]
    numbers = np.char.add("SCAR-EV", (car_base + 1 + np.arange(c_n)).astype(str))
    iso_answered = _iso(answered).astype(object)
    iso_answered[open_] = None
    iso_closed = _iso(np.maximum(closed, 0)).astype(object)
    iso_closed[closed < 0] = None
    conn.executemany(
        "INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on, due_on,"
        " answered_on, closed_on, status, owner) VALUES (?,?,?,'', 'inspection', ?,?,?,?,?,?)",
        zip(c_sup.tolist(), numbers.tolist(), src_text.tolist(),
            _iso(issued).tolist(), _iso(due_c).tolist(), iso_answered.tolist(), iso_closed.tolist(), status.tolist(),
            ["SQE 陈静 Chen Jing"] * c_n))
    ctx.counts.update(purchase_order_lines=L, deliveries=D, inspection_lots=n_lots,
                      corrective_actions=ctx.counts.get("corrective_actions", 0) + c_n)

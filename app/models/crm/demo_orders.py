"""Demo sales history: three years of ERP order lines up to today for the demo customers.

- Every current, past and lost customer orders the parts it is linked to (``customer_parts``);
  its size (yearly revenue) is log-normal, key accounts larger, its margin rate its own.
- Seasonality: more in spring and autumn, a dip around the Spring Festival (February) and in August.
- Parts are bought together: each part has a companion part added to the same order about half the
  time (so the association rules and the cross-sell suggestions have something real to find).
- A few current customers drift away (their order rate falls over the last nine months, some
  stop); past and lost customers stopped ordering six to twenty months ago.

Rows go in with ``sqlite3.executemany``; own random stream seeded from the demo seed. Dates are
relative to the real date, so the value analysis "as of today" always has recent orders."""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import date, timedelta

#: relative order rate per calendar month (Spring Festival dip in February, summer break in August)
SEASON = {1: 0.9, 2: 0.55, 3: 1.15, 4: 1.15, 5: 1.1, 6: 1.0, 7: 0.95, 8: 0.8, 9: 1.15, 10: 1.05, 11: 1.15, 12: 1.1}
YEARS = 3


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "crm_orders" not in tables:
        return
    rng = random.Random(ctx.seed * 7919 + 11)
    today = date.today()
    start = today - timedelta(days=365 * YEARS - 1)
    customers = conn.execute("SELECT id, lifecycle, key_account FROM customers "
                             "WHERE lifecycle IN ('current', 'past', 'lost') ORDER BY id").fetchall()
    if not customers:
        return
    parts = {pid: (code, name) for pid, code, name in conn.execute("SELECT id, code, name_zh FROM parts ORDER BY id")}
    linked: dict[int, list[tuple[int, int]]] = {}
    for cpid, cid, pid in conn.execute("SELECT id, customer_id, part_id FROM customer_parts ORDER BY id"):
        linked.setdefault(cid, []).append((cpid, pid))
    if not parts:
        return
    pids = sorted(parts)
    price = {pid: round(rng.uniform(4, 480), 2) for pid in pids}
    companion = {pid: rng.choice([q for q in pids if q != pid]) if len(pids) > 1 else None for pid in pids}

    current = [c for c in customers if c[1] == "current"]
    drifting = set(cid for cid, *_ in rng.sample(current, max(1, len(current) // 12))) if current else set()
    orders, lines = [], []
    order_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM crm_orders").fetchone()[0])
    line_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM crm_order_lines").fetchone()[0])
    serial = 0
    for cid, lifecycle, key in customers:
        own = linked.get(cid) or [(None, pid) for pid in rng.sample(pids, min(3, len(pids)))]
        own_parts = {pid: cpid for cpid, pid in own}
        rate = rng.uniform(0.9, 3.2) * (1.8 if key else 1.0)        # orders per month
        size = rng.lognormvariate(0.0, 0.6) * (2.0 if key else 1.0)  # quantity scale
        margin_rate = rng.uniform(0.08, 0.3)
        stop = None
        if lifecycle in ("past", "lost"):
            stop = today - timedelta(days=rng.randint(180, 600))
        elif cid in drifting and rng.random() < 0.4:
            stop = today - timedelta(days=rng.randint(100, 200))
        month = date(start.year, start.month, 1)
        while month <= today:
            nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
            lam = rate * SEASON[month.month]
            months_left = (today.year - month.year) * 12 + today.month - month.month
            if cid in drifting and months_left < 9:
                lam *= 0.15 + 0.85 * months_left / 9
            for _ in range(_poisson(rng, lam)):
                day = month + timedelta(days=rng.randrange((nxt - month).days))
                if day < start or day > today or (stop is not None and day >= stop):
                    continue
                order_id += 1
                serial += 1
                head = [order_id, cid, f"SO-{day.year}-{serial:05d}", day.isoformat(), "CNY", "", 0.0, 0.0]
                first = rng.choice(sorted(own_parts))
                basket = [first]
                mate = companion.get(first)
                if mate is not None and rng.random() < 0.55:
                    basket.append(mate)
                for _ in range(rng.choice((0, 0, 1, 1, 2))):
                    extra = rng.choice(sorted(own_parts))
                    if extra not in basket:
                        basket.append(extra)
                for n, pid in enumerate(basket, start=1):
                    qty = max(1, round(rng.lognormvariate(math.log(80 * size), 0.5)))
                    amount = round(qty * price[pid] * rng.uniform(0.95, 1.05), 2)
                    margin = round(amount * (margin_rate + rng.uniform(-0.05, 0.05)), 2)
                    line_id += 1
                    code, name = parts[pid]
                    lines.append((line_id, order_id, n, own_parts.get(pid), code, name, float(qty), amount, margin))
                    head[6] = round(head[6] + amount, 2)
                    head[7] = round(head[7] + margin, 2)
                orders.append(tuple(head))
            month = nxt
    conn.executemany("INSERT INTO crm_orders (id, customer_id, order_no, order_date, currency, note, amount, margin) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orders)
    conn.executemany("INSERT INTO crm_order_lines (id, order_id, line_no, customer_part_id, part_code, part_name, "
                     "quantity, amount, margin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
    ctx.counts["crm_orders"] = len(orders)
    ctx.counts["crm_order_lines"] = len(lines)

"""Audit-trail targets (issue 11): the trail adds at most 15 % to a single-record edit and 10 %
to a bulk import; verifying a 1,000,000-entry chain takes ≤ 5 s.

Each overhead is measured as the median of alternating runs with the trail on and off (the
``trail_off`` switch the trail itself honours), so machine noise hits both sides alike.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

EDIT_TARGET = 1.15
BULK_TARGET = 1.10
VERIFY_TARGET_S = 5.0
CHAIN_ENTRIES = 1_000_000


class _Switch:
    """Turns the trail off for the sessions a service opens (the switch the trail honours)."""

    def __init__(self, db) -> None:
        from app.models.admin import trail

        self.on = True
        trail_after_flush = trail._after_flush

        def after_flush(session, ctx):
            if self.on:
                trail_after_flush(session, ctx)

        from sqlalchemy import event

        event.remove(db.session_factory, "after_flush", trail_after_flush)
        event.listen(db.session_factory, "after_flush", after_flush)


def _edit(db, switch: _Switch, sid: int, value: str, trail_on: bool) -> None:
    """A single-record edit as the supplier grid makes it: the real service call."""
    from app.models.suppliers import master

    switch.on = trail_on
    master.update_supplier(db, sid, {"notes": value})


def _bulk(db, start: int, trail_on: bool) -> None:
    from app.models.admin import trail
    from app.models.suppliers.tables import Supplier

    with db.begin() as s:
        s.info["trail_off"] = not trail_on
        rows = [Supplier(code=f"B{start + i:07d}", name_zh=f"批量供应商{i}", name_en=f"Bulk supplier {i}")
                for i in range(500)]
        if trail_on:
            with trail.bulk(s, "import", "suppliers", file="bench.csv") as b:
                s.add_all(rows)
                b.add_content(b"x" * 40_000)
        else:
            s.add_all(rows)


def _alternate(fn_on, fn_off, rounds: int) -> tuple[float, float]:
    on, off = [], []
    for i in range(rounds):
        for fn, bucket in ((fn_on, on), (fn_off, off)) if i % 2 == 0 else ((fn_off, off), (fn_on, on)):
            started = time.perf_counter()
            fn(i)
            bucket.append(time.perf_counter() - started)
    return statistics.median(on), statistics.median(off)


def _chain_file(path: Path, n: int) -> None:
    """Write a valid n-entry chain straight into a migrated file (as the app would have)."""
    from app.models.admin.trail import entry_hash

    conn = sqlite3.connect(path)
    start, prev = conn.execute("SELECT last_id, last_hash FROM audit_chain WHERE id = 1").fetchone()
    rows = []
    at = "2026-11-02 08:00:00.000000"
    for i in range(start + 1, start + n + 1):
        changes = f'{{"name_en":["Supplier {i}","Supplier {i} Ltd"]}}'
        digest = entry_hash(i, at, 3, "li.sqe", "update", "suppliers", str(i % 2000), changes, "", prev)
        rows.append((i, at, 3, "li.sqe", "update", "suppliers", str(i % 2000), changes, "", prev, digest))
        prev = digest
        if len(rows) == 50_000:
            conn.executemany("INSERT INTO audit_trail VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
            rows = []
    conn.executemany("INSERT INTO audit_trail VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)  # the trigger moves the head
    conn.commit()
    conn.close()


def run() -> list[str]:
    from app.models.admin import trail
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database
    from app.models.suppliers.tables import Supplier

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "edit.sqlite3")
        db.actor = Actor(3, "li.sqe", "李强", ("supplier_quality_engineer",), frozenset({"suppliers.edit"}))
        with db.begin() as s:
            s.add(Supplier(code="S0001", name_zh="苏州精密铸造有限公司", name_en="Suzhou Precision Casting"))
        sid = 1
        switch = _Switch(db)
        for i in range(50):  # warm up both paths
            _edit(db, switch, sid, f"w{i}", i % 2 == 0)
        on, off = _alternate(lambda i: _edit(db, switch, sid, f"on {i}", True),
                             lambda i: _edit(db, switch, sid, f"off {i}", False), 600)
        switch.on = True
        ratio = on / off
        lines.append(f"  single-record edit: {on * 1e3:.2f} ms with the trail, {off * 1e3:.2f} ms without "
                     f"→ ratio {ratio:.3f} (target ≤ {EDIT_TARGET:.2f}) {'OK' if ratio <= EDIT_TARGET else 'MISSED'}")
        counter = iter(range(10_000_000))
        on, off = _alternate(lambda i: _bulk(db, next(counter) * 500, True),
                             lambda i: _bulk(db, next(counter) * 500, False), 20)
        ratio = on / off
        lines.append(f"  bulk import of 500 suppliers: {on * 1e3:.1f} ms with the trail, {off * 1e3:.1f} ms without "
                     f"→ ratio {ratio:.3f} (target ≤ {BULK_TARGET:.2f}) {'OK' if ratio <= BULK_TARGET else 'MISSED'}")
        assert trail.verify_chain(db).ok
        db.dispose()

        path = Path(tmp) / "chain.sqlite3"
        open_database(path).dispose()
        started = time.perf_counter()
        _chain_file(path, CHAIN_ENTRIES)
        built = time.perf_counter() - started
        db = open_database(path)
        started = time.perf_counter()
        report = trail.verify_chain(db)
        took = time.perf_counter() - started
        db.dispose()
        assert report.ok and report.entries >= CHAIN_ENTRIES, report
        lines.append(f"  verify a {CHAIN_ENTRIES:,}-entry chain: {took:.2f} s (target ≤ {VERIFY_TARGET_S:.0f} s, ratio "
                     f"{took / VERIFY_TARGET_S:.2f}) {'OK' if took <= VERIFY_TARGET_S else 'MISSED'}"
                     f"  [chain written in {built:.1f} s]")
    return lines

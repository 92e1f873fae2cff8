"""Sampling engine targets: a plan lookup ≤ 1 ms (microseconds once the tables are loaded);
replaying the switching rules over 120 monthly lots for 5,000 supplier × part pairs well under
2 s in pure Python; an OC curve of 200 points. Printed as measured in one run."""

from __future__ import annotations

import random
import statistics
import time

LOOKUP_TARGET_S = 1e-3
REPLAY_TARGET_S = 2.0
PAIRS, LOTS = 5000, 120


def _per_call(fn, calls: int, repeats: int = 15) -> float:
    """Median over ``repeats`` batches of the time per call, in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            fn()
        times.append((time.perf_counter() - started) / calls)
    return statistics.median(times)


def _histories(rng: random.Random) -> list[tuple[list[bool], list[int], list[bool]]]:
    """Deterministic lot results: each pair has its own fraction of lots not accepted (0–15 %),
    its plan's Ac (0–3) and whether an accepted lot would also pass one AQL step tighter."""
    data = []
    for _ in range(PAIRS):
        bad, ac = rng.choice((0.0, 0.01, 0.03, 0.08, 0.15)), rng.choice((0, 1, 2, 3))
        accepted = [rng.random() >= bad for _ in range(LOTS)]
        tighter = [ok and rng.random() < 0.9 for ok in accepted]
        data.append((accepted, [ac] * LOTS, tighter))
    return data


def run() -> list[str]:
    import numpy as np

    from app.engines import sampling as sp

    lines = []
    for cached in (sp._document, sp._plans, sp._code_letter_table):
        cached.cache_clear()
    started = time.perf_counter()
    sp.single_plan("K", 1.0, "normal")
    first = time.perf_counter() - started
    lines.append(f"  first lookup (reads and resolves Tables 2-A/2-B/2-C): {first * 1000:.1f} ms")

    rng = random.Random(2859)
    keys = [(rng.choice(sp.CODE_LETTERS), rng.choice(sp.PREFERRED_AQLS), rng.choice(sp.SEVERITIES))
            for _ in range(1000)]
    it = iter(keys * 10**4)
    t = _per_call(lambda: sp.single_plan(*next(it)), 10_000)
    lines.append(f"  single_plan(), median of 15 × 10,000 mixed lookups: {t * 1e6:.2f} µs per lookup "
                 f"(target ≤ {LOOKUP_TARGET_S * 1000:.0f} ms, ratio {t / LOOKUP_TARGET_S:.4f})")
    lots = [(rng.randint(2, 10**6), rng.choice(sp.LEVELS), rng.choice(sp.PREFERRED_AQLS)) for _ in range(1000)]
    it2 = iter(lots * 10**4)
    t = _per_call(lambda: sp.plan_for_lot(*next(it2)), 10_000)
    lines.append(f"  plan_for_lot() (Table 1 + Table 2-x + 100 % check): {t * 1e6:.2f} µs per lot "
                 f"(ratio {t / LOOKUP_TARGET_S:.4f} of 1 ms)")

    data = _histories(rng)
    started = time.perf_counter()
    finals = [sp.replay(acc, acceptance_numbers=acs, tighter_accepted=tig).state for acc, acs, tig in data]
    t = time.perf_counter() - started
    counts = {s: sum(f.severity == s for f in finals) for s in ("normal", "tightened", "reduced", "discontinued")}
    lines.append(f"  replay() of {PAIRS:,} pairs × {LOTS} lots ({PAIRS * LOTS:,} lots): {t:.2f} s "
                 f"(target well under {REPLAY_TARGET_S:.0f} s, ratio {t / REPLAY_TARGET_S:.2f}); "
                 f"final severities {counts}")
    started = time.perf_counter()
    for acc, acs, tig in data[:1000]:
        state = sp.SwitchingState()
        for ok, ac, tighter in zip(acc, acs, tig):
            state, _ = sp.next_state(state, ok, acceptance_number=ac, tighter_accepted=tighter)
    t = (time.perf_counter() - started) / (1000 * LOTS)
    lines.append(f"  next_state() one lot at a time (the database path): {t * 1e6:.2f} µs per lot, "
                 f"{t * PAIRS * LOTS:.2f} s for all {PAIRS * LOTS:,} lots")

    plan = sp.single_plan("L", 0.65, "normal")
    p = np.linspace(0.0, 0.05, 200)
    t = _per_call(lambda: sp.oc_curve(plan, p), 200)
    lines.append(f"  oc_curve() of 200 points (n 200, Ac 3): {t * 1e6:.0f} µs")
    t = _per_call(lambda: sp.limiting_quality(plan, 0.10), 20)
    lines.append(f"  limiting_quality() at Pa 10 %, bisection to 1e-12: {t * 1000:.2f} ms")
    t = _per_call(lambda: sp.aoql(plan, lot_size=5000), 20)
    lines.append(f"  aoql() (grid + ternary search to 1e-12): {t * 1000:.2f} ms")
    return lines

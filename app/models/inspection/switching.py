"""Switching state (GB/T 2828.1 / ISO 2859-1 clause 9) kept per supplier x part, on top of the
pure engine ``app.engines.sampling``.

A lot has a result per defect class; for switching the lot counts as *accepted* when every class
is accepted (clause 9 speaks of lots not accepted on original inspection). For the switching
score (9.3.3.2) the classes are combined conservatively: when any class has Ac ≥ 2 the lot earns
+3 only if every such class would also be accepted one AQL step tighter, otherwise the score is
reset; when every class has Ac 0 or 1 an accepted lot earns +2.

Lots accepted without inspection (exempt, or skipped under skip-lot; stored with sample size 0)
do not advance switching: clause 9 counts lots on original inspection, so they are left out of
every replay and the state stays as the last inspected lot left it.

``update_pairs`` replays chosen pairs inside the caller's transaction (used by record and
import); ``recompute_all`` replays every pair from the stored history.
"""

from __future__ import annotations

import bisect
import gc
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, update

from app.engines import sampling
from app.models.core.database import fetch_all
from app.models.evaluation.tables import InspectionLot
from app.models.inspection.tables import LotClassResult, SeverityChange, InspectionSetting

CLASS_AQL = {"critical": "aql_critical", "major": "aql_major", "minor": "aql_minor"}


@dataclass(frozen=True)
class ClassOutcome:
    code_letter: str
    aql: float
    ac: int
    defects: int


def lot_inputs(classes: list[ClassOutcome]) -> tuple[bool, int, bool | None]:
    """(accepted, acceptance number, tighter_accepted) of one lot for ``sampling.next_state``."""
    accepted = all(c.defects <= c.ac for c in classes)
    big = [c for c in classes if c.ac >= 2]
    if not big:
        return accepted, max((c.ac for c in classes), default=0), None
    if not accepted:
        return False, max(c.ac for c in big), False
    tighter = True
    for c in big:
        step = sampling.tighter_aql(c.aql)
        if step is None or c.defects > sampling.single_plan(c.code_letter, step, sampling.NORMAL).ac:
            tighter = False
            break
    return True, max(c.ac for c in big), tighter


def state_of(setting: InspectionSetting) -> sampling.SwitchingState:
    recent = tuple(ch == "A" for ch in (setting.recent_normal or ""))
    return sampling.SwitchingState(setting.severity, setting.switching_score, recent,
                                   setting.tightened_accepted_run, setting.tightened_not_accepted, setting.lots_count)


def state_values(state: sampling.SwitchingState) -> dict:
    return {"severity": state.severity, "switching_score": state.switching_score,
            "recent_normal": "".join("A" if ok else "R" for ok in state.recent_normal),
            "tightened_accepted_run": state.tightened_accepted_run,
            "tightened_not_accepted": state.tightened_not_accepted, "lots_count": state.lots}


def _first_aql(row) -> float | None:
    for value in row:
        if value is not None:
            return value
    return None


_AC_CACHE: dict[tuple, tuple[int, int | None]] = {}


def _normal_acs(lot_size: int, level: str, aql: float | None) -> tuple[int, int | None]:
    """Ac of the normal plan for a lot and, when Ac ≥ 2, the Ac one AQL step tighter in the row of
    the letter used (clause 9.3.3.2) — cached per Table 1 row, level and AQL, since a replay asks
    for hundreds of thousands of lots."""
    if aql is None or lot_size < 2:
        return 0, None
    uppers, _letters = sampling._code_letter_table()
    key = (level, aql, bisect.bisect_left(uppers, min(lot_size, sampling.MAX_LOT_SIZE)))
    hit = _AC_CACHE.get(key)
    if hit is None:
        try:
            plan = sampling.plan_for_lot(lot_size, level, aql, sampling.NORMAL)
        except sampling.SamplingInputError:
            hit = (0, None)
        else:
            step = sampling.tighter_aql(plan.aql) if plan.ac >= 2 else None
            hit = (plan.ac, sampling.single_plan(plan.code_letter, step, sampling.NORMAL).ac if step else None)
        _AC_CACHE[key] = hit
    return hit


@dataclass
class _Pair:
    setting_id: int
    level: str
    aql: float | None
    steady: bool
    approved: bool


def _replay_pairs(session, settings: dict[tuple[int, int], _Pair], pair_filter=None):
    """Lots of the given pairs in inspection order, and each lot's switching inputs."""
    lots = InspectionLot.__table__
    classes = LotClassResult.__table__
    stmt = select(lots.c.id, lots.c.supplier_id, lots.c.part_id, lots.c.decision, lots.c.lot_size, lots.c.aql,
                  lots.c.inspection_level, lots.c.major_defects).where(lots.c.part_id.is_not(None),
                                                                       lots.c.sample_size > 0)
    if pair_filter is not None:
        stmt = stmt.where(pair_filter)
    stmt = stmt.order_by(lots.c.supplier_id, lots.c.part_id, lots.c.inspected_on, lots.c.id)
    # fetch_all is the fast path for the whole table; a filter with IN (…) needs SQLAlchemy's binds
    run = (lambda q: fetch_all(session, q, {})) if pair_filter is None else (lambda q: session.execute(q).all())
    rows = run(stmt)
    cstmt = select(classes.c.lot_id, classes.c.code_letter, classes.c.aql, classes.c.ac, classes.c.defects)
    if pair_filter is not None:
        cstmt = cstmt.where(classes.c.lot_id.in_(select(lots.c.id).where(pair_filter)))
    by_lot: dict[int, list[ClassOutcome]] = defaultdict(list)
    for lot_id, letter, aql, ac, defects in run(cstmt):
        by_lot[lot_id].append(ClassOutcome(letter, aql, ac, defects))
    resumes: dict[int, set[int]] = defaultdict(set)
    for sid, lot_id in session.execute(select(SeverityChange.setting_id, SeverityChange.lot_id)
                                       .where(SeverityChange.rule == "resumed_tightened")):
        if lot_id is not None:
            resumes[sid].add(lot_id)
    grouped: dict[tuple[int, int], list] = defaultdict(list)
    for row in rows:
        if (row[1], row[2]) in settings:
            grouped[row[1], row[2]].append(row)
    for key, pair in settings.items():
        ids, oks, acs, tighter = [], [], [], []
        for lot_id, _s, _p, decision, lot_size, aql, level, major in grouped.get(key, ()):
            outcome = by_lot.get(lot_id) if by_lot else None
            ok = decision == "accepted"
            if outcome:
                ok, ac, t = lot_inputs(outcome)
            else:  # an imported lot: its decision, Ac from its own AQL/level (else the setting's)
                ac, tighter_ac = _normal_acs(int(lot_size), level or pair.level, aql if aql is not None else pair.aql)
                t = None
                if ac >= 2:
                    t = ok and tighter_ac is not None and int(major or 0) <= tighter_ac
            ids.append(lot_id)
            oks.append(ok)
            acs.append(ac)
            tighter.append(t if ok else (False if ac >= 2 else None))
        yield key, pair, ids, oks, acs, tighter, resumes.get(pair.setting_id, set())


def _replay(pair: _Pair, ids, oks, acs, tighter, resume_after: set[int]):
    """Replay in segments split where inspection was resumed after discontinuation (9.4)."""
    state = sampling.SwitchingState()
    severities: list[str] = []
    scores: list[int] = []
    start = 0
    cuts = [i + 1 for i, lot_id in enumerate(ids) if lot_id in resume_after] + [len(ids)]
    for cut in cuts:
        if cut > start:
            for i in range(start, cut):
                severities.append(state.severity)
                state, _event = sampling.next_state(state, oks[i], acceptance_number=acs[i],
                                                    tighter_accepted=tighter[i], production_steady=pair.steady,
                                                    reduced_approved=pair.approved)
                scores.append(state.switching_score)
        if cut < len(ids) and state.discontinued:
            state, _event = sampling.resume_inspection(state)
        start = cut
    return state, severities, scores


def _fast_state(pair: _Pair, oks, acs, tighter, resume_after_index: list[int]):
    """The pair's state after its lots. The inputs are built here (plain bools, ints ≥ 0, tighter
    only True on accepted lots, set whenever Ac ≥ 2), so the engine's trusted fast path is used
    instead of ``replay``'s per-lot re-validation."""
    state = None
    start = 0
    for cut in resume_after_index + [len(oks)]:
        result = sampling.switching_replay(oks[start:cut], acs if isinstance(acs, int) else acs[start:cut],
                                           tighter if tighter is None else tighter[start:cut],
                                           bool(pair.steady), bool(pair.approved), state)
        state = result.state
        if cut < len(oks) and state.discontinued:
            state, _event = sampling.resume_inspection(state)
        start = cut
    return state if state is not None else sampling.SwitchingState()


def _settings(session, where=None) -> dict[tuple[int, int], _Pair]:
    t = InspectionSetting.__table__
    stmt = select(t.c.id, t.c.supplier_id, t.c.part_id, t.c.level, t.c.aql_major, t.c.aql_minor, t.c.aql_critical,
                  t.c.production_steady, t.c.reduced_approved)
    if where is not None:
        stmt = stmt.where(where)
    rows = fetch_all(session, stmt, {}) if where is None else session.execute(stmt).all()
    return {(r[1], r[2]): _Pair(r[0], r[3], _first_aql(r[4:7]), bool(r[7]), bool(r[8])) for r in rows}


def update_pairs(session, pairs: set[tuple[int, int]], *, write_lots: bool = True) -> dict[tuple[int, int], str]:
    """Replay the given supplier x part pairs from their lots (inside the caller's transaction),
    store each pair's state and each lot's severity and score; returns pair → new severity for
    the pairs whose severity changed. Pairs without settings are left alone."""
    if not pairs:
        return {}
    t = InspectionSetting.__table__
    lots = InspectionLot.__table__
    changed: dict[tuple[int, int], str] = {}
    supplier_ids = {s for s, _p in pairs}
    settings = {k: v for k, v in _settings(session, t.c.supplier_id.in_(supplier_ids)).items() if k in pairs}
    if not settings:
        return {}
    before = {r[0]: r[1] for r in session.execute(select(t.c.id, t.c.severity).where(
        t.c.id.in_([p.setting_id for p in settings.values()])))}
    for key, pair, ids, oks, acs, tighter, resumes in _replay_pairs(session, settings,
                                                                    lots.c.supplier_id.in_(supplier_ids)):
        state, severities, scores = _replay(pair, ids, oks, acs, tighter, resumes)
        session.execute(update(t).where(t.c.id == pair.setting_id).values(**state_values(state)))
        if write_lots and ids:
            for lot_id, severity, score in zip(ids, severities, scores):
                session.execute(update(lots).where(lots.c.id == lot_id).values(
                    severity=severity if severity != sampling.DISCONTINUED else sampling.TIGHTENED,
                    switching_score=score))
        if before.get(pair.setting_id) != state.severity:
            changed[key] = state.severity
    return changed


def _vector_states(session, settings: dict[tuple[int, int], _Pair]):
    """Every pair's state replayed from its lots, the per-lot inputs prepared with numpy (the
    Table 1 row of each lot, the Ac per row, the tighter check) and the transitions run by the
    engine's ``replay``. Yields (pair, lots, state)."""
    import numpy as np
    from sqlalchemy import Integer, cast, func

    lots = InspectionLot.__table__
    rows = fetch_all(session, select(
        lots.c.supplier_id, lots.c.part_id, lots.c.id, cast(lots.c.decision == "accepted", Integer), lots.c.lot_size,
        func.coalesce(lots.c.aql, -1.0), func.coalesce(lots.c.inspection_level, ""),
        func.coalesce(lots.c.major_defects, 0)).where(lots.c.part_id.is_not(None), lots.c.sample_size > 0)
        .order_by(lots.c.supplier_id, lots.c.part_id, lots.c.inspected_on, lots.c.id), {})
    n = len(rows)
    if not n:
        for pair in settings.values():
            yield pair, 0, sampling.SwitchingState()
        return
    c = list(zip(*rows))
    sup = np.fromiter(c[0], np.int64, n)
    part = np.fromiter(c[1], np.int64, n)
    key = sup * (1 << 32) + part
    ids = np.fromiter(c[2], np.int64, n)
    ok = np.fromiter(c[3], np.int64, n).astype(bool)
    size = np.fromiter(c[4], np.int64, n)
    aql = np.fromiter(c[5], np.float64, n)
    major = np.fromiter(c[7], np.int64, n)
    level_codes = {lv: i for i, lv in enumerate(sampling.LEVELS)}
    level = np.fromiter((level_codes.get(v, -1) for v in c[6]), np.int64, n)
    # the setting's level and AQL where the lot has none
    pair_keys = np.array(sorted(k[0] * (1 << 32) + k[1] for k in settings), dtype=np.int64)
    by_key = {k[0] * (1 << 32) + k[1]: p for k, p in settings.items()}
    pos = np.clip(np.searchsorted(pair_keys, key), 0, max(len(pair_keys) - 1, 0))
    known = pair_keys[pos] == key if len(pair_keys) else np.zeros(n, bool)
    set_aql = np.array([by_key[k].aql if by_key[k].aql is not None else -1.0 for k in pair_keys.tolist()])
    set_level = np.array([level_codes.get(by_key[k].level, 4) for k in pair_keys.tolist()], dtype=np.int64)
    if len(pair_keys):
        aql = np.where(aql < 0, set_aql[pos], aql)
        level = np.where(level < 0, set_level[pos], level)
    uppers, _letters = sampling._code_letter_table()
    row = np.searchsorted(np.array(uppers, dtype=np.int64), np.minimum(size, sampling.MAX_LOT_SIZE))
    ac = np.zeros(n, np.int64)
    tac = np.full(n, -1, np.int64)
    usable = np.flatnonzero(known & (aql > 0) & (size >= 2))
    # one code per (level, AQL, Table 1 row): the Ac pair is looked up once per distinct code
    code = (level[usable] * 10**7 + np.round(aql[usable] * 1000).astype(np.int64)) * 100 + row[usable]
    distinct, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    table = np.array([_normal_acs(int(size[usable[f]]), sampling.LEVELS[int(d // 100 // 10**7)],
                                  (d // 100 % 10**7) / 1000.0) for d, f in zip(distinct.tolist(), first.tolist())],
                     dtype=object).reshape(-1, 2) if len(distinct) else np.zeros((0, 2), dtype=object)
    if len(distinct):
        ac_of = np.array([a for a, _t in table], dtype=np.int64)
        tac_of = np.array([-1 if t is None else t for _a, t in table], dtype=np.int64)
        ac[usable], tac[usable] = ac_of[inverse], tac_of[inverse]
    big = ac >= 2
    passes = ok & (tac >= 0) & (major <= tac)
    tighter = np.empty(n, dtype=object)
    tighter[big & passes] = True
    tighter[big & ~passes] = False
    # lots recorded here: their own per-class results
    classes = LotClassResult.__table__
    by_lot: dict[int, list[ClassOutcome]] = defaultdict(list)
    for lot_id, letter, c_aql, c_ac, defects in fetch_all(session, select(
            classes.c.lot_id, classes.c.code_letter, classes.c.aql, classes.c.ac, classes.c.defects), {}):
        by_lot[lot_id].append(ClassOutcome(letter, c_aql, c_ac, defects))
    if by_lot:
        for i in np.flatnonzero(np.isin(ids, np.fromiter(by_lot, np.int64, len(by_lot)))).tolist():
            o, a, t = lot_inputs(by_lot[int(ids[i])])
            ok[i], ac[i], tighter[i] = o, a, t
    resumes: dict[int, set[int]] = defaultdict(set)
    for sid, lot_id in session.execute(select(SeverityChange.setting_id, SeverityChange.lot_id)
                                       .where(SeverityChange.rule == "resumed_tightened")):
        if lot_id is not None:
            resumes[sid].add(lot_id)
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    ends = np.r_[starts[1:], n]
    seen = set()
    oks, acs, tights = ok.tolist(), ac.tolist(), tighter.tolist()
    # a pair whose lots all had the same Ac (and, for Ac 0/1, no tighter check) replays with
    # scalars, which the engine does not re-check lot by lot
    same_ac = (np.maximum.reduceat(ac, starts) == np.minimum.reduceat(ac, starts)).tolist()
    first_ac = ac[starts].tolist()
    for j, (a, b) in enumerate(zip(starts.tolist(), ends.tolist())):
        pair = by_key.get(int(key[a]))
        if pair is None:
            continue
        seen.add(pair.setting_id)
        cuts = []
        if pair.setting_id in resumes:
            cuts = [i - a + 1 for i in range(a, b) if int(ids[i]) in resumes[pair.setting_id]]
        if same_ac[j] and first_ac[j] < 2:
            yield pair, b - a, _fast_state(pair, oks[a:b], first_ac[j], None, cuts)
        else:
            yield pair, b - a, _fast_state(pair, oks[a:b], acs[a:b], tights[a:b], cuts)
    for pair in settings.values():
        if pair.setting_id not in seen:
            yield pair, 0, sampling.SwitchingState()


def recompute_all(session) -> dict[str, int]:
    """Replay every pair's switching state from its whole lot history; store the states that
    differ. Returns counts (pairs, lots, changed)."""
    t = InspectionSetting.__table__
    settings = _settings(session)
    stored = {r[0]: tuple(r[1:]) for r in fetch_all(session, select(
        t.c.id, t.c.severity, t.c.switching_score, t.c.recent_normal, t.c.tightened_accepted_run,
        t.c.tightened_not_accepted, t.c.lots_count), {})}
    changed = lots_seen = 0
    # Hundreds of thousands of row tuples: the cyclic GC would rescan them on every allocation
    # burst (the column split alone took 6× longer); nothing here makes cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for pair, count, state in _vector_states(session, settings):
            lots_seen += count
            values = state_values(state)
            if tuple(values[k] for k in ("severity", "switching_score", "recent_normal", "tightened_accepted_run",
                                         "tightened_not_accepted", "lots_count")) != stored.get(pair.setting_id):
                session.execute(update(t).where(t.c.id == pair.setting_id).values(**values))
                changed += 1
    finally:
        if was_enabled:
            gc.enable()
    return {"pairs": len(settings), "lots": lots_seen, "changed": changed}


def update_imported(session, codes: set[tuple[str, str]]) -> dict[tuple[int, int], str]:
    """After a lot import (same transaction): replay the pairs the file touched, one bulk trail
    entry for the switching states and lots it updated."""
    from app.models.admin import trail
    from app.models.suppliers.tables import Part, Supplier

    codes = {(s, p) for s, p in codes if s and p}
    if not codes:
        return {}
    sup = dict(session.execute(select(Supplier.code, Supplier.id).where(Supplier.code.in_({s for s, _ in codes}))).all())
    part = dict(session.execute(select(Part.code, Part.id).where(Part.code.in_({p for _, p in codes}))).all())
    pairs = {(sup[s], part[p]) for s, p in codes if s in sup and p in part}
    with trail.bulk(session, "switching", "inspection_settings", source="import") as b:
        changed = update_pairs(session, pairs)
        b.count("pairs", len(pairs))
        b.count("severity_changed", len(changed))
    return changed

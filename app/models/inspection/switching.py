"""Switching state (GB/T 2828.1 / ISO 2859-1 clause 9) kept per supplier x part, on top of the
pure engine ``app.engines.sampling``.

A lot has a result per defect class; for switching the lot counts as *accepted* when every class
is accepted (clause 9 speaks of lots not accepted on original inspection). For the switching
score (9.3.3.2) the classes are combined conservatively: when any class has Ac ≥ 2 the lot earns
+3 only if every such class would also be accepted one AQL step tighter, otherwise the score is
reset; when every class has Ac 0 or 1 an accepted lot earns +2.

``update_pairs`` replays chosen pairs inside the caller's transaction (used by record and
import); ``recompute_all`` replays every pair from the stored history.
"""

from __future__ import annotations

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
                  lots.c.inspection_level, lots.c.major_defects).where(lots.c.part_id.is_not(None))
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
            outcome = by_lot.get(lot_id)
            if outcome:
                ok, ac, t = lot_inputs(outcome)
            else:  # an imported lot: its decision, Ac from its own AQL/level (else the setting's)
                ok = decision == "accepted"
                use_aql = aql if aql is not None else pair.aql
                ac, t = 0, None
                if use_aql is not None and lot_size >= 2:
                    try:
                        plan = sampling.plan_for_lot(int(lot_size), level or pair.level, use_aql, sampling.NORMAL)
                    except sampling.SamplingInputError:
                        plan = None
                    if plan is not None:
                        ac = plan.ac
                        if ac >= 2:
                            t = ok and lot_inputs([ClassOutcome(plan.code_letter, plan.aql, plan.ac,
                                                                int(major or 0))])[2] is True
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
    state = None
    start = 0
    for cut in resume_after_index + [len(oks)]:
        result = sampling.replay(oks[start:cut], acceptance_numbers=acs[start:cut],
                                 tighter_accepted=tighter[start:cut], production_steady=pair.steady,
                                 reduced_approved=pair.approved, state=state)
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


def recompute_all(session) -> dict[str, int]:
    """Replay every pair's switching state from its whole lot history; store the states that
    differ. Returns counts (pairs, lots, changed)."""
    t = InspectionSetting.__table__
    settings = _settings(session)
    stored = {r[0]: tuple(r[1:]) for r in fetch_all(session, select(
        t.c.id, t.c.severity, t.c.switching_score, t.c.recent_normal, t.c.tightened_accepted_run,
        t.c.tightened_not_accepted, t.c.lots_count), {})}
    changed = lots_seen = 0
    for _key, pair, ids, oks, acs, tighter, resumes in _replay_pairs(session, settings):
        lots_seen += len(ids)
        cuts = [i + 1 for i, lot_id in enumerate(ids) if lot_id in resumes]
        state = _fast_state(pair, oks, acs, tighter, cuts)
        values = state_values(state)
        if tuple(values[k] for k in ("severity", "switching_score", "recent_normal", "tightened_accepted_run",
                                     "tightened_not_accepted", "lots_count")) != stored.get(pair.setting_id):
            session.execute(update(t).where(t.c.id == pair.setting_id).values(**values))
            changed += 1
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

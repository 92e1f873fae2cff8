"""Incoming-inspection sampling (进货检验抽样) per GB/T 2828.1-2012, identical to ISO 2859-1:1999.

* sample size code letters (Table 1) and single sampling plans for normal, tightened and reduced
  inspection (Tables 2-A, 2-B, 2-C), read from ``resources/standards/*.json`` where they are typed in
  the printed layout (Ac/Re pairs and arrows) with their source and cross-checks;
* the switching rules of clause 9 as a pure state machine (:func:`next_state`) and its replay
  (:func:`replay`, :func:`switching_history`);
* operating characteristics: OC curve, Pa at the AQL, limiting quality, AOQ and AOQL.

Pure stdlib + numpy: no Qt, no database. Clause numbers are those of ISO 2859-1:1999, which
GB/T 2828.1-2012 keeps unchanged.
"""

from __future__ import annotations

import bisect
import json
import math
import numbers
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

# resources/ beside the package, located as app/flows/audit.py does (app.paths would pull in
# platformdirs, which an engine must not need).
STANDARDS_DIR = Path(__file__).resolve().parents[2] / "resources" / "standards"
STANDARD = "GB/T 2828.1-2012 (ISO 2859-1:1999)"

LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")
NORMAL, TIGHTENED, REDUCED, DISCONTINUED = "normal", "tightened", "reduced", "discontinued"
SEVERITIES = (NORMAL, TIGHTENED, REDUCED)
SEVERITY_NAMES_ZH = {NORMAL: "正常检验", TIGHTENED: "加严检验", REDUCED: "放宽检验",
                     DISCONTINUED: "暂停检验"}
CODE_LETTERS = tuple("ABCDEFGHJKLMNPQR")  # Table 1 never yields S (it exists only inside Table 2-B)

#: The 26 preferred AQLs, the column heads of Tables 2-A/2-B/2-C (ISO 2859-1:1999 clause 5.3).
PREFERRED_AQLS = (0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5,
                  4.0, 6.5, 10.0, 15.0, 25.0, 40.0, 65.0, 100.0, 150.0, 250.0, 400.0, 650.0, 1000.0)
MAX_LOT_SIZE = 10**12  # far above any real lot; larger values are taken as a data-entry error
MODELS = ("binomial", "poisson")

_TABLE_FILES = {"1": "gbt2828_1_2012_table1.json", NORMAL: "gbt2828_1_2012_table2a.json",
                TIGHTENED: "gbt2828_1_2012_table2b.json", REDUCED: "gbt2828_1_2012_table2c.json"}
_AQL_INDEX = {a: i for i, a in enumerate(PREFERRED_AQLS)}
_LEVEL_ALIASES = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III"}  # GB/T prints Roman numerals as single glyphs


class SamplingInputError(ValueError):
    """A lot size, level, AQL, severity, lot result or quality value cannot be used; says why."""


class SamplingTableError(RuntimeError):
    """A shipped standard table in resources/standards is missing or malformed."""


# --------------------------------------------------------------------------------------------
# Input checks (one clear line each)
# --------------------------------------------------------------------------------------------

def _lot_size(lot_size) -> int:
    if isinstance(lot_size, (bool, np.bool_)) or not isinstance(lot_size, numbers.Integral):
        raise SamplingInputError(f"lot size must be a whole number of items, got {lot_size!r}")
    value = int(lot_size)
    if value < 2:
        raise SamplingInputError(f"lot size must be at least 2 items (Table 1 starts at 2), got {value}")
    if value > MAX_LOT_SIZE:
        raise SamplingInputError(f"lot size {value} is implausibly large (more than {MAX_LOT_SIZE:.0e} items)")
    return value


def _level(level) -> str:
    if not isinstance(level, str):
        raise SamplingInputError(f"inspection level must be one of {', '.join(LEVELS)}, got {level!r}")
    key = level.strip().upper()
    key = _LEVEL_ALIASES.get(key, key)
    if key not in LEVELS:
        raise SamplingInputError(f"unknown inspection level {level!r}; use one of {', '.join(LEVELS)}")
    return key


def _aql_index(aql) -> int:
    if isinstance(aql, (bool, np.bool_)):
        raise SamplingInputError(f"AQL must be a number such as 1.0, got {aql!r}")
    index = _AQL_INDEX.get(aql) if isinstance(aql, float) else None
    if index is not None:
        return index
    try:
        value = float(aql.strip() if isinstance(aql, str) else aql)
    except (TypeError, ValueError):
        raise SamplingInputError(f"AQL must be a number such as 1.0, got {aql!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise SamplingInputError(f"AQL must be a positive number, got {aql!r}")
    for i, preferred in enumerate(PREFERRED_AQLS):
        if abs(value - preferred) <= 1e-9 * preferred:
            return i
    k = bisect.bisect_left(PREFERRED_AQLS, value)
    nearest = [PREFERRED_AQLS[j] for j in (k - 1, k) if 0 <= j < len(PREFERRED_AQLS)]
    raise SamplingInputError(
        f"AQL {value:g} is not a preferred AQL of {STANDARD} Tables 2-A/2-B/2-C; "
        f"nearest preferred: {' or '.join(f'{a:g}' for a in nearest)}")


def _severity(severity) -> str:
    if not isinstance(severity, str) or severity.strip().lower() not in SEVERITIES:
        raise SamplingInputError(f"severity must be one of {', '.join(SEVERITIES)}, got {severity!r}")
    return severity.strip().lower()


def _letter(letter) -> str:
    key = letter.strip().upper() if isinstance(letter, str) else None
    if key not in CODE_LETTERS:
        raise SamplingInputError(f"code letter must be one of {' '.join(CODE_LETTERS)}, got {letter!r}")
    return key


def _count(value, what: str) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < 0:
        raise SamplingInputError(f"{what} must be a whole number ≥ 0, got {value!r}")
    return int(value)


def _flag(value, what: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise SamplingInputError(f"{what} must be True or False, got {value!r}")
    return bool(value)


# --------------------------------------------------------------------------------------------
# The standard's tables (data files, loaded once)
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _document(name: str) -> dict:
    path = STANDARDS_DIR / _TABLE_FILES[name]
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SamplingTableError(f"cannot read the standard table {path}: {exc}") from exc
    if doc.get("format") != "qualitybridge.sampling_table" or not doc.get("source"):
        raise SamplingTableError(f"{path.name} is not a sampling table with a stated source")
    return doc


def standard_table(name: str) -> dict:
    """The shipped table document ("1", "normal", "tightened" or "reduced") as a fresh dict, e.g.
    to print it or cite its ``source`` and ``cross_checked_against`` fields."""
    if name not in _TABLE_FILES:
        raise SamplingInputError(f"unknown table {name!r}; use one of {', '.join(_TABLE_FILES)}")
    return json.loads(json.dumps(_document(name)))


@lru_cache(maxsize=None)
def _code_letter_table() -> tuple[tuple[int, ...], tuple[dict[str, str], ...]]:
    doc = _document("1")
    uppers, letters, expected_low = [], [], 2
    for low, high, cells in doc["rows"]:
        row = cells.split()
        if low != expected_low or len(row) != len(LEVELS) or any(c not in CODE_LETTERS for c in row):
            raise SamplingTableError(f"Table 1 row starting at {low} is malformed")
        uppers.append(high if high is not None else MAX_LOT_SIZE)
        letters.append(dict(zip(LEVELS, row)))
        expected_low = (high or MAX_LOT_SIZE) + 1
    return tuple(uppers), tuple(letters)


def code_letter(lot_size: int, level: str = "II") -> str:
    """Sample size code letter for a lot size and inspection level (Table 1 / 表1 样本量字码)."""
    n_lot, key = _lot_size(lot_size), _level(level)
    uppers, letters = _code_letter_table()
    return letters[bisect.bisect_left(uppers, n_lot)][key]


@dataclass(frozen=True, slots=True)
class SamplingPlan:
    """One single sampling plan as the inspector applies it.

    ``code_letter``/``n`` are those of the plan actually used after following the table's arrow
    (``arrow`` = "up"/"down", ``requested_letter`` = the letter from Table 1). With ``lot_size``
    set and ``n`` ≥ lot size the lot is inspected 100 % (``hundred_percent``, ``n`` = lot size,
    same Ac/Re; ``table_n`` keeps the table's sample size).
    """

    code_letter: str
    n: int
    ac: int
    re: int
    severity: str
    aql: float
    requested_letter: str
    arrow: str | None
    table: str
    table_n: int
    hundred_percent: bool = False
    lot_size: int | None = None

    @property
    def arrow_followed(self) -> bool:
        return self.arrow is not None

    def accepts(self, nonconforming: int) -> bool:
        """Acceptance of the lot for d nonconforming items (or nonconformities) in the sample
        (clause 11.1.1: accept if d ≤ Ac, do not accept if d ≥ Re)."""
        return _count(nonconforming, "the number of nonconforming items") <= self.ac


def _resolve(severity: str) -> dict[tuple[str, int], SamplingPlan]:
    """Follow every printed arrow to "the first sampling plan below/above the arrow" (note to
    Tables 2-A/2-B/2-C) and take that plan's sample size."""
    doc = _document(severity)
    table, sizes = doc["table"], doc["sample_sizes"]
    if [float(a) for a in doc["aql"]] != list(PREFERRED_AQLS):
        raise SamplingTableError(f"Table {table}: the AQL columns are not the 26 preferred AQLs")
    order = list(doc["rows"])
    grid = {letter: doc["rows"][letter].split() for letter in order}
    plans = {}
    for row, letter in enumerate(order):
        if len(grid[letter]) != len(PREFERRED_AQLS):
            raise SamplingTableError(f"Table {table} row {letter} does not have 26 cells")
        if letter not in CODE_LETTERS:
            continue  # row S of Table 2-B is only ever reached through an arrow
        for col, aql in enumerate(PREFERRED_AQLS):
            i, cell, steps = row, grid[letter][col], 0
            while cell in ("↑", "↓"):
                i, steps = i + (1 if cell == "↓" else -1), steps + 1
                if not 0 <= i < len(order) or steps > len(order):
                    raise SamplingTableError(f"Table {table}: the arrow at {letter}/{aql:g} leads off the table "
                                             "or into a loop")
                cell = grid[order[i]][col]
            try:
                ac, re = (int(x) for x in cell.split("/"))
            except ValueError:
                raise SamplingTableError(f"Table {table}: cell {letter}/{aql:g} resolves to {cell!r}") from None
            if not 0 <= ac < re:
                raise SamplingTableError(f"Table {table}: cell {letter}/{aql:g} has Ac {ac}, Re {re}")
            final = order[i]
            arrow = None if i == row else ("down" if i > row else "up")
            plans[letter, col] = SamplingPlan(final, sizes[final], ac, re, severity, aql, letter, arrow,
                                              table, sizes[final])
    return plans


@lru_cache(maxsize=None)
def _plans() -> dict[tuple[str, str, int], SamplingPlan]:
    return {(s, letter, col): plan for s in SEVERITIES for (letter, col), plan in _resolve(s).items()}


def single_plan(code_letter: str, aql: float, severity: str = NORMAL) -> SamplingPlan:
    """Single sampling plan for a code letter and preferred AQL under normal (Table 2-A),
    tightened (2-B) or reduced (2-C) inspection, arrows followed."""
    key = (_severity(severity), _letter(code_letter), _aql_index(aql))
    return _plans()[key]


def plan_for_lot(lot_size: int, level: str, aql: float, severity: str = NORMAL) -> SamplingPlan:
    """Table 1 then Table 2-x for one lot; 100 % inspection when the sample size is at least the
    lot size (note to Tables 2-A/2-B/2-C), keeping the plan's Ac/Re."""
    n_lot = _lot_size(lot_size)
    plan = single_plan(code_letter(n_lot, level), aql, severity)
    if plan.n >= n_lot:
        return replace(plan, n=n_lot, hundred_percent=True, lot_size=n_lot)
    return replace(plan, lot_size=n_lot)


def tighter_aql(aql: float) -> float | None:
    """The preferred AQL one step tighter (clause 9.3.3.2), None for 0.010."""
    i = _aql_index(aql)
    return PREFERRED_AQLS[i - 1] if i else None


@dataclass(frozen=True, slots=True)
class ScoreInputs:
    """What :func:`next_state` needs from one lot inspected under normal inspection."""

    accepted: bool
    acceptance_number: int
    tighter_accepted: bool | None


def score_inputs(plan: SamplingPlan, nonconforming: int) -> ScoreInputs:
    """Lot outcome for the switching score (clause 9.3.3.2): accepted, the plan's Ac, and for
    Ac ≥ 2 whether d would also pass the normal plan one AQL step tighter. That plan is read in
    the row of the letter actually used, so it has the same sample size."""
    if not isinstance(plan, SamplingPlan) or plan.severity != NORMAL:
        raise SamplingInputError("the switching score is only kept for lots on normal inspection")
    d = _count(nonconforming, "the number of nonconforming items")
    tighter = None
    if plan.ac >= 2:
        tighter = d <= single_plan(plan.code_letter, tighter_aql(plan.aql), NORMAL).ac
    return ScoreInputs(d <= plan.ac, plan.ac, tighter)


# --------------------------------------------------------------------------------------------
# Switching rules (clause 9) — a pure state machine
# --------------------------------------------------------------------------------------------

#: rule code → (clause, English text, Chinese text); {span}/{score} are filled in per event.
RULES = {
    "normal_to_tightened": (
        "9.3.1",
        "2 of the last {span} lots not accepted on normal inspection (2 of 5 or fewer consecutive lots) → tightened",
        "正常检验中连续 {span} 批内有 2 批不接收（连续 5 批或少于 5 批中有 2 批不接收）→ 加严检验"),
    "tightened_to_normal": (
        "9.3.2", "5 consecutive lots accepted on tightened inspection → normal",
        "加严检验连续 5 批接收 → 恢复正常检验"),
    "normal_to_reduced": (
        "9.3.3",
        "switching score {score} ≥ 30, production steady and reduced inspection approved by the responsible "
        "authority → reduced",
        "转移得分 {score} ≥ 30，生产稳定且负责部门认为可以放宽 → 放宽检验"),
    "reduced_to_normal_not_accepted": (
        "9.3.4 a)", "a lot not accepted on reduced inspection → normal",
        "放宽检验中有 1 批不接收 → 恢复正常检验"),
    "reduced_to_normal_production": (
        "9.3.4 b)", "production irregular or delayed → normal",
        "生产不稳定或延迟 → 恢复正常检验"),
    "reduced_to_normal_authority": (
        "9.3.4 c)",
        "responsible authority no longer approves reduced inspection (other conditions warrant normal) → normal",
        "负责部门认为应恢复正常检验 → 恢复正常检验"),
    "tightened_discontinued": (
        "9.4",
        "5 lots not accepted while on tightened inspection → inspection discontinued until the supplier has improved",
        "加严检验累计 5 批不接收 → 暂停检验，待供方改进质量"),
    "resumed_tightened": (
        "9.4", "supplier's corrective action accepted → inspection resumed on tightened inspection",
        "供方已采取纠正措施 → 恢复检验并使用加严检验"),
}


@dataclass(frozen=True, slots=True)
class SwitchingState:
    """Where one supplier × part stands (store it; feed each new lot to :func:`next_state`).

    ``recent_normal`` holds the results (True = accepted) of up to the last 4 lots inspected on
    normal inspection since normal inspection began; ``switching_score`` is kept only on normal
    inspection (clause 9.3.3.2) and is 0 otherwise; the two tightened counters count the current
    run of accepted lots and the cumulative lots not accepted since tightened began (9.3.2, 9.4).
    """

    severity: str = NORMAL
    switching_score: int = 0
    recent_normal: tuple[bool, ...] = ()
    tightened_accepted_run: int = 0
    tightened_not_accepted: int = 0
    lots: int = 0

    @property
    def discontinued(self) -> bool:
        return self.severity == DISCONTINUED


@dataclass(frozen=True, slots=True)
class SwitchingEvent:
    """A change of severity: after which lot, from/to, the rule (stable code + clause) and why."""

    lot_number: int  # 1-based count of lots fed to next_state: the lot whose result triggered it
    from_severity: str
    to_severity: str
    rule: str  # a key of RULES
    value: int | None = None  # span of the 2-of-5 window, or the switching score reached

    @property
    def clause(self) -> str:
        return f"{STANDARD} {RULES[self.rule][0]}"

    @property
    def text_en(self) -> str:
        return RULES[self.rule][1].format(span=self.value, score=self.value)

    @property
    def text_zh(self) -> str:
        return RULES[self.rule][2].format(span=self.value, score=self.value)

    def text(self, lang: str = "en") -> str:
        return self.text_zh if lang == "zh_CN" else self.text_en


def _step(core: tuple, accepted: bool, ac: int, tighter: bool | None, steady: bool, approved: bool,
          lot: int) -> tuple[tuple, SwitchingEvent | None]:
    """One lot's transition on the state's fields ``(severity, switching_score, recent_normal,
    tightened_accepted_run, tightened_not_accepted)``, inputs already type-checked; the lot (number
    ``lot``) was inspected under ``core[0]``. Shared by next_state and replay, so they agree."""
    severity, score, recent, run, rejected = core
    if severity == NORMAL:
        if not accepted:
            if False in recent:  # 9.3.1: 2 not accepted within 5 or fewer consecutive lots
                span = recent[::-1].index(False) + 2  # both rejected lots counted
                return _FRESH_TIGHTENED, SwitchingEvent(lot, NORMAL, TIGHTENED, "normal_to_tightened", span)
            return (NORMAL, 0, (recent + (False,))[-4:], 0, 0), None
        # 9.3.3.2 a): Ac ≥ 2 → +3 if accepted one AQL step tighter, else reset; Ac 0/1 → +2.
        if ac >= 2:
            if tighter is None:
                raise SamplingInputError(f"lot {lot}: tighter_accepted is needed on normal inspection when "
                                         f"Ac ≥ 2 (switching score, 9.3.3.2)")
            score = score + 3 if tighter else 0
        else:
            score += 2
        if score >= 30 and steady and approved:  # 9.3.3.1 a)-c)
            return _FRESH_REDUCED, SwitchingEvent(lot, NORMAL, REDUCED, "normal_to_reduced", score)
        return (NORMAL, score, (recent + (True,))[-4:], 0, 0), None
    if severity == TIGHTENED:
        if accepted:
            if run + 1 >= 5:  # 9.3.2; normal restarts with score 0 (9.3.3.2) and a fresh window
                return _FRESH_NORMAL, SwitchingEvent(lot, TIGHTENED, NORMAL, "tightened_to_normal")
            return (TIGHTENED, 0, (), run + 1, rejected), None
        if rejected + 1 >= 5:  # 9.4
            return ((DISCONTINUED, 0, (), 0, rejected + 1),
                    SwitchingEvent(lot, TIGHTENED, DISCONTINUED, "tightened_discontinued"))
        return (TIGHTENED, 0, (), 0, rejected + 1), None
    if severity == REDUCED:
        rule = ("reduced_to_normal_not_accepted" if not accepted else
                "reduced_to_normal_production" if not steady else
                "reduced_to_normal_authority" if not approved else None)
        if rule:  # 9.3.4
            return _FRESH_NORMAL, SwitchingEvent(lot, REDUCED, NORMAL, rule)
        return core, None
    return core, None  # discontinued: lots are not inspected until resumed


_FRESH_NORMAL = (NORMAL, 0, (), 0, 0)
_FRESH_TIGHTENED = (TIGHTENED, 0, (), 0, 0)
_FRESH_REDUCED = (REDUCED, 0, (), 0, 0)


def _core(s: SwitchingState) -> tuple:
    return s.severity, s.switching_score, s.recent_normal, s.tightened_accepted_run, s.tightened_not_accepted


def _checked_state(state) -> SwitchingState:
    if isinstance(state, SwitchingState):
        return state
    raise SamplingInputError(f"state must be a SwitchingState, got {type(state).__name__}")


def next_state(state: SwitchingState, accepted: bool, *, acceptance_number: int,
               tighter_accepted: bool | None = None, production_steady: bool = True,
               reduced_approved: bool = True) -> tuple[SwitchingState, SwitchingEvent | None]:
    """Apply one lot's result (original inspection, clause 9) and return the new state and the
    event if the severity changed.

    ``acceptance_number`` is the Ac of the normal plan for this lot; ``tighter_accepted`` (needed
    on normal inspection when Ac ≥ 2) says whether the lot would have been accepted one AQL step
    tighter (see :func:`score_inputs`); ``production_steady`` and ``reduced_approved`` are the
    conditions of 9.3.3.1 b)/c), and while on reduced inspection their loss returns to normal.
    """
    s = _checked_state(state)
    ok, ac = _flag(accepted, "accepted"), _count(acceptance_number, "acceptance_number")
    tighter = None if tighter_accepted is None else _flag(tighter_accepted, "tighter_accepted")
    if tighter and not ok:
        raise SamplingInputError(f"lot {s.lots + 1}: accepted one AQL step tighter but not at the AQL itself")
    core, event = _step(_core(s), ok, ac, tighter, _flag(production_steady, "production_steady"),
                        _flag(reduced_approved, "reduced_approved"), s.lots + 1)
    return SwitchingState(*core, s.lots + 1), event


def resume_inspection(state: SwitchingState) -> tuple[SwitchingState, SwitchingEvent]:
    """After discontinuation, once the supplier's corrective action is accepted, inspection
    resumes on tightened inspection "as if 9.3.1 had been invoked" (clause 9.4)."""
    s = _checked_state(state)
    if not s.discontinued:
        raise SamplingInputError(f"inspection is {s.severity}, not discontinued; nothing to resume")
    return (SwitchingState(TIGHTENED, lots=s.lots),
            SwitchingEvent(s.lots, DISCONTINUED, TIGHTENED, "resumed_tightened"))


@dataclass(frozen=True, slots=True)
class SwitchingReplay:
    severities: tuple[str, ...]  # the severity each lot was inspected under ("discontinued" = not inspected)
    events: tuple[SwitchingEvent, ...]
    state: SwitchingState  # after the last lot: store it to continue with next_state


def _per_lot(value, count: int, what: str, kind: str) -> list:
    """A scalar repeated for every lot, or one value per lot, checked (fast path: all plain)."""
    check = {"flag": lambda v: _flag(v, what), "count": lambda v: _count(v, what),
             "maybe": lambda v: None if v is None else _flag(v, what)}[kind]
    if isinstance(value, (bool, np.bool_, numbers.Integral)) or value is None:
        return [check(value)] * count
    try:
        values = value.tolist() if isinstance(value, np.ndarray) else list(value)
    except TypeError:
        raise SamplingInputError(f"{what} must be a value or a sequence with one value per lot") from None
    if len(values) != count:
        raise SamplingInputError(f"{what} has {len(values)} values for {count} lots")
    plain = {"flag": (bool,), "count": (int,), "maybe": (bool, type(None))}[kind]
    if all(type(v) in plain for v in values) and (kind != "count" or min(values, default=0) >= 0):
        return values
    return [check(v) for v in values]


def replay(accepted: Sequence[bool], *, acceptance_numbers: int | Sequence[int],
           tighter_accepted: bool | None | Sequence[bool | None] = None,
           production_steady: bool | Sequence[bool] = True, reduced_approved: bool | Sequence[bool] = True,
           state: SwitchingState | None = None) -> SwitchingReplay:
    """Replay a sequence of lot results with the same transition as :func:`next_state`, from
    ``state`` (default: the start of inspection, normal — clause 9.1)."""
    s = SwitchingState() if state is None else _checked_state(state)
    if isinstance(accepted, (str, bytes)) or not hasattr(accepted, "__len__"):
        raise SamplingInputError("accepted must be a sequence of True/False, one per lot")
    oks = _per_lot(accepted, len(accepted), "accepted", "flag")
    count = len(oks)
    acs = _per_lot(acceptance_numbers, count, "acceptance_numbers", "count")
    tighter = _per_lot(tighter_accepted, count, "tighter_accepted", "maybe")
    steady = _per_lot(production_steady, count, "production_steady", "flag")
    approved = _per_lot(reduced_approved, count, "reduced_approved", "flag")
    for i, (ok, t) in enumerate(zip(oks, tighter)):
        if t and not ok:
            raise SamplingInputError(f"lot {s.lots + i + 1}: accepted one AQL step tighter but not at the AQL itself")
    core, lot, severities, events = _core(s), s.lots, [], []
    for ok, ac, t, st, ap in zip(oks, acs, tighter, steady, approved):
        lot += 1
        severities.append(core[0])
        core, event = _step(core, ok, ac, t, st, ap, lot)
        if event is not None:
            events.append(event)
    return SwitchingReplay(tuple(severities), tuple(events), SwitchingState(*core, lot))


def switching_replay(accepted: list[bool], acceptance_numbers: int | list[int],
                     tighter_accepted: list[bool | None] | None, production_steady: bool, reduced_approved: bool,
                     state: SwitchingState | None = None) -> SwitchingReplay:
    """Trusted-input fast path of :func:`replay` (same clause 9 transition, ``_step``) for callers
    that have already checked their inputs, e.g. the inspection service's recompute: ``accepted``
    a list of bools; ``acceptance_numbers`` an int ≥ 0 for every lot or a list of them;
    ``tighter_accepted`` None for every lot or a list of True/False/None (never True on a lot not
    accepted, and not None on normal inspection when Ac ≥ 2); the two conditions plain bools.
    Nothing is re-validated lot by lot — use :func:`replay` for anything else."""
    core, lot = (_core(state), state.lots) if state is not None else (_FRESH_NORMAL, 0)
    count = len(accepted)
    acs = [acceptance_numbers] * count if isinstance(acceptance_numbers, int) else acceptance_numbers
    tighter = [None] * count if tighter_accepted is None else tighter_accepted
    severities, events, step = [], [], _step
    for ok, ac, t in zip(accepted, acs, tighter):
        lot += 1
        severities.append(core[0])
        core, event = step(core, ok, ac, t, production_steady, reduced_approved, lot)
        if event is not None:
            events.append(event)
    return SwitchingReplay(tuple(severities), tuple(events), SwitchingState(*core, lot))


def switching_history(accepted: Sequence[bool], *, acceptance_numbers: int | Sequence[int],
                      tighter_accepted=None, production_steady=True, reduced_approved=True) -> list[str]:
    """The severity each lot was inspected under: "normal", "tightened", "reduced", or
    "discontinued" for every lot after inspection stopped (clause 9.4)."""
    return list(replay(accepted, acceptance_numbers=acceptance_numbers, tighter_accepted=tighter_accepted,
                       production_steady=production_steady, reduced_approved=reduced_approved).severities)


# --------------------------------------------------------------------------------------------
# Operating characteristics
# --------------------------------------------------------------------------------------------

def model_for_aql(aql: float) -> str:
    """AQLs above 10 exist only as nonconformities per 100 items (clause 5.3), whose OC is
    Poisson; AQLs up to 10 are read as percent nonconforming, binomial."""
    return "poisson" if PREFERRED_AQLS[_aql_index(aql)] > 10 else "binomial"


def _model(plan, model) -> str:
    if not isinstance(plan, SamplingPlan):
        raise SamplingInputError(f"plan must be a SamplingPlan, got {type(plan).__name__}")
    if model is None:
        return model_for_aql(plan.aql)
    if model not in MODELS:
        raise SamplingInputError(f"model must be 'binomial' or 'poisson', got {model!r}")
    return model


def _quality(values, model: str) -> np.ndarray:
    try:
        raw = np.asarray(values)
    except (TypeError, ValueError):
        raise SamplingInputError("process quality values must be numbers") from None
    if raw.dtype.kind not in "iuf":
        raise SamplingInputError("process quality values must be numbers")
    p = raw.astype(float)
    if not np.all(np.isfinite(p)):
        raise SamplingInputError("process quality values must be finite numbers (no NaN)")
    if model == "binomial" and np.any((p < 0) | (p > 1)):
        raise SamplingInputError("fraction nonconforming must lie in [0, 1] (0.01 = 1 %)")
    if model == "poisson" and np.any(p < 0):
        raise SamplingInputError("nonconformities per item must be ≥ 0")
    return p


def _pa(n: int, ac: int, p: np.ndarray, model: str) -> np.ndarray:
    """Pa = Σ_{d=0}^{Ac} P(d): binomial C(n,d) p^d (1-p)^(n-d) for fraction nonconforming p, or
    Poisson e^{-np} (np)^d / d! for p nonconformities per item — the two distributions behind
    the OC curves and tables of ISO 2859-1:1999 clause 12 / Tables 10. Terms are summed from
    logarithms (lgamma), so large n and tiny Pa neither overflow nor lose the small terms."""
    d = np.arange(ac + 1, dtype=float)[:, None]
    lgd = np.array([math.lgamma(k + 1) for k in range(ac + 1)])[:, None]
    x = p.reshape(1, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        if model == "binomial":
            if ac >= n:  # at most n nonconforming items fit in the sample
                return np.ones_like(p)
            log_c = math.lgamma(n + 1) - lgd - np.array([math.lgamma(n - k + 1) for k in range(ac + 1)])[:, None]
            terms = np.exp(log_c + d * np.log(x) + (n - d) * np.log1p(-x))
            pa = np.where(x == 0, 1.0, np.where(x == 1, 0.0, terms.sum(axis=0)))
        else:
            lam = n * x
            terms = np.exp(-lam + d * np.log(lam) - lgd)
            pa = np.where(lam == 0, 1.0, terms.sum(axis=0))
    return np.clip(pa, 0.0, 1.0).reshape(p.shape)


def _pa_at(plan: SamplingPlan, q: float, model: str) -> float:
    return float(_pa(plan.n, plan.ac, np.array([q]), model)[0])


@dataclass(frozen=True)
class OcCurve:
    """Probability of acceptance ``pa`` at each process quality ``p``; unpacks as ``p, pa``."""

    p: np.ndarray
    pa: np.ndarray
    model: str
    n: int
    ac: int

    def __iter__(self) -> Iterator[np.ndarray]:
        return iter((self.p, self.pa))


def oc_curve(plan: SamplingPlan, p_values, *, model: str | None = None) -> OcCurve:
    """OC curve of a plan. ``p`` is the fraction nonconforming (binomial, 0.01 = 1 %) or the
    nonconformities per item (Poisson, 0.01 = 1 per 100 items); ``model`` None picks by AQL
    (:func:`model_for_aql`)."""
    m = _model(plan, model)
    p = _quality(p_values, m)
    return OcCurve(p, _pa(plan.n, plan.ac, p, m), m, plan.n, plan.ac)


def pa_at_aql(plan: SamplingPlan, *, model: str | None = None) -> float:
    """Probability of acceptance when the process runs exactly at the AQL, i.e. 1 − the
    producer's risk that ISO 2859-1:1999 added as a table in its second edition."""
    m = _model(plan, model)
    if m == "binomial" and plan.aql > 100:
        raise SamplingInputError(f"AQL {plan.aql:g} is in nonconformities per 100 items; use model='poisson'")
    return _pa_at(plan, plan.aql / 100.0, m)


def limiting_quality(plan: SamplingPlan, pa: float = 0.10, *, model: str | None = None) -> float | None:
    """Process quality at which Pa = ``pa`` (limiting quality / consumer's risk quality, Tables
    6-A and 7-A use Pa 10 % and 5 %). Found by bisection, Pa being decreasing in p, to 1e-12
    absolute; None when no quality gets Pa that low (binomial plan with Ac ≥ n)."""
    m = _model(plan, model)
    if isinstance(pa, bool) or not isinstance(pa, numbers.Real) or not 0 < pa < 1:
        raise SamplingInputError(f"target Pa must lie strictly between 0 and 1, got {pa!r}")
    if m == "binomial" and plan.ac >= plan.n:
        return None
    lo, hi = 0.0, 1.0 if m == "binomial" else (plan.ac + 1.0) / plan.n
    while m == "poisson" and _pa_at(plan, hi, m) > pa:
        lo, hi = hi, 2 * hi
    while hi - lo > 1e-12:
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _pa_at(plan, mid, m) > pa else (lo, mid)
    return (lo + hi) / 2


def _outgoing_factor(plan: SamplingPlan, lot_size) -> float:
    big_n = plan.lot_size if lot_size is None else _lot_size(lot_size)
    if big_n is None:
        return 1.0  # N much larger than n: (N − n)/N → 1
    return max(big_n - plan.n, 0) / big_n


def aoq(plan: SamplingPlan, p_values, *, lot_size: int | None = None, model: str | None = None) -> np.ndarray:
    """Average outgoing quality under rectifying inspection (rejected lots screened, nonconforming
    items replaced): AOQ(p) = p · Pa(p) · (N − n) / N (ISO 2859-1:1999 clause 12, AOQ and AOQL,
    whose Table 8 AOQL factors assume the same; Montgomery, Introduction to Statistical Quality
    Control, chapter "Lot-by-lot acceptance sampling for attributes", rectifying inspection).
    ``lot_size`` N defaults to the plan's; with neither, (N − n)/N is taken as 1."""
    factor = _outgoing_factor(plan, lot_size)
    curve = oc_curve(plan, p_values, model=model)
    return curve.p * curve.pa * factor


@dataclass(frozen=True)
class Aoql:
    aoql: float  # maximum AOQ, in the unit of p (fraction nonconforming or nonconformities/item)
    p_at_max: float
    model: str
    lot_size: int | None
    method: str = ("grid of 2001 points up to the quality where Pa = 1e-12, then ternary search "
                   "between the best point's neighbours to 1e-12 in p")


def aoql(plan: SamplingPlan, *, lot_size: int | None = None, model: str | None = None) -> Aoql:
    """AOQL = max_p AOQ(p). p·Pa(p) is log-concave (Pa is the survival function of a beta or gamma
    distribution with shape ≥ 1, both log-concave), hence unimodal, so a grid bracket refined by
    ternary search finds the maximum; see ``Aoql.method``."""
    m = _model(plan, model)
    factor = _outgoing_factor(plan, lot_size)
    grid = np.linspace(0.0, limiting_quality(plan, 1e-12, model=m) or 1.0, 2001)
    k = int(np.argmax(grid * _pa(plan.n, plan.ac, grid, m)))
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    while hi - lo > 1e-12:
        a, b = lo + (hi - lo) / 3, hi - (hi - lo) / 3
        lo, hi = (a, hi) if a * _pa_at(plan, a, m) < b * _pa_at(plan, b, m) else (lo, b)
    p = (lo + hi) / 2
    return Aoql(p * _pa_at(plan, p, m) * factor, p, m, plan.lot_size if lot_size is None else int(lot_size))

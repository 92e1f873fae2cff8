"""Quality agreements (质量协议): clause numbering, the Excel clipboard codec, version diff, and
the agreed targets with their liability rules. Pure: no Qt, no SQLAlchemy.

- Content areas: domain.md §2.5 (eight areas, numbered 1–8 in the default order; a clause is
  numbered ``<section>.<position in area>`` — 3.1, 3.2 … — where the section is the area's place
  in the version's area order, so moving a whole area renumbers it).
- Clipboard: the text Excel puts on the clipboard as "text/plain" — cells separated by TAB,
  rows by CRLF (a trailing CRLF after the last row); a cell holding a TAB, a line break or a
  double quote is enclosed in double quotes with inner quotes doubled (RFC 4180 quoting with TAB
  as separator, the rule Excel and LibreOffice follow).
- Targets: an indicator of the supplier evaluation (app.engines.indicators, domain.md §2.7)
  compared with a threshold. A period whose indicator is missing (no deliveries, NaN) is
  **neither a breach nor a pass** (§2.7: a period without deliveries has no score).
- Liability rules (§2.5 area 7, "违约责任"): a fixed penalty per breach; a penalty per PPM
  above the target; a debit of the sorting cost per rejected lot; escalation to a re-audit when
  the count of breaches reaches N.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

# --------------------------------------------------------------------------------------- areas
#: The eight content areas of domain.md §2.5, in order: (key, Chinese, English).
AREAS: tuple[tuple[str, str, str], ...] = (
    ("quality_management", "质量管理要求", "Quality management requirements"),
    ("qms_supervision", "质量管理监督", "Supervision of the supplier's quality management"),
    ("acceptance_inspection", "验收检验程序", "Acceptance inspection procedure"),
    ("nonconforming", "不合格品的处理", "Handling of nonconforming product"),
    ("process_control", "过程控制", "Process control"),
    ("assurance_responsibility", "质量保证和责任区分", "Quality assurance and division of responsibility"),
    ("indicators_liability", "质量指标约定及违约责任", "Agreed quality indicators and liability for breach"),
    ("disputes", "争议的处理", "Dispute resolution"),
)
AREA_COUNT = len(AREAS)
INSPECTION_AREA = 3
TARGET_AREA = 7

PARTIES: tuple[tuple[str, str, str], ...] = (
    ("purchaser", "采购方", "Purchaser"),
    ("supplier", "供方", "Supplier"),
    ("both", "双方", "Both parties"),
)
PARTY_KEYS = tuple(p[0] for p in PARTIES)


def area_label(area: int, lang: str = "en") -> str:
    _key, zh, en = AREAS[area - 1]
    return zh if lang == "zh_CN" else en


def party_label(party: str, lang: str = "en") -> str:
    for key, zh, en in PARTIES:
        if key == party:
            return zh if lang == "zh_CN" else en
    return party


#: The order the areas are printed and numbered in, unless a version or template moves them.
DEFAULT_AREA_ORDER: tuple[int, ...] = tuple(range(1, AREA_COUNT + 1))


def check_area_order(order: Sequence[int] | None) -> tuple[int, ...]:
    """The order as a tuple; ``ValueError`` unless it lists each of the areas 1–8 exactly once."""
    if order is None:
        return DEFAULT_AREA_ORDER
    try:
        out = tuple(int(a) for a in order)
    except (TypeError, ValueError):
        raise ValueError(f"the area order must list the areas 1–{AREA_COUNT}") from None
    if sorted(out) != list(DEFAULT_AREA_ORDER):
        raise ValueError(f"the area order must list each of the areas 1–{AREA_COUNT} exactly once, not {out}")
    return out


def parse_area_order(text: str | None) -> tuple[int, ...]:
    """Stored form ``"1,2,4,3,5,6,7,8"`` → tuple; empty = the default order."""
    if not text or not text.strip():
        return DEFAULT_AREA_ORDER
    return check_area_order(text.split(","))


def format_area_order(order: Sequence[int]) -> str:
    return ",".join(str(a) for a in check_area_order(order))


def area_ranks(order: Sequence[int] = DEFAULT_AREA_ORDER) -> dict[int, int]:
    """Area → its section number (1-based position in ``order``)."""
    return {a: k for k, a in enumerate(order, start=1)}


def move_area(order: Sequence[int], area: int, step: int) -> tuple[int, ...]:
    """The order with ``area`` moved ``step`` places (-1 up, +1 down); unchanged at an edge."""
    out = list(check_area_order(order))
    i = out.index(area)
    j = i + step
    if not 0 <= j < len(out):
        return tuple(out)
    out[i], out[j] = out[j], out[i]
    return tuple(out)


def area_order_from(areas: Sequence[int]) -> tuple[int, ...]:
    """The area order implied by clauses listed area by area (a workbook's rows): areas in the
    order they first appear, the areas without clauses after them in the default order."""
    seen: list[int] = []
    for a in areas:
        if a in DEFAULT_AREA_ORDER and a not in seen:
            seen.append(a)
    return tuple(seen + [a for a in DEFAULT_AREA_ORDER if a not in seen])


def area_moves(old: Sequence[int], new: Sequence[int]) -> list[tuple[int, int, int]]:
    """(area, old section number, new section number) of every area whose number changed."""
    a, b = area_ranks(check_area_order(old)), area_ranks(check_area_order(new))
    return [(area, a[area], b[area]) for area in check_area_order(new) if a[area] != b[area]]


def clause_numbers(areas: Sequence[int], order: Sequence[int] = DEFAULT_AREA_ORDER) -> list[str]:
    """Numbers for clauses listed in display order (areas in ``order``, then by position): the
    area's section number and the position inside the area, ``3.1``, ``3.2`` …; an area's count
    restarts at 1. With a moved area the section number follows its place, not its identity."""
    ranks = area_ranks(order)
    out: list[str] = []
    counts = [0] * (AREA_COUNT + 1)
    for a in areas:
        if not 1 <= a <= AREA_COUNT:
            raise ValueError(f"area {a} is not one of 1..{AREA_COUNT}")
        counts[a] += 1
        out.append(f"{ranks[a]}.{counts[a]}")
    return out


def number_clauses(keys: Sequence[tuple[int, float]], order: Sequence[int] = DEFAULT_AREA_ORDER) -> list[str]:
    """Numbers for clauses given as (area, order) in any sequence, aligned with the input."""
    ranks = area_ranks(order)
    idx = sorted(range(len(keys)), key=lambda i: (ranks.get(keys[i][0], 0), keys[i][1], i))
    numbers = clause_numbers([keys[i][0] for i in idx], order)
    out = [""] * len(keys)
    for pos, i in enumerate(idx):
        out[i] = numbers[pos]
    return out


# ----------------------------------------------------------------------------------- clipboard
def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n\r"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def encode_tsv(rows: Sequence[Sequence[object]]) -> str:
    """Rows of cells as Excel clipboard text (TAB between cells, CRLF after every row)."""
    return "".join("\t".join(_quote("" if c is None else str(c)) for c in row) + "\r\n" for row in rows)


def decode_tsv(text: str) -> list[list[str]]:
    """Excel clipboard text back into rows of cells, padded to a rectangle.

    Accepts CRLF, LF or CR row ends and one trailing row end; a cell starting with a double quote
    is quoted (doubled quotes inside, line breaks and TABs kept); a quote inside an unquoted cell
    is literal; an unclosed quote makes the cell literal up to the end of its line.
    """
    if text == "":
        return []
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith(("\n", "\r")):
        text = text[:-1]
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    while True:
        # one cell starting at i
        if i < n and text[i] == '"':
            j = i + 1
            parts: list[str] = []
            closed = False
            while j < n:
                q = text.find('"', j)
                if q < 0:
                    break
                parts.append(text[j:q])
                if q + 1 < n and text[q + 1] == '"':
                    parts.append('"')
                    j = q + 2
                    continue
                j = q + 1
                closed = True
                break
            if closed:
                # anything between the closing quote and the separator is kept literally
                end = j
                while end < n and text[end] not in "\t\r\n":
                    end += 1
                cell = "".join(parts) + text[j:end]
                i = end
            else:
                end = i
                while end < n and text[end] not in "\t\r\n":
                    end += 1
                cell = text[i:end]
                i = end
        else:
            end = i
            while end < n and text[end] not in "\t\r\n":
                end += 1
            cell = text[i:end]
            i = end
        row.append(cell)
        if i >= n:
            rows.append(row)
            break
        ch = text[i]
        if ch == "\t":
            i += 1
            continue
        # row end
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
        row = []
    width = max(len(r) for r in rows)
    for r in rows:
        r.extend([""] * (width - len(r)))
    return rows


# ---------------------------------------------------------------------------------------- diff
#: The content of a clause a diff compares (the number follows from the order, so it is shown but
#: a renumbering alone is no change).
DIFF_FIELDS = ("area", "text_zh", "text_en", "party", "documents", "aql", "level", "target")


@dataclass(frozen=True)
class ClauseText:
    key: str  # stable across versions: a copied clause keeps its key
    number: str
    area: int
    text_zh: str = ""
    text_en: str = ""
    party: str = "both"
    documents: str = ""
    aql: str = ""
    level: str = ""
    target: str = ""  # the target clause as text ("ppm <= 500 …"), "" for plain clauses


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "added" | "removed" | "changed" | "unchanged"
    old: ClauseText | None
    new: ClauseText | None
    fields: tuple[str, ...] = ()  # the fields that differ (changed rows)


def diff_versions(old: Sequence[ClauseText], new: Sequence[ClauseText]) -> list[DiffRow]:
    """Clause by clause, matched by key: the new version's order, each removed clause placed
    after the clause that preceded it in the old version."""
    old_by_key = {c.key: c for c in old}
    new_keys = {c.key for c in new}
    out: list[DiffRow] = []
    for c in new:
        o = old_by_key.get(c.key)
        if o is None:
            out.append(DiffRow("added", None, c))
            continue
        changed = tuple(f for f in DIFF_FIELDS if getattr(o, f) != getattr(c, f))
        out.append(DiffRow("changed" if changed else "unchanged", o, c, changed))
    # removed clauses: after the nearest preceding old clause that survives
    for idx, c in enumerate(old):
        if c.key in new_keys:
            continue
        anchor = None
        for prev in reversed(old[:idx]):
            if prev.key in new_keys:
                anchor = prev.key
                break
        pos = 0
        if anchor is not None:
            pos = next(i for i, r in enumerate(out) if r.new is not None and r.new.key == anchor) + 1
            while pos < len(out) and out[pos].kind == "removed":
                pos += 1
        else:
            while pos < len(out) and out[pos].kind == "removed":
                pos += 1
        out.insert(pos, DiffRow("removed", c, None))
    return out


def diff_counts(rows: Sequence[DiffRow]) -> dict[str, int]:
    counts = {"added": 0, "removed": 0, "changed": 0, "unchanged": 0}
    for r in rows:
        counts[r.kind] += 1
    return counts


# ------------------------------------------------------------------------------------- targets
LOT_PASS_RATE, PPM, ON_TIME_DELIVERY, ORDER_FULFILMENT, SERVICE, CUSTOMER_COMPLAINTS = (
    "lot_pass_rate", "ppm", "on_time_delivery", "order_fulfilment", "service", "customer_complaints")
#: Target indicators = the evaluation's indicator keys (app.engines.indicators); SERVICE is the
#: SCAR response indicator (share of corrective-action requests answered by their due date);
#: CUSTOMER_COMPLAINTS is the number of customer complaints traced to the supplier in the period
#: (the evaluation's count; a period with deliveries and no complaint counts 0, see
#: ``complaint_actuals``).
TARGET_INDICATORS: tuple[tuple[str, str, str, str, float], ...] = (
    # key, Chinese, English, unit, scale from the indicator value to the unit
    (LOT_PASS_RATE, "批次合格率", "Lot pass rate", "%", 100.0),
    (PPM, "PPM", "PPM", "PPM", 1.0),
    (ON_TIME_DELIVERY, "供货及时率", "On-time delivery rate", "%", 100.0),
    (ORDER_FULFILMENT, "订货满足率", "Order fulfilment rate", "%", 100.0),
    (SERVICE, "SCAR 按期答复率", "SCAR answered on time", "%", 100.0),
    (CUSTOMER_COMPLAINTS, "追溯到供应商的顾客投诉", "Customer complaints traced to the supplier", "", 1.0),
)
INDICATOR_KEYS = tuple(t[0] for t in TARGET_INDICATORS)
COMPARATORS = (">=", ">", "<=", "<")
PERIOD_KINDS = ("month", "quarter", "year")
LIABILITY_KINDS = ("none", "fixed", "per_ppm", "sorting")
LIABILITY_LABELS = {
    "none": ("无", "None"),
    "fixed": ("每次违约固定罚款", "Fixed penalty per breach"),
    "per_ppm": ("超出目标每 PPM 罚款", "Penalty per PPM above target"),
    "sorting": ("扣除挑选费用（每批拒收）", "Debit of sorting cost (per rejected lot)"),
}

PASS, BREACH, MISSING = 1, 0, -1


def indicator_info(key: str) -> tuple[str, str, str, str, float]:
    for t in TARGET_INDICATORS:
        if t[0] == key:
            return t
    raise ValueError(f"unknown target indicator {key!r} (one of {', '.join(INDICATOR_KEYS)})")


def indicator_label(key: str, lang: str = "en") -> str:
    t = indicator_info(key)
    return t[1] if lang == "zh_CN" else t[2]


@dataclass(frozen=True)
class LiabilityRule:
    kind: str = "none"  # one of LIABILITY_KINDS
    amount: float = 0.0  # per breach / per PPM above target / per rejected lot
    escalate_after: int = 0  # re-audit once this many breaches are counted (0 = never)

    def __post_init__(self) -> None:
        if self.kind not in LIABILITY_KINDS:
            raise ValueError(f"unknown liability rule {self.kind!r}")
        if not np.isfinite(self.amount) or self.amount < 0:
            raise ValueError("the liability amount must be zero or more")
        if self.escalate_after < 0:
            raise ValueError("the escalation count must be zero or more")


@dataclass(frozen=True)
class Target:
    indicator: str
    comparator: str
    threshold: float  # in the indicator's unit (% for rates, PPM for PPM)
    period: str = "month"
    rule: LiabilityRule = field(default_factory=LiabilityRule)

    def __post_init__(self) -> None:
        indicator_info(self.indicator)
        if self.comparator not in COMPARATORS:
            raise ValueError(f"unknown comparator {self.comparator!r}")
        if not np.isfinite(self.threshold):
            raise ValueError("the threshold must be a number")
        if self.period not in PERIOD_KINDS:
            raise ValueError(f"unknown period {self.period!r}")
        if self.rule.kind == "per_ppm" and self.indicator != PPM:
            raise ValueError("a penalty per PPM needs a PPM target")

    @property
    def unit(self) -> str:
        return indicator_info(self.indicator)[3]

    def text(self, lang: str = "en") -> str:
        return f"{indicator_label(self.indicator, lang)} {self.comparator} {self.threshold:g} {self.unit}"


def complaint_actuals(values, delivered) -> np.ndarray:
    """Target actuals of the complaint count: the evaluation's indicator (a count, missing when
    zero — no complaint is no evidence for *scoring*) with 0 where the supplier delivered in the
    period (``delivered`` > 0, lots inspected or deliveries), since an agreed ceiling is met by a
    month without complaints. No deliveries and no complaint stays missing (never a breach nor a
    pass); a complaint in a month without deliveries still counts."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isnan(v) & (np.asarray(delivered, dtype=float) > 0), 0.0, v)


def to_unit(indicator: str, values) -> np.ndarray:
    """Indicator values (fractions for rates, as app.engines.indicators gives them) in the
    target's unit."""
    return np.asarray(values, dtype=float) * indicator_info(indicator)[4]


def target_status(actual, comparator: str, threshold: float) -> np.ndarray:
    """PASS (1), BREACH (0) or MISSING (-1) per value (any shape); NaN is MISSING."""
    a = np.asarray(actual, dtype=float)
    ok = np.isfinite(a)
    safe = np.where(ok, a, 0.0)
    if comparator == ">=":
        met = safe >= threshold
    elif comparator == ">":
        met = safe > threshold
    elif comparator == "<=":
        met = safe <= threshold
    elif comparator == "<":
        met = safe < threshold
    else:
        raise ValueError(f"unknown comparator {comparator!r}")
    return np.where(ok, np.where(met, PASS, BREACH), MISSING).astype(np.int8)


@dataclass
class TargetEvaluation:
    """Per supplier (rows) and period (columns): actual in the target's unit, status, liability
    amount, running breach count and whether the breach escalates to a re-audit."""

    actual: np.ndarray
    status: np.ndarray
    liability: np.ndarray
    breaches: np.ndarray  # running count of breaches up to and including the period
    escalate: np.ndarray  # True at each breach from the N-th on

    @property
    def total_liability(self) -> np.ndarray:
        return self.liability.sum(axis=-1)


def evaluate_target(target: Target, actual_unit, rejected_lots=None) -> TargetEvaluation:
    """Evaluate one target over a supplier × period matrix of actuals (in the target's unit).

    Liability per breach by the rule: ``fixed`` → amount; ``per_ppm`` → amount × (actual −
    threshold); ``sorting`` → amount × rejected lots of the period (``rejected_lots``, same
    shape). Missing periods incur nothing and do not count.
    """
    a = np.atleast_1d(np.asarray(actual_unit, dtype=float))
    status = target_status(a, target.comparator, target.threshold)
    breach = status == BREACH
    rule = target.rule
    if rule.kind == "fixed":
        amount = np.where(breach, rule.amount, 0.0)
    elif rule.kind == "per_ppm":
        amount = np.where(breach, rule.amount * np.maximum(np.nan_to_num(a) - target.threshold, 0.0), 0.0)
    elif rule.kind == "sorting":
        lots = np.zeros_like(a) if rejected_lots is None else np.asarray(rejected_lots, dtype=float)
        amount = np.where(breach, rule.amount * lots, 0.0)
    else:
        amount = np.zeros_like(a)
    running = np.cumsum(breach, axis=-1)
    escalate = breach & (running >= rule.escalate_after) if rule.escalate_after > 0 else np.zeros_like(breach)
    return TargetEvaluation(a, status, amount, running, escalate)


NOT_APPLICABLE = -2
_COMPARATOR_CODES = {c: i for i, c in enumerate(COMPARATORS)}
_KIND_CODES = {k: i for i, k in enumerate(LIABILITY_KINDS)}


def comparator_code(comparator: str) -> int:
    return _COMPARATOR_CODES[comparator]


def liability_code(kind: str) -> int:
    return _KIND_CODES[kind]


def evaluate_targets(actual, applicable, comparator, threshold, kind, amount, escalate_after,
                     rejected_lots=None) -> TargetEvaluation:
    """Many target lines at once (rows = lines, columns = periods), each cell with its own
    comparator code, threshold and rule (arrays broadcast to the actual's shape): the same rules
    as :func:`evaluate_target`; cells not ``applicable`` (no version in force, or the clause not in
    it) are NOT_APPLICABLE, incur nothing and do not count towards escalation."""
    a = np.asarray(actual, dtype=float)
    shape = a.shape
    app = np.broadcast_to(np.asarray(applicable, dtype=bool), shape)
    cmp_ = np.broadcast_to(np.asarray(comparator), shape)
    thr = np.broadcast_to(np.asarray(threshold, dtype=float), shape)
    knd = np.broadcast_to(np.asarray(kind), shape)
    amt = np.broadcast_to(np.asarray(amount, dtype=float), shape)
    esc = np.broadcast_to(np.asarray(escalate_after), shape)
    ok = np.isfinite(a) & app
    safe = np.where(ok, a, 0.0)
    met = np.select([cmp_ == 0, cmp_ == 1, cmp_ == 2, cmp_ == 3],
                    [safe >= thr, safe > thr, safe <= thr, safe < thr], False)
    status = np.where(~app, NOT_APPLICABLE, np.where(~np.isfinite(a), MISSING, np.where(met, PASS, BREACH))).astype(np.int8)
    breach = status == BREACH
    lots = np.zeros(shape) if rejected_lots is None else np.broadcast_to(np.asarray(rejected_lots, dtype=float), shape)
    liability = np.where(breach, np.select(
        [knd == _KIND_CODES["fixed"], knd == _KIND_CODES["per_ppm"], knd == _KIND_CODES["sorting"]],
        [amt, amt * np.maximum(safe - thr, 0.0), amt * lots], 0.0), 0.0)
    running = np.cumsum(breach, axis=-1)
    escalate = breach & (esc > 0) & (running >= esc)
    return TargetEvaluation(np.where(app, a, np.nan), status, liability, running, escalate)

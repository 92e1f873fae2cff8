"""Supplier audit checklists and scoring (供应商审核评分).

Plain data in, plain data out: no Qt, no database.

Scoring method
--------------
Each checklist item has a scoring rule ``0..max`` (0–3 for the QMS and product checklists,
0–10 for the process checklist) and may be marked *not applicable* (N/A) when the rule allows it.
The compliance degree follows VDA 6.3 (2016), chapter "Evaluation" (Erfüllungsgrad):

    E = Σ achieved points / Σ applicable points × 100 %,   N/A questions are left out,

generalised here to items with a weight ``w`` and different maxima by normalising every item to
a fraction of its own maximum first:

    E = Σᵢ wᵢ · sᵢ / maxᵢ  /  Σᵢ wᵢ   over answered, applicable items            (1)

so leaving an item out (N/A) renormalises the remaining weights instead of counting as 0 or 100.
Section scores use (1) over the section's items. With all weights 1 and one maximum, (1) is
exactly the VDA 6.3 formula.

Result classification
---------------------
``approved`` when E ≥ ``approved`` threshold, ``conditional`` when E ≥ ``conditional``, else
``not_approved``. VDA 6.3 classifies A ≥ 90 %, B 80–90 %, C < 80 % and *downgrades* a supplier
whose individual questions fail badly; the course material (domain brief §2.3) only asks for
approved / conditional / not approved by configurable thresholds, so the defaults here are the
common supplier-approval convention approved ≥ 85 %, conditional ≥ 70 %, with the VDA-style
downgrading rules expressed through finding severities: an open *critical* finding means
not approved, a *major* finding caps the result at conditional (both switchable).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.engines.flags import ACCEPTED_SWITCHES, switch

AUDIT_TYPES = ("product", "process", "qms")
AUDIT_OCCASIONS = ("selection", "first_supply", "periodic", "problem", "reapproval")
#: Why a supplier in each status is usually audited — the wizard's default occasion (the auditor
#: may change it): candidates for selection, approved suppliers periodically (surveillance),
#: suspended or disqualified ones to be approved again.
DEFAULT_OCCASION = {"potential": "selection", "under_evaluation": "selection", "approved": "periodic",
                    "conditional": "periodic", "suspended": "reapproval", "disqualified": "reapproval"}


def default_occasion(status: str | None) -> str:
    """The default audit occasion for a supplier status (no supplier yet: selection)."""
    return DEFAULT_OCCASION.get(status or "", "selection")
SEVERITIES = ("observation", "minor", "major", "critical")
#: severities that call for a corrective action request (SCAR / 8D)
CAR_SEVERITIES = ("minor", "major", "critical")
AUDIT_RESULTS = ("approved", "conditional", "not_approved")


class ChecklistError(ValueError):
    """A checklist template or an item score is malformed; the message says what and where."""


def _switch(data: Mapping[str, Any], key: str, default: bool) -> bool:
    # Read explicitly: bool("false") is True, so a template could never switch a setting off.
    value = data.get(key, default)
    if value is None:
        return default
    on = switch(value)
    if on is None:
        raise ChecklistError(f"{key} must be {ACCEPTED_SWITCHES}, got {value!r}")
    return on


@dataclass(frozen=True)
class ScoringRule:
    """How one item is scored: an integer from ``min`` to ``max``, optionally N/A."""

    max: int = 3
    na_allowed: bool = True
    min: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.max, int) or not isinstance(self.min, int):
            raise ChecklistError("scoring rule limits must be integers")
        if self.max <= self.min or self.min < 0:
            raise ChecklistError(f"scoring rule needs 0 <= min < max, got {self.min}..{self.max}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None, default: "ScoringRule | None" = None) -> "ScoringRule":
        if not data:
            return default or cls()
        base = default or cls()
        try:
            return cls(
                max=int(data.get("max", base.max)),
                na_allowed=_switch(data, "na_allowed", base.na_allowed),
                min=int(data.get("min", base.min)),
            )
        except (TypeError, ValueError) as exc:
            raise ChecklistError(f"bad scoring rule {dict(data)!r}: {exc}") from exc

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"max": self.max, "na_allowed": self.na_allowed}
        if self.min:
            d["min"] = self.min
        return d

    def label(self) -> str:
        return f"{self.min}–{self.max}" + (" / N/A" if self.na_allowed else "")

    def check(self, score: Any, na: bool = False) -> None:
        """Raise ChecklistError unless (score, na) is a valid answer for this rule."""
        if na:
            if not self.na_allowed:
                raise ChecklistError("N/A is not allowed for this item")
            return
        if isinstance(score, bool) or not isinstance(score, int):
            raise ChecklistError(f"score must be a whole number, got {score!r}")
        if not self.min <= score <= self.max:
            raise ChecklistError(f"score {score} is outside {self.min}..{self.max}")


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    title_zh: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh_CN" else self.title_en


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    section: str
    clause: str
    text_zh: str
    text_en: str
    weight: float = 1.0
    rule: ScoringRule = field(default_factory=ScoringRule)

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh_CN" else self.text_en


@dataclass(frozen=True)
class ChecklistTemplate:
    """A checklist as shipped in ``resources/checklists/*.json`` or edited by the user."""

    key: str
    audit_type: str
    title_zh: str
    title_en: str
    sections: tuple[ChecklistSection, ...]
    items: tuple[ChecklistItem, ...]
    default_rule: ScoringRule = field(default_factory=ScoringRule)
    version: int = 1
    source: str = ""

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh_CN" else self.title_en

    def section(self, key: str) -> ChecklistSection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def items_in(self, section_key: str) -> list[ChecklistItem]:
        return [it for it in self.items if it.section == section_key]


def parse_checklist(doc: Mapping[str, Any]) -> ChecklistTemplate:
    """Validate a checklist JSON document and build the template.

    Raises ChecklistError naming the first problem (missing key, duplicate item key, unknown
    section, non-positive weight, bad scoring rule).
    """
    if not isinstance(doc, Mapping):
        raise ChecklistError("a checklist must be a JSON object")
    for name in ("key", "audit_type", "sections", "items"):
        if name not in doc:
            raise ChecklistError(f"checklist is missing '{name}'")
    key = str(doc["key"]).strip()
    if not key:
        raise ChecklistError("checklist key is empty")
    audit_type = str(doc["audit_type"])
    if audit_type not in AUDIT_TYPES:
        raise ChecklistError(f"unknown audit type '{audit_type}' (expected one of {', '.join(AUDIT_TYPES)})")
    default_rule = ScoringRule.from_dict(doc.get("scoring"))
    sections: list[ChecklistSection] = []
    for i, s in enumerate(doc["sections"], 1):
        try:
            sk = str(s["key"])
            sections.append(ChecklistSection(sk, str(s.get("title_zh") or sk), str(s.get("title_en") or sk)))
        except (KeyError, TypeError) as exc:
            raise ChecklistError(f"section {i}: missing key") from exc
    section_keys = [s.key for s in sections]
    if len(set(section_keys)) != len(section_keys):
        raise ChecklistError("duplicate section keys")
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for i, it in enumerate(doc["items"], 1):
        if not isinstance(it, Mapping):
            raise ChecklistError(f"item {i}: must be an object")
        ik = str(it.get("key") or "").strip()
        if not ik:
            raise ChecklistError(f"item {i}: missing key")
        if ik in seen:
            raise ChecklistError(f"item {i}: duplicate key '{ik}'")
        seen.add(ik)
        sec = str(it.get("section", ""))
        if sec not in section_keys:
            raise ChecklistError(f"item {i} ('{ik}'): unknown section '{sec}'")
        text_zh = str(it.get("text_zh") or "").strip()
        text_en = str(it.get("text_en") or "").strip()
        if not text_zh and not text_en:
            raise ChecklistError(f"item {i} ('{ik}'): no text")
        try:
            weight = float(it.get("weight", 1.0))
        except (TypeError, ValueError) as exc:
            raise ChecklistError(f"item {i} ('{ik}'): weight is not a number") from exc
        if not weight > 0 or weight != weight or weight == float("inf"):
            raise ChecklistError(f"item {i} ('{ik}'): weight must be positive")
        try:
            rule = ScoringRule.from_dict(it.get("scoring"), default_rule)
        except ChecklistError as exc:
            raise ChecklistError(f"item {i} ('{ik}'): {exc}") from exc
        items.append(ChecklistItem(ik, sec, str(it.get("clause") or ""), text_zh or text_en, text_en or text_zh, weight, rule))
    if not items:
        raise ChecklistError("checklist has no items")
    return ChecklistTemplate(
        key=key,
        audit_type=audit_type,
        title_zh=str(doc.get("title_zh") or key),
        title_en=str(doc.get("title_en") or key),
        sections=tuple(sections),
        items=tuple(items),
        default_rule=default_rule,
        version=int(doc.get("version", 1)),
        source=str(doc.get("source") or ""),
    )


def checklist_to_dict(t: ChecklistTemplate) -> dict[str, Any]:
    """The JSON document for a template (inverse of parse_checklist)."""
    items = []
    for it in t.items:
        d: dict[str, Any] = {
            "key": it.key, "section": it.section, "clause": it.clause,
            "text_zh": it.text_zh, "text_en": it.text_en, "weight": it.weight,
        }
        if it.rule != t.default_rule:
            d["scoring"] = it.rule.to_dict()
        items.append(d)
    return {
        "format": "qualitybridge.checklist", "format_version": 1,
        "key": t.key, "version": t.version, "audit_type": t.audit_type,
        "title_zh": t.title_zh, "title_en": t.title_en, "source": t.source,
        "scoring": t.default_rule.to_dict(),
        "sections": [{"key": s.key, "title_zh": s.title_zh, "title_en": s.title_en} for s in t.sections],
        "items": items,
    }


# ----------------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class ItemAnswer:
    """An item's answer: ``score`` None and ``na`` False means not answered yet."""

    key: str
    section: str
    weight: float
    rule: ScoringRule
    score: int | None = None
    na: bool = False


@dataclass(frozen=True)
class AuditThresholds:
    """Result thresholds in percent (see module docstring for the convention)."""

    approved: float = 85.0
    conditional: float = 70.0
    critical_blocks: bool = True
    major_caps: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.conditional <= self.approved <= 100:
            raise ChecklistError(
                f"thresholds need 0 <= conditional <= approved <= 100, got {self.conditional} / {self.approved}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "AuditThresholds":
        if not data:
            return cls()
        return cls(
            approved=float(data.get("approved", 85.0)),
            conditional=float(data.get("conditional", 70.0)),
            critical_blocks=_switch(data, "critical_blocks", True),
            major_caps=_switch(data, "major_caps", True),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"approved": self.approved, "conditional": self.conditional,
                "critical_blocks": self.critical_blocks, "major_caps": self.major_caps}


@dataclass(frozen=True)
class SectionScore:
    section: str
    percent: float | None  # None when no applicable item is answered
    achieved: float  # Σ w·s/max
    possible: float  # Σ w over answered applicable items
    items: int
    answered: int
    na: int


@dataclass(frozen=True)
class AuditScore:
    percent: float | None
    sections: tuple[SectionScore, ...]
    items: int
    answered: int  # scored or N/A
    na: int
    result: str | None  # None while items are unanswered or nothing is applicable
    reason: str  # "score", "critical_finding", "major_finding", "incomplete", "no_applicable_items"

    @property
    def complete(self) -> bool:
        return self.answered == self.items


def _section_score(section: str, answers: Sequence[ItemAnswer]) -> SectionScore:
    achieved = possible = 0.0
    answered = na = 0
    for a in answers:
        if a.na:
            a.rule.check(None, na=True)
            answered += 1
            na += 1
            continue
        if a.score is None:
            continue
        a.rule.check(a.score)
        if not a.weight > 0:
            raise ChecklistError(f"item '{a.key}': weight must be positive")
        answered += 1
        # formula (1): normalise to the item's own range, then weight
        achieved += a.weight * (a.score - a.rule.min) / (a.rule.max - a.rule.min)
        possible += a.weight
    percent = 100.0 * achieved / possible if possible > 0 else None
    return SectionScore(section, percent, achieved, possible, len(answers), answered, na)


def classify(percent: float | None, severities: Iterable[str] = (),
             thresholds: AuditThresholds = AuditThresholds()) -> tuple[str | None, str]:
    """Result and reason code for a compliance degree and the findings' severities."""
    sev = set(severities)
    unknown = sev - set(SEVERITIES)
    if unknown:
        raise ChecklistError(f"unknown finding severity {sorted(unknown)[0]!r}")
    if percent is None:
        return None, "no_applicable_items"
    if thresholds.critical_blocks and "critical" in sev:
        return "not_approved", "critical_finding"
    if percent >= thresholds.approved:
        result = "approved"
    elif percent >= thresholds.conditional:
        result = "conditional"
    else:
        result = "not_approved"
    if result == "approved" and thresholds.major_caps and "major" in sev:
        return "conditional", "major_finding"
    return result, "score"


def score_audit(answers: Sequence[ItemAnswer], *, severities: Iterable[str] = (),
                thresholds: AuditThresholds = AuditThresholds(),
                section_order: Sequence[str] | None = None) -> AuditScore:
    """Section scores, overall compliance degree (1) and result.

    ``severities`` are those of the audit's findings. The result is None until every item is
    answered (scored or N/A); the percentages are already given for a partly filled draft.
    """
    order: list[str] = list(section_order or [])
    groups: dict[str, list[ItemAnswer]] = {}
    for a in answers:
        groups.setdefault(a.section, []).append(a)
        if a.section not in order:
            order.append(a.section)
    sections = tuple(_section_score(s, groups.get(s, [])) for s in order)
    achieved = sum(s.achieved for s in sections)
    possible = sum(s.possible for s in sections)
    percent = 100.0 * achieved / possible if possible > 0 else None
    items = len(answers)
    answered = sum(s.answered for s in sections)
    na = sum(s.na for s in sections)
    severities = list(severities)
    if answered < items:
        classify(percent, severities, thresholds)  # still validates the severities
        result, reason = None, "incomplete"
    else:
        result, reason = classify(percent, severities, thresholds)
    return AuditScore(percent, sections, items, answered, na, result, reason)


def answers_for(template: ChecklistTemplate, scores: Mapping[str, Mapping[str, Any]]) -> list[ItemAnswer]:
    """Item answers for a template from ``{item_key: {"score": int|None, "na": bool}}``."""
    out = []
    for it in template.items:
        s = scores.get(it.key) or {}
        out.append(ItemAnswer(it.key, it.section, it.weight, it.rule, s.get("score"), _switch(s, "na", False)))
    return out

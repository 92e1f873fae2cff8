"""Incoming-inspection services: settings per supplier x part, the sampling plan of a lot, recording
a lot with its decision, switching update and SCAR in one transaction, dispositions, lists.

Plans come from ``app.engines.sampling`` (GB/T 2828.1-2012 = ISO 2859-1:1999); the lots are the
evaluation's ``inspection_lots`` rows, so what the inspector records is what the evaluation counts.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select

from app.engines import sampling
from app.models.admin import signatures, trail
from app.models.admin.permissions import require, requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.admin.tables import AuditEntry
from app.models.agreements import service as agreements
from app.models.agreements.service import InspectionClause
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.evaluation.tables import EvaluationResult, InspectionLot
from app.models.inspection import switching
from app.models.inspection.errors import InspectionError, InvalidInput, NotFound
from app.models.inspection.tables import (
    COST_BEARERS, DEFECT_CLASSES, DISPOSITION_KINDS, EXEMPTIONS, PERFORMERS, Disposition, InspectionItem,
    InspectionSetting, LotClassResult, Measurement, SeverityChange,
)
from app.models.suppliers import corrective
from app.models.suppliers.tables import CorrectiveAction, Part, Supplier, SupplierPart

CLASS_NAMES = {"critical": ("致命", "critical"), "major": ("严重", "major"), "minor": ("轻微", "minor")}
SEVERITY_NAMES = {"normal": ("正常", "normal"), "tightened": ("加严", "tightened"), "reduced": ("放宽", "reduced"),
                  "discontinued": ("暂停", "discontinued")}
DISPOSITION_NAMES = {"return": ("退货", "return to supplier"), "sort": ("挑选", "sort"), "rework": ("返工", "rework"),
                     "concession": ("让步接收", "concession"), "scrap": ("报废", "scrap")}


def class_name(key: str, lang: str = "en") -> str:
    zh, en = CLASS_NAMES[key]
    return zh if lang == "zh_CN" else en


def severity_name(key: str, lang: str = "en") -> str:
    zh, en = SEVERITY_NAMES.get(key, (key, key))
    return zh if lang == "zh_CN" else en


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemSpec:
    characteristic: str
    defect_class: str = "major"
    kind: str = "attribute"  # "variable" (limits) or "attribute" (OK/NG)
    method: str = ""
    gauge: str = ""
    lower_limit: float | None = None
    upper_limit: float | None = None
    unit: str = ""
    position: int = 0

    def conforms(self, value) -> bool | None:
        """True/False for one sample's value; None when not measured."""
        if value is None or value == "":
            return None
        if self.kind == "attribute":
            text = str(value).strip().upper()
            if text in ("OK", "合格", "1", "TRUE", "Y"):
                return True
            if text in ("NG", "不合格", "0", "FALSE", "N"):
                return False
            raise InvalidInput(f"{self.characteristic}: {value!r} is not OK or NG", "bad_value",
                               zh=f"{self.characteristic}：{value!r} 不是 OK 或 NG", field=self.characteristic)
        number = float(value)
        if not math.isfinite(number):
            raise InvalidInput(f"{self.characteristic}: {value!r} is not a number", "bad_value",
                               zh=f"{self.characteristic}：{value!r} 不是数值", field=self.characteristic)
        if self.lower_limit is not None and number < self.lower_limit:
            return False
        if self.upper_limit is not None and number > self.upper_limit:
            return False
        return True

    def limits_text(self) -> str:
        if self.kind == "attribute":
            return "OK/NG"
        lo = "" if self.lower_limit is None else f"{self.lower_limit:g}"
        hi = "" if self.upper_limit is None else f"{self.upper_limit:g}"
        unit = f" {self.unit}" if self.unit else ""
        if lo and hi:
            return f"{lo} – {hi}{unit}"
        return (f"≥ {lo}" if lo else f"≤ {hi}") + unit


@dataclass(frozen=True)
class SettingView:
    id: int
    supplier_id: int
    supplier_code: str
    supplier_name: str
    part_id: int
    part_code: str
    part_name: str
    level: str
    aqls: dict[str, float | None]
    severity: str
    switching_score: int
    production_steady: bool
    reduced_approved: bool
    reduced_approved_by: str
    reduced_approved_at: datetime | None
    exemption: str
    exemption_reason: str
    notes: str
    lots_count: int
    items: tuple[ItemSpec, ...]
    grade: str | None  # the supplier's latest evaluation grade, shown beside skip-lot/exemption
    grade_period: str | None
    clause: InspectionClause | None = None  # the quality agreement's inspection clause in force (advisory)
    differences: tuple[ClauseDifference, ...] = ()  # where the setting departs from that clause


@dataclass(frozen=True)
class ClauseDifference:
    field: str  # "level" or "aql_major"
    setting: str
    clause: str

    def text(self, lang: str = "en") -> str:
        name = {"level": ("检验水平", "inspection level"), "aql_major": ("严重缺陷 AQL", "AQL major")}[self.field]
        if lang.startswith("zh"):
            return f"{name[0]}：设置 {self.setting or '–'}，协议条款 {self.clause}"
        return f"{name[1]}: setting {self.setting or '–'}, agreement clause {self.clause}"


def clause_in_force(db: Database, supplier_id: int, part_id: int, *,
                    as_of: date | None = None) -> InspectionClause | None:
    """The quality agreement's inspection clause in force for this supplier x part: a clause of an
    agreement narrowed to the part first, else the supplier-wide one; the lowest clause number
    (3.1 before 3.2) when a version has several. None when no agreement in force has one."""
    rows = agreements.inspection_clauses(db, supplier_id, as_of=as_of)
    specific = [r for r in rows if r.part_id == part_id]
    pool = specific or [r for r in rows if r.part_id is None]
    if not pool:
        return None
    return min(pool, key=lambda r: (tuple(int(x) for x in r.clause_no.split(".") if x.isdigit()), r.agreement_id))


def clause_differences(level: str, aql_major: float | None,
                       clause: InspectionClause | None) -> tuple[ClauseDifference, ...]:
    """The clause's level and AQL against the setting's level and major-defect AQL (the clause's
    AQL is the one for major defects, as the default template words it)."""
    if clause is None:
        return ()
    out = []
    if clause.level.strip() and clause.level.strip().upper() != (level or "").upper():
        out.append(ClauseDifference("level", level or "", clause.level.strip()))
    try:
        wanted = float(clause.aql.replace(",", "."))
    except ValueError:
        wanted = None
    if wanted is not None and (aql_major is None or abs(aql_major - wanted) > 1e-9):
        out.append(ClauseDifference("aql_major", "" if aql_major is None else f"{aql_major:g}", clause.aql.strip()))
    return tuple(out)


def clause_ref(clause: InspectionClause) -> str:
    return f"agreement {clause.agreement_id} v{clause.version} clause {clause.clause_no}"


def _link(session, supplier_id: int, part_id: int) -> tuple[Supplier, Part]:
    sup, part = session.get(Supplier, supplier_id), session.get(Part, part_id)
    if sup is None:
        raise NotFound(f"supplier {supplier_id} does not exist", zh=f"供应商 {supplier_id} 不存在")
    if part is None:
        raise NotFound(f"part {part_id} does not exist", zh=f"物料 {part_id} 不存在")
    return sup, part


def _setting(session, supplier_id: int, part_id: int) -> InspectionSetting | None:
    return session.scalar(select(InspectionSetting).where(InspectionSetting.supplier_id == supplier_id,
                                                          InspectionSetting.part_id == part_id))


def _items(session, setting_id: int) -> tuple[ItemSpec, ...]:
    rows = session.scalars(select(InspectionItem).where(InspectionItem.setting_id == setting_id)
                           .order_by(InspectionItem.position))
    return tuple(ItemSpec(r.characteristic, r.defect_class, r.kind, r.method, r.gauge, r.lower_limit, r.upper_limit,
                          r.unit, r.position) for r in rows)


def _grade(session, supplier_id: int) -> tuple[str | None, str | None]:
    row = session.execute(select(EvaluationResult.grade, EvaluationResult.period)
                          .where(EvaluationResult.supplier_id == supplier_id, EvaluationResult.grade.is_not(None))
                          .order_by(EvaluationResult.period.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (None, None)


def _view(session, s: InspectionSetting, clause: InspectionClause | None = None) -> SettingView:
    sup, part = _link(session, s.supplier_id, s.part_id)
    grade, period = _grade(session, s.supplier_id)
    return SettingView(s.id, sup.id, sup.code, sup.name_zh or sup.name_en, part.id, part.code,
                       part.name_zh or part.name_en, s.level,
                       {"critical": s.aql_critical, "major": s.aql_major, "minor": s.aql_minor}, s.severity,
                       s.switching_score, s.production_steady, s.reduced_approved, s.reduced_approved_by,
                       s.reduced_approved_at, s.exemption, s.exemption_reason, s.notes, s.lots_count,
                       _items(session, s.id), grade, period, clause,
                       clause_differences(s.level, s.aql_major, clause))


def get_setting(db: Database, supplier_id: int, part_id: int, *, as_of: date | None = None) -> SettingView | None:
    clause = clause_in_force(db, supplier_id, part_id, as_of=as_of)
    with db.read() as s:
        row = _setting(s, supplier_id, part_id)
        return _view(s, row, clause) if row is not None else None


def setting_by_id(db: Database, setting_id: int, *, as_of: date | None = None) -> SettingView:
    with db.read() as s:
        row = s.get(InspectionSetting, setting_id)
        if row is None:
            raise NotFound(f"inspection setting {setting_id} does not exist", zh=f"检验设置 {setting_id} 不存在")
        supplier_id, part_id = row.supplier_id, row.part_id
    clause = clause_in_force(db, supplier_id, part_id, as_of=as_of)
    with db.read() as s:
        return _view(s, s.get(InspectionSetting, setting_id), clause)


def _check_aql(name: str, value) -> float | None:
    if value is None or value == "":
        return None
    try:
        sampling.single_plan("A", value, sampling.NORMAL)
    except sampling.SamplingInputError as exc:
        raise InvalidInput(f"{name}: {exc}", "bad_aql", zh=f"{name}：不是 GB/T 2828.1 的优先 AQL（{value}）",
                           field=name) from None
    return float(value)


def _check_items(items) -> list[ItemSpec]:
    out = []
    for i, item in enumerate(items, 1):
        where = f"item {i}"
        if not item.characteristic.strip():
            raise InvalidInput(f"{where}: the characteristic needs a name", "item_name",
                               zh=f"第 {i} 项：检验特性需要名称", field="characteristic")
        if item.defect_class not in DEFECT_CLASSES:
            raise InvalidInput(f"{where}: defect class must be critical, major or minor", "item_class",
                               zh=f"第 {i} 项：缺陷类别须为致命、严重或轻微", field="defect_class")
        if item.kind not in ("variable", "attribute"):
            raise InvalidInput(f"{where}: kind must be variable or attribute", "item_kind",
                               zh=f"第 {i} 项：类型须为计量或计数", field="kind")
        if item.kind == "variable":
            if item.lower_limit is None and item.upper_limit is None:
                raise InvalidInput(f"{where} ({item.characteristic}): a measured characteristic needs a lower or "
                                   "upper specification limit", "item_limits",
                                   zh=f"第 {i} 项（{item.characteristic}）：计量特性需要规格下限或上限", field="limits")
            if (item.lower_limit is not None and item.upper_limit is not None
                    and not item.lower_limit < item.upper_limit):
                raise InvalidInput(f"{where} ({item.characteristic}): the lower limit must be below the upper limit",
                                   "item_limits", zh=f"第 {i} 项（{item.characteristic}）：下限须小于上限",
                                   field="limits")
        values = {"characteristic": item.characteristic.strip(), "method": item.method, "gauge": item.gauge,
                  "lower_limit": item.lower_limit, "upper_limit": item.upper_limit, "unit": item.unit}
        errors = field_errors(InspectionItem, values)
        if errors:
            raise InvalidInput(f"{where}: {errors[0].message}", "item_field", zh=f"第 {i} 项：{errors[0].message}",
                               field=errors[0].field)
        out.append(ItemSpec(item.characteristic.strip(), item.defect_class, item.kind, item.method.strip(),
                            item.gauge.strip(), item.lower_limit if item.kind == "variable" else None,
                            item.upper_limit if item.kind == "variable" else None, item.unit.strip(), i))
    return out


@requires("inspection.settings")
def save_setting(db: Database, supplier_id: int, part_id: int, *, level: str = "II",
                 aql_critical: float | None = None, aql_major: float | None = 1.0, aql_minor: float | None = None,
                 production_steady: bool = True, exemption: str = "none", exemption_reason: str = "",
                 notes: str = "", items: list[ItemSpec] | None = None, as_of: date | None = None) -> int:
    """Create or change the inspection setting of a supplier x part (validated); ``items`` None
    keeps the current inspection items, a list replaces them. Returns the setting id.

    The quality agreement's inspection clause in force (``clause_in_force``) is advisory: a
    setting may depart from its level/AQL, and the departure is written with the trail reason.
    Granting skip-lot or exemption needs evaluation grade A *and* a clause in force that allows
    skip-lot; otherwise it is refused unless ``exemption_reason`` gives the reason for overriding,
    which is recorded on the trail."""
    try:
        level = sampling._level(level)
    except sampling.SamplingInputError as exc:
        raise InvalidInput(str(exc), "bad_level", zh=f"检验水平须为 {', '.join(sampling.LEVELS)} 之一",
                           field="level") from None
    aqls = {"aql_critical": _check_aql("aql_critical", aql_critical), "aql_major": _check_aql("aql_major", aql_major),
            "aql_minor": _check_aql("aql_minor", aql_minor)}
    if all(v is None for v in aqls.values()):
        raise InvalidInput("at least one defect class needs an AQL", "no_aql", zh="至少一个缺陷类别需要 AQL",
                           field="aql_major")
    if exemption not in EXEMPTIONS:
        raise InvalidInput(f"exemption must be one of {', '.join(EXEMPTIONS)}", "bad_exemption",
                           zh="免检/跳批设置无效", field="exemption")
    checked = _check_items(items) if items is not None else None
    errors = field_errors(InspectionSetting, {"exemption_reason": exemption_reason, "notes": notes})
    if errors:
        raise InvalidInput(errors[0].message, "field", zh=errors[0].message, field=errors[0].field)
    clause = clause_in_force(db, supplier_id, part_id, as_of=as_of)
    differences = clause_differences(level, aqls["aql_major"], clause)
    reason = exemption_reason.strip()
    with db.begin() as s:
        _link(s, supplier_id, part_id)
        if s.scalar(select(SupplierPart.id).where(SupplierPart.supplier_id == supplier_id,
                                                  SupplierPart.part_id == part_id)) is None:
            raise InvalidInput("this supplier does not supply this part (no supplier-part link)", "no_link",
                               zh="该供应商与物料之间没有供货关系")
        row = _setting(s, supplier_id, part_id)
        if row is None:
            row = InspectionSetting(supplier_id=supplier_id, part_id=part_id)
            s.add(row)
        notes_for_trail = []
        if exemption != "none" and exemption != row.exemption:
            grade, period = _grade(s, supplier_id)
            allowed = grade == "A" and clause is not None and clause.skip_lot_allowed
            if not allowed and not reason:
                why_en = ("evaluation grade is " + (grade or "missing") if grade != "A" else
                          "no quality agreement clause in force" if clause is None else
                          f"{clause_ref(clause)} does not allow skip-lot")
                why_zh = (f"评价等级为 {grade or '无'}" if grade != "A" else
                          "没有生效的质量协议检验条款" if clause is None else
                          f"协议 {clause.agreement_id} 第 {clause.version} 版条款 {clause.clause_no} 不允许跳批")
                raise InvalidInput(f"skip-lot or exemption needs grade A and an agreement clause that allows "
                                   f"skip-lot ({why_en}); give a reason to override", "exemption_reason",
                                   zh=f"跳批或免检需要评价等级 A 且质量协议条款允许跳批（{why_zh}）；"
                                      "如需例外请填写理由", field="exemption_reason")
            basis = (f"allowed by {clause_ref(clause)}" if clause is not None and clause.skip_lot_allowed
                     else f"not covered by {clause_ref(clause)}" if clause is not None
                     else "no agreement clause in force")
            notes_for_trail.append(f"{exemption}: " + (f"override: {reason}; " if not allowed else
                                                       (f"{reason}; " if reason else ""))
                                   + f"{basis}; evaluation grade {grade or '–'} {period or ''}".strip())
            if not reason:
                reason = f"{basis} (grade {grade})"
        if differences:
            notes_for_trail.append(f"setting differs from {clause_ref(clause)}: "
                                   + "; ".join(d.text("en") for d in differences))
        if notes_for_trail:
            trail.set_reason(s, " | ".join(notes_for_trail))
        exemption_reason = reason
        row.level, row.production_steady = level, bool(production_steady)
        row.aql_critical, row.aql_major, row.aql_minor = aqls["aql_critical"], aqls["aql_major"], aqls["aql_minor"]
        row.exemption, row.exemption_reason, row.notes = exemption, exemption_reason, notes
        s.flush()
        if checked is not None:
            for old in s.scalars(select(InspectionItem).where(InspectionItem.setting_id == row.id)):
                s.delete(old)
            s.flush()
            for it in checked:
                s.add(InspectionItem(setting_id=row.id, position=it.position, characteristic=it.characteristic,
                                     defect_class=it.defect_class, kind=it.kind, method=it.method, gauge=it.gauge,
                                     lower_limit=it.lower_limit, upper_limit=it.upper_limit, unit=it.unit))
        return row.id


def _change(session, row: InspectionSetting, to: str, rule: str, reason: str, lot_id: int | None,
            by: str) -> SeverityChange:
    change = SeverityChange(setting_id=row.id, lot_id=lot_id, from_severity=row.severity, to_severity=to, rule=rule,
                            reason=reason, changed_by=by)
    session.add(change)
    # The supplier's own trail shows the change too (who, when, why).
    trail.record(session, "severity", "suppliers", row.supplier_id,
                 {"part_id": row.part_id, "severity": [row.severity, to], "rule": rule}, reason)
    row.severity = to
    return change


@requires("inspection.approve_reduced")
def approve_reduced(db: Database, setting_id: int, approved: bool, *, reason: str = "") -> None:
    """The responsible authority's approval for reduced inspection (clause 9.3.3.1 c). Withdrawn
    while on reduced inspection, the pair returns to normal at once (9.3.4 c)."""
    with db.begin() as s:
        row = s.get(InspectionSetting, setting_id)
        if row is None:
            raise NotFound(f"inspection setting {setting_id} does not exist", zh=f"检验设置 {setting_id} 不存在")
        trail.set_reason(s, reason or ("reduced inspection approved" if approved else "approval withdrawn"))
        row.reduced_approved = bool(approved)
        row.reduced_approved_by = db.actor.name if approved else ""
        row.reduced_approved_at = utcnow() if approved else None
        if not approved and row.severity == sampling.REDUCED:
            rule = "reduced_to_normal_authority"
            _change(s, row, sampling.NORMAL, rule, reason or sampling.RULES[rule][1], None, db.actor.name)
            row.switching_score, row.recent_normal = 0, ""


@requires("inspection.settings")
def resume_inspection(db: Database, setting_id: int, *, reason: str) -> None:
    """After discontinuation (9.4), when the supplier's corrective action is accepted: resume on
    tightened inspection."""
    if not reason.strip():
        raise InvalidInput("resuming inspection needs a reason (the corrective action accepted)", "reason",
                           zh="恢复检验需要说明理由（纠正措施已被认可）", field="reason")
    with db.begin() as s:
        row = s.get(InspectionSetting, setting_id)
        if row is None or row.severity != sampling.DISCONTINUED:
            raise InspectionError("inspection of this supplier and part is not discontinued", "not_discontinued",
                                  zh="该供应商与物料的检验未处于暂停状态")
        state, _event = sampling.resume_inspection(switching.state_of(row))
        last = s.scalar(select(func.max(InspectionLot.id)).where(InspectionLot.supplier_id == row.supplier_id,
                                                                 InspectionLot.part_id == row.part_id))
        _change(s, row, sampling.TIGHTENED, "resumed_tightened", reason.strip(), last, db.actor.name)
        for key, value in switching.state_values(state).items():
            setattr(row, key, value)


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClassPlan:
    defect_class: str
    aql: float
    plan: sampling.SamplingPlan


@dataclass(frozen=True)
class LotPlan:
    setting_id: int
    supplier_id: int
    part_id: int
    lot_size: int
    level: str
    severity: str
    classes: tuple[ClassPlan, ...]
    exemption: str
    items: tuple[ItemSpec, ...]
    action: str = "inspect"  # "inspect", "skip" (skip-lot) or "exempt" (accept on the certificate)
    skip_position: int = 0  # skip: this lot is lot n of k since the last inspected lot
    skip_k: int = 0
    exemption_reason: str = ""

    @property
    def sample_size(self) -> int:
        return max((c.plan.n for c in self.classes), default=0)

    @property
    def uninspected(self) -> bool:
        return self.action in ("skip", "exempt")

    def action_text(self, lang: str = "en") -> str:
        if self.action == "exempt":
            return ("免检——凭供方合格证明接收" if lang == "zh_CN"
                    else "exempt — accept on the supplier's certificate of conformance")
        if self.action == "skip":
            return (f"跳过本批（第 {self.skip_position} 批，共 {self.skip_k} 批）" if lang == "zh_CN"
                    else f"skip this lot ({self.skip_position} of {self.skip_k})")
        return "检验本批" if lang == "zh_CN" else "inspect this lot"

    @property
    def discontinued(self) -> bool:
        return self.severity == sampling.DISCONTINUED


def _plan(row: InspectionSetting, lot_size: int, items=()) -> LotPlan:
    try:
        size = sampling._lot_size(lot_size)
    except sampling.SamplingInputError as exc:
        raise InvalidInput(str(exc), "lot_size", zh="批量须为不小于 2 的整数", field="lot_size") from None
    severity = row.severity
    plans = []
    if severity != sampling.DISCONTINUED:
        for cls in DEFECT_CLASSES:
            aql = getattr(row, switching.CLASS_AQL[cls])
            if aql is not None:
                plans.append(ClassPlan(cls, aql, sampling.plan_for_lot(size, row.level, aql, severity)))
    return LotPlan(row.id, row.supplier_id, row.part_id, size, row.level, severity, tuple(plans), row.exemption,
                   tuple(items), exemption_reason=row.exemption_reason)


# Skip-lot frequency (ISO 2859-3 style, simplified): inspect 1 lot in k. The setting has no column
# for k yet, so every skip-lot pair uses this default.
SKIP_LOT_K = 2


def _lot_action(session, row: InspectionSetting, plan: LotPlan) -> LotPlan:
    """What to do with the next lot of the pair. Exempt: accept on the certificate. Skip-lot
    (only while on normal inspection): lots are counted per supplier x part since the last
    inspected lot (sample_size > 0); with m lots skipped since then, the lot is skipped (m+1 of
    k) while m+1 < k, else inspected. A pair with no inspected lot yet inspects first."""
    if plan.discontinued or row.exemption == "none":
        return plan
    if row.exemption == "exempt":
        return replace(plan, action="exempt")
    if row.severity != sampling.NORMAL:
        return plan
    last = session.scalar(select(func.max(InspectionLot.id)).where(
        InspectionLot.supplier_id == row.supplier_id, InspectionLot.part_id == row.part_id,
        InspectionLot.sample_size > 0))
    if last is None:
        return replace(plan, skip_k=SKIP_LOT_K)
    skipped = session.scalar(select(func.count()).select_from(InspectionLot).where(
        InspectionLot.supplier_id == row.supplier_id, InspectionLot.part_id == row.part_id,
        InspectionLot.id > last)) or 0
    if skipped + 1 < SKIP_LOT_K:
        return replace(plan, action="skip", skip_position=skipped + 1, skip_k=SKIP_LOT_K)
    return replace(plan, skip_k=SKIP_LOT_K)


def plan_for(db: Database, supplier_id: int, part_id: int, lot_size: int) -> LotPlan:
    """The plan per defect class for a lot of this supplier x part under its current severity."""
    with db.read() as s:
        row = _setting(s, supplier_id, part_id)
        if row is None:
            raise NotFound("no inspection setting for this supplier and part; the SQE sets level and AQL first",
                           "no_setting", zh="该供应商与物料尚无检验设置，请先由 SQE 设定检验水平和 AQL")
        return _lot_action(s, row, _plan(row, lot_size, _items(s, row.id)))


# ---------------------------------------------------------------------------------------------
# Recording a lot
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LotInput:
    supplier_id: int
    part_id: int
    lot_number: str
    lot_size: int
    po_number: str = ""
    delivery_note: str = ""
    inspected_on: date | None = None
    defects: dict[str, int] | None = None  # per defect class, when counted directly
    measurements: dict[int, list] | None = None  # item position → one value per sample
    production_steady: bool = True
    notes: str = ""


@dataclass(frozen=True)
class ClassResult:
    defect_class: str
    aql: float
    code_letter: str
    n: int
    ac: int
    re: int
    defects: int
    accepted: bool
    hundred_percent: bool

    def reason(self, lang: str = "en") -> str:
        name = class_name(self.defect_class, lang)
        if lang == "zh_CN":
            verdict = f"{self.defects} ≤ Ac {self.ac}，接收" if self.accepted else f"{self.defects} ≥ Re {self.re}，不接收"
            return f"{name}（AQL {self.aql:g}，字码 {self.code_letter}，n={self.n}）：{verdict}"
        verdict = f"{self.defects} ≤ Ac {self.ac}, accept" if self.accepted else f"{self.defects} ≥ Re {self.re}, reject"
        return f"{name} (AQL {self.aql:g}, letter {self.code_letter}, n={self.n}): {verdict}"


@dataclass(frozen=True)
class LotOutcome:
    lot_id: int
    lot_number: str
    accepted: bool
    classes: tuple[ClassResult, ...]
    severity_before: str
    severity_after: str
    switching_score: int
    event_rule: str | None
    corrective_action_id: int | None
    corrective_action_number: str | None
    event_value: int | None = None
    uninspected_reason_en: str = ""  # skip-lot or exemption: accepted without inspection
    uninspected_reason_zh: str = ""
    skip_lot_ended: bool = False

    @property
    def severity_changed(self) -> bool:
        return self.severity_before != self.severity_after

    def reason(self, lang: str = "en") -> str:
        if self.uninspected_reason_en:
            return self.uninspected_reason_zh if lang == "zh_CN" else self.uninspected_reason_en
        return "；".join(c.reason(lang) for c in self.classes) if lang == "zh_CN" else \
            "; ".join(c.reason(lang) for c in self.classes)

    def event_text(self, lang: str = "en") -> str:
        if not self.event_rule:
            return ""
        event = sampling.SwitchingEvent(0, self.severity_before, self.severity_after, self.event_rule,
                                        self.event_value)
        return event.text(lang)


def _defects_from_measurements(plan: LotPlan, measurements: dict[int, list]) -> tuple[dict[str, int], list]:
    """Nonconforming sample units per class (a unit counts once however many of its
    characteristics of that class fail) and the rows to store."""
    items = {it.position: it for it in plan.items}
    n_by_class = {c.defect_class: c.plan.n for c in plan.classes}
    bad_units: dict[str, set[int]] = {c: set() for c in n_by_class}
    stored = []
    for position, values in measurements.items():
        item = items.get(position)
        if item is None:
            raise InvalidInput(f"no inspection item at position {position}", "bad_item", zh=f"没有第 {position} 项检验项目")
        n = n_by_class.get(item.defect_class)
        if n is None:
            raise InvalidInput(f"{item.characteristic}: class {item.defect_class} has no AQL in the setting",
                               "class_without_aql", zh=f"{item.characteristic}：该缺陷类别未设 AQL")
        values = list(values)[:n] + [None] * max(0, n - len(values))
        bad = 0
        for k, v in enumerate(values):
            ok = item.conforms(v)
            if ok is None:
                raise InvalidInput(f"{item.characteristic}: sample {k + 1} of {n} has no result", "missing_value",
                                   zh=f"{item.characteristic}：第 {k + 1} 个样本（共 {n} 个）未填写结果",
                                   field=item.characteristic)
            if not ok:
                bad += 1
                bad_units[item.defect_class].add(k)
        stored.append((item, values, bad))
    return {c: len(units) for c, units in bad_units.items()}, stored


@requires("inspection.record")
def record_lot(db: Database, lot: LotInput) -> LotOutcome:
    """Record one inspected lot in one transaction: the result per class decided by Ac/Re, the
    lot row the evaluation reads, the switching update (severity change with its rule in the
    history and the supplier's trail) and, when not accepted, a SCAR raised on the supplier."""
    number = (lot.lot_number or "").strip()
    if not number:
        raise InvalidInput("the lot needs a number", "lot_number", zh="批号不能为空", field="lot_number")
    errors = field_errors(InspectionLot, {"lot_number": number, "po_number": lot.po_number,
                                          "delivery_note": lot.delivery_note, "lot_size": lot.lot_size,
                                          "notes": lot.notes})
    if errors:
        raise InvalidInput(errors[0].message, "field", zh=errors[0].message, field=errors[0].field)
    on = lot.inspected_on or date.today()
    with db.begin() as s:
        sup, part = _link(s, lot.supplier_id, lot.part_id)
        row = _setting(s, lot.supplier_id, lot.part_id)
        if row is None:
            raise NotFound("no inspection setting for this supplier and part", "no_setting",
                           zh="该供应商与物料尚无检验设置")
        if row.severity == sampling.DISCONTINUED:
            raise InspectionError("inspection is discontinued for this supplier and part (GB/T 2828.1 9.4): "
                                  "no lots are accepted until the supplier's corrective action is accepted",
                                  "discontinued", zh="该供应商与物料已暂停检验（GB/T 2828.1 9.4），"
                                                     "在供方纠正措施被认可之前不接收任何批")
        if s.scalar(select(InspectionLot.id).where(InspectionLot.supplier_id == lot.supplier_id,
                                                   InspectionLot.lot_number == number)) is not None:
            raise InvalidInput(f"lot {number} of this supplier is already recorded", "duplicate_lot",
                               zh=f"该供应商的批 {number} 已记录", field="lot_number")
        plan = _lot_action(s, row, _plan(row, lot.lot_size, _items(s, row.id)))
        if plan.uninspected:
            return _record_uninspected(s, db, row, plan, lot, number, on, sup.id, part.id)
        stored = []
        if lot.measurements:
            defects, stored = _defects_from_measurements(plan, lot.measurements)
            for cls, count in (lot.defects or {}).items():  # counts typed in beside the grid add up
                if cls in defects:
                    defects[cls] += int(count)
        else:
            defects = dict(lot.defects or {})
        results = []
        for cp in plan.classes:
            d = defects.get(cp.defect_class, 0)
            if isinstance(d, bool) or not isinstance(d, int) or d < 0:
                raise InvalidInput(f"{cp.defect_class} defects must be a whole number ≥ 0", "defects",
                                   zh=f"{class_name(cp.defect_class, 'zh_CN')}缺陷数须为非负整数", field=cp.defect_class)
            if d > cp.plan.n:
                raise InvalidInput(f"{d} {cp.defect_class} nonconforming units in a sample of {cp.plan.n}", "defects",
                                   zh=f"样本量 {cp.plan.n} 中有 {d} 个{class_name(cp.defect_class, 'zh_CN')}不合格品",
                                   field=cp.defect_class)
            p = cp.plan
            results.append(ClassResult(cp.defect_class, cp.aql, p.code_letter, p.n, p.ac, p.re, d, d <= p.ac,
                                       p.hundred_percent))
        accepted = all(r.accepted for r in results)
        before = row.severity
        sample = plan.sample_size
        lot_row = InspectionLot(
            lot_number=number, supplier_id=sup.id, part_id=part.id, inspected_on=on, lot_size=plan.lot_size,
            sample_size=min(sample, plan.lot_size), critical_defects=defects.get("critical", 0),
            major_defects=defects.get("major", 0), minor_defects=defects.get("minor", 0),
            defective_units=min(sum(r.defects for r in results), sample), decision="accepted" if accepted else "rejected",
            severity=before, inspection_level=row.level,
            aql=row.aql_major if row.aql_major is not None else results[0].aql if results else None,
            inspector=db.actor.name, notes=lot.notes, po_number=lot.po_number.strip(),
            delivery_note=lot.delivery_note.strip(), decision_reason="; ".join(r.reason("en") for r in results),
            recorded_at=utcnow())
        s.add(lot_row)
        s.flush()
        for r in results:
            s.add(LotClassResult(lot_id=lot_row.id, defect_class=r.defect_class, aql=r.aql, code_letter=r.code_letter,
                                 sample_size=r.n, ac=r.ac, re=r.re, defects=r.defects, accepted=r.accepted,
                                 hundred_percent=r.hundred_percent))
        for item, values, bad in stored:
            s.add(Measurement(lot_id=lot_row.id, position=item.position, characteristic=item.characteristic,
                              defect_class=item.defect_class, samples=json.dumps(values, ensure_ascii=False),
                              nonconforming=bad))
        # Switching (clause 9): the engine's transition from the stored state.
        ok, ac, tighter = switching.lot_inputs([switching.ClassOutcome(r.code_letter, r.aql, r.ac, r.defects)
                                                for r in results])
        if before != sampling.NORMAL:
            # Score inputs are only kept on normal inspection: the normal plan's Ac is not needed.
            tighter = None if ac < 2 else (tighter if ok else False)
        row.production_steady = bool(lot.production_steady)
        state, event = sampling.next_state(switching.state_of(row), ok, acceptance_number=ac, tighter_accepted=tighter,
                                           production_steady=bool(lot.production_steady),
                                           reduced_approved=bool(row.reduced_approved))
        if event is not None:
            reason = f"{event.clause}: {event.text_en} (lot {number})"
            _change(s, row, event.to_severity, event.rule, reason, lot_row.id, db.actor.name)
        for key, value in switching.state_values(state).items():
            setattr(row, key, value)
        lot_row.switching_score = state.switching_score
        skip_ended = False
        if row.exemption == "skip_lot" and (not accepted or state.severity != sampling.NORMAL):
            skip_ended = True
            why = (f"skip-lot ended: lot {number} rejected" if not accepted else
                   f"skip-lot ended: severity is now {state.severity} (lot {number})")
            s.add(SeverityChange(setting_id=row.id, lot_id=lot_row.id, from_severity=before,
                                 to_severity=state.severity, rule="skip_lot_ended", reason=why,
                                 changed_by=db.actor.name))
            trail.record(s, "skip_lot_ended", "inspection_settings", row.id,
                         {"exemption": ["skip_lot", "none"], "lot_id": lot_row.id}, why)
            trail.record(s, "severity", "suppliers", row.supplier_id,
                         {"part_id": row.part_id, "exemption": ["skip_lot", "none"]}, why)
            row.exemption, row.exemption_reason = "none", why
        car_id = car_number = None
        if not accepted:
            failed = [r for r in results if not r.accepted]
            critical = any(r.defect_class == "critical" for r in failed)
            title = f"来料批 {number} 拒收：{part.code} {part.name_zh or part.name_en}"
            description = "\n".join(
                [f"Incoming lot {number} ({plan.lot_size} pcs, PO {lot.po_number or '–'}, delivery "
                 f"{lot.delivery_note or '–'}) of part {part.code} was rejected on {on.isoformat()} under "
                 f"{severity_name(before)} inspection ({sampling.STANDARD}, level {row.level})."]
                + [r.reason("en") for r in failed] + [r.reason("zh_CN") for r in failed]
                + ([f"Switching: {event.text_en}"] if event else []))
            car_id = corrective.raise_corrective_action(s, sup.id, title=title,
                                                        due_on=on + timedelta(days=7 if critical else 14),
                                                        description=description, issued_on=on, source="inspection")
            lot_row.corrective_action_id = car_id
            car_number = s.get(CorrectiveAction, car_id).number
        return LotOutcome(lot_row.id, number, accepted, tuple(results), before, state.severity,
                          state.switching_score, event.rule if event else None, car_id, car_number,
                          event.value if event else None, skip_lot_ended=skip_ended)


def _granted_by(session, setting_id: int) -> str:
    """Who last set the exemption of a setting, from the audit trail."""
    return session.scalar(select(AuditEntry.username).where(
        AuditEntry.entity == "inspection_settings", AuditEntry.record_id == str(setting_id),
        AuditEntry.changes.like('%"exemption"%')).order_by(AuditEntry.id.desc()).limit(1)) or "?"


def _record_uninspected(s, db: Database, row: InspectionSetting, plan: LotPlan, lot: LotInput, number: str,
                        on: date, supplier_id: int, part_id: int) -> LotOutcome:
    """A lot accepted without inspection (exempt, or skipped under skip-lot): the lot row the
    evaluation reads, with sample size 0 and no class results or measurements. Switching is not
    advanced: clause 9 counts inspected lots only, so the state (severity, score, the 2-of-5
    window) stays as the last inspected lot left it."""
    if lot.measurements or any((lot.defects or {}).values()):
        raise InvalidInput("this lot is not inspected (skip-lot or exemption): no results can be entered",
                           "uninspected_results", zh="本批不检验（跳批或免检），不能录入检验结果")
    who = _granted_by(s, row.id)
    if plan.action == "exempt":
        en = (f"exempt — accepted on the supplier's certificate of conformance; exemption granted by {who}"
              + (f" ({row.exemption_reason})" if row.exemption_reason else ""))
        zh = (f"免检——凭供方合格证明接收；免检由 {who} 批准"
              + (f"（{row.exemption_reason}）" if row.exemption_reason else ""))
    else:
        en = (f"skip-lot — lot {plan.skip_position} of {plan.skip_k} skipped, accepted without inspection; "
              f"skip-lot granted by {who}" + (f" ({row.exemption_reason})" if row.exemption_reason else ""))
        zh = (f"跳批——第 {plan.skip_position} 批（共 {plan.skip_k} 批）跳过检验，直接接收；跳批由 {who} 批准"
              + (f"（{row.exemption_reason}）" if row.exemption_reason else ""))
    lot_row = InspectionLot(
        lot_number=number, supplier_id=supplier_id, part_id=part_id, inspected_on=on, lot_size=plan.lot_size,
        sample_size=0, critical_defects=0, major_defects=0, minor_defects=0, defective_units=0,
        decision="accepted", severity=row.severity, inspection_level=row.level, aql=row.aql_major,
        inspector=db.actor.name, notes=lot.notes, po_number=lot.po_number.strip(),
        delivery_note=lot.delivery_note.strip(), decision_reason=en, switching_score=row.switching_score,
        recorded_at=utcnow())
    s.add(lot_row)
    s.flush()
    return LotOutcome(lot_row.id, number, True, (), row.severity, row.severity, row.switching_score, None, None,
                      None, uninspected_reason_en=en, uninspected_reason_zh=zh)


# ---------------------------------------------------------------------------------------------
# Dispositions (rejected lots)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DispositionLine:
    kind: str
    quantity: int
    performed_by: str = ""  # sort/rework: supplier, internal, third_party
    cost_bearer: str = ""  # sort/rework: supplier or company
    notes: str = ""


def _concession_content(session, record_id: str) -> dict:
    lot = session.get(InspectionLot, int(record_id))
    if lot is None:
        return {}
    lines = session.execute(select(Disposition.kind, Disposition.quantity, Disposition.performed_by,
                                   Disposition.cost_bearer, Disposition.notes)
                            .where(Disposition.lot_id == lot.id).order_by(Disposition.id)).all()
    return {"lot_number": lot.lot_number, "supplier_id": lot.supplier_id, "part_id": lot.part_id,
            "lot_size": lot.lot_size, "decision": lot.decision, "decision_reason": lot.decision_reason,
            "dispositions": [list(r) for r in lines]}


CONCESSION = signatures.register(Signable("inspection.concession", "inspection_lots", "让步接收（来料批）",
                                          "Concession on an incoming lot", "approved", _concession_content))


def _check_lines(lot: InspectionLot, lines: list[DispositionLine]) -> None:
    if not lines:
        raise InvalidInput("the disposition needs at least one line", "no_lines", zh="处置至少需要一行")
    for i, line in enumerate(lines, 1):
        if line.kind not in DISPOSITION_KINDS:
            raise InvalidInput(f"line {i}: unknown disposition {line.kind!r}", "kind", zh=f"第 {i} 行：处置方式无效",
                               field="kind")
        if isinstance(line.quantity, bool) or not isinstance(line.quantity, int) or line.quantity <= 0:
            raise InvalidInput(f"line {i}: the quantity must be a whole number > 0", "quantity",
                               zh=f"第 {i} 行：数量须为正整数", field="quantity")
        if line.kind in ("sort", "rework"):
            if line.performed_by not in PERFORMERS:
                raise InvalidInput(f"line {i}: say who sorts or reworks (supplier, internal, third party)",
                                   "performed_by", zh=f"第 {i} 行：请注明由谁挑选/返工（供方、本公司、第三方）",
                                   field="performed_by")
            if line.cost_bearer not in COST_BEARERS:
                raise InvalidInput(f"line {i}: say who bears the cost (supplier or company)", "cost_bearer",
                                   zh=f"第 {i} 行：请注明费用由谁承担（供方或本公司）", field="cost_bearer")
        if line.kind == "concession" and not line.notes.strip():
            raise InvalidInput(f"line {i}: a concession needs its reason and conditions of use", "concession_reason",
                               zh=f"第 {i} 行：让步接收需说明理由与使用条件", field="notes")
    total = sum(line.quantity for line in lines)
    if total != lot.lot_size:
        raise InvalidInput(f"the quantities add up to {total}, the lot holds {lot.lot_size}", "quantities",
                           zh=f"各处置数量合计 {total}，与批量 {lot.lot_size} 不符", field="quantity")


def record_disposition(db: Database, lot_id: int, lines: list[DispositionLine], *,
                       signature: SignatureRequest | None = None) -> None:
    """The disposition of a rejected lot; the quantities add up to the lot size. A concession
    needs a quality manager (``inspection.concession``) and, when required, an e-signature."""
    require(db, "inspection.record")
    concession = any(line.kind == "concession" for line in lines)
    if concession:
        require(db, "inspection.concession")
    with db.read() as s:
        lot = s.get(InspectionLot, lot_id)
        if lot is None:
            raise NotFound(f"lot {lot_id} does not exist", zh=f"批 {lot_id} 不存在")
        if lot.decision != "rejected":
            raise InspectionError(f"lot {lot.lot_number} was accepted; only rejected lots get a disposition",
                                  "not_rejected", zh=f"批 {lot.lot_number} 已接收，只有拒收批需要处置")
        _check_lines(lot, lines)
    signer = signatures.authenticate(db, CONCESSION.action, signature) if concession else None
    with db.begin() as s:
        lot = s.get(InspectionLot, lot_id)
        if s.scalar(select(func.count()).select_from(Disposition).where(Disposition.lot_id == lot_id)):
            raise InspectionError(f"lot {lot.lot_number} already has its disposition", "disposed",
                                  zh=f"批 {lot.lot_number} 已处置")
        if concession:
            trail.set_reason(s, "; ".join(line.notes for line in lines if line.kind == "concession"))
        for line in lines:
            s.add(Disposition(lot_id=lot_id, kind=line.kind, quantity=line.quantity,
                              performed_by=line.performed_by if line.kind in ("sort", "rework") else "",
                              cost_bearer=line.cost_bearer if line.kind in ("sort", "rework") else "",
                              notes=line.notes.strip(), recorded_by=db.actor.name,
                              approved_by=db.actor.name if line.kind == "concession" else ""))
        main = max(lines, key=lambda line: line.quantity)
        lot.disposition = main.kind
        if signer is not None:
            signatures.sign(s, signer, lot_id)


# ---------------------------------------------------------------------------------------------
# Lists and history
# ---------------------------------------------------------------------------------------------

LIST_KINDS = ("today", "awaiting", "concession", "all")


@dataclass(frozen=True)
class LotRow:
    id: int
    lot_number: str
    inspected_on: date
    supplier_id: int
    supplier_code: str
    supplier_name: str
    part_id: int | None
    part_code: str
    lot_size: int
    sample_size: int
    severity: str
    decision: str
    disposition: str | None
    inspector: str
    corrective_action_id: int | None


def _list_filter(kind: str, today: date):
    lots = InspectionLot.__table__
    if kind == "today":
        return lots.c.inspected_on == today
    if kind == "awaiting":
        return and_(lots.c.decision == "rejected", lots.c.disposition.is_(None))
    if kind == "concession":
        d = Disposition.__table__
        return or_(lots.c.disposition == "concession",
                   exists(select(d.c.id).where(d.c.lot_id == lots.c.id, d.c.kind == "concession")))
    if kind == "all":
        return None
    raise InvalidInput(f"unknown list {kind!r}; use one of {', '.join(LIST_KINDS)}", "list")


def list_lots(db: Database, kind: str = "today", *, limit: int = 200, offset: int = 0, today: date | None = None,
              supplier_id: int | None = None, part_id: int | None = None) -> list[LotRow]:
    """One page of lots, newest first (the view fetches more pages as it scrolls)."""
    lots, sup, part = InspectionLot.__table__, Supplier.__table__, Part.__table__
    where = _list_filter(kind, today or date.today())
    stmt = (select(lots.c.id, lots.c.lot_number, lots.c.inspected_on, lots.c.supplier_id, sup.c.code,
                   func.coalesce(func.nullif(sup.c.name_zh, ""), sup.c.name_en), lots.c.part_id,
                   func.coalesce(part.c.code, ""), lots.c.lot_size, lots.c.sample_size, lots.c.severity,
                   lots.c.decision, lots.c.disposition, lots.c.inspector, lots.c.corrective_action_id)
            .join(sup, sup.c.id == lots.c.supplier_id).outerjoin(part, part.c.id == lots.c.part_id))
    if where is not None:
        stmt = stmt.where(where)
    if supplier_id is not None:
        stmt = stmt.where(lots.c.supplier_id == supplier_id)
    if part_id is not None:
        stmt = stmt.where(lots.c.part_id == part_id)
    stmt = stmt.order_by(lots.c.inspected_on.desc(), lots.c.id.desc()).limit(limit).offset(offset)
    with db.read() as s:
        return [LotRow(*r) for r in s.execute(stmt)]


def count_lots(db: Database, kind: str, *, today: date | None = None) -> int:
    lots = InspectionLot.__table__
    where = _list_filter(kind, today or date.today())
    stmt = select(func.count()).select_from(lots)
    if where is not None:
        stmt = stmt.where(where)
    with db.read() as s:
        return int(s.scalar(stmt) or 0)


@dataclass(frozen=True)
class SeverityChangeRow:
    changed_at: datetime
    lot_number: str | None
    from_severity: str
    to_severity: str
    rule: str
    reason: str
    changed_by: str


@dataclass(frozen=True)
class PairHistory:
    setting: SettingView
    lot_ids: list[int]
    lot_numbers: list[str]
    dates: list[date]
    severities: list[str]
    scores: list[int | None]
    accepted: list[bool]
    changes: list[SeverityChangeRow] = field(default_factory=list)


def pair_history(db: Database, supplier_id: int, part_id: int, *, limit: int = 500) -> PairHistory:
    """The last ``limit`` lots of a pair (severity each was inspected under, score after it) and
    every severity change with its reason."""
    lots = InspectionLot.__table__
    clause = clause_in_force(db, supplier_id, part_id)
    with db.read() as s:
        row = _setting(s, supplier_id, part_id)
        if row is None:
            raise NotFound("no inspection setting for this supplier and part", "no_setting", zh="该供应商与物料尚无检验设置")
        view = _view(s, row, clause)
        rows = list(s.execute(select(lots.c.id, lots.c.lot_number, lots.c.inspected_on, lots.c.severity,
                                     lots.c.switching_score, lots.c.decision)
                              .where(lots.c.supplier_id == supplier_id, lots.c.part_id == part_id)
                              .order_by(lots.c.inspected_on.desc(), lots.c.id.desc()).limit(limit)))[::-1]
        changes = [SeverityChangeRow(c.changed_at, number, c.from_severity, c.to_severity, c.rule, c.reason,
                                     c.changed_by)
                   for c, number in s.execute(select(SeverityChange, InspectionLot.lot_number)
                                              .outerjoin(InspectionLot, InspectionLot.id == SeverityChange.lot_id)
                                              .where(SeverityChange.setting_id == row.id)
                                              .order_by(SeverityChange.changed_at, SeverityChange.id))]
    return PairHistory(view, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                       [r[3] for r in rows], [r[4] for r in rows], [r[5] == "accepted" for r in rows], changes)


@dataclass(frozen=True)
class LotDetail:
    lot: LotRow
    part_name: str
    po_number: str
    delivery_note: str
    level: str | None
    decision_reason: str
    notes: str
    classes: tuple[ClassResult, ...]
    measurements: tuple[tuple[ItemSpec | None, str, str, list, int], ...]  # item, characteristic, class, values, bad
    dispositions: tuple[tuple[str, int, str, str, str, str, str], ...]  # kind, qty, by, cost, notes, recorded, approved
    corrective_action_number: str | None
    signatures: tuple = ()


def lot_detail(db: Database, lot_id: int) -> LotDetail:
    with db.read() as s:
        lot = s.get(InspectionLot, lot_id)
        if lot is None:
            raise NotFound(f"lot {lot_id} does not exist", zh=f"批 {lot_id} 不存在")
        sup = s.get(Supplier, lot.supplier_id)
        part = s.get(Part, lot.part_id) if lot.part_id else None
        row = LotRow(lot.id, lot.lot_number, lot.inspected_on, sup.id, sup.code, sup.name_zh or sup.name_en,
                     lot.part_id, part.code if part else "", lot.lot_size, lot.sample_size, lot.severity, lot.decision,
                     lot.disposition, lot.inspector, lot.corrective_action_id)
        classes = tuple(ClassResult(c.defect_class, c.aql, c.code_letter, c.sample_size, c.ac, c.re, c.defects,
                                    c.accepted, c.hundred_percent)
                        for c in sorted(s.scalars(select(LotClassResult).where(LotClassResult.lot_id == lot_id)),
                                        key=lambda c: DEFECT_CLASSES.index(c.defect_class)))
        setting = _setting(s, lot.supplier_id, lot.part_id) if lot.part_id else None
        items = {it.position: it for it in (_items(s, setting.id) if setting else ())}
        measurements = tuple((items.get(m.position), m.characteristic, m.defect_class, json.loads(m.samples),
                              m.nonconforming)
                             for m in s.scalars(select(Measurement).where(Measurement.lot_id == lot_id)
                                                .order_by(Measurement.position)))
        dispositions = tuple((d.kind, d.quantity, d.performed_by, d.cost_bearer, d.notes, d.recorded_by, d.approved_by)
                             for d in s.scalars(select(Disposition).where(Disposition.lot_id == lot_id)
                                                .order_by(Disposition.id)))
        number = s.get(CorrectiveAction, lot.corrective_action_id).number if lot.corrective_action_id else None
        sigs = tuple(signatures.signature_states_in(s, "inspection_lots", lot_id))
        return LotDetail(row, (part.name_zh or part.name_en) if part else "", lot.po_number, lot.delivery_note,
                         lot.inspection_level, lot.decision_reason, lot.notes, classes, measurements, dispositions,
                         number, sigs)


@dataclass(frozen=True)
class PairRow:
    setting_id: int
    supplier_id: int
    supplier_code: str
    supplier_name: str
    part_id: int
    part_code: str
    part_name: str
    level: str
    aql_major: float | None
    severity: str
    switching_score: int
    exemption: str


def list_settings(db: Database, *, supplier_id: int | None = None, limit: int = 5000) -> list[PairRow]:
    t, sup, part = InspectionSetting.__table__, Supplier.__table__, Part.__table__
    stmt = (select(t.c.id, t.c.supplier_id, sup.c.code, func.coalesce(func.nullif(sup.c.name_zh, ""), sup.c.name_en),
                   t.c.part_id, part.c.code, func.coalesce(func.nullif(part.c.name_zh, ""), part.c.name_en), t.c.level,
                   t.c.aql_major, t.c.severity, t.c.switching_score, t.c.exemption)
            .join(sup, sup.c.id == t.c.supplier_id).join(part, part.c.id == t.c.part_id)
            .order_by(sup.c.code, part.c.code).limit(limit))
    if supplier_id is not None:
        stmt = stmt.where(t.c.supplier_id == supplier_id)
    with db.read() as s:
        return [PairRow(*r) for r in s.execute(stmt)]


def find_pair(db: Database, supplier_code: str, part_code: str) -> tuple[int, int]:
    with db.read() as s:
        sid = s.scalar(select(Supplier.id).where(Supplier.code == supplier_code.strip()))
        pid = s.scalar(select(Part.id).where(Part.code == part_code.strip()))
    if sid is None:
        raise NotFound(f"unknown supplier {supplier_code!r}", zh=f"未知供应商 {supplier_code}")
    if pid is None:
        raise NotFound(f"unknown part {part_code!r}", zh=f"未知物料 {part_code}")
    return sid, pid


@requires("inspection.settings")
def recompute_switching(db: Database) -> dict[str, int]:
    """Replay the switching state of every supplier x part from its lot history (one bulk entry)."""
    with db.begin() as s:
        with trail.bulk(s, "recompute", "inspection_settings") as b:
            counts = switching.recompute_all(s)
            b.count("inspection_settings", counts["changed"])
        return counts

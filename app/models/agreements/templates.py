"""Agreement templates: the bilingual default template (clauses in every content area of
domain.md §2.5), template editing with the clause grid, and xlsx import (the export writer is
app/reports/agreement_template.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.engines import agreements as eng
from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.agreements.errors import NotFoundError, ValidationError
from app.models.agreements.service import (
    Clause, _store_clauses, area_order_of, checked_area_order, clause_rows, validate_clauses,
)
from app.models.agreements.tables import AgreementClause, AgreementTemplate
from app.models.core.database import Database
from app.models.core.validation import field_errors

DEFAULT_NAME = "标准质量保证协议 / Standard quality assurance agreement"

# (area, party, documents, aql, level, Chinese, English[, target: indicator, comparator, threshold, period,
#  rule kind, amount, escalate after])
DEFAULT_CLAUSES: tuple[tuple, ...] = (
    (1, "supplier", "GB/T 19001-2016; IATF 16949", "", "",
     "供方应建立、实施并保持符合 GB/T 19001 的质量管理体系，并在本协议有效期内保持认证有效；认证证书变更、暂停或撤销时，应在 5 个工作日内书面通知采购方。",
     "The supplier shall establish, implement and maintain a quality management system conforming to GB/T 19001 "
     "and keep its certification valid for the term of this agreement; any change, suspension or withdrawal of the "
     "certificate shall be notified to the purchaser in writing within 5 working days."),
    (1, "supplier", "", "", "",
     "供方应指定一名质量代表，作为与采购方质量事务的唯一联络人，其变更应提前书面通知。",
     "The supplier shall appoint a quality representative as the single contact for quality matters with the "
     "purchaser; a change of representative shall be notified in writing in advance."),
    (1, "purchaser", "图纸、产品标准、技术规范", "", "",
     "采购方应向供方提供现行有效的图纸、产品标准、技术规范和样件，以及适用的法律法规和强制性标准；文件更改时应及时通知供方。",
     "The purchaser shall provide the supplier with the current drawings, product standards, specifications and "
     "samples, and with the applicable laws and mandatory standards; changes shall be communicated without delay."),
    (2, "both", "供方审核检查表", "", "",
     "采购方有权在提前 5 个工作日通知后，对供方及其分包方的质量管理体系、过程和产品进行审核；供方应提供必要的便利和记录。",
     "The purchaser may audit the quality management system, processes and products of the supplier and its "
     "sub-suppliers after 5 working days' notice; the supplier shall give access and provide the necessary records."),
    (2, "supplier", "", "", "",
     "审核发现的不符合项，供方应在 10 个工作日内提交纠正措施计划，并按期完成和验证。",
     "For nonconformities found in an audit the supplier shall submit a corrective action plan within 10 working "
     "days and complete and verify it by the agreed dates."),
    (2, "supplier", "", "", "",
     "供方的关键工艺、生产场地、主要设备或分包方发生变更前，应书面通知采购方并获得批准。",
     "Before changing key processes, production site, main equipment or sub-suppliers, the supplier shall notify "
     "the purchaser in writing and obtain approval."),
    (3, "purchaser", "GB/T 2828.1-2012", "1.0", "II",
     "采购方按 GB/T 2828.1 对每批来料进行验收检验：一般检验水平 II，正常检验一次抽样方案，主要缺陷 AQL 1.0；并按标准规定在正常、加严和放宽检验之间转移。",
     "The purchaser inspects every incoming lot per GB/T 2828.1: general inspection level II, single sampling "
     "under normal inspection, AQL 1.0 for major defects; switching between normal, tightened and reduced "
     "inspection follows the standard."),
    (3, "purchaser", "GB/T 2828.1-2012", "0.65", "II",
     "安全件及关键特性按 AQL 0.65 检验；致命缺陷不接收（Ac = 0）。",
     "Safety parts and critical characteristics are inspected at AQL 0.65; critical defects are not accepted "
     "(Ac = 0)."),
    (3, "supplier", "出厂检验报告", "", "",
     "每批交货应附出厂检验报告和材质证明；连续 10 批合格且无质量问题的物料，经采购方批准可实施免检（跳批）。",
     "Every delivery shall come with the outgoing inspection report and material certificate; an item with 10 "
     "consecutive accepted lots and no quality problems may be granted skip-lot inspection by the purchaser."),
    (4, "both", "不合格品控制程序", "", "",
     "验收不合格的批次，采购方可选择退货、由供方返工或挑选、让步接收或报废；处置结果书面通知供方。",
     "A rejected lot may, at the purchaser's choice, be returned, reworked or sorted by the supplier, accepted "
     "by concession or scrapped; the disposition is notified to the supplier in writing."),
    (4, "supplier", "8D 报告", "", "",
     "供方应在收到不合格通知后 24 小时内采取围堵措施，并在 7 个工作日内提交 8D 报告。",
     "The supplier shall contain the problem within 24 hours of the nonconformance notice and submit an 8D report "
     "within 7 working days."),
    (4, "supplier", "", "", "",
     "因紧急生产需要由采购方代为挑选或返工时，所发生的挑选费用由供方承担。",
     "Where the purchaser sorts or reworks on the supplier's behalf because production cannot wait, the sorting "
     "cost is borne by the supplier."),
    (5, "supplier", "控制计划; PFMEA", "", "",
     "供方应对影响产品质量的过程编制控制计划和过程 FMEA，并对关键特性实施统计过程控制（Cpk ≥ 1.33）。",
     "The supplier shall maintain a control plan and process FMEA for the processes affecting product quality and "
     "apply statistical process control to critical characteristics (Cpk ≥ 1.33)."),
    (5, "supplier", "", "", "",
     "监视和测量设备应按规定周期校准并保持可追溯；产品应按批次标识，可追溯至原材料和生产记录。",
     "Monitoring and measuring equipment shall be calibrated at the defined intervals and traceable; products "
     "shall be identified by lot and traceable to raw materials and production records."),
    (5, "supplier", "质量记录控制程序", "", "",
     "质量记录至少保存 3 年，采购方要求时应在 2 个工作日内提供。",
     "Quality records shall be kept for at least 3 years and provided within 2 working days on the purchaser's "
     "request."),
    (6, "supplier", "", "", "",
     "供方对其提供的产品质量负责；采购方的验收检验不免除供方的质量责任。",
     "The supplier is responsible for the quality of the products it delivers; the purchaser's acceptance "
     "inspection does not release the supplier from this responsibility."),
    (6, "both", "", "", "",
     "产品质量保证期为交货后 24 个月；保证期内因供方原因造成的损失（含返工、停线和顾客索赔）由供方承担。",
     "The warranty period is 24 months from delivery; losses caused by the supplier within it (including rework, "
     "line stoppage and customer claims) are borne by the supplier."),
    (6, "purchaser", "", "", "",
     "因采购方提供的图纸或规范错误、或使用、储存不当造成的质量问题，由采购方负责。",
     "Quality problems caused by errors in the purchaser's drawings or specifications, or by improper use or "
     "storage at the purchaser, are the purchaser's responsibility."),
    (7, "supplier", "供应商业绩评定办法", "", "",
     "月度批次合格率不低于 98%；每发生一次未达标，供方支付违约金 2,000 元；一年内累计 3 次未达标，采购方将进行再审核。",
     "The monthly lot pass rate shall be at least 98 %; for each month below target the supplier pays a penalty "
     "of CNY 2,000; after 3 breaches within a year the purchaser re-audits the supplier.",
     ("lot_pass_rate", ">=", 98.0, "month", "fixed", 2000.0, 3)),
    (7, "supplier", "供应商业绩评定办法", "", "",
     "月度 PPM 不高于 500；超出部分每 1 PPM 扣款 2 元。",
     "The monthly PPM shall not exceed 500; each PPM above the target is debited at CNY 2.",
     ("ppm", "<=", 500.0, "month", "per_ppm", 2.0, 0)),
    (7, "supplier", "", "", "",
     "月度供货及时率不低于 95%；未达标月份的拒收批次按每批 350 元扣除挑选费用。",
     "The monthly on-time delivery rate shall be at least 95 %; in a month below target the sorting cost of CNY "
     "350 per rejected lot is debited.",
     ("on_time_delivery", ">=", 95.0, "month", "sorting", 350.0, 0)),
    (7, "supplier", "", "", "",
     "季度 SCAR 按期答复率不低于 90%。",
     "At least 90 % of corrective action requests (SCAR) shall be answered by their due date each quarter.",
     ("service", ">=", 90.0, "quarter", "none", 0.0, 0)),
    (8, "both", "", "", "",
     "因本协议产生的争议，双方应首先友好协商解决；协商不成时，可提请双方认可的第三方检测机构检验，检验结果作为判定依据。",
     "Disputes arising from this agreement shall first be settled by friendly negotiation; failing that, a "
     "third-party laboratory accepted by both parties may test the product and its result is decisive."),
    (8, "both", "", "", "",
     "仍无法解决的，提交采购方所在地有管辖权的人民法院诉讼解决。本协议一式两份，双方各执一份，具有同等效力。",
     "Disputes not so resolved are submitted to the competent people's court at the purchaser's seat. This "
     "agreement is made in two copies, one for each party, with equal force."),
)


def default_clauses() -> list[Clause]:
    out = []
    for row in DEFAULT_CLAUSES:
        area, party, docs, aql, level, zh, en = row[:7]
        kw = {}
        if len(row) > 7:
            ind, cmp_, thr, period, kind, amount, esc = row[7]
            kw = dict(indicator=ind, comparator=cmp_, threshold=thr, period=period, rule_kind=kind,
                      rule_amount=amount, escalate_after=esc)
        out.append(Clause(area=area, party=party, documents=docs, aql=aql, level=level, text_zh=zh, text_en=en,
                          skip_lot_allowed=(area == 3 and aql == "1.0"), **kw))
    return out


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    description: str
    is_default: bool
    clauses: int


def default_template_id(session) -> int:
    """The default template (created with its clauses the first time it is needed)."""
    tid = session.scalar(select(AgreementTemplate.id).where(AgreementTemplate.is_default.is_(True))
                         .order_by(AgreementTemplate.id).limit(1))
    if tid is not None:
        return tid
    t = AgreementTemplate(name=DEFAULT_NAME, is_default=True,
                          description="按 GB/T 19001 与 GB/T 2828.1 编写的默认模板 / Default template after GB/T 19001 and GB/T 2828.1")
    session.add(t)
    session.flush()
    _store_clauses(session, default_clauses(), template_id=t.id)
    return t.id


def list_templates(db: Database) -> list[TemplateRow]:
    with db.begin() as s:
        default_template_id(s)
        counts = dict(s.execute(select(AgreementClause.template_id, func.count())
                                .where(AgreementClause.template_id.is_not(None))
                                .group_by(AgreementClause.template_id)).all())
        return [TemplateRow(t.id, t.name, t.description, t.is_default, int(counts.get(t.id, 0)))
                for t in s.scalars(select(AgreementTemplate).order_by(AgreementTemplate.is_default.desc(),
                                                                      AgreementTemplate.name))]


def template_clauses(db: Database, template_id: int) -> list[Clause]:
    with db.read() as s:
        if s.get(AgreementTemplate, template_id) is None:
            raise NotFoundError(f"template {template_id} does not exist")
        return clause_rows(s, template_id=template_id)


def template_area_order(db: Database, template_id: int) -> tuple[int, ...]:
    with db.read() as s:
        _template(s, template_id)
        return area_order_of(s, template_id=template_id)


def _template(session, template_id: int) -> AgreementTemplate:
    t = session.get(AgreementTemplate, template_id)
    if t is None:
        raise NotFoundError(f"template {template_id} does not exist")
    return t


@requires("agreements.templates")
def create_template(db: Database, name: str, *, description: str = "", based_on: int | None = None,
                    clauses: Sequence[Clause] | None = None, area_order: Sequence[int] | None = None) -> int:
    name = name.strip()
    if not name:
        raise ValidationError("the template needs a name", "name_required")
    problems = [p.message for p in field_errors(AgreementTemplate, {"name": name, "description": description})]
    if clauses is not None:
        problems += validate_clauses(clauses)
    if problems:
        raise ValidationError("; ".join(problems[:5]))
    with db.begin() as s:
        if s.scalar(select(AgreementTemplate.id).where(AgreementTemplate.name == name)) is not None:
            raise ValidationError(f"a template named {name!r} already exists", "duplicate")
        base_id = based_on if based_on is not None else default_template_id(s)
        source = list(clauses) if clauses is not None else clause_rows(s, template_id=base_id)
        order = checked_area_order(area_order) or (area_order_of(s, template_id=base_id) if clauses is None
                                                   else eng.DEFAULT_AREA_ORDER)
        t = AgreementTemplate(name=name, description=description, area_order=eng.format_area_order(order))
        s.add(t)
        s.flush()
        _store_clauses(s, [Clause(**{**c.__dict__, "key": "", "id": None}) for c in source], template_id=t.id)
        return t.id


@requires("agreements.templates")
def save_template_clauses(db: Database, template_id: int, clauses: Sequence[Clause],
                          area_order: Sequence[int] | None = None) -> list[Clause]:
    problems = validate_clauses(clauses)
    if problems:
        raise ValidationError("; ".join(problems[:5]))
    order = checked_area_order(area_order)
    with db.begin() as s:
        t = _template(s, template_id)
        if order is not None and eng.parse_area_order(t.area_order) != order:
            t.area_order = eng.format_area_order(order)
        _store_clauses(s, clauses, template_id=template_id)
        return clause_rows(s, template_id=template_id)


# ------------------------------------------------------------------------------ xlsx exchange
#: Columns of the template workbook (export and import use the same). ``area_position`` is the
#: area's section number in the template (its place in the area order), so an order where an
#: area without clauses was moved comes back too; a workbook without it takes the row order.
XLSX_COLUMNS = ("area", "text_zh", "text_en", "party", "documents", "aql", "level", "skip_lot_allowed",
                "indicator", "comparator", "threshold", "period", "rule_kind", "rule_amount", "escalate_after",
                "area_position")


def clause_cells(c: Clause, order: Sequence[int] = eng.DEFAULT_AREA_ORDER) -> list[object]:
    return [c.area, c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level, "yes" if c.skip_lot_allowed else "",
            c.indicator or "", c.comparator, "" if c.threshold is None else c.threshold, c.period if c.indicator else "",
            c.rule_kind if c.indicator else "", c.rule_amount if c.indicator else "",
            c.escalate_after if c.indicator else "", eng.area_ranks(order)[c.area]]


def _positions_order(positions: dict[int, tuple[int, int]], problems: list[str]) -> tuple[int, ...] | None:
    """The area order from ``area_position`` cells (area → (row, section)); the areas without a
    cell fill the free places in 1..8 order. None when there were none; problems name the row."""
    if not positions:
        return None
    by_place: dict[int, int] = {}
    for area, (row, place) in positions.items():
        if not 1 <= place <= eng.AREA_COUNT:
            problems.append(f"row {row}: area_position must be 1–{eng.AREA_COUNT}")
        elif by_place.setdefault(place, area) != area:
            problems.append(f"row {row}: area_position {place} is already taken by area {by_place[place]}")
    if problems:
        return None
    rest = iter(a for a in eng.DEFAULT_AREA_ORDER if a not in by_place.values())
    return tuple(by_place[p] if p in by_place else next(rest) for p in range(1, eng.AREA_COUNT + 1))


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def parse_template_xlsx(path: str | Path) -> list[Clause]:
    """The clauses of a template workbook (first sheet, header row = ``XLSX_COLUMNS``); every bad
    row is reported (row number and column) and nothing is taken when one is bad."""
    return parse_template_workbook(path)[0]


def parse_template_workbook(path: str | Path) -> tuple[list[Clause], tuple[int, ...]]:
    """The clauses of a template workbook and its area order: from ``area_position`` when the
    workbook has it, else the order in which the areas first appear."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise ValidationError(f"cannot read the workbook {path.name} ({exc})", "bad_file") from exc
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()
    if not rows:
        raise ValidationError(f"{path.name} is empty", "empty")
    header = [_text(h) for h in rows[0]]
    missing = [c for c in ("area", "text_zh", "text_en") if c not in header]
    if missing:
        raise ValidationError(f"{path.name}: missing column(s) {', '.join(missing)}", "columns")
    pos = {name: header.index(name) for name in XLSX_COLUMNS if name in header}
    out: list[Clause] = []
    problems: list[str] = []
    positions: dict[int, tuple[int, int]] = {}
    for n, row in enumerate(rows[1:], start=2):
        cell = {k: _text(row[i]) if i < len(row) else "" for k, i in pos.items()}
        if not any(cell.values()):
            continue
        try:
            area = int(float(cell["area"]))
            ind = cell.get("indicator") or None
            c = Clause(area=area, text_zh=cell.get("text_zh", ""), text_en=cell.get("text_en", ""),
                       party=cell.get("party") or "both", documents=cell.get("documents", ""),
                       aql=cell.get("aql", ""), level=cell.get("level", ""),
                       skip_lot_allowed=cell.get("skip_lot_allowed", "").lower() in ("yes", "true", "1", "是"),
                       indicator=ind, comparator=cell.get("comparator", "") if ind else "",
                       threshold=float(cell["threshold"]) if ind and cell.get("threshold") else None,
                       period=cell.get("period") or "month", rule_kind=cell.get("rule_kind") or "none",
                       rule_amount=float(cell.get("rule_amount") or 0), escalate_after=int(float(cell.get("escalate_after") or 0)))
        except ValueError as exc:
            problems.append(f"row {n}: {exc}")
            continue
        found = validate_clauses([c])
        problems.extend(p.replace("row 1", f"row {n}", 1) for p in found)
        if not found and cell.get("area_position"):
            try:
                place = int(float(cell["area_position"]))
            except ValueError:
                problems.append(f"row {n}: area_position must be a whole number")
            else:
                if positions.setdefault(c.area, (n, place))[1] != place:
                    problems.append(f"row {n}: area_position {place} differs from row {positions[c.area][0]} "
                                    f"for area {c.area}")
        out.append(c)
    order = _positions_order(positions, problems)
    if problems:
        raise ValidationError(f"{len(problems)} problem(s), nothing imported: " + "; ".join(problems[:5]), "rows")
    if not out:
        raise ValidationError(f"{path.name} has no clauses", "empty")
    return out, order if order is not None else eng.area_order_from([c.area for c in out])


@requires("agreements.templates")
def import_template(db: Database, path: str | Path, name: str) -> int:
    """A new template from a workbook (all rows or nothing)."""
    clauses, order = parse_template_workbook(path)
    tid = create_template(db, name, description=f"imported from {Path(path).name}", clauses=clauses,
                          area_order=order)
    with db.begin() as s:
        trail.record(s, "import", "agreement_templates", tid, {"file": Path(path).name, "clauses": len(clauses)})
    return tid


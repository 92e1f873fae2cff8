"""Quality agreement services: agreements per supplier, versions and their life cycle, clauses,
signing, "which version was in force on date X", the version diff, and the inspection clauses the
incoming-inspection domain reads.

Life cycle (stored ``state``): ``draft`` → ``review`` → ``signed``. What a signed version *is*
on a day follows from its dates (``display_state``): ``signed`` before its effective date,
``in_force`` from it, ``superseded`` once a later signed version of the same agreement is in
force, ``expired`` after its expiry date. Only drafts are edited; a signed version is frozen by
these services (a change is a new version, which starts as a copy of the version in force).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy import func, select

from app.engines import agreements as eng
from app.models.admin import signatures, trail
from app.models.admin.permissions import requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.agreements.errors import FrozenError, NotFoundError, ValidationError
from app.models.agreements.tables import (
    AGREEMENT_PARTS, Agreement, AgreementClause, AgreementTemplate, AgreementVersion,
)
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.suppliers.tables import Part, Supplier

DISPLAY_STATES = ("draft", "review", "signed", "in_force", "superseded", "expired")
STATE_LABELS = {
    "draft": ("草稿", "Draft"),
    "review": ("审核中", "Under review"),
    "signed": ("已签署（未生效）", "Signed (not yet effective)"),
    "in_force": ("生效中", "In force"),
    "superseded": ("已被取代", "Superseded"),
    "expired": ("已过期", "Expired"),
}
EXPIRY_SOON_DAYS = 60


def state_label(state: str, lang: str = "en") -> str:
    zh, en = STATE_LABELS[state]
    return zh if lang == "zh_CN" else en


# ------------------------------------------------------------------------------ data classes
@dataclass(frozen=True)
class Clause:
    """One clause as views edit it and services store it (``number`` follows from the order)."""

    area: int
    text_zh: str = ""
    text_en: str = ""
    party: str = "both"
    documents: str = ""
    aql: str = ""
    level: str = ""
    skip_lot_allowed: bool = False
    indicator: str | None = None
    comparator: str = ""
    threshold: float | None = None
    period: str = "month"
    rule_kind: str = "none"
    rule_amount: float = 0.0
    escalate_after: int = 0
    key: str = ""
    number: str = ""
    id: int | None = None

    @property
    def is_target(self) -> bool:
        return bool(self.indicator)

    def target(self) -> eng.Target | None:
        if not self.indicator:
            return None
        return eng.Target(self.indicator, self.comparator, float(self.threshold if self.threshold is not None
                                                                  else float("nan")),
                          self.period, eng.LiabilityRule(self.rule_kind, float(self.rule_amount),
                                                         int(self.escalate_after)))

    def target_text(self, lang: str = "en") -> str:
        t = self.target() if self.indicator else None
        return t.text(lang) if t else ""


CLAUSE_FIELDS = tuple(f.name for f in fields(Clause) if f.name not in ("key", "number", "id"))


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class VersionRow:
    id: int
    agreement_id: int
    agreement_number: str
    supplier_id: int
    version: int
    state: str  # stored: draft / review / signed
    display_state: str  # on the as-of day, see module docstring
    based_on_version: int | None
    effective_from: date | None
    expires_on: date | None
    review_on: date | None
    purchaser: Signatory
    supplier: Signatory
    content_sha256: str
    signed_pdf_sha256: str
    signed_pdf_name: str
    signed_by: str
    clauses: int
    notes: str

    @property
    def editable(self) -> bool:
        return self.state == "draft"


@dataclass(frozen=True)
class AgreementRow:
    id: int
    supplier_id: int
    supplier_code: str
    supplier_name_zh: str
    supplier_name_en: str
    number: str
    title_zh: str
    title_en: str
    part_family: str
    part_ids: tuple[int, ...]
    versions: tuple[VersionRow, ...] = field(default=())

    @property
    def in_force(self) -> VersionRow | None:
        return next((v for v in self.versions if v.display_state == "in_force"), None)

    @property
    def latest(self) -> VersionRow | None:
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class InspectionClause:
    agreement_id: int
    version: int
    clause_no: str
    part_id: int | None
    aql: str
    level: str
    skip_lot_allowed: bool
    text_zh: str
    text_en: str


# ------------------------------------------------------------------------------ helpers
def new_key() -> str:
    return uuid.uuid4().hex


def _clause(c: AgreementClause, number: str = "") -> Clause:
    return Clause(area=c.area, text_zh=c.text_zh, text_en=c.text_en, party=c.party, documents=c.documents, aql=c.aql,
                  level=c.level, skip_lot_allowed=bool(c.skip_lot_allowed), indicator=c.indicator or None,
                  comparator=c.comparator or "", threshold=c.threshold, period=c.period or "month",
                  rule_kind=c.rule_kind or "none", rule_amount=float(c.rule_amount or 0.0),
                  escalate_after=int(c.escalate_after or 0), key=c.key, number=number, id=c.id)


def area_order_of(session, *, version_id: int | None = None, template_id: int | None = None) -> tuple[int, ...]:
    """The stored order of the eight areas of a version or a template (default 1–8)."""
    owner = session.get(AgreementVersion, version_id) if version_id is not None \
        else session.get(AgreementTemplate, template_id) if template_id is not None else None
    return eng.parse_area_order(owner.area_order if owner is not None else None)


def clause_rows(session, *, version_id: int | None = None, template_id: int | None = None) -> list[Clause]:
    """The clauses of a version or a template, areas in the stored order, numbered."""
    q = select(AgreementClause).order_by(AgreementClause.area, AgreementClause.position, AgreementClause.id)
    q = q.where(AgreementClause.version_id == version_id) if version_id is not None \
        else q.where(AgreementClause.template_id == template_id)
    order = area_order_of(session, version_id=version_id, template_id=template_id)
    ranks = eng.area_ranks(order)
    rows = sorted(session.scalars(q), key=lambda r: ranks[r.area])  # stable: position order kept
    numbers = eng.clause_numbers([r.area for r in rows], order)
    return [_clause(r, n) for r, n in zip(rows, numbers)]


def sort_and_number(clauses: Sequence[Clause], order: Sequence[int] = eng.DEFAULT_AREA_ORDER) -> list[Clause]:
    """Clauses in the order they are given inside each area, areas in ``order``, numbered."""
    ranks = eng.area_ranks(order)
    ordered = sorted(enumerate(clauses), key=lambda ic: (ranks.get(ic[1].area, 0), ic[0]))
    numbers = eng.clause_numbers([c.area for _i, c in ordered], order)
    return [replace(c, number=n) for (_i, c), n in zip(ordered, numbers)]


def checked_area_order(order: Sequence[int] | None) -> tuple[int, ...] | None:
    """``order`` validated (None stays None: keep what is stored); ValidationError names the field."""
    if order is None:
        return None
    try:
        return eng.check_area_order(order)
    except ValueError as exc:
        raise ValidationError(f"area order: {exc}", "area_order") from None


def validate_clauses(clauses: Sequence[Clause]) -> list[str]:
    """Every problem, each naming the row (1-based, as given) and the field."""
    problems: list[str] = []
    for i, c in enumerate(clauses, start=1):
        where = f"row {i}"
        if not 1 <= int(c.area) <= eng.AREA_COUNT:
            problems.append(f"{where}: area must be 1–{eng.AREA_COUNT}")
            continue
        if c.party not in eng.PARTY_KEYS:
            problems.append(f"{where}: responsible party must be one of {', '.join(eng.PARTY_KEYS)}")
        if not (c.text_zh.strip() or c.text_en.strip()):
            problems.append(f"{where}: the clause needs a Chinese or English text")
        values = {k: getattr(c, k) for k in ("text_zh", "text_en", "party", "documents", "aql", "level", "comparator",
                                             "threshold", "period", "rule_kind", "rule_amount", "escalate_after")}
        problems.extend(f"{where}: {p.message}" for p in field_errors(AgreementClause, values))
        if c.aql.strip():
            try:
                if float(c.aql) <= 0:
                    raise ValueError
            except ValueError:
                problems.append(f"{where}: AQL must be a positive number such as 0.65 or 1.0")
        if c.indicator:
            try:
                c.target()
            except ValueError as exc:
                problems.append(f"{where}: target — {exc}")
    return problems


def _store_clauses(session, clauses: Sequence[Clause], *, version_id: int | None = None,
                   template_id: int | None = None) -> None:
    """Make the stored clauses equal to ``clauses`` (matched by key: unchanged rows are not
    touched, so the trail shows only what was edited)."""
    owner = AgreementClause.version_id == version_id if version_id is not None \
        else AgreementClause.template_id == template_id
    existing = {c.key: c for c in session.scalars(select(AgreementClause).where(owner))}
    seen: set[str] = set()
    positions: dict[int, int] = {}
    for c in clauses:
        positions[c.area] = positions.get(c.area, 0) + 1
        key = c.key or new_key()
        if key in seen:  # a pasted duplicate of a row keeps its content but gets its own key
            key = new_key()
        seen.add(key)
        values = {f: getattr(c, f) for f in CLAUSE_FIELDS}
        values["indicator"] = values["indicator"] or None
        values["position"] = positions[c.area]
        row = existing.get(key)
        if row is None:
            session.add(AgreementClause(version_id=version_id, template_id=template_id, key=key, **values))
            continue
        for k, v in values.items():
            if getattr(row, k) != v:
                setattr(row, k, v)
    for key, row in existing.items():
        if key not in seen:
            session.delete(row)
    session.flush()


def _version(session, version_id: int) -> AgreementVersion:
    v = session.get(AgreementVersion, version_id)
    if v is None:
        raise NotFoundError(f"agreement version {version_id} does not exist")
    return v


def _agreement(session, agreement_id: int) -> Agreement:
    a = session.get(Agreement, agreement_id)
    if a is None:
        raise NotFoundError(f"agreement {agreement_id} does not exist")
    return a


def _require_draft(v: AgreementVersion) -> None:
    if v.state != "draft":
        what = "signed" if v.state == "signed" else "under review"
        raise FrozenError(f"version {v.version} is {what} and cannot be changed; start a new version", "frozen")


def display_state(v, others: Sequence, as_of: date) -> str:
    """What a version is on ``as_of`` (``others``: every version of the same agreement)."""
    if v.state != "signed":
        return v.state
    if v.effective_from is None or v.effective_from > as_of:
        return "signed"
    if v.expires_on is not None and as_of > v.expires_on:
        return "expired"
    for o in others:
        if (o.id != v.id and o.state == "signed" and o.effective_from is not None and o.effective_from <= as_of
                and (o.effective_from, o.version) > (v.effective_from, v.version)):
            return "superseded"
    return "in_force"


def _version_rows(session, agreement_ids: Sequence[int] | None, as_of: date) -> dict[int, list[VersionRow]]:
    q = select(AgreementVersion, Agreement.number, Agreement.supplier_id) \
        .join(Agreement, Agreement.id == AgreementVersion.agreement_id) \
        .order_by(AgreementVersion.agreement_id, AgreementVersion.version)
    if agreement_ids is not None:
        q = q.where(AgreementVersion.agreement_id.in_(list(agreement_ids)))
    rows = session.execute(q).all()
    counts = dict(session.execute(select(AgreementClause.version_id, func.count())
                                  .where(AgreementClause.version_id.is_not(None))
                                  .group_by(AgreementClause.version_id)).all())
    by_agreement: dict[int, list] = {}
    for v, number, supplier_id in rows:
        by_agreement.setdefault(v.agreement_id, []).append((v, number, supplier_id))
    version_no = {v.id: v.version for v, _n, _s in rows}
    out: dict[int, list[VersionRow]] = {}
    for aid, items in by_agreement.items():
        versions = [v for v, _n, _s in items]
        out[aid] = [VersionRow(
            v.id, aid, number, supplier_id, v.version, v.state, display_state(v, versions, as_of),
            version_no.get(v.based_on_id) if v.based_on_id else None, v.effective_from, v.expires_on, v.review_on,
            Signatory(v.purchaser_signatory, v.purchaser_title, v.purchaser_signed_on),
            Signatory(v.supplier_signatory, v.supplier_title, v.supplier_signed_on),
            v.content_sha256, v.signed_pdf_sha256, v.signed_pdf_name, v.signed_by, int(counts.get(v.id, 0)), v.notes)
            for v, number, supplier_id in items]
    return out


def _agreement_rows(session, as_of: date, *, supplier_id: int | None = None,
                    agreement_id: int | None = None) -> list[AgreementRow]:
    q = select(Agreement, Supplier.code, Supplier.name_zh, Supplier.name_en) \
        .join(Supplier, Supplier.id == Agreement.supplier_id).order_by(Supplier.code, Agreement.number)
    if supplier_id is not None:
        q = q.where(Agreement.supplier_id == supplier_id)
    if agreement_id is not None:
        q = q.where(Agreement.id == agreement_id)
    rows = session.execute(q).all()
    ids = [a.id for a, *_ in rows]
    parts: dict[int, list[int]] = {}
    if ids:
        for aid, pid in session.execute(select(AGREEMENT_PARTS.c.agreement_id, AGREEMENT_PARTS.c.part_id)
                                        .where(AGREEMENT_PARTS.c.agreement_id.in_(ids))):
            parts.setdefault(aid, []).append(pid)
    versions = _version_rows(session, ids if len(ids) < 500 else None, as_of)
    return [AgreementRow(a.id, a.supplier_id, code, zh, en, a.number, a.title_zh, a.title_en, a.part_family,
                         tuple(sorted(parts.get(a.id, ()))), tuple(versions.get(a.id, ())))
            for a, code, zh, en in rows]


# ------------------------------------------------------------------------------ reads
def list_agreements(db: Database, *, supplier_id: int | None = None, as_of: date | None = None) -> list[AgreementRow]:
    with db.read() as s:
        return _agreement_rows(s, as_of or date.today(), supplier_id=supplier_id)


def get_agreement(db: Database, agreement_id: int, *, as_of: date | None = None) -> AgreementRow:
    with db.read() as s:
        rows = _agreement_rows(s, as_of or date.today(), agreement_id=agreement_id)
    if not rows:
        raise NotFoundError(f"agreement {agreement_id} does not exist")
    return rows[0]


def get_version(db: Database, version_id: int, *, as_of: date | None = None) -> VersionRow:
    with db.read() as s:
        v = _version(s, version_id)
        return next(r for r in _version_rows(s, [v.agreement_id], as_of or date.today())[v.agreement_id]
                    if r.id == version_id)


def version_clauses(db: Database, version_id: int) -> list[Clause]:
    with db.read() as s:
        _version(s, version_id)
        return clause_rows(s, version_id=version_id)


def version_area_order(db: Database, version_id: int) -> tuple[int, ...]:
    """The order of the eight areas of a version (its section numbers follow it)."""
    with db.read() as s:
        _version(s, version_id)
        return area_order_of(s, version_id=version_id)


def area_moves(db: Database, old_version_id: int, new_version_id: int) -> list[tuple[int, int, int]]:
    """(area, section in the old version, section in the new) of every area moved between two
    versions — shown above the clause diff on screen and in print."""
    with db.read() as s:
        return eng.area_moves(area_order_of(s, version_id=_version(s, old_version_id).id),
                              area_order_of(s, version_id=_version(s, new_version_id).id))


def in_force_on(db: Database, supplier_id: int, on: date) -> list[VersionRow]:
    """The version of each of the supplier's agreements that was in force on ``on`` (agreements
    with none in force that day are left out)."""
    with db.read() as s:
        rows = _agreement_rows(s, on, supplier_id=supplier_id)
    return [r.in_force for r in rows if r.in_force is not None]


def diff(db: Database, old_version_id: int, new_version_id: int, lang: str = "en") -> list[eng.DiffRow]:
    """Clause-by-clause differences between two versions (of the same or different agreements)."""
    with db.read() as s:
        old = clause_rows(s, version_id=_version(s, old_version_id).id)
        new = clause_rows(s, version_id=_version(s, new_version_id).id)
    return eng.diff_versions([clause_text(c, lang) for c in old], [clause_text(c, lang) for c in new])


def clause_text(c: Clause, lang: str = "en") -> eng.ClauseText:
    return eng.ClauseText(c.key, c.number, c.area, c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level,
                          c.target_text(lang))


def inspection_clauses(db: Database, supplier_id: int, *, as_of: date | None = None) -> list[InspectionClause]:
    """The acceptance-inspection clauses (area 3) with a sampling scheme (AQL) of the supplier's
    agreements in force on ``as_of``; one row per part the agreement is narrowed to (``part_id``
    None = every part of the supplier)."""
    day = as_of or date.today()
    out: list[InspectionClause] = []
    with db.read() as s:
        for a in _agreement_rows(s, day, supplier_id=supplier_id):
            v = a.in_force
            if v is None:
                continue
            for c in clause_rows(s, version_id=v.id):
                if c.area != eng.INSPECTION_AREA or not c.aql.strip():
                    continue
                for pid in (a.part_ids or (None,)):
                    out.append(InspectionClause(a.id, v.version, c.number, pid, c.aql, c.level, c.skip_lot_allowed,
                                                c.text_zh, c.text_en))
    return out


def expiring(db: Database, *, as_of: date | None = None, within_days: int = EXPIRY_SOON_DAYS) -> list[tuple[AgreementRow, VersionRow, int]]:
    """Versions in force that expire (or are due for review) within ``within_days``: (agreement,
    version, days left), soonest first."""
    day = as_of or date.today()
    out = []
    with db.read() as s:
        for a in _agreement_rows(s, day):
            v = a.in_force
            if v is None:
                continue
            dates = [d for d in (v.expires_on, v.review_on) if d is not None]
            if not dates:
                continue
            left = (min(dates) - day).days
            if 0 <= left <= within_days:
                out.append((a, v, left))
    return sorted(out, key=lambda t: t[2])


def version_content(session, version_id: str | int) -> dict:
    """What a signature on a version covers (and what ``content_sha256`` hashes)."""
    v = _version(session, int(version_id))
    a = _agreement(session, v.agreement_id)
    clauses = clause_rows(session, version_id=v.id)
    return {
        "agreement": a.number, "supplier_id": a.supplier_id, "version": v.version,
        "effective_from": v.effective_from, "expires_on": v.expires_on,
        "purchaser": [v.purchaser_signatory, v.purchaser_title, v.purchaser_signed_on],
        "supplier": [v.supplier_signatory, v.supplier_title, v.supplier_signed_on],
        "clauses": [[c.number, c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level, c.skip_lot_allowed,
                     c.indicator, c.comparator, c.threshold, c.period, c.rule_kind, c.rule_amount, c.escalate_after]
                    for c in clauses],
    }


SIGNABLE = signatures.register(Signable("agreements.sign", "agreement_versions", "签署质量协议版本",
                                        "Sign a quality agreement version", "approved", version_content))


# ------------------------------------------------------------------------------ changes
def _next_number(session, supplier: Supplier) -> str:
    prefix = f"QA-{supplier.code}-"
    n = session.scalar(select(func.count()).where(Agreement.number.like(prefix + "%"))) or 0
    while True:
        n += 1
        number = f"{prefix}{n:02d}"
        if session.scalar(select(Agreement.id).where(Agreement.number == number)) is None:
            return number


@requires("agreements.edit")
def create_agreement(db: Database, supplier_id: int, *, title_zh: str = "", title_en: str = "",
                     part_family: str = "", part_ids: Sequence[int] = (), template_id: int | None = None,
                     number: str | None = None) -> tuple[int, int]:
    """A new agreement with a first draft version copied from a template (the default one when
    none is named). Returns (agreement id, version id)."""
    from app.models.agreements import templates

    with db.begin() as s:
        supplier = s.get(Supplier, supplier_id)
        if supplier is None:
            raise NotFoundError(f"supplier {supplier_id} does not exist")
        values = {"number": number or _next_number(s, supplier),
                  "title_zh": title_zh or "质量保证协议", "title_en": title_en or "Quality Assurance Agreement",
                  "part_family": part_family}
        problems = [p.message for p in field_errors(Agreement, values)]
        if problems:
            raise ValidationError("; ".join(problems))
        if s.scalar(select(Agreement.id).where(Agreement.number == values["number"])) is not None:
            raise ValidationError(f"an agreement numbered {values['number']} already exists", "duplicate")
        for pid in part_ids:
            if s.get(Part, pid) is None:
                raise NotFoundError(f"part {pid} does not exist")
        a = Agreement(supplier_id=supplier_id, **values)
        s.add(a)
        s.flush()
        for pid in sorted(set(part_ids)):
            s.execute(AGREEMENT_PARTS.insert().values(agreement_id=a.id, part_id=pid))
            trail.record(s, "create", "agreement_parts", f"{a.id}:{pid}", {"agreement_id": a.id, "part_id": pid})
        tid = template_id if template_id is not None else templates.default_template_id(s)
        source = clause_rows(s, template_id=tid)
        v = AgreementVersion(agreement_id=a.id, version=1, state="draft",
                             area_order=eng.format_area_order(area_order_of(s, template_id=tid)))
        s.add(v)
        s.flush()
        _store_clauses(s, [replace(c, key="") for c in source], version_id=v.id)
        return a.id, v.id


@requires("agreements.edit")
def new_version(db: Database, agreement_id: int, *, as_of: date | None = None) -> int:
    """A new draft as a copy of the version in force (else of the latest version); refused while
    another draft or review is open."""
    day = as_of or date.today()
    with db.begin() as s:
        _agreement(s, agreement_id)
        versions = list(s.scalars(select(AgreementVersion).where(AgreementVersion.agreement_id == agreement_id)
                                  .order_by(AgreementVersion.version)))
        open_ = [v for v in versions if v.state in ("draft", "review")]
        if open_:
            raise ValidationError(f"version {open_[0].version} is still open ({open_[0].state}); "
                                  "finish or change it instead", "open_version")
        base = next((v for v in versions if display_state(v, versions, day) == "in_force"), None) \
            or (versions[-1] if versions else None)
        v = AgreementVersion(agreement_id=agreement_id, version=(versions[-1].version + 1) if versions else 1,
                             state="draft", based_on_id=base.id if base else None,
                             expires_on=None, review_on=None,
                             area_order=base.area_order if base is not None else eng.format_area_order(eng.DEFAULT_AREA_ORDER))
        s.add(v)
        s.flush()
        if base is not None:
            _store_clauses(s, clause_rows(s, version_id=base.id), version_id=v.id)  # keys kept: diff matches
        return v.id


@requires("agreements.edit")
def save_clauses(db: Database, version_id: int, clauses: Sequence[Clause],
                 area_order: Sequence[int] | None = None) -> list[Clause]:
    """Replace a draft's clauses by ``clauses`` (the grid's content) and, when given, its area
    order in one transaction; a signed or reviewed version is refused. Returns the stored
    clauses, numbered."""
    problems = validate_clauses(clauses)
    if problems:
        raise ValidationError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
    order = checked_area_order(area_order)
    with db.begin() as s:
        v = _version(s, version_id)
        _require_draft(v)
        if order is not None and eng.parse_area_order(v.area_order) != order:
            v.area_order = eng.format_area_order(order)
        _store_clauses(s, clauses, version_id=version_id)
        return clause_rows(s, version_id=version_id)


@requires("agreements.edit")
def move_area(db: Database, version_id: int, area: int, step: int) -> tuple[int, ...]:
    """Move a whole content area of a draft ``step`` places (−1 up, +1 down) with all its
    clauses (they are renumbered by the new place); a signed or reviewed version is refused.
    Returns the new order (unchanged at either end)."""
    if not 1 <= int(area) <= eng.AREA_COUNT:
        raise ValidationError(f"area must be 1–{eng.AREA_COUNT}", "area")
    with db.begin() as s:
        v = _version(s, version_id)
        _require_draft(v)
        order = eng.move_area(eng.parse_area_order(v.area_order), int(area), int(step))
        if eng.parse_area_order(v.area_order) != order:
            v.area_order = eng.format_area_order(order)
        return order


@requires("agreements.edit")
def update_version(db: Database, version_id: int, *, effective_from: date | None = None,
                   expires_on: date | None = None, review_on: date | None = None, notes: str | None = None) -> None:
    with db.begin() as s:
        v = _version(s, version_id)
        _require_draft(v)
        start = effective_from if effective_from is not None else v.effective_from
        end = expires_on if expires_on is not None else v.expires_on
        if start and end and end < start:
            raise ValidationError("the expiry date is before the effective date", "dates")
        values = {"effective_from": start, "expires_on": end,
                  "review_on": review_on if review_on is not None else v.review_on,
                  "notes": notes if notes is not None else v.notes}
        problems = [p.message for p in field_errors(AgreementVersion, values)]
        if problems:
            raise ValidationError("; ".join(problems))
        for k, val in values.items():
            setattr(v, k, val)


@requires("agreements.edit")
def submit_for_review(db: Database, version_id: int) -> None:
    with db.begin() as s:
        v = _version(s, version_id)
        _require_draft(v)
        if not clause_rows(s, version_id=version_id):
            raise ValidationError("a version without clauses cannot be reviewed", "empty")
        v.state = "review"
        v.submitted_by = db.actor.name


@requires("agreements.edit")
def return_to_draft(db: Database, version_id: int, reason: str = "") -> None:
    with db.begin() as s:
        v = _version(s, version_id)
        if v.state != "review":
            raise FrozenError(f"only a version under review goes back to draft (version {v.version} is {v.state})")
        if reason:
            trail.set_reason(s, reason)
        v.state = "draft"


@requires("agreements.sign")
def sign_version(db: Database, version_id: int, *, purchaser: Signatory, supplier: Signatory,
                 effective_from: date, expires_on: date | None = None, review_on: date | None = None,
                 signature: SignatureRequest | None = None) -> str:
    """Sign a version under review for both parties; from ``effective_from`` it is in force and
    supersedes the earlier one. Returns the content hash (SHA-256) printed in the contract's
    footer. The electronic signature is taken when the administrator requires one."""
    if not purchaser.name.strip() or not supplier.name.strip():
        raise ValidationError("both parties' signatories need a name", "signatory")
    if expires_on is not None and expires_on < effective_from:
        raise ValidationError("the expiry date is before the effective date", "dates")
    signer = signatures.authenticate(db, "agreements.sign", signature)
    with db.begin() as s:
        v = _version(s, version_id)
        if v.state != "review":
            raise FrozenError(f"only a version under review can be signed (version {v.version} is {v.state})",
                              "not_in_review")
        values = {"purchaser_signatory": purchaser.name.strip(), "purchaser_title": purchaser.title.strip(),
                  "purchaser_signed_on": purchaser.signed_on or date.today(),
                  "supplier_signatory": supplier.name.strip(), "supplier_title": supplier.title.strip(),
                  "supplier_signed_on": supplier.signed_on or date.today(),
                  "effective_from": effective_from, "expires_on": expires_on,
                  "review_on": review_on if review_on is not None else v.review_on}
        problems = [p.message for p in field_errors(AgreementVersion, values)]
        if problems:
            raise ValidationError("; ".join(problems))
        for k, val in values.items():
            setattr(v, k, val)
        v.state = "signed"
        v.signed_by = db.actor.name
        v.signed_at = utcnow()
        s.flush()
        v.content_sha256 = signatures.content_hash(version_content(s, v.id))
        if signer is not None:
            signatures.sign(s, signer, v.id)
        return v.content_sha256


@requires("agreements.sign")
def record_signed_pdf(db: Database, version_id: int, data: bytes, name: str) -> str:
    """Store the SHA-256 of the signed contract (the PDF both parties signed) with the version."""
    if not data:
        raise ValidationError("the signed PDF is empty", "empty")
    if not data.startswith(b"%PDF"):
        raise ValidationError(f"{name} is not a PDF file", "not_pdf")
    digest = hashlib.sha256(data).hexdigest()
    with db.begin() as s:
        v = _version(s, version_id)
        if v.state != "signed":
            raise ValidationError("a signed PDF belongs to a signed version", "not_signed")
        v.signed_pdf_sha256 = digest
        v.signed_pdf_name = name[-200:]
    return digest


@requires("agreements.edit")
def delete_draft(db: Database, version_id: int) -> None:
    with db.begin() as s:
        v = _version(s, version_id)
        _require_draft(v)
        for c in s.scalars(select(AgreementClause).where(AgreementClause.version_id == v.id)):
            s.delete(c)
        s.delete(v)


def content_digest(db: Database, version_id: int) -> str:
    """The SHA-256 of a version's content: stored at signing, computed live for drafts."""
    with db.read() as s:
        v = _version(s, version_id)
        if v.state == "signed" and v.content_sha256:
            return v.content_sha256
        return signatures.content_hash(version_content(s, version_id))


def supplier_parts(db: Database, part_ids: Sequence[int]) -> list[tuple[str, str, str]]:
    """(code, Chinese name, English name) of parts, for printing an agreement's scope."""
    if not part_ids:
        return []
    with db.read() as s:
        return [(p.code, p.name_zh, p.name_en) for p in s.scalars(select(Part).where(Part.id.in_(list(part_ids)))
                                                                   .order_by(Part.code))]

"""Supplier master services: grid rows, create / edit / duplicate / delete, explicit status
changes with a reason, contacts, certificates, items supplied. One transaction per call;
results are dataclasses or DataFrames."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import delete, select, text

from app.flows.approval import StatusTransitionError, allowed_actions, check_action
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.suppliers.errors import SupplierError, NotFoundError, ValidationError
from app.models.core.database import table_exists
from app.models.suppliers.tables import (
    ImportanceClass,
    Part,
    Relationship,
    Supplier,
    SupplierCertificate,
    SupplierContact,
    SupplierPart,
    SupplierStatus,
    SupplierStatusChange,
)
from app.models.core.base import utcnow
from app.models.admin import trail
from app.models.admin.identity import actor_name
from app.models.admin.permissions import requires

SOON_DAYS = 60
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")


class StatusRuleError(SupplierError):
    code = "status_rule"


@dataclass(frozen=True)
class SupplierRow:
    id: int
    code: str
    name_zh: str
    name_en: str
    category: str
    importance_class: str
    relationship: str
    status: str
    approval_valid_until: date | None
    latest_grade: str | None
    latest_grade_period: str | None
    open_cars: int
    overdue_cars: int


@dataclass(frozen=True)
class SupplierInput:
    code: str
    name_zh: str = ""
    name_en: str = ""
    category: str = ""
    importance_class: str = "III"
    relationship: str = "competitive"
    address: str = ""
    city: str = ""
    country: str = ""
    notes: str = ""


EDITABLE_FIELDS = tuple(f.name for f in fields(SupplierInput))


@dataclass(frozen=True)
class StatusChangeRow:
    id: int
    supplier_id: int
    from_status: str | None
    to_status: str
    changed_at: datetime
    changed_by: str
    reason: str


@dataclass(frozen=True)
class ContactRow:
    id: int
    supplier_id: int
    name: str
    role: str
    phone: str
    email: str
    is_primary: bool


@dataclass(frozen=True)
class CertificateRow:
    id: int
    supplier_id: int
    standard: str
    number: str
    body: str
    issued_on: date | None
    expires_on: date | None
    state: str  # valid / expiring / expired / open_ended
    days_left: int | None


@dataclass(frozen=True)
class SupplierItemRow:
    part_id: int
    code: str
    name_zh: str
    name_en: str
    category: str
    importance_class: str
    share: float
    active: bool
    qualified_until: date | None


# ---------------------------------------------------------------------------- validation
def validate_field(field: str, value: Any) -> str | None:
    """Error text for an inline edit of ``field``, or None when the value is fine."""
    if field not in EDITABLE_FIELDS:
        return f"'{field}' cannot be edited here"
    v = "" if value is None else str(value).strip()
    if field == "code":
        if not CODE_RE.match(v):
            return "code must be 1–32 letters, digits, '-', '_' or '.'"
    elif field == "importance_class":
        if v not in {c.value for c in ImportanceClass}:
            return "importance class must be I, II or III"
    elif field == "relationship":
        if v not in {r.value for r in Relationship}:
            return "relationship must be competitive or partnership"
    elif field in ("name_zh", "name_en") and len(v) > 200:
        return "name is longer than 200 characters"
    return None


def _clean(data: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(sorted(unknown))}", "unknown_field")
    out = {}
    for k, v in data.items():
        err = validate_field(k, v)
        if err:
            raise ValidationError(f"{k}: {err}", f"bad_{k}")
        out[k] = "" if v is None else str(v).strip()
    if not partial:
        if not out.get("code"):
            raise ValidationError("code is required", "bad_code")
        if not out.get("name_zh") and not out.get("name_en"):
            raise ValidationError("a Chinese or English name is required", "name_required")
    return out


# ---------------------------------------------------------------------------- grid
_GRID_SQL = """
SELECT s.id, s.code, s.name_zh, s.name_en, s.category, s.importance_class, s.relationship, s.status,
       s.approval_valid_until {grade_cols}
FROM suppliers s
{grade_join}
{where}
ORDER BY s.code
"""
#: The grade shown beside a supplier (grid, detail, export) is that of the latest evaluated period
#: *of one kind* by date (period_start), never the text maximum of the label ("2026-Q1" > "2026-11").
GRADE_PERIOD_KINDS = ("month", "quarter", "year")
_GRADE_JOIN = """
LEFT JOIN (
    SELECT e.supplier_id, e.grade, e.period FROM evaluation_results e
    JOIN evaluation_runs r ON r.period = e.period
    JOIN (SELECT e2.supplier_id, MAX(r2.period_start) AS period_start FROM evaluation_results e2
          JOIN evaluation_runs r2 ON r2.period = e2.period
          WHERE e2.grade IS NOT NULL AND r2.period_kind = :grade_kind
          GROUP BY e2.supplier_id) m ON m.supplier_id = e.supplier_id AND m.period_start = r.period_start
    WHERE r.period_kind = :grade_kind AND e.grade IS NOT NULL
) g ON g.supplier_id = s.id
"""


def grade_period_kind(session, preferred: str | None = "month") -> str | None:
    """The kind of period whose grade is "the latest grade": ``preferred`` (the user's choice,
    monthly by default) when any period of that kind was evaluated, otherwise the kind of the
    newest evaluated period; None when nothing was evaluated."""
    if preferred is not None and preferred not in GRADE_PERIOD_KINDS:
        raise ValueError(f"period kind must be one of {', '.join(GRADE_PERIOD_KINDS)}")  # a programming error
    if not table_exists(session, "evaluation_runs"):
        return None
    if preferred is not None and session.execute(
            text("SELECT 1 FROM evaluation_runs WHERE period_kind = :k LIMIT 1"), {"k": preferred}).first():
        return preferred
    row = session.execute(text("SELECT period_kind FROM evaluation_runs ORDER BY period_start DESC, period_end "
                               "LIMIT 1")).first()
    return row[0] if row else None


def _to_date(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _rows(session, as_of: date, supplier_id: int | None = None, grade_kind: str | None = "month") -> list[SupplierRow]:
    from app.models.suppliers.corrective import car_counts  # one definition of open / overdue

    kind = grade_period_kind(session, grade_kind)
    sql = _GRID_SQL.format(grade_cols=", g.grade, g.period" if kind else ", NULL, NULL",
                           grade_join=_GRADE_JOIN if kind else "",
                           where="WHERE s.id = :sid" if supplier_id is not None else "")
    params: dict[str, Any] = {}
    if kind:
        params["grade_kind"] = kind
    if supplier_id is not None:
        params["sid"] = supplier_id
    counts = car_counts(session, as_of, supplier_id=supplier_id)
    out = []
    for r in session.execute(text(sql), params):
        n_open, n_overdue = counts.get(r[0], (0, 0))
        out.append(SupplierRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], _to_date(r[8]), r[9], r[10],
                               n_open, n_overdue))
    return out


def supplier_rows(db: Database, *, as_of: date | None = None, grade_kind: str | None = "month") -> list[SupplierRow]:
    """``grade_kind``: the kind of period whose latest grade is shown (month by default; another
    kind when no month was evaluated)."""
    with db.read() as s:
        return _rows(s, as_of or date.today(), grade_kind=grade_kind)


def supplier_grid(db: Database, *, as_of: date | None = None, grade_kind: str | None = "month") -> pd.DataFrame:
    """All suppliers for the master grid, one query (aggregates in SQL)."""
    rows = supplier_rows(db, as_of=as_of, grade_kind=grade_kind)
    cols = [f.name for f in fields(SupplierRow)]
    df = pd.DataFrame([tuple(asdict(r).values()) for r in rows], columns=cols)
    return df


def get_supplier(db: Database, supplier_id: int, *, as_of: date | None = None,
                 grade_kind: str | None = "month") -> SupplierRow:
    with db.read() as s:
        rows = _rows(s, as_of or date.today(), supplier_id, grade_kind)
    if not rows:
        raise NotFoundError(f"supplier {supplier_id} does not exist")
    return rows[0]


def _get(session, cls, key: int, what: str):
    obj = session.get(cls, key)
    if obj is None:
        raise NotFoundError(f"{what} {key} does not exist")
    return obj


def _history(session, supplier_id: int, old: str | None, new: str, reason: str) -> SupplierStatusChange:
    ch = SupplierStatusChange(supplier_id=supplier_id, from_status=old, to_status=new, changed_by=actor_name(session),
                              reason=reason,
                              changed_at=utcnow())
    session.add(ch)
    return ch


# ---------------------------------------------------------------------------- CRUD
@requires("suppliers.edit")
def create_supplier(db: Database, data: dict[str, Any] | SupplierInput) -> int:
    values = _clean(asdict(data) if isinstance(data, SupplierInput) else dict(data), partial=False)
    for problem in field_errors(Supplier, values):  # limits of the columns, alike on SQLite and PostgreSQL
        raise ValidationError(str(problem), f"bad_{problem.field}")
    with db.begin() as s:
        if s.scalar(select(Supplier.id).where(Supplier.code == values["code"])) is not None:
            raise ValidationError(f"supplier code {values['code']} already exists", "duplicate_code")
        sup = Supplier(**values, status=SupplierStatus.POTENTIAL.value)
        s.add(sup)
        s.flush()
        _history(s, sup.id, None, sup.status, "created")
        return sup.id


@requires("suppliers.edit")
def update_supplier(db: Database, supplier_id: int, changes: dict[str, Any]) -> SupplierRow:
    values = _clean(dict(changes), partial=True)
    for problem in field_errors(Supplier, values):
        raise ValidationError(str(problem), f"bad_{problem.field}")
    with db.begin() as s:
        sup = _get(s, Supplier, supplier_id, "supplier")
        if "code" in values and values["code"] != sup.code and \
                s.scalar(select(Supplier.id).where(Supplier.code == values["code"])) is not None:
            raise ValidationError(f"supplier code {values['code']} already exists", "duplicate_code")
        new_zh = values.get("name_zh", sup.name_zh)
        new_en = values.get("name_en", sup.name_en)
        if not new_zh and not new_en:
            raise ValidationError("a Chinese or English name is required", "name_required")
        for k, v in values.items():
            setattr(sup, k, v)
    return get_supplier(db, supplier_id)


@requires("suppliers.edit")
def duplicate_supplier(db: Database, supplier_id: int, *, new_code: str | None = None) -> int:
    """Copy master data and contacts; the copy starts as a potential supplier."""
    with db.begin() as s:
        src = _get(s, Supplier, supplier_id, "supplier")
        code = new_code
        if code is None:
            n = 1
            code = f"{src.code}-COPY"[:32]
            while s.scalar(select(Supplier.id).where(Supplier.code == code)) is not None:
                n += 1
                code = f"{src.code}-COPY{n}"[:32]
        err = validate_field("code", code)
        if err:
            raise ValidationError(f"code: {err}", "bad_code")
        if s.scalar(select(Supplier.id).where(Supplier.code == code)) is not None:
            raise ValidationError(f"supplier code {code} already exists", "duplicate_code")
        copy = Supplier(code=code, **{k: getattr(src, k) for k in EDITABLE_FIELDS if k != "code"},
                        status=SupplierStatus.POTENTIAL.value)
        s.add(copy)
        s.flush()
        for c in src.contacts:
            s.add(SupplierContact(supplier_id=copy.id, name=c.name, role=c.role, phone=c.phone, email=c.email,
                                  is_primary=c.is_primary))
        _history(s, copy.id, None, copy.status, f"duplicated from {src.code}")
        return copy.id


@requires("suppliers.delete")
def delete_supplier(db: Database, supplier_id: int) -> None:
    """Delete a supplier and everything recorded about it (the view confirms first)."""
    with db.begin() as s:
        _get(s, Supplier, supplier_id, "supplier")
        # the engine has foreign keys ON, so the database cascades to every child table
        s.execute(delete(Supplier).where(Supplier.id == supplier_id))


# ---------------------------------------------------------------------------- status
@requires("suppliers.status")
def change_status(db: Database, supplier_id: int, new_status: str, *, reason: str) -> StatusChangeRow:
    """An explicit status change (suspend, disqualify, reinstate …) with a reason, recorded as
    the signed-in user's; the reason goes on the audit trail entries too."""
    with db.begin() as s:
        sup = _get(s, Supplier, supplier_id, "supplier")
        try:
            check_action(sup.status, new_status, reason)
        except StatusTransitionError as exc:
            raise StatusRuleError(str(exc), exc.code) from exc
        trail.set_reason(s, reason)
        old = sup.status
        sup.status = new_status
        if new_status in (SupplierStatus.SUSPENDED.value, SupplierStatus.DISQUALIFIED.value):
            _suspend_qualifications(s, supplier_id, new_status, reason)
        ch = _history(s, supplier_id, old, new_status, reason.strip())
        s.flush()
        return StatusChangeRow(ch.id, supplier_id, old, new_status, ch.changed_at, ch.changed_by, ch.reason)


def _suspend_qualifications(session, supplier_id: int, new_status: str, reason: str) -> None:
    if new_status != SupplierStatus.DISQUALIFIED.value:
        return  # a suspension keeps the entries; the grid shows the status
    from app.models.suppliers.tables import QualifiedSupplier

    for q in session.scalars(select(QualifiedSupplier).where(QualifiedSupplier.supplier_id == supplier_id,
                                                             QualifiedSupplier.status == "active")):
        q.status, q.status_reason, q.status_by, q.status_at = "withdrawn", reason, actor_name(session), utcnow()


def status_actions(status: str) -> tuple[str, ...]:
    """Statuses the user may set by an explicit action from ``status``."""
    return allowed_actions(status)


def status_history(db: Database, supplier_id: int) -> list[StatusChangeRow]:
    with db.begin() as s:
        q = select(SupplierStatusChange).where(SupplierStatusChange.supplier_id == supplier_id) \
            .order_by(SupplierStatusChange.changed_at.desc(), SupplierStatusChange.id.desc())
        return [StatusChangeRow(c.id, c.supplier_id, c.from_status, c.to_status, c.changed_at, c.changed_by, c.reason)
                for c in s.scalars(q)]


# ---------------------------------------------------------------------------- contacts
_CONTACT_FIELDS = ("name", "role", "phone", "email", "is_primary")


def _contact_row(c: SupplierContact) -> ContactRow:
    return ContactRow(c.id, c.supplier_id, c.name, c.role, c.phone, c.email, bool(c.is_primary))


def _contact_values(data: dict[str, Any], partial: bool) -> dict[str, Any]:
    unknown = set(data) - set(_CONTACT_FIELDS)
    if unknown:
        raise ValidationError(f"unknown contact field(s): {', '.join(sorted(unknown))}", "unknown_field")
    out = {k: (bool(v) if k == "is_primary" else str(v or "").strip()) for k, v in data.items()}
    if (not partial or "name" in out) and not out.get("name"):
        raise ValidationError("contact name is required", "name_required")
    if out.get("email") and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", out["email"]):
        raise ValidationError(f"'{out['email']}' is not an e-mail address", "bad_email")
    return out


def list_contacts(db: Database, supplier_id: int) -> list[ContactRow]:
    with db.begin() as s:
        q = select(SupplierContact).where(SupplierContact.supplier_id == supplier_id) \
            .order_by(SupplierContact.is_primary.desc(), SupplierContact.id)
        return [_contact_row(c) for c in s.scalars(q)]


def _one_primary(session, supplier_id: int, keep_id: int) -> None:
    for c in session.scalars(select(SupplierContact).where(SupplierContact.supplier_id == supplier_id,
                                                           SupplierContact.id != keep_id)):
        c.is_primary = False


@requires("suppliers.edit")
def add_contact(db: Database, supplier_id: int, data: dict[str, Any]) -> int:
    values = _contact_values(dict(data), partial=False)
    with db.begin() as s:
        _get(s, Supplier, supplier_id, "supplier")
        c = SupplierContact(supplier_id=supplier_id, **values)
        s.add(c)
        s.flush()
        if c.is_primary:
            _one_primary(s, supplier_id, c.id)
        return c.id


@requires("suppliers.edit")
def update_contact(db: Database, contact_id: int, data: dict[str, Any]) -> ContactRow:
    values = _contact_values(dict(data), partial=True)
    with db.begin() as s:
        c = _get(s, SupplierContact, contact_id, "contact")
        for k, v in values.items():
            setattr(c, k, v)
        if c.is_primary:
            _one_primary(s, c.supplier_id, c.id)
        return _contact_row(c)


@requires("suppliers.edit")
def delete_contact(db: Database, contact_id: int) -> None:
    with db.begin() as s:
        s.delete(_get(s, SupplierContact, contact_id, "contact"))


# ---------------------------------------------------------------------------- certificates
def certificate_state(expires_on: date | None, as_of: date, soon_days: int = SOON_DAYS) -> tuple[str, int | None]:
    if expires_on is None:
        return "open_ended", None
    days = (expires_on - as_of).days
    if days < 0:
        return "expired", days
    if days <= soon_days:
        return "expiring", days
    return "valid", days


#: Quality-management-system certificates a supplier must hold (domain.md §2.2: ISO 9001 / IATF
#: 16949; GB/T 19001 is the Chinese adoption of ISO 9001, ISO 13485 / AS9100 the sector QMS).
#: Environmental and safety certificates (ISO 14001, ISO 45001) are recorded but not mandatory.
MANDATORY_STANDARDS = {"9001": "ISO 9001", "19001": "ISO 9001", "16949": "IATF 16949", "13485": "ISO 13485",
                       "9100": "AS9100"}
#: Order of certificate states from worst to best for a supplier's summary state.
CERT_STATE_ORDER = ("expired", "expiring", "valid", "open_ended", "none")


def mandatory_family(standard: str) -> str | None:
    """The mandatory standard a certificate's standard text names ("IATF 16949:2016" → "IATF 16949")."""
    digits = re.findall(r"\d+", standard or "")
    return next((MANDATORY_STANDARDS[d] for d in digits if d in MANDATORY_STANDARDS), None)


@dataclass(frozen=True)
class MandatoryCertificateState:
    state: str               # expired / expiring / valid / open_ended / none (no mandatory certificate on file)
    standards: tuple[str, ...]  # the mandatory standards in that state (e.g. ("IATF 16949",) when expired)

    @property
    def expired(self) -> bool:
        return self.state == "expired"


def mandatory_certificate_states(session, as_of: date, *, soon_days: int = SOON_DAYS,
                                 supplier_id: int | None = None) -> dict[int, MandatoryCertificateState]:
    """Per supplier, the state of its mandatory certificates: for each mandatory standard the
    certificate that runs longest counts (a renewal replaces the expired one); the supplier's state
    is the worst of its standards. Suppliers without any mandatory certificate are absent."""
    q = select(SupplierCertificate.supplier_id, SupplierCertificate.standard, SupplierCertificate.expires_on)
    if supplier_id is not None:
        q = q.where(SupplierCertificate.supplier_id == supplier_id)
    best: dict[int, dict[str, date | None]] = {}
    for sid, standard, expires in session.execute(q):
        family = mandatory_family(standard)
        if family is None:
            continue
        fams = best.setdefault(sid, {})
        if family not in fams:
            fams[family] = expires
        elif fams[family] is not None and (expires is None or expires > fams[family]):
            fams[family] = expires
    out = {}
    for sid, fams in best.items():
        states = {f: certificate_state(e, as_of, soon_days)[0] for f, e in fams.items()}
        worst = min(states.values(), key=CERT_STATE_ORDER.index)
        out[sid] = MandatoryCertificateState(worst, tuple(sorted(f for f, st in states.items() if st == worst)))
    return out


def _cert_row(c: SupplierCertificate, as_of: date, soon_days: int) -> CertificateRow:
    state, days = certificate_state(c.expires_on, as_of, soon_days)
    return CertificateRow(c.id, c.supplier_id, c.standard, c.number, c.body, c.issued_on, c.expires_on, state, days)


_CERT_FIELDS = ("standard", "number", "body", "issued_on", "expires_on")


def _cert_values(data: dict[str, Any], current: SupplierCertificate | None = None) -> dict[str, Any]:
    unknown = set(data) - set(_CERT_FIELDS)
    if unknown:
        raise ValidationError(f"unknown certificate field(s): {', '.join(sorted(unknown))}", "unknown_field")
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k in ("issued_on", "expires_on"):
            try:
                out[k] = _to_date(v)
            except ValueError as exc:
                raise ValidationError(f"{k}: '{v}' is not a date (YYYY-MM-DD)", "bad_date") from exc
        else:
            out[k] = str(v or "").strip()
    standard = out.get("standard", current.standard if current else "")
    if not standard:
        raise ValidationError("the certificate's standard is required (e.g. ISO 9001:2015)", "standard_required")
    issued = out.get("issued_on", current.issued_on if current else None)
    expires = out.get("expires_on", current.expires_on if current else None)
    if issued and expires and expires < issued:
        raise ValidationError("the expiry date is before the issue date", "dates")
    return out


def list_certificates(db: Database, supplier_id: int, *, as_of: date | None = None,
                      soon_days: int = SOON_DAYS) -> list[CertificateRow]:
    as_of = as_of or date.today()
    with db.begin() as s:
        q = select(SupplierCertificate).where(SupplierCertificate.supplier_id == supplier_id) \
            .order_by(SupplierCertificate.expires_on, SupplierCertificate.id)
        return [_cert_row(c, as_of, soon_days) for c in s.scalars(q)]


@requires("suppliers.edit")
def add_certificate(db: Database, supplier_id: int, data: dict[str, Any]) -> int:
    values = _cert_values(dict(data))
    with db.begin() as s:
        _get(s, Supplier, supplier_id, "supplier")
        c = SupplierCertificate(supplier_id=supplier_id, **values)
        s.add(c)
        s.flush()
        return c.id


@requires("suppliers.edit")
def update_certificate(db: Database, certificate_id: int, data: dict[str, Any]) -> CertificateRow:
    with db.begin() as s:
        c = _get(s, SupplierCertificate, certificate_id, "certificate")
        for k, v in _cert_values(dict(data), c).items():
            setattr(c, k, v)
        s.flush()
        return _cert_row(c, date.today(), SOON_DAYS)


@requires("suppliers.edit")
def delete_certificate(db: Database, certificate_id: int) -> None:
    with db.begin() as s:
        s.delete(_get(s, SupplierCertificate, certificate_id, "certificate"))


def expiring_certificates(db: Database, *, as_of: date | None = None, within_days: int = SOON_DAYS) -> pd.DataFrame:
    """Expired and soon-expiring certificates of all suppliers, soonest first."""
    as_of = as_of or date.today()
    limit = as_of + timedelta(days=within_days)
    with db.begin() as s:
        q = select(SupplierCertificate, Supplier.code, Supplier.name_zh, Supplier.name_en) \
            .join(Supplier, Supplier.id == SupplierCertificate.supplier_id) \
            .where(SupplierCertificate.expires_on.is_not(None), SupplierCertificate.expires_on <= limit) \
            .order_by(SupplierCertificate.expires_on)
        rows = []
        for c, code, zh, en in s.execute(q):
            r = _cert_row(c, as_of, within_days)
            rows.append({"certificate_id": c.id, "supplier_id": c.supplier_id, "supplier_code": code,
                         "supplier_name_zh": zh, "supplier_name_en": en, "standard": c.standard, "number": c.number,
                         "body": c.body, "expires_on": c.expires_on, "state": r.state, "days_left": r.days_left})
    return pd.DataFrame(rows, columns=["certificate_id", "supplier_id", "supplier_code", "supplier_name_zh",
                                       "supplier_name_en", "standard", "number", "body", "expires_on", "state",
                                       "days_left"])


# ---------------------------------------------------------------------------- items
def supplier_items(db: Database, supplier_id: int, *, as_of: date | None = None) -> list[SupplierItemRow]:
    from app.models.suppliers.tables import QualifiedSupplier

    as_of = as_of or date.today()
    with db.begin() as s:
        sup = _get(s, Supplier, supplier_id, "supplier")
        quals: dict[int | None, date] = {}
        for q in s.scalars(select(QualifiedSupplier).where(QualifiedSupplier.supplier_id == supplier_id,
                                                           QualifiedSupplier.status == "active")):
            key = q.part_id
            if key not in quals or q.valid_until > quals[key]:
                quals[key] = q.valid_until
        q = select(SupplierPart, Part).join(Part, Part.id == SupplierPart.part_id) \
            .where(SupplierPart.supplier_id == supplier_id).order_by(Part.code)
        out = []
        for link, part in s.execute(q):
            until = quals.get(part.id)
            if until is None and part.category == sup.category:
                until = quals.get(None)
            out.append(SupplierItemRow(part.id, part.code, part.name_zh, part.name_en, part.category,
                                       part.importance_class, float(link.share), bool(link.active), until))
        return out


def supplier_names(session, supplier_id: int | None) -> tuple[str, str, str]:
    if supplier_id is None:
        return "", "", ""
    sup = session.get(Supplier, supplier_id)
    if sup is None:
        raise NotFoundError(f"supplier {supplier_id} does not exist")
    return sup.code, sup.name_zh, sup.name_en

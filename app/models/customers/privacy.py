"""Privacy requests for one contact (seed ``003_*``: GDPR Art. 15/20 access and portability,
Art. 17 erasure; CCPA §1798.100/.105): export the personal data we hold about the person, and
erase it on request.

Erasure anonymises name, phone and e-mail and marks the contact inactive; the row and its id stay,
so complaints and other records pointing at it keep their history with the person anonymised.
The 0002 single-contact columns on ``customers`` are cleared too when they hold the same person.
The append-only trail never held the personal values (``CustomerContact.__audit_exclude__``), so
nothing of the person is left there either; the erasure itself is on the trail with its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.customers import master
from app.models.customers.errors import CustomerError, NotFoundError, Problem, ValidationError
from app.models.customers.tables import Customer, CustomerContact

ERASED_NAME = "[erased {id}]"

LABELS = {
    "en": {"contact_id": "Contact id", "customer_code": "Customer code", "customer_name": "Customer",
           "name": "Name", "role": "Role / title", "phone": "Phone", "email": "E-mail",
           "preferred_language": "Preferred language", "groups": "Groups", "active": "Active",
           "erased_at": "Erased at (UTC)", "exported_at": "Exported at (UTC)", "exported_by": "Exported by",
           "changes": "Recorded changes", "at": "When (UTC)", "who": "Who", "action": "Action",
           "what": "What", "reason": "Reason", "title": "Personal data"},
    "zh_CN": {"contact_id": "联系人编号", "customer_code": "顾客代码", "customer_name": "顾客", "name": "姓名",
              "role": "职务", "phone": "电话", "email": "电子邮件", "preferred_language": "首选语言",
              "groups": "分组", "active": "有效", "erased_at": "删除时间（UTC）", "exported_at": "导出时间（UTC）",
              "exported_by": "导出人", "changes": "变更记录", "at": "时间（UTC）", "who": "操作人", "action": "操作",
              "what": "内容", "reason": "原因", "title": "个人数据"},
}


@dataclass(frozen=True)
class PersonalData:
    """Everything held about one contact, for an access request."""

    contact_id: int
    customer_code: str
    customer_name: str
    name: str
    role: str
    phone: str
    email: str
    preferred_language: str
    groups: tuple[str, ...]
    active: bool
    erased_at: datetime | None
    changes: tuple[dict, ...]  # trail entries of the contact (which fields changed, when, by whom)

    def as_dict(self) -> dict[str, Any]:
        return {"contact_id": self.contact_id, "customer_code": self.customer_code,
                "customer_name": self.customer_name, "name": self.name, "role": self.role, "phone": self.phone,
                "email": self.email, "preferred_language": self.preferred_language, "groups": list(self.groups),
                "active": self.active, "erased_at": self.erased_at.isoformat() if self.erased_at else None,
                "changes": list(self.changes)}


def personal_data(db: Database, contact_id: int) -> PersonalData:
    with db.read() as s:
        c = s.get(CustomerContact, contact_id)
        if c is None:
            raise NotFoundError("contact", contact_id)
        cust = s.get(Customer, c.customer_id)
        data = (c.id, cust.code, cust.name_zh or cust.name_en, c.name, c.role, c.phone, c.email,
                c.preferred_language, master.sorted_groups(g.group_key for g in c.groups), bool(c.active), c.erased_at)
    changes = tuple({"at": e.at.isoformat(sep=" ", timespec="seconds") if isinstance(e.at, datetime) else str(e.at),
                     "who": e.username, "action": e.action, "what": e.changes, "reason": e.reason}
                    for e in trail.history(db, "customer_contacts", contact_id))
    return PersonalData(*data, changes)


@requires("customers.privacy")
def export_contact_data(db: Database, contact_id: int, path: str | Path, *, lang: str = "en") -> Path:
    """Write one contact's personal data to ``.json`` (machine-readable, portability) or
    ``.xlsx`` (for the person to read). The export itself is on the trail."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise CustomerError("bad_format", suffix=suffix or path.name, suffixes=".json, .xlsx")
    data = personal_data(db, contact_id)
    labels = LABELS.get(lang, LABELS["en"])
    with db.begin() as s:
        exported_at = utcnow()
        trail.record(s, "privacy_export", "customer_contacts", contact_id, {"format": suffix.lstrip(".")})
        by = getattr(getattr(db, "actor", None), "name", "")
    payload = {"exported_at": exported_at.isoformat(timespec="seconds"), "exported_by": by, **data.as_dict()}
    if suffix == ".json":
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        return path
    from app.reports.tabular import new_workbook  # the one xlsx writer (leaf module)
    from openpyxl.styles import Font

    wb = new_workbook()
    ws = wb.active
    ws.title = labels["title"]
    for key in ("contact_id", "customer_code", "customer_name", "name", "role", "phone", "email",
                "preferred_language", "groups", "active", "erased_at", "exported_at", "exported_by"):
        value = payload[key]
        ws.append([labels[key], ", ".join(value) if isinstance(value, list) else ("" if value is None else value)])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append([labels["changes"]])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([labels[k] for k in ("at", "who", "action", "what", "reason")])
    for ch in data.changes:
        ws.append([ch["at"], ch["who"], ch["action"], json.dumps(ch["what"], ensure_ascii=False), ch["reason"]])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["D"].width = 40
    wb.save(path)
    return path


@requires("customers.privacy")
def erase_contact(db: Database, contact_id: int, *, reason: str) -> None:
    """Anonymise one contact on request (reason required, e.g. "erasure request of 2026-11-30")."""
    if not str(reason or "").strip():
        raise ValidationError([Problem("reason", "reason_required")])
    with db.begin() as s:
        c = s.get(CustomerContact, contact_id)
        if c is None:
            raise NotFoundError("contact", contact_id)
        if c.erased_at is not None:
            raise CustomerError("contact_erased", id=contact_id)
        trail.set_reason(s, reason)
        cust = s.get(Customer, c.customer_id)
        if cust is not None:  # the 0002 single contact, when it is the same person
            for legacy, mine in (("contact_name", c.name), ("contact_phone", c.phone), ("contact_email", c.email)):
                if mine and getattr(cust, legacy) == mine:
                    setattr(cust, legacy, "")
        c.name = ERASED_NAME.format(id=c.id)
        c.phone = ""
        c.email = ""
        c.active = False
        c.erased_at = utcnow()
        s.flush()
        trail.record(s, "erase", "customer_contacts", contact_id, {"personal_fields": ["email", "name", "phone"]},
                     reason.strip())

"""Customer master import (CSV or Excel, all-or-nothing with row errors) and export.

Reuses the shared reader in ``app.models.core.csv_reader`` (encodings, header aliases in Chinese
and English, ``--map`` for other headers, every bad row reported). An Excel sheet goes through the
same reader. Existing codes are updated, new ones created; a file with any bad row changes
nothing. The import is one trail entry (counts and the file's hash, ``trail.bulk``).

Optional contact columns (``contact_name`` …) add or update one contact per row (matched by name
within the customer), so a CRM export with one contact per customer comes in complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.admin.tables import User
from app.models.core.csv_reader import MAX_REPORTED, Column, CsvRejected, RowError, choice, parse_date, problem, read_csv, read_rows, text
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.customers import master
from app.models.customers.errors import CustomerError
from app.models.customers.tables import Customer, CustomerContact, CustomerContactGroup

CUSTOMER_TYPE = {"internal": "internal", "external": "external", "内部": "internal", "外部": "external"}
LIFECYCLE = {"potential": "potential", "current": "current", "past": "past", "lost": "lost", "潜在": "potential",
             "潜在顾客": "potential", "现有": "current", "现有顾客": "current", "过去": "past", "过去顾客": "past",
             "流失": "lost", "流失顾客": "lost"}
VALUE_CLASS = {"important": "important", "potential": "potential", "ordinary": "ordinary", "lost": "lost",
               "重要": "important", "重要顾客": "important", "潜力": "potential", "潜力顾客": "potential",
               "一般": "ordinary", "一般顾客": "ordinary", "流失": "lost", "流失顾客": "lost"}
LANGUAGE = {"zh_cn": "zh_CN", "zh": "zh_CN", "中文": "zh_CN", "chinese": "zh_CN", "en": "en", "english": "en",
            "英文": "en", "英语": "en"}
GROUP_WORDS = {"quality": "quality", "purchasing": "purchasing", "management": "management",
               "logistics": "logistics", "engineering": "engineering", "质量": "quality", "采购": "purchasing",
               "管理": "management", "管理层": "management", "物流": "logistics", "工程": "engineering",
               "技术": "engineering"}
YES = {"1", "true", "yes", "y", "x", "是", "✓"}
NO = {"0", "false", "no", "n", "否", "-"}


def _code(value: str) -> str:
    v = value.strip()
    if not master.CODE_RE.match(v):
        raise ValueError(f"bad customer code {v!r} (letters, digits, '-', '_', '.'; at most 32)")
    return v


def _flag(value: str) -> bool:
    v = value.strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    raise ValueError(f"{value.strip()!r} is not yes or no")


def _groups(value: str) -> tuple[str, ...]:
    out = []
    for word in value.replace("，", ",").replace(";", ",").replace("、", ",").split(","):
        w = word.strip().lower()
        if not w:
            continue
        if w not in GROUP_WORDS:
            raise ValueError(f"unknown contact group {word.strip()!r} (use {', '.join(master.GROUPS)})")
        out.append(GROUP_WORDS[w])
    return tuple(dict.fromkeys(out))


COLUMNS = [
    Column("code", _code, aliases=("代码", "顾客代码", "客户代码", "编码")),
    Column("name_zh", text, required=False, aliases=("中文名称", "名称", "顾客名称", "客户名称"), default=""),
    Column("name_en", text, required=False, aliases=("英文名称", "name"), default=""),
    Column("customer_type", choice(CUSTOMER_TYPE), required=False, aliases=("类型", "内部外部", "type"),
           default=None),
    Column("lifecycle", choice(LIFECYCLE), required=False, aliases=("生命周期", "状态", "status"), default=None),
    Column("industry", text, required=False, aliases=("行业",), default=None),
    Column("region", text, required=False, aliases=("地区", "区域"), default=None),
    Column("key_account", _flag, required=False, aliases=("关键客户", "大客户", "key account"), default=None),
    Column("value_class", choice(VALUE_CLASS), required=False, aliases=("价值类别", "顾客价值", "value class"),
           default=None),
    Column("value_class_reason", text, required=False, aliases=("价值类别原因", "原因", "reason"), default=""),
    Column("owner", text, required=False, aliases=("负责人", "客户质量工程师", "owner_user"), default=None),
    Column("since", parse_date, required=False, aliases=("起始日期", "合作起始", "自"), default=None),
    Column("contact_name", text, required=False, aliases=("联系人", "联系人姓名", "contact"), default=""),
    Column("contact_role", text, required=False, aliases=("职务", "联系人职务"), default=""),
    Column("contact_phone", text, required=False, aliases=("电话", "联系电话", "phone"), default=""),
    Column("contact_email", text, required=False, aliases=("邮箱", "电子邮件", "email"), default=""),
    Column("contact_language", choice(LANGUAGE), required=False, aliases=("首选语言", "语言", "language"),
           default="zh_CN"),
    Column("contact_groups", _groups, required=False, aliases=("分组", "联系人分组", "groups"), default=()),
]
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
MASTER_FIELDS = ("code", "name_zh", "name_en", "customer_type", "lifecycle", "industry", "region", "key_account",
                 "since")
HEADERS = {
    "en": ["code", "name_zh", "name_en", "customer_type", "lifecycle", "industry", "region", "key_account",
           "value_class", "value_class_reason", "owner", "since", "contacts", "parts"],
    "zh_CN": ["代码", "中文名称", "英文名称", "类型", "生命周期", "行业", "地区", "关键客户", "价值类别", "价值类别原因",
              "负责人", "起始日期", "联系人数", "供货零件数"],
}


class CustomerImportError(CustomerError):
    """Nothing was imported; ``errors`` lists every bad row (``RowError(line, reason, column)``)."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        Exception.__init__(self, f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")
        self.key, self.code, self.params = "import_rejected", "import_rejected", {"count": len(self.errors)}

    def shown(self, limit: int = MAX_REPORTED) -> list[RowError]:
        return self.errors[:limit]

    @property
    def hidden(self) -> int:
        return max(0, len(self.errors) - MAX_REPORTED)

    def text(self, lang: str = "en") -> str:
        if lang == "zh_CN":
            return f"{len(self.errors)} 个问题，未导入任何数据"
        return f"{len(self.errors)} problem(s), nothing imported"


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    contacts: int


def _cell_text(v) -> str:
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise CustomerImportError([problem(1, "csv.unreadable", f"cannot read the workbook ({exc})", None,
                                           detail=str(exc))]) from exc
    try:
        return [(n, [_cell_text(v) for v in row])
                for n, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


def _read(data: bytes, path: Path, columns, mapping):
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_rows(_xlsx_rows(path), columns, mapping=mapping, encoding="xlsx", raise_errors=False)
    return read_csv(data, columns, mapping=mapping, raise_errors=False)


def _owners(session) -> dict[str, int]:
    """Active users by user name and by display name (case-insensitive)."""
    out: dict[str, int] = {}
    for uid, username, display in session.execute(select(User.id, User.username, User.display_name)
                                                  .where(User.active.is_(True))):
        for key in (username, display):
            if key:
                out.setdefault(key.strip().casefold(), int(uid))
    return out


@requires("customers.import")
def import_customers(db: Database, path: str | Path, *, mapping: dict[str, str] | None = None) -> ImportResult:
    """Create new codes, update existing ones (only the columns the file has); any bad row
    refuses the whole file."""
    path = Path(path)
    if not path.is_file():
        raise CustomerImportError([problem(0, "customers.no_file", f"{path} does not exist", None, path=str(path))])
    data = path.read_bytes()
    try:
        parsed = _read(data, path, COLUMNS, mapping)
    except CsvRejected as exc:
        raise CustomerImportError(exc.errors) from exc
    errors: list[RowError] = list(parsed.errors)
    present = set(_present_columns(parsed.header, mapping))
    # the checks across columns and rows run on the raw text of every row (also those with a bad
    # value), so one pass reports every problem of the file
    lenient = _read(data, path, [Column(col.name, text, required=False, aliases=col.aliases, default="")
                                 for col in COLUMNS], mapping)
    with db.begin() as s:
        owners = _owners(s)
        codes = [r["code"] for r in lenient.rows if r.get("code")]
        existing = {c.code: c for c in s.scalars(select(Customer).where(Customer.code.in_(codes)))} if codes else {}
        seen: dict[str, int] = {}
        for row, line in zip(lenient.rows, lenient.lines):
            code = row.get("code") or ""
            if not code:
                continue  # reported by the strict pass
            if code in seen:
                errors.append(problem(line, "customers.repeat", f"code {code} repeats line {seen[code]}", "code",
                                      code=code, first=seen[code]))
                continue
            seen[code] = line
            old = existing.get(code)
            zh = row["name_zh"] if "name_zh" in present else (old.name_zh if old else "")
            en = row["name_en"] if "name_en" in present else (old.name_en if old else "")
            if not zh and not en:
                errors.append(problem(line, "customers.name_required", "a Chinese or English name is required", "name_zh"))
            owner = row.get("owner")
            if owner and owner.casefold() not in owners:
                errors.append(problem(line, "customers.no_owner", f"there is no active user {owner!r}", "owner", user=owner))
            vc = VALUE_CLASS.get((row.get("value_class") or "").lower(), row.get("value_class"))
            if vc and not row.get("value_class_reason") and not (old is not None and old.value_class == vc):
                errors.append(problem(line, "customers.reason_required",
                                      "a value class set by hand needs a reason (value_class_reason)",
                                      "value_class_reason"))
            if row.get("contact_email") and not master.EMAIL_RE.match(row["contact_email"]):
                errors.append(problem(line, "customers.bad_email", f"{row['contact_email']!r} is not an e-mail address",
                                      "contact_email", text=row["contact_email"]))
            if (row.get("contact_phone") or row.get("contact_email") or row.get("contact_groups")) \
                    and not row.get("contact_name"):
                errors.append(problem(line, "customers.contact_name", "contact details need a contact_name",
                                      "contact_name"))
            limits = {k: row.get(k) for k in ("code", "name_zh", "name_en", "industry", "region") if row.get(k)}
            for err in field_errors(Customer, limits):
                errors.append(problem(line, "csv.too_long", err.message.split(": ", 1)[-1], err.field,
                                      limit=err.limit, length=len(str(limits[err.field]))))
            contact_limits = {"name": row.get("contact_name"), "role": row.get("contact_role"),
                              "phone": row.get("contact_phone"), "email": row.get("contact_email")}
            for err in field_errors(CustomerContact, contact_limits):
                errors.append(problem(line, "csv.too_long", err.message.split(": ", 1)[-1], f"contact_{err.field}",
                                      limit=err.limit, length=len(str(contact_limits[err.field]))))
        if errors:
            raise CustomerImportError(sorted(set(errors), key=lambda e: (e.line, e.column or "")))
        created = updated = contacts = 0
        with trail.bulk(s, "import", "customers", file=path.name, rows=len(parsed.rows)) as b:
            b.add_content(data)
            for row in parsed.rows:
                cust = existing.get(row["code"])
                values: dict[str, Any] = {k: row[k] for k in MASTER_FIELDS
                                          if k in present and row.get(k) is not None}
                for name in ("name_zh", "name_en", "industry", "region"):
                    if name in present:
                        values[name] = row.get(name) or ""
                if row.get("owner"):
                    values["owner_user_id"] = owners[row["owner"].casefold()]
                if row.get("value_class"):
                    values["value_class"] = row["value_class"]
                    if row.get("value_class_reason"):
                        values["value_class_reason"] = row["value_class_reason"]
                if cust is None:
                    values.setdefault("customer_type", "external")
                    values.setdefault("lifecycle", "current")
                    cust = Customer(**values)
                    s.add(cust)
                    s.flush()
                    created += 1
                else:
                    for k, v in values.items():
                        setattr(cust, k, v)
                    updated += 1
                if row.get("contact_name"):
                    contacts += _import_contact(s, cust, row)
    return ImportResult(created, updated, contacts)


def _present_columns(header: list[str], mapping: dict[str, str] | None) -> list[str]:
    """Which of our columns the file's header has (so absent ones keep their stored values)."""
    import re

    def norm(name: str) -> str:
        return re.sub(r"[\s_\-()（）]+", "", name).lower()

    have = {norm(h) for h in header}
    out = []
    for col in COLUMNS:
        wanted = [mapping[col.name]] if mapping and col.name in mapping else [col.name, *col.aliases]
        if any(norm(w) in have for w in wanted):
            out.append(col.name)
    return out


def _import_contact(session, cust: Customer, row: dict[str, Any]) -> int:
    name = row["contact_name"]
    contact = session.scalar(select(CustomerContact).where(CustomerContact.customer_id == cust.id,
                                                           CustomerContact.name == name,
                                                           CustomerContact.erased_at.is_(None)))
    if contact is None:
        contact = CustomerContact(customer_id=cust.id, name=name)
        session.add(contact)
    contact.role = row.get("contact_role") or contact.role or ""
    contact.phone = row.get("contact_phone") or contact.phone or ""
    contact.email = row.get("contact_email") or contact.email or ""
    contact.preferred_language = row.get("contact_language") or "zh_CN"
    session.flush()
    have = {g.group_key for g in contact.groups}
    for g in row.get("contact_groups") or ():
        if g not in have:
            contact.groups.append(CustomerContactGroup(group_key=g))
    return 1


def export_rows(db: Database, lang: str = "en") -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the customer master (re-importable: the headers are import aliases)."""
    yes = "是" if lang == "zh_CN" else "yes"
    with db.read() as s:
        reasons = dict(s.execute(select(Customer.id, Customer.value_class_reason)).all())
        usernames = dict(s.execute(select(User.id, User.username)).all())
    data = []
    for r in master.customer_rows(db):
        data.append([r.code, r.name_zh, r.name_en, r.customer_type, r.lifecycle, r.industry, r.region,
                     yes if r.key_account else "", r.value_class or "", reasons.get(r.id, "") if r.value_class else "",
                     usernames.get(r.owner_user_id, "") if r.owner_user_id else "", r.since, r.contacts, r.parts])
    return HEADERS.get(lang, HEADERS["en"]), data


def export_customers(db: Database, path: str | Path, *, lang: str = "en") -> int:
    """Write the customer master to ``.csv`` (UTF-8 with BOM, opens in Excel) or ``.xlsx``."""
    path = Path(path)
    header, data = export_rows(db, lang)
    # The one writer (text a spreadsheet could run is stored as text); a leaf module, as in
    # app.models.suppliers.imports.
    from app.reports.tabular import write_csv, write_xlsx

    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, header, data)
    elif suffix == ".xlsx":
        write_xlsx(path, header, data, title="顾客" if lang == "zh_CN" else "Customers",
                   widths=(10, 30, 36, 10, 10, 14, 12, 8, 10, 30, 14, 12, 8, 8))
    else:
        raise CustomerError("bad_format", suffix=suffix or path.name, suffixes=".csv, .xlsx")
    return len(data)

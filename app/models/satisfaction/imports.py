"""Reading filled-in questionnaires from CSV/xlsx: all-or-nothing, every bad cell reported.

A file has one row per respondent: the customer's code, optionally the contact's name, then one
column per question. Question columns are found by the question's code, its Chinese or its
English text (so the survey's own xlsx export, whose header row carries the codes, reads back
as it is), or by a column mapping (question code → the file's header) that the mapping dialog
remembers per survey (:func:`remembered_mapping` / :func:`remember_mapping`, app setting
``satisfaction.import_mapping.<survey code>``).

The scale of each question is the survey's, given by the caller, never inferred from the data.
A blank cell is "no answer". A value outside the scale, a non-number, an unknown customer or
contact, and the same respondent twice (in the file, or already answered in the wave — the
caller passes who has) are reported with the row and the column; nothing is returned unless the
whole file is good.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models.core.csv_reader import (
    MAX_REPORTED, Column, CsvRejected, Reason, RowError, problem, read_csv, read_rows, text,
)
from app.models.core.database import Database
from app.models.core.settings import AppSetting

MAPPING_KEY = "satisfaction.import_mapping."
CUSTOMER_ALIASES = ("customer_code", "顾客代码", "客户代码", "顾客", "客户", "代码", "customer code")
CONTACT_ALIASES = ("contact_name", "联系人", "联系人姓名", "答卷人", "respondent")


@dataclass(frozen=True)
class Item:
    """A question of the survey version as the entry grid, the import and the blank xlsx see it:
    ``code`` is its column (the indicator's code for a rating, ``PQ1.IMP`` for that indicator's
    importance, ``K1.F`` / ``K1.D`` for a Kano pair's functional / dysfunctional question, ``NPS``),
    ``question`` and ``kind`` how the answer is stored (``sat_answers.question`` / ``kind``), with
    its own scale (the survey's; Kano 1–5; NPS 0–10)."""

    code: str
    text_zh: str
    text_en: str
    scale_min: int
    scale_max: int
    kind: str = "rating"
    question: str = ""

    @property
    def stored_as(self) -> tuple[str, str]:
        return self.question or self.code, self.kind


#: the suffixes of the columns that are not ratings (a code never contains a dot)
IMPORTANCE, FUNCTIONAL, DYSFUNCTIONAL = ".IMP", ".F", ".D"
KANO_SCALE = (1, 5)   # 1 like · 2 must-be · 3 neutral · 4 live with · 5 dislike (app.engines.kano)
NPS_SCALE = (0, 10)


def version_items(session, version_id: int) -> list[Item]:
    """Every question a respondent of the version answers, in the questionnaire's order: dimension
    by dimension each indicator's rating (and its importance when asked), then the Kano pairs
    (functional, dysfunctional) and the NPS question."""
    from app.models.satisfaction.tables import KanoPair, Survey, SurveyNode, SurveyVersion

    v = session.get(SurveyVersion, version_id)
    survey = session.get(Survey, v.survey_id)
    lo, hi = survey.scale_min, survey.scale_max
    nodes = list(session.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id)))
    kids: dict[int | None, list] = {}
    for n in nodes:
        kids.setdefault(n.parent_id, []).append(n)
    items: list[Item] = []
    stack = sorted(kids.get(None, []), key=lambda n: (n.position, n.id), reverse=True)
    while stack:  # depth first: the tree's order
        n = stack.pop()
        children = kids.get(n.id, [])
        if not children and n.kind == "indicator":
            items.append(Item(n.code, n.text_zh, n.text_en, lo, hi))
            if n.importance_question:
                items.append(Item(n.code + IMPORTANCE, f"重要性：{n.text_zh}" if n.text_zh else "",
                                  f"Importance: {n.text_en}" if n.text_en else "", lo, hi, "importance", n.code))
        stack.extend(sorted(children, key=lambda k: (k.position, k.id), reverse=True))
    for p in session.scalars(select(KanoPair).where(KanoPair.version_id == v.id)
                             .order_by(KanoPair.position, KanoPair.id)):
        items.append(Item(p.code + FUNCTIONAL, p.functional_zh or p.attribute_zh, p.functional_en or p.attribute_en,
                          *KANO_SCALE, "kano_functional", p.code))
        items.append(Item(p.code + DYSFUNCTIONAL, p.dysfunctional_zh or p.attribute_zh,
                          p.dysfunctional_en or p.attribute_en, *KANO_SCALE, "kano_dysfunctional", p.code))
    if v.nps_zh or v.nps_en:
        items.append(Item("NPS", v.nps_zh, v.nps_en, *NPS_SCALE, "nps", "NPS"))
    return items


@dataclass(frozen=True)
class Respondent:
    """Who may answer: a customer by code, with its contacts by name (case-insensitive)."""

    customer_id: int
    code: str
    contacts: Mapping[str, int] = field(default_factory=dict)
    #: asked as a customer (a target without a contact): a sheet may leave the contact blank
    anyone: bool = True


@dataclass(frozen=True)
class AnswerRow:
    line: int
    customer_id: int
    contact_id: int | None
    answers: dict[str, int]


@dataclass
class ParsedAnswers:
    rows: list[AnswerRow]
    encoding: str
    #: question codes found in the file (absent questions are "no answer" throughout)
    items: list[str]


class AnswerImportError(Exception):
    """Nothing was imported; ``errors`` lists every bad cell (``RowError(line, reason, column)``)."""

    code = "import_rejected"

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = sorted(set(errors), key=lambda e: (e.line, e.column or ""))
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")
        self.key, self.params = "import_rejected", {"count": len(self.errors)}

    def shown(self, limit: int = MAX_REPORTED) -> list[RowError]:
        return self.errors[:limit]

    @property
    def hidden(self) -> int:
        return max(0, len(self.errors) - MAX_REPORTED)

    def text(self, lang: str = "en") -> str:
        if lang == "zh_CN":
            return f"{len(self.errors)} 个问题，未导入任何数据"
        return f"{len(self.errors)} problem(s), nothing imported"


def _answer_parser(item: Item):
    lo, hi = item.scale_min, item.scale_max
    accepted = {str(v): v for v in range(lo, hi + 1)}
    accepted.update({f"{v}.0": v for v in range(lo, hi + 1)})

    def parse(cell: str) -> int:
        value = accepted.get(cell)
        if value is None:
            raise Reason("satisfaction.out_of_scale",
                         f"{cell!r} is not an answer to {item.code} (scale {lo}–{hi}; leave blank for no answer)",
                         text=cell, item=item.code, lo=lo, hi=hi)
        return value

    return parse


def columns_for(items: Sequence[Item]) -> list[Column]:
    cols = [Column("customer", text, aliases=CUSTOMER_ALIASES),
            Column("contact", text, required=False, aliases=CONTACT_ALIASES, default="")]
    for it in items:
        aliases = tuple(a for a in (it.text_zh, it.text_en) if a) if it.kind in ("rating", "nps") else ()
        cols.append(Column(it.code, _answer_parser(it), required=False, aliases=aliases, default=None))
    return cols


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    return str(v)


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _column_number(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n - 1


def _xlsx_records_direct(path: Path) -> list[tuple[int, list[str]]]:
    """The first sheet's cell texts read straight from the workbook's XML (ElementTree's C
    parser): several times faster than openpyxl's read-only mode on a 5,000 × 40 wave. Formula
    cells give their cached value, as openpyxl's ``data_only`` does."""
    import posixpath
    import zipfile
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(path) as zf:
        book = ET.fromstring(zf.read("xl/workbook.xml"))
        first = book.find(f"{_NS}sheets/{_NS}sheet")
        rid = first.get(f"{_REL_NS}id") if first is not None else None
        target = "worksheets/sheet1.xml"
        if rid and "xl/_rels/workbook.xml.rels" in zf.namelist():
            rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            for rel in rels:
                if rel.get("Id") == rid:
                    target = rel.get("Target", target)
        sheet_name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        shared: list[str] = []
        if "xl/sharedStrings.xml" in zf.namelist():
            for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).iter(f"{_NS}si"):
                shared.append("".join(t.text or "" for t in si.iter(f"{_NS}t")))
        root = ET.fromstring(zf.read(sheet_name))
    out: list[tuple[int, list[str]]] = []
    c_tag, v_tag, t_tag = f"{_NS}c", f"{_NS}v", f"{_NS}t"
    for row in root.iter(f"{_NS}row"):
        number = int(row.get("r") or (out[-1][0] + 1 if out else 1))
        cells: list[str] = []
        for c in row.iter(c_tag):
            ref = c.get("r")
            if ref:
                col = _column_number(ref)
                if col > len(cells):
                    cells.extend([""] * (col - len(cells)))
            kind = c.get("t")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(t_tag))
            else:
                v = c.find(v_tag)
                raw = v.text if v is not None and v.text is not None else ""
                if kind == "s":
                    value = shared[int(raw)] if raw else ""
                elif kind == "b":
                    value = "TRUE" if raw == "1" else ("FALSE" if raw else "")
                elif kind in ("str", "e"):
                    value = raw
                else:
                    value = raw[:-2] if raw.endswith(".0") else raw
            cells.append(value)
        out.append((number, cells))
    return out


def _xlsx_records(path: Path) -> list[tuple[int, list[str]]]:
    try:
        return _xlsx_records_direct(path)
    except Exception:  # noqa: BLE001 - any unusual workbook: openpyxl reads it (or says why not)
        pass
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise AnswerImportError([problem(1, "satisfaction.bad_workbook", f"not a readable xlsx workbook ({exc})",
                                         None, detail=str(exc))]) from exc
    try:
        sheet = wb.worksheets[0]
        return [(n, [_cell_text(v) for v in row]) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


HEADER_SEARCH = 10  # a workbook may have a title and a note above its header row


def _from_header(records: list[tuple[int, list[str]]], mapping: Mapping[str, str] | None):
    """The records from the header row on: the first of the first :data:`HEADER_SEARCH` rows
    with the customer column (a questionnaire workbook may carry a title above it). Line numbers
    stay the sheet's."""
    wanted = {_norm(w) for w in ("customer", *CUSTOMER_ALIASES)}
    if mapping and mapping.get("customer"):
        wanted = {_norm(mapping["customer"])}
    for i, (_line, cells) in enumerate(records[:HEADER_SEARCH]):
        if any(_norm(str(c)) in wanted for c in cells if c):
            return records[i:]
    return records


def _header_of(records: list[tuple[int, list[str]]]) -> list[str]:
    return [str(h).strip() for h in records[0][1]] if records else []


def read_header(path: str | Path) -> list[str]:
    """The file's column headers, for the mapping dialog."""
    path = Path(path)
    if _is_xlsx(path):
        return _header_of(_from_header(_xlsx_records(path), None)[:1])
    try:
        parsed = read_csv(path.read_bytes(), [], raise_errors=False)
    except CsvRejected as exc:
        raise AnswerImportError(exc.errors) from exc
    except OSError as exc:
        raise AnswerImportError([problem(0, "satisfaction.no_file", f"cannot read {path}: {exc.strerror}", None,
                                         path=str(path))]) from exc
    return parsed.header


def _is_xlsx(path: Path) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def parse_answers(path: str | Path, items: Sequence[Item], respondents: Iterable[Respondent], *,
                  mapping: Mapping[str, str] | None = None,
                  answered: Iterable[tuple[int, int | None]] = ()) -> ParsedAnswers:
    """Every row of the file, or :class:`AnswerImportError` listing every bad cell.

    ``answered`` holds the (customer id, contact id) pairs that already answered in the wave;
    answering again is refused (a duplicate respondent)."""
    path = Path(path)
    if not path.is_file():
        raise AnswerImportError([problem(0, "satisfaction.no_file", f"{path} does not exist", None, path=str(path))])
    if not items:
        raise AnswerImportError([problem(0, "satisfaction.no_items", "the survey version has no questions", None)])
    columns = columns_for(items)
    who_columns = [Column("customer", text, required=False, aliases=CUSTOMER_ALIASES, default=""),
                   Column("contact", text, required=False, aliases=CONTACT_ALIASES, default="")]
    plain = dict(mapping or {})
    who_mapping = {k: v for k, v in plain.items() if k in ("customer", "contact")}
    try:
        if _is_xlsx(path):
            records = _from_header(_xlsx_records(path), mapping)
            parsed = read_rows(records, columns, mapping=plain, encoding="xlsx", raise_errors=False)
            people = read_rows(records, who_columns, mapping=who_mapping, encoding="xlsx", raise_errors=False)
        else:
            data = path.read_bytes()
            parsed = read_csv(data, columns, mapping=plain, raise_errors=False)
            people = read_csv(data, who_columns, mapping=who_mapping, raise_errors=False)
    except CsvRejected as exc:
        raise AnswerImportError(exc.errors) from exc
    errors: list[RowError] = list(parsed.errors)
    found = _found_items(parsed.header, items, mapping)
    if not found:
        errors.append(problem(1, "satisfaction.no_item_columns",
                              "no column of the file is a question of the survey (map the columns)", None))
    by_code = {r.code.casefold(): r for r in respondents}
    seen: dict[tuple[int, int | None], int] = {}
    already = set(answered)
    # who answers: checked on every line (also lines with a bad answer), so one pass reports all
    resolved: dict[int, tuple[int, int | None]] = {}
    for row, line in zip(people.rows, people.lines):
        code = row["customer"]
        if not code:
            continue  # reported by the strict pass (value missing)
        who = by_code.get(code.casefold())
        if who is None:
            errors.append(problem(line, "satisfaction.no_customer",
                                  f"customer {code!r} was not asked in this wave (not one of its targets)", "customer",
                                  code=code))
            continue
        contact_id = None
        if row.get("contact"):
            contact_id = who.contacts.get(row["contact"].casefold())
            if contact_id is None:
                errors.append(problem(line, "satisfaction.no_contact",
                                      f"{row['contact']!r} is not a contact of {who.code}", "contact",
                                      name=row["contact"], code=who.code))
                continue
        elif not who.anyone:
            errors.append(problem(line, "satisfaction.contact_needed",
                                  f"{who.code} was asked through its contacts: name the contact who answered", "contact",
                                  code=who.code))
            continue
        key = (who.customer_id, contact_id)
        if key in seen:
            errors.append(problem(line, "satisfaction.repeat", f"{who.code} {row.get('contact') or ''} answers "
                                  f"twice (also line {seen[key]})".replace("  ", " "), "customer",
                                  code=who.code, first=seen[key]))
            continue
        seen[key] = line
        if key in already:
            errors.append(problem(line, "satisfaction.answered",
                                  f"{who.code} {row.get('contact') or ''} has already answered in this wave"
                                  .replace("  ", " "), "customer", code=who.code))
            continue
        resolved[line] = key
    codes = [it.code for it in items]
    rows: list[AnswerRow] = []
    for row, line in zip(parsed.rows, parsed.lines):
        answers = {c: row[c] for c in codes if row.get(c) is not None}
        if not answers and found and not any(e.line == line for e in parsed.errors):
            errors.append(problem(line, "satisfaction.no_answers", "the answer sheet has no answer at all "
                                  "(a respondent who answered nothing is not stored)", None))
            continue
        if line in resolved:
            customer_id, contact_id = resolved[line]
            rows.append(AnswerRow(line, customer_id, contact_id, answers))
    if not parsed.rows and not errors:
        errors.append(problem(1, "csv.no_rows", "the file has a header but no data rows", None))
    if errors:
        raise AnswerImportError(errors)
    return ParsedAnswers(rows, parsed.encoding, found)


def _norm(name: str) -> str:
    import re

    return re.sub(r"[\s_\-()（）]+", "", name).lower()


def _names(it: Item) -> list[str]:
    """The headers a column of ``it`` is recognised by: its code, and a rating's (or NPS's) text."""
    return [it.code, it.text_zh, it.text_en] if it.kind in ("rating", "nps") else [it.code]


def _found_items(header: Sequence[str], items: Sequence[Item], mapping: Mapping[str, str] | None) -> list[str]:
    have = {_norm(h) for h in header}
    out = []
    for it in items:
        wanted = [mapping[it.code]] if mapping and it.code in mapping else _names(it)
        if any(w and _norm(w) in have for w in wanted):
            out.append(it.code)
    return out


def guess_mapping(header: Sequence[str], items: Sequence[Item]) -> dict[str, str]:
    """Column → header pairs the dialog proposes: exact code or text matches (case, spaces and
    brackets ignored). The user confirms or changes them."""
    by_norm = {_norm(h): h for h in header if h}
    out: dict[str, str] = {}
    for name, aliases in (("customer", CUSTOMER_ALIASES), ("contact", CONTACT_ALIASES)):
        hit = next((by_norm[_norm(a)] for a in (name, *aliases) if _norm(a) in by_norm), None)
        if hit:
            out[name] = hit
    for it in items:
        hit = next((by_norm[_norm(w)] for w in _names(it) if w and _norm(w) in by_norm), None)
        if hit:
            out[it.code] = hit
    return out


def remembered_mapping(db: Database, survey_code: str) -> dict[str, str]:
    """The mapping last used for this survey's imports (empty when none)."""
    with db.read() as s:
        row = s.scalar(select(AppSetting).where(AppSetting.key == MAPPING_KEY + survey_code))
    if row is None:
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def remember_mapping(session, survey_code: str, mapping: Mapping[str, str]) -> None:
    """Store the mapping inside the import's transaction (it is on the trail like any setting)."""
    text_value = json.dumps(dict(mapping), ensure_ascii=False, sort_keys=True)
    row = session.get(AppSetting, MAPPING_KEY + survey_code)
    if row is None:
        session.add(AppSetting(key=MAPPING_KEY + survey_code, value=text_value))
    elif row.value != text_value:
        row.value = text_value

"""Demo quality agreements: the default template, and an agreement for every approved class I and
II supplier — signed by both parties, every third one with a second version (a stricter lot pass
rate and one more clause) in force from the middle of the demo months, one expiring within 60
days, and one draft under way. The targets are the template's (lot pass rate ≥ 98 %, PPM ≤ 500,
on-time ≥ 95 %, SCAR on time ≥ 90 %), so the evaluation's demo lots and deliveries breach them in
some months. Stored content hashes are those ``service.version_content`` gives."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from datetime import date, timedelta

from app.engines import agreements as eng
from app.models.admin import signatures
from app.models.agreements.service import Clause
from app.models.agreements.templates import DEFAULT_NAME, default_clauses

ORDER = 60
PURCHASER = [("王芳 Wang Fang", "质量经理 Quality manager"), ("周敏", "采购总监 Purchasing director")]
SUPPLIER_SIGNERS = ["陈建国", "刘海涛", "黄丽", "吴志强", "郑晓燕", "孙立军", "马俊", "胡静"]
SUPPLIER_TITLES = ["总经理", "质量总监", "副总经理"]
EXTRA_CLAUSE = Clause(area=2, party="supplier", documents="供方年度自评报告",
                      text_zh="供方每年 1 月底前提交上一年度质量体系自评报告及改进计划。",
                      text_en="The supplier submits its quality system self-assessment and improvement plan for the "
                              "previous year by the end of January.")


def _key(rng) -> str:
    return uuid.UUID(int=rng.getrandbits(128)).hex


def _numbered(clauses: list[Clause]) -> list[Clause]:
    ordered = sorted(clauses, key=lambda c: c.area)
    return [replace(c, number=n) for c, n in zip(ordered, eng.clause_numbers([c.area for c in ordered]))]


def _content(number: str, supplier_id: int, version: int, eff, exp, purchaser, supplier, clauses) -> dict:
    return {"agreement": number, "supplier_id": supplier_id, "version": version, "effective_from": eff,
            "expires_on": exp, "purchaser": list(purchaser), "supplier": list(supplier),
            "clauses": [[c.number, c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level, c.skip_lot_allowed,
                         c.indicator, c.comparator, c.threshold, c.period, c.rule_kind, c.rule_amount, c.escalate_after]
                        for c in clauses]}


def _insert_clauses(conn, clauses: list[Clause], *, version_id=None, template_id=None) -> int:
    rows = []
    pos: dict[int, int] = {}
    for c in clauses:
        pos[c.area] = pos.get(c.area, 0) + 1
        rows.append((version_id, template_id, c.key, c.area, pos[c.area], c.text_zh, c.text_en, c.party, c.documents,
                     c.aql, c.level, int(c.skip_lot_allowed), c.indicator, c.comparator, c.threshold, c.period,
                     c.rule_kind, c.rule_amount, c.escalate_after))
    conn.executemany("INSERT INTO agreement_clauses (version_id, template_id, key, area, position, text_zh, text_en, party,"
                     " documents, aql, level, skip_lot_allowed, indicator, comparator, threshold, period, rule_kind,"
                     " rule_amount, escalate_after) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return len(rows)


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    import random

    rng = random.Random(ctx.seed * 104729 + 14)  # own stream: the other demo data stays as it was
    stamp = f"{ctx.months[0]:%Y-%m-%d} 08:00:00"
    conn.execute("INSERT INTO agreement_templates (id, name, description, is_default, created_at, updated_at)"
                 " VALUES (1, ?, ?, 1, ?, ?)",
                 (DEFAULT_NAME, "按 GB/T 19001 与 GB/T 2828.1 编写的默认模板 / Default template after GB/T 19001 and GB/T 2828.1",
                  stamp, stamp))
    template = [replace(c, key=_key(rng)) for c in default_clauses()]
    n_clauses = _insert_clauses(conn, template, template_id=1)
    suppliers = conn.execute("SELECT id, code FROM suppliers WHERE status = 'approved' AND importance_class IN ('I', 'II')"
                             " ORDER BY id").fetchall()
    first, middle, as_of = ctx.months[0], ctx.months[len(ctx.months) // 2], ctx.as_of
    n_agreements = n_versions = 0
    for k, (sid, code) in enumerate(suppliers):
        number = f"QA-{code}-01"
        n_agreements += 1
        conn.execute("INSERT INTO agreements (id, supplier_id, number, title_zh, title_en, part_family, created_at)"
                     " VALUES (?,?,?,?,?,?,?)", (n_agreements, sid, number, "质量保证协议", "Quality Assurance Agreement",
                                                 "", stamp))
        aid = n_agreements
        clauses = _numbered([replace(c, key=_key(rng)) for c in template])
        two = k % 3 == 0
        expiring = k == 1
        eff1 = first - timedelta(days=rng.randint(20, 200))
        exp1 = as_of + timedelta(days=40) if expiring else eff1 + timedelta(days=3 * 365)
        pname, ptitle = PURCHASER[k % 2]
        sname, stitle = SUPPLIER_SIGNERS[k % len(SUPPLIER_SIGNERS)], SUPPLIER_TITLES[k % len(SUPPLIER_TITLES)]
        versions = [(1, eff1, exp1, clauses, None)]
        if two:
            stricter = [replace(c, threshold=98.5, text_zh=c.text_zh.replace("98%", "98.5%"),
                                text_en=c.text_en.replace("98 %", "98.5 %"))
                        if c.indicator == eng.LOT_PASS_RATE else c for c in clauses]
            v2 = _numbered(stricter + [replace(EXTRA_CLAUSE, key=_key(rng))])
            versions.append((2, middle, middle + timedelta(days=3 * 365), v2, 1))
        prev_id = None
        for version, eff, exp, cl, _based in versions:
            n_versions += 1
            vid = n_versions
            signed_p = eff - timedelta(days=rng.randint(3, 15))
            signed_s = signed_p + timedelta(days=rng.randint(0, 3))
            content = _content(number, sid, version, eff, exp, (pname, ptitle, signed_p), (sname, stitle, signed_s), cl)
            digest = signatures.content_hash(content)
            conn.execute("INSERT INTO agreement_versions (id, agreement_id, version, state, based_on_id, effective_from,"
                         " expires_on, review_on, purchaser_signatory, purchaser_title, purchaser_signed_on,"
                         " supplier_signatory, supplier_title, supplier_signed_on, content_sha256, submitted_by,"
                         " signed_by, signed_at, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (vid, aid, version, "signed", prev_id, eff, exp, None, pname, ptitle, signed_p, sname, stitle,
                          signed_s, digest, "李强 Li Qiang", pname, f"{signed_s:%Y-%m-%d} 10:00:00", "", stamp))
            n_clauses += _insert_clauses(conn, cl, version_id=vid)
            prev_id = vid
        if k == 2:  # a revision under way: a draft copied from the version in force
            n_versions += 1
            conn.execute("INSERT INTO agreement_versions (id, agreement_id, version, state, based_on_id, created_at)"
                         " VALUES (?,?,?,?,?,?)", (n_versions, aid, len(versions) + 1, "draft", prev_id, stamp))
            n_clauses += _insert_clauses(conn, versions[-1][3], version_id=n_versions)
    ctx.counts["agreements"] = n_agreements
    ctx.counts["agreement_versions"] = n_versions
    ctx.counts["agreement_clauses"] = n_clauses

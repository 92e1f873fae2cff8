"""Demo data for the supplier lifecycle: checklist templates, surveys (submitted and drafts),
audits (completed and drafts) with findings, corrective actions (some overdue, some closed),
approval histories, the qualified supplier list and development plans.

Wizard states are built with the real flows, so every demo draft opens in the wizards and every
score is what the engines compute. Rows go in with raw ``sqlite3.executemany``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta

from app.engines.audit import CAR_SEVERITIES, parse_checklist
from app.flows.approval import STEPS, qualification_dates
from app.flows.audit import SHIPPED_TEMPLATES, AuditFlow, load_checklist_document
from app.flows.survey import SurveyFlow, load_survey_definition
from app.models.suppliers.demo8d import audit_finding_8d

ORDER = 40
AUDITORS = ["张伟 Zhang Wei", "李娜 Li Na", "王强 Wang Qiang", "陈静 Chen Jing", "刘洋 Liu Yang"]
QE = ["张伟", "李娜", "王强"]
QM = "周敏 (质量经理)"
FINDING_TEXTS = [
    ("作业指导书版本与图纸不一致", "Work instruction revision differs from the drawing"),
    ("量具校准过期", "Gauge calibration overdue"),
    ("不合格品未隔离", "Nonconforming parts not segregated"),
    ("关键特性未做 SPC", "No SPC on a key characteristic"),
    ("首件检验记录缺失", "First-piece inspection record missing"),
    ("原材料批次无法追溯", "Raw material lot not traceable"),
    ("培训记录不完整", "Training records incomplete"),
    ("包装标签缺少批号", "Pack label lacks the lot number"),
]
WEAK_AREAS = [("过程能力不足（Cpk < 1.33）", "SPC 培训；关键工序增加控制图；每月评审 Cpk"),
              ("来料检验漏检", "按 GB/T 2828.1 修订抽样方案；检验员再培训"),
              ("交付及时率低", "建立安全库存；周滚动计划；每周交付评审"),
              ("纠正措施响应慢", "指定 8D 负责人；48 小时内提交 D3 遏制措施")]


def _ts(d: date, hour: int = 9) -> str:
    return datetime(d.year, d.month, d.day, hour, 0, 0).isoformat(sep=" ")


def _seed_templates(conn: sqlite3.Connection, now: str) -> None:
    for tid, key in enumerate(SHIPPED_TEMPLATES, 1):
        t = parse_checklist(load_checklist_document(key))
        sections = json.dumps([{"key": s.key, "title_zh": s.title_zh, "title_en": s.title_en} for s in t.sections],
                              ensure_ascii=False)
        conn.execute("INSERT INTO audit_templates (id, key, audit_type, title_zh, title_en, version, source, default_max,"
                     " default_na_allowed, sections_json, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (tid, t.key, t.audit_type, t.title_zh, t.title_en, t.version, t.source, t.default_rule.max,
                      int(t.default_rule.na_allowed), sections, now))
        conn.executemany("INSERT INTO audit_template_items (template_id, position, item_key, section, clause, text_zh,"
                         " text_en, weight, max_score, min_score, na_allowed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         [(tid, pos, it.key, it.section, it.clause, it.text_zh, it.text_en, it.weight, it.rule.max,
                           it.rule.min, int(it.rule.na_allowed)) for pos, it in enumerate(t.items)])


def _survey_flow(rng, definition, supplier_id: int, name: str, day: date, quality: float, complete: bool) -> SurveyFlow:
    f = SurveyFlow(definition, supplier_id=supplier_id, supplier_name=name, survey_date=day.isoformat(), lang="zh_CN")
    f.state["respondent"] = rng.choice(["王伟 质量经理", "李芳 销售经理", "张敏 总经理"])
    sections = definition.sections if complete else definition.sections[:rng.randint(1, 4)]
    for s in sections:
        for q in s.questions:
            good = rng.random() < quality
            if q.type == "boolean":
                f.set_answer(q.key, True if q.knockout else good)
            elif q.type == "rating":
                f.set_answer(q.key, rng.randint(2, 4) if good else rng.randint(0, 2))
            elif q.type == "choice":
                opts = sorted(q.options, key=lambda o: o.points)
                f.set_answer(q.key, (opts[-1] if good else rng.choice(opts)).value)
            elif q.key == "founded_year":
                f.set_answer(q.key, rng.randint(1992, 2018))
            elif q.key == "legal_name":
                f.set_answer(q.key, name)
            elif q.type == "number":
                lo = q.min_value or 0
                hi = q.max_value if q.max_value is not None else lo + 5000
                f.set_answer(q.key, rng.randint(int(lo), int(min(hi, lo + 5000))))
            elif q.type == "date":
                f.set_answer(q.key, (day + timedelta(days=rng.randint(200, 900))).isoformat())
            else:
                f.set_answer(q.key, f"{name}：{q.text_zh[:8]}（演示数据）")
    f.current = "result" if complete else f"section:{sections[-1].key}"
    f.history = [p for p in f.path() if p != f.current][: f.path().index(f.current)]
    return f


def _audit_flow(rng, template, supplier_id: int, name: str, day: date, quality: float, items_done: int | None):
    f = AuditFlow(template, lang="zh_CN", supplier_id=supplier_id, supplier_name=name,
                  occasion=rng.choice(["selection", "periodic", "periodic", "first_supply", "problem"]),
                  auditors=rng.sample(AUDITORS, 2), audit_date=day.isoformat(),
                  scope=f"{template.title_zh}：{name}")
    for i, it in enumerate(template.items):
        if items_done is not None and i >= items_done:
            break
        if it.rule.na_allowed and rng.random() < 0.04:
            f.score_item(it.key, na=True, evidence="本次范围不涉及")
            continue
        span = it.rule.max - it.rule.min
        frac = min(1.0, max(0.0, rng.gauss(quality, 0.18)))
        score = it.rule.min + int(round(frac * span))
        if score <= it.rule.min + span // 3 and rng.random() < 0.7 or score == it.rule.min:
            severity = "major" if score == it.rule.min and rng.random() < 0.4 else "minor"
            zh, _en = rng.choice(FINDING_TEXTS)
            f.score_item(it.key, score, severity=severity, finding=zh, evidence="现场抽查记录")
        else:
            f.score_item(it.key, score, evidence="查看记录，符合")
    if items_done is None and rng.random() < 0.3:
        f.add_finding("现场 5S 有待改进", "observation")
    for fd in f.findings_needing_action():
        due = day + timedelta(days=rng.choice([14, 21, 30, 45]))
        f.set_action(fd["id"], owner=rng.choice(["供方质量部", "供方生产部", "供方总经理"]), due_date=due.isoformat())
    return f


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = ctx.rng
    as_of: date = ctx.as_of
    now = _ts(as_of)
    _seed_templates(conn, now)
    templates = {k: parse_checklist(load_checklist_document(k)) for k in SHIPPED_TEMPLATES}
    definition = load_survey_definition()
    suppliers = conn.execute("SELECT id, code, name_zh, category, importance_class, status, approval_valid_until"
                             " FROM suppliers ORDER BY id").fetchall()
    parts_of: dict[int, list[int]] = {}
    for sid, pid in ctx.supplier_parts:
        parts_of.setdefault(sid, []).append(pid)

    surveys, audits, items, findings, cars, flows, steps, quals, plans, history = ([] for _ in range(10))
    car_seq: dict[int, int] = {}
    flow_id = audit_id = finding_id = car_id = 0
    car_base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM corrective_actions").fetchone()[0]
    for sid, code, name, category, importance, status, valid_until in suppliers:
        quality = {"approved": 0.85, "conditional": 0.7, "suspended": 0.55, "disqualified": 0.45}.get(status, 0.75)
        if status in ("approved", "conditional", "suspended", "disqualified"):
            until = date.fromisoformat(valid_until) if valid_until else as_of - timedelta(days=rng.randint(10, 400))
            approved_on = until - timedelta(days=3 * 365)
            approved_on = min(approved_on, as_of - timedelta(days=30))
            start = approved_on - timedelta(days=rng.randint(40, 90))
            # survey received at the start of the approval
            sf = _survey_flow(rng, definition, sid, name, start, quality, True)
            r = sf.result()
            surveys.append((sid, "submitted", start.isoformat(), name, definition.key, definition.version, sf.to_json(),
                            r.percent, r.recommendation, json.dumps([{"section": x.section, "percent": x.percent,
                                                                      "weight": x.weight} for x in r.sections]),
                            rng.choice(QE), _ts(start), _ts(start), _ts(start, 16), rng.choice(QE)))
            flow_id += 1
            conditional = status == "conditional"
            flows.append((flow_id, sid, "conditional" if conditional else "approved", "potential", category,
                          "[]", rng.choice(QE), _ts(start), _ts(approved_on), "按计划完成认可"))
            day = start
            for seq, step in enumerate(STEPS, 1):
                day = day + timedelta(days=rng.randint(3, 12)) if step != "approval" else approved_on
                result = "conditional" if conditional and step == "onsite_audit" else "pass"
                steps.append((flow_id, seq, step, result, QM if step == "approval" else rng.choice(QE), _ts(min(day, approved_on)),
                              "" if result == "pass" else "现场审核有条件通过"))
            history += [(sid, "potential", "under_evaluation", _ts(start), rng.choice(QE), "approval flow started"),
                        (sid, "under_evaluation", status if status in ("approved", "conditional") else "approved",
                         _ts(approved_on), QM, "approval approved")]
            if status in ("suspended", "disqualified"):
                when = as_of - timedelta(days=rng.randint(5, 120))
                history.append((sid, "approved", status, _ts(when), QM,
                                "连续两期评为 D 级" if status == "suspended" else "暂停后未能恢复，取消资格"))
            until_q, reeval = qualification_dates(approved_on, importance, conditional)
            if valid_until:
                until_q = date.fromisoformat(valid_until)
            # re-evaluations happened yearly (two-yearly for class III): the next one is due
            # around now, a few a little overdue
            step = reeval - approved_on
            while reeval < as_of - timedelta(days=rng.randint(0, 45)):
                reeval += step
            reeval = min(reeval, until_q)
            qstatus = "withdrawn" if status == "disqualified" else "active"
            targets = parts_of.get(sid, [])[:2] if importance == "I" else []
            for pid in targets or [None]:
                quals.append((sid, pid, category, approved_on.isoformat(), max(until_q, approved_on).isoformat(),
                              max(reeval, approved_on).isoformat(), int(conditional), flow_id, qstatus,
                              "取消资格" if qstatus == "withdrawn" else ""))
        elif status == "under_evaluation":
            start = as_of - timedelta(days=rng.randint(5, 60))
            sf = _survey_flow(rng, definition, sid, name, start, quality, rng.random() < 0.7)
            complete = sf.current == "result"
            r = sf.result()
            surveys.append((sid, "submitted" if complete else "draft", start.isoformat(), name, definition.key,
                            definition.version, sf.to_json(), r.percent, r.recommendation if complete else None,
                            json.dumps([{"section": x.section, "percent": x.percent, "weight": x.weight}
                                        for x in r.sections]), rng.choice(QE), _ts(start), _ts(start),
                            _ts(start, 16) if complete else None, rng.choice(QE) if complete else ""))
            flow_id += 1
            flows.append((flow_id, sid, "in_progress", "potential", category, "[]", rng.choice(QE), _ts(start), None, ""))
            n_steps = rng.randint(1, 4) if complete else 0
            for seq, step in enumerate(STEPS[:n_steps], 1):
                steps.append((flow_id, seq, step, "pass", rng.choice(QE), _ts(start + timedelta(days=2 * seq)), ""))
            history.append((sid, "potential", "under_evaluation", _ts(start), rng.choice(QE), "approval flow started"))
        elif status == "potential" and rng.random() < 0.4:
            # a rejected earlier attempt
            start = as_of - timedelta(days=rng.randint(100, 300))
            flow_id += 1
            reason = rng.choice(["价格高于目标价 12%", "样品尺寸超差", "无有效营业执照"])
            n_ok = rng.randint(1, 3)
            flows.append((flow_id, sid, "rejected", "potential", category, "[]", rng.choice(QE), _ts(start),
                          _ts(start + timedelta(days=20)), reason))
            for seq, step in enumerate(STEPS[:n_ok + 1], 1):
                rej = seq == n_ok + 1
                steps.append((flow_id, seq, step, "reject" if rej else "pass", rng.choice(QE),
                              _ts(start + timedelta(days=4 * seq)), reason if rej else ""))
            history += [(sid, "potential", "under_evaluation", _ts(start), rng.choice(QE), "approval flow started"),
                        (sid, "under_evaluation", "potential", _ts(start + timedelta(days=20)), rng.choice(QE),
                         f"approval rejected: {reason}")]

        # audits: most approved-side suppliers had one; a few drafts in progress
        if status != "potential" and rng.random() < 0.55:
            key = rng.choice(SHIPPED_TEMPLATES)
            draft = status == "under_evaluation" and rng.random() < 0.5
            day = as_of - timedelta(days=rng.randint(3, 20) if draft else rng.randint(15, 330))
            tpl = templates[key]
            f = _audit_flow(rng, tpl, sid, name, day, quality, rng.randint(3, len(tpl.items) - 1) if draft else None)
            res = f.result()
            audit_id += 1
            if draft:
                f.current = f"checklist:{tpl.sections[0].key}"
                f.history = ["plan"]
            else:
                f.current, f.history = "result", [p for p in f.path() if p not in ("result", "actions")]
            audits.append((audit_id, sid, name, key, tpl.audit_type, f.plan["occasion"], ", ".join(f.plan["auditors"]),
                           day.isoformat(), f.plan["scope"], "draft" if draft else "completed", f.to_json(), res.percent,
                           None if draft else res.result, "" if draft else res.reason,
                           json.dumps([{"section": x.section, "percent": x.percent} for x in res.sections]),
                           json.dumps(f.thresholds.to_dict()), f.plan["auditors"][0], _ts(day), _ts(day, 17),
                           None if draft else _ts(day, 17), "" if draft else f.plan["auditors"][0]))
            if draft:
                continue
            for pos, it in enumerate(tpl.items):
                st = f.item_state(it.key)
                items.append((audit_id, pos, it.key, it.section, it.clause, it.text_zh, it.text_en, it.weight,
                              it.rule.max, it.rule.min, int(it.rule.na_allowed), st["score"], int(st["na"]),
                              st["evidence"], st["severity"], st["finding"]))
            for fd in f.findings():
                finding_id += 1
                findings.append((finding_id, audit_id, fd["id"], fd["item_key"], fd["clause"] or "", fd["severity"],
                                 fd["description"], fd["evidence"]))
                act = f.state["actions"].get(fd["id"])
                if fd["severity"] not in CAR_SEVERITIES or not act:
                    continue
                car_id += 1
                due = date.fromisoformat(act["due_date"])
                car_seq[day.year] = car_seq.get(day.year, 0) + 1
                number = f"SCAR-{day.year}-{car_seq[day.year]:04d}"
                if due >= as_of:
                    state, answered, closed, verified = "open", None, None, None
                elif rng.random() < 0.3:  # overdue, never answered
                    state, answered, closed, verified = "open", None, None, None
                else:
                    answered = min(as_of, due - timedelta(days=rng.randint(-5, 10)))
                    verified = min(as_of, answered + timedelta(days=rng.randint(3, 15)))
                    closed = verified if rng.random() < 0.8 else None
                    state = "closed" if closed else "verified"
                eight_d = audit_finding_8d(fd["description"], answered=state != "open")
                cars.append((car_base + car_id, sid, number, f"{fd['clause']} {fd['description']}".strip()[:300],
                             f"[{fd['severity']}] {fd['description']}", "audit", day.isoformat(), due.isoformat(),
                             answered.isoformat() if answered else None, closed.isoformat() if closed else None, state,
                             act["owner"], audit_id, finding_id, "8D", json.dumps(eight_d, ensure_ascii=False),
                             "现场验证有效" if verified else "", rng.choice(QE) if verified else "",
                             verified.isoformat() if verified else None, rng.choice(QE) if closed else ""))
            if res.result in ("conditional", "not_approved") or status in ("conditional", "suspended"):
                zh, actions = rng.choice(WEAK_AREAS)
                due = as_of + timedelta(days=rng.randint(-30, 120))
                plans.append((sid, zh, "audit", f"audit {audit_id}", actions, rng.choice(QE), due.isoformat(),
                              rng.choice(["planned", "in_progress", "in_progress", "done"]),
                              (due + timedelta(days=60)).isoformat(), "", now, now))

    conn.executemany("INSERT INTO supplier_surveys (supplier_id, status, survey_date, supplier_name, definition_key,"
                     " definition_version, state_json, percent, recommendation, section_scores_json, created_by,"
                     " created_at, updated_at, submitted_at, submitted_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     surveys)
    conn.executemany("INSERT INTO approval_flows (id, supplier_id, status, from_status, category, part_ids_json,"
                     " started_by, started_at, ended_at, reason) VALUES (?,?,?,?,?,?,?,?,?,?)", flows)
    conn.executemany("INSERT INTO approval_steps (flow_id, seq, step, result, done_by, done_at, remarks)"
                     " VALUES (?,?,?,?,?,?,?)", steps)
    conn.executemany("INSERT INTO qualified_suppliers (supplier_id, part_id, category, approved_on, valid_until,"
                     " reevaluate_on, conditional, flow_id, status, status_reason) VALUES (?,?,?,?,?,?,?,?,?,?)", quals)
    conn.executemany("INSERT INTO audits (id, supplier_id, supplier_name, template_key, audit_type, occasion, auditors,"
                     " audit_date, scope, status, state_json, percent, result, result_reason, section_scores_json,"
                     " thresholds_json, created_by, created_at, updated_at, completed_at, completed_by)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", audits)
    conn.executemany("INSERT INTO audit_items (audit_id, position, item_key, section, clause, text_zh, text_en, weight,"
                     " max_score, min_score, na_allowed, score, na, evidence, severity, finding)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items)
    conn.executemany("INSERT INTO audit_findings (id, audit_id, ref, item_key, clause, severity, description, evidence)"
                     " VALUES (?,?,?,?,?,?,?,?)", findings)
    conn.executemany("INSERT INTO corrective_actions (id, supplier_id, number, title, description, source, issued_on,"
                     " due_on, answered_on, closed_on, status, owner, audit_id, finding_id, method, eight_d_json,"
                     " verification, verified_by, verified_on, closed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     cars)
    conn.executemany("INSERT INTO development_plans (supplier_id, weak_area, source, source_ref, actions, owner, due_on,"
                     " status, reevaluate_on, outcome, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", plans)
    conn.executemany("INSERT INTO supplier_status_changes (supplier_id, from_status, to_status, changed_at, changed_by,"
                     " reason) VALUES (?,?,?,?,?,?)", history)
    ctx.counts.update(audit_templates=len(SHIPPED_TEMPLATES), supplier_surveys=len(surveys), approval_flows=len(flows),
                      approval_steps=len(steps), qualified_suppliers=len(quals), audits=len(audits),
                      audit_items=len(items), audit_findings=len(findings), development_plans=len(plans),
                      supplier_status_changes=ctx.counts.get("supplier_status_changes", 0) + len(history),
                      corrective_actions=ctx.counts.get("corrective_actions", 0) + len(cars))

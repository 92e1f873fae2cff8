"""Demo data for complaints and service requests: two years of them, a plausible mix of types
and severities, most closed with the customer's rating, the recent ones open (some overdue, some
waiting on the customer), quality complaints traced to a purchased part's supplier with their
SCARs (source ``complaint``, linked both ways), a few reopened.

Every handling history is built with the real flow (:class:`app.flows.complaint.ComplaintFlow`),
so each demo complaint opens in the screens and the SLA columns are what the services compute.
Rows go in with raw ``sqlite3.executemany``; own random stream seeded from the demo seed.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date, datetime, timedelta

from app.engines import eight_d
from app.flows.complaint import ComplaintFlow

ORDER = 60  # after the customers (45): contacts and the parts we supply exist

TYPES = (("quality", 46), ("delivery", 20), ("documentation", 8), ("commercial", 7), ("service_enquiry", 8),
         ("repair", 6), ("return", 5))
SEVERITIES = (("critical", 10), ("major", 38), ("minor", 52))
CHANNELS = (("email", 45), ("phone", 25), ("portal", 15), ("visit", 10), ("survey", 5))
HANDLERS = ["刘洋 Liu Yang", "孙婷 Sun Ting", "何军 He Jun"]
QM = "周敏 Zhou Min"
QM_ZH = "周敏 (质量经理)"


def _zh(text: str) -> str:
    """The Chinese half of a "中文 / English" demo text."""
    return text.split(" / ")[0]
#: quality defects: (defect, title zh, title en, D4 cause, D5 action)
DEFECTS = [
    ("burr", "安装边毛刺", "Burr on the mounting edge", "冲模刃口磨损 / punch edge worn", "刃口修磨周期由 5 万次改为 3 万次 / regrind every 30k hits"),
    ("dimension", "孔距超差", "Hole distance out of tolerance", "夹具定位销磨损 / fixture pin worn", "定位销改为淬硬件并每班点检 / hardened pins, checked each shift"),
    ("scratch", "外观划伤", "Scratches on the visible face", "周转箱无隔板 / no separators in the tote", "改用带隔板的专用周转箱 / dedicated totes with separators"),
    ("corrosion", "表面锈蚀", "Surface corrosion", "防锈油涂覆不均 / rust oil uneven", "自动喷涂防锈油并抽检膜厚 / automatic oiling, film checked"),
    ("wrong_label", "标签与实物不符", "Label does not match the parts", "换线时旧标签未清线 / old labels left at changeover", "换线清线检查表 / line-clearance checklist"),
    ("crack", "焊缝裂纹", "Crack in the weld seam", "焊接电流漂移 / welding current drift", "焊机电流在线监控报警 / on-line current monitoring"),
    ("mixed_parts", "混料", "Mixed parts in one box", "相似件共用料架 / similar parts on one rack", "相似件分区存放并颜色标识 / separate, colour-coded racks"),
    ("function", "功能失效", "Functional failure", "供方来料硬度不足 / supplier material too soft", "来料增加硬度检验 / hardness check at incoming"),
]
SERVICE_TEXTS = {
    "delivery": ("交货延迟 {d} 天", "Delivery {d} days late", "排产未考虑模具保养 / schedule ignored die maintenance"),
    "documentation": ("出货报告缺失", "Inspection report missing with the shipment", "出货资料清单未更新 / shipping checklist outdated"),
    "commercial": ("发票单价与合同不符", "Invoice price differs from the contract", "价格主数据未更新 / price master not updated"),
    "service_enquiry": ("咨询替代料号", "Enquiry about a replacement part number", "资料未在门户发布 / not published on the portal"),
    "repair": ("返修件维修", "Repair of returned units", "客户现场使用不当 / misuse at the customer"),
    "return": ("退回多发的货物", "Return of an over-delivery", "发货数量核对遗漏 / quantity check skipped"),
}


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]


def _work_time(rng: random.Random, day: date) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, rng.choice([8, 9, 10, 11, 13, 14, 15, 16]), rng.choice([0, 15, 30, 45]))


def _in_working_hours(t: datetime) -> datetime:
    """Move a step time into the next working hours (Mon–Fri 08:00–17:00), as people record them."""
    if t.hour >= 17:
        t = (t + timedelta(days=1)).replace(hour=8, minute=30)
    elif t.hour < 8:
        t = t.replace(hour=8, minute=30)
    while t.weekday() >= 5:
        t = (t + timedelta(days=1)).replace(hour=8, minute=30)
    return t


def _steps_texts(ctype: str, defect, d: int, pieces: int) -> dict[str, str]:
    if ctype == "quality":
        code, tzh, ten, cause, action = defect
        return {"D1": "CQE 牵头，生产、工艺、SQE 参与 / CQE leads with production, process and SQE",
                "D2": f"{tzh}，涉及 {pieces} 件 / {ten}, {pieces} pieces",
                "D3": f"在库及在途 {pieces * 10} 件全检，合格品贴绿标 / {pieces * 10} pcs in stock and transit sorted",
                "D4": cause, "D5": action,
                "D6": "连续 3 批验证合格 / three consecutive lots verified OK",
                "D7": "PFMEA 与控制计划已更新 / PFMEA and control plan updated",
                "D8": "小组总结关闭 / team review held, 8D closed",
                "inform": "已书面告知顾客原因及措施，补发合格品 / customer informed in writing; replacements shipped"}
    zh, en, cause = SERVICE_TEXTS[ctype]
    return {"identify": (zh + " / " + en).format(d=d), "analyse": cause,
            "propose": "提出处理方案并与顾客确认 / solution proposed and agreed with the customer",
            "implement": "方案已实施 / solution carried out",
            "verify": "顾客确认问题已解决 / customer confirmed it is solved",
            "improve": "流程文件已更新 / procedure updated",
            "inform": "已电话及邮件告知顾客结果 / result told by phone and e-mail"}


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = random.Random(ctx.seed * 7919 + 12)
    customers = [r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id")]
    if not customers:
        return
    contacts: dict[int, list[int]] = {}
    for cid, contact_id in conn.execute("SELECT customer_id, id FROM customer_contacts WHERE active ORDER BY id"):
        contacts.setdefault(cid, []).append(contact_id)
    cparts: dict[int, list[int]] = {}
    for cid, pid in conn.execute("SELECT customer_id, part_id FROM customer_parts ORDER BY id"):
        cparts.setdefault(cid, []).append(pid)
    all_parts = list(ctx.part_ids) or [r[0] for r in conn.execute("SELECT id FROM parts ORDER BY id")]
    part_supplier: dict[int, int] = {}
    for pid, sid in conn.execute("SELECT part_id, supplier_id FROM supplier_parts ORDER BY share DESC, id DESC"):
        part_supplier[pid] = sid
    used_scars = {r[0] for r in conn.execute("SELECT number FROM corrective_actions")}
    scar_seq: dict[int, int] = {}
    weights = [3 if i % 7 == 0 else 1 for i in range(len(customers))]  # a few key customers complain more
    now = datetime.combine(ctx.as_of, datetime.min.time()) + timedelta(hours=10)
    per_month = max(4, round(25 * len(customers) / 200))

    complaints, events, pauses = [], [], []
    seq: dict[int, int] = {}
    reopened = 0
    waiting_made = 0  # at least one complaint waits on the customer in every demo
    next_id = (conn.execute("SELECT max(id) FROM complaints").fetchone()[0] or 0) + 1
    for month in ctx.months:
        for _ in range(per_month + rng.randint(-2, 3)):
            cust = rng.choices(customers, weights)[0]
            ctype, sev = _pick(rng, TYPES), _pick(rng, SEVERITIES)
            days = (date(month.year + (month.month == 12), month.month % 12 + 1, 1) - month).days
            received = _work_time(rng, month + timedelta(days=rng.randrange(days)))
            if received >= now:
                continue
            parts = cparts.get(cust) or all_parts
            part = rng.choice(parts) if parts and (ctype in ("quality", "repair", "return") or rng.random() < 0.4) \
                else None
            defect = rng.choice(DEFECTS)
            pieces = rng.choice([12, 24, 50, 120, 200, 480])
            texts = _steps_texts(ctype, defect, rng.randint(2, 9), pieces)
            flow = ComplaintFlow(ctype, received)
            handler = rng.choice(HANDLERS)
            age = (now - received).days
            # how far it got: old ones are closed; the last ~6 weeks are partly open
            if age > 60:
                stop = len(flow.steps) + 1
            else:
                stop = rng.randint(0, len(flow.steps) + 1) if rng.random() < 0.75 else len(flow.steps) + 1
            slow = rng.random() < 0.18  # some miss their targets
            t = received
            cid = next_id
            next_id += 1
            seq[received.year] = seq.get(received.year, 0) + 1
            number = f"CC-{received.year}-{seq[received.year]:05d}"
            events.append((cid, received, handler, "intake", "", texts.get("D2") or texts.get("identify", "")))
            for i, step in enumerate(flow.steps):
                if i >= stop:
                    break
                gap = timedelta(hours=rng.choice([1, 2, 3, 5])) if i < 3 else timedelta(days=rng.randint(1, 6))
                if slow:
                    gap *= 3
                t = _in_working_hours(t + gap)
                if t >= now:
                    break
                if step == "rating":
                    r = rng.choices([5, 4, 3, 2, 1], [35, 40, 15, 7, 3])[0]
                    flow.complete(step, by=handler, at=t, text=rng.choice(["处理及时 / quick", "满意 / satisfied",
                                                                          "沟通清楚 / clear", "希望更快 / could be faster"]),
                                  rating=r)
                else:
                    flow.complete(step, by=handler, at=t, text=texts[step])
                rec = flow.record(step)
                events.append((cid, t, handler, "step", step, rec["text"] + (f" ({r}/5)" if step == "rating" else "")))
            state = "open"
            if flow.current == "close" and stop > len(flow.steps):
                t = t + timedelta(hours=2)
                if t < now:
                    flow.close(by=QM, at=t)
                    events.append((cid, t, QM, "close", "", ""))
                    state = "closed"
                    middle = month == ctx.months[len(ctx.months) // 2]
                    if (rng.random() < 0.04 or (middle and not reopened)) and t + timedelta(days=20) < now:
                        reopened += 1  # a few come back (at least one in every demo)
                        closed_t = t
                        t = min(t + timedelta(days=rng.randint(10, 30)), now - timedelta(hours=1))
                        reason = "同类问题再次发生 / the problem came back"
                        flow.reopen(by=QM, at=t, reason=reason)
                        events.append((cid, t, QM, "reopen", flow.current, reason))
                        # as the service does: the time it stood closed does not count
                        pauses.append((cid, closed_t, t, f"closed until reopened: {reason}", QM))
                        state = "open"
            # waiting on the customer: some open ones, now; some closed ones had a pause earlier
            if state == "open" and (rng.random() < 0.15 or (not waiting_made and month == ctx.months[-1])):
                start = max(flow.last_time(), now - timedelta(days=rng.randint(1, 10)))
                if start < now:
                    pauses.append((cid, start, None, "等待顾客提供照片及批号标签 / waiting for photos and lot label", handler))
                    events.append((cid, start, handler, "pause", "", "photos / lot label"))
                    state = "waiting"
                    waiting_made += 1
            elif state == "closed" and rng.random() < 0.1:
                start = received + timedelta(hours=1)
                pauses.append((cid, start, start + timedelta(days=2), "等待顾客退回样件 / waiting for samples", handler))
            supplier_id = car_id = None
            if ctype == "quality" and part in part_supplier and rng.random() < 0.35 and flow.record("D2"):
                supplier_id = part_supplier[part]
                issued = datetime.fromisoformat(flow.record("D2")["at"]).date()
                year = issued.year
                while True:
                    scar_seq[year] = scar_seq.get(year, 900) + 1
                    scar_no = f"SCAR-{year}-{scar_seq[year]:04d}"
                    if scar_no not in used_scars:
                        used_scars.add(scar_no)
                        break
                due = issued + timedelta(days=30)
                done = flow.record("D6") is not None
                status = "closed" if flow.is_closed else "verified" if done else \
                    "answered" if flow.record("D3") else "open"
                # the SCAR is the supplier's document: Chinese, like the supplier demo's requests
                ed = {"D2": _zh(flow.record("D2")["text"])}
                if status != "open":  # the supplier answered with its full 8D
                    ed = {**{k: _zh(texts[k]) for k in eight_d.EIGHT_D}, **ed,
                          "D1": "供方质量经理牵头，生产、工艺参与"}
                cur = conn.execute(
                    "INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on, due_on,"
                    " answered_on, closed_on, status, owner, method, eight_d_json, verification, verified_by,"
                    " verified_on, closed_by, cancel_reason) VALUES (?, ?, ?, ?, 'complaint', ?, ?, ?, ?, ?, '', '8D',"
                    " ?, ?, ?, ?, ?, '')",
                    (supplier_id, scar_no, f"{number}：{defect[1]}",
                     f"顾客投诉 {number}\n缺陷：{defect[1]}\n涉及数量：{pieces}\n"
                     f"D2 问题描述：{_zh(flow.record('D2')['text'])}", issued, due,
                     issued + timedelta(days=3) if status != "open" else None,
                     max(flow.milestone_times()["closure"].date(), issued + timedelta(days=20))
                     if status == "closed" else None, status,
                     json.dumps(ed, ensure_ascii=False),
                     "连续批次验证有效" if status in ("verified", "closed") else "",
                     QM_ZH if status in ("verified", "closed") else "",
                     issued + timedelta(days=20) if status in ("verified", "closed") else None,
                     QM_ZH if status == "closed" else ""))
                car_id = cur.lastrowid
                events.append((cid, datetime.combine(issued, datetime.min.time()) + timedelta(hours=17), handler,
                               "scar", "", scar_no))
            m = flow.milestone_times()
            rating = flow.rating
            contact = rng.choice(contacts[cust]) if contacts.get(cust) else None
            credit = round(rng.choice([0, 0, 0, 500, 1200, 3000, 8000]) * (2 if sev == "critical" else 1), 2) \
                if ctype in ("quality", "delivery", "return") else 0.0
            title_zh, title_en = (defect[1], defect[2]) if ctype == "quality" else SERVICE_TEXTS[ctype][:2]
            complaints.append((
                cid, number, cust, contact, _pick(rng, CHANNELS), received, ctype, part,
                f"L{received:%y%m}-{rng.randint(1, 40):02d}" if part else "",
                f"DN-{rng.randint(100000, 999999)}" if part else "", pieces if part else None,
                f"{title_zh} / {title_en}".format(d=rng.randint(2, 9)),
                texts.get("D2") or texts["identify"], defect[0] if ctype == "quality" else ctype, sev,
                "high" if sev == "critical" else rng.choice(["normal", "normal", "low", "high"]), state, flow.current,
                flow.to_json(), m["first_response"], m["containment"], m["root_cause"], m["closure"],
                len(flow.state["reopenings"]), credit,
                round(credit * rng.choice([0, 0.1, 0.3]), 2), round(rng.choice([0, 0, 200, 600, 1500]), 2)
                if ctype == "quality" else 0.0, rating[0] if rating else None, rating[1] if rating else "",
                supplier_id, car_id, handler, received, max(flow.last_time(), received)))
    conn.executemany(
        "INSERT INTO complaints (id, number, customer_id, contact_id, channel, received_at, complaint_type, part_id, lot,"
        " delivery_note, qty_affected, title, description, defect, severity, priority, state, current_step, flow_json,"
        " first_response_at, containment_at, root_cause_at, closed_at, reopen_count, credit_amount, returns_amount,"
        " sorting_amount, rating, rating_comment, supplier_id, car_id, created_by, created_at, updated_at)"
        " VALUES (" + ", ".join("?" * 34) + ")", complaints)
    conn.executemany("INSERT INTO complaint_events (complaint_id, at, by, action, step, text) VALUES (?, ?, ?, ?, ?, ?)",
                     events)
    conn.executemany("INSERT INTO complaint_pauses (complaint_id, started_at, ended_at, reason, started_by)"
                     " VALUES (?, ?, ?, ?, ?)", pauses)
    ctx.counts["complaints"] = len(complaints)
    ctx.counts["complaint_events"] = len(events)
    ctx.counts["complaint_pauses"] = len(pauses)
    ctx.counts["corrective_actions_from_complaints"] = sum(1 for c in complaints if c[30] is not None)

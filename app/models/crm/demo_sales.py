"""Demo sales data: campaigns of the last two years (trade fairs, mailings, a visit programme, a
webinar) with their target contacts and responses; opportunities in every stage (about 40 % of
the closed ones won, the lost ones with a reason), some produced by a campaign, with their
notes timeline; activities, some of them with reminders due today or overdue (relative to the
real date, so the home page always has something to show).

Rows go in with raw ``sqlite3.executemany``; own random stream seeded from the demo seed."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta

STAGES_OPEN = ("qualification", "needs_analysis", "proposal", "negotiation")
PROB = {"qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75, "won": 100, "lost": 0}
CAMPAIGNS = [  # code, name, type, months ago (start), days, budget
    ("FAIR-AM", "Automechanika 上海 / Automechanika Shanghai", "trade_fair", 14, 4, 180000),
    ("MAIL-Q1", "新品目录邮寄 / New catalogue mailing", "mailing", 10, 30, 25000),
    ("VISIT-EV", "新能源客户走访 / New-energy customer visits", "visit_programme", 7, 60, 60000),
    ("WEB-PPAP", "PPAP 网络研讨会 / PPAP webinar", "webinar", 4, 1, 8000),
    ("FAIR-CIIF", "中国国际工业博览会 / China International Industry Fair", "trade_fair", 2, 5, 150000),
]
TITLES = [("制动支架年度供货", "Brake brackets, yearly supply"), ("电池托盘新项目", "Battery trays, new project"),
          ("传动轴二供导入", "Drive shafts as second source"), ("密封件降本方案", "Seals, cost-down proposal"),
          ("线束总成替代", "Wire harness replacement"), ("注塑外壳改型", "Moulded cover redesign"),
          ("齿轮箱零件打包", "Gearbox parts package"), ("冲压件本地化", "Local stamping parts"),
          ("控制板小批量", "Control boards, small series"), ("减震垫平台项目", "Damper pads, platform project")]
COMPETITORS = ["博世 Bosch", "本地供应商 local supplier", "大陆 Continental", "舍弗勒 Schaeffler", "法雷奥 Valeo", ""]
LOST_REASONS = ["价格高于竞争对手 8% / price 8 % above the competitor", "交期无法满足 / lead time too long",
                "客户项目取消 / customer cancelled the project", "选择了现有供应商 / stayed with the incumbent",
                "技术方案未通过 / technical concept not accepted"]
WON_REASONS = ["质量记录好 / strong quality record", "本地服务快 / fast local service", "整体成本最低 / lowest total cost"]
NEXT_STEPS = [("发送报价", "Send the quotation"), ("安排样件试装", "Arrange sample fitting"),
              ("技术澄清会议", "Technical clarification meeting"), ("确认年度用量", "Confirm the yearly volume"),
              ("拜访采购经理", "Visit the purchasing manager")]
ACTIVITY_SUBJECTS = {"call": ("电话确认需求 / Call to confirm the need", "电话跟进报价 / Follow up the quotation by phone"),
                     "visit": ("现场拜访 / On-site visit", "工厂参观 / Plant tour"),
                     "mail": ("发送产品目录 / Send the catalogue", "寄送样件 / Ship samples"),
                     "meeting": ("项目启动会 / Project kick-off", "季度业务回顾 / Quarterly business review")}
USER = "system:demo"


def _ts(d: date, hour: int = 10) -> str:
    return datetime(d.year, d.month, d.day, hour).isoformat(sep=" ")


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = random.Random(ctx.seed * 1009 + 16)
    today = date.today()
    customers = conn.execute("SELECT id, lifecycle, region FROM customers ORDER BY id").fetchall()
    if not customers:
        return
    contacts: dict[int, list[int]] = {}
    for kid, cid in conn.execute("SELECT id, customer_id FROM customer_contacts WHERE erased_at IS NULL ORDER BY id"):
        contacts.setdefault(cid, []).append(kid)
    groups = {}
    for kid, g in conn.execute("SELECT contact_id, group_key FROM customer_contact_groups"):
        groups.setdefault(kid, set()).add(g)
    owners = [r[0] for r in conn.execute(
        "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id"
        " WHERE r.key IN ('customer_quality_engineer', 'quality_manager') ORDER BY u.id")] or [None]
    complaints = [r[0] for r in conn.execute("SELECT id FROM complaints ORDER BY id DESC LIMIT 40")] \
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'complaints'").fetchone() else []

    # ---- campaigns with targets and responses
    camp_rows, target_rows, response_rows = [], [], []
    all_contacts = [k for ks in contacts.values() for k in ks]
    camp_ids = []
    for i, (code, name, ctype, ago, days, budget) in enumerate(CAMPAIGNS, start=1):
        start = (today.replace(day=1) - timedelta(days=30 * ago)).replace(day=rng.randint(3, 20))
        end = start + timedelta(days=days - 1)
        cost = round(budget * rng.uniform(0.8, 1.1), -2)
        camp_rows.append((i, code, name, ctype, start.isoformat(), end.isoformat(), float(budget), cost,
                          "", rng.choice(owners), _ts(start - timedelta(days=30))))
        camp_ids.append((i, start, end))
        wanted = "purchasing" if ctype in ("mailing", "trade_fair") else "quality" if ctype == "webinar" else None
        pool = [k for k in all_contacts if wanted is None or wanted in groups.get(k, ())]
        chosen = rng.sample(pool, min(len(pool), rng.randint(25, 60)))
        rate = {"trade_fair": 0.35, "mailing": 0.12, "visit_programme": 0.6, "webinar": 0.3}[ctype]
        channel = {"trade_fair": "booth", "mailing": "email", "visit_programme": "visit", "webinar": "form"}[ctype]
        for k in chosen:
            target_rows.append((i, k, wanted or "filter", _ts(start - timedelta(days=14))))
            if rng.random() < rate and end < today:
                day = min(today, end + timedelta(days=rng.randint(0, 20)))
                response_rows.append((i, k, day.isoformat(), channel if rng.random() < 0.8 else "phone", ""))
    conn.executemany("INSERT INTO crm_campaigns (id, code, name, campaign_type, starts_on, ends_on, budget,"
                     " actual_cost, description, owner_user_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", camp_rows)
    conn.executemany("INSERT INTO crm_campaign_targets (campaign_id, contact_id, source, added_at) VALUES (?,?,?,?)",
                     target_rows)
    conn.executemany("INSERT INTO crm_campaign_responses (campaign_id, contact_id, responded_on, channel, note)"
                     " VALUES (?,?,?,?,?)", response_rows)

    # ---- opportunities
    opp_rows, note_rows = [], []
    potential = [c for c in customers if c[1] == "potential"]
    current = [c for c in customers if c[1] == "current"] or list(customers)
    n = 60
    for oid in range(1, n + 1):
        roll = rng.random()
        stage = ("won" if roll < 0.22 else "lost" if roll < 0.55 else rng.choice(STAGES_OPEN))
        cust = rng.choice(potential) if potential and rng.random() < 0.25 and stage != "won" else rng.choice(current)
        cid = cust[0]
        kid = rng.choice(contacts[cid]) if contacts.get(cid) else None
        zh, en = rng.choice(TITLES)
        expected = float(round(rng.lognormvariate(12.2, 0.7), -3))
        created = today - timedelta(days=rng.randint(20, 600) if stage in ("won", "lost") else rng.randint(5, 180))
        camp = None
        for camp_id, cstart, cend in camp_ids:
            if cstart <= created <= cend + timedelta(days=60) and rng.random() < 0.7:
                camp = camp_id
        close_on = closed = None
        won_amount, reason, reminder, step = None, "", None, ""
        if stage in ("won", "lost"):
            closed = min(today - timedelta(days=1), created + timedelta(days=rng.randint(20, 150)))
            close_on = closed
            if stage == "won":
                won_amount = float(round(expected * rng.uniform(0.85, 1.05), -2))
                reason = rng.choice(WON_REASONS)
            else:
                reason = rng.choice(LOST_REASONS)
        else:
            close_on = today + timedelta(days=rng.randint(10, 150))
            s_zh, s_en = rng.choice(NEXT_STEPS)
            step = f"{s_zh} / {s_en}"
            r = rng.random()
            reminder = today if r < 0.2 else today - timedelta(days=rng.randint(1, 10)) if r < 0.3 else \
                today + timedelta(days=rng.randint(1, 30))
        opp_rows.append((oid, cid, "", kid, f"{zh} / {en}", "年度用量约 {0} 件 / about {0} parts a year".format(
            rng.choice([5000, 12000, 30000, 80000])), rng.choice(COMPETITORS), stage, reason, expected, won_amount,
            PROB[stage], close_on.isoformat() if close_on else None, closed.isoformat() if closed else None,
            rng.choice(owners), step, reminder.isoformat() if reminder else None, camp, _ts(created), USER))
        # the timeline: each stage reached, a note or two
        path = ["qualification"]
        last = stage if stage in STAGES_OPEN else ("negotiation" if stage == "won" else rng.choice(STAGES_OPEN))
        for st in STAGES_OPEN[1:STAGES_OPEN.index(last) + 1]:
            path.append(st)
        if stage in ("won", "lost"):
            path.append(stage)
        span = max(1, ((closed or today) - created).days)
        for j, st in enumerate(path):
            at = created + timedelta(days=span * j // max(1, len(path)))
            text = st if j == 0 else f"{path[j - 1]} → {st}" + (f": {reason}" if st in ("won", "lost") else "")
            note_rows.append((oid, _ts(at, 9 + j), USER, "stage", text, None))
        if rng.random() < 0.7:
            at = created + timedelta(days=max(1, span // 3))
            note_rows.append((oid, _ts(at, 15), USER, "follow_up" if reminder else "note",
                              "客户要求补充 PPAP 资料 / the customer asked for the PPAP documents",
                              reminder.isoformat() if reminder else None))
    conn.executemany("INSERT INTO crm_opportunities (id, customer_id, prospect_name, contact_id, title, need,"
                     " competitors, stage, reason, expected_revenue, won_amount, probability, expected_close,"
                     " closed_on, owner_user_id, next_step, reminder_on, campaign_id, created_at, created_by)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", opp_rows)
    conn.executemany("INSERT INTO crm_opportunity_notes (opportunity_id, at, by, kind, text, follow_up_on)"
                     " VALUES (?,?,?,?,?,?)", note_rows)

    # ---- activities
    act_rows = []
    open_opps = [r for r in opp_rows if r[7] in STAGES_OPEN]
    for _ in range(90):
        kind = rng.choice(("call", "call", "visit", "mail", "meeting"))
        subject = rng.choice(ACTIVITY_SUBJECTS[kind])
        opp = rng.choice(open_opps) if open_opps and rng.random() < 0.4 else None
        cid = opp[1] if opp else rng.choice(customers)[0]
        kid = rng.choice(contacts[cid]) if contacts.get(cid) and rng.random() < 0.7 else None
        comp = rng.choice(complaints) if complaints and opp is None and rng.random() < 0.15 else None
        if comp is not None:
            cid = conn.execute("SELECT customer_id FROM complaints WHERE id = ?", (comp,)).fetchone()[0]
            kid = None
            subject = "投诉处理回访 / Complaint follow-up call"
        r = rng.random()
        if r < 0.55:  # done, in the past
            due = today - timedelta(days=rng.randint(2, 300))
            act_rows.append((kind, subject, "", cid, kid, opp[0] if opp else None, comp, due.isoformat(), None, 1,
                             _ts(due, 16), rng.choice(owners), _ts(due - timedelta(days=3)), USER))
            continue
        due = today if r < 0.7 else today - timedelta(days=rng.randint(1, 12)) if r < 0.8 else \
            today + timedelta(days=rng.randint(1, 40))
        reminder = due if rng.random() < 0.6 else None
        act_rows.append((kind, subject, "", cid, kid, opp[0] if opp else None, comp, due.isoformat(),
                         reminder.isoformat() if reminder else None, 0, None, rng.choice(owners),
                         _ts(today - timedelta(days=rng.randint(1, 20))), USER))
    conn.executemany("INSERT INTO crm_activities (kind, subject, note, customer_id, contact_id, opportunity_id,"
                     " complaint_id, due_on, reminder_on, done, done_at, owner_user_id, created_at, created_by)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", act_rows)
    for table, rows in (("crm_campaigns", camp_rows), ("crm_campaign_targets", target_rows),
                        ("crm_campaign_responses", response_rows), ("crm_opportunities", opp_rows),
                        ("crm_opportunity_notes", note_rows), ("crm_activities", act_rows)):
        ctx.counts[table] = len(rows)

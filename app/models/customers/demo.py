"""Demo data for the customer master: the core runner (``app.models.core.demo``) already wrote the
customers with one legacy contact each; this extends them, it does not add others.

* some customers become distributors (trading companies) and the internal ones our own plants;
* key accounts, a few lost customers, value classes set by hand with a reason, an owner
  (the demo customer quality engineer or the quality manager);
* 1–4 contacts each (the legacy contact first, as purchasing), Chinese and English names, several
  groups per contact, the preferred language English for overseas customers;
* 2–8 of our parts supplied to each customer, with the customer's own part number.

Own random stream (seeded from the demo seed), so the other domains' demo data stays as it was.
"""

from __future__ import annotations

import random
import sqlite3

ORDER = 45  # after the supplier records (40): parts and their suppliers exist

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"),
            ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("郑", "Zheng"), ("孙", "Sun"), ("何", "He"), ("高", "Gao")]
GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("强", "Qiang"), ("磊", "Lei"),
         ("洋", "Yang"), ("艳", "Yan"), ("勇", "Yong"), ("军", "Jun"), ("杰", "Jie"), ("婷", "Ting"), ("晨", "Chen")]
FOREIGN = ["Anna Müller", "James Carter", "Sofia Rossi", "Lukas Becker", "Emma Dubois", "Raj Patel", "Maria Santos",
           "Kenji Tanaka", "Olivia Brown", "Jonas Larsen"]
#: (role zh, role en, groups)
ROLES = [
    ("供应商质量工程师", "Supplier Quality Engineer", ("quality",)),
    ("质量经理", "Quality Manager", ("quality", "management")),
    ("采购经理", "Purchasing Manager", ("purchasing",)),
    ("采购员", "Buyer", ("purchasing", "logistics")),
    ("物流主管", "Logistics Supervisor", ("logistics",)),
    ("研发工程师", "R&D Engineer", ("engineering",)),
    ("项目经理", "Project Manager", ("engineering", "management")),
    ("总经理", "General Manager", ("management",)),
]
PLANT_CITIES = [("苏州", "Suzhou"), ("武汉", "Wuhan"), ("成都", "Chengdu"), ("天津", "Tianjin"), ("佛山", "Foshan")]
VALUE_REASONS = {
    "important": "年度销售额前 10%，合作超过 5 年 / top 10% revenue, partner for over 5 years",
    "potential": "新项目定点，预计三年内翻倍 / new programme nominated, volume expected to double in 3 years",
    "ordinary": "小批量、价格敏感 / small volumes, price-driven",
    "lost": "已转向竞争对手 / moved to a competitor",
}


def _person(rng: random.Random, foreign: bool) -> tuple[str, str]:
    """(name, e-mail local part)."""
    if foreign:
        name = rng.choice(FOREIGN)
        return name, name.lower().replace(" ", ".").replace("ü", "ue")
    s, g = rng.choice(SURNAMES), rng.choice(GIVEN)
    return f"{s[0]}{g[0]}", f"{g[1].lower()}.{s[1].lower()}"


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = random.Random(ctx.seed * 104729 + 12)
    customers = conn.execute("SELECT id, code, name_zh, name_en, region, customer_type, lifecycle, contact_name,"
                             " contact_phone, contact_email FROM customers ORDER BY id").fetchall()
    if not customers:
        return
    owners = [uid for (uid,) in conn.execute(
        "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id"
        " WHERE r.key IN ('customer_quality_engineer', 'quality_manager') ORDER BY u.id")]
    parts = [row for row in conn.execute("SELECT id, code FROM parts ORDER BY id")]
    updates, contacts, groups, links = [], [], [], []
    contact_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM customer_contacts").fetchone()[0]
    plant_no = 0
    for cid, code, name_zh, name_en, region, ctype, lifecycle, c_name, c_phone, c_email in customers:
        overseas = region in ("Overseas", "海外")
        if ctype == "internal":
            city = PLANT_CITIES[plant_no % len(PLANT_CITIES)]
            plant_no += 1
            name_zh, name_en, industry = f"本公司{city[0]}工厂", f"Our {city[1]} Plant", "Internal plant"
        elif rng.random() < 0.12:
            name_zh = name_zh.replace("有限公司", "贸易有限公司")
            name_en = name_en.replace("Co., Ltd.", "Trading Co., Ltd.")
            industry = "Distribution"
        else:
            industry = None
        if lifecycle == "past" and rng.random() < 0.4:
            lifecycle = "lost"
        key = int(lifecycle == "current" and ctype == "external" and rng.random() < 0.18)
        value_class, reason = None, ""
        if rng.random() < 0.35:
            value_class = ("lost" if lifecycle == "lost" else "important" if key else
                           rng.choice(["potential", "ordinary", "ordinary"]))
            reason = VALUE_REASONS[value_class]
        owner = rng.choice(owners) if owners and rng.random() < 0.85 else None
        updates.append((name_zh, name_en, industry, lifecycle, key, value_class, reason, owner, cid))

        domain = f"{code.lower()}.example.{'com' if overseas else 'cn'}"
        lang = "en" if overseas else "zh_CN"
        n = rng.choices([1, 2, 3, 4], weights=[25, 35, 25, 15])[0]
        if c_name:  # the legacy contact first, as the purchasing contact it was
            contact_id += 1
            contacts.append((contact_id, cid, c_name, "采购 Purchasing", c_phone, c_email, "zh_CN", 1))
            groups.append((contact_id, "purchasing"))
            n -= 1
        for role in rng.sample(ROLES, k=max(n, 0)):
            contact_id += 1
            person, local = _person(rng, overseas)
            active = int(rng.random() > 0.08)
            contacts.append((contact_id, cid, person, role[1] if overseas else f"{role[0]} {role[1]}",
                             f"+86 {rng.randint(130, 189)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
                             if not overseas else f"+49 {rng.randint(30, 89)} {rng.randint(100000, 999999)}",
                             f"{local}@{domain}", lang if rng.random() < 0.9 else ("en" if lang == "zh_CN" else "zh_CN"),
                             active))
            groups.extend((contact_id, g) for g in role[2])
        if parts and lifecycle != "potential":
            for pid, pcode in rng.sample(parts, k=min(len(parts), rng.randint(2, 8))):
                links.append((cid, pid, f"{code}-{rng.randint(10000, 99999)}"))
    conn.executemany("UPDATE customers SET name_zh = ?, name_en = ?, industry = COALESCE(?, industry), lifecycle = ?,"
                     " key_account = ?, value_class = ?, value_class_reason = ?, owner_user_id = ? WHERE id = ?",
                     updates)
    conn.executemany("INSERT INTO customer_contacts (id, customer_id, name, role, phone, email, preferred_language,"
                     " active) VALUES (?,?,?,?,?,?,?,?)", contacts)
    conn.executemany("INSERT INTO customer_contact_groups (contact_id, group_key) VALUES (?,?)", groups)
    conn.executemany("INSERT INTO customer_parts (customer_id, part_id, customer_part_no) VALUES (?,?,?)", links)
    ctx.counts.update(customer_contacts=len(contacts), customer_contact_groups=len(groups),
                      customer_parts=len(links))

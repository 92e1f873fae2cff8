"""A small, deterministic order history for the value screens' tests and screenshots: 24
customers over two years, a few big buyers (A), a middle (B) and a long tail (C); some stopped
ordering (at risk); parts P-1/P-2 bought together so the association rules find them."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.models.crm.tables_orders import CrmOrder, CrmOrderLine
from app.models.customers.tables import Customer

AS_OF = date(2026, 11, 30)
NAMES = [("华东汽车", "East China Motors"), ("西南能源", "Southwest Energy"), ("北方重工", "Northern Heavy Industry"),
         ("南方电机", "Southern Motors"), ("长江泵业", "Yangtze Pumps"), ("黄河机械", "Yellow River Machinery"),
         ("珠江电子", "Pearl River Electronics"), ("天山风电", "Tianshan Wind Power"), ("泰山阀门", "Taishan Valves"),
         ("华山轴承", "Huashan Bearings"), ("衡山液压", "Hengshan Hydraulics"), ("嵩山铸造", "Songshan Foundry"),
         ("黄山精密", "Huangshan Precision"), ("峨眉光电", "Emei Optoelectronics"), ("庐山仪表", "Lushan Instruments"),
         ("武夷包装", "Wuyi Packaging"), ("太湖塑料", "Taihu Plastics"), ("洞庭化工", "Dongting Chemicals"),
         ("鄱阳船舶", "Poyang Shipbuilding"), ("青海锂业", "Qinghai Lithium"), ("云贵电网", "Yungui Grid"),
         ("东海海工", "East Sea Offshore"), ("渤海钢构", "Bohai Steel Structures"), ("辽河农机", "Liaohe Farm Machinery")]
PARTS = ("P-1", "P-2", "P-3", "P-4", "P-5", "P-6")


def make_value_world(db, *, seed: int = 7) -> dict[str, int]:
    """Customers V01–V24 with orders up to ``AS_OF``; returns code → customer id."""
    rng = random.Random(seed)
    ids: dict[str, int] = {}
    with db.begin() as s:
        n = 0
        for i, (zh, en) in enumerate(NAMES, start=1):
            cust = Customer(code=f"V{i:02d}", name_zh=zh, name_en=en, lifecycle="current", value_class="ordinary")
            s.add(cust)
            s.flush()
            ids[cust.code] = cust.id
            size = 60000.0 if i <= 3 else 12000.0 if i <= 9 else 2500.0
            every = 12 if i <= 9 else 30
            stop = AS_OF - timedelta(days=200) if i % 7 == 0 else AS_OF  # every 7th stopped ordering
            day = AS_OF - timedelta(days=720 - rng.randint(0, 20))
            while day <= stop:
                n += 1
                o = CrmOrder(customer_id=cust.id, order_no=f"SO-{n:05d}", order_date=day, currency="CNY", note="")
                amount = round(size * rng.uniform(0.6, 1.4), 2)
                parts = ["P-1", "P-2"] if i % 3 == 0 else [PARTS[(i + n) % len(PARTS)]]
                for ln, code in enumerate(parts, start=1):
                    o.lines.append(CrmOrderLine(line_no=ln, part_code=code, part_name="", quantity=10,
                                                amount=amount / len(parts),
                                                margin=round(amount / len(parts) * rng.uniform(0.1, 0.3), 2)))
                s.add(o)
                day += timedelta(days=every + rng.randint(-3, 3))
    return ids

"""Deterministic, realistic demo database.

Written for bulk loading: the schema comes from the real migrations, then secondary indexes are
dropped, rows go in with raw ``sqlite3.executemany`` in large transactions, and the indexes are
rebuilt at the end. The file is built under a temporary name and renamed into place only when
complete, so an interrupted run never leaves a half-written database behind.

Each domain extends the demo with ``app/models/<domain>/demo.py`` defining ``ORDER`` and
``extend_demo(conn, ctx)`` (see docs/CONVENTIONS.md).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from app.models.core.database import open_database


class DemoExistsError(Exception):
    def __init__(self, path) -> None:
        super().__init__(f"{path} already exists; use --force to overwrite it.")
        self.key, self.params = "demo.exists", {"path": path}  # for the commands' message catalogue


CITIES = [
    ("苏州", "Suzhou"), ("无锡", "Wuxi"), ("宁波", "Ningbo"), ("东莞", "Dongguan"), ("佛山", "Foshan"),
    ("常州", "Changzhou"), ("嘉兴", "Jiaxing"), ("温州", "Wenzhou"), ("台州", "Taizhou"),
    ("昆山", "Kunshan"), ("青岛", "Qingdao"), ("天津", "Tianjin"), ("重庆", "Chongqing"),
    ("成都", "Chengdu"), ("武汉", "Wuhan"), ("合肥", "Hefei"), ("厦门", "Xiamen"), ("深圳", "Shenzhen"),
]
BRANDS = [
    ("精密", "Precision"), ("华信", "Huaxin"), ("恒达", "Hengda"), ("永盛", "Yongsheng"), ("金鑫", "Jinxin"),
    ("宏远", "Hongyuan"), ("鼎新", "Dingxin"), ("瑞丰", "Ruifeng"), ("博远", "Boyuan"), ("联创", "Lianchuang"),
    ("天成", "Tiancheng"), ("伟业", "Weiye"), ("振华", "Zhenhua"), ("盛达", "Shengda"), ("凯美", "Kaimei"),
    ("嘉利", "Jiali"), ("中恒", "Zhongheng"), ("明阳", "Mingyang"), ("泰和", "Taihe"), ("新锐", "Xinrui"),
]
# (category as users write it — both languages, since it is free text; Chinese trade word,
#  English trade word, typical parts)
CATEGORIES = [
    ("铸件 Castings", "铸造", "Foundry", [("铸铝壳体", "Cast aluminium housing"), ("铸铁支架", "Cast iron bracket")]),
    ("机加工件 Machined parts", "机械", "Machinery", [("传动轴", "Drive shaft"), ("齿轮", "Gear"), ("法兰", "Flange")]),
    ("电子元器件 Electronics", "电子", "Electronics", [("控制板", "Control board"), ("传感器", "Sensor"), ("线束", "Wire harness")]),
    ("塑料件 Plastics", "塑胶", "Plastics", [("注塑外壳", "Moulded cover"), ("塑料卡扣", "Plastic clip")]),
    ("紧固件 Fasteners", "五金", "Hardware", [("螺栓 M8", "Bolt M8"), ("弹簧", "Spring"), ("垫圈", "Washer")]),
    ("橡胶件 Rubber", "橡胶", "Rubber", [("密封圈", "Seal ring"), ("减震垫", "Damper pad")]),
    ("包装材料 Packaging", "包装", "Packaging", [("瓦楞纸箱", "Corrugated carton"), ("防静电袋", "ESD bag")]),
    ("化工辅料 Chemicals", "化工", "Chemical", [("润滑脂", "Grease"), ("粉末涂料", "Powder coating")]),
    ("钢材 Steel", "钢铁", "Steel", [("冷轧钢板", "Cold-rolled sheet"), ("圆钢", "Round bar")]),
    ("线路板 PCB", "线路板", "PCB", [("四层线路板", "4-layer PCB"), ("柔性线路板", "Flexible PCB")]),
]
SUFFIXES = [("有限公司", "Co., Ltd."), ("科技有限公司", "Technology Co., Ltd."), ("制造有限公司", "Manufacturing Co., Ltd."),
            ("股份有限公司", "Holdings Co., Ltd.")]
SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"),
            ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu")]
GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("强", "Qiang"), ("磊", "Lei"),
         ("洋", "Yang"), ("艳", "Yan"), ("勇", "Yong"), ("军", "Jun"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming")]
ROLES = ["质量经理 Quality Manager", "销售经理 Sales Manager", "总经理 General Manager", "质量工程师 Quality Engineer"]
CERTS = [("ISO 9001:2015", "SGS"), ("IATF 16949:2016", "TÜV SÜD"), ("ISO 14001:2015", "BV"), ("ISO 45001:2018", "CQC")]
CUSTOMER_INDUSTRIES = [("汽车", "Automotive"), ("家电", "Home appliances"), ("工程机械", "Construction machinery"),
                       ("轨道交通", "Rail transit"), ("医疗器械", "Medical devices"), ("新能源", "New energy")]
CUSTOMER_WORDS = [("汽车", "Motors"), ("电器", "Appliances"), ("重工", "Heavy Industry"), ("装备", "Equipment"),
                  ("医疗", "Medical"), ("能源", "Energy")]
REGIONS = [("华东", "East China"), ("华南", "South China"), ("华北", "North China"), ("西南", "Southwest"),
           ("华中", "Central China"), ("海外", "Overseas")]


@dataclass
class DemoContext:
    """What extension modules get: the open connection's ids and a seeded random source."""

    seed: int
    rng: random.Random
    np_rng: np.random.Generator
    months: list[date]  # first day of each month, oldest first
    as_of: date  # "today" in the demo world: the first day after the last month
    supplier_ids: list[int] = field(default_factory=list)
    supplier_codes: list[str] = field(default_factory=list)
    supplier_categories: list[str] = field(default_factory=list)
    part_ids: list[int] = field(default_factory=list)
    supplier_parts: list[tuple[int, int]] = field(default_factory=list)
    customer_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def month_starts(end_month: date, months: int) -> list[date]:
    y, m = end_month.year, end_month.month
    out = []
    for _ in range(months):
        out.append(date(y, m, 1))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out[::-1]


def last_full_month(today: date | None = None) -> date:
    today = today or date.today()
    first = today.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _extensions() -> list[tuple[int, str, Callable[[sqlite3.Connection, DemoContext], None]]]:
    """Every domain package's ``demo`` module (``app/models/<domain>/demo.py``), in ``ORDER``."""
    import app.models as models_pkg

    found = []
    for info in pkgutil.iter_modules(models_pkg.__path__):
        if not info.ispkg or info.name in ("core", "migrations"):
            continue
        if importlib.util.find_spec(f"app.models.{info.name}.demo") is None:
            continue
        module = importlib.import_module(f"app.models.{info.name}.demo")
        found.append((getattr(module, "ORDER", 50), info.name, module.extend_demo))
    return sorted(found, key=lambda t: (t[0], t[1]))


def _person(rng: random.Random) -> tuple[str, str]:
    s, g = rng.choice(SURNAMES), rng.choice(GIVEN)
    return s[0] + g[0], f"{g[1]} {s[1]}"


def _insert_core(conn: sqlite3.Connection, ctx: DemoContext, n_suppliers: int, n_customers: int) -> None:
    rng = ctx.rng
    now = datetime(ctx.as_of.year, ctx.as_of.month, 1).isoformat(sep=" ")
    statuses = ["approved"] * 70 + ["conditional"] * 10 + ["under_evaluation"] * 8 + ["potential"] * 6 + \
        ["suspended"] * 4 + ["disqualified"] * 2
    suppliers, contacts, certs = [], [], []
    used_names: set[str] = set()
    for i in range(1, n_suppliers + 1):
        cat_key, cat_zh, cat_en, _ = CATEGORIES[(i - 1) % len(CATEGORIES)] if i <= len(CATEGORIES) else rng.choice(CATEGORIES)
        city, brand, suffix = rng.choice(CITIES), rng.choice(BRANDS), rng.choice(SUFFIXES)
        name_zh = f"{city[0]}{brand[0]}{cat_zh}{suffix[0]}"
        name_en = f"{city[1]} {brand[1]} {cat_en} {suffix[1]}"
        if name_zh in used_names:  # keep names unique and readable: add a branch number
            name_zh = f"{city[0]}{brand[0]}{cat_zh}{suffix[0]}（{i}分厂）"
            name_en = f"{city[1]} {brand[1]} {cat_en} {suffix[1]} (Plant {i})"
        used_names.add(name_zh)
        importance = rng.choices(["I", "II", "III"], weights=[2, 3, 5])[0]
        relationship = "partnership" if importance == "I" or rng.random() < 0.2 else "competitive"
        status = rng.choice(statuses)
        valid = ctx.as_of + timedelta(days=rng.randint(-60, 720)) if status in ("approved", "conditional") else None
        suppliers.append((i, f"S{i:04d}", name_zh, name_en, cat_key, importance, relationship, status,
                          valid.isoformat() if valid else None, f"{city[0]}市工业园区{rng.randint(1, 99)}号",
                          city[1], "中国 China", "", now, now))
        ctx.supplier_ids.append(i)
        ctx.supplier_codes.append(f"S{i:04d}")
        ctx.supplier_categories.append(cat_key)
        for k in range(rng.randint(1, 3)):
            zh, en = _person(rng)
            contacts.append((i, f"{zh} {en}", ROLES[k % len(ROLES)], f"1{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}",
                             f"{en.split()[0].lower()}.{en.split()[1].lower()}@supplier{i}.example.cn", 1 if k == 0 else 0))
        for standard, body in rng.sample(CERTS, rng.randint(1, 3)):
            issued = ctx.as_of - timedelta(days=rng.randint(100, 1000))
            expires = issued + timedelta(days=3 * 365)
            if rng.random() < 0.08:  # some expire within the next two months
                expires = ctx.as_of + timedelta(days=rng.randint(-20, 60))
                issued = expires - timedelta(days=3 * 365)
            certs.append((i, standard, f"{standard.split()[0].replace(' ', '')}-{rng.randint(10000, 99999)}", body,
                          issued.isoformat(), expires.isoformat()))
    conn.executemany("INSERT INTO suppliers (id, code, name_zh, name_en, category, importance_class, relationship,"
                     " status, approval_valid_until, address, city, country, notes, created_at, updated_at)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", suppliers)
    conn.executemany("INSERT INTO supplier_contacts (supplier_id, name, role, phone, email, is_primary)"
                     " VALUES (?,?,?,?,?,?)", contacts)
    conn.executemany("INSERT INTO supplier_certificates (supplier_id, standard, number, body, issued_on, expires_on)"
                     " VALUES (?,?,?,?,?,?)", certs)

    # Parts: a catalogue per category; each part has one to three suppliers of that category.
    by_category: dict[str, list[int]] = {}
    for sid, cat in zip(ctx.supplier_ids, ctx.supplier_categories):
        by_category.setdefault(cat, []).append(sid)
    parts, links = [], []
    part_id = 0
    n_parts = max(len(CATEGORIES), int(n_suppliers * 0.75))
    for k in range(n_parts):
        cat_key, _, _, names = CATEGORIES[k % len(CATEGORIES)]
        pool = by_category.get(cat_key)
        if not pool:
            continue
        zh, en = names[(k // len(CATEGORIES)) % len(names)]
        part_id += 1
        importance = rng.choices(["I", "II", "III"], weights=[2, 3, 5])[0]
        parts.append((part_id, f"P{part_id:05d}", f"{zh}-{part_id:05d}", f"{en} {part_id:05d}", cat_key, importance, "pcs"))
        chosen = rng.sample(pool, min(len(pool), rng.choice([1, 2, 2, 3])))
        shares = [rng.random() + 0.5 for _ in chosen]
        total = sum(shares)
        for sid, share in zip(chosen, shares):
            links.append((sid, part_id, round(share / total, 3), 1))
            ctx.supplier_parts.append((sid, part_id))
        ctx.part_ids.append(part_id)
    # Every supplier supplies something, so evaluation always has data to read.
    linked = {sid for sid, _ in ctx.supplier_parts}
    for sid, cat in zip(ctx.supplier_ids, ctx.supplier_categories):
        if sid not in linked and ctx.part_ids:
            pid = rng.choice(ctx.part_ids)
            links.append((sid, pid, 0.0, 1))
            ctx.supplier_parts.append((sid, pid))
    conn.executemany("INSERT INTO parts (id, code, name_zh, name_en, category, importance_class, unit)"
                     " VALUES (?,?,?,?,?,?,?)", parts)
    conn.executemany("INSERT OR IGNORE INTO supplier_parts (supplier_id, part_id, share, active) VALUES (?,?,?,?)", links)

    customers = []
    for i in range(1, n_customers + 1):
        city, word, industry, region = rng.choice(CITIES), rng.choice(CUSTOMER_WORDS), rng.choice(CUSTOMER_INDUSTRIES), \
            rng.choice(REGIONS)
        brand = rng.choice(BRANDS)
        zh, en = _person(rng)
        since = ctx.as_of - timedelta(days=rng.randint(30, 3650))
        customers.append((i, f"C{i:04d}", f"{city[0]}{brand[0]}{word[0]}有限公司", f"{city[1]} {brand[1]} {word[1]} Co., Ltd.",
                          industry[1], region[1], "internal" if rng.random() < 0.05 else "external",
                          rng.choices(["current", "potential", "past"], weights=[80, 12, 8])[0], since.isoformat(),
                          f"{zh} {en}", f"021-{rng.randint(10000000, 99999999)}", f"purchasing@customer{i}.example.cn"))
        ctx.customer_ids.append(i)
    conn.executemany("INSERT INTO customers (id, code, name_zh, name_en, industry, region, customer_type, lifecycle,"
                     " since, contact_name, contact_phone, contact_email) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", customers)
    ctx.counts.update(suppliers=len(suppliers), supplier_contacts=len(contacts), supplier_certificates=len(certs),
                      parts=len(parts), supplier_parts=len(links), customers=len(customers))


def generate_demo(
    path: str | os.PathLike[str],
    *,
    suppliers: int = 120,
    customers: int = 200,
    months: int = 24,
    seed: int = 2026,
    end_month: date | None = None,
    force: bool = False,
    evaluate: bool = True,
    progress: Callable[[str], None] | None = None,
) -> DemoContext:
    """Write a demo database to *path*; returns the context with row counts.

    With *evaluate* every demo month is graded through the real evaluation service, so grade
    lists, trends and "latest grade" columns have history to show from the first start."""
    path = Path(path)
    if suppliers < 1 or customers < 0 or months < 1:
        raise ValueError("Demo data needs at least one supplier and one month.")
    if path.exists() and not force:
        raise DemoExistsError(path)
    end = (end_month or last_full_month()).replace(day=1)
    tmp = path.with_name(path.name + ".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(tmp)
    db.dispose()
    next_month = date(end.year + (end.month == 12), end.month % 12 + 1, 1)
    ctx = DemoContext(seed=seed, rng=random.Random(seed), np_rng=np.random.default_rng(seed),
                      months=month_starts(end, months), as_of=next_month)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        try:
            _fill(conn, ctx, suppliers, customers, progress)
        finally:
            conn.close()
        _finish_through_services(tmp, ctx, progress, evaluate=evaluate)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(tmp, path)
    ctx.seconds = round(time.perf_counter() - started, 3)
    return ctx


def _sync_complaint_survey(db, ctx: DemoContext) -> None:
    """The closed complaints' ratings as the transaction survey (satisfaction domain, when present)."""
    import importlib.util

    if importlib.util.find_spec("app.models.satisfaction.complaint_survey") is None:
        return
    with db.engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'complaints'").scalar():
            return
    from app.models.satisfaction.complaint_survey import sync_complaint_ratings

    from datetime import datetime as _dt

    result = sync_complaint_ratings(db, today=ctx.as_of, now=_dt.combine(ctx.as_of, _dt.min.time()))
    ctx.counts["sat_respondents (complaints)"] = result.stored
    with db.engine.connect() as conn:  # the summary counts what the file holds, the transaction survey included
        for table in ("sat_surveys", "sat_waves", "sat_respondents", "sat_answers"):
            if table in ctx.counts:
                ctx.counts[table] = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def _finish_through_services(path: Path, ctx: DemoContext, progress: Callable[[str], None] | None, *,
                             evaluate: bool) -> None:
    """Record the demo on the audit trail (one bulk entry with the row counts) and, with
    *evaluate*, grade every demo month through the real evaluation service."""
    from app.models.admin import trail
    from app.models.admin.identity import Actor
    from app.models.evaluation.service import evaluate_period

    db = open_database(path, backup=False)
    db.actor = Actor.system_job("demo")
    try:
        with db.begin() as session:
            trail.record(session, "demo", "database", "", {"counts": dict(ctx.counts), "seed": ctx.seed,
                                                            "months": [f"{ctx.months[0]:%Y-%m}", f"{ctx.months[-1]:%Y-%m}"]})
        _sync_complaint_survey(db, ctx)
        if evaluate:
            for month in ctx.months:
                if progress:
                    progress(f"evaluation {month:%Y-%m}")
                evaluate_period(db, f"{month:%Y-%m}")
            with db.engine.connect() as conn:
                ctx.counts["evaluation_results"] = conn.exec_driver_sql("SELECT count(*) FROM evaluation_results").scalar()
    finally:
        db.dispose()
    raw = sqlite3.connect(path)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file before the rename
    finally:
        raw.close()


def _fill(conn: sqlite3.Connection, ctx: DemoContext, suppliers: int, customers: int,
          progress: Callable[[str], None] | None) -> None:
    conn.execute("PRAGMA journal_mode=DELETE")  # a single file while building; WAL again at the end
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-200000")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("BEGIN")
    _insert_core(conn, ctx, suppliers, customers)
    conn.execute("COMMIT")
    for _order, name, extend in _extensions():
        if progress:
            progress(name)
        conn.execute("BEGIN")
        extend(conn, ctx)
        conn.execute("COMMIT")
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("ANALYZE")
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"demo data broke foreign keys in {sorted({p[0] for p in problems})}")
    conn.execute("PRAGMA journal_mode=WAL")

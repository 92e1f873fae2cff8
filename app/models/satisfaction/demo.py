"""Demo data of the satisfaction domain: a released CCSI survey (1–10 scale, indicator tree of five
dimensions and the CCSI latent variables, stated importance for the product questions, an NPS
question), two years of quarterly waves to the contacts of the current customers (answers
generated from a known structural model by ``app.engines.survey_simulation``, perceived quality
improving over the second year and a dip in one quarter, some blank answers), and a Kano study
with six attributes. Then every ``demo_*.py`` module of the package runs (sorted by name)."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from datetime import date, timedelta

import numpy as np

from app.engines.survey_simulation import simulate

ORDER = 75  # after the customers (45), the complaints (60) and the CRM (70)

#: (dimension code, zh, en, [(question code, zh, en, latent variable)])
TREE = [
    ("D_PRODUCT", "产品质量", "Product quality", [
        ("PQ1", "产品符合图纸和技术要求", "Products meet the drawings and specifications", "PerceivedQuality"),
        ("PQ2", "批次之间质量稳定", "Quality is consistent from lot to lot", "PerceivedQuality"),
        ("PQ3", "质量文件（出厂报告、PPAP）齐全准确", "Quality documents (CoC, PPAP) are complete and correct",
         "PerceivedQuality")]),
    ("D_DELIVERY", "交付", "Delivery", [
        ("DL1", "按承诺日期交货", "Deliveries arrive on the promised date", "PerceivedQuality"),
        ("DL2", "包装与标识符合要求", "Packaging and labelling meet our requirements", "PerceivedQuality")]),
    ("D_PRICE", "价格", "Price", [
        ("PV1", "相对于质量，价格合理", "The price is fair for the quality", "PerceivedValue"),
        ("PV2", "与其他供方相比物有所值", "Better value than other suppliers", "PerceivedValue")]),
    ("D_SERVICE", "服务", "Service", [
        ("SV1", "投诉处理及时有效", "Complaints are handled quickly and effectively", "PerceivedQuality"),
        ("SV2", "技术支持响应迅速", "Technical support responds quickly", "PerceivedQuality")]),
    ("D_IMAGE", "品牌与期望", "Image and expectations", [
        ("IM1", "该公司在行业内信誉良好", "The company has a good reputation in the industry", "BrandImage"),
        ("IM2", "该公司值得信赖", "The company is trustworthy", "BrandImage"),
        ("EX1", "合作前对其质量的期望", "What we expected of their quality before working with them",
         "ExpectedQuality"),
        ("EX2", "对其可靠性的期望", "What we expected of their reliability", "ExpectedQuality")]),
    ("D_OVERALL", "总体满意与忠诚", "Overall satisfaction and loyalty", [
        ("SA1", "总体满意程度", "Overall, how satisfied are you", "Satisfaction"),
        ("SA2", "与理想供方相比的满意程度", "Compared with an ideal supplier", "Satisfaction"),
        ("LY1", "继续采购的可能性", "How likely are you to keep buying from us", "Loyalty"),
        ("LY2", "增加采购份额的可能性", "How likely are you to buy more from us", "Loyalty")]),
]
BLOCKS = [("BrandImage", "品牌形象", "Brand image"), ("ExpectedQuality", "预期质量", "Expected quality"),
          ("PerceivedQuality", "感知质量", "Perceived quality"), ("PerceivedValue", "感知价值", "Perceived value"),
          ("Satisfaction", "顾客满意度", "Customer satisfaction"), ("Loyalty", "顾客忠诚", "Customer loyalty")]
#: the CCSI arrows (resources/models/ccsi.json) with the coefficients the answers are generated from
PATHS = {("BrandImage", "ExpectedQuality"): 0.45, ("BrandImage", "PerceivedQuality"): 0.25,
         ("BrandImage", "Satisfaction"): 0.15, ("BrandImage", "Loyalty"): 0.2,
         ("ExpectedQuality", "PerceivedQuality"): 0.35, ("ExpectedQuality", "PerceivedValue"): 0.1,
         ("ExpectedQuality", "Satisfaction"): 0.05, ("PerceivedQuality", "PerceivedValue"): 0.5,
         ("PerceivedQuality", "Satisfaction"): 0.5, ("PerceivedValue", "Satisfaction"): 0.2,
         ("Satisfaction", "Loyalty"): 0.55}
#: perceived quality per quarter, oldest first (SD units): flat, a dip, then improving
QUALITY_SHIFT = (0.0, 0.05, -0.35, 0.0, 0.15, 0.3, 0.4, 0.55)
IMPORTANCE = {"PQ1": 9.2, "PQ2": 8.6, "PQ3": 6.8}
KANO = [("K1", "在线质量证书", "Online quality certificates"), ("K2", "24 小时技术热线", "24-hour technical hotline"),
        ("K3", "批次追溯码", "Lot traceability code"), ("K4", "随货免费样品", "Free samples with deliveries"),
        ("K5", "准时交付", "On-time delivery"), ("K6", "零缺陷质量", "Zero-defect quality")]
#: (functional, dysfunctional) answer patterns per attribute, weighted: K1 attractive, K5/K6 must-be, K2 one-dimensional
KANO_PATTERNS = {"K1": [((1, 3), 5), ((1, 5), 2), ((3, 3), 2)], "K2": [((1, 5), 5), ((1, 3), 2), ((2, 4), 1)],
                 "K3": [((2, 4), 3), ((3, 3), 3), ((1, 3), 2)], "K4": [((3, 3), 5), ((1, 3), 2), ((4, 2), 1)],
                 "K5": [((2, 5), 6), ((3, 5), 3), ((1, 5), 2)], "K6": [((3, 5), 5), ((2, 5), 3), ((1, 5), 2)]}


def _quarters(as_of: date, n: int) -> list[tuple[date, date, str]]:
    """The last ``n`` complete quarters before ``as_of``: (start, end, label), oldest first."""
    y, q = as_of.year, (as_of.month - 1) // 3  # the current quarter is not complete
    out = []
    for _ in range(n):
        q -= 1
        if q < 0:
            y, q = y - 1, 3
        start = date(y, 3 * q + 1, 1)
        end = (date(y + (q == 3), (3 * q + 3) % 12 + 1, 1)) - timedelta(days=1)
        out.append((start, end, f"{y}-Q{q + 1}"))
    return out[::-1]


def _insert(conn: sqlite3.Connection, sql: str, values) -> int:
    return conn.execute(sql, values).lastrowid


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = np.random.default_rng(ctx.seed + 1500)
    now = f"{ctx.as_of:%Y-%m-%d} 08:00:00"
    targets = conn.execute("SELECT c.id, k.id FROM customer_contacts k JOIN customers c ON c.id = k.customer_id "
                           "WHERE c.lifecycle = 'current' AND k.active ORDER BY k.id").fetchall()
    counts = dict.fromkeys(("sat_surveys", "sat_waves", "sat_respondents", "sat_answers"), 0)
    if not targets:
        _run_more(conn, ctx)
        return
    # --- the CCSI survey
    sid = _insert(conn, "INSERT INTO sat_surveys (code, name_zh, name_en, purpose, scale_min, scale_max, languages,"
                        " notes, created_at) VALUES ('CCSI', '顾客满意度季度调查', 'Quarterly customer satisfaction survey',"
                        " 'periodic', 1, 10, 'zh_CN,en', '', ?)", (now,))
    vid = _insert(conn, "INSERT INTO sat_survey_versions (survey_id, version, state, model_kind, nps_zh, nps_en,"
                        " released_at, released_by, notes, created_at) VALUES (?, 1, 'released', 'ccsi', ?, ?, ?,"
                        " '王芳', '', ?)",
                  (sid, "您向同行推荐我们的可能性有多大？（0–10）", "How likely are you to recommend us to a colleague? (0–10)",
                   now, now))
    goal = _insert(conn, "INSERT INTO sat_nodes (version_id, parent_id, kind, code, text_zh, text_en, position, weight,"
                         " weight_method, importance_question, latent) VALUES (?, NULL, 'goal', 'TOTAL', '顾客满意度',"
                         " 'Customer satisfaction', 0, NULL, 'direct', 0, '')", (vid,))
    dim_weights = {"D_PRODUCT": 0.3, "D_DELIVERY": 0.2, "D_PRICE": 0.15, "D_SERVICE": 0.15, "D_IMAGE": 0.1,
                   "D_OVERALL": 0.1}
    blocks: dict[str, list[str]] = {b: [] for b, _zh, _en in BLOCKS}
    for k, (code, zh, en, items) in enumerate(TREE):
        did = _insert(conn, "INSERT INTO sat_nodes (version_id, parent_id, kind, code, text_zh, text_en, position,"
                            " weight, weight_method, importance_question, latent) VALUES (?, ?, 'dimension', ?, ?, ?,"
                            " ?, ?, 'direct', 0, '')", (vid, goal, code, zh, en, k, dim_weights[code]))
        for j, (q, qzh, qen, latent) in enumerate(items):
            conn.execute("INSERT INTO sat_nodes (version_id, parent_id, kind, code, text_zh, text_en, position, weight,"
                         " weight_method, importance_question, latent) VALUES (?, ?, 'indicator', ?, ?, ?, ?, ?,"
                         " 'direct', ?, ?)",  # equal direct weights, normalised as a release stores them
                         (vid, did, q, qzh, qen, j, round(1 / len(items), 6), int(q in IMPORTANCE), latent))
            blocks[latent].append(q)
    for k, (name, zh, en) in enumerate(BLOCKS):
        conn.execute("INSERT INTO sat_model_blocks (version_id, name, label_zh, label_en, position) VALUES (?, ?, ?, ?, ?)",
                     (vid, name, zh, en, k))
    conn.executemany("INSERT INTO sat_model_paths (version_id, source, target) VALUES (?, ?, ?)",
                     [(vid, a, b) for a, b in PATHS])
    counts["sat_surveys"] += 1
    for k, (start, end, label) in enumerate(_quarters(ctx.as_of, len(QUALITY_SHIFT))):
        wid = _insert(conn, "INSERT INTO sat_waves (version_id, code, name, period_start, period_end, state, created_at)"
                            " VALUES (?, ?, ?, ?, ?, 'closed', ?)",
                      (vid, f"CCSI-{label}", f"{label} 季度调查", start.isoformat(), end.isoformat(), now))
        conn.executemany("INSERT INTO sat_wave_targets (wave_id, customer_id, contact_id) VALUES (?, ?, ?)",
                         [(wid, c, p) for c, p in targets])
        answered = [t for t in targets if rng.random() < 0.82]
        data = simulate(blocks, PATHS, len(answered), (1, 10), rng, shift={"PerceivedQuality": QUALITY_SHIFT[k]},
                        missing=0.012)
        day_span = max((end - start).days - 20, 1)
        rows = []
        for i, (cust, contact) in enumerate(answered):
            answered_on = (start + timedelta(days=20 + int(rng.integers(0, day_span)))).isoformat()
            rid = _insert(conn, "INSERT INTO sat_respondents (wave_id, customer_id, contact_id, source, complaint_id,"
                                " answered_on, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?)",
                          (wid, cust, contact, "import" if i % 3 else "entry", answered_on, now))
            for col, value in data.iloc[i].items():
                if value == value:  # NaN = no answer
                    rows.append((rid, col, "rating", float(value)))
            for q, mean in IMPORTANCE.items():
                rows.append((rid, q, "importance", float(np.clip(np.rint(rng.normal(mean, 1.0)), 1, 10))))
            sat = np.nanmean([data.iloc[i]["SA1"], data.iloc[i]["SA2"]])
            nps = float(np.clip(np.rint((sat if sat == sat else 7) + rng.normal(0.3, 1.2)), 0, 10))
            rows.append((rid, "NPS", "nps", nps))
        conn.executemany("INSERT INTO sat_answers (respondent_id, question, kind, value) VALUES (?, ?, ?, ?)", rows)
        counts["sat_waves"] += 1
        counts["sat_respondents"] += len(answered)
        counts["sat_answers"] += len(rows)
    # --- the current quarter's wave: open, asked, not answered yet (for the entry grid and imports)
    q_start = date(ctx.as_of.year, 3 * ((ctx.as_of.month - 1) // 3) + 1, 1)
    q_end = (date(q_start.year + (q_start.month == 10), (q_start.month + 2) % 12 + 1, 1)) - timedelta(days=1)
    label = f"{q_start.year}-Q{(q_start.month - 1) // 3 + 1}"
    owid = _insert(conn, "INSERT INTO sat_waves (version_id, code, name, period_start, period_end, state, created_at)"
                         " VALUES (?, ?, ?, ?, ?, 'open', ?)",
                   (vid, f"CCSI-{label}", f"{label} 季度调查", q_start.isoformat(), q_end.isoformat(), now))
    conn.executemany("INSERT INTO sat_wave_targets (wave_id, customer_id, contact_id) VALUES (?, ?, ?)",
                     [(owid, c, p) for c, p in targets])
    counts["sat_waves"] += 1
    # --- a Kano study (one wave)
    kid = _insert(conn, "INSERT INTO sat_surveys (code, name_zh, name_en, purpose, scale_min, scale_max, languages,"
                        " notes, created_at) VALUES ('KANO', '服务需求 Kano 调查', 'Kano study of service needs', 'kano',"
                        " 1, 5, 'zh_CN,en', '', ?)", (now,))
    kvid = _insert(conn, "INSERT INTO sat_survey_versions (survey_id, version, state, model_kind, nps_zh, nps_en,"
                         " released_at, released_by, notes, created_at) VALUES (?, 1, 'released', 'custom', '', '', ?,"
                         " '王芳', '', ?)", (kid, now, now))
    for k, (code, zh, en) in enumerate(KANO):
        conn.execute("INSERT INTO sat_kano_pairs (version_id, code, attribute_zh, attribute_en, functional_zh,"
                     " functional_en, dysfunctional_zh, dysfunctional_en, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (kvid, code, zh, en, f"如果提供“{zh}”，您觉得如何？", f"If we offer {en.lower()}, how do you feel?",
                      f"如果不提供“{zh}”，您觉得如何？", f"If we do not offer {en.lower()}, how do you feel?", k))
    start, end, label = _quarters(ctx.as_of, 1)[0]
    kwid = _insert(conn, "INSERT INTO sat_waves (version_id, code, name, period_start, period_end, state, created_at)"
                         " VALUES (?, ?, ?, ?, ?, 'closed', ?)",
                   (kvid, f"KANO-{label}", f"{label} Kano 调查", start.isoformat(), end.isoformat(), now))
    sample = [t for t in targets if rng.random() < 0.4]
    conn.executemany("INSERT INTO sat_wave_targets (wave_id, customer_id, contact_id) VALUES (?, ?, ?)",
                     [(kwid, c, p) for c, p in sample])
    rows = []
    for cust, contact in sample[: int(len(sample) * 0.8)]:
        rid = _insert(conn, "INSERT INTO sat_respondents (wave_id, customer_id, contact_id, source, complaint_id,"
                            " answered_on, created_at) VALUES (?, ?, ?, 'entry', NULL, ?, ?)",
                      (kwid, cust, contact, end.isoformat(), now))
        for code, patterns in KANO_PATTERNS.items():
            weights = np.array([w for _p, w in patterns], float)
            (f, d), _w = patterns[int(rng.choice(len(patterns), p=weights / weights.sum()))]
            rows += [(rid, code, "kano_functional", float(f)), (rid, code, "kano_dysfunctional", float(d))]
        counts["sat_respondents"] += 1
    conn.executemany("INSERT INTO sat_answers (respondent_id, question, kind, value) VALUES (?, ?, ?, ?)", rows)
    counts["sat_surveys"] += 1
    counts["sat_waves"] += 1
    counts["sat_answers"] += len(rows)
    for table, n in counts.items():
        ctx.counts[table] = ctx.counts.get(table, 0) + n
    _run_more(conn, ctx)


def _run_more(conn: sqlite3.Connection, ctx) -> None:
    import app.models.satisfaction as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("demo_"):
            importlib.import_module(f"app.models.satisfaction.{info.name}").extend_demo(conn, ctx)

"""Demo data for incoming inspection: settings and items for every approved supplier x part link,
the switching state replayed from the evaluation demo's lots (the same ``inspection_lots`` rows),
and a few told histories on top: pairs that go to tightened and back, pairs that reach reduced
(approved by the quality manager), one that is discontinued, one that falls back from reduced;
rejected lots with every kind of disposition and SCARs raised from the rejections.

Switching uses the engine's own transition (``sampling.next_state``), so what the demo stores is
what recording the lots one by one would have stored. Rows go in with raw ``sqlite3``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date, datetime, timedelta

from app.engines import sampling
from app.models.inspection.switching import ClassOutcome, lot_inputs
from app.models.suppliers.demo8d import audit_finding_8d

ORDER = 60
QM = "周敏 (质量经理)"
SQE = "李娜 Li Na"

# Inspection items by the part's category (the category's first word, as the demo writes it).
ITEMS = {
    "铸件": [("壁厚 Wall thickness", "major", "variable", "超声测厚", "UT gauge TT-130", 3.8, 4.4, "mm"),
             ("气孔 Porosity", "critical", "attribute", "X 射线抽检", "X-ray", None, None, ""),
             ("外观 Appearance", "minor", "attribute", "目视", "", None, None, "")],
    "机加工件": [("外径 Outer diameter", "major", "variable", "外径千分尺", "Micrometer 25-50", 39.975, 40.0, "mm"),
              ("长度 Length", "major", "variable", "卡尺", "Caliper 0-150", 119.8, 120.2, "mm"),
              ("毛刺 Burrs", "minor", "attribute", "目视 / 手感", "", None, None, "")],
    "电子元器件": [("功能测试 Function test", "critical", "attribute", "测试工装", "ICT fixture", None, None, ""),
              ("焊点 Solder joints", "major", "attribute", "放大镜 10×", "Loupe", None, None, ""),
              ("标签 Label", "minor", "attribute", "目视", "", None, None, "")],
    "塑料件": [("卡扣插拔力 Snap force", "major", "variable", "推拉力计", "Force gauge", 18.0, 30.0, "N"),
            ("缩痕 Sink marks", "minor", "attribute", "目视", "", None, None, "")],
    "紧固件": [("扭矩 Torque", "major", "variable", "扭力扳手", "Torque wrench", 22.0, 28.0, "N·m"),
            ("螺纹 Thread", "major", "attribute", "螺纹环规", "Ring gauge 6g", None, None, "")],
    "橡胶件": [("硬度 Hardness", "major", "variable", "邵氏硬度计", "Shore A", 65.0, 75.0, "Shore A"),
            ("飞边 Flash", "minor", "attribute", "目视", "", None, None, "")],
}
DEFAULT_ITEMS = [("尺寸 Dimension", "major", "variable", "卡尺", "Caliper 0-150", 9.9, 10.1, "mm"),
                 ("外观 Appearance", "minor", "attribute", "目视", "", None, None, "")]
MINOR_AQL = {"电子元器件": 1.5, "线路板": 1.5}
CRITICAL_AQL = {"铸件": 0.065, "电子元器件": 0.065}


def _ts(d: date, hour: int = 10) -> str:
    return datetime(d.year, d.month, d.day, hour, 0, 0).isoformat(sep=" ")


def _settings(conn: sqlite3.Connection, ctx, now: str) -> dict[tuple[int, int], dict]:
    rows = conn.execute(
        "SELECT sp.supplier_id, sp.part_id, p.category FROM supplier_parts sp JOIN suppliers s ON s.id = sp.supplier_id"
        " JOIN parts p ON p.id = sp.part_id WHERE s.status = 'approved' AND sp.active ORDER BY sp.supplier_id, sp.part_id"
    ).fetchall()
    out: dict[tuple[int, int], dict] = {}
    settings, items = [], []
    for sid_, (supplier_id, part_id, category) in enumerate(rows, 1):
        word = (category or "").split(" ")[0]
        critical = CRITICAL_AQL.get(word)
        minor = MINOR_AQL.get(word, 4.0)
        out[supplier_id, part_id] = {"id": sid_, "level": "II", "aqls": {"critical": critical, "major": 1.0,
                                                                        "minor": minor}, "items": ITEMS.get(word, DEFAULT_ITEMS)}
        settings.append((sid_, supplier_id, part_id, "II", critical, 1.0, minor, now))
        for pos, it in enumerate(out[supplier_id, part_id]["items"], 1):
            items.append((sid_, pos) + it)
    conn.executemany("INSERT INTO inspection_settings (id, supplier_id, part_id, level, aql_critical, aql_major,"
                     " aql_minor, updated_at) VALUES (?,?,?,?,?,?,?,?)", settings)
    conn.executemany("INSERT INTO inspection_items (setting_id, position, characteristic, defect_class, kind, method,"
                     " gauge, lower_limit, upper_limit, unit) VALUES (?,?,?,?,?,?,?,?,?,?)", items)
    ctx.counts["inspection_settings"] = len(settings)
    ctx.counts["inspection_items"] = len(items)
    return out


def _story(pairs: dict, lots: dict, rng) -> dict[tuple[int, int], tuple[str, set[int]]]:
    """Pick pairs with enough lots and the lot indexes to reject for each told history."""
    candidates = [k for k in sorted(pairs) if len(lots.get(k, ())) >= 16
                  and not any(d == "rejected" for _i, d, *_r in lots[k])]
    rng.shuffle(candidates)
    stories: dict[tuple[int, int], tuple[str, set[int]]] = {}
    plan = [("tightened_and_back", 3), ("discontinued", 1), ("reduced_then_normal", 1), ("tightened_now", 1)]
    for name, count in plan:
        for _ in range(count):
            if not candidates:
                return stories
            key = candidates.pop()
            n = len(lots[key])
            if name == "tightened_and_back":
                start = max(2, n // 3)
                stories[key] = (name, {start, start + 2})
            elif name == "discontinued":
                stories[key] = (name, {n - 7, n - 6, n - 5, n - 4, n - 3, n - 2, n - 1})
            elif name == "reduced_then_normal":
                stories[key] = (name, {n - 2})
            else:
                stories[key] = (name, {n - 3, n - 1})
    return stories


def _next_numbers(conn: sqlite3.Connection):
    used = defaultdict(int)
    for (number,) in conn.execute("SELECT number FROM corrective_actions"):
        parts = number.split("-")
        if len(parts) == 3 and parts[2].isdigit():
            used[parts[1]] = max(used[parts[1]], int(parts[2]))

    def next_number(day: date) -> str:
        used[str(day.year)] += 1
        return f"SCAR-{day.year}-{used[str(day.year)]:04d}"
    return next_number


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    rng = ctx.rng
    now = _ts(ctx.as_of)
    pairs = _settings(conn, ctx, now)
    lots: dict[tuple[int, int], list] = defaultdict(list)
    for row in conn.execute("SELECT supplier_id, part_id, id, decision, lot_size, major_defects, inspected_on,"
                            " lot_number, inspector FROM inspection_lots WHERE part_id IS NOT NULL"
                            " ORDER BY supplier_id, part_id, inspected_on, id"):
        if (row[0], row[1]) in pairs:
            lots[row[0], row[1]].append(row[2:])
    stories = _story(pairs, lots, rng)
    # Suppliers whose pairs had no rejection at all get the quality manager's approval for reduced
    # inspection on about half their pairs; the told "reduced" pair is always approved.
    approved = {k for k in pairs if k in lots and not any(d == "rejected" for _i, d, *_r in lots[k])
                and k not in stories and rng.random() < 0.5}
    approved |= {k for k, (name, _) in stories.items() if name == "reduced_then_normal"}
    next_number = _next_numbers(conn)
    lot_updates, class_rows, measure_rows, changes, settings_updates, cars, car_links = [], [], [], [], [], [], []
    rejected_lots: list[tuple] = []
    for key in sorted(pairs):
        setting = pairs[key]
        state = sampling.SwitchingState()
        ok_reduced = key in approved
        story, flips = stories.get(key, (None, set()))
        for idx, (lot_id, decision, lot_size, major, inspected_on, number, inspector) in enumerate(lots.get(key, ())):
            if state.discontinued:
                # lots the evaluation demo delivered after discontinuation: fed like a replay does (they
                # change nothing), stored as the tightened inspection they would have resumed under
                state, _event = sampling.next_state(state, decision == "accepted", acceptance_number=0)
                lot_updates.append((sampling.TIGHTENED, state.switching_score, lot_id))
                continue
            day = date.fromisoformat(str(inspected_on)[:10])
            severity = state.severity
            plan = sampling.plan_for_lot(int(lot_size), setting["level"], 1.0, severity)
            normal = sampling.plan_for_lot(int(lot_size), setting["level"], 1.0, sampling.NORMAL)
            flipped = idx in flips
            if flipped:
                decision, major = "rejected", plan.re + rng.randint(0, 2)
            accepted = decision == "accepted"
            d = int(major or 0) if not accepted else min(int(major or 0), plan.ac)
            ok, ac, tighter = lot_inputs([ClassOutcome(normal.code_letter, 1.0, normal.ac,
                                                       d if accepted else max(d, normal.re))])
            state, event = sampling.next_state(state, ok, acceptance_number=ac,
                                               tighter_accepted=tighter if severity == sampling.NORMAL else
                                               (None if ac < 2 else ok and bool(tighter)),
                                               reduced_approved=ok_reduced)
            lot_updates.append((severity, state.switching_score, lot_id))
            if event is not None:
                changes.append((setting["id"], lot_id, _ts(day, 11), event.from_severity, event.to_severity, event.rule,
                                f"{event.clause}: {event.text_en} (lot {number})", inspector))
            if flipped or not accepted:
                n_major = min(plan.n, int(lot_size))
                defects = max(d, plan.re) if flipped else max(d, plan.re)
                class_rows.append((lot_id, "major", 1.0, plan.code_letter, n_major, plan.ac, plan.re, defects, 0,
                                   int(plan.hundred_percent)))
                rejected_lots.append((key, lot_id, number, day, int(lot_size), defects, plan, severity, flipped,
                                      setting, event))
                if flipped:
                    item = next((it for it in setting["items"] if it[1] == "major" and it[2] == "variable"), None)
                    if item is not None:
                        lo, hi = item[5], item[6]
                        values = [round(lo + (hi - lo) * (0.3 + 0.4 * rng.random()), 3) for _ in range(n_major)]
                        for k in rng.sample(range(n_major), min(defects, n_major)):
                            values[k] = round(hi + (hi - lo) * (0.1 + 0.3 * rng.random()), 3)
                        pos = setting["items"].index(item) + 1
                        measure_rows.append((lot_id, pos, item[0], "major", json.dumps(values), min(defects, n_major)))
        recent = "".join("A" if x else "R" for x in state.recent_normal)
        settings_updates.append((state.severity, state.switching_score, recent, state.tightened_accepted_run,
                                 state.tightened_not_accepted, state.lots, int(ok_reduced),
                                 QM if ok_reduced else "", _ts(ctx.as_of - timedelta(days=200)) if ok_reduced else None,
                                 setting["id"]))
        if story == "reduced_then_normal" and state.severity == sampling.NORMAL:
            pass  # the rejection on reduced inspection brought it back (9.3.4 a)
    # The flipped lots are rejections now: the lot rows say so (the evaluation counts them too).
    flipped_rows = [(r[5], r[5], r[1]) for r in rejected_lots if r[8]]
    conn.executemany("UPDATE inspection_lots SET decision = 'rejected', major_defects = ?,"
                     " defective_units = MIN(lot_size, MAX(defective_units, ?)) WHERE id = ?", flipped_rows)
    conn.executemany("UPDATE inspection_lots SET severity = ?, switching_score = ? WHERE id = ?", lot_updates)
    conn.executemany("INSERT INTO inspection_lot_classes (lot_id, defect_class, aql, code_letter, sample_size, ac, re,"
                     " defects, accepted, hundred_percent) VALUES (?,?,?,?,?,?,?,?,?,?)", class_rows)
    conn.executemany("INSERT INTO inspection_measurements (lot_id, position, characteristic, defect_class, samples,"
                     " nonconforming) VALUES (?,?,?,?,?,?)", measure_rows)
    conn.executemany("INSERT INTO inspection_severity_changes (setting_id, lot_id, changed_at, from_severity,"
                     " to_severity, rule, reason, changed_by) VALUES (?,?,?,?,?,?,?,?)", changes)
    conn.executemany("UPDATE inspection_settings SET severity = ?, switching_score = ?, recent_normal = ?,"
                     " tightened_accepted_run = ?, tightened_not_accepted = ?, lots_count = ?, reduced_approved = ?,"
                     " reduced_approved_by = ?, reduced_approved_at = ? WHERE id = ?", settings_updates)
    # Skip-lot for a few pairs on reduced inspection (advisory, with the agreement clause as reason).
    skip = [s[-1] for s in settings_updates if s[0] == sampling.REDUCED][:3]
    conn.executemany("UPDATE inspection_settings SET exemption = 'skip_lot', exemption_reason = ? WHERE id = ?",
                     [("质量协议 QA-2026 第 7.3 条：A 级供方连续 12 个月无拒收，可跳批检验（每 3 批检 1 批）", sid_)
                      for sid_ in skip])

    # Dispositions: every kind, in turn; the newest few rejections stay awaiting disposition.
    rejected_lots.sort(key=lambda r: (r[3], r[1]))
    awaiting = {r[1] for r in rejected_lots[-3:]}
    cycle = ["return", "sort", "rework", "concession", "scrap", "mixed"]
    dispositions, lot_dispositions = [], []
    for i, (key, lot_id, number, day, size, defects, plan, severity, flipped, setting, event) in enumerate(rejected_lots):
        if flipped:  # a SCAR raised from the rejection, linked to the lot
            issued = day
            status = "open" if (ctx.as_of - day).days < 30 else rng.choice(["answered", "closed"])
            answered = issued + timedelta(days=rng.randint(5, 20)) if status != "open" else None
            closed = answered + timedelta(days=rng.randint(3, 10)) if status == "closed" else None
            if closed is not None and closed >= ctx.as_of:
                status, closed = "answered", None
            if answered is not None and answered >= ctx.as_of:
                status, answered = "open", None
            description = (f"来料批 {number}（{size} 件）于 {issued.isoformat()} 拒收：严重缺陷 {defects} ≥ Re {plan.re}"
                           f"（n={plan.n}，Ac {plan.ac}）。\nIncoming lot {number} ({size} pcs) rejected on "
                           f"{issued.isoformat()} under {severity} inspection: major {defects} ≥ Re {plan.re} "
                           f"(n={plan.n}, Ac {plan.ac}).")
            eight_d = json.dumps(audit_finding_8d(description, status != "open"), ensure_ascii=False)
            cars.append((key[0], next_number(issued), f"来料批 {number} 拒收：物料 {key[1]}", description,
                         issued.isoformat(), (issued + timedelta(days=14)).isoformat(),
                         answered.isoformat() if answered else None, closed.isoformat() if closed else None, status,
                         eight_d, "复检连续 3 批合格 / next 3 lots accepted" if closed else "",
                         SQE if closed else "", closed.isoformat() if closed else None, QM if closed else "", lot_id))
        if lot_id in awaiting:
            lot_dispositions.append((None, lot_id))
            continue
        kind = cycle[i % len(cycle)]
        at = _ts(day, 15)
        if kind == "mixed":
            good = max(1, size - max(1, size // 20))
            rows = [(lot_id, "sort", good, "supplier", "supplier", "供方派人驻厂 100% 挑选", SQE, at, ""),
                    (lot_id, "scrap", size - good, "", "", "挑出的不合格品报废，费用由供方承担", SQE, at, "")]
            rows = [r for r in rows if r[2] > 0]
            main = "sort"
        elif kind == "concession":
            rows = [(lot_id, "concession", size, "", "", "外观轻微超差，不影响装配与功能；限本批使用（偏差单 D-%03d）" % (i + 1),
                     SQE, at, QM)]
            main = kind
        elif kind in ("sort", "rework"):
            by = rng.choice(["supplier", "internal", "third_party"])
            rows = [(lot_id, kind, size, by, "supplier" if by != "internal" else rng.choice(["supplier", "company"]),
                     "100% 挑选" if kind == "sort" else "返工后复检", SQE, at, "")]
            main = kind
        else:
            rows = [(lot_id, kind, size, "", "", "", SQE, at, "")]
            main = kind
        dispositions.extend(rows)
        lot_dispositions.append((main, lot_id))
    conn.executemany("INSERT INTO inspection_dispositions (lot_id, kind, quantity, performed_by, cost_bearer, notes,"
                     " recorded_by, recorded_at, approved_by) VALUES (?,?,?,?,?,?,?,?,?)", dispositions)
    conn.executemany("UPDATE inspection_lots SET disposition = ? WHERE id = ?", lot_dispositions)
    for row in cars:
        cur = conn.execute("INSERT INTO corrective_actions (supplier_id, number, title, description, source, issued_on,"
                           " due_on, answered_on, closed_on, status, owner, method, eight_d_json, verification, verified_by,"
                           " verified_on, closed_by) VALUES (?, ?, ?, ?, 'inspection', ?, ?, ?, ?, ?, '', '8D', ?, ?, ?, ?, ?)",
                           row[:-1])
        car_links.append((cur.lastrowid, row[-1]))
    conn.executemany("UPDATE inspection_lots SET corrective_action_id = ? WHERE id = ?", car_links)
    ctx.counts.update(inspection_lot_classes=len(class_rows), inspection_measurements=len(measure_rows),
                      inspection_severity_changes=len(changes), inspection_dispositions=len(dispositions),
                      corrective_actions=ctx.counts.get("corrective_actions", 0) + len(cars))

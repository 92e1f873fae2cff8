"""Customer value analysis (domain brief §3.3): per customer revenue and margin in a window, ABC
(Pareto), RFM scores and class, CLV, churn-risk flags, k-means segments, cross-sell suggestions,
and the value-class proposal accepted or overridden with a reason.

Aggregation runs in SQL (GROUP BY over ``crm_orders``/``crm_order_lines``): one row per customer
reaches Python, so 2 M order lines cost one indexed scan. The per-customer frame then goes
through the engines in :mod:`app.engines.customers` as they are.

CLV = m·r/(1 + i − r) with m the yearly margin (window margin / window years), r the yearly
retention and i the discount rate (Gupta & Lehmann 2003).

Satisfaction is built elsewhere: when ``app.models.satisfaction.hooks`` offers
``falling_satisfaction(db, as_of) -> {customer_id: reason}`` its customers are flagged; without
the module nothing is flagged.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import and_, case, func, or_, select

from app.engines import customers as eng
from app.engines.association import Rule, association_rules
from app.models.admin.permissions import require, requires
from app.models.core.database import Database
from app.models.crm.orders import OrderError
from app.models.crm.tables_orders import VALUE_CLASSES, CrmOrder, CrmOrderLine, CrmValueDecision
from app.models.customers.tables import Customer

CLV_FORMULA = "CLV = m·r / (1 + i − r)"
COLUMNS = ("customer_id", "code", "name_zh", "name_en", "orders", "revenue", "margin", "last_order",
           "recency_days", "abc", "share_pct", "cumulative_pct", "R", "F", "M", "rfm", "segment", "clv",
           "proposed_class", "value_class", "risk")


@dataclass(frozen=True)
class ValueParams:
    as_of: date
    window_days: int = 365
    retention: float = 0.8
    discount: float = 0.1
    inactive_days: int = 90
    trend_days: int = 90
    drop: float = 0.5
    #: falling frequency compares the last ``trend_days`` with the mean of the ``baseline_periods``
    #: windows of the same length before them (a year by default, so one quiet quarter of a small
    #: customer is not read as a trend)
    baseline_periods: int = 4
    k: int = 4

    def check(self) -> None:
        if self.window_days < 1:
            raise OrderError("crm.window", "window: at least 1 day", "时间窗：至少 1 天")
        if not 0 <= self.retention < 1 + self.discount or not 0 <= self.retention <= 1:
            raise OrderError("crm.retention", "retention: a fraction 0–1 below 1 + discount",
                             "保留率：0–1 之间且小于 1 + 折现率")
        if self.discount <= -1:
            raise OrderError("crm.discount", "discount: must be above −1", "折现率：必须大于 −1")
        if self.trend_days < 1 or self.baseline_periods < 1:
            raise OrderError("crm.trend", "trend: the window and the baseline need at least 1 day and 1 period",
                             "趋势：时间窗至少 1 天，基准至少 1 个周期")
        if self.k < 1:
            raise OrderError("crm.k", "segments: at least 1", "分群数：至少 1")


@dataclass
class ValueAnalysis:
    params: ValueParams
    table: pd.DataFrame                    # one row per customer, COLUMNS
    segments: pd.DataFrame                 # segment profile: size, mean recency/frequency/monetary/margin
    risks: dict[int, list[str]] = field(default_factory=dict)  # customer id → reason keys


def _window(p: ValueParams) -> tuple[date, date]:
    return p.as_of - timedelta(days=p.window_days - 1), p.as_of


def _aggregate(s, p: ValueParams) -> pd.DataFrame:
    start, end = _window(p)
    recent_from = p.as_of - timedelta(days=p.trend_days - 1)
    before_from = p.as_of - timedelta(days=(1 + p.baseline_periods) * p.trend_days - 1)
    o = CrmOrder
    in_window = o.order_date >= start
    # one indexed pass over the orders (their line totals are kept on the order, migration 0018)
    heads = s.connection().execute(
        select(o.customer_id, func.max(o.order_date),
               func.sum(case((in_window, 1), else_=0)),
               func.sum(case((o.order_date >= recent_from, 1), else_=0)),
               func.sum(case((and_(o.order_date >= before_from, o.order_date < recent_from), 1), else_=0)),
               func.sum(case((in_window, o.amount), else_=0.0)),
               func.sum(case((in_window, o.margin), else_=0.0)))
        .where(o.order_date <= end).group_by(o.customer_id)).all()
    names = {cid: (code, zh, en, vc) for cid, code, zh, en, vc in s.execute(
        select(Customer.id, Customer.code, Customer.name_zh, Customer.name_en, Customer.value_class))}
    rows = []
    for cid, last, n_window, recent, before, rev, mar in heads:
        code, zh, en, vc = names[cid]
        last = last if isinstance(last, date) else date.fromisoformat(str(last)[:10])
        rows.append((cid, code, zh, en, int(n_window or 0), float(rev or 0.0), float(mar or 0.0), last,
                     (p.as_of - last).days, int(recent or 0), int(before or 0), vc))
    return pd.DataFrame(rows, columns=["customer_id", "code", "name_zh", "name_en", "orders", "revenue", "margin",
                                       "last_order", "recency_days", "recent", "before", "value_class"])


def _open_complaints(s) -> dict[int, int]:
    if importlib.util.find_spec("app.models.complaints.tables") is None:
        return {}
    from app.models.complaints.tables import STATES, Complaint

    # the open states spelled out and counted here (no GROUP BY), so the planner reads the few open
    # ones from the (state, received_at) index instead of walking all complaints by customer
    open_states = [st for st in STATES if st != "closed"]
    found: dict[int, int] = {}
    for (cid,) in s.connection().execute(select(Complaint.customer_id)
                                         .where(or_(*(Complaint.state == st for st in open_states)))):
        found[cid] = found.get(cid, 0) + 1
    return found


def _falling_satisfaction(db: Database, as_of: date) -> dict[int, str]:
    """The satisfaction domain's hook, when it exists; nothing otherwise."""
    name = "app.models.satisfaction.hooks"
    try:
        if importlib.util.find_spec(name) is None:
            return {}
    except ModuleNotFoundError:
        return {}
    hook = getattr(importlib.import_module(name), "falling_satisfaction", None)
    return dict(hook(db, as_of)) if callable(hook) else {}


def analyse(db: Database, params: ValueParams) -> ValueAnalysis:
    """The whole analysis for customers with an order up to ``params.as_of``."""
    require(db, "crm.view")
    params.check()
    with db.begin() as s:
        df = _aggregate(s, params)
        complaints = _open_complaints(s)
    satisfaction = _falling_satisfaction(db, params.as_of)
    if df.empty:
        return ValueAnalysis(params, pd.DataFrame(columns=COLUMNS), pd.DataFrame(), {})
    df = df.set_index("customer_id", drop=False)
    if df["revenue"].sum() > 0:
        abc = eng.abc_classes(df["revenue"])
        df = df.join(abc[["class", "share_pct", "cumulative_pct"]].rename(columns={"class": "abc"}))
    else:
        df["abc"], df["share_pct"], df["cumulative_pct"] = "C", 0.0, 0.0
    rfm = pd.DataFrame({"recency_days": df["recency_days"].astype(float), "frequency": df["orders"].astype(float),
                        "monetary": df["revenue"]})
    scores = eng.rfm_scores(rfm)
    df = df.join(scores[["R", "F", "M", "rfm"]])
    df["proposed_class"] = eng.rfm_classes(scores)
    years = params.window_days / 365.0
    df["clv"] = np.round(eng.clv(np.maximum(df["margin"].to_numpy() / years, 0.0), params.retention,
                                 params.discount) if len(df) > 1 else
                         [eng.clv(max(df["margin"].iloc[0] / years, 0.0), params.retention, params.discount)], 2)
    k = min(params.k, len(df))
    seg = eng.segment_customers(rfm.assign(margin=df["margin"]), ["recency_days", "frequency", "monetary"], k)
    df["segment"] = seg["segment"].to_numpy() + 1
    risks: dict[int, list[str]] = {}
    for cid, days, recent, before in df[["customer_id", "recency_days", "recent", "before"]].itertuples(index=False):
        why = []
        if days > params.inactive_days:
            why.append("inactive")
        expected = before / params.baseline_periods
        if expected >= 2 and recent <= (1 - params.drop) * expected:
            why.append("falling")
        if complaints.get(cid):
            why.append("complaints")
        if cid in satisfaction:
            why.append("satisfaction")
        if why:
            risks[int(cid)] = why
    df["risk"] = [",".join(risks.get(int(c), [])) for c in df["customer_id"]]
    prof = df.groupby("segment").agg(customers=("customer_id", "size"), recency_days=("recency_days", "mean"),
                                     orders=("orders", "mean"), revenue=("revenue", "mean"),
                                     margin=("margin", "mean")).round(1).reset_index()
    table = df[list(COLUMNS)].sort_values("revenue", ascending=False, kind="stable").reset_index(drop=True)
    return ValueAnalysis(params, table, prof, risks)


# ---- cross-sell ------------------------------------------------------------------------------------
SEP = "\x1f"  # unit separator: never part of a part code


def _baskets(s, start: date, end: date) -> list[list[str]]:
    """One basket of part codes per order in the window, concatenated in SQL (group_concat /
    string_agg) from the covering index (order_id, part_code)."""
    rows = s.connection().execute(
        select(func.aggregate_strings(CrmOrderLine.part_code, SEP))
        .select_from(CrmOrder).join(CrmOrderLine, CrmOrderLine.order_id == CrmOrder.id)
        .where(CrmOrder.order_date >= start, CrmOrder.order_date <= end, CrmOrderLine.part_code != "")
        .group_by(CrmOrder.id))
    return [joined.split(SEP) for (joined,) in rows.all()]


def rules(db: Database, params: ValueParams, *, min_support: float = 0.01, min_confidence: float = 0.2) -> list[Rule]:
    """Association rules over the window's orders (baskets of part codes)."""
    require(db, "crm.view")
    with db.begin() as s:
        baskets = _baskets(s, *_window(params))
    return association_rules(baskets, min_support=min_support, min_confidence=min_confidence)


@dataclass(frozen=True)
class Suggestion:
    part_code: str
    source: str        # "rule" or "segment"
    because: str       # the rule's antecedent, or the share of the segment buying it
    confidence: float
    lift: float


def cross_sell(db: Database, analysis: ValueAnalysis, customer_id: int, *, found: list[Rule] | None = None,
               segment_share: float = 0.5) -> list[Suggestion]:
    """Parts suggested for one customer: rules whose antecedent the customer buys and whose
    consequent it does not; and parts bought by ≥ ``segment_share`` of its segment's customers."""
    require(db, "crm.view")
    start, end = _window(analysis.params)
    with db.begin() as s:
        pairs = s.execute(select(CrmOrder.customer_id, CrmOrderLine.part_code).distinct()
                          .join(CrmOrderLine, CrmOrderLine.order_id == CrmOrder.id)
                          .where(CrmOrder.order_date >= start, CrmOrder.order_date <= end,
                                 CrmOrderLine.part_code != "")).all()
    bought: dict[int, set[str]] = {}
    for cid, code in pairs:
        bought.setdefault(cid, set()).add(code)
    mine = bought.get(customer_id, set())
    out: dict[str, Suggestion] = {}
    for r in found if found is not None else rules(db, analysis.params):
        if set(r.antecedent) <= mine and not set(r.consequent) & mine:
            for code in r.consequent:
                if code not in out:
                    out[code] = Suggestion(code, "rule", " + ".join(r.antecedent), round(r.confidence, 3),
                                           round(r.lift, 2))
    t = analysis.table
    seg = t.loc[t["customer_id"] == customer_id, "segment"]
    if len(seg):
        peers = [int(c) for c in t.loc[(t["segment"] == seg.iloc[0]) & (t["customer_id"] != customer_id), "customer_id"]]
        if peers:
            counts: dict[str, int] = {}
            for c in peers:
                for code in bought.get(c, ()):
                    counts[code] = counts.get(code, 0) + 1
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                share = n / len(peers)
                if share >= segment_share and code not in mine and code not in out:
                    out[code] = Suggestion(code, "segment", f"{share:.0%}", round(share, 3), 0.0)
    return list(out.values())


# ---- proposal accepted or overridden ----------------------------------------------------------------
@requires("crm.value")
def decide_value_class(db: Database, customer_id: int, proposed: str, accepted: str, *, reason: str = "",
                       basis: dict | None = None) -> int:
    """Record the decision and set the customer's value class; a class other than the proposal
    needs a reason."""
    for name, v in (("proposed_class", proposed), ("accepted_class", accepted)):
        if v not in VALUE_CLASSES:
            raise OrderError("crm.bad_class", f"{name}: '{v}' is not one of {', '.join(VALUE_CLASSES)}",
                             f"{name}：“{v}”不在 {', '.join(VALUE_CLASSES)} 之中")
    reason = (reason or "").strip()
    if accepted != proposed and not reason:
        raise OrderError("crm.reason_required", "reason: overriding the proposal needs a reason",
                         "原因：修改建议等级必须填写原因")
    with db.begin() as s:
        cust = s.get(Customer, customer_id)
        if cust is None:
            raise OrderError("crm.no_customer", f"customer {customer_id} does not exist", f"顾客 {customer_id} 不存在")
        d = CrmValueDecision(customer_id=cust.id, proposed_class=proposed, accepted_class=accepted, reason=reason,
                             basis=json.dumps(basis or {}, ensure_ascii=False, default=str),
                             decided_by=db.actor.name)
        s.add(d)
        cust.value_class = accepted
        cust.value_class_reason = reason or f"value analysis: {proposed}"
        s.flush()
        return d.id


# ---- export -------------------------------------------------------------------------------------
HEADERS = {
    "en": ("Code", "Name", "Orders", "Revenue", "Margin", "Last order", "Days since", "ABC", "Share %",
           "Cumulative %", "R", "F", "M", "RFM", "Segment", "CLV", "Proposed class", "Value class", "Risk"),
    "zh_CN": ("代码", "名称", "订单数", "销售额", "毛利", "最近订单", "距今天数", "ABC", "占比 %", "累计 %", "R", "F",
              "M", "RFM", "分群", "顾客终身价值", "建议等级", "价值等级", "流失风险"),
}
CLASS_WORDS = {"zh_CN": {"important": "重要", "potential": "潜力", "ordinary": "一般", "lost": "流失"}}
RISK_WORDS = {"en": {"inactive": "no recent order", "falling": "falling order frequency",
                     "complaints": "open complaints", "satisfaction": "falling satisfaction"},
              "zh_CN": {"inactive": "近期无订单", "falling": "订货频次下降", "complaints": "有未关闭投诉",
                        "satisfaction": "满意度下降"}}


def export_rows(analysis: ValueAnalysis, lang: str = "en") -> tuple[tuple[str, ...], list[list]]:
    lang = lang if lang in HEADERS else "en"
    words = CLASS_WORDS.get(lang, {})
    rows = []
    for r in analysis.table.itertuples(index=False):
        name = (r.name_zh or r.name_en) if lang == "zh_CN" else (r.name_en or r.name_zh)
        risk = "; ".join(RISK_WORDS[lang][k] for k in r.risk.split(",") if k)
        rows.append([r.code, name, int(r.orders), round(float(r.revenue), 2), round(float(r.margin), 2),
                     r.last_order.isoformat(), int(r.recency_days), r.abc, round(float(r.share_pct), 2),
                     round(float(r.cumulative_pct), 2), int(r.R), int(r.F), int(r.M), r.rfm, int(r.segment),
                     float(r.clv), words.get(r.proposed_class, r.proposed_class),
                     words.get(r.value_class or "", r.value_class or ""), risk])
    return HEADERS[lang], rows


def export_value(analysis: ValueAnalysis, path: str | Path, *, lang: str = "en") -> int:
    """Write the value table to ``.xlsx`` or ``.csv`` through the one tabular writer."""
    from app.reports.tabular import write_csv, write_xlsx

    path = Path(path)
    header, rows = export_rows(analysis, lang)
    if path.suffix.lower() == ".csv":
        write_csv(path, header, rows)
    elif path.suffix.lower() == ".xlsx":
        write_xlsx(path, header, rows, title="顾客价值" if lang == "zh_CN" else "Customer value")
    else:
        raise OrderError("crm.bad_format", f"cannot write '{path.suffix}' files (use .xlsx, .csv)",
                         f"不能写入“{path.suffix}”文件（请用 .xlsx、.csv）")
    return len(rows)

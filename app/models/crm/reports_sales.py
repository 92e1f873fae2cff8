"""The CRM's sales and campaign reports (issue 16), from the opportunities and campaigns of
migration 0014_crm_sales: pipeline by stage with weighted value (expected revenue × probability),
won/lost analysis with reasons for the opportunities closed in the period, the forecast of the open
opportunities by expected close month; per campaign and compared across the campaigns running in
the period (response rate, cost per response, revenue from won opportunities, ROI — the campaign
service's own figures). Read-only, ``crm.reports``; aggregation in SQL."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import case, func, or_, select

from app.models.admin.permissions import requires
from app.models.core.database import Database, fetch_all
from app.models.crm import campaigns as campaign_service
from app.models.crm.reports import NONE_LABEL, ReportResult, Section
from app.models.crm.tables_sales import OPEN_STAGES, STAGES, Opportunity

OPEN = tuple(s.value for s in OPEN_STAGES)


@requires("crm.reports")
def sales_report(db: Database, start: date, end: date) -> ReportResult:
    o = Opportunity.__table__
    weighted = o.c.expected_revenue * o.c.probability / 100.0
    is_open = or_(*(o.c.stage == st for st in OPEN))  # no IN list: fetch_all does not expand one
    with db.read() as s:
        stage_rows = fetch_all(s, select(o.c.stage, func.count(), func.sum(o.c.expected_revenue), func.sum(weighted))
                               .group_by(o.c.stage), {})
        closed_rows = fetch_all(s, select(o.c.stage, o.c.reason, func.count(),
                                          func.sum(case((o.c.stage == "won", func.coalesce(o.c.won_amount,
                                                                                           o.c.expected_revenue)),
                                                        else_=o.c.expected_revenue)))
                                .where(or_(o.c.stage == "won", o.c.stage == "lost"), o.c.closed_on >= start, o.c.closed_on <= end)
                                .group_by(o.c.stage, o.c.reason), {})
        forecast_rows = fetch_all(s, select(o.c.expected_close, o.c.expected_revenue, weighted).where(is_open), {})
    found = {st: (int(n), float(e or 0.0), float(w or 0.0)) for st, n, e, w in stage_rows}
    pipeline = pd.DataFrame([(st, *found.get(st, (0, 0.0, 0.0))) for st in OPEN],
                            columns=["stage", "count", "expected", "weighted"])
    wl = pd.DataFrame([(st, (r or "").strip() or NONE_LABEL, int(n), float(a or 0.0)) for st, r, n, a in closed_rows],
                      columns=["stage", "reason", "count", "amount"])
    wl = wl.groupby(["stage", "reason"], as_index=False)[["count", "amount"]].sum()
    wl = wl.sort_values(["stage", "count", "reason"], ascending=[False, False, True]).reset_index(drop=True)
    won = wl[wl["stage"] == "won"]
    lost = wl[wl["stage"] == "lost"]
    fc = pd.DataFrame([(str(d)[:7] if d else NONE_LABEL, float(e or 0.0), float(w or 0.0)) for d, e, w in forecast_rows],
                      columns=["month", "expected", "weighted"])
    forecast = (fc.groupby("month", as_index=False).agg(count=("expected", "size"), expected=("expected", "sum"),
                                                         weighted=("weighted", "sum"))
                .sort_values("month", key=lambda m: m.where(m != NONE_LABEL, "9999")).reset_index(drop=True))
    n_won, n_lost = int(won["count"].sum()), int(lost["count"].sum())
    summary = {"open_opportunities": int(pipeline["count"].sum()), "pipeline": float(pipeline["expected"].sum()),
               "weighted": float(pipeline["weighted"].sum()), "won": n_won, "lost": n_lost,
               "win_rate": n_won / (n_won + n_lost) if n_won + n_lost else None,
               "won_amount": float(won["amount"].sum())}
    sections = _order_sections(db, start, end, summary)
    sections += [Section("pipeline", pipeline, "bar", "weighted"),
                 Section("won_lost", wl, "bar", "count"),
                 Section("forecast", forecast, "bar", "weighted")]
    return ReportResult("sales", start, end, sections, summary)


TOP_PARTS = 20


def _order_sections(db: Database, start: date, end: date, summary: dict) -> list[Section]:
    """Revenue and margin of the order lines dated in the period: by month, by customer value
    class, by part (the TOP_PARTS largest). Empty when the order tables (0011_crm) are absent."""
    try:
        from app.models.crm.tables_orders import CrmOrder, CrmOrderLine
    except ImportError:
        return []
    from app.models.crm.reports import months_between
    from app.models.customers.tables import Customer

    od, ln, cu = CrmOrder.__table__, CrmOrderLine.__table__, Customer.__table__
    src = ln.join(od, od.c.id == ln.c.order_id)
    period = (od.c.order_date >= start, od.c.order_date <= end)
    rev, mar = func.sum(ln.c.amount), func.sum(ln.c.margin)
    o_rev, o_mar = func.sum(od.c.amount), func.sum(od.c.margin)  # the orders' line totals (migration 0018)
    with db.read() as s:
        # months and classes from the orders alone; the parts need the lines, grouped by part only
        by_day = fetch_all(s, select(od.c.order_date, o_rev, o_mar).where(*period).group_by(od.c.order_date), {})
        by_part = fetch_all(s, select(ln.c.part_code, rev, mar).select_from(src).where(*period)
                            .group_by(ln.c.part_code), {})
        by_class = fetch_all(s, select(cu.c.value_class, o_rev, o_mar).select_from(od.join(cu, cu.c.id == od.c.customer_id))
                             .where(*period).group_by(cu.c.value_class), {})
    months = months_between(start, end)
    day = pd.DataFrame([(str(d)[:7], float(r or 0.0), float(m or 0.0)) for d, r, m in by_day],
                       columns=["month", "revenue", "margin"])
    monthly = day.groupby("month")[["revenue", "margin"]].sum().reindex(months, fill_value=0.0).reset_index()

    def frame(rows, label):
        f = pd.DataFrame([(k if k not in (None, "") else NONE_LABEL, float(r or 0.0), float(m or 0.0))
                          for k, r, m in rows], columns=[label, "revenue", "margin"])
        f = f.groupby(label, as_index=False)[["revenue", "margin"]].sum()
        f["margin_rate"] = [m / r if r else None for r, m in zip(f["revenue"], f["margin"])]
        return f.sort_values(["revenue", label], ascending=[False, True]).reset_index(drop=True)

    revenue, margin = float(monthly["revenue"].sum()), float(monthly["margin"].sum())
    summary.update({"revenue": revenue, "margin": margin, "margin_rate": margin / revenue if revenue else None})
    return [Section("revenue_by_month", monthly, "line", "revenue"),
            Section("revenue_by_class", frame(by_class, "value_class"), "bar", "revenue"),
            Section("revenue_by_part", frame(by_part, "part").head(TOP_PARTS), "bar", "revenue")]


@requires("crm.reports")
def campaign_report(db: Database, start: date, end: date) -> ReportResult:
    """Every campaign running in the period (started by its end, not ended before its start)."""
    rows = [c for c in campaign_service.list_campaigns(db)
            if (c.starts_on is None or c.starts_on <= end) and (c.ends_on is None or c.ends_on >= start)]
    frame = pd.DataFrame([(c.code, c.name, c.campaign_type, c.starts_on, c.ends_on, c.budget, c.actual_cost,
                           c.result.targets, c.result.responders, c.result.response_rate,
                           c.result.cost_per_response, c.result.opportunities, c.result.won, c.result.revenue,
                           c.result.roi) for c in rows],
                         columns=["code", "name", "campaign_type", "starts_on", "ends_on", "budget", "actual_cost",
                                  "targets", "responders", "response_rate", "cost_per_response", "opportunities",
                                  "won", "revenue", "roi"])
    frame = frame.sort_values(["starts_on", "code"], na_position="last").reset_index(drop=True)
    compare = frame[["code", "response_rate", "cost_per_response", "revenue", "roi"]].copy()
    by_type = (frame.groupby("campaign_type", as_index=False)
               .agg(count=("code", "size"), actual_cost=("actual_cost", "sum"), revenue=("revenue", "sum")))
    by_type["roi"] = [(r - c) / c if c else None for r, c in zip(by_type["revenue"], by_type["actual_cost"])]
    cost, revenue = float(frame["actual_cost"].sum()), float(frame["revenue"].sum())
    summary = {"campaigns": len(frame), "actual_cost": cost, "revenue": revenue,
               "roi": (revenue - cost) / cost if cost else None,
               "responders": int(frame["responders"].sum()), "targets": int(frame["targets"].sum())}
    sections = [Section("campaigns", frame[["code", "name", "campaign_type", "starts_on", "actual_cost", "targets",
                                            "responders", "opportunities", "won", "revenue"]], "bar", "revenue"),
                Section("compare_response", compare[["code", "response_rate", "cost_per_response"]], "bar",
                        "response_rate"),
                Section("compare_roi", compare[["code", "revenue", "roi"]], "bar", "roi"),
                Section("by_campaign_type", by_type, "bar", "revenue")]
    return ReportResult("campaign", start, end, sections, summary)

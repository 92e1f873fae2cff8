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
    sections = [Section("pipeline", pipeline, "bar", "weighted"),
                Section("won_lost", wl, "bar", "count"),
                Section("forecast", forecast, "bar", "weighted")]
    return ReportResult("sales", start, end, sections, summary)


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

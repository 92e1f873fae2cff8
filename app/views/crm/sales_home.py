"""The customer side of the home page: overdue open complaints, reminders due today (or
earlier), open opportunities, and the opportunities per stage as links. Each figure is the length
of the list it opens (the same service call with the same filter)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.views.crm import sales_common as sc


translate = QCoreApplication.translate


def complaints_due(db) -> int:
    """Open complaints past their SLA target: the complaints list's own "overdue only" filter."""
    from app.models.complaints import service

    return len(service.list_complaints(db, service.ComplaintFilter(overdue_only=True, limit=100000)))


def open_overdue_complaints(page) -> None:
    """Set the complaints list to what :func:`complaints_due` counts."""
    lst = page.list
    lst.search.clear()
    for combo in (lst.customer, lst.type, lst.severity, lst.state, lst.period):
        combo.setCurrentIndex(0)  # all customers, types, severities; not closed; any time
    lst.part.clear()
    lst.supplier.clear()
    lst.overdue.setChecked(True)
    lst.refresh()


def cards(ctx, card_class) -> list:
    from app.models.crm import activities, opportunities

    db = ctx.database
    today = date.today()
    counts = opportunities.stage_counts(db)
    n_open = sum(counts[s] for s in opportunities.OPEN)
    due = activities.reminders_count(db, today)
    overdue = complaints_due(db)
    return [
        card_class(translate("SalesHome", "Complaints overdue"), f"{overdue:,}", "#c0392b" if overdue else "#1e8449",
                   module="complaints", on_open=open_overdue_complaints,
                   tooltip=translate("SalesHome", "Open the overdue complaints")),
        card_class(translate("SalesHome", "Reminders due today"), f"{due:,}", "#b9770e" if due else "#1e8449", module="crm_sales",
                   on_open=lambda page: page.open_filtered("reminders"), tooltip=translate("SalesHome", "Open the reminders due")),
        card_class(translate("SalesHome", "Open opportunities"), f"{n_open:,}", "#1f5fa8", module="crm_sales",
                   on_open=lambda page: page.open_filtered("stage", "open"), tooltip=translate("SalesHome", "Open the opportunities")),
    ]


def stage_links(ctx) -> str:
    from app.models.crm import opportunities

    counts = opportunities.stage_counts(ctx.database)
    links = [f'<a href="{s}">{sc.label(sc.STAGES, s)}: {counts[s]:,}</a>' for s in counts]
    return translate("SalesHome", "Opportunities by stage:") + " " + "  ·  ".join(links)

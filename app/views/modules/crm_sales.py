"""Sales (销售): opportunities, campaigns, activities and reminders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.crm.sales_page import SalesPage

    return SalesPage(ctx)


def _screenshots(ctx):
    from app.views.crm.sales_page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="crm_sales",
    order=55,
    title=lambda: QCoreApplication.translate("Modules", "Sales"),
    factory=_create,
    icon="SP_DialogYesButton",
    screenshots=_screenshots,
)

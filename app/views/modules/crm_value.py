"""Customer value (客户价值): ABC/Pareto, RFM, CLV, segments, churn risk, cross-sell and the
value-class decision; the orders (sales history) behind them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.crm.value_page import ValuePage

    return ValuePage(ctx)


def _screenshots(ctx):
    from app.views.crm import orders_page
    from app.views.crm.value_page import screenshots

    # the value tabs (the orders list among them), then the orders import and entry dialogs
    return screenshots(ctx) + [shot for shot in orders_page.screenshots(ctx) if shot[0] != "crm_orders"]


def _visible(ctx) -> bool:
    from app.models.admin.permissions import can

    return can(ctx.database, "crm.view")


MODULE = ModuleSpec(
    key="crm_value",
    order=57,
    title=lambda: QCoreApplication.translate("Modules", "Customer value"),
    factory=_create,
    icon="SP_FileDialogDetailedView",
    screenshots=_screenshots,
    visible=_visible,
)

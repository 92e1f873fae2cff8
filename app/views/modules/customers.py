"""Customers: the customer master grid with the selected customer's details below it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.customers.page import CustomersPage

    return CustomersPage(ctx)


def _screenshots(ctx):
    from app.views.customers.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="customers",
    order=50,
    title=lambda: QCoreApplication.translate("Modules", "Customers"),
    factory=_create,
    icon="SP_FileDialogContentsView",
    screenshots=_screenshots,
)

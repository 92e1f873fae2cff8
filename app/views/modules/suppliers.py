"""Suppliers: the supplier master grid with the selected supplier's details beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.suppliers.page import SuppliersPage

    return SuppliersPage(ctx)


def _screenshots(ctx):
    from app.views.suppliers.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="suppliers",
    order=10,
    title=lambda: QCoreApplication.translate("Modules", "Suppliers"),
    factory=_create,
    icon="SP_DirHomeIcon",
    screenshots=_screenshots,
)

"""Approval & qualified list: the six-step approval flow per supplier and the qualified
supplier list (合格供方名录) with what expires soon, exportable to Excel, CSV or PDF."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.suppliers.qualified_page import QualifiedPage

    return QualifiedPage(ctx)


def _screenshots(ctx):
    from app.views.suppliers.qualified_page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="qualified",
    order=30,
    title=lambda: QCoreApplication.translate("Modules", "Approval & qualified list"),
    factory=_create,
    icon="SP_DialogApplyButton",
    screenshots=_screenshots,
)

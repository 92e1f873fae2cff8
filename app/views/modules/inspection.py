"""Incoming inspection (进货检验): receive a lot with its GB/T 2828.1 plan, enter results, decide,
dispose of rejected lots, follow switching per supplier x part."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.inspection.page import InspectionPage

    return InspectionPage(ctx)


def _screenshots(ctx):
    from app.views.inspection.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="inspection",
    order=18,
    title=lambda: QCoreApplication.translate("Modules", "Incoming inspection"),
    factory=_create,
    screenshots=_screenshots,
    icon="SP_DialogApplyButton",
)

"""Satisfaction: survey waves, answers and their analysis (CSI, PLS, Kano, NPS)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.satisfaction.page import SatisfactionPage

    return SatisfactionPage(ctx)


def _screenshots(ctx):
    from app.views.satisfaction.page import screenshots

    return screenshots(ctx)


def _visible(ctx) -> bool:
    from app.models.admin.permissions import can

    return can(ctx.database, "satisfaction.view")


MODULE = ModuleSpec(
    key="satisfaction",
    order=60,
    title=lambda: QCoreApplication.translate("Modules", "Satisfaction"),
    factory=_create,
    icon="SP_DialogYesButton",
    screenshots=_screenshots,
    visible=_visible,
)

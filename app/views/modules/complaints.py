"""Complaints: customer complaints and service requests, what is due first on top."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.complaints.page import ComplaintsPage

    return ComplaintsPage(ctx)


def _screenshots(ctx):
    from app.views.complaints.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="complaints",
    order=40,
    title=lambda: QCoreApplication.translate("Modules", "Complaints"),
    factory=_create,
    icon="SP_MessageBoxWarning",
    screenshots=_screenshots,
)

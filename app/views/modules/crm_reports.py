"""Reports (报表): the CRM's customer and service reports and the saved custom reports."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.crm.reports import CrmReportsPage

    return CrmReportsPage(ctx)


def _screenshots(ctx):
    from app.views.crm.reports import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="crm_reports",
    order=58,
    title=lambda: QCoreApplication.translate("Modules", "Reports"),
    factory=_create,
    icon="SP_FileDialogDetailedView",
    screenshots=_screenshots,
)

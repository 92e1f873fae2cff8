"""Administration: users, roles and permissions, audit trail, system log, settings (shown only
to holders of an administration permission)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.admin.page import AdminPage

    return AdminPage(ctx)


def _visible(ctx) -> bool:
    from app.views.admin.page import may_open

    return may_open(ctx.database)


def _screenshots(ctx):
    from app.views.admin.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="admin",
    order=900,
    title=lambda: QCoreApplication.translate("Modules", "Administration"),
    factory=_create,
    icon="SP_FileDialogDetailedView",
    screenshots=_screenshots,
    visible=_visible,
)

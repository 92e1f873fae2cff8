"""Application settings stored in the database (shared by everyone using the same file),
as opposed to per-user window layout, which lives in QSettings."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow
from app.models.core.database import Database


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.read() as session:
        row = session.scalar(select(AppSetting).where(AppSetting.key == key))
        return default if row is None else json.loads(row.value)


def set_setting(db: Database, key: str, value: Any) -> None:
    """Store a shared setting (an administrator's change, on the audit trail like any other)."""
    from app.models.admin.permissions import require

    require(db, "admin.settings")
    with db.begin() as session:
        row = session.get(AppSetting, key)
        text = json.dumps(value, ensure_ascii=False)
        if row is None:
            session.add(AppSetting(key=key, value=text))
        else:
            row.value = text

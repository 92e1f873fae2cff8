"""Figures for the overview screen: what needs attention today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import func, select

from app.models.customers.tables import Customer
from app.models.core.database import Database
from app.models.suppliers.corrective import count_corrective_actions
from app.models.suppliers.tables import Part, Supplier, SupplierCertificate


@dataclass(frozen=True)
class Overview:
    suppliers_by_status: dict[str, int]
    suppliers_by_class: dict[str, int]
    parts: int
    customers: int
    open_corrective_actions: int
    overdue_corrective_actions: int
    expiring_certificates: pd.DataFrame  # code, name_zh, name_en, standard, number, expires_on, days_left

    @property
    def suppliers(self) -> int:
        return sum(self.suppliers_by_status.values())


def load_overview(db: Database, today: date | None = None, horizon_days: int = 60) -> Overview:
    today = today or date.today()
    with db.begin() as s:
        by_status = dict(s.execute(select(Supplier.status, func.count()).group_by(Supplier.status)).all())
        by_class = dict(s.execute(select(Supplier.importance_class, func.count()).group_by(Supplier.importance_class)).all())
        parts = s.scalar(select(func.count()).select_from(Part)) or 0
        customers = s.scalar(select(func.count()).select_from(Customer)) or 0
        cars = count_corrective_actions(s, today)  # the corrective-action list's own rule
        rows = s.execute(
            select(Supplier.code, Supplier.name_zh, Supplier.name_en, SupplierCertificate.standard,
                   SupplierCertificate.number, SupplierCertificate.expires_on)
            .join(Supplier, Supplier.id == SupplierCertificate.supplier_id)
            .where(SupplierCertificate.expires_on.is_not(None),
                   SupplierCertificate.expires_on <= today + timedelta(days=horizon_days))
            .order_by(SupplierCertificate.expires_on)
        ).all()
    frame = pd.DataFrame(rows, columns=["code", "name_zh", "name_en", "standard", "number", "expires_on"])
    frame["days_left"] = [(d - today).days for d in frame["expires_on"]] if len(frame) else pd.Series(dtype="int64")
    return Overview(by_status, by_class, parts, customers, cars.open, cars.overdue, frame)

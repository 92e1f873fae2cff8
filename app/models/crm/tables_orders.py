"""Customer orders (migration 0011_crm): ``crm_orders`` (one ERP order of a customer) with
``crm_order_lines`` (part, quantity, amount, margin), ``crm_value_decisions`` (a proposed value
class accepted or overridden with a reason, who and when) and ``crm_import_mappings`` (the
column mapping of an ERP export, remembered by name).

A line links to the customer's supplied part (``customer_parts``) where it exists and always
keeps the part code/name text of the export. Amount and margin are in the order's currency;
the value analysis reads the amounts as they are (one currency per plant, domain brief §3.3).

An order keeps the totals of its lines (``amount``, ``margin``; migration 0018): every ORM flush that
adds, changes or removes lines recomputes them in SQL (``_order_totals`` below); raw inserts (demo,
bench) write them themselves.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy import UniqueConstraint, event, orm
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow
from app.models.customers import tables as _customer_tables  # noqa: F401  (customers, customer_parts)

VALUE_CLASSES = ("important", "potential", "ordinary", "lost")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class CrmOrder(Base):
    __tablename__ = "crm_orders"
    __table_args__ = (
        UniqueConstraint("order_no"),
        # the value analysis groups per customer over a date window from this index alone
        # (it covers the totals; migration 0018 widened the 0011 index)
        Index("ix_crm_orders_customer_id_order_date", "customer_id", "order_date", "amount", "margin"),
        Index("ix_crm_orders_order_date", "order_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    order_no: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    note: Mapped[str] = mapped_column(Text, default="")
    #: the sums of the lines (kept by the flush hook below)
    amount: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    margin: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")

    lines: Mapped[list[CrmOrderLine]] = orm.relationship(
        back_populates="order", cascade="all, delete-orphan", passive_deletes=True, order_by="CrmOrderLine.line_no")


class CrmOrderLine(Base):
    __tablename__ = "crm_order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("quantity >= 0", name="quantity"),
        CheckConstraint("amount >= 0", name="amount"),
        Index("ix_crm_order_lines_part_code", "part_code"),
        # the association rules' baskets: order → its part codes, from the index alone
        Index("ix_crm_order_lines_order_id_part_code", "order_id", "part_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("crm_orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer, default=1)
    customer_part_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer_parts.id", ondelete="SET NULL"), nullable=True, index=True)
    part_code: Mapped[str] = mapped_column(String(60), default="")
    part_name: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    amount: Mapped[float] = mapped_column(Float, default=0.0)
    margin: Mapped[float] = mapped_column(Float, default=0.0)

    order: Mapped[CrmOrder] = orm.relationship(back_populates="lines")


@event.listens_for(orm.Session, "after_flush")
def _order_totals(session: orm.Session, _context) -> None:
    """Recompute, in SQL, the totals of every order whose lines were added, changed or removed in
    this flush (however the lines were attached: through ``order.lines`` or by ``order_id``), and
    expire the loaded orders' totals so they are read again. The lines themselves are on the trail;
    the totals are derived from them."""
    touched: set[int] = set()
    gone: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, CrmOrderLine):
            oid = obj.order_id if obj.order_id is not None else (obj.order.id if obj.order is not None else None)
            if oid is not None:
                touched.add(oid)
        elif isinstance(obj, CrmOrder) and obj.id is not None:
            (gone if obj in session.deleted else touched).add(obj.id)
    touched -= gone
    if not touched:
        return
    from sqlalchemy import bindparam, func, select, update

    lines = CrmOrderLine.__table__
    orders = CrmOrder.__table__
    total = lambda col: (select(func.coalesce(func.sum(col), 0.0)).where(lines.c.order_id == orders.c.id)  # noqa: E731
                         .scalar_subquery())
    session.connection().execute(update(orders).where(orders.c.id.in_(bindparam("ids", expanding=True)))
                                 .values(amount=total(lines.c.amount), margin=total(lines.c.margin)),
                                 {"ids": sorted(touched)})
    for obj in list(session.identity_map.values()):
        if isinstance(obj, CrmOrder) and obj.id in touched:
            session.expire(obj, ["amount", "margin"])


class CrmValueDecision(Base):
    """A value class proposed by the analysis and the class the user accepted (the same, or
    another with a reason). The latest decision is also written to ``customers.value_class``."""

    __tablename__ = "crm_value_decisions"
    __table_args__ = (
        CheckConstraint(f"proposed_class IN ({_in(VALUE_CLASSES)})", name="proposed_class"),
        CheckConstraint(f"accepted_class IN ({_in(VALUE_CLASSES)})", name="accepted_class"),
        Index("ix_crm_value_decisions_customer_id_decided_at", "customer_id", "decided_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    proposed_class: Mapped[str] = mapped_column(String(12))
    accepted_class: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text, default="")  # the analysis figures behind the proposal
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CrmImportMapping(Base):
    """A remembered column mapping of an ERP export: our field → the file's column (JSON)."""

    __tablename__ = "crm_import_mappings"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    mapping_json: Mapped[str] = mapped_column(Text, default="{}")
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

"""Administration records (migration 0006_admin): users, roles and their permissions, the
append-only hash-chained audit trail, electronic signatures and login events.

Quality records are controlled records (ISO 9001:2015 §7.5.3): who changed what and when must be
kept, and a change after signing must be visible (21 CFR Part 11 §11.10(e), §11.70).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow


class User(Base):
    __tablename__ = "users"
    __audit_exclude__ = frozenset({"password_hash", "failed_attempts", "locked_until", "last_login_at"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Role(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(80), default="")
    name_en: Mapped[str] = mapped_column(String(80), default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class UserRole(Base):
    __tablename__ = "user_roles"
    __audit__ = False  # the user service records role changes as one entry ("roles")

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)


class RolePermission(Base):
    __tablename__ = "role_permissions"
    __audit__ = False  # recorded as one "permissions" entry per matrix change

    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(80), primary_key=True)


class AuditEntry(Base):
    """One entry of the audit trail. Append-only (database triggers refuse UPDATE and DELETE);
    ``hash`` = SHA-256 over the entry's fields and ``prev_hash``, so editing or removing an entry
    breaks the chain from there on (``app.models.admin.trail.verify_chain``)."""

    __tablename__ = "audit_trail"
    __audit__ = False

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(120), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """The last entry's id and hash (one row): appending locks this row, so two writers on a
    shared PostgreSQL database cannot both chain to the same entry."""

    __tablename__ = "audit_chain"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    __audit__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class Signature(Base):
    """An electronic signature: who, when, what it means, bound to a hash of the signed content."""

    __tablename__ = "signatures"
    __table_args__ = (
        CheckConstraint("meaning = 'authored' OR meaning = 'reviewed' OR meaning = 'approved' OR meaning = 'verified'",
                        name="meaning"),
    )
    __audit__ = False  # signing writes its own trail entry

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(60), index=True)
    record_id: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60), default="")
    meaning: Mapped[str] = mapped_column(String(12))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(120))
    signed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64))
    comment: Mapped[str] = mapped_column(Text, default="")


class LoginEvent(Base):
    """Sign-ins, refused sign-ins, lockouts and sign-outs (no passwords, ever)."""

    __tablename__ = "login_events"
    __audit__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(16))  # login / refused / locked / logout / unlock
    detail: Mapped[str] = mapped_column(String(200), default="")

"""Incoming inspection lists: a partial index for "awaiting disposition" (rejected lots without a
disposition), newest first, so the list and its count read a few rows instead of scanning every lot.

Revision ID: 0013_inspection_lists
Revises: 0008_inspection
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_inspection_lists"
down_revision = "0008_inspection"
branch_labels = None
depends_on = None

AWAITING = sa.text("decision = 'rejected' AND disposition IS NULL")


def upgrade() -> None:
    op.create_index("ix_inspection_lots_awaiting", "inspection_lots", ["inspected_on", "id"],
                    sqlite_where=AWAITING, postgresql_where=AWAITING)


def downgrade() -> None:
    op.drop_index("ix_inspection_lots_awaiting", "inspection_lots")

"""Quality agreements: the order of the eight content areas per version and per template, so a
whole area can be moved (and is numbered by its place). Existing rows keep the default order.

Revision ID: 0015_agreement_areas
Revises: 0009_agreements
"""
import sqlalchemy as sa
from alembic import op

revision = "0015_agreement_areas"
down_revision = "0009_agreements"
branch_labels = None
depends_on = None

DEFAULT = "1,2,3,4,5,6,7,8"


# Plain ALTER TABLE ADD/DROP COLUMN (SQLite ≥ 3.35 and PostgreSQL), never a batch copy: copying
# agreement_versions would drop the old table, and ON DELETE CASCADE would take every clause with it.


def upgrade() -> None:
    for table in ("agreement_versions", "agreement_templates"):
        op.add_column(table, sa.Column("area_order", sa.String(40), nullable=False, server_default=DEFAULT))


def downgrade() -> None:
    for table in ("agreement_versions", "agreement_templates"):
        op.drop_column(table, "area_order")

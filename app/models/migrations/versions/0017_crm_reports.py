"""CRM reports (issue 16): saved custom reports (record type, columns, filters, grouping, one
aggregate, owner, created/changed).

Revision ID: 0017_crm_reports
Revises: 0007_customers
"""
import sqlalchemy as sa
from alembic import op

revision = "0017_crm_reports"
down_revision = "0007_customers"
branch_labels = None
depends_on = None

AGGREGATES = ("count", "sum", "mean", "min", "max")


def upgrade() -> None:
    op.create_table(
        "crm_saved_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("record_type", sa.String(20), nullable=False),
        sa.Column("columns_json", sa.Text(), nullable=False),
        sa.Column("filters_json", sa.Text(), nullable=False),
        sa.Column("group_by", sa.String(40), nullable=False),
        sa.Column("aggregate", sa.String(8), nullable=False),
        sa.Column("aggregate_column", sa.String(40), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_saved_reports"),
        sa.UniqueConstraint("name", name="uq_crm_saved_reports_name"),
        sa.CheckConstraint("aggregate IN ({})".format(", ".join(f"'{a}'" for a in AGGREGATES)),
                           name="ck_crm_saved_reports_aggregate"),
    )


def downgrade() -> None:
    op.drop_table("crm_saved_reports")

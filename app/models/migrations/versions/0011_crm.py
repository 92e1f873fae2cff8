"""CRM customer orders and value analysis (issue 16): orders and order lines from the ERP export
(or entered by hand), value-class decisions (proposed, accepted or overridden with a reason) and
remembered import column mappings.

Revision ID: 0011_crm
Revises: 0007_customers
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_crm"
down_revision = "0007_customers"
branch_labels = None
depends_on = None

CLASSES = "'important', 'potential', 'ordinary', 'lost'"


def upgrade() -> None:
    op.create_table(
        "crm_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("order_no", sa.String(40), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_orders"),
        sa.UniqueConstraint("order_no", name="uq_crm_orders_order_no"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name="fk_crm_orders_customer_id_customers"),
    )
    op.create_index("ix_crm_orders_customer_id_order_date", "crm_orders", ["customer_id", "order_date"])
    op.create_index("ix_crm_orders_order_date", "crm_orders", ["order_date"])
    op.create_table(
        "crm_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("customer_part_id", sa.Integer(), nullable=True),
        sa.Column("part_code", sa.String(60), nullable=False),
        sa.Column("part_name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("margin", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_order_lines"),
        sa.UniqueConstraint("order_id", "line_no", name="uq_crm_order_lines_order_id_line_no"),
        sa.ForeignKeyConstraint(["order_id"], ["crm_orders.id"], ondelete="CASCADE",
                                name="fk_crm_order_lines_order_id_crm_orders"),
        sa.ForeignKeyConstraint(["customer_part_id"], ["customer_parts.id"], ondelete="SET NULL",
                                name="fk_crm_order_lines_customer_part_id_customer_parts"),
        sa.CheckConstraint("quantity >= 0", name="ck_crm_order_lines_quantity"),
        sa.CheckConstraint("amount >= 0", name="ck_crm_order_lines_amount"),
    )
    op.create_index("ix_crm_order_lines_part_code", "crm_order_lines", ["part_code"])
    op.create_index("ix_crm_order_lines_customer_part_id", "crm_order_lines", ["customer_part_id"])
    op.create_table(
        "crm_value_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("proposed_class", sa.String(12), nullable=False),
        sa.Column("accepted_class", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(120), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_value_decisions"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name="fk_crm_value_decisions_customer_id_customers"),
        sa.CheckConstraint(f"proposed_class IN ({CLASSES})", name="ck_crm_value_decisions_proposed_class"),
        sa.CheckConstraint(f"accepted_class IN ({CLASSES})", name="ck_crm_value_decisions_accepted_class"),
    )
    op.create_index("ix_crm_value_decisions_customer_id_decided_at", "crm_value_decisions",
                    ["customer_id", "decided_at"])
    op.create_table(
        "crm_import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crm_import_mappings"),
        sa.UniqueConstraint("name", name="uq_crm_import_mappings_name"),
    )


def downgrade() -> None:
    op.drop_table("crm_import_mappings")
    op.drop_index("ix_crm_value_decisions_customer_id_decided_at", table_name="crm_value_decisions")
    op.drop_table("crm_value_decisions")
    op.drop_index("ix_crm_order_lines_customer_part_id", table_name="crm_order_lines")
    op.drop_index("ix_crm_order_lines_part_code", table_name="crm_order_lines")
    op.drop_table("crm_order_lines")
    op.drop_index("ix_crm_orders_order_date", table_name="crm_orders")
    op.drop_index("ix_crm_orders_customer_id_order_date", table_name="crm_orders")
    op.drop_table("crm_orders")

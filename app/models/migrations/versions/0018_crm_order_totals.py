"""CRM orders: each order carries the totals of its lines (amount, margin), so the value analysis
groups 400,000 order rows (from the per-customer index, widened to cover them) instead of
scanning 2 M lines; and an index (order_id, part_code) that
covers the baskets the association rules read. Existing orders get their totals from their lines.

Revision ID: 0018_crm_order_totals
Revises: 0011_crm
"""
import sqlalchemy as sa
from alembic import op

revision = "0018_crm_order_totals"
down_revision = "0011_crm"
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD/DROP COLUMN (SQLite ≥ 3.35 and PostgreSQL), never a batch copy: copying
# crm_orders would drop the old table, and ON DELETE CASCADE would take every line with it.
def upgrade() -> None:
    op.add_column("crm_orders", sa.Column("amount", sa.Float(), nullable=False, server_default="0"))
    op.add_column("crm_orders", sa.Column("margin", sa.Float(), nullable=False, server_default="0"))
    op.execute("UPDATE crm_orders SET "
               "amount = COALESCE((SELECT SUM(l.amount) FROM crm_order_lines l WHERE l.order_id = crm_orders.id), 0), "
               "margin = COALESCE((SELECT SUM(l.margin) FROM crm_order_lines l WHERE l.order_id = crm_orders.id), 0)")
    op.create_index("ix_crm_order_lines_order_id_part_code", "crm_order_lines", ["order_id", "part_code"])
    # the per-customer index now covers the totals too (the value analysis reads nothing else)
    op.drop_index("ix_crm_orders_customer_id_order_date", table_name="crm_orders")
    op.create_index("ix_crm_orders_customer_id_order_date", "crm_orders", ["customer_id", "order_date", "amount", "margin"])


def downgrade() -> None:
    op.drop_index("ix_crm_orders_customer_id_order_date", table_name="crm_orders")
    op.create_index("ix_crm_orders_customer_id_order_date", "crm_orders", ["customer_id", "order_date"])
    op.drop_index("ix_crm_order_lines_order_id_part_code", table_name="crm_order_lines")
    op.drop_column("crm_orders", "margin")
    op.drop_column("crm_orders", "amount")

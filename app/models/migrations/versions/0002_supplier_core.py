"""Core supplier records: suppliers, parts, links, contacts, certificates, status history,
corrective-action requests, and the customer master (the customer-side features read it).

Revision ID: 0002_supplier_core
Revises: 0001_foundation
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_supplier_core"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

IMPORTANCE = "'I', 'II', 'III'"
RELATIONSHIP = "'competitive', 'partnership'"
STATUS = "'potential', 'under_evaluation', 'approved', 'conditional', 'suspended', 'disqualified'"
CA_STATUS = "'open', 'answered', 'verified', 'closed', 'cancelled'"


def _fk_supplier(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["supplier_id"], ["suppliers.id"], ondelete="CASCADE", name=f"fk_{table}_supplier_id_suppliers"
    )


def upgrade() -> None:
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("category", sa.String(80), nullable=False),
        sa.Column("importance_class", sa.String(3), nullable=False),
        sa.Column("relationship", sa.String(16), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("approval_valid_until", sa.Date(), nullable=True),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("city", sa.String(80), nullable=False),
        sa.Column("country", sa.String(80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_suppliers"),
        sa.UniqueConstraint("code", name="uq_suppliers_code"),
        sa.CheckConstraint(f"importance_class IN ({IMPORTANCE})", name="ck_suppliers_importance_class"),
        sa.CheckConstraint(f"relationship IN ({RELATIONSHIP})", name="ck_suppliers_relationship"),
        sa.CheckConstraint(f"status IN ({STATUS})", name="ck_suppliers_status"),
    )
    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("category", sa.String(80), nullable=False),
        sa.Column("importance_class", sa.String(3), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_parts"),
        sa.UniqueConstraint("code", name="uq_parts_code"),
        sa.CheckConstraint(f"importance_class IN ({IMPORTANCE})", name="ck_parts_importance_class"),
    )
    op.create_table(
        "supplier_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_parts"),
        _fk_supplier("supplier_parts"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="CASCADE", name="fk_supplier_parts_part_id_parts"),
        sa.UniqueConstraint("supplier_id", "part_id", name="uq_supplier_parts_supplier_id_part_id"),
        sa.CheckConstraint("share >= 0 AND share <= 1", name="ck_supplier_parts_share_range"),
    )
    op.create_index("ix_supplier_parts_supplier_id", "supplier_parts", ["supplier_id"])
    op.create_index("ix_supplier_parts_part_id", "supplier_parts", ["part_id"])
    op.create_table(
        "supplier_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(120), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("email", sa.String(160), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_contacts"),
        _fk_supplier("supplier_contacts"),
    )
    op.create_index("ix_supplier_contacts_supplier_id", "supplier_contacts", ["supplier_id"])
    op.create_table(
        "supplier_certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("standard", sa.String(80), nullable=False),
        sa.Column("number", sa.String(80), nullable=False),
        sa.Column("body", sa.String(160), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_certificates"),
        _fk_supplier("supplier_certificates"),
        sa.CheckConstraint(
            "expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on",
            name="ck_supplier_certificates_dates",
        ),
    )
    op.create_index("ix_supplier_certificates_supplier_id", "supplier_certificates", ["supplier_id"])
    op.create_table(
        "supplier_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_status_changes"),
        _fk_supplier("supplier_status_changes"),
    )
    op.create_index("ix_supplier_status_changes_supplier_id", "supplier_status_changes", ["supplier_id"])
    op.create_table(
        "corrective_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_corrective_actions"),
        _fk_supplier("corrective_actions"),
        sa.UniqueConstraint("number", name="uq_corrective_actions_number"),
        sa.CheckConstraint(f"status IN ({CA_STATUS})", name="ck_corrective_actions_status"),
        sa.CheckConstraint("due_on >= issued_on", name="ck_corrective_actions_due_after_issue"),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("industry", sa.String(80), nullable=False),
        sa.Column("region", sa.String(80), nullable=False),
        sa.Column("customer_type", sa.String(12), nullable=False),
        sa.Column("lifecycle", sa.String(12), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(120), nullable=False),
        sa.Column("contact_phone", sa.String(60), nullable=False),
        sa.Column("contact_email", sa.String(160), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_customers"),
        sa.UniqueConstraint("code", name="uq_customers_code"),
        sa.CheckConstraint("customer_type IN ('internal', 'external')", name="ck_customers_customer_type"),
        sa.CheckConstraint("lifecycle IN ('potential', 'current', 'past')", name="ck_customers_lifecycle"),
    )
    # Covers the evaluation's per-supplier service aggregate (issued/due/answered by period).
    op.create_index(
        "ix_corrective_actions_supplier_issued",
        "corrective_actions",
        ["supplier_id", "issued_on", "due_on", "answered_on"],
    )


def downgrade() -> None:
    op.drop_table("customers")
    op.drop_table("corrective_actions")
    op.drop_table("supplier_status_changes")
    op.drop_table("supplier_certificates")
    op.drop_table("supplier_contacts")
    op.drop_table("supplier_parts")
    op.drop_table("parts")
    op.drop_table("suppliers")

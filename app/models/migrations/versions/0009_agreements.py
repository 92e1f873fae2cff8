"""Quality agreements (质量协议, domain.md §2.5): agreements per supplier (optionally narrowed to
parts or a part family), their versions (draft → under review → signed; "in force", "superseded"
and "expired" follow from the dates), the clauses of versions and of templates (eight content
areas; inspection clauses carry the sampling scheme, target clauses the indicator, comparator,
threshold and liability rule), and the templates.

Revision ID: 0009_agreements
Revises: 0006_admin
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_agreements"
down_revision = "0006_admin"
branch_labels = None
depends_on = None

NOW = sa.text("CURRENT_TIMESTAMP")


def upgrade() -> None:
    op.create_table(
        "agreement_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("id", name="pk_agreement_templates"),
        sa.UniqueConstraint("name", name="uq_agreement_templates_name"),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("title_zh", sa.String(200), nullable=False, server_default=""),
        sa.Column("title_en", sa.String(200), nullable=False, server_default=""),
        sa.Column("part_family", sa.String(80), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_agreements_supplier_id_suppliers"),
        sa.PrimaryKeyConstraint("id", name="pk_agreements"),
        sa.UniqueConstraint("number", name="uq_agreements_number"),
    )
    op.create_index("ix_agreements_supplier_id", "agreements", ["supplier_id"])
    op.create_table(
        "agreement_parts",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"], ondelete="CASCADE",
                                name="fk_agreement_parts_agreement_id_agreements"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="CASCADE", name="fk_agreement_parts_part_id_parts"),
        sa.PrimaryKeyConstraint("agreement_id", "part_id", name="pk_agreement_parts"),
    )
    op.create_table(
        "agreement_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False, server_default="draft"),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("purchaser_signatory", sa.String(120), nullable=False, server_default=""),
        sa.Column("purchaser_title", sa.String(120), nullable=False, server_default=""),
        sa.Column("purchaser_signed_on", sa.Date(), nullable=True),
        sa.Column("supplier_signatory", sa.String(120), nullable=False, server_default=""),
        sa.Column("supplier_title", sa.String(120), nullable=False, server_default=""),
        sa.Column("supplier_signed_on", sa.Date(), nullable=True),
        sa.Column("content_sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("signed_pdf_sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("signed_pdf_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("submitted_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("signed_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreements.id"], ondelete="CASCADE",
                                name="fk_agreement_versions_agreement_id_agreements"),
        sa.ForeignKeyConstraint(["based_on_id"], ["agreement_versions.id"], ondelete="SET NULL",
                                name="fk_agreement_versions_based_on_id_agreement_versions"),
        sa.CheckConstraint("state IN ('draft', 'review', 'signed')", name="ck_agreement_versions_state"),
        sa.CheckConstraint("expires_on IS NULL OR effective_from IS NULL OR expires_on >= effective_from",
                           name="ck_agreement_versions_dates"),
        sa.PrimaryKeyConstraint("id", name="pk_agreement_versions"),
        sa.UniqueConstraint("agreement_id", "version", name="uq_agreement_versions_agreement_id_version"),
    )
    op.create_table(
        "agreement_clauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("area", sa.SmallInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False, server_default=""),
        sa.Column("text_en", sa.Text(), nullable=False, server_default=""),
        sa.Column("party", sa.String(10), nullable=False, server_default="both"),
        sa.Column("documents", sa.String(400), nullable=False, server_default=""),
        sa.Column("aql", sa.String(10), nullable=False, server_default=""),
        sa.Column("level", sa.String(10), nullable=False, server_default=""),
        sa.Column("skip_lot_allowed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("indicator", sa.String(20), nullable=True),
        sa.Column("comparator", sa.String(2), nullable=False, server_default=""),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("period", sa.String(8), nullable=False, server_default="month"),
        sa.Column("rule_kind", sa.String(10), nullable=False, server_default="none"),
        sa.Column("rule_amount", sa.Float(), nullable=False, server_default="0"),
        sa.Column("escalate_after", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["version_id"], ["agreement_versions.id"], ondelete="CASCADE",
                                name="fk_agreement_clauses_version_id_agreement_versions"),
        sa.ForeignKeyConstraint(["template_id"], ["agreement_templates.id"], ondelete="CASCADE",
                                name="fk_agreement_clauses_template_id_agreement_templates"),
        sa.CheckConstraint("(version_id IS NULL) <> (template_id IS NULL)", name="ck_agreement_clauses_owner"),
        sa.CheckConstraint("area BETWEEN 1 AND 8", name="ck_agreement_clauses_area"),
        sa.CheckConstraint("party IN ('purchaser', 'supplier', 'both')", name="ck_agreement_clauses_party"),
        sa.PrimaryKeyConstraint("id", name="pk_agreement_clauses"),
    )
    op.create_index("ix_agreement_clauses_version_id", "agreement_clauses", ["version_id", "area", "position"])
    op.create_index("ix_agreement_clauses_template_id", "agreement_clauses", ["template_id", "area", "position"])


def downgrade() -> None:
    op.drop_index("ix_agreement_clauses_template_id", table_name="agreement_clauses")
    op.drop_index("ix_agreement_clauses_version_id", table_name="agreement_clauses")
    op.drop_table("agreement_clauses")
    op.drop_table("agreement_versions")
    op.drop_table("agreement_parts")
    op.drop_index("ix_agreements_supplier_id", table_name="agreements")
    op.drop_table("agreements")
    op.drop_table("agreement_templates")

"""Supplier lifecycle: surveys, audit templates, audits with items and findings, 8D columns on
corrective actions, approval flows and steps, the qualified supplier list, development plans.

Revision ID: 0004_lifecycle
Revises: 0002_supplier_core
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_lifecycle"
down_revision = "0002_supplier_core"
branch_labels = None
depends_on = None

NOW = sa.text("CURRENT_TIMESTAMP")


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=f"fk_{table}_{column}_{target}")


def _text(name: str, length: int | None = None) -> sa.Column:
    kind = sa.String(length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "supplier_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="draft"),
        sa.Column("survey_date", sa.Date(), nullable=True),
        _text("supplier_name", 200),
        sa.Column("definition_key", sa.String(40), nullable=False, server_default="supplier_survey"),
        sa.Column("definition_version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("state_json", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("recommendation", sa.String(12), nullable=True),
        sa.Column("section_scores_json", sa.Text(), nullable=False, server_default="[]"),
        _text("created_by", 120),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        _text("submitted_by", 120),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_surveys"),
        _fk("supplier_surveys", "supplier_id", "suppliers"),
        sa.CheckConstraint("status IN ('draft', 'submitted')", name="ck_supplier_surveys_status"),
    )
    op.create_index("ix_supplier_surveys_supplier_id", "supplier_surveys", ["supplier_id"])

    op.create_table(
        "audit_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("audit_type", sa.String(12), nullable=False),
        _text("title_zh", 200),
        _text("title_en", 200),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        _text("source", 200),
        sa.Column("default_max", sa.Integer(), nullable=False, server_default="3"),
        sa.Column("default_na_allowed", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("sections_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("id", name="pk_audit_templates"),
        sa.UniqueConstraint("key", name="uq_audit_templates_key"),
        sa.CheckConstraint("audit_type IN ('product', 'process', 'qms')", name="ck_audit_templates_audit_type"),
    )
    op.create_table(
        "audit_template_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(40), nullable=False),
        sa.Column("section", sa.String(40), nullable=False),
        _text("clause", 60),
        _text("text_zh"),
        _text("text_en"),
        sa.Column("weight", sa.Float(), nullable=False, server_default="1"),
        sa.Column("max_score", sa.Integer(), nullable=False, server_default="3"),
        sa.Column("min_score", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("na_allowed", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.PrimaryKeyConstraint("id", name="pk_audit_template_items"),
        _fk("audit_template_items", "template_id", "audit_templates"),
        sa.UniqueConstraint("template_id", "item_key", name="uq_audit_template_items_template_id_item_key"),
        sa.CheckConstraint("weight > 0", name="ck_audit_template_items_weight_positive"),
        sa.CheckConstraint("max_score > min_score AND min_score >= 0", name="ck_audit_template_items_score_range"),
    )
    op.create_index("ix_audit_template_items_template_id", "audit_template_items", ["template_id"])

    op.create_table(
        "audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        _text("supplier_name", 200),
        _text("template_key", 40),
        sa.Column("audit_type", sa.String(12), nullable=False, server_default="qms"),
        sa.Column("occasion", sa.String(20), nullable=False, server_default="selection"),
        _text("auditors", 300),
        sa.Column("audit_date", sa.Date(), nullable=True),
        _text("scope"),
        sa.Column("status", sa.String(12), nullable=False, server_default="draft"),
        sa.Column("state_json", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("result", sa.String(16), nullable=True),
        _text("result_reason", 24),
        sa.Column("section_scores_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("thresholds_json", sa.Text(), nullable=False, server_default="{}"),
        _text("created_by", 120),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        _text("completed_by", 120),
        sa.PrimaryKeyConstraint("id", name="pk_audits"),
        _fk("audits", "supplier_id", "suppliers"),
        sa.CheckConstraint("status IN ('draft', 'completed')", name="ck_audits_status"),
        sa.CheckConstraint("result IS NULL OR result IN ('approved', 'conditional', 'not_approved')",
                           name="ck_audits_result"),
    )
    op.create_index("ix_audits_supplier_id", "audits", ["supplier_id"])

    op.create_table(
        "audit_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(40), nullable=False),
        sa.Column("section", sa.String(40), nullable=False),
        _text("clause", 60),
        _text("text_zh"),
        _text("text_en"),
        sa.Column("weight", sa.Float(), nullable=False, server_default="1"),
        sa.Column("max_score", sa.Integer(), nullable=False, server_default="3"),
        sa.Column("min_score", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("na_allowed", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("na", sa.Boolean(), nullable=False, server_default=sa.false()),
        _text("evidence"),
        sa.Column("severity", sa.String(12), nullable=True),
        _text("finding"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_items"),
        _fk("audit_items", "audit_id", "audits"),
    )
    op.create_index("ix_audit_items_audit_id", "audit_items", ["audit_id"])

    op.create_table(
        "audit_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(60), nullable=False),
        sa.Column("item_key", sa.String(40), nullable=True),
        _text("clause", 60),
        sa.Column("severity", sa.String(12), nullable=False),
        _text("description"),
        _text("evidence"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_findings"),
        _fk("audit_findings", "audit_id", "audits"),
        sa.CheckConstraint("severity IN ('observation', 'minor', 'major', 'critical')",
                           name="ck_audit_findings_severity"),
    )
    op.create_index("ix_audit_findings_audit_id", "audit_findings", ["audit_id"])

    # 8D detail on the core corrective-action table: plain add-column (no table rebuild).
    op.add_column("corrective_actions", sa.Column("audit_id", sa.Integer(), nullable=True))
    op.add_column("corrective_actions", sa.Column("finding_id", sa.Integer(), nullable=True))
    op.add_column("corrective_actions", sa.Column("method", sa.String(8), nullable=False, server_default="8D"))
    op.add_column("corrective_actions", sa.Column("eight_d_json", sa.Text(), nullable=False, server_default="{}"))
    op.add_column("corrective_actions", sa.Column("verification", sa.Text(), nullable=False, server_default=""))
    op.add_column("corrective_actions", sa.Column("verified_by", sa.String(120), nullable=False, server_default=""))
    op.add_column("corrective_actions", sa.Column("verified_on", sa.Date(), nullable=True))
    op.add_column("corrective_actions", sa.Column("closed_by", sa.String(120), nullable=False, server_default=""))
    op.add_column("corrective_actions", sa.Column("cancel_reason", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_corrective_actions_audit_id", "corrective_actions", ["audit_id"])
    # the overdue list: open requests by due date
    op.create_index("ix_corrective_actions_status_due", "corrective_actions", ["status", "due_on"])

    op.create_table(
        "approval_flows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="in_progress"),
        sa.Column("from_status", sa.String(20), nullable=False, server_default="potential"),
        _text("category", 80),
        sa.Column("part_ids_json", sa.Text(), nullable=False, server_default="[]"),
        _text("started_by", 120),
        sa.Column("started_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        _text("reason"),
        sa.PrimaryKeyConstraint("id", name="pk_approval_flows"),
        _fk("approval_flows", "supplier_id", "suppliers"),
        sa.CheckConstraint("status IN ('in_progress', 'approved', 'conditional', 'rejected')",
                           name="ck_approval_flows_status"),
    )
    op.create_index("ix_approval_flows_supplier_id", "approval_flows", ["supplier_id"])
    op.create_table(
        "approval_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flow_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(24), nullable=False),
        sa.Column("result", sa.String(12), nullable=False),
        sa.Column("done_by", sa.String(120), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        _text("remarks"),
        sa.PrimaryKeyConstraint("id", name="pk_approval_steps"),
        _fk("approval_steps", "flow_id", "approval_flows"),
        sa.UniqueConstraint("flow_id", "step", name="uq_approval_steps_flow_id_step"),
        sa.UniqueConstraint("flow_id", "seq", name="uq_approval_steps_flow_id_seq"),
        sa.CheckConstraint("result IN ('pass', 'conditional', 'reject')", name="ck_approval_steps_result"),
    )
    op.create_index("ix_approval_steps_flow_id", "approval_steps", ["flow_id"])

    op.create_table(
        "qualified_suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        _text("category", 80),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("reevaluate_on", sa.Date(), nullable=False),
        sa.Column("conditional", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("flow_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="active"),
        _text("status_reason"),
        _text("status_by", 120),
        sa.Column("status_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_qualified_suppliers"),
        _fk("qualified_suppliers", "supplier_id", "suppliers"),
        _fk("qualified_suppliers", "part_id", "parts", "SET NULL"),
        _fk("qualified_suppliers", "flow_id", "approval_flows", "SET NULL"),
        sa.CheckConstraint("status IN ('active', 'withdrawn', 'superseded')", name="ck_qualified_suppliers_status"),
        sa.CheckConstraint("valid_until >= approved_on", name="ck_qualified_suppliers_dates"),
    )
    op.create_index("ix_qualified_suppliers_supplier_id", "qualified_suppliers", ["supplier_id"])
    op.create_index("ix_qualified_suppliers_part_id", "qualified_suppliers", ["part_id"])

    op.create_table(
        "development_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("weak_area", sa.String(300), nullable=False),
        sa.Column("source", sa.String(12), nullable=False, server_default="other"),
        _text("source_ref", 120),
        _text("actions"),
        _text("owner", 120),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="planned"),
        sa.Column("reevaluate_on", sa.Date(), nullable=True),
        _text("outcome"),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("id", name="pk_development_plans"),
        _fk("development_plans", "supplier_id", "suppliers"),
        sa.CheckConstraint("status IN ('planned', 'in_progress', 'done', 'cancelled')",
                           name="ck_development_plans_status"),
        sa.CheckConstraint("source IN ('audit', 'grade', 'other')", name="ck_development_plans_source"),
    )
    op.create_index("ix_development_plans_supplier_id", "development_plans", ["supplier_id"])


def downgrade() -> None:
    op.drop_table("development_plans")
    op.drop_table("qualified_suppliers")
    op.drop_table("approval_steps")
    op.drop_table("approval_flows")
    op.drop_index("ix_corrective_actions_status_due", table_name="corrective_actions")
    op.drop_index("ix_corrective_actions_audit_id", table_name="corrective_actions")
    with op.batch_alter_table("corrective_actions") as batch:
        for name in ("cancel_reason", "closed_by", "verified_on", "verified_by", "verification", "eight_d_json",
                     "method", "finding_id", "audit_id"):
            batch.drop_column(name)
    op.drop_table("audit_findings")
    op.drop_table("audit_items")
    op.drop_table("audits")
    op.drop_table("audit_template_items")
    op.drop_table("audit_templates")
    op.drop_table("supplier_surveys")

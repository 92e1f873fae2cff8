"""Incoming inspection (GB/T 2828.1): settings per supplier x part with the switching state,
inspection items, severity history, per-class lot results, measured values and dispositions.

The lots themselves stay in ``inspection_lots`` (the table the evaluation reads: one table, no
copy); this migration only adds the columns the inspector's record needs.

Revision ID: 0008_inspection
Revises: 0006_admin
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_inspection"
down_revision = "0006_admin"
branch_labels = None
depends_on = None

NOW = sa.text("CURRENT_TIMESTAMP")
LOT_COLUMNS = (
    sa.Column("po_number", sa.String(40), nullable=False, server_default=""),
    sa.Column("delivery_note", sa.String(40), nullable=False, server_default=""),
    sa.Column("decision_reason", sa.Text(), nullable=False, server_default=""),
    sa.Column("switching_score", sa.Integer(), nullable=True),
    sa.Column("corrective_action_id", sa.Integer(), nullable=True),
    sa.Column("recorded_at", sa.DateTime(), nullable=True),
)


def upgrade() -> None:
    for column in LOT_COLUMNS:
        op.add_column("inspection_lots", column)
    op.create_index("ix_inspection_lots_supplier_part", "inspection_lots", ["supplier_id", "part_id", "inspected_on"])
    op.create_table(
        "inspection_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(4), nullable=False, server_default="II"),
        sa.Column("aql_critical", sa.Float(), nullable=True),
        sa.Column("aql_major", sa.Float(), nullable=True),
        sa.Column("aql_minor", sa.Float(), nullable=True),
        sa.Column("severity", sa.String(12), nullable=False, server_default="normal"),
        sa.Column("switching_score", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("recent_normal", sa.String(4), nullable=False, server_default=""),
        sa.Column("tightened_accepted_run", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("tightened_not_accepted", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("lots_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("production_steady", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("reduced_approved", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reduced_approved_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("reduced_approved_at", sa.DateTime(), nullable=True),
        sa.Column("exemption", sa.String(10), nullable=False, server_default="none"),
        sa.Column("exemption_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name="fk_inspection_settings_supplier_id_suppliers",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], name="fk_inspection_settings_part_id_parts",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_settings"),
        sa.UniqueConstraint("supplier_id", "part_id", name="uq_inspection_settings_supplier_id_part_id"),
        sa.CheckConstraint("severity IN ('normal', 'tightened', 'reduced', 'discontinued')",
                           name="ck_inspection_settings_severity"),
        sa.CheckConstraint("exemption IN ('none', 'skip_lot', 'exempt')", name="ck_inspection_settings_exemption"),
        sa.CheckConstraint("switching_score >= 0", name="ck_inspection_settings_score"),
    )
    op.create_index("ix_inspection_settings_part_id", "inspection_settings", ["part_id"])
    op.create_table(
        "inspection_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("setting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("characteristic", sa.String(120), nullable=False),
        sa.Column("defect_class", sa.String(8), nullable=False, server_default="major"),
        sa.Column("kind", sa.String(10), nullable=False, server_default="attribute"),
        sa.Column("method", sa.String(120), nullable=False, server_default=""),
        sa.Column("gauge", sa.String(120), nullable=False, server_default=""),
        sa.Column("lower_limit", sa.Float(), nullable=True),
        sa.Column("upper_limit", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(20), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["setting_id"], ["inspection_settings.id"],
                                name="fk_inspection_items_setting_id_inspection_settings", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_items"),
        sa.UniqueConstraint("setting_id", "position", name="uq_inspection_items_setting_id_position"),
        sa.CheckConstraint("defect_class IN ('critical', 'major', 'minor')", name="ck_inspection_items_defect_class"),
        sa.CheckConstraint("kind IN ('variable', 'attribute')", name="ck_inspection_items_kind"),
    )
    op.create_table(
        "inspection_severity_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("setting_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("from_severity", sa.String(12), nullable=False),
        sa.Column("to_severity", sa.String(12), nullable=False),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("changed_by", sa.String(120), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["setting_id"], ["inspection_settings.id"],
                                name="fk_inspection_severity_changes_setting_id_inspection_settings",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lot_id"], ["inspection_lots.id"],
                                name="fk_inspection_severity_changes_lot_id_inspection_lots", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_severity_changes"),
    )
    op.create_index("ix_inspection_severity_changes_setting_id", "inspection_severity_changes", ["setting_id"])
    op.create_table(
        "inspection_lot_classes",
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("defect_class", sa.String(8), nullable=False),
        sa.Column("aql", sa.Float(), nullable=False),
        sa.Column("code_letter", sa.String(1), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("ac", sa.Integer(), nullable=False),
        sa.Column("re", sa.Integer(), nullable=False),
        sa.Column("defects", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("hundred_percent", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(["lot_id"], ["inspection_lots.id"], name="fk_inspection_lot_classes_lot_id_inspection_lots",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("lot_id", "defect_class", name="pk_inspection_lot_classes"),
        sa.CheckConstraint("defect_class IN ('critical', 'major', 'minor')", name="ck_inspection_lot_classes_defect_class"),
        sa.CheckConstraint("defects >= 0 AND ac >= 0 AND re > ac", name="ck_inspection_lot_classes_counts"),
    )
    op.create_table(
        "inspection_measurements",
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("characteristic", sa.String(120), nullable=False),
        sa.Column("defect_class", sa.String(8), nullable=False),
        sa.Column("samples", sa.Text(), nullable=False),
        sa.Column("nonconforming", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["lot_id"], ["inspection_lots.id"],
                                name="fk_inspection_measurements_lot_id_inspection_lots", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("lot_id", "position", name="pk_inspection_measurements"),
    )
    op.create_table(
        "inspection_dispositions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("performed_by", sa.String(12), nullable=False, server_default=""),
        sa.Column("cost_bearer", sa.String(12), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("recorded_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("recorded_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("approved_by", sa.String(120), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["lot_id"], ["inspection_lots.id"],
                                name="fk_inspection_dispositions_lot_id_inspection_lots", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_dispositions"),
        sa.CheckConstraint("kind IN ('return', 'sort', 'rework', 'concession', 'scrap')",
                           name="ck_inspection_dispositions_kind"),
        sa.CheckConstraint("quantity > 0", name="ck_inspection_dispositions_quantity"),
    )
    op.create_index("ix_inspection_dispositions_lot_id", "inspection_dispositions", ["lot_id"])


def downgrade() -> None:
    for name in ("inspection_dispositions", "inspection_measurements", "inspection_lot_classes",
                 "inspection_severity_changes", "inspection_items", "inspection_settings"):
        op.drop_table(name)
    op.drop_index("ix_inspection_lots_supplier_part", "inspection_lots")
    with op.batch_alter_table("inspection_lots") as batch:
        for column in LOT_COLUMNS:
            batch.drop_column(column.name)

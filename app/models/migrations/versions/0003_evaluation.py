"""Supplier performance evaluation: order lines, deliveries, inspection lots, evaluation schemes,
runs and results (issue 3).

Covering indexes serve the per-period GROUP BY aggregates that evaluation runs (see
app/models/evaluation.py): each one starts with the date the period filter ranges over and holds
every column the aggregate reads, so SQLite answers from the index alone.

Revision ID: 0003_evaluation
Revises: 0002_supplier_core
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_evaluation"
down_revision = "0002_supplier_core"
branch_labels = None
depends_on = None

PERIOD_KINDS = "'month', 'quarter', 'year'"
GRADES = "'A', 'B', 'C', 'D'"
DISPOSITIONS = "'return', 'rework', 'concession', 'scrap', 'sort'"
SEVERITIES = "'normal', 'tightened', 'reduced'"


def upgrade() -> None:
    op.create_table(
        "purchase_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        sa.Column("po_number", sa.String(40), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("ordered_qty", sa.Float(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("unit_price", sa.Float(), nullable=True),
        sa.Column("standard_price", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_purchase_order_lines"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_purchase_order_lines_supplier_id_suppliers"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="SET NULL",
                                name="fk_purchase_order_lines_part_id_parts"),
        sa.UniqueConstraint("po_number", "line_no", name="uq_purchase_order_lines_po_number_line_no"),
        sa.CheckConstraint("ordered_qty > 0", name="ck_purchase_order_lines_ordered_positive"),
        sa.CheckConstraint("unit_price IS NULL OR unit_price >= 0", name="ck_purchase_order_lines_price"),
        sa.CheckConstraint("standard_price IS NULL OR standard_price > 0", name="ck_purchase_order_lines_standard"),
    )
    op.create_index("ix_purchase_order_lines_supplier_id", "purchase_order_lines", ["supplier_id"])
    op.create_index("ix_purchase_order_lines_part_id", "purchase_order_lines", ["part_id"])
    # Fulfilment aggregate: lines due in the period, per supplier.
    op.create_index("ix_purchase_order_lines_due_cover", "purchase_order_lines",
                    ["due_on", "supplier_id", "ordered_qty"])

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("po_line_id", sa.Integer(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("delivery_note", sa.String(40), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.ForeignKeyConstraint(["po_line_id"], ["purchase_order_lines.id"], ondelete="CASCADE",
                                name="fk_deliveries_po_line_id_purchase_order_lines"),
        sa.CheckConstraint("quantity > 0", name="ck_deliveries_quantity_positive"),
    )
    # On-time and price aggregates: deliveries made in the period (joined to their line).
    op.create_index("ix_deliveries_delivered_cover", "deliveries", ["delivered_on", "po_line_id", "quantity"])
    # Fulfilment: delivered quantity per line (also serves the foreign key).
    op.create_index("ix_deliveries_line_cover", "deliveries", ["po_line_id", "quantity"])

    op.create_table(
        "inspection_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lot_number", sa.String(40), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        sa.Column("delivery_id", sa.Integer(), nullable=True),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("lot_size", sa.Integer(), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("critical_defects", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("major_defects", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("minor_defects", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("defective_units", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("disposition", sa.String(12), nullable=True),
        sa.Column("severity", sa.String(10), nullable=False, server_default="normal"),
        sa.Column("inspection_level", sa.String(4), nullable=True),
        sa.Column("aql", sa.Float(), nullable=True),
        sa.Column("inspector", sa.String(120), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_lots"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_inspection_lots_supplier_id_suppliers"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="SET NULL", name="fk_inspection_lots_part_id_parts"),
        sa.ForeignKeyConstraint(["delivery_id"], ["deliveries.id"], ondelete="SET NULL",
                                name="fk_inspection_lots_delivery_id_deliveries"),
        sa.UniqueConstraint("supplier_id", "lot_number", name="uq_inspection_lots_supplier_id_lot_number"),
        sa.CheckConstraint("lot_size > 0", name="ck_inspection_lots_lot_size_positive"),
        sa.CheckConstraint("sample_size >= 0 AND sample_size <= lot_size", name="ck_inspection_lots_sample_size"),
        sa.CheckConstraint("critical_defects >= 0 AND major_defects >= 0 AND minor_defects >= 0",
                           name="ck_inspection_lots_defects"),
        sa.CheckConstraint("defective_units >= 0 AND defective_units <= lot_size", name="ck_inspection_lots_defective"),
        sa.CheckConstraint("decision IN ('accepted', 'rejected')", name="ck_inspection_lots_decision"),
        sa.CheckConstraint(f"disposition IS NULL OR disposition IN ({DISPOSITIONS})", name="ck_inspection_lots_disposition"),
        sa.CheckConstraint(f"severity IN ({SEVERITIES})", name="ck_inspection_lots_severity"),
    )
    op.create_index("ix_inspection_lots_part_id", "inspection_lots", ["part_id"])
    op.create_index("ix_inspection_lots_delivery_id", "inspection_lots", ["delivery_id"])
    # Quality aggregate: lots inspected in the period, per supplier.
    op.create_index("ix_inspection_lots_inspected_cover", "inspection_lots",
                    ["inspected_on", "supplier_id", "decision", "lot_size", "defective_units",
                     "critical_defects", "major_defects", "minor_defects"])
    # Service aggregate: requests due in the period (the core index starts with supplier_id).
    op.create_index("ix_corrective_actions_due_cover", "corrective_actions",
                    ["due_on", "supplier_id", "status", "answered_on"])

    op.create_table(
        "evaluation_schemes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("config", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_schemes"),
        sa.UniqueConstraint("name", "version", name="uq_evaluation_schemes_name_version"),
    )
    op.create_table(
        "evaluation_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("period_kind", sa.String(8), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.Column("supplier_count", sa.Integer(), nullable=False),
        sa.Column("scored_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_runs"),
        sa.ForeignKeyConstraint(["scheme_id"], ["evaluation_schemes.id"], ondelete="RESTRICT",
                                name="fk_evaluation_runs_scheme_id_evaluation_schemes"),
        sa.UniqueConstraint("period", name="uq_evaluation_runs_period"),
        sa.CheckConstraint(f"period_kind IN ({PERIOD_KINDS})", name="ck_evaluation_runs_period_kind"),
    )
    op.create_index("ix_evaluation_runs_scheme_id", "evaluation_runs", ["scheme_id"])
    op.create_table(
        "evaluation_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("period_kind", sa.String(8), nullable=False),
        sa.Column("scheme_name", sa.String(80), nullable=False),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(1), nullable=True),
        sa.Column("previous_grade", sa.String(1), nullable=True),
        sa.Column("periods_in_grade", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(5), nullable=True),
        sa.Column("treatment", sa.String(12), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.Column("trace", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_results"),
        sa.ForeignKeyConstraint(["run_id"], ["evaluation_runs.id"], ondelete="CASCADE",
                                name="fk_evaluation_results_run_id_evaluation_runs"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_evaluation_results_supplier_id_suppliers"),
        sa.UniqueConstraint("period", "supplier_id", name="uq_evaluation_results_period_supplier_id"),
        sa.CheckConstraint(f"grade IS NULL OR grade IN ({GRADES})", name="ck_evaluation_results_grade"),
        sa.CheckConstraint(f"previous_grade IS NULL OR previous_grade IN ({GRADES})",
                           name="ck_evaluation_results_previous_grade"),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="ck_evaluation_results_score_range"),
        sa.CheckConstraint("(score IS NULL) = (grade IS NULL)", name="ck_evaluation_results_grade_iff_score"),
    )
    op.create_index("ix_evaluation_results_supplier_period", "evaluation_results", ["supplier_id", "period"])


def downgrade() -> None:
    op.drop_table("evaluation_results")
    op.drop_table("evaluation_runs")
    op.drop_table("evaluation_schemes")
    op.drop_index("ix_corrective_actions_due_cover", table_name="corrective_actions")
    op.drop_table("inspection_lots")
    op.drop_table("deliveries")
    op.drop_table("purchase_order_lines")

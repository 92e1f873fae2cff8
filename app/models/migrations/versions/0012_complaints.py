"""Customer complaints and service requests (issue 12): complaints with their handling flow and
SLA milestone times, pauses while waiting on the customer, the step history, attachments (files
beside the database) and SLA target overrides.

Revision ID: 0012_complaints
Revises: 0007_customers
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_complaints"
down_revision = "0007_customers"
branch_labels = None
depends_on = None


def _in(values):
    return ", ".join(f"'{v}'" for v in values)


CHECKS = {
    "channel": f"channel IN ({_in(('phone', 'email', 'visit', 'survey', 'portal'))})",
    "complaint_type": "complaint_type IN ({})".format(_in(("quality", "delivery", "commercial", "documentation",
                                                           "service_enquiry", "repair", "return"))),
    "severity": f"severity IN ({_in(('critical', 'major', 'minor'))})",
    "priority": f"priority IN ({_in(('high', 'normal', 'low'))})",
    "state": f"state IN ({_in(('open', 'waiting', 'closed'))})",
    "rating": "rating IS NULL OR rating BETWEEN 1 AND 5",
    "qty_affected": "qty_affected IS NULL OR qty_affected >= 0",
}


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("complaint_type", sa.String(20), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        sa.Column("lot", sa.String(60), nullable=False),
        sa.Column("delivery_note", sa.String(60), nullable=False),
        sa.Column("qty_affected", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("defect", sa.String(120), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("current_step", sa.String(12), nullable=False),
        sa.Column("flow_json", sa.Text(), nullable=False),
        sa.Column("first_response_at", sa.DateTime(), nullable=True),
        sa.Column("containment_at", sa.DateTime(), nullable=True),
        sa.Column("root_cause_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("reopen_count", sa.Integer(), nullable=False),
        sa.Column("credit_amount", sa.Float(), nullable=False),
        sa.Column("returns_amount", sa.Float(), nullable=False),
        sa.Column("sorting_amount", sa.Float(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("rating_comment", sa.Text(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("car_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
        sa.UniqueConstraint("number", name="uq_complaints_number"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="RESTRICT",
                                name="fk_complaints_customer_id_customers"),
        sa.ForeignKeyConstraint(["contact_id"], ["customer_contacts.id"], ondelete="SET NULL",
                                name="fk_complaints_contact_id_customer_contacts"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="SET NULL", name="fk_complaints_part_id_parts"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="SET NULL",
                                name="fk_complaints_supplier_id_suppliers"),
        sa.ForeignKeyConstraint(["car_id"], ["corrective_actions.id"], ondelete="SET NULL",
                                name="fk_complaints_car_id_corrective_actions"),
        *[sa.CheckConstraint(sql, name=f"ck_complaints_{name}") for name, sql in CHECKS.items()],
    )
    for col in ("customer_id", "part_id", "car_id"):
        op.create_index(f"ix_complaints_{col}", "complaints", [col])
    op.create_index("ix_complaints_state_received_at", "complaints", ["state", "received_at"])
    op.create_index("ix_complaints_supplier_id_received_at", "complaints", ["supplier_id", "received_at"])
    op.create_index("ix_complaints_received_at", "complaints",
                    ["received_at", "complaint_type", "credit_amount", "returns_amount", "sorting_amount"])
    op.create_index("ix_complaints_closed_at", "complaints", ["closed_at", "severity", "complaint_type", "received_at"])

    op.create_table(
        "complaint_pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("started_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_complaint_pauses"),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"], ondelete="CASCADE",
                                name="fk_complaint_pauses_complaint_id_complaints"),
    )
    op.create_index("ix_complaint_pauses_complaint_id", "complaint_pauses", ["complaint_id"])
    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(120), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("step", sa.String(12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_complaint_events"),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"], ondelete="CASCADE",
                                name="fk_complaint_events_complaint_id_complaints"),
    )
    op.create_index("ix_complaint_events_complaint_id", "complaint_events", ["complaint_id"])
    op.create_table(
        "complaint_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("rel_path", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_complaint_attachments"),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"], ondelete="CASCADE",
                                name="fk_complaint_attachments_complaint_id_complaints"),
    )
    op.create_index("ix_complaint_attachments_complaint_id", "complaint_attachments", ["complaint_id"])
    op.create_table(
        "complaint_sla_targets",
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("complaint_type", sa.String(20), nullable=False),
        sa.Column("milestone", sa.String(16), nullable=False),
        sa.Column("duration", sa.String(12), nullable=False),
        sa.PrimaryKeyConstraint("severity", "complaint_type", "milestone", name="pk_complaint_sla_targets"),
        sa.CheckConstraint(CHECKS["severity"], name="ck_complaint_sla_targets_severity"),
        sa.CheckConstraint("milestone IN ('first_response', 'containment', 'root_cause', 'closure')",
                           name="ck_complaint_sla_targets_milestone"),
    )


def downgrade() -> None:
    op.drop_table("complaint_sla_targets")
    for table in ("complaint_attachments", "complaint_events", "complaint_pauses"):
        op.drop_index(f"ix_{table}_complaint_id", table_name=table)
        op.drop_table(table)
    op.drop_index("ix_complaints_closed_at", table_name="complaints")
    op.drop_index("ix_complaints_received_at", table_name="complaints")
    op.drop_index("ix_complaints_supplier_id_received_at", table_name="complaints")
    op.drop_index("ix_complaints_state_received_at", table_name="complaints")
    for col in ("customer_id", "part_id", "car_id"):
        op.drop_index(f"ix_complaints_{col}", table_name="complaints")
    op.drop_table("complaints")

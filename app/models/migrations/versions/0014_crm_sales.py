"""CRM sales (issue 16): sales opportunities with their notes/follow-ups timeline, campaigns with
target contacts and responses, activities (calls, visits, mails, meetings) with due and reminder
dates against a customer, a contact, an opportunity or a complaint.

Revision ID: 0014_crm_sales
Revises: 0007_customers
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_crm_sales"
down_revision = "0007_customers"
branch_labels = None
depends_on = None


def _in(values):
    return ", ".join(f"'{v}'" for v in values)


STAGES = ("qualification", "needs_analysis", "proposal", "negotiation", "won", "lost")
CAMPAIGN_TYPES = ("trade_fair", "mailing", "visit_programme", "webinar")
CHANNELS = ("email", "phone", "visit", "form", "booth")
NOTE_KINDS = ("note", "follow_up", "stage")
ACTIVITY_KINDS = ("call", "visit", "mail", "meeting")


def _fk(table, col, ref, ondelete):
    return sa.ForeignKeyConstraint([col], [f"{ref}.id"], ondelete=ondelete, name=f"fk_{table}_{col}_{ref}")


def upgrade() -> None:
    t = "crm_campaigns"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("campaign_type", sa.String(20), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("budget", sa.Float(), nullable=False),
        sa.Column("actual_cost", sa.Float(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        sa.UniqueConstraint("code", name=f"uq_{t}_code"),
        _fk(t, "owner_user_id", "users", "SET NULL"),
        sa.CheckConstraint(f"campaign_type IN ({_in(CAMPAIGN_TYPES)})", name=f"ck_{t}_campaign_type"),
        sa.CheckConstraint("budget >= 0 AND actual_cost >= 0", name=f"ck_{t}_money"),
    )
    t = "crm_campaign_targets"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        sa.UniqueConstraint("campaign_id", "contact_id", name=f"uq_{t}_campaign_id_contact_id"),
        _fk(t, "campaign_id", "crm_campaigns", "CASCADE"),
        _fk(t, "contact_id", "customer_contacts", "CASCADE"),
    )
    op.create_index(f"ix_{t}_contact_id", t, ["contact_id"])
    t = "crm_campaign_responses"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("responded_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        _fk(t, "campaign_id", "crm_campaigns", "CASCADE"),
        _fk(t, "contact_id", "customer_contacts", "SET NULL"),
        sa.CheckConstraint(f"channel IN ({_in(CHANNELS)})", name=f"ck_{t}_channel"),
    )
    op.create_index(f"ix_{t}_campaign_id", t, ["campaign_id"])
    t = "crm_opportunities"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("prospect_name", sa.String(200), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("competitors", sa.String(300), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("expected_revenue", sa.Float(), nullable=False),
        sa.Column("won_amount", sa.Float(), nullable=True),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("next_step", sa.String(300), nullable=False),
        sa.Column("reminder_on", sa.Date(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        _fk(t, "customer_id", "customers", "RESTRICT"),
        _fk(t, "contact_id", "customer_contacts", "SET NULL"),
        _fk(t, "owner_user_id", "users", "SET NULL"),
        _fk(t, "campaign_id", "crm_campaigns", "SET NULL"),
        sa.CheckConstraint(f"stage IN ({_in(STAGES)})", name=f"ck_{t}_stage"),
        sa.CheckConstraint("probability BETWEEN 0 AND 100", name=f"ck_{t}_probability"),
        sa.CheckConstraint("expected_revenue >= 0", name=f"ck_{t}_expected_revenue"),
        sa.CheckConstraint("customer_id IS NOT NULL OR prospect_name <> ''", name=f"ck_{t}_customer_or_prospect"),
    )
    for col in ("customer_id", "reminder_on", "campaign_id"):
        op.create_index(f"ix_{t}_{col}", t, [col])
    t = "crm_opportunity_notes"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        _fk(t, "opportunity_id", "crm_opportunities", "CASCADE"),
        sa.CheckConstraint(f"kind IN ({_in(NOTE_KINDS)})", name=f"ck_{t}_kind"),
    )
    op.create_index(f"ix_{t}_opportunity_id", t, ["opportunity_id"])
    t = "crm_activities"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("reminder_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("owner_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t}"),
        _fk(t, "customer_id", "customers", "CASCADE"),
        _fk(t, "contact_id", "customer_contacts", "SET NULL"),
        _fk(t, "opportunity_id", "crm_opportunities", "CASCADE"),
        _fk(t, "owner_user_id", "users", "SET NULL"),
        sa.CheckConstraint(f"kind IN ({_in(ACTIVITY_KINDS)})", name=f"ck_{t}_kind"),
    )
    for col in ("customer_id", "opportunity_id", "complaint_id", "reminder_on", "owner_user_id"):
        op.create_index(f"ix_{t}_{col}", t, [col])


def downgrade() -> None:
    for t in ("crm_activities", "crm_opportunity_notes", "crm_opportunities", "crm_campaign_responses",
              "crm_campaign_targets", "crm_campaigns"):
        op.drop_table(t)

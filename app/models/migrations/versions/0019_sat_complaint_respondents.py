"""Satisfaction: a closed complaint's rating is one respondent of the transaction survey, so a
contact who rated two complaints in a quarter answers twice (once per complaint). The rule "a
customer and contact answer a wave once" stays for every other respondent (a partial unique
index where no complaint is named); a complaint answers once in all (unique complaint_id).

Revision ID: 0019_sat_complaint_respondents
Revises: 0010_satisfaction
"""
import sqlalchemy as sa
from alembic import op

revision = "0019_sat_complaint_respondents"
down_revision = "0010_satisfaction"
branch_labels = None
depends_on = None

OLD = "uq_sat_respondents_wave_id_customer_id_contact_id"
PERSON = "uq_sat_respondents_person"
COMPLAINT = "ix_sat_respondents_complaint_id"


# SQLite cannot drop a table constraint in place: the batch copies sat_respondents. The app's
# migration runner turns foreign keys off while it does, so sat_answers' ON DELETE CASCADE does not
# fire when the old table is dropped (and checks the links before committing).
#: the copy re-creates the table's other indexes in the order reflection returns them, which varies
#: from run to run; made again in one order, the file's schema (and its statistics) is the same every time
KEPT = ("ix_sat_respondents_customer_id", ["customer_id"]), ("ix_sat_respondents_wave_id", ["wave_id"])


def _kept_indexes_in_order() -> None:
    for name, _cols in KEPT:
        op.drop_index(name, table_name="sat_respondents")
    for name, cols in KEPT:
        op.create_index(name, "sat_respondents", cols, unique=False)


def upgrade() -> None:
    with op.batch_alter_table("sat_respondents") as batch:
        batch.drop_constraint(OLD, type_="unique")
    _kept_indexes_in_order()
    op.drop_index(COMPLAINT, table_name="sat_respondents")
    op.create_index(COMPLAINT, "sat_respondents", ["complaint_id"], unique=True)
    op.create_index(PERSON, "sat_respondents", ["wave_id", "customer_id", "contact_id"], unique=True,
                    sqlite_where=sa.text("complaint_id IS NULL"), postgresql_where=sa.text("complaint_id IS NULL"))


DUPLICATE = ("complaint_id IS NOT NULL AND EXISTS (SELECT 1 FROM sat_respondents o WHERE o.wave_id = {t}.wave_id "
             "AND o.customer_id = {t}.customer_id AND o.contact_id = {t}.contact_id AND o.id > {t}.id)")


def downgrade() -> None:
    # one answer per contact and wave again: the answer a contact gave last in a wave stays
    op.execute("DELETE FROM sat_answers WHERE respondent_id IN (SELECT r.id FROM sat_respondents r WHERE "
               + DUPLICATE.format(t="r") + ")")
    op.execute("DELETE FROM sat_respondents WHERE " + DUPLICATE.format(t="sat_respondents"))
    op.drop_index(PERSON, table_name="sat_respondents")
    op.drop_index(COMPLAINT, table_name="sat_respondents")
    op.create_index(COMPLAINT, "sat_respondents", ["complaint_id"], unique=False)
    with op.batch_alter_table("sat_respondents") as batch:
        batch.create_unique_constraint(OLD, ["wave_id", "customer_id", "contact_id"])
    _kept_indexes_in_order()

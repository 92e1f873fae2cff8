"""Customer master (issue 12): lifecycle gains 'lost'; key account flag, value class (with the reason
when set by hand) and owner (the customer quality engineer, a user); contacts with groups and a
preferred language; the parts we supply to each customer (with the customer's own part number).

The single contact of 0002 (``customers.contact_name/phone/email``) is copied into
``customer_contacts``; the old columns stay (readable by older code), the services no longer write
them.

Revision ID: 0007_customers
Revises: 0006_admin
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_customers"
down_revision = "0006_admin"
branch_labels = None
depends_on = None

LIFECYCLE_OLD = "lifecycle IN ('potential', 'current', 'past')"
LIFECYCLE_NEW = "lifecycle IN ('potential', 'current', 'past', 'lost')"
VALUE_CLASS = "value_class IS NULL OR value_class IN ('important', 'potential', 'ordinary', 'lost')"
LANGUAGES = "preferred_language IN ('zh_CN', 'en')"
GROUPS = "group_key IN ('quality', 'purchasing', 'management', 'logistics', 'engineering')"


#: SQLite: the customers table rebuilt with its constraints in a fixed order. Alembic's batch mode
#: would do the same, but it orders the copied constraints by object identity, so two demo
#: databases built alike would differ in their schema text.
_SQLITE_CUSTOMERS = """
CREATE TABLE _customers_0007 (
    id INTEGER NOT NULL,
    code VARCHAR(32) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NOT NULL,
    industry VARCHAR(80) NOT NULL,
    region VARCHAR(80) NOT NULL,
    customer_type VARCHAR(12) NOT NULL,
    lifecycle VARCHAR(12) NOT NULL,
    since DATE,
    contact_name VARCHAR(120) NOT NULL,
    contact_phone VARCHAR(60) NOT NULL,
    contact_email VARCHAR(160) NOT NULL,
    key_account BOOLEAN DEFAULT 0 NOT NULL,
    value_class VARCHAR(12),
    value_class_reason TEXT DEFAULT '' NOT NULL,
    owner_user_id INTEGER,
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT uq_customers_code UNIQUE (code),
    CONSTRAINT ck_customers_ck_customers_customer_type CHECK (customer_type IN ('internal', 'external')),
    CONSTRAINT ck_customers_ck_customers_lifecycle CHECK ({lifecycle}),
    CONSTRAINT ck_customers_ck_customers_value_class CHECK ({value_class}),
    CONSTRAINT fk_customers_owner_user_id_users FOREIGN KEY(owner_user_id) REFERENCES users (id) ON DELETE SET NULL
)
"""
_OLD_COLUMNS = ("id, code, name_zh, name_en, industry, region, customer_type, lifecycle, since, contact_name, "
                "contact_phone, contact_email")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # the runner has foreign keys off around migrations
        op.execute(_SQLITE_CUSTOMERS.format(lifecycle=LIFECYCLE_NEW, value_class=VALUE_CLASS))
        op.execute(f"INSERT INTO _customers_0007 ({_OLD_COLUMNS}) SELECT {_OLD_COLUMNS} FROM customers")
        op.execute("DROP TABLE customers")
        op.execute("ALTER TABLE _customers_0007 RENAME TO customers")
    else:
        with op.batch_alter_table("customers") as batch:
            batch.add_column(sa.Column("key_account", sa.Boolean(), nullable=False, server_default=sa.false()))
            batch.add_column(sa.Column("value_class", sa.String(12), nullable=True))
            batch.add_column(sa.Column("value_class_reason", sa.Text(), nullable=False, server_default=""))
            batch.add_column(sa.Column("owner_user_id", sa.Integer(), nullable=True))
            batch.drop_constraint("ck_customers_lifecycle", type_="check")
            batch.create_check_constraint("ck_customers_lifecycle", sa.text(LIFECYCLE_NEW))
            batch.create_check_constraint("ck_customers_value_class", sa.text(VALUE_CLASS))
            batch.create_foreign_key("fk_customers_owner_user_id_users", "users", ["owner_user_id"], ["id"],
                                     ondelete="SET NULL")
    op.create_index("ix_customers_owner_user_id", "customers", ["owner_user_id"])

    op.create_table(
        "customer_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False, server_default=""),
        sa.Column("role", sa.String(120), nullable=False, server_default=""),
        sa.Column("phone", sa.String(60), nullable=False, server_default=""),
        sa.Column("email", sa.String(160), nullable=False, server_default=""),
        sa.Column("preferred_language", sa.String(8), nullable=False, server_default="zh_CN"),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_customer_contacts"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name="fk_customer_contacts_customer_id_customers"),
        sa.CheckConstraint(LANGUAGES, name="ck_customer_contacts_preferred_language"),
    )
    op.create_index("ix_customer_contacts_customer_id", "customer_contacts", ["customer_id"])
    op.create_table(
        "customer_contact_groups",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("contact_id", "group_key", name="pk_customer_contact_groups"),
        sa.ForeignKeyConstraint(["contact_id"], ["customer_contacts.id"], ondelete="CASCADE",
                                name="fk_customer_contact_groups_contact_id_customer_contacts"),
        sa.CheckConstraint(GROUPS, name="ck_customer_contact_groups_group_key"),
    )
    op.create_table(
        "customer_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("customer_part_no", sa.String(60), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_customer_parts"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name="fk_customer_parts_customer_id_customers"),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"], ondelete="CASCADE",
                                name="fk_customer_parts_part_id_parts"),
        sa.UniqueConstraint("customer_id", "part_id", name="uq_customer_parts_customer_id_part_id"),
    )
    op.create_index("ix_customer_parts_part_id", "customer_parts", ["part_id"])

    # The one contact of 0002 becomes the customer's first contact (same text, Chinese by default).
    op.execute(
        "INSERT INTO customer_contacts (customer_id, name, role, phone, email, preferred_language, active) "
        "SELECT id, contact_name, '', contact_phone, contact_email, 'zh_CN', TRUE FROM customers "
        "WHERE contact_name <> '' OR contact_phone <> '' OR contact_email <> '' ORDER BY id"
    )


def downgrade() -> None:
    op.drop_index("ix_customer_parts_part_id", table_name="customer_parts")
    op.drop_table("customer_parts")
    op.drop_table("customer_contact_groups")
    op.drop_index("ix_customer_contacts_customer_id", table_name="customer_contacts")
    op.drop_table("customer_contacts")
    op.drop_index("ix_customers_owner_user_id", table_name="customers")
    op.execute("UPDATE customers SET lifecycle = 'past' WHERE lifecycle = 'lost'")
    with op.batch_alter_table("customers") as batch:
        batch.drop_constraint("fk_customers_owner_user_id_users", type_="foreignkey")
        batch.drop_constraint("ck_customers_value_class", type_="check")
        batch.drop_constraint("ck_customers_lifecycle", type_="check")
        batch.create_check_constraint("ck_customers_lifecycle", sa.text(LIFECYCLE_OLD))
        for name in ("owner_user_id", "value_class_reason", "value_class", "key_account"):
            batch.drop_column(name)

"""Administration: users, roles and permissions, the append-only hash-chained audit trail,
electronic signatures, login events. Joins the evaluation and supplier branches, so every later
domain branches from here and can rely on the trail and the permission tables.

The trail is append-only at the database level: triggers refuse UPDATE and DELETE on
``audit_trail`` (SQLite and PostgreSQL). Tampering by someone who drops the triggers is still
found, because every entry's hash covers the previous entry's hash.

Revision ID: 0006_admin
Revises: 0004_lifecycle, 0005_evaluation_traces
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_admin"
down_revision = ("0004_lifecycle", "0005_evaluation_traces")
branch_labels = None
depends_on = None

NOW = sa.text("CURRENT_TIMESTAMP")
GENESIS = "0" * 64

#: The roles every database starts with (key, Chinese, English); their default permissions are
#: granted at run time from each domain's declarations (app.models.admin.permissions).
ROLES = (
    ("administrator", "系统管理员", "Administrator"),
    ("quality_manager", "质量经理", "Quality manager"),
    ("supplier_quality_engineer", "供应商质量工程师", "Supplier quality engineer"),
    ("incoming_inspector", "进货检验员", "Incoming inspector"),
    ("customer_quality_engineer", "客户质量工程师", "Customer quality engineer"),
    ("viewer", "只读用户", "Viewer"),
)


def _big_id(name: str) -> sa.Column:
    return sa.Column(name, sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("password_changed_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("name_zh", sa.String(80), nullable=False, server_default=""),
        sa.Column("name_en", sa.String(80), nullable=False, server_default=""),
        sa.Column("builtin", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_roles"),
        sa.UniqueConstraint("key", name="uq_roles_key"),
    )
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE", name="fk_user_roles_user_id_users"),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], ondelete="CASCADE", name="fk_user_roles_role_id_roles"),
        sa.PrimaryKeyConstraint("user_id", "role_id", name="pk_user_roles"),
    )
    op.create_table(
        "role_permissions",
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["roles.id"], ondelete="CASCADE",
                                name="fk_role_permissions_role_id_roles"),
        sa.PrimaryKeyConstraint("role_id", "permission", name="pk_role_permissions"),
    )
    op.create_table(
        "audit_trail",
        _big_id("id"),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("record_id", sa.String(120), nullable=False, server_default=""),
        sa.Column("changes", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_trail"),
    )
    op.create_index("ix_audit_trail_record", "audit_trail", ["entity", "record_id", "id"])
    op.create_index("ix_audit_trail_at", "audit_trail", ["at"])
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        _big_id("last_id"),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_audit_chain_single_row"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_chain"),
    )
    op.bulk_insert(sa.table("audit_chain", sa.column("id"), sa.column("last_id"), sa.column("last_hash")),
                   [{"id": 1, "last_id": 0, "last_hash": GENESIS}])
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("record_id", sa.String(120), nullable=False),
        sa.Column("action", sa.String(60), nullable=False, server_default=""),
        sa.Column("meaning", sa.String(12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
        sa.CheckConstraint("meaning = 'authored' OR meaning = 'reviewed' OR meaning = 'approved' "
                           "OR meaning = 'verified'", name="ck_signatures_meaning"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="RESTRICT", name="fk_signatures_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_signatures"),
    )
    op.create_index("ix_signatures_entity", "signatures", ["entity", "record_id"])
    op.create_table(
        "login_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False, server_default=NOW),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_login_events"),
    )
    op.create_index("ix_login_events_at", "login_events", ["at"])
    op.bulk_insert(sa.table("roles", sa.column("key"), sa.column("name_zh"), sa.column("name_en"),
                            sa.column("builtin")),
                   [{"key": k, "name_zh": zh, "name_en": en, "builtin": True} for k, zh, en in ROLES])

    # Append-only, and the chain head follows every insert inside the database (no extra round
    # trip per entry from Python).
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER audit_trail_no_{verb.lower()} BEFORE {verb} ON audit_trail "
                       "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END")
        op.execute("CREATE TRIGGER audit_trail_head AFTER INSERT ON audit_trail BEGIN "
                   "UPDATE audit_chain SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1 AND last_id < NEW.id; END")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$")
        op.execute("CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail "
                   "FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()")
        op.execute("CREATE FUNCTION audit_trail_head() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN UPDATE audit_chain SET last_id = NEW.id, last_hash = NEW.hash "
                   "WHERE id = 1 AND last_id < NEW.id; RETURN NULL; END $$")
        op.execute("CREATE TRIGGER audit_trail_head AFTER INSERT ON audit_trail "
                   "FOR EACH ROW EXECUTE FUNCTION audit_trail_head()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_trail_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_trail_no_delete")
        op.execute("DROP TRIGGER IF EXISTS audit_trail_head")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_trail_append_only ON audit_trail")
        op.execute("DROP FUNCTION IF EXISTS audit_trail_append_only()")
        op.execute("DROP TRIGGER IF EXISTS audit_trail_head ON audit_trail")
        op.execute("DROP FUNCTION IF EXISTS audit_trail_head()")
    op.execute("DELETE FROM app_settings WHERE key LIKE 'admin.%'")  # mode, known permissions …
    for table in ("login_events", "signatures", "audit_chain", "audit_trail", "role_permissions", "user_roles",
                  "roles", "users"):
        op.drop_table(table)

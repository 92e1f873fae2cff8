"""Alembic environment: the application always passes its own connection (and so its own
engine factory, pragmas and transaction) in ``config.attributes["connection"]``."""

from alembic import context

from app.models.core.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guarded for developers running alembic by hand
    raise SystemExit("Run migrations through app.models.database.open_database().")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()

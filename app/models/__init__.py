"""ORM entities, database setup, migrations and services. No Qt here."""

"""What every domain stands on: ``database`` (open, migrate, back up, portable SQL), ``base`` (the
ORM base), ``settings`` (settings stored in the file), ``csv_reader`` (the all-or-nothing CSV/xlsx
reader), ``maintenance`` (the read-only health check), ``demo`` (the demo runner) and
``overview`` (today's figures). Other layers import these modules directly."""

"""Administration screens: ``signin`` (login, first run, idle lock, ``ensure_signed_in``),
``page`` (the Administration module: users, roles, audit trail, system log, settings) and
``backup`` (File → Backup now… / Restore…)."""

"""Administration screens: ``signin`` (login, first run, idle lock, ``ensure_signed_in``),
``page`` (the Administration module: users, roles, audit trail, system log, settings),
``backup`` and ``menu`` (File → Backup now… / Restore… / Change my password…), ``signature``
(the electronic-signature dialog and a record's signature list) and ``history`` (a record's
history from the audit trail, and the record "as of" a date)."""

"""Incoming-inspection views: ``page`` (the inspector's page), ``receive``, ``history``,
``disposition`` (with a small signature dialog), ``models`` (item models)."""

"""Administration views: ``signature`` (the electronic-signature dialog and a record's signature
list) and ``history`` (a record's history from the audit trail, and the record "as of" a date)."""

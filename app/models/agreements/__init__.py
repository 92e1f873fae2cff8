"""Quality agreements (质量协议): ``tables`` (the records, migration 0009_agreements), ``errors``,
``permissions``, ``service`` (agreements, versions, clauses, signing, "in force on", the
inspection domain's ``inspection_clauses``), ``templates`` (the default bilingual template,
template editing and xlsx import/export), ``targets`` (agreed targets against the evaluation's
indicators, breaches and liability, SCAR from a breach); ``demo`` extends the demo database."""

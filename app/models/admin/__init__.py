"""Administration (系统管理): ``tables`` (users, roles, permissions, trail, signatures, login
events), ``permissions`` (the catalogue each domain declares, ``require``/``requires``/``can``),
``identity`` (the signed-in ``Actor``, sign-in with lockout, personal and department modes,
passwords), ``users`` (user and role administration), ``trail`` (the hash-chained audit trail:
automatic ORM entries, ``record``, ``bulk``, ``history``, ``as_of``, ``verify_chain``) and
``signatures`` (electronic signatures bound to a content hash)."""

"""Incoming inspection (进货检验) per GB/T 2828.1: ``tables`` (settings, items, severity history,
per-class lot results, measurements, dispositions; the lots are ``evaluation.tables.InspectionLot``),
``service`` (plans, recording lots, switching, dispositions, lists), ``imports`` (lots CSV with
switching), ``permissions``, ``demo``."""

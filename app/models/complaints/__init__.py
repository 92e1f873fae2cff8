"""Customer complaints and service requests (顾客投诉与服务请求), issue 12.

Modules other layers may import: ``tables`` (ORM of migration 0012_complaints), ``service``
(intake, the handling flow, SLA, attachments, costs, lists, the SCAR bridge), ``permissions``,
``demo`` (the demo extension).
"""

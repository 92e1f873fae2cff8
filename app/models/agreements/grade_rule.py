"""The optional grade-lowering rule for agreement breaches (issue 14: "breaches ... may lower the
grade by a configurable rule (default: none; off unless chosen)").

A shared database setting like the other administration settings: "lower the grade shown in the
grade list by one letter when a supplier has at least N agreement target breaches in the period".
The stored evaluation grade stays as computed; ``evaluation.service.grade_list`` applies the rule
(``grading.lower_grade_for_breaches``) and says why in the row's holds.
"""

from __future__ import annotations

import json

from app.models.admin import trail
from app.models.admin.permissions import PermissionDenied, can, require
from app.models.core.database import Database
from app.models.core.settings import AppSetting

RULE_KEY = "agreements.breach_grade_rule"
#: who may change the rule: the evaluation's scheme editors or the agreement editors
RULE_PERMISSIONS = ("evaluation.schemes", "agreements.edit")


class RuleError(ValueError):
    pass


def breach_rule(db_or_session) -> int | None:
    """The minimum number of breaches that lowers the grade, or None when the rule is off (default)."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return breach_rule(s)
    row = db_or_session.get(AppSetting, RULE_KEY)
    if row is None:
        return None
    value = json.loads(row.value).get("min_breaches")
    return int(value) if value is not None else None


def set_breach_rule(db: Database, min_breaches: int | None) -> None:
    """Turn the rule on (``min_breaches`` ≥ 1) or off (None); recorded on the audit trail."""
    if not any(can(db, p) for p in RULE_PERMISSIONS):
        require(db, RULE_PERMISSIONS[0])  # raises the usual not-signed-in / permission-denied error
        raise PermissionDenied(RULE_PERMISSIONS[0], getattr(db.actor, "username", ""))
    if min_breaches is not None and (not isinstance(min_breaches, int) or min_breaches < 1):
        raise RuleError(f"min_breaches: must be a whole number ≥ 1 or off, got {min_breaches!r}")
    with db.begin() as s:
        before = breach_rule(s)
        text = json.dumps({"min_breaches": min_breaches})
        row = s.get(AppSetting, RULE_KEY)
        if row is None:
            s.add(AppSetting(key=RULE_KEY, value=text))
        else:
            row.value = text
        trail.record(s, "settings", "agreement_breach_grade_rule", "", {"min_breaches": [before, min_breaches]})

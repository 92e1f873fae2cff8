"""Criterion directions and yes/no settings read without Python truthiness.

``bool(-1)``, ``bool("min")`` and ``bool("false")`` are all True, so a cost criterion written the
pymcdm way (``-1``) or the R ``mcdm``/``topsis`` way (``"min"``), or a switch stored as the text
``"false"``, would silently read as *benefit* / *on*. These helpers map the accepted spellings
explicitly and answer ``None`` for anything else, so each engine can refuse it with its own error
naming the criterion or setting.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

#: Criterion-direction words (lower-cased, trimmed). "max"/"min" are the pymcdm/R spellings,
#: "benefit"/"cost" the house vocabulary (Hwang & Yoon 1981: benefit and cost attributes).
DIRECTION_WORDS = {"max": True, "benefit": True, "min": False, "cost": False}
ACCEPTED_DIRECTIONS = "True/False, 1/-1, 'max'/'min' or 'benefit'/'cost'"

SWITCH_WORDS = {"true": True, "false": False, "yes": True, "no": False}
ACCEPTED_SWITCHES = "true/false (also 1/0, 'yes'/'no')"


def direction(value) -> bool | None:
    """True for a benefit criterion (larger is better), False for a cost criterion, None when
    ``value`` is not one of :data:`ACCEPTED_DIRECTIONS` (0, 2, 'maybe', None, NaN, …)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Real):
        v = float(value)
        if v == 1.0:
            return True
        if v == -1.0:
            return False
        return None
    if isinstance(value, str):
        return DIRECTION_WORDS.get(value.strip().lower())
    return None


def switch(value) -> bool | None:
    """A yes/no setting: booleans, the integers 1/0 and the words true/false/yes/no; None for
    anything else (so ``"false"`` can never read as on)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Real):
        v = float(value)
        if math.isfinite(v) and v in (0.0, 1.0):
            return v == 1.0
        return None
    if isinstance(value, str):
        return SWITCH_WORDS.get(value.strip().lower())
    return None

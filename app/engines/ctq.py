"""Critical-to-quality (CTQ) tree and requirement priority (domain brief §3.1).

Need (customer's words, with an importance) → driver (what makes the need met) → CTQ
(a measurable characteristic with target and unit), e.g. "good service" → "short wait" →
"phone answered within 30 s". The tree follows Six Sigma practice (George et al., The Lean
Six Sigma Pocket Toolbook, 2005, "CTQ tree"); priority is the weighted importance propagated
down the tree as in QFD's house of quality (Akao 1990: importance × relationship strength,
commonly 1/3/9), normalised per parent so that each level shares its parent's importance.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd


class CTQError(ValueError):
    """A CTQ tree that cannot be ranked; names the need, driver or CTQ."""


@dataclass
class CTQ:
    name: str
    target: float | str | None = None
    unit: str = ""
    weight: float = 1.0          # relationship strength to its driver (e.g. 1, 3, 9)
    lsl: float | None = None
    usl: float | None = None


@dataclass
class Driver:
    name: str
    weight: float = 1.0          # contribution to its need
    ctqs: list[CTQ] = field(default_factory=list)


@dataclass
class Need:
    name: str
    importance: float            # customer importance (e.g. 1–5 from a survey)
    drivers: list[Driver] = field(default_factory=list)


def _positive(value, what: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CTQError(f"{what}: {value!r} is not a number") from None
    if not math.isfinite(v) or v < 0:
        raise CTQError(f"{what}: {value!r} must be a non-negative number")
    return v


def tree_from_spec(spec: Sequence[Mapping]) -> list[Need]:
    """``[{"need", "importance", "drivers": [{"driver", "weight", "ctqs": [{"ctq", "target",
    "unit", "weight", "lsl", "usl"}]}]}]`` → list of :class:`Need`."""
    needs = []
    for i, n in enumerate(spec, start=1):
        if "need" not in n:
            raise CTQError(f"need {i}: missing 'need' name")
        drivers = []
        for d in n.get("drivers", []):
            ctqs = [CTQ(str(c["ctq"]), c.get("target"), str(c.get("unit", "")),
                        _positive(c.get("weight", 1.0), f"CTQ '{c.get('ctq')}' weight"),
                        c.get("lsl"), c.get("usl")) for c in d.get("ctqs", [])]
            drivers.append(Driver(str(d["driver"]),
                                  _positive(d.get("weight", 1.0), f"driver '{d.get('driver')}' weight"),
                                  ctqs))
        needs.append(Need(str(n["need"]), _positive(n.get("importance", 1.0),
                                                    f"need '{n['need']}' importance"), drivers))
    return needs


def prioritise(needs: Sequence[Need]) -> pd.DataFrame:
    """Rank CTQs by weighted importance.

    priority(CTQ) = importance(need) × w(driver)/Σw(drivers of the need) × w(CTQ)/Σw(CTQs of the
    driver); share = priority / Σ priority × 100 %. A CTQ reached through several drivers is
    listed once per path (each path is a separate reason to control it) and also summed in
    :func:`ctq_totals`. Ranks are standard competition ranks (1, 2, 2, 4) on priority.
    """
    if not needs:
        raise CTQError("the CTQ tree has no needs")
    rows = []
    for need in needs:
        imp = _positive(need.importance, f"need '{need.name}' importance")
        if not need.drivers:
            raise CTQError(f"need '{need.name}' has no drivers")
        dsum = sum(_positive(d.weight, f"driver '{d.name}' weight") for d in need.drivers)
        if dsum <= 0:
            raise CTQError(f"need '{need.name}': driver weights sum to zero")
        for d in need.drivers:
            if not d.ctqs:
                raise CTQError(f"driver '{d.name}' (need '{need.name}') has no measurable CTQ")
            csum = sum(_positive(c.weight, f"CTQ '{c.name}' weight") for c in d.ctqs)
            if csum <= 0:
                raise CTQError(f"driver '{d.name}': CTQ weights sum to zero")
            for c in d.ctqs:
                rows.append({"need": need.name, "driver": d.name, "ctq": c.name,
                             "target": c.target, "unit": c.unit, "lsl": c.lsl, "usl": c.usl,
                             "priority": imp * d.weight / dsum * c.weight / csum})
    table = pd.DataFrame(rows)
    total = table["priority"].sum()
    table["share_pct"] = table["priority"] / total * 100.0 if total > 0 else 0.0
    table["rank"] = table["priority"].rank(method="min", ascending=False).astype(int)
    return table.sort_values(["rank", "need", "driver", "ctq"], kind="stable").reset_index(drop=True)


def ctq_totals(needs: Sequence[Need]) -> pd.DataFrame:
    """Priority per distinct CTQ (summed over every path that reaches it), ranked."""
    table = prioritise(needs)
    total = table.groupby("ctq", sort=False)[["priority", "share_pct"]].sum()
    total["rank"] = total["priority"].rank(method="min", ascending=False).astype(int)
    return total.sort_values("rank", kind="stable")

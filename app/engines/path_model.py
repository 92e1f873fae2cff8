"""Checks of a CSI path model before it is used (the model editor and "open a wave"): the latent
variables (blocks), the arrows between them (paths) and which questions measure which block.

A model is usable by the PLS engine (``app.engines.pls``, Wold's iterative algorithm; Tenenhaus
et al. 2005, Comput. Stat. Data Anal. 48:159–205) only when the inner model is a directed acyclic
graph, every block has at least one manifest variable and every block takes part in the inner
model. The satisfaction block must be endogenous and caused, directly or through other blocks, by
the exogenous ones (Fornell et al. 1996, J. Marketing 60(4):7–18: satisfaction is the index
explained by its antecedents). A block with a single item cannot show its reliability (Cronbach's
α / composite reliability need two or more items); that is a warning only.

Pure: no Qt, no SQLAlchemy. Every problem carries a message ``key`` (``satisfaction.model.*``,
texts in ``app.commands.messages``) and its ``params``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"
#: fewer items than this in a block is a warning (reliability needs two)
MIN_ITEMS = 2


@dataclass(frozen=True)
class Problem:
    key: str
    params: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def satisfaction_block(blocks: Iterable[tuple[str, str, str]]) -> str | None:
    """The block that is the satisfaction index: named "Satisfaction" (any case), else the first
    whose English label says satisfaction or whose Chinese label says 满意. ``blocks`` are
    (name, label_zh, label_en)."""
    blocks = list(blocks)
    for name, _zh, _en in blocks:
        if name.strip().casefold() in ("satisfaction", "csi", "customersatisfaction"):
            return name
    for name, zh, en in blocks:
        if "satisfaction" in (en or "").casefold() or "满意" in (zh or ""):
            return name
    return None


def find_cycles(nodes: Sequence[str], paths: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Each cycle found by a depth-first search (one per set of blocks), as the blocks in order
    with the first repeated at the end: ["A", "B", "A"]."""
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in paths:
        succ.setdefault(a, []).append(b)
        succ.setdefault(b, [])
    colour = dict.fromkeys(succ, 0)
    stack: list[str] = []
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(n: str) -> None:
        colour[n] = 1
        stack.append(n)
        for m in succ[n]:
            if colour[m] == 1:
                cycle = stack[stack.index(m):] + [m]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif colour[m] == 0:
                visit(m)
        stack.pop()
        colour[n] = 2

    for n in succ:
        if colour[n] == 0:
            visit(n)
    return found


def reachable(start: Iterable[str], paths: Sequence[tuple[str, str]]) -> set[str]:
    """Every block reached from ``start`` along the arrows (``start`` included)."""
    succ: dict[str, list[str]] = {}
    for a, b in paths:
        succ.setdefault(a, []).append(b)
    out = set(start)
    todo = list(out)
    while todo:
        for m in succ.get(todo.pop(), ()):
            if m not in out:
                out.add(m)
                todo.append(m)
    return out


def check(blocks: Sequence[str], paths: Sequence[tuple[str, str]], assignments: Mapping[str, str], *,
          satisfaction: str | None, min_items: int = MIN_ITEMS) -> list[Problem]:
    """Every problem of the model, errors first in a stable order, then warnings.

    ``blocks``: block names; ``paths``: (source, target); ``assignments``: item code → block name
    ("" = the item measures no block); ``satisfaction``: the satisfaction block (see
    :func:`satisfaction_block`) or None."""
    known = list(dict.fromkeys(blocks))
    names = set(known)
    errors: list[Problem] = []
    warnings: list[Problem] = []
    if not known:
        return [Problem("satisfaction.model.no_blocks")]
    for a, b in paths:
        for end, name in (("source", a), ("target", b)):
            if name not in names:
                errors.append(Problem("satisfaction.model.unknown_" + end, {"source": a, "target": b, "block": name}))
    good = [(a, b) for a, b in paths if a in names and b in names]
    for cycle in find_cycles(known, good):
        errors.append(Problem("satisfaction.model.cycle", {"blocks": " → ".join(cycle)}))
    counts = dict.fromkeys(known, 0)
    for item, block in sorted(assignments.items()):
        if not block:
            continue
        if block in counts:
            counts[block] += 1
        else:
            errors.append(Problem("satisfaction.model.unknown_latent", {"item": item, "block": block}))
    for name in known:
        if counts[name] == 0:
            errors.append(Problem("satisfaction.model.empty_block", {"block": name}))
        elif counts[name] < min_items:
            warnings.append(Problem("satisfaction.model.few_items", {"block": name, "n": counts[name],
                                                                     "min": min_items}, WARNING))
    linked = {a for a, _ in good} | {b for _, b in good}
    if len(known) > 1:
        for name in known:
            if name not in linked:
                errors.append(Problem("satisfaction.model.isolated", {"block": name}))
    if satisfaction is None or satisfaction not in names:
        errors.append(Problem("satisfaction.model.no_satisfaction"))
    else:
        caused = {b for _, b in good}
        exogenous = [n for n in known if n not in caused and n in linked]
        if satisfaction in exogenous or satisfaction not in reachable(
                [n for n in exogenous if n != satisfaction], good):
            errors.append(Problem("satisfaction.model.unreachable", {"block": satisfaction}))
    return errors + warnings

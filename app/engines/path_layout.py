"""Where to draw the latent variables of a path model (for the screen and the printed report):
left to right by causal order. Pure; no Qt, no ReportLab."""

from __future__ import annotations

from collections.abc import Sequence


def causal_columns(nodes: Sequence[str], paths: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Column of each latent variable: 0 for exogenous ones, else 1 + the largest column of its
    causes (the model is acyclic; the PLS engine refuses cycles, and so does this)."""
    causes: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in paths:
        causes.setdefault(b, []).append(a)
    col: dict[str, int] = {}
    visiting: set[str] = set()

    def visit(n: str) -> int:
        if n in col:
            return col[n]
        if n in visiting:
            raise ValueError(f"the model has a cycle through {n}")
        visiting.add(n)
        col[n] = 0 if not causes.get(n) else 1 + max(visit(c) for c in causes[n])
        return col[n]

    for n in nodes:
        visit(n)
    return col


def positions(nodes: Sequence[str], paths: Sequence[tuple[str, str]], *, row_gap: float = 1.5,
              box_w: float = 0.8) -> tuple[dict[str, tuple[float, float]], float, bool]:
    """(lower-left corner per variable, box width, chain?) in column units: columns one unit apart,
    a column's variables stacked ``row_gap`` apart; when every column holds one variable (a chain
    such as ECSI) the columns zig-zag between two rows and the boxes may be wider (1.55)."""
    cols = causal_columns(nodes, paths)
    by_col: dict[int, list[str]] = {}
    for n in nodes:
        by_col.setdefault(cols[n], []).append(n)
    chain = all(len(m) == 1 for m in by_col.values())
    width = 1.55 if chain else box_w
    out: dict[str, tuple[float, float]] = {}
    for c, members in by_col.items():
        if chain:
            out[members[0]] = (c - width / 2, 0.0 if c % 2 == 0 else -row_gap)
            continue
        top = (len(members) - 1) * row_gap / 2
        for k, n in enumerate(members):
            out[n] = (c - width / 2, top - k * row_gap)
    return out, width, chain

"""Text labels placed beside what they name, off each other: the path diagram's coefficients on
their arrows and the IPA/Kano scatter's point names, on paper (points) and on screen (pixels) alike.

Greedy candidate-position placement, the classic rule for point labels (Imhof 1975; Christensen,
Marks & Shieber 1995, "An empirical study of algorithms for point-feature label placement", the
greedy method): each label in turn takes the first of a fixed list of positions — right, left,
above, below, the diagonals, then further out — that overlaps nothing already placed, or the one
overlapping least. Pure geometry, y up; no Qt, no reportlab.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Rect4 = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlap(a: Rect4, b: Rect4) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _along(points: Sequence[tuple[float, float]], t: float) -> tuple[float, float]:
    """The point at fraction *t* of a polyline's length."""
    seg = [math.dist(points[i], points[i + 1]) for i in range(len(points) - 1)]
    goal, run = t * sum(seg), 0.0
    for i, s in enumerate(seg):
        if run + s >= goal and s > 0:
            k = (goal - run) / s
            (x0, y0), (x1, y1) = points[i], points[i + 1]
            return x0 + k * (x1 - x0), y0 + k * (y1 - y0)
        run += s
    return points[-1]


def place_on_curves(curves: Sequence[Sequence[tuple[float, float]]], sizes: Sequence[tuple[float, float]],
                    obstacles: Sequence[Rect4] = (), *, lo: float = 0.35, hi: float = 0.65) -> list[tuple[float, float]]:
    """Centres for one label per curve (an arrow as a polyline), each on its own curve: between
    ``lo`` and ``hi`` of its length where that is free, the spot farthest from the other labels and
    the obstacles (boxes, index texts); 20–80 % only when the middle band has no free spot. Greedy,
    then two passes that re-place each label against all the others. Any units, y up or down."""
    cands = []
    for pts in curves:
        ts = [lo + (hi - lo) * i / 12 for i in range(13)] + [0.2 + 0.025 * i for i in range(6)] + \
             [0.675 + 0.025 * i for i in range(6)]
        cands.append([(_along(pts, t), 0.0 if lo <= t <= hi else 1.0) for t in ts])

    def rect(c: tuple[float, float], s: tuple[float, float], pad: float = 0.0) -> Rect4:
        return (c[0] - s[0] / 2 - pad, c[1] - s[1] / 2 - pad, c[0] + s[0] / 2 + pad, c[1] + s[1] / 2 + pad)

    def gap(a: Rect4, b: Rect4) -> float:
        dx = max(b[0] - a[2], a[0] - b[2], 0.0)
        dy = max(b[1] - a[3], a[1] - b[3], 0.0)
        return math.hypot(dx, dy)

    chosen: list[tuple[float, float] | None] = [None] * len(curves)

    def best(i: int) -> tuple[float, float]:
        s = sizes[i]
        pad = 0.08 * min(s)
        others = [rect(c, sizes[j]) for j, c in enumerate(chosen) if c is not None and j != i]
        scored = []
        for c, outside in cands[i]:
            r = rect(c, s, pad)
            hit = sum(_overlap(r, o) for o in others) + sum(_overlap(r, o) for o in obstacles)
            near = min([gap(r, o) for o in [*others, *obstacles]], default=0.0)
            scored.append((hit > 0, outside, hit, -near, c))
        return min(scored, key=lambda v: v[:4])[4]

    for _round in range(3):
        for i in range(len(curves)):
            chosen[i] = best(i)
    return [c for c in chosen if c is not None]


def place_near_points(points: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]],
                      bounds: Rect4, radius: float, avoid: Sequence[Rect4] = ()) -> list[tuple[float, float]]:
    """Bottom-left corners for a text label beside each point (right, left, above, below, the
    diagonals, then further out), nudged off the labels already placed and the points, kept inside
    ``bounds``; y up."""
    placed: list[Rect4] = list(avoid)
    dots = [(x - radius, y - radius, x + radius, y + radius) for x, y in points]
    out = []
    for (x, y), (w, h) in zip(points, sizes):
        options = []
        for k, far in enumerate((1.0, 2.2, 3.6, 5.5, 8.0)):
            g = radius + 2 * far
            for dx, dy in ((g, -h / 2), (-g - w, -h / 2), (-w / 2, g), (-w / 2, -g - h), (g, g * 0.6),
                           (g, -g * 0.6 - h), (-g - w, g * 0.6), (-g - w, -g * 0.6 - h)):
                options.append((k, (x + dx, y + dy)))
        scored = []
        for order, (k, (lx, ly)) in enumerate(options):
            r = (lx, ly, lx + w, ly + h)
            hit = sum(_overlap(r, o) for o in placed) + sum(_overlap(r, o) for o in dots)
            outside = w * h - _overlap(r, bounds)  # the part of the label that would leave the plot
            bad = hit + outside
            bad = bad if bad > 1e-9 else 0.0  # float noise (−1e-13) must not outrank the preferred spot
            scored.append((bad > 0, bad, order, (lx, ly)))
        lx, ly = min(scored)[3]
        placed.append((lx, ly, lx + w, ly + h))
        out.append((lx, ly))
    return out

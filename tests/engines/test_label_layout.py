"""Label placement (``app.engines.label_layout``): coefficients on their own arrows and point names
beside their points, never on each other when there is room, kept inside the plot."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from app.engines.label_layout import _overlap, place_near_points, place_on_curves


def test_place_on_curves_keeps_each_label_on_its_curve_off_the_others():
    # two arrows crossing at their middle: the midpoints would collide
    curves = [[(0.0, 0.0), (10.0, 10.0)], [(0.0, 10.0), (10.0, 0.0)]]
    (a, b) = place_on_curves(curves, [(2.0, 1.0), (2.0, 1.0)])
    assert abs(a[0] - a[1]) < 1e-9 and abs(b[0] + b[1] - 10) < 1e-9  # on its own line
    assert 3.5 - 1e-9 <= a[0] <= 6.5 + 1e-9 and 3.5 - 1e-9 <= b[0] <= 6.5 + 1e-9
    assert abs(a[0] - b[0]) >= 2.0 or abs(a[1] - b[1]) >= 1.0
    # an obstacle on the middle of the arrow pushes the label aside
    (c,) = place_on_curves([[(0.0, 0.0), (10.0, 0.0)]], [(1.0, 1.0)], [(4.0, -1.0, 6.0, 1.0)])
    assert c[0] <= 3.5 or c[0] >= 6.5


def test_a_lone_point_is_labelled_on_its_right_at_mid_height():
    ((x, y),) = place_near_points([(50.0, 50.0)], [(20.0, 10.0)], (0.0, 0.0, 100.0, 100.0), 5.0)
    assert (x, y) == (57.0, 45.0)  # radius 5 + a 2-unit gap to the right; centred on the point


def test_a_point_at_the_right_edge_is_labelled_on_its_left():
    ((x, y),) = place_near_points([(95.0, 50.0)], [(20.0, 10.0)], (0.0, 0.0, 100.0, 100.0), 5.0)
    assert (x, y) == (68.0, 45.0)


def test_a_tight_cluster_gets_labels_apart():
    """The on-screen case that once failed: six names a few pixels apart near the top edge."""
    points = [(296.5, 244.0), (311.2, 248.7), (326.0, 253.3), (340.8, 244.0), (355.5, 248.7), (370.3, 253.3),
              (702.2, 27.1)]  # pixels of the 900 × 330 IPA chart in tests/views/satisfaction/test_quadrant_chart.py
    sizes = [(25.1, 20.0)] * 6 + [(20.5, 20.0)]  # "PQ1" … and "LY2" in the app's font
    spots = place_near_points(points, sizes, (0.0, 0.0, 858.9, 287.2), 5.0)
    rects = [(x, y, x + w, y + h) for (x, y), (w, h) in zip(spots, sizes)]
    assert not any(_overlap(a, b) > 0 for a, b in itertools.combinations(rects, 2))
    assert all(r[0] >= 0 and r[2] <= 858.9 and r[1] >= 0 and r[3] <= 287.2 for r in rects)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=12, unique=True),
       st.floats(8.0, 40.0), st.floats(6.0, 14.0))
def test_labels_of_spread_points_never_overlap_or_leave_the_plot(cells, w, h):
    # points on a coarse grid (100 units apart) in a 1000 × 1000 plot: there is always room
    points = [(50.0 + 100 * i, 50.0 + 100 * j) for i, j in cells]
    spots = place_near_points(points, [(w, h)] * len(points), (0.0, 0.0, 1000.0, 1000.0), 4.0)
    rects = [(x, y, x + w, y + h) for x, y in spots]
    assert not any(_overlap(a, b) > 0 for a, b in itertools.combinations(rects, 2))
    dots = [(x - 4, y - 4, x + 4, y + 4) for x, y in points]
    assert not any(_overlap(r, d) > 0 for r in rects for d in dots)
    assert all(0 <= r[0] and r[2] <= 1000 and 0 <= r[1] and r[3] <= 1000 for r in rects)
    for (px, py), r in zip(points, rects):  # beside its own point, not somewhere else
        assert max(r[0] - px, px - r[2], 0) + max(r[1] - py, py - r[3], 0) <= 4 + 2 * 8.0 + w + h


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100), st.floats(0, 100)),
                min_size=1, max_size=6), st.floats(1.0, 6.0))
def test_each_coefficient_stays_on_its_own_arrow(segments, w):
    curves = [[(a, b), (c, d)] for a, b, c, d in segments if abs(a - c) + abs(b - d) > 1.0]
    if not curves:
        return
    spots = place_on_curves(curves, [(w, 2.0)] * len(curves))
    assert len(spots) == len(curves)
    for ((x0, y0), (x1, y1)), (x, y) in zip(curves, spots):
        cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)  # on the line through the arrow
        assert abs(cross) <= 1e-6 * max(1.0, abs(x1 - x0) + abs(y1 - y0)) ** 2
        assert min(x0, x1) - 1e-6 <= x <= max(x0, x1) + 1e-6 and min(y0, y1) - 1e-6 <= y <= max(y0, y1) + 1e-6

"""The IPA / Kano quadrant chart on screen: a cluster of close points gets labels that do not sit on
each other, placed again after a resize."""

from __future__ import annotations

import itertools


def test_close_points_get_labels_apart(qtbot):
    from app.views.satisfaction.charts import QuadrantChart

    chart = QuadrantChart("ipaTest")
    qtbot.addWidget(chart)
    chart.resize(900, 330)
    chart.show()
    points = [(f"PQ{k}", 0.43 + 0.004 * k, 75.0 + 0.1 * (k % 3)) for k in range(6)] + [("LY2", 0.54, 70.3)]
    chart.show_points(points, x_line=0.37, y_line=71.8, x_label="Importance", y_label="Performance",
                      corners=("a", "b", "c", "d"))

    def apart() -> bool:
        rects = chart.label_rects()
        return len(rects) == 7 and not any(a.intersects(b) for a, b in itertools.combinations(rects, 2))

    qtbot.waitUntil(apart, timeout=3000)
    chart.resize(1000, 360)
    qtbot.waitUntil(apart, timeout=3000)
    assert chart.getAxis("bottom").autoSIPrefix is False

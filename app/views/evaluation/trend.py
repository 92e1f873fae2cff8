"""Grade trend: one supplier's score over the stored periods with the A/B/C threshold lines,
each point coloured by the grade it earned."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget  # noqa: E402

from app.views.evaluation.labels import GRADE_COLOURS  # noqa: E402

NO_GRADE_COLOUR = QColor("#8a8a8a")
MAX_TICKS = 6


class TrendChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMinimumHeight(180)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.setYRange(0, 100, padding=0.05)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setPen(pg.mkPen("#555555"))
            self.plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
        self.plot.getAxis("left").setLabel(self.tr("Score"))
        layout.addWidget(self.plot, 1)
        self.line = pg.PlotDataItem(pen=pg.mkPen("#7f8c8d", width=1.5), connect="finite")
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        self.plot.addItem(self.line)
        self.plot.addItem(self.points)
        self.threshold_lines: list[pg.InfiniteLine] = []
        self.periods: list[str] = []
        self.show_history(None)

    def show_history(self, frame: pd.DataFrame | None, thresholds: dict[str, float] | None = None,
                     current: str = "") -> None:
        """Plot ``frame`` (period, score, grade; oldest first); ``current`` is marked larger."""
        for line in self.threshold_lines:
            self.plot.removeItem(line)
        self.threshold_lines = []
        if frame is None or frame.empty:
            self.periods = []
            self.line.setData([], [])
            self.points.setData([], [])
            self.plot.getAxis("bottom").setTicks([[]])
            self.caption.setText(self.tr("Select a supplier to see its score over the evaluated periods.")
                                 if frame is None else self.tr("No stored results for this supplier."))
            return
        self.periods = [str(p) for p in frame["period"]]
        x = np.arange(len(frame), dtype=float)
        y = frame["score"].to_numpy(dtype=float)
        self.line.setData(x, y)
        ok = np.isfinite(y)
        spots = [{"pos": (float(xi), float(yi)), "size": 13 if p == current else 9,
                  "brush": pg.mkBrush(GRADE_COLOURS.get(g, NO_GRADE_COLOUR)), "data": p}
                 for xi, yi, g, p, keep in zip(x, y, frame["grade"], self.periods, ok) if keep]
        self.points.setData(spots)
        step = max(1, int(np.ceil(len(self.periods) / MAX_TICKS)))
        last = len(self.periods) - 1
        ticks = [(float(i), p) for i, p in enumerate(self.periods) if (last - i) % step == 0]  # the newest is labelled
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.7, max(len(self.periods) - 0.3, 0.7), padding=0)
        for grade, value in sorted((thresholds or {}).items()):
            colour = GRADE_COLOURS.get(grade, NO_GRADE_COLOUR)
            line = pg.InfiniteLine(pos=float(value), angle=0, movable=False,
                                   pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
                                   label=f"{grade} ≥ {value:g}",
                                   labelOpts={"position": 0.03, "color": colour, "anchors": [(0, 1), (0, 1)]})
            self.plot.addItem(line)
            self.threshold_lines.append(line)
        scored = int(ok.sum())
        self.caption.setText(self.tr("{n} periods, {scored} scored; the larger point is the selected period.")
                             .replace("{n}", str(len(self.periods))).replace("{scored}", str(scored)))

    def point_data(self) -> list[tuple[str, float]]:
        """(period, score) of the plotted points, for tests and tooltips."""
        return [(str(s.data()), float(s.pos().y())) for s in self.points.points()]

"""Breach history of one target line: the actual per period (missing periods leave a gap), the
agreed threshold as a dashed line, breaches in red and passes in green."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget  # noqa: E402

BREACH, PASS = QColor("#c0392b"), QColor("#2e7d32")
MAX_TICKS = 12


class BreachChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("breachChart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setObjectName("breachChartCaption")
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMinimumHeight(150)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setPen(pg.mkPen("#555555"))
            self.plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
        layout.addWidget(self.plot, 1)
        self.line = pg.PlotDataItem(pen=pg.mkPen("#7f8c8d", width=1.5), connect="finite")
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        self.threshold = pg.InfiniteLine(angle=0, pen=pg.mkPen("#b9770e", width=1.2, style=Qt.PenStyle.DashLine))
        for item in (self.line, self.points, self.threshold):
            self.plot.addItem(item)
        self.show_line("", [], [], [], None)

    def show_line(self, caption: str, periods: list[str], actual: list[float], status: list[str],
                  threshold: float | None) -> None:
        """``actual`` NaN = missing (a gap); ``status`` "breach"/"pass"/"missing" per period."""
        self.caption.setText(caption)
        x = np.arange(len(periods), dtype=float)
        y = np.asarray(actual, dtype=float)
        self.line.setData(x, y)
        ok = np.isfinite(y)
        brushes = [pg.mkBrush(BREACH if s == "breach" else PASS) for s, k in zip(status, ok) if k]
        self.points.setData(x[ok], y[ok], brush=brushes)
        self.threshold.setVisible(threshold is not None)
        if threshold is not None:
            self.threshold.setValue(threshold)
        step = max(1, int(np.ceil(len(periods) / MAX_TICKS)))
        self.plot.getAxis("bottom").setTicks([[(i, p) for i, p in enumerate(periods) if i % step == 0]])
        if len(periods):
            lo = np.nanmin(np.r_[y[ok], threshold if threshold is not None else np.nan]) if ok.any() else 0.0
            hi = np.nanmax(np.r_[y[ok], threshold if threshold is not None else np.nan]) if ok.any() else 1.0
            pad = max((hi - lo) * 0.1, 1.0)
            self.plot.setYRange(lo - pad, hi + pad, padding=0)
            self.plot.setXRange(-0.5, len(periods) - 0.5, padding=0)

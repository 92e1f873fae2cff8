"""Customer value charts in pyqtgraph, each exportable as PNG
(:func:`app.views.satisfaction.charts.save_png`):

* :class:`ParetoChart` — each customer's share of revenue as a bar (largest first), the
  cumulative % line, and the A/B/C cut lines (80 % and 95 % of revenue) with the places where
  the class changes.
* :class:`RfmMap` — R score (x) × F score (y), 5 × 5 cells coloured by the number of customers
  or their revenue, the figure written in each cell, a colour bar as legend; a click on a cell
  emits ``cell_clicked(r, f)``.
* :class:`SegmentChart` — the k-means segments' standardised means (z-scores against all
  customers) as grouped bars, one group per feature.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QFont

from app.views.satisfaction.charts import PALETTE

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CUTS = (80.0, 95.0)  # ABC shares of the engine's abc_classes (80, 15, 5)


class ParetoChart(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("paretoChart")
        self.setMenuEnabled(False)
        self.showGrid(x=False, y=True, alpha=0.2)
        self.bars: pg.BarGraphItem | None = None
        self.line: pg.PlotDataItem | None = None

    def show_values(self, labels: Sequence[str], share_pct: Sequence[float], cumulative_pct: Sequence[float],
                    classes: Sequence[str]) -> None:
        self.clear()
        self.addLegend(offset=(10, 10))
        n = len(share_pct)
        self.setLabel("left", translate("ValueCharts", "% of revenue"))
        self.setLabel("bottom", translate("ValueCharts", "Customers, by revenue (largest first)"))
        if not n:
            self.bars = self.line = None
            return
        x = np.arange(1, n + 1, dtype=float)
        colours = {"A": "#1f6fb2", "B": "#d9822b", "C": "#999999"}
        brushes = [pg.mkBrush(colours.get(c, "#999999")) for c in classes]
        self.bars = pg.BarGraphItem(x=x, height=np.asarray(share_pct, float), width=0.8, brushes=brushes,
                                    pen=pg.mkPen(None), name=translate("ValueCharts", "Share of revenue"))
        self.addItem(self.bars)
        # cumulative_pct: the share of the customers up to and including this one
        self.line = self.plot(x, np.asarray(cumulative_pct, float), pen=pg.mkPen("#b03a48", width=2), symbol="o",
                              symbolSize=4, symbolBrush="#b03a48", name=translate("ValueCharts", "Cumulative %"))
        for cut, text in zip(CUTS, ("A | B", "B | C")):
            self.addItem(pg.InfiniteLine(pos=cut, angle=0, pen=pg.mkPen("#555555", style=Qt.PenStyle.DashLine),
                                         label=f"{text}  {cut:.0f} %",
                                         labelOpts={"position": 0.97, "color": "#333333"}))
        for i in range(1, n):
            if classes[i] != classes[i - 1]:
                self.addItem(pg.InfiniteLine(pos=i + 0.5, angle=90, pen=pg.mkPen("#555555", style=Qt.PenStyle.DotLine)))
        ticks = [(i + 1, labels[i]) for i in range(n)] if n <= 30 else \
            [(i + 1, labels[i]) for i in range(0, n, max(1, n // 15))]
        self.getAxis("bottom").setTicks([ticks])
        self.setYRange(0, 105, padding=0)
        self.setXRange(0.3, n + 0.7, padding=0)


class RfmMap(pg.PlotWidget):
    cell_clicked = Signal(int, int)  # R, F

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("rfmMap")
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"), interactive=False,
                                          width=18)
        self.colour_bar.setImageItem(self.image, insert_in=self.getPlotItem())
        self.labels: list[pg.TextItem] = []
        self.grid = np.zeros((5, 5))
        self.show_grid(self.grid, money=False)
        for axis, title in (("bottom", translate("ValueCharts", "R score (5 = ordered most recently)")),
                            ("left", translate("ValueCharts", "F score (5 = orders most often)"))):
            self.setLabel(axis, title)
            self.getAxis(axis).setTicks([[(i, str(i)) for i in range(1, 6)]])
        self.setRange(xRange=(0.5, 5.5), yRange=(0.5, 5.5), padding=0)
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_grid(self, grid: np.ndarray, *, money: bool) -> None:
        """``grid[f - 1, r - 1]``: the figure of the cell R = r, F = f."""
        self.grid = np.asarray(grid, float)
        top = float(self.grid.max()) if self.grid.size else 0.0
        self.image.setImage(self.grid, autoLevels=False, levels=(0, max(top, 1.0)))
        self.image.setRect(0.5, 0.5, 5, 5)  # after the data: the rect scales the image's pixels
        self.colour_bar.setLevels((0, max(top, 1.0)))
        for item in self.labels:
            self.removeItem(item)
        self.labels = []
        font = QFont()
        font.setPointSize(10)
        for f in range(5):
            for r in range(5):
                v = self.grid[f, r]
                text = (f"{v / 1000:,.0f}k" if v >= 10000 else f"{v:,.0f}") if money else f"{v:.0f}"
                dark = top > 0 and v / top < 0.6
                item = pg.TextItem(text, color="w" if dark else "k", anchor=(0.5, 0.5))
                item.setFont(font)
                item.setPos(r + 1, f + 1)
                self.addItem(item)
                self.labels.append(item)
        self.setRange(xRange=(0.5, 5.5), yRange=(0.5, 5.5), padding=0)

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        p = self.getPlotItem().vb.mapSceneToView(scene_pos)
        r, f = int(round(p.x())), int(round(p.y()))
        return (r, f) if 1 <= r <= 5 and 1 <= f <= 5 else None

    def _clicked(self, ev) -> None:
        cell = self.cell_at(ev.scenePos())
        if cell is not None:
            self.cell_clicked.emit(*cell)


class SegmentChart(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("segmentChart")
        self.setMenuEnabled(False)
        self.showGrid(x=False, y=True, alpha=0.2)
        self.bars: list[pg.BarGraphItem] = []

    def show_means(self, features: Sequence[str], segments: Sequence[int], z: np.ndarray) -> None:
        """``z[s, j]``: the standardised mean of feature j in segment ``segments[s]``."""
        self.clear()
        self.bars = []
        self.addLegend(offset=(10, 10))
        k = len(segments)
        width = 0.8 / max(k, 1)
        for s, seg in enumerate(segments):
            x = np.arange(len(features)) + (s - (k - 1) / 2) * width
            name = translate("ValueCharts", "Segment %1").replace("%1", str(seg))
            bar = pg.BarGraphItem(x=x, height=z[s], width=width * 0.95, brush=PALETTE[s % len(PALETTE)],
                                  pen=pg.mkPen(None), name=name)
            self.addItem(bar)
            self.bars.append(bar)
        self.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#333333")))
        self.getAxis("bottom").setTicks([list(enumerate(features))])
        self.setLabel("left", translate("ValueCharts", "Standardised mean (z)"))
        self.setXRange(-0.6, len(features) - 0.4, padding=0)


def standardised_means(table, segments_profile, features: Sequence[str]) -> np.ndarray:
    """Each segment's mean of each feature in standard deviations from the mean of all customers."""
    out = np.zeros((len(segments_profile), len(features)))
    for j, col in enumerate(features):
        values = table[col].astype(float)
        sd = float(values.std(ddof=0)) or 1.0
        mean = float(values.mean())
        out[:, j] = (segments_profile[col].astype(float).to_numpy() - mean) / sd
    return out

"""Satisfaction charts in pyqtgraph, each exportable as PNG (``save_png``):

* :class:`PathDiagram` — the PLS path diagram: latent variables as boxes placed left to right by
  causal order (a variable's column = the longest chain of causes before it), arrows with the
  path coefficient, line width by its size, R² inside each endogenous box and the 0–100 index
  beneath every box.
* :class:`TrendChart` — the index per wave with its confidence band, one line per series; a
  significant change (intervals not overlapping) is marked with a star in its series' colour.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsRectItem

from app.engines.label_layout import place_near_points, place_on_curves
from app.engines.path_layout import causal_columns, positions  # noqa: F401  (re-exported)

PALETTE = ("#1f6fb2", "#d9822b", "#2e8b57", "#b03a48", "#6a4c93", "#8c6d1f", "#008b8b", "#555555")


def save_png(widget: pg.GraphicsView | pg.PlotWidget, path: str, width: int = 1400) -> None:
    """The chart as a PNG file (pyqtgraph's image exporter, ``width`` pixels wide)."""
    from pyqtgraph.exporters import ImageExporter

    item = widget.plotItem if isinstance(widget, pg.PlotWidget) else widget.scene()
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = width
    exporter.export(path)


class PathDiagram(pg.PlotWidget):
    """Columns one unit apart; a column's variables stacked 1.5 units apart. When every column
    holds one variable (a chain such as ECSI) the columns zig-zag between two rows, so a box may
    be wider than the column pitch and its label stays readable."""

    BOX_H, ROW_GAP = 0.62, 1.5

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("pathDiagram")
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.positions: dict[str, tuple[float, float]] = {}
        self.box_w = 0.8
        self._labels: list[pg.TextItem] = []
        self._curves: list[list[tuple[float, float]]] = []  # each arrow as a polyline, in view units
        self._index_items: list[pg.TextItem] = []
        self.getViewBox().sigResized.connect(self._place_labels)

    def clear(self) -> None:
        self.plotItem.clear()
        self._labels, self._curves, self._index_items = [], [], []

    def show_model(self, nodes: Sequence[str], paths: Mapping[tuple[str, str], float], *,
                   r2: Mapping[str, float], index: Mapping[str, float], labels: Mapping[str, str]) -> None:
        self.clear()
        self.positions, self.box_w, chain = positions(nodes, list(paths), row_gap=self.ROW_GAP)
        xs = [p[0] for p in self.positions.values()]
        ys = [p[1] for p in self.positions.values()]
        if xs:
            arcs = 1.2 if chain else 0.5  # room for the arcs over and under the rows
            self.setRange(QRectF(min(xs) - 0.1, min(ys) - 0.4 - arcs, max(xs) - min(xs) + self.box_w + 0.2,
                                 max(ys) - min(ys) + self.BOX_H + 0.5 + 2 * arcs), padding=0)
        biggest = max((abs(v) for v in paths.values()), default=1.0) or 1.0
        for (a, b), coef in paths.items():
            self._arrow(a, b, coef, 0.8 + 4.2 * abs(coef) / biggest)
        for n in nodes:
            self._box(n, labels.get(n, n), r2.get(n), index.get(n))
        for label in self._labels:
            label.setZValue(20)  # above the boxes and arrows
            self.addItem(label)
        self._place_labels()

    def label_rects(self) -> list[QRectF]:
        """Each coefficient label's rectangle in scene pixels (what the tests check)."""
        return [label.sceneBoundingRect() for label in self._labels]

    def _place_labels(self, *_args) -> None:
        """Each coefficient on its own arrow, 35–65 % along it where free, the spot farthest from
        the other labels, the boxes and the index texts (``label_layout.place_on_curves``,
        the same rule as the printed diagram). Sizes are in pixels, so this runs again on resize."""
        if not self._labels:
            return
        sx, sy = self.getViewBox().viewPixelSize()  # view units per pixel
        if not (sx > 0 and sy > 0):
            return
        sizes = [(lab.boundingRect().width() * sx, lab.boundingRect().height() * sy) for lab in self._labels]
        obstacles = []
        for x, y in self.positions.values():
            obstacles.append((x, y, x + self.box_w, y + self.BOX_H))
        for item in self._index_items:
            r = item.boundingRect()
            w, h = r.width() * sx, r.height() * sy
            cx, top = item.pos().x(), item.pos().y()
            obstacles.append((cx - w / 2, top - h, cx + w / 2, top))
        for label, centre in zip(self._labels, place_on_curves(self._curves, sizes, obstacles)):
            label.setPos(*centre)

    def _box(self, n: str, label: str, r2: float | None, index: float | None) -> None:
        x, y = self.positions[n]
        rect = QGraphicsRectItem(x, y, self.box_w, self.BOX_H)
        rect.setPen(pg.mkPen("#1f3b5a", width=1.5))
        rect.setBrush(QBrush(QColor("#e8f0fa")))
        self.addItem(rect)
        font = QFont()
        font.setPointSize(8)
        font.setBold(True)
        title = pg.TextItem(label, color="#1f3b5a", anchor=(0.5, 0.5))
        title.setFont(font)
        title.setPos(x + self.box_w / 2, y + self.BOX_H * (0.66 if r2 is not None else 0.5))
        self.addItem(title)
        if r2 is not None and not math.isnan(r2):
            t = pg.TextItem(f"R² = {r2:.3f}", color="#333333", anchor=(0.5, 0.5))
            t.setPos(x + self.box_w / 2, y + self.BOX_H * 0.28)
            self.addItem(t)
        if index is not None and not math.isnan(index):
            f = QFont()
            f.setPointSize(9)
            t = pg.TextItem(f"{index:.1f}", color="#b03a48", anchor=(0.5, 0.0), fill=pg.mkBrush(255, 255, 255, 235))
            t.setZValue(10)  # over an arrow that passes beneath the box
            t.setFont(f)
            t.setPos(x + self.box_w / 2, y - 0.05)
            self.addItem(t)
            self._index_items.append(t)

    def _edge(self, n: str, toward: tuple[float, float]) -> tuple[float, float]:
        x, y = self.positions[n]
        cx, cy = x + self.box_w / 2, y + self.BOX_H / 2
        dx, dy = toward[0] - cx, toward[1] - cy
        if dx == 0 and dy == 0:
            return cx, cy
        sx = (self.box_w / 2) / abs(dx) if dx else math.inf
        sy = (self.BOX_H / 2) / abs(dy) if dy else math.inf
        s = min(sx, sy)
        return cx + dx * s, cy + dy * s

    def _arrow(self, a: str, b: str, coef: float, width: float) -> None:
        ax, ay = self.positions[a]
        bx, by = self.positions[b]
        ca = (ax + self.box_w / 2, ay + self.BOX_H / 2)
        cb = (bx + self.box_w / 2, by + self.BOX_H / 2)
        colour = "#2e5d87" if coef >= 0 else "#b03a48"
        pen = pg.mkPen(colour, width=width)
        jumps = ay == by and abs(bx - ax) > self.box_w + 0.6  # would pass behind a box on the same row
        if jumps:
            # an arc over (top row) or under (bottom row) the boxes between
            up = ay >= max(p[1] for p in self.positions.values())
            lift = min(1.0, 0.35 + 0.1 * abs(bx - ax)) * (1 if up else -1)
            start = (ca[0], ca[1] + (self.BOX_H / 2) * (1 if up else -1))
            end = (cb[0], cb[1] + (self.BOX_H / 2) * (1 if up else -1))
            ctrl = ((start[0] + end[0]) / 2, start[1] + 2 * lift)
            ts = [i / 40 for i in range(41)]
            xs = [(1 - t) ** 2 * start[0] + 2 * (1 - t) * t * ctrl[0] + t ** 2 * end[0] for t in ts]
            ys = [(1 - t) ** 2 * start[1] + 2 * (1 - t) * t * ctrl[1] + t ** 2 * end[1] for t in ts]
            self.addItem(pg.PlotCurveItem(xs, ys, pen=pen))
            tip, before = (xs[-1], ys[-1]), (xs[-4], ys[-4])
            curve = list(zip(xs, ys))
        else:
            start, end = self._edge(a, cb), self._edge(b, ca)
            self.addItem(pg.PlotCurveItem([start[0], end[0]], [start[1], end[1]], pen=pen))
            tip, before = end, start
            curve = [start, end]
        # ArrowItem's angle is in screen degrees; the view's y axis points up
        vb = self.getViewBox()
        p_tip, p_before = vb.mapViewToScene(pg.Point(*tip)), vb.mapViewToScene(pg.Point(*before))
        angle = math.degrees(math.atan2(p_tip.y() - p_before.y(), p_tip.x() - p_before.x()))
        self.addItem(pg.ArrowItem(pos=tip, angle=180 + angle, headLen=12, tipAngle=30, brush=colour, pen=None))
        label = pg.TextItem(f"{coef:.3f}", color="#111111", anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 240),
                            border=pg.mkPen("#c8c8c8"))
        self._curves.append(curve)
        self._labels.append(label)  # added after the boxes and placed by _place_labels


class TrendChart(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("trendChart")
        self.showGrid(x=False, y=True, alpha=0.25)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.legend = self.addLegend(offset=(10, 10))

    def show_series(self, waves: Sequence[str], series: Mapping[str, Sequence[tuple[float, float, float, bool]]],
                    *, y_label: str = "") -> None:
        """``series``: name → per wave (index, low, high, significant change)."""
        self.clear()
        # many series: the legend in rows of three across the top, so it hides fewer lines
        self.legend.setColumnCount(3 if len(series) > 4 else 1)
        x = list(range(len(waves)))
        self.getAxis("bottom").setTicks([list(zip(x, waves))])
        if y_label:
            self.setLabel("left", y_label)
        lows = []
        for k, (name, points) in enumerate(series.items()):
            colour = QColor(PALETTE[k % len(PALETTE)])
            idx = [p[0] for p in points]
            lo = [p[1] if p[1] == p[1] else p[0] for p in points]
            hi = [p[2] if p[2] == p[2] else p[0] for p in points]
            lows += [v for v in lo if v == v]
            band_colour = QColor(colour)
            band_colour.setAlpha(45)
            upper = pg.PlotDataItem(x, hi, pen=pg.mkPen(None))
            lower = pg.PlotDataItem(x, lo, pen=pg.mkPen(None))
            self.addItem(upper)
            self.addItem(lower)
            self.addItem(pg.FillBetweenItem(upper, lower, brush=pg.mkBrush(band_colour)))
            self.plot(x, idx, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6, symbolBrush=colour, name=name,
                      connect="finite")  # an undefined index (a wave without it) is a gap in the line
            stars = [(i, v) for i, (v, _l, _h, sig) in enumerate(points) if sig and v == v]  # no star on a gap
            if stars:
                # in the colour of its line, so the star says which series changed significantly
                self.plot([s[0] for s in stars], [s[1] for s in stars], pen=None, symbol="star", symbolSize=16,
                          symbolBrush=colour, symbolPen=pg.mkPen(colour.darker(160), width=1))
        if lows:
            self.setYRange(max(0.0, min(lows) - 5), 100)
        self.setXRange(-0.3, max(len(waves) - 0.7, 0.7))


class QuadrantChart(pg.PlotWidget):
    """A scatter with labelled points and two lines splitting it into quadrants: the IPA chart
    (importance across, performance up, lines at the means) and the Kano Better–Worse chart
    (|Worse| across, Better up, lines at 0.5)."""

    def __init__(self, object_name: str, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName(object_name)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        for side in ("bottom", "left"):  # a correlation of 0.4 reads as 0.4, not as "400 (x0.001)"
            self.getAxis(side).enableAutoSIPrefix(False)
        self._points: list[tuple[float, float]] = []
        self._point_labels: list[pg.TextItem] = []
        self.getViewBox().sigResized.connect(self._place_labels)
        self.getViewBox().sigRangeChanged.connect(self._place_labels)  # pixels per unit change with it

    def label_rects(self) -> list[QRectF]:
        return [label.sceneBoundingRect() for label in self._point_labels]

    def _place_labels(self, *_args) -> None:
        """Each point's label beside it, off the other labels and points (the printed charts' rule,
        ``label_layout.place_near_points``), in pixels: placed again on resize."""
        if not self._point_labels:
            return
        vb = self.getViewBox()
        sx, sy = vb.viewPixelSize()
        (x0, x1), (y0, y1) = vb.viewRange()
        if not (sx > 0 and sy > 0):
            return
        pts = [((x - x0) / sx, (y - y0) / sy) for x, y in self._points]
        sizes = [(t.boundingRect().width(), t.boundingRect().height()) for t in self._point_labels]
        bounds = (0.0, 0.0, (x1 - x0) / sx, (y1 - y0) / sy)
        for t, (lx, ly) in zip(self._point_labels, place_near_points(pts, sizes, bounds, 5.0)):
            t.setPos(x0 + lx * sx, y0 + ly * sy)  # anchor (0, 1): the text's bottom-left corner

    def show_points(self, points: Sequence[tuple[str, float, float]], *, x_line: float, y_line: float,
                    x_label: str, y_label: str, corners: Sequence[str] = ()) -> None:
        """``points``: (label, x, y); ``corners``: quadrant names top-left, top-right, bottom-left,
        bottom-right."""
        self.clear()
        self._points, self._point_labels = [], []
        self.setLabel("bottom", x_label)
        self.setLabel("left", y_label)
        if not points:
            return
        xs, ys = [p[1] for p in points], [p[2] for p in points]
        self.plot(xs, ys, pen=None, symbol="o", symbolSize=9, symbolBrush=QColor("#1f6fb2"))
        for label, x, y in points:
            t = pg.TextItem(label, color="#222222", anchor=(0, 1))
            t.textItem.document().setDocumentMargin(1)  # the box is the text, not 4 px of air around it
            t.setPos(x, y)
            self.addItem(t)
            self._points.append((x, y))
            self._point_labels.append(t)
        grey = pg.mkPen("#999999", width=1, style=Qt.PenStyle.DashLine)
        self.addItem(pg.InfiniteLine(pos=x_line, angle=90, pen=grey))
        self.addItem(pg.InfiniteLine(pos=y_line, angle=0, pen=grey))
        x0, x1 = min(xs + [x_line]), max(xs + [x_line])
        y0, y1 = min(ys + [y_line]), max(ys + [y_line])
        dx, dy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
        self.setXRange(x0 - 0.12 * dx, x1 + 0.25 * dx, padding=0)
        self.setYRange(y0 - 0.12 * dy, y1 + 0.15 * dy, padding=0)
        spots = ((x0 - 0.1 * dx, y1 + 0.12 * dy, (0, 0)), (x1 + 0.22 * dx, y1 + 0.12 * dy, (1, 0)),
                 (x0 - 0.1 * dx, y0 - 0.1 * dy, (0, 1)), (x1 + 0.22 * dx, y0 - 0.1 * dy, (1, 1)))
        for text, (x, y, anchor) in zip(corners, spots):
            t = pg.TextItem(text, color="#b03a48", anchor=anchor)
            t.setPos(x, y)
            self.addItem(t)
        self._place_labels()


class NpsChart(pg.PlotWidget):
    """The 0–10 answers to the recommendation question as bars: detractors (0–6) red, passives
    (7–8) grey, promoters (9–10) green; the NPS in the title."""

    COLOURS = {"detractor": "#b03a48", "passive": "#9a9a9a", "promoter": "#2e8b57"}

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("npsChart")
        self.showGrid(x=False, y=True, alpha=0.2)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()

    def show_counts(self, counts: Sequence[int], *, title: str, y_label: str) -> None:
        self.clear()
        self.setTitle(title)
        self.setLabel("left", y_label)
        self.getAxis("bottom").setTicks([[(i, str(i)) for i in range(11)]])
        for group, members in (("detractor", range(0, 7)), ("passive", range(7, 9)), ("promoter", range(9, 11))):
            xs = list(members)
            self.addItem(pg.BarGraphItem(x=xs, height=[counts[i] for i in xs], width=0.8,
                                         brush=QColor(self.COLOURS[group]), pen=pg.mkPen(None)))
        self.setXRange(-0.7, 10.7, padding=0)
        self.setYRange(0, max(max(counts, default=0), 1) * 1.1, padding=0)

"""Sales charts (pyqtgraph), each exportable as PNG: the pipeline (expected and weighted revenue
per open stage) and the campaigns compared (response rate and ROI per campaign). The figures are
the services' (``opportunities.pipeline``, ``campaigns.list_campaigns``)."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QPushButton,  # noqa: E402
                               QVBoxLayout)

from app.views.crm import sales_common as sc  # noqa: E402


def _plot(parent) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)
    plot.setMinimumHeight(220)
    plot.getAxis("left").setWidth(70)
    plot.addLegend(offset=(10, 5), labelTextColor="#333333")
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setPen(pg.mkPen("#555555"))
        plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
    return plot


class SalesChartBox(QGroupBox):
    """A titled chart with its own "Save as PNG…" button."""

    def __init__(self, title: str, name: str, parent=None) -> None:
        super().__init__(title, parent)
        self.name = name
        self.plot = _plot(self)
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(lambda: self.save_png())
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def save_png(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), f"{self.name}.png",
                                                  self.tr("PNG image (*.png)"))
            if not path:
                return None
        self.plot.grab().save(str(path), "PNG")
        return Path(path)


class SalesCharts(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        from app.models.crm import campaigns, opportunities

        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("salesCharts")
        self.setWindowTitle(self.tr("Sales charts"))
        self.resize(1000, 700)
        pipe = [p for p in opportunities.pipeline(ctx.database) if p.stage in opportunities.OPEN]
        x = np.arange(len(pipe))
        self.pipeline = SalesChartBox(self.tr("Pipeline by stage: expected and weighted revenue"), "pipeline")
        p = self.pipeline.plot
        p.addItem(pg.BarGraphItem(x=x - 0.18, height=[r.expected / 1000 for r in pipe], width=0.34, brush="#9dbbe0",
                                  name=self.tr("Expected")))
        p.addItem(pg.BarGraphItem(x=x + 0.18, height=[r.weighted / 1000 for r in pipe], width=0.34, brush="#1f5fa8",
                                  name=self.tr("Weighted")))
        p.setLabel("left", self.tr("thousand"))
        p.getAxis("bottom").setTicks([[(i, f"{sc.label(sc.STAGES, r.stage)} ({r.count})") for i, r in enumerate(pipe)]])
        camps = sorted(campaigns.list_campaigns(ctx.database), key=lambda r: (r.starts_on is None, r.starts_on))
        cx = np.arange(len(camps))
        self.campaigns = SalesChartBox(self.tr("Campaigns compared: response rate (%) and ROI"), "campaigns")
        c = self.campaigns.plot
        c.addItem(pg.BarGraphItem(x=cx - 0.18, height=[(r.result.response_rate or 0) * 100 for r in camps],
                                  width=0.34, brush="#e67e22", name=self.tr("Response rate %")))
        c.addItem(pg.BarGraphItem(x=cx + 0.18, height=[(r.result.roi or 0) * 100 for r in camps], width=0.34,
                                  brush="#27ae60", name=self.tr("ROI %")))
        c.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#555555")))
        c.getAxis("bottom").setTicks([[(i, r.code) for i, r in enumerate(camps)]])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pipeline, 1)
        layout.addWidget(self.campaigns, 1)
        layout.addWidget(buttons)

"""Complaint charts (pyqtgraph): complaints per month by type (stacked), SLA performance per month,
cost of poor quality per month; Pareto of defects and of parts with the cumulative share, the
customers with most complaints; each exportable as PNG. The figures are those of the monthly
report (``service.monthly_report``)."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout,  # noqa: E402
                               QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from app.views.complaints import common as c  # noqa: E402

translate = QCoreApplication.translate
PALETTE = ["#1f5fa8", "#e67e22", "#27ae60", "#8e44ad", "#16a085", "#c0392b", "#7f8c8d"]


def _plot(parent: QWidget) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)
    plot.setMinimumHeight(190)
    plot.getAxis("left").setWidth(52)  # room for "15000"
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setPen(pg.mkPen("#555555"))
        plot.getAxis(axis).setTextPen(pg.mkPen("#333333"))
    return plot


def _month_ticks(plot: pg.PlotWidget, months: list[str]) -> None:
    plot.getAxis("bottom").setTicks([[(i, m[2:]) for i, m in enumerate(months)]])


class ChartBox(QGroupBox):
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


class ComplaintCharts(QDialog):
    def __init__(self, ctx, report, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = report
        self.setObjectName("complaintCharts")
        self.setWindowTitle(self.tr("Complaint charts {start} – {end}").replace("{start}", f"{report.start:%Y-%m-%d}")
                            .replace("{end}", f"{report.end:%Y-%m-%d}"))
        self.resize(1200, 760)
        months = report.months
        x = np.arange(len(months))
        # per month by type, stacked
        self.per_month = ChartBox(self.tr("Complaints per month by type"), "complaints-per-month")
        bottom = np.zeros(len(months))
        legend = self.per_month.plot.addLegend(offset=(-10, 10), labelTextColor="#333333")
        for i, t in enumerate(report.per_month_type.columns):
            h = report.per_month_type[t].to_numpy(float)
            bar = pg.BarGraphItem(x=x, height=h, y0=bottom, width=0.7, brush=PALETTE[i % len(PALETTE)], pen=None)
            self.per_month.plot.addItem(bar)
            legend.addItem(bar, c.label(c.TYPES, t))
            bottom = bottom + h
        _month_ticks(self.per_month.plot, months)
        self.per_month.plot.setXRange(-0.6, len(months) + 1.6, padding=0)  # the legend sits right of the bars
        # SLA performance
        self.sla = ChartBox(self.tr("Closed within target (% of the month's closed complaints)"), "sla-performance")
        share = (report.sla_by_month["share"].to_numpy(float) * 100)
        ok = np.isfinite(share)
        self.sla.plot.addItem(pg.BarGraphItem(x=x[ok], height=share[ok], width=0.6, brush="#1e8449", pen=None))
        self.sla.plot.setYRange(0, 100, padding=0.05)
        _month_ticks(self.sla.plot, months)
        # cost of poor quality
        self.cost = ChartBox(self.tr("Cost of poor quality per month (CNY)"), "cost-of-poor-quality")
        self.cost.plot.addItem(pg.BarGraphItem(x=x, height=report.cost_by_month.to_numpy(float), width=0.6,
                                               brush="#c0392b", pen=None))
        _month_ticks(self.cost.plot, months)
        # Pareto of defects, of parts, and the customers with most complaints
        self.pareto = ChartBox(self.tr("Pareto of defects (quality complaints of the period)"), "pareto-defects")
        self._pareto(self.pareto, report.pareto_defects)
        self.parts = ChartBox(self.tr("Pareto of parts (complaints of the period)"), "pareto-parts")
        self._pareto(self.parts, report.pareto_parts)
        self.customers = ChartBox(self.tr("Customers with the most complaints (period)"), "top-customers")
        top = report.top_customers
        if len(top):
            tx = np.arange(len(top))
            self.customers.plot.addItem(pg.BarGraphItem(x=tx, height=top["complaints"].to_numpy(float), width=0.6,
                                                        brush="#8e44ad", pen=None))
            self.customers.plot.getAxis("bottom").setTicks([[(i, str(code)) for i, code in enumerate(top["code"])]])
        self.empty = QLabel()
        if not len(report.pareto_defects):
            self.empty.setText(self.tr("No quality complaint in the period."))
        trends = QWidget()
        grid = QGridLayout(trends)
        grid.addWidget(self.per_month, 0, 0, 1, 2)
        grid.addWidget(self.sla, 1, 0)
        grid.addWidget(self.cost, 1, 1)
        paretos = QWidget()
        grid2 = QGridLayout(paretos)
        grid2.addWidget(self.pareto, 0, 0)
        grid2.addWidget(self.parts, 0, 1)
        grid2.addWidget(self.customers, 1, 0, 1, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(trends, self.tr("Trend (12 months)"))
        self.tabs.addTab(paretos, self.tr("Pareto and customers (period)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    @staticmethod
    def _pareto(box: ChartBox, series) -> None:
        """Bars largest first (top 10) and the cumulative share as a line on the same scale."""
        top = series.head(10)
        if not len(top):
            return
        px = np.arange(len(top))
        counts = top.to_numpy(float)
        box.plot.addItem(pg.BarGraphItem(x=px, height=counts, width=0.6, brush="#1f5fa8", pen=None))
        cum = np.cumsum(counts) / float(series.sum()) * counts.max()
        box.plot.addItem(pg.PlotDataItem(px, cum, pen=pg.mkPen("#e67e22", width=2), symbol="o", symbolSize=6,
                                         symbolBrush="#e67e22"))
        box.plot.getAxis("bottom").setTicks([[(i, str(k)) for i, k in enumerate(top.index)]])

    def boxes(self) -> list[ChartBox]:
        return [self.per_month, self.sla, self.cost, self.pareto, self.parts, self.customers]

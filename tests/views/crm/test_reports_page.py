"""The CRM reports page: item models pass qtmodeltester, every report renders at 1280×800 in both
languages (PNG written to $QB_CRMREPORTS_PNG when set, to look at), PDF export embeds the chart
PNGs, the custom report builder outlines a bad field, saves and runs again from the list."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.models.crm import reports
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from tests.models.crm.reports_world import make_report_world, make_sales_world


def make_ctx(database, tmp_path, lang):
    from app.views.core.translation import install_translators

    install_translators(lang)
    settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    return AppContext(database=database, tasks=TaskRunner(), language=lang, settings=settings)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


@pytest.fixture
def world(db):
    make_report_world(db)
    make_sales_world(db)
    return db


def _out(tmp_path) -> Path:
    where = os.environ.get("QB_CRMREPORTS_PNG")
    path = Path(where) if where else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_report_renders(world, tmp_path, qapp, qtbot, qtmodeltester, lang):
    from app.views.crm.reports import CrmReportsPage

    reports.save_custom(world, reports.CustomSpec("complaints", ("number",), (), "customer", "sum", "cost",
                                                  name="Cost by customer"))
    ctx = make_ctx(world, tmp_path, lang)
    page = CrmReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1045, 760)
    page.period.setText("2026-Q1")
    out = _out(tmp_path)
    assert page.list.count() == 5
    for row in range(page.list.count()):
        page.list.setCurrentRow(row)
        page.run()
        assert page.result is not None and page.boxes
        for box in page.boxes:
            qtmodeltester.check(box.model)
        family = page.result.family
        page.show()
        qapp.processEvents()
        page.grab().save(str(out / f"crm-report-{family}-{lang}.png"))
        assert page.sizeHint().width() <= 1045
    from app.views.crm.reports import screenshots

    for name, widget in screenshots(ctx):
        qtbot.addWidget(widget)
        widget.show()
        qapp.processEvents()
        widget.grab().save(str(out / f"{name}-{lang}.png"))
        assert widget.sizeHint().width() <= 1045 and widget.sizeHint().height() <= 760
    page.list.setCurrentRow(3)  # the service report
    page.run()
    chart = page.boxes[0].save_png(tmp_path / "chart.png")
    assert chart.stat().st_size > 1000
    pdf = page.export(".pdf", out / f"crm-report-service-{lang}.pdf")
    xlsx = page.export(".xlsx", tmp_path / "service.xlsx")
    assert pdf.stat().st_size > 5000 and xlsx.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert ("服务请求" if lang == "zh_CN" else "Service requests by type") in text
    if shutil.which("pdfimages"):
        listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
        assert len(listed.strip().splitlines()) >= 2 + 4  # header lines + one image per chart


def test_custom_report_builder(world, tmp_path, qapp, qtbot, no_modal_boxes):
    from app.views.crm.reports import CrmReportsPage, CustomReportDialog

    ctx = make_ctx(world, tmp_path, "en")
    page = CrmReportsPage(ctx)
    qtbot.addWidget(page)
    dlg = CustomReportDialog(ctx, parent=page)
    dlg.record_type.setCurrentIndex(dlg.record_type.findData("customers"))
    dlg.name.setText("Automotive")
    # no column and no grouping: refused, the column list outlined, the dialog stays open
    dlg.save_button.click()
    assert "choose at least one column" in dlg.problem.text() and "b00020" in dlg.columns.styleSheet()
    for i in range(dlg.columns.count()):
        if dlg.columns.item(i).data(Qt.ItemDataRole.UserRole) in ("code", "region"):
            dlg.columns.item(i).setCheckState(Qt.CheckState.Checked)
    col, op, val = dlg.filters[0]
    col.setCurrentIndex(col.findData("since"))
    op.setCurrentIndex(op.findData(">="))
    val.setText("someday")
    dlg.preview_button.click()
    assert "filter 1" in dlg.problem.text() and "b00020" in val.styleSheet()
    col.setCurrentIndex(col.findData("industry"))
    op.setCurrentIndex(op.findData("="))
    val.setText("汽车")
    dlg.preview_button.click()
    assert dlg.problem.text() == "" and page.result.section("rows").frame["code"].tolist() == ["C-A", "C-B", "C-D"]
    dlg.save_button.click()
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.saved_name == "Automotive"
    page.refresh_list(("custom", "Automotive"))
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole + 1) == "Automotive"
    page.run()
    assert page.result.name == "Automotive" and len(page.result.section("rows").frame) == 3
    # edit: the dialog opens with the saved spec
    again = CustomReportDialog(ctx, reports.load_custom(world, "Automotive"), parent=page)
    assert again.spec() == reports.load_custom(world, "Automotive")
    assert no_modal_boxes == []

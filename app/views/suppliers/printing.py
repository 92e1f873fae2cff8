"""Print preview and printing of the backend's PDF reports.

PySide6-Essentials 6.12 has QtPrintSupport but no QtPdf, so PDF pages are rasterised with
poppler's ``pdftoppm`` and painted onto the QPrinter page by page (one image per page, scaled to
the printable area, aspect kept). Without ``pdftoppm`` the PDF opens in the system viewer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

translate = QCoreApplication.translate
RASTER_DPI = 150  # sharp enough on paper, quick enough for a 20-page report


def can_rasterise() -> bool:
    return shutil.which("pdftoppm") is not None


def rasterise(pdf: str | Path, dpi: int = RASTER_DPI) -> list[QImage]:
    """Every page of the PDF as a QImage (empty list when it cannot be rendered)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return []
    with tempfile.TemporaryDirectory(prefix="qb-print-") as tmp:
        subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), str(Path(tmp) / "page")], check=True,
                       capture_output=True, timeout=120)
        files = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [QImage(str(f)) for f in files]


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF already carries its margins
    return printer


class PdfPreviewDialog(QPrintPreviewDialog):
    """QPrintPreviewDialog showing the rendered pages of one PDF."""

    def __init__(self, pdf: str | Path, images: list[QImage], parent: QWidget | None = None) -> None:
        self.printer = a4_printer()
        super().__init__(self.printer, parent)
        self.pdf = Path(pdf)
        self.images = images
        self.setWindowTitle(self.tr("Print preview – {name}").replace("{name}", self.pdf.name))
        self.paintRequested.connect(lambda printer: paint_pages(printer, self.images))
        self.resize(900, 900)


def preview_pdf(pdf: str | Path, parent: QWidget | None = None, *, exec_dialog: bool = True) -> QDialog | None:
    """Show the print preview of a PDF; opens it in the system viewer when it can't be rendered."""
    images = rasterise(pdf) if can_rasterise() else []
    if not images:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
        return None
    dialog = PdfPreviewDialog(pdf, images, parent)
    if exec_dialog:
        dialog.exec()
    return dialog


def print_pdf(pdf: str | Path, parent: QWidget | None = None) -> bool:
    """Print a PDF directly through the QPrintDialog."""
    images = rasterise(pdf) if can_rasterise() else []
    if not images:
        QMessageBox.information(parent, translate("Suppliers", "Print"),
                                translate("Suppliers", "The PDF opens in your PDF viewer; print it from there."))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
        return False
    printer = a4_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(printer, images)
    return True


def show_font_warning(font, parent: QWidget | None) -> None:
    """The report layer returns its CJK font; warn when Chinese could not be embedded."""
    warning = getattr(font, "warning", None)
    if warning:
        QMessageBox.warning(parent, translate("Suppliers", "Chinese font"), str(warning))

"""Checks for laptop screens (issue 10, point 12), shared by the in-process test and the 150 %
subprocess: build the main window at a laptop size, show every module, and report what a user
could not read — the window forced wider/taller than the screen, the navigation pane changing
width, a column header narrower than its text.

    python -m tests.views.core.laptop DATABASE OUT_DIR LANG WIDTH HEIGHT   (prints problems, exit 1 if any)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def elided_headers(root) -> list[str]:
    """Every visible horizontal header section narrower than its text (Qt would elide it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    out = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(root) or header.model() is None:
            continue
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            text = header.model().headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            need, have = header.sectionSizeHint(logical), header.sectionSize(logical)
            if have < need - 1:
                owner = header.parent().objectName() or type(header.parent()).__name__
                out.append(f"{owner}: '{text}' {have}px < {need}px")
    return out


def check_window(db_target: str, lang: str, size: tuple[int, int], out: Path | None = None) -> list[str]:
    """Problems found on every module page (and its extra screens) at ``size`` in ``lang``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

    from app.models.core.database import open_database
    from app.views.core.application import make_application
    from app.views.core.context import AppContext
    from app.views.core.main_window import MainWindow
    from app.views.core.tasks import TaskRunner
    from app.views.core.translation import install_translators
    from app.views.modules import discover_modules

    app = make_application()
    lang = install_translators(lang)
    database = open_database(db_target)
    from app.models.admin.identity import sign_in_personal

    sign_in_personal(database)  # the demo's administrator: every module, the admin screens included
    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="qb-laptop-")) / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=database, tasks=TaskRunner(app), language=lang, settings=settings)
    problems: list[str] = []
    window = MainWindow(ctx)
    try:
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        nav_width = window.nav.width()
        shown = {spec.key for spec in window.modules}
        missing = [spec.key for spec in discover_modules() if spec.key not in shown]
        if missing:
            problems.append(f"{lang}: the administrator does not see {missing}")
        for spec in window.modules:
            page = window.show_module(spec.key)
            window.resize(*size)
            QApplication.processEvents()
            where = f"{lang} {size[0]}x{size[1]} {spec.key}"
            if window.width() > size[0] or window.height() > size[1]:
                problems.append(f"{where}: window forced to {window.width()}x{window.height()} "
                                f"(minimum {window.minimumSizeHint().width()}x{window.minimumSizeHint().height()})")
            if window.nav.width() != nav_width:
                problems.append(f"{where}: navigation pane {nav_width}px became {window.nav.width()}px")
            problems += [f"{where}: {p}" for p in elided_headers(page)]
            for tabs in page.findChildren(QTabWidget):  # every tab, not only the one in front
                if not tabs.isVisibleTo(page):
                    continue
                for i in range(tabs.count()):
                    tabs.setCurrentIndex(i)
                    QApplication.processEvents()
                    problems += [f"{where} [{tabs.tabText(i)}]: {p}" for p in elided_headers(tabs.widget(i))]
                tabs.setCurrentIndex(0)
            if out is not None:
                window.grab().save(str(out / f"{spec.key}_{lang}_{size[0]}x{size[1]}.png"))
            for name, widget in (spec.screenshots(ctx) if spec.screenshots else []):
                widget.show()
                QApplication.processEvents()
                problems += [f"{where}/{name}: {p}" for p in elided_headers(widget)]
                screen = widget.screen().availableGeometry() if widget.screen() else None
                # dialogs and wizards open as windows of their own: they must fit the screen (a page's extra
                # picture is sized by its screenshot function and shown inside the main window in use)
                if isinstance(widget, QDialog) and (widget.width() > size[0] or widget.height() > size[1]):
                    problems.append(f"{where}/{name}: {widget.width()}x{widget.height()} is larger than the screen")
                if out is not None:
                    widget.grab().save(str(out / f"{spec.key}-{name}_{lang}_{size[0]}x{size[1]}.png"))
                widget.close()
                del screen
        ctx.tasks.wait(30000)
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        database.dispose()
    return problems


if __name__ == "__main__":
    db, out_dir, language, width, height = sys.argv[1:6]
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    found = check_window(db, language, (int(width), int(height)), Path(out_dir))
    print("\n".join(found))
    sys.exit(1 if found else 0)

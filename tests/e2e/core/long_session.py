"""A long GUI session, run as its own process by test_long_session.py: every module page in
both languages (the window rebuilt on each switch), the supplier grid sorted and filtered, the
wizards and dialogs of every module opened and closed, then a normal quit. The process must exit
0 without a "Fatal Python error" (objects PySide frees after the QApplication abort the exit).

    python -m tests.e2e.core.long_session DATABASE SETTINGS.ini [ROUNDS]
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.views.core.application import Controller, make_application

    for name in ("warning", "information", "critical"):  # nobody is there to press OK
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    database, settings_path = argv[0], argv[1]
    rounds = int(argv[2]) if len(argv) > 2 else 2
    app = make_application(["qualitybridge"])
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    controller = Controller(app, settings, "zh_CN")
    if not controller.open(database):
        return 3
    app._qb_controller = controller  # as run_gui keeps it

    def session() -> None:
        for _ in range(rounds):
            for lang in ("zh_CN", "en"):
                controller.set_language(lang)  # the window is rebuilt: every page built and freed again
                window = controller.window
                for spec in window.modules:
                    page = window.show_module(spec.key)
                    QApplication.processEvents()
                    grid = getattr(page, "grid", None)
                    if grid is not None and hasattr(grid, "quick"):
                        header = grid.table.horizontalHeader()
                        for column in range(grid.model.columnCount()):
                            grid.table.sortByColumn(column, header.sortIndicatorOrder())
                        grid.quick.setText("1")
                        grid.quick.clear()
                    for _name, widget in (spec.screenshots(window.ctx) if spec.screenshots else []):
                        widget.show()
                        QApplication.processEvents()
                        widget.close()
                    QApplication.processEvents()
        controller.tasks.wait(30000)
        QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, session)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

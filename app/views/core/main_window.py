"""The main window: module navigation, menus, status bar, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QProgressBar,
                               QPushButton, QStackedWidget, QStyle, QComboBox, QDoubleSpinBox, QVBoxLayout, QWidget)

from app import __version__
from app.models.core.database import Database
from app.views.core.context import AppContext
from app.views.modules import ModuleSpec, discover_modules
from app.views.core.tasks import TaskHandle

MAX_RECENT = 8
DB_FILTER_KEY = "QualityBridge database (*.sqlite3 *.db *.sqlite);;All files (*)"


class SettingsDialog(QDialog):
    """Language and the PDF font override (both per user)."""

    def __init__(self, settings: QSettings, language: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)  # room for the font path and its hint text in both languages
        self.settings = settings
        form = QFormLayout()
        self.language_box = QComboBox()
        self.language_box.addItem("简体中文", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(0 if language == "zh_CN" else 1)
        form.addRow(self.tr("Language:"), self.language_box)
        font_row = QHBoxLayout()
        self.font_edit = QLineEdit(str(settings.value("reports/cjk_font", "")))
        self.font_edit.setPlaceholderText(self.tr("Automatic (a TrueType Chinese font on this computer)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_font)
        font_row.addWidget(self.font_edit, 1)
        font_row.addWidget(browse)
        form.addRow(self.tr("Chinese font for PDFs:"), font_row)
        self.busy_spin = QDoubleSpinBox()
        self.busy_spin.setObjectName("busyTimeout")
        self.busy_spin.setRange(0, 600)
        self.busy_spin.setDecimals(1)
        self.busy_spin.setSuffix(self.tr(" s"))
        from app.models.core.database import busy_timeout_seconds

        self.busy_spin.setValue(busy_timeout_seconds(settings.value("database/busy_timeout", None)))
        self.busy_spin.setToolTip(self.tr("How long to wait for another program that is writing to the database "
                                          "before saying it is in use (applies when a database is opened)."))
        form.addRow(self.tr("Wait for a database in use:"), self.busy_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a TrueType font"), "",
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_edit.setText(path)

    def _accept(self) -> None:
        font = self.font_edit.text().strip()
        if font and not Path(font).is_file():
            QMessageBox.warning(self, self.tr("Settings"), self.tr("The font file does not exist: %1").replace("%1", font))
            return
        self.settings.setValue("reports/cjk_font", font)
        self.settings.setValue("database/busy_timeout", self.busy_spin.value())
        self.accept()

    @property
    def language(self) -> str:
        return self.language_box.currentData()


class MainWindow(QMainWindow):
    """Navigation on the left, the current module on the right."""

    open_requested = Signal(str)  # path of a database to open
    new_requested = Signal(str)  # path of a new database to create
    language_changed = Signal(str)
    first_painted = Signal()  # the window is on the screen
    first_page_ready = Signal()  # the page shown at start-up exists (after the first paint when deferred)

    def __init__(self, ctx: AppContext, parent=None, *, defer_first_page: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: At start-up the window is painted first and the page built right after, so the pandas
        #: and chart imports of the first page (≈0.6 s) do not keep the window from appearing.
        self._deferred_row: int | None = None
        self._defer_first_page = defer_first_page
        self.shown_at: float | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("QualityBridge — Supplier Quality & Customer Relationship Management"))
        self.modules: list[ModuleSpec] = [s for s in discover_modules() if s.visible is None or s.visible(ctx)]
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("moduleNavigation")
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for spec in self.modules:
            item = QListWidgetItem(spec.title())
            if spec.icon and hasattr(QStyle.StandardPixmap, spec.icon):
                item.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, spec.icon)))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            empty_slot = QWidget()  # the real page is created on first visit (lazy creation)
            self.stack.addWidget(empty_slot)
        self.nav.currentRowChanged.connect(self.show_module_at)
        self._fix_navigation_width()
        self._build_menus()
        self._build_status_bar()
        ctx.tasks.started.connect(self._task_started)
        ctx.tasks.finished.connect(self._task_finished)
        ctx.tasks.error.connect(self._task_error)
        self._restore_layout()

    def _fix_navigation_width(self) -> None:
        """The pane is as wide as its longest title (wrapped beyond 280 px) and keeps that width
        whatever page is shown: a wide page (evaluation) used to squeeze it and cut the titles."""
        self.nav.setWordWrap(True)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setFixedWidth(max(160, min(needed, 280)))

    # ----- modules -------------------------------------------------------------------------
    def show_module_at(self, row: int) -> None:
        if not 0 <= row < len(self.modules):
            return
        spec = self.modules[row]
        if spec.key not in self.pages:
            page = spec.factory(self.ctx)
            page.setObjectName(page.objectName() or f"{spec.key}Page")
            from PySide6.QtWidgets import QHeaderView

            from app.views.core.table_models import readable_headers

            for header in page.findChildren(QHeaderView):  # no column title cut, on any module's page
                if header.orientation() == Qt.Orientation.Horizontal:
                    readable_headers(header)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[spec.key] = page
        self.stack.setCurrentIndex(row)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    def show_module(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(self.modules) if spec.key == key)
        self.show_module_at(row)
        return self.pages[key]

    # ----- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New database…"), self, shortcut=QKeySequence.StandardKey.New,
                                  triggered=self._new_database)
        self.action_open = QAction(self.tr("&Open database…"), self, shortcut=QKeySequence.StandardKey.Open,
                                   triggered=self._open_database)
        file_menu.addAction(self.action_new)
        file_menu.addAction(self.action_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        from app.views.admin.menu import AdminMenuActions

        self.admin_actions = AdminMenuActions(self, file_menu)  # Backup now…, Restore…, Change my password…
        file_menu.addSeparator()
        self.action_quit = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        file_menu.addAction(self.action_quit)

        view_menu = bar.addMenu(self.tr("&View"))
        for i, spec in enumerate(self.modules):
            action = QAction(spec.title(), self, triggered=lambda _=False, r=i: self.show_module_at(r))
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.action_fullscreen = QAction(self.tr("&Full screen"), self, shortcut=QKeySequence.StandardKey.FullScreen,
                                         checkable=True, triggered=self._toggle_fullscreen)
        view_menu.addAction(self.action_fullscreen)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(QAction(self.tr("&Settings…"), self, shortcut=QKeySequence("Ctrl+,"),
                                     triggered=self.open_settings))
        language_menu = tools_menu.addMenu(self.tr("&Language"))
        for label, code in (("简体中文", "zh_CN"), ("English", "en")):
            action = QAction(label, self, checkable=True, checked=self.ctx.language == code,
                             triggered=lambda _=False, c=code: self._choose_language(c))
            language_menu.addAction(action)
        tools_menu.addAction(QAction(self.tr("&Check database"), self, triggered=self.check_database))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("&About QualityBridge"), self, shortcut=QKeySequence.StandardKey.HelpContents,
                                    triggered=self.show_about))

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.update_database_label()

    def update_database_label(self) -> None:
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.database.display_name))

    # ----- background tasks ----------------------------------------------------------------
    def _task_started(self, handle: TaskHandle) -> None:
        self.progress.setValue(0)
        self.progress.setFormat(handle.label + " %p%")
        self.progress.show()
        self.cancel_button.show()
        handle.emitter.progress.connect(lambda f, _t: self.progress.setValue(int(f * 1000)))
        try:
            self.cancel_button.clicked.disconnect()
        except (RuntimeError, TypeError):
            pass
        self.cancel_button.clicked.connect(handle.cancel)

    def _task_finished(self, _handle: TaskHandle) -> None:
        if not self.ctx.tasks.active:
            self.progress.hide()
            self.cancel_button.hide()

    def _task_error(self, message: str, details: str) -> None:
        """One line for the user; the traceback goes to the log file, never into the box."""
        from app.logs import get_logger, setup_logging

        path = setup_logging()
        get_logger("tasks").error("a background task failed: %s\n%s", message, details)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("QualityBridge"), message.splitlines()[0] if message
                          else self.tr("The task failed."), parent=self)
        if path is not None:
            box.setInformativeText(self.tr("The details are in the log file %1").replace("%1", str(path)))
        box.exec()

    # ----- actions -------------------------------------------------------------------------
    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), "qualitybridge.sqlite3", DB_FILTER_KEY)
        if path:
            self.new_requested.emit(path)

    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "", DB_FILTER_KEY)
        if path:
            self.open_requested.emit(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_files(self.ctx.settings)
        if not recent:
            action = self.recent_menu.addAction(self.tr("(none)"))
            action.setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_requested.emit(p))

    def _toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _choose_language(self, code: str) -> None:
        if code != self.ctx.language:
            self.language_changed.emit(code)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.settings, self.ctx.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.language != self.ctx.language:
            self.language_changed.emit(dialog.language)

    def check_database(self) -> None:
        from app.models.core.maintenance import check_database

        if self.ctx.database.path is None:
            QMessageBox.information(self, self.tr("Check database"),
                                    self.tr("The check is for database files; a server database checks itself."))
            return
        report = check_database(self.ctx.database.path)
        if report.sound:
            QMessageBox.information(self, self.tr("Check database"), self.tr("The database is sound."))
        else:
            QMessageBox.warning(self, self.tr("Check database"), "\n".join(report.problems))

    def about_text(self) -> str:
        return self.tr(
            "<h3>QualityBridge %1</h3><p>Supplier quality control and customer relationship management.</p>"
            "<p>Database: %2</p><p>Schema: %3</p>"
        ).replace("%1", __version__).replace("%2", self.ctx.database.display_name).replace(
            "%3", ", ".join(self.ctx.database.current_revisions()))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About QualityBridge"), self.about_text())

    # ----- layout --------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.ctx.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        last = str(self.ctx.settings.value("window/module", self.modules[0].key if self.modules else ""))
        keys = [s.key for s in self.modules]
        row = keys.index(last) if last in keys else 0
        if self._defer_first_page and self.modules:
            self._deferred_row = row
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
            self.stack.setCurrentIndex(row)
        else:
            self.show_module_at(row)
            self.first_page_ready.emit()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.shown_at is None:
            import time

            self.shown_at = time.time()
            self.first_painted.emit()
            if self._deferred_row is not None:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, self._build_deferred_page)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._deferred_row is not None:  # should the first paint never come, build it anyway
            from PySide6.QtCore import QTimer

            QTimer.singleShot(1500, self._build_deferred_page)

    def _build_deferred_page(self) -> None:
        row, self._deferred_row = self._deferred_row, None
        if row is None:
            return
        if self.nav.currentRow() == row and self.modules[row].key not in self.pages:
            self.show_module_at(row)
        self.first_page_ready.emit()

    def save_layout(self) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.setValue("window/state", self.saveState())
        row = self.nav.currentRow()
        if 0 <= row < len(self.modules):
            self.ctx.settings.setValue("window/module", self.modules[row].key)
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.ctx.tasks.active:
            answer = QMessageBox.question(self, self.tr("QualityBridge"),
                                          self.tr("A task is still running. Cancel it and quit?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.ctx.tasks.cancel_all()
            self.ctx.tasks.wait(10000)
        self.save_layout()
        event.accept()


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_file(settings: QSettings, database: Database) -> None:
    if database.path is None:
        settings.setValue("files/last_url", database.url)
        return
    path = str(database.path)
    recent = [p for p in recent_files(settings) if p != path]
    settings.setValue("files/recent", [path, *recent][:MAX_RECENT])
    settings.setValue("files/last", path)
    settings.remove("files/last_url")

"""The main window offscreen, in both languages, with every module page created."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QLineEdit, QMenu, QTabWidget, QWidget

from app.views.core.context import AppContext
from app.views.core.main_window import MainWindow
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words that stay as they are in Chinese UIs: product, standards, file formats, method names.
ALLOWED = re.compile(
    r"QualityBridge|English|ISO\s?\d*|IATF|PDF|CSV|Excel|xlsx|PPM|AQL|AHP|TOPSIS|CSI|CCSI|ACSI|ECSI|NPS|CLV|RFM|"
    r"SCAR|8D|D\d|N/A|Kano|GB/T|CTQ|SIPOC|OK|Ctrl|Shift|F\d+|TrueType|ttf|ttc|[A-Z]\d{3,}|\b[A-D]\b|\b(I|II|III)\b"
)


@pytest.fixture
def window_factory(qtbot, demo_db, tmp_path):
    windows = []

    def make(lang: str) -> MainWindow:
        lang = install_translators(lang)
        settings = QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(database=demo_db, tasks=TaskRunner(), language=lang, settings=settings)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.ctx.tasks.wait(10000)
    install_translators("en")


def _visible_texts(window: MainWindow) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = [("title", window.windowTitle())]
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(("menu", menu.title()))
        texts += [("action", a.text()) for a in menu.actions() if a.text()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((type(widget).__name__, widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append(("group", widget.title()))
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and hasattr(widget, "horizontalHeader"):
            model = widget.model()
            if model is not None:
                texts += [("header", str(model.headerData(c, widget.horizontalHeader().orientation()) or ""))
                          for c in range(model.columnCount())]
    for i in range(window.nav.count()):
        texts.append(("nav", window.nav.item(i).text()))
    return texts


def _untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    bad = []
    for kind, text in texts:
        plain = re.sub(r"<[^>]+>|&(?=\w)|/\S+|\d[\d.,:%\-/]*", " ", text)  # markup, paths, numbers
        plain = ALLOWED.sub(" ", plain)
        if re.search(r"[A-Za-z]{3,}", plain) and not CJK.search(text):
            bad.append((kind, text))
    return bad


def test_main_window_english(window_factory):
    window = window_factory("en")
    assert window.windowTitle().startswith("QualityBridge")
    assert window.nav.count() >= 1
    assert "Database:" in window.db_label.text()


def test_every_module_page_is_translated_into_chinese(window_factory):
    window = window_factory("zh_CN")
    assert "供应商质量控制" in window.windowTitle()
    for spec in window.modules:
        window.show_module(spec.key)
        bad = _untranslated(_visible_texts(window))
        assert not bad, f"untranslated in module {spec.key}: {bad[:10]}"


def test_layout_and_module_are_remembered(window_factory):
    window = window_factory("en")
    window.resize(1000, 700)
    last = window.modules[-1].key
    window.show_module(last)
    window.close()
    settings = window.ctx.settings
    assert settings.value("window/module") == last
    again = MainWindow(window.ctx)
    assert again.modules[again.nav.currentRow()].key == last
    again.close()


def test_about_names_version_and_database(window_factory):
    window = window_factory("en")
    text = window.about_text()
    assert "0." in text and str(window.ctx.database.path) in text


def test_the_untranslated_check_would_catch_english(window_factory):
    window = window_factory("en")
    assert _untranslated(_visible_texts(window))  # the check above is able to fail

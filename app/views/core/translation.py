"""Install Qt's own and QualityBridge's translators for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import LANGUAGES, qm_files

_installed: list[QTranslator] = []

# Qt 6 gave the non-native file dialog's labels mnemonics ("&Look in:", "Files of &type:"), and
# the qtbase_zh_CN.qm shipped with PySide6 still has only the old texts, so they stayed English.
# They are translated in core_zh_CN.ts (our translators are searched before Qt's own).
QT_MISSING = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalise_language(lang: str | None) -> str:
    if not lang:
        return system_language()
    lang = lang.replace("-", "_")
    if lang.lower().startswith("zh"):
        return "zh_CN"
    return "en" if lang not in LANGUAGES else lang


def ui_language() -> str:
    """The interface language in effect ("zh_CN" or "en"): ``install_translators`` sets the
    default locale, so code without the context (label helpers) can pick report vocabulary."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_translators(lang: str) -> str:
    """Replace any installed translators; returns the language in effect."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = normalise_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if lang == "en":
        return lang
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    for qm in qm_files(lang):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang

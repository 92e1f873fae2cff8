"""Where the application's shipped resources and per-user files live."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

PACKAGE_DIR = Path(__file__).resolve().parent
# resources/ sits beside the package in the source tree (the README installs in editable mode).
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"

APP_NAME = "QualityBridge"
ORG_NAME = "QualityBridge"


def user_data_dir() -> Path:
    """Per-user data folder (created on demand), e.g. ~/.local/share/QualityBridge."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "qualitybridge.sqlite3"


def demo_database_path() -> Path:
    return user_data_dir() / "demo.sqlite3"

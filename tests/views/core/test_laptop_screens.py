"""Laptop screens (issue 10, point 12): at 1280×800 in both languages, 1366×768, and at 150 %
scaling, every module page and its extra screens fit the screen, the navigation pane keeps its
width whatever page is shown, and no column header is narrower than its text. Each page is
rendered to PNG on the way (``tests/views/core/laptop.py`` does the looking)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.views.core.laptop import check_window

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def demo_copy(demo_db_file, tmp_path):
    path = tmp_path / "laptop.sqlite3"
    shutil.copy(demo_db_file, path)
    return path


@pytest.mark.parametrize("lang, size", [("en", (1280, 800)), ("zh_CN", (1280, 800)), ("en", (1366, 768))])
def test_every_screen_fits_a_laptop(demo_copy, tmp_path, qapp, lang, size):
    from app.views.core.translation import install_translators

    try:
        problems = check_window(str(demo_copy), lang, size, tmp_path)
    finally:
        install_translators("en")
    assert problems == []
    pictures = sorted(p.name for p in tmp_path.glob("*.png"))
    assert any(name.startswith("evaluation_") for name in pictures) and len(pictures) >= 8


def test_every_screen_fits_at_150_percent(demo_copy, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, "-m", "tests.views.core.laptop", str(demo_copy), str(tmp_path / "png"),
                           "zh_CN", "1280", "800"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]

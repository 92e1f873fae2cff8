"""Translation files: ``resources/translations/<feature>_zh_CN.ts`` compiled to ``.qm``.

Compiled files are build output (not in git); they are produced by the test command, by
``python -m tools.i18n compile`` and, if missing or stale, at application start. No Qt import
here so the CLI can compile without a display.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.paths import TRANSLATIONS_DIR, user_data_dir

LANGUAGES = ("zh_CN", "en")


def lrelease_binary() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError("PySide6 is not installed")
    folder = Path(spec.origin).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).exists():
            return folder / name
    raise RuntimeError("pyside6 lrelease tool not found")


def ts_files(lang: str) -> list[Path]:
    return sorted(TRANSLATIONS_DIR.glob(f"*_{lang}.ts"))


def qm_dir() -> Path:
    """Next to the sources when writable (development), else the user data folder."""
    try:
        probe = TRANSLATIONS_DIR / ".write-test"
        probe.touch()
        probe.unlink()
        return TRANSLATIONS_DIR
    except OSError:
        folder = user_data_dir() / "translations"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every stale ``.ts`` to ``.qm``; returns the ``.qm`` files now present."""
    out_dir = qm_dir()
    written = []
    for lang in LANGUAGES:
        for ts in ts_files(lang):
            qm = out_dir / (ts.stem + ".qm")
            if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
                result = subprocess.run([str(lrelease_binary()), "-silent", str(ts), "-qm", str(qm)],
                                        capture_output=True, text=True)
                if result.returncode != 0:
                    raise RuntimeError(f"lrelease failed for {ts.name}: {result.stderr.strip()}")
            written.append(qm)
    return written


def qm_files(lang: str) -> list[Path]:
    compile_translations()
    folder = qm_dir()
    return sorted(folder / (ts.stem + ".qm") for ts in ts_files(lang))


if __name__ == "__main__":  # pragma: no cover
    for path in compile_translations(force="--force" in sys.argv):
        print(path)

"""The layer rules of docs/CONVENTIONS.md, enforced."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after(import_line: str) -> set[str]:
    code = f"import sys; {import_line}; print(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.strip().split(","))


def test_engines_load_neither_qt_nor_sqlalchemy():
    engine_modules = sorted(p.stem for p in (ROOT / "app" / "engines").glob("*.py") if p.stem != "__init__")
    line = "import app.engines" + "".join(f"; import app.engines.{m}" for m in engine_modules)
    loaded = _loaded_after(line)
    assert not {m for m in loaded if m.startswith(("PySide6", "sqlalchemy", "app.models", "app.views"))}


def test_flows_load_neither_qt_nor_sqlalchemy():
    flow_dir = ROOT / "app" / "flows"
    if not flow_dir.exists():
        return
    modules = sorted(p.stem for p in flow_dir.glob("*.py") if p.stem != "__init__")
    loaded = _loaded_after("import app.flows" + "".join(f"; import app.flows.{m}" for m in modules))
    assert not {m for m in loaded if m.startswith(("PySide6", "sqlalchemy"))}


def test_models_and_reports_do_not_import_qt():
    modules = [f"app.models.{p.stem}" for p in (ROOT / "app" / "models").glob("*.py") if p.stem != "__init__"]
    modules += [f"app.reports.{p.stem}" for p in (ROOT / "app" / "reports").glob("*.py") if p.stem != "__init__"]
    loaded = _loaded_after("; ".join(f"import {m}" for m in modules))
    assert not {m for m in loaded if m.startswith("PySide6")}

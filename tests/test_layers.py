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


def _modules(package: str) -> list[str]:
    """Every module of a layer, domain packages included (migration scripts are not imported)."""
    folder = ROOT.joinpath(*package.split("."))
    found = []
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts:
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        found.append(".".join(parts))
    return found


def test_models_and_reports_do_not_import_qt():
    modules = _modules("app.models") + _modules("app.reports")
    assert "app.models.suppliers.master" in modules and "app.models.core.database" in modules
    loaded = _loaded_after("; ".join(f"import {m}" for m in modules))
    assert not {m for m in loaded if m.startswith("PySide6")}


def test_every_model_module_lives_in_a_domain_package():
    """One package per domain: no flat modules beside the packages in app/models."""
    flat = sorted(p.name for p in (ROOT / "app" / "models").glob("*.py") if p.name != "__init__.py")
    assert flat == []


def test_commands_do_not_import_views():
    loaded = _loaded_after("; ".join(f"import {m}" for m in _modules("app.commands")))
    assert not {m for m in loaded if m.startswith(("PySide6", "app.views"))}


def test_models_do_not_import_commands():
    """Services carry their own message texts (e.g. app.models.satisfaction.messages); the
    commands layer reads them, never the other way round."""
    loaded = _loaded_after("; ".join(f"import {m}" for m in _modules("app.models")))
    assert not {m for m in loaded if m.startswith("app.commands")}

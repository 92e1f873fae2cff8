"""Shared fixtures. Views run offscreen; models use a temporary SQLite *file*."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Keep QSettings of test runs away from the user's real settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="qb-test-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="qb-test-data-")
# …and the log file (app.logs) away from the user's log folder.
os.environ["QUALITYBRIDGE_LOG_DIR"] = tempfile.mkdtemp(prefix="qb-test-logs-")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path):
    """A freshly migrated database file (all heads)."""
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database

    database = open_database(db_path)
    database.actor = Actor.system_job("pytest")  # permission tests sign in as real users
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """A small deterministic demo database shared by read-only tests (copy it before writing)."""
    from app.models.core.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    generate_demo(path, suppliers=40, customers=20, months=14, seed=7)
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path):
    """A writable copy of the shared demo database, opened and migrated."""
    import shutil

    from app.models.admin.identity import Actor
    from app.models.core.database import open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_file, path)
    database = open_database(path)
    database.actor = Actor.system_job("pytest")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for this test session (see tests/support/postgres.py)."""
    from tests.support.postgres import Server

    server = Server()
    yield server
    server.stop()


@pytest.fixture
def pg_db(pg_server):
    """A fresh, migrated PostgreSQL database opened through its URL, as a user would."""
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database

    database = open_database(pg_server.new_database())
    database.actor = Actor.system_job("pytest")
    yield database
    database.dispose()


def pytest_sessionstart(session):
    """The test process is one long GUI session too: compensate the binding's reference-count
    defect (app.views.core.binding_fixes) before any test emits a signal."""
    from app.views.core.binding_fixes import install

    install()

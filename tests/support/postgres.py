"""A throw-away PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on
a Unix socket only, stopped at the end of the session. `scripts/setup.sh` installs Debian's
`postgresql` package when no server binaries are found; under CI a missing server is a failure,
elsewhere the PostgreSQL tests are skipped with the reason."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def server_bin() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name),
                         reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and Path(found).with_name("pg_ctl").exists() else None


class Server:
    """One running cluster; ``new_database()`` gives a fresh database URL each call."""

    def __init__(self) -> None:
        bindir = server_bin()
        if bindir is None:
            message = "PostgreSQL server binaries not found (scripts/setup.sh installs Debian's postgresql)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        try:
            import psycopg  # noqa: F401
        except ImportError:
            pytest.fail("psycopg is missing: install the test extra (pip install -e '.[test]')")
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="qb-pg-"))
        self.data, self.socket = self.base / "data", self.base / "sock"
        self.socket.mkdir()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.base, "postgres")
            shutil.chown(self.socket, "postgres")
        self.base.chmod(0o755)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-o",
                  f"-k {self.socket} -c listen_addresses='' -F -c fsync=off", "start")
        self._names = itertools.count(1)

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self.as_user, str(self.bindir / tool), *args], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr or done.stdout}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}"

    def new_database(self) -> str:
        import psycopg

        name = f"qb_{next(self._names)}"
        with psycopg.connect(f"host={self.socket} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

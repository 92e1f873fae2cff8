"""Benchmarks: speed and memory targets, printed as figures and ratios (never timed tests).

    .venv/bin/python -m bench.run            # all
    .venv/bin/python -m bench.run foundation # one group (bench/bench_<name>.py)

Each ``bench/bench_<name>.py`` defines ``run() -> list[str]``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import sys
import time


def main(argv: list[str]) -> int:
    import bench

    wanted = set(argv)
    names = sorted(i.name for i in pkgutil.iter_modules(bench.__path__) if i.name.startswith("bench_"))
    print(f"QualityBridge benchmarks — {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores, {platform.machine()}")
    failed = 0
    for name in names:
        if wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"\n== {name.removeprefix('bench_')} ==")
        started = time.perf_counter()
        try:
            for line in importlib.import_module(f"bench.{name}").run():
                print(line, flush=True)
        except Exception as exc:  # one broken group must not hide the others
            failed += 1
            print(f"  FAILED: {exc!r}")
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

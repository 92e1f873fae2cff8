"""What every list export shares: choosing the writer by the file's suffix, and CSV for Excel."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def write_by_suffix(path: str | os.PathLike[str], writers: dict[str, Callable[[Path], None]]) -> Path:
    """Call the writer registered for the file's suffix (e.g. ``{".xlsx": ..., ".csv": ...}``)."""
    path = Path(path)
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"unsupported file type {path.suffix!r}; use {', '.join(writers)}")
    writer(path)
    return path


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 with a byte-order mark: Excel on Chinese Windows then opens Chinese text correctly."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)

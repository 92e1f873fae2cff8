"""Every option of every subcommand (walked from the parser) fed a wrong value — a word where a
number belongs, zero, an id that does not exist, an unknown choice or key, a value with a NUL —
is refused with exit code != 0 and exactly one line on stderr, never a traceback (issue 10)."""

from __future__ import annotations

import argparse

from app.cli import main
from tests.e2e.core.test_cli_robust import _options, _replace, _subcommands, _valid, files  # noqa: F401 - fixture

WORD = "abc"
MISSING_ID = "987654321"


def _without_rivals(argv: list[str], sub: argparse.ArgumentParser, opt: str) -> list[str]:
    """``argv`` without the options that exclude ``opt`` (so its own bad value is what fails)."""
    out = list(argv)
    for group in sub._mutually_exclusive_groups:
        members = [a.option_strings[-1] for a in group._group_actions]
        if opt in members:
            for other in members:
                if other != opt and other in out:
                    i = out.index(other)
                    del out[i:i + 2]
    return out


def _bad_value_cases(files) -> list[tuple[str, list[str]]]:
    cases = []
    for name, sub in _subcommands().items():
        valid = _valid(name, sub, files)
        for action in _options(sub):
            opt = action.option_strings[-1]
            base = _without_rivals(valid, sub, opt)
            if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction)) or action.nargs == 0:
                continue
            if opt in ("--db", "--out", "--file", "--data", "--lang"):
                continue  # files and paths: test_cli_robust; --lang is a global choice
            if action.choices:
                cases.append((f"{name}: {opt} not a choice", _replace(base, opt, "no-such-choice")))
                continue
            if action.type is not None:
                cases.append((f"{name}: {opt} a word", _replace(base, opt, WORD)))
                cases.append((f"{name}: {opt} 1e400", _replace(base, opt, "1e400")))
                cases.append((f"{name}: {opt} nan", _replace(base, opt, "nan")))
            if opt in ("--audit", "--survey", "--id") or (action.type is not None and "id" in getattr(action.type, "__name__", "")):
                cases.append((f"{name}: {opt} no such record", _replace(base, opt, MISSING_ID)))
                cases.append((f"{name}: {opt} zero", _replace(base, opt, "0")))
            if action.type is None:
                cases.append((f"{name}: {opt} unknown", _replace(base, opt, "no-such-thing-ZZ")))
                cases.append((f"{name}: {opt} NUL", _replace(base, opt, "a\x00b")))
    return cases


def test_wrong_values_for_every_option_are_one_line(files, capsys, monkeypatch):
    monkeypatch.setenv("QUALITYBRIDGE_LOG_DIR", str(files["base"] / "logs"))
    cases = _bad_value_cases(files)
    assert len(cases) > 30
    failures = []
    for label, argv in cases:
        try:
            code = main(argv)
        except BaseException as exc:  # noqa: BLE001 - anything escaping main is the bug under test
            failures.append(f"{label}: {type(exc).__name__} escaped: {exc}")
            continue
        out = capsys.readouterr()
        err = [line for line in out.err.splitlines() if line.strip()]
        if "Traceback" in out.err + out.out:
            failures.append(f"{label}: traceback")
        elif code == 0:
            # a free-text option may accept any text (e.g. a title): then it must not have failed silently
            if not label.endswith(("unknown", "NUL")):
                failures.append(f"{label}: exit 0 for {argv}")
        elif len(err) != 1 or len(err[0]) > 400:
            failures.append(f"{label}: {code} {err[:3]}")
    assert failures == [], "\n".join(failures)

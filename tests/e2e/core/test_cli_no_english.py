"""Under --lang zh_CN no command prints an English sentence (issue 10, point 13): every line of
the output and of the one error line is checked, not only that some Chinese appears somewhere;
and every message key exists in both languages with the same placeholders."""

from __future__ import annotations

import re

from app.cli import main
from app.commands import messages
from tests.e2e.core.test_cli_language import _cases, demo  # noqa: F401 - fixture
from tests.e2e.core.test_cli_robust import files  # noqa: F401 - fixture

CJK = re.compile(r"[\u4e00-\u9fff]")
#: three English words in a row: a sentence, not a code, file name, number or unit
ENGLISH = re.compile(r"\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b")
PATHS = re.compile(r"(/[^\s,，。:：]+)+")


def english_sentences(text: str, names: tuple[str, ...] = ()) -> list[str]:
    """Lines with three or more English words in a row once paths and supplier names are removed."""
    out = []
    for line in text.splitlines():
        plain = PATHS.sub(" ", line)
        for name in names:  # supplier names are data, printed as stored
            plain = plain.replace(name, " ")
        if ENGLISH.search(plain):
            out.append(line.strip())
    return out


def test_every_key_has_both_languages():
    assert set(messages.EN) == set(messages.ZH)
    for key, en in messages.EN.items():
        zh = messages.ZH[key]
        assert zh.strip(), key
        assert set(re.findall(r"{(\w+)", en)) == set(re.findall(r"{(\w+)", zh)), key
        if ENGLISH.search(en):
            assert CJK.search(zh), f"{key}: the Chinese text is English: {zh!r}"


def test_no_english_sentence_under_zh_cn(demo, capsys):
    import sqlite3

    conn = sqlite3.connect(demo["db"])
    names = tuple(n for (n,) in conn.execute("SELECT name_en FROM suppliers") if n)
    # records written in both languages (SCAR titles of the demo) are data too
    names += tuple(p.strip() for (t,) in conn.execute("SELECT title FROM corrective_actions") if t
                   for p in re.split(r"[\u4e00-\u9fff：，。（）]+", t) if p.strip())
    conn.close()
    problems = []
    # this module has a fresh demo of its own: the approval starts at its first step ("before")
    for name, (ok, bad) in _cases(demo, "before").items():
        for kind, argv in (("success", ok), ("error", bad)):
            if argv is None:
                continue
            main(["--lang", "zh_CN", *argv])
            out = capsys.readouterr()
            for line in english_sentences(out.out + "\n" + out.err, names):
                problems.append(f"{name} {kind}: {line[:160]}")
    assert problems == [], "\n".join(problems)


def test_refusals_are_chinese_under_zh_cn(files, capsys, monkeypatch):
    """Every refusal of the bad-value suites (paths, numbers, periods, ids, choices), in Chinese."""
    from tests.e2e.core.test_cli_bad_values import _bad_value_cases
    from tests.e2e.core.test_cli_robust import _cases as robust_cases

    monkeypatch.setenv("QUALITYBRIDGE_LOG_DIR", str(files["base"] / "logs"))
    problems = []
    for label, argv in robust_cases(files) + _bad_value_cases(files):
        if "--lang" in label:  # an empty --lang chooses no language: English is right there
            continue
        main(["--lang", "zh_CN", *argv])
        err = capsys.readouterr().err
        for line in english_sentences(err):
            problems.append(f"{label}: {line[:160]}")
    assert problems == [], "\n".join(problems)

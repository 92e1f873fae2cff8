"""Kano model classification (Kano, Seraku, Takahashi & Tsuji 1984; Berger et al. 1993,
"Kano's methods for understanding customer-defined quality", Center for Quality of Management
Journal 2(4)). Domain brief §3.2.

Each respondent answers a functional ("if the product has X") and a dysfunctional ("if it does
not have X") question on five answers: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike.
The 5×5 evaluation table maps the pair to A (attractive 魅力), O (one-dimensional 一元),
M (must-be 理所当然), I (indifferent 无差异), R (reverse 反向) or Q (questionable 可疑).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

CATEGORIES = ("A", "O", "M", "I", "R", "Q")
CATEGORY_NAMES = {
    "A": ("attractive", "魅力质量"), "O": ("one-dimensional", "一元质量"),
    "M": ("must-be", "理所当然质量"), "I": ("indifferent", "无差异质量"),
    "R": ("reverse", "反向质量"), "Q": ("questionable", "可疑结果"),
}

# Kano evaluation table (Berger et al. 1993, Table 1): rows functional answer 1–5, columns
# dysfunctional answer 1–5, both ordered like, must-be, neutral, live-with, dislike.
TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)

# Answer words accepted besides 1–5 (lower-cased, spaces collapsed). Chinese wording follows the
# questionnaires of the course material; common variants are included.
ANSWER_WORDS = {
    1: ("like", "i like it", "i like it that way", "喜欢", "我喜欢", "很喜欢", "非常喜欢"),
    2: ("must-be", "must be", "mustbe", "expect", "i expect it", "it must be that way",
        "理所当然", "理应如此", "应该的", "必须这样", "必须的", "当然应该"),
    3: ("neutral", "i am neutral", "indifferent", "无所谓", "中立", "没感觉", "一般"),
    4: ("live-with", "live with", "i can live with it", "tolerate", "能忍受", "可以忍受",
        "能接受", "可以接受", "勉强接受"),
    5: ("dislike", "i dislike it", "i dislike it that way", "不喜欢", "我不喜欢", "很不喜欢"),
}
_WORD_TO_CODE = {w: code for code, words in ANSWER_WORDS.items() for w in words}


class KanoInputError(ValueError):
    """An answer that is not one of the five Kano answers, named by row and column.

    A cell error also carries ``row`` (1-based data row), ``column`` and ``detail`` (the message
    without the position) so that a caller reading a file can name the line instead."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.row, self.column, self.detail = row, column, detail


def _answer_error(detail: str, row: int | None, column: str) -> KanoInputError:
    if row is None:
        return KanoInputError(detail)
    return KanoInputError(f"row {row}, column '{column}': {detail}", row=row, column=column, detail=detail)


def parse_answer(value, *, row: int | None = None, column: str = "") -> int:
    """1–5 (also '1', 1.0) or an answer word in English or Chinese → 1–5."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        raise _answer_error("missing answer", row, column)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= value <= 5:
            return int(value)
        raise _answer_error(f"{value!r} is not a Kano answer (1–5)", row, column)
    text = " ".join(str(value).strip().lower().split())
    if not text:
        raise _answer_error("missing answer", row, column)
    if text in _WORD_TO_CODE:
        return _WORD_TO_CODE[text]
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None and number.is_integer() and 1 <= number <= 5:
        return int(number)
    raise _answer_error(f"{value!r} is not a Kano answer (1–5, like, must-be, neutral, live-with, "
                        "dislike, 喜欢, 理所当然, 无所谓, 能忍受, 不喜欢)", row, column)


def classify(functional, dysfunctional) -> str:
    """One respondent's answer pair → A, O, M, I, R or Q by the evaluation table."""
    return TABLE[parse_answer(functional) - 1][parse_answer(dysfunctional) - 1]


def fong_significant(a: int, b: int, n: int) -> bool:
    """Fong test (Fong 1996, 'Using the self-stated importance questionnaire to interpret Kano
    questionnaire results', CQM Journal 5(3)): the two most frequent categories differ
    significantly (α = 0.1) when |a − b| ≥ 1.65·√((a + b)(2n − a − b)/(2n))."""
    if n <= 0:
        return False
    return abs(a - b) >= 1.65 * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))


@dataclass(frozen=True)
class KanoAttribute:
    attribute: str
    counts: dict[str, int]
    n: int
    category: str            # most frequent (first in A, O, M, I, R, Q order when tied)
    tie: bool                # True when several categories share the highest count
    tied: tuple[str, ...]
    runner_up: str | None
    significant: bool        # Fong test between the top two
    better: float | None     # (A+O)/(A+O+M+I); None when A+O+M+I = 0
    worse: float | None      # −(O+M)/(A+O+M+I)

    def to_dict(self) -> dict:
        return {"attribute": self.attribute, "counts": dict(self.counts), "n": self.n,
                "category": self.category, "tie": self.tie, "tied": list(self.tied),
                "runner_up": self.runner_up, "significant": self.significant,
                "better": self.better, "worse": self.worse}


def summarise(attribute: str, categories: Iterable[str]) -> KanoAttribute:
    """Counts, category by the mode, ties flagged, Fong test for the top two, and the
    customer-satisfaction coefficients of Berger et al. (1993): Better = (A+O)/(A+O+M+I),
    Worse = −(O+M)/(A+O+M+I).

    No answers at all are refused (KanoInputError): a mode of nothing is no category, and
    answering "A" (the first in the tie order) would read as attractive."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for c in categories:
        if c not in counts:
            raise KanoInputError(f"attribute '{attribute}': unknown Kano category {c!r}")
        counts[c] += 1
    n = sum(counts.values())
    if n == 0:
        raise KanoInputError(f"attribute '{attribute}': no answers, so there is no Kano category")
    ranked = sorted(CATEGORIES, key=lambda c: (-counts[c], CATEGORIES.index(c)))
    top = counts[ranked[0]]
    tied = tuple(c for c in CATEGORIES if counts[c] == top) if n else ()
    second = ranked[1] if n else None
    significant = bool(n) and fong_significant(top, counts[ranked[1]], n)
    a, o, m, i = (counts[k] for k in "AOMI")
    denom = a + o + m + i
    better = (a + o) / denom if denom else None
    worse = -(o + m) / denom if denom else None
    return KanoAttribute(attribute, counts, n, ranked[0], len(tied) > 1, tied,
                         second, significant, better, worse)


def kano_survey(df: pd.DataFrame, attribute: str = "attribute", functional: str = "functional",
                dysfunctional: str = "dysfunctional") -> list[KanoAttribute]:
    """Long-format survey (one row per respondent × attribute) → one summary per attribute,
    in order of first appearance."""
    missing = [c for c in (attribute, functional, dysfunctional) if c not in df.columns]
    if missing:
        raise KanoInputError(f"column(s) not in the data: {', '.join(missing)} "
                             f"(need {attribute}, {functional}, {dysfunctional})")
    if len(df) == 0:
        raise KanoInputError("the survey has no rows")
    per: dict[str, list[str]] = {}
    for i, (att, f, d) in enumerate(zip(df[attribute], df[functional], df[dysfunctional]), start=1):
        if att is None or (isinstance(att, float) and math.isnan(att)) or not str(att).strip():
            raise _answer_error("missing attribute name", i, attribute)
        fc = parse_answer(f, row=i, column=functional)
        dc = parse_answer(d, row=i, column=dysfunctional)
        per.setdefault(str(att).strip(), []).append(TABLE[fc - 1][dc - 1])
    return [summarise(name, cats) for name, cats in per.items()]


def kano_table(results: Sequence[KanoAttribute]) -> pd.DataFrame:
    """Results as a DataFrame (one row per attribute) for views and reports."""
    columns = ["attribute", *CATEGORIES, "n", "category", "tie", "significant", "better", "worse"]
    rows = []
    for r in results:
        row = {"attribute": r.attribute, **r.counts, "n": r.n, "category": r.category,
               "tie": r.tie, "significant": r.significant, "better": r.better, "worse": r.worse}
        rows.append(row)
    return pd.DataFrame(rows, columns=columns).set_index("attribute")

"""The 8D problem-solving structure (Ford TOPS 8D; VDA volume "8D – Problem solving in 8
disciplines", 2018), shared by supplier corrective-action requests (SCAR) and quality complaints.

Pure definitions only: the discipline keys in order, their titles in both languages, and the
containment rule (D3 within 24 hours of the problem being reported, VDA 8D §D3 "immediate
containment"). ``app.models.suppliers.tables`` re-exports ``EIGHT_D`` / ``EIGHT_D_TITLES`` from
here so the supplier code keeps its names.
"""

from __future__ import annotations

from datetime import datetime, timedelta

EIGHT_D = ("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8")
EIGHT_D_TITLES = {
    "D1": ("成立小组", "Team"), "D2": ("问题描述", "Problem description"), "D3": ("临时遏制措施", "Containment"),
    "D4": ("根本原因分析", "Root cause"), "D5": ("永久纠正措施", "Permanent corrective action"),
    "D6": ("实施与验证", "Implementation and validation"), "D7": ("预防再发生", "Prevent recurrence"),
    "D8": ("关闭与表彰", "Closure and recognition"),
}
#: the discipline that contains the problem, and its limit in (calendar) hours after the report
CONTAINMENT = "D3"
CONTAINMENT_HOURS = 24
#: the discipline that names the root cause
ROOT_CAUSE = "D4"


def title(discipline: str, lang: str = "en") -> str:
    zh, en = EIGHT_D_TITLES[discipline]
    return zh if lang == "zh_CN" else en


def containment_due(reported_at: datetime) -> datetime:
    """When D3 must be in place: 24 hours after the problem was reported."""
    return reported_at + timedelta(hours=CONTAINMENT_HOURS)


def containment_late(reported_at: datetime, contained_at: datetime | None, now: datetime) -> bool:
    """True when D3 was (or, still open, is now) later than 24 hours after the report."""
    return (contained_at or now) > containment_due(reported_at)


def next_open(texts: dict[str, str]) -> str | None:
    """The first discipline without text (8D is worked in order), or None when all eight have one."""
    for d in EIGHT_D:
        if not str(texts.get(d) or "").strip():
            return d
    return None

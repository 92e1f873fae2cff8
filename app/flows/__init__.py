"""Wizard and approval flows as plain, JSON-serialisable state (no Qt, no database).

A wizard is a *navigation map* (after Electrum's ``electrum/wizard.py``): each page names a
validator and how to find the next page — a page key, or a function of the flow's state, so
branching is data the tests can walk without a GUI. The Qt wizard only renders pages, calls
``validate_page`` / ``go_next`` and shows the returned messages.

Drafts: ``flow.to_json()`` gives a string a service stores; ``Flow.from_json(text)`` resumes at
the same page with the same answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

#: Message texts by code, in both UI languages; views may also translate ``code`` themselves.
MESSAGES: dict[str, dict[str, str]] = {
    "required": {"en": "{field} is required.", "zh_CN": "{field}为必填项。"},
    "not_a_number": {"en": "{field} must be a number.", "zh_CN": "{field}必须是数字。"},
    "below_min": {"en": "{field} must be at least {min}.", "zh_CN": "{field}不能小于 {min}。"},
    "above_max": {"en": "{field} must be at most {max}.", "zh_CN": "{field}不能大于 {max}。"},
    "not_a_date": {"en": "{field} must be a date (YYYY-MM-DD).", "zh_CN": "{field}必须是日期（YYYY-MM-DD）。"},
    "not_yes_no": {"en": "{field} must be yes or no.", "zh_CN": "{field}必须选择是或否。"},
    "unknown_option": {"en": "{field}: choose one of the listed options.", "zh_CN": "{field}：请从列表中选择。"},
    "rating_range": {"en": "{field} must be a whole number from 0 to {max}.", "zh_CN": "{field}必须是 0 到 {max} 的整数。"},
    "score_missing": {"en": "Item {field}: enter a score or N/A.", "zh_CN": "条款 {field}：请打分或选择不适用。"},
    "score_range": {"en": "Item {field}: score must be from {min} to {max}.", "zh_CN": "条款 {field}：分数必须在 {min} 到 {max} 之间。"},
    "na_not_allowed": {"en": "Item {field}: N/A is not allowed.", "zh_CN": "条款 {field}：不允许选择不适用。"},
    "na_reason": {"en": "Item {field}: give the reason for N/A in the evidence.", "zh_CN": "条款 {field}：请在证据栏说明不适用的理由。"},
    "zero_needs_finding": {"en": "Item {field}: a score of 0 needs a finding severity.", "zh_CN": "条款 {field}：0 分必须给出不符合项等级。"},
    "finding_text": {"en": "Item {field}: describe the finding.", "zh_CN": "条款 {field}：请描述不符合项。"},
    "unknown_severity": {"en": "{field}: unknown severity.", "zh_CN": "{field}：不合格等级无效。"},
    "unknown_value": {"en": "{field}: unknown value.", "zh_CN": "{field}：取值无效。"},
    "action_missing": {"en": "Finding {field} needs a corrective action.", "zh_CN": "不符合项 {field} 需要纠正措施。"},
    "due_before_audit": {"en": "{field}: the due date must not be before the audit date.", "zh_CN": "{field}：完成期限不能早于审核日期。"},
    "no_applicable_items": {"en": "At least one checklist item must be applicable.", "zh_CN": "至少需要一个适用的检查条款。"},
}


@dataclass(frozen=True)
class Message:
    """A validation message: ``code`` with named ``params``; ``field`` is the key it concerns."""

    page: str
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        templates = MESSAGES.get(self.code, {"en": self.code, "zh_CN": self.code})
        template = templates.get(lang) or templates["en"]
        values = {"field": self.params.get("label", self.field), **self.params}
        try:
            return template.format(**values)
        except (KeyError, IndexError):
            return template


class FlowError(ValueError):
    """A flow was asked to do something its rules forbid (the message says what)."""


class DraftFormatError(FlowError):
    """A saved draft cannot be read back (wrong kind, newer version, damaged JSON)."""


NextPage = str | Callable[["PageFlow"], "str | None"] | None


@dataclass(frozen=True)
class Page:
    key: str
    next: NextPage = None
    validate: Callable[["PageFlow"], list[Message]] | None = None


class PageFlow:
    """A wizard: a navigation map of pages, the current page, the path taken, and ``state``.

    Subclasses build ``self.pages`` (a dict key → Page, first entry is the start page) and keep
    every answer in ``self.state`` (JSON types only).
    """

    KIND: ClassVar[str] = "flow"
    VERSION: ClassVar[int] = 1

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.state: dict[str, Any] = {}
        self.current: str = ""
        self.history: list[str] = []

    # navigation ----------------------------------------------------------------------------
    @property
    def start(self) -> str:
        return next(iter(self.pages))

    def next_page(self, page: str | None = None) -> str | None:
        p = self.pages[page or self.current]
        nxt = p.next(self) if callable(p.next) else p.next
        if nxt is not None and nxt not in self.pages:
            raise FlowError(f"page '{p.key}' leads to unknown page '{nxt}'")
        return nxt

    def is_last(self) -> bool:
        return self.next_page() is None

    def path(self) -> list[str]:
        """The pages the user will go through from the start with the current answers."""
        out = [self.start]
        while True:
            nxt = self.next_page(out[-1])
            if nxt is None or nxt in out:
                return out
            out.append(nxt)

    def validate_page(self, page: str | None = None) -> list[Message]:
        p = self.pages[page or self.current]
        return list(p.validate(self)) if p.validate else []

    def validate_all(self) -> list[Message]:
        msgs: list[Message] = []
        for key in self.path():
            msgs.extend(self.validate_page(key))
        return msgs

    def go_next(self) -> list[Message]:
        """Validate the current page and move on; returns the messages (empty when moved)."""
        msgs = self.validate_page()
        if msgs:
            return msgs
        nxt = self.next_page()
        if nxt is None:
            raise FlowError(f"'{self.current}' is the last page")
        self.history.append(self.current)
        self.current = nxt
        return []

    def go_back(self) -> bool:
        if not self.history:
            return False
        self.current = self.history.pop()
        return True

    def go_to(self, page: str) -> None:
        """Jump back to a page already visited (e.g. from the result page to fix an answer)."""
        if page == self.current:
            return
        if page not in self.history:
            raise FlowError(f"page '{page}' has not been reached yet")
        idx = self.history.index(page)
        self.history = self.history[:idx]
        self.current = page

    # drafts --------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.KIND, "version": self.VERSION, "current": self.current,
                "history": list(self.history), "state": self.state}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def _check_draft(cls, text: str | dict[str, Any]) -> dict[str, Any]:
        try:
            data = json.loads(text) if isinstance(text, str) else dict(text)
        except (TypeError, ValueError) as exc:
            raise DraftFormatError(f"the saved draft is damaged: {exc}") from exc
        if not isinstance(data, dict) or data.get("kind") != cls.KIND:
            raise DraftFormatError(f"not a {cls.KIND} draft")
        if int(data.get("version", 0)) > cls.VERSION:
            raise DraftFormatError(f"the {cls.KIND} draft was saved by a newer version")
        if not isinstance(data.get("state"), dict):
            raise DraftFormatError("the saved draft has no state")
        return data

    def _restore_position(self, data: dict[str, Any]) -> None:
        current = data.get("current") or self.start
        history = [p for p in data.get("history", []) if p in self.pages]
        if current not in self.pages:  # the definition changed since: resume at the start
            current, history = self.start, []
        self.current, self.history = current, history

"""Errors a user can fix, raised by the CRM sales services (opportunities, campaigns, activities).
``str()`` is one English line; ``key``/``params`` name the message and ``text(lang)`` gives it in
Chinese or English, so the screens and the commands say the same. A ``ValidationError`` lists
every bad field at once (``problems``; ``by_field(lang)`` for a form)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: key → (English, Chinese); named fields in braces.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("{what} {id} does not exist", "{what_zh} {id} 不存在"),
    "required": ("{field}: a value is required", "{field}：必须填写"),
    "customer_or_prospect": ("customer: choose a customer or enter the prospect's name",
                             "顾客：请选择顾客或填写潜在顾客名称"),
    "bad_choice": ("{field}: '{value}' is not one of {choices}", "{field}：“{value}”不在 {choices} 之中"),
    "bad_date": ("{field}: '{value}' is not a date (YYYY-MM-DD)", "{field}：“{value}”不是日期（YYYY-MM-DD）"),
    "bad_number": ("{field}: '{value}' is not a number of at least 0", "{field}：“{value}”不是大于等于 0 的数"),
    "bad_percent": ("{field}: '{value}' is not a whole number from 0 to 100", "{field}：“{value}”不是 0–100 的整数"),
    "too_long": ("{field}: longer than {limit} characters", "{field}：超过 {limit} 个字符"),
    "unknown_field": ("'{field}' cannot be edited here", "此处不能编辑“{field}”"),
    "contact_elsewhere": ("contact: contact {value} belongs to another customer", "联系人：联系人 {value} 属于其他顾客"),
    "bad_code": ("{field}: 1–32 letters, digits, '-', '_' or '.'", "{field}：1–32 个字母、数字、“-”“_”或“.”"),
    "duplicate_code": ("{field}: code {value} already exists", "{field}：代码 {value} 已存在"),
    "ends_before_start": ("ends_on: the end {value} lies before the start", "ends_on：结束日期 {value} 早于开始日期"),
    "bad_owner": ("owner_user_id: there is no active user {value}", "owner_user_id：没有启用的用户 {value}"),
    "stage_jump": ("stage: {current} can only move one stage forward or back, or to lost (not to {value})",
                   "stage：{current} 只能前进或后退一个阶段，或改为失败（不能改为 {value}）"),
    "stage_closed": ("stage: the opportunity is {current}; it cannot change any more",
                     "stage：该销售机会已{current_zh}，不能再更改阶段"),
    "amount_required": ("won_amount: a won opportunity needs the amount won", "won_amount：赢单必须填写成交金额"),
    "reason_required": ("reason: a lost opportunity needs the reason", "reason：丢单必须填写原因"),
    "new_customer_required": ("new_customer: the prospect becomes a customer: give its code and name",
                              "new_customer：潜在顾客将成为顾客：请填写代码与名称"),
    "text_required": ("text: write the note", "text：请填写内容"),
    "link_required": ("customer_id: link the activity to a customer, contact, opportunity or complaint",
                      "customer_id：活动必须关联顾客、联系人、销售机会或投诉"),
    "no_targets": ("group: no contact matches the chosen group and filters", "group：没有符合所选分组与筛选条件的联系人"),
    "not_target": ("contact_id: contact {value} is not a target of this campaign",
                   "contact_id：联系人 {value} 不是此市场活动的目标"),
    "first_order_not_won": ("first_order: only a won opportunity records a first order",
                            "first_order：只有赢单才能登记首笔订单"),
    "lines_required": ("{field}: at least one order line is required", "{field}：至少需要一行订单明细"),
    "bad_signed": ("{field}: '{value}' is not a number", "{field}：“{value}”不是数字"),
    "invalid": ("{count} problem(s): {summary}", "{count} 个问题：{summary}"),
}
WHAT_ZH = {"opportunity": "销售机会", "campaign": "市场活动", "activity": "活动", "customer": "顾客",
           "contact": "联系人", "complaint": "投诉", "note": "记录"}
STAGE_ZH = {"won": "赢单", "lost": "丢单"}


def render(key: str, lang: str = "en", **params: Any) -> str:
    en, zh = MESSAGES.get(key, ("{key}", "{key}"))
    template = zh if lang == "zh_CN" else en
    values = {"key": key, **params}
    if "what" in values:
        values.setdefault("what_zh", WHAT_ZH.get(str(values["what"]), values["what"]))
    if "current" in values:
        values.setdefault("current_zh", STAGE_ZH.get(str(values["current"]), values["current"]))
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


class SalesError(Exception):
    """A user-fixable refusal: ``key``/``params`` for :func:`render`, ``text(lang)`` to show it."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.code = key
        self.params = params
        super().__init__(render(key, "en", **params))

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **self.params)


class NotFoundError(SalesError):
    def __init__(self, what: str, record_id: object) -> None:
        super().__init__("not_found", what=what, id=record_id)


@dataclass(frozen=True)
class Problem:
    """One bad field (``field`` is the column name)."""

    field: str
    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **{"field": self.field, **self.params})

    def __str__(self) -> str:
        return self.text("en")


class ValidationError(SalesError):
    """Every problem of the values at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.key = "invalid"
        self.code = self.problems[0].key if len(self.problems) == 1 else "invalid"
        self.params = {"count": len(self.problems)}
        Exception.__init__(self, self.text("en"))

    def by_field(self, lang: str = "en") -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.text(lang))
        return out

    def text(self, lang: str = "en") -> str:
        if len(self.problems) == 1:
            return self.problems[0].text(lang)
        sep = "；" if lang == "zh_CN" else "; "
        return render("invalid", lang, count=len(self.problems), summary=sep.join(p.text(lang) for p in self.problems))

"""Errors a user can fix, raised by the customer services. ``str()`` is one English line; ``key``
and ``params`` name the message, ``text(lang)`` gives it in Chinese or English (the GUI and the
commands show the same words). A ``ValidationError`` lists every bad field at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: key → (English, Chinese); named fields in braces.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("{what} {id} does not exist", "{what_zh} {id} 不存在"),
    "required": ("{field}: a value is required", "{field}：必须填写"),
    "name_required": ("a Chinese or English name is required", "必须填写中文或英文名称"),
    "bad_code": ("{field}: 1–32 letters, digits, '-', '_' or '.'", "{field}：1–32 个字母、数字、“-”“_”或“.”"),
    "duplicate_code": ("customer code {code} already exists", "顾客代码 {code} 已存在"),
    "bad_choice": ("{field}: '{value}' is not one of {choices}", "{field}：“{value}”不在 {choices} 之中"),
    "bad_date": ("{field}: '{value}' is not a date (YYYY-MM-DD)", "{field}：“{value}”不是日期（YYYY-MM-DD）"),
    "bad_email": ("{field}: '{value}' is not an e-mail address", "{field}：“{value}”不是电子邮件地址"),
    "bad_owner": ("owner: there is no active user {value}", "负责人：没有启用的用户 {value}"),
    "too_long": ("{field}: longer than {limit} characters", "{field}：超过 {limit} 个字符"),
    "unknown_field": ("'{field}' cannot be edited here", "此处不能编辑“{field}”"),
    "reason_required": ("{field}: a reason is required", "{field}：必须填写原因"),
    "bad_group": ("groups: '{value}' is not one of {choices}", "分组：“{value}”不在 {choices} 之中"),
    "part_unknown": ("part {value} does not exist", "零件 {value} 不存在"),
    "part_linked": ("part {value} is already supplied to this customer", "零件 {value} 已在此顾客的供货清单中"),
    "contact_erased": ("contact {id} was erased on request; it cannot be changed", "联系人 {id} 已按请求删除个人数据，不能再修改"),
    "bad_format": ("cannot write '{suffix}' files (use {suffixes})", "不能写入“{suffix}”文件（请用 {suffixes}）"),
    "invalid": ("{count} problem(s): {summary}", "{count} 个问题：{summary}"),
}
WHAT_ZH = {"customer": "顾客", "contact": "联系人", "part link": "供货零件"}


def render(key: str, lang: str = "en", **params: Any) -> str:
    en, zh = MESSAGES.get(key, ("{key}", "{key}"))
    template = zh if lang == "zh_CN" else en
    values = {"key": key, **params}
    if "what" in values:
        values.setdefault("what_zh", WHAT_ZH.get(str(values["what"]), values["what"]))
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


class CustomerError(Exception):
    """A user-fixable problem: ``key``/``params`` for :func:`render`, ``text(lang)`` to show it."""

    key = "error"

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.code = key
        self.params = params
        super().__init__(render(key, "en", **params))

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **self.params)


class NotFoundError(CustomerError):
    def __init__(self, what: str, record_id: object) -> None:
        super().__init__("not_found", what=what, id=record_id)


@dataclass(frozen=True)
class Problem:
    """One bad field (``field`` is the column name; ``row`` the import line when from a file)."""

    field: str
    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def text(self, lang: str = "en", *, with_field: bool = True) -> str:
        """The message; ``with_field=False`` drops the leading "field:" (a form shows the message
        beside its field, the grid before the column's title)."""
        if with_field:
            return render(self.key, lang, **{"field": self.field, **self.params})
        return render(self.key, lang, **{**self.params, "field": "\0"}).removeprefix("\0：").removeprefix("\0: ") \
            .replace("\0", self.field)

    def __str__(self) -> str:
        return self.text("en")


class ValidationError(CustomerError):
    """Every problem of the values at once; ``problems`` by field, ``by_field()`` for a form."""

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

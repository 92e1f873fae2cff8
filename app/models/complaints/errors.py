"""Errors a user can fix, raised by the complaint services; ``str()`` is one line, ``code`` a
stable key, ``problems`` every field problem of an intake at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One field problem: ``field`` (the intake field), ``code`` (stable key), English ``message``."""

    field: str
    code: str
    message: str

    def text(self, lang: str = "en") -> str:
        if lang != "zh_CN":
            return self.message
        return f"{FIELD_ZH.get(self.field, self.field)}：{CODE_ZH.get(self.code, self.message)}"


FIELD_ZH = {
    "customer_id": "顾客", "contact_id": "联系人", "channel": "渠道", "received_at": "接收时间",
    "complaint_type": "类型", "part_id": "零件", "lot": "批号", "delivery_note": "送货单",
    "qty_affected": "涉及数量", "title": "标题", "description": "描述", "defect": "缺陷",
    "severity": "严重度", "priority": "优先级", "credit_amount": "折让金额", "returns_amount": "退货费用",
    "sorting_amount": "挑选费用",
}
CODE_ZH = {
    "required": "必填", "unknown": "取值无效", "not_found": "不存在", "future": "不能晚于当前时间",
    "negative": "不能为负数", "wrong_customer": "不属于所选顾客", "too_long": "过长", "out_of_range": "超出范围",
    "not_finite": "必须是有限数值", "bad_date": "日期无效",
}


class ComplaintError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.problems = list(problems or [])


class NotFoundError(ComplaintError):
    code = "not_found"


class ValidationError(ComplaintError):
    code = "invalid"

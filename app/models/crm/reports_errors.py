"""Refusals of the CRM report services. ``str()`` is one English line; ``key``/``params`` name the
message (the CLI's ``app.commands.messages`` carries the same keys), ``text(lang)`` gives it in
Chinese or English."""

from __future__ import annotations

from typing import Any

#: key → (English, Chinese); named fields in braces.
MESSAGES: dict[str, tuple[str, str]] = {
    "crmreports.bad_family": ("unknown report '{value}' (use customer, sales, campaign, service or custom)",
                              "未知的报表“{value}”（可用 customer、sales、campaign、service 或 custom）"),
    "crmreports.bad_record_type": ("record type: '{value}' is not one of {choices}",
                                   "记录类型：“{value}”不在 {choices} 之中"),
    "crmreports.bad_column": ("{column}: '{value}' is not a column of {record_type} (use {choices})",
                              "{column}：“{value}”不是 {record_type} 的字段（可用 {choices}）"),
    "crmreports.no_columns": ("columns: choose at least one column", "显示字段：至少选择一个字段"),
    "crmreports.bad_operator": ("filter {row}: '{value}' is not an operator (use {choices})",
                                "筛选条件第 {row} 行：“{value}”不是运算符（可用 {choices}）"),
    "crmreports.bad_value": ("filter {row}: '{value}' is not a {kind} for {column}",
                             "筛选条件第 {row} 行：“{value}”不是 {column} 的{kind_zh}"),
    "crmreports.bad_aggregate": ("aggregate: '{value}' is not one of count, sum, mean, min, max",
                                 "汇总方式：“{value}”不在 count、sum、mean、min、max 之中"),
    "crmreports.numeric_needed": ("aggregate column: {aggregate} needs a number column, '{value}' is not one",
                                  "汇总字段：{aggregate} 需要数值字段，“{value}”不是"),
    "crmreports.name_required": ("name: a report name is required", "名称：必须填写报表名称"),
    "crmreports.name_long": ("name: longer than 120 characters", "名称：超过 120 个字符"),
    "crmreports.not_found": ("there is no saved report named '{name}'", "没有名为“{name}”的已保存报表"),
    "crmreports.bad_period": ("bad period '{value}': use YYYY-MM, YYYY-Qn, YYYY or FROM..TO",
                              "期间“{value}”无效：请用 YYYY-MM、YYYY-Qn、YYYY 或 起..止"),
    "crmreports.needs_tables": ("the {family} report needs the CRM orders, opportunities and campaigns "
                                "(not in this database yet)",
                                "{family} 报表需要客户关系管理的订单、销售机会与市场活动数据（本数据库尚无）"),
}
KIND_ZH = {"number": "数值", "date": "日期（YYYY-MM-DD）", "yes/no": "是/否（yes/no）", "text": "文字"}


def render(key: str, lang: str = "en", **params: Any) -> str:
    en, zh = MESSAGES.get(key, ("{key}", "{key}"))
    values = {"key": key, **params}
    values.setdefault("kind_zh", KIND_ZH.get(str(values.get("kind", "")), values.get("kind", "")))
    try:
        return (zh if lang == "zh_CN" else en).format(**values)
    except (KeyError, IndexError, ValueError):
        return zh if lang == "zh_CN" else en


class ReportError(Exception):
    """A user-fixable problem with a report request: ``key``/``params``, ``field`` it concerns."""

    def __init__(self, key: str, *, field: str = "", **params: Any) -> None:
        self.key = key
        self.code = key.split(".", 1)[-1]
        self.field = field
        self.params = params
        super().__init__(render(key, "en", **params))

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **self.params)

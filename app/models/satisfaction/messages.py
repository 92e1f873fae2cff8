"""The texts of the satisfaction model editor's and wave planning's refusals and problems
(``satisfaction.model.*`` from ``app.engines.path_model`` and ``model``, ``satisfaction.wave.*`` from
``campaigns``), in English and Chinese, kept beside the services that raise them (as ``design.MESSAGES``);
``app.commands.messages`` adds them to the CLI's catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "satisfaction.model.no_version": ("there is no survey version {version}",
                                      "没有问卷版本 {version}"),
    "satisfaction.model.frozen": ("{version} is {state}: a released version is frozen — make a new version",
                                  "{version} 状态为 {state}：已发布的版本已冻结——请新建版本"),
    "satisfaction.model.bad_kind": ("model_kind: {kind!r} is not a standard model (use {known} or custom)",
                                    "model_kind：{kind!r} 不是标准模型（可用 {known} 或自定义）"),
    "satisfaction.model.bad_name": ("name: {name!r} is not a block name (a letter, then up to 39 letters, digits or _)",
                                    "name：{name!r} 不是有效的变量名（以字母开头，其后最多 39 个字母、数字或 _）"),
    "satisfaction.model.label_long": ("{field}: longer than {limit} characters",
                                      "{field}：超过 {limit} 个字符"),
    "satisfaction.model.no_block": ("the model has no block {block}",
                                    "模型中没有潜变量 {block}"),
    "satisfaction.model.duplicate_block": ("name: the model already has a block {block}",
                                           "name：模型中已有潜变量 {block}"),
    "satisfaction.model.loop": ("target: a path from {block} to itself is not allowed",
                                "target：不允许从 {block} 指向自身的路径"),
    "satisfaction.model.duplicate_path": ("target: the path {source} → {target} already exists",
                                          "target：路径 {source} → {target} 已存在"),
    "satisfaction.model.no_path": ("there is no path {source} → {target}",
                                   "没有路径 {source} → {target}"),
    "satisfaction.model.no_indicator": ("node: {node} is not an indicator of the survey",
                                        "node：{node} 不是本问卷的指标"),
    "satisfaction.model.no_blocks": ("the model has no blocks",
                                     "模型中没有潜变量"),
    "satisfaction.model.unknown_source": ("the path {source} → {target} starts at {block}, which is not a block",
                                          "路径 {source} → {target} 的起点 {block} 不是模型中的潜变量"),
    "satisfaction.model.unknown_target": ("the path {source} → {target} ends at {block}, which is not a block",
                                          "路径 {source} → {target} 的终点 {block} 不是模型中的潜变量"),
    "satisfaction.model.cycle": ("the paths form a cycle: {blocks}",
                                 "路径构成循环：{blocks}"),
    "satisfaction.model.unknown_latent": ("indicator {item} is assigned to {block}, which is not a block",
                                          "指标 {item} 归入了 {block}，但模型中没有该潜变量"),
    "satisfaction.model.empty_block": ("block {block} has no indicators",
                                       "潜变量 {block} 没有测量指标"),
    "satisfaction.model.few_items": ("block {block} has {n} indicator(s); {min} or more show its reliability",
                                     "潜变量 {block} 只有 {n} 个指标；至少 {min} 个才能检验其信度"),
    "satisfaction.model.isolated": ("block {block} has no path to or from another block",
                                    "潜变量 {block} 与其他潜变量之间没有路径"),
    "satisfaction.model.no_satisfaction": ("no block is the satisfaction index (name one Satisfaction)",
                                           "没有表示顾客满意度的潜变量（请将其中一个命名为 Satisfaction）"),
    "satisfaction.model.unreachable": ("{block} is not caused by the exogenous blocks (add a path into it)",
                                       "{block} 没有受到外生潜变量的影响（请添加指向它的路径）"),
    "satisfaction.model.valid": ("the model is valid",
                                 "模型有效"),
    "satisfaction.wave.unknown": ("there is no survey wave {wave}",
                                  "没有调查批次 {wave}"),
    "satisfaction.wave.no_version": ("version: there is no survey version {version}",
                                     "version：没有问卷版本 {version}"),
    "satisfaction.wave.not_released": ("version: {version} is {state}; only a released version is asked in a wave",
                                       "version：{version} 状态为 {state}；只有已发布的版本才能用于调查批次"),
    "satisfaction.wave.bad_code": ("code: {code!r} is not a wave code (1–30 letters, digits, '-', '_' or '.')",
                                   "code：{code!r} 不是有效的批次代码（1–30 个字母、数字、“-”“_”或“.”）"),
    "satisfaction.wave.duplicate_code": ("code: wave {code} already exists",
                                         "code：批次 {code} 已存在"),
    "satisfaction.wave.name_long": ("name: longer than {limit} characters",
                                    "name：超过 {limit} 个字符"),
    "satisfaction.wave.no_date": ("{field}: a date is required",
                                  "{field}：必须填写日期"),
    "satisfaction.wave.bad_period": ("period_end: the end {end} lies before the start {start}",
                                     "period_end：结束日期 {end} 早于开始日期 {start}"),
    "satisfaction.wave.bad_filter": ("{field}: {value!r} is not a known value",
                                     "{field}：{value!r} 不是已知的取值"),
    "satisfaction.wave.no_targets": ("filter: no contact matches the chosen filters; a wave needs at least one target",
                                     "filter：没有符合所选条件的联系人；调查批次至少需要一个调查对象"),
    "satisfaction.wave.last_targets": ("filter: removing these would leave wave {wave} without targets",
                                       "filter：移除这些对象后批次 {wave} 将没有调查对象"),
    "satisfaction.wave.not_planned": ("wave {wave} is {state}; only a planned wave is changed or opened",
                                      "批次 {wave} 状态为 {state}；只有计划中的批次才能修改或开始"),
    "satisfaction.wave.not_open": ("wave {wave} is {state}; only an open wave is closed",
                                   "批次 {wave} 状态为 {state}；只有进行中的批次才能结束"),
    "satisfaction.wave.model_invalid": ("wave {wave} cannot start: the model of {version} has {count} problem(s): {problems}",
                                        "批次 {wave} 不能开始：{version} 的模型有 {count} 个问题：{problems}"),
    "satisfaction.wave.invalid": ("{count} problem(s): {summary}",
                                  "{count} 个问题：{summary}"),
}

#: version and wave states as a Chinese message names them
STATES_ZH = {"draft": "草稿", "released": "已发布", "retired": "已停用", "planned": "计划中", "open": "进行中",
             "closed": "已结束"}


def localised(params: Mapping[str, Any], lang: str) -> dict:
    out = dict(params)
    if lang == "zh_CN" and "state" in out:
        out["state"] = STATES_ZH.get(str(out["state"]), out["state"])
    return out


def render(key: str, lang: str = "en", **params: Any) -> str:
    """The text of ``key`` in ``lang`` (zh_CN or English) with ``params`` filled in (a state in Chinese
    words); an unknown key is returned as it is."""
    en, zh = MESSAGES.get(key, (key, key))
    template = zh if lang == "zh_CN" else en
    try:
        return template.format(**localised(params, lang))
    except (KeyError, IndexError, ValueError):
        return template

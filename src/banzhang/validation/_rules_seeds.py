"""Writing-norm rules the 2026-11-30 review of the seeds added (SPEC §8).

``basis.legality`` (行政许可法 arts. 14–15, 行政处罚法 art. 16, 行政强制法 arts. 10–11),
``guide.scope`` (guides are for 依申请 items), ``time.steps-missing`` (every step states its
limit), ``time.joint-cap`` (联合办理 ≤ 45 工作日, 行政许可法 art. 42) and ``material.catch-all``
(no catch-all material or condition).
"""

from __future__ import annotations

import re
from typing import Any

from banzhang import codelists
from banzhang.kinds.review_detail import ReviewDetail
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import ListContext, RuleCheck
from banzhang.validation._rules_process import node_kind
from banzhang.validation._shapes import limit_text, shape_of
from banzhang.validation._structure import finding
from banzhang.validation._titles import title
from banzhang.validation.findings import Finding

__all__ = [
    "basis_is_legal",
    "guide_in_scope",
    "joint_within_cap",
    "no_catch_all",
    "process_given",
    "steps_state_limits",
]

#: Which 效力层级 may set each type, by law; a type not here is not checked.
_MAY_SET = {
    "01": frozenset(
        {"法律", "行政法规", "国务院决定", "地方性法规", "自治条例和单行条例", "地方政府规章"}
    ),
    "03": frozenset({"法律", "行政法规", "地方性法规"}),
}
_LAW_OF = {
    "01": "《中华人民共和国行政许可法》第十四条、第十五条",
    "02": "《中华人民共和国行政处罚法》第十六条",
    "03": "《中华人民共和国行政强制法》第十条、第十一条",
}
_NORMATIVE = frozenset({"规范性文件", "行政规范性文件"})
#: Levels that do not tell whether a 许可 or 强制 may rest on them (规章 may be 部门 or 地方).
_UNDECIDED = frozenset({"规章"})


def basis_is_legal(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """basis.legality: a 许可 or 强制 rests on a level that may set it; a 处罚 not on a
    规范性文件 alone. Only bases whose 效力层级 is given are judged."""
    power_type = facts.as_str(data, "power_type")
    key = "basis"
    levels = [
        level
        for basis in facts.as_list(data, key)
        if isinstance(basis, dict) and isinstance(level := basis.get("level"), str)
    ]
    if power_type not in _LAW_OF or not levels or any(lv in _UNDECIDED for lv in levels):
        return []
    if power_type == "02":
        wrong = all(level in _NORMATIVE for level in levels)
    else:
        wrong = not any(level in _MAY_SET[power_type] for level in levels)
    if not wrong:
        return []
    title = codelists.get("power_type").title_of(power_type)
    shown = "、".join(dict.fromkeys(levels))
    message = f"{title}的设定依据只有{shown}，不足以设定{title}（{_LAW_OF[power_type]}）"
    return [finding("basis.legality", join(path, key), message, shown)]


#: Types only ever exercised 依职权: no applicant, so no guide (SPEC §2 initiation).
_EX_OFFICIO = frozenset({"02", "03", "06"})


def guide_in_scope(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """guide.scope: a 服务指南 is for an item applied for, never a 依职权 type."""
    power_type = facts.as_str(data, "power_type")
    if power_type not in _EX_OFFICIO:
        return []
    title = codelists.get("power_type").title_of(power_type)
    message = f"{title}是依职权实施的事项，没有申请人，不应编制服务指南"
    return [finding("guide.scope", join(path, "power_type"), message, power_type)]


def steps_state_limits(model: type[Any]) -> RuleCheck:
    """time.steps-missing: every step of the step lists a ``model`` declares states its limit."""
    keys = shape_of(model).steps

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        return [found for key in keys for found in _steps_without_limits(data, path, key)]

    return check


def _steps_without_limits(data: Any, path: str, key: str) -> list[Finding]:
    out = []
    for index, step in enumerate(facts.as_list(data, key)):
        if not isinstance(step, dict) or step.get("stage") == "事后监管":
            continue
        name = facts.as_str(step, "name") or f"第{index + 1}个环节"
        if node_kind(name, facts.as_str(step, "stage")) == "other" and name.endswith(_NO_LIMIT):
            continue  # the applicant's own step and filing have no limit of the agency's
        if facts.time_limit(step, "time_limit") is None:
            message = f"环节“{name}”没有写明办理时限"
            where = join(join_index(join(path, key), index), "time_limit")
            out.append(finding("time.steps-missing", where, message))
    return out


#: Steps with no limit of the agency's: the applicant's own and the filing.
_NO_LIMIT = ("申请", "提交", "归档")


#: 行政许可法 art. 42: jointly handled, 45 working days at most unless a basis says otherwise.
_JOINT_CAP = 45


def joint_within_cap(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """time.joint-cap: 联合办理/统一办理 legal limit ≤ 45 工作日 unless a basis is cited."""
    limit = facts.time_limit(data, "legal_time_limit")
    if data.get("joint_approval") is not True or limit is None:
        return []
    days = facts.days(limit)
    if days is None or days <= _JOINT_CAP or limit.get("basis"):
        return []
    message = (
        f"多部门联合办理的法定时限为{limit_text(limit)}，超过45个工作日，"
        "应在“时限依据”中写明延长所依据的法律法规（《中华人民共和国行政许可法》第四十二条）"
    )
    return [finding("time.joint-cap", join(path, "legal_time_limit"), message, limit["amount"])]


#: What a catch-all names in place of a thing: nothing but 相关/有关/必要… before its head noun.
_UNNAMED = (
    r"(?:的|、|相关|有关|必要|必需|所需|需要|需|应当|应|补充|申请|证明|书面|佐证|支撑|依法|提交|提供"
    r"|要求|规定|法律|法规|规章|行政|国家|地方|违反|不符合|符合)*"
)
#: A material that names nothing: its name ends in 其他材料 or 其他…材料 with nothing named
#: between, whatever comes before (``审批机关认为需要提交的其他材料``, ``有关部门要求的其他材料``,
#: ``规定的其他材料``), or is only 相关材料 / 相关证明材料.
_CATCH_ALL_MATERIAL = re.compile(
    rf"^.*(?:其他|其它){_UNNAMED}(?:材料|资料|文件|证件)$|^(?:相关|有关)?(?:证明)?(?:材料|资料)$"
    r"|^(?:相关|有关)证明(?:材料|文件)$"
)
#: A condition or a ground of refusal that names nothing (``法律、法规规定的其他条件``,
#: ``法律、法规规定的其他不予许可的情形``, ``其他依法不予受理的情形``).
_CATCH_ALL_CONDITION = re.compile(rf"^.*(?:其他|其它){_UNNAMED}条件$")
_CATCH_ALL_GROUND = re.compile(
    rf"^.*(?:其他|其它){_UNNAMED}(?:不予(?:许可|受理|批准|登记|办理)|不得(?:许可|受理))?(?:的)?情形$"
)
#: Each list of a guide or review detail, the kind that declares its title, its catch-all form.
_LISTS = (
    ("conditions", ServiceGuide, _CATCH_ALL_CONDITION, "应逐项写明具体条件"),
    ("non_acceptance_grounds", ServiceGuide, _CATCH_ALL_GROUND, "应逐项写明具体情形"),
    ("refusal_grounds", ReviewDetail, _CATCH_ALL_GROUND, "应逐项写明具体情形"),
)
_TRIM = "。；;：:， "
#: A note after an entry in brackets: （如有）, （复印件）.
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[)）]$")


def _bare(entry: str) -> str:
    """An entry as judged: without closing punctuation or a closing note in brackets."""
    return _TRAILING_NOTE.sub("", entry.strip(_TRIM)).strip(_TRIM)


def no_catch_all(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.catch-all: every material, condition and ground of refusal is named.

    Read structurally: an entry is a catch-all when it names no thing, only who may ask for it
    or who rules on it [V 国务院清理兜底条款; S 002 材料目录逐项].
    """
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        name = facts.as_str(material, "name") if isinstance(material, dict) else None
        if name and _CATCH_ALL_MATERIAL.match(_bare(name)):
            shown = title(ServiceGuide, "materials")
            message = f"{shown}“{name}”是兜底表述；应逐项写明材料名称（国务院清理兜底条款）"
            where = join(join_index(join(path, "materials"), index), "name")
            out.append(finding("material.catch-all", where, message, name))
    for key, model, pattern, advice in _LISTS:
        for index, entry in enumerate(facts.as_list(data, key)):
            if isinstance(entry, str) and pattern.match(_bare(entry)):
                shown = title(model, key)
                message = f"{shown}“{entry}”是兜底表述；{advice}"
                where = join_index(join(path, key), index)
                out.append(finding("material.catch-all", where, message, entry))
    return out


def process_given(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """process.missing: a 权责清单 item states its 基本流程, one of the five 同 (三级五同)."""
    if facts.as_list(data, "process"):
        return []
    message = "未写明“基本流程”；它是三级五同比对的五项之一，缺少时该事项无法比对"
    return [finding("process.missing", join(path, "process"), message)]

"""What seed 002 asks a guide and a review detail to carry about acceptance and review (SPEC §5–§6).

``guide.acceptance`` (不予受理 grounds, 容缺 deadlines, 当场决定, 效力范围), ``material.shareable``
(a material the platform shares is not asked for on paper), the 不予受理通知书 part of
``refusal.remedies``, and ``review.steps-complete`` (受理, 审查 and 决定 steps; a method other
than 书面审查 states its 理由依据).
"""

from __future__ import annotations

import re
from typing import Any

from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = [
    "acceptance_stated",
    "materials_shared_not_on_paper",
    "non_acceptance_notice_issued",
    "review_steps_complete",
]

_NOTICE = re.compile(r"不予受理.{0,12}通知书")


def acceptance_stated(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """guide.acceptance: 不予受理 grounds, 容缺 deadlines, 当场决定 and 效力范围 are stated."""
    out = []
    if not facts.as_list(data, "non_acceptance_grounds"):
        message = "未写明不予受理情形；应告知申请人哪些申请不予受理"
        out.append(finding("guide.acceptance", join(path, "non_acceptance_grounds"), message))
    if data.get("on_the_spot") is None:
        message = "未写明能否当场作出决定；当场能够作出书面决定的，应当场作出"
        out.append(finding("guide.acceptance", join(path, "on_the_spot"), message))
    if facts.as_str(data, "result_validity") is None:
        message = "未写明审批结果的效力范围（有效期限、适用范围）和作出决定后的后续环节"
        out.append(finding("guide.acceptance", join(path, "result_validity"), message))
    out.extend(_tolerated_materials(data, path))
    return out


def _tolerated_materials(data: Any, path: str) -> list[Finding]:
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        if not isinstance(material, dict) or material.get("tolerated") is not True:
            continue
        where = join_index(join(path, "materials"), index)
        name = facts.as_str(material, "name") or f"第 {index + 1} 项材料"
        if facts.time_limit(material, "supply_deadline") is None:
            message = f"容缺材料“{name}”未写明补交期限"
            out.append(finding("guide.acceptance", join(where, "supply_deadline"), message))
        if material.get("required") is False:
            message = f"材料“{name}”标为容缺，又标为非必要；容缺材料仍是必要材料，只是可以后补"
            out.append(finding("guide.acceptance", join(where, "required"), message, False))
    return out


_PAPER_FORMS = frozenset({"原件", "复印件"})


def materials_shared_not_on_paper(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.shareable: a material obtainable by data sharing is not asked for on paper."""
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        if not isinstance(material, dict) or material.get("shareable") is not True:
            continue
        listed = facts.as_list(material, "forms")
        forms = [form for form in listed if isinstance(form, str) and form in _PAPER_FORMS]
        copies = (facts.as_int(material, "originals") or 0) + (
            facts.as_int(material, "copies") or 0
        )
        if not forms and copies == 0:
            continue
        name = facts.as_str(material, "name") or f"第 {index + 1} 项材料"
        asked = "、".join(forms) if forms else f"{copies} 份纸质材料"
        message = (
            f"材料“{name}”可通过一体化平台共享获取，却仍要求提交{asked}；"
            "可共享获取的材料，申请人不再提交纸质材料"
        )
        where = join(join_index(join(path, "materials"), index), "forms")
        out.append(finding("material.shareable", where, message, "、".join(forms) or copies))
    return out


def non_acceptance_notice_issued(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """refusal.remedies: a guide says a 不予受理通知书 is issued (wherever it says so)."""
    said = facts.texts(data, "non_acceptance_notice", "non_acceptance_grounds", "remedies")
    said += "\n" + facts.texts(data, "submission", "rights_obligations")
    for step in facts.as_list(data, "process"):
        said += "\n" + facts.texts(step, "content")
    if _NOTICE.search(said) is None:
        message = "未写明不予受理时出具《不予受理通知书》，书面说明理由和依据"
    elif "理由" not in said:
        message = (
            "写明了不予受理通知书，但没有写明书面说明不予受理的理由"
            "（《中华人民共和国行政许可法》第三十八条）"
        )
    else:
        return []
    return [finding("refusal.remedies", join(path, "non_acceptance_notice"), message)]


#: The steps a review detail has at least, each recognised by the words its name or stage uses.
_REQUIRED_STEPS = (
    ("受理", ("受理",)),
    ("审查", ("审查", "初审", "复审", "审核", "核查")),
    ("决定", ("决定", "审批", "批准", "审定")),
)


def review_steps_complete(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """review.steps-complete: 受理, 审查 and 决定 steps; a non-书面 method states its 理由依据."""
    out = []
    steps = [step for step in facts.as_list(data, "steps") if isinstance(step, dict)]
    names = [facts.texts(step, "name", "stage") for step in steps]
    missing = [
        title for title, words in _REQUIRED_STEPS if not any(w in n for n in names for w in words)
    ]
    if steps and missing:
        message = f"审查细则缺少“{'、'.join(missing)}”环节；至少应有受理、审查、决定三个环节"
        out.append(finding("review.steps-complete", join(path, "steps"), message))
    for index, step in enumerate(facts.as_list(data, "steps")):
        methods = [m for m in facts.as_list(step, "methods") if isinstance(m, str)]
        others = [m for m in methods if m != "书面审查"]
        if others and facts.as_str(step, "method_basis") is None:
            name = facts.as_str(step, "name") or f"第 {index + 1} 个环节"
            message = f"环节“{name}”采用{'、'.join(others)}，未书面写明采用该审查方式的理由依据"
            where = join(join_index(join(path, "steps"), index), "method_basis")
            out.append(finding("review.steps-complete", where, message))
    return out

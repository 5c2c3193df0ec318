"""What seed 002 asks a guide and a review detail to carry about acceptance and review (SPEC §5–§6).

``guide.acceptance`` (不予受理 grounds, 容缺 deadlines, 当场决定, 效力范围), ``material.shareable``
(a material the platform shares is not asked for on paper), ``material.required``,
``refusal.non-acceptance-notice`` (the 不予受理通知书, in guides and review details), and
``review.steps-complete`` (受理, 审查 and 决定 steps; a method other than 书面审查 states its
理由依据).
"""

from __future__ import annotations

import re
from typing import Any

from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._structure import finding
from banzhang.validation.findings import WARNING, Finding

__all__ = [
    "acceptance_stated",
    "issued_copies_shared",
    "materials_shared_not_on_paper",
    "necessity_stated",
    "non_acceptance_notice_issued",
    "review_notice_issued",
    "review_steps_complete",
]

#: The 不予受理 document as guides name it: 通知书, 决定书, 告知书, 不予受理单, 书面决定, the
#: law's 书面凭证 (art. 32).
_NOTICE = re.compile(r"不予受理.{0,12}?(?:通知书|决定书|告知书|凭证|单|书面决定)")


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
        name = facts.as_str(material, "name") or f"第{index + 1}项材料"
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
        name = facts.as_str(material, "name") or f"第{index + 1}项材料"
        asked = "、".join(forms) if forms else f"{copies}份纸质材料"
        message = (
            f"材料“{name}”可通过一体化平台共享获取，却仍要求提交{asked}；"
            "可共享获取的材料，申请人不再提交纸质材料"
        )
        where = join(join_index(join(path, "materials"), index), "forms")
        out.append(finding("material.shareable", where, message, "、".join(forms) or copies))
    return out


#: Licences and certificates a government body issues: the platform shares them [S 002].
#: A 证 followed by 明 is a 证明 (资格证明, 身份证明), which anyone may issue: not matched.
_ISSUED = re.compile(
    r"(?:营业执照|户口簿|出生医学证明|护照|社会保障卡"
    r"|(?:身份|居住|结婚|离婚|不动产权|房屋所有权|土地使用权|驾驶|行驶|许可|执业|资格|登记)证(?!明))"
)
_ISSUED_BY_GOVERNMENT = "政府部门核发"


def issued_copies_shared(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.shareable: a copy of a licence or certificate a government body issued is marked
    可共享获取 [S 002 "凡一体化平台可提供电子申报材料的，申请人不再提交书面材料"]."""
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        if not isinstance(material, dict) or material.get("shareable") is True:
            continue
        name = facts.as_str(material, "name") or ""
        copy = "复印件" in name or "复印件" in facts.as_list(material, "forms")
        issued = _ISSUED.search(name)
        if not copy or (issued is None and material.get("source") != _ISSUED_BY_GOVERNMENT):
            continue
        what = f"（{issued.group()}）" if issued else ""
        message = (
            f"材料“{name}”是政府部门核发的证照{what}的复印件，可通过一体化平台共享获取；"
            "应标明“可共享获取”，申请人不再提交"
        )
        where = join(join_index(join(path, "materials"), index), "shareable")
        out.append(finding("material.shareable", where, message, severity=WARNING))
    return out


def necessity_stated(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.required: at least the guide says of its materials whether each is necessary."""
    materials = [entry for entry in facts.as_list(data, "materials") if isinstance(entry, dict)]
    if not materials or any("required" in material for material in materials):
        return []
    message = "申请材料均未写明“是否必要”；应逐项写明材料是必要材料还是非必要材料"
    return [finding("material.required", join(path, "materials"), message)]


def non_acceptance_notice_issued(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """refusal.non-acceptance-notice: a guide says a 不予受理通知书 is issued, with reasons
    (wherever it says so) [S 002 "对不予受理的，详细说明理由和依据并出具不予受理通知书"]."""
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
    where = join(path, "non_acceptance_notice")
    return [finding("refusal.non-acceptance-notice", where, message)]


def review_notice_issued(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """refusal.non-acceptance-notice: a review detail's steps issue a 不予受理通知书 [S 002]."""
    steps = [step for step in facts.as_list(data, "steps") if isinstance(step, dict)]
    said = facts.texts(data, "non_acceptance_grounds", "remedies")
    for step in steps:
        said += "\n" + facts.texts(step, "documents", "points", "standards", "duties", "follow_on")
    if not steps or _NOTICE.search(said) is not None:
        return []
    accepting = [
        index for index, step in enumerate(steps) if "受理" in facts.texts(step, "stage", "name")
    ]
    steps_path = join(path, "steps")
    where = join(join_index(steps_path, accepting[0]), "documents") if accepting else steps_path
    message = "审查细则未写明不予受理时出具《不予受理通知书》（应列入受理环节的文书）"
    return [finding("refusal.non-acceptance-notice", where, message)]


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
            name = facts.as_str(step, "name") or f"第{index + 1}个环节"
            message = f"环节“{name}”采用{'、'.join(others)}，未书面写明采用该审查方式的理由依据"
            where = join(join_index(join(path, "steps"), index), "method_basis")
            out.append(finding("review.steps-complete", where, message))
    return out

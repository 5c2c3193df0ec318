"""The writing-norm rules of SPEC §8: time limits, art. 30, materials, contacts, modes.

Each rule reads JSON-shaped data defensively (see :mod:`._facts`) and reports by the standard's
Chinese titles. Where a rule needs a reading the norms leave open, the reading is banzhang's own
and is written in ``docs/decisions.md``.
"""

from __future__ import annotations

import re
from typing import Any

from banzhang import codelists
from banzhang.kinds.review_detail import ReviewDetail
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._places import is_nearby
from banzhang.validation._rules_codes import TYPE_SPAN, ListContext, RuleCheck
from banzhang.validation._shapes import limit_text, shape_of, steps_of
from banzhang.validation._structure import finding
from banzhang.validation._titles import title
from banzhang.validation.findings import WARNING, Finding

__all__ = [
    "art30_complete",
    "contacts_distinct",
    "materials_state_copies",
    "modes_consistent",
    "promised_within_legal",
    "steps_within_promised",
    "two_inspectors",
    "units_stated",
]

_LICENSING = "01"
#: A phone a reader can dial from anywhere: a fixed line with its area code, written (0472),
#: （0472）, 0472-, 0472—, 0472 or 0472 alone before the number; an 11-digit mobile; a 400/800
#: number; 12345 and the other national 12xxx hotlines (and 110-style short numbers).
_PHONE = re.compile(
    r"^(?:[(（]0[0-9]{2,3}[)）][-－—–\s]?|0[0-9]{2,3}[-－—–\s]?)[0-9]{5,8}(?:(?:转|-)[0-9]{1,6})?$"
    r"|^1[3-9][0-9]{9}$"
    r"|^[48]00[-－\s]?[0-9]{3}[-－\s]?[0-9]{4}$"
    r"|^12[0-9]{3}$|^1[0-9]{2}$"
)


def _promised_or_legal(data: Any) -> tuple[str, dict[str, Any] | None]:
    if (limit := facts.time_limit(data, "promised_time_limit")) is not None:
        return "promised_time_limit", limit
    return "legal_time_limit", facts.time_limit(data, "legal_time_limit")


def units_stated(model: type[Any]) -> RuleCheck:
    """time.unit-missing: every limit of a ``model`` has a unit; a 行政许可's statutory and
    promised limits are in 工作日 (or 即办).

    行政许可法第八十二条 counts the law's limits in working days; an internal step's limit may
    be in hours (``4小时``: half a working day is no integer of working days).
    """
    shape = shape_of(model)

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        out = []
        licensing = facts.as_str(data, "power_type") == _LICENSING
        for key, shown in shape.limits:
            if (limit := facts.time_limit(data, key)) is not None:
                out += _unit_problems(limit, join(path, key), f"“{shown}”", licensing=licensing)
        for key in shape.steps:
            for index, step in enumerate(facts.as_list(data, key)):
                if (limit := facts.time_limit(step, "time_limit")) is not None:
                    name = facts.as_str(step, "name") or f"第{index + 1}个环节"
                    where = join(join_index(join(path, key), index), "time_limit")
                    out += _unit_problems(limit, where, f"环节“{name}”的时限", licensing=False)
        return out

    return check


def _unit_problems(
    limit: dict[str, Any], where: str, shown: str, *, licensing: bool
) -> list[Finding]:
    unit = limit.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        message = f"{shown}写为“{limit['amount']}”，未写明时限单位（工作日、自然日、小时或即办）"
        return [finding("time.unit-missing", join(where, "unit"), message)]
    if licensing and unit not in ("工作日", "即办"):
        message = (
            f"行政许可的{shown}应以工作日计（《中华人民共和国行政许可法》第八十二条），"
            f"实际为“{limit_text(limit)}”"
        )
        return [finding("time.unit-missing", join(where, "unit"), message, unit)]
    return []


def promised_within_legal(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """time.promised-exceeds-legal and time.legal-default: 承诺 ≤ 法定; > 20 工作日 needs 依据."""
    out = []
    legal = facts.time_limit(data, "legal_time_limit")
    promised = facts.time_limit(data, "promised_time_limit")
    legal_days, promised_days = facts.days(legal), facts.days(promised)
    if (
        legal is not None
        and promised is not None
        and legal_days is not None
        and promised_days is not None
        and promised_days > legal_days + 1e-9
    ):
        message = f"承诺办结时限“{limit_text(promised)}”超过法定办结时限“{limit_text(legal)}”"
        where = join(path, "promised_time_limit")
        out.append(finding("time.promised-exceeds-legal", where, message, promised["amount"]))
    single_licensing = (
        facts.as_str(data, "power_type") == _LICENSING and data.get("joint_approval") is not True
    )
    if (
        single_licensing
        and legal
        and legal.get("unit") == "工作日"
        and legal["amount"] > 20
        and not facts.as_str(legal, "basis")
    ):
        message = (
            "单一机关办理的行政许可法定时限一般为20个工作日"
            "（《中华人民共和国行政许可法》第四十二条）；"
            f"本事项为{legal['amount']}个工作日，应在“时限依据”中写明延长所依据的法律法规"
        )
        out.append(
            finding(
                "time.legal-default",
                join(join(path, "legal_time_limit"), "basis"),
                message,
                legal["amount"],
            )
        )
    return out


def steps_within_promised(model: type[Any]) -> RuleCheck:
    """time.steps-exceed-promised: the steps' limits of a ``model`` add up to no more than the
    promise (or the legal limit when there is no promise)."""
    keys = shape_of(model).steps

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        return _steps_exceeding(data, path, steps_of(data, keys))

    return check


def _steps_exceeding(
    data: Any, path: str, steps: list[tuple[str, int, dict[str, Any]]]
) -> list[Finding]:
    key, promised = _promised_or_legal(data)
    promised_days = facts.days(promised)
    step_days = [facts.days(facts.time_limit(step, "time_limit")) for _key, _index, step in steps]
    known = [value for value in step_days if value is not None]
    if promised is None or promised_days is None or not known:
        return []
    total = sum(known)
    if total <= promised_days + 1e-9:
        return []
    units = {facts.as_str(step.get("time_limit"), "unit") for _key, _index, step in steps}
    if units == {promised.get("unit")} and len(known) == len(step_days):  # no conversion needed
        amount = sum(step["time_limit"]["amount"] for _key, _index, step in steps)
        summed = limit_text({"amount": amount, "unit": promised.get("unit")})
    else:
        summed = f"约{total:g}个工作日（按每个工作日8小时、每7个自然日5个工作日折算）"
    which = "承诺" if "promised" in key else "法定"
    message = f"各环节时限合计{summed}，超过{which}办结时限“{limit_text(promised)}”"
    return [finding("time.steps-exceed-promised", join(path, key), message, round(total, 3))]


# What art. 30 asks a guide to publish that the declarations leave optional; the required ones
# (事项名称, 审批依据, 申请条件, 法定办结时限) are the schema layer's to report, once.
_ART30 = ("quantity_limit", "process", "materials", "application_form_sample")


def art30_complete(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """guide.art30-complete: every item art. 30 says a guide must publish is there."""
    out = []
    for key in _ART30:
        value = data.get(key)
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            shown = title(ServiceGuide, key)
            message = f"服务指南缺少“{shown}”（《中华人民共和国行政许可法》第三十条要求公示）"
            out.append(finding("guide.art30-complete", join(path, key), message))
    return out


def materials_state_copies(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.copies: every material states its form, and copies (≥ 1 unless electronic)."""
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        if not isinstance(material, dict) or material.get("shareable") is True:
            continue  # shared by the platform: the applicant hands in nothing
        where = join_index(join(path, "materials"), index)
        name = facts.as_str(material, "name") or f"第{index + 1}项材料"
        forms = [form for form in facts.as_list(material, "forms") if isinstance(form, str)]
        if not forms:
            out.append(
                finding(
                    "material.copies",
                    join(where, "forms"),
                    f"材料“{name}”未写明材料形式（原件、复印件或电子件）",
                )
            )
            continue
        count = (facts.as_int(material, "originals") or 0) + (facts.as_int(material, "copies") or 0)
        if set(forms) != {"电子件"} and count < 1:
            message = f"材料“{name}”为纸质（{'、'.join(forms)}），应写明原件或复印件份数（至少1份）"
            out.append(finding("material.copies", join(where, "copies"), message))
    return out


def contacts_distinct(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """contact.channels: 咨询 and 监督投诉 both given, different, phones with area codes."""
    out = []
    channels = {}
    for key in ("consultation", "complaint"):
        shown = title(ServiceGuide, key)
        contact = data.get(key) if isinstance(data, dict) else None
        if not isinstance(contact, dict) or not (
            facts.as_list(contact, "phones")
            or facts.as_str(contact, "url")
            or facts.as_str(contact, "address")
        ):
            # A missing 监督投诉渠道 is an error: seed 002 names it; 咨询 weighs as a warning.
            weight = None if key == "complaint" else WARNING
            message = f"未写明“{shown}”"
            out.append(finding("contact.channels", join(path, key), message, severity=weight))
            continue
        channels[key] = (
            tuple(sorted(p for p in facts.as_list(contact, "phones") if isinstance(p, str))),
            facts.as_str(contact, "url"),
        )
        for index, phone in enumerate(facts.as_list(contact, "phones")):
            if isinstance(phone, str) and not _PHONE.match(phone.strip()):
                message = f"“{shown}”的电话“{phone}”应带区号（如 0471-1234567）"
                out.append(
                    finding(
                        "contact.channels",
                        join_index(join(join(path, key), "phones"), index),
                        message,
                        phone,
                        severity=WARNING,
                    )
                )
    if len(channels) == 2 and channels["consultation"] == channels["complaint"]:
        message = "“监督投诉渠道”与“咨询途径”相同；投诉应能找到办理机关之外的监督部门"
        out.append(finding("contact.channels", join(path, "complaint"), message, severity=WARNING))
    return out


def modes_consistent(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """mode.consistency: what 马上办/网上办/就近办/一次办 promise agrees with the other elements."""
    service_modes = codelists.get("service_mode")
    modes = {
        service_modes.resolve(mode) or mode
        for mode in facts.as_list(data, "modes")
        if isinstance(mode, str)
    }
    said = [
        *_immediate_problems(data, modes),
        *_online_problems(data, modes),
        *_visit_problems(data, modes),
        *_ex_officio_problems(data),
    ]
    out = [
        finding("mode.consistency", join(path, key), message, data.get(key))
        for key, message in said
    ]
    out.extend(_nearby_findings(data, path, modes))
    return out


#: What a mode check says: (element id, Chinese message).
_Said = list[tuple[str, str]]


def _immediate_problems(data: Any, modes: set[str]) -> _Said:
    """马上办 ⇔ 即办件/即审即办 with a promise of 即办 (0), both ways."""
    said: _Said = []
    immediate = data.get("case_type") == "1" or data.get("review_type") == "即审即办"
    if "马上办" in modes and not immediate:
        said.append(("case_type", "“马上办”事项应为即办件（办件类型为1）或即审即办"))
    if "马上办" not in modes and not immediate:
        return said
    _, promised = _promised_or_legal(data)
    if promised is not None and promised["amount"] != 0 and promised.get("unit") != "即办":
        who = "“马上办”事项" if "马上办" in modes else "即办件（或即审即办）"
        message = f"{who}的承诺时限应为即办（0），实际为“{limit_text(promised)}”"
        said.append(("promised_time_limit", message))
    return said


def _online_problems(data: Any, modes: set[str]) -> _Said:
    """网上办 states its depth, and (in a guide) online handling with its address."""
    if "网上办" not in modes:
        return []
    said: _Said = []
    if facts.as_str(data, "online_depth") is None:
        said.append(("online_depth", "“网上办”事项应写明网办深度（网上预审或全程网办）"))
    if "online" in data or "online_url" in data:  # a guide: it has these elements
        if data.get("online") is not True:
            said.append(("online", "“网上办”事项的“是否网上办理”应为是"))
        if not facts.as_str(data, "online_url"):
            said.append(("online_url", "“网上办”事项应写明网上办理地址"))
    return said


def _visit_problems(data: Any, modes: set[str]) -> _Said:
    """一次办 ≤ 1 visit; 全程网办 0 visits; 0 visits and not 网上办 ⇒ delivery by post."""
    visits = facts.as_int(data, "onsite_visits")
    said: _Said = []
    if "一次办" in modes and visits is not None and visits > 1:
        said.append(("onsite_visits", f"“一次办”事项到现场次数不应超过1次，实际为{visits}次"))
    if facts.as_str(data, "online_depth") == "全程网办" and visits not in (None, 0):
        said.append(("onsite_visits", f"“全程网办”事项到现场次数应为0次，实际为{visits}次"))
    # 全程网办 (政务服务网's 网办类型) says it as well; 网上预审 alone leaves the result to fetch.
    online = "网上办" in modes or facts.as_str(data, "online_depth") == "全程网办"
    if visits == 0 and not online and data.get("postal_delivery") is not True:
        message = "到现场0次而又不网上办理的，结果应邮寄送达（“是否邮寄送达”应为是）"
        said.append(("postal_delivery", message))
    return said


def _ex_officio_problems(data: Any) -> _Said:
    """A 四办 item (no 事项类型 of its own) is never of a 依职权 type (read from its code)."""
    code = facts.as_str(data, "basic_code")
    if "power_type" in data or not code or code[TYPE_SPAN] not in _EX_OFFICIO:
        return []
    title = codelists.get("power_type").title_of(code[TYPE_SPAN])
    return [("basic_code", f"{title}是依职权的事项，不应列入“四办”清单（基本编码 {code}）")]


def _nearby_findings(data: Any, path: str, modes: set[str]) -> list[Finding]:
    """就近办 names its places, each at 苏木乡镇（街道） or 嘎查村（社区） level."""
    locations = facts.as_list(data, "nearby_locations")
    if "就近办" in modes and not locations:
        message = "“就近办”事项应写明苏木乡镇或嘎查村的就近办理地点"
        return [finding("mode.consistency", join(path, "nearby_locations"), message)]
    out = []
    for index, location in enumerate(locations):
        if isinstance(location, str) and not is_nearby(location):
            where = join_index(join(path, "nearby_locations"), index)
            message = (
                f"就近办理地点“{location}”是旗县级或以上的办理地点；"
                "“就近办”应在苏木乡镇（街道）或嘎查村（社区）办理"
            )
            out.append(finding("mode.consistency", where, message, location))
    return out


#: Types only ever exercised 依职权 (SPEC §2 initiation): 02 处罚, 03 强制, 06 检查.
_EX_OFFICIO = frozenset({"02", "03", "06"})


def two_inspectors(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """review.two-inspectors: every on-site method (实地核查, and the seeds' 现场核查, 现场勘验,
    现场检查, 现场踏勘) is done by two or more staff."""
    out = []
    methods = codelists.get("review_method")
    for key, index, step in steps_of(data, shape_of(ReviewDetail).steps):
        named = [m for m in facts.as_list(step, "methods") if isinstance(m, str)]
        on_site = [method for method in named if methods.resolve(method) == _ON_SITE]
        count = facts.as_int(step, "inspectors")
        if not on_site or (count is not None and count >= 2):
            continue
        name = facts.as_str(step, "name") or f"第{index + 1}个环节"
        # The method as the document wrote it, with the codelist's name when it differs.
        written = on_site[0] if on_site[0] == _ON_SITE else f"{on_site[0]}（{_ON_SITE}）"
        shown = "未写明" if count is None else f"为{count}人"
        message = (
            f"环节“{name}”采用{written}，核查人数{shown}；"
            "应指派两名以上工作人员（《中华人民共和国行政许可法》第三十四条）"
        )
        where = join(join_index(join(path, key), index), "inspectors")
        out.append(finding("review.two-inspectors", where, message, count))
    return out


_ON_SITE = "实地核查"

"""The writing-norm rules of SPEC §8: time limits, process, notices, fees, contacts, modes.

Each rule reads JSON-shaped data defensively (see :mod:`._facts`) and reports by the standard's
Chinese titles. Where a rule needs a reading the norms leave open, the reading is banzhang's own
and is written in ``docs/decisions.md``.
"""

from __future__ import annotations

import re
from typing import Any

from banzhang import codelists
from banzhang._numerals import chinese_number
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import TYPE_SPAN, ListContext
from banzhang.validation._structure import finding
from banzhang.validation.findings import WARNING, Finding

__all__ = [
    "art30_complete",
    "contacts_distinct",
    "fees_consistent",
    "materials_state_copies",
    "modes_consistent",
    "nodes_at_most_three",
    "one_time_notice",
    "promised_within_legal",
    "refusal_grounds_name_remedies",
    "refusal_names_remedies",
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
_ONE_TIME = re.compile(r"一次性告知")
_LIMIT_KEYS = ("legal_time_limit", "promised_time_limit", "time_limit")
_STEP_KEYS = ("process", "steps")


def _limits(data: Any, path: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Every time limit of a guide, review detail or item: (path, title, limit)."""
    titles = {
        "legal_time_limit": "法定办结时限",
        "promised_time_limit": "承诺办结时限",
        "time_limit": "办理时限",
    }
    found = [
        (join(path, key), titles[key], limit)
        for key in _LIMIT_KEYS
        if (limit := facts.time_limit(data, key)) is not None
    ]
    for steps_key, index, step in _steps(data):
        limit = facts.time_limit(step, "time_limit")
        if limit is not None:
            name = facts.as_str(step, "name") or f"第 {index + 1} 个环节"
            where = join(join_index(join(path, steps_key), index), "time_limit")
            found.append((where, f"环节“{name}”的时限", limit))
    return found


def _steps(data: Any) -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (key, index, step)
        for key in _STEP_KEYS
        for index, step in enumerate(facts.as_list(data, key))
        if isinstance(step, dict)
    ]


def _promised_or_legal(data: Any) -> tuple[str, dict[str, Any] | None]:
    if (limit := facts.time_limit(data, "promised_time_limit")) is not None:
        return "promised_time_limit", limit
    return "legal_time_limit", facts.time_limit(data, "legal_time_limit")


def _limit_text(limit: dict[str, Any]) -> str:
    unit = limit.get("unit") if isinstance(limit.get("unit"), str) else "（无单位）"
    return f"{limit['amount']} {unit}"


def units_stated(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """time.unit-missing: every limit has a unit; a 行政许可's are in 工作日 (or 即办)."""
    out = []
    licensing = facts.as_str(data, "power_type") == _LICENSING
    for where, title, limit in _limits(data, path):
        unit = limit.get("unit")
        if not isinstance(unit, str) or not unit.strip():
            message = f"“{title}”{limit['amount']} 未写明时限单位（工作日、自然日、小时或即办）"
            out.append(finding("time.unit-missing", join(where, "unit"), message))
        elif licensing and unit not in ("工作日", "即办"):
            message = (
                f"行政许可的“{title}”应以工作日计（《中华人民共和国行政许可法》第八十二条），"
                f"实际为“{unit}”"
            )
            out.append(finding("time.unit-missing", join(where, "unit"), message, unit))
    return out


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
        message = f"承诺办结时限 {_limit_text(promised)} 超过法定办结时限 {_limit_text(legal)}"
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
            "单一机关办理的行政许可法定时限一般为 20 个工作日"
            "（《中华人民共和国行政许可法》第四十二条）；"
            f"本事项为 {legal['amount']} 个工作日，应在“时限依据”中写明延长所依据的法律法规"
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


def steps_within_promised(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """time.steps-exceed-promised: the steps' limits add up to no more than the promise."""
    key, promised = _promised_or_legal(data)
    promised_days = facts.days(promised)
    step_days = [
        facts.days(facts.time_limit(step, "time_limit")) for _key, _index, step in _steps(data)
    ]
    known = [value for value in step_days if value is not None]
    if promised is None or promised_days is None or not known:
        return []
    total = sum(known)
    if total <= promised_days + 1e-9:
        return []
    message = (
        f"各环节时限合计约 {total:g} 个工作日，超过{'承诺' if 'promised' in key else '法定'}"
        f"办结时限 {_limit_text(promised)}"
    )
    return [finding("time.steps-exceed-promised", join(path, key), message, round(total, 3))]


def nodes_at_most_three(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """process.too-many-nodes: at most 3 internal review nodes (受理, 审查, 决定), one more for
    each 上报/转报/技术性审查 the item has; the applicant's and the delivery steps are no nodes."""
    flags = [flag for flag in facts.as_list(data, "approval_flags") if isinstance(flag, str)]
    allowed = 3 + len(flags)
    steps = _steps(data)
    internal = [
        name
        for _key, _index, step in steps
        if _is_review_node(name := facts.as_str(step, "name") or "", facts.as_str(step, "stage"))
    ]
    if len(internal) <= allowed:
        return []
    extra = f"（另有{'、'.join(flags)}，可多 {len(flags)} 个）" if flags else ""
    message = (
        f"内部审批节点有 {len(internal)} 个（{'、'.join(internal)}），"
        f"不得超过受理、审查、决定 3 个{extra}"
    )
    return [finding("process.too-many-nodes", join(path, steps[0][0]), message, len(internal))]


#: Steps that are the applicant's or the delivery's, never an internal review node [S 002].
_NOT_A_NODE = (
    "申请",
    "提交",
    "制证",
    "发证",
    "领证",
    "送达",
    "邮寄",
    "办结",
    "归档",
    "缴费",
    "事后监管",
)
#: What names an internal review node.
_REVIEW_WORDS = (
    "受理",
    "初审",
    "审查",
    "复审",
    "审核",
    "决定",
    "审批",
    "审定",
    "核准",
    "批准",
    "复核",
    "核查",
    "勘验",
)


def _is_review_node(name: str, stage: str | None) -> bool:
    """Whether a step is one of the agency's internal review nodes."""
    if any(word in name for word in _NOT_A_NODE) or stage in ("送达", "事后监管"):
        return False
    return stage in ("受理", "审查", "决定") or any(word in name for word in _REVIEW_WORDS)


def one_time_notice(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """notice.one-time: the 受理 step promises one notice of every correction, and the clause
    that says 一次性告知 sets 当场 or at most 5 days (not a deadline found elsewhere)."""
    steps = _steps(data)
    if not steps:
        return []
    for key, index, step in steps:
        if facts.as_str(step, "stage") != "受理" and "受理" not in (
            facts.as_str(step, "name") or ""
        ):
            continue
        text = facts.texts(step, "content", "points", "standards", "duties")
        problem = _one_time_problem(text)
        if problem is None:
            return []
        return [finding("notice.one-time", join_index(join(path, key), index), problem)]
    message = "办理流程中没有受理环节，无法确认是否一次性告知需要补正的全部内容"
    return [finding("notice.one-time", join(path, steps[0][0]), message)]


#: A deadline in days: 五日, 5个工作日, 十五个工作日, 15 天.
_DAYS = re.compile(r"([0-9]+|[一二三四五六七八九十百]+)\s*个?\s*(?:工作日|日|天)")
_CLAUSE_END = re.compile(r"[。；;\n]")


def _one_time_problem(text: str) -> str | None:
    """What is wrong with the 一次性告知 promise in ``text``, or ``None`` when it is right."""
    clauses = [clause for clause in _CLAUSE_END.split(text) if _ONE_TIME.search(clause)]
    if not clauses:
        return (
            "受理环节应写明：材料不齐全或不符合法定形式的，"
            "当场或者在五日内一次性告知申请人需要补正的全部内容"
        )
    for clause in clauses:
        days = [chinese_number(found.group(1)) for found in _DAYS.finditer(clause)]
        if any(day > _NOTICE_DAYS for day in days):
            longest = max(days)
            return (
                f"一次性告知补正内容的期限为 {longest} 日，超过法定的五日"
                "（《中华人民共和国行政许可法》第三十二条：当场或者在五日内一次性告知）"
            )
        if not days and "当场" not in clause:
            return "写明了一次性告知，但没有写明期限：应当场或者在五日内一次性告知"
    return None


#: 行政许可法 art. 32: 当场 or within five days.
_NOTICE_DAYS = 5


def refusal_names_remedies(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """refusal.remedies: a guide tells applicants of both 行政复议 and 行政诉讼."""
    return _remedies_named(data, path)


def refusal_grounds_name_remedies(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """refusal.remedies: a review detail that lists grounds for refusal names both remedies."""
    if facts.as_list(data, "refusal_grounds") or facts.as_list(data, "non_acceptance_grounds"):
        return _remedies_named(data, path)
    return []


def _remedies_named(data: Any, path: str) -> list[Finding]:
    remedies = facts.as_str(data, "remedies") or ""
    missing = [channel for channel in ("行政复议", "行政诉讼") if channel not in remedies]
    if missing:
        message = (
            "“救济途径”应告知不予受理、不予许可时可依法申请行政复议或者提起行政诉讼；"
            f"缺少：{'、'.join(missing)}"
        )
        return [finding("refusal.remedies", join(path, "remedies"), message, remedies or None)]
    wrong = _wrong_deadlines(remedies)
    if not wrong:
        return []
    message = "“救济途径”写明的期限与法定期限不符：" + "；".join(wrong)
    return [finding("refusal.remedies", join(path, "remedies"), message, remedies)]


#: The statutory deadlines, when a guide writes one: 复议 60 日 (行政复议法), 诉讼 6 个月
#: (行政诉讼法第四十六条), each read in the clause that names the remedy.
_REMEDY_DEADLINES = (
    (
        "行政复议",
        re.compile(r"([0-9]+|[一二三四五六七八九十]+)\s*(?:个)?\s*(日|天|工作日|个?月)"),
        60,
        "日",
    ),
    ("行政诉讼", re.compile(r"([0-9]+|[一二三四五六七八九十]+)\s*(?:个)?\s*(月|日|天)"), 6, "月"),
)


def _wrong_deadlines(remedies: str) -> list[str]:
    wrong = []
    for clause in re.split(r"[。；;，,]|或者|或", remedies):
        for remedy, pattern, statutory, unit in _REMEDY_DEADLINES:
            if remedy not in clause:
                continue
            for found in pattern.finditer(clause):
                amount, written = chinese_number(found.group(1)), found.group(2).lstrip("个")
                if (amount, written) != (statutory, unit):
                    legal = f"{statutory} {'日' if unit == '日' else '个月'}"
                    wrong.append(f"{remedy}期限写为 {found.group(0)}，法定为 {legal}")
    return wrong


def fees_consistent(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """fee.basis-required: charged ⇒ 收费依据 and 收费标准; not charged ⇒ neither."""
    charged = data.get("charged") if isinstance(data, dict) else None
    if type(charged) is not bool:
        return []
    has_basis = bool(facts.as_list(data, "fee_basis"))
    has_standard = facts.as_str(data, "fee_standard") is not None
    out = []
    if charged:
        if not has_basis:
            out.append(
                finding("fee.basis-required", join(path, "fee_basis"), "收费的事项应写明“收费依据”")
            )
        if not has_standard:
            out.append(
                finding(
                    "fee.basis-required", join(path, "fee_standard"), "收费的事项应写明“收费标准”"
                )
            )
    elif has_basis or has_standard:
        message = "“是否收费”为否，却写有收费依据或收费标准；不收费的事项不应列收费依据和标准"
        out.append(finding("fee.basis-required", join(path, "charged"), message, charged))
    return out


# What art. 30 asks a guide to publish that the declarations leave optional; the required ones
# (事项名称, 审批依据, 申请条件, 法定办结时限) are the schema layer's to report, once.
_ART30 = (
    ("quantity_limit", "数量限制"),
    ("process", "办理基本流程"),
    ("materials", "申请材料目录"),
    ("application_form_sample", "申请书示范文本"),
)


def art30_complete(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """guide.art30-complete: every item art. 30 says a guide must publish is there."""
    out = []
    for key, title in _ART30:
        value = data.get(key)
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            message = f"服务指南缺少“{title}”（《中华人民共和国行政许可法》第三十条要求公示）"
            out.append(finding("guide.art30-complete", join(path, key), message))
    return out


def materials_state_copies(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """material.copies: every material states its form, and copies (≥ 1 unless electronic)."""
    out = []
    for index, material in enumerate(facts.as_list(data, "materials")):
        if not isinstance(material, dict) or material.get("shareable") is True:
            continue  # shared by the platform: the applicant hands in nothing
        where = join_index(join(path, "materials"), index)
        name = facts.as_str(material, "name") or f"第 {index + 1} 项材料"
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
            message = (
                f"材料“{name}”为纸质（{'、'.join(forms)}），应写明原件或复印件份数（至少 1 份）"
            )
            out.append(finding("material.copies", join(where, "copies"), message))
    return out


def contacts_distinct(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """contact.channels: 咨询 and 监督投诉 both given, different, phones with area codes."""
    out = []
    channels = {}
    for key, title in (("consultation", "咨询途径"), ("complaint", "监督投诉渠道")):
        contact = data.get(key) if isinstance(data, dict) else None
        if not isinstance(contact, dict) or not (
            facts.as_list(contact, "phones")
            or facts.as_str(contact, "url")
            or facts.as_str(contact, "address")
        ):
            # A missing 监督投诉渠道 is an error: seed 002 names it; 咨询 weighs as a warning.
            weight = None if key == "complaint" else WARNING
            message = f"未写明“{title}”"
            out.append(finding("contact.channels", join(path, key), message, severity=weight))
            continue
        channels[key] = (
            tuple(sorted(p for p in facts.as_list(contact, "phones") if isinstance(p, str))),
            facts.as_str(contact, "url"),
        )
        for index, phone in enumerate(facts.as_list(contact, "phones")):
            if isinstance(phone, str) and not _PHONE.match(phone.strip()):
                message = f"“{title}”的电话“{phone}”应带区号（如 0471-1234567）"
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
        said.append(("case_type", "“马上办”事项应为即办件（办件类型 1）或即审即办"))
    if "马上办" not in modes and not immediate:
        return said
    _, promised = _promised_or_legal(data)
    if promised is not None and promised["amount"] != 0 and promised.get("unit") != "即办":
        who = "“马上办”事项" if "马上办" in modes else "即办件（或即审即办）"
        message = f"{who}的承诺时限应为即办（0），实际为 {_limit_text(promised)}"
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
        said.append(("onsite_visits", f"“一次办”事项到现场次数不应超过 1 次，实际为 {visits} 次"))
    if facts.as_str(data, "online_depth") == "全程网办" and visits not in (None, 0):
        said.append(("onsite_visits", f"“全程网办”事项到现场次数应为 0，实际为 {visits} 次"))
    if visits == 0 and "网上办" not in modes and data.get("postal_delivery") is not True:
        message = "到现场 0 次而又不网上办理的，结果应邮寄送达（“是否邮寄送达”应为是）"
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
        if isinstance(location, str) and not _NEARBY.search(location.strip()):
            where = join_index(join(path, "nearby_locations"), index)
            message = (
                f"就近办理地点“{location}”不在苏木乡镇（街道）或嘎查村（社区）一级；"
                "旗县级政务服务中心不是“就近办”"
            )
            out.append(finding("mode.consistency", where, message, location))
    return out


#: A place at 苏木乡镇（街道） or 嘎查村（社区） level, or its 便民服务中心/站 [SPEC §8].
_NEARBY = re.compile(
    r"(苏木|乡|镇|街道|嘎查|村|社区)(便民服务|党群服务|政务服务)?(中心|站|大厅|室)?$"
)
#: Types only ever exercised 依职权 (SPEC §2 initiation): 02 处罚, 03 强制, 06 检查.
_EX_OFFICIO = frozenset({"02", "03", "06"})


def two_inspectors(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """review.two-inspectors: every on-site method (实地核查, and the seeds' 现场核查, 现场勘验,
    现场检查, 现场踏勘) is done by two or more staff."""
    out = []
    methods = codelists.get("review_method")
    for key, index, step in _steps(data):
        named = [m for m in facts.as_list(step, "methods") if isinstance(m, str)]
        if not any(methods.resolve(method) == "实地核查" for method in named):
            continue
        count = facts.as_int(step, "inspectors")
        if count is None or count < 2:
            name = facts.as_str(step, "name") or f"第 {index + 1} 个环节"
            shown = "未写明" if count is None else f"为 {count} 人"
            message = (
                f"环节“{name}”采用实地核查，核查人数{shown}；"
                "应指派两名以上工作人员（《中华人民共和国行政许可法》第三十四条）"
            )
            out.append(
                finding(
                    "review.two-inspectors",
                    join(join_index(join(path, key), index), "inspectors"),
                    message,
                    count,
                )
            )
    return out

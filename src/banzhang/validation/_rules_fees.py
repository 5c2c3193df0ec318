"""Fees (SPEC §4 收费事项清单, §8 ``fee.basis-required``) and the legality of a 中介服务's basis.

- Charged ⇒ a 收费依据 and a 收费标准; not charged ⇒ neither. A 收费标准 that says there is no
  fee (``不收费``, ``免费``, ``无``, ``本事项不收取任何费用``) agrees with 是否收费：否.
- A 收费标准 states amounts or how they are computed, or cites the document that sets them: one
  that only points at "the rules" (``按国家和自治区有关规定收取``) is no standard [SPEC §4], on
  the 收费事项清单 as on a guide.
- A 中介服务 may be required only by 法律、法规、规章 or a 国务院决定 (国办发〔2015〕31号: "除法律、
  行政法规、国务院决定和部门规章按照行政许可法有关行政许可条件要求规定的中介服务事项外，审批部门
  不得以任何形式要求申请人委托中介服务机构开展服务"): one resting on 规范性文件 alone is an error.

>>> is_free("本事项不收取任何费用"), is_free("每件80元")
(True, False)
>>> is_vague("按国家和自治区有关规定收取")
True
>>> is_vague("按发改价格规〔2016〕2559号规定的标准收取")
False
"""

from __future__ import annotations

import re
from typing import Any

from banzhang.validation import _facts as facts
from banzhang.validation._paths import join
from banzhang.validation._rules_codes import ListContext, RuleCheck
from banzhang.validation._structure import finding
from banzhang.validation._titles import title
from banzhang.validation.findings import Finding

__all__ = ["fees_consistent", "intermediary_basis_legal", "is_free", "is_vague", "standard_stated"]

#: A 收费标准 that says there is no fee.
_FREE = re.compile(
    r"^(?:本事项|该事项|本服务)?(?:不收费|免费(?:办理)?|无|否|不收取(?:任何)?费用|免收(?:费用)?"
    r"|无收费(?:项目|标准)?|不涉及(?:收费)?|0元|零元|0)[。.]?$"
)
#: What makes a standard concrete: a number, a document title or number, a market price.
_CONCRETE = re.compile(r"[0-9０-９%‰]|[一二三四五六七八九十百千万]+元|《|〔|市场调节|协商|合同约定")
#: What a standard that only points at the rules says.
_POINTS_AT_RULES = re.compile(r"有关|相关|规定")
_NORMATIVE = frozenset({"规范性文件", "行政规范性文件"})


def is_free(standard: str) -> bool:
    """Whether a 收费标准 says there is no fee."""
    return _FREE.match(standard.strip()) is not None


def is_vague(standard: str) -> bool:
    """Whether a 收费标准 only points at the rules, stating no amount or document."""
    text = standard.strip()
    return not _CONCRETE.search(text) and _POINTS_AT_RULES.search(text) is not None


def fees_consistent(model: type[Any]) -> RuleCheck:
    """fee.basis-required: charged ⇒ 收费依据 and 收费标准; not charged ⇒ neither — over the
    ``charged``, ``fee_basis`` and ``fee_standard`` elements of ``model``, by their titles."""
    titles = {key: title(model, key) for key in ("charged", "fee_basis", "fee_standard")}

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        charged = data.get("charged")
        if type(charged) is not bool:
            return []
        return _fee_problems(data, path, titles, charged=charged)

    return check


def _fee_problems(data: Any, path: str, titles: dict[str, str], *, charged: bool) -> list[Finding]:
    charged_t, basis_t, standard_t = (
        titles[key] for key in ("charged", "fee_basis", "fee_standard")
    )
    standard = facts.as_str(data, "fee_standard")
    has_basis = bool(facts.as_list(data, "fee_basis"))
    says_free = standard is not None and is_free(standard)
    if charged and says_free:
        message = f"“{charged_t}”为是，“{standard_t}”却写“{standard}”"
        return [finding("fee.basis-required", join(path, "fee_standard"), message, standard)]
    if charged:
        missing = [
            key
            for key, given in (("fee_basis", has_basis), ("fee_standard", standard))
            if not given
        ]
        return [
            finding("fee.basis-required", join(path, key), f"收费的事项应写明“{titles[key]}”")
            for key in missing
        ]
    if has_basis or (standard is not None and not says_free):
        message = (
            f"“{charged_t}”为否，却写有{basis_t}或{standard_t}；"
            f"不收费的事项不应列{basis_t}和{standard_t}"
        )
        return [finding("fee.basis-required", join(path, "charged"), message, charged)]
    return []


def standard_stated(model: type[Any], key: str) -> RuleCheck:
    """fee.basis-required: the 收费标准 at ``key`` states amounts, a computation or a document."""
    shown = title(model, key)

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        standard = facts.as_str(data, key)
        if standard is None or not is_vague(standard) or data.get("charged") is False:
            return []
        message = f"“{shown}”写为“{standard}”，没有写明收费金额、计算方法或规定标准的文件及文号"
        return [finding("fee.basis-required", join(path, key), message, standard)]

    return check


def intermediary_basis_legal(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """basis.legality: a 中介服务 is required by a law, regulation, rule or 国务院决定."""
    levels = [
        level
        for basis in facts.as_list(data, "basis")
        if isinstance(basis, dict) and isinstance(level := basis.get("level"), str)
    ]
    if not levels or not all(level in _NORMATIVE for level in levels):
        return []
    shown = "、".join(dict.fromkeys(levels))
    message = (
        f"中介服务的设定依据只有{shown}；除法律、法规、规章和国务院决定规定的中介服务外，"
        "审批部门不得要求申请人委托中介服务机构开展服务（国办发〔2015〕31号）"
    )
    return [finding("basis.legality", join(path, "basis"), message, shown)]

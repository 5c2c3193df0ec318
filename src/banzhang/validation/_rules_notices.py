"""Notices and remedies (SPEC §8 ``notice.one-time``, ``refusal.remedies``), read as a reviewer
reads them.

- ``notice.one-time``: the 受理 step promises to tell, once, everything to correct — 当场 or
  within five days (行政许可法第三十二条). The period read is the agency's: what is told
  (``一次性告知申请人在30日内补正``) and what the applicant must do (``申请人应在30日内提交补正
  材料``) set the applicant's 补正 period, which the article leaves to the agency.
- ``refusal.remedies``: a guide names 行政复议 and 行政诉讼; each period written is read with the
  route it belongs to (60日 for 复议, 6个月 for 诉讼, and 15日 after a 复议决定, 行政诉讼法第四十五
  条), and a finding quotes the period as the document wrote it.

>>> _one_time_problem("材料不齐全的，当场或者在五日内一次性告知申请人需要补正的全部内容，"
...                   "申请人应在30日内提交补正材料。") is None
True
>>> _wrong_deadlines("可以自收到决定之日起6个月内申请行政复议。")
['行政复议的期限写为“6个月”，法定为60日（《中华人民共和国行政复议法》）']
"""

from __future__ import annotations

import re
from typing import Any

from banzhang._numerals import chinese_number
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join, join_index
from banzhang.validation._rules_codes import ListContext, RuleCheck
from banzhang.validation._shapes import shape_of, steps_of
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["one_time_notice", "refusal_grounds_name_remedies", "refusal_names_remedies"]


def one_time_notice(model: type[Any]) -> RuleCheck:
    """notice.one-time, over the step lists a ``model`` declares (see :func:`_one_time_notice`)."""
    keys = shape_of(model).steps

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        return _one_time_notice(steps_of(data, keys), path)

    return check


def _one_time_notice(steps: list[tuple[str, int, dict[str, Any]]], path: str) -> list[Finding]:
    """notice.one-time: the 受理 step promises one notice of every correction, and the clause
    that says 一次性告知 sets 当场 or at most 5 days (not a deadline found elsewhere)."""
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
    sentences = [sentence for sentence in _CLAUSE_END.split(text) if _ONE_TIME.search(sentence)]
    if not sentences:
        return (
            "受理环节应写明：材料不齐全或不符合法定形式的，"
            "当场或者在五日内一次性告知申请人需要补正的全部内容"
        )
    agencys = [_agencys_part(sentence) for sentence in sentences]
    for agency in agencys:
        for found in _DAYS.finditer(agency):
            if chinese_number(found.group(1)) > _NOTICE_DAYS:
                return (
                    f"一次性告知补正内容的期限写为“{found.group(0)}”，超过法定的五日"
                    "（《中华人民共和国行政许可法》第三十二条：当场或者在五日内一次性告知）"
                )
    # One sentence that sets the period is enough: others may mention the 一次性告知书 itself.
    if not any(_DAYS.search(agency) or _AT_ONCE.search(agency) for agency in agencys):
        return "写明了一次性告知，但没有写明期限：应当场或者在五日内一次性告知"
    return None


def _agencys_part(sentence: str) -> str:
    """The words of ``sentence`` that set the agency's own notice period.

    What is told (``一次性告知申请人在30日内补正``) and what the applicant must do
    (``申请人应在30日内提交补正材料``) set the applicant's 补正 period, which 行政许可法第三十二条
    leaves to the agency: it is not the notice period.
    """
    parts = _SUB_CLAUSE.split(sentence)
    said = []
    for part in parts:
        if (told := _ONE_TIME.search(part)) is not None:
            said.append(part[: told.start()])
        elif not _APPLICANTS.search(part) or "告知" in part:
            said.append(part)
    return "，".join(said)


#: The law's 当场, and the 即时 / 立即 guides write for it.
_AT_ONCE = re.compile(r"当场|即时|立即")
#: The law's 一次告知, the guides' 一次性告知, and what they put between: 一次性明确告知,
#: 一次性书面告知, 一次性准确、全面告知, 一次性作出补正告知.
_ONE_TIME = re.compile(r"一次性?[^，,。；;]{0,6}?告知")
_SUB_CLAUSE = re.compile(r"[，,]")
#: A sub-clause of what the applicant does: 申请人应在30日内提交补正材料, 申请人应当于…补齐.
_APPLICANTS = re.compile(r"申请人.{0,16}(?:补正|补齐|补交|补充|提交|提供)")


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
    named = {_route(found.group()) for found in _ROUTE.finditer(remedies)}
    missing = [channel for channel in ("行政复议", "行政诉讼") if channel not in named]
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


#: A period as a document writes it: 60日, 六十日, 6个月, 十五天.
_PERIOD = re.compile(r"([0-9]+|[一二三四五六七八九十百]+)\s*(?:个)?\s*(工作日|日|天|月)")
#: How guides name each route: 申请行政复议 / 申请复议; 提起行政诉讼 / 向人民法院起诉.
_ROUTE = re.compile(r"行政复议|申请复议|复议申请|行政诉讼|提起诉讼|起诉|人民法院")
#: The statutory period of each route: (amount, unit as read, how the law says it).
_STATUTORY = {
    "行政复议": (60, "日", "60日（《中华人民共和国行政复议法》）"),
    "行政诉讼": (6, "月", "6个月（《中华人民共和国行政诉讼法》第四十六条）"),
}
#: 行政诉讼法第四十五条: 15 days to sue after a 复议决定 (or after the 复议 period lapses).
_AFTER_REVIEW = (15, "日")
_AFTER_REVIEW_WORDS = re.compile(r"复议决定|复议机关")


def _wrong_deadlines(remedies: str) -> list[str]:
    """Each period written, read with the route it belongs to, when it is not the law's."""
    wrong = []
    for sentence in re.split(r"[。；;\n]", remedies):
        routes = [(found.start(), _route(found.group())) for found in _ROUTE.finditer(sentence)]
        for found in _PERIOD.finditer(sentence):
            route = _route_of(found.end(), routes)
            if route is None:
                continue
            written = (
                chinese_number(found.group(1)),
                "日" if found.group(2) == "天" else found.group(2),
            )
            after_review = _AFTER_REVIEW_WORDS.search(sentence, 0, found.start()) is not None
            if written == _STATUTORY[route][:2]:
                continue
            if route == "行政诉讼" and after_review and written == _AFTER_REVIEW:
                continue  # the third lawful period: 15 日 after the 复议决定
            wrong.append(f"{route}的期限写为“{found.group(0)}”，法定为{_STATUTORY[route][2]}")
    return wrong


def _route(words: str) -> str:
    """The route a mention of it names."""
    return "行政复议" if "复议" in words else "行政诉讼"


def _route_of(end: int, routes: list[tuple[int, str]]) -> str | None:
    """The route a period ending at ``end`` belongs to: the first named after it (``60日内申请
    行政复议``), else the last named before it (``申请行政复议的期限为60日``)."""
    after = [route for start, route in routes if start >= end]
    if after:
        return after[0]
    before = [route for start, route in routes if start < end]
    return before[-1] if before else None

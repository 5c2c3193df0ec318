"""The writing norms as 要求: each rule of the catalogue, its 能愿动词 from its severity.

The catalogue (``banzhang.validation.all_rules()``) is read when the draft is built, never
copied: a rule added, reworded or made stricter there changes the draft with it. A rule's title
names what it finds wrong, so a requirement lists it under "不应出现下列情形" (an error: 应) or
"不宜出现下列情形" (a warning: 宜).

>>> [clause.title for clause in rule_clauses("服务指南", ("fee", "contact"))]
['收费', '咨询和监督投诉']
"""

from __future__ import annotations

from collections.abc import Iterable

from banzhang import kinds
from banzhang.generate.standard._model import Clause, ListItems
from banzhang.validation import Rule, all_rules

__all__ = ["GROUPS", "VERBS", "rule_clauses", "rules_of", "verb_of"]

#: The title of the clause that gathers the rules whose ids start with each group.
GROUPS = {
    "guide": "服务指南的内容",
    "review": "审查环节",
    "basis": "依据",
    "material": "申请材料和申请条件",
    "time": "时限",
    "process": "办理流程",
    "notice": "一次性告知",
    "refusal": "不予受理和不予许可",
    "fee": "收费",
    "contact": "咨询和监督投诉",
    "mode": "办理方式",
    "code": "编码",
}

#: The 能愿动词 of each severity: an error is a requirement (应), a warning a recommendation (宜).
VERBS = {"error": "不应", "warning": "不宜"}


def rules_of(groups: Iterable[str], subject: str = "") -> list[Rule]:
    """Return the catalogue's rules whose ids start with one of ``groups``, in catalogue order.

    A rule that names another kind of document (“权责清单事项未写明基本流程”) is that kind's,
    not ``subject``'s, and is left out.
    """
    wanted = tuple(f"{group}." for group in groups)
    others = [kind.title for kind in kinds.all_kinds() if kind.title != subject]
    return [
        rule
        for rule in all_rules()
        if rule.id.startswith(wanted) and not any(title in rule.title for title in others)
    ]


def rule_clauses(subject: str, groups: tuple[str, ...]) -> tuple[Clause, ...]:
    """Return a clause a group: what ``subject`` 不应 or 不宜 show, rule by rule."""
    clauses = []
    for group in groups:
        rules = rules_of((group,), subject)
        if not rules:
            continue
        by_verb: dict[str, list[str]] = {}
        for rule in rules:
            by_verb.setdefault(verb_of(rule.severity), []).append(rule.title)
        lists = tuple(
            ListItems(tuple((title, ()) for title in titles), f"{subject}{verb}出现下列情形：")
            for verb, titles in sorted(by_verb.items(), key=lambda pair: _ORDER.index(pair[0]))
        )
        clauses.append(Clause(GROUPS.get(group, "其他要求"), lists))
    return tuple(clauses)


_ORDER = ("不应", "不宜")


def verb_of(severity: str) -> str:
    """Return the 能愿动词 of a severity; one the catalogue adds later (say, a notice) is at most
    a recommendation, never dropped."""
    return VERBS.get(severity, "不宜")

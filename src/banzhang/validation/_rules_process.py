"""``process.too-many-nodes``: what a step is, and the three-node cap of seed 002.

Seed 002: "除必须上报、转报或进行技术性审查的事项外，其他事项内部审批流程设置不得超过受理、审查、
决定3个节点". A step is read for what it is, not matched against one list of words:

- an internal decision node: 受理, 初审, 审查, 审核, 复核, 会审, 集体研究, 集体讨论, 局务会审议,
  决定, 审批, 签发 …;
- 审批关联业务 [S 001 "现场勘验、技术审查、专家论证、检验检测等审批关联业务"]: 现场核查, 专家评审,
  检验检测 … — part of the process (seed 002 wants 现场环节、技术环节 listed), never a node;
- the applicant's and the delivery's steps: 申请, 缴费, 制证, 送达, 归档 … — never a node.

>>> [node_kind(name, None) for name in ("集体研究", "局务会审议", "现场核查", "制证", "申请受理")]
['decision', 'decision', 'related', 'other', 'decision']
>>> node_kind("审查（含现场核查）", None)
'decision'
"""

from __future__ import annotations

import re
from typing import Any, Literal

from banzhang.validation import _facts as facts
from banzhang.validation._paths import join
from banzhang.validation._rules_codes import ListContext, RuleCheck
from banzhang.validation._shapes import shape_of
from banzhang.validation._structure import finding
from banzhang.validation.findings import Finding

__all__ = ["node_kind", "nodes_at_most_three"]

NodeKind = Literal["decision", "related", "other"]

#: Words that end the name of a step of the applicant's or of the delivery's [S 002].
_NOT_A_NODE = (
    "申请",
    "提交",
    "缴费",
    "制证",
    "发证",
    "领证",
    "送达",
    "邮寄",
    "办结",
    "归档",
    "公告",
    "公示",
    "事后监管",
)
#: 审批关联业务 [S 001]: on-site, expert, testing and technical work.
_RELATED = (
    "现场",
    "实地",
    "勘验",
    "勘察",
    "踏勘",
    "专家",
    "论证",
    "评审",
    "检验",
    "检测",
    "鉴定",
    "技术审查",
    "听证",
)
#: What names an internal decision node.
_DECISION = (
    "受理",
    "审查",
    "审核",
    "初审",
    "复审",
    "复核",
    "会审",
    "审议",
    "研究",
    "讨论",
    "决定",
    "审批",
    "审定",
    "核准",
    "批准",
    "签发",
)
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_DECISION_STAGES = frozenset({"受理", "审查", "决定"})
_CAP = 3


def node_kind(name: str, stage: str | None) -> NodeKind:
    """Whether a step is an internal decision node, 审批关联业务, or neither.

    A note in brackets (``审查（含现场核查）``) says what a step includes, not what it is.
    """
    name = _BRACKETED.sub("", name).strip()
    if name.endswith(_NOT_A_NODE) or stage in ("送达", "事后监管"):
        return "other"
    if any(word in name for word in _RELATED):
        return "related"
    if any(word in name for word in _DECISION) or stage in _DECISION_STAGES:
        return "decision"
    return "other"


def nodes_at_most_three(model: type[Any]) -> RuleCheck:
    """process.too-many-nodes: at most 受理, 审查, 决定 in the step lists a ``model``
    declares — unless the item is 上报, 转报 or undergoes 技术性审查 [S 002], which its
    审批流程特殊情形 says."""
    keys = shape_of(model).steps

    def check(data: Any, path: str, _context: ListContext) -> list[Finding]:
        if facts.as_list(data, "approval_flags"):
            return []
        return [found for key in keys if (found := _too_many(data, path, key)) is not None]

    return check


def _too_many(data: Any, path: str, key: str) -> Finding | None:
    nodes = [
        name
        for step in facts.as_list(data, key)
        if isinstance(step, dict)
        and node_kind(name := facts.as_str(step, "name") or "", facts.as_str(step, "stage"))
        == "decision"
    ]
    if len(nodes) <= _CAP:
        return None
    message = (
        f"内部审批节点有{len(nodes)}个（{'、'.join(nodes)}），不得超过受理、审查、决定3个节点"
        "（须上报、转报或进行技术性审查的，在“审批流程特殊情形”中写明）"
    )
    return finding("process.too-many-nodes", join(path, key), message, len(nodes))

"""What a 权责清单 item owes beyond its shape (SPEC §2 启动方式, §4 权责清单).

- ``power.initiation``: a 行政处罚, 行政强制 or 行政检查 is exercised 依职权 (SPEC §2); marked
  依申请 it is wrong, and it enters the 三办率's denominator of items applied for [S 003].
- ``power.complete`` (warnings): a 行政许可's 责任事项 cover at least 受理, 审查 and 决定
  (中办发〔2015〕21号 lists the 责任事项 by stage); an item's 行使层级 include the level of the
  list it is listed in.
"""

from __future__ import annotations

from typing import Any

from banzhang import codelists
from banzhang.kinds.power_list import PowerItem
from banzhang.validation import _facts as facts
from banzhang.validation._paths import join
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._structure import finding
from banzhang.validation._titles import title
from banzhang.validation.findings import Finding

__all__ = ["initiation_fits_type", "levels_include_own", "responsibilities_cover_stages"]

#: Types only ever exercised 依职权 (SPEC §2): 02 处罚, 03 强制, 06 检查.
_EX_OFFICIO = frozenset({"02", "03", "06"})
_LICENSING = "01"
#: The stages every 行政许可's 责任事项 cover, at least, each with the words lists use for it.
_STAGES = (
    ("受理", ("受理",)),
    ("审查", ("审查", "审核", "初审", "复审", "核查", "审验")),
    ("决定", ("决定", "审批", "批准", "核准", "审定")),
)
#: 分级管理: the item is exercised at whichever level the law assigns, the list's included.
_SEVERAL_LEVELS = "7"


def initiation_fits_type(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """power.initiation: a 处罚, 强制 or 检查 is never 依申请."""
    initiation = data.get("initiation")  # most lists leave it out: the cheapest test first
    power_type = data.get("power_type") if isinstance(initiation, str) else None
    if power_type not in _EX_OFFICIO or not isinstance(initiation, str):
        return []
    if codelists.get("initiation").resolve(initiation) != "依申请":
        return []
    type_title = codelists.get("power_type").title_of(power_type)
    message = (
        f"{type_title}是依职权实施的事项，“{title(PowerItem, 'initiation')}”却为“{initiation}”；"
        "标为依申请还会计入三办率的依申请事项"
    )
    return [finding("power.initiation", join(path, "initiation"), message, initiation)]


def responsibilities_cover_stages(data: Any, path: str, _context: ListContext) -> list[Finding]:
    """power.complete: a 行政许可's 责任事项 cover 受理, 审查 and 决定 (by stage or by words)."""
    if facts.as_str(data, "power_type") != _LICENSING:
        return []
    entries = [
        entry for entry in facts.as_list(data, "responsibilities") if isinstance(entry, dict)
    ]
    if not entries:
        return []  # the schema layer reports an empty 责任事项
    said = "\n".join(facts.texts(entry, "stage", "content") for entry in entries)
    missing = [stage for stage, words in _STAGES if not any(word in said for word in words)]
    if not missing:
        return []
    shown = title(PowerItem, "responsibilities")
    message = f"行政许可的“{shown}”未写明{'、'.join(missing)}环节的责任；至少应包括受理、审查、决定"
    return [finding("power.complete", join(path, "responsibilities"), message)]


def levels_include_own(data: Any, path: str, context: ListContext) -> list[Finding]:
    """power.complete: an item's 行使层级 include the level of its list."""
    levels = [level for level in facts.as_list(data, "levels") if isinstance(level, str)]
    own = context.level
    if not levels or own is None or own in levels or _SEVERAL_LEVELS in levels:
        return []
    names = codelists.get("level")
    if any(names.resolve(level) != level for level in (*levels, own)):
        return []  # a level outside the codelist is the schema layer's to report
    shown = "、".join(names.label(level) for level in levels)
    message = (
        f"“{title(PowerItem, 'levels')}”为{shown}，不含本清单的层级“{names.label(own)}”；"
        "列入本级清单的事项应由本级行使"
    )
    return [finding("power.complete", join(path, "levels"), message, levels)]

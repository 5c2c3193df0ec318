"""The documents the drafts cite: normative references, the seeds, and laws named in sources.

The declarations cite their sources tersely (``S 002``, ``V 国发〔2015〕6号``); a standard's
参考文献 and an 编制说明 name them in full, by the titles declared with the sources
(:mod:`banzhang.declare._sources`, which the templates' 说明 sheets read too).

>>> bibliography(["S 002; V 《中华人民共和国行政许可法》第三十八条"])
('《中华人民共和国行政许可法》', '《攀枝花市西区深化行政许可标准化建设工作方案》')
>>> for entry in bibliography(["V 内政发〔2021〕6号; S 003", "P 国发〔2015〕6号 压缩时限"]):
...     print(entry)
《呼伦贝尔市委编办2018年法治政府建设工作总结》
《国务院关于规范国务院部门行政审批行为改进行政审批有关工作的通知》（国发〔2015〕6号）
内政发〔2021〕6号
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from banzhang.declare import NATIONAL_TITLES, NUMBERED, SEEDS, seed_title, split_sources
from banzhang.generate.standard._model import Reference

__all__ = ["CODING_RULE", "LAWS", "NATIONAL", "SEEDS", "bibliography", "seed_title"]

#: The national standards the drafts cite normatively, by designation (their titles are
#: declared once, beside the sources that cite them).
NATIONAL = {
    designation: Reference(designation, title) for designation, title in NATIONAL_TITLES.items()
}

#: The companion draft the two writing norms cite for the codes.
CODING_RULE = Reference("DB15/T ××××", "行政权力事项编码规则")

#: Laws the writing norms cite normatively (cited by title, without a designation).
LAWS = {
    "行政许可法": Reference("", "中华人民共和国行政许可法"),
}

_TITLE = re.compile(r"《[^》]+》")
#: A policy document's number: 国发〔2015〕6号, 内政发〔2021〕6号 …
_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def bibliography(sources: Iterable[str]) -> tuple[str, ...]:
    """Return, sorted, every law, policy document and seed the ``sources`` cite."""
    found: set[str] = set()
    for source in sources:
        for tag, clause in split_sources(source):
            found.update(_cited(tag, clause))
    return tuple(sorted(found))


def _cited(tag: str | None, clause: str) -> set[str]:
    if tag == "S":
        return {seed_title(n) for n in re.findall(r"\d{3}", clause) if n in SEEDS}
    cited = set(_TITLE.findall(clause))
    for number in _NUMBER.findall(clause):
        title = NUMBERED.get(number)
        cited.add(f"《{title}》（{number}）" if title else number)  # a number alone still cites
    return cited

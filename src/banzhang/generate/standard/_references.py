"""The documents the drafts cite: normative references, the seeds, and laws named in sources.

The declarations cite their sources tersely (``S 002``, ``V 国发〔2015〕6号``); a standard's
参考文献 and an 编制说明 name them in full. The titles below are those of the published
documents; the seeds are the region's documents the project started from.

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

from banzhang.declare import split_sources
from banzhang.generate.standard._model import Reference

__all__ = ["CODING_RULE", "LAWS", "NATIONAL", "SEEDS", "bibliography", "seed_title"]

#: The national standards the drafts cite normatively, by designation.
NATIONAL = {
    "GB/T 2260": Reference("GB/T 2260", "中华人民共和国行政区划代码"),
    "GB 32100": Reference("GB 32100", "法人和其他组织统一社会信用代码编码规则"),
    "GB/T 39046": Reference("GB/T 39046", "政务服务平台基础数据规范"),
    "GB/T 39554.1": Reference(
        "GB/T 39554.1",
        "全国一体化政务服务平台　政务服务事项基本目录及实施清单　第1部分：编码要求",
    ),
}

#: The companion draft the two writing norms cite for the codes.
CODING_RULE = Reference("DB15/T ××××", "行政权力事项编码规则")

#: Laws the writing norms cite normatively (cited by title, without a designation).
LAWS = {
    "行政许可法": Reference("", "中华人民共和国行政许可法"),
}

#: The seed documents, by their number in the sources (``S 002``).
SEEDS = {
    "000": "自治区行政审批制度改革“八张清单”标准化体系建设工作方案",
    "001": "内蒙古自治区人民政府办公厅关于深化相对集中行政许可权改革有关事宜的通知",
    "002": "攀枝花市西区深化行政许可标准化建设工作方案",
    "003": "呼伦贝尔市委编办2018年法治政府建设工作总结",
    "004": "集中清理规范行政许可和非行政许可审批和服务事项工作实施方案",
}

#: Policy documents the sources cite by number, with their titles.
_NUMBERED = {
    "国发〔2015〕6号": "国务院关于规范国务院部门行政审批行为改进行政审批有关工作的通知",
    "中办发〔2015〕21号": "关于推行地方各级政府工作部门权力清单制度的指导意见",
    "国办发〔2022〕2号": "国务院办公厅关于全面实行行政许可事项清单管理的通知",
}
_TITLE = re.compile(r"《[^》]+》")
#: A policy document's number: 国发〔2015〕6号, 内政发〔2021〕6号 …
_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def seed_title(number: str) -> str:
    """Return the title of seed ``number`` in book-title marks, or the number if unknown."""
    title = SEEDS.get(number)
    return f"《{title}》" if title else f"种子文件 {number}"


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
        title = _NUMBERED.get(number)
        cited.add(f"《{title}》（{number}）" if title else number)  # a number alone still cites
    return cited

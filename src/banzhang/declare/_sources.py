"""The documents the declarations' sources cite, and a source said in words.

An element's source is written tersely (``S 002``, ``V GB/T 2260``, ``B SPEC §7``); a template's
说明 sheet, a standard's 参考文献 and an 编制说明 name the documents by their titles. The titles
are those of the published documents; the seeds are the region's documents the project started
from; SPEC is banzhang's reference specification.

>>> source_words("S 002; V 《中华人民共和国行政许可法》第三十八条")
'《攀枝花市西区深化行政许可标准化建设工作方案》；《中华人民共和国行政许可法》第三十八条'
>>> source_words("V GB/T 2260")
'GB/T 2260《中华人民共和国行政区划代码》'
>>> source_words("B SPEC §7")
'自定：参考规范第 7 节（事项编码规则）'
>>> source_words("P 国办发〔2022〕2号")
'通行做法：《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）'
"""

from __future__ import annotations

import re

from banzhang.declare._element import split_sources

__all__ = [
    "NATIONAL_TITLES",
    "NUMBERED",
    "SEEDS",
    "clause_words",
    "seed_title",
    "source_words",
]

#: The national standards the sources cite, by designation.
NATIONAL_TITLES = {
    "GB/T 2260": "中华人民共和国行政区划代码",
    "GB 32100": "法人和其他组织统一社会信用代码编码规则",
    "GB/T 39046": "政务服务平台基础数据规范",
    "GB/T 39554.1": ("全国一体化政务服务平台　政务服务事项基本目录及实施清单　第1部分：编码要求"),
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
NUMBERED = {
    "国发〔2015〕6号": "国务院关于规范国务院部门行政审批行为改进行政审批有关工作的通知",
    "中办发〔2015〕21号": "关于推行地方各级政府工作部门权力清单制度的指导意见",
    "国办发〔2022〕2号": "国务院办公厅关于全面实行行政许可事项清单管理的通知",
}

#: The sections of banzhang's reference specification (SPEC.md) the sources cite.
_SPEC_SECTIONS = {
    "1": "文档类型和清单信息",
    "2": "代码表",
    "3": "共用的值类型",
    "4": "八张清单的事项要素",
    "5": "服务指南",
    "6": "审查细则",
    "7": "事项编码规则",
    "8": "编写规范规则",
    "9": "跨文档检查",
    "10": "格式约定",
}
_TAG_WORDS = {"P": "通行做法", "B": "自定"}
#: A national standard's designation, with its year (GB/T 39046-2020) or not.
_DESIGNATION = re.compile(
    "(" + "|".join(re.escape(d) for d in sorted(NATIONAL_TITLES, key=len, reverse=True)) + r")"
    r"(-\d{4})?(?![\d.])"
)
#: A policy document's number: 国发〔2015〕6号, 内政发〔2021〕6号 …
_NUMBER = re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号")


def seed_title(number: str) -> str:
    """Return the title of seed ``number`` in book-title marks, or the number if unknown."""
    title = SEEDS.get(number)
    return f"《{title}》" if title else f"种子文件 {number}"


def _spec_words(clause: str) -> str:
    """``SPEC §7`` as ``参考规范第 7 节（事项编码规则）``, the title left out where the clause
    names it already (``SPEC §2 代码表``)."""

    def section(found: re.Match[str]) -> str:
        title = _SPEC_SECTIONS.get(found[1])
        said = f"参考规范第 {found[1]} 节"
        return f"{said}（{title}）" if title and title not in clause else said

    return _SPEC.sub(section, clause)


def _designation(found: re.Match[str]) -> str:
    return f"{found[0]}《{NATIONAL_TITLES[found[1]]}》"


def _numbered(found: re.Match[str]) -> str:
    title = NUMBERED.get(found[0])
    return f"《{title}》（{found[0]}）" if title else found[0]


#: The notations the declarations' sources use, in the words a reader reads.
_SPEC = re.compile(r"SPEC §(\d+)")
_CLAUSE_WORDS = (
    (re.compile(r"CHANGELOG"), lambda _found: "变更记录"),
    (re.compile(r"JSON 结构"), lambda _found: "文档结构"),
    (_DESIGNATION, _designation),
    (_NUMBER, _numbered),
)


def clause_words(clause: str) -> str:
    """Return a source's clause with the project's notations in words: ``SPEC §7``, a national
    standard's designation and a policy document's number with their titles."""
    clause = _spec_words(clause)
    for notation, words in _CLAUSE_WORDS:
        clause = notation.sub(words, clause)
    return clause


def source_words(source: str) -> str:
    """Return a source (``S 002; V 《…》第三十八条``) as a citation in Chinese words."""
    parts = []
    for tag, written in split_sources(source):
        clause = clause_words(written)
        if tag in ("P", "B"):
            parts.append(f"{_TAG_WORDS[tag]}：{clause}" if clause else _TAG_WORDS[tag])
        elif tag == "S":
            parts.append(re.sub(r"\d{3}", lambda n: seed_title(n[0]), clause))
        else:
            parts.append(clause)
    return "；".join(parts)

"""Shared value types (SPEC §3) and the document envelope (SPEC §1)."""

from __future__ import annotations

import datetime

import attrs

from banzhang.declare import element, model

__all__ = [
    "Agency",
    "Contact",
    "Document",
    "HandlingItem",
    "LegalBasis",
    "ListDocument",
    "Material",
    "Responsibility",
    "Step",
    "SubItem",
    "TimeLimit",
]

_KIND_PATTERN = r"^[a-z][a-z0-9-]*$"
_SPEC_VERSION_PATTERN = r"^[0-9]+\.[0-9]+$"
#: A title in 《》, or — for a document known by its number alone, as fee catalogues cite
#: 计价格〔1999〕466号, [1992]价费字198号 or 国务院令第412号 — that number (docs/decisions.md).
#: ``.`` is spelled out: ECMAScript's excludes four line terminators, Python's only LF, XSD's LF
#: and CR; the class says the same to all three (tests/test_one_meaning.py).
_TITLE_PATTERN = (
    r"^(《[^\n\r\u2028\u2029]+》"
    r"|[^\n\r\u2028\u2029《》]*([〔\[［【][0-9]{4}[〕\]］】]|令)[^\n\r\u2028\u2029《》]*[0-9]+ ?号)"
)


@model(
    "依据",
    description="一项法律、法规、规章或规范性文件，及其所引条款",
    source="V 中办发〔2015〕21号",
)
@attrs.frozen(kw_only=True)
class LegalBasis:
    """依据: one legal or normative document, and where in it.

    Attributes:
        title: 文件名称, in 《》.
        article: 条款 (第十二条第一款).
        excerpt: 条款内容.
        doc_number: 文号 (国务院令第722号).
        edition: 版本 (公布、施行、修正情况), as cited.
        level: 效力层级 (``basis_level``).
    """

    title: str = element(
        "文件名称",
        required=True,
        description="法律、法规、规章或规范性文件的名称，用书名号括起",
        pattern=_TITLE_PATTERN,
        example="《中华人民共和国行政许可法》",
        source="V 中办发〔2015〕21号",
    )
    article: str | None = element(
        "条款",
        description="依据所在的条、款、项，如“第十二条第一款”",
        example="第十二条第一款",
        source="P",
    )
    excerpt: str | None = element("条款内容", description="所引条款的原文", source="P")
    doc_number: str | None = element("文号", description="如“国务院令第722号”", source="P")
    edition: str | None = element(
        "版本",
        description="引用时写明的公布、施行或修正情况",
        example="2017年11月4日第五次修正",
        source="P",
    )
    level: str | None = element("效力层级", codelist="basis_level", source="P")


@model("机构", description="实施、受理或决定事项的机关或组织", source="V GB/T 39046-2020")
@attrs.frozen(kw_only=True)
class Agency:
    """机构: an agency that implements, accepts or decides.

    Attributes:
        name: 机构名称.
        uscc: 统一社会信用代码.
        nature: 实施主体性质 (``agency_nature``).
        unit: 承办机构 (the internal unit that does the work).
    """

    name: str = element(
        "机构名称",
        required=True,
        max_length=200,
        example="包头市市场监督管理局",
        source="V 中办发〔2015〕21号",
    )
    uscc: str | None = element(
        "统一社会信用代码", code="uscc", source="V GB 32100-2015", example="11150200011520476N"
    )
    nature: str | None = element(
        "实施主体性质", codelist="agency_nature", source="V GB/T 39046 A.3"
    )
    unit: str | None = element(
        "承办机构",
        description="具体承办的内设机构",
        aliases=("责任处室", "承办处室", "承办科室", "内设机构"),
        source="P",
    )


@model("时限", description="一段时间及其单位", source="V 《中华人民共和国行政许可法》第八十二条")
@attrs.frozen(kw_only=True)
class TimeLimit:
    """时限: an amount of time and its unit.

    Attributes:
        amount: 时限数量 (0 with unit 即办).
        unit: 时限单位 (``time_unit``); 行政许可 limits are in 工作日.
        basis: 时限依据, for a limit longer than the law's default.
        note: 时限说明.
    """

    amount: int = element("时限数量", required=True, minimum=0, example="20")
    unit: str | None = element(
        "时限单位",
        codelist="time_unit",
        source="V 《中华人民共和国行政许可法》第八十二条",
        example="工作日",
    )
    basis: str | None = element(
        "时限依据",
        description="法定时限超过 20 个工作日时所依据的法律法规条款",
        source="V 《中华人民共和国行政许可法》第四十二条",
    )
    note: str | None = element("时限说明")


@model("联系方式", description="电话、地址、办公时间和网上办理地址", source="P")
@attrs.frozen(kw_only=True)
class Contact:
    """联系方式: phones, address, office hours and online address.

    Attributes:
        phones: 电话, each with its area code (0471-1234567).
        address: 地址.
        hours: 办公时间.
        url: 网址.
    """

    phones: tuple[str, ...] = element(
        "电话", factory=tuple, description="带区号的电话号码", example="0472-5617035"
    )
    address: str | None = element("地址")
    hours: str | None = element("办公时间", example="工作日 9:00—12:00，13:30—17:30")
    url: str | None = element("网址")


@model("环节", description="办理流程中的一个环节", source="V 审查工作细则")
@attrs.frozen(kw_only=True)
class Step:
    """环节: one step of a process.

    Attributes:
        name: 环节名称.
        stage: 责任环节 (``responsibility_stage``).
        time_limit: 环节时限.
        actor: 办理人员（岗位）.
        content: 办理内容.
    """

    name: str = element("环节名称", required=True, example="受理")
    stage: str | None = element("责任环节", codelist="responsibility_stage", example="受理")
    time_limit: TimeLimit | None = element("环节时限")
    actor: str | None = element("办理人员", description="办理该环节的岗位或角色")
    content: str | None = element("办理内容", description="该环节做什么、如何做")


@model("责任事项", description="实施主体在某一责任环节应承担的责任", source="V 中办发〔2015〕21号")
@attrs.frozen(kw_only=True)
class Responsibility:
    """责任事项: what an agency answers for at one stage.

    Attributes:
        stage: 责任环节.
        content: 责任事项内容.
    """

    stage: str | None = element(
        "责任环节", codelist="responsibility_stage", source="V 中办发〔2015〕21号"
    )
    content: str = element("责任事项内容", required=True, source="V 中办发〔2015〕21号")


@model("子项", description="主项下的子项，与主项共用主项编码", source="B SPEC §7")
@attrs.frozen(kw_only=True)
class SubItem:
    """子项: a sub-item of a 主项, sharing its 主项 code.

    Attributes:
        basic_code: 子项编码 (a 子项 基本编码).
        name: 子项名称.
    """

    basic_code: str = element(
        "子项编码", required=True, code="basic", example="000164213003", source="B SPEC §7"
    )
    name: str = element(
        "子项名称",
        required=True,
        aliases=("子项",),
        source="V 中办发〔2015〕21号; V 国办发〔2022〕2号",
    )


@model("业务办理项", description="事项的一种具体办理情形", source="V 国办发〔2022〕2号")
@attrs.frozen(kw_only=True)
class HandlingItem:
    """业务办理项: one way of handling an item.

    Attributes:
        code: 业务办理项编码.
        name: 业务办理项名称.
    """

    code: str = element(
        "业务办理项编码",
        required=True,
        code="handling",
        example="00016421300301",
        source="B SPEC §7",
    )
    name: str = element("业务办理项名称", required=True, source="V 国办发〔2022〕2号")


@model(
    "申请材料",
    description="申请人应提交的一项材料及其形式、份数和来源",
    source="V GB/T 39046-2020; P",
)
@attrs.frozen(kw_only=True)
class Material:
    """申请材料 [V GB/T 39046 fields 56–64 + P].

    Attributes:
        name: 材料名称.
        issuer: 出具机构.
        source: 来源渠道 (``material_source``).
        forms: 材料形式 (``material_form``).
        originals: 原件份数.
        copies: 复印件份数.
        required: 是否必要.
        tolerated: 是否容缺 (may follow after acceptance; still required).
        supply_deadline: 容缺补交期限.
        shareable: 可共享获取 (a government body issues it and the platform shares it).
        paper_spec: 纸质规格.
        notes: 填报说明.
        sample: 示范文本.
        common_mistakes: 常见错误示例.
    """

    name: str = element(
        "材料名称", required=True, aliases=("提交材料名称", "申请材料名称"), source="V GB/T 39046"
    )
    issuer: str | None = element("出具机构", source="V GB/T 39046")
    source: str | None = element("来源渠道", codelist="material_source", source="V GB/T 39046")
    forms: tuple[str, ...] = element(
        "材料形式", factory=tuple, codelist="material_form", source="V GB/T 39046"
    )
    originals: int | None = element("原件份数", minimum=0, source="V GB/T 39046")
    copies: int | None = element("复印件份数", minimum=0, source="V GB/T 39046")
    required: bool = element("是否必要", default=True, source="V GB/T 39046")
    tolerated: bool = element(
        "是否容缺",
        default=False,
        description="可先受理、后补交的材料；容缺材料仍是必要材料",
        source="S 002",
    )
    supply_deadline: TimeLimit | None = element(
        "容缺补交期限", description="容缺材料应在受理后多长时间内补交", source="S 002"
    )
    shareable: bool = element(
        "可共享获取",
        default=False,
        description="由政府部门核发、可通过一体化平台共享获取的材料，申请人不再提交纸质材料",
        source="S 002",
    )
    paper_spec: str | None = element("纸质规格", example="A4", source="V GB/T 39046")
    notes: str | None = element("填报说明", aliases=("备注",), source="P")
    sample: str | None = element(
        "示范文本", description="示范文本或空白表格的名称或地址", source="P"
    )
    common_mistakes: tuple[str, ...] = element("常见错误示例", factory=tuple, source="P")


@model("文档", description="每份文档开头的类型和所遵循的规范版本", source="B")
@attrs.frozen(kw_only=True)
class Document:
    """文档: what every document starts with — its kind and the spec version it follows.

    Attributes:
        kind: 文档类型 (``power-list``, ``service-guide``, …).
        spec_version: 规范版本.
    """

    kind: str = element("文档类型", required=True, pattern=_KIND_PATTERN, example="power-list")
    spec_version: str = element(
        "规范版本", required=True, pattern=_SPEC_VERSION_PATTERN, example="1.0"
    )


@model(
    "清单信封",
    description="清单的信封信息（类型、行政区划、层级、部门、版本等）；各类清单另加事项",
    source="B SPEC §1",
)
@attrs.frozen(kw_only=True)
class ListDocument(Document):
    """清单信封: the envelope of a list (SPEC §1); each list kind adds its ``items``.

    Attributes:
        region: 行政区划代码 (GB/T 2260).
        level: 层级.
        department: 部门 (absent for a region-wide list).
        generic: 通用清单: the template local lists of a level follow.
        version: 版本.
        effective_date: 生效日期.
        published_by: 发布机关.
    """

    region: str = element(
        "行政区划代码", required=True, code="region", example="150200", source="V GB/T 2260"
    )
    level: str = element(
        "层级", required=True, codelist="level", example="3", source="V GB/T 39046 A.2"
    )
    department: Agency | None = element("部门", description="编制清单的部门；全区域清单不填")
    generic: bool = element(
        "通用清单", default=False, description="是否为某一层级的通用权责清单", source="S 000"
    )
    version: str = element("版本", required=True, example="2026")
    effective_date: datetime.date = element("生效日期", required=True, example="2026-01-01")
    published_by: str | None = element("发布机关")

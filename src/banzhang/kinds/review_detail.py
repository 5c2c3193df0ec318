"""审查细则 (review detail) [V published 审查工作细则; V 国发〔2015〕6号; S 000]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import Kind, register
from banzhang.models.common import Agency, Document, TimeLimit

__all__ = ["SECTIONS", "ReviewDetail", "ReviewStep"]

_V = "V 审查工作细则"


@model(
    "审查环节",
    description="审查细则中的一个环节：要点、标准、岗位、方式和时限",
    source="V 审查工作细则; S 002",
)
@attrs.frozen(kw_only=True)
class ReviewStep:
    """审查环节.

    Attributes:
        name: 环节名称.
        stage: 责任环节.
        points: 审查要点.
        standards: 审查标准.
        post: 岗位.
        duties: 岗位职责及权限.
        methods: 审查方式.
        method_basis: 审查方式理由依据 (required for any method other than 书面审查).
        inspectors: 核查人数.
        time_limit: 环节时限.
        documents: 文书.
        preconditions: 前置条件.
        follow_on: 后置条件.
    """

    name: str = element("环节名称", required=True, source=_V)
    stage: str | None = element("责任环节", codelist="responsibility_stage", source=_V)
    points: tuple[str, ...] = element("审查要点", required=True, min_items=1, source=f"{_V}; S 002")
    standards: tuple[str, ...] = element(
        "审查标准", required=True, min_items=1, source=f"{_V}; S 002"
    )
    post: str = element("岗位", required=True, source=f"{_V}; S 002")
    duties: str | None = element("岗位职责及权限", source=_V)
    methods: tuple[str, ...] = element(
        "审查方式", factory=tuple, codelist="review_method", source=_V
    )
    inspectors: int | None = element(
        "核查人数",
        minimum=0,
        description="实地核查的工作人员人数",
        source="V 《中华人民共和国行政许可法》第三十四条",
    )
    method_basis: str | None = element(
        "审查方式理由依据",
        description="采用书面审查以外的审查方式时，书面写明其理由和依据",
        source="S 002",
    )
    time_limit: TimeLimit = element("环节时限", required=True, source=f"{_V}; S 002")
    documents: tuple[str, ...] = element("文书", factory=tuple, example="受理通知书", source=_V)
    preconditions: tuple[str, ...] = element(
        "前置条件", factory=tuple, description="进入本环节前应具备的条件", source="S 002"
    )
    follow_on: tuple[str, ...] = element(
        "后置条件", factory=tuple, description="本环节完成后进入下一环节的条件", source="S 002"
    )


@attrs.frozen(kw_only=True)
class ReviewDetail(Document):
    """审查细则.

    Attributes:
        region: 行政区划代码.
        name: 事项名称.
        basic_code: 基本编码.
        power_type: 事项类型.
        agency: 实施机关.
        steps: 审查环节.
        approval_flags: 审批流程特殊情形 (上报, 转报, 技术性审查).
        joint_approval: 多部门联合办理 (whether several agencies handle it jointly).
        legal_time_limit: 法定办结时限.
        promised_time_limit: 承诺办结时限.
        discretion: 裁量基准.
        non_acceptance_grounds: 不予受理情形.
        refusal_grounds: 不予许可情形.
        remedies: 救济途径.
        hearing: 听证.
        onsite_verification: 实地核查要求.
        statement: 陈述申辩.
    """

    region: str | None = element("行政区划代码", code="region", source="V GB/T 2260")
    name: str = element("事项名称", required=True, source=_V)
    basic_code: str = element("基本编码", required=True, code="basic", source="B SPEC §7")
    power_type: str = element(
        "事项类型", required=True, codelist="power_type", source="V GB/T 39046"
    )
    agency: Agency = element("实施机关", required=True, source=_V)
    steps: tuple[ReviewStep, ...] = element("审查环节", required=True, min_items=1, source=_V)
    approval_flags: tuple[str, ...] = element(
        "审批流程特殊情形", factory=tuple, codelist="approval_flag", source="S 002"
    )
    joint_approval: bool = element(
        "多部门联合办理", default=False, source="V 《中华人民共和国行政许可法》第四十二条"
    )
    legal_time_limit: TimeLimit | None = element(
        "法定办结时限", source="V 《中华人民共和国行政许可法》第四十二条"
    )
    promised_time_limit: TimeLimit | None = element("承诺办结时限", source="P 国发〔2015〕6号")
    discretion: tuple[str, ...] = element("裁量基准", factory=tuple, source="V 国发〔2015〕6号")
    non_acceptance_grounds: tuple[str, ...] = element("不予受理情形", factory=tuple, source=_V)
    refusal_grounds: tuple[str, ...] = element("不予许可情形", factory=tuple, source=_V)
    remedies: str | None = element("救济途径", source="V 《中华人民共和国行政许可法》第三十八条")
    hearing: str | None = element(
        "听证", source="V 《中华人民共和国行政许可法》第四十六条至第四十八条"
    )
    onsite_verification: str | None = element(
        "实地核查要求", source="V 《中华人民共和国行政许可法》第三十四条"
    )
    statement: str | None = element("陈述申辩", source="V 《中华人民共和国行政许可法》第三十六条")


#: The sections of a review detail, each with the elements it holds (the Word layout).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "基本信息",
        (
            "region",
            "name",
            "basic_code",
            "power_type",
            "agency",
            "legal_time_limit",
            "promised_time_limit",
            "approval_flags",
            "joint_approval",
        ),
    ),
    ("审查环节", ("steps",)),
    ("裁量基准", ("discretion",)),
    ("不予受理情形", ("non_acceptance_grounds",)),
    ("不予许可情形", ("refusal_grounds",)),
    ("听证", ("hearing",)),
    ("实地核查要求", ("onsite_verification",)),
    ("陈述申辩", ("statement",)),
    ("救济途径", ("remedies",)),
)


KIND = register(
    Kind(
        id="review-detail",
        title="审查细则",
        document=ReviewDetail,
        item=None,
        source="S 000; V 国发〔2015〕6号",
        order=10,
        description="单个事项的内部审查规范",
        sections=SECTIONS,
        also_called=("审查工作细则", "审批操作规程", "操作规程", "审查要点"),
    )
)

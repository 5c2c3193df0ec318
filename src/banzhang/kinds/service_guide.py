"""服务指南 (service guide).

Sources: V 行政许可标准化指引（2016版）; V 《中华人民共和国行政许可法》第三十条; S 002.

Sections are numbered as in the 指引's framework; a guide renders in full and as a 简版 that says
where the full one is.
"""

from __future__ import annotations

import attrs

from banzhang.declare import element
from banzhang.kinds._registry import SAME_ITEM, SAME_SOURCE, Kind, register
from banzhang.models.common import (
    Agency,
    Contact,
    Document,
    LegalBasis,
    Material,
    Step,
    TimeLimit,
)

__all__ = ["SECTIONS", "ServiceGuide"]

_G = "V 行政许可标准化指引（2016版）"
_A30 = "V 《中华人民共和国行政许可法》第三十条"


@attrs.frozen(kw_only=True)
class ServiceGuide(Document):
    """服务指南.

    Attributes:
        region: 行政区划代码.
        scope: 1 适用范围.
        name: 2 事项名称.
        basic_code: 2 基本编码.
        implementation_code: 2 实施编码.
        power_type: 事项类型.
        review_type: 3 事项审查类型.
        basis: 4 审批依据.
        accepting_agency: 5 受理机构.
        deciding_agency: 6 决定机构.
        quantity_limit: 7 审批数量（数量限制）.
        conditions: 8 申请条件.
        prohibitions: 8 禁止性要求.
        materials: 9 申请材料.
        submission: 10 申请材料提交.
        non_acceptance_grounds: 不予受理情形.
        non_acceptance_notice: 不予受理通知书 (issued with reasons and basis).
        process: 11 办理基本流程.
        flowchart: 11 办理流程图.
        approval_flags: 审批流程特殊情形 (上报, 转报, 技术性审查).
        joint_approval: 多部门联合办理 (whether several agencies handle it jointly).
        modes: 12 办理方式.
        online: 是否网上办理.
        online_url: 网上办理地址.
        online_depth: 网办深度.
        case_type: 办件类型.
        onsite_visits: 到现场次数.
        nearby_locations: 就近办理地点.
        legal_time_limit: 13 法定办结时限.
        promised_time_limit: 13 承诺办结时限.
        on_the_spot: 当场决定 (whether a decision can be made on the spot).
        charged: 14 是否收费.
        fee_basis: 14 收费依据.
        fee_standard: 14 收费标准.
        result_name: 15 审批结果名称.
        result_sample: 15 审批结果样本.
        result_validity: 15 效力范围 (validity period, scope, steps after the decision).
        delivery: 16 结果送达.
        postal_delivery: 16 是否邮寄送达.
        rights_obligations: 17 申请人权利和义务.
        remedies: 17 救济途径.
        consultation: 18 咨询途径.
        complaint: 19 监督投诉渠道.
        office: 20 办公地址和时间.
        public_query: 21 公开查询.
        application_form_sample: 附件 申请书示范文本.
        full_version_at: 完整版获取方式 (for the 简版).
    """

    region: str | None = element("行政区划代码", code="region", source="V GB/T 2260")
    scope: str | None = element("适用范围", source=_G)
    name: str = element("事项名称", required=True, source=_A30)
    basic_code: str = element("基本编码", required=True, code="basic", source=_G)
    implementation_code: str | None = element("实施编码", code="implementation", source=_G)
    power_type: str = element(
        "事项类型", required=True, codelist="power_type", source="V GB/T 39046"
    )
    review_type: str | None = element("事项审查类型", codelist="review_type", source="P")
    basis: tuple[LegalBasis, ...] = element("审批依据", required=True, min_items=1, source=_A30)
    accepting_agency: Agency = element("受理机构", required=True, source=_G)
    deciding_agency: Agency = element("决定机构", required=True, source=_G)
    quantity_limit: str | None = element(
        "数量限制", description="有数量限制的写明数量及确定方式；无则写“无数量限制”", source=_A30
    )
    conditions: tuple[str, ...] = element("申请条件", required=True, min_items=1, source=_A30)
    prohibitions: tuple[str, ...] = element("禁止性要求", factory=tuple, source=_G)
    materials: tuple[Material, ...] = element("申请材料", factory=tuple, source=_A30)
    submission: str | None = element("申请材料提交", source=_G)
    non_acceptance_grounds: tuple[str, ...] = element(
        "不予受理情形", factory=tuple, description="申请不予受理的情形", source="S 002"
    )
    non_acceptance_notice: str | None = element(
        "不予受理通知书",
        description="不予受理时出具《不予受理通知书》并说明理由和依据的表述",
        example="不予受理的，出具《不予受理通知书》，说明理由和依据",
        source="S 002",
    )
    process: tuple[Step, ...] = element("办理基本流程", factory=tuple, source=_A30)
    flowchart: str | None = element("办理流程图", description="流程图文件名或地址", source="S 002")
    approval_flags: tuple[str, ...] = element(
        "审批流程特殊情形",
        factory=tuple,
        codelist="approval_flag",
        description="须上报、转报或进行技术性审查的，审批节点可多于 3 个",
        source="S 002",
    )
    joint_approval: bool = element(
        "多部门联合办理",
        default=False,
        description="是否由多个部门共同办理",
        source="V 《中华人民共和国行政许可法》第四十二条",
    )
    modes: tuple[str, ...] = element(
        "办理方式", factory=tuple, codelist="service_mode", source="S 003"
    )
    online: bool = element("是否网上办理", default=False, source="S 002")
    online_url: str | None = element("网上办理地址", source="S 002")
    online_depth: str | None = element("网办深度", codelist="online_depth", source="S 003")
    case_type: str | None = element("办件类型", codelist="case_type", source="V GB/T 39046")
    onsite_visits: int | None = element("到现场次数", minimum=0, source="S 003")
    nearby_locations: tuple[str, ...] = element("就近办理地点", factory=tuple, source="S 003")
    legal_time_limit: TimeLimit = element("法定办结时限", required=True, source=_A30)
    promised_time_limit: TimeLimit | None = element("承诺办结时限", source="P 国发〔2015〕6号")
    on_the_spot: bool | None = element(
        "当场决定",
        description="能否当场作出书面决定；能够当场作出的，应当场作出",
        source="S 002",
    )
    charged: bool = element("是否收费", required=True, source=_G)
    fee_basis: tuple[LegalBasis, ...] = element("收费依据", factory=tuple, source=_G)
    fee_standard: str | None = element("收费标准", source=_G)
    result_name: str | None = element("审批结果名称", source=_G)
    result_sample: str | None = element("审批结果样本", source=_G)
    result_validity: str | None = element(
        "效力范围",
        description="审批结果的有效期限和适用范围，以及作出决定后的后续环节",
        example="有效期 5 年，在全区范围内有效；期满前 30 个工作日申请延续",
        source="S 002",
    )
    delivery: str | None = element("结果送达", source=_G)
    postal_delivery: bool = element("是否邮寄送达", default=False, source="P")
    rights_obligations: str | None = element("申请人权利和义务", source=_G)
    remedies: str | None = element(
        "救济途径",
        description="不予受理、不予许可时可申请行政复议或提起行政诉讼",
        source="V 《中华人民共和国行政许可法》第三十八条",
    )
    consultation: Contact | None = element("咨询途径", source=_G)
    complaint: Contact | None = element("监督投诉渠道", source="S 002")
    office: Contact | None = element("办公地址和时间", source=_G)
    public_query: str | None = element(
        "公开查询", description="办理进程和结果的查询方式", source=_G
    )
    application_form_sample: str | None = element("申请书示范文本", source=_A30)
    full_version_at: str | None = element(
        "完整版获取方式", description="简版服务指南须写明完整版的获取方式", source="S 002"
    )


#: The sections of a guide, per the 行政许可标准化指引 framework (the 21, then the 附件), each
#: with the elements it holds: the rendered guide and the Word guide are laid out by them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("适用范围", ("scope", "region")),
    ("项目信息", ("name", "basic_code", "implementation_code", "power_type")),
    ("事项审查类型", ("review_type",)),
    ("审批依据", ("basis",)),
    ("受理机构", ("accepting_agency",)),
    ("决定机构", ("deciding_agency",)),
    ("审批数量", ("quantity_limit",)),
    ("申请条件", ("conditions", "prohibitions")),
    ("申请材料", ("materials",)),
    ("申请材料提交", ("submission", "non_acceptance_grounds", "non_acceptance_notice")),
    ("办理基本流程", ("process", "flowchart", "approval_flags", "joint_approval")),
    (
        "办理方式",
        (
            "modes",
            "online",
            "online_url",
            "online_depth",
            "case_type",
            "onsite_visits",
            "nearby_locations",
        ),
    ),
    ("办结时限", ("legal_time_limit", "promised_time_limit", "on_the_spot")),
    ("收费依据及标准", ("charged", "fee_basis", "fee_standard")),
    ("审批结果", ("result_name", "result_sample", "result_validity")),
    ("结果送达", ("delivery", "postal_delivery")),
    ("申请人权利和义务", ("rights_obligations", "remedies")),
    ("咨询途径", ("consultation",)),
    ("监督投诉渠道", ("complaint",)),
    ("办公地址和时间", ("office",)),
    ("公开查询", ("public_query",)),
    ("附件", ("application_form_sample", "full_version_at")),
)


KIND = register(
    Kind(
        id="service-guide",
        title="服务指南",
        document=ServiceGuide,
        item=None,
        source="S 002; V 《中华人民共和国行政许可法》第三十条",
        order=9,
        description="面向申请人的单个事项办事指南",
        roles=frozenset({SAME_SOURCE, SAME_ITEM}),
        sections=SECTIONS,
        also_called=("办事指南", "实施规范", "基本信息表"),
    )
)

"""The labels of published forms, and what each names in banzhang's model.

A label that is an element's title or declared alias needs nothing here. These are the labels of
the forms departments fill in and publish — the 政务服务网 基本信息表 and the national 实施规范
基本要素 form (国办发〔2022〕2号) — that name *part* of an element (``办理时间`` is the office's
hours), or that are no element of the norms at all (``通办范围``, ``认证等级需求``): those are
kept and reported as such, never lost in silence, and help tell a form from prose.

>>> FORM_LABELS["service-guide"]["办理时间"]
('office', 'hours')
>>> FORM_LABELS["service-guide"]["通办范围"] is None
True
"""

from __future__ import annotations

__all__ = ["FALLBACK_LABELS", "FORM_LABELS", "STEP_LABELS", "Path"]

#: Where a label's value goes: element ids from the document down (``("office", "hours")``);
#: ``None`` for a label of the form that is no element of the norms.
Path = tuple[str, ...] | None

_NOT_AN_ELEMENT: Path = None

_GUIDE: dict[str, Path] = {
    # 政务服务网 基本信息表: parts of elements.
    "法定时限办结说明": ("legal_time_limit", "note"),
    "承诺时限办结说明": ("promised_time_limit", "note"),
    "法定时限": ("legal_time_limit",),
    "承诺时限": ("promised_time_limit",),
    "办理时间": ("office", "hours"),
    "办公时间": ("office", "hours"),
    "受理时间": ("office", "hours"),
    "办理地点": ("office", "address"),
    "受理地点": ("office", "address"),
    "办公地址": ("office", "address"),
    "办公地点": ("office", "address"),
    "咨询方式": ("consultation",),
    "咨询电话": ("consultation", "phones"),
    "监督投诉方式": ("complaint",),
    "投诉方式": ("complaint",),
    "投诉电话": ("complaint", "phones"),
    "监督电话": ("complaint", "phones"),
    "监督投诉电话": ("complaint", "phones"),
    "实施主体": ("deciding_agency",),
    "实施机关": ("deciding_agency",),
    "实施主体性质": ("deciding_agency", "nature"),
    "实施主体编码": ("deciding_agency", "uscc"),
    "网办地址": ("online_url",),
    "网办类型": ("online_depth",),
    "是否网办": ("online",),
    "到办事现场次数": ("onsite_visits",),
    "办理依据": ("basis",),
    "设定依据": ("basis",),
    "法律依据": ("basis",),
    "设定和实施依据": ("basis",),
    "受理条件": ("conditions",),
    "审批条件": ("conditions",),
    "许可条件": ("conditions",),
    "受理范围": ("scope",),
    "申请材料目录": ("materials",),
    "办理流程": ("process",),
    "办理程序": ("process",),
    "收费标准及依据": ("fee_standard",),
    "申请接收": ("office",),
    "接收方式": ("office",),
    # Guides published as a two-column table (事项名称 | …).
    "办理机构": ("deciding_agency",),
    "办理单位": ("deciding_agency",),
    "所需材料": ("materials",),
    "申报材料": ("materials",),
    "办理地址": ("office", "address"),
    "办理电话": ("office", "phones"),
    "联系电话": ("consultation", "phones"),
    "办理接待时间": ("office", "hours"),
    "网上办理查询地址": ("public_query",),
    "证照名称": ("name",),
    "办事流程图": ("process",),
    "办事流程": ("process",),
    # The national 实施规范 基本要素 form (国办发〔2022〕2号).
    "行政许可事项名称及编码": ("name",),
    "事项名称及编码": ("name",),
    "行政许可事项子项名称及编码": ("name",),
    "子项名称及编码": ("name",),
    "对应政务服务事项名称": ("name",),
    # Labels of the forms that are no element of the norms.
    "服务对象": _NOT_AN_ELEMENT,
    "通办范围": _NOT_AN_ELEMENT,
    "办理形式": _NOT_AN_ELEMENT,
    "认证等级需求": _NOT_AN_ELEMENT,
    "计划生效日期": _NOT_AN_ELEMENT,
    "计划取消日期": _NOT_AN_ELEMENT,
    "行使方式": _NOT_AN_ELEMENT,
    "特别程序": _NOT_AN_ELEMENT,
    "必须到现场原因": _NOT_AN_ELEMENT,
    "审批结果类型": _NOT_AN_ELEMENT,
    "是否支持预约办理": _NOT_AN_ELEMENT,
    "是否支持物流快递": _NOT_AN_ELEMENT,
    "是否支持全省就近取件": _NOT_AN_ELEMENT,
    "是否支持全省就近办理": _NOT_AN_ELEMENT,
    "是否支持上门收取申请材料": _NOT_AN_ELEMENT,
    "网上办理深度": _NOT_AN_ELEMENT,
    "事项版本": _NOT_AN_ELEMENT,
    "行使层级": _NOT_AN_ELEMENT,
    "权力来源": _NOT_AN_ELEMENT,
    "是否进驻政务大厅": _NOT_AN_ELEMENT,
    "是否支持自助终端办理": _NOT_AN_ELEMENT,
    "是否支持网上支付": _NOT_AN_ELEMENT,
    "委托部门": _NOT_AN_ELEMENT,
    "联办机构": _NOT_AN_ELEMENT,
    "事项状态": _NOT_AN_ELEMENT,
    "主管部门": _NOT_AN_ELEMENT,
    "子项": _NOT_AN_ELEMENT,
    "行政许可事项业务办理项名称及编码": _NOT_AN_ELEMENT,
    "业务办理项名称及编码": _NOT_AN_ELEMENT,
    "监管依据": _NOT_AN_ELEMENT,
    "审批层级": _NOT_AN_ELEMENT,
    "是否由审批机关受理": _NOT_AN_ELEMENT,
    "受理层级": _NOT_AN_ELEMENT,
    "是否存在初审环节": _NOT_AN_ELEMENT,
    "初审层级": _NOT_AN_ELEMENT,
    "对应政务服务事项国家级基本目录名称": _NOT_AN_ELEMENT,
    "办事窗口": _NOT_AN_ELEMENT,
    "乘车方式": _NOT_AN_ELEMENT,
    "办理时限": _NOT_AN_ELEMENT,
    "事项序号": _NOT_AN_ELEMENT,
    "发证层级": _NOT_AN_ELEMENT,
    "证照分类": _NOT_AN_ELEMENT,
    "年审年检年度报告要求": _NOT_AN_ELEMENT,
    "备注": _NOT_AN_ELEMENT,
    "乘车路线": _NOT_AN_ELEMENT,
}

_REVIEW: dict[str, Path] = {
    "审批操作规程": ("steps",),
    "操作规程": ("steps",),
    "审批流程": ("steps",),
    "审查流程": ("steps",),
    "实施主体": ("agency",),
    "项目名称": ("name",),
    "审批类别": ("power_type",),
    "审查司(局)": ("agency",),
    "审查司局": ("agency",),
    "主管部门": _NOT_AN_ELEMENT,
    "项目编码": _NOT_AN_ELEMENT,
    "子项名称": _NOT_AN_ELEMENT,
}

#: Labels that name an element only while nothing else has filled it: a guide's only basis may
#: be headed 实施依据, but beside its 设定依据 (the 实施规范 form) the 实施依据 are another list.
FALLBACK_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "service-guide": {"实施依据": ("basis",)},
}

#: Per kind id: each folded label → where its value goes (``None``: no element of the norms).
FORM_LABELS: dict[str, dict[str, Path]] = {"service-guide": _GUIDE, "review-detail": _REVIEW}

#: The labels inside one 审查环节 of an 审批操作规程 ("(1)受理条件：", "(3)责任人：").
STEP_LABELS: dict[str, str] = {
    "受理条件": "standards",
    "审查标准": "standards",
    "审核标准": "standards",
    "审查要点": "points",
    "审核要点": "points",
    "审查内容": "points",
    "岗位责任及权限": "duties",
    "岗位职责及权限": "duties",
    "岗位职责": "duties",
    "责任人": "post",
    "审查责任人": "post",
    "环节名称": "name",
    "岗位": "post",
    "承办人": "post",
    "办理时限": "time_limit",
    "时限": "time_limit",
    "环节时限": "time_limit",
    "审查方式": "methods",
}

"""权责清单 (power list) [V 中办发〔2015〕21号; V Inner Mongolia 2021 columns; S 000, 001, 003]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import REFERENCE, Kind, register
from banzhang.models.common import Agency, LegalBasis, ListDocument, Responsibility, SubItem

__all__ = ["PowerItem", "PowerList"]


@model("权责清单事项", description="一项行政权力及其责任事项", source="V 中办发〔2015〕21号")
@attrs.frozen(kw_only=True)
class PowerItem:
    """权责清单事项.

    Attributes:
        basic_code: 基本编码.
        name: 事项名称.
        sub_items: 子项.
        power_type: 事项类型.
        basis: 设定依据.
        agency: 实施主体.
        levels: 行使层级.
        responsibilities: 责任事项.
        accountability: 追责情形.
        accountability_basis: 追责依据.
        responsibility_basis: 责任事项依据.
        process: 基本流程 (step names).
        initiation: 启动方式 (依申请 or 依职权), which the 三办率 counts by.
        supervision: 监督方式.
        supervision_phone: 监督电话.
        remark: 备注.
    """

    basic_code: str = element(
        "基本编码",
        required=True,
        code="basic",
        aliases=("事项编码", "权力编码", "职权编码", "编码", "行政许可事项编号", "事项编号"),
        source="B SPEC §7",
    )
    name: str = element(
        "事项名称",
        required=True,
        max_length=500,
        aliases=("权力名称", "职权名称", "权力事项名称", "项目名称"),
        source="V 中办发〔2015〕21号",
    )
    sub_items: tuple[SubItem, ...] = element("子项", factory=tuple, source="V 中办发〔2015〕21号")
    power_type: str = element(
        "事项类型",
        required=True,
        codelist="power_type",
        aliases=("权力类型", "职权类型", "类别", "权力类别", "权力分类", "职权分类", "事项类别"),
        source="V GB/T 39046",
    )
    basis: tuple[LegalBasis, ...] = element(
        "设定依据",
        required=True,
        min_items=1,
        aliases=("法定依据", "依据", "设定和实施依据", "实施依据", "职权依据", "权力依据"),
        source="V 中办发〔2015〕21号",
    )
    agency: Agency = element(
        "实施主体",
        required=True,
        aliases=("责任主体", "行使主体", "实施机关", "实施部门", "法定主体"),
        source="V 中办发〔2015〕21号",
    )
    levels: tuple[str, ...] = element(
        "行使层级", factory=tuple, codelist="level", aliases=("层级",), source="V GB/T 39046 A.2"
    )
    responsibilities: tuple[Responsibility, ...] = element(
        "责任事项",
        required=True,
        min_items=1,
        aliases=("责任事项内容",),
        source="V 中办发〔2015〕21号",
    )
    accountability: tuple[str, ...] = element(
        "追责情形",
        required=True,
        min_items=1,
        aliases=("问责情形", "追责情形及依据", "追责对象范围"),
        source="V 内蒙古 2021 权责清单",
    )
    accountability_basis: tuple[LegalBasis, ...] = element(
        "追责依据", factory=tuple, source="V 内蒙古 2021 权责清单"
    )
    responsibility_basis: tuple[LegalBasis, ...] = element(
        "责任事项依据",
        factory=tuple,
        description="规定各项责任事项的法律、法规、规章或规范性文件",
        source="P 各地权责清单",
    )
    process: tuple[str, ...] = element(
        "基本流程", factory=tuple, description="各环节名称，三级五同之一", source="S 000"
    )
    initiation: str | None = element(
        "启动方式",
        codelist="initiation",
        description="依申请或依职权；许可、给付、确认依申请，处罚、强制、检查依职权，征收、奖励和其他两者皆可",
        source="V GB/T 39046-2020; S 003",
    )
    supervision: str | None = element("监督方式", source="P")
    supervision_phone: str | None = element("监督电话", source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class PowerList(ListDocument):
    """权责清单.

    Attributes:
        items: 事项.
    """

    items: tuple[PowerItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="power-list",
        title="权责清单",
        document=PowerList,
        item=PowerItem,
        source="S 000, 001, 003",
        order=1,
        description="部门的行政权力及其对应的责任事项",
        roles=frozenset({REFERENCE}),
        also_called=("权力清单", "职权清单", "权力事项清单", "权责事项"),
    )
)

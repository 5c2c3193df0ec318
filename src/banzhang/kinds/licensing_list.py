"""行政许可事项清单 (licensing list) [V 国办发〔2022〕2号 14 basic elements; S 002]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import SAME_ITEM, SAME_SOURCE, Kind, register
from banzhang.models.common import Agency, HandlingItem, LegalBasis, ListDocument, SubItem

__all__ = ["LicensingItem", "LicensingList"]

_V = "V 国办发〔2022〕2号"


@model(
    "行政许可事项",
    description="行政许可事项清单中的一项许可及其实施要素",
    source="V 国办发〔2022〕2号",
)
@attrs.frozen(kw_only=True)
class LicensingItem:
    """行政许可事项.

    Attributes:
        basic_code: 基本编码.
        name: 事项名称.
        sub_items: 子项.
        handling_items: 业务办理项.
        basis: 设定依据.
        implementation_basis: 实施依据.
        supervision_basis: 监管依据.
        agency: 实施机关.
        approval_levels: 审批层级.
        levels: 行使层级.
        accepted_by_approver: 是否由审批机关受理.
        acceptance_levels: 受理层级.
        has_preliminary_review: 是否存在初审环节.
        preliminary_levels: 初审层级.
        national_catalogue_name: 对应国家级基本目录名称.
        license_object: 许可对象.
        competent_department: 主管部门.
        remark: 备注.
    """

    basic_code: str = element("基本编码", required=True, code="basic", source=_V)
    name: str = element("事项名称", required=True, max_length=500, source=_V)
    sub_items: tuple[SubItem, ...] = element("子项", factory=tuple, source=_V)
    handling_items: tuple[HandlingItem, ...] = element("业务办理项", factory=tuple, source=_V)
    basis: tuple[LegalBasis, ...] = element(
        "设定依据", required=True, min_items=1, aliases=("设定和实施依据",), source=_V
    )
    implementation_basis: tuple[LegalBasis, ...] = element("实施依据", factory=tuple, source=_V)
    supervision_basis: tuple[LegalBasis, ...] = element("监管依据", factory=tuple, source=_V)
    agency: Agency = element("实施机关", required=True, source=_V)
    approval_levels: tuple[str, ...] = element(
        "审批层级", factory=tuple, codelist="level", source=_V
    )
    levels: tuple[str, ...] = element("行使层级", factory=tuple, codelist="level", source=_V)
    accepted_by_approver: bool | None = element("是否由审批机关受理", source=_V)
    acceptance_levels: tuple[str, ...] = element(
        "受理层级", factory=tuple, codelist="level", source=_V
    )
    has_preliminary_review: bool | None = element("是否存在初审环节", source=_V)
    preliminary_levels: tuple[str, ...] = element(
        "初审层级", factory=tuple, codelist="level", source=_V
    )
    national_catalogue_name: str | None = element("对应国家级基本目录名称", source=_V)
    license_object: str = element(
        "许可对象",
        required=True,
        description="申请许可的主体，如企业、个体工商户、自然人",
        source="S 002 逐项明确事项名称、设定依据、实施机关、许可对象等要素",
    )
    competent_department: str | None = element("主管部门", source=_V)
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class LicensingList(ListDocument):
    """行政许可事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[LicensingItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="licensing-list",
        title="行政许可事项清单",
        document=LicensingList,
        item=LicensingItem,
        source="S 002; V 国办发〔2022〕2号",
        order=2,
        description="行政许可事项及其实施要素",
        roles=frozenset({SAME_SOURCE, SAME_ITEM}),
        also_called=("许可事项清单",),
    )
)

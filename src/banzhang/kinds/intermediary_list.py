"""行政审批中介服务事项清单 (intermediary-service list) [P; S 003 同源]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import INTERMEDIARY, SAME_SOURCE, Kind, register
from banzhang.models.common import LegalBasis, ListDocument

__all__ = ["IntermediaryItem", "IntermediaryList"]


@model("中介服务事项", description="行政审批所需的一项中介服务", source="P; S 003")
@attrs.frozen(kw_only=True)
class IntermediaryItem:
    """中介服务事项.

    Attributes:
        name: 中介服务事项名称.
        basic_code: 审批事项基本编码 (of the approval it serves).
        approval_department: 审批部门.
        basis: 设定依据.
        provider_qualification: 中介服务机构资质要求.
        charged: 是否收费.
        fee_basis: 收费依据.
        fee_standard: 收费标准.
        fee_nature: 收费性质.
        remark: 备注.
    """

    name: str = element("中介服务事项名称", required=True, source="P")
    basic_code: str = element(
        "审批事项基本编码",
        required=True,
        code="basic",
        description="该中介服务所服务的审批事项，须在权责清单中（同源）",
        source="S 003",
    )
    approval_department: str | None = element("审批部门", source="P")
    basis: tuple[LegalBasis, ...] = element("设定依据", required=True, min_items=1, source="P")
    provider_qualification: str | None = element("中介服务机构资质要求", source="P")
    charged: bool = element("是否收费", required=True, source="P")
    fee_basis: tuple[LegalBasis, ...] = element("收费依据", factory=tuple, source="P")
    fee_standard: str | None = element("收费标准", source="P")
    fee_nature: str | None = element("收费性质", codelist="fee_nature", source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class IntermediaryList(ListDocument):
    """行政审批中介服务事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[IntermediaryItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="intermediary-list",
        title="行政审批中介服务事项清单",
        document=IntermediaryList,
        item=IntermediaryItem,
        source="S 003",
        order=3,
        description="行政审批所需的中介服务事项",
        roles=frozenset({SAME_SOURCE, INTERMEDIARY}),
        also_called=("中介服务事项清单", "中介服务清单"),
    )
)

"""公共服务事项清单 (public-service list) [P; V GB/T 39046; S 004]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import Kind, register
from banzhang.models.common import Agency, Contact, LegalBasis, ListDocument, TimeLimit

__all__ = ["PublicServiceItem", "PublicServiceList"]


@model("公共服务事项", description="一项公共服务", source="P; V GB/T 39046-2020")
@attrs.frozen(kw_only=True)
class PublicServiceItem:
    """公共服务事项.

    Attributes:
        basic_code: 基本编码 (事项类型 20).
        name: 事项名称.
        service_object: 服务对象.
        agency: 实施主体.
        basis: 依据.
        content: 服务内容.
        handling_form: 办理形式.
        time_limit: 办理时限.
        charged: 是否收费.
        fee_basis: 收费依据.
        fee_standard: 收费标准.
        contact: 咨询方式.
        remark: 备注.
    """

    basic_code: str = element("基本编码", required=True, code="basic", source="V GB/T 39046")
    name: str = element("事项名称", required=True, source="P")
    service_object: str | None = element("服务对象", source="P")
    agency: Agency = element("实施主体", required=True, source="P")
    basis: tuple[LegalBasis, ...] = element("依据", required=True, min_items=1, source="P")
    content: str | None = element("服务内容", source="P")
    handling_form: str | None = element("办理形式", source="P")
    time_limit: TimeLimit | None = element("办理时限", source="P")
    charged: bool = element("是否收费", default=False, source="P")
    fee_basis: tuple[LegalBasis, ...] = element("收费依据", factory=tuple, source="P")
    fee_standard: str | None = element("收费标准", source="P")
    contact: Contact | None = element("咨询方式", source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class PublicServiceList(ListDocument):
    """公共服务事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[PublicServiceItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="public-service-list",
        title="公共服务事项清单",
        document=PublicServiceList,
        item=PublicServiceItem,
        source="S 004; P",
        order=5,
        description="面向公众的公共服务事项",
        also_called=("公共服务清单",),
    )
)

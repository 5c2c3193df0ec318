"""“马上办、网上办、就近办、一次办”事项清单 (service-mode list) [S 003]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import SAME_ITEM, SAME_SOURCE, SERVICE_MODES, Kind, register
from banzhang.models.common import Agency, ListDocument, TimeLimit

__all__ = ["ServiceModeItem", "ServiceModeList"]


@model("“四办”事项", description="按办理方式列明的一项事项及其承诺时限", source="S 003")
@attrs.frozen(kw_only=True)
class ServiceModeItem:
    """“四办”事项.

    Attributes:
        basic_code: 基本编码 (same source as the 权责清单).
        name: 事项名称.
        agency: 实施主体.
        modes: 办理方式.
        online_depth: 网办深度.
        case_type: 办件类型.
        promised_time_limit: 承诺时限 (``promised_time`` before spec 1.1).
        onsite_visits: 到现场次数.
        nearby_locations: 就近办理地点.
        postal_delivery: 是否邮寄送达.
        remark: 备注.
    """

    basic_code: str = element("基本编码", required=True, code="basic", source="S 003")
    name: str = element("事项名称", required=True, source="S 003")
    agency: Agency | None = element("实施主体", source="S 003")
    modes: tuple[str, ...] = element(
        "办理方式", required=True, min_items=1, codelist="service_mode", source="S 003"
    )
    online_depth: str | None = element("网办深度", codelist="online_depth", source="S 003")
    case_type: str | None = element("办件类型", codelist="case_type", source="V GB/T 39046")
    promised_time_limit: TimeLimit = element(
        "承诺时限", required=True, renamed_from=("promised_time",), source="S 003"
    )
    onsite_visits: int = element("到现场次数", required=True, minimum=0, source="S 003")
    nearby_locations: tuple[str, ...] = element(
        "就近办理地点", factory=tuple, description="苏木乡镇或嘎查村的便民服务站", source="S 003"
    )
    postal_delivery: bool = element("是否邮寄送达", default=False, source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class ServiceModeList(ListDocument):
    """“四办”事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[ServiceModeItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="service-mode-list",
        title="“马上办、网上办、就近办、一次办”事项清单",
        document=ServiceModeList,
        item=ServiceModeItem,
        source="S 003",
        order=8,
        description="按办理方式列明的事项及承诺时限",
        roles=frozenset({SAME_SOURCE, SAME_ITEM, SERVICE_MODES}),
        also_called=("四办清单", "四办事项清单"),
    )
)

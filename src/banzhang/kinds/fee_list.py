"""收费事项清单 (fee list) [P; S 004]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import CHARGES, Kind, register
from banzhang.models.common import Agency, LegalBasis, ListDocument

__all__ = ["FeeItem", "FeeList"]


@model("收费事项", description="收费事项清单中的一项收费", source="P; S 004")
@attrs.frozen(kw_only=True)
class FeeItem:
    """收费事项.

    Attributes:
        name: 收费项目名称.
        category: 收费类别.
        collecting_unit: 执收单位.
        basis: 收费依据.
        standard: 收费标准.
        payer: 收费对象.
        fund_management: 资金管理方式.
        establishing_level: 设立级次.
        basic_code: 相关事项基本编码.
        intermediary_service: 对应中介服务事项 (for a 中介服务收费).
        remark: 备注.
    """

    name: str = element(
        "收费项目名称",
        required=True,
        aliases=("收费项目", "项目名称", "二级项目", "收费性质和项目"),
        source="P",
    )
    category: str = element("收费类别", required=True, codelist="fee_category", source="P")
    collecting_unit: Agency = element(
        "执收单位", required=True, aliases=("执收部门", "收费单位", "部门"), source="P"
    )
    basis: tuple[LegalBasis, ...] = element(
        "收费依据",
        required=True,
        min_items=1,
        aliases=("政策依据", "收费文件", "批准机关及文件", "收费依据及文件"),
        source="S 004",
    )
    standard: str = element("收费标准", required=True, source="S 004")
    payer: str | None = element("收费对象", aliases=("收费范围",), source="P")
    fund_management: str | None = element("资金管理方式", codelist="fund_management", source="P")
    establishing_level: str | None = element(
        "设立级次",
        description="批准设立该收费的政府层级",
        example="中央",
        source="P 各地收费目录清单",
    )
    basic_code: str | None = element("相关事项基本编码", code="basic", source="P")
    intermediary_service: str | None = element(
        "对应中介服务事项",
        description="中介服务收费所对应的中介服务事项名称，须在本地区中介服务事项清单中",
        source="S 003",
    )
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class FeeList(ListDocument):
    """收费事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[FeeItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="fee-list",
        title="收费事项清单",
        document=FeeList,
        item=FeeItem,
        source="S 003, 004",
        order=4,
        description="行政事业性收费和中介服务收费",
        roles=frozenset({CHARGES}),
        also_called=("收费目录清单", "收费项目目录", "收费目录", "收费清单", "收费项目清单"),
    )
)

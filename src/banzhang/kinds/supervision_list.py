"""监管事项清单 (supervision list) [S 001 "明确监管事项、实施主体、设定依据、责任事项"]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import SAME_SOURCE, Kind, register
from banzhang.models.common import Agency, LegalBasis, ListDocument, Responsibility

__all__ = ["SupervisionItem", "SupervisionList"]


@model("监管事项", description="一项事中事后监管事项", source="S 001")
@attrs.frozen(kw_only=True)
class SupervisionItem:
    """监管事项.

    Attributes:
        code: 监管事项编码.
        name: 监管事项名称.
        basic_code: 对应审批事项基本编码 (审管衔接).
        object: 监管对象.
        methods: 监管方式.
        agency: 实施主体.
        basis: 设定依据.
        responsibilities: 责任事项.
        level: 监管层级.
        remark: 备注.
    """

    code: str | None = element("监管事项编码", max_length=40, source="P")
    name: str = element("监管事项名称", required=True, source="S 001")
    basic_code: str | None = element(
        "对应审批事项基本编码", code="basic", description="审管衔接：须在权责清单中", source="S 001"
    )
    object: str | None = element("监管对象", source="P")
    methods: tuple[str, ...] = element(
        "监管方式", factory=tuple, codelist="supervision_method", source="P"
    )
    agency: Agency = element("实施主体", required=True, source="S 001")
    basis: tuple[LegalBasis, ...] = element("设定依据", required=True, min_items=1, source="S 001")
    responsibilities: tuple[Responsibility, ...] = element(
        "责任事项",
        required=True,
        min_items=1,
        source="S 001 明确监管事项、实施主体、设定依据、责任事项",
    )
    level: str | None = element("监管层级", codelist="level", source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class SupervisionList(ListDocument):
    """监管事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[SupervisionItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="supervision-list",
        title="监管事项清单",
        document=SupervisionList,
        item=SupervisionItem,
        source="S 001",
        order=6,
        description="审批之后的监管事项",
        roles=frozenset({SAME_SOURCE}),
        also_called=("监管事项目录清单", "监管清单"),
    )
)

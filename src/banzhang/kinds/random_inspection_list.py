"""随机抽查事项清单 ("双随机一公开" inspection list) [P]."""

from __future__ import annotations

import attrs

from banzhang.declare import element, model
from banzhang.kinds._registry import Kind, register
from banzhang.models.common import Agency, LegalBasis, ListDocument

__all__ = ["RandomInspectionItem", "RandomInspectionList"]


@model("随机抽查事项", description="“双随机、一公开”的一项抽查", source="P")
@attrs.frozen(kw_only=True)
class RandomInspectionItem:
    """随机抽查事项.

    Attributes:
        name: 抽查事项名称.
        category: 抽查类别 (重点/一般).
        object: 抽查对象.
        content: 抽查内容.
        methods: 检查方式.
        agency: 抽查主体.
        basis: 抽查依据.
        ratio_frequency: 抽查比例和频次.
        basic_code: 相关事项基本编码.
        remark: 备注.
    """

    name: str = element("抽查事项名称", required=True, aliases=("抽查事项", "检查事项"), source="P")
    category: str | None = element("抽查类别", codelist="inspection_category", source="P")
    object: str | None = element("抽查对象", aliases=("检查对象",), source="P")
    content: str | None = element("抽查内容", aliases=("检查内容",), source="P")
    methods: tuple[str, ...] = element(
        "检查方式",
        factory=tuple,
        codelist="inspection_method",
        aliases=("抽查方式",),
        source="P",
    )
    agency: Agency = element(
        "抽查主体", required=True, aliases=("发起部门", "检查主体", "实施主体"), source="P"
    )
    basis: tuple[LegalBasis, ...] = element(
        "抽查依据", required=True, min_items=1, aliases=("检查依据",), source="P"
    )
    ratio_frequency: str | None = element(
        "抽查比例和频次",
        aliases=("抽查比例", "抽查比例及频次", "抽查频次", "抽查周期"),
        source="P",
    )
    basic_code: str | None = element("相关事项基本编码", code="basic", source="P")
    remark: str | None = element("备注", aliases=("说明",), source="P SPEC §4")


@attrs.frozen(kw_only=True)
class RandomInspectionList(ListDocument):
    """随机抽查事项清单.

    Attributes:
        items: 事项.
    """

    items: tuple[RandomInspectionItem, ...] = element("事项", required=True)


KIND = register(
    Kind(
        id="random-inspection-list",
        title="随机抽查事项清单",
        document=RandomInspectionList,
        item=RandomInspectionItem,
        source="P",
        order=7,
        description="“双随机一公开”抽查事项",
        also_called=("双随机抽查事项清单", "抽查事项清单", "双随机一公开"),
    )
)

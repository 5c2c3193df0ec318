"""The registry of document kinds (SPEC §1), with the ten kinds of the standard registered.

>>> [kind.id for kind in all_kinds()][:2]
['power-list', 'licensing-list']
>>> get("service-guide").title
'服务指南'
"""

from banzhang.kinds import (  # noqa: F401 - importing a kind module registers it
    fee_list,
    intermediary_list,
    licensing_list,
    power_list,
    public_service_list,
    random_inspection_list,
    review_detail,
    service_guide,
    service_mode_list,
    supervision_list,
)
from banzhang.kinds._registry import (
    CHARGES,
    INTERMEDIARY,
    REFERENCE,
    SAME_ITEM,
    SAME_SOURCE,
    SERVICE_MODES,
    Kind,
    all_kinds,
    by_title,
    get,
    register,
    with_role,
)

__all__ = [
    "CHARGES",
    "INTERMEDIARY",
    "REFERENCE",
    "SAME_ITEM",
    "SAME_SOURCE",
    "SERVICE_MODES",
    "Kind",
    "all_kinds",
    "by_title",
    "get",
    "register",
    "with_role",
]

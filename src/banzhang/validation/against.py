"""What a document is checked against beyond itself: other lists, and the codes retired.

>>> against = Against(power_codes={"000117047000": "食品生产许可"})
>>> resolved(against, None, {"000117047001"})
({'000117047000': '食品生产许可'}, {'000117047001'})
"""

from __future__ import annotations

from collections.abc import Collection

import attrs

__all__ = ["Against", "resolved"]


@attrs.frozen(kw_only=True)
class Against:
    """The references a check needs that the document does not hold.

    Attributes:
        power_codes: what the document's reference list holds — the 基本编码 of the same
            region's 权责清单 (or, for a 收费清单, the names of its 中介服务事项清单), as
            :func:`banzhang.validation.same_source.reference_keys` gives them (each key with
            its name as written); given, 同源 is checked.
        retired: the register of retired codes (:mod:`banzhang.validation.retired`); given, an
            item or 子项 under one of them is an error.
    """

    power_codes: Collection[str] | None = None
    retired: Collection[str] | None = None


def resolved(
    against: Against | None,
    power_codes: Collection[str] | None,
    retired: Collection[str] | None,
) -> tuple[Collection[str] | None, Collection[str] | None]:
    """The power codes and retired codes to check with: the keywords a caller gave, else
    ``against``'s."""
    if against is None:
        return power_codes, retired
    return (
        power_codes if power_codes is not None else against.power_codes,
        retired if retired is not None else against.retired,
    )

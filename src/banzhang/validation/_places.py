"""A place's administrative level, read from its name (SPEC §8 ``mode.consistency``: 就近办).

就近办 means a place at 苏木乡镇（街道） or 嘎查村（社区） level [S 003]. Real lists name such
places in many ways — ``…街道办事处便民服务大厅``, ``…镇人民政府便民服务中心``,
``…苏木综合便民服务站``, ``…嘎查党群服务中心`` — often with the address after the name
in brackets. A name is judged by the lowest administrative unit it names outside its
brackets; only a name that stops at a 旗县 or higher unit (or is a 政务服务中心 and names no
unit below) is not 就近办. A name that names no unit at all is not judged: a false alarm
weighs as much as a miss.

>>> [is_nearby(name) for name in ("新华街道办事处便民服务大厅", "萨拉齐镇人民政府便民服务中心")]
[True, True]
>>> is_nearby("达拉特旗政务服务中心（达拉特旗树林召镇平原大街）")
False
>>> is_nearby("乌兰浩特市兴安街道便民服务中心（兴安北路12号）")
True
"""

from __future__ import annotations

import re

__all__ = ["is_nearby"]

#: A note after a name in brackets: its address, opening hours, a telephone number.
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
#: The units of 苏木乡镇（街道） and 嘎查村（社区） level, and their service halls.
_BELOW_BANNER = re.compile(r"苏木|乡|镇|街道|嘎查|村|社区|居委会|党群服务")
#: A unit of 旗县 level or above, or a 政务服务中心 (a 旗县 hall when nothing lower is named).
_BANNER_OR_ABOVE = re.compile(r"[旗县市区盟]|自治区|政务服务")


def is_nearby(name: str) -> bool:
    """Whether ``name`` may be a 就近办 place: not shown to be of 旗县 level or above."""
    bare = _BRACKETED.sub("", name).strip()
    if _BELOW_BANNER.search(bare):
        return True
    if not bare:  # only a bracketed note: judge what it says
        return not _BANNER_OR_ABOVE.search(name) or bool(_BELOW_BANNER.search(name))
    return not _BANNER_OR_ABOVE.search(bare)

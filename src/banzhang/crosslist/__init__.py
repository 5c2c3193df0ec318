"""Checks across lists (SPEC §9): each module takes many lists and reports what they say together.

- :mod:`~banzhang.crosslist.levels` — 三级五同: the same item at 自治区, 盟市 and 旗县 levels.
- :mod:`~banzhang.crosslist.compare` — 横向可比: one department across the regions of a level.
- :mod:`~banzhang.crosslist.adjust` — 动态调整: what changed between two versions of a list.
- :mod:`~banzhang.crosslist.stats` — counts per type, mode and level, and the 三办率.

同源 (an item's code in its region's 权责清单) runs inside validation:
:mod:`banzhang.validation.same_source`.
"""

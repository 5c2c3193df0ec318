"""Names in the pages: kinds, regions and levels by their Chinese names."""

from __future__ import annotations

from django import template

from banzhang.desk import presenting

register = template.Library()
register.filter("kind_title", presenting.kind_title)
register.filter("region_title", presenting.region_title)
register.filter("level_title", presenting.level_title)

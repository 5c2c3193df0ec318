"""The desk as a Django app."""

from __future__ import annotations

from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The review desk (its models' tables are named ``desk_…``)."""

    name = "banzhang.desk"
    label = "desk"
    verbose_name = "清单审核台"
    default_auto_field = "django.db.models.BigAutoField"

"""The administrator's pages (Django's admin): departments, and each account's role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from banzhang.desk.models import Department, Profile

# Django's admin classes are generic only in their type stubs: the subscripted bases are the
# type checker's, the plain ones run.
if TYPE_CHECKING:
    _DepartmentAdmin = admin.ModelAdmin[Department]
    _ProfileInline = admin.StackedInline[Profile, User]
    _UserAdmin = UserAdmin[User]
else:
    _DepartmentAdmin, _ProfileInline, _UserAdmin = admin.ModelAdmin, admin.StackedInline, UserAdmin

admin.site.site_header = admin.site.site_title = "清单审核台管理"
admin.site.index_title = "账号、角色与部门"


@admin.register(Department)
class DepartmentAdmin(_DepartmentAdmin):
    """Departments by region and level."""

    list_display = ("name", "region", "level")
    list_filter = ("level",)
    search_fields = ("name", "region")


class ProfileInline(_ProfileInline):
    """An account's role, edited on the account's page."""

    model = Profile
    can_delete = False
    verbose_name_plural = "审核台角色"


admin.site.unregister(User)


@admin.register(User)
class DeskUserAdmin(_UserAdmin):
    """Accounts with their desk role."""

    inlines = (ProfileInline,)

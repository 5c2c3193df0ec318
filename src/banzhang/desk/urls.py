"""The site: the desk's pages; for administrators, Django's admin (accounts, roles) with its
own style sheets and scripts (Django's files, served from its package: nothing of a department
is ever in a served folder)."""

from __future__ import annotations

from pathlib import Path

import django.contrib.admin
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

_ADMIN_STATIC = Path(django.contrib.admin.__file__).parent / "static"

urlpatterns = [
    path("admin/", admin.site.urls),
    re_path(r"^static/(?P<path>admin/.+)$", serve, {"document_root": _ADMIN_STATIC}),
    path("", include("banzhang.desk.routes")),
]

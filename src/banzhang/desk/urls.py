"""The site: the desk's pages and, for administrators, Django's admin (accounts, roles)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("banzhang.desk.routes")),
]

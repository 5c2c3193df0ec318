"""The region's overview (who has handed in what, and its state) and the API tokens page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from banzhang.desk import access, api, history
from banzhang.desk.models import ApiToken, Submission
from banzhang.desk.presenting import level_title, region_title

__all__ = ["overview", "tokens"]


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Per region and level: each department's latest version of each kind, and its state."""
    latest: dict[tuple[int, str], Submission] = {}
    for found in access.submissions_for(request.user).prefetch_related("reviews"):
        latest.setdefault((found.department_id, found.checking.kind), found)  # newest first
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    departments = access.departments_for(request.user).order_by("region", "level", "name")
    for department in departments:
        handed_in = [
            {"submission": s, "state": history.state_of(s)}
            for (owner, _), s in sorted(latest.items(), key=lambda e: e[0][1])
            if owner == department.pk
        ]
        groups.setdefault((department.region, department.level), []).append(
            {"department": department, "handed_in": handed_in}
        )
    shown = [
        {"region": region_title(region), "level": level_title(level), "departments": rows}
        for (region, level), rows in groups.items()
    ]
    return render(request, "desk/overview.html", {"groups": shown})


@require_http_methods(["GET", "POST"])
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The person's API tokens; a new one is shown once."""
    made = None
    if request.method == "POST":
        made = api.issue_token(access.signed_in(request), request.POST.get("label", "").strip())
        messages.success(request, "已生成接口令牌：请立即复制保存，离开本页后不再显示")
    owned = ApiToken.objects.filter(user=access.signed_in(request)).order_by("-created")
    return render(request, "desk/tokens.html", {"made": made, "tokens": owned})

"""The region's overview (who has handed in what, and its state), the cross-list reports and
the API tokens page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from banzhang.crosslist import compare, levels, stats
from banzhang.desk import access, api, crosslist, history
from banzhang.desk.models import ApiToken, ListedItem, Submission
from banzhang.desk.presenting import level_title, region_title

__all__ = ["cross_reports", "department", "overview", "tokens"]

#: How many items of a department's current list its page shows (the JSON download has all).
ITEMS_SHOWN = 1000


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


@require_GET
@login_required
def cross_reports(request: HttpRequest) -> HttpResponse:
    """三级五同, 横向可比, 同源 and 三办率 over the latest accepted lists the person may see."""
    accepted = crosslist.latest_accepted(access.departments_for(request.user))
    found = crosslist.reports(accepted)
    context = {
        "accepted": accepted,
        "levels": _level_rows(found["levels"]),
        "groups": [_group(group) for group in found["compare"]],
        "same_source": found["same_source"],
        "stats": found["stats"],
        "rate": _rate(found["stats"]),
    }
    return render(request, "desk/reports.html", context)


def _level_rows(report: levels.LevelsReport) -> list[dict[str, str]]:
    return [
        {
            "nature": d.nature,
            "code": d.basic_code,
            "title": d.title,
            "reference": str(d.reference),
            "expected": crosslist.value_text(d.expected),
            "place": str(d.place),
            "found": crosslist.value_text(d.found),
        }
        for d in (*report.differences, *report.formal_differences)
    ]


def _group(group: compare.Group) -> dict[str, Any]:
    return {
        "title": f"{level_title(group.level)} {group.department or '（未写部门）'}",
        "median": f"{group.median:g}",
        "rows": [
            {"region": region_title(row.region), "total": row.total, "outlier": row.outlier}
            for row in group.rows
        ],
        "differences": [
            {
                "nature": "格式差异" if d.formal else "不一致",
                "code": d.basic_code,
                "title": d.title,
                "region": region_title(d.region),
                "found": crosslist.value_text(d.found),
                "usual": crosslist.value_text(d.usual),
            }
            for d in group.differences
        ],
        "gaps": [
            {"region": region_title(g.region), "code": g.basic_code, "name": g.name or ""}
            for g in group.gaps
        ],
    }


def _rate(found: stats.Stats) -> str:
    rate = found.three_modes_rate
    if rate is None:
        return "无法计算（需要含依申请事项的权责清单和“四办”事项清单）"
    return f"{rate:.1%}（{found.three_modes_items} / {found.application_items} 项依申请事项）"


@require_GET
@login_required
def department(request: HttpRequest, pk: int) -> HttpResponse:
    """A department's lists: for each kind, every version with its state, and the current list
    (the latest accepted version) item by item."""
    found = access.departments_for(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404("没有这个部门")
    visible = access.submissions_for(request.user).filter(department=found)
    kinds_handed_in: dict[str, list[dict[str, Any]]] = {}
    for submission in visible.prefetch_related("reviews").order_by("received", "id"):
        state = history.state_of(submission)
        kinds_handed_in.setdefault(submission.checking.kind, []).append(
            {"submission": submission, "state": state}
        )
    lists = [_current(kind, versions) for kind, versions in kinds_handed_in.items()]
    return render(request, "desk/department.html", {"department": found, "lists": lists})


def _current(kind: str, versions: list[dict[str, Any]]) -> dict[str, Any]:
    accepted = [v["submission"] for v in versions if v["state"] == history.ACCEPTED]
    current = accepted[-1] if accepted else None
    items = (
        ListedItem.objects.filter(submission=current)
        .order_by("position")
        .values_list("content__basic_code", "content__name")
        if current is not None
        else ListedItem.objects.none().values_list("content__basic_code", "content__name")
    )
    return {
        "kind": kind,
        "versions": versions,
        "current": current,
        "items": list(items[:ITEMS_SHOWN]),
        "count": items.count(),
    }

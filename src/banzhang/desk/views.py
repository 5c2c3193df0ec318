"""The desk's pages: hand in, see the findings, download, review, compare versions, and the
overviews of a region. Every page needs a signed-in account; what it shows is what
:mod:`banzhang.desk.access` lets the person see."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from banzhang.desk import access, downloads, files, history, intake, presenting
from banzhang.desk.models import Profile, Review, Submission
from banzhang.desk.presenting import by_rule, by_sheet, changes
from banzhang.errors import InvalidDocument, UnreadableInput

__all__ = [
    "adjust",
    "code",
    "converted",
    "findings_workbook",
    "hand_in",
    "home",
    "marked",
    "retired",
    "review",
    "submission",
    "submissions",
]


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page: the person's submissions."""
    return redirect("desk:submissions")


@require_GET
@login_required
def submissions(request: HttpRequest) -> HttpResponse:
    """Every submission the person may see, newest first, with its state."""
    shown = list(access.submissions_for(request.user).prefetch_related("reviews")[:500])
    rows = [{"submission": s, "state": history.state_of(s)} for s in shown]
    profile = access.profile_of(request.user)
    can_hand_in = profile is not None and profile.role == Profile.DEPARTMENT
    return render(request, "desk/submissions.html", {"rows": rows, "can_hand_in": can_hand_in})


@require_http_methods(["GET", "POST"])
@login_required
def hand_in(request: HttpRequest) -> HttpResponse:
    """A department hands in one or several files."""
    profile = access.profile_of(request.user)
    if profile is None or profile.role != Profile.DEPARTMENT or profile.department is None:
        raise PermissionDenied("只有部门填报人可以报送")
    context = {"accepted": "、".join(files.ACCEPTED), "department": profile.department}
    if request.method == "GET":
        return render(request, "desk/hand_in.html", context)
    try:
        files.check_request(request.META.get("CONTENT_LENGTH"))
    except files.Refused as refused:
        messages.error(request, f"本次报送未收下：{refused}")
        return render(request, "desk/hand_in.html", context, status=413)
    uploaded = request.FILES.getlist("files")
    if not uploaded:
        messages.error(request, "请选择要报送的文件")
        return render(request, "desk/hand_in.html", context, status=400)
    stated, wrong = intake.stated_of(request.POST)
    if wrong:
        messages.error(request, wrong)
        return render(request, "desk/hand_in.html", context, status=400)
    received = []
    for upload in uploaded:
        try:
            files.suffix_of(upload.name or "")
            files.check_size(upload.size or 0)
            received.append(
                intake.receive(
                    profile.department, request.user, upload.name or "", upload.chunks(), stated
                )
            )
        except files.Refused as refused:
            messages.error(request, f"{upload.name}：{refused}")
    for submission in received:
        messages.success(request, f"已收到 {submission.original_name}，正在校验")
    if len(received) == 1 and len(uploaded) == 1:
        return redirect("desk:submission", pk=received[0].pk)
    return redirect("desk:submissions")


@require_GET
@login_required
def submission(request: HttpRequest, pk: int) -> HttpResponse:
    """A submission's findings, by rule and by sheet and row; its versions; the review form."""
    found = access.submission_for(request.user, pk)
    check = found.checking
    context: dict[str, Any] = {
        "submission": found,
        "check": check,
        "state": history.state_of(found),
        "reviews": list(found.reviews.select_related("reviewer")),
        "can_review": access.is_reviewer(request.user) and check.finished_checking,
        "can_mark": found.file.suffix in downloads.MARKED_FORMATS,
        # Refreshed until the findings are in and the items stored (the 动态调整 needs them).
        "working": not check.finished_checking
        or (check.state == check.DONE and not check.items_stored),
    }
    if check.state == check.DONE:
        groups, sheets = by_rule(check.findings), by_sheet(check.findings)
        shown = presenting.shown_places(groups, sheets)
        presenting.name_items(shown, lambda positions: history.items_at(found, positions))
        context["by_rule"], context["by_sheet"] = groups, sheets
        others = history.versions_of(found).exclude(pk=found.pk).filter(checking__items_stored=True)
        visible = others.filter(pk__in=access.submissions_for(request.user))
        context["versions"] = list(visible) if check.items_stored else []
    return render(request, "desk/submission.html", context)


@require_POST
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A reviewer's decision: 退回 (with a note saying what to fix) or 通过."""
    if not access.is_reviewer(request.user):
        raise PermissionDenied("只有审核人可以审核")
    found = access.submission_for(request.user, pk)
    decision, note = request.POST.get("decision", ""), request.POST.get("note", "").strip()
    if decision not in (Review.RETURNED, Review.ACCEPTED) or not found.checking.finished_checking:
        messages.error(request, "请选择“退回”或“通过”")
    elif decision == Review.RETURNED and not note:
        messages.error(request, "退回时请写明需要修改的地方")
    else:
        with transaction.atomic():
            Review.objects.create(
                submission=found, reviewer=access.signed_in(request), decision=decision, note=note
            )
        messages.success(request, f"已{dict(Review.DECISIONS)[decision]}")
    return redirect("desk:submission", pk=found.pk)


def _checked(request: HttpRequest, pk: int) -> Submission:
    found = access.submission_for(request.user, pk)
    if found.checking.state != found.checking.DONE:
        raise PermissionDenied("校验尚未完成")
    return found


@require_GET
@login_required
def marked(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The department's own workbook, marked."""
    found = _checked(request, pk)
    if found.file.suffix not in downloads.MARKED_FORMATS:
        raise PermissionDenied("只有工作簿和 .csv 文件可以标注后交回")
    try:
        return downloads.marked(found)
    except UnreadableInput as err:
        return _cannot(request, found, str(err))


@require_GET
@login_required
def findings_workbook(request: HttpRequest, pk: int) -> FileResponse:
    """The findings as a workbook."""
    return downloads.findings_workbook(_checked(request, pk))


@require_GET
@login_required
def converted(request: HttpRequest, pk: int, extension: str) -> HttpResponseBase:
    """The document as JSON or XML."""
    if extension not in ("json", "xml"):
        raise Http404("只能转换为 JSON 或 XML")
    found = _checked(request, pk)
    try:
        return downloads.converted(found, f".{extension}")
    except (InvalidDocument, UnreadableInput) as err:
        return _cannot(request, found, f"数据有误，无法转换为 {extension.upper()}：{err}")


def _cannot(request: HttpRequest, found: Submission, why: str) -> HttpResponse:
    return render(request, "desk/cannot.html", {"submission": found, "why": why}, status=422)


@require_GET
@login_required
def adjust(request: HttpRequest) -> HttpResponse:
    """动态调整 between two versions of a department's list (``?old=…&new=…``)."""
    try:
        old_pk, new_pk = int(request.GET["old"]), int(request.GET["new"])
    except (KeyError, ValueError):
        return render(request, "desk/cannot.html", {"why": "请选择要比较的两个版本"}, status=400)
    old, new = _checked(request, old_pk), _checked(request, new_pk)
    if old.checking.kind != new.checking.kind or old.department_id != new.department_id:
        why = "只能比较同一部门同一类清单的两个版本"
        return render(request, "desk/cannot.html", {"why": why}, status=400)
    if not (old.checking.items_stored and new.checking.items_stored):
        return render(request, "desk/cannot.html", {"why": "事项仍在入库，请稍后再试"}, status=409)
    found = history.diff(old, new)
    context = {"old": old, "new": new, "diff": found, "changes": changes(found, old.checking.kind)}
    return render(request, "desk/adjust.html", context)


@require_GET
@login_required
def retired(request: HttpRequest) -> HttpResponse:
    """The register of retired codes, derived from the accepted versions."""
    register = history.retired_register(access.departments_for(request.user))
    return render(request, "desk/retired.html", {"register": register})


@require_GET
@login_required
def code(request: HttpRequest, basic_code: str) -> HttpResponse:
    """A code's history: every version that listed it."""
    rows = history.code_history(basic_code, access.departments_for(request.user))
    return render(request, "desk/code.html", {"code": basic_code, "rows": rows})

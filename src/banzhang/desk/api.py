"""The JSON API for platforms that push lists: ``Authorization: Bearer <令牌>``; a token acts
as its account, with that account's rights. Tokens are made on the 接口令牌 page; only their
hashes are kept."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from banzhang.desk import access, files, history, intake
from banzhang.desk.models import ApiToken, Profile, Submission

__all__ = ["issue_token", "submission", "submissions"]

_View = Callable[..., HttpResponse]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def issue_token(user: User, label: str = "") -> str:
    """Make a token for ``user`` and return it (shown once: only its hash is kept)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=_digest(key), label=label[:100])
    return key


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"error": message}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def _token_user(request: HttpRequest) -> User | None:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key.strip())).first()
    return token.user if token is not None and token.user.is_active else None


def _with_token(view: _View) -> _View:
    """The request's account from its token; 401 without a valid one. No cookie, so no CSRF."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = _token_user(request)
        if user is None:
            return _error("缺少或无效的接口令牌（Authorization: Bearer 令牌）", 401)
        request.user = user
        return view(request, *args, **kwargs)

    return wrapped


def _summary(request: HttpRequest, found: Submission) -> dict[str, Any]:
    check = found.checking
    return {
        "id": found.pk,
        "department": found.department.name,
        "region": found.region,
        "level": found.level,
        "file": found.original_name,
        "sha256": found.file.sha256,
        "received": found.received.isoformat(),
        "state": history.state_of(found),
        "kind": check.kind or None,
        "version": check.version or None,
        "counts": {"error": check.errors, "warning": check.warnings},
        "url": request.build_absolute_uri(reverse("desk:submission", args=[found.pk])),
    }


@_with_token
@require_http_methods(["GET", "POST"])
def submissions(request: HttpRequest) -> HttpResponse:
    """GET: the submissions the account may see; POST (``file``): hand one in (202)."""
    if request.method == "GET":
        shown = access.submissions_for(request.user).prefetch_related("reviews")[:500]
        return JsonResponse({"submissions": [_summary(request, s) for s in shown]})
    profile = access.profile_of(request.user)
    if profile is None or profile.role != Profile.DEPARTMENT or profile.department is None:
        return _error("只有部门填报人的令牌可以报送", 403)
    try:
        files.check_request(request.META.get("CONTENT_LENGTH"))
    except files.Refused as refused:
        return _error(str(refused), 413)
    upload = request.FILES.get("file")
    if upload is None:
        return _error("请以 multipart/form-data 的“file”字段上传文件", 400)
    try:
        files.suffix_of(upload.name or "")
        files.check_size(upload.size or 0)
        found = intake.receive(profile.department, request.user, upload.name or "", upload.chunks())
    except files.Refused as refused:
        return _error(str(refused), 400)
    return JsonResponse(_summary(request, found), status=202)


@_with_token
@require_http_methods(["GET"])
def submission(request: HttpRequest, pk: int) -> HttpResponse:
    """One submission with its findings (404 for one the account may not see)."""
    try:
        found = access.submission_for(request.user, pk)
    except Http404:
        return _error("没有这份报送", 404)
    data = _summary(request, found)
    data["findings"] = found.checking.findings
    data["reviews"] = [
        {"decision": r.get_decision_display(), "note": r.note, "decided": r.decided.isoformat()}
        for r in found.reviews.all()
    ]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

"""Who sees what: a department its own submissions, a reviewer its region's (the region and
the regions below it), an administrator everything. What a person may not see is "not found"
to them, so a guessed address tells nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from banzhang.desk.models import Department, Profile, Submission

__all__ = [
    "departments_for",
    "is_administrator",
    "is_reviewer",
    "profile_of",
    "region_prefix",
    "signed_in",
    "submission_for",
    "submissions_for",
]


def profile_of(user: Any) -> Profile | None:
    """The person's desk role (None for an account without one)."""
    if not user.is_authenticated:
        return None
    found: Profile | None = Profile.objects.select_related("department").filter(user=user).first()
    return found


def is_administrator(user: Any) -> bool:
    """An administrator: a superuser, or an account given the administrator's role."""
    if not user.is_authenticated:
        return False
    profile = profile_of(user)
    return bool(user.is_superuser) or (
        profile is not None and profile.role == Profile.ADMINISTRATOR
    )


def is_reviewer(user: Any) -> bool:
    """Whether the person may decide 退回 or 通过 (a reviewer, or an administrator)."""
    profile = profile_of(user)
    return is_administrator(user) or (profile is not None and profile.role == Profile.REVIEWER)


def region_prefix(code: str) -> str:
    """The start every code within the region shares: ``1502`` for 包头市 150200."""
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def submissions_for(user: Any) -> QuerySet[Submission]:
    """The submissions the person may see."""
    everything = Submission.objects.select_related("department", "checking", "file")
    if is_administrator(user):
        return everything
    profile = profile_of(user)
    if profile is None:
        return everything.none()
    if profile.role == Profile.REVIEWER:
        return everything.filter(region__startswith=region_prefix(profile.region))
    return everything.filter(department=profile.department)


def departments_for(user: Any) -> QuerySet[Department]:
    """The departments whose lists the person may see."""
    if is_administrator(user):
        return Department.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Department.objects.none()
    if profile.role == Profile.REVIEWER:
        return Department.objects.filter(region__startswith=region_prefix(profile.region))
    if profile.department_id is None:
        return Department.objects.none()
    return Department.objects.filter(pk=profile.department_id)


def signed_in(request: HttpRequest) -> User:
    """The request's account (the views that call this require one)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("请先登录")
    return user


def submission_for(user: Any, pk: int) -> Submission:
    """The submission ``pk`` if the person may see it; else "not found" (404)."""
    found = submissions_for(user).filter(pk=pk).first()
    if found is None:
        raise Http404("没有这份报送")
    return found

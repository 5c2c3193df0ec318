"""A department sees and changes only its own submissions — by address and by the API; a
reviewer sees only its region; a platform's token acts with its account's rights."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from tests.desk.conftest import account, checked, client_of, department
from tests.desk.test_desk_store import hand_in
from tests.desk.workbooks import DEPARTMENT

pytestmark = pytest.mark.usefixtures("desk")


@pytest.fixture
def two_departments() -> dict[str, Any]:
    """Two departments of 包头市, each with a clerk and a checked submission."""
    found: dict[str, Any] = {}
    for side in ("ours", "theirs"):
        owner = department()
        clerk = account("department", department=owner)
        found[side] = {"clerk": clerk, "submission": checked(hand_in(client_of(clerk), DEPARTMENT))}
    return found


_PAGES = (
    "/submissions/{pk}/",
    "/submissions/{pk}/marked.xlsx",
    "/submissions/{pk}/findings.xlsx",
    "/submissions/{pk}/converted.json",
    "/submissions/{pk}/converted.xml",
)


def test_a_department_cannot_read_another_departments_submission(
    two_departments: dict[str, Any],
) -> None:
    ours = client_of(two_departments["ours"]["clerk"])
    theirs = two_departments["theirs"]["submission"]
    for page in _PAGES:
        assert ours.get(page.format(pk=theirs.pk)).status_code == 404, page
    assert ours.get(f"/departments/{theirs.department_id}/").status_code == 404
    listed = ours.get("/submissions/").content.decode()
    assert f"/submissions/{theirs.pk}/" not in listed
    assert f"/submissions/{two_departments['ours']['submission'].pk}/" in listed
    mine = two_departments["ours"]["submission"]
    assert ours.get(f"/adjust/?old={theirs.pk}&new={mine.pk}").status_code == 404


def test_a_department_cannot_change_another_departments_submission(
    two_departments: dict[str, Any],
) -> None:
    from banzhang.desk.models import Review

    ours = client_of(two_departments["ours"]["clerk"])
    theirs = two_departments["theirs"]["submission"]
    response = ours.post(f"/submissions/{theirs.pk}/review/", {"decision": "accepted"})
    assert response.status_code == 403
    assert not Review.objects.filter(submission=theirs).exists()


def test_a_department_cannot_decide_on_its_own_submission(two_departments: dict[str, Any]) -> None:
    from banzhang.desk.models import Review

    ours = client_of(two_departments["ours"]["clerk"])
    mine = two_departments["ours"]["submission"]
    assert ours.post(f"/submissions/{mine.pk}/review/", {"decision": "accepted"}).status_code == 403
    assert not Review.objects.filter(submission=mine).exists()


def test_a_reviewer_sees_only_its_region(two_departments: dict[str, Any]) -> None:
    theirs = two_departments["theirs"]["submission"]
    baotou = client_of(account("reviewer", region="150200"))
    hohhot = client_of(account("reviewer", region="150100"))
    assert baotou.get(f"/submissions/{theirs.pk}/").status_code == 200
    assert hohhot.get(f"/submissions/{theirs.pk}/").status_code == 404
    assert (
        hohhot.post(f"/submissions/{theirs.pk}/review/", {"decision": "accepted"}).status_code
        == 404
    )
    region = client_of(account("reviewer", region="150000"))  # 自治区 sees its 盟市
    assert region.get(f"/submissions/{theirs.pk}/").status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(two_departments: dict[str, Any]) -> None:
    from django.test import Client

    theirs = two_departments["theirs"]["submission"]
    response = Client().get(f"/submissions/{theirs.pk}/marked.xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def _api(token: str | None) -> Any:
    from django.test import Client

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return Client(headers=headers)


def test_the_api_keeps_a_department_to_its_own_submissions(two_departments: dict[str, Any]) -> None:
    from banzhang.desk import api

    token = api.issue_token(two_departments["ours"]["clerk"], "平台推送")
    client = _api(token)
    theirs = two_departments["theirs"]["submission"]
    mine = two_departments["ours"]["submission"]
    response = client.get(f"/api/submissions/{theirs.pk}/")
    assert response.status_code == 404
    assert json.loads(response.content) == {"error": "没有这份报送"}
    listed = json.loads(client.get("/api/submissions/").content)["submissions"]
    assert [entry["id"] for entry in listed] == [mine.pk]
    detail = json.loads(client.get(f"/api/submissions/{mine.pk}/").content)
    assert detail["kind"] == "power-list"
    assert detail["state"] == "待审"
    assert {f["rule"] for f in detail["findings"]} >= {"structure.required", "excel.code-as-number"}


def test_the_api_takes_a_platforms_push_and_refuses_bad_tokens(
    two_departments: dict[str, Any],
) -> None:
    from banzhang.desk import api

    upload = io.BytesIO(DEPARTMENT.read_bytes())
    upload.name = "平台推送.xlsx"
    assert _api(None).post("/api/submissions/", {"file": upload}).status_code == 401
    assert _api("not-a-token").get("/api/submissions/").status_code == 401
    clerk = two_departments["ours"]["clerk"]
    client = _api(api.issue_token(clerk))
    upload.seek(0)
    response = client.post("/api/submissions/", {"file": upload})
    assert response.status_code == 202
    pushed = checked(json.loads(response.content)["id"])
    assert pushed.department == clerk.desk_profile.department
    assert pushed.checking.errors == 1
    reviewer_token = api.issue_token(account("reviewer", region="150200"))
    upload.seek(0)
    refused = _api(reviewer_token).post("/api/submissions/", {"file": upload})
    assert refused.status_code == 403


def test_the_api_refuses_a_push_past_the_size_limit_before_reading_it(
    two_departments: dict[str, Any],
) -> None:
    from django.test import override_settings

    from banzhang.desk import api
    from banzhang.desk.models import Submission

    clerk = two_departments["ours"]["clerk"]
    client = _api(api.issue_token(clerk))
    upload = io.BytesIO(b"a,b\n" * 50_000)
    upload.name = "太大.csv"
    with override_settings(DESK_MAX_UPLOAD_BYTES=1000):
        response = client.post("/api/submissions/", {"file": upload})
    assert response.status_code == 413
    assert "文件过大" in json.loads(response.content)["error"]
    assert not Submission.objects.filter(original_name="太大.csv").exists()


def test_only_an_administrator_manages_accounts(two_departments: dict[str, Any]) -> None:
    from django.contrib.auth.models import User

    from tests.desk.conftest import unique

    administrator = User.objects.create_superuser(unique("administrator"), "", "pw-Desk-2026")
    page = client_of(administrator).get("/admin/auth/user/")
    assert page.status_code == 200
    assert two_departments["ours"]["clerk"].username in page.content.decode()
    style = client_of(administrator).get("/static/admin/css/base.css")
    assert style.status_code == 200
    style.close()
    clerk = client_of(two_departments["ours"]["clerk"])
    assert clerk.get("/admin/auth/user/").status_code == 302  # to the admin's sign-in

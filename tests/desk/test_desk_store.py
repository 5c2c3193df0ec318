"""Hand-in, background check, findings page, downloads, and the store of every version."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.desk.conftest import Desk, account, checked, client_of, department
from tests.desk.workbooks import DEPARTMENT, later_version

pytestmark = pytest.mark.usefixtures("desk")


def hand_in(client: Any, path: Path, name: str | None = None) -> int:
    """Hand ``path`` in through the upload form; the new submission's id."""
    with path.open("rb") as handle:
        upload = io.BytesIO(handle.read())
    upload.name = name or path.name
    response = client.post("/submissions/new/", {"files": upload})
    assert response.status_code == 302, response.content.decode()
    found = re.fullmatch(r"/submissions/(\d+)/", response["Location"])
    assert found, response["Location"]
    return int(found[1])


def _body(response: Any) -> bytes:
    """A download's bytes, its file closed."""
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def _clerk() -> tuple[Any, Any]:
    owner = department()
    return owner, account("department", department=owner)


def test_hand_in_is_checked_in_the_background_and_shown_by_rule_and_cell() -> None:
    _, clerk = _clerk()
    client = client_of(clerk)
    pk = hand_in(client, DEPARTMENT)
    submission = checked(pk)
    assert submission.checking.kind == "power-list"
    assert (submission.checking.errors, submission.checking.warnings) == (1, 8)
    page = client.get(f"/submissions/{pk}/").content.decode()
    assert "必填要素缺失或为空（structure.required）× 1" in page
    assert "编码以数字存放，已补回前导零（excel.code-as-number）× 2" in page
    assert (
        "<b>Sheet1!B7</b>（000217032000 对生产经营不符合食品安全标准的食品的行政处罚）："
        "“基本编码”以数字存放为 217032000"
    ) in page
    assert "<h3>Sheet1</h3>" in page
    assert "待审" in page
    assert submission.items.count() == 3


def test_marked_workbook_findings_workbook_and_json_are_handed_back() -> None:
    _, clerk = _clerk()
    client = client_of(clerk)
    pk = hand_in(client, DEPARTMENT)
    checked(pk)
    response = client.get(f"/submissions/{pk}/marked.xlsx")
    assert response.status_code == 200
    assert (
        "已标注问题" in response["Content-Disposition"]
        or "filename*" in response["Content-Disposition"]
    )
    book = load_workbook(io.BytesIO(_body(response)))
    assert "基本编码" in book["Sheet1"]["B7"].comment.text
    assert "问题清单" in book.sheetnames
    findings = client.get(f"/submissions/{pk}/findings.xlsx")
    sheet = load_workbook(io.BytesIO(_body(findings)))["问题"]
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)].count("Sheet1!B7") == 1
    converted = client.get(f"/submissions/{pk}/converted.json")
    data = json.loads(_body(converted))
    assert data["kind"] == "power-list"
    assert [item["basic_code"] for item in data["items"]][1] == "000217032000"
    # XML needs a document of the right shape: the missing 生效日期 is named, nothing written.
    refused = client.get(f"/submissions/{pk}/converted.xml")
    assert refused.status_code == 422
    assert "数据有误，无法转换为 XML" in refused.content.decode()
    assert "生效日期" in refused.content.decode()


def test_same_bytes_are_stored_once_and_items_once() -> None:
    from banzhang.desk.models import ItemContent, StoredFile

    _, clerk = _clerk()
    client = client_of(clerk)
    first = checked(hand_in(client, DEPARTMENT))
    contents = ItemContent.objects.count()
    second = checked(hand_in(client, DEPARTMENT, name="再次报送.xlsx"))
    assert first.pk != second.pk
    assert first.file_id == second.file_id
    assert StoredFile.objects.filter(sha256=first.file.sha256).count() == 1
    assert ItemContent.objects.count() == contents
    assert list(second.items.values_list("content_id", flat=True).order_by("position")) == list(
        first.items.values_list("content_id", flat=True).order_by("position")
    )


def test_a_submission_and_its_findings_are_never_rewritten() -> None:
    from banzhang.desk.models import Frozen

    _, clerk = _clerk()
    submission = checked(hand_in(client_of(clerk), DEPARTMENT))
    submission.original_name = "改名.xlsx"
    with pytest.raises(Frozen):
        submission.save()
    check = submission.checking
    check.findings = []
    with pytest.raises(Frozen):
        check.save()


def test_files_of_other_types_and_past_the_size_limit_are_refused(desk: Desk) -> None:
    from django.test import override_settings

    from banzhang.desk.models import Submission

    owner, clerk = _clerk()
    client = client_of(clerk)
    pdf = io.BytesIO(b"%PDF-1.4")
    pdf.name = "清单.pdf"
    response = client.post("/submissions/new/", {"files": pdf}, follow=True)
    assert "不接受“.pdf”文件" in response.content.decode()
    with override_settings(DESK_MAX_UPLOAD_BYTES=1000), DEPARTMENT.open("rb") as handle:
        response = client.post("/submissions/new/", {"files": handle}, follow=True)
    assert "文件过大" in response.content.decode()
    assert not Submission.objects.filter(department=owner).exists()
    assert not list((desk.data / "files").glob(".*.part"))  # nothing half-written is left


def test_a_post_without_the_csrf_token_is_refused() -> None:
    from django.test import Client

    _, clerk = _clerk()
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    with DEPARTMENT.open("rb") as handle:
        response = client.post("/submissions/new/", {"files": handle})
    assert response.status_code == 403


def test_a_queued_check_survives_a_restart(desk: Desk) -> None:
    from banzhang.desk import intake
    from banzhang.desk.models import Check

    owner, clerk = _clerk()
    desk.worker.stop()
    with DEPARTMENT.open("rb") as handle:
        submission = intake.receive(owner, clerk, "停机前报送.xlsx", iter([handle.read()]))
    time.sleep(0.5)
    assert Check.objects.get(submission=submission).state == Check.QUEUED
    desk.restart_worker()
    assert checked(submission.pk).checking.errors == 1


def test_versions_diff_history_and_retired_register(tmp_path: Path) -> None:
    from banzhang.desk import history
    from banzhang.desk.models import Department, Review

    owner, clerk = _clerk()
    reviewer = account("reviewer", region="150200")
    client = client_of(clerk)
    old = checked(hand_in(client, DEPARTMENT))
    new = checked(hand_in(client, later_version(tmp_path / "第二版.xlsx")))
    for version in (old, new):
        Review.objects.create(submission=version, reviewer=reviewer, decision=Review.ACCEPTED)
    page = client.get(f"/adjust/?old={old.pk}&new={new.pk}").content.decode()
    assert re.search(r"<td>取消</td><td>1</td>", page)
    assert "事项名称：食品生产许可 → 食品生产许可证核发" in page
    retired = history.retired_register([owner])
    assert [(r.code, r.name) for r in retired] == [("000617018000", "食品生产经营监督检查")]
    assert "000617018000" in client.get("/retired/").content.decode()
    rows = history.code_history("00011704700Y", Department.objects.filter(pk=owner.pk))
    assert [(row["first"], row["changed"]) for row in rows] == [(True, False), (False, True)]
    code_page = client.get("/codes/00011704700Y/").content.decode()
    assert code_page.count("<td>首次列出</td>") == 1
    assert code_page.count("<td>内容有变</td>") == 1
    # The cancelled code may not come back: handed in again, it is an error.
    again = checked(hand_in(client, DEPARTMENT, name="第三版.xlsx"))
    reused = [f for f in again.checking.findings if f["rule"] == "crosslist.retired-code"]
    assert [f["path"] for f in reused] == ["$.items[2].basic_code"]
    lists = client.get(f"/departments/{owner.pk}/").content.decode()
    assert f"现行清单：{new.checking.version}（" in lists
    assert "已通过，共 2 项）" in lists
    assert re.findall(r'<a href="/codes/([0-9A-Z]+)/">', lists) == ["00011704700Y", "000217032000"]
    overview = client.get("/overview/").content.decode()
    assert owner.name in overview
    assert "包头市 150200 · 盟市级" in overview


def test_the_store_is_the_database_asked_for(request: pytest.FixtureRequest) -> None:
    from django.db import connection

    asked = request.config.getoption("--desk-database") or "sqlite"
    assert connection.vendor == ("postgresql" if asked.startswith("postgres") else "sqlite")


def test_the_committed_migrations_match_the_models() -> None:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("makemigrations", "desk", "--check", "--dry-run", stdout=out)  # exits 1 if not
    assert "No changes detected" in out.getvalue()


def test_the_check_tells_the_page_how_far_it_got(monkeypatch: pytest.MonkeyPatch) -> None:
    from banzhang.desk import files, jobs
    from banzhang.desk.models import Check, Submission
    from banzhang.validation import Finding

    owner, clerk = _clerk()
    stored = files.store("进度.csv", [b"\xef\xbb\xbf"])
    submission = Submission.objects.create(
        department=owner,
        submitted_by=clerk,
        region="150200",
        level="3",
        file=stored,
        original_name="进度.csv",
    )
    check = Check.objects.create(submission=submission)  # not queued: only this test moves it
    monkeypatch.setattr(jobs, "_PROGRESS_EVERY", 0.0)
    found = [Finding("structure.required", "error", f"$.items[{n}].name", "缺少") for n in (0, 4)]
    assert list(jobs._reporting(check, found)) == found
    assert Check.objects.get(pk=check.pk).progress == "正在校验：已到第 5 项"


def test_the_desk_gives_a_workbook_its_departments_region_and_level(tmp_path: Path) -> None:
    """A workbook whose title names no region is not told to supply one: the desk knows whose
    it is (the department's account) and reads it with that region and level."""
    book = load_workbook(DEPARTMENT)
    book["Sheet1"].delete_rows(1)  # the title row naming 包头市
    untitled = tmp_path / "untitled.xlsx"
    book.save(untitled)
    book.close()
    owner = department(region="150100", level="3")
    pk = hand_in(client_of(account("department", department=owner)), untitled)
    checking = checked(pk).checking
    assert (checking.envelope["region"], checking.envelope["level"]) == ("150100", "3")
    paths = {finding["path"] for finding in checking.findings}
    assert not {"$.region", "$.level"} & paths


def test_a_department_states_what_its_file_leaves_out() -> None:
    """The department's workbook says no 生效日期: the finding says to state it with the file
    (not a command-line option); stated at hand-in, it is read as the file's own."""
    _, clerk = _clerk()
    client = client_of(clerk)
    first = checked(hand_in(client, DEPARTMENT)).checking
    [missing] = [f for f in first.findings if f["path"] == "$.effective_date"]
    assert missing["message"].endswith("；文件中未写明，可在报送时填写“生效日期”")
    assert "--" not in missing["message"]
    with DEPARTMENT.open("rb") as handle:
        upload = io.BytesIO(handle.read())
    upload.name = DEPARTMENT.name
    form = {"files": upload, "version": "2026年版", "effective_date": "2026-05-01"}
    response = client.post("/submissions/new/", form)
    pk = int(re.fullmatch(r"/submissions/(\d+)/", response["Location"])[1])  # type: ignore[index]
    stated = checked(pk).checking
    assert (stated.envelope["effective_date"], stated.envelope["version"]) == (
        "2026-05-01",
        "2026年版",
    )
    assert not [f for f in stated.findings if f["path"] == "$.effective_date"]
    assert stated.errors == 0


def test_a_stated_date_that_is_no_date_is_refused() -> None:
    _, clerk = _clerk()
    with DEPARTMENT.open("rb") as handle:
        upload = io.BytesIO(handle.read())
    upload.name = DEPARTMENT.name
    form = {"files": upload, "effective_date": "五月一日"}
    response = client_of(clerk).post("/submissions/new/", form)
    assert response.status_code == 400
    assert "“生效日期”应写成 2024-05-01 这样的日期" in response.content.decode()

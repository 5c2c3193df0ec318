"""What the desk stores: departments and people, every file handed in (once per content),
every submission with its check, the reviewers' decisions, and the items of every list.

Nothing here is edited after it is written. A submission's check is filled once by the worker
and frozen; a reviewer's decision is a new row (the latest one is the submission's state); an
item's content is stored once however many versions list it, so a department's current list
and a code's history are queries over :class:`ListedItem`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models

__all__ = [
    "STATED",
    "ApiToken",
    "Check",
    "Department",
    "ItemContent",
    "ListedItem",
    "Profile",
    "Review",
    "StoredFile",
    "Submission",
]


class Frozen(Exception):
    """Something the desk keeps as it was written was about to be changed."""


class Department(models.Model):
    """A department that hands in lists: its name, region and level."""

    name = models.CharField("部门名称", max_length=200)
    region = models.CharField("行政区划代码", max_length=12)
    level = models.CharField("层级", max_length=2)

    class Meta:
        verbose_name = verbose_name_plural = "部门"
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["name", "region"], name="one_department_per_region")
        ]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """A person's role at the desk: a department's clerk, a region's reviewer, an administrator."""

    DEPARTMENT, REVIEWER, ADMINISTRATOR = "department", "reviewer", "administrator"
    ROLES: ClassVar[list[tuple[str, str]]] = [
        (DEPARTMENT, "部门填报人"),
        (REVIEWER, "审核人"),
        (ADMINISTRATOR, "管理员"),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_profile"
    )
    role = models.CharField("角色", max_length=16, choices=ROLES)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, verbose_name="部门"
    )
    region = models.CharField("审核的行政区划代码", max_length=12, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "角色"


class StoredFile(models.Model):
    """A file's bytes, stored once under a generated name in the data folder's ``files``."""

    sha256 = models.CharField("SHA-256", max_length=64)
    suffix = models.CharField("扩展名", max_length=8)
    name = models.CharField("存储名", max_length=80, unique=True)
    size = models.BigIntegerField("字节数")

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["sha256", "suffix"], name="one_file_per_content")
        ]


#: What a department may state with a file it hands in, by the form's field: the element's
#: title (read as the file's own: see ``Submission.stated``).
STATED = {"version": "版本", "effective_date": "生效日期"}


class Submission(models.Model):
    """One file handed in by a department: who, what, when — never changed afterwards."""

    department = models.ForeignKey(Department, on_delete=models.PROTECT, verbose_name="部门")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name="提交人"
    )
    region = models.CharField("行政区划代码", max_length=12, db_index=True)
    level = models.CharField("层级", max_length=2)
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT)
    original_name = models.CharField("文件名", max_length=255)
    received = models.DateTimeField("收到时间", auto_now_add=True, db_index=True)
    #: What the department stated when handing in (版本, 生效日期) for a file that does not
    #: say it: read as the file's own (see banzhang.ReadOptions).
    stated = models.JSONField("报送时填写的清单信息", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "报送"
        ordering: ClassVar[list[str]] = ["-received", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Write a new submission; an existing one is never rewritten."""
        if not self._state.adding:
            raise Frozen("报送一经收到不得修改")
        super().save(*args, **kwargs)


class Check(models.Model):
    """A submission's check: queued, running (with progress), then done once and frozen."""

    QUEUED, RUNNING, DONE, UNREADABLE = "queued", "running", "done", "unreadable"
    STATES: ClassVar[list[tuple[str, str]]] = [
        (QUEUED, "排队中"),
        (RUNNING, "校验中"),
        (DONE, "已校验"),
        (UNREADABLE, "无法读取"),
    ]

    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="checking")
    state = models.CharField("状态", max_length=12, choices=STATES, default=QUEUED)
    progress = models.CharField("进度", max_length=200, blank=True)
    kind = models.CharField("文档类型", max_length=40, blank=True)
    version = models.CharField("版本", max_length=100, blank=True)
    envelope = models.JSONField("清单信息", default=dict)
    findings = models.JSONField("问题", default=list)
    errors = models.IntegerField("错误数", default=0)
    warnings = models.IntegerField("警告数", default=0)
    message = models.TextField("无法读取的原因", blank=True)
    items_stored = models.BooleanField("事项已入库", default=False)
    finished = models.DateTimeField("校验完成时间", null=True)

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Write the check; once done (findings kept) only the items' storing may follow."""
        if not self._state.adding:
            before = Check.objects.filter(pk=self.pk).values_list("state", "findings").first()
            done = before is not None and before[0] in (self.DONE, self.UNREADABLE)
            if done and before != (self.state, self.findings):
                raise Frozen("校验结果一经写入不得修改")
        super().save(*args, **kwargs)

    @property
    def finished_checking(self) -> bool:
        """Whether the findings are in (or the file proved unreadable)."""
        return self.state in (self.DONE, self.UNREADABLE)


class Review(models.Model):
    """A reviewer's decision on a submission (退回 with a note, or 通过); the latest one counts."""

    RETURNED, ACCEPTED = "returned", "accepted"
    DECISIONS: ClassVar[list[tuple[str, str]]] = [(RETURNED, "退回"), (ACCEPTED, "通过")]

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField("审核意见", max_length=10, choices=DECISIONS)
    note = models.TextField("说明", blank=True)
    decided = models.DateTimeField("审核时间", auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-decided", "-id"]


class ItemContent(models.Model):
    """One item's content as read (JSON-shaped), stored once however many versions list it."""

    digest = models.CharField(max_length=64, unique=True)
    basic_code = models.CharField("基本编码", max_length=64, blank=True, db_index=True)
    name = models.TextField("事项名称", blank=True)
    data = models.JSONField()


class ListedItem(models.Model):
    """An item's place in one submitted version of a list."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="items")
    position = models.IntegerField()
    content = models.ForeignKey(ItemContent, on_delete=models.PROTECT)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["submission", "position"], name="one_item_a_place")
        ]


class ApiToken(models.Model):
    """A platform's key to the JSON API, acting as its account; only the key's hash is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    digest = models.CharField(max_length=64, unique=True)
    label = models.CharField("用途", max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)

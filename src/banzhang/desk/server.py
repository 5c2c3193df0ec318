"""``banzhang desk``: create the data folder, bring the store up to date (migrations), create
the first administrator if asked, then serve the desk on localhost with the worker running in
the same process."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from banzhang.desk import config
from banzhang.formats import pause_collector_during_reads

__all__ = ["serve", "start"]


def start(data: Path, database: str | None) -> None:
    """Configure Django for ``data`` and ``database``, migrate, and open the queue."""
    config.setup(data, database)
    from django.core.management import call_command  # noqa: PLC0415 - after setup

    from banzhang.desk import queue  # noqa: PLC0415 - its jobs import the models

    call_command("migrate", interactive=False, verbosity=0)
    queue.open_queue(data)


def create_administrator(username: str, password: str | None = None) -> bool:
    """Create the administrator ``username`` unless the account exists; whether it was made."""
    from django.contrib.auth.models import User  # noqa: PLC0415 - after setup
    from django.contrib.auth.password_validation import validate_password  # noqa: PLC0415

    from banzhang.desk.models import Profile  # noqa: PLC0415

    if User.objects.filter(username=username).exists():
        return False
    if password is None:
        password = getpass.getpass(f"为管理员 {username} 设置密码：")
    # Django's validators (length, common, numeric, like the name), in Chinese (zh-hans).
    validate_password(password, User(username=username))
    user = User.objects.create_superuser(username=username, email="", password=password)
    Profile.objects.create(user=user, role=Profile.ADMINISTRATOR)
    return True


def serve(data: Path, database: str | None, port: int, administrator: str | None) -> int:
    """Run the desk until Ctrl-C; 0 when stopped, 2 when the administrator's password is
    refused."""
    pause_collector_during_reads()  # the desk owns its process, as the command line does
    start(data, database)
    from django.core.exceptions import ValidationError  # noqa: PLC0415 - after setup

    try:
        if administrator and create_administrator(administrator):
            print(f"已创建管理员 {administrator}")
    except ValidationError as refused:
        print(
            f"banzhang: 未创建管理员：{'；'.join(m.rstrip('。') for m in refused.messages)}",
            file=sys.stderr,
        )
        return 2
    _run(data, port)
    return 0


def _run(data: Path, port: int) -> None:
    """Serve on localhost with the worker running beside; on Ctrl-C finish the job in hand."""
    from django.core.servers.basehttp import WSGIServer, run  # noqa: PLC0415
    from django.core.wsgi import get_wsgi_application  # noqa: PLC0415

    from banzhang.desk import queue  # noqa: PLC0415

    worker = queue.Worker(queue.current())
    worker.start()
    print(f"清单审核台：http://127.0.0.1:{port}/ （数据目录 {data}；按 Ctrl-C 停止）", flush=True)
    try:
        run("127.0.0.1", port, get_wsgi_application(), threading=True, server_cls=WSGIServer)
    except KeyboardInterrupt:
        print("正在停止：手头的校验做完后退出，排队的校验下次启动时继续", file=sys.stderr)
    finally:
        worker.stop()

"""The desk's Django settings, built in code from a data folder and a database URL.

The data folder holds the SQLite store (unless a database URL names another), the queue of
background checks, the files departments handed in (under generated names, never served as
they are) and the secret key, made on first start.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from banzhang._atomic import writing

__all__ = ["MAX_UPLOAD_BYTES", "build", "database_settings", "setup"]

#: The largest file a department may hand in (a 200,000-item workbook is about 60 MiB).
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


def database_settings(url: str | None, data: Path) -> dict[str, Any]:
    """Django's ``DATABASES["default"]`` for ``url``: ``sqlite:///path`` (default: the data
    folder's ``desk.sqlite3``) or ``postgresql://user:password@host:port/name``."""
    if not url:
        return _sqlite(data / "desk.sqlite3")
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return _sqlite(Path(unquote(parts.path)))
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    message = (
        f"不支持的数据库地址“{url}”：应为 sqlite:///文件路径 或 postgresql://用户@主机:端口/库名"
    )
    raise ValueError(message)


def _sqlite(path: Path) -> dict[str, Any]:
    # The web server's threads and the worker's write to one file: wait for the lock, not fail.
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": {"timeout": 30}}


def _secret(data: Path) -> str:
    path = data / "secret-key"
    if not path.exists():
        with writing(path) as handle:
            handle.write(secrets.token_urlsafe(50).encode("ascii"))
    return path.read_text("utf-8").strip()


def build(data: Path, database: str | None = None, *, secret: str | None = None) -> dict[str, Any]:
    """Every setting the desk runs with (the data folder must exist unless ``secret`` is given)."""
    return {
        "DEBUG": False,
        "SECRET_KEY": secret or _secret(data),
        "ALLOWED_HOSTS": ["localhost", "127.0.0.1", "[::1]"],
        "INSTALLED_APPS": [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "banzhang.desk.apps.DeskConfig",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        "ROOT_URLCONF": "banzhang.desk.urls",
        "TEMPLATES": [_templates()],
        "DATABASES": {"default": database_settings(database, data)},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": f"django.contrib.auth.password_validation.{name}"}
            for name in (
                "UserAttributeSimilarityValidator",
                "MinimumLengthValidator",
                "CommonPasswordValidator",
                "NumericPasswordValidator",
            )
        ],
        "LANGUAGE_CODE": "zh-hans",
        "TIME_ZONE": "Asia/Shanghai",
        "USE_I18N": True,
        "USE_TZ": True,
        "LOGIN_URL": "desk:login",
        "LOGIN_REDIRECT_URL": "desk:home",
        "LOGOUT_REDIRECT_URL": "desk:login",
        # Uploads past 2.5 MiB go to a temporary file, never held whole in memory.
        "FILE_UPLOAD_MAX_MEMORY_SIZE": 2_621_440,
        "DATA_UPLOAD_MAX_MEMORY_SIZE": 2_621_440,
        "DESK_DATA": data,
        "DESK_FILES": data / "files",
        "DESK_MAX_UPLOAD_BYTES": MAX_UPLOAD_BYTES,
        "STATIC_URL": "static/",
    }


def _templates() -> dict[str, Any]:
    return {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }


def setup(data: Path, database: str | None = None) -> None:
    """Create the data folder, configure Django with the desk's settings and load the apps."""
    import django  # noqa: PLC0415 - Django is the desk's extra, loaded when the desk starts
    from django.conf import settings  # noqa: PLC0415

    (data / "files").mkdir(parents=True, exist_ok=True)
    settings.configure(**build(data, database))
    django.setup()

"""The desk's settings as a module, for tools that want one (``DJANGO_SETTINGS_MODULE``, the
type checker's Django plugin): the defaults of :func:`banzhang.desk.config.build` with the
data folder ``./desk-data``. ``banzhang desk`` builds its own from its options instead."""

from __future__ import annotations

from pathlib import Path

from banzhang.desk.config import build

_BUILT = build(Path("desk-data"), None, secret="only-for-tools-never-served")  # noqa: S106
globals().update(_BUILT)
# The desk's own settings, named for the type checker (Django's are known to it).
DESK_DATA: Path = _BUILT["DESK_DATA"]
DESK_FILES: Path = _BUILT["DESK_FILES"]
DESK_MAX_UPLOAD_BYTES: int = _BUILT["DESK_MAX_UPLOAD_BYTES"]

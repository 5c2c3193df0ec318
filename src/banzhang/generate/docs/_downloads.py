"""The files published beside the pages: schemas, codelists as CSV and JSON, the drafts.

The schemas are whatever the package's ``schemas`` folder holds (JSON Schema and XSD, one or
more files a kind and any shared ones), listed, never named here; the codelists are written from
their declarations; the drafts and their 编制说明 are the Word files ``banzhang standard`` writes.
Every file is the same bytes for the same declarations, so ``docs/`` can be compared.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

from banzhang import codelists
from banzhang.generate import standard
from banzhang.generate.docs._markdown import code, escape, link, table
from banzhang.generate.docs._page import GENERATED, Page

__all__ = ["FOLDER", "downloads", "downloads_page", "schema_downloads"]

FOLDER = "downloads"
_SCHEMA_SUFFIXES = (".json", ".xsd")


def schema_downloads() -> dict[str, bytes]:
    """Return every schema file the package ships, by its download path."""
    folder = resources.files("banzhang.schemas")
    return {
        f"{FOLDER}/schemas/{entry.name}": entry.read_bytes()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(_SCHEMA_SUFFIXES)
    }


def codelist_downloads() -> dict[str, bytes]:
    """Return each codelist as CSV (UTF-8 with BOM, for Excel) and as JSON."""
    files = {}
    for name in codelists.names():
        found = codelists.get(name)
        rows = [(e.code, e.title, e.title_en, "、".join(e.aliases), e.source) for e in found]
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(("代码", "名称", "英文名称", "别名", "来源"))
        writer.writerows(rows)
        files[f"{FOLDER}/codelists/{name}.csv"] = ("\ufeff" + text.getvalue()).encode("utf-8")
        data = {
            "name": name,
            "title": found.title,
            "open": found.open,
            "source": found.source,
            "codes": [
                {
                    "code": e.code,
                    "title": e.title,
                    "title_en": e.title_en,
                    "aliases": list(e.aliases),
                    "source": e.source,
                }
                for e in found
            ],
        }
        files[f"{FOLDER}/codelists/{name}.json"] = (
            json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        ).encode("utf-8")
    return files


def draft_downloads() -> dict[str, bytes]:
    """Return the three drafts and their 编制说明, by download path."""
    return {f"{FOLDER}/standard/{name}": data for name, data in standard.draft_files().items()}


def downloads() -> dict[str, bytes]:
    """Return every downloadable file by its path under the docs folder."""
    return {**draft_downloads(), **schema_downloads(), **codelist_downloads()}


def downloads_page(files: dict[str, bytes]) -> Page:
    """Return the page that lists every download with its size."""
    groups = (
        ("标准文本", "standard/", "三项地方标准征求意见稿及其编制说明（Word 文档）。"),
        ("JSON Schema 和 XSD", "schemas/", "校验 JSON 和 XML 文档的模式文件。"),
        ("代码表", "codelists/", "每个代码表一份 CSV（可用 Excel 打开）和一份 JSON。"),
    )
    lines = [GENERATED, "# 下载", "", "以下文件与本站页面出自同一份要素声明。"]
    for title, folder, note in groups:
        entries = sorted(path for path in files if path.startswith(f"{FOLDER}/{folder}"))
        rows = ([link(p.rpartition("/")[2], p), _size(len(files[p]))] for p in entries)
        lines += ["", f"## {escape(title)}", "", note, "", table(("文件", "大小"), rows)]
    lines += ["", f"代码表的 JSON 文件中，{code('open')} 为真表示开放代码表（也接受表外的值）。"]
    return Page("downloads.md", "下载", "\n".join(lines) + "\n", "标准")


def _size(count: int) -> str:
    return f"{count / 1024:.1f} KB" if count >= 1024 else f"{count} 字节"

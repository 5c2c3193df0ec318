"""Arrays of objects that departments write as numbered text in one cell (设定依据, 责任事项).

>>> basis = legal_basis("《中华人民共和国食品安全法》第三十五条第一款 国家实行许可制度。")
>>> basis["title"], basis["article"], basis["excerpt"]
('《中华人民共和国食品安全法》', '第三十五条第一款', '国家实行许可制度。')
>>> responsibility("受理责任：公示应当提交的材料。")
{'stage': '受理', 'content': '公示应当提交的材料。'}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from banzhang import codelists
from banzhang.declare import fields_of

__all__ = ["entry_parser", "legal_basis", "responsibility", "sub_item"]

_TITLE = re.compile(r"《[^《》]+》")
_NUMBER = "[一二三四五六七八九十百千零〇两0-9]+"
_ARTICLE = re.compile(rf"^\s*(第{_NUMBER}条(?:(?:第{_NUMBER}[款项目])|[、，,和及]?第{_NUMBER}条)*)")
_STAGE = re.compile(r"^\s*([^：:，,。]{1,6}?)(?:责任|环节)?[：:]\s*")


def legal_basis(text: str) -> dict[str, Any]:
    """Split "《title》第…条… excerpt" into a LegalBasis."""
    found = _TITLE.search(text)
    if found is None:
        return {"title": text.strip()}
    basis: dict[str, Any] = {"title": found.group(0)}
    rest = text[found.end() :]
    article = _ARTICLE.match(rest)
    if article:
        basis["article"] = article.group(1)
        rest = rest[article.end() :]
    excerpt = rest.strip(" ：:，,\u3000\n")
    if excerpt:
        basis["excerpt"] = excerpt
    return basis


def responsibility(text: str) -> dict[str, Any]:
    """Split "受理责任：…" into a stage and its content."""
    found = _STAGE.match(text)
    if found and codelists.get("responsibility_stage").resolve(found.group(1)):
        return {"stage": found.group(1), "content": text[found.end() :].strip()}
    return {"content": text.strip()}


#: A 基本编码 at the start of a 子项 entry ("000117047001 新办"); the rest is its name.
_CODE_FIRST = re.compile(r"^\s*([0-9]{9}[0-9A-Z]{3})\s*[：:、，,\s]*(.*)$", re.DOTALL)


def sub_item(text: str) -> dict[str, Any]:
    """A 子项 written in a cell: its name, unless the text is (or starts with) its code.

    >>> sub_item("新办"), sub_item("000117047001")
    ({'name': '新办'}, {'basic_code': '000117047001'})
    >>> sub_item("000117047002 变更")
    {'basic_code': '000117047002', 'name': '变更'}
    """
    found = _CODE_FIRST.match(text)
    if found is None:
        return {"name": text.strip()}
    entry: dict[str, Any] = {"basic_code": found.group(1)}
    if found.group(2).strip():
        entry["name"] = found.group(2).strip()
    return entry


def entry_parser(model: type[Any]) -> Callable[[str], dict[str, Any]]:
    """Return how one numbered entry of a ``model`` array is read."""
    name = model.__name__
    if name == "LegalBasis":
        return legal_basis
    if name == "Responsibility":
        return responsibility
    if name == "SubItem":
        return sub_item
    first_text = next(spec.name for spec in fields_of(model) if spec.shape == "str")

    def generic(text: str) -> dict[str, Any]:
        return {first_text: text.strip()}

    return generic

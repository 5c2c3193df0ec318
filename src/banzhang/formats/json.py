"""JSON documents (``.json``) and JSON Lines lists (``.jsonl``: an envelope line, then items).

Numbers keep every digit (no float is accepted where the standard wants text or an integer, and
``NaN``/``Infinity`` are refused); text is UTF-8; a document that is not JSON is an
:class:`~banzhang.errors.UnreadableInput` naming the line and column.

>>> import io
>>> from banzhang import examples
>>> buffer = io.BytesIO()
>>> dump(examples.load("fee-list"), buffer)
>>> _ = buffer.seek(0)
>>> load(buffer).items[0].name
'不动产登记费'
"""

from __future__ import annotations

import codecs
import contextlib
import decimal
import json
import os
import re
from collections.abc import Collection, Iterable, Iterator
from typing import IO, Any

import attrs

from banzhang._atomic import writing
from banzhang._collector import collector_paused
from banzhang._reasons import reason
from banzhang.convert import detect_kind, from_data, models_of, to_data
from banzhang.documents import ItemStream, Source, Target
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats._options import ReadOptions, with_envelope
from banzhang.validation import iter_findings as validate_lazily
from banzhang.validation.against import Against, resolved

__all__ = [
    "EXTENSIONS",
    "NAME",
    "dump",
    "iter_dump",
    "iter_findings",
    "iter_load",
    "iter_load_data",
    "load",
    "load_data",
]

NAME = "json"
EXTENSIONS: tuple[str, ...] = (".json", ".jsonl")


def _refuse_constant(name: str) -> Any:
    message = f"JSON 中不允许 {name}"
    raise UnreadableInput(message)


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build an object, refusing a key given twice (JSON keeps the last one, losing the first)."""
    built = dict(pairs)
    if len(built) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _value in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]  # set.add answers None
        message = f"要素“{repeated}”在同一对象中出现了两次（JSON 只保留后一个，前一个会丢失）"
        raise UnreadableInput(message)
    return built


# Decimal keeps every digit of a non-integer number, so nothing is rounded on the way in. Built
# once: json.loads with these options would build a decoder for every call, which costs a
# quarter of the parse of a JSON Lines item.
_DECODER = json.JSONDecoder(
    parse_float=decimal.Decimal,
    parse_constant=_refuse_constant,
    object_pairs_hook=_object_without_duplicates,
)


def _parse(text: str, where: str, line: int | None = None) -> Any:
    """Parse one JSON text; ``where`` and ``line`` name it in the error (built only then)."""
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as err:
        message = f"{_at(where, line)} 不是有效的 JSON：{reason(err)}"
        raise UnreadableInput(message, source=where) from err
    except RecursionError as err:
        raise UnreadableInput(f"{_at(where, line)} 的 JSON 嵌套过深", source=where) from err
    except UnreadableInput as err:  # NaN, Infinity or a repeated key, refused while parsing
        raise UnreadableInput(f"{_at(where, line)}：{err}", source=where) from err
    except ValueError as err:  # an integer of more digits than Python converts (4,300)
        message = f"{_at(where, line)} 含有位数过多的数字，不是任何要素能取的值"
        raise UnreadableInput(message, source=where) from err
    # A surrogate can only come in as a \uD8xx escape; json pairs the halves of a character, so
    # one left alone in the data is no character at all. A backslash is looked for first: one
    # character is found at memory speed in any text, a longer needle in Chinese text is not.
    if "\\" in text and ("\\ud" in text or "\\uD" in text):
        _refuse_lone_surrogate(data, _at(where, line), where)
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogate(data: Any, at: str, where: str) -> None:
    """Refuse a text holding half a character (``"\\ud800"`` alone): it cannot be written as
    UTF-8, so no output of it could be made; the message names its element."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack += [(f"{path}.{_SURROGATE.sub('?', key)}", part) for key, part in value.items()]
            found = next((key for key in value if _SURROGATE.search(key)), None)
        elif isinstance(value, list):
            stack += [(f"{path}[{index}]", part) for index, part in enumerate(value)]
            found = None
        else:
            found = value if isinstance(value, str) and _SURROGATE.search(value) else None
        if found is not None:
            code = ord(_SURROGATE.findall(found)[0])
            message = (
                f"{at} 的 {path} 含有不成对的代理项 \\u{code:04x}（半个字符），"
                "不是有效的 Unicode 文本，无法写成任何格式；请改正后再提交"
            )
            raise UnreadableInput(message, source=where)


def _at(where: str, line: int | None) -> str:
    return f"{where} 第 {line} 行" if line is not None else where


def _name(source: Any) -> str:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


@contextlib.contextmanager
def _open_binary(source: Any, mode: str = "rb") -> Iterator[IO[bytes]]:
    if isinstance(source, str | os.PathLike):
        try:
            handle = open(source, mode)  # noqa: SIM115 - closed by the with below
        except (OSError, ValueError) as err:
            # ValueError: a path with a NUL character, which no file system accepts.
            message = f"无法打开 {os.fspath(source)}：{reason(err)}"
            raise UnreadableInput(message, source=os.fspath(source)) from err
        with handle:
            yield handle
    elif hasattr(source, "read") or hasattr(source, "write"):
        yield source
    else:
        message = f"无法读取 {type(source).__name__}：应为文件路径或二进制文件对象"
        raise UnreadableInput(message)


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        message = f"{where} 不是 UTF-8 编码：第 {err.start} 个字节处无法解码"
        raise UnreadableInput(message, source=where) from err


def load_data(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> Any:
    """Return the JSON-shaped data of a ``.json`` document (a ``.jsonl`` list is gathered whole);
    ``options.envelope``: elements the caller supplies, over the document's own."""
    read = _load_data(source)
    return with_envelope(read, options) if isinstance(read, dict) else read


def _load_data(source: Source) -> Any:
    where = _name(source)
    if where.endswith(".jsonl"):
        stream = iter_load_data(source)
        return {**stream.envelope, "items": list(stream.items)}
    with _open_binary(source) as handle:
        raw: object = handle.read()
    if not isinstance(raw, bytes):
        message = f"{where} 应以二进制方式打开"
        raise UnreadableInput(message, source=where)
    text = _decode(raw, where)
    del raw  # the bytes and the text of a large document need not both stay alive
    with collector_paused():  # none of what the parse builds is garbage (banzhang._collector)
        return _parse(text, where)


def load(source: Source, *, kind: str | None = None, options: ReadOptions | None = None) -> Any:
    """Return the model of the document at ``source``.

    Raises:
        UnreadableInput: not JSON, not UTF-8, unknown kind, or cannot be opened.
        InvalidDocument: JSON, but not of the kind's shape.
    """
    return from_data(load_data(source, options=options), kind)


def dump(document: Any, target: Target) -> None:
    """Write ``document`` (a model, or JSON-shaped data) as indented UTF-8 JSON.

    A list written to a ``.jsonl`` file is written as JSON Lines (envelope, then an item a line).
    """
    data = to_data(document) if attrs.has(type(document)) else document
    items = data.get("items") if isinstance(data, dict) else None
    if _name(target).endswith(".jsonl") and isinstance(items, list):
        iter_dump(str(data.get("kind")), data, items, target)
        return
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n"
    encoded = _utf8(text, target)
    with writing(target) as handle:
        handle.write(encoded)


def _utf8(text: str, target: Any) -> bytes:
    """``text`` as UTF-8; a lone surrogate (half a character, which a caller's model may hold)
    refuses the write before anything is written, in Chinese."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        message = (
            f"无法写出 {_name(target)}：内容含有不成对的代理项 \\u{ord(text[err.start]):04x}"
            "（半个字符），不是有效的 Unicode 文本"
        )
        raise UnwritableOutput(message, target=_name(target)) from err


def _default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return float(value) if value == value.to_integral_value() else str(value)
    message = f"无法写成 JSON 的值：{type(value).__name__}"
    raise TypeError(message)


def iter_load_data(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """Read a JSON Lines list lazily: the envelope now, the items as JSON-shaped data on demand."""
    stream: ItemStream = with_envelope(_iter_load_data(source, kind), options)
    return stream


def _iter_load_data(source: Source, kind: str | None) -> ItemStream:
    where = _name(source)
    if where.endswith(".json"):
        # A whole document holds its items already; stream them from memory.
        whole = _load_data(source)
        found = detect_kind(whole, kind)
        items_list = whole.get("items", [])
        if not isinstance(items_list, list):
            # Not an array: left in the envelope, where validation reports it (structure.type)
            # and readers that need the items refuse the file; nothing is read as "no items".
            return ItemStream(kind=found.id, envelope=whole, items=iter(()))
        whole.pop("items", None)
        return ItemStream(kind=found.id, envelope=whole, items=iter(items_list))
    lines = _lines(source, where)
    try:
        number, first = next(lines)
    except StopIteration:
        message = f"{where} 是空文件：第一行应为清单的信封（kind、region 等）"
        raise UnreadableInput(message, source=where) from None
    envelope = _parse(first, where, number)
    found = detect_kind(envelope, kind)
    if not isinstance(envelope, dict):
        message = f"{where} 第 1 行应为 JSON 对象"
        raise UnreadableInput(message, source=where)
    if envelope.pop("items", []) != []:  # an empty array there says nothing: let it go
        message = (
            f"{where} 第 {number} 行（信封）含有“items”（事项）；JSON Lines 的事项应在信封之后"
            "逐行写出，一行一项"
        )
        raise UnreadableInput(message, source=where)
    if not found.is_list:
        _refuse_more_lines(lines, where, found.title)
    items = (_parse(text, where, number) for number, text in lines)
    return ItemStream(kind=found.id, envelope=envelope, items=items)


def _refuse_more_lines(lines: Iterator[tuple[int, str]], where: str, title: str) -> None:
    """A single document is its one line: anything after it would be read by nobody."""
    following = next(lines, None)
    if following is not None:
        message = (
            f"{where} 是一份{title}（单份文档，只有一行），第 {following[0]} 行起还有内容；"
            "请把它们分成各自的文件"
        )
        raise UnreadableInput(message, source=where)


def iter_load(
    source: Source, *, kind: str | None = None, options: ReadOptions | None = None
) -> ItemStream:
    """Read a JSON Lines list lazily, each item as a model (see :func:`iter_load_data`)."""
    stream = iter_load_data(source, kind=kind, options=options)
    if detect_kind(None, stream.kind).item is None:
        message = f"{stream.kind} 不是清单，不能逐条读取"
        raise UnreadableInput(message)
    return models_of(stream)


def _lines(source: Any, where: str) -> Iterator[tuple[int, str]]:
    with _open_binary(source) as handle:
        for number, raw in enumerate(handle, start=1):
            # Each line decoded whole: a line ends at a newline byte, which no UTF-8 character
            # holds; a byte-order mark may start the first.
            try:
                text = (raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw).decode()
            except UnicodeDecodeError as err:
                message = f"{where} 第 {number} 行不是 UTF-8 编码"
                raise UnreadableInput(message, source=where) from err
            if text and not text.isspace():  # blank lines are skipped, without copying each line
                yield number, text


def iter_dump(kind: str, envelope: Any, items: Iterable[Any], target: Target) -> None:
    """Write a list as JSON Lines: the envelope (without items), then one item a line."""
    if not attrs.has(type(envelope)) and not isinstance(envelope, dict):
        message = f"清单的信封应为模型或 dict，实际为 {type(envelope).__name__}"
        raise TypeError(message)
    head = to_data(envelope) if attrs.has(type(envelope)) else dict(envelope)
    head.pop("items", None)
    head["kind"] = kind
    if _name(target).endswith(".json"):
        # A .json file is one document: gather the items into it.
        data = [to_data(item) if attrs.has(type(item)) else item for item in items]
        dump({**head, "items": data}, target)
        return
    with writing(target) as handle:
        handle.write(_line(head, target))
        for item in items:
            handle.write(_line(to_data(item) if attrs.has(type(item)) else item, target))


def _line(data: Any, target: Any) -> bytes:
    return _utf8(json.dumps(data, ensure_ascii=False, default=_default) + "\n", target)


def iter_findings(
    source: Source,
    *,
    kind: str | None = None,
    options: ReadOptions | None = None,
    against: Against | None = None,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
) -> Iterator[Any]:
    """Read a .json or .jsonl document and yield every finding (see :mod:`banzhang.validation`).

    ``against`` (or ``power_codes``, the region's 权责清单 codes, and ``retired``) adds the 同源
    and retired-code checks, as in validation.
    """
    power_codes, retired = resolved(against, power_codes, retired)
    where = _name(source)
    document: Any = (
        iter_load_data(source, kind=kind, options=options)
        if where.endswith(".jsonl")
        else load_data(source, options=options)
    )
    return validate_lazily(document, kind=kind, power_codes=power_codes, retired=retired)

"""The schema and codes layers: checkers compiled once per model from the declarations.

Each checker appends findings to a list instead of yielding them: checking is the hot path of
validation, and a plain list is several times cheaper than nested generators. The public
:func:`banzhang.validation.iter_findings` stays lazy item by item.

What this layer accepts is exactly what the generated JSON Schema accepts (a differential test
holds them together); the codes layer adds what a schema cannot say: check characters, the
region table, and the links between segments.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from banzhang import codelists, codes
from banzhang._memo import per_model
from banzhang.declare import (
    DATE_PATTERN,
    NOT_BLANK,
    Element,
    FieldSpec,
    constraints_of,
    fields_of,
    model_info,
    renames_of,
)
from banzhang.errors import InvalidChecksum, InvalidCode, InvalidComponent, InvalidLength
from banzhang.validation._paths import join, join_index
from banzhang.validation.catalogue import rule
from banzhang.validation.findings import Finding, Severity

__all__ = ["Check", "finding", "is_date", "nest_quotes", "object_checker"]

Out = list[Finding]
Check = Callable[[Any, str, Out], None]

_DATE = re.compile(DATE_PATTERN)
_JSON_TYPES = {"str": "文本", "int": "整数", "bool": "布尔值（true/false）", "date": "日期文本"}
_CODE_RULES: dict[type[InvalidCode], str] = {
    InvalidChecksum: "code.checksum",
    InvalidComponent: "code.component",
    InvalidLength: "code.length",
}


def finding(
    rule_id: str,
    path: str,
    message: str,
    value: Any = None,
    *,
    layer: str = "",
    severity: Severity | None = None,
) -> Finding:
    """Return a finding of ``rule_id`` with the catalogue's severity and layer, unless given.

    A rule whose faults differ in weight (a missing 监督投诉渠道 is an error, a phone without its
    area code a warning) gives the lighter ones their own ``severity``.
    """
    entry = rule(rule_id)
    shown = nest_quotes(message) if message.count("“") > 1 else message
    return Finding(rule_id, severity or entry.severity, path, shown, value, layer or entry.layer)


def nest_quotes(message: str) -> str:
    """Write a quotation inside a quotation with single quotes, as Chinese text does.

    A message quotes a document's words, which may quote in turn: “…“…”…” becomes “…‘…’…”.

    >>> nest_quotes("材料“《食品经营许可证》“副本””未写明形式")
    '材料“《食品经营许可证》‘副本’”未写明形式'
    """
    out = []
    depth = 0
    for char in message:
        if char == "“":
            depth += 1
            out.append("“" if depth % 2 else "‘")
        elif char == "”" and depth > 0:
            out.append("”" if depth % 2 else "’")
            depth -= 1
        else:
            out.append(char)
    return "".join(out)


def _type_name(value: Any) -> str:
    names = {str: "文本", int: "整数", float: "小数", bool: "布尔值", list: "数组", dict: "对象"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


@per_model
def object_checker(model: type[Any]) -> Check:
    """Return the checker of a JSON object that should hold a ``model``."""
    specs = fields_of(model)
    checks = {spec.name: _field_checker(spec) for spec in specs}
    renames = renames_of(model)
    for old, new in renames.items():
        checks[old] = _renamed_checker(old, new, checks[new])
    required = tuple(spec for spec in specs if spec.required)
    title = model_info(model).title

    def check(value: Any, path: str, out: Out) -> None:
        if type(value) is not dict:
            message = f"{title}应为对象，实际为{_type_name(value)}"
            out.append(finding("structure.type", path, message, value))
            return
        unknown: list[str] = []
        for key, entry in value.items():
            field_check = checks.get(key)
            if field_check is None:
                unknown.append(key)
            else:
                field_check(entry, path, out)
        missing = [
            spec
            for spec in required
            if spec.name not in value and not any(renames.get(key) == spec.name for key in value)
        ]
        if unknown or missing:
            _report_keys(specs, value=value, unknown=unknown, missing=missing, path=path, out=out)

    return check


def _renamed_checker(old: str, new: str, check_new: Check) -> Check:
    """Check an element given under its earlier id as the element, and say it was renamed."""

    def check(value: Any, path: str, out: Out) -> None:
        message = f"要素“{old}”已更名为“{new}”（规范 1.1 起），已按新名称读取；请改用新名称"
        out.append(finding("structure.renamed", join(path, old), message, old))
        nested: Out = []
        check_new(value, path, nested)
        new_path = join(path, new)
        old_path = join(path, old)
        out.extend(
            attrs.evolve(f, path=old_path + f.path[len(new_path) :])
            if f.path.startswith(new_path)
            else f
            for f in nested
        )

    return check


def _report_keys(
    specs: tuple[FieldSpec, ...],
    *,
    value: dict[str, Any],
    unknown: list[str],
    missing: list[FieldSpec],
    path: str,
    out: Out,
) -> None:
    """Report unknown keys with a "did you mean", and required keys no guess accounts for."""
    by_title = {spec.element.title: spec for spec in specs}
    by_name = {spec.name: spec for spec in specs}
    absent = [spec.name for spec in specs if spec.name not in value]
    guessed: set[str] = set()
    for key in unknown:
        guess = by_title.get(str(key)) or _closest(str(key), absent, by_name)
        if guess is not None and guess.name not in guessed:
            guessed.add(guess.name)
            message = f"未知要素“{key}”，是否应为“{guess.name}”（{guess.element.title}）？"
        else:
            names = "、".join(spec.name for spec in specs)
            message = f"未知要素“{key}”；此处可用的要素为：{names}"
        out.append(finding("structure.unknown-key", join(path, str(key)), message, value[key]))
    for spec in missing:
        if spec.name not in guessed:
            message = f"缺少必填要素“{spec.element.title}”（{spec.name}）"
            out.append(finding("structure.required", join(path, spec.name), message))


def _closest(key: str, absent: list[str], by_name: dict[str, FieldSpec]) -> FieldSpec | None:
    matches = difflib.get_close_matches(key.lower(), absent, n=1, cutoff=0.6)
    return by_name[matches[0]] if matches else None


#: What a scalar check answers: ``None`` when the value is fine, else (rule, message, layer).
Problem = tuple[str, str, str] | None
ScalarCheck = Callable[[Any], Problem]

#: Code kinds whose pattern says everything the coding rule does: no second check is needed.
#: A property test holds pattern and module together for these.
_PATTERN_IS_THE_RULE = frozenset({"basic", "handling"})


def _field_checker(spec: FieldSpec) -> Check:
    name = spec.name
    shape = spec.item_shape if spec.shape == "array" else spec.shape
    if spec.shape == "array":
        return _array_checker(spec, shape or "str")
    if shape == "object":
        assert spec.model is not None
        nested = object_checker(spec.model)

        def check_object(value: Any, parent: str, out: Out) -> None:
            nested(value, join(parent, name), out)

        return check_object
    problem_of = _scalar_checker(spec, shape or "str", in_array=False)

    def check_scalar(value: Any, parent: str, out: Out) -> None:
        # The path is built only when there is something to report: this is the hot path.
        problem = problem_of(value)
        if problem is not None:
            out.append(_found(problem, join(parent, name), value))

    return check_scalar


def _array_checker(spec: FieldSpec, shape: str) -> Check:
    name = spec.name
    title = spec.element.title
    min_items = spec.element.min_items or 0
    nested = object_checker(spec.model) if shape == "object" and spec.model else None
    problem_of = None if nested else _scalar_checker(spec, shape, in_array=True)

    def check_array(value: Any, parent: str, out: Out) -> None:
        if type(value) is not list:
            message = f"“{title}”应为数组，实际为{_type_name(value)}"
            out.append(finding("structure.type", join(parent, name), message, value))
            return
        if len(value) < min_items:
            message = f"“{title}”至少应有{min_items}条，实际为{len(value)}条"
            out.append(finding("structure.min-items", join(parent, name), message, len(value)))
        for index, entry in enumerate(value):
            if nested is not None:
                nested(entry, join_index(join(parent, name), index), out)
            elif problem_of is not None and (problem := problem_of(entry)) is not None:
                out.append(_found(problem, join_index(join(parent, name), index), entry))

    return check_array


def _found(problem: tuple[str, str, str], path: str, value: Any) -> Finding:
    rule_id, message, layer = problem
    return finding(rule_id, path, message, value, layer=layer)


def _scalar_checker(spec: FieldSpec, shape: str, *, in_array: bool) -> ScalarCheck:
    if shape == "str":
        return _text_checker(spec, in_array=in_array)
    title = spec.element.title
    minimum = spec.element.minimum
    expected: type[Any] = {"int": int, "bool": bool, "date": str}[shape]

    def problem_of(value: Any) -> Problem:
        if type(value) is not expected:
            message = f"“{title}”应为{_JSON_TYPES[shape]}，实际为{_type_name(value)}"
            return ("structure.type", message, "schema")
        if shape == "date" and not is_date(str(value)):
            message = f"“{title}”应为有效日期（YYYY-MM-DD），实际为“{value}”"
            return ("structure.date", message, "schema")
        if minimum is not None and value < minimum:
            return ("structure.minimum", f"“{title}”不能小于{minimum}，实际为{value}", "schema")
        return None

    return problem_of


def is_date(value: str) -> bool:
    """Whether ``value`` is a date as the documents write one (``2024-05-01``), and exists."""
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text_checker(spec: FieldSpec, *, in_array: bool) -> ScalarCheck:
    element = spec.element
    title = element.title
    allowed = constraints_of(spec, in_array=in_array)
    patterns = [(pattern.ecma, re.compile(pattern.ecma)) for pattern in allowed.patterns]
    codelist = codelists.get(element.codelist) if element.codelist else None
    enum = frozenset(allowed.enum) if allowed.enum is not None else None
    closed = enum if codelist is not None else None
    regions = enum if element.code == "region" else None
    code_kind = element.code if element.code != "region" else None
    second_check = code_kind is not None and code_kind not in _PATTERN_IS_THE_RULE
    max_length = allowed.max_length

    def problem_of(value: Any) -> Problem:  # noqa: PLR0911 - one return per constraint
        if type(value) is not str:
            return ("structure.type", f"“{title}”应为文本，实际为{_type_name(value)}", "schema")
        for raw, regex in patterns:
            if not regex.search(value):
                return _pattern_problem(element, raw, code_kind, value)
        if max_length is not None and len(value) > max_length:
            message = f"“{title}”最多{max_length}个字符，实际为{len(value)}个"
            return ("structure.max-length", message, "schema")
        if closed is not None and value not in closed:
            assert codelist is not None
            allowed = "、".join(
                e.title if e.code == e.title else f"{e.code}（{e.title}）" for e in codelist
            )
            message = f"“{title}”的取值“{value}”不在代码表“{codelist.title}”中；可选：{allowed}"
            return ("structure.codelist", message, "schema")
        if regions is not None and value not in regions:
            message = f"“{title}”的取值“{value}”不在内蒙古行政区划表（GB/T 2260）中"
            return ("code.component", message, "schema")
        if second_check:
            return _code_problem(code_kind or "", title, value)
        return None

    return problem_of


def _pattern_problem(element: Element, raw: str, code_kind: str | None, value: str) -> Problem:
    """The finding of a text that does not match its pattern, said in words, never as the
    regular expression (a department cannot act on one): the element's description and
    example say what the text should look like."""
    title = element.title
    if code_kind is not None:
        problem = _code_problem(code_kind, title, value)
        if problem is not None:
            return (problem[0], problem[1], "schema")
        return ("code.format", f"“{title}”“{value}”不符合编码规则", "schema")
    if raw == NOT_BLANK:
        return ("structure.required", f"“{title}”不能为空", "schema")
    example = element.example and f"应写成如“{element.example}”的形式"
    how = "；".join(part for part in (element.description, example) if part)
    return (
        "structure.pattern",
        f"“{title}”的格式不正确：“{value}”；{how or '请按规范填写'}",
        "schema",
    )


@functools.lru_cache(maxsize=4096)
def _code_problem(kind: str, title: str, value: str) -> Problem:
    """The codes layer: what a pattern cannot say (check characters, regions, links).

    Cached because a list repeats the same agency's USCC in every item.
    """
    try:
        codes.module_for(kind).validate(value)
    except InvalidCode as err:
        rule_id = _CODE_RULES.get(type(err), "code.format")
        return (rule_id, f"“{title}”无效：{err.message}", "codes")
    return None

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
import re
from collections.abc import Callable
from typing import Any

from banzhang import codelists, codes
from banzhang._introspect import FieldSpec, fields_of
from banzhang._memo import per_model
from banzhang.errors import InvalidChecksum, InvalidCode, InvalidComponent, InvalidLength
from banzhang.schema import DATE_PATTERN, NOT_BLANK, region_codes, text_patterns
from banzhang.validation._paths import join, join_index
from banzhang.validation.catalogue import rule
from banzhang.validation.findings import Finding

__all__ = ["Check", "finding", "object_checker"]

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
    rule_id: str, path: str, message: str, value: Any = None, *, layer: str = ""
) -> Finding:
    """Return a finding of ``rule_id`` with the catalogue's severity (and layer, unless given)."""
    entry = rule(rule_id)
    return Finding(rule_id, entry.severity, path, message, value, layer or entry.layer)


def _type_name(value: Any) -> str:
    names = {str: "文本", int: "整数", float: "小数", bool: "布尔值", list: "数组", dict: "对象"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


@per_model
def object_checker(model: type[Any]) -> Check:
    """Return the checker of a JSON object that should hold a ``model``."""
    specs = fields_of(model)
    checks = {spec.name: _field_checker(spec) for spec in specs}
    required = tuple(spec for spec in specs if spec.required)
    title = (model.__doc__ or model.__name__).strip().splitlines()[0].split(":")[0].rstrip(".")

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
        missing = [spec for spec in required if spec.name not in value]
        if unknown or missing:
            _report_keys(specs, value=value, unknown=unknown, missing=missing, path=path, out=out)

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


def _field_checker(spec: FieldSpec) -> Check:
    name = spec.name
    if spec.shape == "array":
        entry_check = _value_checker(spec, spec.item_shape or "str", in_array=True)
        min_items = spec.element.min_items or 0
        title = spec.element.title

        def check_array(value: Any, parent: str, out: Out) -> None:
            path = join(parent, name)
            if type(value) is not list:
                message = f"“{title}”应为数组，实际为{_type_name(value)}"
                out.append(finding("structure.type", path, message, value))
                return
            if len(value) < min_items:
                message = f"“{title}”至少应有 {min_items} 条，实际为 {len(value)} 条"
                out.append(finding("structure.min-items", path, message, len(value)))
            for index, entry in enumerate(value):
                entry_check(entry, join_index(path, index), out)

        return check_array
    value_check = _value_checker(spec, spec.shape, in_array=False)

    def check_field(value: Any, parent: str, out: Out) -> None:
        value_check(value, join(parent, name), out)

    return check_field


def _value_checker(spec: FieldSpec, shape: str, *, in_array: bool) -> Check:
    if shape == "object":
        assert spec.model is not None
        return object_checker(spec.model)
    if shape == "str":
        return _text_checker(spec, in_array=in_array)
    return _scalar_checker(spec, shape)


def _scalar_checker(spec: FieldSpec, shape: str) -> Check:
    title = spec.element.title
    minimum = spec.element.minimum
    expected: type[Any] = {"int": int, "bool": bool, "date": str}[shape]

    def check(value: Any, path: str, out: Out) -> None:
        if type(value) is not expected:
            message = f"“{title}”应为{_JSON_TYPES[shape]}，实际为{_type_name(value)}"
            out.append(finding("structure.type", path, message, value))
        elif shape == "date" and not _is_date(str(value)):
            message = f"“{title}”应为有效日期（YYYY-MM-DD），实际为“{value}”"
            out.append(finding("structure.date", path, message, value))
        elif minimum is not None and value < minimum:
            message = f"“{title}”不能小于 {minimum}，实际为 {value}"
            out.append(finding("structure.minimum", path, message, value))

    return check


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text_checker(spec: FieldSpec, *, in_array: bool) -> Check:
    element = spec.element
    title = element.title
    patterns = [(raw, re.compile(raw)) for raw in text_patterns(spec, in_array=in_array)]
    codelist = codelists.get(element.codelist) if element.codelist else None
    closed = frozenset(codelist.codes) if codelist is not None and not codelist.open else None
    regions = frozenset(region_codes()) if element.code == "region" else None
    code_kind = element.code if element.code != "region" else None
    max_length = element.max_length

    def check(value: Any, path: str, out: Out) -> None:
        if type(value) is not str:
            message = f"“{title}”应为文本，实际为{_type_name(value)}"
            out.append(finding("structure.type", path, message, value))
            return
        for raw, regex in patterns:
            if not regex.search(value):
                out.append(_pattern_finding(title, raw, code_kind, value, path))
                return
        if max_length is not None and len(value) > max_length:
            message = f"“{title}”最多 {max_length} 个字符，实际为 {len(value)} 个"
            out.append(finding("structure.max-length", path, message, len(value)))
        if closed is not None and value not in closed:
            assert codelist is not None
            allowed = "、".join(f"{e.code}（{e.title}）" for e in codelist)
            message = f"“{title}”的取值“{value}”不在代码表“{codelist.title}”中；可选：{allowed}"
            out.append(finding("structure.codelist", path, message, value))
        if regions is not None and value not in regions:
            message = f"“{title}”的取值“{value}”不在内蒙古行政区划表（GB/T 2260）中"
            out.append(finding("code.component", path, message, value, layer="schema"))
        if code_kind is not None:
            _check_code(code_kind, title, value, path, out)

    return check


def _pattern_finding(title: str, raw: str, code_kind: str | None, value: str, path: str) -> Finding:
    if code_kind is not None:
        try:
            codes.module_for(code_kind).validate(value)
        except InvalidCode as err:
            rule_id = _CODE_RULES.get(type(err), "code.format")
            return finding(rule_id, path, f"“{title}”无效：{err.message}", value, layer="schema")
        return finding("code.format", path, f"“{title}”“{value}”不符合编码规则", value)
    if raw == NOT_BLANK:
        return finding("structure.required", path, f"“{title}”不能为空", value)
    message = f"“{title}”的格式不正确：“{value}”应符合 {raw}"
    return finding("structure.pattern", path, message, value)


def _check_code(kind: str, title: str, value: str, path: str, out: Out) -> None:
    """The codes layer: what the code's pattern cannot say (check characters, regions, links)."""
    try:
        codes.module_for(kind).validate(value)
    except InvalidCode as err:
        rule_id = _CODE_RULES.get(type(err), "code.format")
        out.append(finding(rule_id, path, f"“{title}”无效：{err.message}", value, layer="codes"))

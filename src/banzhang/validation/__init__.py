"""Validation that explains itself: every finding has a rule id, a ``$`` path and a Chinese message.

Three layers run in one pass, item by item: ``schema`` (what the generated JSON Schema says),
``codes`` (check characters, the region table, links between codes) and ``rules`` (the writing
norms of SPEC §8). ``iter_findings`` yields lazily; ``validate`` raises; ``is_valid`` answers.

>>> from banzhang import examples
>>> is_valid(examples.load("power-list"))
True
>>> broken = examples.load_data("power-list")
>>> broken["items"][0]["nmae"] = broken["items"][0].pop("name")
>>> [(f.rule, f.path) for f in iter_findings(broken)]
[('structure.unknown-key', '$.items[0].nmae')]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

import attrs

from banzhang.documents import ItemStream, detect_kind, to_data, upgraded
from banzhang.errors import InvalidDocument
from banzhang.validation import retired as retired_codes
from banzhang.validation import same_source
from banzhang.validation._rules import (
    DOCUMENT_CHECKS,
    ENVELOPE_CHECKS,
    ITEM_CHECKS,
    register_checks,
)
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._structure import finding, is_date, object_checker
from banzhang.validation.against import Against, resolved
from banzhang.validation.catalogue import Rule, all_rules, rule
from banzhang.validation.findings import ERROR, INFO, WARNING, Finding, Severity

__all__ = [
    "ERROR",
    "INFO",
    "LAYERS",
    "WARNING",
    "Against",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "finding",
    "is_date",
    "is_valid",
    "iter_findings",
    "object_checker",
    "raise_for_errors",
    "register_checks",
    "rule",
    "validate",
]

LAYERS = ("schema", "codes", "rules")


def iter_findings(
    document: Any,
    *,
    kind: str | None = None,
    layers: Collection[str] = LAYERS,
    power_codes: Collection[str] | None = None,
    retired: Collection[str] | None = None,
    against: Against | None = None,
) -> Iterator[Finding]:
    """Yield every problem of ``document``, item by item.

    Args:
        document: a model, JSON-shaped data (a dict), or an :class:`ItemStream` of a list.
        kind: the kind id, when the envelope does not say it (or to insist on one).
        layers: which of ``schema``, ``codes`` and ``rules`` to run.
        power_codes: what the document's reference list holds (see
            :func:`banzhang.validation.same_source.reference_keys`): the 基本编码 of the same
            region's 权责清单, or for a 收费清单 the names of its 中介服务事项清单; given, the
            items of a list that must reference them, or a 服务指南
            (:data:`banzhang.validation.same_source.KINDS`), are checked: 同源.
        retired: the register of retired codes (:mod:`banzhang.validation.retired`); given, an
            item or 子项 under one of them is an error.
        against: both at once (:class:`~banzhang.validation.against.Against`); a keyword
            given wins over it.

    Raises:
        UnreadableInput: the kind of the document cannot be told.
    """
    power_codes, retired = resolved(against, power_codes, retired)
    if isinstance(document, ItemStream):
        data: Any = {**document.envelope, "kind": document.envelope.get("kind", document.kind)}
        items: Any = document.items
        kind = kind or document.kind
    else:
        data = to_data(document) if attrs.has(type(document)) else document
        items = data.get("items") if isinstance(data, dict) else None
    found = detect_kind(data, kind)
    wanted = frozenset(layers)
    out: list[Finding] = []
    declared = data.get("kind") if isinstance(data, dict) else None
    if kind is not None and isinstance(declared, str) and declared != kind:
        message = f"文档声明的类型为“{declared}”，但按“{kind}”校验"
        out.append(finding("structure.kind", "$.kind", message, declared))
    if found.item is None:
        object_checker(found.document)(data, "$", out)
        _run_rules(
            DOCUMENT_CHECKS.get(found.id, ()),
            data=upgraded(data, found.document),
            path="$",
            context=ListContext(),
            wanted=wanted,
            out=out,
        )
        yield from _keep(out, wanted)
        cross = _cross_check(found.id, data, power_codes, retired)
        if cross is not None:  # a 服务指南 is the 权责清单's item itself
            yield from cross(data, "$")
        return
    streamed = isinstance(document, ItemStream) or isinstance(items, list)
    # A stream whose envelope still holds "items" read something that is not an array there.
    keeps_items = isinstance(document, ItemStream) and "items" in document.envelope
    envelope = {**data, "items": []} if streamed and not keeps_items else data
    object_checker(found.document)(envelope, "$", out)
    _run_rules(
        ENVELOPE_CHECKS.get(found.id, ()),
        data=upgraded(envelope, found.document),
        path="$",
        context=ListContext(),
        wanted=wanted,
        out=out,
    )
    yield from _keep(out, wanted)
    if streamed:
        cross = _cross_check(found.id, data, power_codes, retired)
        level = data.get("level") if isinstance(data, dict) else None
        context = ListContext(level if isinstance(level, str) else None)
        yield from _item_findings(found, items, wanted, cross, context)


#: A check of one item against other documents: its findings at ``path``.
_CrossCheck = Callable[[Any, str], list[Finding]]


def _cross_check(
    kind: str, data: Any, codes: Collection[str] | None, retired: Collection[str] | None
) -> _CrossCheck | None:
    """同源 against ``codes`` and the register of ``retired`` codes, as far as each is given."""
    region = data.get("region") if isinstance(data, dict) else None
    same = codes is not None and kind in same_source.KINDS
    if not same and not retired:
        return None

    def check(item: Any, path: str) -> list[Finding]:
        found = retired_codes.item_findings(item, path, retired) if retired else []
        if same and codes is not None:
            crossed = same_source.item_finding(item, path, region, codes, kind=kind)
            found += [crossed] if crossed is not None else []
        return found

    return check


def _item_findings(
    found: Any,
    items: Iterable[Any],
    wanted: frozenset[str],
    cross: _CrossCheck | None,
    context: ListContext,
) -> Iterator[Finding]:
    item_check = object_checker(found.item)
    checks = ITEM_CHECKS.get(found.id, ())
    for index, item in enumerate(items):
        out: list[Finding] = []
        path = f"$.items[{index}]"
        item_check(item, path, out)
        # Rules read today's ids; an element under its earlier id was reported by the schema layer.
        current = upgraded(item, found.item)
        _run_rules(checks, data=current, path=path, context=context, wanted=wanted, out=out)
        if out:
            yield from _keep(out, wanted)
        if cross is not None:  # asked for by passing the other documents: never filtered out
            yield from cross(item, path)


def _run_rules(
    checks: tuple[Any, ...],
    *,
    data: Any,
    path: str,
    context: ListContext,
    wanted: frozenset[str],
    out: list[Finding],
) -> None:
    if not isinstance(data, dict) or not wanted & {"codes", "rules"}:
        return
    for check in checks:
        out.extend(check(data, path, context))


def _keep(findings: list[Finding], wanted: frozenset[str]) -> list[Finding]:
    if len(wanted) == len(LAYERS):
        return findings
    return [f for f in findings if f.layer in wanted]


def validate(document: Any, *, kind: str | None = None) -> None:
    """Raise :class:`InvalidDocument` if ``document`` has any finding of severity ``error``.

    The error's ``findings`` hold every finding (warnings too), in document order.
    """
    raise_for_errors(iter_findings(document, kind=kind))


def raise_for_errors(found: Iterable[Finding]) -> None:
    """Raise :class:`InvalidDocument` if any of ``found`` has severity ``error``.

    The error's ``findings`` hold every finding (warnings too), in document order.
    """
    findings = tuple(found)
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        shown = "\n".join(str(f) for f in errors[:10])
        more = f"\n…… 另有 {len(errors) - 10} 处错误" if len(errors) > 10 else ""
        message = f"文档有 {len(errors)} 处错误：\n{shown}{more}"
        raise InvalidDocument(message, findings)


def is_valid(document: Any, *, kind: str | None = None) -> bool:
    """Return whether ``document`` has no finding of severity ``error``."""
    try:
        validate(document, kind=kind)
    except InvalidDocument:
        return False
    return True

"""《行政权力事项编码规则》: the segment tables, their values, the check rules, worked examples.

Everything is read from the code modules and their segment tables (``_data/schemes``): a profile
that replaces a table changes this draft with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from banzhang import codelists, codes, examples
from banzhang.codes import Scheme, Segment, load_scheme
from banzhang.errors import InvalidCode
from banzhang.generate.standard._annexes import codelist_annex
from banzhang.generate.standard._model import (
    Block,
    Clause,
    Example,
    ListItems,
    Note,
    Paragraph,
    Standard,
    Table,
    Term,
)
from banzhang.generate.standard._references import NATIONAL, bibliography
from banzhang.generate.standard._requirements import rule_clauses, rules_of
from banzhang.generate.standard._words import pattern_words

__all__ = ["MAINTENANCE", "RELATION", "coding_rule"]

#: The codes the rule defines, in the order a reader needs them (scheme id, code kind).
_CODES = (("basic-code", "basic"), ("handling-code", "handling"), ("implementation-code", None))

#: The national standards the rule cites normatively.
_NORMATIVE = ("GB/T 2260", "GB 32100", "GB/T 39046", "GB/T 39554.1")

#: How the rule stands to the national coding standards: what it is shaped on, no more.
RELATION = (
    "本文件的基本编码、业务办理项编码和实施编码，与按GB/T 39554.1编制、已在全国一体化政务服务平台"
    "公开的政务服务事项编码在位数、分段和“00Y”主项标记上保持一致，以便事项数据在自治区平台与"
    "国家平台之间交换；实施主体统一社会信用代码及其校验码按GB 32100。"
)

#: Maintenance of the codes (S 002 “代码是唯一标识，不得随意变更”; DB37/T 2561).
MAINTENANCE = (
    "编码是事项的唯一标识，不应随意变更；已取消的编码不再启用，也不应分配给其他事项",
    "事项更名的，保留原编码",
    "事项合并的，使用新编码",
    "事项拆分的，拆分出的事项作为原主项的子项，或使用新编码",
    "同一事项的基本编码在自治区、盟市、旗县（市、区）三级相同",
)


_SCOPE = (
    Paragraph(
        "本文件规定了行政权力事项基本编码、业务办理项编码和实施编码的编码对象、编码结构、"
        "代码取值、校验规则和编码维护。"
    ),
    Paragraph(
        "本文件适用于内蒙古自治区各级行政机关和法律法规授权的组织编制权责清单和各类事项"
        "清单、服务指南、审查细则时对行政权力事项的编码。"
    ),
)


def coding_rule() -> Standard:
    """Return the draft 《行政权力事项编码规则》."""
    schemes = [load_scheme(name) for name, _kind in _CODES]
    used = list(dict.fromkeys(s.codelist for sc in schemes for s in sc.segments if s.codelist))
    return Standard(
        id="coding-rule",
        title="行政权力事项编码规则",
        scope=_SCOPE,
        normative_references=tuple(NATIONAL[d] for d in _NORMATIVE),
        terms=_terms(schemes),
        body=_body(schemes),
        annexes=(codelist_annex(used),),
        bibliography=(
            *bibliography([*(s.source for s in schemes), "S 000; S 002"]),
            "《中华人民共和国行政许可法》",
        ),
        basis=(
            *((s.title, s.source) for s in schemes),
            *((codelists.get(n).title, codelists.get(n).source) for n in used),
            ("编码维护", "S 002; V DB37/T 2561"),
            *((r.title, r.source) for r in rules_of(("code",))),
        ),
    )


def _body(schemes: list[Scheme]) -> tuple[Clause, ...]:
    maintenance = ListItems(tuple((m, ()) for m in MAINTENANCE), "编码维护应符合下列规定：")
    return (
        _principles(),
        Clause("编码结构", children=tuple(_structure(s) for s in schemes)),
        Clause("代码取值", children=(_values(schemes), _sub_codes())),
        Clause("校验规则", children=rule_clauses("编码", ("code",))),
        Clause("编码维护", (maintenance,)),
        Clause("编码示例", tuple(_examples())),
    )


def _terms(schemes: list[Scheme]) -> tuple[Term, ...]:
    made = tuple(
        Term(s.title, f"由{'、'.join(seg.title for seg in s.segments)}组成的 {s.length} 位代码。")
        for s in schemes
    )
    return (
        Term(
            "行政权力事项",
            "行政机关和法律法规授权的组织依法行使的行政职权事项，以主项和子项为单位。",
        ),
        Term("主项", "按设定依据确定的一项行政权力事项。"),
        Term("子项", "主项按办理情形、对象等拆分出的最小运行单元。"),
        Term("业务办理项", "子项（或无子项的主项）按办理情形再细分的办理单元。"),
        *made,
    )


def _principles() -> Clause:
    return Clause(
        "编码原则",
        (
            Paragraph(
                "一个行政权力事项（主项或子项）有且只有一个基本编码；编码一经赋予，不应随意变更。"
            ),
            Paragraph("同一事项在自治区、盟市、旗县（市、区）三级使用相同的基本编码。"),
            Paragraph(
                "实施编码标识一个实施主体对一个最小运行单元的实施，其基本编码应为子项或无子项的主项。"
            ),
            Paragraph(RELATION),
        ),
    )


def _structure(scheme: Scheme) -> Clause:
    label = f"scheme-{scheme.name}"
    rows = tuple(
        (str(n), s.title, str(s.length), _segment_values(s))
        for n, s in enumerate(scheme.segments, start=1)
    )
    lead = Paragraph(
        f"{scheme.title}共 {scheme.length} 位，由{len(scheme.segments)}段组成，"
        f"结构见〔表:{label}〕。"
    )
    table = Table(
        label, f"{scheme.title}的结构", ("序号", "分段", "位数", "取值"), rows, (8, 30, 8, 54)
    )
    return Clause(scheme.title, (lead, table))


def _segment_values(segment: Segment) -> str:
    words = [pattern_words(segment.pattern)]
    if segment.codelist:
        words.append(f"按〔表:codelist-{segment.codelist}〕取值")
    if segment.forbid:
        words.append(f"不为“{segment.forbid}”")
    if segment.name == "region":
        words.append("符合GB/T 2260")
    return "，".join(words)


def _values(schemes: list[Scheme]) -> Clause:
    entries = []
    for scheme in schemes:
        for segment in scheme.segments:
            if segment.codelist:
                title = codelists.get(segment.codelist).title
                entries.append(
                    (
                        f"{scheme.title}的{segment.title}应按〔表:codelist-{segment.codelist}〕（{title}）取值",
                        (),
                    )
                )
            if segment.forbid:
                entries.append((f"{scheme.title}的{segment.title}不应为“{segment.forbid}”", ()))
    entries.append(("实施主体统一社会信用代码应符合GB 32100，其校验码应按GB 32100计算并核对", ()))
    entries.append(
        ("实施主体统一社会信用代码的第 3 位至第 8 位（登记管理机关行政区划码）应符合GB/T 2260", ())
    )
    entries.append(("事项类型代码与GB/T 39046的事项类型代码一致", ()))
    lead = "各段的取值应符合下列规定（所用代码表见附录A）："
    return Clause("各段取值", (ListItems(tuple(entries), lead),))


def _sub_codes() -> Clause:
    """The 子项码's values, their meanings as the code module explains them."""
    main = codes.basic.build("00", "01", 1, has_sub_items=True)
    alone, sub = codes.basic.build("00", "01", 1), codes.basic.sub_item(main, 1)
    rows = [
        (codes.explain(code)[-1].value, codes.explain(code)[-1].meaning) for code in (alone, main)
    ]
    length = len(codes.explain(sub)[-1].value)
    rows.append((f"{1:0{length}d}～{'9' * length}", "子项，按主项下的顺序编号"))
    return Clause(
        "子项码",
        (
            Paragraph(
                "子项码区分主项和子项，取值见〔表:sub-codes〕。"
                "有子项的主项不直接实施，由其子项实施。"
            ),
            Table("sub-codes", "子项码的取值", ("子项码", "含义"), tuple(rows), (30, 70)),
            Note(f"“{codes.explain(sub)[-1].value}”为第 1 号子项，依次类推。"),
        ),
    )


#: The codes this rule defines: the worked examples explain these, not the others it cites.
_OWN_CODES = ("basic", "handling", "implementation")


def _examples() -> Iterator[Block]:
    yield Paragraph("以下编码按本文件编制，逐段解析如下。")
    for value, comment in examples.codes():
        try:
            parts = codes.explain(value)
        except InvalidCode:
            continue  # the shipped examples include a faulty code, for the demo to refuse
        if codes.detect(value) not in _OWN_CODES:
            continue
        kind = codes.KINDS[codes.detect(value)][0]
        segments = "；".join(f"{p.title}“{p.value}”，{p.meaning}" for p in parts)
        yield Example(f"{kind} {value}（{comment}）：{segments}。")

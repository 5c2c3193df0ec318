"""The 服务指南 for applicants, in full (21 sections of the 指引) and as the 简版."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html
from lxml.html import builder as E

from banzhang.errors import InvalidDocument
from banzhang.kinds.service_guide import SECTIONS, ServiceGuide
from banzhang.models.common import Material, Step
from banzhang.render._flowchart import FlowStep, flowchart
from banzhang.render._page import (
    agency_text,
    basis_list,
    contact_block,
    facts,
    numbered,
    page,
    section,
    text_or_missing,
    text_or_none,
    time_text,
    titled,
)

__all__ = ["flow_steps", "render_brief", "render_full"]


def render_full(guide: ServiceGuide, *, credit: bool = False) -> str:
    """Return the full guide as printable HTML (``credit``: a footer naming banzhang)."""
    title = f"{guide.name}服务指南"
    return page(title, _subtitle(guide), *_full_sections(guide), credit=credit)


def render_brief(guide: ServiceGuide, *, credit: bool = False) -> str:
    """Return the 简版, which states where the full guide is.

    Raises:
        InvalidDocument: the guide does not say where the full version can be had.
    """
    if not guide.full_version_at:
        message = "简版服务指南须写明完整版的获取方式（$.full_version_at，完整版获取方式）"
        raise InvalidDocument(message, ())
    where = guide.full_version_at
    sections = [
        section("事项信息", facts(_identity(guide))),
        section("申请条件", numbered(guide.conditions)),
        section("申请材料", numbered([_material_brief(m) for m in guide.materials])),
        section("办理流程", E.P(text_or_missing(" → ".join(step.name for step in guide.process)))),
        section("办理方式与时限", facts(_brief_handling(guide))),
        section("咨询与投诉", facts(_brief_contacts(guide))),
    ]
    # Stated first and last: a window hands out the 简版 alone, and the reader must not miss it.
    title = f"{guide.name}服务指南（简版）"
    notice = _notice(where)
    return page(
        title, _subtitle(guide), notice, *sections, _notice(where), brief=True, credit=credit
    )


def _notice(where: str) -> html.HtmlElement:
    return E.DIV(E.CLASS("notice"), E.STRONG("完整版获取方式："), where)


def flow_steps(steps: tuple[Step, ...]) -> list[FlowStep]:
    """Return the boxes of the 办理流程图: each step's name, with who does it and how long."""
    return [
        FlowStep(step.name, " · ".join(p for p in (step.actor, time_text(step.time_limit)) if p))
        for step in steps
    ]


def _subtitle(guide: ServiceGuide) -> str:
    return f"基本编码 {guide.basic_code} · {titled('power_type', guide.power_type)}"


def _identity(guide: ServiceGuide) -> list[tuple[str, str | None]]:
    return [
        ("事项名称", text_or_missing(guide.name)),
        ("基本编码", text_or_missing(guide.basic_code)),
        ("实施编码", guide.implementation_code),
        ("事项类型", text_or_missing(titled("power_type", guide.power_type))),
    ]


def _full_sections(guide: ServiceGuide) -> Iterator[html.HtmlElement]:
    conditions = [numbered(guide.conditions)]
    if guide.prohibitions:
        conditions += [E.H3("禁止性要求"), numbered(guide.prohibitions)]
    contents: dict[str, list[html.HtmlElement | str]] = {
        "适用范围": [E.P(text_or_none(guide.scope))],
        "项目信息": [facts(_identity(guide))],
        "事项审查类型": [E.P(text_or_none(titled("review_type", guide.review_type)))],
        "审批依据": [basis_list(guide.basis)],
        "受理机构": [E.P(text_or_missing(agency_text(guide.accepting_agency)))],
        "决定机构": [E.P(text_or_missing(agency_text(guide.deciding_agency)))],
        "审批数量": [E.P(text_or_missing(guide.quantity_limit))],
        "申请条件": conditions,
        "申请材料": [_materials_table(guide.materials)],
        "申请材料提交": [E.P(text_or_none(guide.submission)), *_non_acceptance(guide)],
        "办理基本流程": _process(guide),
        "办理方式": [facts(_handling(guide))],
        "办结时限": [facts(_time_limits(guide))],
        "收费依据及标准": [_fees(guide)],
        "审批结果": [
            facts(
                [
                    ("结果名称", guide.result_name),
                    ("结果样本", guide.result_sample),
                    ("效力范围", guide.result_validity),
                ]
            )
        ],
        "结果送达": [E.P(text_or_none(_delivery(guide)))],
        "申请人权利和义务": [
            E.P(text_or_none(guide.rights_obligations)),
            E.P("救济途径：", text_or_missing(guide.remedies)),
        ],
        "咨询途径": [contact_block(guide.consultation)],
        # A missing 监督投诉渠道 is an error of the norms [S 002]: its gap is shown.
        "监督投诉渠道": [contact_block(guide.complaint, required=True)],
        "办公地址和时间": [contact_block(guide.office)],
        "公开查询": [E.P(text_or_none(guide.public_query))],
    }
    # The sections' order and titles are the kind's declaration (the Word guide follows it too).
    *numbered_titles, annex = (title for title, _elements in SECTIONS)
    for number, title in enumerate(numbered_titles, start=1):
        yield section(title, *contents[title], number=number)
    yield section(
        annex,
        facts(
            [
                # 《中华人民共和国行政许可法》第三十条 asks for both: a gap shows.
                ("申请书示范文本", text_or_missing(guide.application_form_sample)),
                (
                    "办理流程图",
                    text_or_missing(guide.flowchart or ("见第 11 节" if guide.process else None)),
                ),
            ]
        ),
    )


def _materials_table(materials: tuple[Material, ...]) -> html.HtmlElement:
    if not materials:
        return E.P(text_or_missing(None))
    headers = (
        "序号",
        "材料名称",
        "来源渠道",
        "材料形式",
        "原件",
        "复印件",
        "纸质规格",
        "必要性",
        "说明",
    )
    rows = [
        E.TR(
            E.TD(str(index)),
            E.TD(m.name),
            E.TD(titled("material_source", m.source) or ""),
            E.TD("、".join(m.forms)),
            E.TD(_count(m.originals)),
            E.TD(_count(m.copies)),
            E.TD(m.paper_spec or ""),
            E.TD(_necessity(m)),
            E.TD(*_material_notes(m)),
        )
        for index, m in enumerate(materials, start=1)
    ]
    return E.TABLE(E.THEAD(E.TR(*(E.TH(h) for h in headers))), E.TBODY(*rows))


def _necessity(material: Material) -> str:
    # 容缺 is not 非必要: a 容缺 material is still required, only later [S 002].
    if not material.required:
        return "非必要"
    if material.tolerated:
        deadline = time_text(material.supply_deadline)
        return f"必要（容缺，受理后 {deadline}内补交）" if deadline else "必要（容缺，可后补）"
    return "必要"


def _non_acceptance(guide: ServiceGuide) -> list[html.HtmlElement | str]:
    if not guide.non_acceptance_grounds and not guide.non_acceptance_notice:
        return []
    parts: list[html.HtmlElement | str] = [E.H3("不予受理")]
    if guide.non_acceptance_grounds:
        parts.append(numbered(guide.non_acceptance_grounds))
    if guide.non_acceptance_notice:
        parts.append(E.P(guide.non_acceptance_notice))
    return parts


def _count(value: int | None) -> str:
    return "" if value is None else f"{value} 份"


def _material_notes(material: Material) -> list[html.HtmlElement | str]:
    notes: list[html.HtmlElement | str] = []
    if material.shareable:
        notes.append(E.DIV("可通过一体化平台共享获取，申请人无需提交纸质材料"))
    for label, value in (
        ("出具机构", material.issuer),
        ("填报说明", material.notes),
        ("示范文本", material.sample),
    ):
        if value:
            notes.append(E.DIV(f"{label}：{value}"))
    if material.common_mistakes:
        notes.append(E.DIV("常见错误：" + "；".join(material.common_mistakes)))
    return notes


def _material_brief(material: Material) -> str:
    counts = [
        f"{form} {count} 份"
        for form, count in (("原件", material.originals), ("复印件", material.copies))
        if count
    ]
    electronic = ["电子件"] if "电子件" in material.forms else []
    detail = "，".join(counts + electronic) or "、".join(material.forms)
    return f"{material.name}（{detail}）" if detail else material.name


def _process(guide: ServiceGuide) -> list[html.HtmlElement | str]:
    if not guide.process:
        return [E.P(text_or_missing(None))]
    headers = ("环节", "办理人员", "办理内容", "时限")
    rows = [
        E.TR(
            E.TD(step.name),
            E.TD(step.actor or ""),
            E.TD(step.content or ""),
            E.TD(time_text(step.time_limit) or ""),
        )
        for step in guide.process
    ]
    chart = flowchart(flow_steps(guide.process), title=f"{guide.name}办理流程图")
    return [
        E.TABLE(E.THEAD(E.TR(*(E.TH(h) for h in headers))), E.TBODY(*rows)),
        E.FIGURE(chart, E.FIGCAPTION("办理流程图")),
    ]


def _handling(guide: ServiceGuide) -> list[tuple[str, str | None]]:
    return [
        ("办理方式", "、".join(guide.modes) or None),
        ("网上办理", "是" if guide.online else "否"),
        ("网上办理地址", guide.online_url),
        ("网办深度", titled("online_depth", guide.online_depth)),
        ("办件类型", titled("case_type", guide.case_type)),
        ("到现场次数", None if guide.onsite_visits is None else f"{guide.onsite_visits} 次"),
        ("就近办理地点", "、".join(guide.nearby_locations) or None),
    ]


def _brief_handling(guide: ServiceGuide) -> list[tuple[str, str | None]]:
    rows = _handling(guide)[:1] + _time_limits(guide)
    rows.append(("收费", "收费" if guide.charged else "不收费"))
    rows.append(("办理地点和时间", _place(guide)))
    return rows


def _brief_contacts(guide: ServiceGuide) -> list[tuple[str, str | None]]:
    return [
        ("咨询电话", "、".join(guide.consultation.phones) if guide.consultation else None),
        ("投诉电话", "、".join(guide.complaint.phones) if guide.complaint else None),
    ]


def _place(guide: ServiceGuide) -> str | None:
    if guide.office is None:
        return None
    return "，".join(part for part in (guide.office.address, guide.office.hours) if part) or None


def _time_limits(guide: ServiceGuide) -> list[tuple[str, str | None]]:
    return [
        ("法定办结时限", text_or_missing(time_text(guide.legal_time_limit))),
        ("承诺办结时限", time_text(guide.promised_time_limit)),
        ("当场决定", _on_the_spot(guide.on_the_spot)),
    ]


def _on_the_spot(value: bool | None) -> str | None:
    if value is None:
        return None
    return "能够当场作出决定的，当场作出" if value else "不能当场作出决定"


def _fees(guide: ServiceGuide) -> html.HtmlElement:
    if not guide.charged:
        return E.P("不收费。")
    return E.DIV(
        E.P("收费标准：", text_or_missing(guide.fee_standard)),
        E.P("收费依据："),
        basis_list(guide.fee_basis),
    )


def _delivery(guide: ServiceGuide) -> str | None:
    postal = "可邮寄送达" if guide.postal_delivery else ""
    return "；".join(part for part in (guide.delivery, postal) if part) or None

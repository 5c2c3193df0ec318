"""Rendered guides and review details: every section, the flow chart from the steps, the 简版."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree, html

from banzhang import examples, render
from banzhang._numerals import chinese_numeral
from banzhang.cli import main
from banzhang.errors import InvalidDocument, UnreadableInput
from banzhang.formats import json as json_format
from banzhang.kinds.review_detail import ReviewDetail
from banzhang.kinds.service_guide import ServiceGuide
from banzhang.render._flowchart import FlowStep, flowchart
from tests.strategies import models

SECTIONS = [
    "适用范围", "项目信息", "事项审查类型", "审批依据", "受理机构", "决定机构", "审批数量",
    "申请条件", "申请材料", "申请材料提交", "办理基本流程", "办理方式", "办结时限",
    "收费依据及标准", "审批结果", "结果送达", "申请人权利和义务", "咨询途径", "监督投诉渠道",
    "办公地址和时间", "公开查询",
]  # fmt: skip


def parse(text: str) -> html.HtmlElement:
    """Parse a rendered page as a browser would."""
    root: html.HtmlElement = html.document_fromstring(text)
    return root


def test_full_guide_has_the_21_sections_in_order_then_the_annex() -> None:
    """The full guide numbers the 指引's 21 sections and ends with the 附件."""
    root = parse(render.render(examples.load("service-guide")))
    headings = root.xpath("//section/h2/text()")
    expected = [f"{chinese_numeral(n)}、{title}" for n, title in enumerate(SECTIONS, start=1)]
    assert headings == [*expected, "附件"]


def test_flow_chart_has_one_box_per_step_in_order() -> None:
    """The 办理流程图 is drawn from the steps: a box each, joined by arrows, start to end."""
    guide = examples.load("service-guide")
    root = parse(render.render(guide))
    (svg,) = root.xpath("//section[@data-section='办理基本流程']//svg")
    assert svg.xpath(".//g[@class='step']/@data-step") == [step.name for step in guide.process]
    assert len(svg.xpath(".//g[@class='arrow']")) == len(guide.process) + 1
    assert "窗口受理人员 · 1 个工作日" in svg.xpath(".//text/text()")


def test_flow_chart_wraps_long_names_and_grows_its_boxes() -> None:
    """A long step name wraps inside its box instead of overflowing it."""
    short = flowchart([FlowStep("受理")])
    long = flowchart([FlowStep("受理" * 30)])
    assert len(long.xpath(".//g[@class='step']/text")) > 1
    assert int(long.get("height")) > int(short.get("height"))


def test_standalone_svg_is_svg() -> None:
    """The chart as a file is well-formed SVG in the SVG namespace."""
    root = etree.fromstring(render.flowchart_svg(examples.load("review-detail")).encode())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")


def test_brief_guide_states_where_the_full_one_is() -> None:
    """The 简版 says where the full guide is, first and last, and keeps what a window needs."""
    guide = examples.load("service-guide")
    root = parse(render.render(guide, brief=True))
    notices = root.xpath("//div[@class='notice']")
    assert len(notices) == 2
    assert guide.full_version_at in notices[0].text_content()
    assert root.xpath("//section/h2/text()") == [
        "事项信息", "申请条件", "申请材料", "办理流程", "办理方式与时限", "咨询与投诉",
    ]  # fmt: skip


def test_brief_guide_without_the_full_versions_place_is_refused() -> None:
    """Without 完整版获取方式 there is no lawful 简版: a clear error naming the element."""
    guide = attrs.evolve(examples.load("service-guide"), full_version_at=None)
    with pytest.raises(InvalidDocument, match="full_version_at"):
        render.render(guide, brief=True)


def test_a_gap_the_norms_forbid_shows_and_an_optional_absence_does_not() -> None:
    """A section stays whatever is absent: marked （未填写） when the norms require its element
    (监督投诉渠道, 申请书示范文本), saying 无 when the element is optional; an optional fact
    (实施编码) leaves no empty row."""
    guide = attrs.evolve(
        examples.load("service-guide"),
        scope=None,
        consultation=None,
        complaint=None,
        implementation_code=None,
        application_form_sample=None,
    )
    root = parse(render.render(guide))
    for title in ("适用范围", "咨询途径"):
        (found,) = root.xpath(f"//section[@data-section='{title}']")
        assert "（未填写）" not in found.text_content()
        assert found.xpath(".//p/text()") == ["无"]
    for title in ("监督投诉渠道", "附件"):
        (found,) = root.xpath(f"//section[@data-section='{title}']")
        assert "（未填写）" in found.text_content()
    (identity,) = root.xpath("//section[@data-section='项目信息']")
    assert "实施编码" not in identity.text_content()


def test_markup_in_the_data_is_text() -> None:
    """Hostile text is escaped: no element of the data's making appears in the page."""
    guide = attrs.evolve(examples.load("service-guide"), name="<script>alert(1)</script>")
    root = parse(render.render(guide))
    assert not root.xpath("//script")
    assert "<script>alert(1)</script>" in root.xpath("//h1/text()")[0]


def test_review_detail_has_a_section_per_step() -> None:
    """Each review step has its facts, numbered points and standards; the chart shows them all."""
    detail = examples.load("review-detail")
    root = parse(render.render(detail))
    titles = root.xpath("//section/h2/text()")
    for number, step in enumerate(detail.steps, start=1):
        assert f"{chinese_numeral(number)}、{step.name}环节" in titles
    (first,) = root.xpath("//section[@data-section='受理环节']")
    assert first.xpath(".//ol/li/text()")[: len(detail.steps[0].points)] == list(
        detail.steps[0].points
    )
    assert len(root.xpath("//svg//g[@class='step']")) == len(detail.steps)


def test_guide_states_acceptance_as_seed_002_asks() -> None:
    """不予受理, 容缺 with its deadline, shared materials, 当场决定 and 效力范围 are printed."""
    guide = examples.load("service-guide")
    root = parse(render.render(guide))
    (submission,) = root.xpath("//section[@data-section='申请材料提交']")
    assert "不予受理" in submission.xpath(".//h3/text()")
    assert submission.xpath(".//ol/li/text()") == list(guide.non_acceptance_grounds)
    (materials,) = root.xpath("//section[@data-section='申请材料']")
    cells = [cell.text_content() for cell in materials.xpath(".//td")]
    assert "必要（容缺，受理后 5 个工作日内补交）" in cells
    assert "非必要" not in cells
    assert any("一体化平台共享获取" in cell for cell in cells)
    text = root.text_content()
    assert "不能当场作出决定" in text
    assert guide.result_validity
    assert guide.result_validity in text


def test_review_step_prints_method_basis_and_conditions() -> None:
    """A step's 审查方式理由依据 and 前置/后置条件 are printed with its facts."""
    detail = examples.load("review-detail")
    (section,) = parse(render.render(detail)).xpath("//section[@data-section='审查环节']")
    text = section.text_content()
    for words in ("审查方式理由依据", "前置条件", "后置条件", detail.steps[1].method_basis or "?"):
        assert words in text


def test_other_kinds_cannot_be_rendered() -> None:
    """A list, or --brief of a review detail, is our own error, not a crash."""
    with pytest.raises(UnreadableInput):
        render.render(examples.load("power-list"))
    with pytest.raises(UnreadableInput):
        render.render(examples.load("review-detail"), brief=True)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(guide=models(ServiceGuide))
def test_any_guide_renders(guide: ServiceGuide) -> None:
    """Whatever a valid-shaped guide holds, the full page renders and names it."""
    root = parse(render.render(guide))
    assert len(root.xpath("//section")) == len(SECTIONS) + 1
    # What a page cannot carry shows as U+FFFD; HTML reads a carriage return as a newline.
    name = render.printable(guide.name).replace("\r\n", "\n").replace("\r", "\n")
    assert root.xpath("//h1")[0].text_content() == f"{name}服务指南"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(detail=models(ReviewDetail))
def test_any_review_detail_renders(detail: ReviewDetail) -> None:
    """Whatever a valid-shaped review detail holds, its page renders with a box per step."""
    root = parse(render.render(detail))
    assert len(root.xpath("//svg//g[@class='step']")) == len(detail.steps)


def test_cli_renders_guide_brief_and_svg(tmp_path: Path) -> None:
    """``guide render`` writes the page (and the chart with --svg); the example is valid: exit 0."""
    source = examples.path("service-guide")
    out = tmp_path / "guide.html"
    assert (
        main(["guide", "render", str(source), "--out", str(out), "--svg", str(tmp_path / "f.svg")])
        == 0
    )
    assert "<svg" in out.read_text("utf-8")
    assert (tmp_path / "f.svg").is_file()
    brief = tmp_path / "brief.html"
    assert main(["guide", "render", str(source), "--out", str(brief), "--brief"]) == 0
    assert "简版" in brief.read_text("utf-8")


def test_cli_renders_an_invalid_guide_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A guide breaking a writing norm still renders; findings go to stderr; exit 1."""
    data = examples.load_data("service-guide")
    data["promised_time_limit"] = {"amount": 25, "unit": "工作日"}
    source = tmp_path / "flawed.json"
    json_format.dump(data, source)
    out = tmp_path / "flawed.html"
    assert main(["guide", "render", str(source), "--out", str(out)]) == 1
    assert out.is_file()
    assert "time.promised-exceeds-legal" in capsys.readouterr().err


def test_cli_cannot_render_a_broken_guide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A guide without its required elements cannot be laid out: exit 1 and say why."""
    data = examples.load_data("service-guide")
    del data["name"]
    source = tmp_path / "broken.json"
    json_format.dump(data, source)
    assert main(["guide", "render", str(source), "--out", str(tmp_path / "x.html")]) == 1
    assert "structure.required" in capsys.readouterr().err


@pytest.mark.parametrize(("kind", "extra"), [("power-list", []), ("review-detail", ["--brief"])])
def test_cli_usage_errors_exit_2(tmp_path: Path, kind: str, extra: list[str]) -> None:
    """Rendering a list, or a 简版 of a review detail, is a usage error."""
    argv = ["guide", "render", str(examples.path(kind)), "--out", str(tmp_path / "x.html")]
    assert main([*argv, *extra]) == 2


def test_a_printed_guide_names_no_tool_unless_asked() -> None:
    """The department publishes the guide: no "由 banzhang … 生成" unless credit is asked for."""
    guide = examples.load("service-guide")
    assert "banzhang" not in render.render(guide).split("<body", 1)[1]
    assert "由 banzhang" in render.render(guide, credit=True)

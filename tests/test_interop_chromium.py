"""A real browser shows what banzhang renders: headless Chromium opens the guide and the docs.

Each page is opened twice: once for a screenshot (which must show ink, and for the guide the
flow chart's own box colour), once for the DOM the browser built (which must hold the sections
and the chart as SVG). Chromium and a CJK font come from Debian (``make test`` installs them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html
from PIL import Image
from pypdf import PdfReader

from banzhang import examples, render
from banzhang.generate import docs as publish

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 900, 5600


def _chromium() -> str:
    found = shutil.which("chromium")
    assert found, "Chromium is needed: apt-get install chromium (make test does)"
    return found


def _browse(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        *action,
        page.as_uri(),
    ]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=180)


def screenshot(page: Path, tmp_path: Path) -> Image.Image:
    """Return Chromium's screenshot of ``page``."""
    target = tmp_path / f"{page.stem}.png"
    _browse(page, tmp_path / "profile", f"--screenshot={target}")
    return Image.open(target).convert("RGB")


def rendered_dom(page: Path, tmp_path: Path) -> html.HtmlElement:
    """Return the DOM Chromium built for ``page``, serialized by Chromium and parsed again."""
    dumped = _browse(page, tmp_path / "profile", "--dump-dom").stdout
    root: html.HtmlElement = html.document_fromstring(dumped)
    return root


def ink(image: Image.Image) -> float:
    """Return the share of pixels that differ from the most common (background) colour."""
    colours = image.getcolors(maxcolors=WIDTH * HEIGHT) or []
    background = max(count for count, _colour in colours)
    return 1 - background / (image.width * image.height)


def pixels_near(image: Image.Image, hex_colour: str, tolerance: int = 3) -> int:
    """Return how many pixels are within ``tolerance`` of ``hex_colour`` in every channel."""
    wanted = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    total = 0
    for count, colour in image.getcolors(maxcolors=WIDTH * HEIGHT) or []:
        assert isinstance(colour, tuple)  # an RGB image's colours are (r, g, b)
        if all(abs(a - b) <= tolerance for a, b in zip(colour, wanted, strict=True)):
            total += count
    return total


def test_a_cjk_font_is_installed() -> None:
    """Chinese text needs a CJK font, or the screenshots would show boxes instead of words."""
    listed = subprocess.run(["fc-list", ":lang=zh"], check=True, capture_output=True, text=True)
    assert listed.stdout.strip(), "a CJK font is needed: apt-get install fonts-wqy-microhei"


@pytest.fixture(scope="module")
def guide_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled guide rendered to a file."""
    page = tmp_path_factory.mktemp("guide") / "guide.html"
    page.write_text(render.render(examples.load("service-guide")), encoding="utf-8")
    return page


def test_chromium_shows_the_guide_with_its_flow_chart(guide_page: Path, tmp_path: Path) -> None:
    """The screenshot is not blank, and the chart's step boxes are painted."""
    image = screenshot(guide_page, tmp_path)
    assert ink(image) > 0.05, "the rendered guide is blank"
    steps = len(examples.load("service-guide").process)
    # Each step box is 360 px wide and at least 50 px high, mostly filled with BOX_FILL.
    assert pixels_near(image, render.BOX_FILL) > steps * 360 * 30


def test_chromium_builds_the_sections_and_the_svg(guide_page: Path, tmp_path: Path) -> None:
    """In the browser's DOM: the 21 numbered sections, and the chart as SVG with a box per step."""
    root = rendered_dom(guide_page, tmp_path)
    headings = root.xpath("//section/h2/text()")
    assert headings[0] == "一、适用范围"
    assert headings[10] == "十一、办理基本流程"
    assert len(headings) == 22
    boxes = root.xpath("//section[@data-section='办理基本流程']//svg//g[@class='step']")
    assert [box.get("data-step") for box in boxes] == ["受理", "审查", "决定", "送达"]


def test_chromium_shows_the_brief_guide_and_the_review_detail(tmp_path: Path) -> None:
    """The 简版 shows its notice; the review detail shows its chart."""
    brief = tmp_path / "brief.html"
    brief.write_text(render.render(examples.load("service-guide"), brief=True), encoding="utf-8")
    assert len(rendered_dom(brief, tmp_path).xpath("//div[@class='notice']")) == 2
    assert ink(screenshot(brief, tmp_path)) > 0.02
    review = tmp_path / "review.html"
    review.write_text(render.render(examples.load("review-detail")), encoding="utf-8")
    assert pixels_near(screenshot(review, tmp_path), render.BOX_FILL) > 4 * 360 * 30


def test_chromium_shows_the_docs_index(tmp_path: Path) -> None:
    """The docs site's index is not blank and links every kind's page from its navigation."""
    publish.write(tmp_path / "site", "html")
    index = tmp_path / "site" / "index.html"
    assert ink(screenshot(index, tmp_path)) > 0.05
    root = rendered_dom(index, tmp_path)
    navigation = root.xpath("//nav//a/@href")
    assert "kinds/power-list.html" in navigation
    assert "coding-rule.html" in navigation
    assert root.xpath("//main//table//a[@href='kinds/service-guide.html']")


def printed_pages(page: Path, tmp_path: Path) -> list[str]:
    """The text of each page Chromium prints ``page`` to (A4, the page's own margins)."""
    target = tmp_path / f"{page.stem}.pdf"
    _browse(page, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={target}")
    return [printed.extract_text() for printed in PdfReader(target).pages]


@pytest.mark.parametrize(
    ("kind", "brief"),
    [("service-guide", False), ("service-guide", True), ("review-detail", False)],
    ids=["guide", "brief", "review"],
)
def test_chromium_prints_numbered_pages_without_a_stray_last_page(
    kind: str, brief: bool, tmp_path: Path
) -> None:
    """Printed: every page says 第 n 页，共 N 页; the 简版 is one page; the last page of any
    document carries content, not only the closing note."""
    page = tmp_path / f"{kind}{'-brief' if brief else ''}.html"
    page.write_text(render.render(examples.load(kind), brief=brief), encoding="utf-8")
    pages = printed_pages(page, tmp_path)
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"第\s*{number}\s*页，共\s*{len(pages)}\s*页", text), (number, text[:80])
    if brief:
        assert len(pages) == 1
    last = re.sub(r"第\s*\d+\s*页，共\s*\d+\s*页|由 banzhang .*生成。", "", pages[-1])
    assert len(last.strip()) > 40, pages[-1]

"""The .docx package check: what would crash or swamp python-docx is refused first, and the
text its walk cannot see (content controls, text boxes, tracked insertions…) is a finding."""

from __future__ import annotations

import io

import pytest
from docx import Document

from banzhang import examples
from banzhang.errors import UnreadableInput
from banzhang.formats import docx
from banzhang.formats.docx._package import MOST_COLUMNS, check_package
from tests.hostile import _patched, _span, at_body_end, corpus

_FEE = "另收取加急费 500 元"


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    return corpus()


def _last() -> int:
    """How many paragraphs the bundled guide's body has (the hidden texts go after them)."""
    return len(Document(io.BytesIO(_guide())).paragraphs)


def _guide(kind: str = "service-guide") -> bytes:
    buffer = io.BytesIO()
    docx.dump(examples.load(kind), buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["service-guide", "review-detail"])
def test_banzhang_s_own_documents_pass_with_nothing_unseen(kind: str) -> None:
    """No false alarm: every text of the documents banzhang writes is read by the walk."""
    assert check_package(_guide(kind), "x.docx") == []


def test_spans_within_a_word_table_are_read() -> None:
    """A cell spanning two columns, and the most a Word table has, are no reason to refuse."""
    for span in (b"2", str(MOST_COLUMNS).encode()):
        guide = _patched(_guide(), "word/document.xml", _span(span))
        assert check_package(guide, "x.docx") == []


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("grid-span-two-billion.docx", "表格 1 第 1 行有一个单元格声称横跨 2000000000 列"),
        ("grid-span-letters.docx", "跨列数“abc”不是数字"),
        ("ratio-bomb.docx", "word/media/zeros.bin 解压后 31457280 字节"),
        ("dtd-behind-long-comment.docx", "word/document.xml 含有 DTD"),
        ("zip-bad-crc.docx", "部件 word/document.xml 的校验值不符"),
        ("zip-bad-data.docx", "压缩数据已损坏"),
        ("zip-header-name.docx", "压缩数据已损坏"),
        ("zip-compression-method.docx", "压缩数据已损坏"),
    ],
)
def test_what_would_crash_or_swamp_python_docx_is_refused(
    hostile: dict[str, bytes], name: str, said: str
) -> None:
    with pytest.raises(UnreadableInput) as caught:
        docx.load_data(io.BytesIO(hostile[name]))
    assert said in str(caught.value)


def test_a_long_vertical_merge_is_refused_before_python_docx_recurses() -> None:
    """python-docx follows a merged cell up through every row, once per row: 600 rows deep."""
    row = b"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"

    def merged(text: bytes) -> bytes:
        return text.replace(b"</w:tr>", b"</w:tr>" + row * 600, 1)

    with pytest.raises(UnreadableInput, match="纵向连续合并了超过 500 行"):
        check_package(_patched(_guide(), "word/document.xml", merged), "x.docx")


@pytest.mark.parametrize(
    ("name", "place", "holder"),
    [
        ("unseen-content-control.docx", "之后", "内容控件"),
        ("unseen-custom-xml.docx", "之后", "自定义 XML 块"),
        ("unseen-tracked-insertion.docx", "", "修订（尚未接受的插入）"),
        ("unseen-text-box.docx", "", "文本框"),
    ],
)
def test_text_the_walk_cannot_see_is_a_finding_at_its_place(
    hostile: dict[str, bytes], name: str, place: str, holder: str
) -> None:
    # After the last paragraph, or a paragraph of its own after it.
    place = f"第 {_last()} 段之后" if place else f"第 {_last() + 1} 段"
    findings = list(docx.iter_findings(io.BytesIO(hostile[name])))
    unseen = [f for f in findings if f.rule == "docx.unread-content"]
    assert [(f.source, f.value) for f in unseen] == [(place, _FEE)]
    assert unseen[0].message.startswith(f"{holder}中的“{_FEE}”未读入")


def test_an_embedded_document_is_a_finding(hostile: dict[str, bytes]) -> None:
    findings = list(docx.iter_findings(io.BytesIO(hostile["unseen-alt-chunk.docx"])))
    unseen = [f for f in findings if f.rule == "docx.unread-content"]
    assert [(f.source, f.message) for f in unseen] == [
        (
            f"第 {_last()} 段之后",
            "文档嵌入了外部文档（altChunk），其内容未读入；请把它的内容粘贴为正文",
        )
    ]


def test_a_text_box_is_noted_once_though_saved_twice() -> None:
    """Word saves a text box twice (a drawing, and a VML copy for older programs): one note."""
    box = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f"<w:p><w:r><w:t>{_FEE}</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent>"
        f"<w:p><w:r><w:t>{_FEE}</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    ).encode()
    guide = _patched(_guide(), "word/document.xml", lambda text: at_body_end(text, box))
    notes = check_package(guide, "x.docx")
    assert [(n.holder, n.text) for n in notes] == [("文本框", _FEE)]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (  # a content control inside a table cell
            (b"</w:tc>", (b"<w:sdt><w:sdtContent><w:p><w:r><w:t>x</w:t></w:r></w:p>"
             b"</w:sdtContent></w:sdt></w:tc>")),
            ("表格 1 第 1 行", "内容控件", "x"),
        ),
        (  # a table inside a table cell: python-docx gives a cell's own paragraphs only
            (b"</w:tc>", (b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"
             b"</w:tbl><w:p/></w:tc>")),
            ("表格 1 第 1 行", "表格中的嵌套表格", "x"),
        ),
        (  # a smart tag beside a hyperlink, whose text python-docx does give
            (b"<w:sectPr", (b'<w:p><w:smartTag w:uri="u" w:element="e"><w:r><w:t>x</w:t></w:r>'
             b"</w:smartTag><w:hyperlink><w:r><w:t>y</w:t></w:r></w:hyperlink></w:p><w:sectPr")),
            ("", "智能标记", "x"),
        ),
    ],
)  # fmt: skip
def test_unseen_text_inside_tables_and_paragraphs_is_placed(
    block: tuple[bytes, bytes], expected: tuple[str, str, str]
) -> None:
    before, after = block
    if before == b"<w:sectPr":  # a paragraph of its own, last in the body

        def change(text: bytes) -> bytes:
            return at_body_end(text, after.removesuffix(b"<w:sectPr"))

    else:

        def change(text: bytes) -> bytes:
            return text.replace(before, after, 1)

    place, holder, text = expected
    expected = (place or f"第 {_last() + 1} 段", holder, text)
    guide = _patched(_guide(), "word/document.xml", change)
    assert [(n.place, n.holder, n.text) for n in check_package(guide, "x.docx")] == [expected]

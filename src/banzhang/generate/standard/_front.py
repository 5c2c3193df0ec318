"""The front matter of a draft: 封面, 目次 and 前言, as lines like the rest of the standard.

The cover follows GB/T 1.1-2020's layout for a local standard's 征求意见稿; what only the
standards office can know (the number, ICS and CCS, 备案号, the dates, who proposes and drafts)
is left as a placeholder or a fill-in field (``〔请填写…〕``), never guessed.
"""

from __future__ import annotations

from banzhang.generate.standard._model import Line, Standard, layout

__all__ = [
    "DESIGNATION",
    "DRAFTED_PER_GB_T_1_1",
    "FILL_IN",
    "ISSUER",
    "STAGE",
    "document_lines",
    "toc_entries",
]

#: The 前言's first sentence, GB/T 1.1-2020's own wording.
DRAFTED_PER_GB_T_1_1 = (
    "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"
)

DESIGNATION = "DB15/T ××××—YYYY"
ISSUER = "内蒙古自治区市场监督管理局"
STAGE = "（征求意见稿）"
#: The fill-in fields of the 前言: their prompts, as Word shows them until replaced.
FILL_IN = ("〔请填写提出单位〕", "〔请填写归口单位〕", "〔请填写起草单位〕", "〔请填写主要起草人〕")
_PATENT_NOTICE = "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"


def document_lines(standard: Standard) -> list[Line]:
    """Return every line of the draft, cover to 参考文献, in print order."""
    body = layout(standard)
    return [
        *_cover(standard),
        *_toc(body),
        *_foreword(standard),
        Line("title", standard.title),
        *body,
    ]


def _cover(standard: Standard) -> list[Line]:
    return [
        Line("cover-class", "ICS ××.×××"),
        Line("cover-class", "CCS ×××"),
        Line("cover-mark", "DB15"),
        Line("cover-name", "内蒙古自治区地方标准"),
        Line("cover-designation", DESIGNATION),
        Line("cover-filing", "备案号：×××××—YYYY"),
        Line("cover-title", standard.title),
        Line("cover-stage", STAGE),
        Line("cover-patent", _PATENT_NOTICE),
        Line("cover-dates", "××××-××-××发布\t××××-××-××实施"),
        Line("cover-issuer", f"{ISSUER}　发布"),
    ]


def toc_entries(body: list[Line]) -> list[Line]:
    """Return what the 目次 lists: 前言, each chapter, each annex, 参考文献."""
    entries = [Line("toc", "前言", 1)]
    for line in body:
        if line.role in ("chapter", "bibliography-title"):
            entries.append(Line("toc", line.text, 1))
        elif line.role == "annex":
            entries.append(Line("toc", line.text.replace("\n", ""), 1))
    return entries


def _toc(body: list[Line]) -> list[Line]:
    return [Line("toc-title", "目次"), *toc_entries(body)]


def _foreword(standard: Standard) -> list[Line]:
    proposer, owner, drafter, people = FILL_IN
    texts = [
        DRAFTED_PER_GB_T_1_1,
        *standard.introduction,
        "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。",
        f"本文件由{proposer}提出。",
        f"本文件由{owner}归口。",
        f"本文件起草单位：{drafter}。",
        f"本文件主要起草人：{people}。",
    ]
    return [Line("foreword-title", "前言", 1), *(Line("foreword", t) for t in texts)]

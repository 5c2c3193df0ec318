"""The 编制说明 of a draft: the ten usual headings, two of them filled in from the declarations.

banzhang knows what the draft says and where each part comes from, so it writes 编制依据 and
主要技术内容及确定依据 (and the relation to the laws and standards the draft cites); what only
the drafting group knows — the task, the process, the disagreements — is left as a marked
prompt (``〔请填写：…〕``) for them to replace.
"""

from __future__ import annotations

from banzhang.generate.standard._docx import docx_bytes
from banzhang.generate.standard._front import DRAFTED_PER_GB_T_1_1
from banzhang.generate.standard._model import Line, Standard, Table, layout
from banzhang.generate.standard._versions import differences, earlier_snapshot, snapshot
from banzhang.generate.standard._words import source_words

__all__ = ["HEADINGS", "explanation_bytes", "explanation_lines"]

#: The ten headings, each with what banzhang writes under it (``None``: a prompt).
HEADINGS = (
    ("任务来源", "〔请填写：立项文件名称、文号和计划编号；起草单位和协作单位。〕"),
    ("编制目的和意义", "〔请填写：本文件要解决的问题和制定的必要性。〕"),
    ("编制过程", "〔请填写：起草组成立、调研、征求意见、专家论证等各阶段的时间和工作。〕"),
    ("编制原则和编制依据", None),
    ("主要技术内容及确定依据", None),
    ("与现行法律法规和标准的关系", None),
    ("与原版本的差异", None),
    (
        "重大分歧意见的处理经过和依据",
        "〔请填写：征求意见中的重大分歧及处理结果；没有的，写明“无”。〕",
    ),
    ("贯彻实施的建议", "〔请填写：宣贯培训、过渡期和实施监督的安排。〕"),
    ("预期效益", "〔请填写：实施后在规范事项管理、提高审批效率等方面的预期效益。〕"),
)
_NUMERALS = "一二三四五六七八九十"


def explanation_lines(standard: Standard) -> list[Line]:
    """Return the 编制说明 of ``standard`` as lines."""
    lines = [Line("title", f"《{standard.title}》（征求意见稿）编制说明")]
    for numeral, (heading, prompt) in zip(_NUMERALS, HEADINGS, strict=True):
        lines.append(Line("chapter", f"{numeral}、{heading}", 1))
        if prompt is not None:
            lines.append(Line("paragraph", prompt))
        else:
            lines += _filled(heading, standard)
    return lines


def _filled(heading: str, standard: Standard) -> list[Line]:
    if heading == "编制原则和编制依据":
        return _grounds(standard)
    if heading == "主要技术内容及确定依据":
        return _content(standard)
    if heading == "与原版本的差异":
        return _differences(standard)
    listed = "、".join(r.text for r in standard.normative_references)
    return [
        Line("paragraph", f"本文件规范性引用了{listed}。"),
        Line("paragraph", "本文件各项要求的法律法规和政策依据见第五部分的确定依据表。"),
    ]


_NO_EARLIER = (
    "〔请填写：本文件为首次制定的，写明“本文件为首次制定”；修订的，列出与上一版本的差异。〕"
)


def _differences(standard: Standard) -> list[Line]:
    """The changes in the draft's elements since the last spec version, when one is kept."""
    earlier = earlier_snapshot()
    if earlier is None or not standard.kinds:
        return [Line("paragraph", _NO_EARLIER)]
    version, old = earlier
    found = [d for kind in standard.kinds for d in differences(old, snapshot(), kind)]
    if not found:
        return [Line("paragraph", f"与规范 {version} 版相比，本文件所列要素没有变化。")]
    texts = [f"——{change}；" for change in found]
    texts[-1] = texts[-1].removesuffix("；") + "。"
    lead = f"与规范 {version} 版相比，本文件所列要素有下列变化："
    return [Line("paragraph", text) for text in (lead, *texts)]


def _grounds(standard: Standard) -> list[Line]:
    grounds = [r.text for r in standard.normative_references] + list(standard.bibliography)
    texts = [DRAFTED_PER_GB_T_1_1, "编制依据如下：", *(f"——{entry}；" for entry in grounds)]
    texts[-1] = texts[-1].removesuffix("；") + "。"
    return [Line("paragraph", text) for text in texts]


def _content(standard: Standard) -> list[Line]:
    chapters = [line.text for line in layout(standard) if line.role in ("chapter", "annex")]
    lines = [
        Line(
            "paragraph",
            "本文件包括以下内容：" + "；".join(c.replace("\n", "") for c in chapters) + "。",
        )
    ]
    lines.append(Line("paragraph", "各项内容的确定依据见下表。"))
    rows = tuple((what, source_words(source)) for what, source in dict.fromkeys(standard.basis))
    table = Table("basis", "主要技术内容的确定依据", ("内容", "确定依据"), rows, (35, 65))
    return [*lines, Line("table-title", "主要技术内容的确定依据"), Line("table", "", table=table)]


def explanation_bytes(standard: Standard) -> bytes:
    """Return the 编制说明 of ``standard`` as a .docx."""
    return docx_bytes(explanation_lines(standard), f"《{standard.title}》编制说明")

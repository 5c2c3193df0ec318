"""The writing norms read as a reviewer reads them: messages a department can act on, the
register of repealed laws, and readings of real drafting (places, steps, fees, periods)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from banzhang import examples
from banzhang.errors import UnreadableInput
from banzhang.validation import Finding, iter_findings
from banzhang.validation import repealed as repealed_laws
from banzhang.validation._places import is_nearby
from banzhang.validation._rules_acceptance import issued_copies_shared
from banzhang.validation._rules_codes import ListContext
from banzhang.validation._rules_fees import is_free, is_vague
from banzhang.validation._rules_notices import _one_time_problem
from banzhang.validation._rules_process import node_kind
from banzhang.validation._rules_seeds import no_catch_all
from tests.conftest import fixture_files, read_json

INVALID = fixture_files("invalid")
FIXTURES = Path(__file__).parent / "fixtures"
#: What a regular expression looks like inside a message: anchors, classes, groups, escapes.
_REGEX = re.compile(r"\^|\$(?![.\[])|\[\^|\\[dswp]|\(\?|\.\*|\{\d+,?\d*\}|\[[0-9A-Za-z]-|\|")
#: A numeral and its unit apart (``10 日``): official style writes ``10日``, ``25个工作日``.
_SPACED_UNIT = re.compile(r"[0-9] +(?:个|日|天|月|年|次|份|条|项|小时|工作日|元)")


def _findings(path: Path) -> list[Finding]:
    """The findings of a fixture; none for the ones that are unreadable on purpose."""
    try:
        return list(iter_findings(read_json(path)))
    except UnreadableInput:
        return []


def _messages() -> list[tuple[str, str]]:
    return [(f"{p.parts[-3]}/{p.name}", f.message) for p in INVALID for f in _findings(p)]


MESSAGES = _messages()


def _quote_depth(message: str) -> int:
    depth = deepest = 0
    for char in message:
        depth += {"“": 1, "”": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_no_message_shows_a_regular_expression() -> None:
    """A department cannot act on a pattern: every message says what to write in words."""
    assert [(where, m) for where, m in MESSAGES if _REGEX.search(m)] == []


def test_no_message_shows_a_python_repr() -> None:
    """Values are quoted as Chinese text quotes them, never as Python writes a string."""
    assert [(where, m) for where, m in MESSAGES if re.search(r"'[^']*'", m)] == []


def test_numbers_stand_next_to_their_units() -> None:
    """Official number style: 25个工作日, 4小时, 1次 — no space between numeral and unit."""
    assert [(where, m) for where, m in MESSAGES if _SPACED_UNIT.search(m)] == []


def test_quotes_nest_as_chinese_text_nests_them() -> None:
    """A quotation inside a quotation takes ‘…’: double quotes never open twice."""
    assert [(where, m) for where, m in MESSAGES if _quote_depth(m) > 1] == []


def test_one_cause_is_reported_once() -> None:
    """No fixture yields the same message twice at the same place."""
    for path in INVALID:
        keys = [(f.path, f.message) for f in _findings(path)]
        assert len(keys) == len(set(keys)), path.name


def test_a_period_is_quoted_as_the_document_wrote_it() -> None:
    """7个工作日 stays 7个工作日; 6个月 written for 复议 is attributed to 复议, not to 诉讼."""
    notice = FIXTURES / "service-guide/invalid/notice-seven-days-applicant-thirty.json"
    (found,) = iter_findings(read_json(notice))
    assert "“7个工作日”" in found.message
    assert "30" not in found.message
    swapped = FIXTURES / "service-guide/invalid/refusal-periods-swapped.json"
    (found,) = iter_findings(read_json(swapped))
    assert "行政复议的期限写为“6个月”" in found.message
    assert "行政诉讼的期限写为“60日”" in found.message


def test_a_repealed_basis_names_its_successor() -> None:
    """basis.repealed says which law replaced the one cited, and since when."""
    path = FIXTURES / "service-guide/invalid/basis-repealed-law.json"
    (found,) = iter_findings(read_json(path))
    assert "《中华人民共和国医师法》" in found.message
    assert "2022年3月1日" in found.message


def test_every_repealed_law_is_dated_and_sourced() -> None:
    """Each entry of the register has a successor not itself repealed, a date and a source."""
    entries = repealed_laws.register()
    assert entries
    datetime.date.fromisoformat(repealed_laws.updated())
    for entry in entries:
        assert entry.title.startswith("《")
        assert entry.successor.startswith("《")
        assert datetime.date.fromisoformat(entry.since) <= datetime.date(2026, 12, 31)
        assert re.search(r"第.+条", entry.source), entry.title
        assert repealed_laws.lookup(entry.successor) is None, entry.successor


@pytest.mark.parametrize(
    "place",
    [
        "新华街道办事处便民服务大厅",
        "萨拉齐镇人民政府便民服务中心",
        "巴彦花苏木综合便民服务站",
        "阿拉坦嘎查党群服务中心",
        "富强路社区党群服务中心",
        "少先路街道便民服务中心（昆都仑区少先路25号）",
        "便民服务中心（新华街道）",
    ],
)
def test_township_and_village_places_are_nearby(place: str) -> None:
    """Every way real lists name a 苏木乡镇（街道） or 嘎查村（社区） hall is 就近办."""
    assert is_nearby(place)


@pytest.mark.parametrize(
    "place",
    ["达拉特旗政务服务中心（树林召镇平原大街）", "包头市政务服务大厅", "昆都仑区政务服务中心"],
)
def test_banner_and_higher_centres_are_not_nearby(place: str) -> None:
    """A 旗县 or higher centre is not 就近办, whatever its address in brackets says."""
    assert not is_nearby(place)


@pytest.mark.parametrize(
    ("name", "stage", "kind"),
    [
        ("集体讨论", None, "decision"),
        ("局务会审议", None, "decision"),
        ("会审", None, "decision"),
        ("复核", "审查", "decision"),
        ("现场勘验", "审查", "related"),
        ("检验检测", None, "related"),
        ("申请", None, "other"),
        ("制证", "决定", "other"),
        ("送达", None, "other"),
        ("归档", None, "other"),
    ],
)
def test_a_step_is_read_for_what_it_is(name: str, stage: str | None, kind: str) -> None:
    """Internal decision nodes, 审批关联业务 and the applicant's or delivery's steps."""
    assert node_kind(name, stage) == kind


@pytest.mark.parametrize("standard", ["不收费", "免费", "无", "本事项不收取任何费用"])
def test_a_standard_may_say_there_is_no_fee(standard: str) -> None:
    """不收费, 免费, 无 and 本事项不收取任何费用 agree with 是否收费：否."""
    assert is_free(standard)
    assert not is_vague(standard)


@pytest.mark.parametrize(
    ("standard", "vague"),
    [
        ("按国家和自治区有关规定收取", True),
        ("按照相关规定执行", True),
        ("住宅类不动产登记每件80元", False),
        ("按发改价格规〔2016〕2559号规定的标准收取", False),
        ("实行市场调节价", False),
    ],
)
def test_a_standard_states_amounts_or_its_document(standard: str, *, vague: bool) -> None:
    """A standard that only points at the rules is no standard (SPEC §4)."""
    assert is_vague(standard) is vague


def test_a_bracketed_note_does_not_change_what_a_step_is() -> None:
    """审查（含现场核查） is the 审查 node; its note says what it includes."""
    assert node_kind("审查（含现场核查）", None) == "decision"


@pytest.mark.parametrize(
    ("name", "catch_all"),
    [
        ("法律法规规定的其他材料（如有）", True),
        ("其他需要提交的材料", True),
        ("其他法律、法规规定的材料", True),
        ("其他行政区域出具的检验报告材料", False),
        ("审批机关要求提供的其他申请材料", True),
        ("其他股东的身份证明材料", False),
        ("营业执照（副本）", False),
    ],
)
def test_catch_all_materials_are_read_by_their_structure(name: str, *, catch_all: bool) -> None:
    """A name naming nothing but who may ask for it is a catch-all; a named thing is not."""
    data = {"materials": [{"name": name}]}
    found = no_catch_all(data, "$", ListContext())
    assert bool(found) is catch_all


def test_a_ground_naming_only_the_law_is_a_catch_all() -> None:
    """其他不符合法律法规规定的情形 names no ground: a catch-all, like 其他依法不予受理的情形."""
    data = {"refusal_grounds": ["申请人不具备法定条件的", "其他不符合法律法规规定的情形"]}
    found = no_catch_all(data, "$", ListContext())
    assert [f.path for f in found] == ["$.refusal_grounds[1]"]


def test_a_sentence_about_the_notice_form_needs_no_period_of_its_own() -> None:
    """One sentence setting 当场或五日内 is the promise; another naming the 一次性告知书 is not
    a second promise without a period."""
    text = (
        "申请材料不齐全的，当场或者在五日内一次性告知申请人需要补正的全部内容。"
        "申请人按照一次性告知书的要求补正材料后，予以受理。"
    )
    assert _one_time_problem(text) is None


@pytest.mark.parametrize(
    "remedies",
    [
        "对不予许可决定不服的，可以在收到决定书之日起六十日内申请复议，或者在六个月内向人民法院起诉。",
        (
            "申请人对行政许可决定不服的，可以自收到决定书之日起60日内向包头市人民政府申请行政复议；"
            "对复议决定不服的，可以在收到复议决定书之日起15日内向人民法院起诉。"
        ),
    ],
)
def test_remedies_in_other_words_pass(remedies: str) -> None:
    """申请复议 and 向人民法院起诉 name the two routes; 15日 after a 复议决定 is lawful."""
    data = examples.load_data("service-guide")
    data["remedies"] = remedies
    assert [f.rule for f in iter_findings(data)] == []


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("non_acceptance_notice", "不予受理的，出具《不予受理决定书》，说明理由和依据"),
        ("fee_standard", "0元"),
    ],
)
def test_other_words_for_the_same_thing_pass(key: str, text: str) -> None:
    """A 不予受理决定书 is the notice; a standard of 0元 says there is no fee."""
    data = examples.load_data("service-guide")
    data[key] = text
    assert [f.rule for f in iter_findings(data)] == []


def test_an_immediate_notice_is_on_the_spot() -> None:
    """即时一次性告知 promises the notice 当场."""
    assert _one_time_problem("材料不齐全的，窗口即时一次性告知申请人需要补正的全部内容。") is None


def test_a_licences_review_may_be_called_by_another_name() -> None:
    """受理、审核、审批 responsibilities cover 受理、审查、决定."""
    data = examples.load_data("power-list")
    data["items"][0]["responsibilities"] = [
        {"content": "1.受理责任：依法受理。2.审核责任：审核申请材料。3.审批责任：作出审批决定。"}
    ]
    assert [f.rule for f in iter_findings(data)] == []


def test_a_method_is_named_as_the_document_wrote_it() -> None:
    """现场勘验 is shown as written, with the codelist's 实地核查 beside it."""
    path = FIXTURES / "review-detail/invalid/two-inspectors-site-survey.json"
    (found,) = iter_findings(read_json(path))
    assert "采用现场勘验（实地核查）" in found.message


def test_a_code_fault_says_in_words_what_the_segment_admits() -> None:
    """A malformed 子项码 is explained as “00Y”或3位数字, never as its pattern."""
    path = FIXTURES / "service-guide/invalid/code-format.json"
    (found,) = iter_findings(read_json(path))
    assert "应为“00Y”或3位数字" in found.message
    assert "[0-9]" not in found.message


@pytest.mark.parametrize(
    "text",
    [
        # http://code.fabao365.com/law_338354_10.html
        (
            "申请人申报的材料不齐全或者不符合法定形式的，行政机关应当在收到申报材料之日起五日内"
            "一次性明确告知申请人需要补正的全部内容。"
        ),
        # http://www.fymate.net/html/text/lar/169998/16999832_2.html
        "经办人难以一次性准确、全面告知的，应当在五个工作日内一次告知申请人需要补正的全部内容。",
    ],
)
def test_published_notice_wordings_pass(text: str) -> None:
    """一次性明确告知 and 一次告知 within 五日 are the promise of art. 32."""
    assert _one_time_problem(text) is None


def test_a_non_acceptance_slip_is_the_notice() -> None:
    """《行政许可不予受理单》 is how some rules name the notice (fymate.net, 第十五条)."""
    data = examples.load_data("service-guide")
    data["non_acceptance_notice"] = (
        "不予受理的，出具加盖本机关专用印章和注明日期的《行政许可不予受理单》，说明理由"
    )
    assert [f.rule for f in iter_findings(data)] == []


def test_a_quotation_inside_a_quotation_takes_single_quotes() -> None:
    """A document's own quotes inside a message's quotes become ‘…’."""
    data = examples.load_data("service-mode-list")
    data["items"][1]["nearby_locations"] = ["包头市“一站式”政务服务大厅"]
    (found,) = iter_findings(data)
    assert "“包头市‘一站式’政务服务大厅”" in found.message


@pytest.mark.parametrize(
    ("name", "issued"),
    [
        ("法定代表人身份证复印件", True),
        ("营业执照副本复印件", True),
        ("原食品经营许可证复印件", True),
        ("专业技术人员资格证明文件复印件", False),
        ("单位出具的身份证明复印件", False),
    ],
)
def test_a_certificate_is_told_from_a_proof(name: str, *, issued: bool) -> None:
    """A 证 a government body issues is shareable; a 证明 anyone may write is not."""
    data = {"materials": [{"name": name, "forms": ["复印件"], "copies": 1}]}
    assert bool(issued_copies_shared(data, "$", ListContext())) is issued

"""The checks that keep calamine's Rust reader from aborting the process, and .ods from
spreading into gigabytes, each on the hostile file and on a real workbook it must let through."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from banzhang import examples
from banzhang.errors import UnreadableInput
from banzhang.formats import csv as csv_format
from banzhang.formats import excel, spreadsheet
from banzhang.formats.excel import Limits
from banzhang.formats.sheets import _probe
from banzhang.formats.sheets._biff import check_workbook_stream, workbook_stream
from banzhang.formats.sheets._ods import check_repeats, estimate
from banzhang.formats.sheets._safety import inspect_package
from tests.hostile import corpus

_WORKBOOKS = "tests/fixtures/workbooks"


@pytest.fixture(scope="module")
def hostile() -> dict[str, bytes]:
    return corpus()


def _refusal(call: object, *args: object) -> str:
    with pytest.raises(UnreadableInput) as caught:
        call(*args)  # type: ignore[operator]
    return str(caught.value)


def test_a_real_xls_stream_is_found_and_passes() -> None:
    """department.xls keeps its workbook in the mini stream (under 4 KB sectors): found whole."""
    for name in ("department.xls", "control-character.xls"):
        with open(f"{_WORKBOOKS}/{name}", "rb") as handle:
            stream = workbook_stream(handle.read(), name)
        assert stream[:2] == b"\x09\x08"  # the BOF record opens every BIFF8 workbook stream
        check_workbook_stream(stream, name)


@pytest.mark.parametrize(
    ("name", "claim"),
    [
        ("dimension-four-billion-rows.xls", "第 1 至 4294967295 行"),
        ("dimension-inverted.xls", "第 101 至 2 行"),
    ],
)
def test_an_impossible_xls_dimension_is_refused(
    hostile: dict[str, bytes], name: str, claim: str
) -> None:
    message = _refusal(spreadsheet.load_data, io.BytesIO(hostile[name]))
    assert claim in message
    assert "超出 .xls 工作表的范围" in message


def test_a_broken_compound_file_is_refused_before_calamine(hostile: dict[str, bytes]) -> None:
    message = _refusal(workbook_stream, hostile["compound-file-broken.xls"], "x.xls")
    assert "复合文档结构已损坏" in message


def test_libreoffice_s_repeated_empty_rows_cost_nothing() -> None:
    """LibreOffice repeats an empty row down to row 1,048,576 and an empty cell to column
    16,384 in every sheet: the estimate counts only what calamine spreads."""
    with zipfile.ZipFile(f"{_WORKBOOKS}/department.ods") as package:
        content = package.read("content.xml")
    assert b'number-rows-repeated="1048567"' in content
    assert estimate(iter([content])) < 64 * 1024
    # Cut into slices that split tags, the estimate is the same.
    assert estimate(iter(content[at : at + 97] for at in range(0, len(content), 97))) == estimate(
        iter([content])
    )


@pytest.mark.parametrize(
    "name", ["row-repeated-a-million-times.ods", "cell-repeated-16000-times.ods"]
)
def test_repeats_that_spread_past_the_memory_limit_are_refused(
    hostile: dict[str, bytes], name: str
) -> None:
    message = _refusal(check_repeats, hostile[name], name, Limits())
    assert "展开后约需" in message
    assert "超过上限 640 MB" in message


def test_a_shared_string_count_no_table_could_hold_is_refused(hostile: dict[str, bytes]) -> None:
    name = "shared-strings-claim-two-billion.xlsx"
    message = _refusal(inspect_package, io.BytesIO(hostile[name]), name, Limits())
    assert "声称有 2000000000 项" in message


@pytest.mark.parametrize(
    "name", ["column-of-31-letters.xlsx", "column-past-xfd.xlsx", "lower-case-far-corner.xlsx"]
)
def test_references_past_xfd_or_in_lower_case_keep_calamine_away(
    hostile: dict[str, bytes], name: str
) -> None:
    """A column past XFD, or a lower-case reference to the far corner, is never read whole."""
    assert not inspect_package(io.BytesIO(hostile[name]), name, Limits()).plain


@pytest.mark.parametrize("index", ["minus-one", "letters", "fraction", "1e23"])
def test_a_shared_string_index_that_is_no_index_is_refused(
    hostile: dict[str, bytes], index: str
) -> None:
    """calamine would read each as the table's first entry; the streaming reader refuses."""
    name = f"shared-string-index-{index}.xlsx"
    assert not inspect_package(io.BytesIO(hostile[name]), name, Limits()).plain
    message = _refusal(excel.load_data, io.BytesIO(hostile[name]))
    assert "共享字符串" in message or "XML 无法读取" in message


def test_an_empty_shared_string_value_is_an_empty_cell(hostile: dict[str, bytes]) -> None:
    """``<c t="s"><v></v></c>`` on the streaming path reads as an empty cell, not a crash: the
    row holds nothing else (its formula has no value), so no item is read from it."""
    data = excel.load_data(io.BytesIO(hostile["empty-shared-string-value.xlsx"]))
    assert data["items"] == []


def test_control_characters_in_a_csv_are_kept_as_written(tmp_path: Path) -> None:
    """NUL and other controls reach the data as written (openpyxl refused them: a traceback)."""
    path = tmp_path / "权责清单.csv"
    path.write_bytes("序号,事项名称,基本编码\n1,食品\x00生产\x01许可_x0041_,1\n".encode())
    assert csv_format.load_data(path)["items"][0]["name"] == "食品\x00生产\x01许可_x0041_"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("blank-lines.csv", "从第 2 行起有超过 10000 个连续空行"),
        ("wider-than-a-sheet.csv", "第 1 行有 20000 列，超过工作表的上限 16384 列"),
    ],
)
def test_a_csv_no_sheet_could_hold_is_refused_at_once(
    hostile: dict[str, bytes], name: str, said: str
) -> None:
    message = _refusal(csv_format.load_data, io.BytesIO(hostile[name]))
    assert said in message


def test_blank_rows_at_the_end_of_a_csv_cost_nothing(tmp_path: Path) -> None:
    path = tmp_path / "权责清单.csv"
    path.write_bytes("序号,事项名称,基本编码\n1,食品生产许可,1\n".encode() + b",,\n" * 300_000)
    assert [item["name"] for item in csv_format.load_data(path)["items"]] == ["食品生产许可"]


def test_an_xls_cell_past_column_iv_is_refused(hostile: dict[str, bytes]) -> None:
    """calamine reads a cell at column 53,506; no column letters name it (ValueError before)."""
    message = _refusal(spreadsheet.load_data, io.BytesIO(hostile["cell-past-column-iv.xls"]))
    assert "位于第 53506 列，超出 .xls 工作表的 256 列" in message


def test_a_member_name_that_is_not_the_utf8_it_claims_is_refused(
    hostile: dict[str, bytes],
) -> None:
    message = _refusal(excel.load_data, io.BytesIO(hostile["member-name-not-utf8.xlsx"]))
    assert "部件的名称不是它声明的 UTF-8 编码" in message


def test_a_sheet_said_to_start_past_the_stream_is_refused(hostile: dict[str, bytes]) -> None:
    """calamine slices the stream at the sheet's offset: a panic, its message on stderr."""
    message = _refusal(spreadsheet.load_data, io.BytesIO(hostile["sheet-past-the-stream.xls"]))
    assert "工作表位置 2147483647 超出了工作簿数据流（3652 字节）" in message


def test_a_header_claiming_more_fat_than_the_file_holds_is_refused(
    hostile: dict[str, bytes],
) -> None:
    message = _refusal(
        spreadsheet.load_data, io.BytesIO(hostile["fat-of-four-billion-sectors.xls"])
    )
    assert "FAT 声称有 4294967295 个扇区" in message


@pytest.mark.parametrize("kind", ["power-list", "service-guide"])
def test_banzhang_s_own_workbooks_stay_plain(kind: str) -> None:
    """The checks added to the scan keep the fast whole read for real workbooks: the
    relationships namespace (``xmlns:r="http…``) is no reference of four letters."""
    buffer = io.BytesIO()
    excel.dump(examples.load(kind), buffer)
    assert inspect_package(io.BytesIO(buffer.getvalue()), "x.xlsx", Limits()).plain


def test_a_department_workbook_stays_plain() -> None:
    with open(f"{_WORKBOOKS}/department.xlsx", "rb") as handle:
        assert inspect_package(io.BytesIO(handle.read()), "department.xlsx", Limits()).plain


def test_a_panic_is_met_by_the_child_process(hostile: dict[str, bytes]) -> None:
    """calamine panics on a merged-cells record shorter than it says; in this process it would
    print the panic on stderr first (test_hostile checks nothing is printed there)."""
    message = _refusal(spreadsheet.load_data, io.BytesIO(hostile["merged-cells-cut-short.xls"]))
    assert "不是可读的工作簿：表格读取程序无法解析" in message


def test_a_child_that_dies_or_hangs_refuses_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    with open(f"{_WORKBOOKS}/department.xls", "rb") as handle:
        data = handle.read()
    monkeypatch.setattr(_probe, "_CHILD", "import os, signal; os.kill(os.getpid(), signal.SIGABRT)")
    assert "异常终止（SIGABRT）" in _refusal(_probe.probe, data, "x.xls")
    monkeypatch.setattr(_probe, "_CHILD", "import time; time.sleep(30)")
    monkeypatch.setattr(_probe, "SECONDS", 1)
    assert "读取超过 1 秒仍未完成" in _refusal(_probe.probe, data, "x.xls")


def test_a_child_without_calamine_is_no_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the child cannot import calamine (an odd installation), the file is parsed in this
    process as before, not refused."""
    monkeypatch.setattr(_probe, "_CHILD", "import sys; sys.exit(4)")
    items = spreadsheet.load_data(f"{_WORKBOOKS}/department.xls")["items"]
    assert [item["name"] for item in items][:1] == ["食品生产许可"]

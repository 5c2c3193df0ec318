"""Departments' .csv files: UTF-8 (with or without BOM) or GB18030, read like a workbook."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import banzhang
from banzhang.cli import main
from banzhang.errors import UnreadableInput, UnwritableOutput
from banzhang.formats import csv as csv_format

ROWS = [
    ["XX市XX局权责清单（2024年版）"],
    ["序号", "职权编码", "权力名称", "权力类别", "实施主体", "设定依据", "责任事项", "问责情形"],
    [
        "1",
        "000117047000",
        "食品生产许可",
        "行政许可",
        "包头市市场监督管理局",
        "《中华人民共和国食品安全法》第三十五条",
        "1.受理责任：依法受理",
        "1.不依法受理的",
    ],
    [
        "2",
        "000217032000",
        "=不是公式",
        "行政处罚",
        "包头市市场监督管理局",
        "《中华人民共和国食品安全法》第一百二十四条",
        "1.立案责任：立案",
        "1.不依法立案的",
    ],
]


def _write(path: Path, encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(ROWS)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_department_csv_reads_in_any_usual_encoding(tmp_path: Path, encoding: str) -> None:
    """The items, their codes with leading zeros and text that looks like a formula, as written."""
    data = banzhang.load_data(_write(tmp_path / "权责清单.csv", encoding))
    assert data["kind"] == "power-list"
    assert [item["basic_code"] for item in data["items"]] == ["000117047000", "000217032000"]
    assert data["items"][1]["name"] == "=不是公式"


def test_findings_name_the_csv_cell(tmp_path: Path) -> None:
    """A finding from a .csv names its cell, as a workbook's does (sheet = the file's name)."""
    path = _write(tmp_path / "权责清单.csv", "gb18030")
    path.write_bytes(
        path.read_bytes().replace("行政处罚".encode("gb18030"), "行政许可".encode("gb18030"))
    )
    found = {(f.rule, f.path, f.source) for f in banzhang.iter_findings(path)}
    assert ("code.type-mismatch", "$.items[1].basic_code", "权责清单!B4") in found


def test_csv_is_read_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Writing .csv is refused: a list's linked tables do not fit one sheet of text."""
    with pytest.raises(UnwritableOutput):
        csv_format.dump({}, tmp_path / "x.csv")
    path = _write(tmp_path / "权责清单.csv", "utf-8")
    assert main(["convert", str(path), str(tmp_path / "x.csv")]) == 2
    assert "扩展名应为" in capsys.readouterr().err


def test_text_in_no_chinese_encoding_is_unreadable(tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor GB18030 are refused with a Chinese message."""
    path = tmp_path / "权责清单.csv"
    path.write_bytes(b"\x81\x30\xff\xff\xfe")
    with pytest.raises(UnreadableInput, match="GB18030"):
        banzhang.load_data(path)


def _titled(tmp_path: Path, title: str) -> Path:
    rows = [[title], ["填报单位：包头市市场监督管理局", "", "填报日期：2024年3月"], *ROWS[1:]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "权责清单.csv"
    path.write_bytes(buffer.getvalue().encode("gb18030"))
    return path


def test_the_envelope_is_read_from_the_rows_above_the_header(tmp_path: Path) -> None:
    """Department, region, level and version from the title and 填报单位 rows; no 生效日期."""
    data = banzhang.load_data(_titled(tmp_path, "包头市市场监督管理局权责清单（2024年版）"))
    assert data["department"] == {"name": "包头市市场监督管理局"}
    assert (data["region"], data["level"], data["version"]) == ("150200", "3", "2024年版")
    assert "effective_date" not in data


def test_what_cannot_be_inferred_names_its_option(tmp_path: Path) -> None:
    """A missing envelope element of a department's file says which option supplies it."""
    path = _titled(tmp_path, "XX局权责清单")
    path.write_bytes(path.read_bytes().replace("包头市".encode("gb18030"), b""))
    messages = {f.path: f.message for f in banzhang.iter_findings(path)}
    assert "--region" in messages["$.region"]
    assert "--effective-date" in messages["$.effective_date"]


def test_options_supply_the_envelope_and_convert_keeps_what_it_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the options convert still writes the JSON (exit 1); with them it is valid."""
    path = _titled(tmp_path, "XX局权责清单")
    out = tmp_path / "out.json"
    assert main(["convert", str(path), str(out)]) == 1
    assert "已按读到的内容写入" in capsys.readouterr().err
    assert len(json.loads(out.read_text("utf-8"))["items"]) == 2
    options = ["--region", "包头市", "--effective-date", "2024-05-01", "--version", "2024年版"]
    assert main(["validate", str(path), *options]) == 0
    assert main(["convert", str(path), str(tmp_path / "ok.xlsx"), *options]) == 0
    assert banzhang.load(tmp_path / "ok.xlsx").region == "150200"

"""How the findings page groups findings: by rule (with counts and first places) and by sheet,
row and column, each finding in an item named by the item's code and name."""

from __future__ import annotations

from typing import Any

from banzhang.desk import presenting


def _finding(source: str | None, path: str, rule: str = "structure.required") -> dict[str, Any]:
    data = {"rule": rule, "severity": "error", "path": path, "message": "缺少必填要素"}
    return {**data, "source": source} if source else data


def test_findings_by_sheet_run_row_by_row_then_column_by_column() -> None:
    findings = [
        _finding("权责清单!AA9", "$.items[5].name"),
        _finding("权责清单!B10", "$.items[6].name"),
        _finding("权责清单!Z9", "$.items[5].basis"),
        _finding(None, "$.effective_date"),
        _finding("清单信息!B2", "$.region"),
    ]
    sheets = presenting.by_sheet(findings)
    assert [sheet["sheet"] for sheet in sheets] == ["权责清单", "其他位置", "清单信息"]
    assert [row["place"] for row in sheets[0]["rows"]] == [
        "权责清单!Z9",
        "权责清单!AA9",
        "权责清单!B10",
    ]
    assert sheets[1]["rows"][0]["place"] == "$.effective_date"


def test_findings_by_rule_count_every_place_and_show_the_first() -> None:
    findings = [_finding(f"权责清单!B{row}", f"$.items[{row}].name") for row in range(30)]
    findings.append(_finding("权责清单!C3", "$.items[3].basis", rule="basis.article-missing"))
    groups = presenting.by_rule(findings)
    assert [(g["rule"], g["count"], len(g["places"]), g["more"]) for g in groups] == [
        ("structure.required", 30, presenting.PLACES_SHOWN, 30 - presenting.PLACES_SHOWN),
        ("basis.article-missing", 1, 1, 0),
    ]
    assert groups[0]["rule_title"] == "必填要素缺失或为空"
    assert groups[0]["severity_title"] == "错误"


def test_each_shown_finding_names_its_item() -> None:
    groups = presenting.by_rule([_finding("权责清单!B4", "$.items[2].name"), _finding(None, "$")])
    shown = presenting.shown_places(groups, [])
    asked: list[set[int]] = []

    def items(positions: set[int]) -> dict[int, str]:
        asked.append(positions)
        return {2: "000117047000 食品生产许可"}

    presenting.name_items(shown, items)
    assert asked == [{2}]
    assert [entry["item"] for entry in shown] == ["000117047000 食品生产许可", ""]

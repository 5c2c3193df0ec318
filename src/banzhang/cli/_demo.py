"""``banzhang demo``: the main job, end to end, on the bundled examples, into one folder."""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from banzhang import examples
from banzhang.cli._common import EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``demo`` verb."""
    parser = subparsers.add_parser("demo", help="在自带示例上演示主要功能，输出到 --out 目录")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("demo-out"),
        metavar="目录",
        help="输出目录（默认 demo-out）",
    )
    parser.set_defaults(func=run_demo)


#: The command line's entry point, as ``banzhang.cli.main`` hands it over (``args.cli``): the demo
#: drives the public CLI itself without importing the package that imports it.
_Cli = Callable[[list[str]], int]


def _captured(cli: _Cli, argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = cli(argv)
    return code, buffer.getvalue()


def _flawed_guide() -> dict[str, Any]:
    """The example guide with the faults a desk most often sees."""
    guide = examples.load_data("service-guide")
    guide["promised_time_limit"] = {"amount": 25, "unit": "工作日"}
    guide["remedies"] = "可以依法申请行政复议。"
    guide["materials"][4].pop("copies")
    guide["complaint"] = guide["consultation"]
    guide["nmae"] = guide.pop("name")
    return guide


def run_demo(args: argparse.Namespace) -> int:
    """Run each step of the main job and say where its output is."""
    out: Path = args.out
    cli: _Cli = args.cli
    for folder in ("examples", "flawed", "converted", "province", "reports", "rendered"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    steps: list[tuple[str, Callable[[], Path]]] = [
        ("编码解释", lambda: _codes(out, cli)),
        ("填报模板", lambda: _template(out, cli)),
        ("示例校验", lambda: _validate_examples(out, cli)),
        ("问题示例的校验报告", lambda: _validate_flawed(out, cli)),
        ("格式转换（JSON → Excel、XML、JSON Lines → JSON）", lambda: _convert(out, cli)),
        ("跨清单检查（三级五同、横向可比、统计、动态调整）", lambda: _cross_list(out, cli)),
        ("同源（编码和名称对照本地区权责清单）", lambda: _same_source(out, cli)),
        ("服务指南（完整版、简版）与审查细则的可打印 HTML", lambda: _rendered(out, cli)),
        ("由要素声明生成的文档（Markdown 与 HTML 网站）", lambda: _docs(out, cli)),
    ]
    for title, step in steps:
        written = step()
        print(f"✓ {title}：{written}")
    print(f"\n全部输出在 {out}/")
    return EXIT_OK


def _codes(out: Path, cli: _Cli) -> Path:
    target = out / "codes-explained.txt"
    text = "\n".join(
        _captured(cli, ["code", "explain", code])[1] for code, _comment in examples.codes()
    )
    target.write_text(text, encoding="utf-8")
    return target


def _template(out: Path, cli: _Cli) -> Path:
    target = out / "权责清单模板.xlsx"
    _captured(cli, ["template", "power-list", str(target)])
    return target


def _validate_examples(out: Path, cli: _Cli) -> Path:
    files = []
    for kind in examples.names():
        target = out / "examples" / f"{kind}.json"
        target.write_text(examples.path(kind).read_text("utf-8"), encoding="utf-8")
        files.append(str(target))
    report = out / "examples-validation.txt"
    report.write_text(_captured(cli, ["validate", *files])[1], encoding="utf-8")
    return report


def _validate_flawed(out: Path, cli: _Cli) -> Path:
    from banzhang.formats import json as json_format  # noqa: PLC0415 - only the demo needs it

    flawed = out / "flawed" / "service-guide.json"
    json_format.dump(_flawed_guide(), flawed)
    report = out / "flawed-validation.txt"
    code, text = _captured(cli, ["validate", str(flawed)])
    report.write_text(text, encoding="utf-8")
    print(text.rstrip())
    print(f"（退出码 {code}：1 表示数据有错误，报告照常写出）")
    (out / "flawed-validation.json").write_text(
        _captured(cli, ["validate", str(flawed), "--format", "json"])[1], encoding="utf-8"
    )
    return report


def _convert(out: Path, cli: _Cli) -> Path:
    source = out / "examples" / "power-list.json"
    converted = out / "converted"
    for target in ("power-list.xlsx", "power-list.xml", "power-list.jsonl"):
        _captured(cli, ["convert", str(source), str(converted / target)])
    _captured(
        cli, ["convert", str(converted / "power-list.xlsx"), str(converted / "from-excel.json")]
    )
    _captured(cli, ["convert", str(converted / "power-list.xml"), str(converted / "from-xml.json")])
    _captured(
        cli, ["convert", str(converted / "power-list.jsonl"), str(converted / "from-jsonl.json")]
    )
    return converted


def _cross_list(out: Path, cli: _Cli) -> Path:
    """The first 16 divisions' 权责清单 with two planted differences, and two list versions."""
    from banzhang import synthetic  # noqa: PLC0415 - only the demo needs the generator
    from banzhang.formats import json as json_format  # noqa: PLC0415

    lists, _ = synthetic.province(20, seed=2026)
    chosen = lists[:16]
    chosen[3]["items"][2]["name"] += "（地方表述）"  # planted differences for levels to find
    chosen[14]["items"][5]["process"] = ["受理", "审查", "复核", "决定", "送达"]
    recoded = chosen[15]["items"][7]  # the commonest real fault: an item recoded locally
    recoded["basic_code"] = recoded["basic_code"][:4] + "99999" + recoded["basic_code"][9:]
    for document in chosen:
        json_format.dump(document, out / "province" / f"{document['region']}.json")
    reports = out / "reports"
    province = str(out / "province")
    for verb in ("levels", "compare", "stats"):
        _code, text = _captured(cli, [verb, province, "--excel", str(reports / f"{verb}.xlsx")])
        (reports / f"{verb}.txt").write_text(text, encoding="utf-8")
        if verb == "levels":
            print(text.rstrip())
    newer = examples.load_data("power-list")
    newer["items"][0]["levels"] = ["3", "4"]
    newer["items"].pop(2)
    old, new = out / "examples" / "power-list.json", out / "reports" / "power-list-2027.json"
    json_format.dump(newer, new)
    _diff_code, text = _captured(
        cli, ["diff", str(old), str(new), "--excel", str(reports / "diff.xlsx")]
    )
    (reports / "diff.txt").write_text(text, encoding="utf-8")
    print(text.rstrip())
    return reports


def _same_source(out: Path, cli: _Cli) -> Path:
    """包头市's 四办 list and guide against its 权责清单: one item and the guide renamed."""
    from banzhang.formats import json as json_format  # noqa: PLC0415 - only the demo needs it

    modes = examples.load_data("service-mode-list")
    modes["items"][1]["name"] = "食品生产许可（变更登记）"
    guide = examples.load_data("service-guide")
    guide["name"] = "食品生产许可（首次申请）"
    flawed = [out / "flawed" / "service-mode-list.json", out / "flawed" / "guide-renamed.json"]
    for data, target in zip((modes, guide), flawed, strict=True):
        json_format.dump(data, target)
    power = out / "examples" / "power-list.json"
    _code, text = _captured(cli, ["validate", str(power), *map(str, flawed)])
    report = out / "reports" / "same-source.txt"
    report.write_text(text, encoding="utf-8")
    print(text.rstrip())
    return report


def _rendered(out: Path, cli: _Cli) -> Path:
    rendered = out / "rendered"
    guide, review = out / "examples" / "service-guide.json", out / "examples" / "review-detail.json"
    _captured(
        cli,
        [
            "guide",
            "render",
            str(guide),
            "--out",
            str(rendered / "服务指南.html"),
            "--svg",
            str(rendered / "办理流程图.svg"),
        ],
    )
    _captured(
        cli,
        [
            "guide",
            "render",
            str(guide),
            "--out",
            str(rendered / "服务指南（简版）.html"),
            "--brief",
        ],
    )
    _captured(cli, ["guide", "render", str(review), "--out", str(rendered / "审查细则.html")])
    return rendered


def _docs(out: Path, cli: _Cli) -> Path:
    _captured(cli, ["docs", "--out", str(out / "docs" / "md")])
    _captured(cli, ["docs", "--out", str(out / "docs" / "html"), "--format", "html"])
    return out / "docs" / "html" / "index.html"

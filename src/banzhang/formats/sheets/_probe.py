"""Parse a department's .xls or .ods once in a child process first: a reader that cannot take
this process down.

calamine is written in Rust. Records it cannot make sense of make it panic (a formula cut
short, a merged-cell record shorter than it says); pyo3 turns a panic into an exception, but
Rust prints its message and backtrace on the process's standard error first, and a failed
allocation is no panic at all: it aborts the process. The byte checks of :mod:`._biff` and
:mod:`._ods` refuse what is known to do that; whatever else a file holds is met here, in a
child that parses every sheet with a memory limit and a time limit. Only a file the child
parsed is parsed again in this process (calamine is deterministic: the same bytes parse the
same way). A child that dies, panics or runs out of time refuses the file with a Chinese
message, and nothing reaches this process's standard error.

.xlsx is not probed: its whole read is on the benchmark's hot path (the child's parse would
double it), and its package scan refuses the known causes first (docs/decisions.md).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from banzhang._reasons import text_reason
from banzhang.errors import UnreadableInput

__all__ = ["probe"]

#: The child's address space: a workbook read whole is bounded far below this (Limits).
MEMORY_BYTES = 4 * 1024**3
#: The child's time: a department's workbook parses in well under a second.
SECONDS = 120
#: The child's exit code when it cannot import calamine: parse in this process, as before.
_NO_READER = 4

_CHILD = """
import io, resource, sys
sys.path[:] = {path!r}
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
try:
    from python_calamine import CalamineWorkbook
except ImportError:
    sys.exit(4)
data = sys.stdin.buffer.read()
try:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    for name in book.sheet_names:
        book.get_sheet_by_name(name)
except BaseException as err:
    sys.stdout.write(f"{{type(err).__name__}}: {{err}}"[:500])
    sys.exit(3)
"""


def probe(data: bytes, name: str) -> None:
    """Parse ``data`` (an .xls or .ods) in a child process.

    Raises:
        UnreadableInput: the child found the file unreadable, died, or ran out of time.
    """
    if not sys.executable:  # embedded where no interpreter can be started: parse here
        return
    # The child finds calamine where this process did; one that cannot is no verdict.
    code = _CHILD.format(memory=MEMORY_BYTES, path=sys.path)
    environment = {key: value for key, value in os.environ.items() if key != "RUST_BACKTRACE"}
    try:
        done = subprocess.run(  # noqa: S603 - our interpreter, our code; the file is input only
            [sys.executable, "-I", "-c", code],
            input=data,
            capture_output=True,
            timeout=SECONDS,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired as err:
        message = f"{name} 读取超过 {SECONDS} 秒仍未完成，疑似构造的文件，拒绝读取"
        raise UnreadableInput(message, source=name) from err
    except OSError:
        return  # no child can be started here: parse in this process, as before
    if done.returncode in (0, _NO_READER):
        return
    raise UnreadableInput(_reason(done, name), source=name)


def _reason(done: subprocess.CompletedProcess[bytes], name: str) -> str:
    said = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode == 3 and said:
        return f"{name} 不是可读的工作簿：{text_reason(said)}"
    if done.returncode < 0:
        try:
            how = signal.Signals(-done.returncode).name
        except ValueError:
            how = f"信号 {-done.returncode}"
        return f"{name} 使表格读取程序异常终止（{how}），文件已损坏或是构造的，拒绝读取"
    return f"{name} 无法读取：表格读取程序以退出码 {done.returncode} 结束"

"""Print what banzhang writes as a data desk does: LibreOffice, headless, to PDF; then read the
pages back (pypdf) as text, with the size each piece of text prints at."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import attrs
from pypdf import PdfReader

#: A line of one Chinese character: three in a row are a column too narrow for its text. A
#: 是 or 否 is a whole value (a column of them prints a character a line by nature).
_CHARACTER_A_LINE = re.compile(r"^[^\W\d_a-zA-Z是否]$")


def soffice() -> str:
    """The LibreOffice command (make test installs it)."""
    found = shutil.which("soffice")
    assert found, (
        "LibreOffice is needed: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui"
        " (make test does)"
    )
    return found


def convert(profile: Path, documents: Iterable[Path], target: str, folder: Path) -> None:
    """Have LibreOffice, headless, convert ``documents`` (in one run) with the filter ``target``
    into ``folder``; ``profile`` is a folder for its user profile."""
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


@attrs.frozen
class Printed:
    """A document printed to PDF, page by page.

    Attributes:
        texts: each page's text, its lines as LibreOffice laid them out.
        landscape: whether each page is wider than high.
        smallest_type: the smallest size any text prints at, in points (the scale included).
    """

    texts: tuple[str, ...]
    landscape: tuple[bool, ...]
    smallest_type: float

    @property
    def lines(self) -> list[str]:
        """Every line of every page, stripped."""
        return [line.strip() for text in self.texts for line in text.splitlines()]

    def narrow_columns(self) -> list[str]:
        """Runs of three one-character lines: a column wrapping its text a character a line."""
        lines = self.lines
        single = [bool(_CHARACTER_A_LINE.match(line)) for line in lines]
        return ["".join(lines[n : n + 3]) for n in range(len(lines) - 2) if all(single[n : n + 3])]

    def whole_on_a_line(self, text: str) -> bool:
        """Whether ``text`` (its spaces aside) prints whole within one line."""
        wanted = re.sub(r"\s+", "", text)
        return any(wanted in re.sub(r"\s+", "", line) for line in self.lines)


def print_all(documents: Iterable[Path], folder: Path) -> dict[Path, Printed]:
    """Print ``documents`` to PDF in ``folder`` with LibreOffice and read each back."""
    listed = list(documents)
    convert(folder / "profile", listed, "pdf", folder)
    return {document: read_pdf(folder / f"{document.stem}.pdf") for document in listed}


def read_pdf(pdf: Path) -> Printed:
    """The pages of ``pdf``: text, orientation and the smallest type."""
    sizes: list[float] = []

    def measure(text: str, ctm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[0] * ctm[0]) or 1.0  # the text matrix within the page's scale
            sizes.append(size * scale)

    reader = PdfReader(pdf)
    texts = tuple(page.extract_text(visitor_text=measure) for page in reader.pages)
    landscape = tuple(page.mediabox.width > page.mediabox.height for page in reader.pages)
    return Printed(texts, landscape, min(sizes, default=0.0))

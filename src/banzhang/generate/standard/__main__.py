"""``python -m banzhang.generate.standard FOLDER``: keep this spec version's declarations.

``make generate`` runs it with ``src/banzhang/_data/versions``: the snapshot of the current spec
version is rewritten; those of earlier versions stay as they were, the record the 编制说明
compares against.
"""

import sys
from pathlib import Path

from banzhang._atomic import make_folder, write_text
from banzhang._version import SPEC_VERSION
from banzhang.generate.standard._versions import snapshot_text

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "src/banzhang/_data/versions")
make_folder(folder)
write_text(folder / f"{SPEC_VERSION}.json", snapshot_text())
print(folder / f"{SPEC_VERSION}.json")

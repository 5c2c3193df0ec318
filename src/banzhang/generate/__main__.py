"""``python -m banzhang.generate [DIRECTORY]``: write every schema (``make generate`` runs it)."""

import sys

from banzhang.generate import write_schemas

for written in write_schemas(sys.argv[1] if len(sys.argv) > 1 else "schemas"):
    print(written)

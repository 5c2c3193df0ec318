"""``python -m banzhang``: the command line, as the ``banzhang`` script runs it."""

import sys

from banzhang.cli import main

sys.exit(main())

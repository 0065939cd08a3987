"""`python -m fu_board`."""

import sys

from fu_board.cli import main

sys.exit(main())

"""Where the board lives by default: `$FU_BOARD_FILE`, else `board.toml` in the person's
data folder (platformdirs). Light on purpose: `fu-board due --count` starts here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "fu-board"
FILE_NAME = "board.toml"
ENV_VAR = "FU_BOARD_FILE"


def default_board_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$FU_BOARD_FILE` if set, else `board.toml` in the user's data folder."""
    environ = os.environ if environ is None else environ
    if override := environ.get(ENV_VAR):
        return Path(override).expanduser()
    import platformdirs  # about 10 ms: not for a board named in the environment

    return Path(platformdirs.user_data_dir(APP_NAME)) / FILE_NAME

"""A private, disposable copy of the board as last read or written, to open big boards fast.

Parsing TOML is most of the time it takes to open a board (about 2 s at 10,000
cards). The cache keeps, in the user's cache folder, the board as JSON and each
card's TOML text, under the SHA-256 of the board file's exact bytes. It is used
only when the file's bytes hash to that value, so the file stays the only source
of truth: any change to the file, by anyone, makes the cache miss. A cache that
is missing, stale, from another version or damaged is ignored, and writing one
never fails a save. Deleting the cache folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from fu_board import __version__
from fu_board.model import Board

FORMAT = f"fu-board cache 1, fu-board {__version__}"
"""Written first in every cache file; a cache from any other version is ignored."""

KEEP = 8
"""How many boards' caches are kept; the least recently written go first."""


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("fu-board"))


def cache_path(board_path: Path) -> Path:
    """One cache file per board file (by its real path)."""
    real = os.path.realpath(board_path)
    return cache_folder() / f"{hashlib.sha256(real.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}.json"


def lookup(board_path: Path, digest: str) -> tuple[Board, list[str]] | None:
    """The board and its card texts, if the cache holds the file whose bytes have `digest`."""
    try:
        with cache_path(board_path).open("rb") as handle:
            header = json.loads(handle.readline())
            if header != {"format": FORMAT, "digest": digest}:
                return None
            texts = json.loads(handle.readline())
            board = Board.model_validate_json(handle.read())
    except (OSError, ValueError, ValidationError):
        return None
    if not isinstance(texts, list) or len(texts) != len(board.cards) or not all(isinstance(t, str) for t in texts):
        return None
    return board, texts


def remember(board_path: Path, digest: str, board: Board, texts: list[str]) -> None:
    """Keep `board` (with each card's text) as the content of the file whose bytes have `digest`."""
    folder = cache_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps({"format": FORMAT, "digest": digest}).encode() + b"\n")
            handle.write(json.dumps(texts, ensure_ascii=False).encode() + b"\n")
            handle.write(board.model_dump_json().encode())
        os.replace(temporary, cache_path(board_path))
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _forget_old(folder)


def _forget_old(folder: Path) -> None:
    """Keep the caches of the `KEEP` boards written most recently (boards tried once, tests, old paths)."""
    with contextlib.suppress(OSError):
        caches = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in caches[KEEP:]:
            old.unlink(missing_ok=True)

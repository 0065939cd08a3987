"""A private, disposable copy of the board as last read or written, to open big boards fast.

Parsing TOML is most of the time it takes to open a board (about 2 s at 10,000
cards). The cache keeps, in the user's cache folder, the board as JSON (one line
per card) and where each card's TOML text is in the file, under the SHA-256 of the
board file's exact bytes. It is used
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
from fu_board.model import Board, Card

FORMAT = f"fu-board cache 2, fu-board {__version__}"
"""Written first in every cache file; a cache from any other version is ignored."""

KEEP = 8
"""How many boards' caches are kept; the least recently written go first."""


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("fu-board"))


def cache_path(board_path: Path) -> Path:
    """One cache file per board file (by its real path)."""
    real = os.path.realpath(board_path)
    return cache_folder() / f"{hashlib.sha256(real.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}.json"


def lookup(board_path: Path, digest: str, size: int) -> tuple[Board, list[tuple[int, int]]] | None:
    """The board, and where each card's text is in the file, if the cache holds the file
    whose bytes (`size` of them) have `digest`."""
    try:
        with cache_path(board_path).open("rb") as handle:
            header = json.loads(handle.readline())
            if header != {"format": FORMAT, "digest": digest}:
                return None
            places = json.loads(handle.readline())
            top = Board.validate_json(handle.readline())
            # One card per line: validating the whole board at once would first parse all
            # of its JSON, which at 10,000 cards is a 100 MB peak held by pydantic-core.
            cards = tuple(Card.validate_json(line) for line in handle)
            board = Board(schema_version=top.schema_version, settings=top.settings, review=top.review, cards=cards)
    except (OSError, ValueError, ValidationError):
        return None
    spans = _spans(places, len(board.cards), size)
    return None if spans is None else (board, spans)


def _spans(places: object, count: int, size: int) -> list[tuple[int, int]] | None:
    """`[start, end, start, end...]` as (start, end) pairs, if they are `count` spans in order
    within `size` bytes; None otherwise, and the cache is not believed."""
    if not isinstance(places, list) or len(places) != 2 * count:
        return None
    spans = list(zip(places[::2], places[1::2], strict=True))
    at = 0
    for start, end in spans:
        if not (type(start) is int and type(end) is int and at <= start < end <= size):
            return None
        at = end
    return spans


def remember(board_path: Path, digest: str, board: Board, spans: list[tuple[int, int]]) -> None:
    """Keep `board` (with where each card's text is) as the content of the file whose bytes have `digest`."""
    folder = cache_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps({"format": FORMAT, "digest": digest}).encode() + b"\n")
            handle.write(json.dumps([place for span in spans for place in span]).encode() + b"\n")
            handle.write(board.replace(cards=()).to_json() + b"\n")
            for card in board.cards:
                handle.write(card.to_json() + b"\n")
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

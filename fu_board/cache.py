"""A private, disposable copy of the board as last read or written, to open big boards fast.

Parsing TOML is most of the time it takes to open a board (about 2 s at 10,000
cards). The cache keeps, in the user's cache folder, the board as JSON (one line
per card, see `fu_board.plain`) and where each card's TOML text is in the file,
under the SHA-256 of the board file's exact bytes, and ends with the SHA-256 of
its own lines, so that a cache cut short or damaged is never read. It is used
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
import time
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

import platformdirs

from fu_board import __version__, plain
from fu_board.model import RECORDS, Board, Card, Record


def layout(records: Iterable[type[Record]]) -> str:
    """A fingerprint of the records' fields and their types, as written in the code."""
    text = ";".join(
        f"{record.__name__}({','.join(f'{name}:{record.__annotations__[name]}' for name in record.field_names())})"
        for record in records
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


FORMAT = f"fu-board cache 4, fu-board {__version__}, records {layout(RECORDS)}"
"""Written first in every cache file; a cache from any other version, or written for records
laid out otherwise (the cache is read without checks, `fu_board.plain`), is ignored."""

KEEP = 8
"""How many boards' caches are kept; the least recently written go first."""
LEFTOVER_SECONDS = 3600
"""How old a cache file left half-written must be before it is cleared."""


FOLDER: Path | None = None
"""Where the cache goes instead of the user's cache folder (the demo keeps its own)."""


def cache_folder() -> Path:
    return FOLDER if FOLDER is not None else Path(platformdirs.user_cache_dir("fu-board"))


def cache_path(board_path: Path) -> Path:
    """One cache file per board file (by its real path)."""
    real = os.path.realpath(board_path)
    return cache_folder() / f"{hashlib.sha256(real.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}.json"


def lookup(board_path: Path, digest: str, size: int) -> tuple[Board, list[tuple[int, int]] | None] | None:
    """The board, and where each card's text is in the file (None when that is not known),
    if the cache holds the file whose bytes (`size` of them) have `digest`."""
    content = hashlib.sha256()
    try:
        with cache_path(board_path).open("rb") as handle:
            lines = iter(handle)
            first = next(lines, b"")
            if json.loads(first) != {"format": FORMAT, "digest": digest}:
                return None
            places, top = next(lines), next(lines)
            for line in (first, places, top):
                content.update(line)
            board = plain.decoder(Board)(json.loads(top))
            card = plain.decoder(Card)
            cards = []
            # One card per line, so that no more than one card's JSON is held at a time.
            for line in lines:
                if line.startswith(b'{"end":'):
                    break
                content.update(line)
                cards.append(card(json.loads(line)))
            else:
                return None  # cut short
            if json.loads(line) != {"end": content.hexdigest()} or next(lines, None) is not None:
                return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, StopIteration):
        return None
    known = json.loads(places)
    if known is None:
        return board.replace(cards=tuple(cards)), None
    spans = _spans(known, len(cards), size)
    return None if spans is None else (board.replace(cards=tuple(cards)), spans)


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


def holds(board_path: Path, digest: str) -> bool:
    """Whether the cache was written for the file whose bytes have `digest` (its first line
    says so; whether it is whole is checked when it is read)."""
    try:
        with cache_path(board_path).open("rb") as handle:
            return bool(json.loads(handle.readline() or b"null") == {"format": FORMAT, "digest": digest})
    except (OSError, ValueError):
        return False


def remember(board_path: Path, digest: str, board: Board, spans: list[tuple[int, int]] | None) -> None:
    """Keep `board` (with where each card's text is, when known) as the content of the file
    whose bytes have `digest`; nothing is written when the cache holds that file already (a
    board opened and closed without a change: at 10,000 cards, writing it again took most of
    the time quitting took)."""
    if spans is not None and holds(board_path, digest):
        return
    folder = cache_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            content = hashlib.sha256()
            lines = chain(
                (
                    _line({"format": FORMAT, "digest": digest}),
                    _line(None if spans is None else [place for span in spans for place in span]),
                    _line(plain.encode(board.replace(cards=()))),
                ),
                (_line(plain.encode(card)) for card in board.cards),
            )
            for line in lines:
                content.update(line)
                handle.write(line)
            handle.write(_line({"end": content.hexdigest()}))
        os.replace(temporary, cache_path(board_path))
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _forget_old(folder)


def _line(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _forget_old(folder: Path) -> None:
    """Keep the caches of the `KEEP` boards written most recently (boards tried once, tests, old
    paths), and clear what a cache write cut short left behind (a crash, a full disk) once it is
    `LEFTOVER_SECONDS` old: a younger one may be another fu-board's write under way."""
    with contextlib.suppress(OSError):
        caches = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in caches[KEEP:]:
            old.unlink(missing_ok=True)
        now = time.time()
        for leftover in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > LEFTOVER_SECONDS:
                    leftover.unlink()

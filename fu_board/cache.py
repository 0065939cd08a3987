"""A private, disposable copy of the board as last read or written, to open big boards fast.

Parsing TOML is most of the time it takes to open a board (about 1 s at 10,000
cards). The cache keeps, in the user's cache folder, the board as `marshal` data
(each card its own piece, see `fu_board.packed`), where each card's TOML text is in
the file and a digest of each card's text. Its first line names the board file's
bytes (their SHA-256) and the SHA-256 of the rest, so that a cache cut short or
damaged is never read. The board is used whole only when the file's bytes hash to
that value, so the file stays the only source of truth. After someone else changed
the file, a card whose text is exactly as the cache saw it is taken from the cache,
and only the others are parsed (`known_cards`). A cache that is missing, damaged or
written by other code (or another Python: `marshal`'s format is its own) is
ignored, and writing one never fails a save. Deleting the cache folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

import platformdirs

from fu_board import __version__, packed
from fu_board.model import RECORDS, Board, Card, Record

T = TypeVar("T")

_WHAT_A_CARD_IS = ("model.py", "packed.py", "business_days.py")
"""The modules that decide what a card's text means, and how the cache writes it."""


def layout(records: Iterable[type[Record]]) -> str:
    """A fingerprint of the records' fields and their types, as written in the code."""
    text = ";".join(
        f"{record.__name__}({','.join(f'{name}:{record.__annotations__[name]}' for name in record.field_names())})"
        for record in records
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def code_fingerprint(folder: Path = Path(__file__).parent) -> str:
    """A digest of the source of the modules that decide what a card is (`_WHAT_A_CARD_IS`):
    an upgrade that leaves them as they were keeps the cache (the program's version, used
    before, made every upgrade a cold open); one that changes a rule or a field does not.
    Where the sources cannot be read (a build without them), the program's version."""
    content = hashlib.sha256()
    try:
        for name in _WHAT_A_CARD_IS:
            content.update((folder / name).read_bytes())
    except OSError:
        return f"fu-board {__version__}"
    return content.hexdigest()[:16]


FORMAT = (
    f"fu-board cache 7, marshal {marshal.version} of Python {sys.version_info[0]}.{sys.version_info[1]}, "
    f"code {code_fingerprint()}, records {layout(RECORDS)}"
)
"""Written first in every cache file; a cache written by other code (the cache is read
without checks, `fu_board.packed`), by another Python, or for records laid out otherwise,
is ignored."""

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
    return cache_folder() / f"{hashlib.sha256(real.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}.cache"


def card_key(text: bytes | memoryview) -> str:
    """What names one card's exact TOML text in the cache."""
    return hashlib.blake2b(text, digest_size=16).hexdigest()


class _Read(NamedTuple, Generic[T]):
    """A cache file, found whole and written by this code."""

    places: list[int] | None
    """`[start, end, start, end...]` of each card's text in the board file, when known."""
    keys: list[str] | None
    """Each card's `card_key`, when known."""
    top: tuple[Any, ...]
    """The board without its cards, packed."""
    at_once: list[tuple[Any, ...]]
    """Each card's parts read at once (`packed.pack_at_once`)."""
    cards: list[T]
    """What was made of each card's piece (packed, and marshalled on its own)."""


def _read(board_path: Path, digest: str | None, each: Callable[[bytes], T]) -> _Read[T] | None:
    """The cache of the board at `board_path`, if it is whole and written by this code (and,
    with `digest`, for the file whose bytes have that digest), each card's piece made into
    what `each` makes of it.

    The whole is checked against the SHA-256 in its first line first, a block at a time
    (`marshal` trusts what it reads: it never sees a cache cut short or damaged). Then
    the pieces are read from the same open file one at a time, so that the cache's
    content is never held whole beside the board made of it (7 MB at 10,000 cards)."""
    try:
        with cache_path(board_path).open("rb") as handle:
            head = json.loads(handle.readline())
            if not isinstance(head, dict) or head.get("format") != FORMAT:
                return None
            if digest is not None and head.get("digest") != digest:
                return None
            start = handle.tell()
            if hashlib.file_digest(handle, "sha256").hexdigest() != head.get("body"):
                return None
            handle.seek(start)
            places, keys, top, sizes, at_once = marshal.loads(handle.read(head["meta"]))
            cards = [each(handle.read(size)) for size in sizes]
            if handle.read(1) or len(at_once) != len(cards):
                return None
    except (OSError, ValueError, TypeError, KeyError, IndexError, EOFError, OverflowError):
        return None
    return _Read(places, keys, top, at_once, cards)


Pieces = dict[str, tuple[bytes, tuple[Any, ...]]]
"""Cards' pieces in the cache and their `AT_ONCE` parts, by their text's `card_key`."""


class Hit(NamedTuple):
    """What the cache holds of one version of a board file (`lookup`)."""

    board: Board
    spans: list[tuple[int, int]] | None
    """Where each card's text is in the file, when known."""
    keys: list[str] | None
    """Each card's `card_key`, when known."""
    lent: Pieces | None
    """The cards' pieces, when asked to lend them (for a save to write again as they are)."""


def lookup(board_path: Path, digest: str, size: int, *, lend: bool = False) -> Hit | None:
    """The board, where each card's text is in the file, and their keys (when known), if the
    cache holds the file whose bytes (`size` of them) have `digest`. Each card's long parts
    stay packed until first read (`packed.LazyCard`). To `lend` is to hand back the pieces
    too, for the one save that follows (`remember`), which then need not read them again."""
    read = _read(board_path, digest, bytes)
    if read is None:
        return None
    spans = None if read.places is None else _spans(read.places, len(read.cards), size)
    if read.places is not None and spans is None:
        return None
    try:
        board = packed.unpacker(Board)(read.top)
        lazy = packed.lazy_card
        cards = tuple(lazy(at_once, piece) for at_once, piece in zip(read.at_once, read.cards, strict=True))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None
    keys = read.keys if spans is not None and read.keys is not None and len(read.keys) == len(cards) else None
    return Hit(board.replace(cards=cards), spans, keys, _known_by_key(read) if lend else None)


class KnownCards:
    """What the cache knows of the cards of a board, whatever its file holds now: called
    with a card's exact TOML text, the card it is, for a text the cache saw (None for any
    other). After another program changed one card, the others need no parsing."""

    def __init__(self, board_path: Path) -> None:
        self._pieces = _known_by_key(_read(board_path, None, bytes))
        self.keys: list[str] = []
        """The `card_key` of each text asked about, in order (for `remember`)."""

    def __call__(self, text: bytes | memoryview) -> Card | None:
        """The card, its long parts kept packed (`packed.LazyCard`), as a warm open reads it:
        unpacking every card took 30 MB more at 10,000 cards."""
        key = card_key(text)
        self.keys.append(key)
        known = self._pieces.pop(key, None)  # each text once: card ids are unique
        if known is None:
            return None
        piece, at_once = known
        try:
            return packed.lazy_card(at_once, piece)
        except (ValueError, TypeError, KeyError, IndexError, EOFError, OverflowError):
            return None


def known_cards(board_path: Path) -> KnownCards:
    """What the cache knows of the cards of the board at `board_path` (`KnownCards`)."""
    return KnownCards(board_path)


def _known_by_key(read: _Read[bytes] | None) -> Pieces:
    """Each card's piece in the cache and its `AT_ONCE` parts, by its text's `card_key`:
    what a card whose text is unchanged is written as again, without packing it anew."""
    if read is None or read.keys is None or not len(read.keys) == len(read.cards) == len(read.at_once):
        return {}
    return dict(zip(read.keys, zip(read.cards, read.at_once, strict=True), strict=True))


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
            head = json.loads(handle.readline() or b"null")
    except (OSError, ValueError):
        return False
    return isinstance(head, dict) and head.get("format") == FORMAT and head.get("digest") == digest


def remember(
    board_path: Path,
    digest: str,
    board: Board,
    spans: list[tuple[int, int]] | None,
    *,
    data: bytes | None = None,
    keys: Sequence[str | None] | None = None,
    lent: Pieces | None = None,
) -> None:
    """Keep `board` (with where each card's text is, when known) as the content of the file
    whose bytes, `data` when given, have `digest`; nothing is written when the cache holds
    that file already (a board opened and closed without a change: at 10,000 cards, writing
    it again took most of the time quitting took).

    With `data` and `spans`, each card is copied from the cache as it was when the cache
    saw the card's very text (after one change, every other card: packing them all again
    took most of the time `fu-board add` took, at 10,000 cards), from the pieces `lent`
    when given, else from the cache as it is. `keys`: the cards' `card_key`s where they are
    known already (`KnownCards.keys`, `store.CardPlaces`); the others are worked out from
    `data`, which is not needed when every key is given."""
    if spans is not None and holds(board_path, digest):
        return
    named: list[str] | None = None
    given = keys if spans is not None and keys is not None and len(keys) == len(spans) else None
    if spans is not None and given is not None and all(given):
        named = [key for key in given if key]
    elif spans is not None and data is not None:
        named = [
            key or card_key(data[start:end]) for key, (start, end) in zip(given or repeat(None), spans, strict=False)
        ]
    known = (lent if lent is not None else _known_by_key(_read(board_path, None, bytes))) if named is not None else {}
    pack, dumps, pack_at_once = packed.packer(Card), marshal.dumps, packed.pack_at_once
    pieces, at_once = [], []
    for card, key in zip(board.cards, named or repeat(""), strict=False):
        piece, parts = known.get(key) or (dumps(pack(card)), pack_at_once(card))
        pieces.append(piece)
        at_once.append(parts)
    places = None if spans is None else [place for span in spans for place in span]
    top = packed.packer(Board)(board.replace(cards=()))
    meta = marshal.dumps((places, named, top, [len(piece) for piece in pieces], at_once))
    content = hashlib.sha256(meta)
    for piece in pieces:
        content.update(piece)
    head = {"format": FORMAT, "digest": digest, "meta": len(meta), "body": content.hexdigest()}
    folder = cache_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(head).encode() + b"\n")
            handle.write(meta)
            for piece in pieces:
                handle.write(piece)
        os.replace(temporary, cache_path(board_path))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _forget_old(folder)


_OLD_NAME = re.compile(r"[0-9a-f]{32}\.json")


def _forget_old(folder: Path) -> None:
    """Keep the caches of the `KEEP` boards written most recently (boards tried once, tests, old
    paths), and clear what a cache write cut short left behind (a crash, a full disk) once it is
    `LEFTOVER_SECONDS` old: a younger one may be another fu-board's write under way."""
    with contextlib.suppress(OSError):
        caches = sorted(folder.glob("*.cache"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in caches[KEEP:]:
            old.unlink(missing_ok=True)
        for older in folder.glob("*.json"):  # caches an earlier fu-board wrote as JSON, never read again
            if _OLD_NAME.fullmatch(older.name):
                older.unlink(missing_ok=True)
        now = time.time()
        for leftover in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > LEFTOVER_SECONDS:
                    leftover.unlink()

"""The board file: where it lives, how it is read, and how it is saved safely.

A board file that cannot be read or validated is never overwritten: loading
raises `BoardFileError`, which names the file, the place and the problem.
Saving serialises the whole board, parses the bytes back to check them, and
replaces the file atomically (temporary file, fsync, rename, fsync folder).
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import errno
import gc
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, get_args, get_type_hints

import tomli
import tomli_w

from fu_board import cache
from fu_board.migrations import file_version, migrate
from fu_board.model import SCHEMA_VERSION, Board, Card, Record, field_path, first_problem

if TYPE_CHECKING:
    from pydantic import ValidationError


HEADER = (
    b"# fu-board's board: your applications, contacts and follow-ups.\n"
    b"# Plain TOML, safe to read, back up and edit by hand while fu-board is closed;\n"
    b"# fu-board checks it when it opens and never overwrites a file it cannot read.\n"
)


class BoardFileError(Exception):
    """The board file cannot be read, or could not be written."""

    def __init__(self, path: Path, problem: str, where: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.where = where
        self.backup: Path | None = None
        """The newest backup that does load, when the reader looked for one."""
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.path}: {where}{self.problem}"


class NewerBoardError(BoardFileError):
    """The file was written by a newer fu-board: it may be shown, never saved.

    `board` is what this version understands of it (unknown fields left out),
    or None when even that does not validate.
    """

    def __init__(self, path: Path, version: int, board: Board | None) -> None:
        super().__init__(
            path,
            f"the file was written by a newer fu-board (schema {version}; this one knows {SCHEMA_VERSION});"
            " upgrade fu-board to change it",
            "schema_version",
        )
        self.version = version
        self.board = board


# Reading -----------------------------------------------------------------------

_TOML_PLACE = re.compile(r"^(?P<problem>.*?) \((?P<where>at line \d+, column \d+|at end of document)\)$")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_CARDS_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*cards[ \t]*\]\][ \t]*(#.*)?$")
_CARD_HEADER_BYTES = re.compile(_CARDS_HEADER.pattern.removeprefix("^").removesuffix("$").encode())
"""A `[[cards]]` header line, in a file's bytes (`fullmatch` from its start to its end)."""
_CARDS_BRACKETS = re.compile(rb"\[\[[ \t]*cards[ \t]*\]\]")
_NEWLINE = ord("\n")


def _card_line(text: str, index: int) -> int | None:
    """The line of the `index`-th `[[cards]]` header, to point a person at a card.

    Lines are counted as TOML counts them: only `\\n` ends a line.
    """
    count = -1
    for number, line in enumerate(text.split("\n"), start=1):
        if _CARDS_HEADER.match(line.rstrip("\r")):
            count += 1
            if count == index:
                return number
    return None


def _describe_validation(error: ValidationError, text: str) -> tuple[str, str]:
    """The first problem pydantic found, as (where, problem), pointing at the card's line."""
    loc, message = first_problem(error)
    where = field_path(loc) or "top level"
    if len(loc) >= 2 and loc[0] == "cards" and isinstance(loc[1], int):
        line = _card_line(text, loc[1])
        if line is not None:
            where = f"{where} (the card starting at line {line})"
    more = error.error_count() - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return where, message


class _Split(NamedTuple):
    """A board file's bytes taken apart card by card (`_split_cards`)."""

    top: bytes
    """Everything before the first `[[cards]]` header."""
    cards: list[bytes | memoryview]
    """Each card's text, from its header to its last line (with one newline at its end): a
    view of the file's bytes where it is there as it is (a copy would hold the file twice)."""
    spans: list[tuple[int, int]] | None
    """Where each card's text is in the file, or None when one is not there as it is
    (a last card without a newline at the end of the file)."""


def _split_cards(data: bytes) -> _Split | None:
    """The file's bytes before the first `[[cards]]` header, and each card's text.

    None for a file whose cards cannot be taken apart line by line (Windows line
    endings, a byte order mark). Working on the bytes, not on the file decoded, keeps
    no copy of the whole (44 MB at 10,000 cards once one emoji makes Python keep the
    text in 4 bytes a character), and gives each card's place in the file as it goes.
    """
    if b"\r" in data or data.startswith(codecs.BOM_UTF8):
        return None
    starts = _card_headers(data)
    if not starts:
        return _Split(data, [], [])
    view = memoryview(data)
    cards: list[bytes | memoryview] = []
    spans: list[tuple[int, int]] | None = []
    for start, end in zip(starts, [*starts[1:], len(data)], strict=True):
        last = end
        while last > start and data[last - 1] == _NEWLINE:
            last -= 1
        if last < end and spans is not None:
            spans.append((start, last + 1))
            cards.append(view[start : last + 1])
        else:
            spans = None
            cards.append(data[start:last] + b"\n")
    return _Split(data[: max(starts[0] - 1, 0)], cards, spans)


def _card_headers(data: bytes) -> list[int]:
    """Where each `[[cards]]` header line starts. The headers are found by their brackets
    first, then their lines are checked whole: 10 times as fast as matching every line of
    the file (65 ms at 10,000 cards), most of which are a timeline's."""
    starts: list[int] = []
    for found in _CARDS_BRACKETS.finditer(data):
        line = data.rfind(b"\n", 0, found.start()) + 1
        end = data.find(b"\n", found.end())
        if (not starts or starts[-1] != line) and _CARD_HEADER_BYTES.fullmatch(
            data, line, len(data) if end < 0 else end
        ):
            starts.append(line)
    return starts


def _parse_by_card(
    data: bytes, known: Callable[[bytes | memoryview], Card | None] | None
) -> tuple[dict[str, Any], list[tuple[int, int]] | None] | None:
    """The file parsed one card at a time, with each card's place in it; None when it cannot be.

    Parsing the parts costs what parsing the whole costs, and the card places let the next
    save skip serialising every card again. Anything unusual (a header line inside a
    multi-line string, cards defined another way, bytes that are not UTF-8) falls back to
    parsing the whole, which says what is wrong. A card whose exact text is `known`
    (`cache.known_cards`) is not parsed: the card is as known.
    """
    split = _split_cards(data)
    if split is None:
        return None
    try:
        raw = tomli.loads(split.top.decode("utf-8"))
        cards: list[dict[str, Any] | Card] = []
        for chunk in split.cards:
            if known is not None and (card := known(chunk)) is not None:
                cards.append(card)  # validation keeps a card as it is (pydantic does not check it again)
                continue
            part = tomli.loads(str(chunk, "utf-8"))
            if part.keys() != {"cards"} or not isinstance(part["cards"], list) or len(part["cards"]) != 1:
                return None
            cards.append(part["cards"][0])
    except (tomli.TOMLDecodeError, RecursionError, UnicodeDecodeError):  # the whole file says what is wrong
        return None
    if "cards" in raw:
        return None
    if cards:
        raw["cards"] = cards
    return raw, split.spans


def _parse_toml(
    data: bytes, path: Path, known: Callable[[bytes | memoryview], Card | None] | None = None
) -> tuple[dict[str, Any], list[tuple[int, int]] | None]:
    """The TOML in `data`, and where each card's text is in it when that is known."""
    by_card = _parse_by_card(data, known)
    if by_card is not None:
        return by_card
    text = _text_of(data, path)
    try:
        return tomli.loads(text), None
    except RecursionError:
        raise BoardFileError(path, "not a board: values nested far more deeply than any board's") from None
    except tomli.TOMLDecodeError as error:
        match = _TOML_PLACE.match(str(error))
        if match:
            raise BoardFileError(
                path, f"not valid TOML: {match['problem']}", match["where"].removeprefix("at ")
            ) from None
        raise BoardFileError(path, f"not valid TOML: {error}") from None


def _text_of(data: bytes, path: Path) -> str:
    """The file decoded, or an error that says where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BoardFileError(path, "is not UTF-8 text", f"line {_line_of(data, error.start)}") from None


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Building tens of thousands of objects triggers the cycle collector again and again,
    which made loading 10,000 cards four times slower; none of them form cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_board(data: bytes, path: Path, *, cache_key: str | None = None) -> Board:
    """The board held in `data`, the bytes of the file at `path` (see `parse_placed`)."""
    return parse_placed(data, path, cache_key=cache_key)[0]


def parse_placed(
    data: bytes, path: Path, *, cache_key: str | None = None, remember: bool = True, lend: bool = False
) -> tuple[Board, CardPlaces | None]:
    """The board held in `data`, the bytes of the file at `path`, and where each of its cards
    lies in them (known when read with a `cache_key`, unless the board was brought up from
    an older schema).

    With `cache_key`, the `digest` of `data` (which the caller has computed already),
    a copy of these very bytes' board kept by `fu_board.cache` is used when there is
    one (or the cards it knows, when the file has changed since), and, unless not to
    `remember` (the caller does it later, `remember_saved`), one is kept after parsing.
    To `lend` is to keep the cache's pieces of the cards with their places, for the one
    save that follows (a command's), which then need not read the cache again.
    """
    if cache_key is not None and (cached := _from_cache(path, cache_key, len(data), lend)) is not None:
        return cached
    with _no_garbage_collection():
        known = cache.known_cards(path) if cache_key is not None else None  # changed by someone else?
        board, spans = _board_from(data, path, known)
        keys = None if known is None else known.keys
        del known
    if cache_key is None:
        return board, None
    # Without the cards' places (a board brought up from an older schema) the copy is kept
    # all the same: it saves the next open the parse, and the next save writes every card anew.
    if remember:
        cache.remember(path, cache_key, board, spans, data=data, keys=keys)
    return board, None if spans is None else CardPlaces(board.cards, spans, keys)


def cached_board(path: Path) -> tuple[Board, str, CardPlaces | None] | None:
    """The board at `path`, its `digest` and where its cards lie in the file, if the cache
    holds these very bytes; None otherwise.

    The digest is taken reading the file piece by piece, so its bytes are never all held
    while the cached board is built (10 MB less at the peak, at 10,000 cards).
    """
    read = _streamed_digest(path)
    if read is None:  # read the usual way, which says what is wrong
        return None
    key, size = read
    found = _from_cache(path, key, size)
    return None if found is None else (found[0], key, found[1])


def _streamed_digest(path: Path) -> tuple[str, int] | None:
    """The `digest` of the file at `path` and its size, read a piece at a time (its bytes
    are never all held); None when it cannot be read."""
    content = hashlib.sha256()
    size = 0
    try:
        for piece in _pieces_of(path, _opened(path)):
            content.update(piece)
            size += len(piece)
    except (OSError, BoardFileError):
        return None
    return content.hexdigest(), size


def _from_cache(path: Path, key: str, size: int, lend: bool = False) -> tuple[Board, CardPlaces | None] | None:
    """The cache's board for the `size` bytes with digest `key` of the file at `path`, and the
    places of its cards' texts, for the next save (with the cache's pieces, to `lend`); None
    when it has none."""
    with _no_garbage_collection():
        hit = cache.lookup(path, key, size, lend=lend)
    if hit is None:
        return None
    if hit.spans is None:
        return hit.board, None
    return hit.board, CardPlaces(hit.board.cards, hit.spans, hit.keys, hit.lent)


def _board_from(
    data: bytes, path: Path, known: Callable[[bytes | memoryview], Card | None] | None = None
) -> tuple[Board, list[tuple[int, int]] | None]:
    """The board in `data`, and where each card's text is in it when the cards could be read
    one by one (those whose text is `known` taken as they are)."""
    raw, spans = _parse_toml(data, path, known)
    if not raw:
        raise BoardFileError(path, "the file holds no board at all (was it emptied or cut short?)")
    # A hand-written board may leave the version out: it means this version.
    try:
        version = file_version(raw)
    except ValueError as error:
        raise BoardFileError(path, str(error), "schema_version") from None
    if version > SCHEMA_VERSION:
        raise NewerBoardError(path, version, _known_part(raw))
    if version < SCHEMA_VERSION:
        spans = None  # an older card's text is not what this version writes
        try:
            raw = migrate(raw, version)
        except (LookupError, TypeError, ValueError, AttributeError) as error:
            raise BoardFileError(
                path, f"could not be brought up from schema {version} to {SCHEMA_VERSION}: {error}", "schema_version"
            ) from None
    from pydantic import ValidationError  # loaded by validating anyway

    try:
        board = Board.validate(raw)
    except ValidationError as error:
        where, problem = _describe_validation(error, _text_of(data, path))
        raise BoardFileError(path, problem, where) from None
    return board, spans


def _models_in(annotation: Any) -> list[type[Record]]:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _known_fields(model: type[Record], raw: Any) -> Any:
    """`raw` without the keys `model` does not know, at every depth."""
    if not isinstance(raw, dict):
        return raw
    known: dict[str, Any] = {}
    hints = get_type_hints(model)
    for name in model.field_names():
        if name in raw:
            inner = _models_in(hints[name])
            value = raw[name]
            if inner and isinstance(value, list):
                value = [_known_fields(inner[0], item) for item in value]
            elif inner:
                value = _known_fields(inner[0], value)
            known[name] = value
    return known


def _known_part(raw: dict[str, Any]) -> Board | None:
    """What this version understands of a newer file, to show it read-only."""
    from pydantic import ValidationError  # loaded by validating anyway

    try:
        return Board.validate({**_known_fields(Board, raw), "schema_version": SCHEMA_VERSION})
    except ValidationError:
        return None


def digest(data: bytes) -> str:
    """A fingerprint of the file's bytes, to tell whether someone else changed it."""
    return hashlib.sha256(data).hexdigest()


MAX_BOARD_BYTES = 256 * 1024 * 1024
"""The most a board file may hold: far above any real board (10,000 cards are 11 MB), and
far below what a link to /dev/zero would have fu-board read until memory ran out."""


def _refuse(path: Path, info: os.stat_result) -> None:
    """`BoardFileError` unless `info` is that of a plain file of a board's size."""
    if stat.S_ISDIR(info.st_mode):
        raise BoardFileError(path, "is a folder, not a board file")
    if not stat.S_ISREG(info.st_mode):
        raise BoardFileError(
            path, "is not a plain file (a pipe, a device or a socket): fu-board reads and writes only a plain file"
        )
    if info.st_size > MAX_BOARD_BYTES:
        raise BoardFileError(path, f"holds {info.st_size:,} bytes, more than any board ({MAX_BOARD_BYTES:,} at most)")


def _looked_at(path: Path, error: OSError) -> BoardFileError:
    """Why the board at `path` cannot be looked at, in words."""
    if error.errno == errno.ELOOP:
        return BoardFileError(path, "is a symbolic link that leads round in a loop: fix or remove the link")
    return BoardFileError(path, f"cannot be looked at: {error.strerror or error}")


def present(path: Path) -> bool:
    """Whether a board file stands at `path`: False when nothing does (a board may be made
    there), True for a plain file. Anything else that stands there, or a place that cannot
    be looked at (a folder the user cannot enter, a link in a loop), is a `BoardFileError`:
    nothing may replace what could not be read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _looked_at(path, error) from None
    _refuse(path, info)
    return True


def _opened(path: Path) -> int:
    """A descriptor on the board file at `path`, checked to be a plain file of a board's size
    (`_refuse`); opening never waits (a pipe would wait for a writer for ever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _looked_at(path, error) from None
    try:
        _refuse(path, os.fstat(fd))
    except BoardFileError:
        os.close(fd)
        raise
    return fd


def _pieces_of(path: Path, fd: int) -> Iterator[bytes]:
    """The file's bytes, a piece at a time, no more than a board may hold; the descriptor is closed."""
    read = 0
    try:
        while piece := os.read(fd, 1 << 20):
            read += len(piece)
            if read > MAX_BOARD_BYTES:  # it grew while being read
                raise BoardFileError(path, f"holds more than any board ({MAX_BOARD_BYTES:,} bytes at most)")
            yield piece
    except OSError as error:
        raise BoardFileError(path, f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(fd)


def read_file(path: Path) -> bytes:
    """The bytes of the board file at `path`: only a plain file of a board's size is read.
    `FileNotFoundError` when there is none; `BoardFileError` for anything else wrong."""
    return b"".join(_pieces_of(path, _opened(path)))


def _read_bytes(path: Path) -> bytes:
    return read_file(path)


def read_board(path: Path) -> tuple[Board, str]:
    """The board at `path` and the fingerprint of the bytes it was read from."""
    data = _read_bytes(path)
    key = digest(data)
    return parse_board(data, path, cache_key=key), key


def load_board(path: Path) -> Board:
    """Read and check the board at `path`; a missing file raises `FileNotFoundError`."""
    return read_board(path)[0]


# Writing -----------------------------------------------------------------------


_EMPTY: tuple[object, ...] = (None, "", ())


def _plain(value: Any) -> Any:
    """Model data as TOML values: enums as their strings, tuples as arrays, and no
    field left empty at its empty default (TOML has no null; absent means default).

    A field is left out only when leaving it out reads back as the same value,
    so an empty message template, whose default is not empty, is kept.
    """
    if isinstance(value, Record):
        plain = {}
        for name, default in type(value).field_defaults().items():
            item = getattr(value, name)
            if type(item) is str:  # most fields: as they are (an enum is a str too, but not exactly)
                if item or item != default:
                    plain[name] = item
            elif not (item in _EMPTY and item == default):
                plain[name] = _plain(item)
        return plain
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, str | int | dt.date):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in the board file")


class CardPlaces:
    """Where each card's TOML text lies in one version of the board file's bytes, by the
    card's identity: the cards of the board those bytes were read as, or written from.

    Cards are immutable and an operation replaces only the cards it changes, so a save
    serialises and checks only those, and copies the text of every other card from the
    file it replaces: saving after one change costs about the same at ten cards as at
    thousands. Only the places are kept, not the texts (10 MB at 10,000 cards): every
    save reads the file anyway, under the lock, to see whether someone else changed it.
    Whoever holds the bytes' digest holds their places (`BoardFile`), and lets them go with it.
    """

    __slots__ = ("_places", "lent")

    def __init__(
        self,
        cards: Sequence[Card],
        spans: Sequence[tuple[int, int]],
        keys: Sequence[str | None] | None = None,
        lent: cache.Pieces | None = None,
    ) -> None:
        named = keys if keys is not None and len(keys) == len(spans) else repeat(None)
        self._places = {
            id(card): (card, start, end, key) for card, (start, end), key in zip(cards, spans, named, strict=False)
        }
        self.lent = lent
        """The cache's pieces of these cards, lent to the one save that follows (a command's)."""

    def of(self, card: Card) -> tuple[int, int] | None:
        """Where `card`'s text is, if it is one of these cards."""
        entry = self._places.get(id(card))
        return None if entry is None or entry[0] is not card else (entry[1], entry[2])

    def key_of(self, card: Card) -> str | None:
        """The `cache.card_key` of `card`'s text, if it is one of these cards and it is known."""
        entry = self._places.get(id(card))
        return None if entry is None or entry[0] is not card else entry[3]

    def keys(self, cards: Sequence[Card]) -> list[str | None]:
        """The `key_of` each of `cards`, in order."""
        return [self.key_of(card) for card in cards]

    def spans(self, cards: Sequence[Card]) -> list[tuple[int, int]] | None:
        """Where each of `cards` is, in order; None unless every one is known."""
        spans = []
        for card in cards:
            place = self.of(card)
            if place is None:
                return None
            spans.append(place)
        return spans


class FileContent(NamedTuple):
    """The bytes of a board file as read, their `digest` and, when known, where each card of
    the board they hold lies in them."""

    data: bytes
    digest: str
    places: CardPlaces | None = None


class Written(NamedTuple):
    """What `save_board` wrote: the new bytes' digest, and where each card lies in them."""

    digest: str
    places: CardPlaces


def _pieces(cards: Sequence[Card], replacing: FileContent | None) -> list[tuple[bytes | memoryview, str | None]]:
    """Each card's text: copied from `replacing` where the card was read from it or written
    to it (with its `cache.card_key`, when known), otherwise serialised (and checked)."""
    places = replacing.places if replacing is not None else None
    view = memoryview(replacing.data) if replacing is not None and places is not None else None
    pieces: list[tuple[bytes | memoryview, str | None] | None] = []
    new: list[Card] = []
    for card in cards:
        place = places.of(card) if places is not None else None
        if places is not None and view is not None and place is not None:
            pieces.append((view[place[0] : place[1]], places.key_of(card)))
        else:
            pieces.append(None)
            new.append(card)
    texts = iter(_card_texts(new))
    return [piece if piece is not None else (next(texts), None) for piece in pieces]


def _card_text(card: Card) -> str:
    """One `[[cards]]` table, checked by reading it back."""
    text = tomli_w.dumps({"cards": [_plain(card)]})
    (parsed,) = tomli.loads(text)["cards"]
    if Card.validate(parsed) != card:
        raise ValueError(f"card {card.id} did not survive a round trip through TOML; nothing was written")
    return text


def _card_texts(cards: Sequence[Card]) -> list[bytes | memoryview]:
    """Each card's `[[cards]]` table (`_card_text`), written and read back all at once:
    for the 10,000 cards of a spreadsheet imported, one call each took a third longer.
    What is read back is held to what was written as TOML data: `_plain` leaves out only
    what reads back as the card's own value, which the round trip tests of `_card_text`
    (any board, hypothesis) hold it to; checking each card whole again took 80 ms more."""
    if len(cards) <= 1:
        return [_card_text(card).encode("utf-8") for card in cards]
    plain = [_plain(card) for card in cards]
    text = tomli_w.dumps({"cards": plain})
    split = _split_cards(text.encode("utf-8"))
    parsed = tomli.loads(text).get("cards", [])
    if split is None or split.top or len(split.cards) != len(cards) or len(parsed) != len(cards):
        raise ValueError("the new cards did not survive a round trip through TOML; nothing was written")
    for card, written, read in zip(cards, plain, parsed, strict=True):
        if read != written:
            raise ValueError(f"card {card.id} did not survive a round trip through TOML; nothing was written")
    return split.cards


class _Dumped(NamedTuple):
    data: bytes
    spans: list[tuple[int, int]]
    """Where each card's text is in `data`."""
    keys: list[str | None]
    """Each card's `cache.card_key`, where its text was copied and its key known."""


def _dump(board: Board, replacing: FileContent | None) -> _Dumped:
    """The board's bytes (see `dump_board`), where each card's text is in them, and the keys
    of the texts copied."""
    without_cards = board.replace(cards=())
    top = tomli_w.dumps(_plain(without_cards))
    if Board.validate(tomli.loads(top)) != without_cards:
        raise ValueError("the board's settings did not survive a round trip through TOML; nothing was written")
    head = HEADER + b"\n" + top.encode("utf-8")
    parts: list[bytes | memoryview] = [head]
    spans, keys = [], []
    at = len(head)
    for piece, key in _pieces(board.cards, replacing):
        at += 1  # the blank line before each card
        spans.append((at, at + len(piece)))
        keys.append(key)
        at += len(piece)
        parts += (b"\n", piece)
    return _Dumped(b"".join(parts), spans, keys)


def dump_board(board: Board, *, replacing: FileContent | None = None) -> bytes:
    """The board as TOML bytes, in a stable order, every part checked by parsing it back.

    Absent and default mean the same thing in the model, so fields left at an
    empty default are left out and the file stays short. The cards come last,
    one `[[cards]]` table each, in the board's order. `replacing`, the file about
    to be replaced, lends the text of each card unchanged since it was read from it.
    """
    return _dump(board, replacing)[0]


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data`, all or nothing.

    The bytes go to a private temporary file in the same folder, are flushed
    to disk, and then renamed over the target. A symlinked path keeps its link.
    On any failure the old file is untouched and the temporary file is removed.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    # The rename has happened: every reader now sees the new file, so the save is done.
    # Syncing the folder makes the rename itself durable; where that fails (file systems
    # that cannot sync a folder say EINVAL), reporting "not saved" would only make the
    # person repeat a change that was made, such as adding the same card twice.
    with contextlib.suppress(OSError):
        _fsync_folder(folder)


def write_quickly(path: Path, data: bytes) -> None:
    """Replace the file whole, as `write_atomically` does, but without waiting for the disk:
    for what can be worked out again (the due status, the calendar's kept events), where a
    copy lost in a power cut costs only time (a half-written one does not parse)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def save_board(path: Path, board: Board, *, cached: bool = False, replacing: FileContent | None = None) -> Written:
    """Write the board to `path` safely (see `write_atomically`); the new fingerprint, and
    where each card now lies in the file.

    `replacing` is the file's content as the caller read it, under the lock (see `dump_board`).
    With `cached`, the board is also kept by `fu_board.cache`, for the next reader.
    """
    data, spans, keys = _dump(board, replacing)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise BoardFileError(path, f"could not be saved: {error.strerror or error}") from None
    new = digest(data)
    if cached:
        lent = replacing.places.lent if replacing is not None and replacing.places is not None else None
        cache.remember(path, new, board, spans, data=data, keys=keys, lent=lent)
    return Written(new, CardPlaces(board.cards, spans, keys))


def remember_saved(path: Path, board: Board, saved_digest: str, places: CardPlaces | None) -> None:
    """Keep a board this program saved earlier in the cache, if every card's place is known
    and the file is still the one saved. When every card's key is known too (a board read
    after an outside edit), the file is only hashed, a piece at a time: holding it whole
    beside the board and the cache made the peak 11 MB higher at 10,000 cards."""
    spans = places.spans(board.cards) if places is not None else None
    if places is None or spans is None or cache.holds(path, saved_digest):
        return
    keys = places.keys(board.cards)
    if all(keys):
        read = _streamed_digest(path)
        if read is not None and read[0] == saved_digest:
            cache.remember(path, saved_digest, board, spans, keys=keys)
        return
    try:
        data = read_file(path)
    except (OSError, BoardFileError):
        return
    if digest(data) == saved_digest:
        cache.remember(path, saved_digest, board, spans, data=data, keys=places.keys(board.cards))

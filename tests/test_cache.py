"""The cache opens big boards fast and is never believed over the file."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings

from fu_board import board as ops
from fu_board import cache, packed, store
from fu_board.board_file import update
from fu_board.demo import demo_board
from fu_board.model import (
    RECORDS,
    SCHEMA_VERSION,
    Board,
    Card,
    Contact,
    Event,
    Interview,
    Record,
    ReviewLog,
    Settings,
    Templates,
)
from fu_board.store import digest, load_board, save_board
from tests.conftest import TODAY
from tests.test_store import boards


def _no_toml(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the TOML was parsed although the cache holds this file")


def test_a_board_read_again_comes_from_the_cache(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_board(board_path, demo_board(TODAY))
    first = load_board(board_path)  # parses, and keeps a copy
    monkeypatch.setattr(tomli, "loads", _no_toml)
    assert load_board(board_path) == first == demo_board(TODAY)


def test_a_board_saved_by_a_command_is_read_from_the_cache(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_board(board_path, demo_board(TODAY))
    done = update(board_path, lambda b: ops.add_card(b, company="Northwind", applied=TODAY))
    monkeypatch.setattr(tomli, "loads", _no_toml)
    assert load_board(board_path) == done.board


GOLDEN_V1 = Path(__file__).parent / "golden" / "v1.toml"


def test_a_board_from_an_older_schema_is_cached_too(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its cards' places are not kept (an older card's text is not this version's), but the
    board brought up is: opening it again, unchanged, does not parse and migrate it again."""
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(GOLDEN_V1.read_bytes())
    first = load_board(board_path)
    with monkeypatch.context() as patched:
        patched.setattr(tomli, "loads", _no_toml)
        again = load_board(board_path)
    assert again == first
    assert again.schema_version == SCHEMA_VERSION
    changed = update(board_path, lambda b: ops.add_card(b, company="Northwind", applied=TODAY)).board
    assert load_board(board_path) == changed  # every card written anew, and read back the same
    assert tomllib.loads(board_path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    "edit", [b"\n# a comment\n", b'\n[[cards]]\nid = "zzzz"\ncompany = "Hand"\napplied = 2026-11-01\n']
)
def test_any_change_to_the_file_makes_the_cache_miss(board_path: Path, edit: bytes) -> None:
    save_board(board_path, demo_board(TODAY))
    load_board(board_path)
    board_path.write_bytes(board_path.read_bytes() + edit)
    expected = store.parse_board(board_path.read_bytes(), board_path)
    assert load_board(board_path) == expected


@pytest.mark.parametrize(
    "damage",
    [
        lambda _kept: b"",
        lambda _kept: b"not json\n",
        lambda kept: b'{"format": "fu-board cache 0", "digest": "x"}\n' + kept.split(b"\n", 1)[1],
        lambda kept: kept.split(b"\n", 1)[0] + b"\ngarbage",  # the right header, then garbage
        lambda kept: kept[: len(kept) // 2],  # cut short
        lambda kept: kept[:-40] + bytes([kept[-40] ^ 1]) + kept[-39:],  # one bit changed
    ],
)
def test_a_damaged_cache_is_ignored(board_path: Path, damage: Callable[[bytes], bytes]) -> None:
    save_board(board_path, demo_board(TODAY))
    load_board(board_path)
    path = cache.cache_path(board_path)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.lookup(board_path, digest(board_path.read_bytes()), board_path.stat().st_size) is None
    assert load_board(board_path) == demo_board(TODAY)


def test_a_cache_whose_board_does_not_unpack_is_ignored(board_path: Path) -> None:
    """Whole, with its digests right, yet not a board this code wrote (a bug, another build)."""
    save_board(board_path, demo_board(TODAY))
    key = digest(board_path.read_bytes())
    top = packed.packer(Board)(Board())
    card = marshal.dumps(("a",))
    for meta, pieces in (
        (([0, 5], ["k"], top, [len(card)]), [card]),  # a card of one field
        (([0, 5], ["k"], top, [len(card) + 1]), [card]),  # pieces longer than the content
        (([0, 5], ["k"], top), [card]),  # no sizes
        (([0, 5], ["k"], ("a",), [len(card)]), [card]),  # a board of one field
    ):
        head_body = marshal.dumps(meta)
        body = head_body + b"".join(pieces)
        head = {"format": cache.FORMAT, "digest": key, "meta": len(head_body), "body": hashlib.sha256(body).hexdigest()}
        cache.cache_path(board_path).parent.mkdir(parents=True, exist_ok=True)
        cache.cache_path(board_path).write_bytes(json.dumps(head).encode() + b"\n" + body)
        assert cache.lookup(board_path, key, board_path.stat().st_size) is None
        assert load_board(board_path) == demo_board(TODAY)


def test_the_cache_is_private(board_path: Path) -> None:
    save_board(board_path, demo_board(TODAY))
    load_board(board_path)
    path = cache.cache_path(board_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_unwritable_cache_folder_changes_nothing(board_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "cache_folder", lambda: board_path.parent / "board.toml" / "cannot")
    save_board(board_path, demo_board(TODAY))
    assert load_board(board_path) == demo_board(TODAY)
    assert update(board_path, lambda b: ops.add_card(b, company="Still", applied=TODAY)).board == load_board(board_path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(board=boards())
def test_any_board_survives_the_cache(board: Board, tmp_path: Path) -> None:
    path = tmp_path / "any.toml"
    data, spans, _ = store._dump(board, None)
    cache.remember(path, digest(data), board, spans)
    hit = cache.lookup(path, digest(data), len(data))
    assert hit is not None
    assert (hit.board, hit.spans, hit.keys, hit.lent) == (board, spans, None, None)
    assert [data[start:end] for start, end in spans] == [store._card_text(card).encode() for card in board.cards]


def test_only_the_most_recent_boards_are_kept(tmp_path: Path) -> None:
    paths = [tmp_path / f"board{n}.toml" for n in range(cache.KEEP + 3)]
    for n, path in enumerate(paths):
        save_board(path, demo_board(TODAY))
        load_board(path)
        os.utime(cache.cache_path(path), ns=(n * 10**9, n * 10**9))
    save_board(paths[-1], Board())
    load_board(paths[-1])  # writes again, and forgets the oldest
    kept = {path for path in paths if cache.cache_path(path).exists()}
    assert len(kept) == cache.KEEP
    assert paths[0] not in kept
    assert paths[-1] in kept


def test_half_written_caches_are_cleared_once_they_are_old(tmp_path: Path) -> None:
    """What a crash while writing the cache leaves; a young one may be another fu-board's write."""
    path = tmp_path / "board.toml"
    save_board(path, demo_board(TODAY))
    folder = cache.cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    old, young = folder / ".crashed.tmp", folder / ".writing.tmp"
    for leftover in (old, young):
        leftover.write_bytes(b'{"format": "half')
    long_ago = time.time() - cache.LEFTOVER_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    load_board(path)  # writes the cache
    assert cache.cache_path(path).exists()
    assert not old.exists()
    assert young.exists()


def shaped(**fields: str) -> type[Record]:
    """A record named Card with these fields (name: type, as written in code)."""
    namespace: dict[str, object] = {"__annotations__": fields, **dict.fromkeys(fields, "")}
    return dataclass(frozen=True, kw_only=True, slots=True)(type("Card", (Record,), namespace))


def test_a_cache_written_for_other_records_is_never_read() -> None:
    """The cache is read without checks: a field renamed, added or given another type
    (without a new fu-board version) must make every cache written before it miss."""
    before = cache.layout([shaped(name="str")])
    assert cache.layout([shaped(name="str")]) == before
    assert cache.layout([shaped(title="str")]) != before
    assert cache.layout([shaped(name="str", title="str")]) != before
    assert cache.layout([shaped(name="int")]) != before
    every = {Board, Settings, Templates, ReviewLog, Card, Contact, Interview, Event}
    assert set(RECORDS) == every
    assert cache.FORMAT.endswith(f"records {cache.layout(RECORDS)}")


def test_a_board_closed_without_a_change_does_not_write_its_cache_again(tmp_path: Path) -> None:
    """Quitting after only looking: the cache holds these very bytes already."""
    path = tmp_path / "board.toml"
    board = demo_board(TODAY)
    written = store.save_board(path, board, cached=True)
    kept = cache.cache_path(path)
    assert cache.holds(path, written.digest)
    before = kept.stat().st_mtime_ns
    os.utime(kept, ns=(before - 10**9, before - 10**9))  # so a rewrite would show
    store.remember_saved(path, board, written.digest, written.places)
    assert kept.stat().st_mtime_ns == before - 10**9
    assert not cache.holds(path, "0" * 64)


def test_the_parser_the_cache_stands_in_for_is_the_one_watched() -> None:
    """The tests above forbid `tomli.loads`: it must be what a cold read calls."""
    assert store.tomli is tomli


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text `tomli.loads` parses from now on (within `monkeypatch`)."""
    parsed: list[str] = []
    real = tomli.loads

    def loads(text: str, **kwargs: Any) -> dict[str, Any]:
        parsed.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", loads)
    return parsed


def _edit_one_card(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")


def test_after_an_outside_edit_only_the_changed_card_is_parsed(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = demo_board(TODAY)
    save_board(board_path, board, cached=True)
    first = board.cards[0]
    _edit_one_card(board_path, f'company = "{first.company}"', 'company = "Edited by hand"')
    with monkeypatch.context() as patched:
        parsed = _counting(patched)
        read = load_board(board_path)

    cards = [text for text in parsed if text.startswith("[[cards]]")]
    assert len(cards) == 1
    assert 'company = "Edited by hand"' in cards[0]
    assert read.cards[0].company == "Edited by hand"
    assert read.cards[1:] == board.cards[1:]
    cache.cache_path(board_path).unlink()
    assert store.load_board(board_path) == read  # exactly what a read without the cache makes


def test_an_edited_card_that_is_wrong_is_still_refused_where_it_is(board_path: Path) -> None:
    board = demo_board(TODAY)
    save_board(board_path, board, cached=True)
    second = board.cards[1]
    _edit_one_card(board_path, f'id = "{second.id}"', f'id = "{board.cards[0].id}"')
    with pytest.raises(store.BoardFileError, match="two cards have the id"):
        load_board(board_path)
    _edit_one_card(board_path, f'id = "{board.cards[0].id}"\ncompany = "{second.company}"', "company = 7")
    with pytest.raises(store.BoardFileError) as raised:
        load_board(board_path)
    assert "cards[1]" in str(raised.value)


def test_a_save_encodes_only_the_cards_the_cache_has_not_seen(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_board(board_path, demo_board(TODAY), cached=True)
    encoded: list[str] = []
    real = packed.packer(Card)

    def pack(card: Card) -> tuple[Any, ...]:
        encoded.append(card.company)
        return real(card)

    with monkeypatch.context() as patched:
        patched.setitem(packed._PACKERS, Card, pack)
        done = update(board_path, lambda b: ops.add_card(b, company="Northwind", applied=TODAY))
    assert encoded == ["Northwind"]
    with monkeypatch.context() as patched:
        patched.setattr(tomli, "loads", _no_toml)
        assert load_board(board_path) == done.board


def test_a_commands_save_reads_the_cache_once_and_keys_only_the_new_card(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pieces and keys read to open the board serve the save: the cache is read once,
    and only the new card's text is hashed."""
    save_board(board_path, demo_board(TODAY), cached=True)
    reads, keyed = [], []
    real_read, real_key = cache._read, cache.card_key
    monkeypatch.setattr(cache, "_read", lambda *given: reads.append(given[1]) or real_read(*given))
    monkeypatch.setattr(cache, "card_key", lambda text: keyed.append(bytes(text)) or real_key(text))
    done = update(board_path, lambda b: ops.add_card(b, company="Northwind", applied=TODAY))
    assert len(reads) == 1  # to open it
    assert len(keyed) == 1
    assert b'company = "Northwind"' in keyed[0]
    monkeypatch.setattr(cache, "card_key", real_key)
    data = board_path.read_bytes()
    written = real_read(board_path, digest(data), bytes)
    assert written is not None
    split = store._split_cards(data)
    assert split is not None
    assert split.spans is not None
    assert written.places == [place for span in split.spans for place in span]
    assert written.keys == [real_key(data[start:end]) for start, end in split.spans]
    with monkeypatch.context() as patched:
        patched.setattr(tomli, "loads", _no_toml)
        assert load_board(board_path) == done.board


def test_after_an_outside_edit_the_cache_is_kept_without_holding_the_file_whole(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each card's key is known from reading it, so keeping the board (after the first
    frame) only hashes the file a piece at a time, and parses nothing."""
    save_board(board_path, demo_board(TODAY), cached=True)
    first = demo_board(TODAY).cards[0]
    _edit_one_card(board_path, f'company = "{first.company}"', 'company = "Edited by hand"')
    data = board_path.read_bytes()
    board, places = store.parse_placed(data, board_path, cache_key=digest(data), remember=False)
    assert places is not None
    assert all(places.keys(board.cards))
    with monkeypatch.context() as patched:
        patched.setattr(store, "read_file", lambda *_: pytest.fail("the whole file was read"))
        patched.setattr(tomli, "loads", _no_toml)
        store.remember_saved(board_path, board, digest(data), places)
    assert cache.holds(board_path, digest(data))
    with monkeypatch.context() as patched:
        patched.setattr(tomli, "loads", _no_toml)
        assert load_board(board_path) == board  # from the cache just written


def test_the_cache_outlives_an_upgrade_that_leaves_the_cards_alone(tmp_path: Path) -> None:
    """Keyed by the source of what decides a card, not by the program's version."""
    from fu_board import __version__

    assert __version__ not in cache.FORMAT.replace(f"records {cache.layout(RECORDS)}", "")
    folder = tmp_path / "fu_board"
    folder.mkdir()
    source = Path(cache.__file__).parent
    for name in cache._WHAT_A_CARD_IS:
        (folder / name).write_bytes((source / name).read_bytes())
    assert cache.code_fingerprint(folder) == cache.code_fingerprint()
    for name in cache._WHAT_A_CARD_IS:
        kept = (folder / name).read_bytes()
        (folder / name).write_bytes(kept + b"\n# a rule changed\n")
        assert cache.code_fingerprint(folder) != cache.code_fingerprint(), name
        (folder / name).write_bytes(kept)
    (folder / "packed.py").unlink()
    assert cache.code_fingerprint(folder) == f"fu-board {__version__}"


def test_names_read_back_from_the_cache_are_one_text_for_every_card(board_path: Path) -> None:
    """A recruiter on two cards, an interviewer thanked: one text object each, read back."""
    first_name, title = "".join(["Dana", " Ortiz"]), "".join(["Hiring", " Manager"])  # made, never interned
    board = Board()
    for company in ("Acme", "Globex"):
        board = ops.add_card(board, company=company, applied=TODAY).board
        card = board.cards[-1]
        contact = Contact(name="".join(["Dana", " Ortiz"]), title="".join(["Hiring", " Manager"]))
        board = ops.edit_card(board, card.id, on=TODAY, contacts=(contact,)).board
    save_board(board_path, board, cached=True)
    read = load_board(board_path)
    assert read == board
    names = [card.contacts[0].name for card in read.cards]
    titles = [card.contacts[0].title for card in read.cards]
    assert names == [first_name, first_name]
    assert names[0] is names[1]
    assert titles[0] is titles[1] == title

"""Cards read back from the cache keep their long parts packed until first read, and are
cards in every way meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

from fu_board import packed
from fu_board.demo import demo_board
from fu_board.model import Board, Card
from fu_board.store import load_board, save_board
from tests.conftest import TODAY


def _read_back(board_path: Path) -> tuple[Board, Board]:
    board = demo_board(TODAY)
    save_board(board_path, board, cached=True)
    return board, load_board(board_path)


def _still_packed(card: Card) -> bool:
    return packed._PACKED.__get__(card) is not None


def test_a_warm_read_unpacks_no_card_and_reading_a_part_unpacks_that_card(board_path: Path) -> None:
    board, read = _read_back(board_path)
    assert all(isinstance(card, packed.LazyCard) for card in read.cards)
    assert all(_still_packed(card) for card in read.cards)
    first = read.cards[0]
    assert first.stage is board.cards[0].stage  # read at once: still packed
    assert _still_packed(first)
    assert first.timeline == board.cards[0].timeline
    assert not _still_packed(first)  # unpacked whole, its packed form let go
    assert all(_still_packed(card) for card in read.cards[1:])
    for name in packed.KEPT_PACKED:
        assert getattr(read.cards[1], name) == getattr(board.cards[1], name), name


def test_a_lazy_card_is_equal_to_its_card_both_ways_and_hashes_alike(board_path: Path) -> None:
    board, read = _read_back(board_path)
    for mine, lazy in zip(board.cards, read.cards, strict=True):
        assert lazy == mine
        assert mine == lazy
        assert hash(lazy) == hash(mine)
    other = board.cards[1].replace(note="changed")
    assert read.cards[1] != other
    assert other != read.cards[1]


def test_a_changed_copy_of_a_lazy_card_is_a_plain_card(board_path: Path) -> None:
    board, read = _read_back(board_path)
    changed = read.cards[2].replace(note="a new note")
    assert type(changed) is Card
    assert changed.note == "a new note"
    assert changed.timeline == board.cards[2].timeline
    assert Board.validate({"cards": [read.cards[0], changed]}).cards[0] == board.cards[0]


def test_threads_unpacking_the_same_cards_all_see_them_whole(board_path: Path) -> None:
    board, read = _read_back(board_path)
    seen: list[list[tuple[object, ...]]] = []
    start = threading.Barrier(4)

    def look() -> None:
        start.wait()
        seen.append([tuple(getattr(card, name) for name in packed.KEPT_PACKED) for card in read.cards])

    threads = [threading.Thread(target=look) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [tuple(getattr(card, name) for name in packed.KEPT_PACKED) for card in board.cards]
    assert seen == [expected] * 4


def test_what_is_no_field_is_still_no_attribute(board_path: Path) -> None:
    _board, read = _read_back(board_path)
    card = read.cards[0]
    assert not hasattr(card, "nonsense")
    assert _still_packed(card)  # asking for something else unpacks nothing


def test_what_the_background_works_out_leaves_the_cards_packed(board_path: Path) -> None:
    """Search texts and the numbers are read through copies: the cards stay packed, and
    what is worked out is what the cards themselves give."""
    from fu_board.search import Finder
    from fu_board.stats import card_facts
    from fu_board.views import View

    board, read = _read_back(board_path)
    view = View(read, TODAY)
    view.learn(read.cards)
    assert all(_still_packed(card) for card in read.cards)
    plain = View(board, TODAY)
    finder = Finder()
    for lazy, card in zip(read.cards, board.cards, strict=True):
        assert view.finder.text_of(lazy) == finder.text_of(card)
    assert view.stats == plain.stats
    assert [view._facts.get(card, (TODAY,), lambda _: None) for card in read.cards] == [
        card_facts(card, TODAY) for card in board.cards
    ]
    assert all(_still_packed(card) for card in read.cards)
    assert packed.readable(board.cards[0]) is board.cards[0]  # a plain card is read as it is

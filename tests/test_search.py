"""Finding cards by what they say: case and accents ignored, one field at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from fu_board.board import edit_card
from fu_board.demo import demo_board
from fu_board.model import Board, Card, Contact
from fu_board.search import Finder, fold, searchable
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Acme Robotics", "acme robotics"),
        ("Société Générale", "societe generale"),
        ("Zoë's CAFÉ", "zoe's cafe"),
        ("Straße", "strasse"),
        ("Ｆｕｌｌ", "full"),  # full-width letters, as some keyboards type them
        ("東京", "東京"),
    ],
)
def test_fold_forgets_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


def card(**fields: object) -> Card:
    return Card.validate({"id": "c1", "company": "Acme", "applied": "2026-11-02", **fields})


def test_every_field_a_person_would_search_is_searched() -> None:
    text = searchable(
        card(
            role="Platform Engineer",
            note="Met at the meetup\nbring the portfolio",
            link="https://jobs.example/42",
            contacts=[{"name": "Dana Ortiz", "email": "dana@acme.example", "title": "Recruiter", "phone": "+1 555"}],
        )
    )
    for part in ["acme", "platform", "meetup", "portfolio", "jobs.example/42", "dana", "acme.example", "recruiter"]:
        assert part in text
    assert "2026" not in text  # dates are not text to find


def test_a_match_never_spans_two_fields() -> None:
    finder = Finder()
    cards = [card(role="Engineer")]
    assert finder.narrow(cards, "acme engineer") == []
    assert finder.narrow(cards, "acme") == cards


def test_narrowing_keeps_the_order_and_an_empty_text_keeps_everything() -> None:
    board = demo_board(TODAY)
    finder = Finder()
    assert finder.narrow(board.cards, "  ") == list(board.cards)
    found = finder.narrow(board.cards, " ENGINEER ")
    assert [c.id for c in found] == [c.id for c in board.cards if "engineer" in c.role.lower()]
    assert [c.company for c in finder.narrow(board.cards, "priya")] == ["Northwind Traders"]
    assert [c.company for c in finder.narrow(board.cards, "meetup")] == ["Umbrella Health"]
    assert [c.company for c in finder.narrow(board.cards, "northwind.example/1234")] == ["Northwind Traders"]


def test_an_edited_card_is_searched_as_it_is_now() -> None:
    board = Board(cards=(card(),))
    finder = Finder()
    assert finder.narrow(board.cards, "zürich") == []
    edited = edit_card(board, "c1", on=dt.date(2026, 11, 3), contacts=(Contact(name="Zoë in Zürich"),)).board
    assert finder.narrow(edited.cards, "ZURICH") == list(edited.cards)
    finder.texts.keep_only(edited.cards)
    assert len(finder.texts) == 1  # the card before the edit is let go
    finder.learn(edited.cards)
    assert finder.narrow(edited.cards, "zoe") == list(edited.cards)


def test_text_beyond_latin_1_is_found_exactly() -> None:
    """The folded texts are kept as UTF-8: a match is a match of whole characters."""
    card = Card.validate(
        {"id": "w1", "company": "Łódź Labs", "applied": "2026-11-02", "note": "Met 王小明 at the 🔥 meetup"}
    )
    finder = Finder()
    for found in ("王小明", "小明 at", "🔥", "łodz", "ŁÓDŹ", "meetup"):
        assert finder.narrow([card], found) == [card], found
    for missing in ("明x", "王明", "🔥🔥", "łodzz"):
        assert finder.narrow([card], missing) == [], missing


def test_one_more_letter_narrows_what_was_found_and_finds_the_same() -> None:
    cards = list(demo_board(TODAY).cards)
    finder = Finder()
    looked: list[str] = []
    real = finder.text_of

    def text_of(card: Card) -> bytes:
        looked.append(card.id)
        return real(card)

    finder.text_of = text_of  # type: ignore[method-assign]
    first = finder.narrow(cards, "b")
    assert len(looked) == len(cards)
    assert 0 < len(first) < len(cards)
    looked.clear()
    second = finder.narrow(cards, "ba")
    assert sorted(looked) == sorted(card.id for card in first)  # only what "b" found
    assert second == Finder().narrow(cards, "ba")
    looked.clear()
    assert finder.narrow(cards, "a") == Finder().narrow(cards, "a")  # not an extension: every card again
    assert len(looked) == len(cards)
    assert finder.narrow(list(cards), "an") == Finder().narrow(cards, "an")  # another list: from scratch

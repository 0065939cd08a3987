"""The header's numbers: irons in the fire, nos until yes, days since the last touch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fu_board.counts import days_since_touch, irons_in_fire, last_touch, nos_until_yes, resolution_order
from fu_board.model import Board, Card, EventKind

APPLIED = dt.date(2024, 1, 10)


LATER = dt.date(2030, 1, 1)
"""A day after every event of these tests."""


def card(card_id: str, **fields: Any) -> Card:
    base: dict[str, Any] = {"id": card_id, "company": f"Company {card_id}", "applied": APPLIED}
    return Card.validate({**base, **fields})


def answered(card_id: str, outcome: str, day: int) -> Card:
    return card(card_id, stage="resolved", outcome=outcome, resolved_on=dt.date(2024, 2, day))


def board_of(*cards: Card) -> Board:
    return Board(cards=cards)


# irons_in_fire -------------------------------------------------------------------


def test_irons_in_fire_empty_board() -> None:
    assert irons_in_fire(Board()) == 0


def test_irons_in_fire_counts_every_unresolved_card() -> None:
    board = board_of(
        card("a1", stage="applied"),
        card("a2", stage="interviewed"),
        card("a3", stage="followed_up"),
        answered("r1", "yes", 1),
        answered("r2", "no", 2),
        answered("r3", "withdrawn", 3),
        card("a4"),
    )
    assert irons_in_fire(board) == 4


def test_irons_in_fire_with_only_answers() -> None:
    assert irons_in_fire(board_of(answered("r1", "no", 1), answered("r2", "no", 2))) == 0


# nos_until_yes -------------------------------------------------------------------


def test_nos_until_yes_empty_board() -> None:
    assert nos_until_yes(Board()) == 0


def test_nos_until_yes_counts_every_no_before_the_first_yes() -> None:
    board = board_of(answered("n1", "no", 1), answered("n2", "no", 2), answered("n3", "no", 3), card("open"))
    assert nos_until_yes(board) == 3


def test_nos_until_yes_counts_only_the_nos_after_the_last_yes() -> None:
    board = board_of(
        answered("n1", "no", 1),
        answered("n2", "no", 2),
        answered("y1", "yes", 3),
        answered("n3", "no", 4),
        answered("n4", "no", 5),
    )
    assert nos_until_yes(board) == 2


def test_nos_until_yes_with_several_yeses() -> None:
    board = board_of(
        answered("n1", "no", 1),
        answered("y1", "yes", 2),
        answered("n2", "no", 3),
        answered("n3", "no", 4),
        answered("y2", "yes", 5),
        answered("n4", "no", 6),
    )
    assert nos_until_yes(board) == 1


def test_nos_until_yes_is_zero_right_after_a_yes() -> None:
    board = board_of(answered("n1", "no", 1), answered("n2", "no", 2), answered("y1", "yes", 3))
    assert nos_until_yes(board) == 0


def test_withdrawn_never_counts() -> None:
    assert nos_until_yes(board_of(answered("w1", "withdrawn", 1), answered("w2", "withdrawn", 2))) == 0
    board = board_of(answered("n1", "no", 1), answered("w1", "withdrawn", 2), answered("n2", "no", 3))
    assert nos_until_yes(board) == 2
    # A withdrawal does not reset the count either.
    board = board_of(answered("n1", "no", 1), answered("w1", "withdrawn", 5))
    assert nos_until_yes(board) == 1


def test_nos_until_yes_orders_by_resolved_on_not_by_list_order() -> None:
    # In the list the yes comes last, but it was the first answer.
    board = board_of(answered("n2", "no", 20), answered("n1", "no", 15), answered("y1", "yes", 10))
    assert nos_until_yes(board) == 2
    # In the list the yes comes first, but it was the latest answer.
    board = board_of(answered("y1", "yes", 20), answered("n1", "no", 1), answered("n2", "no", 2))
    assert nos_until_yes(board) == 0


def test_nos_until_yes_ignores_unresolved_cards() -> None:
    board = board_of(answered("n1", "no", 1), card("c1", stage="interviewed"), card("c2"))
    assert nos_until_yes(board) == 1


def test_resolution_order_is_oldest_answer_first_and_only_resolved() -> None:
    cards = [answered("c", "no", 9), card("open"), answered("a", "yes", 1), answered("b", "withdrawn", 5)]
    assert [each.id for each in resolution_order(cards)] == ["a", "b", "c"]


# last_touch / days_since_touch ---------------------------------------------------


def event(day: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {"date": day, "kind": kind, **fields}


def test_last_touch_defaults_to_the_applied_date() -> None:
    assert last_touch(card("a1"), LATER) == APPLIED
    assert last_touch(card("a1", timeline=[event("2024-01-10", "applied")]), LATER) == APPLIED


@pytest.mark.parametrize(
    "kind",
    [
        EventKind.APPLIED,
        EventKind.INTERVIEWED,
        EventKind.THANK_YOU,
        EventKind.FOLLOWED_UP,
        EventKind.HEARD_BACK,
        EventKind.RESOLVED,
    ],
)
def test_contact_events_are_touches(kind: EventKind) -> None:
    extra = {"outcome": "no"} if kind is EventKind.RESOLVED else {}
    timeline = [event("2024-01-10", "applied"), event("2024-02-03", kind.value, **extra)]
    assert last_touch(card("a1", timeline=timeline), LATER) == dt.date(2024, 2, 3)


@pytest.mark.parametrize("kind", [EventKind.EDITED, EventKind.MOVED, EventKind.SNOOZED, EventKind.REOPENED])
def test_bookkeeping_events_are_not_touches(kind: EventKind) -> None:
    extra = {"to": "applied"} if kind in {EventKind.MOVED, EventKind.REOPENED} else {}
    timeline = [
        event("2024-01-10", "applied"),
        event("2024-01-20", "followed_up"),
        event("2024-03-01", kind.value, **extra),
    ]
    assert last_touch(card("a1", timeline=timeline), LATER) == dt.date(2024, 1, 20)


def test_last_touch_is_the_latest_touch_whatever_the_order() -> None:
    timeline = [
        event("2024-01-10", "applied"),
        event("2024-02-20", "heard_back"),
        event("2024-02-01", "thank_you"),
        event("2024-02-25", "edited"),
    ]
    assert last_touch(card("a1", timeline=timeline), LATER) == dt.date(2024, 2, 20)


def test_only_non_touches_fall_back_to_applied() -> None:
    timeline = [event("2024-05-01", "edited"), event("2024-05-02", "moved", to="applied")]
    assert last_touch(card("a1", timeline=timeline), LATER) == APPLIED


def test_days_since_touch() -> None:
    timeline = [event("2024-01-10", "applied"), event("2024-01-20", "interviewed"), event("2024-01-30", "edited")]
    touched = card("a1", timeline=timeline)
    assert days_since_touch(touched, dt.date(2024, 1, 20)) == 0
    assert days_since_touch(touched, dt.date(2024, 1, 27)) == 7
    assert days_since_touch(touched, dt.date(2024, 3, 1)) == 41
    assert days_since_touch(card("a2"), dt.date(2024, 1, 31)) == 21


def test_a_scheduled_interview_is_not_a_touch_until_it_happens() -> None:
    timeline = [event("2024-01-10", "applied"), event("2024-01-20", "interviewed")]
    scheduled = card("a1", timeline=timeline)
    assert last_touch(scheduled, dt.date(2024, 1, 19)) == APPLIED
    assert days_since_touch(scheduled, dt.date(2024, 1, 19)) == 9
    assert last_touch(scheduled, dt.date(2024, 1, 20)) == dt.date(2024, 1, 20)

"""Nos until yes: the tally, the personal ratio, "about N to go", and the words said after a no or a yes.

Histories are made by hand (cards with exact `resolved_on` days) or with the board operations, so that
every count can be checked against a number worked out on paper.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fu_board.board import add_card, move_card, reopen_card, resolve_card
from fu_board.counts import Standing, nos_until_yes, standing
from fu_board.model import Board, Card, NoKind, Outcome, Settings, Stage
from fu_board.progress import Tally, no_greeting, nos_per_yes, tally, to_go, to_go_words, yes_celebration

APPLIED = dt.date(2026, 1, 5)
DISCOURAGING = ("fail", "sorry", "unfortunately", "reject", "bad", "lost")


def seen(board: Board) -> tuple[Settings, Standing]:
    """What the ratio is worked out from: the board's settings and standing."""
    return board.settings, standing(board)


def day(n: int) -> dt.date:
    """The n-th of February 2026: the day an answer came."""
    return dt.date(2026, 2, n)


def card(card_id: str, **fields: Any) -> Card:
    base: dict[str, Any] = {"id": card_id, "company": f"Co {card_id}", "applied": APPLIED}
    return Card.validate({**base, **fields})


def answered(card_id: str, outcome: str, on: int, **fields: Any) -> Card:
    """A card resolved as `outcome` on the `on`-th of February (a no is "said" unless `no_kind` is given)."""
    if outcome == "no":
        fields.setdefault("no_kind", "said")
    return card(card_id, stage="resolved", outcome=outcome, resolved_on=day(on), **fields)


def board_of(*cards: Card, expected: int | None = None) -> Board:
    return Board(cards=cards, settings=Settings(expected_nos_per_yes=expected))


def history(*outcomes: str) -> Board:
    """One card per outcome, answered on consecutive days in the order given (ids n1, y2, w3...)."""
    return board_of(*(answered(f"{o[0]}{i}", o, i) for i, o in enumerate(outcomes, start=1)))


# tally and nos_until_yes --------------------------------------------------------------------------------------


def test_tally_of_an_empty_board() -> None:
    assert tally(Board()) == Tally(yeses=0, nos=0, withdrawn=0, nos_since_last_yes=0)


def test_no_yes_yet_every_no_counts() -> None:
    board = board_of(
        answered("n1", "no", 3),
        card("open1"),
        answered("n2", "no", 1, no_kind="silence"),
        card("open2", stage="followed_up"),
        answered("n3", "no", 9),
    )
    assert tally(board) == Tally(yeses=0, nos=3, withdrawn=0, nos_since_last_yes=3)
    assert nos_until_yes(board) == 3


def test_several_yeses_only_the_nos_after_the_last_yes_count() -> None:
    board = history("no", "yes", "no", "no", "no", "yes", "no", "no")
    assert tally(board) == Tally(yeses=2, nos=6, withdrawn=0, nos_since_last_yes=2)


def test_the_order_is_the_answer_day_not_the_board_order() -> None:
    board = board_of(
        answered("n1", "no", 20),
        answered("y1", "yes", 10),
        answered("n2", "no", 5),
        answered("n3", "no", 15),
    )
    assert nos_until_yes(board) == 2  # n3 (15th) and n1 (20th) came after the yes of the 10th


def test_a_yes_as_the_latest_answer_starts_again_from_zero() -> None:
    board = history("no", "no", "no", "yes")
    assert tally(board) == Tally(yeses=1, nos=3, withdrawn=0, nos_since_last_yes=0)


@pytest.mark.parametrize(
    ("outcomes", "since"),
    [
        pytest.param(("withdrawn",), 0, id="only-withdrawn"),
        pytest.param(("withdrawn", "withdrawn", "no"), 1, id="before-a-no"),
        pytest.param(("no", "withdrawn", "no"), 2, id="between-nos-does-not-reset"),
        pytest.param(("no", "yes", "no", "withdrawn"), 1, id="after-a-yes"),
    ],
)
def test_withdrawn_never_counts(outcomes: tuple[str, ...], since: int) -> None:
    board = history(*outcomes)
    counted = tally(board)
    assert counted.nos_since_last_yes == since
    assert counted.withdrawn == outcomes.count("withdrawn")
    assert counted.nos == outcomes.count("no")


def test_a_card_resolved_straight_from_applied_counts() -> None:
    added = add_card(Board(), company="Acme", applied=APPLIED)
    done = resolve_card(added.board, added.card.id, Outcome.NO, on=day(1))
    assert done.card.furthest_stage is Stage.APPLIED
    assert tally(done.board) == Tally(yeses=0, nos=1, withdrawn=0, nos_since_last_yes=1)


@pytest.mark.parametrize(
    ("cards", "since"),
    [
        pytest.param((answered("n1", "no", 4), answered("y1", "yes", 4)), 0, id="no-then-yes"),
        pytest.param((answered("y1", "yes", 4), answered("n1", "no", 4)), 1, id="yes-then-no"),
        pytest.param((answered("n1", "no", 4), answered("y1", "yes", 4), answered("n2", "no", 4)), 1, id="no-yes-no"),
    ],
)
def test_answers_on_the_same_day_keep_the_board_order(cards: tuple[Card, ...], since: int) -> None:
    assert nos_until_yes(board_of(*cards)) == since


def test_reopening_a_no_takes_it_out_of_the_counts() -> None:
    board, ids = Board(), list[str]()
    for company in ("Acme", "Globex", "Initech"):
        added = add_card(board, company=company, applied=APPLIED)
        board = added.board
        ids.append(added.card.id)
    for n, card_id in enumerate(ids, start=1):
        board = resolve_card(board, card_id, Outcome.NO, on=day(n)).board
    assert tally(board) == Tally(yeses=0, nos=3, withdrawn=0, nos_since_last_yes=3)

    reopened = reopen_card(board, ids[1], on=day(10))
    assert reopened.card.outcome is None
    assert reopened.card.stage is Stage.APPLIED  # where it was resolved from
    assert tally(reopened.board) == Tally(yeses=0, nos=2, withdrawn=0, nos_since_last_yes=2)

    back = move_card(reopened.board, ids[0], Stage.APPLIED, on=day(10)).board
    assert tally(back) == Tally(yeses=0, nos=1, withdrawn=0, nos_since_last_yes=1)


def test_reopening_the_last_yes_brings_back_the_nos_before_it() -> None:
    board = history("no", "no", "yes")
    assert nos_until_yes(board) == 0
    reopened = reopen_card(board, "y3", on=day(10)).board
    assert tally(reopened) == Tally(yeses=0, nos=2, withdrawn=0, nos_since_last_yes=2)


# nos_per_yes, to_go, to_go_words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "board",
    [
        pytest.param(Board(), id="empty"),
        pytest.param(history("no", "no", "no"), id="only-nos"),
        pytest.param(history("no", "withdrawn"), id="no-and-withdrawn"),
    ],
)
def test_no_ratio_before_the_first_yes(board: Board) -> None:
    assert nos_per_yes(*seen(board)) is None
    assert to_go(*seen(board)) is None
    assert to_go_words(*seen(board)) == ""


@pytest.mark.parametrize(
    ("outcomes", "ratio"),
    [
        pytest.param(("yes",), 0.0, id="a-yes-at-once"),
        pytest.param(("no", "no", "yes"), 2.0, id="two-then-yes"),
        pytest.param(("no", "no", "no", "yes", "no", "no", "yes", "withdrawn"), 2.5, id="five-nos-two-yeses"),
        pytest.param(("no", "yes", "no", "no", "no"), 4.0, id="nos-after-the-yes-count-too"),
    ],
)
def test_ratio_from_history_is_nos_per_yes(outcomes: tuple[str, ...], ratio: float) -> None:
    assert nos_per_yes(*seen(history(*outcomes))) == pytest.approx(ratio)


@pytest.mark.parametrize(
    "board",
    [
        pytest.param(board_of(expected=4), id="empty-board"),
        pytest.param(board_of(answered("n1", "no", 1), expected=4), id="no-yes-yet"),
        pytest.param(board_of(answered("n1", "no", 1), answered("y2", "yes", 2), expected=4), id="history-says-1"),
    ],
)
def test_the_expected_ratio_setting_overrides_history(board: Board) -> None:
    assert nos_per_yes(*seen(board)) == 4.0


@pytest.mark.parametrize(
    ("board", "left", "words"),
    [
        # 5 nos / 2 yeses = 2.5, rounded up to 3.
        pytest.param(history("no", "no", "no", "yes", "no", "no", "yes"), 3, "about 3 to go", id="ceil-2.5-none-yet"),
        pytest.param(history("no", "no", "no", "yes", "no", "no", "yes", "no"), 2, "about 2 to go", id="one-since"),
        pytest.param(history("yes", "no", "no"), 0, "any day now", id="ratio-reached"),
        pytest.param(history("yes", "yes", "no", "no", "no"), 0, "any day now", id="past-the-ratio-never-negative"),
        pytest.param(history("yes"), 0, "any day now", id="ratio-zero"),
        pytest.param(board_of(answered("n1", "no", 1), expected=5), 4, "about 4 to go", id="setting-no-yes-yet"),
        pytest.param(board_of(expected=1), 1, "about 1 to go", id="setting-empty-board"),
        pytest.param(history("no", "no", "no"), None, "", id="no-ratio"),
    ],
)
def test_to_go(board: Board, left: int | None, words: str) -> None:
    assert to_go(*seen(board)) == left
    assert to_go_words(*seen(board)) == words


def test_to_go_is_the_rounded_up_ratio_minus_the_nos_since_the_last_yes() -> None:
    # 4 nos / 3 yeses = 1.33..., rounded up to 2; one no since the last yes.
    board = history("no", "yes", "no", "no", "yes", "yes", "no")
    assert nos_per_yes(*seen(board)) == pytest.approx(4 / 3)
    assert to_go(*seen(board)) == 1


# no_greeting --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("board", "greeted", "text"),
    [
        pytest.param(
            history("no"),
            "n1",
            "No #1: every no is a step closer to the yes.",
            id="first-no",
        ),
        pytest.param(
            history("no", "withdrawn", "no", "no"),
            "n4",
            "No #3: every no is a step closer to the yes.",
            id="no-yes-yet",
        ),
        pytest.param(
            board_of(answered("n1", "no", 1), answered("n2", "no", 2, no_kind="silence")),
            "n2",
            "No #2 (silence counts as a no): every no is a step closer to the yes.",
            id="silence-no-yes-yet",
        ),
        pytest.param(
            history("yes", "no"),
            "n2",
            "No #1 since your last yes: one step closer to the next one. Any day now.",
            id="after-a-yes-ratio-1",
        ),
        pytest.param(
            history("no", "no", "no", "yes", "no"),
            "n5",
            "No #1 since your last yes: one step closer to the next one. About 3 to go.",
            id="after-a-yes-ratio-4",
        ),
        pytest.param(
            board_of(*history("no", "no", "no", "yes").cards, answered("s5", "no", 5, no_kind="silence")),
            "s5",
            "No #1 since your last yes (silence counts as a no): one step closer to the next one. About 3 to go.",
            id="silence-after-a-yes",
        ),
        pytest.param(
            board_of(answered("n1", "no", 1), answered("n2", "no", 2), expected=5),
            "n2",
            "No #2: every no is a step closer to the yes. About 3 to go.",
            id="setting-no-yes-yet",
        ),
        pytest.param(
            board_of(answered("n1", "no", 1), answered("n2", "no", 2), answered("n3", "no", 3), expected=2),
            "n3",
            "No #3: every no is a step closer to the yes. Any day now.",
            id="setting-reached",
        ),
    ],
)
def test_no_greeting(board: Board, greeted: str, text: str) -> None:
    assert no_greeting(board, board.card(greeted)) == text


def test_greeting_counts_the_no_just_made_with_the_board_operations() -> None:
    board = Board()
    for n, company in enumerate(("Acme", "Globex"), start=1):
        added = add_card(board, company=company, applied=APPLIED)
        done = resolve_card(added.board, added.card.id, Outcome.NO, on=day(n))
        board = done.board
        assert no_greeting(board, done.card) == f"No #{n}: every no is a step closer to the yes."
    added = add_card(board, company="Initech", applied=APPLIED)
    done = resolve_card(added.board, added.card.id, Outcome.NO, on=day(3), no_kind=NoKind.SILENCE)
    assert no_greeting(done.board, done.card) == "No #3 (silence counts as a no): every no is a step closer to the yes."


@pytest.mark.parametrize(
    "cards",
    [
        # A yes and a no on the same day: the yes was recorded first, but the no's card is older on the board.
        pytest.param((answered("n1", "no", 4), answered("y1", "yes", 4)), id="same-day-as-the-yes"),
        # A no recorded today for an answer that came before the last yes (resolve --date in the past).
        pytest.param((answered("y1", "yes", 10), answered("n1", "no", 4)), id="backdated-before-the-yes"),
    ],
)
def test_a_no_is_never_greeted_as_no_number_zero(cards: tuple[Card, ...]) -> None:
    """Every no is greeted with a count that includes it; "No #0" reads as if the no did not count.

    Bug: `no_greeting` reports `nos_until_yes(board)`, which leaves out a no that sorts before the last yes.
    """
    board = board_of(*cards)
    greeting = no_greeting(board, board.card("n1"))
    assert "No #0" not in greeting, greeting


# yes_celebration ----------------------------------------------------------------------------------------------


def test_a_yes_names_the_company_and_the_nos_that_led_to_it() -> None:
    board = history("no", "withdrawn", "no", "no", "yes")
    assert yes_celebration(board, board.card("y5")) == (
        "A yes from Co y5! Congratulations. 3 nos led here, and every one of them counted."
    )


def test_one_no_before_a_yes_is_singular() -> None:
    board = history("no", "yes")
    assert yes_celebration(board, board.card("y2")) == (
        "A yes from Co y2! Congratulations. 1 no led here, and every one of them counted."
    )


def test_each_yes_counts_only_the_nos_since_the_previous_yes() -> None:
    board = history("no", "yes", "no", "no", "no", "yes", "no")
    assert "1 no led here" in yes_celebration(board, board.card("y2"))
    assert "3 nos led here" in yes_celebration(board, board.card("y6"))


@pytest.mark.parametrize(
    ("outcomes", "celebrated"),
    [
        pytest.param(("yes",), "y1", id="first-answer"),
        pytest.param(("withdrawn", "yes"), "y2", id="after-a-withdrawal"),
        pytest.param(("no", "yes", "yes"), "y3", id="right-after-another-yes"),
    ],
)
def test_a_yes_with_no_nos_before_it_has_no_led_here_sentence(outcomes: tuple[str, ...], celebrated: str) -> None:
    board = history(*outcomes)
    assert yes_celebration(board, board.card(celebrated)) == f"A yes from Co {celebrated}! Congratulations."


def test_a_yes_from_the_board_operations_is_celebrated() -> None:
    added = add_card(Board(), company="Globex", applied=APPLIED)
    board = resolve_card(added.board, added.card.id, Outcome.NO, on=day(1)).board
    added = add_card(board, company="Initech", applied=APPLIED)
    done = resolve_card(added.board, added.card.id, Outcome.YES, on=day(2))
    assert yes_celebration(done.board, done.card) == (
        "A yes from Initech! Congratulations. 1 no led here, and every one of them counted."
    )
    assert tally(done.board).nos_since_last_yes == 0


# never a discouraging word, on many histories -----------------------------------------------------------------

ANSWERS = st.lists(
    st.tuples(
        st.sampled_from([None, "yes", "no", "withdrawn"]),
        st.integers(min_value=1, max_value=6),
        st.sampled_from(["said", "silence"]),
    ),
    max_size=12,
)


def made(answers: list[tuple[str | None, int, str]], expected: int | None) -> Board:
    cards = []
    for i, (outcome, on, kind) in enumerate(answers):
        if outcome is None:
            cards.append(card(f"c{i}"))
        else:
            cards.append(answered(f"c{i}", outcome, on, **({"no_kind": kind} if outcome == "no" else {})))
    return board_of(*cards, expected=expected)


def expected_since(answers: list[tuple[str | None, int, str]]) -> int:
    """The counter worked out another way: the nos after the last yes, by day, then board order."""
    ordered = sorted((on, i, outcome) for i, (outcome, on, _) in enumerate(answers) if outcome is not None)
    outcomes = [outcome for _, _, outcome in ordered]
    last_yes = max((i for i, outcome in enumerate(outcomes) if outcome == "yes"), default=-1)
    return outcomes[last_yes + 1 :].count("no")


@settings(max_examples=150, deadline=None)
@given(answers=ANSWERS, expected=st.one_of(st.none(), st.integers(min_value=1, max_value=9)))
def test_counts_and_words_on_many_histories(answers: list[tuple[str | None, int, str]], expected: int | None) -> None:
    board = made(answers, expected)
    counted = tally(board)
    outcomes = [outcome for outcome, _, _ in answers]
    assert counted == Tally(
        yeses=outcomes.count("yes"),
        nos=outcomes.count("no"),
        withdrawn=outcomes.count("withdrawn"),
        nos_since_last_yes=expected_since(answers),
    )
    left = to_go(*seen(board))
    assert left is None or left >= 0
    assert (left is None) == (expected is None and counted.yeses == 0)

    said = [no_greeting(board, c) for c in board.cards if c.outcome is Outcome.NO]
    said += [yes_celebration(board, c) for c in board.cards if c.outcome is Outcome.YES]
    for text in said:
        assert not any(word in text.lower() for word in DISCOURAGING), text
        assert text.strip() == text
        assert "\n" not in text
    for greeting in said[: outcomes.count("no")]:
        # A no answered before the last yes is one of the steps to it; any later no gets its number.
        assert greeting.startswith(("No #", "A no from before your last yes"))
        assert "No #0" not in greeting
        if greeting.startswith("No #"):
            assert ("since your last yes" in greeting) == (counted.yeses > 0)


def test_answers_on_the_same_day_count_in_the_order_they_came() -> None:
    # Alpha was added first; Beta said yes in the morning and Alpha no in the afternoon.
    from fu_board.board import add_card, resolve_card

    day = dt.date(2026, 11, 25)
    board = add_card(Board(), company="Alpha", applied=day).board
    board = add_card(board, company="Beta", applied=day).board
    alpha, beta = (card.id for card in board.cards)
    board = resolve_card(board, beta, Outcome.YES, on=day).board
    after_no = resolve_card(board, alpha, Outcome.NO, on=day)
    assert nos_until_yes(after_no.board) == 1
    assert no_greeting(after_no.board, after_no.card).startswith("No #1 since your last yes")
    # And the other way round: a no, then a yes the same day, starts the count again.
    board = add_card(Board(), company="Alpha", applied=day).board
    board = add_card(board, company="Beta", applied=day).board
    alpha, beta = (card.id for card in board.cards)
    board = resolve_card(board, beta, Outcome.NO, on=day).board
    after_yes = resolve_card(board, alpha, Outcome.YES, on=day)
    assert nos_until_yes(after_yes.board) == 0
    assert yes_celebration(after_yes.board, after_yes.card).endswith("1 no led here, and every one of them counted.")

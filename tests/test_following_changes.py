"""Views that follow a board card by card (the columns, the header's counts, the search
texts) are exactly the same views worked out from scratch."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fu_board import board as ops
from fu_board.changes import swapped
from fu_board.columns import Columns, column
from fu_board.counts import standing
from fu_board.model import STAGES, Board, Card, Outcome, Stage
from fu_board.rules import due_cards, due_counts, next_follow_up
from fu_board.search import searchable
from fu_board.stats import CardFacts, stats
from fu_board.views import View

TODAY = dt.date(2026, 11, 25)
COMPANIES = ["Acme", "acme", "Bolt", "Crane", "Dune", "Echo"]


def make_board(plan: list[tuple[int, int, int]]) -> Board:
    """Cards with few companies and few dates, so that ties in the order are common."""
    board = Board()
    for company, days, stage in plan:
        applied = TODAY - dt.timedelta(days=days)
        change = ops.add_card(board, company=COMPANIES[company], role="Engineer", applied=applied)
        board = change.board
        if stage:  # into Interviewed with an interview, into Followed up with a follow-up after it
            board = ops.log_interview(board, change.card.id, on=applied).board
        if stage == 2:
            board = ops.log_follow_up(board, change.card.id, on=applied).board
    return board


def assert_sorted_from_scratch(columns: Columns) -> None:
    for stage in STAGES:
        assert [card.id for card in columns[stage]] == [card.id for card in column(columns.board, stage, columns.today)]


def assert_counted_from_scratch(view: View) -> None:
    board = view.board
    assert view.standing == standing(board)
    assert view.due_counts == due_counts(board, TODAY)
    assert view.due_list == due_cards(board, TODAY)
    for card in board.cards:
        assert view.headline(card) == next_follow_up(card, board.settings, TODAY)
        assert view.finder.text_of(card) == searchable(card).encode()
    assert view.stats == stats(board, TODAY)


plans = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 30), st.integers(0, 2)), max_size=25)
steps = st.lists(
    st.tuples(
        st.integers(0, 1000),
        st.sampled_from(["move", "follow_up", "edit", "resolve", "snooze", "book", "thank"]),
    ),
    max_size=8,
)


def step(board: Board, index: int, kind: str) -> Board:  # noqa: PLR0911 (one return per kind of step)
    card = board.cards[index % len(board.cards)]
    if card.is_resolved:
        return ops.move_card(board, card.id, Stage.APPLIED, on=TODAY).board
    if kind == "move":  # on to the next column, as the board takes a card there; from Followed up, back
        if card.stage is Stage.APPLIED:
            return ops.log_interview(board, card.id, on=TODAY).board
        if card.stage is Stage.INTERVIEWED:
            return ops.log_follow_up(board, card.id, on=TODAY).board
        return ops.move_card(board, card.id, Stage.APPLIED, on=TODAY).board
    if kind == "book":  # an interview ahead: what the card shows first, and where it sorts
        return ops.log_interview(board, card.id, on=TODAY + dt.timedelta(days=index % 5), time="15:00").board
    if kind == "thank":
        try:
            return ops.log_thank_you(board, card.id, on=TODAY).board
        except ops.BoardError:  # no interview yet
            return ops.log_follow_up(board, card.id, on=TODAY).board
    if kind == "follow_up":
        return ops.log_follow_up(board, card.id, on=TODAY).board
    if kind == "edit":
        return ops.edit_card(board, card.id, on=TODAY, company=COMPANIES[index % len(COMPANIES)]).board
    if kind == "snooze":
        return ops.snooze_card(board, card.id, until=TODAY + dt.timedelta(days=1 + index % 9), on=TODAY).board
    return ops.resolve_card(board, card.id, Outcome.NO, on=TODAY).board


@settings(max_examples=150, deadline=None)
@given(plans, steps)
def test_following_a_board_card_by_card_matches_working_it_out_again(
    plan: list[tuple[int, int, int]], changes: list[tuple[int, str]]
) -> None:
    board = make_board(plan)
    view = View(board, TODAY)
    assert_sorted_from_scratch(view.columns)
    assert_counted_from_scratch(view)
    for index, kind in changes:
        if not board.cards:
            break
        board = step(board, index, kind)
        view = view.then(board, TODAY)
        assert view.columns.board is board
        assert_sorted_from_scratch(view.columns)
        assert_counted_from_scratch(view)


def test_a_view_keeps_only_what_its_own_cards_need() -> None:
    """What a view remembers goes with the cards it was for: a card replaced is let go."""
    board = make_board([(i % 6, i % 5, i % 3) for i in range(30)])
    view = View(board, TODAY)
    assert_counted_from_scratch(view)
    for number in range(40):
        card = board.cards[number % len(board.cards)]
        board = ops.snooze_card(board, card.id, until=TODAY + dt.timedelta(days=1 + number % 5), on=TODAY).board
        view = view.then(board, TODAY)
        assert_counted_from_scratch(view)
        assert len(view._headlines) == len(board.cards)  # one each, none for a card replaced
        assert len(view.finder.texts) == len(board.cards)


def test_a_move_changes_two_columns_and_never_sorts_again() -> None:
    board = make_board([(i % 6, i % 5, 0) for i in range(40)])
    columns = Columns.of(board, TODAY)
    card = columns[Stage.APPLIED][3]
    moved = ops.log_interview(board, card.id, on=TODAY).board
    assert swapped(board, moved) is not None
    followed = columns.follow(moved, TODAY)
    assert followed.changed(columns) == {Stage.APPLIED, Stage.INTERVIEWED}
    assert followed[Stage.FOLLOWED_UP] is columns[Stage.FOLLOWED_UP]  # untouched columns are shared
    assert [c.id for c in followed[Stage.INTERVIEWED]] == [card.id]
    assert card.id not in [c.id for c in followed[Stage.APPLIED]]
    assert [c.id for c in columns[Stage.APPLIED]].count(card.id) == 1  # the old version is left as it was


def test_a_new_day_or_new_settings_sorts_everything_again() -> None:
    board = make_board([(i % 6, i, i % 3) for i in range(12)])
    columns = Columns.of(board, TODAY)
    assert columns.follow(board, TODAY) is columns
    later = columns.follow(board, TODAY + dt.timedelta(days=9))
    assert later.changed(columns) == set(STAGES)
    assert_sorted_from_scratch(later)
    retuned = board.replace(settings=board.settings.replace(applied_first_days=2))
    again = columns.follow(retuned, TODAY)
    assert again.changed(columns) == set(STAGES)
    assert_sorted_from_scratch(again)


def test_a_new_time_of_day_sorts_again_and_an_interview_begun_owes_its_thank_you() -> None:
    board = make_board([(i % 6, i, i % 3) for i in range(12)])
    card = board.cards[0]
    board = ops.log_interview(board, card.id, on=TODAY, time="14:00").board
    morning = Columns.of(board, TODAY, dt.time(9, 0))
    assert morning.follow(board, TODAY, dt.time(9, 0)) is morning
    afternoon = morning.follow(board, TODAY, dt.time(15, 0))
    assert afternoon.changed(morning) == set(STAGES)
    assert afternoon.now == dt.time(15, 0)
    before = next_follow_up(board.card(card.id), board.settings, TODAY, now=dt.time(9, 0))
    after = next_follow_up(board.card(card.id), board.settings, TODAY, now=dt.time(15, 0))
    assert before is not None
    assert after is not None
    assert (before.reason.value, after.reason.value) == ("interview_today", "thank_you")
    assert due_counts(board, TODAY, now=dt.time(9, 0)) != due_counts(board, TODAY, now=dt.time(15, 0))


def test_the_numbers_work_out_again_only_the_cards_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    from fu_board import views

    board = make_board([(n % 6, n, n % 3) for n in range(12)])
    worked: list[str] = []
    real = views.card_facts

    def counting(card: Card, today: dt.date) -> CardFacts:
        worked.append(card.id)
        return real(card, today)

    monkeypatch.setattr(views, "card_facts", counting)
    view = View(board, TODAY)
    assert view.stats == stats(board, TODAY)
    assert sorted(worked) == sorted(card.id for card in board.cards)
    worked.clear()
    moved = board.cards[3]
    later = view.then(ops.log_follow_up(board, moved.id, on=TODAY).board, TODAY)
    assert later.stats == stats(later.board, TODAY)
    assert worked == [moved.id]

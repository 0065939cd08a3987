"""The follow-up operations on a board: interview, follow-up, thank-you, snooze,
and the daily review's streak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from fu_board.board import (
    BoardError,
    CardNotFound,
    Change,
    add_card,
    edit_card,
    finish_review,
    log_follow_up,
    log_interview,
    log_thank_you,
    move_card,
    resolve_card,
    snooze_card,
)
from fu_board.counts import follow_up_count, last_touch, review_streak
from fu_board.model import Board, Card, Channel, Event, EventKind, Interview, InterviewKind, Outcome, ReviewLog, Stage
from fu_board.rules import Reason, next_follow_up, owed_thank_yous

D = dt.date.fromisoformat
APPLIED = D("2026-11-02")  # a Monday


def applied_card(applied: dt.date = APPLIED) -> tuple[Board, str]:
    change = add_card(Board(), company="Acme", applied=applied, role="Engineer")
    return change.board, change.card.id


def interviewed_card(on: str = "2026-11-09", **kwargs: Any) -> tuple[Board, str]:
    board, card_id = applied_card()
    return log_interview(board, card_id, on=D(on), **kwargs).board, card_id


def followed_up_card() -> tuple[Board, str]:
    board, card_id = interviewed_card()
    return log_follow_up(board, card_id, on=D("2026-11-12")).board, card_id


def resolved_card(outcome: Outcome = Outcome.NO) -> tuple[Board, str]:
    board, card_id = interviewed_card()
    return resolve_card(board, card_id, outcome, on=D("2026-11-20")).board, card_id


def snoozed(board: Board, card_id: str, until: str = "2026-12-01") -> Board:
    return snooze_card(board, card_id, until=D(until), on=D("2026-11-20")).board


def check_change(change: Change, before: Board) -> Card:
    """The change's card is on its board, its event is the newest on its timeline,
    and the board it was made from still holds the card as it was."""
    card = change.card
    assert before.card(card.id) != card
    assert change.board.card(card.id) == card
    assert card.timeline[-1] == change.event
    assert len(card.timeline) == len(before.card(card.id).timeline) + 1
    return card


# log_follow_up ---------------------------------------------------------------------


@pytest.mark.parametrize("channel", [*Channel, None], ids=[*(c.value for c in Channel), "no-channel"])
def test_follow_up_records_channel_and_note(channel: Channel | None) -> None:
    board, card_id = interviewed_card()
    change = log_follow_up(board, card_id, on=D("2026-11-16"), channel=channel, note="asked about timeline")
    card = check_change(change, board)
    assert change.event == Event(
        date=D("2026-11-16"), kind=EventKind.FOLLOWED_UP, channel=channel, note="asked about timeline"
    )
    assert follow_up_count(card) == 1
    assert last_touch(card, D("2026-12-31")) == D("2026-11-16")


def test_follow_up_moves_interviewed_to_followed_up() -> None:
    board, card_id = interviewed_card()
    card = check_change(log_follow_up(board, card_id, on=D("2026-11-16")), board)
    assert card.stage is Stage.FOLLOWED_UP
    assert card.furthest_stage is Stage.FOLLOWED_UP


def test_follow_up_keeps_an_application_in_applied() -> None:
    board, card_id = applied_card()
    card = check_change(log_follow_up(board, card_id, on=D("2026-11-09"), channel=Channel.EMAIL), board)
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.APPLIED
    follow_up = next_follow_up(card, board.settings, D("2026-11-10"))
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D("2026-11-16"), Reason.APPLIED_NO_ANSWER)


def test_follow_up_keeps_followed_up_and_counts_every_time() -> None:
    board, card_id = followed_up_card()
    change = log_follow_up(board, card_id, on=D("2026-11-19"), channel=Channel.PHONE)
    card = check_change(change, board)
    assert card.stage is Stage.FOLLOWED_UP
    assert follow_up_count(card) == 2


def test_follow_up_after_moving_back_to_applied_keeps_the_furthest_stage() -> None:
    board, card_id = followed_up_card()
    board = move_card(board, card_id, Stage.APPLIED, on=D("2026-11-13")).board
    card = log_follow_up(board, card_id, on=D("2026-11-14")).card
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.FOLLOWED_UP


# log_interview ---------------------------------------------------------------------


def test_interview_moves_the_card_and_stores_interviewers_and_decision_date() -> None:
    board, card_id = applied_card()
    change = log_interview(
        board, card_id, on=D("2026-11-09"), interviewers=(" Dana Kim ", "", "Lee"), decision_by=D("2026-11-20")
    )
    card = check_change(change, board)
    assert card.stage is Stage.INTERVIEWED
    assert card.furthest_stage is Stage.INTERVIEWED
    assert card.interviews == (Interview(date=D("2026-11-09"), id=1, interviewers=("Dana Kim", "Lee")),)
    assert card.decision_expected == D("2026-11-20")
    assert change.event is not None
    assert (change.event.date, change.event.kind) == (D("2026-11-09"), EventKind.INTERVIEWED)
    assert "Dana Kim, Lee" in change.event.note
    assert "2026-11-20" in change.event.note


def test_interview_without_names_or_decision_has_an_empty_note() -> None:
    board, card_id = applied_card()
    change = log_interview(board, card_id, on=D("2026-11-09"))
    assert change.event == Event(date=D("2026-11-09"), kind=EventKind.INTERVIEWED)
    assert change.card.decision_expected is None


def test_second_interview_moves_followed_up_back_to_interviewed_and_keeps_the_furthest_stage() -> None:
    board, card_id = followed_up_card()
    card = check_change(log_interview(board, card_id, on=D("2026-11-20")), board)
    assert card.stage is Stage.INTERVIEWED
    assert card.furthest_stage is Stage.FOLLOWED_UP
    assert [interview.date for interview in card.interviews] == [D("2026-11-09"), D("2026-11-20")]
    follow_up = next_follow_up(card, board.settings, D("2026-11-20"))
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D("2026-11-20"), Reason.THANK_YOU)  # the same day


def test_second_interview_without_a_decision_date_keeps_the_old_one() -> None:
    board, card_id = interviewed_card(decision_by=D("2026-11-13"))
    card = log_interview(board, card_id, on=D("2026-11-20")).card
    assert card.decision_expected == D("2026-11-13")


def test_a_scheduled_interview_in_the_future_is_accepted() -> None:
    board, card_id = applied_card()
    card = log_interview(board, card_id, on=D("2027-01-15"), decision_by=D("2027-01-22")).card
    assert card.interviews[-1].date == D("2027-01-15")
    assert card.decision_expected == D("2027-01-22")


def test_decision_on_the_interview_day_is_accepted_before_it_is_refused() -> None:
    board, card_id = applied_card()
    assert log_interview(board, card_id, on=D("2026-11-09"), decision_by=D("2026-11-09")).card.decision_expected
    with pytest.raises(BoardError, match="decision date"):
        log_interview(board, card_id, on=D("2026-11-09"), decision_by=D("2026-11-08"))


# log_thank_you ---------------------------------------------------------------------


def test_thank_you_is_recorded_and_the_card_stays() -> None:
    board, card_id = interviewed_card()
    change = log_thank_you(board, card_id, on=D("2026-11-10"))
    card = check_change(change, board)
    assert change.event == Event(date=D("2026-11-10"), kind=EventKind.THANK_YOU)
    assert card.stage is Stage.INTERVIEWED
    follow_up = next_follow_up(card, board.settings, D("2026-11-10"))
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D("2026-11-16"), Reason.AFTER_INTERVIEW)


# Refusals --------------------------------------------------------------------------

Operation = Callable[[Board, str, dt.date], Change]
OPERATIONS: list[Any] = [
    pytest.param(lambda b, i, d: log_interview(b, i, on=d), id="interview"),
    pytest.param(lambda b, i, d: log_follow_up(b, i, on=d, channel=Channel.EMAIL), id="follow-up"),
    pytest.param(lambda b, i, d: log_thank_you(log_interview(b, i, on=APPLIED).board, i, on=d), id="thank-you"),
    pytest.param(
        lambda b, i, d: move_card(log_interview(b, i, on=APPLIED).board, i, Stage.APPLIED, on=d), id="move-back"
    ),
]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_dates_before_applying_are_refused(operation: Operation) -> None:
    board, card_id = applied_card()
    with pytest.raises(BoardError, match="before the application was sent"):
        operation(board, card_id, APPLIED - dt.timedelta(days=1))
    event = operation(board, card_id, APPLIED).event
    assert event is not None
    assert event.date == APPLIED


@pytest.mark.parametrize("outcome", list(Outcome), ids=[o.value for o in Outcome])
@pytest.mark.parametrize(
    "operation",
    [
        *OPERATIONS[:3],
        pytest.param(lambda b, i, d: snooze_card(b, i, until=d + dt.timedelta(days=3), on=d), id="snooze"),
    ],
)
def test_resolved_cards_are_refused(operation: Operation, outcome: Outcome) -> None:
    board, card_id = resolved_card(outcome)
    with pytest.raises(BoardError, match="resolved") as caught:
        operation(board, card_id, D("2026-11-25"))
    assert "Acme" in str(caught.value)


@pytest.mark.parametrize("operation", OPERATIONS[:3])
def test_unknown_cards_are_refused(operation: Operation) -> None:
    board, _ = applied_card()
    with pytest.raises(CardNotFound):
        operation(board, "zzzz", D("2026-11-25"))


# snooze_card -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "until", [pytest.param("2026-11-20", id="same-day"), pytest.param("2026-11-19", id="day-before")]
)
def test_snooze_needs_a_later_day(until: str) -> None:
    board, card_id = interviewed_card()
    with pytest.raises(BoardError, match="a day after 2026-11-20"):
        snooze_card(board, card_id, until=D(until), on=D("2026-11-20"))


def test_snooze_sets_the_date_and_records_an_event() -> None:
    board, card_id = interviewed_card()
    change = snooze_card(board, card_id, until=D("2026-11-24"), on=D("2026-11-20"))
    card = check_change(change, board)
    assert card.snoozed_until == D("2026-11-24")
    assert change.event == Event(date=D("2026-11-20"), kind=EventKind.SNOOZED, note="until 2026-11-24")
    assert card.stage is Stage.INTERVIEWED
    assert last_touch(card, D("2026-12-31")) == D("2026-11-09")  # a snooze is no contact with the company
    follow_up = next_follow_up(card, board.settings, D("2026-11-20"))
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D("2026-11-24"), Reason.SNOOZED)


def test_a_snooze_to_a_saturday_is_due_on_the_monday() -> None:
    board, card_id = interviewed_card()
    card = snooze_card(board, card_id, until=D("2026-11-21"), on=D("2026-11-20")).card
    assert card.snoozed_until == D("2026-11-21")  # kept as chosen
    follow_up = next_follow_up(card, board.settings, D("2026-11-20"))
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D("2026-11-23"), Reason.SNOOZED)


def test_a_second_snooze_replaces_the_first() -> None:
    board, card_id = interviewed_card()
    board = snoozed(board, card_id, "2026-12-01")
    card = snooze_card(board, card_id, until=D("2026-11-23"), on=D("2026-11-21")).card
    assert card.snoozed_until == D("2026-11-23")


@pytest.mark.parametrize(
    "operation",
    [
        pytest.param(lambda b, i, d: log_follow_up(b, i, on=d), id="follow-up"),
        pytest.param(lambda b, i, d: log_thank_you(b, i, on=d), id="thank-you"),
        pytest.param(lambda b, i, d: log_interview(b, i, on=d), id="interview"),
        pytest.param(lambda b, i, d: resolve_card(b, i, Outcome.YES, on=d), id="resolve"),
    ],
)
def test_snooze_is_cleared_by_contact_with_the_company(operation: Operation) -> None:
    board, card_id = interviewed_card()
    board = snoozed(board, card_id)
    assert board.card(card_id).snoozed_until == D("2026-12-01")
    card = operation(board, card_id, D("2026-11-22")).card
    assert card.snoozed_until is None
    follow_up = next_follow_up(card, board.settings, D("2026-11-22"))
    assert follow_up is None or follow_up.reason is not Reason.SNOOZED


def test_snooze_is_cleared_by_logging_an_interview_on_an_application() -> None:
    board, card_id = applied_card()
    board = snoozed(board, card_id)
    card = log_interview(board, card_id, on=D("2026-11-22")).card
    assert card.snoozed_until is None
    assert card.interviews == (Interview(date=D("2026-11-22"), id=1),)


def test_a_move_is_no_contact_and_keeps_the_snooze() -> None:
    board, card_id = interviewed_card()
    board = snoozed(board, card_id)
    card = move_card(board, card_id, Stage.APPLIED, on=D("2026-11-22")).card
    assert card.snoozed_until == D("2026-12-01")


def test_an_edit_is_no_contact_and_keeps_the_snooze() -> None:
    board, card_id = interviewed_card()
    board = snoozed(board, card_id)
    card = edit_card(board, card_id, on=D("2026-11-22"), note="call after lunch").card
    assert card.snoozed_until == D("2026-12-01")


# A whole story, the next follow-up recomputed after each step ----------------------


def test_a_whole_story() -> None:
    board, card_id = applied_card()
    steps: list[tuple[Callable[[Board], Change], str, Reason, Stage]] = [
        (
            lambda b: log_follow_up(b, card_id, on=D("2026-11-09")),
            "2026-11-16",
            Reason.APPLIED_NO_ANSWER,
            Stage.APPLIED,
        ),
        (
            lambda b: log_interview(b, card_id, on=D("2026-11-12"), decision_by=D("2026-11-20")),
            "2026-11-12",
            Reason.THANK_YOU,
            Stage.INTERVIEWED,
        ),
        (
            lambda b: log_thank_you(b, card_id, on=D("2026-11-13")),
            "2026-11-24",
            Reason.DECISION_PASSED,
            Stage.INTERVIEWED,
        ),
        (lambda b: log_follow_up(b, card_id, on=D("2026-11-24")), "2026-12-01", Reason.WEEKLY, Stage.FOLLOWED_UP),
        (
            lambda b: snooze_card(b, card_id, until=D("2026-12-05"), on=D("2026-12-01")),
            "2026-12-07",  # the Saturday chosen, due on the Monday
            Reason.SNOOZED,
            Stage.FOLLOWED_UP,
        ),
        (
            lambda b: log_follow_up(b, card_id, on=D("2026-12-03")),
            "2026-12-10",
            Reason.CLOSE_THE_LOOP,
            Stage.FOLLOWED_UP,
        ),
        (
            lambda b: log_follow_up(b, card_id, on=D("2026-12-10")),
            "2026-12-17",
            Reason.ASK_SILENCE_NO,
            Stage.FOLLOWED_UP,
        ),
    ]
    for step, due, reason, stage in steps:
        change = step(board)
        board = change.board
        card = board.card(card_id)
        follow_up = next_follow_up(card, board.settings, D("2026-11-25"))
        assert follow_up is not None
        assert (follow_up.due, follow_up.reason, card.stage) == (D(due), reason, stage)
    assert follow_up_count(board.card(card_id)) == 4
    assert [event.kind for event in board.card(card_id).timeline] == [
        EventKind.APPLIED,
        EventKind.FOLLOWED_UP,
        EventKind.INTERVIEWED,
        EventKind.THANK_YOU,
        EventKind.FOLLOWED_UP,
        EventKind.SNOOZED,
        EventKind.FOLLOWED_UP,
        EventKind.FOLLOWED_UP,
    ]
    assert not board.card(card_id).is_resolved  # the silence question is asked, never answered for you
    board = resolve_card(board, card_id, Outcome.YES, on=D("2026-12-08")).board
    assert next_follow_up(board.card(card_id), board.settings, D("2026-12-20")) is None


# finish_review and the streak ------------------------------------------------------


def review_board(last: str | None, streak: int) -> Board:
    return Board(review=ReviewLog(last_finished=D(last) if last else None, streak=streak))


@pytest.mark.parametrize(
    ("last", "streak", "on", "expected"),
    [
        pytest.param(None, 0, "2026-11-25", 1, id="first-review"),
        pytest.param("2026-11-25", 3, "2026-11-25", 3, id="same-day-twice-keeps"),
        pytest.param("2026-11-24", 3, "2026-11-25", 4, id="next-day-adds-one"),
        pytest.param("2026-11-30", 3, "2026-12-01", 4, id="next-day-over-month-end"),
        pytest.param("2026-12-31", 9, "2027-01-01", 10, id="next-day-over-year-end"),
        pytest.param("2028-02-28", 1, "2028-02-29", 2, id="next-day-leap-day"),
        pytest.param("2026-11-23", 3, "2026-11-25", 1, id="gap-resets-to-one"),
        pytest.param("2026-10-01", 40, "2026-11-25", 1, id="long-gap-resets-to-one"),
    ],
)
def test_finish_review_streak(last: str | None, streak: int, on: str, expected: int) -> None:
    board = finish_review(review_board(last, streak), D(on))
    assert board.review == ReviewLog(last_finished=D(on), streak=expected)
    assert review_streak(board, D(on)) == expected


def test_finish_review_twice_a_day_changes_nothing() -> None:
    board = finish_review(review_board("2026-11-24", 2), D("2026-11-25"))
    assert finish_review(board, D("2026-11-25")) == board


def test_finish_review_over_several_days() -> None:
    board = Board()
    streaks = []
    for day in ["2026-11-23", "2026-11-24", "2026-11-24", "2026-11-25", "2026-11-27", "2026-11-28"]:
        board = finish_review(board, D(day))
        streaks.append(board.review.streak)
    assert streaks == [1, 2, 2, 3, 1, 2]


@pytest.mark.parametrize(
    ("last", "today", "expected"),
    [
        pytest.param(None, "2026-11-25", 0, id="never"),
        pytest.param("2026-11-25", "2026-11-25", 5, id="today"),
        pytest.param("2026-11-24", "2026-11-25", 5, id="yesterday-still-alive"),
        pytest.param("2026-11-30", "2026-12-01", 5, id="yesterday-over-month-end"),
        pytest.param("2026-11-23", "2026-11-25", 0, id="older-than-yesterday"),
    ],
)
def test_review_streak(last: str | None, today: str, expected: int) -> None:
    assert review_streak(review_board(last, 5 if last else 0), D(today)) == expected


# follow_up_count -------------------------------------------------------------------


def test_follow_up_count_counts_the_follow_ups_logged_and_nothing_else() -> None:
    board, card_id = interviewed_card()
    assert follow_up_count(board.card(card_id)) == 0
    board = log_follow_up(board, card_id, on=D("2026-11-12")).board
    board = move_card(board, card_id, Stage.INTERVIEWED, on=D("2026-11-13")).board  # a move is no follow-up
    board = log_follow_up(board, card_id, on=D("2026-11-19")).board
    board = log_thank_you(board, card_id, on=D("2026-11-19")).board
    board = snoozed(board, card_id)
    assert follow_up_count(board.card(card_id)) == 2


def test_a_snooze_cannot_end_before_the_application() -> None:
    board, card_id = applied_card(D("2026-11-20"))
    with pytest.raises(BoardError, match=r"the snooze date \(2026-11-12\) is before the application was sent"):
        snooze_card(board, card_id, until=D("2026-11-12"), on=D("2026-11-10"))


def test_the_applied_date_cannot_move_after_a_follow_up() -> None:
    board, card_id = applied_card()
    board = log_follow_up(board, card_id, on=D("2026-11-05")).board
    with pytest.raises(
        BoardError, match=r"the timeline's 'followed up' entry \(2026-11-05\) is before the application"
    ):
        edit_card(board, card_id, on=D("2026-11-21"), applied=D("2026-11-20"))


def test_a_thank_you_needs_an_interview_first() -> None:
    board, card_id = applied_card()
    with pytest.raises(BoardError, match="no interview with Acme yet on 2026-11-05 to thank them for"):
        log_thank_you(board, card_id, on=D("2026-11-05"))
    scheduled = log_interview(board, card_id, on=D("2026-11-20")).board  # not held yet
    with pytest.raises(BoardError, match="no interview with Acme yet on 2026-11-10"):
        log_thank_you(scheduled, card_id, on=D("2026-11-10"))
    assert log_thank_you(scheduled, card_id, on=D("2026-11-20")).card.timeline[-1].kind is EventKind.THANK_YOU


def test_a_follow_up_dated_before_the_last_interview_leaves_the_card_in_interviewed() -> None:
    board, card_id = interviewed_card(on="2026-11-20")
    early = log_follow_up(board, card_id, on=D("2026-11-15"))
    assert early.card.stage is Stage.INTERVIEWED  # the column agrees with the rules: a thank-you is still owed
    follow_up = next_follow_up(early.card, early.board.settings, D("2026-11-25"))
    assert follow_up is not None
    assert follow_up.reason is Reason.THANK_YOU
    assert log_follow_up(board, card_id, on=D("2026-11-20")).card.stage is Stage.FOLLOWED_UP


# Interviews as events, a thank-you for each interviewer -------------------------------


def test_an_interview_keeps_its_time_kind_place_people_and_note() -> None:
    board, card_id = applied_card()
    change = log_interview(
        board,
        card_id,
        on=D("2026-12-08"),
        time="14:00",
        kind=InterviewKind.ONSITE,
        where=" 1 Main St ",
        interviewers=("Monica Hall", " Richard Roe "),
        note="bring the portfolio",
    )
    (interview,) = change.card.interviews
    assert interview == Interview(
        date=D("2026-12-08"),
        id=1,
        time="14:00",
        kind=InterviewKind.ONSITE,
        where="1 Main St",
        interviewers=("Monica Hall", "Richard Roe"),
        note="bring the portfolio",
    )
    assert change.event == Event(
        date=D("2026-12-08"), kind=EventKind.INTERVIEWED, note="onsite 14:00 with Monica Hall, Richard Roe"
    )
    assert change.card.stage is Stage.INTERVIEWED
    # Booked ahead: nothing is owed for it yet, and the card shows it.
    follow_up = next_follow_up(change.card, change.board.settings, D("2026-12-02"))
    assert follow_up is not None
    assert (follow_up.reason, follow_up.is_due, follow_up.words) == (
        Reason.INTERVIEW_TODAY,
        False,
        "interview Tue 8 Dec 14:00",
    )


@pytest.mark.parametrize("time", ["25:00", "9am", "14:60", "1400"])
def test_an_interview_at_a_time_that_is_not_one_is_refused(time: str) -> None:
    board, card_id = applied_card()
    with pytest.raises(BoardError, match=r"the interview's time: should be a time of day like 09:30"):
        log_interview(board, card_id, on=D("2026-11-09"), time=time)


def two_interviewers() -> tuple[Board, str]:
    return interviewed_card(interviewers=("Monica Hall", "Richard Roe"))


def owed(board: Board, card_id: str, on: str = "2026-11-10") -> list[str | None]:
    return [person for person, _ in owed_thank_yous(board.card(card_id), D(on))]


def test_a_thank_you_to_one_interviewer_by_a_first_name_case_aside() -> None:
    board, card_id = two_interviewers()
    change = log_thank_you(board, card_id, on=D("2026-11-10"), to="MONICA")
    assert change.event == Event(date=D("2026-11-10"), kind=EventKind.THANK_YOU, person="Monica Hall")
    assert owed(change.board, card_id) == ["Richard Roe"]
    last = log_thank_you(change.board, card_id, on=D("2026-11-10"), to="richard roe")
    assert last.event is not None
    assert last.event.person == "Richard Roe"
    assert owed(last.board, card_id) == []


def test_a_thank_you_to_nobody_on_the_card_is_refused_and_changes_nothing() -> None:
    board, card_id = two_interviewers()
    with pytest.raises(BoardError) as refused:
        log_thank_you(board, card_id, on=D("2026-11-10"), to="Gavin")
    assert str(refused.value) == (
        "nobody of that name was at an interview with Acme; on this card: Monica Hall, Richard Roe"
    )
    assert owed(board, card_id) == ["Monica Hall", "Richard Roe"]


def test_an_ambiguous_first_name_is_refused() -> None:
    board, card_id = interviewed_card(interviewers=("Ana Lee", "Ana Ruiz"))
    with pytest.raises(BoardError, match="nobody of that name"):
        log_thank_you(board, card_id, on=D("2026-11-10"), to="ana")
    assert log_thank_you(board, card_id, on=D("2026-11-10"), to="ana ruiz").card.timeline[-1].person == "Ana Ruiz"


def test_a_thank_you_without_a_name_thanks_everyone_still_owed_one() -> None:
    board, card_id = two_interviewers()
    change = log_thank_you(board, card_id, on=D("2026-11-10"))
    assert change.event == Event(date=D("2026-11-10"), kind=EventKind.THANK_YOU, note="to Monica Hall, Richard Roe")
    assert owed(change.board, card_id) == []
    one_left = log_thank_you(board, card_id, on=D("2026-11-10"), to="Monica").board
    last = log_thank_you(one_left, card_id, on=D("2026-11-11"))
    assert last.event is not None
    assert last.event.person == "Richard Roe"  # the only one still owed, by name


def test_a_thank_you_for_an_interview_later_today_waits_until_it_has_begun() -> None:
    board, card_id = applied_card()
    board = log_interview(board, card_id, on=D("2026-11-25"), time="16:00", interviewers=("Ann Lee", "Bo Chen")).board
    with pytest.raises(BoardError, match="no interview with Acme yet on 2026-11-25"):
        log_thank_you(board, card_id, on=D("2026-11-25"), now=dt.time(9, 30))
    assert owed(board, card_id, "2026-11-25") == ["Ann Lee", "Bo Chen"]  # the day seen whole
    done = log_thank_you(board, card_id, on=D("2026-11-25"), now=dt.time(16, 45), to="bo")
    assert done.event is not None
    assert done.event.person == "Bo Chen"

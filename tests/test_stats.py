"""The numbers behind the search: the funnel, outcomes, timings, follow-ups and the weekly chart.

One hand-made board (`HISTORY`) carries every kind of card, with dates chosen so that each median and
share has a single right answer worked out on paper in the comments.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from fu_board.board import add_card, log_follow_up, log_interview, move_card, resolve_card
from fu_board.model import Board, Card, Outcome, ReviewLog, Settings, Stage
from fu_board.progress import Tally
from fu_board.stats import WEEKS, Funnel, Week, funnel, stats, stats_json, weekly

D = dt.date.fromisoformat
TODAY = D("2026-11-25")
"""A Wednesday; its week starts on Monday 2026-11-23."""
FIRST_MONDAY = D("2026-09-07")
"""The Monday that starts the 12-week window ending with TODAY's week."""

JSON_KEYS = {"nos_since_last_yes", "nos", "yeses", "withdrawn", "active", "irons_target", "streak", "funnel"}
FUNNEL_KEYS = {"applied", "interviewed", "followed_up", "yes"}


def card(card_id: str, applied: str, **fields: Any) -> Card:
    base: dict[str, Any] = {"id": card_id, "company": f"Co {card_id}", "applied": applied}
    return Card.validate({**base, **fields})


def interviews(*days: str) -> list[dict[str, str]]:
    return [{"date": d} for d in days]


def follow_ups(*days: str) -> list[dict[str, str]]:
    return [{"date": d, "kind": "followed_up"} for d in days]


HISTORY = Board(
    cards=(
        # Still in Applied, followed up once: applied only.
        card("ap", "2026-11-02", timeline=follow_ups("2026-11-09")),
        # Interviewed 7 days after applying.
        card("iv", "2026-10-05", stage="interviewed", interviews=interviews("2026-10-12")),
        # First interview 3 days after applying, followed up twice.
        card(
            "fu",
            "2026-10-05",
            stage="followed_up",
            interviews=interviews("2026-10-15", "2026-10-08"),
            timeline=follow_ups("2026-10-20", "2026-10-27"),
        ),
        # Interviewed 10 days after applying; the no came 4 days after the interview.
        card(
            "noiv",
            "2026-09-14",
            stage="resolved",
            outcome="no",
            no_kind="said",
            resolved_on="2026-09-28",
            furthest_stage="interviewed",
            interviews=interviews("2026-09-24"),
        ),
        # First interview 1 day after applying, last on 09-22; the yes came 10 days after it.
        card(
            "yes",
            "2026-09-14",
            stage="resolved",
            outcome="yes",
            resolved_on="2026-10-02",
            furthest_stage="followed_up",
            interviews=interviews("2026-09-15", "2026-09-22"),
            timeline=follow_ups("2026-09-25"),
        ),
        # Resolved straight from Applied, never interviewed.
        card("noap", "2026-09-01", stage="resolved", outcome="no", no_kind="silence", resolved_on="2026-09-20"),
        # Interviewed 3 days after applying, withdrawn the next day (not a decision).
        card(
            "wd",
            "2026-09-07",
            stage="resolved",
            outcome="withdrawn",
            resolved_on="2026-09-11",
            furthest_stage="interviewed",
            interviews=interviews("2026-09-10"),
        ),
    )
)


# the funnel ---------------------------------------------------------------------------------------------------


def test_funnel_counts_the_furthest_stage_each_card_reached() -> None:
    # interviewed: iv, fu, noiv, yes, wd; followed up: fu, yes.
    assert funnel(HISTORY, TODAY) == Funnel(applied=7, interviewed=5, followed_up=2, yes=1)


def test_funnel_of_an_empty_board() -> None:
    assert funnel(Board(), TODAY) == Funnel(applied=0, interviewed=0, followed_up=0, yes=0)


def test_a_card_resolved_straight_from_applied_counts_only_as_applied() -> None:
    added = add_card(Board(), company="Acme", applied=D("2026-11-02"))
    board = log_follow_up(added.board, added.card.id, on=D("2026-11-09")).board  # a follow-up in Applied
    board = resolve_card(board, added.card.id, Outcome.NO, on=D("2026-11-16")).board
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=0, followed_up=0, yes=0)


def test_resolving_after_an_interview_never_hides_it() -> None:
    added = add_card(Board(), company="Acme", applied=D("2026-11-02"))
    card_id = added.card.id
    board = log_interview(added.board, card_id, on=D("2026-11-05")).board
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=1, followed_up=0, yes=0)

    board = resolve_card(board, card_id, Outcome.NO, on=D("2026-11-10")).board
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=1, followed_up=0, yes=0)

    board = move_card(board, card_id, Stage.APPLIED, on=D("2026-11-11")).board  # reopened, back in Applied
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=1, followed_up=0, yes=0)

    board = move_card(board, card_id, Stage.INTERVIEWED, on=D("2026-11-12")).board  # its interview is on record
    board = log_follow_up(board, card_id, on=D("2026-11-12")).board
    board = resolve_card(board, card_id, Outcome.YES, on=D("2026-11-13")).board
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=1, followed_up=1, yes=1)


def test_an_interview_booked_counts_from_its_day_on() -> None:
    added = add_card(Board(), company="Acme", applied=D("2026-11-02"))
    board = log_interview(added.board, added.card.id, on=D("2026-12-01")).board
    assert board.card(added.card.id).stage is Stage.INTERVIEWED  # in Interviewed, booked
    assert funnel(board, TODAY) == Funnel(applied=1, interviewed=0, followed_up=0, yes=0)
    numbers = stats(board, TODAY)
    assert (numbers.interview_share, numbers.days_to_interview) == (0, None)
    on_the_day = stats(board, D("2026-12-01"))
    assert on_the_day.funnel == Funnel(applied=1, interviewed=1, followed_up=0, yes=0)
    assert (on_the_day.interview_share, on_the_day.days_to_interview) == (1, 29)


def test_funnel_yes_counts_only_cards_answered_yes() -> None:
    board = Board(
        cards=(
            card("y1", "2026-09-01", stage="resolved", outcome="yes", resolved_on="2026-09-02"),
            card("y2", "2026-09-01", stage="resolved", outcome="yes", resolved_on="2026-09-03"),
            card("w1", "2026-09-01", stage="resolved", outcome="withdrawn", resolved_on="2026-09-04"),
            card("o1", "2026-09-01"),
        )
    )
    assert funnel(board, TODAY) == Funnel(applied=4, interviewed=0, followed_up=0, yes=2)


# stats --------------------------------------------------------------------------------------------------------


def test_stats_of_the_hand_made_history() -> None:
    numbers = stats(HISTORY, TODAY)
    assert numbers.funnel == Funnel(applied=7, interviewed=5, followed_up=2, yes=1)
    # By answer day: wd (09-11), noap (09-20), noiv (09-28), yes (10-02): no no since the yes.
    assert numbers.tally == Tally(yeses=1, nos=2, withdrawn=1, nos_since_last_yes=0)
    assert numbers.active == 3
    assert numbers.irons_target == 5
    assert numbers.streak == 0
    assert numbers.interview_share == pytest.approx(5 / 7)
    assert numbers.days_to_interview == 3  # median of 7, 3, 10, 1, 3
    assert numbers.days_to_decision == 7  # median of 4 (noiv) and 10 (yes); the withdrawal (1 day) left out
    assert numbers.follow_ups_per_card == pytest.approx(4 / 7)
    assert numbers.nos_per_yes == 2.0
    assert len(numbers.weeks) == WEEKS


def test_stats_of_an_empty_board() -> None:
    numbers = stats(Board(), TODAY)
    assert numbers.funnel == Funnel(0, 0, 0, 0)
    assert numbers.tally == Tally(0, 0, 0, 0)
    assert (numbers.active, numbers.irons_target, numbers.streak) == (0, 5, 0)
    assert numbers.interview_share is None
    assert numbers.days_to_interview is None
    assert numbers.days_to_decision is None
    assert numbers.follow_ups_per_card is None
    assert numbers.nos_per_yes is None
    assert [week.applications + week.follow_ups for week in numbers.weeks] == [0] * WEEKS


def test_median_of_an_even_number_of_cards_is_halfway() -> None:
    board = Board(
        cards=(
            card("a1", "2026-10-01", stage="interviewed", interviews=interviews("2026-10-03")),
            card("a2", "2026-10-01", stage="interviewed", interviews=interviews("2026-10-06")),
        )
    )
    assert stats(board, TODAY).days_to_interview == 3.5


def test_days_to_a_decision_leave_out_withdrawn_and_uninterviewed_cards() -> None:
    board = Board(
        cards=(
            card(
                "wd",
                "2026-10-01",
                stage="resolved",
                outcome="withdrawn",
                resolved_on="2026-10-20",
                furthest_stage="interviewed",
                interviews=interviews("2026-10-02"),
            ),
            card("noap", "2026-10-01", stage="resolved", outcome="no", resolved_on="2026-10-09"),
            card("open", "2026-10-01", stage="interviewed", interviews=interviews("2026-10-05")),
        )
    )
    numbers = stats(board, TODAY)
    assert numbers.days_to_decision is None
    assert numbers.days_to_interview == 2.5  # the withdrawal still had its interview: median of 1 and 4


def test_days_to_a_decision_count_from_the_last_interview() -> None:
    added = add_card(Board(), company="Acme", applied=D("2026-10-01"))
    board = log_interview(added.board, added.card.id, on=D("2026-10-05")).board
    board = log_interview(board, added.card.id, on=D("2026-10-12")).board
    board = resolve_card(board, added.card.id, Outcome.NO, on=D("2026-10-15")).board
    numbers = stats(board, TODAY)
    assert numbers.days_to_interview == 4
    assert numbers.days_to_decision == 3


def test_follow_ups_per_card_count_only_follow_ups() -> None:
    added = add_card(Board(), company="Acme", applied=D("2026-10-01"))
    board = log_follow_up(added.board, added.card.id, on=D("2026-10-08")).board
    board = log_follow_up(board, added.card.id, on=D("2026-10-15")).board
    board = log_interview(board, added.card.id, on=D("2026-10-16")).board
    board = add_card(board, company="Globex", applied=D("2026-10-02")).board
    assert stats(board, TODAY).follow_ups_per_card == 1.0  # 2 follow-ups over 2 cards; the interview is not one


def test_streak_and_irons_target_come_from_the_board() -> None:
    alive = HISTORY.replace(
        review=ReviewLog(last_finished=TODAY - dt.timedelta(days=1), streak=4), settings=Settings(irons_target=8)
    )
    numbers = stats(alive, TODAY)
    assert (numbers.streak, numbers.irons_target) == (4, 8)
    lapsed = alive.replace(review=ReviewLog(last_finished=TODAY - dt.timedelta(days=2), streak=4))
    assert stats(lapsed, TODAY).streak == 0


# weekly -------------------------------------------------------------------------------------------------------


def mondays(first: dt.date, count: int = WEEKS) -> list[dt.date]:
    return [first + dt.timedelta(weeks=n) for n in range(count)]


def test_weekly_is_twelve_weeks_from_monday_up_to_this_week() -> None:
    weeks = weekly(Board(), TODAY)
    assert [week.monday for week in weeks] == mondays(FIRST_MONDAY)
    assert weeks[-1].monday == D("2026-11-23")
    assert all(week.monday.weekday() == 0 for week in weeks)
    assert weeks == tuple(Week(monday, 0, 0) for monday in mondays(FIRST_MONDAY))


@pytest.mark.parametrize(
    ("today", "last_monday"),
    [
        pytest.param(D("2026-11-23"), D("2026-11-23"), id="monday"),
        pytest.param(D("2026-11-29"), D("2026-11-23"), id="sunday"),
        pytest.param(D("2026-11-30"), D("2026-11-30"), id="next-monday"),
    ],
)
def test_weekly_window_ends_with_the_week_of_today(today: dt.date, last_monday: dt.date) -> None:
    weeks = weekly(Board(), today)
    assert len(weeks) == WEEKS
    assert weeks[-1].monday == last_monday
    assert weeks[0].monday == last_monday - dt.timedelta(weeks=WEEKS - 1)


def test_today_on_a_monday_counts_that_day_in_the_last_week() -> None:
    monday = D("2026-11-23")
    board = Board(
        cards=(
            card("today", "2026-11-23", timeline=follow_ups("2026-11-23")),
            card("sunday", "2026-11-22"),
        )
    )
    weeks = weekly(board, monday)
    assert weeks[-1] == Week(monday, applications=1, follow_ups=1)
    assert weeks[-2] == Week(D("2026-11-16"), applications=1, follow_ups=0)


def test_a_sunday_belongs_to_the_week_before_the_next_monday() -> None:
    board = Board(
        cards=(
            card("sun", "2026-11-22", timeline=follow_ups("2026-11-22")),
            card("mon", "2026-11-23", timeline=follow_ups("2026-11-23", "2026-11-24")),
        )
    )
    weeks = weekly(board, TODAY)
    assert weeks[-2] == Week(D("2026-11-16"), applications=1, follow_ups=1)
    assert weeks[-1] == Week(D("2026-11-23"), applications=1, follow_ups=2)


def test_weeks_outside_the_window_are_ignored() -> None:
    board = Board(
        cards=(
            card("before", "2026-09-06", timeline=follow_ups("2026-09-06", "2026-09-07")),  # Sunday before the window
            card("first", "2026-09-07"),  # the window's first Monday
            card("after", "2026-11-30", timeline=follow_ups("2026-12-01")),  # next week, beyond today's
            card("long", "2025-01-06", timeline=follow_ups("2025-01-13")),
        )
    )
    weeks = weekly(board, TODAY)
    assert weeks[0] == Week(FIRST_MONDAY, applications=1, follow_ups=1)
    assert sum(week.applications for week in weeks) == 1
    assert sum(week.follow_ups for week in weeks) == 1


def test_weekly_counts_follow_ups_but_no_other_event() -> None:
    board = Board(
        cards=(
            card(
                "c1",
                "2026-11-02",
                stage="interviewed",
                interviews=interviews("2026-11-03"),
                timeline=[
                    {"date": "2026-11-02", "kind": "applied"},
                    {"date": "2026-11-03", "kind": "interviewed"},
                    {"date": "2026-11-04", "kind": "thank_you"},
                    {"date": "2026-11-05", "kind": "heard_back"},
                    {"date": "2026-11-06", "kind": "followed_up", "channel": "phone"},
                ],
            ),
        )
    )
    weeks = {week.monday: week for week in weekly(board, TODAY)}
    assert weeks[D("2026-11-02")] == Week(D("2026-11-02"), applications=1, follow_ups=1)
    assert sum(week.follow_ups for week in weeks.values()) == 1


def test_weekly_of_the_hand_made_history() -> None:
    weeks = {week.monday: (week.applications, week.follow_ups) for week in weekly(HISTORY, TODAY)}
    nonzero = {monday: counts for monday, counts in weeks.items() if counts != (0, 0)}
    assert nonzero == {
        D("2026-09-07"): (1, 0),  # wd (noap, 09-01, is before the window)
        D("2026-09-14"): (2, 0),  # noiv, yes
        D("2026-09-21"): (0, 1),  # yes's follow-up on 09-25
        D("2026-10-05"): (2, 0),  # iv, fu
        D("2026-10-19"): (0, 1),
        D("2026-10-26"): (0, 1),
        D("2026-11-02"): (1, 0),  # ap
        D("2026-11-09"): (0, 1),  # ap's follow-up in Applied
    }


def test_weekly_takes_a_number_of_weeks() -> None:
    assert [week.monday for week in weekly(Board(), TODAY, weeks=1)] == [D("2026-11-23")]
    assert [week.monday for week in weekly(Board(), TODAY, weeks=3)] == mondays(D("2026-11-09"), 3)


# stats_json ---------------------------------------------------------------------------------------------------


def test_stats_json_has_exactly_the_contract_keys() -> None:
    data = stats_json(HISTORY, TODAY)
    assert set(data) == JSON_KEYS
    assert isinstance(data["funnel"], dict)
    assert set(data["funnel"]) == FUNNEL_KEYS
    assert json.loads(json.dumps(data)) == data


def test_stats_json_values_of_the_hand_made_history() -> None:
    assert stats_json(HISTORY, TODAY) == {
        "nos_since_last_yes": 0,
        "nos": 2,
        "yeses": 1,
        "withdrawn": 1,
        "active": 3,
        "irons_target": 5,
        "streak": 0,
        "funnel": {"applied": 7, "interviewed": 5, "followed_up": 2, "yes": 1},
    }


def test_stats_json_counts_the_nos_since_the_last_yes() -> None:
    later_nos = (
        card("n1", "2026-10-01", stage="resolved", outcome="no", resolved_on="2026-10-20"),
        card("n2", "2026-10-01", stage="resolved", outcome="no", no_kind="silence", resolved_on="2026-10-21"),
    )
    board = HISTORY.replace(
        cards=(*HISTORY.cards, *later_nos),
        review=ReviewLog(last_finished=TODAY, streak=2),
        settings=Settings(irons_target=3),
    )
    data = stats_json(board, TODAY)
    assert data == {
        "nos_since_last_yes": 2,
        "nos": 4,
        "yeses": 1,
        "withdrawn": 1,
        "active": 3,
        "irons_target": 3,
        "streak": 2,
        "funnel": {"applied": 9, "interviewed": 5, "followed_up": 2, "yes": 1},
    }


def test_stats_json_of_an_empty_board_is_all_zeros() -> None:
    assert stats_json(Board(), TODAY) == {
        "nos_since_last_yes": 0,
        "nos": 0,
        "yeses": 0,
        "withdrawn": 0,
        "active": 0,
        "irons_target": 5,
        "streak": 0,
        "funnel": {"applied": 0, "interviewed": 0, "followed_up": 0, "yes": 0},
    }


def test_the_history_ratio_and_the_persons_own_guess_are_told_apart() -> None:
    from fu_board.board import add_card, resolve_card
    from fu_board.model import Settings
    from fu_board.stats import stats, stats_text

    day = dt.date(2026, 11, 25)
    board = add_card(Board(settings=Settings(expected_nos_per_yes=9)), company="A", applied=day).board
    board = add_card(board, company="B", applied=day).board
    first, second = (card.id for card in board.cards)
    board = resolve_card(resolve_card(board, first, Outcome.NO, on=day).board, second, Outcome.YES, on=day).board
    numbers = stats(board, day)
    assert (numbers.nos_per_yes, numbers.expected_nos_per_yes) == (1.0, 9)
    assert "nos per yes        1 (your own guess: 9)" in stats_text(board, day)


def test_timings_count_only_interviews_that_happened() -> None:
    from fu_board.board import add_card, log_interview, resolve_card
    from fu_board.stats import stats

    day = dt.date(2026, 11, 20)
    board = add_card(Board(), company="A", applied=dt.date(2026, 11, 1)).board
    card_id = board.cards[0].id
    board = log_interview(board, card_id, on=dt.date(2026, 12, 5)).board  # scheduled, then a no before it
    board = resolve_card(board, card_id, Outcome.NO, on=day).board
    numbers = stats(board, day)
    assert (numbers.days_to_interview, numbers.days_to_decision) == (None, None)

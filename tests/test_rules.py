"""The follow-up rules: every row of the table in PRODUCT.md, across weekends,
month ends, year ends and leap days, with default and changed settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fu_board.board import BoardError, add_card, log_follow_up, log_interview, log_thank_you, move_card, snooze_card
from fu_board.model import Board, Card, EventKind, Outcome, Settings, Stage
from fu_board.rules import (
    FollowUp,
    Reason,
    Status,
    add_business_days,
    count_due,
    due_cards,
    last_interview,
    next_follow_up,
    urgency,
)

D = dt.date.fromisoformat
TODAY = D("2026-11-25")  # a Wednesday
DEFAULTS = Settings()


def card(
    *,
    applied: str = "2026-11-02",
    stage: Stage = Stage.APPLIED,
    interviews: tuple[str, ...] = (),
    decision: str | None = None,
    events: tuple[tuple[EventKind, str], ...] = (),
    snoozed: str | None = None,
    card_id: str = "c1",
    company: str = "Acme",
    **extra: Any,
) -> Card:
    """A card with a precise history: `events` follow the `applied` event on the timeline."""
    timeline = [{"date": applied, "kind": "applied"}]
    timeline += [{"date": day, "kind": kind.value} for kind, day in events]
    return Card.validate(
        {
            "id": card_id,
            "company": company,
            "applied": applied,
            "stage": stage,
            "interviews": [{"date": day} for day in interviews],
            "decision_expected": decision,
            "snoozed_until": snoozed,
            "timeline": timeline,
            **extra,
        }
    )


FU = EventKind.FOLLOWED_UP
TY = EventKind.THANK_YOU
IV = EventKind.INTERVIEWED
INT = Stage.INTERVIEWED
FUP = Stage.FOLLOWED_UP


def interviewed(*days: str, stage: Stage = INT, events: tuple[tuple[EventKind, str], ...] = (), **fields: Any) -> Card:
    """A card with interviews on `days` (and their timeline events), then `events`."""
    return card(stage=stage, interviews=days, events=tuple((IV, day) for day in days) + events, **fields)


# The rules table ----------------------------------------------------------------

RULES: list[Any] = [
    # Applied, no answer: 7 days after applying, then every 7 days from the last follow-up.
    pytest.param(card(), DEFAULTS, "2026-11-09", Reason.APPLIED_NO_ANSWER, id="applied-7d-after-applying"),
    pytest.param(
        card(events=((FU, "2026-11-09"),)), DEFAULTS, "2026-11-16", Reason.APPLIED_NO_ANSWER, id="applied-repeat"
    ),
    pytest.param(
        card(events=((FU, "2026-11-20"), (FU, "2026-11-09"))),
        DEFAULTS,
        "2026-11-27",
        Reason.APPLIED_NO_ANSWER,
        id="applied-repeat-counts-from-the-latest-follow-up-not-the-last-listed",
    ),
    pytest.param(
        card(events=((FU, "2026-11-02"),)),
        Settings(applied_first_days=10, applied_repeat_days=3),
        "2026-11-05",
        Reason.APPLIED_NO_ANSWER,
        id="applied-follow-up-on-the-applied-day-counts-as-a-follow-up",
    ),
    pytest.param(
        card(applied="2026-11-10", events=((FU, "2026-11-05"),)),
        Settings(applied_first_days=10, applied_repeat_days=3),
        "2026-11-20",
        Reason.APPLIED_NO_ANSWER,
        id="applied-follow-up-before-applying-is-ignored",
    ),
    pytest.param(
        card(applied="2026-11-02", interviews=("2026-11-05",), decision="2026-11-06"),
        DEFAULTS,
        "2026-11-09",
        Reason.APPLIED_NO_ANSWER,
        id="applied-stage-decides-even-with-interviews",
    ),
    pytest.param(
        card(applied="2027-01-31"), DEFAULTS, "2027-02-07", Reason.APPLIED_NO_ANSWER, id="applied-month-end-jan31+7"
    ),
    pytest.param(card(applied="2026-12-28"), DEFAULTS, "2027-01-04", Reason.APPLIED_NO_ANSWER, id="applied-year-end"),
    pytest.param(
        card(applied="2028-02-22"), DEFAULTS, "2028-02-29", Reason.APPLIED_NO_ANSWER, id="applied-into-leap-day"
    ),
    pytest.param(
        card(applied="2027-02-22"), DEFAULTS, "2027-03-01", Reason.APPLIED_NO_ANSWER, id="applied-no-leap-day-2027"
    ),
    pytest.param(
        card(), Settings(applied_first_days=14), "2026-11-16", Reason.APPLIED_NO_ANSWER, id="applied-first-14d-setting"
    ),
    pytest.param(
        card(events=((FU, "2026-11-09"),)),
        Settings(applied_repeat_days=3),
        "2026-11-12",
        Reason.APPLIED_NO_ANSWER,
        id="applied-repeat-3d-setting",
    ),
    # Interviewed, no thank-you logged: the day after the interview.
    pytest.param(interviewed("2026-11-24"), DEFAULTS, "2026-11-25", Reason.THANK_YOU, id="thank-you-the-day-after"),
    pytest.param(
        interviewed("2026-11-24", decision="2026-12-04"),
        DEFAULTS,
        "2026-11-25",
        Reason.THANK_YOU,
        id="thank-you-owed-before-the-decision-rule",
    ),
    pytest.param(interviewed("2026-11-30"), DEFAULTS, "2026-12-01", Reason.THANK_YOU, id="thank-you-month-end-nov30+1"),
    pytest.param(interviewed("2026-12-31"), DEFAULTS, "2027-01-01", Reason.THANK_YOU, id="thank-you-year-end"),
    pytest.param(interviewed("2028-02-28"), DEFAULTS, "2028-02-29", Reason.THANK_YOU, id="thank-you-leap-day-2028"),
    pytest.param(interviewed("2027-02-28"), DEFAULTS, "2027-03-01", Reason.THANK_YOU, id="thank-you-no-leap-day-2027"),
    pytest.param(
        interviewed("2026-12-02"), DEFAULTS, "2026-12-03", Reason.THANK_YOU, id="thank-you-after-a-scheduled-interview"
    ),
    pytest.param(
        interviewed("2026-11-24"), Settings(thank_you_days=0), "2026-11-24", Reason.THANK_YOU, id="thank-you-0d-setting"
    ),
    pytest.param(
        interviewed("2026-11-24"), Settings(thank_you_days=2), "2026-11-26", Reason.THANK_YOU, id="thank-you-2d-setting"
    ),
    pytest.param(
        interviewed("2026-11-09", "2026-11-20", stage=INT, events=((TY, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-21",
        Reason.THANK_YOU,
        id="thank-you-owed-again-after-a-second-interview",
    ),
    pytest.param(
        interviewed("2026-11-20", "2026-11-09", events=((TY, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-21",
        Reason.THANK_YOU,
        id="thank-you-last-interview-is-the-latest-date-not-the-last-listed",
    ),
    pytest.param(
        card(
            stage=INT,
            interviews=("2026-11-09", "2026-11-20"),
            events=((IV, "2026-11-09"), (FU, "2026-11-16"), (IV, "2026-11-20")),
        ),
        DEFAULTS,
        "2026-11-21",
        Reason.THANK_YOU,
        id="thank-you-owed-after-a-second-interview-that-followed-a-follow-up",
    ),
    # Interviewed, decision date given: 2 business days after that date.
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-03"),
        DEFAULTS,
        "2026-12-07",
        Reason.DECISION_PASSED,
        id="decision-thursday+2bd-is-monday",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-04"),
        DEFAULTS,
        "2026-12-08",
        Reason.DECISION_PASSED,
        id="decision-friday+2bd-is-tuesday",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-05"),
        DEFAULTS,
        "2026-12-08",
        Reason.DECISION_PASSED,
        id="decision-saturday+2bd-is-tuesday",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-06"),
        DEFAULTS,
        "2026-12-08",
        Reason.DECISION_PASSED,
        id="decision-sunday+2bd-is-tuesday",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-24"),), decision="2026-11-24"),
        DEFAULTS,
        "2026-11-26",
        Reason.DECISION_PASSED,
        id="decision-on-the-interview-day-and-thank-you-the-same-day",
    ),
    pytest.param(
        interviewed("2026-12-22", events=((TY, "2026-12-22"),), decision="2026-12-31"),
        DEFAULTS,
        "2027-01-04",
        Reason.DECISION_PASSED,
        id="decision-year-end-thursday",
    ),
    pytest.param(
        interviewed("2028-02-21", events=((TY, "2028-02-21"),), decision="2028-02-25"),
        DEFAULTS,
        "2028-02-29",
        Reason.DECISION_PASSED,
        id="decision-friday-into-leap-day",
    ),
    pytest.param(
        interviewed("2027-02-22", events=((TY, "2027-02-22"),), decision="2027-02-26"),
        DEFAULTS,
        "2027-03-02",
        Reason.DECISION_PASSED,
        id="decision-friday-over-month-end-2027",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-05"),
        Settings(decision_business_days=0),
        "2026-12-05",
        Reason.DECISION_PASSED,
        id="decision-0bd-setting-is-the-decision-date",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-04"),
        Settings(decision_business_days=5),
        "2026-12-11",
        Reason.DECISION_PASSED,
        id="decision-5bd-setting-is-a-week",
    ),
    pytest.param(
        interviewed("2026-11-09", "2026-11-20", events=((TY, "2026-11-20"),), decision="2026-11-13"),
        DEFAULTS,
        "2026-11-27",
        Reason.AFTER_INTERVIEW,
        id="decision-stale-before-the-latest-interview-is-ignored",
    ),
    # Interviewed, no decision date: 7 days after the interview.
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),)),
        DEFAULTS,
        "2026-12-01",
        Reason.AFTER_INTERVIEW,
        id="after-interview-7d",
    ),
    pytest.param(
        interviewed("2027-01-31", applied="2027-01-04", events=((TY, "2027-01-31"),)),
        DEFAULTS,
        "2027-02-07",
        Reason.AFTER_INTERVIEW,
        id="after-interview-month-end-jan31+7",
    ),
    pytest.param(
        interviewed("2026-12-28", events=((TY, "2026-12-29"),)),
        DEFAULTS,
        "2027-01-04",
        Reason.AFTER_INTERVIEW,
        id="after-interview-year-end",
    ),
    pytest.param(
        interviewed("2028-02-22", applied="2028-02-01", events=((TY, "2028-02-22"),)),
        DEFAULTS,
        "2028-02-29",
        Reason.AFTER_INTERVIEW,
        id="after-interview-into-leap-day",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),)),
        Settings(after_interview_days=10),
        "2026-12-04",
        Reason.AFTER_INTERVIEW,
        id="after-interview-10d-setting",
    ),
    pytest.param(
        card(
            stage=INT,
            interviews=("2026-11-09",),
            events=((FU, "2026-11-05"), (IV, "2026-11-09"), (TY, "2026-11-10")),
        ),
        DEFAULTS,
        "2026-11-16",
        Reason.AFTER_INTERVIEW,
        id="after-interview-a-follow-up-before-the-interview-does-not-count",
    ),
    # Followed up, still no answer: 7 days after the last follow-up, and every 7 days.
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)),
        DEFAULTS,
        "2026-11-19",
        Reason.WEEKLY,
        id="weekly-7d-after-the-follow-up",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-19"), (FU, "2026-11-12"))),
        DEFAULTS,
        "2026-11-26",
        Reason.WEEKLY,
        id="weekly-counts-from-the-latest-follow-up",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-09"),)),
        DEFAULTS,
        "2026-11-16",
        Reason.WEEKLY,
        id="weekly-a-follow-up-on-the-interview-day-stands-for-the-thank-you",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, decision="2026-11-20", events=((FU, "2026-11-12"),)),
        DEFAULTS,
        "2026-11-19",
        Reason.WEEKLY,
        id="weekly-a-follow-up-sets-the-decision-date-aside",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((TY, "2026-11-10"), (FU, "2026-11-17"))),
        DEFAULTS,
        "2026-11-24",
        Reason.WEEKLY,
        id="weekly-after-thank-you-then-follow-up",
    ),
    pytest.param(
        interviewed("2026-11-24", stage=FUP, events=((FU, "2026-11-30"),)),
        DEFAULTS,
        "2026-12-07",
        Reason.WEEKLY,
        id="weekly-month-end",
    ),
    pytest.param(
        interviewed("2026-12-20", stage=FUP, events=((FU, "2026-12-29"),)),
        DEFAULTS,
        "2027-01-05",
        Reason.WEEKLY,
        id="weekly-year-end",
    ),
    pytest.param(
        interviewed("2028-02-15", applied="2028-02-01", stage=FUP, events=((FU, "2028-02-22"),)),
        DEFAULTS,
        "2028-02-29",
        Reason.WEEKLY,
        id="weekly-into-leap-day",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)),
        Settings(follow_up_repeat_days=14),
        "2026-11-26",
        Reason.WEEKLY,
        id="weekly-14d-setting",
    ),
    pytest.param(
        card(stage=FUP, events=((FU, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-17",
        Reason.WEEKLY,
        id="weekly-followed-up-without-an-interview",
    ),
    pytest.param(
        card(stage=FUP),
        DEFAULTS,
        "2026-11-09",
        Reason.WEEKLY,
        id="weekly-no-interview-no-follow-up-counts-from-applied",
    ),
    pytest.param(
        card(stage=FUP, events=((FU, "2026-11-10"),)),
        Settings(follow_up_repeat_days=3, applied_repeat_days=20),
        "2026-11-13",
        Reason.WEEKLY,
        id="weekly-without-interview-uses-the-follow-up-setting",
    ),
    # Snoozed: on the snooze date, which replaces the rule above until then.
    pytest.param(card(snoozed="2026-12-10"), DEFAULTS, "2026-12-10", Reason.SNOOZED, id="snoozed-applied"),
    pytest.param(
        interviewed("2026-11-24", snoozed="2026-11-28"), DEFAULTS, "2026-11-28", Reason.SNOOZED, id="snoozed-thank-you"
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),), snoozed="2026-11-17"),
        DEFAULTS,
        "2026-11-17",
        Reason.SNOOZED,
        id="snoozed-earlier-than-the-rule-still-wins",
    ),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-04", snoozed="2028-02-29"),
        DEFAULTS,
        "2028-02-29",
        Reason.SNOOZED,
        id="snoozed-to-a-leap-day",
    ),
]


@pytest.mark.parametrize(("the_card", "rules", "due", "reason"), RULES)
def test_rules_table(the_card: Card, rules: Settings, due: str, reason: Reason) -> None:
    follow_up = next_follow_up(the_card, rules, TODAY)
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D(due), reason)
    assert follow_up.today == TODAY


SET_ASIDE: list[Any] = [
    pytest.param(card(snoozed="2026-12-10"), "2026-11-09", Reason.APPLIED_NO_ANSWER, id="applied"),
    pytest.param(interviewed("2026-11-24", snoozed="2026-11-28"), "2026-11-25", Reason.THANK_YOU, id="thank-you"),
    pytest.param(
        interviewed("2026-11-24", events=((TY, "2026-11-25"),), decision="2026-12-04", snoozed="2026-12-20"),
        "2026-12-08",
        Reason.DECISION_PASSED,
        id="decision",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),), snoozed="2026-12-01"),
        "2026-11-19",
        Reason.WEEKLY,
        id="weekly",
    ),
]


@pytest.mark.parametrize(("the_card", "due", "reason"), SET_ASIDE)
def test_snooze_false_gives_the_rule_the_snooze_set_aside(the_card: Card, due: str, reason: Reason) -> None:
    snoozed_rule = next_follow_up(the_card, DEFAULTS, TODAY)
    assert snoozed_rule is not None
    assert snoozed_rule.reason is Reason.SNOOZED
    follow_up = next_follow_up(the_card, DEFAULTS, TODAY, snooze=False)
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D(due), reason)


def test_last_interview_is_the_latest_date() -> None:
    assert last_interview(card()) is None
    assert last_interview(interviewed("2026-11-20", "2026-11-09", "2026-11-12")) == D("2026-11-20")


# Resolved cards and "no rule resolves a card" ------------------------------------


@pytest.mark.parametrize("outcome", list(Outcome), ids=[o.value for o in Outcome])
@pytest.mark.parametrize("snoozed", [None, "2026-12-01"], ids=["not-snoozed", "snoozed"])
def test_resolved_cards_have_no_follow_up(outcome: Outcome, snoozed: str | None) -> None:
    resolved = interviewed(
        "2026-11-09", snoozed=snoozed, stage=Stage.RESOLVED, outcome=outcome, resolved_on="2026-11-20"
    )
    assert next_follow_up(resolved, DEFAULTS, TODAY) is None
    assert next_follow_up(resolved, DEFAULTS, TODAY, snooze=False) is None


@pytest.mark.parametrize(
    "the_card",
    [
        pytest.param(card(), id="applied"),
        pytest.param(interviewed("2026-11-09"), id="thank-you"),
        pytest.param(interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)), id="weekly"),
    ],
)
def test_no_rule_resolves_a_card_however_long_the_silence(the_card: Card) -> None:
    before = dataclasses.asdict(the_card)
    years_later = D("2031-01-01")
    follow_up = next_follow_up(the_card, DEFAULTS, years_later)
    assert follow_up is not None
    assert follow_up.status is Status.OVERDUE
    assert follow_up.overdue_days > 1000
    assert dataclasses.asdict(the_card) == before
    board = Board(cards=(the_card,))
    [(found, _)] = due_cards(board, years_later)
    assert found is the_card
    assert not found.is_resolved
    assert board.cards == (the_card,)


# Status, overdue days and words ----------------------------------------------------

STATUS: list[Any] = [
    pytest.param(Reason.WEEKLY, -1, Status.UPCOMING, 0, "follow up in 1d", id="follow-up-due-1"),
    pytest.param(Reason.WEEKLY, -3, Status.UPCOMING, 0, "follow up in 3d", id="follow-up-due-3"),
    pytest.param(Reason.WEEKLY, 0, Status.DUE_TODAY, 0, "follow-up due today", id="follow-up-due"),
    pytest.param(Reason.WEEKLY, 4, Status.OVERDUE, 4, "follow-up 4d overdue", id="follow-up-due+4"),
    pytest.param(Reason.THANK_YOU, -1, Status.UPCOMING, 0, "thank-you in 1d", id="thank-you-due-1"),
    pytest.param(Reason.THANK_YOU, 0, Status.DUE_TODAY, 0, "thank-you due today", id="thank-you-due"),
    pytest.param(Reason.THANK_YOU, 2, Status.OVERDUE, 2, "thank-you 2d overdue", id="thank-you-due+2"),
    pytest.param(Reason.THANK_YOU, 4, Status.OVERDUE, 4, "thank-you 4d overdue", id="thank-you-due+4"),
    pytest.param(Reason.APPLIED_NO_ANSWER, 4, Status.OVERDUE, 4, "follow-up 4d overdue", id="applied-due+4"),
    pytest.param(Reason.DECISION_PASSED, 0, Status.DUE_TODAY, 0, "follow-up due today", id="decision-due"),
    pytest.param(Reason.AFTER_INTERVIEW, -1, Status.UPCOMING, 0, "follow up in 1d", id="after-interview-due-1"),
    pytest.param(Reason.SNOOZED, 4, Status.OVERDUE, 4, "follow-up 4d overdue", id="snoozed-due+4"),
]


@pytest.mark.parametrize(("reason", "offset", "status", "overdue_days", "words"), STATUS)
def test_status_overdue_days_and_words(
    reason: Reason, offset: int, status: Status, overdue_days: int, words: str
) -> None:
    due = D("2026-11-30")
    follow_up = FollowUp(due, reason, due + dt.timedelta(days=offset))
    assert follow_up.status is status
    assert follow_up.overdue_days == overdue_days
    assert follow_up.days_late == offset
    assert follow_up.words == words
    assert follow_up.is_due is (status is not Status.UPCOMING)


@pytest.mark.parametrize(
    ("today", "status", "overdue_days", "words"),
    [
        pytest.param("2026-11-30", Status.UPCOMING, 0, "thank-you in 1d", id="due-1"),
        pytest.param("2026-12-01", Status.DUE_TODAY, 0, "thank-you due today", id="due"),
        pytest.param("2026-12-05", Status.OVERDUE, 4, "thank-you 4d overdue", id="due+4-over-month-end"),
    ],
)
def test_status_of_a_real_card_across_a_month_end(today: str, status: Status, overdue_days: int, words: str) -> None:
    follow_up = next_follow_up(interviewed("2026-11-30"), DEFAULTS, D(today))
    assert follow_up is not None
    assert (follow_up.status, follow_up.overdue_days, follow_up.words) == (status, overdue_days, words)


def test_a_scheduled_interview_owes_nothing_yet() -> None:
    follow_up = next_follow_up(interviewed("2026-12-02"), DEFAULTS, TODAY)
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason, follow_up.status) == (D("2026-12-03"), Reason.THANK_YOU, Status.UPCOMING)
    assert follow_up.words == "thank-you in 8d"
    assert not follow_up.is_due


# Business days ------------------------------------------------------------------

BUSINESS_DAYS: list[Any] = [
    pytest.param("2026-11-23", 1, "2026-11-24", id="mon+1"),
    pytest.param("2026-11-23", 5, "2026-11-30", id="mon+5"),
    pytest.param("2026-12-03", 2, "2026-12-07", id="thu+2"),
    pytest.param("2026-12-04", 1, "2026-12-07", id="fri+1"),
    pytest.param("2026-12-04", 2, "2026-12-08", id="fri+2"),
    pytest.param("2026-12-05", 1, "2026-12-07", id="sat+1"),
    pytest.param("2026-12-05", 2, "2026-12-08", id="sat+2"),
    pytest.param("2026-12-06", 2, "2026-12-08", id="sun+2"),
    pytest.param("2026-12-04", 0, "2026-12-04", id="fri+0"),
    pytest.param("2026-12-05", 0, "2026-12-05", id="sat+0"),
    pytest.param("2026-12-04", 10, "2026-12-18", id="fri+10"),
    pytest.param("2026-12-31", 2, "2027-01-04", id="year-end"),
    pytest.param("2026-11-27", 2, "2026-12-01", id="month-end"),
    pytest.param("2028-02-25", 2, "2028-02-29", id="leap-day"),
    pytest.param("2027-02-26", 1, "2027-03-01", id="no-leap-day"),
]


@pytest.mark.parametrize(("start", "count", "expected"), BUSINESS_DAYS)
def test_add_business_days(start: str, count: int, expected: str) -> None:
    result = add_business_days(D(start), count)
    assert result == D(expected)
    assert count == 0 or result.weekday() < 5


# Today's queue --------------------------------------------------------------------


def queue_board(rules: Settings = DEFAULTS) -> Board:
    cards = (
        card(card_id="upcoming", company="Upcoming", applied="2026-11-20"),  # due 11-27
        card(card_id="today", company="Today", applied="2026-11-18"),  # due 11-25
        interviewed("2026-11-23", card_id="thanks", company="Thanks"),  # thank-you due 11-24
        card(card_id="beta", company="Beta", applied="2026-11-10"),  # due 11-17
        card(card_id="acme", company="Acme", applied="2026-11-10"),  # due 11-17
        card(card_id="oldest", company="Zeta", applied="2026-11-01"),  # due 11-08
        card(card_id="snoozed", company="Snoozed", applied="2026-11-01", snoozed="2026-11-26"),
        card(card_id="wakes", company="Wakes", applied="2026-11-01", snoozed="2026-11-25"),
        card(
            card_id="resolved",
            company="Resolved",
            applied="2026-10-01",
            stage=Stage.RESOLVED,
            outcome="no",
            resolved_on="2026-10-20",
        ),
    )
    return Board(settings=rules, cards=cards)


def test_due_cards_most_overdue_first_then_company() -> None:
    queue = due_cards(queue_board(), TODAY)
    assert [(c.id, f.due.isoformat(), f.reason.value) for c, f in queue] == [
        ("oldest", "2026-11-08", "applied_no_answer"),
        ("acme", "2026-11-17", "applied_no_answer"),
        ("beta", "2026-11-17", "applied_no_answer"),
        ("thanks", "2026-11-24", "thank_you"),
        ("today", "2026-11-25", "applied_no_answer"),
        ("wakes", "2026-11-25", "snoozed"),
    ]
    assert [f.overdue_days for _, f in queue] == [17, 8, 8, 1, 0, 0]


def test_due_cards_returns_the_boards_own_cards_unchanged() -> None:
    board = queue_board()
    queue = due_cards(board, TODAY)
    for found, _ in queue:
        assert any(found is existing for existing in board.cards)
    assert board == queue_board()


def test_due_cards_follow_the_boards_settings() -> None:
    board = queue_board(Settings(applied_first_days=20, thank_you_days=3))
    assert [c.id for c, _ in due_cards(board, TODAY)] == ["oldest", "wakes"]


def test_due_cards_on_an_empty_board() -> None:
    assert due_cards(Board(), TODAY) == []


def test_count_due_and_urgency() -> None:
    board = queue_board()
    follow_ups = [next_follow_up(c, board.settings, TODAY) for c in board.cards]
    assert count_due(follow_ups) == (6, 4)
    assert urgency(None) > urgency(follow_ups[0])
    assert urgency(follow_ups[5]) < urgency(follow_ups[0])


# Property: never due before the application was sent --------------------------------

WORKING = [Stage.APPLIED, Stage.INTERVIEWED, Stage.FOLLOWED_UP]
OPS = st.sampled_from(["follow_up", "interview", "interview_decision", "thank_you", "snooze", "move"])


@settings(max_examples=150, deadline=None)
@given(
    applied=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)),
    steps=st.lists(
        st.tuples(OPS, st.integers(0, 60), st.integers(0, 30), st.sampled_from(list(Stage)[:3])), max_size=8
    ),
    numbers=st.tuples(*(st.integers(1, 30) for _ in range(3)), st.integers(0, 5), st.integers(0, 10)),
    today_offset=st.integers(-30, 400),
)
def test_never_due_before_the_application_was_sent(
    applied: dt.date,
    steps: list[tuple[str, int, int, Stage]],
    numbers: tuple[int, int, int, int, int],
    today_offset: int,
) -> None:
    first, repeat, after, thank, business = numbers
    rules = Settings(
        applied_first_days=first,
        applied_repeat_days=repeat,
        after_interview_days=after,
        follow_up_repeat_days=repeat,
        thank_you_days=thank,
        decision_business_days=business,
    )
    board = add_card(Board(settings=rules), company="Acme", applied=applied).board
    card_id = board.cards[0].id
    for op, offset, extra, stage in steps:
        on = applied + dt.timedelta(days=offset)
        try:
            if op == "follow_up":
                board = log_follow_up(board, card_id, on=on).board
            elif op == "interview":
                board = log_interview(board, card_id, on=on).board
            elif op == "interview_decision":
                board = log_interview(board, card_id, on=on, decision_by=on + dt.timedelta(days=extra)).board
            elif op == "thank_you":
                board = log_thank_you(board, card_id, on=on).board
            elif op == "snooze":
                board = snooze_card(board, card_id, until=on + dt.timedelta(days=extra + 1), on=on).board
            else:
                board = move_card(board, card_id, stage, on=on).board
        except BoardError:
            continue
    the_card = board.cards[0]
    today = applied + dt.timedelta(days=today_offset)
    for snooze in (True, False):
        follow_up = next_follow_up(the_card, rules, today, snooze=snooze)
        assert follow_up is not None
        assert follow_up.due >= applied


@pytest.mark.parametrize(
    ("today", "words"),
    [
        ("2026-11-25", "snoozed until Mon 30 Nov"),
        ("2026-11-29", "snoozed until Mon 30 Nov"),
        ("2026-11-30", "follow-up due today"),
        ("2026-12-02", "follow-up 2d overdue"),
    ],
)
def test_snoozed_words_say_until_when(today: str, words: str) -> None:
    follow_up = FollowUp(dt.date(2026, 11, 30), Reason.SNOOZED, dt.date.fromisoformat(today))
    assert follow_up.words == words


def test_remembered_follow_ups_are_bounded() -> None:
    from fu_board.rules import _REMEMBERED, _Remembered

    settings = Settings()
    card = Card(id="aaaa", company="Acme", applied=dt.date(2026, 11, 1))
    for n in range(_Remembered.LIMIT + 10):
        next_follow_up(card.replace(id=f"c{n}"), settings, dt.date(2026, 11, 25))
    assert len(_REMEMBERED._follow_ups) <= _Remembered.LIMIT + 1

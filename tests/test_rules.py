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
from fu_board.business_days import add_business_days, next_business_day
from fu_board.model import Board, Card, Contact, EventKind, InterviewKind, Outcome, Settings, Stage
from fu_board.rules import (
    FollowUp,
    Reason,
    Status,
    agenda,
    clock,
    count_due,
    due_cards,
    due_counts,
    due_items,
    is_held,
    last_interview,
    next_follow_up,
    owed_thank_yous,
    scheduled_interviews,
    urgency,
)

D = dt.date.fromisoformat
TODAY = D("2026-11-25")  # a Wednesday
DEFAULTS = Settings()


def card(
    *,
    applied: str = "2026-11-02",
    stage: Stage = Stage.APPLIED,
    interviews: tuple[str | dict[str, Any], ...] = (),
    decision: str | None = None,
    events: tuple[tuple[EventKind, str] | dict[str, Any], ...] = (),
    snoozed: str | None = None,
    card_id: str = "c1",
    company: str = "Acme",
    **extra: Any,
) -> Card:
    """A card with a precise history: `events` follow the `applied` event on the timeline.
    An interview is its day, or its fields; an event is (kind, day), or its fields."""
    timeline = [{"date": applied, "kind": "applied"}]
    timeline += [event if isinstance(event, dict) else {"date": event[1], "kind": event[0].value} for event in events]
    return Card.validate(
        {
            "id": card_id,
            "company": company,
            "applied": applied,
            "stage": stage,
            "interviews": [day if isinstance(day, dict) else {"date": day} for day in interviews],
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
DANA = [{"name": "Dana Ortiz", "email": "dana@acme.example", "phone": "+1 555 0100"}]


def interviewed(*days: str, stage: Stage = INT, events: tuple[tuple[EventKind, str], ...] = (), **fields: Any) -> Card:
    """A card with interviews on `days` (and their timeline events), then `events`."""
    return card(stage=stage, interviews=days, events=tuple((IV, day) for day in days) + events, **fields)


def with_people(day: str, *names: str, time: str = "", **fields: Any) -> dict[str, Any]:
    """An interview on `day` with `names`."""
    return {"date": day, "time": time, "interviewers": list(names), **fields}


def thanked(day: str, person: str = "") -> dict[str, Any]:
    return {"date": day, "kind": "thank_you", "person": person}


# The rules table ----------------------------------------------------------------
# TODAY is Wednesday 2026-11-25. Every due date is a business day unless the row says so.

RULES: list[Any] = [
    # Applied, no interview: a nudge at 7 days, a second 7 days after it, then close the loop.
    pytest.param(card(), DEFAULTS, "2026-11-09", Reason.APPLIED_NO_ANSWER, id="applied-7d-after-applying"),
    pytest.param(
        card(events=((FU, "2026-11-09"),)), DEFAULTS, "2026-11-16", Reason.APPLIED_NO_ANSWER, id="applied-second-nudge"
    ),
    pytest.param(
        card(events=((FU, "2026-11-16"), (FU, "2026-11-09"))),
        DEFAULTS,
        "2026-11-23",
        Reason.CLOSE_THE_LOOP,
        id="applied-two-nudges-then-close-the-loop-from-the-latest",
    ),
    pytest.param(
        card(events=((FU, "2026-11-09"), (FU, "2026-11-16"), (FU, "2026-11-23"))),
        DEFAULTS,
        "2026-11-30",
        Reason.ASK_SILENCE_NO,
        id="applied-loop-closed-then-ask-about-the-silence",
    ),
    pytest.param(
        card(events=((FU, "2026-11-02"),)),
        Settings(applied_first_days=10, applied_repeat_days=3),
        "2026-11-05",
        Reason.APPLIED_NO_ANSWER,
        id="applied-follow-up-on-the-applied-day-counts-as-a-nudge",
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
        card(applied="2027-01-31"), DEFAULTS, "2027-02-08", Reason.APPLIED_NO_ANSWER, id="applied-sunday-to-monday"
    ),
    pytest.param(
        card(applied="2026-11-07"), DEFAULTS, "2026-11-16", Reason.APPLIED_NO_ANSWER, id="applied-saturday-to-monday"
    ),
    pytest.param(
        card(applied="2026-11-07"),
        Settings(skip_weekends=False),
        "2026-11-14",
        Reason.APPLIED_NO_ANSWER,
        id="applied-on-a-saturday-when-weekends-count",
    ),
    pytest.param(
        card(applied="2026-11-19"),
        Settings(country="US"),
        "2026-11-27",
        Reason.APPLIED_NO_ANSWER,
        id="applied-thanksgiving-moves-to-friday",
    ),
    pytest.param(
        card(applied="2026-12-18"),
        Settings(country="GB-ENG"),
        "2026-12-29",
        Reason.APPLIED_NO_ANSWER,
        id="applied-christmas-weekend-and-boxing-day-observed",
    ),
    pytest.param(
        card(applied="2026-11-19"),
        DEFAULTS,
        "2026-11-26",
        Reason.APPLIED_NO_ANSWER,
        id="applied-no-country-no-holidays",
    ),
    pytest.param(card(applied="2026-12-28"), DEFAULTS, "2027-01-04", Reason.APPLIED_NO_ANSWER, id="applied-year-end"),
    pytest.param(
        card(applied="2028-02-22"), DEFAULTS, "2028-02-29", Reason.APPLIED_NO_ANSWER, id="applied-into-leap-day"
    ),
    pytest.param(
        card(applied="2027-02-23"), DEFAULTS, "2027-03-02", Reason.APPLIED_NO_ANSWER, id="applied-no-leap-day-2027"
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
    pytest.param(
        card(), Settings(applied_follow_ups=0), "2026-11-09", Reason.CLOSE_THE_LOOP, id="applied-no-nudges-setting"
    ),
    pytest.param(
        card(events=((FU, "2026-11-09"),)),
        Settings(applied_follow_ups=1, follow_up_repeat_days=10),
        "2026-11-19",
        Reason.CLOSE_THE_LOOP,
        id="applied-one-nudge-setting",
    ),
    pytest.param(
        card(stage=FUP, events=((FU, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-17",
        Reason.APPLIED_NO_ANSWER,
        id="followed-up-without-an-interview-nudges-as-an-application",
    ),
    # An interview held: a thank-you the same day (to each interviewer), before anything else.
    pytest.param(interviewed("2026-11-24"), DEFAULTS, "2026-11-24", Reason.THANK_YOU, id="thank-you-the-same-day"),
    pytest.param(
        interviewed("2026-11-24", decision="2026-12-04"),
        DEFAULTS,
        "2026-11-24",
        Reason.THANK_YOU,
        id="thank-you-owed-before-the-decision-rule",
    ),
    pytest.param(
        interviewed("2026-11-28"), DEFAULTS, "2026-11-30", Reason.THANK_YOU, id="thank-you-saturday-to-monday"
    ),
    pytest.param(interviewed("2026-11-30"), DEFAULTS, "2026-11-30", Reason.THANK_YOU, id="thank-you-month-end-is-due"),
    pytest.param(
        interviewed("2026-12-31"), Settings(thank_you_days=1), "2027-01-01", Reason.THANK_YOU, id="thank-you-year-end"
    ),
    pytest.param(
        interviewed("2028-02-28"), Settings(thank_you_days=1), "2028-02-29", Reason.THANK_YOU, id="thank-you-leap-day"
    ),
    pytest.param(
        interviewed("2026-11-24"), Settings(thank_you_days=1), "2026-11-25", Reason.THANK_YOU, id="thank-you-1d-setting"
    ),
    pytest.param(
        interviewed("2026-11-24"), Settings(thank_you_days=2), "2026-11-26", Reason.THANK_YOU, id="thank-you-2d-setting"
    ),
    pytest.param(
        interviewed("2026-11-09", "2026-11-20", stage=INT, events=((TY, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-20",
        Reason.THANK_YOU,
        id="thank-you-owed-again-after-a-second-interview",
    ),
    pytest.param(
        interviewed("2026-11-20", "2026-11-09", events=((TY, "2026-11-10"),)),
        DEFAULTS,
        "2026-11-20",
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
        "2026-11-20",
        Reason.THANK_YOU,
        id="thank-you-owed-after-a-second-interview-that-followed-a-follow-up",
    ),
    # Held, a decision date given: 2 business days after that date (the first follow-up).
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
        interviewed("2026-11-24", events=((TY, "2026-11-24"),), decision="2026-11-24"),
        Settings(country="US"),
        "2026-11-27",
        Reason.DECISION_PASSED,
        id="decision-business-days-skip-a-holiday",
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
        "2026-12-07",
        Reason.DECISION_PASSED,
        id="decision-0bd-on-a-saturday-is-the-monday",
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
    # Held, no decision date: 7 days after the interview (the first follow-up).
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
        "2027-02-08",
        Reason.AFTER_INTERVIEW,
        id="after-interview-sunday-to-monday",
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
    # Followed up: the second follow-up 7 days later, a new angle.
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)),
        DEFAULTS,
        "2026-11-19",
        Reason.WEEKLY,
        id="second-follow-up-7d-after-the-first",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-09"),)),
        DEFAULTS,
        "2026-11-16",
        Reason.WEEKLY,
        id="second-a-follow-up-on-the-interview-day-stands-for-the-thank-you",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, decision="2026-11-20", events=((FU, "2026-11-12"),)),
        DEFAULTS,
        "2026-11-19",
        Reason.WEEKLY,
        id="second-a-follow-up-sets-the-decision-date-aside",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((TY, "2026-11-10"), (FU, "2026-11-17"))),
        DEFAULTS,
        "2026-11-24",
        Reason.WEEKLY,
        id="second-after-thank-you-then-follow-up",
    ),
    pytest.param(
        interviewed("2026-11-24", stage=FUP, events=((FU, "2026-11-30"),)),
        DEFAULTS,
        "2026-12-07",
        Reason.WEEKLY,
        id="second-month-end",
    ),
    pytest.param(
        interviewed("2026-12-20", stage=FUP, events=((FU, "2026-12-29"),)),
        DEFAULTS,
        "2027-01-05",
        Reason.WEEKLY,
        id="second-year-end",
    ),
    pytest.param(
        interviewed("2028-02-15", applied="2028-02-01", stage=FUP, events=((FU, "2028-02-22"),)),
        DEFAULTS,
        "2028-02-29",
        Reason.WEEKLY,
        id="second-into-leap-day",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)),
        Settings(follow_up_repeat_days=14),
        "2026-11-26",
        Reason.WEEKLY,
        id="second-14d-setting",
    ),
    # Two follow-ups and no answer: close the loop; then ask about the silence.
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-19"), (FU, "2026-11-12"))),
        DEFAULTS,
        "2026-11-26",
        Reason.CLOSE_THE_LOOP,
        id="close-the-loop-7d-after-the-latest-of-two",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"), (FU, "2026-11-19"))),
        Settings(follow_ups_before_close=3),
        "2026-11-26",
        Reason.WEEKLY,
        id="three-follow-ups-before-close-setting",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-10"), (FU, "2026-11-12"), (FU, "2026-11-13"))),
        DEFAULTS,
        "2026-11-20",
        Reason.ASK_SILENCE_NO,
        id="ask-silence-no-7d-after-closing-the-loop",
    ),
    pytest.param(
        interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-10"), (FU, "2026-11-12"), (FU, "2026-11-13"))),
        Settings(close_wait_days=10),
        "2026-11-23",
        Reason.ASK_SILENCE_NO,
        id="ask-silence-no-close-wait-10d-setting",
    ),
    pytest.param(
        interviewed(
            "2026-11-09",
            stage=FUP,
            events=((FU, "2026-11-10"), (FU, "2026-11-12"), (FU, "2026-11-13"), (FU, "2026-11-20")),
        ),
        DEFAULTS,
        "2026-11-27",
        Reason.ASK_SILENCE_NO,
        id="ask-silence-no-again-after-writing-once-more",
    ),
    # Snoozed: on the snooze date, which replaces the rule above until then.
    pytest.param(card(snoozed="2026-12-10"), DEFAULTS, "2026-12-10", Reason.SNOOZED, id="snoozed-applied"),
    pytest.param(
        interviewed("2026-11-24", snoozed="2026-11-27"), DEFAULTS, "2026-11-27", Reason.SNOOZED, id="snoozed-thank-you"
    ),
    pytest.param(
        interviewed("2026-11-24", snoozed="2026-11-28"),
        DEFAULTS,
        "2026-11-30",
        Reason.SNOOZED,
        id="snoozed-to-a-saturday-is-due-monday",
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
    """Seen on TODAY, or on the day of the card's latest interview when that is later (held by then)."""
    today = max([TODAY, *(interview.date for interview in the_card.interviews)])
    follow_up = next_follow_up(the_card, rules, today)
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason) == (D(due), reason)
    assert follow_up.today == today
    if rules.skip_weekends:
        assert follow_up.due.weekday() < 5


SET_ASIDE: list[Any] = [
    pytest.param(card(snoozed="2026-12-10"), "2026-11-09", Reason.APPLIED_NO_ANSWER, id="applied"),
    pytest.param(interviewed("2026-11-24", snoozed="2026-11-28"), "2026-11-24", Reason.THANK_YOU, id="thank-you"),
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
        id="second-follow-up",
    ),
    pytest.param(
        interviewed(
            "2026-11-09",
            stage=FUP,
            events=((FU, "2026-11-10"), (FU, "2026-11-12"), (FU, "2026-11-13")),
            snoozed="2026-12-01",
        ),
        "2026-11-20",
        Reason.ASK_SILENCE_NO,
        id="the-silence-question",
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


def test_last_interview_is_the_latest_date_held() -> None:
    assert last_interview(card()) is None
    assert last_interview(interviewed("2026-11-20", "2026-11-09", "2026-11-12")) == D("2026-11-20")
    assert last_interview(interviewed("2026-12-20", "2026-11-09"), TODAY) == D("2026-11-09")


# The whole cadence, one step after another ------------------------------------------


def reasons_on(the_card: Card, today: str, rules: Settings = DEFAULTS) -> list[tuple[str, str | None, str]]:
    """What the card asks for that day: (reason, to, due)."""
    return [(i.reason.value, i.to, i.due.isoformat()) for i in agenda(the_card, rules, D(today))]


def test_the_whole_cadence_after_an_interview_ends_in_a_question_never_a_no() -> None:
    """Interview (two interviewers) → a thank-you to each → follow-up 1 → follow-up 2 → close the
    loop → ask whether the silence is a no. Each step its own message, none repeated."""
    board = add_card(Board(), company="Acme", applied=D("2026-11-02"), contact=Contact(name="Dana Ortiz")).board
    card_id = board.cards[0].id
    board = log_interview(board, card_id, on=D("2026-11-10"), interviewers=("Monica Hall", "Richard Roe")).board

    def now_on(today: str) -> list[tuple[str, str | None, str]]:
        return reasons_on(board.card(card_id), today)

    assert now_on("2026-11-10") == [
        ("thank_you", "Monica Hall", "2026-11-10"),
        ("thank_you", "Richard Roe", "2026-11-10"),
        ("after_interview", "Dana Ortiz", "2026-11-17"),
    ]
    board = log_thank_you(board, card_id, on=D("2026-11-10"), to="monica").board
    assert now_on("2026-11-11") == [
        ("thank_you", "Richard Roe", "2026-11-10"),
        ("after_interview", "Dana Ortiz", "2026-11-17"),
    ]
    board = log_thank_you(board, card_id, on=D("2026-11-11"), to="Richard Roe").board
    assert now_on("2026-11-17") == [("after_interview", "Dana Ortiz", "2026-11-17")]
    steps = []
    for day in ("2026-11-17", "2026-11-24", "2026-12-01"):
        board = log_follow_up(board, card_id, on=D(day)).board
        (step,) = agenda(board.card(card_id), DEFAULTS, D(day))
        steps.append((step.reason.value, step.due.isoformat(), step.step))
    assert steps == [
        ("weekly", "2026-11-24", 2),
        ("close_the_loop", "2026-12-01", 3),
        ("ask_silence_no", "2026-12-08", 3),
    ]
    years_later = next_follow_up(board.card(card_id), DEFAULTS, D("2031-01-01"))
    assert years_later is not None
    assert years_later.reason is Reason.ASK_SILENCE_NO
    assert years_later.overdue_days > 1000
    assert not board.card(card_id).is_resolved  # only the person decides that silence means no


def test_two_rounds_booking_the_second_keeps_what_the_first_owes() -> None:
    """Round one held on Tue 1 Dec; round two booked for Thu 10 Dec at 14:00."""
    board = add_card(Board(), company="Acme", applied=D("2026-11-20")).board
    card_id = board.cards[0].id
    board = log_interview(board, card_id, on=D("2026-12-01"), interviewers=("Monica Hall",)).board
    board = log_interview(
        board, card_id, on=D("2026-12-10"), time="14:00", kind=InterviewKind.FINAL, interviewers=("Richard Roe",)
    ).board
    the_card = board.card(card_id)
    rows = due_cards(board, D("2026-12-02"))
    assert [(f.reason.value, f.to, f.overdue_days) for _, f in rows] == [("thank_you", "Monica Hall", 1)]
    headline = next_follow_up(the_card, DEFAULTS, D("2026-12-02"))
    assert headline is not None
    assert headline.words == "thank-you 1d overdue"
    # While round two is booked the cadence waits for it: no "a week has passed" on 8 Dec.
    assert reasons_on(the_card, "2026-12-08") == [
        ("thank_you", "Monica Hall", "2026-12-01"),
        ("interview_today", None, "2026-12-10"),
    ]
    # On its day, before 14:00: round two is at the top, round one's thank-you still owed.
    morning = due_cards(board, D("2026-12-10"), now=dt.time(9, 0))
    assert [(f.reason.value, f.to) for _, f in morning] == [("interview_today", None), ("thank_you", "Monica Hall")]
    assert morning[0][1].words == "interview today 14:00"
    booked = morning[0][1].interview
    assert booked is not None
    assert booked.kind is InterviewKind.FINAL
    assert count_due(f for _, f in morning) == (1, 1)  # an interview to go to is not a message due
    # Once it has begun it is held: now Richard is owed, and round one is settled by it.
    evening = due_cards(board, D("2026-12-10"), now=dt.time(15, 0))
    assert [(f.reason.value, f.to, f.due.isoformat()) for _, f in evening] == [
        ("thank_you", "Richard Roe", "2026-12-10")
    ]


def test_a_scheduled_interview_owes_nothing_yet_and_is_what_the_card_shows() -> None:
    the_card = card(
        stage=INT,
        interviews=(with_people("2026-12-01", "Monica Hall", time="14:00", kind="onsite", where="1 Main St"),),
        events=((IV, "2026-12-01"),),
    )
    follow_up = next_follow_up(the_card, DEFAULTS, TODAY)
    assert follow_up is not None
    assert (follow_up.due, follow_up.reason, follow_up.status) == (
        D("2026-12-01"),
        Reason.INTERVIEW_TODAY,
        Status.UPCOMING,
    )
    assert follow_up.words == "interview Tue 1 Dec 14:00"
    assert not follow_up.is_due
    assert not follow_up.is_action
    assert due_cards(Board(cards=(the_card,)), TODAY) == []
    assert scheduled_interviews(the_card, TODAY) == list(the_card.interviews)


@pytest.mark.parametrize(
    ("now", "held"),
    [
        pytest.param(dt.time(9, 0), False, id="before"),
        pytest.param(dt.time(14, 0), True, id="at-its-time"),
        pytest.param(dt.time(18, 30), True, id="after"),
        pytest.param(None, True, id="the-day-over"),
    ],
)
def test_an_interview_later_today_is_scheduled_until_its_time(now: dt.time | None, held: bool) -> None:
    the_card = card(stage=INT, interviews=(with_people("2026-11-25", "Ana Lee", time="14:00"),))
    assert is_held(the_card.interviews[0], TODAY, clock(now)) is held
    items = due_items(the_card, DEFAULTS, TODAY, now=now)
    if held:
        assert [(i.reason, i.to, i.due) for i in items] == [(Reason.THANK_YOU, "Ana Lee", TODAY)]
    else:
        assert [(i.reason, i.words) for i in items] == [(Reason.INTERVIEW_TODAY, "interview today 14:00")]


def test_an_interview_today_without_a_time_is_held_from_its_day_on() -> None:
    the_card = card(stage=INT, interviews=("2026-11-25",), contacts=DANA)
    [item] = due_items(the_card, DEFAULTS, TODAY, now=dt.time(7, 0))
    assert (item.reason, item.to, item.due) == (Reason.THANK_YOU, "Dana Ortiz", TODAY)


# Thank-yous, one to each interviewer ----------------------------------------------


def owed(the_card: Card, today: dt.date = TODAY) -> list[str | None]:
    return [person for person, _ in owed_thank_yous(the_card, today)]


def test_each_interviewer_is_owed_a_thank_you_until_thanked() -> None:
    two = (with_people("2026-11-24", "Monica Hall", "Richard Roe"),)
    assert owed(card(stage=INT, interviews=two)) == ["Monica Hall", "Richard Roe"]
    assert owed(card(stage=INT, interviews=two, events=(thanked("2026-11-24", "monica  hall"),))) == ["Richard Roe"]
    both = (thanked("2026-11-24", "Monica Hall"), thanked("2026-11-25", "Richard Roe"))
    assert owed(card(stage=INT, interviews=two, events=both)) == []
    assert owed(card(stage=INT, interviews=two, events=(thanked("2026-11-24"),))) == []  # one to everyone
    assert owed(card(stage=INT, interviews=two, events=((FU, "2026-11-25"),))) == []  # followed up since
    # A thank-you from before the interview is for an earlier one.
    assert owed(card(stage=INT, interviews=two, events=(thanked("2026-11-20", "Monica Hall"),))) == [
        "Monica Hall",
        "Richard Roe",
    ]


def test_without_an_interviewer_the_thank_you_goes_to_the_contact() -> None:
    assert owed(card(stage=INT, interviews=("2026-11-24",), contacts=DANA)) == ["Dana Ortiz"]
    assert owed(card(stage=INT, interviews=("2026-11-24",))) == [None]  # nobody known: still one thank-you
    assert owed(card(stage=INT, interviews=("2026-11-24",), events=((TY, "2026-11-24"),))) == []


def test_interviews_on_the_same_day_owe_each_of_their_people_once() -> None:
    day = (
        with_people("2026-11-24", "Ana Lee", time="10:00"),
        with_people("2026-11-24", "Bo Chen", "ana lee", time="15:00"),
    )
    assert owed(card(stage=INT, interviews=day)) == ["Ana Lee", "Bo Chen"]


def test_a_later_interview_held_settles_what_the_earlier_one_owed() -> None:
    rounds = (with_people("2026-11-16", "Monica Hall"), with_people("2026-11-23", "Richard Roe"))
    assert owed(card(stage=INT, interviews=rounds)) == ["Richard Roe"]
    assert owed(card(stage=INT, interviews=rounds), D("2026-11-20")) == ["Monica Hall"]


def test_a_card_in_applied_or_resolved_owes_no_thank_you() -> None:
    assert owed(card(interviews=("2026-11-24",))) == []
    resolved = card(stage=Stage.RESOLVED, interviews=("2026-11-24",), outcome="no", resolved_on="2026-11-25")
    assert owed(resolved) == []


def test_the_follow_ups_go_to_the_contact_else_the_first_interviewer() -> None:
    talks = (with_people("2026-11-16", "Monica Hall", "Richard Roe"),)
    thanks = (thanked("2026-11-16"),)
    for contacts, to in ((DANA, "Dana Ortiz"), ([], "Monica Hall")):
        follow_up = next_follow_up(card(stage=INT, interviews=talks, events=thanks, contacts=contacts), DEFAULTS, TODAY)
        assert follow_up is not None
        assert (follow_up.reason, follow_up.to, follow_up.step) == (Reason.AFTER_INTERVIEW, to, 1)
        assert follow_up.interview == card(stage=INT, interviews=talks).interviews[0]
    nudge = next_follow_up(card(), DEFAULTS, TODAY)
    assert nudge is not None
    assert (nudge.reason, nudge.to) == (Reason.APPLIED_NO_ANSWER, None)  # nobody yet: find a contact


# Resolved cards and "no rule resolves a card" ------------------------------------


@pytest.mark.parametrize("outcome", list(Outcome), ids=[o.value for o in Outcome])
@pytest.mark.parametrize("snoozed", [None, "2026-12-01"], ids=["not-snoozed", "snoozed"])
def test_resolved_cards_have_no_follow_up(outcome: Outcome, snoozed: str | None) -> None:
    resolved = interviewed(
        "2026-11-09", snoozed=snoozed, stage=Stage.RESOLVED, outcome=outcome, resolved_on="2026-11-20"
    )
    assert next_follow_up(resolved, DEFAULTS, TODAY) is None
    assert next_follow_up(resolved, DEFAULTS, TODAY, snooze=False) is None
    assert agenda(resolved, DEFAULTS, TODAY) == []


@pytest.mark.parametrize(
    "the_card",
    [
        pytest.param(card(), id="applied"),
        pytest.param(interviewed("2026-11-09"), id="thank-you"),
        pytest.param(interviewed("2026-11-09", stage=FUP, events=((FU, "2026-11-12"),)), id="second-follow-up"),
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
    rows = due_cards(board, years_later)
    assert rows  # a thank-you still owed, and the follow-up, both overdue
    for found, _ in rows:
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
    pytest.param(Reason.APPLIED_NO_ANSWER, 4, Status.OVERDUE, 4, "follow-up 4d overdue", id="applied-due+4"),
    pytest.param(Reason.DECISION_PASSED, 0, Status.DUE_TODAY, 0, "follow-up due today", id="decision-due"),
    pytest.param(Reason.AFTER_INTERVIEW, -1, Status.UPCOMING, 0, "follow up in 1d", id="after-interview-due-1"),
    pytest.param(Reason.CLOSE_THE_LOOP, -2, Status.UPCOMING, 0, "close the loop in 2d", id="close-due-2"),
    pytest.param(Reason.CLOSE_THE_LOOP, 0, Status.DUE_TODAY, 0, "close-the-loop due today", id="close-due"),
    pytest.param(Reason.CLOSE_THE_LOOP, 3, Status.OVERDUE, 3, "close-the-loop 3d overdue", id="close-due+3"),
    pytest.param(Reason.ASK_SILENCE_NO, -1, Status.UPCOMING, 0, "decide on the silence in 1d", id="ask-due-1"),
    pytest.param(Reason.ASK_SILENCE_NO, 0, Status.DUE_TODAY, 0, "silence question due today", id="ask-due"),
    pytest.param(Reason.ASK_SILENCE_NO, 5, Status.OVERDUE, 5, "silence question 5d overdue", id="ask-due+5"),
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
    assert follow_up.is_action


@pytest.mark.parametrize(
    ("today", "status", "overdue_days", "words"),
    [
        pytest.param("2026-11-29", Status.UPCOMING, 0, "thank-you in 1d", id="due-1"),
        pytest.param("2026-11-30", Status.DUE_TODAY, 0, "thank-you due today", id="due"),
        pytest.param("2026-12-04", Status.OVERDUE, 4, "thank-you 4d overdue", id="due+4-over-month-end"),
    ],
)
def test_status_of_a_real_card_across_a_month_end(today: str, status: Status, overdue_days: int, words: str) -> None:
    the_card = interviewed("2026-11-29")  # a Sunday: the thank-you is due on the Monday
    follow_up = next_follow_up(the_card, DEFAULTS, D(today)) if today >= "2026-11-29" else None
    assert follow_up is not None
    assert (follow_up.status, follow_up.overdue_days, follow_up.words) == (status, overdue_days, words)


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
        interviewed("2026-11-23", card_id="thanks", company="Thanks"),  # thank-you due 11-23
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
        ("oldest", "2026-11-09", "applied_no_answer"),
        ("acme", "2026-11-17", "applied_no_answer"),
        ("beta", "2026-11-17", "applied_no_answer"),
        ("thanks", "2026-11-23", "thank_you"),
        ("today", "2026-11-25", "applied_no_answer"),
        ("wakes", "2026-11-25", "snoozed"),
    ]
    assert [f.overdue_days for _, f in queue] == [16, 8, 8, 2, 0, 0]


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


def test_due_cards_a_row_for_each_interviewer_and_todays_interviews_first() -> None:
    cards = (
        card(card_id="late", company="Late", applied="2026-11-01"),  # a nudge 16 days late
        card(
            card_id="two",
            company="Two",
            stage=INT,
            interviews=(with_people("2026-11-24", "Monica Hall", "Richard Roe"),),
        ),
        card(card_id="later", company="Later", stage=INT, interviews=(with_people("2026-11-25", "Ana", time="16:00"),)),
        card(card_id="soon", company="Soon", stage=INT, interviews=(with_people("2026-11-25", "Bo", time="11:00"),)),
    )
    rows = due_cards(Board(cards=cards), TODAY, now=dt.time(8, 30))
    assert [(c.id, f.reason.value, f.to) for c, f in rows] == [
        ("soon", "interview_today", None),
        ("later", "interview_today", None),
        ("late", "applied_no_answer", None),
        ("two", "thank_you", "Monica Hall"),
        ("two", "thank_you", "Richard Roe"),
    ]
    assert due_counts(Board(cards=cards), TODAY, now=dt.time(8, 30)) == (2, 2)  # cards with a message due


# Business days: weekends, holidays, and the end of the calendar ------------------------


@pytest.mark.parametrize(
    ("day", "country", "skip", "expected"),
    [
        pytest.param("2026-11-27", None, True, "2026-11-27", id="friday-stays"),
        pytest.param("2026-11-28", None, True, "2026-11-30", id="saturday-to-monday"),
        pytest.param("2026-11-29", None, True, "2026-11-30", id="sunday-to-monday"),
        pytest.param("2026-11-28", None, False, "2026-11-28", id="weekends-allowed"),
        pytest.param("2026-11-26", "US", True, "2026-11-27", id="thanksgiving"),
        pytest.param("2026-11-26", "US", False, "2026-11-27", id="holiday-even-when-weekends-allowed"),
        pytest.param("2026-12-25", "GB-ENG", True, "2026-12-29", id="christmas-then-boxing-day-observed"),
        pytest.param("2026-12-25", "DE", True, "2026-12-28", id="germany-25-and-26"),
        pytest.param("9999-12-31", None, True, "9999-12-31", id="the-last-day-stays"),
    ],
)
def test_next_business_day(day: str, country: str | None, skip: bool, expected: str) -> None:
    assert next_business_day(D(day), country=country, skip_weekends=skip) == D(expected)


def test_add_business_days_skips_holidays_of_the_country() -> None:
    assert add_business_days(D("2026-11-25"), 1, country="US") == D("2026-11-27")
    assert add_business_days(D("2026-12-24"), 1, country="GB") == D("2026-12-29")


def test_a_country_the_holidays_library_does_not_know_is_refused_in_words() -> None:
    from pydantic import ValidationError

    assert Settings(country="gb-eng").country == "GB-ENG"
    for wrong, says in (("XX", "two-letter code"), ("US-ZZ", "no such region")):
        with pytest.raises(ValidationError) as raised:
            Settings(country=wrong)
        assert says in str(raised.value)
        assert wrong not in str(raised.value)


@settings(max_examples=150, deadline=None)
@given(
    applied=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)),
    follow_ups=st.lists(st.integers(0, 90), max_size=5),
    interview=st.one_of(st.none(), st.integers(0, 60)),
    today_offset=st.integers(0, 200),
    country=st.sampled_from([None, "US", "GB", "FR"]),
)
def test_no_follow_up_falls_on_a_weekend_or_a_holiday(
    applied: dt.date, follow_ups: list[int], interview: int | None, today_offset: int, country: str | None
) -> None:
    from fu_board.business_days import is_business_day

    rules = Settings(country=country)
    board = add_card(Board(settings=rules), company="Acme", applied=applied).board
    card_id = board.cards[0].id
    if interview is not None:
        board = log_interview(board, card_id, on=applied + dt.timedelta(days=interview)).board
    for offset in sorted(follow_ups):
        board = log_follow_up(board, card_id, on=applied + dt.timedelta(days=offset)).board
    today = applied + dt.timedelta(days=today_offset)
    for item in agenda(board.cards[0], rules, today):
        if item.is_action:
            assert is_business_day(item.due, country), item

"""The numbers behind the search: the funnel, outcomes, timings and weekly activity.

The funnel counts the furthest column each card ever reached, so resolving a
card never hides its interview.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from fu_board.counts import irons_in_fire, review_streak
from fu_board.model import Board, Card, EventKind, Outcome, Stage
from fu_board.progress import Tally, tally

WEEKS = 12


@dataclass(frozen=True, slots=True)
class Funnel:
    applied: int
    interviewed: int
    followed_up: int
    yes: int


@dataclass(frozen=True, slots=True)
class Week:
    """One week, Monday to Sunday: applications sent and follow-ups made."""

    monday: dt.date
    applications: int
    follow_ups: int


@dataclass(frozen=True, slots=True)
class Stats:
    funnel: Funnel
    tally: Tally
    active: int
    irons_target: int
    streak: int
    interview_share: float | None
    """Share of applications that got at least one interview."""
    days_to_interview: float | None
    """Median days from applying to the first interview."""
    days_to_decision: float | None
    """Median days from the last interview to the answer."""
    follow_ups_per_card: float | None
    nos_per_yes: float | None
    """From the history: nos per yes, while there has been a yes."""
    expected_nos_per_yes: int | None
    """The person's own guess, when they set one."""
    weeks: tuple[Week, ...]


def got_an_interview(card: Card, today: dt.date) -> bool:
    """Whether an interview has been held by `today`: one only booked does not count yet. A
    card that reached Interviewed with no interview on record (a hand edit) counts too."""
    if card.interviews:
        return any(interview.date <= today for interview in card.interviews)
    return card.furthest_stage.rank >= Stage.INTERVIEWED.rank


def funnel(board: Board, today: dt.date) -> Funnel:
    """How far the applications got: an interview counts once held, and a card's furthest
    stage is kept after it is resolved."""
    return Funnel(
        applied=len(board.cards),
        interviewed=sum(1 for card in board.cards if got_an_interview(card, today)),
        followed_up=sum(
            1
            for card in board.cards
            if card.furthest_stage.rank >= Stage.FOLLOWED_UP.rank and got_an_interview(card, today)
        ),
        yes=sum(1 for card in board.cards if card.outcome is Outcome.YES),
    )


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def weekly(board: Board, today: dt.date, weeks: int = WEEKS) -> tuple[Week, ...]:
    """Applications and follow-ups per week, the last `weeks` weeks up to this one."""
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = [this_monday - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    applications = dict.fromkeys(mondays, 0)
    follow_ups = dict.fromkeys(mondays, 0)

    def monday_of(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    for card in board.cards:
        if (monday := monday_of(card.applied)) in applications:
            applications[monday] += 1
        for event in card.timeline:
            if event.kind is EventKind.FOLLOWED_UP and (monday := monday_of(event.date)) in follow_ups:
                follow_ups[monday] += 1
    return tuple(Week(monday, applications[monday], follow_ups[monday]) for monday in mondays)


def stats(board: Board, today: dt.date) -> Stats:
    cards = board.cards
    flow = funnel(board, today)
    # Only interviews that have happened: a scheduled one says nothing about timing yet.
    to_interview = [
        (min(held) - card.applied).days
        for card in cards
        if (held := [i.date for i in card.interviews if i.date <= today])
    ]
    to_decision = [
        (card.resolved_on - max(held)).days
        for card in cards
        if card.resolved_on is not None
        and card.outcome is not Outcome.WITHDRAWN
        and (held := [i.date for i in card.interviews if i.date <= card.resolved_on])
    ]
    counted = tally(board)
    follow_ups = sum(1 for card in cards for event in card.timeline if event.kind is EventKind.FOLLOWED_UP)
    return Stats(
        funnel=flow,
        tally=counted,
        active=irons_in_fire(board),
        irons_target=board.settings.irons_target,
        streak=review_streak(board, today),
        interview_share=flow.interviewed / flow.applied if flow.applied else None,
        days_to_interview=_median(to_interview),
        days_to_decision=_median(to_decision),
        follow_ups_per_card=follow_ups / len(cards) if cards else None,
        nos_per_yes=counted.nos / counted.yeses if counted.yeses else None,
        expected_nos_per_yes=board.settings.expected_nos_per_yes,
        weeks=weekly(board, today),
    )


def stats_json(board: Board, today: dt.date) -> dict[str, object]:
    """What `fu-board stats --json` prints (a contract for scripts)."""
    numbers = stats(board, today)
    return {
        "nos_since_last_yes": numbers.tally.nos_since_last_yes,
        "nos": numbers.tally.nos,
        "yeses": numbers.tally.yeses,
        "withdrawn": numbers.tally.withdrawn,
        "active": numbers.active,
        "irons_target": numbers.irons_target,
        "streak": numbers.streak,
        "funnel": {
            "applied": numbers.funnel.applied,
            "interviewed": numbers.funnel.interviewed,
            "followed_up": numbers.funnel.followed_up,
            "yes": numbers.funnel.yes,
        },
    }


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:g} days"


def stats_text(board: Board, today: dt.date) -> str:
    """What `fu-board stats` prints: the same numbers as the stats screen, as plain lines."""
    numbers = stats(board, today)
    flow, counted = numbers.funnel, numbers.tally
    ratio = "–" if numbers.nos_per_yes is None else f"{numbers.nos_per_yes:.1f}".removesuffix(".0")
    if numbers.expected_nos_per_yes is not None:
        ratio += f" (your own guess: {numbers.expected_nos_per_yes})"
    lines = [
        f"nos until yes      {counted.nos_since_last_yes}",
        f"outcomes           {counted.yeses} yes, {counted.nos} no, {counted.withdrawn} withdrawn",
        f"nos per yes        {ratio}",
        f"irons in the fire  {numbers.active} of {numbers.irons_target}",
        f"review streak      {numbers.streak}",
        f"funnel             {flow.applied} applied, {flow.interviewed} interviewed, "
        f"{flow.followed_up} followed up, {flow.yes} yes",
        f"got an interview   {_share(numbers.interview_share)}",
        f"to an interview    {_days(numbers.days_to_interview)} (median)",
        f"to a decision      {_days(numbers.days_to_decision)} (median, from the last interview)",
        f"follow-ups a card  {'–' if numbers.follow_ups_per_card is None else f'{numbers.follow_ups_per_card:.1f}'}",
        "week of      applications  follow-ups",
    ]
    lines += [f"{week.monday:%d %b %Y}  {week.applications:>12}  {week.follow_ups:>10}" for week in numbers.weeks]
    return "\n".join(lines)

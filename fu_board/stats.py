"""The numbers behind the search: the funnel, outcomes, timings and weekly activity.

The funnel counts the furthest column each card ever reached, so resolving a
card never hides its interview.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from fu_board.counts import Standing, review_streak, standing
from fu_board.model import Board, Card, EventKind, Outcome, Stage, interned
from fu_board.progress import Tally

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


class CardFacts(NamedTuple):
    """What one card adds to the numbers on one day (`card_facts`)."""

    applied_week: dt.date
    """The Monday of the week it was sent."""
    interviewed: bool
    followed_up: bool
    """Followed up after an interview it got."""
    yes: bool
    to_interview: int | None
    """Days from applying to the first interview held."""
    to_decision: int | None
    """Days from the last interview held to the answer (not for a withdrawal)."""
    follow_up_weeks: tuple[dt.date, ...]
    """The Monday of the week of each follow-up."""


def card_facts(card: Card, today: dt.date) -> CardFacts:
    """What `card` adds to the numbers on `today`. Only interviews that have happened count:
    a scheduled one says nothing about timing yet."""
    interviewed = got_an_interview(card, today)
    held = [interview.date for interview in card.interviews if interview.date <= today]
    to_decision = None
    if card.resolved_on is not None and card.outcome is not Outcome.WITHDRAWN:
        before = [interview.date for interview in card.interviews if interview.date <= card.resolved_on]
        to_decision = (card.resolved_on - max(before)).days if before else None
    return CardFacts(
        applied_week=_monday_of(card.applied),
        interviewed=interviewed,
        followed_up=interviewed and card.furthest_stage.rank >= Stage.FOLLOWED_UP.rank,
        yes=card.outcome is Outcome.YES,
        to_interview=(min(held) - card.applied).days if held else None,
        to_decision=to_decision,
        follow_up_weeks=tuple(_monday_of(event.date) for event in card.timeline if event.kind is EventKind.FOLLOWED_UP),
    )


def _monday_of(day: dt.date) -> dt.date:
    """The Monday of `day`'s week (one `date` object for each, as the board's own days)."""
    return interned(day - dt.timedelta(days=day.weekday()))


def funnel(board: Board, today: dt.date) -> Funnel:
    """How far the applications got: an interview counts once held, and a card's furthest
    stage is kept after it is resolved."""
    return stats(board, today).funnel


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def weekly(board: Board, today: dt.date, weeks: int = WEEKS) -> tuple[Week, ...]:
    """Applications and follow-ups per week, the last `weeks` weeks up to this one."""
    return _weeks([card_facts(card, today) for card in board.cards], today, weeks)


def _weeks(facts: list[CardFacts], today: dt.date, weeks: int = WEEKS) -> tuple[Week, ...]:
    this_monday = _monday_of(today)
    mondays = [this_monday - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    applications = dict.fromkeys(mondays, 0)
    follow_ups = dict.fromkeys(mondays, 0)
    for fact in facts:
        if fact.applied_week in applications:
            applications[fact.applied_week] += 1
        for monday in fact.follow_up_weeks:
            if monday in follow_ups:
                follow_ups[monday] += 1
    return tuple(Week(monday, applications[monday], follow_ups[monday]) for monday in mondays)


def stats(
    board: Board,
    today: dt.date,
    *,
    facts: Callable[[Card], CardFacts] | None = None,
    counted: Standing | None = None,
) -> Stats:
    """The numbers of `board` on `today`, from each card's `facts` (by default worked out
    afresh; the board on screen remembers them, `fu_board.views.View.stats`) and the
    board's `counted` standing (`fu_board.counts.standing`, by default counted afresh)."""
    cards = board.cards
    every = [facts(card) for card in cards] if facts else [card_facts(card, today) for card in cards]
    flow = Funnel(
        applied=len(cards),
        interviewed=sum(fact.interviewed for fact in every),
        followed_up=sum(fact.followed_up for fact in every),
        yes=sum(fact.yes for fact in every),
    )
    to_interview = [fact.to_interview for fact in every if fact.to_interview is not None]
    to_decision = [fact.to_decision for fact in every if fact.to_decision is not None]
    follow_ups = sum(len(fact.follow_up_weeks) for fact in every)
    counted = counted or standing(board)
    tallied = Tally(
        yeses=counted.yeses, nos=counted.nos, withdrawn=counted.withdrawn, nos_since_last_yes=counted.nos_until_yes
    )
    return Stats(
        funnel=flow,
        tally=tallied,
        active=counted.open,
        irons_target=board.settings.irons_target,
        streak=review_streak(board, today),
        interview_share=flow.interviewed / flow.applied if flow.applied else None,
        days_to_interview=_median(to_interview),
        days_to_decision=_median(to_decision),
        follow_ups_per_card=follow_ups / len(cards) if cards else None,
        nos_per_yes=tallied.nos / tallied.yeses if tallied.yeses else None,
        expected_nos_per_yes=board.settings.expected_nos_per_yes,
        weeks=_weeks(every, today),
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

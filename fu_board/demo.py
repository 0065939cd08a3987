"""A realistic demo board, the same every time for a given day.

Used by the screenshots, the snapshot tests and anyone who wants to look
around before adding their own applications.
"""

from __future__ import annotations

import datetime as dt

from fu_board.board import interview_words
from fu_board.model import (
    Board,
    Card,
    Channel,
    Contact,
    Event,
    EventKind,
    Interview,
    InterviewKind,
    NoKind,
    Outcome,
    Stage,
)


def demo_board(today: dt.date) -> Board:
    """Thirteen applications in every column, dated relative to `today`: a thank-you owed to
    two interviewers, an interview booked, a cadence at its close, and every kind of answer."""

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def card(
        card_id: str,
        company: str,
        role: str,
        applied: int,
        *,
        contact: Contact | None = None,
        interviews: tuple[int, ...] = (),
        followed_up: tuple[int, ...] = (),
        thanked: tuple[int, ...] = (),
        decision: int | None = None,
        details: dict[int, dict[str, object]] | None = None,
        snoozed: tuple[int, int] | None = None,
        outcome: tuple[Outcome, int] | None = None,
        no_kind: NoKind | None = None,
        note: str = "",
        link: str = "",
    ) -> Card:
        """`interviews` and the other events are days ago (negative: ahead); `details` gives
        an interview (by its day) its time, kind, place and interviewers."""
        details = details or {}
        made = {days: Interview(date=ago(days), **details.get(days, {})) for days in interviews}  # type: ignore[arg-type]
        events = [Event(date=ago(applied), kind=EventKind.APPLIED)]
        events += [
            Event(date=ago(days), kind=EventKind.INTERVIEWED, note=interview_words(made[days])) for days in interviews
        ]
        events += [Event(date=ago(days), kind=EventKind.THANK_YOU) for days in thanked]
        events += [
            Event(date=ago(days), kind=EventKind.FOLLOWED_UP, channel=Channel.EMAIL, note="checked in on timing")
            for days in followed_up
        ]
        if snoozed is not None:
            until = ago(-snoozed[1]).isoformat()
            events.append(Event(date=ago(snoozed[0]), kind=EventKind.SNOOZED, note=f"until {until}"))
        last_interview = min(interviews, default=None)
        last_follow_up = min(followed_up, default=None)
        stage = Stage.APPLIED
        if last_interview is not None:
            stage = Stage.INTERVIEWED
        if last_follow_up is not None and (last_interview is None or last_follow_up < last_interview):
            stage = Stage.FOLLOWED_UP
        furthest = stage
        resolved_on = None
        if outcome is not None:
            kind = no_kind or (NoKind.SAID if outcome[0] is Outcome.NO else None)
            resolved = Event(date=ago(outcome[1]), kind=EventKind.RESOLVED, outcome=outcome[0], no_kind=kind)
            events.append(resolved.replace(from_stage=stage))
            stage, resolved_on = Stage.RESOLVED, ago(outcome[1])
        events.sort(key=lambda event: event.date)
        return Card(
            id=card_id,
            company=company,
            role=role,
            link=link,
            contacts=(contact,) if contact else (),
            applied=ago(applied),
            interviews=tuple(made[days] for days in sorted(interviews, reverse=True)),
            note=note,
            decision_expected=None if decision is None else ago(decision),
            snoozed_until=None if snoozed is None or outcome else ago(-snoozed[1]),
            stage=stage,
            outcome=outcome[0] if outcome else None,
            no_kind=(no_kind or NoKind.SAID) if outcome and outcome[0] is Outcome.NO else None,
            resolved_on=resolved_on,
            furthest_stage=furthest,
            timeline=tuple(events),
        )

    cards = (
        card(
            "k7m2",
            "Northwind Traders",
            "Senior Backend Engineer",
            12,
            contact=Contact(name="Priya Raman", title="Recruiter", email="priya@northwind.example"),
            link="https://jobs.northwind.example/1234",
        ),
        card("p3xa", "Globex", "Platform Engineer", 9, snoozed=(2, 5)),
        card("r8tc", "Umbrella Health", "Data Engineer", 3, note="Referred by Sam from the meetup"),
        card(
            "b4nq",
            "Initech",
            "Staff Engineer",
            30,
            contact=Contact(name="Bill Lumbergh", title="Engineering Manager", phone="+1 555 0100"),
            interviews=(6,),
            thanked=(5,),
            decision=5,
        ),
        card(
            "h6yd",
            "Hooli",
            "Site Reliability Engineer",
            21,
            contact=Contact(name="Gavin Belson", title="Recruiter", email="gavin@hooli.example"),
            interviews=(1,),
            details={
                1: {"time": "10:00", "kind": InterviewKind.TECHNICAL, "interviewers": ("Monica Hall", "Richard Roe")}
            },
        ),
        card(
            "f2pp",
            "Pied Piper",
            "Senior Python Engineer",
            10,
            contact=Contact(name="Jared Dunn", title="Head of Operations", email="jared@piedpiper.example"),
            interviews=(-6,),
            details={
                -6: {
                    "time": "14:00",
                    "kind": InterviewKind.ONSITE,
                    "where": "5230 Newell Road, Palo Alto",
                    "interviewers": ("Richard Hendricks",),
                }
            },
        ),
        card(
            "c9we",
            "Acme Robotics",
            "Software Engineer, Tooling",
            40,
            contact=Contact(name="Dana Ortiz", title="Hiring Manager", email="dana@acme.example"),
            interviews=(20, 14),
            followed_up=(8,),
        ),
        card("m2fs", "Stark Industries", "Backend Developer", 35, interviews=(18,), followed_up=(11, 4)),
        card("t5gk", "Wayne Enterprises", "Python Developer", 60, interviews=(45,), outcome=(Outcome.NO, 38)),
        card("e7jv", "Cyberdyne", "ML Platform Engineer", 55, outcome=(Outcome.WITHDRAWN, 30)),
        card(
            "s4uz",
            "Soylent",
            "DevOps Engineer",
            50,
            interviews=(35,),
            followed_up=(28,),
            outcome=(Outcome.NO, 20),
            no_kind=NoKind.FORM,
        ),
        card("a8rn", "Vandelay Industries", "Senior Engineer", 90, interviews=(70, 64), outcome=(Outcome.YES, 58)),
        card("w3hb", "Dunder Mifflin", "Web Developer", 26, interviews=(16,), outcome=(Outcome.NO, 5)),
    )
    return Board(cards=cards)

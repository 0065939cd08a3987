"""fu-board's benchmark (issues 6 and 17): how the board copes with 100 to 50,000 cards,
in every state of its cache.

    python bench/run.py                          # the whole benchmark (about 6 minutes on 2 cores)
    python bench/run.py --sizes 100,1000 --repeat 3 --large 0
    python bench/run.py --quick --sizes 20 --repeat 1   # the smoke test: every figure, tiny and fast
    python bench/run.py --make-board N FILE      # a realistic board of N cards, on its own (a contract)
    python bench/run.py --make-sheet N FILE      # a spreadsheet of N applications (.csv or .xlsx), to import

Every figure is measured several times and reported as a median beside its floor,
measured in the same run on the same machine: a bare Textual app for the terminal
figures, `python -c 'import tomllib'` for the CLI, raw `tomllib`/`tomli_w` for the
file. The table is markdown, for the README's "Performance" section. The exit status
is always 0 (this is a report, not a test); the last line names any figure that
misses its target.

Nothing here touches the person's real board: every file lives in a temporary
folder, and the processes started get `FU_BOARD_FILE`, `HOME` and the XDG folders
pointing there.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import datetime as dt
import fcntl
import gc
import importlib.metadata
import math
import os
import platform
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parents[1]
# Measure the fu_board beside this script, also when run as `python bench/run.py` from anywhere.
sys.path.insert(0, str(REPO))

import tomli_w  # noqa: E402

from fu_board import board as ops  # noqa: E402
from fu_board.model import (  # noqa: E402
    STAGES,
    Board,
    Card,
    Channel,
    Contact,
    Event,
    EventKind,
    InterviewKind,
    NoKind,
    Outcome,
    ReviewLog,
    Settings,
    Stage,
)
from fu_board.store import CardPlaces, FileContent, digest, load_board, parse_placed, save_board  # noqa: E402

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

GENERATION_TODAY = dt.date(2026, 11, 25)
"""The day generated boards are dated around (the tests' Wednesday)."""
SEED = 6
"""Issue 6: the generator's seed, so a board of N cards is the same every time."""

# --------------------------------------------------------------------------------------
# The board generator
# --------------------------------------------------------------------------------------

NAME_STARTS = (
    "North", "Blue", "Silver", "Iron", "Bright", "Red", "Green", "Quantum", "Nova", "Stellar", "Cedar", "Harbor",
    "Summit", "Pine", "Granite", "Lumen", "Vector", "Atlas", "Helix", "Orbit", "Polar", "Copper", "Maple", "Falcon",
    "Echo", "Zenith", "Aurora", "Crescent", "Kite", "Delta", "Ember", "Juniper", "Meridian", "Nimbus", "Onyx",
    "Pixel", "River", "Sapphire", "Tidal", "Vertex", "Willow", "Amber", "Cobalt", "Sky", "Hyper", "Open",
)  # fmt: skip
NAME_ENDS = (
    "wind", "stone", "field", "bridge", "light", "works", "point", "gate", "wave", "path", "forge", "leaf", "bay",
    "peak", "line", "grid", "loop", "stack", "craft", "scale", "mint", "ware", "hub", "ly", "io", "base", "nest",
)  # fmt: skip
SECTORS = (
    "Labs", "Systems", "Health", "Analytics", "Software", "Robotics", "Logistics", "Energy", "Bank", "Games",
    "Studios", "Insurance", "Foods", "Mobility", "Security", "Cloud", "Media", "Bio", "Capital", "Learning",
    "Payments", "Retail", "Travel", "Telecom", "Data", "AI", "Networks", "Pharma", "Freight", "Devices",
)  # fmt: skip
LEGAL = (" Inc.", " GmbH", " Ltd", " AB", " S.A.", " Sp. z o.o.", " & Co.", " BV", " Oy", " SAS", " AG", " LLC")
PLACES = (
    "Łódź", "Zürich", "Malmö", "Kraków", "São Paulo", "Montréal", "Göteborg", "Île-de-France", "Köln", "Århus",
    "Gdańsk", "Ålesund", "Reykjavík", "Düsseldorf", "Wrocław", "Córdoba", "Tromsø", "Sevilla", "Porto", "Cluj",
)  # fmt: skip
SENIORITY = ("", "", "", "Junior ", "Senior ", "Senior ", "Staff ", "Principal ", "Lead ")
FIELDS = (
    "Backend", "Frontend", "Full-Stack", "Platform", "Data", "Machine Learning", "Site Reliability", "Mobile",
    "Security", "DevOps", "QA Automation", "Embedded", "Cloud", "Infrastructure", "Python", "Go", "Rust",
)  # fmt: skip
JOB_TITLES = ("Engineer", "Engineer", "Engineer", "Developer", "Developer", "Architect", "Analyst", "Scientist")
OTHER_ROLES = (
    "Engineering Manager", "Product Manager", "Product Designer", "UX Researcher", "Technical Writer",
    "Developer Advocate", "Data Analyst", "Solutions Engineer", "Head of Platform", "CTO (first hire)",
)  # fmt: skip
TEAMS = (", Payments", ", Growth", " (Python)", " (Rust)", " – Remote", ", EMEA", ", Core", " II", ", Search")
FIRST_NAMES = (
    "Priya", "Zoë", "Łukasz", "José", "Søren", "Chloé", "Aiyana", "Mateus", "Hannah", "Omar", "Mei", "Kwame",
    "Ingrid", "Dmitri", "Fatima", "Björn", "Ana", "Ravi", "Noa", "Élodie", "Tomás", "Yuki", "Grace", "Liam",
    "Amara", "Jonas", "Sofía", "Wojciech", "Aoife", "Kenji", "Sam", "Dana", "Bo", "Lea", "Nikolai", "Zainab",
)  # fmt: skip
LAST_NAMES = (
    "Raman", "Nowak", "García", "Müller", "O'Brien", "Nguyễn", "Kowalski", "Andersson", "Okafor", "Tanaka",
    "Smith", "Dubois", "Rossi", "Haddad", "Novák", "Lindqvist", "Chen", "Patel", "Ivanova", "Schmidt", "Lee",
    "Brennan", "Costa", "Jensen", "Fernández", "Wiśniewska", "Kim", "Ortiz", "Sato", "Ó Súilleabháin",
)  # fmt: skip
CONTACT_TITLES = (
    "Recruiter", "Senior Recruiter", "Talent Partner", "Hiring Manager", "Engineering Manager",
    "Head of Engineering", "CTO", "Team Lead", "HR Business Partner", "Technical Recruiter", "",
)  # fmt: skip
SHORT_NOTES = (
    "Referred by Sam from the meetup",
    "Salary band €70–85k, 30 days holiday",
    "Remote-first; the office is in Łódź",
    "Zoë said the team is growing fast",
    "Take-home exercise due Friday",
    "4-day week!",
    "Visa sponsorship: yes",
    "Asked about the on-call rotation",
    "Met them at the PyCon booth",
    'They said "we move fast" twice',
    "Hybrid: 2 days a week in Zürich",
    "Recruiter reached out on LinkedIn",
    "Glassdoor 4.1 ★",
    "Portfolio link sent (C:\\work\\samples was the wrong path, fixed)",
    "Stack: Python 3.12, Postgres, k8s",
    "Equity + bonus; ask about vesting cliff",
    "Second application: first one in 2025 went nowhere",
    "Spoke with José about relocation to São Paulo",
)
LONG_SENTENCES = (
    "The first call was friendly and mostly about my last project.",
    "They want someone who can own the migration off the monolith.",
    "Interview loop: recruiter screen, take-home, system design, team fit.",
    "Ask about the team's on-call load and how incidents are reviewed.",
    "The hiring manager, Zoë, used to work at a company I admire.",
    "Office in Łódź, but most of the team is remote across three time zones.",
    "They mentioned a reorg in Q1; the role might move under Platform.",
    "Compensation: base is below my target, but the equity looks real.",
    "Follow up about the #reliability channel they mentioned; sounded like a good culture sign.",
    "I should prepare a story about the outage I handled — the one with the 🔥 dashboard.",
    "Tests in the take-home: pytest, hypothesis; keep it under 4 hours as they asked.",
    "Remember: thank Ingrid for the intro, even if this goes nowhere.",
)
CHECK_IN_NOTES = (
    "",
    "",
    "checked in on timing",
    "asked about next steps",
    "sent a short portfolio update",
    "replied to the recruiter's email",
    "pinged on LinkedIn",
    "left a voicemail",
)
FATES = ("applied", "interviewed", "followed_up", "yes", "no_said", "no_silence", "no_form", "withdrawn")
"""What becomes of a generated application; the first cards of any board take one each."""
OPEN_FATES = FATES[:3]

_ASCII = str.maketrans({"Ł": "L", "ł": "l", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "'": "", " ": "-"})


def _ascii(text: str) -> str:
    """'Łódź Labs' as it goes in an email address or a link: 'lodz-labs'."""
    plain = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return re.sub(r"[^a-z0-9-]+", "", "".join(c for c in plain if not unicodedata.combining(c)).lower()).strip("-")


@dataclass
class _Generator:
    """A seeded source of realistic names, contacts and notes."""

    rng: random.Random
    today: dt.date
    used_ids: set[str] = field(default_factory=set)
    companies: list[str] = field(default_factory=list)

    def card_id(self) -> str:
        while True:
            length = 4 if len(self.used_ids) < 2000 else 5
            candidate = "".join(self.rng.choice(ops.ID_ALPHABET) for _ in range(length))
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate

    def company(self) -> str:
        rng = self.rng
        # Some people apply to the same company more than once.
        if self.companies and rng.random() < 0.15:
            return rng.choice(self.companies)
        shape = rng.random()
        if shape < 0.1:
            name = f"{rng.choice(PLACES)} {rng.choice(SECTORS)}"
        elif shape < 0.45:
            name = rng.choice(NAME_STARTS) + rng.choice(NAME_ENDS)
            if rng.random() < 0.5:
                name += f" {rng.choice(SECTORS)}"
        else:
            name = f"{rng.choice(NAME_STARTS)} {rng.choice(SECTORS)}"
        if rng.random() < 0.25 and len(name) < 18:
            name += rng.choice(LEGAL)
        self.companies.append(name)
        return name

    def role(self) -> str:
        rng = self.rng
        if rng.random() < 0.04:
            return ""
        if rng.random() < 0.2:
            role = rng.choice(OTHER_ROLES)
        else:
            role = f"{rng.choice(SENIORITY)}{rng.choice(FIELDS)} {rng.choice(JOB_TITLES)}"
        if rng.random() < 0.15:
            role += rng.choice(TEAMS)
        return role

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def contact(self, company: str) -> Contact:
        rng = self.rng
        name = self.person()
        first, last = name.split(" ", 1)
        email = (
            f"{_ascii(first)}.{_ascii(last)}@{_ascii(company.split(' ', 1)[0])}.example" if rng.random() < 0.8 else ""
        )
        phone = f"+{rng.choice((1, 44, 48, 49, 46, 33))} {rng.randint(200, 999)} {rng.randint(1000, 9999)}"
        return Contact(
            name=name,
            email=email,
            title=rng.choice(CONTACT_TITLES),
            phone=phone if rng.random() < 0.25 else "",
        )

    def contacts(self, company: str) -> tuple[Contact, ...]:
        count = self.rng.choices((0, 1, 2, 3), weights=(30, 50, 15, 5))[0]
        return tuple(self.contact(company) for _ in range(count))

    def note(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            return ""
        if kind < 0.75:
            return rng.choice(SHORT_NOTES)
        if kind < 0.95:
            lines = rng.sample(LONG_SENTENCES, rng.randint(2, 5))
            if rng.random() < 0.4:
                lines = [f"- {line}" for line in lines]
            return "\n".join(lines)
        paragraphs = [" ".join(rng.sample(LONG_SENTENCES, rng.randint(4, 8))) for _ in range(rng.randint(2, 4))]
        return "\n\n".join(textwrap.fill(paragraph, 88) for paragraph in paragraphs)

    def link(self, company: str, role: str) -> str:
        rng = self.rng
        shape = rng.random()
        if shape < 0.3:
            return ""
        if shape < 0.55:
            return f"https://www.linkedin.com/jobs/view/{rng.randint(3_000_000_000, 4_200_000_000)}"
        if shape < 0.75:
            return f"https://boards.greenhouse.io/{_ascii(company)}/jobs/{rng.randint(4_000_000, 7_999_999)}"
        slug = _ascii(role) or "opening"
        return f"https://jobs.{_ascii(company.split(' ', 1)[0]) or 'company'}.example/{slug}-{rng.randint(100, 9999)}"

    def fate(self, age: int) -> str:
        """Old applications have mostly ended; recent ones mostly wait for an answer."""
        resolved = min(0.97, 0.1 + age / 90)
        if self.rng.random() < resolved:
            return self.rng.choices(FATES[3:], weights=(6, 28, 44, 12, 10))[0]
        return self.rng.choices(OPEN_FATES, weights=(60, 20, 20))[0]

    def applied_age(self, fate: str) -> int:
        """Days before `today` the application went out: up to ~18 months, more of them recent."""
        rng = self.rng
        if fate in OPEN_FATES:
            return min(int(rng.expovariate(1 / 25)), 120)
        return min(int(rng.triangular(0, 548, 60)), 548)


@dataclass
class _Life:
    """One application's history, written by running the real board operations on a
    one-card board (so every step is validated as the app would, in O(1) per step)."""

    gen: _Generator
    board: Board
    card_id: str
    day: dt.date

    @property
    def card(self) -> Card:
        return self.board.cards[0]

    def later(self, low: int, high: int, *, until: dt.date) -> dt.date:
        """A day `low`..`high` days after the last step, but not after `until`."""
        self.day = min(self.day + dt.timedelta(days=self.gen.rng.randint(low, high)), max(until, self.day))
        return self.day

    def do(self, change: ops.Change) -> None:
        self.board = change.board

    def follow_up(self, until: dt.date) -> None:
        rng = self.gen.rng
        on = self.later(5, 12, until=until)
        channel = rng.choice((*Channel, None))
        self.do(ops.log_follow_up(self.board, self.card_id, on=on, channel=channel, note=rng.choice(CHECK_IN_NOTES)))

    def interview(self, until: dt.date, *, scheduled: bool = False) -> None:
        rng = self.gen.rng
        on = self.later(3, 21, until=until)
        if scheduled:  # an interview booked for the coming days
            on = self.day = self.gen.today + dt.timedelta(days=rng.randint(1, 10))
        people = [self.gen.person() for _ in range(rng.choices((0, 1, 2, 3), weights=(10, 45, 35, 10))[0])]
        if self.card.contact is not None and rng.random() < 0.3:
            people.insert(0, self.card.contact.name)
        decision = on + dt.timedelta(days=rng.randint(2, 14)) if rng.random() < 0.5 else None
        timed = rng.random() < 0.6
        self.do(
            ops.log_interview(
                self.board,
                self.card_id,
                on=on,
                time=f"{rng.randint(8, 17):02d}:{rng.choice((0, 15, 30, 45)):02d}" if timed else "",
                kind=rng.choice((*InterviewKind, None)),
                where=rng.choice(("", "", "https://meet.example/abc-defg-hij", f"{rng.randint(1, 999)} Main Street")),
                interviewers=tuple(people),
                decision_by=decision,
            )
        )
        if not scheduled and rng.random() < 0.75:
            thanked = self.later(0, 1, until=until)
            for person in people if people and rng.random() < 0.7 else [None]:  # each, or all at once
                self.do(ops.log_thank_you(self.board, self.card_id, on=thanked, to=person))

    def maybe_edit(self, until: dt.date) -> None:
        rng = self.gen.rng
        if self.day > until:  # after an interview booked for the coming days
            return
        if rng.random() < 0.05:
            on = self.later(0, 3, until=until)
            contacts = (*self.card.contacts, self.gen.contact(self.card.company))
            self.do(ops.edit_card(self.board, self.card_id, on=on, contacts=contacts))
        if rng.random() < 0.04:
            on = self.later(0, 3, until=until)
            note = (self.card.note + "\n" if self.card.note else "") + rng.choice(SHORT_NOTES)
            self.do(ops.edit_card(self.board, self.card_id, on=on, note=note))

    def resolve(self, outcome: Outcome, no_kind: NoKind | None, low: int, high: int) -> None:
        on = self.later(low, high, until=self.gen.today)
        self.do(ops.resolve_card(self.board, self.card_id, outcome, on=on, no_kind=no_kind))

    def snooze(self) -> None:
        today, rng = self.gen.today, self.gen.rng
        if self.day > today:
            return
        on = max(self.day, today - dt.timedelta(days=rng.randint(0, 3)))
        until = today + dt.timedelta(days=rng.randint(1, 14))
        self.do(ops.snooze_card(self.board, self.card_id, until=until, on=on))


def _live(life: _Life, fate: str, *, snooze: bool) -> None:
    """Run the steps that lead an application from applied to its fate."""
    rng, today = life.gen.rng, life.gen.today
    interviews = {
        "applied": 0,
        "interviewed": rng.randint(1, 3),
        "followed_up": rng.randint(1, 3),
        "yes": rng.randint(2, 4),
        "no_said": rng.choice((0, 0, 1, 1, 2, 3)),
        "no_silence": rng.choice((0, 0, 0, 1, 2)),
        "no_form": rng.choice((0, 0, 0, 0, 1)),
        "withdrawn": rng.choice((0, 0, 1, 2)),
    }[fate]
    # Follow-ups while still in Applied: more of them when nobody answers.
    for _ in range(rng.choices((0, 1, 2, 3), weights=(50, 30, 15, 5) if interviews else (30, 35, 25, 10))[0]):
        life.follow_up(today)
    life.maybe_edit(today)
    for number in range(interviews):
        last = number == interviews - 1
        life.interview(today, scheduled=fate == "interviewed" and last and rng.random() < 0.25)
        if not last or fate == "followed_up" or (fate not in OPEN_FATES and rng.random() < 0.5):
            for _ in range(rng.choices((1, 2, 3), weights=(70, 25, 5))[0]):
                life.follow_up(today)
    life.maybe_edit(today)
    if fate == "yes":
        life.resolve(Outcome.YES, None, 1, 14)
    elif fate == "no_said":
        life.resolve(Outcome.NO, NoKind.SAID, 1, 30)
        if rng.random() < 0.02:  # they came back: reopened, then an answer again
            on = life.later(10, 40, until=today)
            life.do(ops.reopen_card(life.board, life.card_id, on=on))
            life.resolve(Outcome.NO, NoKind.SAID, 3, 20)
    elif fate == "no_form":
        life.resolve(Outcome.NO, NoKind.FORM, 3, 30)
    elif fate == "no_silence":
        life.resolve(Outcome.NO, NoKind.SILENCE, 21, 60)
    elif fate == "withdrawn":
        life.resolve(Outcome.WITHDRAWN, None, 1, 20)
    elif snooze:
        life.snooze()


def _application(gen: _Generator, fate: str, *, snooze: bool = False, lead_from: Card | None = None) -> Card:
    rng, today = gen.rng, gen.today
    company = gen.company()
    role = gen.role()
    if lead_from is not None and lead_from.resolved_on is not None:
        applied = lead_from.resolved_on
    else:
        applied = today - dt.timedelta(days=gen.applied_age(fate))
    card = Card(
        id=gen.card_id(),
        company=company,
        role=role,
        link=gen.link(company, role),
        contacts=gen.contacts(company),
        applied=applied,
        note=gen.note(),
        timeline=(Event(date=applied, kind=EventKind.APPLIED),),
    )
    if lead_from is not None:  # what `ops.add_lead` records, with a seeded id instead of a random one
        giver = lead_from.contact.name if lead_from.contact and lead_from.contact.name else "your contact"
        came_from = Event(
            date=applied, kind=EventKind.LEAD, note=f"lead from {giver} at {lead_from.company}", card=lead_from.id
        )
        card = card.replace(timeline=(*card.timeline, came_from))
    life = _Life(gen, Board(cards=(card,)), card.id, applied)
    _live(life, fate, snooze=snooze or rng.random() < 0.08)
    return life.card


def _gave_lead(source: Card, lead: Card) -> Card:
    assert source.resolved_on is not None
    gave = Event(date=source.resolved_on, kind=EventKind.LEAD, note=f"gave a lead: {lead.company}", card=lead.id)
    return Card.validate({**source.as_dict(), "timeline": (*source.timeline, gave)})


def make_board(count: int, *, today: dt.date = GENERATION_TODAY, seed: int = SEED) -> Board:
    """A realistic board of `count` cards, the same for the same arguments.

    The first cards take every fate in turn (every stage, and yes, said no, silent
    no, withdrawn); when there is room, one is snoozed and one no gave a lead.
    """
    gen = _Generator(random.Random(seed), today)
    cards: list[Card] = []
    forced = list(FATES)
    lead_given = False
    while len(cards) < count:
        if forced:
            fate = forced.pop(0)
            card = _application(gen, fate, snooze=fate == "applied" and count >= 10)
        else:
            age = gen.applied_age("no_said") if gen.rng.random() < 0.8 else gen.applied_age("applied")
            card = _application(gen, gen.fate(age))
        cards.append(card)
        gives_lead = card.no_kind is NoKind.SAID and (not lead_given or gen.rng.random() < 0.06)
        if gives_lead and len(cards) < count and count >= 10:
            lead_given = True
            lead = _application(gen, gen.fate(0), lead_from=card)
            cards[-1] = _gave_lead(card, lead)
            cards.append(lead)
    # The order a board has after living it: a card is added when applied, and moves
    # to the end when it is resolved.
    order = {card.id: index for index, card in enumerate(cards)}
    cards.sort(key=lambda card: (card.resolved_on or card.applied, order[card.id]))
    return Board(
        settings=Settings(irons_target=gen.rng.choice((5, 8, 10, 15))),
        review=ReviewLog(last_finished=today - dt.timedelta(days=1), streak=gen.rng.randint(1, 40)),
        cards=tuple(cards),
    )


def describe_board(board: Board) -> str:
    stages = ", ".join(f"{sum(card.stage is stage for card in board.cards)} {stage.value}" for stage in STAGES)
    outcomes = {
        "yes": sum(card.outcome is Outcome.YES for card in board.cards),
        "no said": sum(card.no_kind is NoKind.SAID for card in board.cards),
        "no silence": sum(card.no_kind is NoKind.SILENCE for card in board.cards),
        "no form": sum(card.no_kind is NoKind.FORM for card in board.cards),
        "withdrawn": sum(card.outcome is Outcome.WITHDRAWN for card in board.cards),
    }
    snoozed = sum(card.snoozed_until is not None for card in board.cards)
    leads = sum(any(event.kind is EventKind.LEAD for event in card.timeline) for card in board.cards) // 2
    events = sum(len(card.timeline) for card in board.cards)
    return (
        f"{len(board.cards)} cards ({stages}; " + ", ".join(f"{n} {name}" for name, n in outcomes.items())
        + f"; {snoozed} snoozed, {leads} leads, {events} timeline events)"
    )  # fmt: skip


def write_board(count: int, path: Path, *, today: dt.date = GENERATION_TODAY, seed: int = SEED) -> Board:
    board = make_board(count, today=today, seed=seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_board(path, board)
    return board


# --------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------

TERMINAL_SIZE = (120, 40)
"""Columns and rows of the pseudo-terminal and of the headless app."""
START_TIMEOUT = 90.0
"""Seconds a process may take to show its first screen before the run counts as failed."""
KEY_TIMEOUT = 30.0
"""Seconds to wait for the frame after a key before the key counts as failed."""
KEY_GAP = 0.15
"""Seconds between measured keys: a brisk typist's pace, so work a key leaves to run
in the background (a save, by design) may run before the next key."""
STATES = ("empty", "warm", "edited")
"""The cache's states a board is opened in: none yet, holding this very file, holding it as it was before an edit."""
LARGE = 50_000
"""The size of the largest board, measured only where growth shows: opening, a key, quitting, `add`."""
LARGE_REPEAT = 3
"""Runs of each figure on the largest board (each open of it takes seconds)."""

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("ready marker")


if __name__ == "__main__":
    Bare().run()
"""
"""The floor of the terminal figures: the least a Textual app can show."""


def note(message: str) -> None:
    """Progress on stderr; the report itself goes to stdout."""
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


@dataclass
class Figure:
    """One row of the table: the samples of a figure and of its floor."""

    name: str
    size: int | None
    samples: list[float]
    unit: str  # "s" or "KB"
    floor: list[float] | None = None
    target: str = "—"
    check: Callable[[float, float | None], bool] | None = None
    """Whether the median (and the ratio to the floor, when there is one) meets the target."""
    remark: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor and not math.isnan(self.median) else None

    @property
    def verdict(self) -> str:
        if not self.samples or math.isnan(self.median):
            return "FAIL" if self.check is not None else "n/a"
        if self.check is None:
            return "info"
        return "pass" if self.check(self.median, self.ratio) else "FAIL"


def within(seconds: float) -> Callable[[float, float | None], bool]:
    return lambda median, _ratio: median <= seconds


def ratio_within(factor: float) -> Callable[[float, float | None], bool]:
    return lambda _median, ratio: ratio is not None and ratio <= factor


def show(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit == "flag":
        return "yes" if value else "no"
    if unit == "KB":
        return f"{value / 1024:.0f} MB"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"


def table(figures: Sequence[Figure]) -> str:
    rows = [
        "| figure | size | median | floor | ratio | target | result |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for fig in figures:
        ratio = f"{fig.ratio:.2f}×" if fig.ratio is not None else "—"
        size = f"{fig.size:,}" if fig.size is not None else "—"
        median = show(fig.median, fig.unit) if fig.samples else (fig.remark or "—")
        runs = f" (n={len(fig.samples)})" if fig.samples and fig.unit != "flag" else ""
        rows.append(
            f"| {fig.name} | {size} | {median}{runs} | {show(fig.floor_median, fig.unit)} | {ratio} "
            f"| {fig.target} | {fig.verdict} |"
        )
    return "\n".join(rows)


@dataclass
class Workspace:
    """The temporary folder every file and every process of the run lives in."""

    root: Path
    today: dt.date
    """The day the boards are dated around."""
    boards: list[str] = field(default_factory=list)
    """What the boards made are, for the report."""

    @property
    def env(self) -> dict[str, str]:
        home = self.root / "home"
        home.mkdir(exist_ok=True)
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("TEXTUAL", "PYTHONSTARTUP", "XDG_", "FU_BOARD", "NO_COLOR", "COLUMNS", "LINES"))
        }
        env |= {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "FU_BOARD_FILE": str(self.root / "unused" / "board.toml"),
            "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH")))),
            "TERM": "xterm-256color",
        }
        return env

    def board(self, size: int) -> Path:
        """The board of `size` cards, made once per run; tests work on copies."""
        path = self.root / "boards" / f"board-{size}.toml"
        if not path.exists():
            started = time.perf_counter()
            board = write_board(size, path, today=self.today)
            note(f"generated {describe_board(board)} in {time.perf_counter() - started:.1f} s")
            kb = path.stat().st_size / 1024
            self.boards.append(f"{size:,} cards, {kb / 1024:.1f} MB" if kb >= 1000 else f"{size:,} cards, {kb:.0f} KB")
        return path

    def copy(self, size: int, name: str) -> Path:
        """A fresh copy of the board of `size` cards in its own folder (with no backups or lock yet)."""
        folder = self.root / "copies" / f"{name}-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        target = folder / "board.toml"
        shutil.copyfile(self.board(size), target)
        return target


# -- Opening, a first key, settled memory and quitting, in a pseudo-terminal -----------------

_ESCAPE = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-Za-z]|.)")
_CELL_BREAKS = re.compile(r"[\u2500-\u259f\r\n]|\s{2,}")


class Marker:
    """Knows when a screen has been drawn, from the bytes a program writes to its terminal."""

    def __init__(self, texts: Sequence[str], names: frozenset[str] = frozenset()) -> None:
        self.texts = [text.encode() for text in texts]
        """Each must appear (as written: one styled run of text)."""
        self.names = names
        """One of these must appear at the start of a run of text between styles and borders (a card's company)."""
        self._longest = max((len(name.split()) for name in names), default=0)
        self._seen: set[bytes] = set()
        self._named = not names
        self._tail = b""

    def feed(self, chunk: bytes) -> bool:
        """Take the next bytes; whether everything has now been seen."""
        window = self._tail + chunk
        self._tail = window[-512:]
        self._seen.update(text for text in self.texts if text in window)
        if not self._named:
            pieces = (piece.decode("utf-8", "ignore") for piece in _ESCAPE.split(window))
            self._named = any(self._names_in(part) for piece in pieces for part in _CELL_BREAKS.split(piece))
        return self._named and len(self._seen) == len(self.texts)

    def _names_in(self, text: str) -> bool:
        """Whether `text` is, or starts with, one of the names ("Globex", "Globex — Platform Engineer")."""
        words = text.split()
        return any(" ".join(words[:count]) in self.names for count in range(1, min(len(words), self._longest) + 1))


@dataclass
class TerminalRun:
    seconds: float | None
    """From starting the process to the marker, or None when it never showed."""
    max_rss_kb: int
    """The process's peak resident memory, `SETTLE` seconds after the first frame (a key pressed)."""
    output_tail: bytes
    key_seconds: float | None = None
    """From pressing the key right after the first frame to the program's next output."""
    quit_seconds: float | None = None
    """From ctrl+q to the program's exit."""


SETTLE = 2.0
"""Seconds after the first frame at which memory is read and ctrl+q pressed: the board has
settled (its background work done), as it has when a person reaches for a key."""
QUIET_BEFORE_KEY = 0.05
"""Seconds of silence after the first frame before the key is pressed (its last bytes drawn)."""
QUIT_TIMEOUT = 30.0
"""Seconds a program may take to exit after ctrl+q."""


def _start_in_terminal(argv: Sequence[str], env: dict[str, str]) -> tuple[int, int]:
    """Start `argv` in a new pseudo-terminal of TERMINAL_SIZE: its pid, and the terminal's fd."""
    columns, rows = TERMINAL_SIZE
    window = struct.pack("HHHH", rows, columns, 0, 0)
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal before anything can ask, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, window)
            os.chdir(env["HOME"])  # not the repository: `-m fu_board` must find the fu_board on PYTHONPATH
            os.execve(argv[0], list(argv), env)
        finally:
            os._exit(127)
    return pid, fd


class _Driver:
    """What a person does at a terminal, by the clock: wait for the board, press `key` once
    its frame is out, wait until it has settled, read the memory, press ctrl+q."""

    def __init__(self, pid: int, fd: int, marker: Marker, key: bytes | None, started: float) -> None:
        self.pid, self.fd, self.marker, self.key = pid, fd, marker, key
        self.run = TerminalRun(None, 0, b"")
        self.started = self.last_output = started
        self.shown = self.key_sent = self.quit_sent = 0.0
        self.peak: int | None = None

    def over(self, now: float) -> bool:
        """Whether to stop waiting: the board never came, or the program never exits."""
        return (not self.shown and now - self.started > START_TIMEOUT) or bool(
            self.quit_sent and now - self.quit_sent > QUIT_TIMEOUT
        )

    def act(self, now: float) -> None:
        if not self.quit_sent:  # the latest reading, not the largest: the first ones may come from before `exec`
            self.peak = _high_water_kb(self.pid) or self.peak
        if not self.shown or self.quit_sent:
            return
        if self.key is not None and not self.key_sent and now - self.last_output >= QUIET_BEFORE_KEY:
            os.write(self.fd, self.key)
            self.key_sent = time.perf_counter()
        key_done = self.key is None or self.run.key_seconds is not None or now - self.key_sent > KEY_TIMEOUT
        if now - self.shown >= SETTLE and key_done:
            self.run.max_rss_kb = _high_water_kb(self.pid) or 0
            os.write(self.fd, b"\x11")  # ctrl+q
            self.quit_sent = time.perf_counter()

    def output(self, chunk: bytes, arrived: float) -> None:
        self.last_output = arrived
        self.run.output_tail = (self.run.output_tail + chunk)[-4096:]
        if self.key_sent and self.run.key_seconds is None and not self.quit_sent:
            self.run.key_seconds = arrived - self.key_sent
        if not self.shown and self.marker.feed(chunk):
            self.shown = arrived
            self.run.seconds = arrived - self.started

    def exited(self, at: float) -> None:
        if self.quit_sent:
            self.run.quit_seconds = at - self.quit_sent


def run_in_terminal(argv: Sequence[str], env: dict[str, str], marker: Marker, *, key: bytes | None) -> TerminalRun:
    """Start `argv` in a pseudo-terminal of TERMINAL_SIZE and time it until `marker` has been
    drawn; press `key` as soon as that frame is out, and time until the next output (the
    key's frame); at `SETTLE` seconds after the first frame read the peak memory so far, press
    ctrl+q, and time until the program has exited.

    Peak memory is the kernel's high-water mark of the program's own memory (VmHWM in
    /proc/PID/status). Not `wait4`'s ru_maxrss: the child is forked from this process, and
    Linux carries the RSS it had before `exec` (this process's, hundreds of MB once a
    large board is loaded here) into ru_maxrss. Where there is no /proc, ru_maxrss it
    is, with that caveat (and read at the exit, not at `SETTLE`)."""
    started = time.perf_counter()
    pid, fd = _start_in_terminal(argv, env)
    drive = _Driver(pid, fd, marker, key, started)
    try:
        while not drive.over(now := time.perf_counter()):
            drive.act(now)
            ready, _, _ = select.select([fd], [], [], 0.005 if drive.shown else 0.05)
            if not ready:
                continue
            arrived = time.perf_counter()
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # EIO: the program has exited and closed its terminal
                chunk = b""
            if not chunk:
                drive.exited(arrived)
                break
            drive.output(chunk, arrived)
    finally:
        rusage = _reap(pid, patience=QUIT_TIMEOUT if drive.quit_sent else 0.0)
        os.close(fd)
    run = drive.run
    if not run.max_rss_kb:
        run.max_rss_kb = drive.peak or (rusage.ru_maxrss if rusage is not None else 0)
    return run


def _high_water_kb(pid: int) -> int | None:
    """The peak resident memory of the live process `pid` so far, in KB (None once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) if found else None


def _reap(pid: int, patience: float) -> Any:
    """Wait `patience` seconds for the child to exit, then stop it; its resource usage, or None."""
    for sig, seconds in ((None, patience), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if sig is not None:
            os.kill(pid, sig)
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            done, _status, rusage = os.wait4(pid, os.WNOHANG)
            if done:
                return rusage
            time.sleep(0.02)
    return None


def _company_names(path: Path) -> frozenset[str]:
    raw = tomllib.loads(path.read_text("utf-8"))
    return frozenset(card["company"] for card in raw.get("cards", ()))


def _edit_outside(path: Path) -> None:
    """Change one card in the file, as another program (or a person in an editor) would."""
    text = path.read_text("utf-8")
    path.write_text(text.replace('\ncompany = "', '\ncompany = "Edited ', 1), "utf-8")


@dataclass
class _Opens:
    """The terminal runs of a benchmark: the bare app's, and fu-board's by cache state and size."""

    bare: list[TerminalRun] = field(default_factory=list)
    runs: dict[tuple[str, int], list[TerminalRun]] = field(default_factory=dict)

    def samples(self, state: str, size: int, what: Callable[[TerminalRun], float | None]) -> list[float]:
        return [value for run in self.runs.get((state, size), []) if (value := what(run)) is not None]

    def floor(self, what: Callable[[TerminalRun], float | None]) -> list[float]:
        return [value for run in self.bare if (value := what(run)) is not None]

    def latest(self, state: str, size: int) -> str:
        runs = self.runs.get((state, size))
        return show(runs[-1].seconds if runs else None, "s")


def _open_rounds(ws: Workspace, every: Sequence[int], repeat: int, large: Sequence[int]) -> _Opens:
    """Each round opens a fresh copy of each board three times: with no cache at all (the
    first open ever), again (the cache warm: the daily open), and after one card was
    changed in the file by another program (the cache holds the file as it was)."""
    bare_script = ws.root / "bare_app.py"
    bare_script.write_text(BARE_APP)
    env = ws.env
    cache_folder = Path(env["XDG_CACHE_HOME"]) / "fu-board"
    opens = _Opens()
    names = {size: _company_names(ws.board(size)) for size in every}
    labels = ["irons in the fire", *(stage.label for stage in STAGES)]
    for round_ in range(repeat):
        # Interleaved, so that a slower moment of the machine touches every figure alike.
        run = run_in_terminal([sys.executable, str(bare_script)], env, Marker(["ready marker"]), key=None)
        if run.seconds is not None:
            opens.bare.append(run)
        else:
            note(f"the bare app never showed its screen: {run.output_tail[-300:]!r}")
        for size in every:
            if size in large and round_ >= LARGE_REPEAT:
                continue
            path = ws.copy(size, "tui")
            argv = [sys.executable, "-m", "fu_board", "--board", str(path)]
            for state in STATES:
                if state == "empty":
                    shutil.rmtree(cache_folder, ignore_errors=True)
                elif state == "edited":
                    _edit_outside(path)
                run = run_in_terminal(argv, env, Marker(labels, names[size]), key=b"j")
                if run.seconds is None:
                    note(f"fu-board with {size} cards ({state}) never showed the board: {run.output_tail[-300:]!r}")
                    continue
                opens.runs.setdefault((state, size), []).append(run)
        latest = ", ".join(f"{size}: {'/'.join(opens.latest(state, size) for state in STATES)}" for size in every)
        bare = show(opens.bare[-1].seconds if opens.bare else None, "s")
        note(f"open (cache empty/warm/edited), round {round_ + 1}/{repeat}: bare {bare}, {latest}")
    return opens


Goal = tuple[Callable[[float, float | None], bool] | None, str]


def measure_terminal(ws: Workspace, sizes: Sequence[int], repeat: int, large: Sequence[int] = ()) -> list[Figure]:
    """Opening, a key in the first second, memory once settled and quitting, in a
    pseudo-terminal, beside a bare Textual app; each state of the cache its own row."""
    every = [*sizes, *large]
    opens = _open_rounds(ws, every, repeat, large)

    def opened(run: TerminalRun) -> float | None:
        return run.seconds

    def memory(run: TerminalRun) -> float | None:
        return run.max_rss_kb

    def first_key(run: TerminalRun) -> float | None:
        return run.key_seconds

    def quit_(run: TerminalRun) -> float | None:
        return run.quit_seconds

    fast, lean = (within(0.05), "≤ 50 ms"), (ratio_within(2.5), "≤ 2.5× bare")

    def open_goal(size: int) -> Goal:
        return {1000: (ratio_within(1.6), "≤ 1.6× bare"), 10000: (within(0.5), "≤ 0.5 s")}.get(size, (None, "—"))

    rows: list[tuple[str, str, Callable[[TerminalRun], float | None], str, bool, Callable[[int], Goal]]] = [
        ("open, cache warm (pty)", "warm", opened, "s", True, open_goal),
        ("open after an outside edit (pty)", "edited", opened, "s", True, lambda n: _at(n, within(1.0), "≤ 1.0 s")),
        ("open, no cache: the first (pty)", "empty", opened, "s", True, lambda n: _at(n, within(1.0), "≤ 1.0 s")),
        ("a key in the first second (`j`, pty)", "warm", first_key, "s", False, lambda n: _at(n, *fast)),
        ("memory at 2 s, settled (cache warm)", "warm", memory, "KB", True, lambda n: _at(n, *lean)),
        ("memory at 2 s, after an edit", "edited", memory, "KB", True, lambda n: _at(n, *lean)),
        ("quit, nothing changed (ctrl+q → exit)", "warm", quit_, "s", True,
         lambda n: _at(n, ratio_within(1.2), "≤ 1.2× bare", larger=True)),
    ]  # fmt: skip
    figures = []
    for name, state, what, unit, floored, goal in rows:
        for size in every:
            check, target = goal(size)
            floor = opens.floor(what) if floored else None
            figures.append(Figure(name, size, opens.samples(state, size, what), unit, floor, target, check))
    return figures


def _at(size: int, check: Callable[[float, float | None], bool], target: str, *, larger: bool = False) -> Goal:
    """The goal `check` (said as `target`) for the board of 10,000 cards (and larger ones, if `larger`)."""
    return (check, target) if size == 10000 or (larger and size > 10000) else (None, "—")


# -- The CLI verbs -------------------------------------------------------------------------


def _wall(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, cwd=env["HOME"], capture_output=True, check=False, timeout=600)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode()[-500:]}")
    return seconds


TEXTUAL_PROBE = """
import atexit, runpy, sys
def report():
    count = sum(name.partition(".")[0] == "textual" for name in sys.modules)
    sys.stderr.write(f"\\nTEXTUAL-MODULES={count}\\n")
atexit.register(report)
sys.argv = ["fu-board", *sys.argv[1:]]
runpy.run_module("fu_board", run_name="__main__", alter_sys=True)
"""


def _imports_textual(argv: Sequence[str], env: dict[str, str]) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", TEXTUAL_PROBE, *argv],
        env=env,
        cwd=env["HOME"],
        capture_output=True,
        check=False,
        timeout=600,
    )
    found = re.search(rb"TEXTUAL-MODULES=(\d+)", result.stderr)
    if found is None:
        raise RuntimeError(f"fu-board {' '.join(argv)} failed: {result.stderr.decode()[-500:]}")
    return int(found[1]) > 0


def measure_cli(ws: Workspace, sizes: Sequence[int], repeat: int, large: Sequence[int] = ()) -> list[Figure]:
    env = ws.env
    cache_folder = Path(env["XDG_CACHE_HOME"]) / "fu-board"
    floor = [_wall([sys.executable, "-c", "import tomllib"], env) for _ in range(repeat)]
    figures = []
    for verb in (["due", "--date", ws.today.isoformat()], ["list", "--json"]):
        for size in sizes:
            path = ws.board(size)
            argv = [sys.executable, "-m", "fu_board", *verb, "--board", str(path)]
            _wall(argv, env)  # the cache made: the figure is the daily one
            samples = [_wall(argv, env) for _ in range(repeat)]
            check, target = (within(0.3), "≤ 300 ms") if size == 1000 else (None, "—")
            name = f"`fu-board {' '.join(verb[:2]) if verb[0] == 'list' else verb[0]}` (whole process)"
            figures.append(Figure(name, size, samples, "s", floor, target, check))
            note(f"{name} with {size} cards: {show(statistics.median(samples), 's')}")
    for state in ("empty", "edited"):  # `due --json` where the cache cannot answer
        for size in sizes:
            samples = []
            for _ in range(repeat):
                path = ws.copy(size, "due")
                argv = [
                    sys.executable,
                    "-m",
                    "fu_board",
                    "due",
                    "--json",
                    "--date",
                    ws.today.isoformat(),
                    "--board",
                    str(path),
                ]
                shutil.rmtree(cache_folder, ignore_errors=True)
                if state == "edited":
                    _wall(argv, env)  # the cache now holds the file as it was
                    _edit_outside(path)
                samples.append(_wall(argv, env))
            check, target = (within(0.6), "≤ 600 ms") if size == 10000 else (None, "—")
            what = "cache empty" if state == "empty" else "after an outside edit"
            figures.append(Figure(f"`fu-board due --json`, {what}", size, samples, "s", floor, target, check))
            note(f"`due --json` ({what}) with {size} cards: {show(statistics.median(samples), 's')}")
    adds: dict[int, list[float]] = {}
    for size in [*sizes, *large]:  # one card added to a board whose cache is warm, as every day
        path = ws.copy(size, "add")
        add = [sys.executable, "-m", "fu_board", "add", "--board", str(path), "--role", "Engineer"]
        _wall([*add, "Warm-up Labs"], env)
        adds[size] = [
            _wall([*add, f"Bench Labs {number}"], env)
            for number in range(min(repeat, LARGE_REPEAT) if size in large else repeat)
        ]
        note(f"`fu-board add` with {size} cards: {show(statistics.median(adds[size]), 's')}")
    base = adds.get(1000)
    for size, samples in adds.items():
        check, target = (ratio_within(1.5), "≤ 1.5× at 1,000") if base and size >= 10000 else (None, "—")
        name = "`fu-board add` (whole process; floor: `add` at 1,000)" if base else "`fu-board add` (whole process)"
        figures.append(Figure(name, size, samples, "s", base if base else floor, target, check))
    for size in sizes:  # for a shell prompt: from the status a save writes beside the board
        path = ws.board(size)
        argv = [sys.executable, "-m", "fu_board", "due", "--count", "--board", str(path)]
        _wall(argv, env)  # the first count after the board was written by hand reads it, and writes the status
        samples = [_wall(argv, env) for _ in range(repeat)]
        check, target = (ratio_within(1.5), "≤ 1.5× floor") if size == max(sizes) else (None, "—")
        figures.append(Figure("`fu-board due --count` (whole process)", size, samples, "s", floor, target, check))
        note(f"`fu-board due --count` with {size} cards: {show(statistics.median(samples), 's')}")
    figures += _measure_import(ws, sizes, repeat, env)
    size = 1000 if 1000 in sizes else max(sizes)
    path = ws.board(size)
    textual = [_imports_textual([*verb, "--board", str(path)], env) for verb in (["due"], ["list", "--json"])]
    imports = Figure("`due`, `list --json` import Textual", size, [float(any(textual))], "flag", target="no")
    imports.check = lambda median, _ratio: not median
    figures.append(imports)
    return figures


SHEET_HEADERS = (
    "Company Name",
    "Job Title",
    "Date Applied",
    "Application Status",
    "Recruiter Name",
    "Recruiter Email",
    "Job Posting URL",
    "Salary Range",
    "Location",
    "Notes",
)
"""A spreadsheet as people keep one (Google Sheets' template, in effect)."""
SHEET_STATUSES = ("Applied", "Rejected", "No response", "Onsite", "Offer", "Ghosted", "Phone screen", "Withdrawn")


def write_sheet(rows: int, path: Path, today: dt.date, seed: int = SEED) -> None:
    """A spreadsheet of `rows` applications over the two years before `today`, saved as CSV
    (US dates, a note over two lines in some rows) or, for a `.xlsx` path, as a workbook."""
    import csv

    picked = random.Random(seed)
    table: list[list[Any]] = [list(SHEET_HEADERS)]
    for number in range(rows):
        applied = today - dt.timedelta(days=picked.randrange(1, 730))
        company = f"{picked.choice(NAME_STARTS)}{picked.choice(NAME_ENDS)} {picked.choice(SECTORS)} {number}"
        person = f"{picked.choice(FIRST_NAMES)} {picked.choice(LAST_NAMES)}"
        note = "Referred by a friend.\nAsk about the team." if number % 7 == 0 else ""
        table.append(
            [
                company + picked.choice(LEGAL),
                f"{picked.choice(SENIORITY)}{picked.choice(FIELDS)} {picked.choice(JOB_TITLES)}",
                applied if path.suffix == ".xlsx" else applied.strftime("%m/%d/%Y"),
                picked.choice(SHEET_STATUSES),
                person,
                f"{_ascii(person)}@example.com",
                f"https://jobs.example.com/{number}",
                f"${picked.randrange(80, 200)}k",
                picked.choice(("Remote", "Berlin", "Austin, TX", "London")),
                note,
            ]
        )
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Applications")
        for row in table:
            sheet.append(row)
        book.save(path)
        return
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(table)


def _measure_import(ws: Workspace, sizes: Sequence[int], repeat: int, env: dict[str, str]) -> list[Figure]:
    """`fu-board import` of a spreadsheet into a new board, as a new user starts."""
    figures = []
    for suffix in (".csv", ".xlsx"):
        for rows in sizes:
            if rows < 1000 and rows != max(sizes):
                continue
            sheet = ws.root / "sheets" / f"applications-{rows}{suffix}"
            sheet.parent.mkdir(parents=True, exist_ok=True)
            if not sheet.exists():
                write_sheet(rows, sheet, ws.today)
            board = ws.root / "sheets" / "board.toml"
            argv = [sys.executable, "-m", "fu_board", "import", str(sheet), "--board", str(board)]
            samples = []
            for _ in range(repeat):
                board.unlink(missing_ok=True)
                samples.append(_wall(argv, env))
            check, target = (within(2.0), "≤ 2 s") if rows == 10000 else (None, "—")
            name = "`fu-board import` into a new board (rows): " + (
                "a CSV file" if suffix == ".csv" else "an .xlsx workbook"
            )
            figures.append(Figure(name, rows, samples, "s", None, target, check))
            note(f"`fu-board import` of {rows} rows ({suffix}): {show(statistics.median(samples), 's')}")
    return figures


# -- Saving and loading, in process ---------------------------------------------------------


def _timed(action: Callable[..., object], *args: Any) -> float:
    gc.collect()
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def _plain_write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _one_change(board: Board, on: dt.date) -> Board:
    """Board after one ordinary change: the first card in Interviewed or Followed up moves back to Applied."""
    card = next(card for card in board.cards if card.stage in (Stage.INTERVIEWED, Stage.FOLLOWED_UP))
    return ops.move_card(board, card.id, Stage.APPLIED, on=on).board


def _save_over(path: Path, board: Board, places: CardPlaces | None) -> CardPlaces:
    """`save_board` as every writer calls it: with the bytes of the file it replaces, read
    again first (under the lock, in the app, to see whether someone else changed it), and
    where the cards read from it or written to it lie there; where they lie now."""
    data = path.read_bytes()
    return save_board(path, board, replacing=FileContent(data, digest(data), places)).places


def measure_file(ws: Workspace, size: int, today: dt.date, repeat: int) -> list[Figure]:
    """Loading and saving the board of `size` cards, beside raw tomllib and tomli_w."""
    from fu_board.board_file import BoardFile

    source = ws.board(size)
    data = source.read_bytes()
    raw = tomllib.loads(data.decode("utf-8"))
    scratch = ws.copy(size, "file").parent
    out = scratch / "saved.toml"
    plain = scratch / "plain.toml"

    def read_raw() -> None:
        tomllib.loads(source.read_bytes().decode("utf-8"))

    def write_raw() -> None:
        _plain_write(plain, tomli_w.dumps(raw).encode("utf-8"))

    load_floor = [_timed(read_raw) for _ in range(repeat)]
    save_floor = [_timed(write_raw) for _ in range(repeat)]
    loads = [_timed(load_board, source) for _ in range(repeat)]

    full: list[float] = []
    changed: list[float] = []
    warm: list[float] = []
    commit_first: list[float] = []
    commit_next: list[float] = []

    def fresh() -> tuple[Board, CardPlaces | None]:
        """The board as a writer reads it: with where its cards lie in the file."""
        shutil.copyfile(source, out)
        data = out.read_bytes()
        return parse_placed(data, out, cache_key=digest(data))

    for _ in range(repeat):
        board, places = fresh()
        full.append(_timed(_save_over, out, board, places))
        board, places = fresh()
        changed.append(_timed(_save_over, out, _one_change(board, today), places))
        board, places = fresh()
        places = _save_over(out, board, places)
        warm.append(_timed(_save_over, out, _one_change(board, today), places))
        # The app's own save: lock, read the file back to see whether others changed it,
        # a backup before the first save after opening, then `save_board`.
        board_file = BoardFile(ws.copy(size, "commit"))
        board = _one_change(board_file.open(), today)
        commit_first.append(_timed(board_file.commit, board))
        commit_next.append(_timed(board_file.commit, _one_change(board, today)))
    note(f"saving and loading {size} cards: done")

    target, check = ("≤ 1.5× floor", ratio_within(1.5)) if size == 10000 else ("—", None)
    return [
        Figure("load (`store.load_board`)", size, loads, "s", load_floor),
        Figure("save after one change, freshly loaded board", size, changed, "s", save_floor, target, check),
        Figure("save, freshly loaded board, no change (cold)", size, full, "s", save_floor),
        Figure("save after one change, after an earlier save (warm)", size, warm, "s", save_floor, target, check),
        Figure("`BoardFile.commit` after one change, first after open", size, commit_first, "s", save_floor),
        Figure("`BoardFile.commit` after one more change", size, commit_next, "s", save_floor),
    ]


# -- Keystrokes, in process -----------------------------------------------------------------


class FrameWatch:
    """Times a key from the moment its event is posted to the app until the frame that shows it.

    Where the frame is: in Textual 8.2.8 a key's handler only marks widgets dirty or in
    need of layout; the screen's update timer (`Screen._on_timer_update`, at most
    `TEXTUAL_FPS` times a second) then lays out and renders what changed, in
    `Screen._compositor_refresh`, and hands the resulting `CompositorUpdate` (the
    rendered lines) to `App._display`, which turns it into escape sequences and writes
    them to the terminal in one synchronized update. `App._display` is therefore the one
    place every frame of every screen goes through, after all the app's work for it.
    Headless, `_display` returns before making the escape sequences, so the hook makes
    them itself (`render_segments`, exactly what a terminal run does) before taking
    the time; only the final write to the terminal is left out.
    """

    def __init__(self, app: App[Any]) -> None:
        from textual._compositor import CompositorUpdate

        self.app = app
        self._waiting: list[tuple[Callable[[Screen[Any]], bool], asyncio.Future[float]]] = []
        original = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count:  # nothing was drawn
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            drawn = time.perf_counter()
            for waiting in list(self._waiting):
                shows, future = waiting
                if not future.done() and shows(screen):
                    future.set_result(drawn)
                    self._waiting.remove(waiting)

        setattr(app, "_display", display)  # noqa: B010 (mypy refuses an assignment to a method)

    async def key(self, key: str, character: str | None, shows: Callable[[Screen[Any]], bool]) -> float:
        """Post the key the way a terminal driver does; seconds until a frame for which `shows` holds."""
        from textual import events

        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        waiting = (shows, future)
        self._waiting.append(waiting)
        event = events.Key(key, character)
        event.set_sender(self.app)
        started = time.perf_counter()
        self.app.post_message(event)
        try:
            drawn = await asyncio.wait_for(future, KEY_TIMEOUT)
        except TimeoutError:
            raise RuntimeError(f"no frame showed the effect of {key!r} within {KEY_TIMEOUT:g} s") from None
        finally:
            if waiting in self._waiting:
                self._waiting.remove(waiting)
        return drawn - started


def moved(now: Callable[[], object], before: object, *, on: Screen[Any] | None = None) -> Callable[[Screen[Any]], bool]:
    """A frame shows the cursor moved: `now()` is no longer `before` (on the screen `on`, if given)."""
    return lambda screen: (on is None or screen is on) and now() != before


async def _bare_key_floor(samples: int, gap: float) -> list[float]:
    """The least a key can cost: a cursor move in a bare Textual app's OptionList."""
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    class BareList(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*(f"option {number}" for number in range(500)))

    app = BareList()
    watch = FrameWatch(app)
    times = []
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        options.focus()
        options.highlighted = 0
        for _ in range(samples):
            await pilot.pause(gap)
            before = options.highlighted
            times.append(await watch.key("down", None, moved(lambda: options.highlighted, before)))
    return times


@dataclass
class KeyTimes:
    cursor: list[float] = field(default_factory=list)
    first_move: list[float] = field(default_factory=list)
    move: list[float] = field(default_factory=list)
    open_card: list[float] = field(default_factory=list)
    close_card: list[float] = field(default_factory=list)
    dialog: list[float] = field(default_factory=list)
    stats: list[float] = field(default_factory=list)
    filter: list[float] = field(default_factory=list)
    filter_remark: str = "n/a (no filter yet)"
    startup: float = math.nan


async def _board_keys(path: Path, today: dt.date, samples: int, gap: float) -> KeyTimes:
    """Keys on the real app, headless, on the board at `path` (which it will change and save)."""
    from fu_board.tui.app import make_app

    times = KeyTimes()
    started = time.perf_counter()
    app = make_app(path, today=today)
    watch = FrameWatch(app)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.pause()
        times.startup = time.perf_counter() - started
        board_screen = app.screen

        def selected() -> str | None:
            selected_id: Callable[[], str | None] = getattr(board_screen, "selected_id", lambda: None)
            return selected_id()

        def on_board(screen: Screen[Any]) -> bool:
            return screen is board_screen

        # The cursor, down the Applied column and, at its last card, up again: `j` stops at
        # the end of a column, as in a list, so a small board needs both ways.
        key = "j"
        for _ in range(samples):
            await pilot.pause(gap)
            before = selected()
            column = getattr(board_screen, "current_column", None)
            if column is not None and column.card_count > 1:
                at = column.highlighted or 0
                key = "k" if at == column.card_count - 1 else "j" if at == 0 else key
            times.cursor.append(await watch.key(key, key, moved(selected, before, on=board_screen)))

        # Moving a card without a dialog: 1 sends a card of Interviewed back to Applied, 2
        # returns it (it has its interview: nothing to ask). Saved as the app saves it.
        await pilot.press("l")
        card_id = selected()
        if card_id is None:
            raise RuntimeError("the Interviewed column is empty: nothing to move")

        def stage_is(stage: Stage) -> Callable[[Screen[Any]], bool]:
            return lambda screen: on_board(screen) and app.session.board.card(card_id).stage is stage

        for _ in range(samples):
            for key, stage in (("1", Stage.APPLIED), ("2", Stage.INTERVIEWED)):
                await pilot.pause(gap)
                if selected() != card_id:
                    raise RuntimeError(f"the cursor left the card being moved ({selected()} is not {card_id})")
                seconds = await watch.key(key, key, stage_is(stage))
                (times.move if times.first_move else times.first_move).append(seconds)

        await _screen_keys(app, pilot, watch, times, samples=samples, gap=gap)
        await _filter_keys(app, pilot, watch, times, samples=samples, gap=gap)
        await pilot.pause(gap)
    return times


async def _screen_keys(app: Any, pilot: Any, watch: FrameWatch, times: KeyTimes, *, samples: int, gap: float) -> None:
    """Keys that bring up a screen, until it is drawn: a card, a dialog, the numbers."""
    board_screen = app.screen

    def on_board(screen: Screen[Any]) -> bool:
        return screen is board_screen

    # Opening a card, until its screen is drawn; escape closes it.
    for _ in range(samples):
        await pilot.pause(gap)
        times.open_card.append(await watch.key("enter", "\r", lambda screen: screen is not board_screen))
        await pilot.pause(gap)
        times.close_card.append(await watch.key("escape", "\x1b", on_board))
        if app.screen is not board_screen:
            raise RuntimeError("escape did not close the card")

    # A dialog: `L` on a card of Applied with no interview yet asks about it; escape leaves it.
    await pilot.press("h")
    card = app.screen.card_here()
    if card is None or card.stage is not Stage.APPLIED or card.interviews:
        raise RuntimeError("the first card of Applied is not one that has yet to be interviewed")
    for _ in range(samples):
        await pilot.pause(gap)
        times.dialog.append(await watch.key("L", "L", lambda screen: screen is not board_screen))
        await pilot.pause(gap)
        await watch.key("escape", "\x1b", on_board)

    # The numbers (`g`), until their screen is drawn.
    for _ in range(samples):
        await pilot.pause(gap)
        times.stats.append(await watch.key("g", "g", lambda screen: screen is not board_screen))
        await pilot.pause(gap)
        await watch.key("escape", "\x1b", on_board)


async def _filter_keys(app: Any, pilot: Any, watch: FrameWatch, times: KeyTimes, *, samples: int, gap: float) -> None:
    board_screen = app.screen

    def on_board(screen: Screen[Any]) -> bool:
        return screen is board_screen

    # Filtering: each letter until the columns it filters are drawn, not the letter's echo.
    try:
        await pilot.pause(gap)
        await watch.key("slash", "/", on_board)
        typed = ""
        for letter in ("ab"[:samples] * samples)[: max(samples, 2)]:
            typed += letter
            await pilot.pause(gap)

            def filtered(screen: Screen[Any], text: str = typed) -> bool:
                return screen is board_screen and getattr(board_screen, "filter_text", None) == text

            times.filter.append(await watch.key(letter, letter, filtered))
        await pilot.pause(gap)
        await watch.key("escape", "\x1b", lambda _screen: True)
        times.filter_remark = ""
    except RuntimeError as error:
        times.filter, times.filter_remark = [], f"n/a ({error})"


def measure_keys(ws: Workspace, size: int, today: dt.date, samples: int, gap: float) -> list[Figure]:
    floor = asyncio.run(_bare_key_floor(samples, gap))
    note(f"bare Textual cursor move: {show(statistics.median(floor), 's')}")
    times = asyncio.run(_board_keys(ws.copy(size, "keys"), today, samples, gap))
    note(f"keystrokes with {size} cards: done (the headless app started in {show(times.startup, 's')})")
    check, target = (within(0.03), "≤ 30 ms") if size == 10000 else (None, "—")
    fifty = ("≤ 50 ms", within(0.05)) if size == 10000 else ("—", None)
    return [
        Figure("key → frame: cursor move (`j`)", size, times.cursor, "s", floor, target, check),
        Figure("key → frame: move a card (`1`, `2`)", size, times.move, "s", floor, target, check),
        Figure("key → frame: first move after opening", size, times.first_move, "s", floor, target, check),
        Figure("key → frame: open a card (`enter`)", size, times.open_card, "s", floor, *fifty),
        Figure("key → frame: close the card (`escape`)", size, times.close_card, "s", floor),
        Figure("key → frame: a dialog (`L` into Interviewed)", size, times.dialog, "s", floor, *fifty),
        Figure("key → frame: the numbers (`g`)", size, times.stats, "s", floor, *fifty),
        Figure(
            "key → frame: filter, until the columns are filtered (`/`, a letter)",
            size,
            times.filter,
            "s",
            floor,
            target if times.filter else "≤ 30 ms",
            check if times.filter else None,
            remark=times.filter_remark,
        ),
    ]


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------


def machine() -> str:
    import fu_board

    cpu = ""
    with suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = f" ({line.split(':', 1)[1].strip()})"
                break
    commit = ""
    with suppress(OSError, subprocess.SubprocessError):
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "fu_board"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        commit = f" at {head}{' with local changes' if dirty else ''}"
    return (
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs{cpu}; Python {platform.python_version()}; "
        f"Textual {importlib.metadata.version('textual')}; fu-board {fu_board.__version__}{commit}"
    )


FLOORS = """\
Floors, measured in the same run: *open*, *memory* and *quit*: a bare Textual app (one `Static`) started, \
settled and quit the same way in the same pseudo-terminal; *CLI*: `python -c 'import tomllib'` (for `add`: \
`add` on the board of 1,000 cards, so growth shows); *key → frame*: a cursor move in a bare Textual \
`OptionList`, timed the same way; *load*: reading the file and `tomllib.loads`; *save*: `tomli_w.dumps` of \
the same board's raw data, a plain write and `fsync`."""

HOW = """\
How: each round opens a fresh copy of each board with `python -m fu_board --board FILE` in a \
{columns}×{rows} pseudo-terminal (TERM=xterm-256color) three times: with no cache (the first open ever), \
again (the cache warm: the daily open), and after another program changed one card in the file. *Open* is \
until the header, the four column titles and a card's company have been drawn; then `j` is pressed once \
the frame is out (*a key in the first second*: until the next output); *memory* is the process's \
high-water resident memory (VmHWM) {settle:g} s after the first frame; *quit* is from ctrl+q to the exit. \
Keys run the real app headless in process (`run_test`), from posting the key event to the frame \
`App._display` receives for it, escape sequences included; {gap:g} s between keys. fu-board's modules are \
compiled to bytecode first, as installing it does. Medians of {repeat} runs ({large_repeat} on boards \
larger than 10,000 cards; n=samples)."""


def compile_package() -> None:
    """Compile fu-board's modules to bytecode, as installing it does (`pip install .` writes
    the .pyc files). Run from a checkout, or wherever PYTHONDONTWRITEBYTECODE is set, every
    start would otherwise compile some forty modules from source (about 60 ms), which an
    installed copy never does; the bare app's Textual was compiled when it was installed."""
    compileall.compile_dir(REPO / "fu_board", quiet=1)


def run_benchmark(sizes: Sequence[int], repeat: int, today: dt.date, *, gap: float, large: Sequence[int] = ()) -> int:
    started = time.perf_counter()
    compile_package()
    figures: list[Figure] = []
    largest = max(sizes)
    with tempfile.TemporaryDirectory(prefix="fu-board-bench-") as folder:
        ws = Workspace(Path(folder), today)
        for size in [*sizes, *large]:  # generated up front, so no figure pays for it
            ws.board(size)

        def section(name: str, measure: Callable[[], list[Figure]]) -> None:
            note(f"measuring {name}...")
            try:
                figures.extend(measure())
            except Exception as error:  # a report: one broken figure must not hide the others
                note(f"{name} failed: {type(error).__name__}: {error}")
                broken = Figure(name, None, [], "s", target="runs", check=within(0), remark=f"error: {error}")
                figures.append(broken)

        section("opening, a first key, memory and quitting", lambda: measure_terminal(ws, sizes, repeat, large))
        section("the CLI verbs", lambda: measure_cli(ws, sizes, repeat, large))
        section("keystrokes", lambda: measure_keys(ws, largest, today, max(repeat, 3), gap))
        section("saving and loading", lambda: measure_file(ws, largest, today, repeat))
        boards = ws.boards

    print(f"## fu-board benchmark, {dt.date.today().isoformat()}")
    print()
    print(machine())
    print()
    print(f"Boards (`bench/run.py --make-board N FILE`, dated around {today}): {'; '.join(boards)}.")
    print()
    print(table(figures))
    print()
    print(FLOORS)
    print()
    columns, rows = TERMINAL_SIZE
    print(HOW.format(columns=columns, rows=rows, settle=SETTLE, gap=gap, repeat=repeat, large_repeat=LARGE_REPEAT))
    print()
    failed = [f"{fig.name} ({fig.size:,})" if fig.size else fig.name for fig in figures if fig.verdict == "FAIL"]
    print(f"Took {time.perf_counter() - started:.0f} s.")
    print(f"FAIL: {'; '.join(failed)}" if failed else "All targets met.")
    return 0


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of sizes like 100,1000,10000") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are numbers of cards, 1 or more")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="fu-board's benchmark (issue 6); or, with --make-board, its board generator."
    )
    parser.add_argument(
        "--make-board", nargs=2, metavar=("N", "FILE"), help="write a realistic board of N cards to FILE and stop"
    )
    parser.add_argument(
        "--make-sheet", nargs=2, metavar=("N", "FILE"), help="write a spreadsheet of N applications (.csv or .xlsx)"
    )
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="the day boards are dated around (YYYY-MM-DD); "
        f"default {GENERATION_TODAY} for --make-board, the real date for the benchmark"
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=SEED, help=f"the generator's seed (default {SEED})")
    parser.add_argument("--sizes", type=_sizes, default=None, help="board sizes (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, default=None, help="runs of each figure (default 5; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run: one tiny board unless --sizes says")
    parser.add_argument(
        "--large", type=int, default=None, help=f"the largest board, measured for opening, a key, quitting and "
        f"`add` only (default {LARGE:,}; none with --quick; 0 for none)"
    )  # fmt: skip
    args = parser.parse_args(argv)

    if args.make_sheet is not None:
        count_text, file_text = args.make_sheet
        if not count_text.isdigit() or int(count_text) < 1:
            parser.error(f"N must be a number of rows, 1 or more, not {count_text!r}")
        write_sheet(int(count_text), Path(file_text), args.today or GENERATION_TODAY, seed=args.seed)
        sys.stderr.write(f"make-sheet: wrote {int(count_text)} applications to {file_text}\n")
        return 0
    if args.make_board is not None:
        count_text, file_text = args.make_board
        try:
            count = int(count_text)
        except ValueError:
            parser.error(f"N must be a number of cards, not {count_text!r}")
        if count < 1:
            parser.error("N must be 1 or more")
        path = Path(file_text)
        started = time.perf_counter()
        board = write_board(count, path, today=args.today or GENERATION_TODAY, seed=args.seed)
        seconds = time.perf_counter() - started
        sys.stderr.write(f"make-board: wrote {describe_board(board)} to {path} in {seconds:.1f} s\n")
        return 0

    sizes = args.sizes or ([20] if args.quick else [100, 1000, 10000])
    repeat = args.repeat or (1 if args.quick else 5)
    if repeat < 1:
        parser.error("--repeat must be 1 or more")
    large = [args.large if args.large is not None else 0 if args.quick else LARGE]
    large = [size for size in large if size > 0]
    today = args.today or dt.date.today()
    return run_benchmark(sizes, repeat, today, gap=0.02 if args.quick else KEY_GAP, large=large)


if __name__ == "__main__":
    sys.exit(main())

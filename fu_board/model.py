"""The board's data: cards, their contacts, interviews and timeline, and settings.

These records are the schema of `board.toml`. They are immutable: the operations
in `fu_board.board` build new ones. Every text field is checked for lone
surrogates (undecodable command-line bytes), which TOML cannot store.

They are frozen, slotted dataclasses, and pydantic checks them: each type's
annotations carry the checks (`_After`, `_Range`, `_Pattern`), which pydantic
reads the first time a record is checked. Building one (`Card(...)`) or
`Record.validate` checks every field, as pydantic models do; `Record.replace` and
`fu_board.plain` (the cache, which this program wrote itself) do not. So reading
the board from the cache and drawing it never imports pydantic (about 100 ms of
a start-up), and the board takes a fifth of the memory pydantic models took (24
against 94 MB at 10,000 cards).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import string
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Self, TypeGuard, TypeVar

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import CoreSchema, SchemaValidator

SCHEMA_VERSION = 3
"""The version of the board file's layout this program reads and writes.

2 added `settings.theme`. 3 made interviews events (a time, a kind, where, a note),
gave thank-yous and follow-ups the person they went to, resolutions the column they
left, a no its third kind (a form rejection), and the cadence its settings; the
`weekly` template became `second_follow_up`. Each version has a golden file in
`tests/golden/` and a step in `fu_board.migrations` from the one before."""


class Stage(StrEnum):
    """A column of the board, left to right."""

    APPLIED = "applied"
    INTERVIEWED = "interviewed"
    FOLLOWED_UP = "followed_up"
    RESOLVED = "resolved"

    @property
    def label(self) -> str:
        """The column's title as a person reads it."""
        return self.value.replace("_", " ").capitalize()

    @property
    def rank(self) -> int:
        """Position of the column, 0 for Applied."""
        return STAGES.index(self)


STAGES: tuple[Stage, ...] = tuple(Stage)
WORKING_STAGES: tuple[Stage, ...] = STAGES[:-1]
"""The stages of a card that still waits for an answer."""


class Outcome(StrEnum):
    """How an application ended."""

    YES = "yes"
    NO = "no"
    WITHDRAWN = "withdrawn"

    @property
    def symbol(self) -> str:
        """A one-cell symbol that goes with the word, never instead of it."""
        return {"yes": "✓", "no": "✗", "withdrawn": "↩"}[self.value]


class NoKind(StrEnum):
    """What a no was: they said it, the person decided silence counts as one, or a
    form rejection came with nobody behind it."""

    SAID = "said"
    SILENCE = "silence"
    FORM = "form"

    @property
    def label(self) -> str:
        return {"said": "they said no", "silence": "silence counts as a no", "form": "a form rejection"}[self.value]


NO_KIND_WORDS = "said, silence or form"
"""The kinds of no, as a message names them."""


class InterviewKind(StrEnum):
    """What kind of interview it is."""

    PHONE_SCREEN = "phone_screen"
    VIDEO = "video"
    TECHNICAL = "technical"
    ONSITE = "onsite"
    FINAL = "final"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class EventKind(StrEnum):
    """What happened on a card's timeline."""

    APPLIED = "applied"
    INTERVIEWED = "interviewed"
    THANK_YOU = "thank_you"
    FOLLOWED_UP = "followed_up"
    HEARD_BACK = "heard_back"
    SNOOZED = "snoozed"
    MOVED = "moved"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    EDITED = "edited"
    LEAD = "lead"
    """A new lead: on the card it came from, and on the card it became."""

    @property
    def label(self) -> str:
        """The kind as a person reads it."""
        return {"thank_you": "thank-you sent"}.get(self.value, self.value.replace("_", " "))


class Channel(StrEnum):
    """How a follow-up was made."""

    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    IN_PERSON = "in_person"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"linkedin": "LinkedIn", "in_person": "in person"}.get(self.value, self.value)


TOUCH_KINDS = frozenset(
    {
        EventKind.APPLIED,
        EventKind.INTERVIEWED,
        EventKind.THANK_YOU,
        EventKind.FOLLOWED_UP,
        EventKind.HEARD_BACK,
        EventKind.RESOLVED,
    }
)
"""Events that are a contact with the company: they reset "days since last touch"."""


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)
"""The dates a board takes: every rule can count days and business days from any of them
(a date near the calendar's end, 9999-12-31, overflowed the first follow-up worked out)."""
DAY_RANGE = f"between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}"


class DateOutOfRange(ValueError):
    """A real date, too far off for a board (see `EARLIEST_DAY`, `LATEST_DAY`)."""


def in_range(day: dt.date) -> dt.date:
    """`day`, when a board takes it; `DateOutOfRange` otherwise."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise DateOutOfRange(f"should be a date {DAY_RANGE}")
    return day


def parse_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD, and only that (no week dates, no 20261125), one a
    board takes (`in_range`)."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"{text!r} is not a date like 2026-11-25")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date on the calendar") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise DateOutOfRange(f"{text} is too far off: fu-board takes dates {DAY_RANGE}")
    return day


def _no_surrogates(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains characters that are not valid text (undecodable bytes)") from None
    return value


def _trimmed(value: str) -> str:
    return _no_surrogates(value).strip()


def _required(value: str) -> str:
    value = _trimmed(value)
    if not value:
        raise ValueError("is required and cannot be blank")
    return value


class _After:
    """Check, or tidy, a value after pydantic has checked its type (pydantic's own
    `AfterValidator`, without importing pydantic until a record is validated)."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], CoreSchema]) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class _Range:
    """A whole number from `low` to `high` (or up from `low`), in pydantic's words when it is not."""

    __slots__ = ("high", "low")

    def __init__(self, low: int, high: int | None = None) -> None:
        self.low, self.high = low, high

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], CoreSchema]) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.int_schema(ge=self.low, le=self.high)


class _Pattern:
    """Text that matches a regular expression; `says` is the message when it does not."""

    __slots__ = ("pattern", "says")

    def __init__(self, pattern: str, says: str) -> None:
        self.pattern = pattern
        self.says = says

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], CoreSchema]) -> CoreSchema:
        from pydantic_core import core_schema

        text = core_schema.str_schema(pattern=self.pattern)
        return core_schema.custom_error_schema(text, "wrong_shape", custom_error_message=self.says)


_DAYS: dict[dt.date, dt.date] = {}


def interned(day: dt.date) -> dt.date:
    """The one `date` object kept for this day."""
    return _DAYS.setdefault(day, day)


def _board_day(day: dt.date) -> dt.date:
    return interned(in_range(day))


Day = Annotated[dt.date, _After(_board_day)]
"""A date a board takes (`in_range`), kept once per distinct day: a board holds few days
many times (86,000 dates, a thousand or so distinct, at 10,000 cards)."""
Text = Annotated[str, _After(_no_surrogates)]
"""Free text, stored exactly as given."""
Line = Annotated[str, _After(_trimmed)]
"""A one-line field; surrounding spaces are trimmed."""
RequiredLine = Annotated[str, _After(_required)]
CardId = Annotated[
    str, _Pattern(r"^[a-z0-9][a-z0-9-]{0,31}$", "should be 1 to 32 lowercase letters, digits or dashes, like 'k7m2'")
]
ClockTime = Annotated[
    str, _Pattern(r"^(([01][0-9]|2[0-3]):[0-5][0-9])?$", "should be a time of day like 09:30 or 14:00 (24-hour)")
]
"""A local time of day, `HH:MM`, or empty for none."""
ThemeName = Annotated[
    str,
    _Pattern(r"^[^\x00-\x1f\x7f-\x9f]{0,64}$", "should be a theme's name, on one line, like 'nord' or 'textual-light'"),
]
"""Only the shape is checked here, loosely: which themes there are is the TUI's to know,
and a name it does not know ("Nord", a typo) is reported there, without making the
whole board unreadable. An empty name means Textual's default."""


_DEFAULTS: dict[type[Record], dict[str, object]] = {}
_VALIDATORS: dict[type[Record], SchemaValidator] = {}


def _validator(record: type[Record]) -> SchemaValidator:
    """pydantic's validator of `record`, built the first time it is needed. Its errors
    never quote the value given, which may be someone's email address."""
    validator = _VALIDATORS.get(record)
    if validator is None:
        from pydantic import TypeAdapter
        from pydantic_core import SchemaValidator

        with _no_pydantic_plugins():
            schema = TypeAdapter(record).core_schema
        config = {"title": record.__name__, "hide_input_in_errors": True}
        validator = _VALIDATORS[record] = SchemaValidator(schema, config)  # type: ignore[arg-type]
    return validator


@contextlib.contextmanager
def _no_pydantic_plugins() -> Iterator[None]:
    """pydantic looks for plugins (in every installed package's metadata: 30 ms) the first
    time it builds a validator; a board's checks want none, so it is told so, unless the
    person said otherwise (`PYDANTIC_DISABLE_PLUGINS`)."""
    if PYDANTIC_PLUGINS in os.environ:
        yield
        return
    os.environ[PYDANTIC_PLUGINS] = "__all__"
    try:
        yield
    finally:
        os.environ.pop(PYDANTIC_PLUGINS, None)


PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


class Record:
    """What every part of the board is: a frozen, slotted dataclass that pydantic checks."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    __unchecked_init__: ClassVar[Callable[..., None]]
    """The dataclass's own `__init__`, which sets the fields as given."""

    def __init__(self, **values: Any) -> None:
        # In place of the dataclass's `__init__` (see `_checked`). With no values every
        # field is at its default, which needs no check (and no pydantic).
        if not values:
            self.__unchecked_init__()
            return
        checked = _validator(type(self)).validate_python(values)  # pydantic never calls __init__
        for name in self.field_names():
            object.__setattr__(self, name, getattr(checked, name))

    @classmethod
    def unchecked(cls, **values: Any) -> Self:
        """A record of `values` as they are: for values known to be valid."""
        record = object.__new__(cls)
        cls.__unchecked_init__(record, **values)
        return record

    @classmethod
    def validate(cls, data: Any) -> Self:
        """Build one from plain data (a dict read from TOML, a form's values), checking
        every field, or raise pydantic's `ValidationError` (a `ValueError`)."""
        return _validator(cls).validate_python(data)  # type: ignore[no-any-return]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The fields in their order, which is also the order in the file."""
        return tuple(cls.field_defaults())

    @classmethod
    def field_defaults(cls) -> dict[str, object]:
        """Each field's default, in the fields' order (`dataclasses.MISSING` for a required one)."""
        defaults = _DEFAULTS.get(cls)
        if defaults is None:
            defaults = _DEFAULTS[cls] = {
                field.name: field.default
                for field in dataclasses.fields(cls)  # type: ignore[arg-type]
            }
        return defaults

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, their values as they are (not converted)."""
        return {name: getattr(self, name) for name in self.field_names()}

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes`, which are not checked: for values taken from valid
        records (`board.py` builds a changed card anew through `validate`)."""
        return self.unchecked(**(self.as_dict() | changes))


R = TypeVar("R", bound=Record)


def _checked(record: type[R]) -> type[R]:
    """Make building `record` check its values, as building a pydantic model does."""
    record.__unchecked_init__ = record.__init__
    record.__init__ = Record.__init__  # type: ignore[method-assign]
    return record


def warm_up() -> None:
    """Build pydantic's validators ahead of the first change (about 100 ms, pydantic's
    import included), for a program that has time to spare now."""
    for record in (Card, Contact, Interview, Board):
        _validator(record)


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Contact(Record):
    """Someone at the company: a recruiter, a hiring manager, an interviewer."""

    name: Line = ""
    email: Line = ""
    phone: Line = ""
    title: Line = ""

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phone or self.title)


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Interview(Record):
    """One interview: when (a day, and a local time when known), what kind, where, with
    whom, and what the person noted after it. Dated later than now, it is scheduled;
    from then on, held (`fu_board.rules.is_held`)."""

    date: Day
    time: ClockTime = ""
    """The local time it starts, `HH:MM`; empty when not known."""
    id: Annotated[int, _Range(0)] = 0
    """Its number on the card, 1 for the first booked; it stays when the interview is moved
    to another day, so its event in a calendar follows it (0 in a hand edit: the next free
    number is given when the board is read)."""
    kind: InterviewKind | None = None
    where: Line = ""
    """An address, or a video link."""
    interviewers: tuple[Line, ...] = ()
    """Who was there, by name: each is owed a thank-you once it is held."""
    note: Text = ""
    """The debrief: what was asked, what to mention in the follow-up."""

    @property
    def when(self) -> str:
        """`Tue 8 Dec 14:00`, or `Tue 8 Dec` without a time."""
        day = f"{self.date:%a} {self.date.day} {self.date:%b}"
        return f"{day} {self.time}" if self.time else day

    @property
    def what(self) -> str:
        """`onsite`, or `interview` when the kind is not known."""
        return self.kind.label if self.kind is not None else "interview"


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Event(Record):
    """One entry of a card's append-only timeline."""

    date: Day
    kind: EventKind
    note: Text = ""
    to: Stage | None = None
    """For `moved` and `reopened`: the column the card went to."""
    outcome: Outcome | None = None
    """For `resolved`: how it ended."""
    channel: Channel | None = None
    """For `followed_up`: email, phone, LinkedIn, in person or other."""
    no_kind: NoKind | None = None
    """For a `resolved` no: said, or silence."""
    card: CardId | None = None
    """For `lead`: the other card, the one the lead came from or became."""
    person: Line = ""
    """For `thank_you` and `followed_up`: who it went to, when the person named them."""
    from_stage: Stage | None = None
    """For `resolved`: the column the card left, where reopening it puts it back."""


def event_label(event: Event, today: dt.date | None = None) -> str:
    """What an event was, in words; an interview dated after `today` is "interview scheduled",
    on its day "interview today" (its time may still be ahead)."""
    if event.kind is EventKind.INTERVIEWED and today is not None and event.date >= today:
        return "interview scheduled" if event.date > today else "interview today"
    return event.kind.label


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Card(Record):
    """One application, from the day it was sent to a definite answer."""

    id: CardId
    company: RequiredLine
    role: Line = ""
    link: Line = ""
    contacts: tuple[Contact, ...] = ()
    applied: Day
    interviews: tuple[Interview, ...] = ()
    decision_expected: Day | None = None
    note: Text = ""
    stage: Stage = Stage.APPLIED
    outcome: Outcome | None = None
    resolved_on: Day | None = None
    furthest_stage: Stage = Stage.APPLIED
    """The furthest working column (Applied, Interviewed, Followed up) ever
    reached, so statistics stay true after the card is resolved."""
    snoozed_until: Day | None = None
    """The person chose to wait: the next follow-up is due on this day instead."""
    no_kind: NoKind | None = None
    """For a no: whether they said it or silence was taken as one."""
    timeline: tuple[Event, ...] = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Callable[[Any], CoreSchema]) -> CoreSchema:
        from pydantic_core import core_schema

        checked = core_schema.no_info_after_validator_function(_check_resolution, handler(source))
        numbered = core_schema.no_info_after_validator_function(_number_interviews, checked)
        return core_schema.no_info_before_validator_function(_keep_furthest, numbered)

    @property
    def contact(self) -> Contact | None:
        """The first contact, the one shown on the board."""
        return self.contacts[0] if self.contacts else None

    @property
    def title(self) -> str:
        """The card named in one line: "Acme — Data Engineer", or the company alone."""
        return f"{self.company} — {self.role}" if self.role else self.company

    @property
    def is_resolved(self) -> bool:
        return self.stage is Stage.RESOLVED


def _keep_furthest(data: Any) -> Any:
    """A hand edit that moves `stage` forward without touching `furthest_stage` is not
    an error: the furthest stage follows."""
    if isinstance(data, dict):
        stage, furthest = data.get("stage"), data.get("furthest_stage")
        if stage in WORKING_STAGES and (
            furthest is None or (furthest in STAGES and Stage(furthest).rank < Stage(stage).rank)
        ):
            data = {**data, "furthest_stage": stage}
    return data


def _number_interviews(card: Card) -> Card:
    """Each interview keeps its number; one without (0, or one that an earlier interview of
    the card already has) gets the next free one."""
    ids = [interview.id for interview in card.interviews]
    if 0 not in ids and len(set(ids)) == len(ids):
        return card
    taken = set(ids)
    seen: set[int] = set()
    numbered = []
    for interview in card.interviews:
        kept = interview
        if not kept.id or kept.id in seen:
            kept = interview.replace(id=max(taken) + 1)
            taken.add(kept.id)
        seen.add(kept.id)
        numbered.append(kept)
    return card.replace(interviews=tuple(numbered))


def _check_resolution(card: Card) -> Card:
    if card.stage is Stage.RESOLVED:
        if card.outcome is None:
            raise ValueError("a resolved card needs an outcome: yes, no or withdrawn")
        if card.resolved_on is None:
            raise ValueError("a resolved card needs the date it was resolved (resolved_on)")
    else:
        if card.outcome is not None:
            raise ValueError(f"only a resolved card has an outcome, but the stage is {card.stage.value}")
        if card.resolved_on is not None:
            raise ValueError(f"only a resolved card has resolved_on, but the stage is {card.stage.value}")
    if card.no_kind is not None and card.outcome is not Outcome.NO:
        raise ValueError(f"only a no has a no_kind ({NO_KIND_WORDS})")
    if card.furthest_stage is Stage.RESOLVED:
        raise ValueError("furthest_stage is one of applied, interviewed or followed_up")
    return card


PLACEHOLDERS = (
    "contact",
    "interviewer",
    "company",
    "role",
    "applied_date",
    "interview_date",
    "decision_date",
    "last_follow_up",
)
"""What a message template may fill in, written {contact}, {company}... `{contact}` is the
first name of the person the message is for; `{interviewer}` the same, in a thank-you."""


def _template(value: str) -> str:
    value = _no_surrogates(value)
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(value)]
    except ValueError as error:
        raise ValueError(f"is not a valid template ({error}); write a literal brace as {{{{ or }}}}") from None
    # What is wrong, and which placeholder by its place: never the template's own text, which
    # may be a person's words (an error is shown, and kept in logs).
    placeholders = [(name, spec, conversion) for name, spec, conversion in fields if name is not None]
    for number, (name, spec, conversion) in enumerate(placeholders, start=1):
        if spec or conversion:
            raise ValueError(
                f"its {_ordinal(number)} placeholder has a format code (after ! or :); "
                "use plain placeholders like {company}"
            )
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + known + "}" for known in PLACEHOLDERS)
            raise ValueError(f"its {_ordinal(number)} placeholder is not one fu-board fills in; use {known}")
    return value


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


Template = Annotated[str, _After(_template)]


def _subject(value: str) -> str:
    value = _template(value)
    if "\n" in value or "\r" in value:
        raise ValueError("is a subject line: one line, without line breaks")
    return value


Subject = Annotated[str, _After(_subject)]


def _country(value: str) -> str:
    """A country (and region) that the holidays library knows, in its spelling: `US`, `DE-BY`."""
    code = _trimmed(value).upper()
    country, _, region = code.partition("-")
    from fu_board.business_days import known_regions  # the holidays library, only for a board that names a country

    regions = known_regions(country)
    if regions is None:
        raise ValueError("should be a country's two-letter code, like US, GB or DE, that has a holiday calendar")
    if region and region not in regions:
        raise ValueError(f"{country} has no such region in its holiday calendar; leave the region out")
    return code


Country = Annotated[str, _After(_country)]


def _calendar_path(value: str) -> str:
    path = _trimmed(value)
    if not path or any(ord(char) < 32 for char in path):
        raise ValueError("should be the path of an .ics file, on one line, like '~/fu-board.ics'")
    if not path.lower().endswith(".ics"):
        raise ValueError("should be the path of a calendar file ending in .ics, like '~/fu-board.ics'")
    return path


CalendarPath = Annotated[str, _After(_calendar_path)]


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Templates(Record):
    """The suggested messages of the daily review, one per situation. Each has a slot in
    [square brackets] for the one specific thing that makes the message worth sending."""

    thank_you: Template = (
        "Hi {interviewer}, thank you for taking the time to talk with me about the {role} role on "
        "{interview_date}. I especially enjoyed [one thing from your conversation], and it made me even more "
        "excited about joining {company}."
    )
    decision_passed: Template = (
        "Hi {contact}, I hope you are well. You mentioned that {company} expected to decide on the {role} role "
        "around {decision_date}. I am still very interested, and since we spoke I have [one specific thing: a "
        "piece of work, an answer to a question you were asked]. Is there any news on where things stand?"
    )
    after_interview: Template = (
        "Hi {contact}, thank you again for the interview on {interview_date}. I am still very interested in the "
        "{role} role at {company}. I have kept thinking about [one point from the conversation], and [what you "
        "would add about it]. Is there anything else I can share to help with your decision?"
    )
    second_follow_up: Template = (
        "Hi {contact}, one more thought on the {role} role at {company}: [a new angle: a piece of work, an "
        "article or a result that bears on what the team needs]. I would be glad to talk it through, and to "
        "hear about the timeline when there is news."
    )
    close_the_loop: Template = (
        "Hi {contact}, I have not heard back about the {role} role at {company}, and I understand that plans "
        "change. Could you let me know either way whether I am still being considered? A definite answer, even "
        "a no, helps me plan, and I would still love to [the one thing you would bring to the team]."
    )
    after_no: Template = (
        "Hi {contact}, thank you for letting me know. I am disappointed, as I was looking forward to the {role} "
        "role at {company}, and I wish you and the team well. I would be glad to be kept in mind for future "
        "roles at {company}. And if you know of other opportunities that would suit someone with my skills, I "
        "would be grateful if you thought of me."
    )
    after_silence: Template = (
        "Hi {contact}, as I have not heard back, I will take it that the {role} role at {company} has moved on. "
        "Thank you for your time, and I would be glad to be considered for future roles."
    )
    """The short closing note after a silence counted as a no; empty for none."""
    applied_no_answer: Template = (
        "Hi {contact}, I applied for the {role} role at {company} on {applied_date}, and I wanted to make sure "
        "my application reached you. [One reason you fit: a result, or a skill the posting asks for.] I would "
        "love to tell you how I could help the team."
    )
    thank_you_subject: Subject = "Thank you: the {role} role at {company}"
    """Each message's subject line, when it is written as an email (`m`, `fu-board draft`)."""
    decision_passed_subject: Subject = "Checking in: the {role} role at {company}"
    after_interview_subject: Subject = "Following up: the {role} role at {company}"
    second_follow_up_subject: Subject = "One more thought on the {role} role at {company}"
    close_the_loop_subject: Subject = "Closing the loop: the {role} role at {company}"
    after_no_subject: Subject = "Thank you: the {role} role at {company}"
    after_silence_subject: Subject = "The {role} role at {company}"
    applied_no_answer_subject: Subject = "My application for the {role} role at {company}"


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Settings(Record):
    """The person's own numbers: the irons target and every follow-up rule's days."""

    irons_target: Annotated[int, _Range(1, 1000)] = 5
    """How many applications should be open at once."""
    applied_first_days: Annotated[int, _Range(1, 365)] = 7
    """Days after applying before the first follow-up."""
    applied_repeat_days: Annotated[int, _Range(1, 365)] = 7
    """Days after a follow-up on an application still in Applied before the next."""
    thank_you_days: Annotated[int, _Range(0, 30)] = 0
    """Days after an interview when the thank-you notes are due: 0 is the same day."""
    decision_business_days: Annotated[int, _Range(0, 60)] = 2
    """Business days after the decision date they gave before checking in."""
    after_interview_days: Annotated[int, _Range(1, 365)] = 7
    """Days after an interview, with no decision date given, before following up."""
    follow_up_repeat_days: Annotated[int, _Range(1, 365)] = 7
    """Days after the last follow-up before the next, until there is an answer."""
    follow_ups_before_close: Annotated[int, _Range(1, 10)] = 2
    """Follow-ups after an interview before the next one closes the loop (asks for a definite answer)."""
    applied_follow_ups: Annotated[int, _Range(0, 10)] = 2
    """Nudges on an application with no interview before the next one closes the loop."""
    close_wait_days: Annotated[int, _Range(1, 365)] = 7
    """Days a close-the-loop message waits for an answer before the review asks about the silence."""
    skip_weekends: bool = True
    """No follow-up falls due on a Saturday or Sunday: it moves to the Monday."""
    country: Country | None = None
    """Where you live, as a code like `US`, `GB` or `DE-BY`: its public holidays are not business days."""
    expected_nos_per_yes: Annotated[int, _Range(1, 1000)] | None = None
    """Your own guess of how many nos come before a yes; without it, your history's."""
    calendar_file: CalendarPath | None = None
    """An iCalendar file (`~/fu-board.ics`) that every save rewrites: the interviews booked,
    the follow-ups and thank-yous due, for a calendar program that subscribes to it."""
    theme: ThemeName | None = None
    """The look chosen in the command palette (ctrl+p, Theme): one of Textual's themes.
    Without it, Textual's default (`textual-dark`, or `$TEXTUAL_THEME`)."""
    templates: Templates = Templates()


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class ReviewLog(Record):
    """The daily review's streak: consecutive days with a finished review."""

    last_finished: Day | None = None
    streak: Annotated[int, _Range(0)] = 0


@_checked
@dataclass(slots=True, frozen=True, kw_only=True)
class Board(Record):
    """Everything in `board.toml`."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = Settings()
    review: ReviewLog = ReviewLog()
    cards: tuple[Card, ...] = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Callable[[Any], CoreSchema]) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_check_unique_ids, handler(source))

    def card(self, card_id: str) -> Card:
        """The card with exactly this id (`KeyError` when there is none)."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def has_card(self, card_id: str) -> bool:
        return any(card.id == card_id for card in self.cards)


RECORDS: tuple[type[Record], ...] = (Board, Settings, Templates, ReviewLog, Card, Contact, Interview, Event)
"""Every kind of record a board holds."""


def _check_unique_ids(board: Board) -> Board:
    seen: set[str] = set()
    for card in board.cards:
        if card.id in seen:
            raise ValueError(f"two cards have the id {card.id!r}; each card needs its own")
        seen.add(card.id)
    return board


def field_path(loc: tuple[int | str, ...]) -> str:
    """`("cards", 2, "company")` as a person reads it: `cards[2].company`."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def first_problem(error: ValidationError) -> tuple[tuple[int | str, ...], str]:
    """Where the first problem is, and what it is in words; never the value given,
    which may be someone's email address."""
    first = error.errors(include_url=False, include_input=False, include_context=False)[0]
    loc = tuple(first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        message = f"unknown key {loc[-1]!r} (is it misspelt?)"
        loc = loc[:-1]
    elif first["type"] in ("missing", "missing_keyword_argument"):
        message = f"{loc[-1]!r} is missing"
        loc = loc[:-1]
    return loc, message


def is_validation_error(error: BaseException) -> TypeGuard[ValidationError]:
    """Whether `error` is pydantic's `ValidationError`, without importing pydantic to ask."""
    pydantic_core = sys.modules.get("pydantic_core")
    return pydantic_core is not None and isinstance(error, pydantic_core.ValidationError)


def describe_problem(error: ValidationError) -> str:
    """The first problem on one line: `company: is required and cannot be blank`."""
    loc, message = first_problem(error)
    return f"{field_path(loc)}: {message}" if loc else message

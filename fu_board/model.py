"""The board's data: cards, their contacts, interviews and timeline, and settings.

These pydantic models are the schema of `board.toml`. They are immutable: the
operations in `fu_board.board` build new ones. Every text field is checked for
lone surrogates (undecodable command-line bytes), which TOML cannot store.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

from pydantic import AfterValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo
from pydantic_core import ArgsKwargs, SchemaSerializer, SchemaValidator

SCHEMA_VERSION = 1
"""The version of the board file's layout this program reads and writes."""


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
    """What a no was: they said it, or the person decided silence counts as one."""

    SAID = "said"
    SILENCE = "silence"

    @property
    def label(self) -> str:
        return {"said": "they said no", "silence": "silence counts as a no"}[self.value]


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


def parse_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD, and only that (no week dates, no 20261125)."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"{text!r} is not a date like 2026-11-25")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date on the calendar") from None


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


Text = Annotated[str, AfterValidator(_no_surrogates)]
"""Free text, stored exactly as given."""
Line = Annotated[str, AfterValidator(_trimmed)]
"""A one-line field; surrounding spaces are trimmed."""
RequiredLine = Annotated[str, AfterValidator(_required)]
CardId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")]


_CONFIG = ConfigDict(extra="forbid", hide_input_in_errors=True)


_DEFAULTS: dict[type[Record], dict[str, object]] = {}


class Record:
    """What every part of the board is: checked by pydantic, kept as a frozen, slotted dataclass.

    A pydantic `BaseModel` instance carries a dict of its fields and a set of the fields
    given; at 10,000 cards (85,000 objects with their timelines) that was 94 MB, against
    20 MB for slotted dataclasses, which pydantic also validates faster.
    """

    __slots__ = ()
    __pydantic_validator__: ClassVar[SchemaValidator]
    __pydantic_serializer__: ClassVar[SchemaSerializer]
    __pydantic_fields__: ClassVar[dict[str, FieldInfo]]

    @classmethod
    def validate(cls, data: Any) -> Self:
        """Build one from plain data (a dict read from TOML), or raise `ValidationError`."""
        return cls.__pydantic_validator__.validate_python(data)  # type: ignore[no-any-return]

    @classmethod
    def validate_json(cls, data: str | bytes) -> Self:
        return cls.__pydantic_validator__.validate_json(data)  # type: ignore[no-any-return]

    def to_json(self) -> bytes:
        return self.__pydantic_serializer__.to_json(self)

    def dump(self) -> dict[str, Any]:
        """Plain data, as JSON holds it (dates as text, enums as their values)."""
        return self.__pydantic_serializer__.to_python(self, mode="json")  # type: ignore[no-any-return]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The fields in their order, which is also the order in the file."""
        return tuple(cls.field_defaults())

    @classmethod
    def field_defaults(cls) -> dict[str, object]:
        """Each field's default, in the fields' order (`PydanticUndefined` for a required one)."""
        try:
            return _DEFAULTS[cls]
        except KeyError:
            defaults = _DEFAULTS[cls] = {name: field.default for name, field in cls.__pydantic_fields__.items()}
            return defaults

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, their values as they are (not converted)."""
        return {name: getattr(self, name) for name in self.field_names()}

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes`, which are not checked: for values taken from valid
        records (`board.py` builds a changed card anew through `validate`)."""
        copy = object.__new__(type(self))
        for name in self.field_names():
            object.__setattr__(copy, name, changes[name] if name in changes else getattr(self, name))
        return copy


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Contact(Record):
    """Someone at the company: a recruiter, a hiring manager, an interviewer."""

    name: Line = ""
    email: Line = ""
    phone: Line = ""
    title: Line = ""

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phone or self.title)


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Interview(Record):
    """One interview: when, and with whom."""

    date: dt.date
    interviewers: tuple[Line, ...] = ()


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Event(Record):
    """One entry of a card's append-only timeline."""

    date: dt.date
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


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Card(Record):
    """One application, from the day it was sent to a definite answer."""

    id: CardId
    company: RequiredLine
    role: Line = ""
    link: Line = ""
    contacts: tuple[Contact, ...] = ()
    applied: dt.date
    interviews: tuple[Interview, ...] = ()
    decision_expected: dt.date | None = None
    note: Text = ""
    stage: Stage = Stage.APPLIED
    outcome: Outcome | None = None
    resolved_on: dt.date | None = None
    furthest_stage: Stage = Stage.APPLIED
    """The furthest working column (Applied, Interviewed, Followed up) ever
    reached, so statistics stay true after the card is resolved."""
    snoozed_until: dt.date | None = None
    """The person chose to wait: the next follow-up is due on this day instead."""
    no_kind: NoKind | None = None
    """For a no: whether they said it or silence was taken as one."""
    timeline: tuple[Event, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _keep_furthest(cls, data: Any) -> Any:
        # A hand edit that moves `stage` forward without touching
        # `furthest_stage` is not an error: the furthest stage follows.
        # Plain data arrives as a dict, and `Card(...)` as its keyword arguments.
        given = data.kwargs if isinstance(data, ArgsKwargs) else data
        if isinstance(given, dict):
            stage, furthest = given.get("stage"), given.get("furthest_stage")
            if stage in WORKING_STAGES and (
                furthest is None or (furthest in STAGES and Stage(furthest).rank < Stage(stage).rank)
            ):
                given = {**given, "furthest_stage": stage}
                data = ArgsKwargs(data.args, given) if isinstance(data, ArgsKwargs) else given
        return data

    @model_validator(mode="after")
    def _check_resolution(self) -> Self:
        if self.stage is Stage.RESOLVED:
            if self.outcome is None:
                raise ValueError("a resolved card needs an outcome: yes, no or withdrawn")
            if self.resolved_on is None:
                raise ValueError("a resolved card needs the date it was resolved (resolved_on)")
        else:
            if self.outcome is not None:
                raise ValueError(f"only a resolved card has an outcome, but the stage is {self.stage.value}")
            if self.resolved_on is not None:
                raise ValueError(f"only a resolved card has resolved_on, but the stage is {self.stage.value}")
        if self.no_kind is not None and self.outcome is not Outcome.NO:
            raise ValueError("only a no has a no_kind (said or silence)")
        if self.furthest_stage is Stage.RESOLVED:
            raise ValueError("furthest_stage is one of applied, interviewed or followed_up")
        return self

    @property
    def contact(self) -> Contact | None:
        """The first contact, the one shown on the board."""
        return self.contacts[0] if self.contacts else None

    @property
    def is_resolved(self) -> bool:
        return self.stage is Stage.RESOLVED


PLACEHOLDERS = ("contact", "company", "role", "applied_date", "interview_date", "decision_date", "last_follow_up")
"""What a message template may fill in, written {contact}, {company}..."""


def _template(value: str) -> str:
    value = _no_surrogates(value)
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(value)]
    except ValueError as error:
        raise ValueError(f"is not a valid template ({error}); write a literal brace as {{{{ or }}}}") from None
    for name, spec, conversion in fields:
        if name is not None and (spec or conversion):
            raise ValueError(f"has {{{name}...}} with a format code; use plain placeholders like {{company}}")
    names = {name for name, _, _ in fields if name is not None}
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise ValueError(f"has an unknown placeholder {{{unknown[0]}}}; use {known}")
    return value


Template = Annotated[str, AfterValidator(_template)]


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Templates(Record):
    """The suggested messages of the daily review, one per situation."""

    thank_you: Template = (
        "Hi {contact}, thank you for taking the time to talk with me about the {role} role on {interview_date}. "
        "I enjoyed learning about {company} and I am excited about the opportunity to join the team."
    )
    decision_passed: Template = (
        "Hi {contact}, I hope you are well. You mentioned that {company} expected to decide on the {role} role "
        "around {decision_date}. I am still very interested, and I wanted to check in on where things stand."
    )
    after_interview: Template = (
        "Hi {contact}, thank you again for the interview on {interview_date}. I am still very interested in the "
        "{role} role at {company}. Is there anything else I can share to help with your decision?"
    )
    after_no: Template = (
        "Hi {contact}, thank you for letting me know. I am disappointed, as I was looking forward to the {role} "
        "role at {company}, and I wish you every success with the person you chose. If you know of other "
        "opportunities that would suit someone with my skills, I would be grateful if you thought of me."
    )
    weekly: Template = (
        "Hi {contact}, I wanted to follow up on the {role} role at {company}. I am still very interested, and I "
        "would be glad to hear about any news on the timeline."
    )
    applied_no_answer: Template = (
        "Hi {contact}, I applied for the {role} role at {company} on {applied_date}, and I wanted to make sure "
        "my application reached you. I would love to tell you how I could help the team."
    )


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Settings(Record):
    """The person's own numbers: the irons target and every follow-up rule's days."""

    irons_target: int = Field(default=5, ge=1, le=1000)
    """How many applications should be open at once."""
    applied_first_days: int = Field(default=7, ge=1, le=365)
    """Days after applying before the first follow-up."""
    applied_repeat_days: int = Field(default=7, ge=1, le=365)
    """Days after a follow-up on an application still in Applied before the next."""
    thank_you_days: int = Field(default=1, ge=0, le=30)
    """Days after an interview when the thank-you note is due."""
    decision_business_days: int = Field(default=2, ge=0, le=60)
    """Business days after the decision date they gave before checking in."""
    after_interview_days: int = Field(default=7, ge=1, le=365)
    """Days after an interview, with no decision date given, before following up."""
    follow_up_repeat_days: int = Field(default=7, ge=1, le=365)
    """Days after the last follow-up before the next, until there is an answer."""
    expected_nos_per_yes: int | None = Field(default=None, ge=1, le=1000)
    """Your own guess of how many nos come before a yes; without it, your history's."""
    templates: Templates = Templates()


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class ReviewLog(Record):
    """The daily review's streak: consecutive days with a finished review."""

    last_finished: dt.date | None = None
    streak: int = Field(default=0, ge=0)


@dataclass(slots=True, frozen=True, kw_only=True, config=_CONFIG)
class Board(Record):
    """Everything in `board.toml`."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = Settings()
    review: ReviewLog = ReviewLog()
    cards: tuple[Card, ...] = ()

    @model_validator(mode="after")
    def _check_unique_ids(self) -> Self:
        seen: set[str] = set()
        for card in self.cards:
            if card.id in seen:
                raise ValueError(f"two cards have the id {card.id!r}; each card needs its own")
            seen.add(card.id)
        return self

    def card(self, card_id: str) -> Card:
        """The card with exactly this id (`KeyError` when there is none)."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def has_card(self, card_id: str) -> bool:
        return any(card.id == card_id for card in self.cards)


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


def describe_problem(error: ValidationError) -> str:
    """The first problem on one line: `company: is required and cannot be blank`."""
    loc, message = first_problem(error)
    return f"{field_path(loc)}: {message}" if loc else message

"""Which column of a spreadsheet holds what, from its header's words.

A header is read by its words, whatever their case, accents, spacing and punctuation
(`Date Applied`, `date_applied`, `Date\napplied` and `DATE-APPLIED` are one header),
and matched by meaning rather than spelled exactly: `Company Name`, `Employer` and
`Organisation` are the company; `Job Posting URL` is the link; `Recruiter Email` is an
email, `Recruiter Name` a contact. Each field's words are tried in `FIELDS`' order
(an email before a contact: `Recruiter Email` is an address), and a header that names
what a field is not (`Company Size`, `Position Type`) is not that field, and a date is
a day named with what happened on it (`Date Applied`, `Job Applied Date`, not
`Position Applied For` or `Applied Via`). When two
columns mean one field, the one whose words come first in its list is taken (`Date
Applied` before `Date Saved`), and the other goes into the note, as do the columns
that mean nothing here (`Salary Range`, `Location`).

The job trackers people export from are read the same way: Teal's `Job Position`,
`Job Status`, `Date Saved` and `Job URL`, and Huntr's `List` (its columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fu_board.search import fold


@dataclass(frozen=True)
class Meaning:
    """What a header must say to be one field, and what it must not."""

    field: str
    words: tuple[str, ...]
    """Word sequences, the most telling first; a header holding one of them means the field."""
    only_whole: tuple[str, ...] = ()
    """Words that mean the field only as the whole header (`Date`, `List`)."""
    never: frozenset[str] = frozenset()
    """Words that say a header is about something else (`Company Size`)."""
    together: tuple[frozenset[str], frozenset[str]] | None = None
    """Two sets of words; a header with a word of each means the field too, after its
    `words` (`Job Applied Date`: a day, and what happened on it)."""


FIELDS = (
    Meaning("email", ("email", "e mail", "mail address")),
    Meaning("phone", ("phone", "telephone", "mobile")),
    Meaning("link", ("url", "link", "posting", "listing"), never=frozenset({"linkedin", "profile", "company"})),
    Meaning(
        "applied",
        ("date applied", "applied on", "application date", "date submitted", "submitted on", "date saved"),
        only_whole=("applied", "submitted", "date", "date added", "created", "date created"),
        together=(
            frozenset({"date", "day", "when", "on"}),
            frozenset({"applied", "application", "submitted", "submission", "saved"}),
        ),
    ),
    Meaning(
        "status",
        ("status", "stage"),
        only_whole=("list", "state"),
        never=frozenset({"date", "updated", "changed", "since", "last", "notes", "note", "comment", "comments"}),
    ),
    Meaning(
        "company",
        ("company", "employer", "organisation", "organization"),
        never=frozenset({"size", "industry", "website", "site", "type", "rating", "location", "address", "sector"}),
    ),
    Meaning(
        "contact_title",
        ("recruiter title", "contact title", "hiring manager title", "contact position", "recruiter position"),
    ),
    Meaning(
        "contact",
        ("recruiter", "contact", "hiring manager", "person"),
        never=frozenset({"date", "method", "type", "count", "channel", "last", "next", "linkedin", "profile", "url"}),
    ),
    Meaning(
        "role",
        ("title", "position", "role", "job"),
        never=frozenset(
            {"type", "level", "category", "location", "salary", "id", "number", "board", "site", "source", "pay"}
        ),
    ),
    Meaning("note", ("notes", "note", "comments", "comment")),
    Meaning("id", (), only_whole=("id",)),
)
"""Each field a column can fill, in the order a header is tried against them."""

OWN_ONLY = ("outcome",)
"""Fields read only from fu-board's own CSV export."""


def words(text: str) -> str:
    """`text` folded, every run of punctuation and spacing one space: how headers match."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


@dataclass(frozen=True)
class Columns:
    """What the columns of a sheet hold: a field's column by its name, and the rest (the note's)."""

    found: dict[str, int]
    headers: list[str]
    others: list[int] = field(default_factory=list)
    """The columns whose text goes into the note, under their header."""

    def index(self, name: str) -> int | None:
        return self.found.get(name)

    def said(self) -> str:
        """Which column fed which field, as the summary says it: `Company Name → company · ...`."""
        parts = [f"{self.headers[index]} → {name.replace('_', ' ')}" for name, index in self.found.items()]
        noted = [self.headers[index] for index in self.others]
        if noted:
            parts.append(f"{', '.join(noted)} → note")
        return " · ".join(parts)


def _rank(header: str, meaning: Meaning) -> int | None:
    """How tellingly `header` (its `words`) means the field: the place of the words it holds
    in the field's list (0 the most telling); None when it does not mean it."""
    if header in meaning.only_whole:
        return len(meaning.words) + meaning.only_whole.index(header)
    said = header.split()
    if meaning.never.intersection(said):
        return None
    padded = f" {header} "
    for rank, sequence in enumerate(meaning.words):
        if f" {sequence} " in padded or (" " in sequence and f" {sequence.replace(' ', '')} " in padded):
            return rank
    if meaning.together is not None and all(words.intersection(said) for words in meaning.together):
        return len(meaning.words) + len(meaning.only_whole)
    return None


def read_headers(headers: list[str], *, own: bool = False) -> Columns:
    """Which column holds what (see the module's docstring). `own`: the first line is
    exactly fu-board's CSV export's, whose `outcome` says how a resolved card ended."""
    meanings = ((Meaning("outcome", (), only_whole=OWN_ONLY),) if own else ()) + FIELDS
    best: dict[str, tuple[int, int]] = {}
    for index, raw in enumerate(headers):
        header = words(raw)
        for meaning in meanings:
            rank = _rank(header, meaning)
            if rank is None:
                continue
            if meaning.field not in best or rank < best[meaning.field][0]:
                best[meaning.field] = (rank, index)
            break
    found = {name: index for name, (_, index) in sorted(best.items(), key=lambda item: item[1][1])}
    taken = set(found.values())
    others = [index for index, raw in enumerate(headers) if index not in taken and words(raw)]
    stripped = [" ".join(raw.split()) for raw in headers]
    return Columns(found, stripped, others)

"""Bringing applications in: a fu-board JSON export, or a CSV from a spreadsheet.

An import is all or nothing, and importing the same file again adds nothing:
- A JSON export brings its cards by id: a card not on the board is added, a card
  that differs replaces the board's, an identical one is left alone. Into an empty
  board it also brings the settings, so the copy is exact.
- A CSV row becomes a card. Its headers are matched whatever their case and
  spacing against the common names (`HEADERS`), its status word says the column
  and the answer (`STATUSES`), and every other column goes into the note. A row
  that matches a card already on the board (same company, role and date applied)
  is left alone. A row that cannot be read is skipped, with its line and why.

The day of the import stands for the unknown day of an interview or an answer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from fu_board import board as ops
from fu_board.export import CSV_COLUMNS, GUARDED
from fu_board.migrations import file_version, migrate
from fu_board.model import (
    SCHEMA_VERSION,
    Board,
    Card,
    Contact,
    DateOutOfRange,
    NoKind,
    Outcome,
    Stage,
    describe_problem,
    in_range,
    is_validation_error,
)
from fu_board.search import fold

HEADERS: dict[str, tuple[str, ...]] = {
    "company": ("company", "employer", "organization", "organisation", "company name"),
    "role": ("role", "position", "title", "job", "job title"),
    "applied": ("date applied", "applied", "applied on", "application date", "date"),
    "status": ("status", "stage"),
    "contact": ("contact", "recruiter", "contact name"),
    "email": ("email", "e-mail", "contact email"),
    "link": ("url", "link", "job link", "posting"),
    "note": ("notes", "note", "comments"),
    "id": ("id",),
}
"""What each column of a card is called in a spreadsheet (matched folded, spaces and _ alike)."""

OWN_DERIVED = ("last touch", "next follow-up")
"""Columns of fu-board's own CSV export that are worked out from the others: left out of
the note when the file is one (its first line is exactly `export.CSV_COLUMNS`)."""

STATUSES: dict[str, tuple[Stage, Outcome | None, NoKind | None]] = {
    "applied": (Stage.APPLIED, None, None),
    "": (Stage.APPLIED, None, None),
    "interview": (Stage.INTERVIEWED, None, None),
    "interviewing": (Stage.INTERVIEWED, None, None),
    "interviewed": (Stage.INTERVIEWED, None, None),
    "phone screen": (Stage.INTERVIEWED, None, None),
    "followed up": (Stage.FOLLOWED_UP, None, None),
    "follow up": (Stage.FOLLOWED_UP, None, None),
    "offer": (Stage.RESOLVED, Outcome.YES, None),
    "accepted": (Stage.RESOLVED, Outcome.YES, None),
    "yes": (Stage.RESOLVED, Outcome.YES, None),
    "rejected": (Stage.RESOLVED, Outcome.NO, NoKind.SAID),
    "declined": (Stage.RESOLVED, Outcome.NO, NoKind.SAID),
    "no": (Stage.RESOLVED, Outcome.NO, NoKind.SAID),
    "ghosted": (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE),
    "withdrawn": (Stage.RESOLVED, Outcome.WITHDRAWN, None),
}
"""Status words (folded) and the column, answer and kind of no they mean."""


class ImportRefused(ValueError):
    """The file cannot be imported at all; nothing was written."""


@dataclass
class Imported:
    """What an import did, or would do."""

    board: Board
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(line, why) for each row left out."""
    settings_taken: bool = False

    def summary(self, *, dry_run: bool) -> str:
        would = "would add" if dry_run else "added"
        lines = [
            f"{would} {self.added}, {'would update' if dry_run else 'updated'} {self.updated}, "
            f"{self.unchanged} already on the board, {len(self.skipped)} skipped"
        ]
        lines += [f"line {line}: skipped: {why}" for line, why in self.skipped]
        return "\n".join(lines)


def _key(company: str, role: str, applied: dt.date) -> tuple[str, str, dt.date]:
    return fold(company.strip()), fold(role.strip()), applied


UNSTAMPED_EXPORT = 2
"""The schema of a JSON export without `schema_version`: exports are stamped from schema 2 on,
and those made before (schema 1, or 2 before the stamp) read the same as schema 2."""


def _brought_up(data: dict[str, Any]) -> dict[str, Any]:
    """An export's data as this version's schema, through the same steps as a board file."""
    try:
        version = file_version(data, missing=UNSTAMPED_EXPORT)
    except ValueError as error:
        raise ImportRefused(f"not a fu-board export: schema_version {error}") from None
    if version > SCHEMA_VERSION:
        raise ImportRefused(
            f"written by a newer fu-board (schema {version}; this one knows {SCHEMA_VERSION}); upgrade fu-board"
        )
    try:
        return migrate(data, version)
    except (LookupError, TypeError, ValueError, AttributeError) as error:
        raise ImportRefused(f"not a fu-board export: cannot be brought up from schema {version}: {error}") from None


def import_json(board: Board, text: str) -> Imported:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise ImportRefused("not a fu-board export: values nested far more deeply than any board's") from None
    if isinstance(data, dict):  # an export from another version: brought up as a board file is
        data = _brought_up(data)
    try:
        exported = Board.validate(data)
    except ValueError as error:
        if not is_validation_error(error):
            raise
        raise ImportRefused(f"not a fu-board export: {describe_problem(error)}") from None
    result = Imported(board)
    cards = {card.id: card for card in board.cards}
    for card in exported.cards:
        if card.id not in cards:
            cards[card.id] = card
            result.added += 1
        elif cards[card.id] != card:
            cards[card.id] = card
            result.updated += 1
        else:
            result.unchanged += 1
    fresh = not board.cards and board.settings == Board().settings
    result.board = board.replace(
        cards=tuple(cards.values()),
        settings=exported.settings if fresh else board.settings,
        review=exported.review if fresh else board.review,
    )
    result.settings_taken = fresh and exported.settings != board.settings
    return result


def _columns(header: list[str]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Which column holds what, and the other columns (index, name) for the note.

    fu-board's own export is read as what it is: its `outcome` says how a resolved
    card ended, and its worked-out columns (`OWN_DERIVED`) are left out."""
    names = {_words(name): field for field, known in HEADERS.items() for name in known}
    own = [raw.strip() for raw in header] == list(CSV_COLUMNS)
    if own:
        names["outcome"] = "outcome"
    found: dict[str, int] = {}
    others = []
    for index, raw in enumerate(header):
        name = _words(raw)
        what = names.get(name)
        if own and raw.strip() in OWN_DERIVED:
            continue
        if what is not None and what not in found:
            found[what] = index
        elif name:
            others.append((index, raw.strip()))
    return found, others


def _words(text: str) -> str:
    """`text` folded, `_` read as a space, spaces collapsed: how headers and status words match."""
    return " ".join(fold(text).replace("_", " ").split())


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/\d{4}")
"""A date written 25/10/2026 or 10/25/2026: which comes first is the file's convention."""


DAY_FIRST, MONTH_FIRST = "%d/%m/%Y", "%m/%d/%Y"


@dataclass(frozen=True)
class SlashOrder:
    """How a file writes slashed dates: a strptime pattern, or why it cannot be told."""

    pattern: str | None
    unknown: str = ""


def _slash_order(dates: list[str], today: dt.date) -> SlashOrder:
    """The file's order for slashed dates: day first when a first number is over 12, month
    first when a second is; when no number says, the one order under which no application
    is dated in the future. Unknown when the dates disagree, or when both orders fit."""
    found = [match for text in dates if (match := _SLASHED.fullmatch(text.strip()))]
    day_first = any(int(match[1]) > 12 for match in found)
    month_first = any(int(match[2]) > 12 for match in found)
    if day_first and month_first:
        return SlashOrder(None, "the file writes some dates day first and others month first")
    if day_first or month_first:
        return SlashOrder(DAY_FIRST if day_first else MONTH_FIRST)
    fits = [order for order in (DAY_FIRST, MONTH_FIRST) if all(_parsed(m[0], order) <= today for m in found)]
    if len(fits) == 1:
        return SlashOrder(fits[0])
    return SlashOrder(None, "no date in the file tells which")


def _parsed(text: str, pattern: str) -> dt.date:
    """`text` read with `pattern`; a day that does not exist (31/02) counts as never."""
    try:
        return dt.datetime.strptime(text, pattern).date()
    except ValueError:
        return dt.date.max


def _date(text: str, order: SlashOrder) -> dt.date:
    text = text.strip()
    if _SLASHED.fullmatch(text):
        if order.pattern is None:
            raise ValueError(
                f"{text!r} could be read day first or month first, and {order.unknown}; write it as YYYY-MM-DD"
            )
        patterns: tuple[str, ...] = (order.pattern,)
    else:
        patterns = ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")
    for pattern in patterns:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date like 2026-11-25")


def _status(status: str, outcome: str) -> str:
    """The status word of a row, folded: `followed_up` reads as `followed up`, and a
    `resolved` row (fu-board's own CSV) as its outcome (`yes`, `no`, `withdrawn`)."""
    word = _words(status)
    return _words(outcome) if word == "resolved" and outcome else word


def _unguarded(value: str) -> str:
    """A cell without the `'` that `fu-board export` puts before what a spreadsheet would
    run as a formula, or before a `'` of the text itself (`export.GUARDED`)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(GUARDED) else value


def _applied_on(text: str, slash_order: SlashOrder, today: dt.date) -> dt.date:
    """A row's date applied, today when it gives none; ValueError when it cannot be read
    or is still to come."""
    if not text:
        return today
    applied = _date(text, slash_order)
    if applied > today:
        raise ValueError(f"applied on {applied.isoformat()}, which is in the future")
    try:
        return in_range(applied)
    except DateOutOfRange as problem:
        raise ValueError(f"applied on {applied.isoformat()}: {problem}") from None


def import_csv(board: Board, text: str, today: dt.date) -> Imported:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        rows = list(reader)
    except csv.Error as error:
        problem = str(error)
        if "field larger than field limit" in problem:
            problem = f"a cell holds more than {csv.field_size_limit():,} characters, more than fu-board reads in one"
        raise ImportRefused(f"line {reader.line_num}: {problem}") from None
    if not rows:
        raise ImportRefused("the file is empty")
    columns, others = _columns(rows[0])
    if "company" not in columns:
        raise ImportRefused("no Company column (or Employer, Organization) in the first line")
    result = Imported(board)
    known = {_key(card.company, card.role, card.applied): card for card in board.cards}
    ids = {card.id for card in board.cards}
    slash_order = _slash_order(
        [row[at] for row in rows[1:] if (at := columns.get("applied", len(row))) < len(row)], today
    )
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank row

        def cell(what: str, row: list[str] = row) -> str:
            index = columns.get(what)
            return _unguarded(row[index].strip()) if index is not None and index < len(row) else ""

        company = cell("company")
        if not company:
            result.skipped.append((line, "no company"))
            continue
        try:
            applied = _applied_on(cell("applied"), slash_order, today)
        except ValueError as error:
            result.skipped.append((line, str(error)))
            continue
        status = _status(cell("status"), cell("outcome"))
        if status not in STATUSES:
            words = ", ".join(sorted(word for word in STATUSES if word))
            result.skipped.append((line, f"unknown status {cell('status')!r}; use one of {words}"))
            continue
        if (cell("id") and cell("id").lower() in ids) or _key(company, cell("role"), applied) in known:
            result.unchanged += 1
            continue
        extra = [f"{name}: {row[index].strip()}" for index, name in others if index < len(row) and row[index].strip()]
        note = "\n".join(part for part in (cell("note"), *extra) if part)
        try:
            contact = Contact(name=cell("contact"), email=cell("email"))
            fields = {"company": company, "applied": applied, "role": cell("role"), "link": cell("link"), "note": note}
            result.board, card = _added(result.board, STATUSES[status], today, contact=contact, **fields)
        except (ops.BoardError, ValueError) as error:
            why = describe_problem(error) if is_validation_error(error) else str(error)
            result.skipped.append((line, why))
            continue
        known[_key(company, cell("role"), applied)] = card
        result.added += 1
    return result


def _added(
    board: Board, status: tuple[Stage, Outcome | None, NoKind | None], today: dt.date, **fields: Any
) -> tuple[Board, Card]:
    """`board` with a card of `fields` added and taken to the column and answer of its status."""
    stage, outcome, no_kind = status
    change = ops.add_card(board, **fields)
    done = change.board
    # The day of the import stands for the unknown day of the interview and the follow-up.
    if stage in (Stage.INTERVIEWED, Stage.FOLLOWED_UP):
        done = ops.log_interview(done, change.card.id, on=today).board
    if stage is Stage.FOLLOWED_UP:
        done = ops.log_follow_up(done, change.card.id, on=today).board
    if outcome is not None:
        done = ops.resolve_card(done, change.card.id, outcome, on=today, no_kind=no_kind).board
    return done, change.card


def import_file(board: Board, name: str, text: str, today: dt.date) -> Imported:
    """The board with the file's applications brought in (see the module's docstring)."""
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        return import_json(board, text)
    return import_csv(board, text, today)

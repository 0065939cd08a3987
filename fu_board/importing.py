"""Bringing applications in: a fu-board JSON export, or a spreadsheet (CSV or .xlsx).

An import is all or nothing, and importing the same file again adds nothing:
- A JSON export brings its cards by id: a card not on the board is added, a card
  that differs replaces the board's, an identical one is left alone. Into an empty
  board it also brings the settings, so the copy is exact.
- A spreadsheet's row becomes a card. The file is read in whatever encoding and with
  whatever separator it was saved (`fu_board.sheet_files`); its headers are read by
  meaning (`fu_board.sheet_columns`); its dates in the forms spreadsheets write them
  (`fu_board.sheet_dates`); its status word says the column and the answer
  (`STATUSES`), and a word not known keeps the row, in Interviewed when it sounds like
  an interview (`INTERVIEW_WORDS`) and in Applied otherwise, the word in its note.
  Every other column goes into the note. A row that matches a card already on the
  board (the same company, legal suffix and punctuation aside, role and date applied)
  is left alone. A row that cannot be read is skipped, with its line and why. The
  summary says how the file was read and which column fed which field.

The day before the import stands for the unknown day of an interview, and the day
of the import for that of a follow-up or an answer, and for the day applied of a row
that gives none.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
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
from fu_board.sheet_columns import Columns, read_headers, words
from fu_board.sheet_dates import AmbiguousDates, SlashOrder, read_date, serial_day, slash_order
from fu_board.sheet_files import Cell, Sheet, SheetUnreadable, read_sheet

OWN_DERIVED = ("last touch", "next follow-up")
"""Columns of fu-board's own CSV export that are worked out from the others: left out of
the note when the file is one (its first line is exactly `export.CSV_COLUMNS`)."""

Status = tuple[Stage, Outcome | None, NoKind | None]
APPLIED: Status = (Stage.APPLIED, None, None)
INTERVIEWED: Status = (Stage.INTERVIEWED, None, None)

STATUSES: dict[str, Status] = {
    **dict.fromkeys(
        (
            "",
            "applied",
            "application sent",
            "submitted",
            "sent",
            "no response",
            "no reply",
            "no answer yet",
            "waiting",
            "pending",
            "in review",
            "under review",
            "in progress",
            "open",
            "active",
        ),
        APPLIED,
    ),
    **dict.fromkeys(("interview", "interviewing", "interviewed", "phone screen"), INTERVIEWED),
    **dict.fromkeys(("followed up", "follow up"), (Stage.FOLLOWED_UP, None, None)),
    **dict.fromkeys(
        ("offer", "offered", "accepted", "offer accepted", "hired", "negotiating", "yes"),
        (Stage.RESOLVED, Outcome.YES, None),
    ),
    **dict.fromkeys(
        ("rejected", "rejection", "declined", "not selected", "not moving forward", "no"),
        (Stage.RESOLVED, Outcome.NO, NoKind.SAID),
    ),
    "ghosted": (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE),
    **dict.fromkeys(("withdrawn", "withdrew", "i withdrew"), (Stage.RESOLVED, Outcome.WITHDRAWN, None)),
}
"""Status words (`sheet_columns.words`) and the column, answer and kind of no they mean.
Silence is not an answer: `no response` stays in Applied, where the review asks for one."""

NOT_APPLIED = frozenset({"wishlist", "bookmarked", "saved", "applying", "to apply", "interested", "draft"})
"""Status words of a job tracker for a posting not applied to yet: not an application."""

INTERVIEW_WORDS = (
    "interview",
    "onsite",
    "on site",
    "final",
    "technical",
    "panel",
    "round",
    "hr call",
    "screen",
    "screening",
    "assessment",
    "take home",
    "case study",
)
"""Words that make a status not known an interview's (`Onsite`, `Final round`, `2nd round`)."""


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
    read_as: str = ""
    """How a spreadsheet was read (`sheet_files.Sheet.read_as`)."""
    columns: str = ""
    """Which of a spreadsheet's columns fed which field (`sheet_columns.Columns.said`)."""
    warning: str = ""
    """What the summary says first: a column the spreadsheet lacks."""
    unknown: dict[Stage, Counter[str]] = field(default_factory=dict)
    """Status words not known, by the column their rows went to, with how many rows."""
    undated: int = 0
    """Rows without a date, taken as applied on the day of the import."""

    def summary(self, *, dry_run: bool) -> str:
        would = "would add" if dry_run else "added"
        lines = [self.warning] if self.warning else []
        lines.append(
            f"{would} {self.added}, {'would update' if dry_run else 'updated'} {self.updated}, "
            f"{self.unchanged} already on the board, {len(self.skipped)} skipped"
        )
        if self.read_as:
            lines.append(f"read as {self.read_as}")
        if self.columns:
            lines.append(f"columns: {self.columns}")
        rows = sum(sum(counted.values()) for counted in self.unknown.values())
        if rows:
            kept = [
                f"{sum(counted.values())} in {stage.label} ({', '.join(counted)})"
                for stage, counted in self.unknown.items()
            ]
            lines.append(f"{_rows(rows)} with a status I don't know, kept with it in the note: {'; '.join(kept)}")
        if self.undated and "no date column" not in self.warning:
            lines.append(f"{_rows(self.undated)} without a date: taken as applied on the day of the import")
        lines += [f"line {line}: skipped: {why}" for line, why in self.skipped]
        return "\n".join(lines)


def _rows(count: int) -> str:
    return f"{count} row{'s' if count != 1 else ''}"


_LEGAL_SUFFIXES = frozenset(
    (
        *("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "plc", "llp", "lp"),
        *("gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "kk", "pty", "pte"),
    )
)
"""Words after a company's name that say only its legal form (`Acme, Inc.` is `ACME`)."""


def company_key(company: str) -> str:
    """A company's name as duplicates are found: case, accents, punctuation and a legal
    suffix aside (`Acme, Inc.`, `ACME` and `acme inc` are one company)."""
    said = words(company).split()
    while len(said) > 1 and said[-1] in _LEGAL_SUFFIXES:
        said.pop()
    return " ".join(said)


def _key(company: str, role: str, applied: dt.date | None) -> tuple[str, str, dt.date | None]:
    return company_key(company), words(role), applied


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


def _status(status: str, outcome: str) -> str:
    """The status word of a row (`words`): `followed_up` reads as `followed up`, and a
    `resolved` row (fu-board's own CSV) as its outcome (`yes`, `no`, `withdrawn`)."""
    word = words(status)
    return words(outcome) if word == "resolved" and outcome else word


def _unguarded(value: str) -> str:
    """A cell without the `'` that `fu-board export` puts before what a spreadsheet would
    run as a formula, or before a `'` of the text itself (`export.GUARDED`)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(GUARDED) else value


def _text(cell: Cell) -> str:
    """A cell as the text it shows (a workbook's date as YYYY-MM-DD), its lines ending in
    `\n` whatever the file's (a note typed in Excel on Windows holds `\r\n`)."""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, str):
        return _unguarded(cell.replace("\r\n", "\n").replace("\r", "\n").strip())
    return str(cell)


def _applied_on(cell: Cell, order: SlashOrder | None, today: dt.date) -> dt.date:
    """A row's date applied; ValueError when it cannot be read or is still to come."""
    if isinstance(cell, dt.date):
        applied = cell
    elif isinstance(cell, int | float):
        day = serial_day(cell)
        if day is None:
            raise ValueError(f"{cell!r} is a number, not a date")
        applied = day
    else:
        applied = read_date(cell, order)
    if applied > today:
        raise ValueError(f"applied on {applied.isoformat()}, which is in the future")
    try:
        return in_range(applied)
    except DateOutOfRange as problem:
        raise ValueError(f"applied on {applied.isoformat()}: {problem}") from None


ANSWER_WORDS: tuple[tuple[str, Status], ...] = (
    *((said, (Stage.RESOLVED, Outcome.NO, NoKind.SAID)) for said in ("not selected", "rejected", "rejection")),
    *((said, (Stage.RESOLVED, Outcome.NO, NoKind.SAID)) for said in ("declined", "turned down", "rescinded")),
    ("ghosted", (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE)),
    *((said, (Stage.RESOLVED, Outcome.WITHDRAWN, None)) for said in ("withdrew", "withdrawn")),
    *((said, (Stage.RESOLVED, Outcome.YES, None)) for said in ("accepted", "offer", "hired")),
)
"""Words that give the answer in a status not known as a whole (`Rejected after onsite`):
a no before a yes, so that `Offer rescinded` is a no."""


def _unknown_status(word: str) -> Status:
    """Where a row whose status is not known as a whole goes: to its answer when the status
    holds one (`ANSWER_WORDS`), to Interviewed if it sounds like an interview, else Applied."""
    padded = f" {word} "
    answer = next((status for said, status in ANSWER_WORDS if f" {said} " in padded), None)
    if answer is not None:
        return answer
    sounds = any(f" {said} " in padded or said in word.replace(" ", "") for said in INTERVIEW_WORDS)
    return INTERVIEWED if sounds else APPLIED


def _warning(columns: Columns, rows: int) -> str:
    """The summary's first line, when the sheet lacks a column that matters (and has rows)."""
    if not rows:
        return ""
    one = rows == 1
    every, come, are = ("its one row", "comes", "is") if one else (f"all {rows} rows", "come", "are")
    missing = []
    if "status" not in columns.found:
        missing.append(f"no status column: {every} {come} in as Applied")
    if "applied" not in columns.found:
        missing.append(f"no date column: {every} {are} taken as applied on the day of the import")
    return "; ".join(missing)


def import_sheet(board: Board, sheet: Sheet, today: dt.date, order: SlashOrder | None = None) -> Imported:
    """The board with a spreadsheet's rows brought in (see the module's docstring); `order`
    settles how slashed dates read (`--day-first`, `--month-first`)."""
    rows = sheet.rows
    if not rows or not any(_text(cell) for cell in rows[0]):
        raise ImportRefused("the file is empty, or its first line holds no headers")
    top = _header_row(rows)
    reading = _Rows([_text(cell) for cell in rows[top]], board, today)
    body = [
        (line, row)
        for line, row in zip(sheet.line_numbers[top + 1 :], rows[top + 1 :], strict=True)
        if any(_text(cell) for cell in row)
    ]
    dates = [value for _, row in body if isinstance(value := reading.cell(row, "applied"), str)]
    try:
        reading.order = slash_order(dates, today, order)
    except AmbiguousDates as error:
        raise ImportRefused(f"{error}; say which with --day-first or --month-first") from None
    columns = reading.columns
    said = columns.said() if top == 0 else f"(the headers on line {sheet.line_numbers[top]}) {columns.said()}"
    result = Imported(board, read_as=sheet.read_as, columns=said, warning=_warning(columns, len(body)))
    added: list[Card] = []
    for line, row in body:
        try:
            card = reading.card(row, result)
        except _Skipped as skipped:
            result.skipped.append((line, str(skipped)))
            continue
        except (ops.BoardError, ValueError) as error:
            result.skipped.append((line, describe_problem(error) if is_validation_error(error) else str(error)))
            continue
        if card is not None:
            added.append(card)
    result.added = len(added)
    result.board = board.replace(cards=board.cards + tuple(added))
    return result


HEADER_LOOK = 10
"""How many lines are looked at for the headers: a sheet may start with its title."""


def _header_row(rows: list[list[Cell]]) -> int:
    """The row of the headers: the first line, or the first of the `HEADER_LOOK` first
    lines with a company column when the first has none (a sheet that starts with its
    title, a date, a blank line). The first line when none has one: its error says so."""
    for index, row in enumerate(rows[:HEADER_LOOK]):
        if "company" in read_headers([_text(cell) for cell in row]).found:
            return index
    return 0


class _Skipped(ValueError):
    """A row left out, and why."""


class _Rows:
    """What a sheet's columns mean, and the cards its rows make."""

    def __init__(self, headers: list[str], board: Board, today: dt.date) -> None:
        own = [header.strip() for header in headers] == list(CSV_COLUMNS)
        self.columns = read_headers(headers, own=own)
        if "company" not in self.columns.found:
            raise ImportRefused(
                "no company column in the first line (a header such as Company, Company Name, Employer or Organization)"
            )
        self.noted = [index for index in self.columns.others if not (own and headers[index].strip() in OWN_DERIVED)]
        self.today = today
        self.order: SlashOrder | None = None
        self.known = {_key(card.company, card.role, card.applied) for card in board.cards}
        """The cards on the board (and those added), as duplicates are found."""
        self.known_undated = {_key(card.company, card.role, None) for card in board.cards}
        self.ids = {card.id for card in board.cards}
        self.statuses = _Statuses(today)

    def cell(self, row: list[Cell], what: str) -> Cell:
        index = self.columns.index(what)
        return row[index] if index is not None and index < len(row) else ""

    def card(self, row: list[Cell], result: Imported) -> Card | None:
        """The card a row makes; None for one already on the board (counted); `_Skipped`
        for a row that makes none."""
        width = len(row)
        said = {name: _text(row[index]) for name, index in self.columns.found.items() if index < width}
        company, role, status_said = said.get("company", ""), said.get("role", ""), said.get("status", "")
        if not company:
            raise _Skipped("no company")
        status = _status(status_said, said.get("outcome", ""))
        if status in NOT_APPLIED:
            raise _Skipped(f"not applied to yet (status {status_said!r})")
        applied = _applied_on(self.cell(row, "applied"), self.order, self.today) if said.get("applied") else None
        same = (company_key(company), words(role))
        if said.get("id", "").lower() in self.ids or (
            (*same, applied) in self.known if applied is not None else (*same, None) in self.known_undated
        ):
            result.unchanged += 1
            return None
        noted = [said.get("note", "")]
        meant = STATUSES.get(status)
        if meant is None:
            meant = _unknown_status(status)
            result.unknown.setdefault(meant[0], Counter())[status_said] += 1
            noted.append(f"Status: {status_said}")
        headers = self.columns.headers
        noted += [f"{headers[index]}: {text}" for index in self.noted if index < width and (text := _text(row[index]))]
        contact = Contact(
            name=said.get("contact", ""),
            email=said.get("email", ""),
            phone=said.get("phone", ""),
            title=said.get("contact_title", ""),
        )
        card = self.statuses.card(
            meant,
            applied or self.today,
            self.ids,
            company=company,
            role=role,
            link=said.get("link", ""),
            contact=contact,
            note="\n".join(part for part in noted if part),
        )
        self.ids.add(card.id)
        self.known.add((*same, applied or self.today))
        self.known_undated.add((*same, None))
        result.undated += applied is None
        return card


class _Statuses:
    """What taking a new card to each status adds to it, worked out once per status with the
    board's own operations on a card of its own, then given to every row of that status:
    the operations, run for each of 10,000 rows, took a third of an import's time. What they
    add depends on the status and the day of the import only (an interview the day before,
    an answer that day), never on the row, but for a row applied that very day (its
    interview is that day too)."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self._added: dict[tuple[Status, bool], dict[str, Any]] = {}

    def card(self, status: Status, applied: dt.date, ids: set[str], **fields: Any) -> Card:
        """A card of `fields` (see `ops.add_card`), with an id not in `ids`, in the column
        and with the answer of its `status`."""
        card = ops.add_card(Board(), applied=applied, **fields).card
        if card.id in ids:
            card = card.replace(id=ops.new_card_id(ids))
        same_day = applied == self.today  # no day before it to hold an interview on
        added = self._added.get((status, same_day))
        if added is None:
            added = self._added[(status, same_day)] = self._worked_out(card, status)
        if not added:
            return card
        timeline = added.get("timeline")
        return card.replace(**(added if timeline is None else {**added, "timeline": card.timeline + timeline}))

    def _worked_out(self, card: Card, status: Status) -> dict[str, Any]:
        """The fields the operations change on `card` to take it to `status`, and the
        events they add to its timeline."""
        stage, outcome, no_kind = status
        today, done = self.today, Board(cards=(card,))
        # The day before the import stands for the unknown day of the interview (held: the
        # board announces no interview today), the day of the import for the follow-up and the answer.
        if stage in (Stage.INTERVIEWED, Stage.FOLLOWED_UP):
            held = max(card.applied, today - dt.timedelta(days=1))
            done = ops.log_interview(done, card.id, on=held).board
        if stage is Stage.FOLLOWED_UP:
            done = ops.log_follow_up(done, card.id, on=today).board
        if outcome is not None:
            done = ops.resolve_card(done, card.id, outcome, on=today, no_kind=no_kind).board
        after = done.cards[0]
        added = {
            name: getattr(after, name)
            for name in Card.field_names()
            if name != "timeline" and getattr(after, name) != getattr(card, name)
        }
        if after.timeline != card.timeline:
            added["timeline"] = after.timeline[len(card.timeline) :]
        return added


def import_file(
    board: Board,
    name: str,
    data: bytes,
    today: dt.date,
    *,
    sheet: str | None = None,
    order: SlashOrder | None = None,
) -> Imported:
    """The board with the file's applications brought in (see the module's docstring):
    `data` are the bytes of the file called `name`; `sheet` names a workbook's sheet, and
    `order` settles how its slashed dates read."""
    if name.lower().endswith(".json") or data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused("is not UTF-8 text, as a fu-board JSON export is") from None
        return import_json(board, text)
    try:
        read = read_sheet(name, data, sheet)
    except SheetUnreadable as error:
        raise ImportRefused(str(error)) from None
    return import_sheet(board, read, today, order)

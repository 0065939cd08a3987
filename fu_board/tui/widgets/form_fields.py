"""Labelled one-line fields that check themselves as the person types."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label

from fu_board.model import Channel, DateOutOfRange, Interview, InterviewKind, parse_date
from fu_board.text import visible
from fu_board.tui.textual_internals import refill


def text(value: str) -> str:
    return value.strip()


def required(value: str) -> str:
    if not value.strip():
        raise ValueError("required")
    return value.strip()


def date(value: str) -> dt.date:
    try:
        return parse_date(value)
    except DateOutOfRange as problem:
        raise ValueError(str(problem)) from None
    except ValueError:
        raise ValueError("a date like 2026-11-25") from None


def optional_date(value: str) -> dt.date | None:
    return date(value) if value.strip() else None


def date_until(today: dt.date) -> Callable[[str], dt.date]:
    """A date that is not in the future: an application cannot be sent tomorrow."""

    def parse(value: str) -> dt.date:
        day = date(value)
        if day > today:
            raise ValueError(f"{day.isoformat()} is in the future (today is {today.isoformat()})")
        return day

    return parse


def channel(value: str) -> Channel | None:
    """email, phone, linkedin, in person or other; a first letter is enough; blank for none."""
    wanted = value.strip().lower().replace("-", " ").replace("_", " ")
    if not wanted:
        return None
    for option in Channel:
        if option.label.lower().startswith(wanted):
            return option
    raise ValueError("email, phone, linkedin, in person or other (a first letter is enough)")


def names(value: str) -> tuple[str, ...]:
    """Comma-separated names."""
    return tuple(name.strip() for name in value.split(",") if name.strip())


_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def clock_time(value: str) -> str:
    """A time of day, `14:00` (`9:30` is 09:30); blank for none."""
    if not value.strip():
        return ""
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise ValueError("a time like 09:30 or 14:00 (24-hour), or blank")
    return f"{int(match[1]):02d}:{match[2]}"


KIND_HINT = ", ".join(kind.label for kind in InterviewKind)


def interview_kind(value: str) -> InterviewKind | None:
    """phone screen, video, technical, onsite, final or other; a first letter is enough; blank for none."""
    wanted = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if not wanted:
        return None
    for kind in InterviewKind:
        if kind.label.startswith(wanted):
            return kind
    raise ValueError(f"{KIND_HINT} (a first letter is enough)")


def interviews(value: str) -> tuple[Interview, ...]:
    """`2026-12-08 14:00 onsite with Ana Lee, Bo Chen; 2026-11-11`: each interview's date, then
    its time and kind when known, and who was there."""
    found = []
    for part in value.split(";"):
        if not part.strip():
            continue
        head, _, people = part.strip().partition(" with ")
        day, *rest = head.split()
        try:
            on = parse_date(day)
        except DateOutOfRange:
            raise
        except ValueError:
            raise ValueError(f"{day.strip()!r} is not a date like 2026-11-25 (interviews are separated by ;)") from None
        time = ""
        if rest and _TIME.fullmatch(rest[0]):
            time = clock_time(rest.pop(0))
        try:
            kind = interview_kind(" ".join(rest))
        except ValueError:
            raise ValueError(f"after the date and time, the kind: {KIND_HINT}") from None
        found.append(Interview(date=on, time=time, kind=kind, interviewers=names(people)))
    return tuple(found)


def interviews_text(value: tuple[Interview, ...]) -> str:
    """The text `interviews` reads back."""
    parts = []
    for interview in value:
        words = [interview.date.isoformat(), interview.time, interview.kind.label if interview.kind else ""]
        text = " ".join(word for word in words if word)
        parts.append(text + (f" with {', '.join(interview.interviewers)}" if interview.interviewers else ""))
    return "; ".join(parts)


def keep_details(typed: tuple[Interview, ...], before: tuple[Interview, ...]) -> tuple[Interview, ...]:
    """The interviews as typed in one line, each keeping what that line does not show (its
    number, place and note): those of the interview it was (the one of the same day, else the
    one in its place). A line that was no interview before gets its number when the card is
    checked."""
    unused = list(before)
    kept = []
    for index, interview in enumerate(typed):
        same = next((old for old in unused if old.date == interview.date), None)
        if same is None and index < len(before) and before[index] in unused:
            same = before[index]
        if same is not None:
            unused.remove(same)
        kept.append(interview if same is None else interview.replace(id=same.id, where=same.where, note=same.note))
    return tuple(kept)


@dataclass(frozen=True)
class Field:
    """One field of a form: its key, label and how its text becomes a value."""

    name: str
    label: str
    parse: Callable[[str], Any] = text
    placeholder: str = ""


class FormFields(Grid):
    """A grid of fields. Enter moves to the next field; on the last one it submits."""

    @dataclass
    class Submitted(Message):
        """Enter was pressed on the last field."""

        form: FormFields

    def __init__(
        self,
        fields: Sequence[Field],
        values: Mapping[str, str],
        *,
        hidden: Sequence[Field] = (),
        id: str | None = None,
    ) -> None:
        """Enter moves to the next field and submits on the last, in every form.
        `hidden`: more rows, built but not shown, that `show` can bring in later."""
        super().__init__(id=id)
        self.fields = fields
        self.initial = values
        self.hidden = hidden
        self._edited: set[str] = set()
        self._rows: dict[str, tuple[Label, Input, Label]] = {}
        """Each row's label, input and problem, by field name."""

    def compose(self) -> ComposeResult:
        for field in (*self.fields, *self.hidden):
            yield from self._row(field, shown=field not in self.hidden)

    def _row(self, field: Field, *, shown: bool) -> tuple[Label, Input, Label]:
        """A field's label, input and problem, kept by the field's name."""
        label = Label(field.label, classes="field-label")
        widget = Input(
            self.initial.get(field.name, ""),
            placeholder=field.placeholder,
            id=f"field-{field.name}",
            compact=True,
            select_on_focus=False,
        )
        if not shown:
            label.display = widget.display = False
        self._rows[field.name] = (label, widget, Label("", classes="field-error", id=f"error-{field.name}"))
        return self._rows[field.name]

    def show(self, fields: Sequence[Field], values: Mapping[str, str]) -> None:
        """Show `fields` with `values`, as a new form would: nothing edited, no problem shown,
        each cursor after its text and each text seen from its start. The other rows are
        hidden; a field with no row yet (a card's third contact) gets one, after the row of
        the field before it. So one form serves card after card: building it was most of
        the time a card took to open."""
        self.fields = fields
        self.initial = values
        self._edited.clear()
        before: Label | None = None
        for field in fields:
            if field.name not in self._rows:
                row = self._row(field, shown=True)
                if before is None:
                    self.mount_all(row, before=0)
                else:
                    self.mount_all(row, after=before)
            before = self._rows[field.name][2]
        names = {field.name for field in fields}
        # Only what differs is changed: an untouched widget keeps the lines it already drew.
        for name, (label, widget, error) in self._rows.items():
            if label.display != (name in names):
                label.display = widget.display = name in names
            if error.display or error.content:
                error.display = False
                error.update("")
            widget.remove_class("-invalid")
            refill(widget, values.get(name, ""))

    def input(self, name: str) -> Input:
        return self._rows[name][1]

    def check(self, field: Field) -> tuple[bool, Any]:
        """Parse one field, showing its problem beside it; (ok, value)."""
        _, widget, error = self._rows[field.name]
        try:
            value = field.parse(widget.value)
        except ValueError as problem:
            widget.add_class("-invalid")
            error.update(Content(visible(f"{field.label.lower()}: {problem}", one_line=True)))
            error.display = True
            return False, None
        widget.remove_class("-invalid")
        error.display = False
        return True, value

    def values(self) -> dict[str, Any] | None:
        """Every field's value, or None (with the problems shown) if any is wrong."""
        values: dict[str, Any] = {}
        first_bad: Input | None = None
        for field in self.fields:
            ok, value = self.check(field)
            if ok:
                values[field.name] = value
            elif first_bad is None:
                first_bad = self.input(field.name)
        if first_bad is not None:
            first_bad.focus()
            return None
        return values

    def raw_values(self) -> dict[str, str]:
        return {field.name: self.input(field.name).value for field in self.fields}

    def changed(self) -> bool:
        """Whether any field differs from what it showed at first."""
        return self.raw_values() != {field.name: self.initial.get(field.name, "") for field in self.fields}

    def _field(self, input_id: str | None) -> Field | None:
        """The field of an input, or None for a hidden row (its value is not read)."""
        return next((field for field in self.fields if f"field-{field.name}" == input_id), None)

    @on(Input.Changed)
    def _check_as_typed(self, event: Input.Changed) -> None:
        event.stop()
        field = self._field(event.input.id)
        # Say nothing about a field until the person has changed it.
        if field is not None and (field.name in self._edited or event.value != self.initial.get(field.name, "")):
            self._edited.add(field.name)
            self.check(field)

    @on(Input.Submitted)
    def _next_or_submit(self, event: Input.Submitted) -> None:
        """Enter saves (a small dialog, or the last field), or moves on; never past a field
        that is wrong (an empty company), which would send what is typed next one field
        down. Tab moves on regardless."""
        event.stop()
        if event.input.id == f"field-{self.fields[-1].name}":
            self.post_message(self.Submitted(self))
            return
        field = self._field(event.input.id)
        if field is not None:
            self._edited.add(field.name)
            if not self.check(field)[0]:
                return
        self.screen.focus_next()

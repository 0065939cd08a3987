"""Labelled one-line fields that check themselves as the person types."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label

from fu_board.field_text import text
from fu_board.text import visible
from fu_board.tui.textual_internals import refill


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

"""A card opened: every detail editable, and its whole history below."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual, Visual
from textual.widgets import Input, Label, Static, TextArea

from fu_board.counts import days_since_touch
from fu_board.model import Card, Contact, Event, EventKind
from fu_board.text import visible
from fu_board.tui.screens.form_screen import AskingScreen
from fu_board.tui.widgets.card_column import days_ago
from fu_board.tui.widgets.form_fields import (
    Field,
    FormFields,
    date_until,
    interviews,
    interviews_text,
    optional_date,
    required,
)


def every_detail_field(today: dt.date) -> tuple[Field, ...]:
    """Every field a card can have; the date of its answer, which only a resolved card has, last."""
    return (
        Field("company", "Company", required),
        Field("role", "Role"),
        Field("link", "Link"),
        Field("contact_name", "Contact"),
        Field("contact_title", "Their title"),
        Field("contact_email", "Email"),
        Field("contact_phone", "Phone"),
        Field("applied", "Applied", date_until(today), "YYYY-MM-DD"),
        Field("interviews", "Interviews", interviews, "2026-11-05 with Ana Lee, Bo Chen; 2026-11-11"),
        Field("decision_expected", "Decision by", optional_date, "YYYY-MM-DD, when they said they would decide"),
        Field("resolved_on", "Answer on", date_until(today), "YYYY-MM-DD"),
    )


def detail_fields(card: Card, today: dt.date) -> tuple[Field, ...]:
    """The fields of an opened card; a resolved card also has the date of its answer."""
    fields = every_detail_field(today)
    return fields if card.is_resolved else fields[:-1]


def shown_values(card: Card) -> dict[str, str]:
    """What the fields show at first. Control characters become visible symbols,
    so what is on screen is safe; a field left as shown keeps its stored text."""
    contact = card.contact or Contact()
    values = {
        "company": card.company,
        "role": card.role,
        "link": card.link,
        "contact_name": contact.name,
        "contact_title": contact.title,
        "contact_email": contact.email,
        "contact_phone": contact.phone,
        "applied": card.applied.isoformat(),
        "interviews": interviews_text(card.interviews),
        "decision_expected": card.decision_expected.isoformat() if card.decision_expected else "",
        "resolved_on": card.resolved_on.isoformat() if card.resolved_on else "",
    }
    return {name: visible(value, one_line=True) for name, value in values.items()}


CONTACT_FIELDS = {"contact_name": "name", "contact_title": "title", "contact_email": "email", "contact_phone": "phone"}


def event_line(event: Event) -> Content:
    """One timeline entry: the date, what happened, and the note."""
    if event.kind is EventKind.RESOLVED and event.outcome is not None:
        what = f"resolved: {event.outcome.symbol} {event.outcome.value}"
        if event.no_kind is not None:
            what += f" ({event.no_kind.label})"
    elif event.to is not None:
        what = f"{event.kind.label} to {event.to.label}"
    else:
        what = event.kind.label
    parts: list[str | tuple[str, str]] = [(event.date.isoformat(), "dim"), "  ", (what, "bold")]
    if event.note:
        parts += ["  ", visible(event.note)]
    if event.card is not None:
        parts += ["  ", (f"→ card {event.card}", "$text-accent")]
    return Content.assemble(*parts)


def timeline_content(card: Card, today: dt.date) -> Content:
    lines: list[Content] = [
        Content.assemble(
            ("Stage ", "bold"),
            card.stage.label + (f": {card.outcome.symbol} {card.outcome.value}" if card.outcome else ""),
            ("   last touch ", "bold"),
            days_ago(days_since_touch(card, today)),
            ("   id ", "bold"),
            card.id,
        )
    ]
    lines.append(Content.styled("Timeline, newest first", "bold $text-primary"))
    lines.extend(event_line(event) for event in reversed(card.timeline))
    return Content("\n").join(lines)


class DimmedScreen(Visual):
    """The screen below a modal one, tinted: what Textual's `BackgroundScreen` draws,
    the same segments in the same styles, in about a third of the time. Like it, it
    renders the screen below (its `_compositor`, as `BackgroundScreen` does); then it
    tints each style once, where Rich tints every segment and joins the lines into one
    stream only to split them again. Anything unusual (a line of another width, a line
    break or a control code in a segment, no style of its own) is left to Textual."""

    def __init__(self, widget: Screen[Any], background: BackgroundScreen) -> None:
        self.below = background.screen
        self.color = background.color
        self.textual = RichVisual(widget, background)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        base = style.rich_style
        lines = self.below._compositor.render_strips()[:height]
        if not base or any(line.cell_length != width for line in lines):
            return self.textual.render_strips(width, height, style, options)
        tinted: dict[RichStyle | None, RichStyle] = {}
        strips = []
        for line in lines:
            segments = []
            for text, segment_style, control in line:
                if control or "\n" in text:
                    return self.textual.render_strips(width, height, style, options)
                final = tinted.get(segment_style)
                if final is None:
                    final = tinted[segment_style] = base + self.tint(segment_style)
                segments.append(Segment(text, final))
            strips.append(Strip(segments, width))
        return strips

    def tint(self, style: RichStyle | None) -> RichStyle:
        """`BackgroundScreen.process_segments` for one style."""
        plain = RichStyle() if style is None else style.clear_meta_and_links()
        if self.color.a == 0:
            return plain
        color = None if plain.color is None else (Color.from_rich_color(plain.color) + self.color).rich_color
        bgcolor = None if plain.bgcolor is None else (Color.from_rich_color(plain.bgcolor) + self.color).rich_color
        return plain + RichStyle.from_color(color, bgcolor)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.textual.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.textual.get_height(rules, width)


class CardScreen(AskingScreen):
    """Returns the edited fields (ctrl+s), or None when closed without saving.

    An app builds one and shows it again for every card opened (`show`, from
    `CardActions.card_screen`): building its widgets took about half of the 75 ms
    from enter to the card on screen."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Close"),
    ]
    UNSAVED = "Unsaved changes: ctrl+s saves them, escape again throws them away."
    UNSAVED_SEVERITY = "warning"
    REFUSED_HINT = "Change it, or escape twice to throw the edit away."
    AUTO_FOCUS = ""
    """No automatic focus: `_focus_first` gives it. Textual's own pick, the first widget that
    takes it (the scrolling body), restyled the whole form only for the focus to move on."""

    def __init__(self, card: Card, today: dt.date, *, read_only: bool = False) -> None:
        """`read_only`: shown to look at, nothing can be typed (a board that must not be saved)."""
        super().__init__()
        self.card = card
        self.today = today
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        card = self.card
        fields = detail_fields(card, self.today)
        with Vertical(classes="dialog wide"):
            yield Label(self._title(), classes="dialog-title")
            with VerticalScroll():
                # Every row, the answer's date hidden for an open card, so the next card opened can use them.
                yield FormFields(fields, shown_values(card), hidden=every_detail_field(self.today)[len(fields) :])
                yield Label("Note", classes="field-label")
                yield TextArea(
                    visible(card.note),
                    id="note",
                    soft_wrap=True,
                    tab_behavior="focus",
                    compact=True,
                    read_only=self.read_only,
                )
                yield Static(timeline_content(card, self.today), id="timeline")
            yield Static(self._hint(), classes="hint")

    def render(self) -> RenderResult:  # type: ignore[override]  # a Visual, as any widget may return; Screen says less
        """The board behind, dimmed as by any modal screen, only sooner (`DimmedScreen`)."""
        background = super().render()
        return DimmedScreen(self, background) if isinstance(background, BackgroundScreen) else background

    def _title(self) -> Content:
        return Content.assemble((visible(self.card.company, one_line=True), "bold"), "  ", self.card.id)

    def _hint(self) -> str:
        if self.read_only:
            return "read-only · escape: close"
        return "ctrl+s: save and close · escape: close · tab: next field"

    def on_mount(self) -> None:
        if self.read_only:
            self._lock_inputs()
        self._focus_first()

    def _focus_first(self) -> None:
        """The company; on a read-only board, where no field takes it, the scrolling body."""
        body = self.query_one(VerticalScroll)
        self.set_focus(body if self.read_only else self.query_one(FormFields).input("company"))

    def _lock_inputs(self) -> None:
        """Disabled on a read-only board, so nothing can be typed; enabled otherwise."""
        for widget in self.query_one(FormFields).query(Input):
            widget.disabled = self.read_only

    def show(self, card: Card, today: dt.date, *, read_only: bool) -> None:
        """Show `card` in this screen, closed before, exactly as a new screen would: its
        values and nothing typed, no problem shown, every cursor and scroll where a new
        one starts, the focus where `_focus_first` puts it. The title, timeline and hint
        are left alone when they would not change, so their lines need not be drawn again."""
        same = card is self.card and (today, read_only) == (self.today, self.read_only)
        self.card = card
        self.today = today
        self.read_only = read_only
        self._warned = False
        fields = self.query_one(FormFields)
        fields.show(detail_fields(card, today), shown_values(card))
        self._lock_inputs()
        note = self.query_one(TextArea)
        note.set_reactive(TextArea.read_only, read_only)  # as its constructor sets it: no `-read-only` class
        note.load_text(visible(card.note))  # and forgets the undo history, cursor and scroll at the start
        if not same:
            self.query_one(".dialog-title", Label).update(self._title())
            self.query_one("#timeline", Static).update(timeline_content(card, today))
            self.query_one(".hint", Static).update(self._hint())
        self.query_one(VerticalScroll).scroll_to(0, 0, animate=False, immediate=True)
        self.clear_selection()
        self.maximized = None  # not `minimize()`: that scrolls to the widget focused last time
        self._focus_first()

    def has_typed_changes(self) -> bool:
        """Whether quitting now would lose something typed here."""
        return bool(self._edited() or self._note_edited())

    def _edited(self) -> dict[str, str]:
        """The fields the person changed, as typed."""
        shown = shown_values(self.card)
        return {name: value for name, value in self.query_one(FormFields).raw_values().items() if value != shown[name]}

    def _note_edited(self) -> bool:
        return self.query_one(TextArea).text != visible(self.card.note)

    def action_save(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        values = self.query_one(FormFields).values()
        if values is None:
            return
        edited = self._edited()
        changes = {name: values[name] for name in edited if name not in CONTACT_FIELDS}
        if edited.keys() & CONTACT_FIELDS.keys():
            contact = (self.card.contact or Contact()).replace(
                **{CONTACT_FIELDS[name]: values[name] for name in edited if name in CONTACT_FIELDS}
            )
            changes["contacts"] = (contact, *self.card.contacts[1:])
        if self._note_edited():
            changes["note"] = self.query_one(TextArea).text
        if changes:
            self.answer(changes)
        else:
            self.dismiss(changes)

    def on_form_fields_submitted(self, _: FormFields.Submitted) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        self.close()

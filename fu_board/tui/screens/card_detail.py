"""A card opened: every detail editable, and its whole history below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import App, ComposeResult, RenderResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual, Visual
from textual.widgets import Input, Label, Static, TextArea

from fu_board import board as ops
from fu_board.counts import days_since_touch
from fu_board.drafts import card_draft
from fu_board.field_text import date_until, interviews, interviews_text, keep_details, optional_date, required
from fu_board.history import describe
from fu_board.model import Card, Contact, Event, EventKind, event_label
from fu_board.rules import clock, is_held, owed_thank_yous
from fu_board.text import visible
from fu_board.tui.card_actions import CardActions
from fu_board.tui.outside import open_link
from fu_board.tui.screens.form_screen import AskingScreen
from fu_board.tui.session_app import run_flow, session_of
from fu_board.tui.textual_internals import BackgroundScreen, composited_lines
from fu_board.tui.widgets.card_column import days_ago
from fu_board.tui.widgets.form_fields import Field, FormFields

CARD_SCREEN = "card"
"""The name the app's card screen is installed under."""


CONTACT_PARTS = (("name", "Contact"), ("title", "Their title"), ("email", "Email"), ("phone", "Phone"))
"""Each contact's fields, and their labels."""
ADD_CONTACT = "contact_new"
"""The field whose name adds a contact (shown once the card has one)."""


def contact_field(number: int, part: str) -> str:
    """The field of one part of the card's contact `number` (from 1): `contact_email` for
    the first's, `contact2_email` for the second's."""
    return f"contact{number if number > 1 else ''}_{part}"


def contact_fields(count: int) -> tuple[Field, ...]:
    """Four rows for each of `count` contacts (four empty ones for none), then, when there
    is one, a row to add another."""
    fields = [
        Field(contact_field(number, part), f"Contact {number}" if number > 1 and part == "name" else label)
        for number in range(1, max(count, 1) + 1)
        for part, label in CONTACT_PARTS
    ]
    if count:
        fields.append(
            Field(ADD_CONTACT, "Add contact", placeholder="a name adds one; clear a contact's rows to remove it")
        )
    return tuple(fields)


def every_detail_field(today: dt.date, contacts: int = 1) -> tuple[Field, ...]:
    """Every field a card with `contacts` contacts can have; the date of its answer, which
    only a resolved card has, last."""
    return (
        Field("company", "Company", required),
        Field("role", "Role"),
        Field("link", "Link"),
        *contact_fields(contacts),
        Field("applied", "Applied", date_until(today), "YYYY-MM-DD"),
        Field("interviews", "Interviews", interviews, "2026-11-05 14:00 onsite with Ana Lee, Bo Chen; 2026-11-11"),
        Field("decision_expected", "Decision by", optional_date, "YYYY-MM-DD, when they said they would decide"),
        Field("resolved_on", "Answer on", date_until(today), "YYYY-MM-DD"),
    )


def detail_fields(card: Card, today: dt.date) -> tuple[Field, ...]:
    """The fields of an opened card: its contacts', and, for a resolved card, the date of its answer."""
    fields = every_detail_field(today, len(card.contacts))
    return fields if card.is_resolved else fields[:-1]


def shown_values(card: Card) -> dict[str, str]:
    """What the fields show at first. Control characters become visible symbols,
    so what is on screen is safe; a field left as shown keeps its stored text."""
    values = {
        "company": card.company,
        "role": card.role,
        "link": card.link,
        ADD_CONTACT: "",
        "applied": card.applied.isoformat(),
        "interviews": interviews_text(card.interviews),
        "decision_expected": card.decision_expected.isoformat() if card.decision_expected else "",
        "resolved_on": card.resolved_on.isoformat() if card.resolved_on else "",
    }
    for number, contact in enumerate(card.contacts or (Contact(),), start=1):
        for part, _ in CONTACT_PARTS:
            values[contact_field(number, part)] = getattr(contact, part)
    return {name: visible(value, one_line=True) for name, value in values.items()}


def edited_contacts(card: Card, edited: dict[str, str], values: dict[str, Any]) -> tuple[Contact, ...] | None:
    """The card's contacts with the rows the person `edited` (as typed; `values` as read):
    each contact keeps the text of every row left as shown; one whose rows were all
    cleared is gone (`ops.edit_card` leaves out an empty contact), and a name typed in
    the row to add one is a new contact. None when no contact row was edited."""
    if not any(name.startswith("contact") for name in edited):
        return None
    contacts = []
    for number, contact in enumerate(card.contacts or (Contact(),), start=1):
        changed = {
            part: values[contact_field(number, part)]
            for part, _ in CONTACT_PARTS
            if contact_field(number, part) in edited
        }
        contacts.append(contact.replace(**changed))
    if values.get(ADD_CONTACT):
        contacts.append(Contact(name=values[ADD_CONTACT]))
    return tuple(contacts)


def event_line(event: Event, today: dt.date | None = None) -> Content:
    """One timeline entry: the date, what happened, and the note. An interview dated after
    `today` reads "interview scheduled"; on its day, "interview today"."""
    if event.kind is EventKind.RESOLVED and event.outcome is not None:
        what = f"resolved: {event.outcome.symbol} {event.outcome.value}"
        if event.no_kind is not None:
            what += f" ({event.no_kind.label})"
    elif event.to is not None:
        what = f"{event.kind.label} to {event.to.label}"
    else:
        what = event_label(event, today)
    if event.person:
        what += f" to {visible(event.person, one_line=True)}"
    parts: list[str | tuple[str, str]] = [(event.date.isoformat(), "dim"), "  ", (what, "bold")]
    if event.note:
        parts += ["  ", visible(event.note)]
    if event.card is not None:
        parts += ["  ", (f"→ card {event.card}", "$text-accent")]
    return Content.assemble(*parts)


def owed_line(card: Card, today: dt.date, now: dt.time | None = None) -> Content | None:
    """ "Thank-yous owed: Monica Hall, Richard Roe · ctrl+t logs one", while any is."""
    owed = [person or "your contact" for person, _ in owed_thank_yous(card, today, clock(now))]
    if not owed:
        return None
    noun = "Thank-you owed" if len(owed) == 1 else "Thank-yous owed"
    return Content.assemble(
        (f"{noun}: ", "bold $text-warning"),
        visible(", ".join(owed), one_line=True),
        " · ",
        ("ctrl+t", "bold $text-accent"),
        " logs one sent",
    )


def interview_lines(card: Card, today: dt.date, now: dt.time | None = None) -> list[Content]:
    """Each interview, the latest first: when, what kind, where, with whom, and the debrief
    (what the one-line field above cannot show)."""
    lines: list[Content] = []
    for interview in sorted(card.interviews, key=lambda i: (i.date, i.time), reverse=True):
        state = " (scheduled)" if not is_held(interview, today, clock(now)) else ""
        parts: list[str | tuple[str, str]] = [(interview.when, "bold"), f" {interview.what}{state}"]
        if interview.where:
            parts.append(" · " + visible(interview.where, one_line=True))
        if interview.interviewers:
            parts.append(" · with " + visible(", ".join(interview.interviewers), one_line=True))
        lines.append(Content.assemble(*parts))
        if interview.note:
            lines.append(Content.styled("  " + visible(interview.note, one_line=True), "italic"))
    return lines


def timeline_content(card: Card, today: dt.date, now: dt.time | None = None) -> Content:
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
    owed = owed_line(card, today, now)
    if owed is not None:
        lines.append(owed)
    if any(interview.where or interview.note or interview.kind for interview in card.interviews):
        lines.append(Content.styled("Interviews", "bold $text-primary"))
        lines.extend(interview_lines(card, today, now))
    lines.append(Content.styled("Timeline, newest first", "bold $text-primary"))
    lines.extend(event_line(event, today) for event in reversed(card.timeline))
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
        lines = composited_lines(self.below)[:height]
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
        Binding("ctrl+t", "thank", "Thank-you sent", tooltip="log a thank-you sent to one of the interviewers"),
        Binding("ctrl+o", "mail", "Mail", tooltip="write the message it asks for next in your mail program"),
        Binding("ctrl+l", "open_link", "Link", show=False, tooltip="open the card's link (the posting) in the browser"),
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
        self._drawn_at: dt.time | None = None
        """The time of day the timeline was drawn for (what is owed changes when an interview begins)."""

    def compose(self) -> ComposeResult:
        card = self.card
        fields = detail_fields(card, self.today)
        shown = {field.name for field in fields}
        with Vertical(classes="dialog wide"):
            yield Label(self._title(), classes="dialog-title")
            with VerticalScroll():
                # The answer's date hidden for an open card, so the next card opened can use it.
                hidden = [field for field in every_detail_field(self.today, 0) if field.name not in shown]
                yield FormFields(fields, shown_values(card), hidden=hidden)
                yield Label("Note", classes="field-label")
                yield TextArea(
                    visible(card.note),
                    id="note",
                    soft_wrap=True,
                    tab_behavior="focus",
                    compact=True,
                    read_only=self.read_only,
                )
                self._drawn_at = self.now
                yield Static(timeline_content(card, self.today, self.now), id="timeline")
            yield Static(self._hint(), classes="hint")

    @property
    def now(self) -> dt.time | None:
        """The time of day the app's rules see: an interview later today has nobody to thank yet."""
        return session_of(self).now

    def render(self) -> RenderResult:  # type: ignore[override]  # a Visual, as any widget may return; Screen says less
        """The board behind, dimmed as by any modal screen, only sooner (`DimmedScreen`)."""
        background = super().render()
        return DimmedScreen(self, background) if isinstance(background, BackgroundScreen) else background

    def _title(self) -> Content:
        return Content.assemble((visible(self.card.company, one_line=True), "bold"), "  ", self.card.id)

    def _hint(self) -> str:
        if self.read_only:
            return "read-only · escape: close"
        return "enter: next field · ctrl+s: save and close · escape: close"

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
        same = card is self.card and (today, read_only, self.now) == (self.today, self.read_only, self._drawn_at)
        self._drawn_at = self.now
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
            self.query_one("#timeline", Static).update(timeline_content(card, today, self.now))
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
        changes = {name: values[name] for name in edited if not name.startswith("contact")}
        if "interviews" in changes:  # the line shows no place or note: each interview keeps its own
            changes["interviews"] = keep_details(changes["interviews"], self.card.interviews)
        contacts = edited_contacts(self.card, edited, values)
        if contacts is not None:
            changes["contacts"] = contacts
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

    def action_thank(self) -> None:
        """Log a thank-you sent (asking to whom, when several are owed); the card's timeline
        shows it at once, and what was typed in the fields stays as it is."""
        if self.read_only:
            self.notify("Read-only: nothing can be logged here.", severity="warning")
            return
        if not owed_thank_yous(self.card, self.today, clock(self.now)):
            self.notify("No thank-you is owed on this card.")
            return
        run_flow(self, self._logged(CardActions(self).thank_you(self.card)), "thank-you")

    def action_mail(self) -> None:
        """The message the card asks for next, in the mail program (`m` in the review; here
        a letter would be typed); then, as there, "sent?": `y` logs it."""
        session = session_of(self)
        draft = card_draft(self.card, session.board.settings, self.today, now=self.now)
        closing = draft is not None and draft.template == "after_silence"  # a note for after the no
        flow = CardActions(self).mail(
            self.card,
            draft,
            instead=f"fu-board draft {self.card.id} --mailto prints the message as a mailto: link.",
            ask=not (self.read_only or self.card.is_resolved or closing),  # a reply to a no: nothing to log
        )
        run_flow(self, self._logged(flow), "mail")

    def action_open_link(self) -> None:
        open_link(self.app, self.card)

    async def _logged(self, flow: Awaitable[ops.Change | None]) -> None:
        """After a flow that logs on this card: its timeline as it is now, and what was logged."""
        change = await flow
        if change is None:
            return
        self.card = change.card
        self.query_one("#timeline", Static).update(timeline_content(change.card, self.today, self.now))
        self.notify(f"Logged: {describe(change)}.")


def card_screen(app: App[Any], card: Card, today: dt.date, *, read_only: bool) -> CardScreen:
    """The app's card screen, showing `card`. Built when the first card is opened and kept
    (installed) for the next ones: building it is about half the time a card takes to open."""
    if not app.is_screen_installed(CARD_SCREEN):
        screen = CardScreen(card, today, read_only=read_only)
        app.install_screen(screen, CARD_SCREEN)
        return screen
    kept = app.get_screen(CARD_SCREEN)
    if not isinstance(kept, CardScreen) or kept in app.screen_stack:
        return CardScreen(card, today, read_only=read_only)  # already open: a second one, used once
    kept.show(card, today, read_only=read_only)
    return kept


async def edit_card(actions: CardActions, card: Card) -> ops.Change | None:
    """`enter`: the card opened, every detail editable; ctrl+s saves what was changed."""
    session = actions.session
    screen = card_screen(actions.app, card, session.today, read_only=session.read_only is not None)
    return await actions.ask(screen, lambda values: lambda b: ops.edit_card(b, card.id, on=session.today, **values))

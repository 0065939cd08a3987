"""What a person can log on a card, shared by the board and the daily review.

Each method asks what it needs in a dialog, runs the pure board operation
through the app (which saves at once), and calls `done` with the change. A
cancelled dialog or a refused operation calls nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.app import App
from textual.content import Content

from fu_board import board as ops
from fu_board.drafts import Draft, after_no_draft, after_no_message
from fu_board.model import Board, Card, Channel, Contact, NoKind, Outcome
from fu_board.progress import no_greeting, yes_celebration
from fu_board.rules import clock, owed_thank_yous
from fu_board.text import visible

if TYPE_CHECKING:
    from fu_board.tui.app import FuBoardApp
    from fu_board.tui.screens.card_detail import CardScreen
    from fu_board.tui.screens.form_screen import AskingScreen

DIALOGS = (
    "fu_board.tui.screens.after_no",
    "fu_board.tui.screens.card_detail",
    "fu_board.tui.screens.card_form",
    "fu_board.tui.screens.choose",
    "fu_board.tui.screens.log_forms",
)
"""The dialogs' modules: imported when first opened, or by `preload_dialogs` (the board
is drawn without them, 20 ms sooner)."""

Done = Callable[[ops.Change], None]
Operation = Callable[[Board], ops.Change]
CARD_SCREEN = "card"
"""The name the app's card screen is installed under."""
F = TypeVar("F", bound=Callable[..., None])


def preload_dialogs() -> None:
    """Import every dialog now, for a program that has time to spare (see `DIALOGS`)."""
    for name in DIALOGS:
        importlib.import_module(name)


def writes(method: F) -> F:
    """An action that changes the board: refused, with a notice, before any dialog opens
    when the board is read-only (a newer schema, or a backup being looked at)."""

    @functools.wraps(method)
    def guarded(self: CardActions, *args: Any, **kwargs: Any) -> None:
        if not self.app.refuse_read_only():
            method(self, *args, **kwargs)

    return cast("F", guarded)


def card_title(card: Card, verb: str) -> Content:
    """`Follow-up with Acme (Backend Engineer)`: a dialog's title, the company in bold."""
    role = f" ({visible(card.role, one_line=True)})" if card.role else ""
    return Content.assemble(verb, (visible(card.company, one_line=True), "bold"), role)


def open_outside(app: App[Any], url: str, instead: str) -> bool:
    """Open `url` through Textual (the browser, or for a `mailto:` the mail program), where
    the person can see it: when the app is served on the web, or with a desktop here. Over
    ssh, or on a console, Python's `webbrowser` would start a text browser inside this very
    terminal; then it says so, and `instead` (what to do), and opens nothing."""
    from fu_board.clipboard import has_desktop

    if app.is_web or has_desktop(os.environ):
        app.open_url(url)
        return True
    app.notify(f"No desktop here to open it on (over ssh, or a console): {instead}", severity="warning", markup=False)
    return False


def open_link(app: FuBoardApp, card: Card) -> None:
    """`O`: the card's link (the posting) in the browser (see `open_outside`)."""
    link = card.link.strip()
    if not link.lower().startswith(("http://", "https://")):
        words = "This card has no link" if not link else "The card's link is not a web address (http or https)"
        app.notify(f"{words}: e adds one.", markup=False)
        return
    if open_outside(app, link, "the link is on the card (enter opens it)."):
        app.notify("Opening the card's link in your browser.", timeout=3)


class CardActions:
    """The dialogs and operations behind f, t, i, s, y, x, w and editing."""

    def __init__(self, app: FuBoardApp) -> None:
        self.app = app

    @property
    def today(self) -> dt.date:
        return self.app.today

    def run(self, operation: Operation, done: Done) -> None:
        change = self.app.apply(operation)
        if change is not None:
            done(change)

    def ask(
        self,
        form: AskingScreen,
        operation: Callable[[dict[str, Any]], Operation],
        done: Done,
        cancelled: Callable[[], None] = lambda: None,
    ) -> None:
        """Open `form`; the values it returns become `operation(values)`, run on the board
        (`cancelled` is called when the form is closed without them).

        A change the board would refuse (an interview dated before the application, a
        decision before the interview) is refused while the form is still open, saying
        why, so that nothing typed there is lost."""

        def refused(values: dict[str, Any]) -> str | None:
            try:
                operation(values)(self.app.board)
            except ops.BoardError as error:
                return str(error)
            return None

        def answered(values: dict[str, Any] | None) -> None:
            if values is None:
                cancelled()
            else:
                self.run(operation(values), done)

        form.refused = refused
        self.app.push_screen(form, answered)

    def mail(self, card: Card, draft: Draft | None, done: Done, *, instead: str, ask: bool = True) -> None:
        """`m`: the message in the mail program (`open_outside`; `instead` is what to do where
        nothing can open it); then, with `ask`, one question, "sent?", whose `y` logs the
        thank-you to that person or the follow-up by email, today, and calls `done`."""
        from fu_board.mail import mailto

        if draft is None:
            self.app.notify("Nothing to write here now: no message fits.", markup=False)
            return
        if not draft.email:
            who = visible(draft.to, one_line=True) if draft.to else "them"
            self.app.notify(
                f"No email known for {who}: c copies the message instead, e adds their address.",
                severity="warning",
                markup=False,
            )
            return
        if not open_outside(self.app, mailto(draft), instead) or not ask or self.app.file.read_only:
            return
        to = visible(draft.to or draft.email, one_line=True)
        on, person, card_id = self.today, draft.to or "", card.id

        def log(board: Board) -> ops.Change:
            if draft.template == "thank_you":
                return ops.log_thank_you(board, card_id, on=on, to=person or None, now=self.app.now)
            return ops.log_follow_up(board, card_id, on=on, channel=Channel.EMAIL, to=person)

        def answered(sent: bool | None) -> None:
            if sent:
                self.run(log, done)

        from fu_board.tui.screens.confirm import ConfirmScreen

        question = Content.assemble("Sent to ", (to, "bold"), "?")
        self.app.push_screen(ConfirmScreen(question, "y logs it (by email, today)."), answered)

    @writes
    def follow_up(self, card: Card, done: Done) -> None:
        from fu_board.tui.screens.log_forms import follow_up_form

        form = follow_up_form(card_title(card, "Follow-up with "), self.today)
        self.ask(form, lambda values: lambda b: ops.log_follow_up(b, card.id, **values), done)

    @writes
    def thank_you(self, card: Card, done: Done, *, to: str | None = None) -> None:
        """Logged at once, today: the thank-you is one key in the morning review. `to` is
        the person thanked; without it, with several still owed one, the person picks whom
        (or everyone)."""
        if to is not None:
            self.run(lambda b: ops.log_thank_you(b, card.id, on=self.today, to=to, now=self.app.now), done)
            return
        now = self.app.now
        owed = [person for person, _ in owed_thank_yous(card, self.today, clock(now)) if person]
        if len(owed) <= 1:
            self.run(lambda b: ops.log_thank_you(b, card.id, on=self.today, now=now), done)
            return
        from fu_board.tui.screens.choose import Choice, ChooseScreen

        choices = [
            Choice((str(number),), person, visible(person, one_line=True)) for number, person in enumerate(owed, 1)
        ]
        choices = [*choices[:9], Choice(("a",), "", "everyone: one thank-you to each of them")]

        def chosen(person: str | None) -> None:
            if person is not None:
                self.run(lambda b: ops.log_thank_you(b, card.id, on=self.today, to=person or None, now=now), done)

        self.app.push_screen(ChooseScreen(card_title(card, "Thank-you sent, after "), choices), chosen)

    @writes
    def interview(self, card: Card, done: Done) -> None:
        from fu_board.tui.screens.log_forms import interview_form

        form = interview_form(card_title(card, "Interview with "), self.today)
        self.ask(form, lambda values: lambda b: ops.log_interview(b, card.id, **values), done)

    @writes
    def snooze(self, card: Card, done: Done) -> None:
        from fu_board.tui.screens.log_forms import SnoozeScreen

        def chosen(until: dt.date | None) -> None:
            if until is not None:
                self.run(lambda b: ops.snooze_card(b, card.id, until=until, on=self.today), done)

        settings = self.app.board.settings
        screen = SnoozeScreen(card_title(card, "Snooze "), self.today, settings.country, settings.skip_weekends)
        self.app.push_screen(screen, chosen)

    @writes
    def resolve(self, card: Card, outcome: Outcome, done: Done) -> None:
        """A no asks its kind and then shows the moment of a no; a yes is celebrated."""
        if outcome is Outcome.NO:
            if card.outcome is Outcome.NO:
                self.app.notify(f"{card.company} is already a no.")
            else:
                self.say_no(card, done)
            return

        def resolved(change: ops.Change) -> None:
            if outcome is Outcome.YES:
                self.app.notify(yes_celebration(change.board, change.card), timeout=12, markup=False)
            done(change)

        self.run(lambda b: ops.resolve_card(b, card.id, outcome, on=self.today), resolved)

    def say_no(self, card: Card, done: Done, *, kind: NoKind | None = None) -> None:
        """Ask what kind of no it was (unless `kind` says), record it, then show the reply that
        fits it and, after a no they said, offer to add a lead. `done` runs once the person
        has closed the moment of a no."""
        from fu_board.tui.screens.after_no import AfterNoScreen
        from fu_board.tui.screens.choose import NO_KINDS, ChooseScreen

        def kind_chosen(kind: NoKind | None) -> None:
            if kind is not None:
                self.run(lambda b: ops.resolve_card(b, card.id, Outcome.NO, on=self.today, no_kind=kind), after_no)

        def after_no(change: ops.Change) -> None:
            said_no = change.card
            script = after_no_message(said_no, change.board.settings.templates)

            def closed(add: bool | None) -> None:
                if add:
                    self.add_lead(said_no, lambda _: done(change))
                else:
                    done(change)

            greeting = no_greeting(change.board, said_no)
            draft = after_no_draft(said_no, change.board.settings.templates)
            self.app.push_screen(AfterNoScreen(greeting, script, said_no.no_kind or NoKind.SAID, draft), closed)

        if kind is not None:
            kind_chosen(kind)
        else:
            self.app.push_screen(ChooseScreen(card_title(card, "A no from "), NO_KINDS), kind_chosen)

    def add_lead(self, source: Card, done: Callable[[ops.Change | None], None]) -> None:
        """The new card form, prefilled with the contact who gave the lead; the two
        cards' timelines link to each other. `done` gets None when no lead was added."""
        from fu_board.tui.screens.card_form import new_card_form

        giver = source.contact.name if source.contact else ""
        note = f"Lead from {giver or 'a contact'} at {source.company}"

        def adding(values: dict[str, Any]) -> Operation:
            name, email = values["contact"], values["email"]
            # The person who gave the lead, with their phone and title, unless another name was typed.
            if source.contact and name == giver:
                contact = Contact(**(source.contact.as_dict() | {"email": email}))
            else:
                contact = Contact(name=name, email=email)
            fields = {key: value for key, value in values.items() if key not in ("contact", "email", "applied")}
            return lambda b: ops.add_lead(b, source.id, contact=contact, on=values["applied"], **fields)

        def linked(change: ops.Change) -> None:
            self.app.notify(f"Added {change.card.company}, linked to {source.company}.", markup=False)
            done(change)

        email = source.contact.email if source.contact else ""
        form = new_card_form(self.today, title="A new lead", contact=giver, email=email, note=note)
        self.ask(form, adding, linked, cancelled=lambda: done(None))

    @writes
    def choose_outcome(self, card: Card, done: Done) -> None:
        from fu_board.tui.screens.choose import OUTCOMES, ChooseScreen

        def chosen(outcome: Outcome | None) -> None:
            if outcome is not None:
                self.resolve(card, outcome, done)

        self.app.push_screen(ChooseScreen(card_title(card, "How did it end? "), OUTCOMES), chosen)

    def edit(self, card: Card, done: Done) -> None:
        self.ask(
            self.card_screen(card), lambda values: lambda b: ops.edit_card(b, card.id, on=self.today, **values), done
        )

    @writes
    def edit_note_outside(self, card: Card, done: Done) -> None:
        """Open the note in $VISUAL or $EDITOR (vi without either), the board suspended
        meanwhile; the note as saved there is the card's new note. An editor that cannot
        start, or exits with a failure (vim's :cq), changes nothing."""
        import os
        import shlex
        import subprocess
        import tempfile
        from pathlib import Path

        from textual.app import SuspendNotSupported

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        fd, name = tempfile.mkstemp(prefix=f"fu-board-{card.id}-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(card.note + "\n" if card.note else "")
            try:
                with self.app.suspend():
                    finished = subprocess.run([*shlex.split(editor), name], check=False)
            except (OSError, ValueError, SuspendNotSupported) as error:
                self.app.notify(f"Could not run the editor {editor!r}: {error}", severity="error")
                return
            if finished.returncode != 0:
                self.app.notify(f"The editor exited with status {finished.returncode}: the note is as it was.")
                return
            note = path.read_text(encoding="utf-8").rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
        if note != card.note:
            self.run(lambda b: ops.edit_card(b, card.id, on=self.today, note=note), done)

    def card_screen(self, card: Card) -> CardScreen:
        """The app's card screen, showing `card`. Built when the first card is opened and kept
        (installed) for the next ones: building it is about half the time a card takes to open."""
        from fu_board.tui.screens.card_detail import CardScreen

        read_only = self.app.file.read_only is not None
        if not self.app.is_screen_installed(CARD_SCREEN):
            screen = CardScreen(card, self.today, read_only=read_only)
            self.app.install_screen(screen, CARD_SCREEN)
            return screen
        kept = self.app.get_screen(CARD_SCREEN)
        if not isinstance(kept, CardScreen) or kept in self.app.screen_stack:
            return CardScreen(card, self.today, read_only=read_only)  # already open: a second one, used once
        kept.show(card, self.today, read_only=read_only)
        return kept

    @writes
    def add(self, done: Done) -> None:
        """Ask for a new application and add it to Applied."""
        from fu_board.tui.screens.card_form import new_card_form

        def adding(values: dict[str, Any]) -> Operation:
            fields = {name: value for name, value in values.items() if name not in ("contact", "email")}
            contact = Contact(name=values["contact"], email=values["email"])
            return lambda b: ops.add_card(b, contact=contact, **fields)

        self.ask(new_card_form(self.today), adding, done)

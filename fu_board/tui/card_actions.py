"""What a person can log on a card, shared by the board, the daily review and the card screen.

Each flow reads top to bottom: it asks what it needs in a dialog (`push_screen_wait`),
runs the pure board operation through the session (which records it and saves at once)
and returns the change, or None when a dialog was cancelled or the board refused. A flow
awaits dialogs, so it runs in a worker of the screen that started it (`run_flow`).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shlex
import subprocess
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

from textual.app import SuspendNotSupported
from textual.content import Content
from textual.dom import DOMNode

from fu_board import board as ops
from fu_board.drafts import Draft, after_no_draft, after_no_message
from fu_board.mail import mailto
from fu_board.model import Board, Card, Channel, Contact, NoKind, Outcome
from fu_board.progress import no_greeting, yes_celebration
from fu_board.rules import clock, owed_thank_yous
from fu_board.text import visible
from fu_board.tui.outside import open_outside
from fu_board.tui.screens.after_no import AfterNoScreen
from fu_board.tui.screens.card_form import new_card_form
from fu_board.tui.screens.choose import NO_KINDS, OUTCOMES, Choice, ChooseScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from fu_board.tui.screens.form_screen import AskingScreen
from fu_board.tui.screens.log_forms import SnoozeScreen, follow_up_form, interview_form
from fu_board.tui.session_app import session_of

Operation = Callable[[Board], ops.Change]
Flow = Awaitable[ops.Change | None]
P = ParamSpec("P")


def writes(
    method: Callable[Concatenate[CardActions, P], Awaitable[ops.Change | None]],
) -> Callable[Concatenate[CardActions, P], Awaitable[ops.Change | None]]:
    """A flow that changes the board: refused, with a notice, before any dialog opens when
    the board is read-only (a newer schema, or a backup being looked at)."""

    async def guarded(self: CardActions, /, *args: P.args, **kwargs: P.kwargs) -> ops.Change | None:
        if self.session.refuse_read_only():
            return None
        return await method(self, *args, **kwargs)

    functools.update_wrapper(guarded, method)
    return guarded


def card_title(card: Card, verb: str) -> Content:
    """`Follow-up with Acme (Backend Engineer)`: a dialog's title, the company in bold."""
    role = f" ({visible(card.role, one_line=True)})" if card.role else ""
    return Content.assemble(verb, (visible(card.company, one_line=True), "bold"), role)


class CardActions:
    """The flows behind f, t, i, s, y, x, w, m, d, n and editing, for the screen `on`."""

    def __init__(self, on: DOMNode) -> None:
        self.app = on.app
        self.session = session_of(on)

    @property
    def today(self) -> dt.date:
        return self.session.today

    async def ask(self, form: AskingScreen, operation: Callable[[dict[str, Any]], Operation]) -> ops.Change | None:
        """Open `form`; the values it returns become `operation(values)`, run on the board.

        A change the board would refuse (an interview dated before the application, a
        decision before the interview) is refused while the form is still open, saying
        why, so that nothing typed there is lost."""
        form.refused = lambda values: self.session.check(operation(values))
        values = await self.app.push_screen_wait(form)
        return None if values is None else self.session.apply(operation(values))

    async def mail(self, card: Card, draft: Draft | None, *, instead: str, ask: bool = True) -> ops.Change | None:
        """`m`: the message in the mail program (`open_outside`; `instead` is what to do where
        nothing can open it); then, with `ask`, one question, "sent?", whose `y` logs the
        thank-you to that person or the follow-up by email, today."""
        if draft is None:
            self.app.notify("Nothing to write here now: no message fits.")
            return None
        if not draft.email:
            who = visible(draft.to, one_line=True) if draft.to else "them"
            self.app.notify(
                f"No email known for {who}: c copies the message instead, e adds their address.", severity="warning"
            )
            return None
        if not open_outside(self.app, mailto(draft), instead) or not ask or self.session.read_only:
            return None
        on, person, card_id, now = self.today, draft.to or "", card.id, self.session.now
        question = Content.assemble("Sent to ", (visible(draft.to or draft.email, one_line=True), "bold"), "?")
        if not await self.app.push_screen_wait(ConfirmScreen(question, "y logs it (by email, today).")):
            return None
        if draft.template == "thank_you":
            return self.session.apply(lambda b: ops.log_thank_you(b, card_id, on=on, to=person or None, now=now))
        return self.session.apply(lambda b: ops.log_follow_up(b, card_id, on=on, channel=Channel.EMAIL, to=person))

    @writes
    async def follow_up(self, card: Card) -> ops.Change | None:
        form = follow_up_form(card_title(card, "Follow-up with "), self.today)
        return await self.ask(form, lambda values: lambda b: ops.log_follow_up(b, card.id, **values))

    @writes
    async def thank_you(self, card: Card, *, to: str | None = None) -> ops.Change | None:
        """Logged at once, today: the thank-you is one key in the morning review. `to` is
        the person thanked; without it, with several still owed one, the person picks whom
        (or everyone)."""
        now = self.session.now
        if to is None:
            owed = [person for person, _ in owed_thank_yous(card, self.today, clock(now)) if person]
            if len(owed) > 1:
                choices = [
                    Choice((str(number),), person, visible(person, one_line=True))
                    for number, person in enumerate(owed, 1)
                ]
                choices = [*choices[:9], Choice(("a",), "", "everyone: one thank-you to each of them")]
                title = card_title(card, "Thank-you sent, after ")
                to = await self.app.push_screen_wait(ChooseScreen(title, choices))
                if to is None:
                    return None
        person = to or None
        return self.session.apply(lambda b: ops.log_thank_you(b, card.id, on=self.today, to=person, now=now))

    @writes
    async def interview(self, card: Card) -> ops.Change | None:
        form = interview_form(card_title(card, "Interview with "), self.today)
        return await self.ask(form, lambda values: lambda b: ops.log_interview(b, card.id, **values))

    @writes
    async def snooze(self, card: Card) -> ops.Change | None:
        settings = self.session.board.settings
        screen = SnoozeScreen(card_title(card, "Snooze "), self.today, settings.country, settings.skip_weekends)
        until = await self.app.push_screen_wait(screen)
        if until is None:
            return None
        return self.session.apply(lambda b: ops.snooze_card(b, card.id, until=until, on=self.today))

    @writes
    async def resolve(self, card: Card, outcome: Outcome) -> ops.Change | None:
        """A no asks its kind and then shows the moment of a no; a yes is celebrated."""
        if outcome is Outcome.NO:
            if card.outcome is Outcome.NO:
                self.app.notify(f"{card.company} is already a no.")
                return None
            return await self.say_no(card)
        change = self.session.apply(lambda b: ops.resolve_card(b, card.id, outcome, on=self.today))
        if change is not None and outcome is Outcome.YES:
            self.app.notify(yes_celebration(change.board, change.card), timeout=12)
        return change

    async def say_no(self, card: Card, *, kind: NoKind | None = None) -> ops.Change | None:
        """Ask what kind of no it was (unless `kind` says), record it, then show the reply that
        fits it and, after a no they said, offer to add a lead. Returns once the person has
        closed the moment of a no."""
        if kind is None:
            kind = await self.app.push_screen_wait(ChooseScreen(card_title(card, "A no from "), NO_KINDS))
            if kind is None:
                return None
        no_kind = kind
        change = self.session.apply(lambda b: ops.resolve_card(b, card.id, Outcome.NO, on=self.today, no_kind=no_kind))
        if change is None:
            return None
        said_no, templates = change.card, change.board.settings.templates
        moment = AfterNoScreen(
            no_greeting(change.board, said_no),
            after_no_message(said_no, templates),
            said_no.no_kind or NoKind.SAID,
            after_no_draft(said_no, templates),
        )
        if await self.app.push_screen_wait(moment):
            await self.add_lead(said_no)
        return change

    async def add_lead(self, source: Card) -> ops.Change | None:
        """The new card form, prefilled with the contact who gave the lead; the two cards'
        timelines link to each other."""
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

        email = source.contact.email if source.contact else ""
        form = new_card_form(self.today, title="A new lead", contact=giver, email=email, note=note)
        change = await self.ask(form, adding)
        if change is not None:
            self.app.notify(f"Added {change.card.company}, linked to {source.company}.")
        return change

    @writes
    async def choose_outcome(self, card: Card) -> ops.Change | None:
        outcome = await self.app.push_screen_wait(ChooseScreen(card_title(card, "How did it end? "), OUTCOMES))
        return None if outcome is None else await self.resolve(card, outcome)

    @writes
    async def edit_note_outside(self, card: Card) -> ops.Change | None:
        """Open the note in $VISUAL or $EDITOR (vi without either), the board suspended
        meanwhile; the note as saved there is the card's new note. An editor that cannot
        start, or exits with a failure (vim's :cq), changes nothing."""
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
                return None
            if finished.returncode != 0:
                self.app.notify(f"The editor exited with status {finished.returncode}: the note is as it was.")
                return None
            note = path.read_text(encoding="utf-8").rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
        if note == card.note:
            return None
        return self.session.apply(lambda b: ops.edit_card(b, card.id, on=self.today, note=note))

    @writes
    async def add(self) -> ops.Change | None:
        """Ask for a new application and add it to Applied."""

        def adding(values: dict[str, Any]) -> Operation:
            fields = {name: value for name, value in values.items() if name not in ("contact", "email")}
            contact = Contact(name=values["contact"], email=values["email"])
            return lambda b: ops.add_card(b, contact=contact, **fields)

        return await self.ask(new_card_form(self.today), adding)

    @writes
    async def delete(self, card: Card) -> ops.Change | None:
        sure = await self.app.push_screen_wait(
            ConfirmScreen(card_title(card, "Delete "), "Its whole timeline goes with it.")
        )
        return self.session.apply(lambda b: ops.delete_card(b, card.id)) if sure else None

"""`r`: the daily review. Today's follow-ups, one card at a time, one key per outcome.

The queue is fixed when the review starts: overdue cards first (the most
overdue first), then those due today. Each key logs what happened through the
same operations as the board, saves at once, and shows the next card (or the
same one again, when what was logged left it due for another reason). The end
is a summary with the nos-until-yes counter and the streak of daily reviews.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Awaitable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from fu_board import board as ops
from fu_board.counts import days_since_touch, last_touch, review_streak
from fu_board.drafts import contact_named, draft_for, suggested_message
from fu_board.model import Card, EventKind, NoKind, Outcome, Settings
from fu_board.progress import to_go_words
from fu_board.rules import REASON_WORDS, FollowUp, Reason, agenda, due_items
from fu_board.session import Session
from fu_board.text import visible
from fu_board.tui.card_actions import CardActions
from fu_board.tui.outside import copy_text, open_link
from fu_board.tui.screens.card_detail import edit_card, event_line
from fu_board.tui.screens.help import HelpScreen, key_rows
from fu_board.tui.session_app import run_flow, session_of
from fu_board.tui.widgets.board_header import TodaysInterviews
from fu_board.tui.widgets.card_column import days_ago, follow_up_line
from fu_board.tui.widgets.fitted_footer import FittedFooter

RECENT_EVENTS = 5

PARTS = ("#review-card", "#review-question", "#review-timeline", "#review-message-title", "#review-message")
"""What the review shows of a card, hidden by the summary."""

Row = tuple[str, str, str]
"""One row of the review: a card's id, what it asks for (a `Reason`) and for whom."""


def row(card: Card, item: FollowUp) -> Row:
    return card.id, item.reason.value, item.to or ""


SUMMARY = (
    ("followed_up", "Followed up", True),
    ("thank_you", "Thank-yous sent", False),
    ("interview", "Interviews logged", False),
    ("snoozed", "Snoozed", True),
    ("resolved", "Resolved", True),
    ("skipped", "Skipped", False),
)
"""What the summary counts: key, words, and whether it shows even at zero."""


def person_line(card: Card, follow_up: FollowUp) -> Content:
    """Whom the message is for: the interviewer or contact, with the email and phone known for
    them; without anyone, how to find someone to write to."""
    to = follow_up.to
    contact = contact_named(card, to) if to else None
    if to is None:
        if card.contact is not None and not card.contact.is_empty:
            contact = card.contact
        else:
            return Content.assemble(("To       ", "bold"), ("nobody yet: e adds a contact", "dim"))
    who = ", ".join(
        part for part in ((contact.name if contact else to) or "", contact.title if contact else "") if part
    )
    reach = "   ".join(part for part in ((contact.email, contact.phone) if contact else ()) if part)
    if not reach and follow_up.reason is Reason.THANK_YOU:
        reach = "no email known for them"
    return Content.assemble(
        ("To       ", "bold"),
        visible(who, one_line=True),
        "   ",
        (visible(reach, one_line=True), "$text-accent" if contact and (contact.email or contact.phone) else "dim"),
    )


def step_words(follow_up: FollowUp, settings: Settings) -> str:
    """ " · follow-up 2 of 2", for a follow-up of the cadence."""
    if follow_up.reason in (Reason.AFTER_INTERVIEW, Reason.DECISION_PASSED, Reason.WEEKLY):
        return f" · follow-up {follow_up.step} of {settings.follow_ups_before_close}"
    if follow_up.reason is Reason.APPLIED_NO_ANSWER and settings.applied_follow_ups:
        return f" · nudge {follow_up.step} of {settings.applied_follow_ups}"
    return ""


def card_details(card: Card, follow_up: FollowUp, today: dt.date, settings: Settings | None = None) -> Content:
    """Who to write to, when they were last touched, and what is due and why."""
    lines = [
        Content.assemble(
            (visible(card.company, one_line=True), "bold $text-primary"),
            ("  " + visible(card.role, one_line=True) if card.role else "", "bold"),
            ("   " + card.stage.label, "$text-muted"),
        ),
        person_line(card, follow_up),
    ]
    touched = last_touch(card, today)
    lines.append(
        Content.assemble(("Touched  ", "bold"), f"{days_ago(days_since_touch(card, today))} ({touched.isoformat()})")
    )
    step = step_words(follow_up, settings) if settings is not None else ""
    lines.append(
        Content.assemble(
            ("Due      ", "bold"),
            follow_up_line(follow_up),
            f" ({follow_up.due.isoformat()}): {REASON_WORDS[follow_up.reason]}{step}",
        )
    )
    return Content("\n").join(lines)


FIND_A_CONTACT = (
    "Nobody to write to yet. Rather than a message to nobody, find a person at {company}: the hiring "
    "manager or a recruiter (the posting, the company's site, LinkedIn), or someone you know there who "
    "could refer you. e adds them to the card; f logs a nudge you sent another way."
)


def message_title(situation: FollowUp, message: str, *, mailable: bool = False) -> str:
    """What the suggested message is, and the keys that go with it (`m` where an address is
    known to mail it to)."""
    keys = "m mails it · c copies it" if mailable else "c copies it"
    if situation.reason is Reason.THANK_YOU:
        to = f" to {situation.to}" if situation.to else ""
        return f"Thank-you{to}  ({keys} · t logs it)"
    if situation.reason is Reason.CLOSE_THE_LOOP:
        return f"Close the loop: ask kindly for a definite answer  ({keys})"
    if situation.reason is Reason.ASK_SILENCE_NO:
        if message:
            return f"If you count it as a no, a short closing note  ({keys})"
        return "If you count it as a no, nothing needs sending"
    if situation.reason is Reason.APPLIED_NO_ANSWER and situation.to is None:
        return "Find a contact first"
    return f"Suggested message  ({keys})"


def question(card: Card, situation: FollowUp, today: dt.date) -> Content | None:
    """Above the message: the question about the silence, or the offer to call instead."""
    if situation.reason is Reason.ASK_SILENCE_NO:
        last = max((e.date for e in card.timeline if e.kind is EventKind.FOLLOWED_UP), default=card.applied)
        return Content.assemble(
            ("Count the silence as a no?", "bold $text-warning"),
            f" No answer since your last message, {days_ago((today - last).days)}. Only you decide.\n",
            ("x", "bold $text-accent"),
            " yes, count it as a no   ",
            ("s", "bold $text-accent"),
            " snooze: wait longer   ",
            ("f", "bold $text-accent"),
            " you wrote again",
        )
    contact = contact_named(card, situation.to) or card.contact
    if situation.reason is Reason.CLOSE_THE_LOOP and contact is not None and contact.phone:
        return Content.assemble(
            ("Or call instead: ", "bold"),
            visible(f"{contact.name or 'them'} on {contact.phone}", one_line=True),
            ", and log it with ",
            ("f", "bold $text-accent"),
            " (channel phone).",
        )
    return None


class ReviewScreen(Screen[None]):
    """One due card at a time; escape goes back to the board."""

    BINDINGS = [
        Binding("f", "log('follow_up')", "Followed up", tooltip="you followed up: log it"),
        Binding("t", "log('thank_you')", "Thanks sent", tooltip="you sent the thank-you note"),
        Binding("s", "log('snooze')", "Snooze", tooltip="wait: 1 day, 3 days, a week or a date"),
        Binding("i", "log('interview')", "Interview", tooltip="an interview is scheduled or happened"),
        Binding("x", "resolve('no')", "No", tooltip="they said no: one step closer to the yes"),
        Binding("y", "resolve('yes')", "Yes", tooltip="they said yes"),
        Binding("w", "resolve('withdrawn')", "Withdrawn", show=False, tooltip="you stepped out"),
        Binding("space", "skip", "Skip", tooltip="leave it for now, next card"),
        Binding("e", "edit", "Edit", show=False, tooltip="open the card to edit it"),
        Binding("c", "copy", "Copy", tooltip="copy the suggested message"),
        Binding("m", "mail", "Mail", tooltip="write it in your mail program: to, subject and message filled in"),
        Binding("O", "open_link", "Open link", show=False, tooltip="open the card's link (the posting) in the browser"),
        Binding("n", "add", "New", tooltip="add an application"),
        Binding("escape", "leave", "Board", tooltip="back to the board"),
        Binding("question_mark", "help", "Help", key_display="?", show=False, tooltip="show every key"),
    ]
    FOOTER_KEEPS: ClassVar[tuple[str, ...]] = ("skip", "copy", "leave")
    """At 80 columns the footer leaves out other keys first: these move through the review."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[Row] = []
        """What the review walks through: one row per thing a card asks for (a thank-you
        to each interviewer), fixed when it starts; a card that asks for more once
        something is logged gets its new rows next."""
        self.position = 0
        self.counts: Counter[str] = Counter()
        self.finished = False

    @property
    def session(self) -> Session:
        return session_of(self)

    @property
    def actions(self) -> CardActions:
        return CardActions(self)

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield TodaysInterviews(id="review-today")
        with VerticalScroll(id="review-body"):
            yield Static(id="review-card")
            yield Static(id="review-question")
            yield Static(id="review-timeline")
            yield Static("Suggested message  (c copies it)", id="review-message-title")
            yield Static(id="review-message")
            yield Static(id="review-summary")
        yield FittedFooter()

    def on_mount(self) -> None:
        session = self.session
        session.catch_up()  # the queue starts from what is in the file now
        self.query_one(TodaysInterviews).show(session.board, session.today)
        self.queue = [row(card, item) for card, item in session.view.due_list if item.is_action]
        self.show_current()

    # What is shown -------------------------------------------------------------

    def due_on(self, card: Card) -> list[FollowUp]:
        """What `card` asks for now: its messages and decisions due."""
        session = self.session
        return [
            item for item in due_items(card, session.board.settings, session.today, now=session.now) if item.is_action
        ]

    def current(self) -> tuple[Card, FollowUp] | None:
        """The row under review, skipping any that are gone or no longer due (the card
        resolved, followed up or snoozed meanwhile, here or elsewhere; that person thanked)."""
        session = self.session
        while self.position < len(self.queue):
            card_id, reason, to = self.queue[self.position]
            try:
                card = session.board.card(card_id)
            except KeyError:
                card = None
            if card is not None:
                for item in self.due_on(card):
                    if row(card, item) == (card_id, reason, to):
                        return card, item
            self.position += 1
        return None

    def requeue(self, card_id: str) -> None:
        """After a change to the card shown: what it asks for now and is not queued yet
        comes next (an interview logged as held brings its thank-yous)."""
        try:
            card = self.session.board.card(card_id)
        except KeyError:
            return
        ahead = set(self.queue[self.position :])
        new = [key for key in (row(card, item) for item in self.due_on(card)) if key not in ahead]
        self.queue[self.position + 1 : self.position + 1] = new

    def show_current(self) -> None:
        self.session.catch_up()  # another writer may have dealt with the next card already
        shown = self.current()
        if shown is None:
            self.finish()
            return
        card, follow_up = shown
        session = self.session
        title = f"Daily review · {self.position + 1} of {len(self.queue)} · {session.today:%a %d %b %Y}"
        self.query_one("#review-title", Static).update(Content.styled(title, "bold"))
        settings = session.board.settings
        self.query_one("#review-card", Static).update(card_details(card, follow_up, session.today, settings))
        situation = self.situation(card, follow_up)
        asked = question(card, situation, session.today)
        self.query_one("#review-question", Static).update(asked or "")
        recent = [event_line(event, session.today) for event in reversed(card.timeline[-RECENT_EVENTS:])]
        self.query_one("#review-timeline", Static).update(
            Content("\n").join([Content.styled("Recent", "bold"), *recent])
        )
        message = self.message(card, follow_up)
        draft = draft_for(card, situation, settings.templates) if message else None
        mailable = draft is not None and bool(draft.email)
        self.query_one("#review-message-title", Static).update(message_title(situation, message, mailable=mailable))
        if situation.reason is Reason.APPLIED_NO_ANSWER and situation.to is None:
            shown_text = Content(FIND_A_CONTACT.format(company=visible(card.company, one_line=True)))
        else:
            shown_text = Content(visible(message))
        self.query_one("#review-message", Static).update(shown_text)
        for part in ("#review-card", "#review-timeline", "#review-message-title", "#review-message"):
            self.query_one(part).display = True
        self.query_one("#review-question").display = asked is not None
        self.query_one("#review-summary").display = False

    def situation(self, card: Card, follow_up: FollowUp) -> FollowUp:
        """What the row is about: for a snoozed card, what the snooze set aside."""
        if follow_up.reason is not Reason.SNOOZED:
            return follow_up
        session = self.session
        set_aside = agenda(card, session.board.settings, session.today, now=session.now, snooze=False)
        return next((item for item in set_aside if item.is_action), follow_up)

    def message(self, card: Card, follow_up: FollowUp) -> str:
        return suggested_message(card, self.situation(card, follow_up), self.session.board.settings.templates)

    def finish(self) -> None:
        """The end of the queue: count the day toward the streak and sum up."""
        session = self.session
        if not self.finished:
            self.finished = True
            session.apply_to_board(lambda board: ops.finish_review(board, session.today), "the review finished")
        for part in PARTS:
            self.query_one(part).display = False
        summary = self.query_one("#review-summary", Static)
        summary.display = True
        summary.update(self.summary())
        self.query_one("#review-title", Static).update(
            Content.styled(f"Daily review · {session.today:%a %d %b %Y}", "bold")
        )
        self.refresh_bindings()

    def summary(self) -> Content:
        session = self.session
        board = session.board
        streak = review_streak(board, session.today)
        lines: list[Content] = []
        if not self.queue:
            lines.append(Content.styled("Nothing due today.", "bold $text-success"))
        else:
            lines.append(Content.styled("Done for today.", "bold $text-success"))
            counted = [
                Content.assemble((f"{words:<18}", "bold"), str(self.counts[key]))
                for key, words, always in SUMMARY
                if always or self.counts[key]
            ]
            lines.append(Content("\n").join(counted))
        tally = self.session.view.standing
        ahead = to_go_words(board.settings, tally)
        nos = str(tally.nos_until_yes) + (f"  ({ahead})" if ahead else "")
        lines.append(Content.assemble((f"{'Nos until yes':<18}", "bold"), nos))
        lines.append(
            Content.assemble((f"{'Review streak':<18}", "bold"), f"{streak} day{'s' if streak != 1 else ''} in a row")
        )
        irons, target = tally.open, board.settings.irons_target
        if irons < target:
            lines.append(
                Content.assemble(
                    f"{irons} of {target} irons in the fire: add an application with ",
                    ("n", "bold $text-accent"),
                    " to keep the search going.",
                )
            )
        lines.append(Content.styled("escape: back to the board", "dim"))
        return Content("\n\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.finished:
            return action in {"leave", "add", "help"}
        return action != "add"

    # Keys ------------------------------------------------------------------------

    def _run(self, flow: Awaitable[ops.Change | None], counted: str, name: str) -> None:
        """Run a flow on the card shown; once it has changed the card, count it and show the
        next row, or this card again when it asks for something more (a thank-you logged,
        and the decision date passed)."""

        async def then() -> None:
            change = await flow
            if change is not None:
                self.counts[counted] += 1
                self.requeue(change.card.id)
                self.show_current()  # `current` moves past the row once it is no longer due

        run_flow(self, then(), name)

    def action_log(self, what: str) -> None:
        shown = self.current()
        if shown is None:
            return
        card, follow_up = shown
        if what == "thank_you":
            if follow_up.reason is not Reason.THANK_YOU:
                self.notify("No thank-you is owed here: f logs a follow-up, s snoozes.")
                return
            self._run(self.actions.thank_you(card, to=follow_up.to or ""), "thank_you", "thank-you")
            return
        flows = {
            "follow_up": (self.actions.follow_up, "followed_up"),
            "interview": (self.actions.interview, "interview"),
            "snooze": (self.actions.snooze, "snoozed"),
        }
        flow, counted = flows[what]
        self._run(flow(card), counted, what)

    def action_resolve(self, outcome: str) -> None:
        if (shown := self.current()) is None:
            return
        card, follow_up = shown
        flow: Awaitable[ops.Change | None]
        if Outcome(outcome) is Outcome.NO and self.situation(card, follow_up).reason is Reason.ASK_SILENCE_NO:
            flow = self.actions.say_no(card, kind=NoKind.SILENCE)  # the question asked: one key
        else:
            flow = self.actions.resolve(card, Outcome(outcome))
        self._run(flow, "resolved", "resolve")

    def action_skip(self) -> None:
        if self.current() is not None:
            self.counts["skipped"] += 1
            self.position += 1
            self.show_current()

    def action_edit(self) -> None:
        if (shown := self.current()) is not None:

            async def edit() -> None:
                await edit_card(self.actions, shown[0])
                self.show_current()

            run_flow(self, edit(), "open")

    def action_copy(self) -> None:
        if (shown := self.current()) is not None:
            message = self.message(*shown)
            if not message:
                self.notify("Nothing to copy here: no message fits this one.")
                return
            copy_text(self.app, message)

    def action_mail(self) -> None:
        """Open the mail program on the message; back here, one question: was it sent?"""
        if (shown := self.current()) is None:
            return
        card, follow_up = shown
        situation = self.situation(card, follow_up)
        draft = draft_for(card, situation, self.session.board.settings.templates)
        counted = "thank_you" if situation.reason is Reason.THANK_YOU else "followed_up"
        flow = self.actions.mail(
            card,
            draft,
            instead=f"c copies the message; fu-board draft {card.id} --mailto prints its link.",
            ask=situation.reason is not Reason.ASK_SILENCE_NO,  # a note for after the no: x counts it
        )
        self._run(flow, counted, "mail")

    def action_open_link(self) -> None:
        if (shown := self.current()) is not None:
            open_link(self.app, shown[0])

    def action_add(self) -> None:
        async def add() -> None:
            change = await self.actions.add()
            if change is not None:
                self.notify(f"Added {visible(change.card.company, one_line=True)} to Applied.")
                self.finish()

        run_flow(self, add(), "add")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(key_rows(self.app, self.active_bindings)))

    def action_leave(self) -> None:
        self.app.pop_screen()

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
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from fu_board import board as ops
from fu_board.counts import days_since_touch, irons_in_fire, last_touch, nos_until_yes, review_streak
from fu_board.drafts import suggested_message
from fu_board.model import Card, Outcome
from fu_board.progress import to_go_words
from fu_board.rules import REASON_WORDS, FollowUp, Reason, due_cards, next_follow_up
from fu_board.text import visible
from fu_board.tui.card_actions import CardActions, Done
from fu_board.tui.screens.card_detail import event_line
from fu_board.tui.screens.help import HelpScreen, key_rows
from fu_board.tui.widgets.card_column import days_ago, follow_up_line

if TYPE_CHECKING:
    from fu_board.tui.app import FuBoardApp

RECENT_EVENTS = 5

SUMMARY = (
    ("followed_up", "Followed up", True),
    ("thank_you", "Thank-yous sent", False),
    ("interview", "Interviews logged", False),
    ("snoozed", "Snoozed", True),
    ("resolved", "Resolved", True),
    ("skipped", "Skipped", False),
)
"""What the summary counts: key, words, and whether it shows even at zero."""


def card_details(card: Card, follow_up: FollowUp, today: dt.date) -> Content:
    """Who to contact, when they were last touched, and what is due and why."""
    lines = [
        Content.assemble(
            (visible(card.company, one_line=True), "bold $text-primary"),
            ("  " + visible(card.role, one_line=True) if card.role else "", "bold"),
            ("   " + card.stage.label, "$text-muted"),
        )
    ]
    contact = card.contact
    if contact is not None:
        who = ", ".join(part for part in (contact.name, contact.title) if part)
        reach = "   ".join(part for part in (contact.email, contact.phone) if part)
        lines.append(
            Content.assemble(
                ("Contact  ", "bold"),
                visible(who, one_line=True),
                "   ",
                (visible(reach, one_line=True), "$text-accent"),
            )
        )
    else:
        lines.append(Content.assemble(("Contact  ", "bold"), ("none yet: e adds one", "dim")))
    touched = last_touch(card, today)
    lines.append(
        Content.assemble(("Touched  ", "bold"), f"{days_ago(days_since_touch(card, today))} ({touched.isoformat()})")
    )
    lines.append(
        Content.assemble(
            ("Due      ", "bold"),
            follow_up_line(follow_up),
            f" ({follow_up.due.isoformat()}): {REASON_WORDS[follow_up.reason]}",
        )
    )
    return Content("\n").join(lines)


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
        Binding("n", "add", "New", tooltip="add an application"),
        Binding("escape", "leave", "Board", tooltip="back to the board"),
        Binding("question_mark", "help", "Help", key_display="?", show=False, tooltip="show every key"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[str] = []
        self.position = 0
        self.counts: Counter[str] = Counter()
        self.finished = False

    @property
    def board_app(self) -> FuBoardApp:
        return cast("FuBoardApp", self.app)

    @property
    def actions(self) -> CardActions:
        return CardActions(self.board_app)

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        with VerticalScroll(id="review-body"):
            yield Static(id="review-card")
            yield Static(id="review-timeline")
            yield Static("Suggested message  (c copies it)", id="review-message-title")
            yield Static(id="review-message")
            yield Static(id="review-summary")
        yield Footer()

    def on_mount(self) -> None:
        app = self.board_app
        app.catch_up()  # the queue starts from what is in the file now
        self.queue = [card.id for card, _ in due_cards(app.board, app.today)]
        self.show_current()

    # What is shown -------------------------------------------------------------

    def current(self) -> tuple[Card, FollowUp] | None:
        """The card under review, skipping any that are gone or no longer due
        (resolved, followed up or snoozed meanwhile, here or elsewhere)."""
        app = self.board_app
        while self.position < len(self.queue):
            try:
                card = app.board.card(self.queue[self.position])
            except KeyError:
                card = None
            follow_up = None if card is None else next_follow_up(card, app.board.settings, app.today)
            if card is not None and follow_up is not None and follow_up.is_due:
                return card, follow_up
            self.position += 1
        return None

    def show_current(self) -> None:
        self.board_app.catch_up()  # another writer may have dealt with the next card already
        shown = self.current()
        if shown is None:
            self.finish()
            return
        card, follow_up = shown
        app = self.board_app
        title = f"Daily review · {self.position + 1} of {len(self.queue)} · {app.today:%a %d %b %Y}"
        self.query_one("#review-title", Static).update(Content.styled(title, "bold"))
        self.query_one("#review-card", Static).update(card_details(card, follow_up, app.today))
        recent = [event_line(event) for event in reversed(card.timeline[-RECENT_EVENTS:])]
        self.query_one("#review-timeline", Static).update(
            Content("\n").join([Content.styled("Recent", "bold"), *recent])
        )
        self.query_one("#review-message", Static).update(Content(visible(self.message(card, follow_up))))
        for part in ("#review-card", "#review-timeline", "#review-message-title", "#review-message"):
            self.query_one(part).display = True
        self.query_one("#review-summary").display = False

    def message(self, card: Card, follow_up: FollowUp) -> str:
        settings = self.board_app.board.settings
        situation = next_follow_up(card, settings, self.board_app.today, snooze=False) or follow_up
        return suggested_message(card, situation, settings.templates)

    def finish(self) -> None:
        """The end of the queue: count the day toward the streak and sum up."""
        app = self.board_app
        if not self.finished:
            self.finished = True
            app.apply_to_board(lambda board: ops.finish_review(board, app.today))
        for part in ("#review-card", "#review-timeline", "#review-message-title", "#review-message"):
            self.query_one(part).display = False
        summary = self.query_one("#review-summary", Static)
        summary.display = True
        summary.update(self.summary())
        self.query_one("#review-title", Static).update(
            Content.styled(f"Daily review · {app.today:%a %d %b %Y}", "bold")
        )
        self.refresh_bindings()

    def summary(self) -> Content:
        app = self.board_app
        board = app.board
        streak = review_streak(board, app.today)
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
        ahead = to_go_words(board)
        nos = str(nos_until_yes(board)) + (f"  ({ahead})" if ahead else "")
        lines.append(Content.assemble((f"{'Nos until yes':<18}", "bold"), nos))
        lines.append(
            Content.assemble((f"{'Review streak':<18}", "bold"), f"{streak} day{'s' if streak != 1 else ''} in a row")
        )
        irons, target = irons_in_fire(board), board.settings.irons_target
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

    def _next(self, counted: str) -> Done:
        """After a change to the card shown: the next card, or this one again when it is
        still due for another reason (a thank-you logged, and the decision date passed)."""

        def done(_: ops.Change) -> None:
            self.counts[counted] += 1
            self.show_current()  # `current` moves past the card once it is no longer due

        return done

    def action_log(self, what: str) -> None:
        shown = self.current()
        if shown is None:
            return
        act = {
            "follow_up": (self.actions.follow_up, "followed_up"),
            "thank_you": (self.actions.thank_you, "thank_you"),
            "interview": (self.actions.interview, "interview"),
            "snooze": (self.actions.snooze, "snoozed"),
        }
        run, counted = act[what]
        if what == "thank_you" and shown[1].reason is not Reason.THANK_YOU:
            self.notify("No thank-you is owed here: f logs a follow-up, s snoozes.", markup=False)
            return
        run(shown[0], self._next(counted))

    def action_resolve(self, outcome: str) -> None:
        if (shown := self.current()) is not None:
            self.actions.resolve(shown[0], Outcome(outcome), self._next("resolved"))

    def action_skip(self) -> None:
        if self.current() is not None:
            self.counts["skipped"] += 1
            self.position += 1
            self.show_current()

    def action_edit(self) -> None:
        if (shown := self.current()) is not None:
            self.actions.edit(shown[0], lambda _: self.show_current())

    def action_copy(self) -> None:
        if (shown := self.current()) is not None:
            self.app.copy_to_clipboard(self.message(*shown))
            self.notify("Message copied: paste it into your email or LinkedIn.", markup=False)

    def action_add(self) -> None:
        def added(change: ops.Change) -> None:
            self.notify(f"Added {visible(change.card.company, one_line=True)} to Applied.", markup=False)
            self.finish()

        self.actions.add(added)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(key_rows(self.app, self.active_bindings)))

    def action_leave(self) -> None:
        self.app.pop_screen()

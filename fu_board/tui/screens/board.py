"""The board: four columns of cards, and every key that acts on them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from fu_board import board as ops
from fu_board.columns import Columns
from fu_board.model import STAGES, Card, Outcome, Stage
from fu_board.session import BoardChange
from fu_board.tui.outside import open_link
from fu_board.tui.session_app import SaveState, SessionApp, run_flow, session_of
from fu_board.tui.widgets.board_header import BoardHeader, TodaysInterviews
from fu_board.tui.widgets.card_column import CardColumn
from fu_board.tui.widgets.fitted_footer import FittedFooter
from fu_board.views import View

if TYPE_CHECKING:  # imported when a card key is first pressed (`actions`), or by `prepare`
    from fu_board.tui.card_actions import CardActions

WELCOME = Content.assemble(
    ("Welcome to fu-board.", "bold"),
    " Every application you send goes on this board and stays until it ends in a definite yes or no.\n",
    "Press ",
    ("n", "bold $text-accent"),
    " to add your first application. ",
    ("?", "bold $text-accent"),
    " shows every key.",
)


FILTER_HINT = "part of a company, role, contact, note or link · enter keeps it, escape clears it"


class BoardScreen(Screen[None]):
    """Applied → Interviewed → Followed up → Resolved."""

    AUTO_FOCUS = ""
    """The keys are the board's: the filter bar takes them only once `/` opens it."""

    BINDINGS = [
        Binding("up,k", "cursor('up')", "Up", show=False, tooltip="cursor up"),
        Binding("down,j", "cursor('down')", "Down", show=False, tooltip="cursor down"),
        Binding("left,h", "focus_column(-1)", "Column ←", show=False, tooltip="cursor to the column on the left"),
        Binding("right,l", "focus_column(1)", "Column →", show=False, tooltip="cursor to the column on the right"),
        Binding("home", "cursor('first')", "First", show=False, tooltip="first card of the column"),
        Binding("end", "cursor('last')", "Last", show=False, tooltip="last card of the column"),
        Binding("pageup", "cursor('page_up')", "Page up", show=False, tooltip="a page up"),
        Binding("pagedown", "cursor('page_down')", "Page down", show=False, tooltip="a page down"),
        Binding("enter", "open", "Open", tooltip="open the card: every detail, and its timeline"),
        Binding(
            "slash", "filter", "Filter", key_display="/", show=False, tooltip="show only the cards that contain a text"
        ),
        Binding("escape", "clear_filter", "Clear filter", tooltip="show every card again"),
        Binding("r", "review", "Review", tooltip="the daily review: today's follow-ups, one card at a time"),
        Binding("n", "add", "New", tooltip="add an application"),
        Binding("g", "stats", "Stats", tooltip="the numbers: funnel, outcomes, weekly activity"),
        Binding("f", "follow_up", "Follow up", tooltip="log a follow-up (an Interviewed card moves to Followed up)"),
        Binding(
            "t",
            "thank_you",
            "Thanks",
            show=False,
            tooltip="log a thank-you sent after an interview (to whom, when several are owed)",
        ),
        Binding(
            "i",
            "interview",
            "Interview",
            show=False,
            tooltip="log an interview, held or booked; the card moves to Interviewed",
        ),
        Binding("s", "snooze", "Snooze", show=False, tooltip="wait before following up: 1 day, 3 days, a week, a date"),
        Binding("H,shift+left", "move(-1)", "Move ←", tooltip="move the card one column left"),
        Binding("L,shift+right", "move(1)", "Move →", tooltip="move the card one column right"),
        Binding("1", "send('applied')", "To Applied", show=False, tooltip="send the card to Applied"),
        Binding("2", "send('interviewed')", "To Interviewed", show=False, tooltip="send the card to Interviewed"),
        Binding("3", "send('followed_up')", "To Followed up", show=False, tooltip="send the card to Followed up"),
        Binding("4", "send('resolved')", "To Resolved", show=False, tooltip="send the card to Resolved"),
        Binding("y", "resolve('yes')", "Yes", tooltip="resolve: ✓ yes, an offer"),
        Binding("x", "resolve('no')", "No", tooltip="resolve: ✗ no, one step closer to the yes"),
        Binding("w", "resolve('withdrawn')", "Withdrawn", show=False, tooltip="resolve: ↩ withdrawn, you stepped out"),
        Binding("d", "delete", "Delete", show=False, tooltip="delete the card, after asking"),
        Binding("E", "edit_note", "Edit note", show=False, tooltip="edit the card's note in $VISUAL or $EDITOR"),
        Binding("O", "open_link", "Open link", show=False, tooltip="open the card's link (the posting) in the browser"),
        Binding("u", "undo", "Undo", show=False, tooltip="undo the latest change of this session"),
        Binding("U,ctrl+r", "redo", "Redo", show=False, tooltip="redo the latest change undone"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="show every key"),
        Binding("q", "app.quit", "Quit", tooltip="quit (every change is saved as you make it)"),
    ]

    @property
    def actions(self) -> CardActions:
        """The flows behind the card keys, which open the dialogs."""
        from fu_board.tui.card_actions import CardActions  # with its dialogs, 11 ms: not before the first frame

        return CardActions(self)

    def compose(self) -> ComposeResult:
        yield BoardHeader(id="header")
        yield TodaysInterviews(id="today-interviews")
        yield Static(WELCOME, id="welcome")
        with Horizontal(id="columns"):
            for stage in STAGES:
                yield CardColumn(stage)
        yield FittedFooter()

    def __init__(self) -> None:
        super().__init__()
        self._current = Stage.APPLIED
        self._columns: Columns | None = None
        """The columns as last drawn: a new version of the board is drawn column by column,
        only those whose cards or order changed (`Columns.changed`)."""
        self._filter = ""
        """The text every card shown contains ("" shows them all)."""
        self._follow: str | None = None
        """The card the cursor goes to once this screen is on top again: the board changed
        under a dialog or the review."""

    def on_mount(self) -> None:
        self.watch(self.app, "board_change", self._board_changed, init=False)
        self.watch(self.app, "save_state", self._save_state_changed, init=False)
        self.refresh_board()
        self.set_current(Stage.APPLIED)

    # What is on screen ---------------------------------------------------------

    @property
    def view(self) -> View:
        """The board on screen, and what is worked out from it."""
        return session_of(self).view

    def column(self, stage: Stage) -> CardColumn:
        return self.query_one(f"#column-{stage.value}", CardColumn)

    @property
    def current_column(self) -> CardColumn:
        """The column the cursor is in. Columns never take focus: moving between
        them changes a class, not the focus, so the footer stays as it is."""
        return self.column(self._current)

    def set_current(self, stage: Stage) -> None:
        self.current_column.current = False
        self._current = stage
        self.current_column.current = True

    @property
    def selected_card(self) -> Card | None:
        card_id = self.current_column.selected_id
        if card_id is None:
            return None
        try:
            return session_of(self).board.card(card_id)
        except KeyError:  # gone from the file, not yet from the screen
            return None

    def selected_id(self) -> str | None:
        card = self.selected_card
        return None if card is None else card.id

    def card_here(self) -> Card | None:
        """The card under the cursor, for a key that acts on one; without one, why not."""
        card = self.selected_card
        if card is None:
            column = self.current_column
            if self._filter and self._columns is not None and self._columns[column.stage]:
                words = f"the filter hides {column.stage.label}'s cards here: escape shows them all"
            else:
                words = f"{column.stage.label} is empty: h and l go to the other columns, n adds an application"
            self.notify(f"No card under the cursor: {words}.", timeout=4)
        return card

    def _board_changed(self, change: BoardChange | None) -> None:
        """The board on screen changed: drawn now (also under a dialog, where it shows
        dimmed), with the cursor on the card changed, or on its own card for others'
        changes; under the review or the stats, once back."""
        if change is None:
            return
        follow = change.follow or self._follow or self.selected_id()
        if self.is_current:
            self._follow = None
            self.refresh_board(follow=follow)
        else:
            self._follow = follow

    def _save_state_changed(self, _state: SaveState) -> None:
        self.refresh_header()

    def refresh_board(self, follow: str | None = None) -> None:
        """Redraw the header and the columns that changed; `follow` puts the cursor on that
        card, clearing a filter that hides it."""
        view = self.view
        columns = view.columns
        changed = columns.changed(self._columns)
        self._columns = columns
        self.refresh_header()
        self.query_one("#welcome").display = not view.board.cards
        for stage in changed:
            self._show_column(stage)
        if follow is not None:
            try:
                card = view.board.card(follow)
            except KeyError:  # deleted: the cursor stays where it is
                return
            if self._filter and not view.matching([card], self._filter):
                self.action_clear_filter()  # the card just changed is shown, as `jump_to` shows one
            column = self.column(card.stage)
            if card.id in column.card_ids:
                column.select_card(follow)
                self.set_current(card.stage)

    def _show_column(self, stage: Stage) -> None:
        assert self._columns is not None
        view, cards = self.view, self._columns[stage]
        if self._filter:
            self.column(stage).show_cards(view.matching(cards, self._filter), view, of=len(cards))
        else:
            self.column(stage).show_cards(cards, view)

    def refresh_header(self) -> None:
        app = self.app
        assert isinstance(app, SessionApp)
        view = self.view
        self.query_one(BoardHeader).show(view, app.save_state)
        self.query_one(TodaysInterviews).show(view.board, view.today)

    # Filter --------------------------------------------------------------------

    @property
    def filter_bar(self) -> Input:
        return self.query_one("#filter", Input)

    @property
    def filter_text(self) -> str:
        """The text the columns are filtered by now ("" when they are not)."""
        return self._filter

    @property
    def filtering(self) -> bool:
        """Whether the filter bar is open (with a text, or waiting for one)."""
        bars = self.query("#filter-bar")
        return bool(bars) and bool(bars.first().display)

    def _open_filter_bar(self, show: bool) -> None:
        self.query_one("#filter-bar").display = show

    async def action_filter(self) -> None:
        """Show the filter bar, the text typed so far kept, and type in it. The bar is
        built the first time: the board's first frame is drawn sooner without it."""
        if not self.query("#filter-bar"):
            bar = Horizontal(Static("Filter", id="filter-label"), Input(placeholder=FILTER_HINT, id="filter"))
            bar.id = "filter-bar"
            await self.mount(bar, before=self.query_one("#columns"))
        self._open_filter_bar(True)
        self.filter_bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            event.stop()
            self.filter_cards(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter and gives the keys back to the board, to walk what it found."""
        if event.input.id == "filter":
            event.stop()
            if not self._filter:
                self._open_filter_bar(False)
            self.set_focus(None)

    def filter_cards(self, text: str) -> None:
        """Show only the cards that contain `text`, in every column ("" shows them all)."""
        if text.strip() == self._filter:
            return
        self._filter = text.strip()
        for stage in STAGES:
            self._show_column(stage)
        if self.selected_card is None:  # the cursor's column found nothing: to the first that did
            found = next((stage for stage in STAGES if self.column(stage).card_count), None)
            if found is not None:
                self.set_current(found)
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        if self.query("#filter-bar"):
            self.filter_bar.value = ""
            self._open_filter_bar(False)
        self.set_focus(None)
        self.filter_cards("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return bool(self._filter) or self.filtering
        return True

    def jump_to(self, card_id: str) -> None:
        """Put the cursor on this card, clearing a filter that hides it."""
        self.refresh_board(follow=card_id)

    def action_undo(self) -> None:
        session_of(self).undo()

    def action_redo(self) -> None:
        session_of(self).undo(redo=True)

    # Cursor --------------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        current = self.current_column
        target_stage = ops.neighbour_stage(current.stage, step)
        if target_stage is None:
            return
        target = self.column(target_stage)
        if target.card_count:
            target.highlighted = min(current.highlighted or 0, target.card_count - 1)
        self.set_current(target_stage)

    def action_cursor(self, where: str) -> None:
        """Move the cursor within the current column: up, down, first, last, page_up, page_down."""
        names = {"up": "cursor_up", "down": "cursor_down"}
        getattr(self.current_column, f"action_{names.get(where, where)}")()

    def on_card_column_clicked(self, message: CardColumn.Clicked) -> None:
        self.set_current(message.column.stage)

    # Moving, logging, resolving ------------------------------------------------
    # A change shows itself: the session says the board changed, with the card to follow.

    def _on_card(self, flow: Callable[[Card], Awaitable[object]], name: str) -> None:
        """Run a card's flow on the card under the cursor, in a worker (it may ask in dialogs)."""
        card = self.card_here()
        if card is not None:
            run_flow(self, flow(card), name)

    def action_move(self, step: int) -> None:
        card = self.card_here()
        if card is None:
            return
        session = session_of(self)
        if card.is_resolved and step < 0:  # back where it was resolved from
            session.apply(lambda b: ops.reopen_card(b, card.id, on=session.today))
            return
        to = ops.neighbour_stage(card.stage, step)
        if to is None:
            self.app.bell()  # already in the first or last column
        else:
            self.send_to(card, to)

    def action_send(self, stage: str) -> None:
        if (card := self.card_here()) is not None:
            self.send_to(card, Stage(stage))

    def send_to(self, card: Card, to: Stage) -> None:
        """Move a card, asking first what the move needs: an outcome, an interview, or the
        follow-up. A move never invents what did not happen (`board.move_card`)."""
        session = session_of(self)
        if to is card.stage:
            self.notify(f"Already in {to.label}.")
        elif to is Stage.RESOLVED:
            run_flow(self, self.actions.choose_outcome(card), "resolve")
        elif to is Stage.INTERVIEWED and not card.interviews:
            run_flow(self, self.actions.interview(card), "interview")
        elif (
            to is Stage.FOLLOWED_UP and card.stage is Stage.INTERVIEWED and ops.can_follow_up_into(card, session.today)
        ):
            run_flow(self, self.actions.follow_up(card), "follow up")
        else:
            session.apply(lambda b: ops.move_card(b, card.id, to, on=session.today))

    def action_resolve(self, outcome: str) -> None:
        self._on_card(lambda card: self.actions.resolve(card, Outcome(outcome)), "resolve")

    def action_follow_up(self) -> None:
        self._on_card(self.actions.follow_up, "follow up")

    def action_open_link(self) -> None:
        if (card := self.card_here()) is not None:
            open_link(self.app, card)

    def action_thank_you(self) -> None:
        self._on_card(self.actions.thank_you, "thank-you")

    def action_interview(self) -> None:
        self._on_card(self.actions.interview, "interview")

    def action_snooze(self) -> None:
        self._on_card(self.actions.snooze, "snooze")

    def action_open(self) -> None:
        from fu_board.tui.screens.card_detail import edit_card  # TextArea's 9 ms: not before the first frame

        self._on_card(lambda card: edit_card(self.actions, card), "open")

    def action_edit_note(self) -> None:
        self._on_card(self.actions.edit_note_outside, "edit the note")

    # Adding, deleting, reviewing -------------------------------------------------

    def action_add(self) -> None:
        run_flow(self, self.actions.add(), "add")

    def action_delete(self) -> None:
        self._on_card(self.actions.delete, "delete")

    def action_stats(self) -> None:
        from fu_board.tui.screens.stats import StatsScreen  # its 3 ms: not before the first frame

        self.app.push_screen(StatsScreen())

    def action_review(self) -> None:
        from fu_board.tui.screens.review import ReviewScreen  # TextArea's 9 ms: not before the first frame

        self.app.push_screen(ReviewScreen())

    def on_screen_resume(self) -> None:
        # Back from the daily review or a dialog: what the file holds now, and the board as it
        # is, if it changed meanwhile.
        session = session_of(self)
        session.catch_up()
        if self._columns is None or self.view.columns is not self._columns or self._follow is not None:
            follow, self._follow = self._follow, None
            self.refresh_board(follow=follow)

    def action_help(self) -> None:
        from fu_board.tui.screens.help import HelpScreen, key_rows  # 1 ms: not before the first frame

        self.app.push_screen(HelpScreen(key_rows(self.app, self.active_bindings), columns=True))

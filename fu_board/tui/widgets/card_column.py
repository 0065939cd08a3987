"""One column of the board: a list that draws only the cards in view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fu_board.counts import days_since_touch
from fu_board.model import Card, Outcome, Stage
from fu_board.text import visible

OUTCOME_STYLE = {
    Outcome.YES: "bold $text-success",
    Outcome.NO: "bold $text-error",
    Outcome.WITHDRAWN: "bold $text-warning",
}


def days_ago(days: int) -> str:
    if days <= 0:
        return "today" if days == 0 else f"in {-days}d"
    return "yesterday" if days == 1 else f"{days}d ago"


def card_prompt(card: Card, today: dt.date) -> Content:
    """The lines a card shows on the board: company, role, status in dim text."""
    ago = days_ago(days_since_touch(card, today))
    if card.outcome is not None:
        outcome = (f"{card.outcome.symbol} {card.outcome.value}", OUTCOME_STYLE[card.outcome])
        status = Content.assemble(outcome, (f" · {ago}", "dim"))
    else:
        status = Content.assemble((f"touched {ago}", "dim"))
    role = (visible(card.role, one_line=True), "") if card.role else ("no role given", "dim italic")
    return Content.assemble(
        (visible(card.company, one_line=True), "bold"),
        "\n",
        role,
        "\n",
        status,
    )


class CardColumn(OptionList):
    """The cards of one stage. Enter opens the highlighted card; a click selects it."""

    BINDINGS = [
        Binding("enter", "select", "Open", tooltip="open the card: every detail, and its timeline"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="cursor up"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="cursor down"),
        Binding(
            "left,h", "screen.focus_column(-1)", "Column ←", show=False, tooltip="cursor to the column on the left"
        ),
        Binding(
            "right,l", "screen.focus_column(1)", "Column →", show=False, tooltip="cursor to the column on the right"
        ),
        Binding("home", "first", "First", show=False, tooltip="first card of the column"),
        Binding("end", "last", "Last", show=False, tooltip="last card of the column"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="a page up"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="a page down"),
    ]

    @dataclass
    class OpenCard(Message):
        """The person asked to open the card with this id."""

        card_id: str

    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"column-{stage.value}", markup=False)
        self.stage = stage
        self.card_ids: list[str] = []

    def show_cards(self, cards: list[Card], today: dt.date) -> None:
        """Replace the cards shown, keeping the cursor on the same row where it can."""
        highlighted = self.highlighted
        self.card_ids = [card.id for card in cards]
        options: list[Option | None] = []
        for card in cards:
            if options:
                options.append(None)  # a rule between cards
            options.append(Option(card_prompt(card, today), id=card.id))
        self.set_options(options)
        self.border_title = Content.assemble((self.stage.label, "bold"), f" · {len(cards)}")
        if cards:
            self.highlighted = min(highlighted or 0, len(cards) - 1)

    @property
    def selected_id(self) -> str | None:
        """The id of the card under the cursor, if any."""
        if self.highlighted is None or not self.card_ids:
            return None
        return self.card_ids[self.highlighted]

    def select_card(self, card_id: str) -> None:
        self.highlighted = self.card_ids.index(card_id)

    def action_select(self) -> None:
        if (card_id := self.selected_id) is not None:
            self.post_message(self.OpenCard(card_id))

    async def _on_click(self, event: events.Click) -> None:
        # A click selects the card; enter opens it.
        event.prevent_default()
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.highlighted = clicked
        self.focus()

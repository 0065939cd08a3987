"""One column of the board: a list that draws only the cards in view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fu_board.counts import days_since_touch, follow_up_count
from fu_board.model import Card, NoKind, Outcome, Settings, Stage
from fu_board.rules import FollowUp, Status, next_follow_up
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


FOLLOW_UP_STYLE = {
    Status.OVERDUE: "bold $text-error",
    Status.DUE_TODAY: "bold $text-warning",
    Status.UPCOMING: "$text-muted",
}


def follow_up_line(follow_up: FollowUp) -> Content:
    """ "⚑ follow-up 4d overdue": the words carry it, the colour repeats it."""
    mark = "○ " if follow_up.status is Status.UPCOMING else "⚑ "
    return Content.styled(mark + follow_up.words, FOLLOW_UP_STYLE[follow_up.status])


def card_prompt(card: Card, settings: Settings, today: dt.date) -> Content:
    """The lines a card shows on the board: company, role, then its next follow-up
    and, dimmed, the days since the last touch and the follow-ups so far; a
    resolved card shows its outcome in words."""
    ago = days_ago(days_since_touch(card, today))
    role = (visible(card.role, one_line=True), "") if card.role else ("no role given", "dim italic")
    lines: list[Content] = [
        Content.styled(visible(card.company, one_line=True), "bold"),
        Content.assemble(role),
    ]
    follow_up = next_follow_up(card, settings, today)
    if card.outcome is not None:
        silence = " (silence)" if card.no_kind is NoKind.SILENCE else ""
        outcome = (f"{card.outcome.symbol} {card.outcome.value}{silence}", OUTCOME_STYLE[card.outcome])
        lines.append(Content.assemble(outcome, (f" · {ago}", "dim")))
    elif follow_up is not None:
        count = follow_up_count(card)
        touched = f"{count} follow-up{'s' if count > 1 else ''} · {ago}" if count else f"touched {ago}"
        lines += [follow_up_line(follow_up), Content.styled(touched, "dim")]
    return Content("\n").join(lines)


class CardVisual(Visual):
    """A card's lines, built only when the card is drawn.

    A column may hold thousands of cards but shows a dozen: the option list asks
    every card for its height, which is known without drawing (one-line text
    that never wraps: four lines, three once resolved), and asks only the
    visible ones to render.
    """

    def __init__(self, card: Card, settings: Settings, today: dt.date) -> None:
        self.card = card
        self.settings = settings
        self.today = today
        self._content: Content | None = None

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = card_prompt(self.card, self.settings, self.today)
        return self._content

    def __str__(self) -> str:
        return self.content.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 3 if self.card.is_resolved else 4


class CardColumn(OptionList):
    """The cards of one stage, drawn a visible row at a time. A click selects a card.

    The board screen owns the keys and says which column is current (the
    `-current` class), so the columns never take focus."""

    can_focus = False

    @dataclass
    class Clicked(Message):
        """The person clicked this column (and the card under the mouse, if any)."""

        column: CardColumn

    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"column-{stage.value}", markup=False)
        self.stage = stage
        self.card_ids: list[str] = []

    def show_cards(self, cards: list[Card], settings: Settings, today: dt.date) -> None:
        """Replace the cards shown, keeping the cursor on the same row where it can."""
        highlighted = self.highlighted
        self.card_ids = [card.id for card in cards]
        options: list[Option | None] = []
        for card in cards:
            if options:
                options.append(None)  # a rule between cards
            options.append(Option(CardVisual(card, settings, today), id=card.id))
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

    async def _on_click(self, event: events.Click) -> None:
        # A click selects the card; enter opens it.
        event.prevent_default()
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.highlighted = clicked
        self.post_message(self.Clicked(self))

"""One column of the board: a line-based list that draws only the cards in view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from fu_board.counts import days_since_touch, follow_up_count
from fu_board.model import Board, Card, Interview, NoKind, Outcome, Stage
from fu_board.rules import FollowUp, Reason, Status, clock, scheduled_interviews
from fu_board.text import visible
from fu_board.tui.textual_internals import set_virtual_size
from fu_board.views import View

OUTCOME_STYLE = {
    Outcome.YES: "bold $text-success",
    Outcome.NO: "bold $text-error",
    Outcome.WITHDRAWN: "bold $text-warning",
}


def days_ago(days: int, *, short: bool = False) -> str:
    """ "yesterday", "5d ago"; `short`: "1d ago" for yesterday too."""
    if days <= 0:
        return "today" if days == 0 else f"in {-days}d"
    return "yesterday" if days == 1 and not short else f"{days}d ago"


FOLLOW_UP_STYLE = {
    Status.OVERDUE: "bold $text-error",
    Status.DUE_TODAY: "bold $text-warning",
    Status.UPCOMING: "$text-muted",
}


INTERVIEW_MARK = "◆ "
"""Marks an interview to come, as ⚑ marks what is due and ○ what is coming."""


def interview_line(
    interview: Interview, today: dt.date, style: str = "$text-accent", width: int | None = None
) -> Content:
    """ "◆ Tue 8 Dec 14:00 onsite": when first, then what kind of interview. Where that does
    not fit in `width` cells, the weekday goes first, then the kind: the date and time stay."""
    day = f"{interview.date.day} {interview.date:%b}"
    days = ["today"] if interview.date == today else [f"{interview.date:%a} {day}", day]
    whens = [f"{when} {interview.time}" if interview.time else when for when in days]
    shapes = [f"{when} {interview.what}" for when in whens] + whens
    line = next((shape for shape in shapes if width is None or len(INTERVIEW_MARK + shape) <= width), shapes[-1])
    return Content.styled(INTERVIEW_MARK + line, style)


def follow_up_line(follow_up: FollowUp, width: int | None = None) -> Content:
    """ "⚑ follow-up 4d overdue": the words carry it, the colour repeats it; "⚑ 4d late"
    where those do not fit in `width` cells. An interview to come reads "◆ Tue 8 Dec 14:00
    onsite"."""
    if follow_up.reason is Reason.INTERVIEW_TODAY and follow_up.interview is not None:
        style = "bold $text-accent" if follow_up.is_due else "$text-accent"
        return interview_line(follow_up.interview, follow_up.today, style, width)
    mark = "○ " if follow_up.status is Status.UPCOMING else "⚑ "
    words = follow_up.words
    if width is not None and len(mark) + len(words) > width:
        words = follow_up.short_words
    return Content.styled(mark + words, FOLLOW_UP_STYLE[follow_up.status])


NO_KIND_WORDS = {NoKind.SILENCE: " (silence)", NoKind.FORM: " (form)"}


def card_prompt(
    card: Card, follow_up: FollowUp | None, today: dt.date, now: dt.time | None = None, width: int | None = None
) -> Content:
    """The lines a card shows on the board: company, role, then what it asks for first
    (`follow_up`, its headline) and, dimmed, the days since the last touch and the
    follow-ups so far (or the interview booked, when something else comes first); a
    resolved card shows its outcome in words. `width`: the cells there are, which shorter
    words then fit."""
    ago = days_ago(days_since_touch(card, today))
    role = (visible(card.role, one_line=True), "") if card.role else ("no role given", "dim italic")
    lines: list[Content] = [
        Content.styled(visible(card.company, one_line=True), "bold"),
        Content.assemble(role),
    ]
    if card.outcome is not None:
        kind = NO_KIND_WORDS.get(card.no_kind, "") if card.no_kind is not None else ""
        outcome = (f"{card.outcome.symbol} {card.outcome.value}{kind}", OUTCOME_STYLE[card.outcome])
        when = f" · {ago}"
        if width is not None and len(outcome[0]) + len(when) > width:
            when = f" {days_since_touch(card, today)}d"
        lines.append(Content.assemble(outcome, (when, "dim")))
    elif follow_up is not None:
        booked = scheduled_interviews(card, today, clock(now))
        if booked and follow_up.reason is not Reason.INTERVIEW_TODAY:
            below = interview_line(booked[0], today, width=width)
        else:
            count = follow_up_count(card)
            touched = f"{count} follow-up{'s' if count > 1 else ''} · {ago}" if count else f"touched {ago}"
            if width is not None and len(touched) > width:
                ago = days_ago(days_since_touch(card, today), short=True)
                touched = f"{count} sent · {ago}" if count else f"touched {ago}"
            below = Content.styled(touched, "dim")
        lines += [follow_up_line(follow_up, width), below]
    return Content("\n").join(lines)


def card_strips(lines: list[Content], width: int, padding: Spacing, style: Style, height: int) -> list[Strip]:
    """A card's lines as `height` rows of `width` cells: each cut short with an ellipsis
    (the column's `text-wrap: nowrap; text-overflow: ellipsis`) and padded left and right.

    Segment for segment what `Visual.to_strips` makes of the padded content (a test holds
    the two together), in a third of the time: a line of cards is one line of text each,
    so nothing needs wrapping, aligning or measuring twice.
    """
    rich_style = style.rich_style
    inner = max(width - padding.left - padding.right, 0)
    left = [Segment(" " * padding.left, rich_style)] if padding.left else []
    strips = []
    for y, line in enumerate(lines[:height]):
        segments = left.copy()
        x = 0
        for text, text_style in line.truncate(inner, ellipsis=True).render(style, end=""):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, y)))
            x += len(text)
        filled = padding.left + sum(segment.cell_length for segment in segments[len(left) :])
        if filled < width:
            segments.append(Segment(" " * (width - filled), rich_style))
        strips.append(Strip(segments, width))
    strips += [Strip.blank(width, rich_style)] * (height - len(strips))
    return strips


class CardColumn(ScrollView, can_focus=False):
    """The cards of one stage, a line-based widget that draws only the rows in view.

    Every card of a column has the same height (four lines while it is open, three
    once resolved, and a rule between cards), so the card under any line is one
    division away: nothing is measured per card, and showing a column of thousands
    costs as little as showing a dozen. A card's lines are kept once drawn, by the
    card's identity (cards are immutable), so a redraw after a change draws only
    the cards that changed.

    The board screen owns the keys and says which column is current, so the
    columns never take focus. The current column is marked without a CSS class:
    changing a class restyles a column's scrollbars, which asks for a whole-screen
    layout pass (about 20 ms at 10,000 cards) on every move between columns.
    Instead the column copies its border from the `card-column--current`
    component style and draws its cursor with `card-column--cursor`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card-column--card",
        "card-column--rule",
        "card-column--selected",
        "card-column--cursor",
        "card-column--current",
    }

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The cards' height. A card more or less changes only this column, so no layout
    pass; a scrollbar appearing or going still asks for one (`show_vertical_scrollbar`)."""

    ALLOW_SELECT = False
    """A click selects a card; its text is not for selecting with the mouse."""

    KEPT = 512
    """Cards whose drawn lines are kept; past that the least recently drawn go (a column shows a dozen)."""

    @dataclass
    class Clicked(Message):
        """The person clicked this column (and the card under the mouse, if any)."""

        column: CardColumn

    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"column-{stage.value}")
        self.stage = stage
        self.card_lines = 3 if stage is Stage.RESOLVED else 4
        self.stride = self.card_lines + 1
        self._cards: Sequence[Card] = ()
        self._view = View(Board(), dt.date.min)
        """The board the cards are drawn from, seen at the moment they are drawn for: set with
        the cards, by `show_cards`."""
        self._highlighted: int | None = None
        self._titled: tuple[int, int | None, int] | None = None
        """The count, the filter's total and the width the border's title was last made for."""
        self._current = False
        self._drawn: LRUCache[tuple[int, Style], tuple[Card, int, list[Strip]]] = LRUCache(self.KEPT)
        """Each card's drawn lines, by the card's identity and its style: Textual's own cache."""

    # The cards ---------------------------------------------------------------------

    def show_cards(self, cards: Sequence[Card], view: View, *, of: int | None = None) -> None:
        """Replace the cards shown (a list the caller will not change, of `view`'s board),
        keeping the cursor on the same row where it can. `of`: how many the column holds
        when a filter shows only some of them ("3 of 12" in the title)."""
        drawn = self._view
        if view.board.settings is not drawn.board.settings or (view.today, view.now) != (drawn.today, drawn.now):
            self._drawn.clear()
        self._cards, self._view = cards, view
        height = len(cards) * self.stride - 1 if cards else 0
        virtual_size = Size(self.scrollable_content_region.width, height)
        if virtual_size != self.virtual_size:
            set_virtual_size(self, virtual_size)
        self._title(len(cards), of)
        self._highlighted = None if not cards else min(self._highlighted or 0, len(cards) - 1)
        self.refresh()
        self.scroll_to_highlight()

    @property
    def card_count(self) -> int:
        return len(self._cards)

    @property
    def card_ids(self) -> list[str]:
        """The ids of the cards shown, top to bottom."""
        return [card.id for card in self._cards]

    def card_text(self, index: int) -> str:
        """The text the card at `index` shows, one line per row."""
        card, view = self._cards[index], self._view
        return card_prompt(card, view.headline(card), view.today, view.now).plain

    @property
    def selected_id(self) -> str | None:
        """The id of the card under the cursor, if any."""
        if self._highlighted is None or not self._cards:
            return None
        return self._cards[self._highlighted].id

    def select_card(self, card_id: str) -> None:
        """Put the cursor on the card with this id (`ValueError` when it is not here)."""
        for index, card in enumerate(self._cards):
            if card.id == card_id:
                self.highlighted = index
                return
        raise ValueError(f"card {card_id} is not in the {self.stage.label} column")

    # The cursor ----------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The index of the card under the cursor (None in an empty column)."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(index, len(self._cards) - 1)) if self._cards else None
        if index != self._highlighted:
            self._highlighted = index
            self.refresh()
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        if self._highlighted is None or not self.is_mounted:
            return
        top = self._highlighted * self.stride
        self.scroll_to_region(
            Region(0, top, self.scrollable_content_region.width, self.card_lines),
            force=True,
            animate=False,
            immediate=True,
        )

    def action_cursor_up(self) -> None:
        """The card above; on the first it stays (as in a list or a pager: a held key
        stops at the end instead of jumping to the far one)."""
        if self._cards:
            self.highlighted = max((self._highlighted or 0) - 1, 0)

    def action_cursor_down(self) -> None:
        """The card below; on the last it stays."""
        if self._cards:
            self.highlighted = 0 if self._highlighted is None else min(self._highlighted + 1, len(self._cards) - 1)

    def action_first(self) -> None:
        if self._cards:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._cards:
            self.highlighted = len(self._cards) - 1

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_page_down(self) -> None:
        self._move_page(1)

    def _move_page(self, direction: int) -> None:
        if not self._cards:
            return
        if self._highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self._cards) - 1
            return
        line = self._highlighted * self.stride + direction * self.scrollable_content_region.height
        self.highlighted = max(0, line) // self.stride

    # Being current -------------------------------------------------------------------

    @property
    def current(self) -> bool:
        """Whether the cursor is in this column."""
        return self._current

    @current.setter
    def current(self, current: bool) -> None:
        if current is not self._current:
            self._current = current
            self._show_current()

    def _show_current(self) -> None:
        if self._current:
            self.styles.border = self.get_component_styles("card-column--current").border
        else:
            for edge in ("border_top", "border_right", "border_bottom", "border_left"):
                self.styles.clear_rule(edge)
        self.refresh()

    def notify_style_update(self) -> None:
        # The stylesheet changed (a new theme): draw again, with the current border from it.
        super().notify_style_update()
        self._drawn.clear()
        if self._current:
            self.call_after_refresh(self._show_current)

    # Drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, row = divmod(self.scroll_offset.y + y, self.stride)
        if index >= len(self._cards) or (row == self.card_lines and index == len(self._cards) - 1):
            return Strip.blank(width, self.get_visual_style("card-column--card").rich_style)
        if row == self.card_lines:
            rule = self.get_visual_style("card-column--rule").rich_style
            return Strip([Segment("─" * width, rule)], width)
        return self._card_strips(index, width)[row]

    def _card_strips(self, index: int, width: int) -> list[Strip]:
        card = self._cards[index]
        if index != self._highlighted:
            style = self.get_visual_style("card-column--card")
        else:
            style = self.get_visual_style(
                "card-column--card", "card-column--cursor" if self._current else "card-column--selected"
            )
        key = (id(card), style)
        drawn = self._drawn.get(key)
        if drawn is not None and drawn[0] is card and drawn[1] == width:
            return drawn[2]
        padding = self.get_component_styles("card-column--card").padding
        view = self._view
        content = card_prompt(card, view.headline(card), view.today, view.now, width - padding.left - padding.right)
        strips = card_strips(content.split("\n"), width, padding, style, self.card_lines)
        self._drawn[key] = (card, width, strips)
        return strips

    def _title(self, count: int, of: int | None) -> None:
        """ "Applied · 3", or "Applied · 3 of 12" under a filter; in a narrow column
        "Interviewed 2", "Followed… 2/12": the label gives way, the count never does."""
        width = self.outer_size.width
        if self._titled == (count, of, width):
            return
        self._titled = (count, of, width)
        label = self.stage.label
        room = width - 6 if width else None  # the corners, and a rule and a space each side
        full = f" · {count}" if of is None else f" · {count} of {of}"
        short = f" {count}" if of is None else f" {count}/{of}"
        if room is None or len(label) + len(full) <= room:
            self.border_title = Content.assemble((label, "bold"), full)
            return
        if len(label) + len(short) > room:
            label = label[: max(room - len(short) - 1, 1)] + "…"
        self.border_title = Content.assemble((label, "bold"), short)

    def _on_resize(self) -> None:
        """Cards are drawn anew at the new width, and the cursor's card kept in view (a
        smaller terminal would otherwise leave it below the fold, and `enter` would open
        a card not on screen)."""
        self._drawn.clear()
        if self._titled is not None:
            self._title(*self._titled[:2])
        self.call_after_refresh(self.scroll_to_highlight)

    async def _on_click(self, event: events.Click) -> None:
        # A click selects the card under the mouse; enter opens it.
        offset = event.get_content_offset(self)
        if offset is not None:
            index, row = divmod(offset.y + self.scroll_offset.y, self.stride)
            if row < self.card_lines and index < len(self._cards):
                self.highlighted = index
        self.post_message(self.Clicked(self))

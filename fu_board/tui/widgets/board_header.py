"""The line at the top of the board: the date and the two numbers that matter."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import Static

from fu_board.changes import swapped
from fu_board.model import Board, Card, Interview
from fu_board.progress import to_go_words
from fu_board.rules import card_interviews_on
from fu_board.text import visible
from fu_board.tui.session_app import SaveState
from fu_board.tui.widgets.card_column import INTERVIEW_MARK
from fu_board.views import View

Part = str | tuple[str, str]
SAVED = SaveState()
"""Everything saved, nothing read-only."""


def header_content(view: View, state: SaveState = SAVED, width: int | None = None) -> Content:
    """The header of the board `view` shows, in `width` cells when it can: the full line, or
    shorter ones that keep, to the last, the three numbers (irons in the fire, due today,
    nos until yes). `state.choosing`: the changes wait for the person to choose between
    this window's version of some cards and the file's (not a failure to save, which
    `state.unsaved` alone says)."""
    board, today, counted = view.board, view.today, view.standing
    irons, nos = counted.open, counted.nos_until_yes
    target = board.settings.irons_target
    due, overdue = view.due_counts
    ahead = to_go_words(board.settings, counted)
    choosing, unsaved, read_only = state.choosing, state.unsaved, state.read_only
    irons_style = "bold" if irons >= target else "bold $text-warning"
    due_style = "bold $text-warning" if due else "bold"

    # First, so that a narrow terminal never cuts them off.
    flags: list[Part] = []
    if choosing:
        flags += [(" WAITING FOR YOUR CHOICE: ctrl+s ", "bold $text-warning on $warning-muted"), "  "]
    elif unsaved:
        flags += [(" NOT SAVED: ctrl+s to retry ", "bold $text-error on $error-muted"), "  "]
    if read_only:
        flags += [(" READ-ONLY ", "bold $text-warning on $warning-muted"), "  "]

    def line(*, date: bool, long: bool, extras: bool) -> Content:
        parts: list[Part] = [("fu-board", "bold $text-primary"), "  ", *flags]
        if date:
            parts += [(today.strftime("%a %d %b %Y"), ""), "   "]
        parts += ["irons in the fire " if long else "irons ", (f"{irons}/{target}", irons_style)]
        if irons < target and extras:
            parts.append((f" (add {target - irons} more)" if long else f" (+{target - irons})", "$text-warning"))
        parts += ["   due today " if long else "  due ", (str(due), due_style)]
        if overdue and extras:
            parts.append((f" ({overdue} overdue)" if long else f" ({overdue} late)", "$text-error"))
        parts += ["   nos until yes " if long else "  nos until yes ", (str(nos), "bold")]
        if ahead and extras:
            parts.append((f" ({ahead})", "$text-success"))
        return Content.assemble(*parts)

    shapes = [
        {"date": True, "long": True, "extras": True},
        {"date": False, "long": True, "extras": True},
        {"date": False, "long": False, "extras": True},
        {"date": False, "long": False, "extras": False},
    ]
    for shape in shapes[:-1]:
        content = line(**shape)
        if width is None or content.cell_length <= width:
            return content
    return line(**shapes[-1])


class BoardHeader(Static):
    """Today's date, irons in the fire against the target, and nos until yes."""

    _shown: tuple[View, SaveState] | None = None

    def show(self, view: View, state: SaveState) -> None:
        self._shown = (view, state)
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            return
        # One line, the full width: its size never changes, so no layout pass (a whole-screen
        # reflow, about 100 ms at 10,000 cards).
        self.update(header_content(*self._shown, width=self.content_region.width or None), layout=False)

    def on_resize(self) -> None:
        """A narrower terminal gets a shorter line, not one cut off before nos until yes."""
        self._draw()


def interview_words(card: Card, interview: Interview, today: dt.date) -> Content:
    """`today 14:00: onsite at Acme (Monica Hall, Richard Roe) · 1 Main St`."""
    day = "today" if interview.date == today else interview.when
    when = f"{day} {interview.time}" if interview.date == today and interview.time else day
    parts: list[Part] = [(f"{when}: ", "bold"), f"{interview.what} at ", (visible(card.company, one_line=True), "bold")]
    if interview.interviewers:
        parts.append(" (" + visible(", ".join(interview.interviewers), one_line=True) + ")")
    if interview.where:
        parts.append(" · " + visible(interview.where, one_line=True))
    return Content.assemble(*parts)


SHOWN = 3
"""Interviews of today named on the line; more are counted ("+2 more")."""


def todays_interviews(found: list[tuple[Card, Interview]], today: dt.date) -> Content | None:
    """The interviews of today (`rules.interviews_on`) on one line, by time; None on a day without one."""
    if not found:
        return None
    lines = [interview_words(card, interview, today) for card, interview in found[:SHOWN]]
    more = [(f"   +{len(found) - SHOWN} more", "$text-muted")] if len(found) > SHOWN else []
    return Content.assemble((INTERVIEW_MARK, "bold $text-accent"), Content("   ").join(lines), *more)


class TodaysInterviews(Static):
    """The interviews of today, under the header; hidden on a day without one. It follows the
    board card by card (`changes.swapped`), so a key on a big board does not look at every card."""

    _shown: Content | None = None
    _board: Board | None = None
    _day: dt.date | None = None
    _found: dict[str, tuple[Card, list[Interview]]]

    def show(self, board: Board, today: dt.date) -> None:
        if board is self._board and today == self._day:
            return
        pairs = swapped(self._board, board) if self._board is not None and today == self._day else None
        if pairs is None:
            self._found = {
                card.id: (card, interviews) for card in board.cards if (interviews := card_interviews_on(card, today))
            }
        else:
            for _, card in pairs:
                if interviews := card_interviews_on(card, today):
                    self._found[card.id] = (card, interviews)
                else:
                    self._found.pop(card.id, None)
        self._board, self._day = board, today
        found = sorted(
            ((card, interview) for card, interviews in self._found.values() for interview in interviews),
            key=lambda pair: (pair[1].time, pair[0].company.casefold(), pair[0].id),
        )
        content = todays_interviews(found, today)
        if content == self._shown:
            return
        self._shown = content
        self.display = content is not None
        if content is not None:
            self.update(content)

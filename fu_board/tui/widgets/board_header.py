"""The line at the top of the board: the date and the two numbers that matter."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import Static

from fu_board.counts import irons_in_fire, nos_until_yes
from fu_board.model import Board
from fu_board.progress import to_go_words
from fu_board.rules import due_counts

Part = str | tuple[str, str]


def header_content(
    board: Board, today: dt.date, *, unsaved: bool = False, read_only: str | None = None, width: int | None = None
) -> Content:
    """The header in `width` cells when it can: the full line, or shorter ones that keep,
    to the last, the three numbers (irons in the fire, due today, nos until yes)."""
    irons = irons_in_fire(board)
    target = board.settings.irons_target
    nos = nos_until_yes(board)
    due, overdue = due_counts(board, today)
    ahead = to_go_words(board)
    irons_style = "bold" if irons >= target else "bold $text-warning"
    due_style = "bold $text-warning" if due else "bold"

    # First, so that a narrow terminal never cuts them off.
    flags: list[Part] = []
    if unsaved:
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

    _shown: tuple[Board, dt.date, bool, str | None] | None = None

    def show(self, board: Board, today: dt.date, *, unsaved: bool = False, read_only: str | None = None) -> None:
        self._shown = (board, today, unsaved, read_only)
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            return
        board, today, unsaved, read_only = self._shown
        width = self.content_region.width or None
        # One line, the full width: its size never changes, so no layout pass (a whole-screen
        # reflow, about 100 ms at 10,000 cards).
        self.update(header_content(board, today, unsaved=unsaved, read_only=read_only, width=width), layout=False)

    def on_resize(self) -> None:
        """A narrower terminal gets a shorter line, not one cut off before nos until yes."""
        self._draw()

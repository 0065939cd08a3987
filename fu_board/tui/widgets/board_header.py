"""The line at the top of the board: the date and the two numbers that matter."""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widgets import Static

from fu_board.counts import irons_in_fire, nos_until_yes
from fu_board.model import Board
from fu_board.progress import to_go_words
from fu_board.rules import due_counts


def header_content(board: Board, today: dt.date, *, unsaved: bool = False, read_only: str | None = None) -> Content:
    irons = irons_in_fire(board)
    target = board.settings.irons_target
    nos = nos_until_yes(board)
    irons_style = "bold" if irons >= target else "bold $text-warning"
    parts: list[str | tuple[str, str]] = [("fu-board", "bold $text-primary"), "  "]
    # First, so that a narrow terminal never cuts them off.
    if unsaved:
        parts += [(" NOT SAVED: ctrl+s to retry ", "bold $text-error on $error-muted"), "  "]
    if read_only:
        parts += [(" READ-ONLY ", "bold $text-warning on $warning-muted"), "  "]
    parts += [
        (today.strftime("%a %d %b %Y"), ""),
        "   irons in the fire ",
        (f"{irons}/{target}", irons_style),
    ]
    if irons < target:
        parts.append((f" (add {target - irons} more)", "$text-warning"))
    due, overdue = due_counts(board, today)
    parts += ["   due today ", (str(due), "bold $text-warning" if due else "bold")]
    if overdue:
        parts.append((f" ({overdue} overdue)", "$text-error"))
    parts += ["   nos until yes ", (str(nos), "bold")]
    if ahead := to_go_words(board):
        parts.append((f" ({ahead})", "$text-success"))
    return Content.assemble(*parts)


class BoardHeader(Static):
    """Today's date, irons in the fire against the target, and nos until yes."""

    def show(self, board: Board, today: dt.date, *, unsaved: bool = False, read_only: str | None = None) -> None:
        # One line, the full width: its size never changes, so no layout pass (a whole-screen
        # reflow, about 100 ms at 10,000 cards).
        self.update(header_content(board, today, unsaved=unsaved, read_only=read_only), layout=False)

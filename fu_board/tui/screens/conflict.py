"""The choice shown when this window and another writer changed the same cards."""

from __future__ import annotations

from textual.content import Content

from fu_board.board_file import Conflict
from fu_board.merge import CardConflict, Side
from fu_board.model import Card
from fu_board.text import visible
from fu_board.tui.screens.choose import Choice, ChooseScreen

SIDES: tuple[Choice[Side], ...] = (
    Choice(("m",), "mine", "keep mine: these cards as this window shows them"),
    Choice(("f",), "theirs", "keep the file's: these cards as they were saved outside fu-board"),
)


def _version(card: Card | None) -> str:
    """One side of a conflict in a few words: where the card is and its latest entry."""
    if card is None:
        return "deleted"
    where = f"{card.outcome.value}" if card.outcome else card.stage.label
    if not card.timeline:
        return where
    last = card.timeline[-1]
    note = visible(last.note, one_line=True)
    said = f" ({note[:40]}…)" if len(note) > 40 else f" ({note})" if note else ""
    return f"{where}; latest entry: {last.kind.value.replace('_', ' ')} on {last.date.isoformat()}{said}"


def _lines(conflict: CardConflict) -> Content:
    card = conflict.mine or conflict.theirs or conflict.base
    assert card is not None
    parts: list[str | tuple[str, str]] = [
        ("• ", "$text-warning"),
        (visible(card.title, one_line=True), "bold"),
        f"\n    here:      {_version(conflict.mine)}",
        f"\n    the file:  {_version(conflict.theirs)}",
    ]
    if conflict.what:
        parts.append((f"\n    both changed: {', '.join(conflict.what)}", "$text-muted"))
    return Content.assemble(*parts)


def conflict_dialog(conflict: Conflict, *, quitting: bool = False) -> ChooseScreen[Side]:
    """Asks which side to keep for the cards both sides changed; every other change is kept either way."""
    merged = conflict.merged
    parts = [
        Content(
            "While fu-board was open, the board file was changed outside it (the command line, another window, "
            "an editor or a sync), and the same things were changed here too:"
        )
    ]
    parts += [_lines(each) for each in merged.conflicts]
    if merged.settings_conflicts:
        names = ", ".join(merged.settings_conflicts)
        parts.append(Content.assemble(("• ", "$text-warning"), ("the board's settings", "bold"), f": {names}"))
    parts.append(Content("\nEvery other change, from both sides, is kept whichever you choose."))
    later = "quit without saving (asks first)" if quitting else "decide later; nothing is saved until you choose"
    return ChooseScreen(
        Content.styled("Changed here and outside fu-board", "bold $text-warning"),
        SIDES,
        detail=Content("\n").join(parts),
        escape=later,
    )

"""`?`: every key that works right now, read from the live bindings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fu_board.board import COLUMN_WORDS


def key_rows(app: App[Any], bindings: Mapping[str, ActiveBinding]) -> list[tuple[str, str]]:
    """(keys, what they do) for each action, keys of one action joined: `H shift+←`.

    fu-board's own bindings carry a tooltip that says what they do; of the
    bindings Textual brings, only the app's own (quit, palette) are listed.
    """
    rows: dict[tuple[int, str], tuple[list[str], str]] = {}
    for active in bindings.values():
        binding = active.binding
        description = binding.tooltip or (binding.description if active.node is app else "")
        if not description:
            continue
        keys, _ = rows.setdefault((id(active.node), binding.action), ([], description))
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description) for keys, description in rows.values()]


class HelpScreen(ModalScreen[None]):
    """A table of keys; any of escape, ? or q closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str]], *, columns: bool = False) -> None:
        """`columns`: say, under the keys, what each column of the board holds."""
        super().__init__()
        self.rows = rows
        self.columns = columns

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.rows), default=0) + 2
        lines = Content("\n").join(
            Content.assemble((keys.ljust(width), "bold $text-accent"), description) for keys, description in self.rows
        )
        with Vertical(classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(lines, id="keys")
                if self.columns:
                    yield Static(
                        Content("\n").join(
                            [
                                Content.styled("The columns", "bold"),
                                *(Content(f"{words}.") for words in COLUMN_WORDS.values()),
                            ]
                        ),
                        id="columns-help",
                    )
            yield Static("escape, ? or q: close", classes="hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

"""Every place fu-board leans on a part of Textual that Textual does not document, gathered
here so that an upgrade has one file to read. Written for Textual 8.2.8, the version
pinned in pyproject.toml; tests/tui/test_textual_internals.py holds each use to what it
expects and fails loudly when an upgrade changed it.

Each is here because the benchmark (bench/run.py) or a bug showed the public way falls short:
- `FooterKey`, `footer_key_action`, `is_palette_key`, `footer_key_width`: the footer's
  keys, what each runs and how wide it is drawn, to leave some out at 80 columns (the
  footer offers no way to choose which keys it drops; it cuts off the last ones, help
  and quit).
- `composited_lines`: the screen below a modal one, to dim it in about a third of the
  time Textual's `BackgroundScreen` takes (`DimmedScreen`: opening a card).
- `set_virtual_size`: a column's scrollable height set and its scrollbars updated at
  once, so that a card more or less never asks for a layout pass (moving a card).
- `refill`: an Input given a new value as a new Input takes its first one (the card
  screen reuses its form for the next card).

`FuBoardApp._fatal_error` overrides the method Textual calls, inside its `except`, for an
error nobody foresaw, to write the report to a private file instead of printing the
traceback with its local values (tests/tui/test_crash.py).

`key_gate.KeyGate` hands the app again a key event it took and held back (`post_message`
of the same event): undocumented, and held to its order by tests/tui/test_fast_typing.py.

Two short cuts draw what Textual would, faster, and are held to Textual's own output:
`card_column.card_strips` (a card's lines, as `Visual.to_strips` draws them: every
redrawn card, tests/tui/test_long_columns.py) and `card_detail.DimmedScreen` (the
board behind a card, as `BackgroundScreen` draws it: opening a card,
tests/tui/test_card_screen_speedups.py). An upgrade of Textual runs those tests too.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input
from textual.widgets._footer import FooterKey  # not exported by textual.widgets

TEXTUAL_VERSION = "8.2.8"
"""The Textual these uses were written for and tested against."""

__all__ = [
    "TEXTUAL_VERSION",
    "BackgroundScreen",
    "FooterKey",
    "composited_lines",
    "footer_key_action",
    "footer_key_width",
    "is_palette_key",
    "refill",
    "set_virtual_size",
]


def footer_key_action(key: FooterKey) -> str:
    """The action a footer key runs (`app.quit`, `screen.move(-1)`), as its binding names it."""
    return key.action


def is_palette_key(key: FooterKey) -> bool:
    """Whether this is the command palette's key, drawn apart on the right."""
    return key.has_class("-command-palette")


def footer_key_width(key: FooterKey) -> int:
    """The cells a footer key takes: ` k ` then `description `, or compact (as the command
    palette's key always is) `k description`; for the palette's key on the right, its
    border and padding too (`FooterKey.DEFAULT_CSS`, `Footer.DEFAULT_CSS`)."""
    width = cell_len(key.key_display) + (0 if key.has_class("-compact") else 2)
    if key.description:
        width += cell_len(key.description) + 1
    if is_palette_key(key):
        width += 2
    return width


def composited_lines(screen: Screen[object]) -> list[Strip]:
    """The lines of `screen` as last composited, as `BackgroundScreen` renders them."""
    return screen._compositor.render_strips()


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give `view` a new scrollable size and update its scrollbars, without the layout pass
    of the whole screen that setting `virtual_size` alone waits for."""
    view.virtual_size = size
    view._scroll_update(size)


def refill(widget: Input, value: str) -> None:
    """Give `widget` `value` the way a new Input takes its first one: the cursor after the
    text, nothing selected, the text seen from its start. A later value keeps the old
    cursor and scrolls to it; Input itself skips that only while `_initial_value` is set."""
    if widget.scroll_x:
        widget.scroll_to(0, animate=False, immediate=True, force=True)
    widget._initial_value = True
    widget.value = value
    widget.cursor_position = len(value)
    widget._initial_value = False

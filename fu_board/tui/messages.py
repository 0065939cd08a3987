"""What the parts of the app tell the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ThemeChosen(Message):
    """A theme picked in the palette (ctrl+p, Theme): shown, and kept in the board's settings,
    even when it is the one on screen already (in place of a name Textual does not have)."""

    name: str

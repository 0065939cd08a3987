"""What leaves the board for the person's desktop: a link or a message opened in their
browser or mail program, and text put on the clipboard."""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from textual.app import App

from fu_board import clipboard
from fu_board.model import Card


def open_outside(app: App[Any], url: str, instead: str) -> bool:
    """Open `url` through Textual (the browser, or for a `mailto:` the mail program), where
    the person can see it: when the app is served on the web, or with a desktop here. Over
    ssh, or on a console, Python's `webbrowser` would start a text browser inside this very
    terminal; then it says so, and `instead` (what to do), and opens nothing."""
    if app.is_web or clipboard.has_desktop(os.environ):
        app.open_url(url)
        return True
    app.notify(f"No desktop here to open it on (over ssh, or a console): {instead}", severity="warning")
    return False


def open_link(app: App[Any], card: Card) -> None:
    """`O`: the card's link (the posting) in the browser (see `open_outside`)."""
    link = card.link.strip()
    if not link.lower().startswith(("http://", "https://")):
        words = "This card has no link" if not link else "The card's link is not a web address (http or https)"
        app.notify(f"{words}: e adds one.")
        return
    if open_outside(app, link, "the link is on the card (enter opens it)."):
        app.notify("Opening the card's link in your browser.", timeout=3)


def copy_text(app: App[Any], text: str, copied: str = "") -> None:
    """Copy `text` both ways there are: the terminal's clipboard (OSC 52, which reaches the
    person's own machine even over ssh) and, in a local session, the system's (a tool such
    as `pbcopy`, on a thread); then say truthfully whether it worked. `copied` is said
    first, when it did (what was copied)."""
    app.copy_to_clipboard(text)
    app.run_worker(
        partial(_copy_to_system, app, text, copied),
        name="clipboard",
        description="copy to the system's clipboard",
        thread=True,
        exclusive=True,
        group="clipboard",
        exit_on_error=False,
    )


def _copy_to_system(app: App[Any], text: str, copied: str) -> None:
    """On a thread: the clipboard tool may take a moment."""
    tool = clipboard.copy(text)
    words, warn = clipboard.copied_words(tool, os.environ)
    if copied and not warn:
        words = copied
    app.call_from_thread(app.notify, words, severity="warning" if warn else "information", timeout=10 if warn else 4)

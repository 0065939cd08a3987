"""Textual's footer, fitted to a narrow terminal: the keys that matter most always show."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

from fu_board.tui.textual_internals import FooterKey, footer_key_action, footer_key_width, is_palette_key

ALWAYS = frozenset({"help", "quit", "save"})
"""Actions whose key shows in every footer that has it: help, quit, and ctrl+s while a
change is not saved (the way back is the person's to find, whatever the width)."""


PAIRED = frozenset({"move"})
"""Actions whose keys go together, in a footer or out of it: `H` and `L` (`move(-1)`, `move(1)`)."""


def _group(key: FooterKey) -> str:
    """The action a key runs, its namespace aside; for a pair (`PAIRED`), its name alone."""
    if is_palette_key(key):
        return "command_palette"
    action = footer_key_action(key).removeprefix("app.").removeprefix("screen.")
    name = action.split("(")[0]
    return name if name in PAIRED else action


def fitted(keys: list[Widget], width: int, keep: Iterable[str]) -> list[Widget]:
    """`keys` without as many as it takes to fit `width` cells. First to go is the command
    palette's key (ctrl+p still opens it, and `?` names it); then, from the right, each
    group of keys whose action is not in `keep` (nor in `ALWAYS`), a group at a time
    (`H` and `L` together). A group left out that fits in what is left comes back, the
    most needed first: a screen lists its keys most needed first."""
    kept = ALWAYS | set(keep)
    footer_keys = [key for key in keys if isinstance(key, FooterKey)]
    groups: dict[str, list[FooterKey]] = {}
    for key in sorted(footer_keys, key=lambda key: not is_palette_key(key)):
        groups.setdefault(_group(key), []).append(key)
    order = [name for name in groups if name == "command_palette"]
    order += [name for name in reversed(groups) if name not in kept and name != "command_palette"]

    def cells(names: Iterable[str]) -> int:
        return sum(footer_key_width(key) for name in names for key in groups[name])

    shown = set(groups)
    dropped: list[str] = []
    for name in order:
        if cells(shown) <= width:
            break
        shown.discard(name)
        dropped.append(name)
    for name in reversed(dropped):
        if cells(shown) + cells([name]) <= width:
            shown.add(name)
    return [key for key in keys if not isinstance(key, FooterKey) or _group(key) in shown]


class FittedFooter(Footer):
    """A footer that leaves out keys rather than cut off the last ones, which are help,
    quit and the way back (`?`, `q`, `escape`): at 80 columns the board's has more keys
    than fit. A screen names the actions its footer must keep in `FOOTER_KEEPS`."""

    _fitted_to = 0

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self._fitted_to = self.size.width
        if not self._fitted_to:  # not laid out yet: composed again once it is (`on_resize`)
            yield from keys
            return
        yield from fitted(keys, self._fitted_to, self._keeps())

    def _keeps(self) -> Iterator[str]:
        yield from getattr(self.screen, "FOOTER_KEEPS", ())

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_to:
            self.call_after_refresh(self.recompose)

"""Draw the README's screenshots from the demo board on a fixed day.

Run from the repository root: `.venv/bin/python screenshots/make_screenshots.py`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

from fu_board import board as ops
from fu_board.board_file import update
from fu_board.demo import demo_board
from fu_board.store import save_board
from fu_board.tui.app import make_app

DAY = dt.date(2026, 11, 25)
SIZE = (120, 40)
HERE = Path(__file__).resolve().parent

SHOTS: dict[str, tuple[str, ...]] = {
    "board": ("j",),
    "narrow": ("j",),
    "light": ("j",),
    "filter": ("slash", *"engineer", "enter", "j"),
    "card": ("l", "j", "j", "enter"),
    "review": ("r", "space", "space", "t"),
    "after-no": ("l", "x", "x"),
    "stats": ("g",),
    "conflict": ("l", "1"),
}
"""Screenshot name: the keys pressed on the demo board before taking it."""

SIZES = {"narrow": (80, 24)}
"""A screenshot's terminal, where it is not SIZE."""

BOARDS = {"light": lambda board: board.replace(settings=board.settings.replace(theme="textual-light"))}
"""How a screenshot's board differs from the demo board."""

OUTSIDE = {"conflict": lambda path: update(path, lambda b: ops.log_follow_up(b, "h6yd", on=DAY))}
"""What another writer changes in the file, once the board is on screen, before the keys."""


async def shoot(name: str, keys: tuple[str, ...], folder: Path) -> Path:
    path = folder / f"{name}.toml"
    save_board(path, BOARDS.get(name, lambda board: board)(demo_board(DAY)))
    app = make_app(path, today=DAY)
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        if name in OUTSIDE:
            await pilot.pause()
            OUTSIDE[name](path)
        await pilot.press(*keys)
        await pilot.pause()
        svg = app.export_screenshot(title=f"fu-board: {name}")
    target = HERE / f"{name}.svg"
    target.write_text(svg, encoding="utf-8")
    return target


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, keys in SHOTS.items():
            print(await shoot(name, keys, Path(folder)))


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

"""E opens the selected card's note in $VISUAL or $EDITOR; what is saved there is the note."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fu_board.demo import demo_board
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved

EDITOR = """
import os
import sys
path = sys.argv[-1]
with open(path, encoding="utf-8") as handle:
    before = handle.read()
with open(os.path.join(os.path.dirname(sys.argv[0]), "seen.md"), "w", encoding="utf-8") as handle:
    handle.write(before)  # beside this script, in the test's own folder
with open(path, "w", encoding="utf-8") as handle:
    handle.write(before + "Café at 10 with Priya\\n")
sys.exit(int(sys.argv[1]))
"""


@pytest.fixture(autouse=True)
def no_terminal_to_give_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Headless there is no terminal to suspend; the editor runs all the same."""
    from textual.app import App

    @contextlib.contextmanager
    def suspend(self: App[object]) -> Iterator[None]:
        yield

    monkeypatch.setattr(App, "suspend", suspend)


def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int = 0, variable: str = "EDITOR") -> Path:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv(variable, f"{sys.executable} {script} {status}")
    return script


@pytest.mark.parametrize("variable", ["EDITOR", "VISUAL"])
async def test_the_note_comes_back_from_the_editor_and_is_saved(
    board_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    editor(tmp_path, monkeypatch, variable=variable)
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")  # Umbrella Health (after Globex, snoozed to the same Monday)
        card_id = board_screen(app).selected_id()
        assert card_id == "r8tc"  # whose note is "Referred by Sam from the meetup"
        before = app.session.board.card(card_id).note
        assert before
        await pilot.press("E")
        await pilot.pause()
        assert app.session.board.card(card_id).note == f"{before}\nCafé at 10 with Priya"
    assert (tmp_path / "seen.md").read_text(encoding="utf-8") == f"{before}\n"  # the editor was given the note
    assert saved(board_path).card(card_id).note == f"{before}\nCafé at 10 with Priya"
    assert saved(board_path).card(card_id).timeline[-1].note == "changed note"


async def test_an_editor_that_fails_changes_nothing(
    board_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor(tmp_path, monkeypatch, status=1)
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert app.session.board == demo_board(TODAY)
        assert "the note is as it was" in [n.message for n in app._notifications][-1]
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert app.session.board == demo_board(TODAY)
        assert "Could not run the editor 'no-such-editor-anywhere'" in [n.message for n in app._notifications][-1]
    assert saved(board_path) == demo_board(TODAY)

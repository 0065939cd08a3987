"""What every screen may ask of the app: the open board (`session_of`), and two reactives
that say when it changed. Screens watch those (`self.watch(self.app, "board_change", ...)`):
the app never calls into a screen, and this module imports none, so nothing in `tui/`
goes round in a circle."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass

from textual.app import App
from textual.dom import DOMNode
from textual.reactive import var
from textual.worker import Worker

from fu_board.session import BoardChange, Session


@dataclass(frozen=True)
class SaveState:
    """What the header says about saving."""

    unsaved: bool = False
    """Changes are not in the file (a failed save, or a choice awaited)."""
    choosing: bool = False
    """They wait for the person to choose a side in a conflict."""
    read_only: str | None = None
    """Why nothing can be saved, if nothing can."""


class SessionApp(App[int]):
    """An app that holds one open board (`fu_board.tui.app.FuBoardApp` is the one)."""

    board_change: var[BoardChange | None] = var(None, init=False)
    """The latest change to the board on screen: screens that show it watch this."""
    save_state: var[SaveState] = var(SaveState(), init=False)
    """Whether everything is saved: the header watches this."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


def session_of(node: DOMNode) -> Session:
    """The open board, for any screen or widget of a `SessionApp`."""
    app = node.app
    assert isinstance(app, SessionApp), "fu-board's screens run in fu-board's app"
    return app.session


def run_flow(node: DOMNode, flow: Awaitable[object], name: str) -> Worker[object]:
    """Run a flow in a worker of `node` (a screen): it lives and dies with that screen. The
    board does not take in others' changes until it is over (`Session.in_dialog`)."""
    session = session_of(node)

    async def run() -> object:
        with session.in_dialog():
            return await flow

    return node.run_worker(run(), name=name, description=name, group="flow")

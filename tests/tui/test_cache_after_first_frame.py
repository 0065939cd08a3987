"""A board parsed to open it is kept in the cache once it is on screen, not before."""

from __future__ import annotations

from pathlib import Path

from fu_board import cache, store
from fu_board.board_file import BoardFile
from fu_board.demo import demo_board
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with


def test_the_writer_parses_without_writing_the_cache_and_keeps_it_later(board_path: Path) -> None:
    written = store.save_board(board_path, demo_board(TODAY))
    file = BoardFile(board_path)
    board = file.open()
    assert not cache.holds(board_path, written.digest)  # nothing written before the board is shown
    keep = file.cache_later()
    assert keep is not None
    keep()
    assert cache.holds(board_path, written.digest)
    assert file.cache_later() is None  # once
    cached = store.cached_board(board_path)
    assert cached is not None
    assert cached[:2] == (board, written.digest)


async def test_the_app_keeps_the_board_in_the_cache_after_its_first_frame(board_path: Path) -> None:
    written = store.save_board(board_path, demo_board(TODAY))
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert cache.holds(board_path, written.digest)
        cached = store.cached_board(board_path)
        assert cached is not None
        assert cached[0] == app.session.board
        assert cached[1] == written.digest

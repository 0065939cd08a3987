"""Only a plain file is a board (issue 17, items 2, 3 and 5): a pipe, a device, a link to
one, a link in a loop or a folder the user cannot enter is a clear error, at once, and
nothing replaces what could not be read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from fu_board import store
from fu_board.board_file import BoardFile
from fu_board.store import BoardFileError, present, read_file
from tests.conftest import TODAY
from tests.test_cli import run_main
from tests.tui.helpers import SIZE, app_with


def fifo(board_path: Path) -> Path:
    board_path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(board_path)
    return board_path


def link(board_path: Path, to: str) -> Path:
    board_path.parent.mkdir(parents=True, exist_ok=True)
    board_path.symlink_to(to)
    return board_path


def loop(board_path: Path) -> Path:
    board_path.parent.mkdir(parents=True, exist_ok=True)
    other = board_path.with_name("other.toml")
    board_path.symlink_to(other)
    other.symlink_to(board_path)
    return board_path


ODD = {
    "a pipe": (fifo, "is not a plain file (a pipe, a device or a socket)"),
    "a link to /dev/zero": (lambda path: link(path, "/dev/zero"), "is not a plain file"),
    "a link in a loop": (loop, "is a symbolic link that leads round in a loop"),
    "a folder": (lambda path: (path.mkdir(parents=True), path)[1], "is a folder, not a board file"),
}


@pytest.mark.parametrize("odd", list(ODD))
def test_reading_it_is_a_clear_error_and_never_waits(board_path: Path, odd: str) -> None:
    make, words = ODD[odd]
    make(board_path)
    with pytest.raises(BoardFileError) as refused:
        present(board_path)
    assert words in str(refused.value)
    with pytest.raises(BoardFileError):
        read_file(board_path)
    with pytest.raises(BoardFileError):
        BoardFile(board_path).open()


@pytest.mark.parametrize("odd", list(ODD))
@pytest.mark.parametrize("verb", [["list"], ["add", "Acme"], ["due"], ["due", "--count"]])
def test_the_command_line_says_so_in_one_line_and_leaves_it_as_it_is(
    capsys: pytest.CaptureFixture[str], board_path: Path, odd: str, verb: list[str]
) -> None:
    make, words = ODD[odd]
    make(board_path)
    before = os.readlink(board_path) if board_path.is_symlink() else None
    result = run_main(capsys, ["--board", str(board_path), *verb], TODAY)
    assert result.code == 2
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    if before is not None:
        assert os.readlink(board_path) == before  # the link is still the link


def test_a_board_bigger_than_any_board_is_refused_before_it_is_read(
    board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(b"x" * 100)
    monkeypatch.setattr(store, "MAX_BOARD_BYTES", 50)
    with pytest.raises(BoardFileError) as refused:
        read_file(board_path)
    assert "more than any board" in str(refused.value)


def test_a_folder_the_user_cannot_enter_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], board_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder made with sudo: looking at the board in it is refused by the system (the tests
    run as any user, root included, so the refusal is the system's answer, given here)."""
    real_stat, real_open = os.stat, os.open
    refused_here = str(board_path.parent)

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(refused_here):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def open_(path: object, *args: object, **kwargs: object) -> int:
        if str(path).startswith(refused_here):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", open_)
    for verb in (["add", "Acme"], ["list"]):
        result = run_main(capsys, ["--board", str(board_path), *verb], TODAY)
        assert result.code == 2, verb
        assert "cannot be looked at: Permission denied" in result.err
        assert "Traceback" not in result.err


@pytest.mark.parametrize("odd", ["a pipe", "a link in a loop"])
async def test_the_board_shows_the_problem_and_q_quits(board_path: Path, odd: str) -> None:
    make, words = ODD[odd]
    make(board_path)
    before = os.readlink(board_path) if board_path.is_symlink() else None
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "LoadErrorScreen"
        assert words in str(app.session.load_error)
        await pilot.press("q")
    assert app.return_code is None or app.return_code == 0
    if before is not None:
        assert os.readlink(board_path) == before  # never replaced by a new, empty board
    assert not board_path.with_name("board.toml.backups").exists()

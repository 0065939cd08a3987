"""What the command line prints reaches a terminal as text, never as escape sequences, and a
file or a pipe byte for byte (issue 17, item 9)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.export import EXPORTERS
from fu_board.model import Board
from fu_board.store import save_board
from tests.conftest import TODAY
from tests.test_cli import run_main

PAYLOADS = {
    "OSC 52, the clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "CSI, the screen": "\x1b[2J\x1b[H",
    "C1 CSI": "\x9b31m",
    "a bidi override": "\u202egnp.exe",
    "NUL, BEL, BS, DEL": "\x00\x07\x08\x7f",
}
RAW = set("\x1b\x07\x9b\u202e\x00\x08\x7f")


def hostile_board(board_path: Path) -> None:
    board = Board()
    for name, payload in PAYLOADS.items():
        board = ops.add_card(board, company=f"Co {payload}", role=name, applied=TODAY, note=payload).board
    save_board(board_path, board)


@pytest.mark.parametrize("fmt", ["md", "csv", "ics", "json"])
def test_an_export_to_a_terminal_shows_control_characters_as_symbols(
    capsys: pytest.CaptureFixture[str], board_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    hostile_board(board_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = run_main(capsys, ["--board", str(board_path), "export", "--format", fmt], TODAY)
    assert result.code == 0
    assert not RAW & set(result.out), sorted(RAW & set(result.out))
    assert "\r" not in result.out


@pytest.mark.parametrize("fmt", ["md", "csv", "ics"])
def test_an_export_to_a_pipe_keeps_the_exact_bytes(
    capsys: pytest.CaptureFixture[str], board_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    hostile_board(board_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    result = run_main(capsys, ["--board", str(board_path), "export", "--format", fmt], TODAY)
    assert result.code == 0
    from fu_board.store import load_board

    assert result.out == EXPORTERS[fmt](load_board(board_path), TODAY)


def test_where_shows_a_path_with_escapes_as_symbols_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "a\x1b]0;pwned\x07" / "board.toml"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = run_main(capsys, ["--board", str(odd), "where"], TODAY)
    assert result.code == 0
    assert not RAW & set(result.out)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    result = run_main(capsys, ["--board", str(odd), "where"], TODAY)
    assert result.out.strip() == str(odd)  # a script reading it gets the real path

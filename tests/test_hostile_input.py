"""Input built to break a parser ends in one clear line, never a traceback (issue 17, item 4):
TOML or JSON nested far more deeply than any board's, a spreadsheet cell far bigger than any."""

from __future__ import annotations

from pathlib import Path

import pytest

from fu_board.store import BoardFileError, load_board
from tests.conftest import TODAY
from tests.test_cli import run_main

DEPTH = 100_000


def test_a_board_nested_too_deeply_is_a_clear_error_and_left_alone(
    capsys: pytest.CaptureFixture[str], board_path: Path
) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_text("schema_version = 3\nx = " + "[" * DEPTH + "]" * DEPTH + "\n")
    before = board_path.read_bytes()
    with pytest.raises(BoardFileError, match="nested far more deeply than any board's"):
        load_board(board_path)
    for verb in (["list"], ["add", "Acme"], ["due"]):
        result = run_main(capsys, ["--board", str(board_path), *verb], TODAY)
        assert result.code == 2, verb
        assert len(result.err.strip().splitlines()) == 1
        assert "nested far more deeply" in result.err
    assert board_path.read_bytes() == before


BREAKERS = {
    "deep.json": ("[" * DEPTH + "]" * DEPTH, "values nested far more deeply than any board's"),
    "big.csv": ("Company,Note\nAcme," + "x" * 200_000 + "\n", "line 2: a cell holds more than 131,072 characters"),
}


@pytest.mark.parametrize("name", list(BREAKERS))
def test_an_import_built_to_break_the_parser_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], board_path: Path, tmp_path: Path, name: str
) -> None:
    text, words = BREAKERS[name]
    source = tmp_path / name
    source.write_text(text)
    result = run_main(capsys, ["--board", str(board_path), "import", str(source)], TODAY)
    assert result.code == 2
    assert words in result.err
    assert "nothing was imported" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not board_path.exists()

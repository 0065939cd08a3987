"""Every date a board takes is one every rule can compute with (issue 17, item 1): a date
near the calendar's end is refused wherever it comes from, saying the allowed range, and
the dates at the ends of that range work everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.export import EXPORTERS
from fu_board.model import DAY_RANGE, EARLIEST_DAY, LATEST_DAY, STAGES, Board, DateOutOfRange, parse_date
from fu_board.rules import due_cards, due_counts, due_from, next_follow_up
from fu_board.stats import stats
from fu_board.store import BoardFileError, load_board, save_board
from fu_board.views import View
from tests.conftest import TODAY
from tests.test_cli import run_main
from tests.test_store import load_error

TOO_FAR = ["9999-12-31", "3000-01-01", "1899-12-31", "0001-01-01"]


@pytest.mark.parametrize("text", TOO_FAR)
def test_a_date_too_far_off_is_refused_saying_the_range(text: str) -> None:
    with pytest.raises(DateOutOfRange) as refused:
        parse_date(text)
    assert DAY_RANGE in str(refused.value)
    assert str(LATEST_DAY) in str(refused.value)


@pytest.mark.parametrize("text", TOO_FAR)
@pytest.mark.parametrize(
    "verb",
    [
        ["add", "Acme", "--applied"],
        ["interview", "aaaa", "--date"],
        ["followup", "aaaa", "--date"],
        ["snooze", "aaaa"],
        ["interview", "aaaa", "--decision-by"],
        ["due", "--date"],
    ],
)
def test_the_command_line_refuses_it_in_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], board_path: Path, verb: list[str], text: str
) -> None:
    added = ops.add_card(Board(), company="Acme", applied=TODAY)
    save_board(board_path, added.board.replace(cards=(added.card.replace(id="aaaa"),)))
    before = board_path.read_bytes()
    result = run_main(capsys, ["--board", str(board_path), *verb, text], TODAY)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert f"{text} is too far off: fu-board takes dates {DAY_RANGE}" in result.err
    assert "Traceback" not in result.err
    assert board_path.read_bytes() == before


@pytest.mark.parametrize("field", ["applied = 9999-12-31", "applied = 1066-10-14"])
def test_a_hand_edited_date_too_far_off_is_a_clear_load_error(tmp_path: Path, field: str) -> None:
    text = f'schema_version = 3\n\n[[cards]]\nid = "aaaa"\ncompany = "Acme"\n{field}\n'
    error = load_error(tmp_path, text.encode())
    assert "applied" in error.where if error.where else "applied" in error.problem
    assert DAY_RANGE in error.problem


def test_a_hand_edited_date_too_far_off_makes_the_command_line_exit_2(
    capsys: pytest.CaptureFixture[str], board_path: Path
) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_text('schema_version = 3\n\n[[cards]]\nid = "aaaa"\ncompany = "Acme"\napplied = 9999-12-31\n')
    before = board_path.read_bytes()
    for verb in (["list"], ["due"], ["export", "--format", "md"]):
        result = run_main(capsys, ["--board", str(board_path), *verb], TODAY)
        assert result.code == 2, verb
        assert DAY_RANGE in result.err
        assert "Traceback" not in result.err
    assert board_path.read_bytes() == before
    with pytest.raises(BoardFileError):
        load_board(board_path)


def test_every_rule_computes_with_the_dates_at_the_ends_of_the_range() -> None:
    board = Board()
    for company, applied in (("Old", EARLIEST_DAY), ("Late", LATEST_DAY), ("Now", TODAY)):
        board = ops.add_card(board, company=company, applied=applied).board
    late, now = board.cards[1].id, board.cards[2].id
    board = ops.log_interview(board, late, on=LATEST_DAY, time="23:59", decision_by=LATEST_DAY).board
    board = ops.log_follow_up(board, late, on=LATEST_DAY).board
    board = ops.snooze_card(board, now, until=LATEST_DAY, on=TODAY).board
    for country in (None, "US", "DE"):
        held = board.replace(settings=board.settings.replace(country=country))
        for today in (EARLIEST_DAY, TODAY, LATEST_DAY):
            for card in held.cards:
                next_follow_up(card, held.settings, today, now=dt.time(12, 0))
                due_from(card, held.settings, today)
            due_cards(held, today)
            due_counts(held, today)
            stats(held, today)
            view = View(held, today)
            assert sum(len(view.columns[stage]) for stage in STAGES) == 3
            for export in EXPORTERS.values():
                assert export(held, today)


def test_an_import_skips_a_row_too_far_off_and_refuses_an_export_holding_one(
    capsys: pytest.CaptureFixture[str], board_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Company,Date Applied\nAcme,1066-10-14\nGlobex,2026-11-02\n")
    result = run_main(capsys, ["--board", str(board_path), "import", str(sheet)], TODAY)
    assert result.code == 0
    assert f"line 2: skipped: applied on 1066-10-14: should be a date {DAY_RANGE}" in result.out + result.err
    assert [card.company for card in load_board(board_path).cards] == ["Globex"]
    before = board_path.read_bytes()
    export = tmp_path / "export.json"
    export.write_text('{"schema_version": 3, "cards": [{"id": "aaaa", "company": "Acme", "applied": "9999-12-31"}]}')
    result = run_main(capsys, ["--board", str(board_path), "import", str(export)], TODAY)
    assert result.code == 2
    assert f"cards[0].applied: should be a date {DAY_RANGE}; nothing was imported" in result.err
    assert board_path.read_bytes() == before

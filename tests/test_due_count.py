"""`fu-board due --count`: from the status every save writes beside the board, the same
number as `due --json` counts, and never from a stale status."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
import tomli_w

from fu_board import board as ops
from fu_board import due_status
from fu_board.board_file import after_save, update
from fu_board.demo import demo_board
from fu_board.model import Board, Card, Settings
from fu_board.rules import due_cards, due_counts
from fu_board.store import load_board, save_board
from tests.test_cli import run_main

TODAY = dt.date(2026, 11, 25)
REPO = Path(__file__).resolve().parent.parent


@functools.cache
def _bench() -> ModuleType:
    """bench/run.py, for its generator of realistic boards."""
    spec = importlib.util.spec_from_file_location("fu_board_bench", REPO / "bench" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def due_json_count(board: Board, day: dt.date, now: dt.time) -> int:
    """What `due --json` lists, as cards: each card with a message or a decision due (an
    interview of the day is a row, not something due)."""
    return len({card.id for card, item in due_cards(board, day, now=now) if item.is_action})


MOMENTS = [
    (0, dt.time(0, 0)),
    (0, dt.time(9, 0)),
    (0, dt.time(14, 0)),
    (0, dt.time(23, 59)),
    (1, dt.time(8, 30)),
    (2, dt.time(12, 0)),
    (3, dt.time(17, 45)),
    (7, dt.time(10, 0)),
    (15, dt.time(10, 0)),
    (40, dt.time(10, 0)),
]
"""When the status is asked, after the save: that day, and days later (no save between)."""


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_the_count_is_due_jsons_on_many_boards_at_every_moment(tmp_path: Path, seed: int) -> None:
    board = _bench().make_board(160, today=TODAY, seed=seed)
    path = tmp_path / "board.toml"
    save_board(path, board)
    after_save(path, board, TODAY)
    for days, now in MOMENTS:
        day = TODAY + dt.timedelta(days=days)
        expected = due_json_count(board, day, now)
        assert expected == due_counts(board, day, now=now)[0]
        assert due_status.count(path, day, now) == expected, (seed, day, now)


def test_an_interview_later_today_brings_its_thank_you_when_it_begins(tmp_path: Path) -> None:
    board = demo_board(TODAY)
    booked = ops.log_interview(board, "k7m2", on=TODAY, time="15:00", interviewers=("Priya Raman",)).board
    path = tmp_path / "board.toml"
    save_board(path, booked)
    after_save(path, booked, TODAY)
    before, after = (due_status.count(path, TODAY, dt.time(hour)) for hour in (14, 15))
    assert (before, after) == (
        due_json_count(booked, TODAY, dt.time(14)),
        due_json_count(booked, TODAY, dt.time(15)),
    )
    assert after == before + 1  # the thank-you is owed once it is held


def test_a_board_changed_outside_is_never_counted_from_the_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "board.toml"
    board = demo_board(TODAY)
    save_board(path, board)
    after_save(path, board, TODAY)
    now = dt.time(12)
    assert due_status.count(path, TODAY, now) == due_json_count(board, TODAY, now) > 0
    # A hand edit (or a sync) that leaves only the resolved cards; the status stays as it was.
    kept = [card for card in tomllib.loads(path.read_text(encoding="utf-8"))["cards"] if card["stage"] == "resolved"]
    path.write_text(tomli_w.dumps({"schema_version": 3, "cards": kept}), encoding="utf-8")
    assert due_status.count(path, TODAY, now) is None  # not trusted: counted afresh
    result = run_main(capsys, ["due", "--count", "--board", str(path)], TODAY, now)
    assert (result.code, result.out) == (0, "0\n")
    assert due_status.count(path, TODAY, now) == 0  # and the status written anew


def test_a_status_is_not_trusted_for_a_day_before_it_was_written(tmp_path: Path) -> None:
    path = tmp_path / "board.toml"
    board = demo_board(TODAY)
    save_board(path, board)
    after_save(path, board, TODAY)
    assert due_status.count(path, TODAY - dt.timedelta(days=1), dt.time(12)) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"{", b'{"format": 1}', b"[]", b'{"format": 99, "version": "0", "board": [], "from": "", "due": []}'],
)
def test_a_damaged_status_is_not_trusted(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "board.toml"
    save_board(path, demo_board(TODAY))
    due_status.status_path(path).write_bytes(damage)
    assert due_status.count(path, TODAY, dt.time(12)) is None


def test_the_cli_counts_writes_the_status_and_the_next_count_reads_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "board.toml"
    board = demo_board(TODAY)
    save_board(path, board)  # as restore or a sync would leave it: no status
    status = due_status.status_path(path)
    assert not status.exists()
    now = dt.time(12)
    result = run_main(capsys, ["due", "--count", "--board", str(path)], TODAY, now)
    assert (result.code, result.out, result.err) == (0, f"{due_json_count(board, TODAY, now)}\n", "")
    assert status.exists()
    assert due_status.count(path, TODAY, now) == due_json_count(board, TODAY, now)
    # A change through the command line writes it again.
    result = run_main(capsys, ["snooze", "k7m2", "2026-12-10", "--board", str(path)], TODAY, now)
    assert result.code == 0, result.err
    snoozed = load_board(path)
    assert (
        due_status.count(path, TODAY, now)
        == due_json_count(snoozed, TODAY, now)
        == due_json_count(board, TODAY, now) - 1
    )


def test_a_count_refuses_json_and_never_writes_the_board(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "board.toml"
    save_board(path, demo_board(TODAY))
    before = path.read_bytes()
    result = run_main(capsys, ["due", "--count", "--json", "--board", str(path)], TODAY)
    assert result.code == 2
    assert "not allowed with argument" in result.err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "board"),
    [
        (["due", "--count"], "default"),
        (["due", "--count", "--board", "b.toml"], "b.toml"),
        (["--board", "b.toml", "due", "--count"], "b.toml"),
        (["due", "--count", "--board=b.toml"], "b.toml"),
        (["due", "--count", "--json"], None),
        (["due", "--count", "--date", "2026-12-01"], None),
        (["due"], None),
        (["list", "--count"], None),
        (["due", "--count", "--board"], None),
    ],
)
def test_only_exactly_due_count_takes_the_quick_way(
    argv: list[str], board: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FU_BOARD_FILE", str(tmp_path / "default.toml"))
    expected = {"default": tmp_path / "default.toml", "b.toml": Path("b.toml"), None: None}[board]
    assert due_status.count_argv(argv) == expected


def test_the_whole_command_prints_what_due_json_counts(tmp_path: Path) -> None:
    """The real process, on a board of today (the quick way needs the real date and time)."""
    path = tmp_path / "board.toml"
    today = dt.date.today()
    board = demo_board(today)
    update(path, lambda _: ops.Change(board, board.cards[0], None), create=True)  # a save: the status written
    assert due_status.status_path(path).exists()
    before = due_json_count(board, today, dt.datetime.now().time())
    done = subprocess.run(
        [sys.executable, "-m", "fu_board", "due", "--count", "--board", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    after = due_json_count(board, today, dt.datetime.now().time())
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) in {before, after}  # an interview may begin in between


def _counting_due_from(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the cards whose moment is worked out, in order."""
    from fu_board import rules

    worked: list[str] = []
    real = rules.due_from

    def counted(card: Card, settings: Settings, today: dt.date) -> tuple[dt.date, str] | None:
        worked.append(card.id)
        return real(card, settings, today)

    monkeypatch.setattr(rules, "due_from", counted)
    return worked


def _status(path: Path) -> dict[str, object]:
    data = json.loads(due_status.status_path(path).read_bytes())
    assert isinstance(data, dict)
    return data


def test_a_change_works_out_only_its_cards_moment_and_the_status_is_as_from_scratch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "board.toml"
    board = _bench().make_board(300, today=TODAY, seed=7)
    update(path, lambda _: ops.Change(board, board.cards[0], None), create=True, today=TODAY)
    worked = _counting_due_from(monkeypatch)
    done = update(path, lambda board: ops.add_card(board, company="Quilt", applied=TODAY), today=TODAY)
    assert worked == [done.card.id]  # the others are known from the status the last save wrote
    kept = _status(path)
    after_save(path, load_board(path), TODAY)  # from scratch: every open card worked out
    assert len(worked) == 1 + sum(not card.is_resolved for card in done.board.cards) > 2
    assert _status(path)["due"] == kept["due"]


@pytest.mark.parametrize("why", ["another day", "an outside edit", "another version", "damaged"])
def test_moments_are_known_only_from_a_status_of_the_very_file_and_day(
    why: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "board.toml"
    board = _bench().make_board(120, today=TODAY, seed=3)
    update(path, lambda _: ops.Change(board, board.cards[0], None), create=True, today=TODAY)
    day = TODAY
    status = due_status.status_path(path)
    if why == "another day":
        day = TODAY + dt.timedelta(days=1)
    elif why == "an outside edit":  # the same cards, the file touched: its signature is not the status's
        path.write_bytes(path.read_bytes() + b"\n")
    elif why == "another version":
        status.write_bytes(status.read_bytes().replace(b'"version":"', b'"version":"0.'))
    else:
        status.write_bytes(status.read_bytes().replace(b'"due":{"', b'"due":{"x":7,"'))
    assert due_status.known_moments(path, due_status.signature(path), day) == {}
    worked = _counting_due_from(monkeypatch)
    done = update(path, lambda board: ops.add_card(board, company="Quilt", applied=day), today=day)
    open_cards = {card.id for card in done.board.cards if not card.is_resolved}
    assert sorted(worked) == sorted(open_cards)  # every one worked out afresh
    assert due_status.count(path, day, dt.time(12)) == due_json_count(done.board, day, dt.time(12))


def test_known_moments_read_back_as_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from fu_board import rules

    path = tmp_path / "board.toml"
    board = _bench().make_board(200, today=TODAY, seed=5)
    never = next(card.id for card in board.cards if not card.is_resolved)  # as if waiting on nothing
    real = rules.due_from
    monkeypatch.setattr(rules, "due_from", lambda card, *given: None if card.id == never else real(card, *given))
    save_board(path, board)
    after_save(path, board, TODAY)
    known = due_status.known_moments(path, due_status.signature(path), TODAY)
    expected = {card.id: rules.due_from(card, board.settings, TODAY) for card in board.cards if not card.is_resolved}
    assert known == expected
    assert known[never] is None
    assert any(moment is not None and moment[1] for moment in known.values())  # a time of day, too

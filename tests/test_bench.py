"""The benchmark (bench/run.py) runs: its board generator keeps its contract, and a tiny quick run reports.

The benchmark itself is not part of the test suite; these only check that it works.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fu_board.model import EventKind, NoKind, Outcome, Stage
from fu_board.store import load_board

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "run.py"


def run_bench(*args: str, tmp_path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, str(BENCH), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_make_board_writes_a_realistic_board(tmp_path: Path) -> None:
    path = tmp_path / "made" / "board.toml"
    result = run_bench("--make-board", "30", str(path), tmp_path=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1  # one summary line

    board = load_board(path)
    cards = board.cards
    assert len(cards) == 30
    assert {card.stage for card in cards} == set(Stage)
    assert {card.outcome for card in cards} == {*Outcome, None}
    assert {card.no_kind for card in cards if card.outcome is Outcome.NO} == set(NoKind)
    assert any(card.snoozed_until is not None for card in cards)
    assert any(event.kind is EventKind.LEAD for card in cards for event in card.timeline)
    assert any(card.interviews and card.interviews[0].interviewers for card in cards)
    assert any(card.contacts for card in cards)
    assert any("\n" in card.note for card in cards)
    assert len({card.company for card in cards}) > 15  # names vary


def test_make_board_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    for path in (first, second):
        result = run_bench("--make-board", "12", str(path), tmp_path=tmp_path, timeout=60)
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()


def test_quick_benchmark_reports_a_table(tmp_path: Path) -> None:
    result = run_bench("--quick", "--sizes", "20", "--repeat", "1", tmp_path=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "| figure | size | median | floor | ratio | target | result |" in out
    assert "Machine: " in out
    figures = (
        "open, cache warm",
        "open after an outside edit",
        "open, no cache",
        "a key in the first second",
        "memory at 2 s",
        "quit, nothing changed",
        "fu-board due",
        "list --json",
        "due --json`, cache empty",
        "fu-board add",
        "cursor move",
        "move a card",
        "open a card",
        "a dialog",
        "the numbers",
        "until the columns are filtered",
    )
    for figure in figures:
        assert figure in out, figure
    assert [line for line in out.splitlines() if line.endswith("| n/a |")] == []  # each figure has its samples
    assert "load (" in out
    assert "save after one change" in out
    assert "error:" not in out, out
    last = out.strip().splitlines()[-1]
    assert last == "All targets met." or last.startswith("FAIL: ")

"""`fu-board stats [--json]` and `fu-board resolve ID no --kind said|silence|form` (the CLI side of issue 4).

Every call runs `fu_board.cli.main` in-process with an injected `today`; the autouse fixture of
tests/test_cli.py keeps the real data folder out of reach.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fu_board.model import Board, Card, NoKind, Outcome, ReviewLog, Settings
from fu_board.store import load_board, save_board
from tests.test_cli import (  # noqa: F401 (isolated_home: the autouse fixture that keeps the data folder away)
    Result,
    assert_one_error_line,
    isolated_home,
    run_main,
)

D = dt.date.fromisoformat
TODAY = D("2026-11-25")
"""A Wednesday."""
APPLIED = D("2026-11-02")

Fu = Callable[..., Result]


@pytest.fixture
def board(tmp_path: Path) -> Path:
    """Where a test's board lives (not created yet)."""
    return tmp_path / "data" / "board.toml"


@pytest.fixture
def fu(capsys: pytest.CaptureFixture[str], board: Path) -> Fu:
    """Run `fu-board ARGV --board <the test's board>` in-process on TODAY."""

    def run(*argv: object) -> Result:
        return run_main(capsys, [*(str(arg) for arg in argv), "--board", str(board)], today=TODAY)

    return run


def ok(result: Result) -> list[str]:
    """The lines a successful verb printed."""
    assert result.code == 0, result
    assert result.err == "", result.err
    assert result.out.endswith("\n")
    return result.out.splitlines()


def add(fu: Fu, company: str) -> str:
    (card_id,) = ok(fu("add", company, "--applied", APPLIED))
    return card_id


def card(card_id: str, applied: str, **fields: Any) -> Card:
    base: dict[str, Any] = {"id": card_id, "company": f"Co {card_id}", "applied": applied}
    return Card.validate({**base, **fields})


MADE = Board(
    settings=Settings(irons_target=4),
    review=ReviewLog(last_finished=D("2026-11-24"), streak=3),
    cards=(
        card("ap1", "2026-11-16"),
        # first interview 7 days after applying; followed up on Tuesday 17 November
        card(
            "iv1",
            "2026-11-02",
            stage="followed_up",
            interviews=[{"date": "2026-11-09"}],
            timeline=[{"date": "2026-11-17", "kind": "followed_up"}],
        ),
        # interviewed 4 days after applying, the no 21 days after the interview
        card(
            "no1",
            "2026-10-05",
            stage="resolved",
            outcome="no",
            no_kind="said",
            resolved_on="2026-10-30",
            furthest_stage="interviewed",
            interviews=[{"date": "2026-10-09"}],
        ),
        # interviewed 8 days after applying, the yes 14 days after the interview
        card(
            "yes1",
            "2026-09-28",
            stage="resolved",
            outcome="yes",
            resolved_on="2026-10-20",
            furthest_stage="followed_up",
            interviews=[{"date": "2026-10-06"}],
            timeline=[{"date": "2026-10-13", "kind": "followed_up"}],
        ),
        card("no2", "2026-11-02", stage="resolved", outcome="no", no_kind="silence", resolved_on="2026-11-23"),
        card("wd1", "2026-10-12", stage="resolved", outcome="withdrawn", resolved_on="2026-10-19"),
    ),
)

MADE_JSON = {
    "nos_since_last_yes": 2,  # no1 (10-30) and no2 (11-23) came after the yes of 10-20
    "nos": 2,
    "yeses": 1,
    "withdrawn": 1,
    "active": 2,
    "irons_target": 4,
    "streak": 3,
    "funnel": {"applied": 6, "interviewed": 3, "followed_up": 2, "yes": 1},
}

ZEROS = {
    "nos_since_last_yes": 0,
    "nos": 0,
    "yeses": 0,
    "withdrawn": 0,
    "active": 0,
    "irons_target": 5,
    "streak": 0,
    "funnel": {"applied": 0, "interviewed": 0, "followed_up": 0, "yes": 0},
}


# stats --------------------------------------------------------------------------------------------------------


def test_stats_json_on_a_made_board(fu: Fu, board: Path) -> None:
    save_board(board, MADE)
    result = fu("stats", "--json")
    assert result.code == 0, result
    assert result.err == ""
    data = json.loads(result.out)
    assert list(data) == list(MADE_JSON)
    assert list(data["funnel"]) == ["applied", "interviewed", "followed_up", "yes"]
    assert data == MADE_JSON


def test_stats_plain_lines_on_a_made_board(fu: Fu, board: Path) -> None:
    save_board(board, MADE)
    lines = ok(fu("stats"))
    assert lines[:11] == [
        "nos until yes      2",
        "outcomes           1 yes, 2 no, 1 withdrawn",
        "nos per yes        2",
        "irons in the fire  2 of 4",
        "review streak      3",
        "funnel             6 applied, 3 interviewed, 2 followed up, 1 yes",
        "got an interview   50%",
        "to an interview    7 days (median)",
        "to a decision      17.5 days (median, from the last interview)",
        "follow-ups a card  0.3",
        "week of      applications  follow-ups",
    ]
    weeks = lines[11:]
    assert len(weeks) == 12
    assert weeks[0] == "07 Sep 2026             0           0"
    assert "28 Sep 2026             1           0" in weeks  # yes1 applied
    assert "12 Oct 2026             1           1" in weeks  # wd1 applied, yes1's follow-up on 10-13
    assert "16 Nov 2026             1           1" in weeks  # ap1 applied, iv1's follow-up on 11-17
    assert weeks[-1] == "23 Nov 2026             0           0"


def test_stats_does_not_change_the_board_file(fu: Fu, board: Path) -> None:
    save_board(board, MADE)
    before = board.read_bytes()
    ok(fu("stats"))
    ok(fu("stats", "--json"))
    assert board.read_bytes() == before


@pytest.mark.parametrize("json_flag", [True, False], ids=["json", "plain"])
def test_stats_on_a_missing_board_is_all_zeros_says_why_and_creates_nothing(
    fu: Fu, board: Path, json_flag: bool
) -> None:
    result = fu("stats", *(["--json"] if json_flag else []))
    assert result.code == 0, result
    assert result.err.count("\n") == 1
    assert result.err.startswith("fu-board: no board yet")
    assert str(board) in result.err
    if json_flag:
        assert json.loads(result.out) == ZEROS
    else:
        lines = result.out.splitlines()
        assert lines[0] == "nos until yes      0"
        assert "irons in the fire  0 of 5" in lines
        assert "got an interview   –" in lines
        assert len(lines) == 11 + 12
    assert not board.exists()
    assert not board.parent.exists()


def test_stats_follow_the_cli_verbs(fu: Fu) -> None:
    first, second, third, fourth = (add(fu, name) for name in ("Acme", "Globex", "Initech", "Hooli"))
    ok(fu("interview", first, "--date", "2026-11-05"))
    ok(fu("resolve", first, "no", "--date", "2026-11-10"))
    ok(fu("resolve", second, "no", "--kind", "silence", "--date", "2026-11-11"))
    ok(fu("resolve", third, "withdrawn", "--date", "2026-11-12"))
    data = json.loads("\n".join(ok(fu("stats", "--json"))))
    assert data == {
        **ZEROS,
        "nos_since_last_yes": 2,
        "nos": 2,
        "withdrawn": 1,
        "active": 1,
        "funnel": {"applied": 4, "interviewed": 1, "followed_up": 0, "yes": 0},
    }
    ok(fu("resolve", fourth, "yes", "--date", "2026-11-13"))
    data = json.loads("\n".join(ok(fu("stats", "--json"))))
    assert (data["nos_since_last_yes"], data["nos"], data["yeses"], data["active"]) == (0, 2, 1, 0)


def test_a_scheduled_interview_counts_in_the_funnel_from_its_day_on(
    fu: Fu, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booked = add(fu, "Acme")
    ok(fu("interview", booked, "--date", "2026-12-01", "--time", "14:00"))  # TODAY is 25 November
    data = json.loads("\n".join(ok(fu("stats", "--json"))))
    assert data == {**ZEROS, "active": 1, "funnel": {"applied": 1, "interviewed": 0, "followed_up": 0, "yes": 0}}
    lines = ok(fu("stats"))
    assert "funnel             1 applied, 0 interviewed, 0 followed up, 0 yes" in lines
    assert "got an interview   0%" in lines
    for day in ("2026-12-01", "2026-12-02"):
        result = run_main(capsys, ["stats", "--json", "--board", str(board)], today=D(day))
        assert result.code == 0, result
        funnel = json.loads(result.out)["funnel"]
        assert funnel == {"applied": 1, "interviewed": 1, "followed_up": 0, "yes": 0}, day


# resolve --kind -----------------------------------------------------------------------------------------------


def test_resolve_no_kind_silence_is_stored_and_greeted(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    lines = ok(fu("resolve", card_id, "no", "--kind", "silence", "--date", "2026-11-20"))
    assert lines == [
        f"{card_id} resolved: no",
        "No #1 (silence counts as a no): every no is a step closer to the yes.",
    ]
    with board.open("rb") as file:
        (stored,) = tomllib.load(file)["cards"]
    assert stored["no_kind"] == "silence"
    assert stored["outcome"] == "no"
    assert stored["timeline"][-1]["no_kind"] == "silence"
    assert load_board(board).card(card_id).no_kind is NoKind.SILENCE


@pytest.mark.parametrize("argv", [(), ("--kind", "said"), ("--kind", "SAID")], ids=["default", "said", "upper"])
def test_resolve_no_is_said_by_default(fu: Fu, board: Path, argv: tuple[str, ...]) -> None:
    card_id = add(fu, "Acme")
    lines = ok(fu("resolve", card_id, "no", *argv))
    assert lines == [f"{card_id} resolved: no", "No #1: every no is a step closer to the yes."]
    with board.open("rb") as file:
        assert tomllib.load(file)["cards"][0]["no_kind"] == "said"


def test_each_answer_gets_its_words(fu: Fu) -> None:
    ids = [add(fu, name) for name in ("Acme", "Globex", "Initech", "Hooli")]
    assert ok(fu("resolve", ids[0], "no", "--date", "2026-11-10"))[1] == "No #1: every no is a step closer to the yes."
    assert ok(fu("resolve", ids[1], "no", "--kind", "silence", "--date", "2026-11-11"))[1] == (
        "No #2 (silence counts as a no): every no is a step closer to the yes."
    )
    assert ok(fu("resolve", ids[2], "yes", "--date", "2026-11-12"))[1] == (
        "A yes from Initech! Congratulations. 2 nos led here, and every one of them counted."
    )
    assert ok(fu("resolve", ids[3], "no", "--date", "2026-11-13"))[1] == (
        "No #1 since your last yes: one step closer to the next one. About 2 to go."  # 3 nos per yes, 1 since
    )


def test_a_no_on_the_day_of_a_yes_is_still_counted_in_its_greeting(fu: Fu) -> None:
    """Bug (same as test_progress's "No #0" test): the yes is recorded first, then a no the same day for an
    older card; the counter puts the older card's no before the yes, and the greeting says "No #0"."""
    older, newer = add(fu, "Acme"), add(fu, "Globex")
    ok(fu("resolve", newer, "yes"))
    greeting = ok(fu("resolve", older, "no"))[1]
    assert "No #0" not in greeting, greeting


@pytest.mark.parametrize("outcome", ["yes", "withdrawn"])
@pytest.mark.parametrize("kind", ["said", "silence", "form"])
def test_kind_with_another_answer_is_refused_and_writes_nothing(fu: Fu, board: Path, outcome: str, kind: str) -> None:
    card_id = add(fu, "Acme")
    before = board.read_bytes()
    result = fu("resolve", card_id, outcome, "--kind", kind)
    assert_one_error_line(result)
    assert "--kind" in result.err
    assert board.read_bytes() == before
    assert load_board(board).card(card_id).outcome is None


@pytest.mark.parametrize("value", ["maybe", "", "yes", "silent"])
def test_a_bad_kind_is_refused_and_writes_nothing(fu: Fu, board: Path, value: str) -> None:
    card_id = add(fu, "Acme")
    before = board.read_bytes()
    result = fu("resolve", card_id, "no", "--kind", value)
    assert_one_error_line(result)
    assert f"{value!r} is not a kind of no; use said, silence or form" in result.err
    assert board.read_bytes() == before


def test_resolving_a_no_again_is_refused_and_writes_nothing(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("resolve", card_id, "no"))
    before = board.read_bytes()
    assert_one_error_line(fu("resolve", card_id, "no", "--kind", "silence"))
    assert board.read_bytes() == before
    assert load_board(board).card(card_id).outcome is Outcome.NO

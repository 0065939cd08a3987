"""The `fu-board` command line: verbs, output shapes, exit codes and the board file.

Most tests call `fu_board.cli.main` in-process; a few run `python -m fu_board`
for real to check the entry point and exit codes end to end. No test ever
touches the real data folder: an autouse fixture points FU_BOARD_FILE, HOME
and XDG_DATA_HOME at temporary folders.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.metadata
import json
import os
import re
import stat
import subprocess
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from fu_board import __version__
from fu_board.cli import main
from fu_board.model import SCHEMA_VERSION, Board, Card, EventKind, Interview, Outcome, Stage
from fu_board.store import load_board, save_board
from tests.conftest import leftovers

ID_PATTERN = re.compile(r"[23456789abcdefghjkmnpqrstuvwxyz]{4,}")
HOSTILE = ("\x1b]0;pwned\x07", "\x9b2J", "Acme\u202eevil", "two\nlines")


class Result(NamedTuple):
    code: int | str | None
    out: str
    err: str


Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every path fu-board could reach by default lives under tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("FU_BOARD_FILE", str(tmp_path / "env-board" / "board.toml"))
    return home


def run_main(
    capsys: pytest.CaptureFixture[str], argv: list[str], today: dt.date | None = None, now: dt.time | None = None
) -> Result:
    """Run `main` in-process on `today` (the real date when None) at `now` (None: a fixed day is
    seen at its end); argparse's SystemExit becomes the exit code."""
    capsys.readouterr()
    try:
        code: int | str | None = main(argv, today=today, now=now)
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run `main` in-process; argparse's SystemExit becomes the exit code."""

    def run(*argv: object) -> Result:
        return run_main(capsys, [str(arg) for arg in argv])

    return run


@pytest.fixture
def board(tmp_path: Path) -> Path:
    """Where a test's board lives (not created yet)."""
    return tmp_path / "data" / "board.toml"


def add(cli: Cli, path: Path, company: str, *more: object) -> str:
    result = cli("add", company, *more, "--board", path)
    assert result.code == 0, result.err
    return result.out.strip()


def make_board(path: Path, *ids: str) -> None:
    """A board with cards of known ids, as a hand-written file would hold."""
    cards = tuple(Card(id=card_id, company=f"Co {card_id}", applied=dt.date(2026, 1, 5)) for card_id in ids)
    save_board(path, Board(cards=cards))


def assert_one_error_line(result: Result) -> None:
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("fu-board"), result.err
    assert result.err.endswith("\n"), result.err
    assert result.err.count("\n") == 1, result.err
    assert result.err.strip(), result.err


def assert_no_raw_controls(text: str) -> None:
    """No C0/C1 control (other than the newline ending a line) and no bidi override."""
    bad = [ch for ch in text if ch != "\n" and (unicodedata.category(ch) == "Cc" or ch in "\u202a\u202b\u202d\u202e")]
    assert bad == [], f"raw control characters in output: {bad!r}"


def listed_json(cli: Cli, path: Path, *more: object) -> list[dict[str, object]]:
    result = cli("list", "--json", *more, "--board", path)
    assert result.code == 0, result.err
    assert result.err == ""
    data = json.loads(result.out)
    assert isinstance(data, list)
    return data


# --version, --help, the entry point ---------------------------------------------------------------------------


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"fu-board {__version__}\n"


def test_help_names_every_verb_and_board_option(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for word in ("add", "list", "move", "resolve", "where", "--board", "--version"):
        assert word in result.out


def test_verb_help_lists_its_options(cli: Cli) -> None:
    result = cli("add", "--help")
    assert result.code == 0
    for word in ("COMPANY", "--role", "--link", "--contact", "--email", "--applied", "--note", "--board"):
        assert word in result.out


def test_console_script_runs_main_without_the_cycle_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    (entry,) = importlib.metadata.entry_points(group="console_scripts", name="fu-board")
    assert entry.value == "fu_board.__main__:main"
    seen: list[bool] = []

    def fake_main() -> int:
        seen.append(gc.isenabled())
        return 7

    monkeypatch.setattr("fu_board.cli.main", fake_main)
    try:
        assert entry.load()() == 7
    finally:
        gc.enable()
    assert seen == [False]


# add ------------------------------------------------------------------------------------------------------------


def test_add_prints_only_the_new_id(cli: Cli, board: Path) -> None:
    result = cli("add", "Acme", "--board", board)
    assert result.code == 0
    assert result.err == ""
    assert result.out.endswith("\n")
    assert result.out.count("\n") == 1
    card_id = result.out[:-1]
    assert ID_PATTERN.fullmatch(card_id), card_id
    assert [card.id for card in load_board(board).cards] == [card_id]


def test_add_writes_every_field_to_the_toml_file(cli: Cli, board: Path) -> None:
    card_id = add(
        cli,
        board,
        "Acme Corp",
        "--role",
        "Backend Engineer",
        "--link",
        "https://acme.example/jobs/42",
        "--contact",
        "Ada Lovelace",
        "--email",
        "ada@acme.example",
        "--applied",
        "2026-01-15",
        "--note",
        "referred by Bob",
    )
    raw = tomllib.loads(board.read_bytes().decode("utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION
    (card,) = raw["cards"]
    assert card["id"] == card_id
    assert card["company"] == "Acme Corp"
    assert card["role"] == "Backend Engineer"
    assert card["link"] == "https://acme.example/jobs/42"
    assert card["contacts"] == [{"name": "Ada Lovelace", "email": "ada@acme.example"}]
    assert card["applied"] == dt.date(2026, 1, 15)
    assert card["note"] == "referred by Bob"
    assert card["stage"] == "applied"

    loaded = load_board(board).card(card_id)
    assert loaded.company == "Acme Corp"
    assert loaded.role == "Backend Engineer"
    assert loaded.link == "https://acme.example/jobs/42"
    assert loaded.contact is not None
    assert (loaded.contact.name, loaded.contact.email) == ("Ada Lovelace", "ada@acme.example")
    assert loaded.applied == dt.date(2026, 1, 15)
    assert loaded.note == "referred by Bob"
    assert loaded.stage is Stage.APPLIED
    assert loaded.outcome is None
    assert [(event.kind, event.date) for event in loaded.timeline] == [(EventKind.APPLIED, dt.date(2026, 1, 15))]


def test_add_without_contact_stores_no_contact(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    card = load_board(board).card(card_id)
    assert card.contacts == ()
    assert "contacts" not in tomllib.loads(board.read_text("utf-8"))["cards"][0]


def test_add_applied_defaults_to_today(cli: Cli, board: Path) -> None:
    before = dt.date.today()
    card_id = add(cli, board, "Acme")
    after = dt.date.today()
    assert load_board(board).card(card_id).applied in {before, after}


@pytest.mark.parametrize(("word", "days"), [("today", 0), ("yesterday", -1), ("Yesterday", -1)])
def test_add_applied_accepts_today_and_yesterday(cli: Cli, board: Path, word: str, days: int) -> None:
    card_id = add(cli, board, "Acme", "--applied", word)
    assert load_board(board).card(card_id).applied == dt.date.today() + dt.timedelta(days=days)


def test_add_trims_the_company(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "  Acme  ")
    assert load_board(board).card(card_id).company == "Acme"


def test_add_keeps_earlier_cards_and_gives_distinct_ids(cli: Cli, board: Path) -> None:
    ids = [add(cli, board, f"Company {n}") for n in range(5)]
    assert len(set(ids)) == 5
    cards = load_board(board).cards
    assert [card.id for card in cards] == ids
    assert [card.company for card in cards] == [f"Company {n}" for n in range(5)]


def test_add_on_a_missing_file_creates_a_private_folder_and_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "nested" / "board.toml"
    card_id = add(cli, path, "Acme")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [card.id for card in load_board(path).cards] == [card_id]
    assert leftovers(path.parent) == ["board.toml"]


def test_add_undecodable_bytes_is_refused(cli: Cli, board: Path) -> None:
    result = cli("add", "Acme\udcff", "--board", board)
    assert_one_error_line(result)
    assert "UTF-8" in result.err
    assert not board.exists()
    assert not board.parent.exists()


def test_add_undecodable_bytes_in_an_option_names_it(cli: Cli, board: Path) -> None:
    add(cli, board, "Acme")
    before = board.read_bytes()
    result = cli("add", "Other", "--note", "caf\udce9", "--board", board)
    assert_one_error_line(result)
    assert "--note" in result.err
    assert "UTF-8" in result.err
    assert board.read_bytes() == before


# --board placement, FU_BOARD_FILE, where ---------------------------------------------------------------------------


def test_board_option_before_the_verb(cli: Cli, board: Path) -> None:
    result = cli("--board", board, "add", "Acme")
    assert result.code == 0
    card_id = result.out.strip()
    assert [card.id for card in load_board(board).cards] == [card_id]
    listed = cli("--board", board, "list", "--json")
    assert [card["id"] for card in json.loads(listed.out)] == [card_id]


def test_board_option_after_the_verb_wins_over_one_before(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    result = cli("--board", first, "where", "--board", second)
    assert result.out == f"{second}\n"


def test_where_prints_the_board_option(cli: Cli, board: Path) -> None:
    assert cli("where", "--board", board).out == f"{board}\n"
    assert cli("--board", board, "where").out == f"{board}\n"
    assert not board.exists()


def test_where_honours_fu_board_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env" / "mine.toml"
    monkeypatch.setenv("FU_BOARD_FILE", str(target))
    result = cli("where")
    assert result.code == 0
    assert result.out == f"{target}\n"


def test_fu_board_file_expands_home(cli: Cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FU_BOARD_FILE", "~/boards/b.toml")
    assert cli("where").out == f"{isolated_home / 'boards' / 'b.toml'}\n"


def test_board_option_beats_fu_board_file(cli: Cli, board: Path, tmp_path: Path) -> None:
    assert cli("where", "--board", board).out == f"{board}\n"
    add(cli, board, "Acme")
    assert not (tmp_path / "env-board").exists()


def test_verbs_use_fu_board_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "via-env" / "board.toml"
    monkeypatch.setenv("FU_BOARD_FILE", str(target))
    result = cli("add", "Acme")
    assert result.code == 0
    card_id = result.out.strip()
    assert [card.id for card in load_board(target).cards] == [card_id]
    listed = cli("list", "--json")
    assert [card["id"] for card in json.loads(listed.out)] == [card_id]
    assert cli("resolve", card_id, "yes").code == 0
    assert load_board(target).card(card_id).outcome is Outcome.YES


def test_where_without_option_or_env_uses_the_data_folder(
    cli: Cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FU_BOARD_FILE")
    result = cli("where")
    assert result.code == 0
    printed = Path(result.out.rstrip("\n"))
    assert result.out.endswith("\n")
    assert printed.as_posix().endswith("fu-board/board.toml")
    assert printed.is_relative_to(isolated_home)
    if sys.platform.startswith("linux"):
        assert printed == isolated_home / "xdg-data" / "fu-board" / "board.toml"


def test_add_without_option_or_env_writes_into_the_data_folder(
    cli: Cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FU_BOARD_FILE")
    result = cli("add", "Acme")
    assert result.code == 0
    path = Path(cli("where").out.rstrip("\n"))
    assert path.is_relative_to(isolated_home)
    assert [card.id for card in load_board(path).cards] == [result.out.strip()]


# list -------------------------------------------------------------------------------------------------------------


def test_list_on_an_empty_board(cli: Cli, board: Path) -> None:
    save_board(board, Board())
    assert cli("list", "--board", board) == Result(0, "", "")
    assert listed_json(cli, board) == []


def test_list_plain_shows_one_line_per_card(cli: Cli, board: Path) -> None:
    ten_days_ago = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    acme = add(cli, board, "Acme", "--role", "Engineer", "--applied", ten_days_ago)
    globex = add(cli, board, "Globex")
    result = cli("list", "--board", board)
    assert result.code == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert result.out.endswith("\n")
    # Longest untouched first.
    assert lines[0].startswith(f"{acme}  applied")
    assert "Acme — Engineer" in lines[0]
    assert lines[0].endswith("(10d since last touch)")
    assert lines[1].startswith(f"{globex}  applied")
    assert "Globex" in lines[1]
    assert lines[1].endswith("(0d since last touch)")


def test_list_plain_shows_the_outcome_of_a_resolved_card(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    assert cli("resolve", card_id, "no", "--board", board).code == 0
    (line,) = cli("list", "--board", board).out.splitlines()
    assert line.startswith(f"{card_id}  ✗ no")
    assert "applied" not in line.split("Acme")[0]


def test_list_json_shape_and_outcome_after_resolve(cli: Cli, board: Path) -> None:
    card_id = add(
        cli,
        board,
        "Acme",
        "--role",
        "Engineer",
        "--link",
        "https://x.example",
        "--contact",
        "Ada",
        "--email",
        "ada@x.example",
        "--applied",
        "2026-01-15",
    )
    (card,) = listed_json(cli, board)
    assert card["id"] == card_id
    assert card["company"] == "Acme"
    assert card["role"] == "Engineer"
    assert card["stage"] == "applied"
    assert "outcome" in card
    assert card["outcome"] is None
    assert card["applied"] == "2026-01-15"
    assert card["resolved_on"] is None
    assert card["last_touch"] == "2026-01-15"
    assert card["link"] == "https://x.example"
    assert card["contact"] == "Ada"
    assert card["email"] == "ada@x.example"

    assert cli("resolve", card_id, "no", "--date", "2026-02-01", "--board", board).code == 0
    (card,) = listed_json(cli, board)
    assert card["id"] == card_id
    assert card["stage"] == "resolved"
    assert card["outcome"] == "no"
    assert card["resolved_on"] == "2026-02-01"
    assert card["last_touch"] == "2026-02-01"


@pytest.mark.parametrize("spelling", ["followed-up", "followed_up", "Followed-Up", "followed up"])
def test_list_stage_filter_accepts_followed_up_spellings(cli: Cli, board: Path, spelling: str) -> None:
    waiting = add(cli, board, "Waiting")
    chased = add(cli, board, "Chased")
    assert cli("interview", chased, "--board", board).code == 0
    assert cli("followup", chased, "--board", board).code == 0  # after the interview: to Followed up
    cards = listed_json(cli, board, "--stage", spelling)
    assert [(card["id"], card["stage"]) for card in cards] == [(chased, "followed_up")]
    plain = cli("list", "--stage", spelling, "--board", board)
    assert [line.split()[0] for line in plain.out.splitlines()] == [chased]
    assert [card["id"] for card in listed_json(cli, board, "--stage", "applied")] == [waiting]


def test_list_stage_filter_per_column(cli: Cli, board: Path) -> None:
    applied = add(cli, board, "A")
    interviewed = add(cli, board, "B")
    resolved = add(cli, board, "C")
    assert cli("interview", interviewed, "--board", board).code == 0
    assert cli("resolve", resolved, "withdrawn", "--board", board).code == 0
    assert [c["id"] for c in listed_json(cli, board, "--stage", "applied")] == [applied]
    assert [c["id"] for c in listed_json(cli, board, "--stage", "interviewed")] == [interviewed]
    assert [c["id"] for c in listed_json(cli, board, "--stage", "resolved")] == [resolved]
    assert listed_json(cli, board, "--stage", "followed_up") == []
    assert sorted(c["id"] for c in listed_json(cli, board)) == sorted([applied, interviewed, resolved])


def test_list_on_a_missing_file_is_empty_says_why_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    # A script on a new machine gets an empty list, not a failure; a person reading stderr learns why.
    path = tmp_path / "nowhere" / "board.toml"
    plain = cli("list", "--board", path)
    as_json = cli("list", "--json", "--board", path)
    assert (plain.code, plain.out) == (0, "")
    assert (as_json.code, json.loads(as_json.out)) == (0, [])
    for result in (plain, as_json):
        assert result.err == f"fu-board: no board yet at {path}; fu-board --board {path} add COMPANY starts one\n"
    assert not path.parent.exists()


@pytest.mark.parametrize("argv", [("move", "abcd", "interviewed"), ("resolve", "abcd", "yes")])
def test_changing_a_missing_file_creates_nothing(cli: Cli, tmp_path: Path, argv: tuple[str, ...]) -> None:
    path = tmp_path / "nowhere" / "board.toml"
    result = cli(*argv, "--board", path)
    assert_one_error_line(result)
    assert str(path) in result.err
    assert not path.parent.exists()


# move -------------------------------------------------------------------------------------------------------------


INTERVIEW_HINT = (
    "fu-board: error: Interviewed holds cards with an interview booked or held, and no follow-up since: "
    "log the interview instead (i on the board, fu-board interview ID --date D)\n"
)
FOLLOW_UP_HINT = (
    "fu-board: error: Followed up holds cards followed up after their last interview, waiting for an answer: "
    "log the follow-up instead, and the card moves (f, or fu-board followup ID)\n"
)
NUDGE_HINT = (
    "fu-board: error: Followed up holds cards followed up after their last interview, waiting for an answer; "
    "a nudge on an application keeps it in Applied (f on the board, fu-board followup ID logs it)\n"
)


def test_move_to_interviewed_without_an_interview_is_refused(cli: Cli, board: Path) -> None:
    # A move never invents an event: the interview is logged with `interview`, which moves the card.
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    before = board.read_bytes()
    result = cli("move", card_id, "interviewed", "--date", "2026-01-20", "--board", board)
    assert_one_error_line(result)
    assert result.err == INTERVIEW_HINT
    assert board.read_bytes() == before
    assert leftovers(board.parent) == ["board.toml"]
    card = load_board(board).card(card_id)
    assert (card.stage, card.interviews) == (Stage.APPLIED, ())


def test_move_to_interviewed_takes_back_a_card_whose_interview_is_on_record(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("interview", card_id, "--date", "2026-01-20", "--board", board).code == 0
    assert cli("move", card_id, "applied", "--date", "2026-01-21", "--board", board).code == 0
    result = cli("move", card_id, "interviewed", "--date", "2026-01-22", "--board", board)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"{card_id} moved to Interviewed\n"
    card = load_board(board).card(card_id)
    assert card.stage is Stage.INTERVIEWED
    assert card.furthest_stage is Stage.INTERVIEWED
    assert card.interviews == (Interview(date=dt.date(2026, 1, 20), id=1),)  # the move added none
    assert [(event.kind, event.date, event.to) for event in card.timeline] == [
        (EventKind.APPLIED, dt.date(2026, 1, 10), None),
        (EventKind.INTERVIEWED, dt.date(2026, 1, 20), None),
        (EventKind.MOVED, dt.date(2026, 1, 21), Stage.APPLIED),
        (EventKind.MOVED, dt.date(2026, 1, 22), Stage.INTERVIEWED),
    ]
    (listed,) = listed_json(cli, board)
    assert listed["stage"] == "interviewed"
    assert listed["last_touch"] == "2026-01-20"  # a move is not a contact with the company


def test_move_date_defaults_to_today(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("interview", card_id, "--date", "2026-01-20", "--board", board).code == 0
    assert cli("move", card_id, "applied", "--board", board).code == 0
    event = load_board(board).card(card_id).timeline[-1]
    assert (event.kind, event.date, event.to) == (EventKind.MOVED, dt.date.today(), Stage.APPLIED)


def test_move_to_followed_up_without_a_follow_up_is_refused(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    before = board.read_bytes()
    result = cli("move", card_id, "followed-up", "--date", "2026-01-17", "--board", board)
    assert_one_error_line(result)
    assert result.err == NUDGE_HINT  # an application: a nudge keeps it in Applied
    assert board.read_bytes() == before
    assert cli("interview", card_id, "--date", "2026-01-20", "--board", board).code == 0
    assert cli("followup", card_id, "--date", "2026-01-18", "--board", board).code == 0  # before the interview
    before = board.read_bytes()
    result = cli("move", card_id, "followed-up", "--date", "2026-01-21", "--board", board)
    assert_one_error_line(result)
    assert result.err == FOLLOW_UP_HINT
    assert board.read_bytes() == before
    assert load_board(board).card(card_id).stage is Stage.INTERVIEWED


def test_move_to_followed_up_and_back_to_applied(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("interview", card_id, "--date", "2026-01-15", "--board", board).code == 0
    assert cli("followup", card_id, "--date", "2026-01-17", "--board", board).code == 0
    assert load_board(board).card(card_id).stage is Stage.FOLLOWED_UP
    assert cli("move", card_id, "applied", "--date", "2026-01-18", "--board", board).out == (
        f"{card_id} moved to Applied\n"
    )
    card = load_board(board).card(card_id)
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.FOLLOWED_UP
    # Its follow-up since the interview is on record: it may go back to Followed up.
    assert cli("move", card_id, "followed-up", "--date", "2026-01-19", "--board", board).out == (
        f"{card_id} moved to Followed up\n"
    )
    card = load_board(board).card(card_id)
    assert card.stage is Stage.FOLLOWED_UP
    assert [event.kind for event in card.timeline] == [
        EventKind.APPLIED,
        EventKind.INTERVIEWED,
        EventKind.FOLLOWED_UP,
        EventKind.MOVED,
        EventKind.MOVED,
    ]
    assert [event.to for event in card.timeline[-2:]] == [Stage.APPLIED, Stage.FOLLOWED_UP]


def test_move_reopens_a_resolved_card(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("interview", card_id, "--date", "2026-01-15", "--board", board).code == 0
    assert cli("followup", card_id, "--date", "2026-01-17", "--board", board).code == 0
    assert cli("resolve", card_id, "no", "--board", board).code == 0
    assert cli("move", card_id, "followed_up", "--board", board).code == 0
    (card,) = listed_json(cli, board)
    assert (card["stage"], card["outcome"], card["resolved_on"]) == ("followed_up", None, None)
    event = load_board(board).card(card_id).timeline[-1]
    assert (event.kind, event.to) == (EventKind.REOPENED, Stage.FOLLOWED_UP)


def test_reopening_a_resolved_card_is_refused_where_its_history_does_not_reach(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("resolve", card_id, "no", "--date", "2026-01-20", "--board", board).code == 0
    before = board.read_bytes()
    for stage, hint in (("interviewed", INTERVIEW_HINT), ("followed_up", NUDGE_HINT)):
        result = cli("move", card_id, stage, "--board", board)
        assert_one_error_line(result)
        assert result.err == hint
    assert board.read_bytes() == before
    assert cli("move", card_id, "applied", "--board", board).out == f"{card_id} moved to Applied\n"
    card = load_board(board).card(card_id)
    assert (card.stage, card.outcome, card.timeline[-1].kind) == (Stage.APPLIED, None, EventKind.REOPENED)


@pytest.mark.parametrize("spelling", ["resolved", "Resolved"])
def test_move_to_resolved_is_refused(cli: Cli, board: Path, spelling: str) -> None:
    card_id = add(cli, board, "Acme")
    before = board.read_bytes()
    result = cli("move", card_id, spelling, "--board", board)
    assert_one_error_line(result)
    assert "resolve" in result.err
    assert board.read_bytes() == before


def test_move_to_the_column_it_is_in_is_refused(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    before = board.read_bytes()
    result = cli("move", card_id, "applied", "--board", board)
    assert_one_error_line(result)
    assert "already" in result.err
    assert board.read_bytes() == before


# resolve ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", ["yes", "no", "withdrawn"])
def test_resolve_with_each_outcome(cli: Cli, board: Path, outcome: str) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    result = cli("resolve", card_id, outcome, "--date", "2026-02-03", "--board", board)
    assert result.code == 0
    assert result.err == ""
    said = {
        "yes": "A yes from Acme! Congratulations.\n",
        "no": "No #1: every no is a step closer to the yes.\n",
        "withdrawn": "",
    }[outcome]
    assert result.out == f"{card_id} resolved: {outcome}\n{said}"
    card = load_board(board).card(card_id)
    assert card.stage is Stage.RESOLVED
    assert card.outcome is Outcome(outcome)
    assert card.resolved_on == dt.date(2026, 2, 3)
    assert card.timeline[-1].kind is EventKind.RESOLVED
    assert card.timeline[-1].outcome is Outcome(outcome)
    (listed,) = listed_json(cli, board)
    assert (listed["stage"], listed["outcome"]) == ("resolved", outcome)


def test_resolve_outcome_is_case_insensitive_and_date_defaults_to_today(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    assert cli("resolve", card_id, "YES", "--board", board).code == 0
    card = load_board(board).card(card_id)
    assert (card.outcome, card.resolved_on) == (Outcome.YES, dt.date.today())


def test_resolve_twice_with_the_same_outcome_is_refused(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    assert cli("resolve", card_id, "no", "--board", board).code == 0
    before = board.read_bytes()
    result = cli("resolve", card_id, "no", "--board", board)
    assert_one_error_line(result)
    assert "already resolved" in result.err
    assert board.read_bytes() == before
    assert cli("resolve", card_id, "yes", "--board", board).code == 0
    assert load_board(board).card(card_id).outcome is Outcome.YES


# ids --------------------------------------------------------------------------------------------------------------


def test_unique_prefix_and_any_case_find_the_card(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    assert cli("interview", card_id[:1], "--date", "2026-01-20", "--board", board).out == (
        f"{card_id} interview on 2026-01-20 logged; next follow-up 2026-01-20 (thank_you)\n"
    )
    assert cli("followup", card_id[:3].upper(), "--date", "2026-01-22", "--board", board).out == (
        f"{card_id} follow-up on 2026-01-22 logged; next follow-up 2026-01-29 (weekly)\n"
    )
    assert load_board(board).card(card_id).stage is Stage.FOLLOWED_UP
    assert cli("move", card_id[:2].upper(), "applied", "--board", board).out == f"{card_id} moved to Applied\n"
    assert cli("resolve", f" {card_id} ", "yes", "--board", board).out.startswith(f"{card_id} resolved: yes\n")
    assert load_board(board).card(card_id).outcome is Outcome.YES


def test_prefix_picks_among_several_cards(cli: Cli, board: Path) -> None:
    make_board(board, "abcd", "abce", "xyz2")
    assert cli("resolve", "x", "no", "--board", board).out.startswith("xyz2 resolved: no\n")
    assert cli("interview", "abce", "--date", "2026-01-20", "--board", board).out == (
        "abce interview on 2026-01-20 logged; next follow-up 2026-01-20 (thank_you)\n"
    )
    assert load_board(board).card("abce").stage is Stage.INTERVIEWED
    assert load_board(board).card("abcd").stage is Stage.APPLIED


@pytest.mark.parametrize("ref", ["a", "ab", "ABC"])
def test_ambiguous_id_is_refused(cli: Cli, board: Path, ref: str) -> None:
    make_board(board, "abcd", "abce", "xyz2")
    before = board.read_bytes()
    for argv in (("move", ref, "interviewed"), ("resolve", ref, "yes")):
        result = cli(*argv, "--board", board)
        assert_one_error_line(result)
        assert "ambiguous" in result.err
        assert "abcd" in result.err
        assert "abce" in result.err
        assert "xyz2" not in result.err
    assert board.read_bytes() == before


@pytest.mark.parametrize(
    ("ref", "clue"),
    [
        ("zzzz", "no card has the id 'zzzz'"),
        ("abcde", "no card has the id 'abcde'"),
        ("", "required"),
        ("   ", "required"),
    ],
)
def test_unknown_id_is_refused(cli: Cli, board: Path, ref: str, clue: str) -> None:
    make_board(board, "abcd", "abce")
    before = board.read_bytes()
    for argv in (("move", ref, "interviewed"), ("resolve", ref, "withdrawn")):
        result = cli(*argv, "--board", board)
        assert_one_error_line(result)
        assert clue in result.err
    assert board.read_bytes() == before


# bad input: exit 2, one line, nothing written ---------------------------------------------------------------------

BAD_INPUT = [
    pytest.param(("add", "Acme", "--applied", "2026-13-01"), id="add-bad-month"),
    pytest.param(("add", "Acme", "--applied", "2026-02-30"), id="add-bad-day"),
    pytest.param(("add", "Acme", "--applied", "tomorrow"), id="add-word-date"),
    pytest.param(("add", "Acme", "--applied", "01/02/2026"), id="add-slash-date"),
    pytest.param(("add", "Acme", "--applied", ""), id="add-empty-date"),
    pytest.param(("add", "   "), id="add-blank-company"),
    pytest.param(("add", ""), id="add-empty-company"),
    pytest.param(("add", "Acme\udcff"), id="add-undecodable"),
    pytest.param(("add",), id="add-missing-company"),
    pytest.param(("add", "Acme", "--role"), id="add-option-without-value"),
    pytest.param(("list", "--stage", "done"), id="list-bad-stage"),
    pytest.param(("list", "--stage"), id="list-stage-without-value"),
    pytest.param(("list", "extra"), id="list-extra-argument"),
    pytest.param(("move", "{id}", "limbo"), id="move-bad-stage"),
    pytest.param(("move", "{id}", "resolved"), id="move-resolved"),
    pytest.param(("move", "{id}", "interviewed", "--date", "2026-1-32"), id="move-bad-date"),
    pytest.param(("move", "{id}", "interviewed", "--date", "next week"), id="move-word-date"),
    pytest.param(("move", "{id}"), id="move-missing-stage"),
    pytest.param(("move",), id="move-missing-everything"),
    pytest.param(("move", "{id}", "applied"), id="move-same-column"),
    pytest.param(("resolve", "{id}", "maybe"), id="resolve-bad-outcome"),
    pytest.param(("resolve", "{id}", "resolved"), id="resolve-stage-as-outcome"),
    pytest.param(("resolve", "{id}", "yes", "--date", "20260-01-01"), id="resolve-bad-date"),
    pytest.param(("resolve", "{id}"), id="resolve-missing-outcome"),
    pytest.param(("resolve",), id="resolve-missing-everything"),
    pytest.param(("bogus",), id="unknown-verb"),
    pytest.param(("--bogus", "list"), id="unknown-option"),
]


@pytest.mark.parametrize("argv", BAD_INPUT)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli: Cli, board: Path, argv: tuple[str, ...]) -> None:
    card_id = add(cli, board, "Acme")
    before = board.read_bytes()
    result = cli(*(arg.replace("{id}", card_id) for arg in argv), "--board", board)
    assert_one_error_line(result)
    assert board.read_bytes() == before
    assert leftovers(board.parent) == ["board.toml"]


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(("add", "   "), id="blank-company"),
        pytest.param(("add", ""), id="empty-company"),
        pytest.param(("add", "Acme\udcff"), id="undecodable"),
        pytest.param(("add", "Acme", "--applied", "someday"), id="bad-date"),
        pytest.param(("add",), id="missing-company"),
        pytest.param(("list", "--stage", "nope"), id="list-bad-stage"),
    ],
)
def test_bad_input_on_a_missing_file_creates_nothing(cli: Cli, tmp_path: Path, argv: tuple[str, ...]) -> None:
    path = tmp_path / "nowhere" / "board.toml"
    result = cli(*argv, "--board", path)
    assert_one_error_line(result)
    assert not path.exists()
    assert not path.parent.exists()


def test_blank_company_message_names_the_field(cli: Cli, board: Path) -> None:
    add(cli, board, "Acme")
    result = cli("add", "   ", "--board", board)
    assert_one_error_line(result)
    assert "company" in result.err
    assert "blank" in result.err


def test_bad_date_message_shows_the_expected_form(cli: Cli, board: Path) -> None:
    result = cli("add", "Acme", "--applied", "2026-13-01", "--board", board)
    assert_one_error_line(result)
    assert "2026-13-01" in result.err
    assert "YYYY-MM-DD" in result.err or "2026-11-25" in result.err


def test_bad_stage_message_lists_the_stages(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    result = cli("move", card_id, "limbo", "--board", board)
    assert_one_error_line(result)
    for stage in ("applied", "interviewed", "followed_up"):
        assert stage in result.err


def test_bad_outcome_message_lists_the_outcomes(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme")
    result = cli("resolve", card_id, "maybe", "--board", board)
    assert_one_error_line(result)
    for outcome in ("yes", "no", "withdrawn"):
        assert outcome in result.err


# corrupt board files ----------------------------------------------------------------------------------------------

CORRUPT = [
    pytest.param(
        b'schema_version = 1\n\n[[cards]]\nid = "abcd"\ncompany = "Acme\napplied = 2026-01-01\n',
        ("line 5",),
        id="invalid-toml",
    ),
    pytest.param(
        b'schema_version = 1\n\n[[cards]]\nid = "abcd"\ncompany = 5\napplied = 2026-01-01\n',
        ("cards[0].company", "line 3"),
        id="company-not-a-string",
    ),
    pytest.param(
        b'[[cards]]\nid = "abcd"\ncompany = "Acme"\napplied = "yesterday"\n',
        ("cards[0].applied",),
        id="applied-not-a-date",
    ),
    pytest.param(b"cards = 3\n", ("cards",), id="cards-not-a-table-array"),
    pytest.param(
        b'[[cards]]\nid = "abcd"\ncompany = "Acme"\napplied = 2026-01-01\ncolour = "red"\n',
        ("colour",),
        id="unknown-key",
    ),
    pytest.param(b"# caf\xe9\nschema_version = 1\n", ("line 1", "UTF-8"), id="not-utf8"),
    # A newer file this version cannot even show (a newer file it can show opens read-only).
    pytest.param(b"schema_version = 99\ncards = 3\n", ("schema_version", "newer"), id="newer-schema"),
]

READING_VERBS = [
    pytest.param(("add", "Globex"), id="add"),
    pytest.param(("list",), id="list"),
    pytest.param(("list", "--json"), id="list-json"),
    pytest.param(("move", "abcd", "interviewed"), id="move"),
    pytest.param(("resolve", "abcd", "no"), id="resolve"),
]


@pytest.mark.parametrize("argv", READING_VERBS)
@pytest.mark.parametrize(("content", "clues"), CORRUPT)
def test_corrupt_board_is_reported_and_never_overwritten(
    cli: Cli, board: Path, content: bytes, clues: tuple[str, ...], argv: tuple[str, ...]
) -> None:
    board.parent.mkdir(parents=True)
    board.write_bytes(content)
    result = cli(*argv, "--board", board)
    assert_one_error_line(result)
    assert str(board) in result.err
    for clue in clues:
        assert clue in result.err
    assert board.read_bytes() == content
    assert leftovers(board.parent) == ["board.toml"]


def test_where_still_shows_a_corrupt_board(cli: Cli, board: Path) -> None:
    board.parent.mkdir(parents=True)
    board.write_bytes(b"not = [toml\n")
    result = cli("where", "--board", board)
    assert result == Result(0, f"{board}\n", "")
    assert board.read_bytes() == b"not = [toml\n"


# hostile text ------------------------------------------------------------------------------------------------------


def test_hostile_text_never_reaches_the_terminal_raw(cli: Cli, board: Path) -> None:
    ids = {add(cli, board, company, "--role", "\x1b[2J\x9b31m"): company for company in HOSTILE}

    plain = cli("list", "--board", board)
    assert plain.code == 0
    assert_no_raw_controls(plain.out)
    assert len(plain.out.splitlines()) == len(HOSTILE)
    assert "␛" in plain.out  # escape is shown as a visible symbol

    raw = cli("list", "--json", "--board", board)
    assert raw.code == 0
    assert_no_raw_controls(raw.out)
    for company in HOSTILE:
        assert company not in raw.out
    cards = json.loads(raw.out)
    assert {card["id"]: card["company"] for card in cards} == ids
    assert {card["role"] for card in cards} == {"\x1b[2J\x9b31m"}


def test_hostile_text_is_stored_exactly(cli: Cli, board: Path) -> None:
    ids = {add(cli, board, company): company for company in HOSTILE}
    assert {card.id: card.company for card in load_board(board).cards} == ids


def test_hostile_card_id_in_an_error_is_not_echoed_raw(cli: Cli, board: Path) -> None:
    add(cli, board, "Acme")
    result = cli("move", "\x1b]0;pwned\x07", "interviewed", "--board", board)
    assert_one_error_line(result)
    assert_no_raw_controls(result.err)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(("list", "\x1b]0;pwned\x07"), id="extra-argument-escape"),
        pytest.param(("list", "a\nb"), id="extra-argument-newline"),
        pytest.param(("where", "\x9b2J"), id="extra-argument-c1"),
    ],
)
def test_argparse_errors_do_not_echo_hostile_text(cli: Cli, board: Path, argv: tuple[str, ...]) -> None:
    add(cli, board, "Acme")
    before = board.read_bytes()
    result = cli(*argv, "--board", board)
    assert_one_error_line(result)
    assert_no_raw_controls(result.err)
    assert board.read_bytes() == before


# end to end: the real process ---------------------------------------------------------------------------------------


def run_process(*argv: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fu_board", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=full_env,
        timeout=30,
        check=False,
    )


def test_process_version_and_help() -> None:
    version = run_process("--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, f"fu-board {__version__}\n", "")
    helped = run_process("--help")
    assert helped.returncode == 0
    assert "resolve" in helped.stdout


def test_process_add_list_resolve_round_trip(board: Path) -> None:
    added = run_process("add", "Acme", "--role", "Engineer", "--board", str(board))
    assert added.returncode == 0
    assert added.stderr == ""
    card_id = added.stdout.strip()
    assert added.stdout == f"{card_id}\n"
    assert [card.id for card in load_board(board).cards] == [card_id]

    resolved = run_process("--board", str(board), "resolve", card_id, "no")
    assert (resolved.returncode, resolved.stdout.splitlines()[0]) == (0, f"{card_id} resolved: no")

    listed = run_process("list", "--json", "--board", str(board))
    assert listed.returncode == 0
    assert [(c["id"], c["outcome"]) for c in json.loads(listed.stdout)] == [(card_id, "no")]


def test_process_bad_input_exits_2(board: Path) -> None:
    make_board(board, "abcd")
    before = board.read_bytes()
    bad = run_process("move", "abcd", "resolved", "--board", str(board))
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert bad.stderr.startswith("fu-board: error:")
    assert board.read_bytes() == before


def test_process_undecodable_argument(board: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fu_board", "add", b"Acme\xff", "--board", str(board)],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"UTF-8" in result.stderr
    assert result.stderr.count(b"\n") == 1
    assert not board.exists()


def test_process_corrupt_board_and_fu_board_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(b"[[cards]]\nid = 'abcd'\n")
    result = run_process("list", env={"FU_BOARD_FILE": str(path)})
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "company" in result.stderr
    assert path.read_bytes() == b"[[cards]]\nid = 'abcd'\n"


# dates relative to the day fu-board runs -------------------------------------------------------------------------


def test_relative_dates_count_from_the_day_it_runs(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = dt.date(2026, 3, 2)
    assert main(["add", "Acme", "--applied", "yesterday", "--board", str(board)], today=day) == 0
    card_id = capsys.readouterr().out.strip()
    assert main(["resolve", card_id, "no", "--date", "today", "--board", str(board)], today=day) == 0
    card = load_board(board).card(card_id)
    assert (card.applied, card.resolved_on) == (dt.date(2026, 3, 1), day)


def test_an_application_cannot_be_sent_in_the_future(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = dt.date(2026, 3, 2)
    assert main(["add", "Acme", "--applied", "2026-03-03", "--board", str(board)], today=day) == 2
    assert capsys.readouterr().err == "fu-board: error: --applied 2026-03-03 is in the future (today is 2026-03-02)\n"
    assert not board.exists()


def test_nothing_is_recorded_before_the_application(cli: Cli, board: Path) -> None:
    card_id = add(cli, board, "Acme", "--applied", "2026-01-10")
    before = board.read_bytes()
    for argv in (("interview", card_id), ("followup", card_id), ("resolve", card_id, "no")):
        result = cli(*argv, "--date", "2026-01-09", "--board", board)
        assert_one_error_line(result)
        assert "is before the application was sent (2026-01-10)" in result.err
    assert board.read_bytes() == before


def test_json_is_indented_on_a_terminal_and_one_line_when_piped(
    cli: Cli, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("add", "Acme", "--board", board).code == 0
    assert cli("add", "Globex", "--board", board).code == 0
    piped = cli("list", "--json", "--board", board)
    assert piped.out.count("\n") == 1  # one line, for a program (and Python's fast encoder)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    shown = cli("list", "--json", "--board", board)
    assert shown.out.startswith("[\n  {\n")  # indented, for a person
    assert json.loads(shown.out) == json.loads(piped.out)
    assert [card["company"] for card in json.loads(piped.out)] == ["Acme", "Globex"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["stats", "--jsn"], "fu-board stats: error: unrecognized arguments: --jsn (see fu-board stats --help)\n"),
        (["list", "extra"], "fu-board list: error: unrecognized arguments: extra (see fu-board list --help)\n"),
        (["--jsn"], "fu-board: error: unrecognized arguments: --jsn (see fu-board --help)\n"),
    ],
)
def test_an_unknown_argument_points_to_the_help_of_its_verb(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], said: str
) -> None:
    board = tmp_path / "board.toml"
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--board", str(board)], today=dt.date(2026, 11, 25))
    assert exited.value.code == 2
    assert capsys.readouterr().err == said
    assert not board.exists()

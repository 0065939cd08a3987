"""Broken board files: a corpus of damage done to a realistic board, and what a person sees.

Every file below either still loads as a valid board (a cut that lands between two
cards, a bit flip inside a note) or is refused with an error that names the file and
the place, never echoes what the file holds (it may be someone's email address), and
never leads to the file being overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w

from fu_board.backups import backup_folder, list_backups, make_backup
from fu_board.demo import demo_board
from fu_board.model import SCHEMA_VERSION, Board, Contact
from fu_board.store import BoardFileError, NewerBoardError, dump_board, load_board, parse_board
from tests.conftest import TODAY, leftovers
from tests.test_cli import Result, run_main

SECRET = "jane.doe.private@example.com"


def good_board() -> Board:
    """The demo board, with one more contact (a private email) and a note that is not ASCII."""
    board = demo_board(TODAY)
    first = board.cards[0]
    first = first.replace(
        contacts=(*first.contacts, Contact(name="Jane Doe", email=SECRET, phone="+44 20 7946 0000")),
        note="Société Générale alumni referral — coffee at 10 ☕, bring the portfolio",
    )
    return board.replace(cards=(first, *board.cards[1:]))


GOOD_BOARD = good_board()
GOOD = dump_board(GOOD_BOARD)
GOOD_TEXT = GOOD.decode()
EMAILS = sorted({contact.email for card in GOOD_BOARD.cards for contact in card.contacts if contact.email})
FIRST_CARD_LINE = GOOD_TEXT.split("\n").index("[[cards]]") + 1


def test_the_corpus_starts_from_a_realistic_board() -> None:
    assert len(GOOD_BOARD.cards) == 13
    assert len(EMAILS) >= 4
    assert SECRET in EMAILS
    assert all(email.encode() in GOOD for email in EMAILS)
    assert parse_board(GOOD, Path("board.toml")) == GOOD_BOARD


def replaced(old: str, new: str, *, count: int = 1) -> bytes:
    assert old in GOOD_TEXT, old
    return GOOD_TEXT.replace(old, new, count).encode()


def flip(data: bytes, bit: int) -> bytes:
    flipped = bytearray(data)
    flipped[bit // 8] ^= 1 << (bit % 8)
    return bytes(flipped)


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    where: str | None = None
    """How `.where` must begin, when the case says."""
    problem: str | None = None
    """What `.problem` must contain, when the case says."""


TRUNCATED = [Case(f"truncated-at-{offset:05d}", GOOD[:offset]) for offset in sorted({0, 1, *range(97, len(GOOD), 97)})]

_rng = random.Random(20261125)
BIT_FLIPS = [
    Case(f"bit-flip-{bit // 8:05d}.{bit % 8}", flip(GOOD, bit)) for bit in _rng.sample(range(len(GOOD) * 8), 50)
]

CARD_WHERE = f"(the card starting at line {FIRST_CARD_LINE})"

NAMED = [
    Case("empty", b"", None, "holds no board at all"),
    Case("whitespace-only", b" \n\t\n   \r\n\n", None, "holds no board at all"),
    Case("nul-filled", b"\x00" * len(GOOD), "line 1, column 1", "not valid TOML"),
    Case("second-half-zeroed", GOOD[: len(GOOD) // 2] + b"\x00" * (len(GOOD) - len(GOOD) // 2), "line ", "not valid"),
    Case("zeros-after-the-end", GOOD + b"\x00" * 4096, "line ", "not valid TOML"),
    Case(
        "latin-1-in-a-note",
        GOOD.replace("Société".encode(), "Société".encode("latin-1"), 1),
        "line ",
        "is not UTF-8 text",
    ),
    Case(
        "duplicate-key",
        replaced('id = "k7m2"', 'id = "k7m2"\nid = "k7m3"'),
        f"line {FIRST_CARD_LINE + 2}",
        "not valid TOML",
    ),
    # wrong types
    Case(
        "applied-is-a-string",
        replaced("applied = 2026-11-13", f'applied = "{SECRET}"'),
        f"cards[0].applied {CARD_WHERE}",
    ),
    Case(
        "company-is-a-number",
        replaced('company = "Northwind Traders"', "company = 42"),
        f"cards[0].company {CARD_WHERE}",
    ),
    Case(
        "contact-email-is-a-number",
        replaced('email = "priya@northwind.example"', "email = 7"),
        f"cards[0].contacts[0].email {CARD_WHERE}",
    ),
    Case("stage-is-an-email", replaced('stage = "applied"', f'stage = "{SECRET}"'), f"cards[0].stage {CARD_WHERE}"),
    Case(
        "timeline-is-a-string",
        replaced('timeline = [\n    { date = 2026-11-13, kind = "applied" },\n]', f'timeline = "{SECRET}"'),
        f"cards[0].timeline {CARD_WHERE}",
    ),
    Case(
        "event-date-is-a-string",
        replaced('{ date = 2026-11-13, kind = "applied" }', f'{{ date = "{SECRET}", kind = "applied" }}'),
        f"cards[0].timeline[0].date {CARD_WHERE}",
    ),
    Case("irons-target-is-text", replaced("irons_target = 5", f'irons_target = "{SECRET}"'), "settings.irons_target"),
    Case(
        "theme-is-not-a-name",
        replaced("irons_target = 5", f'irons_target = 5\ntheme = "\\u001b]8;;{SECRET}\\u0007"'),
        "settings.theme",
        "should be a theme's name, on one line",
    ),
    Case(
        "card-id-is-not-an-id",
        replaced('id = "k7m2"', 'id = "K7 M2"'),
        f"cards[0].id {CARD_WHERE}",
        "lowercase letters, digits or dashes",
    ),
    Case("streak-is-negative", replaced("streak = 0", "streak = -3"), "review.streak", "greater than or equal to 0"),
    # A key added at the end of the file lands in the last table: the last card's last timeline
    # entry, written as a table of its own (with its `from_stage` it is too long for one line).
    Case(
        "key-appended-at-the-end",
        GOOD + b"\ncards = 3\n",
        "cards[12].timeline[2] (the card starting at line ",
        "unknown key 'cards'",
    ),
    # unknown keys, named so a misspelling can be found
    Case(
        "unknown-card-key",
        replaced('id = "k7m2"', f'id = "k7m2"\ncolour = "{SECRET}"'),
        f"cards[0] {CARD_WHERE}",
        "unknown key 'colour'",
    ),
    Case(
        "unknown-contact-key",
        replaced('title = "Recruiter" }', f'title = "Recruiter", pronouns = "{SECRET}" }}'),
        f"cards[0].contacts[0] {CARD_WHERE}",
        "unknown key 'pronouns'",
    ),
    Case(
        "unknown-settings-key",
        replaced("irons_target = 5", "irons_target = 5\nirons_targte = 6"),
        "settings",
        "unknown key 'irons_targte'",
    ),
    Case("unknown-table", GOOD + b"\n[setings]\nirons_target = 3\n", "top level", "unknown key 'setings'"),
    Case(
        "bad-schema-version",
        replaced(f"schema_version = {SCHEMA_VERSION}", 'schema_version = "one"'),
        "schema_version",
        "whole number",
    ),
]

BROKEN = [*TRUNCATED, *BIT_FLIPS, *NAMED]


def test_the_corpus_is_what_it_says() -> None:
    assert len(TRUNCATED) >= len(GOOD) // 97
    assert len({case.data for case in BIT_FLIPS}) == 50
    assert all(case.data != GOOD for case in BROKEN)
    assert len({case.name for case in BROKEN}) == len(BROKEN)


def line_numbers(where: str) -> list[int]:
    return [int(number) for number in re.findall(r"\bline (\d+)", where)]


def check_refusal(error: BoardFileError, path: Path, data: bytes) -> None:
    """What every refusal must be: the file named first, a problem, a place, nothing from inside the file."""
    message = str(error)
    assert error.path == path
    assert message.startswith(f"{path}: "), message
    assert error.problem.strip(), message
    assert "\n" not in message, message
    if "holds no board at all" not in error.problem:
        assert error.where, f"no place given: {message}"
    if error.where:
        assert message.startswith(f"{path}: {error.where}: "), message
        last_line = data.count(b"\n") + 1
        assert all(1 <= number <= last_line for number in line_numbers(error.where)), message
    for email in EMAILS:
        assert email not in message, message
        assert email.split("@")[0] not in message, message


def load_or_refuse(path: Path, data: bytes) -> Board | BoardFileError:
    """Write `data` and load it: the board, or the refusal (checked). Loading never changes the file."""
    path.write_bytes(data)
    try:
        board = load_board(path)
    except BoardFileError as error:
        check_refusal(error, path, data)
        result: Board | BoardFileError = error
    else:
        # Loaded: it must be a board this version can show and save again, unchanged.
        assert parse_board(dump_board(board), path) == board
        result = board
    assert path.read_bytes() == data
    assert os.listdir(path.parent) == ["board.toml"]
    return result


@pytest.mark.parametrize("case", BROKEN, ids=lambda case: case.name)
def test_a_broken_file_loads_as_a_valid_board_or_is_refused_clearly(tmp_path: Path, case: Case) -> None:
    outcome = load_or_refuse(tmp_path / "board.toml", case.data)
    if case in NAMED:
        assert isinstance(outcome, BoardFileError), f"{case.name} loaded"
    if isinstance(outcome, NewerBoardError):  # a flip can turn `schema_version = 1` into 3, 5 or 9
        assert outcome.board is None or parse_board(dump_board(outcome.board), tmp_path / "b.toml") == outcome.board
    if case.where is not None:
        assert isinstance(outcome, BoardFileError)
        assert (outcome.where or "").startswith(case.where), outcome
    if case.problem is not None:
        assert isinstance(outcome, BoardFileError)
        assert case.problem in outcome.problem, outcome


def test_most_truncations_and_flips_are_refused(tmp_path: Path) -> None:
    """A cut or a flip that still loads is possible, but should be rare: the checks above are not vacuous."""
    path = tmp_path / "board.toml"
    refused = [isinstance(load_or_refuse(path, case.data), BoardFileError) for case in TRUNCATED]
    assert sum(refused) >= len(TRUNCATED) * 3 // 4
    refused = [isinstance(load_or_refuse(path, case.data), BoardFileError) for case in BIT_FLIPS]
    assert sum(refused) >= len(BIT_FLIPS) // 2


def test_a_cut_between_two_cards_loads_the_cards_before_it(tmp_path: Path) -> None:
    """A cut that lands exactly at a card boundary is a valid, shorter board: nothing can tell."""
    cut = GOOD.rindex(b"\n[[cards]]") + 1
    board = load_or_refuse(tmp_path / "board.toml", GOOD[:cut])
    assert board == GOOD_BOARD.replace(cards=GOOD_BOARD.cards[:-1])


# files other tools write: these must load ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + GOOD, id="utf8-bom"),
        pytest.param(GOOD.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n"), id="bom-and-crlf"),
    ],
)
def test_a_file_from_another_editor_loads(tmp_path: Path, data: bytes) -> None:
    assert load_or_refuse(tmp_path / "board.toml", data) == GOOD_BOARD


# a newer schema ------------------------------------------------------------------------------------------------------


def newer_file() -> bytes:
    """The good board as a newer fu-board might write it: a higher version and fields unknown here."""
    raw = tomllib.loads(GOOD_TEXT)
    raw["schema_version"] = SCHEMA_VERSION + 1
    raw["theme"] = "dark"
    raw["settings"]["language"] = "fr"
    raw["cards"][0]["salary"] = {"min": 90000, "currency": "EUR"}
    raw["cards"][0]["contacts"][0]["pronouns"] = "she/her"
    raw["cards"][1]["timeline"][0]["mood"] = "hopeful"
    return tomli_w.dumps(raw).encode()


NEWER = newer_file()


def test_a_newer_file_is_refused_for_saving_but_its_known_part_can_be_shown(tmp_path: Path) -> None:
    path = tmp_path / "board.toml"
    path.write_bytes(NEWER)
    with pytest.raises(NewerBoardError) as raised:
        load_board(path)
    error = raised.value
    check_refusal(error, path, NEWER)
    assert error.where == "schema_version"
    assert error.version == SCHEMA_VERSION + 1
    assert error.board == GOOD_BOARD  # everything this version knows, nothing it does not
    assert path.read_bytes() == NEWER


# through the command line --------------------------------------------------------------------------------------------


def _loads(data: bytes) -> bool:
    try:
        parse_board(data, Path("board.toml"))
    except BoardFileError:
        return False
    return True


CLI_SAMPLE = [case for case in [*TRUNCATED[::6], *BIT_FLIPS[::5], *NAMED] if not _loads(case.data)]


def move(capsys: pytest.CaptureFixture[str], path: Path) -> Result:
    return run_main(capsys, ["move", "k7m2", "interviewed", "--board", str(path)], TODAY)


def assert_refused(result: Result, path: Path, data: bytes) -> None:
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("fu-board: error: "), result.err
    assert result.err.endswith("\n")
    assert result.err.count("\n") == 1, result.err
    assert str(path) in result.err
    for email in EMAILS:
        assert email not in result.err
    assert path.read_bytes() == data
    assert leftovers(path.parent) == ["board.toml"]


def test_the_cli_sample_covers_every_kind_of_damage() -> None:
    names = {case.name for case in CLI_SAMPLE}
    assert {"empty", "nul-filled", "latin-1-in-a-note", "applied-is-a-string", "unknown-card-key"} <= names
    assert sum(name.startswith("truncated-at-") for name in names) >= 10
    assert sum(name.startswith("bit-flip-") for name in names) >= 4
    assert len(CLI_SAMPLE) >= 30


@pytest.mark.parametrize("case", CLI_SAMPLE, ids=lambda case: case.name)
def test_a_change_to_a_broken_file_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: Case
) -> None:
    path = tmp_path / "data" / "board.toml"
    path.parent.mkdir()
    path.write_bytes(case.data)
    with pytest.raises(BoardFileError) as expected:
        load_board(path)
    result = move(capsys, path)
    assert_refused(result, path, case.data)
    assert str(expected.value) in result.err  # the same file, place and problem
    assert not backup_folder(path).exists()  # a broken file is not backed up as if it were a board
    assert "newest backup" not in result.err  # there is none to offer


def test_the_error_names_the_newest_backup_that_loads(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "data" / "board.toml"
    path.parent.mkdir()
    now = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    good = make_backup(path, GOOD, now=now)
    make_backup(path, GOOD[: len(GOOD) // 3], now=now + dt.timedelta(minutes=1))  # newer, but broken
    backups = sorted(os.listdir(backup_folder(path)))
    broken = GOOD[:1000]
    path.write_bytes(broken)
    result = move(capsys, path)
    assert_refused(result, path, broken)
    assert f"The newest backup that loads is {good.name} (taken " in result.err
    assert f"; fu-board --board {path} restore {good.name} puts it back" in result.err
    assert sorted(os.listdir(backup_folder(path))) == backups  # nothing added, nothing rotated away


def test_no_backup_is_offered_when_none_loads(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "data" / "board.toml"
    path.parent.mkdir()
    make_backup(path, b"\x00" * 64)
    path.write_bytes(b"")
    result = move(capsys, path)
    assert_refused(result, path, b"")
    assert "holds no board at all" in result.err
    assert "newest backup" not in result.err


def test_a_newer_file_is_never_changed_and_no_older_backup_is_offered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Restoring an older backup over a newer file would lose what the newer fu-board wrote."""
    path = tmp_path / "data" / "board.toml"
    path.parent.mkdir()
    make_backup(path, GOOD)
    path.write_bytes(NEWER)
    result = move(capsys, path)
    assert_refused(result, path, NEWER)
    assert "newer fu-board" in result.err
    assert "schema_version" in result.err
    assert "newest backup" not in result.err
    assert len(list_backups(path)) == 1

"""The board file: dumping, loading, saving safely, and the errors a person sees."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from fu_board.board import edit_card
from fu_board.board_file import BoardFile
from fu_board.model import (
    EARLIEST_DAY,
    LATEST_DAY,
    SCHEMA_VERSION,
    STAGES,
    WORKING_STAGES,
    Board,
    Card,
    Channel,
    Contact,
    Event,
    EventKind,
    Interview,
    InterviewKind,
    NoKind,
    ReviewLog,
    Settings,
    Templates,
)
from fu_board.store import (
    HEADER,
    BoardFileError,
    FileContent,
    NewerBoardError,
    digest,
    dump_board,
    load_board,
    parse_board,
    parse_placed,
    save_board,
)
from fu_board.where import default_board_path
from tests.conftest import leftovers

DAY = dt.date(2024, 3, 1)
CURRENT = b"schema_version = %d" % SCHEMA_VERSION
"""How a file of this version starts."""
EMAIL = "jane.doe@example.com"


def sample_board() -> Board:
    """A board using every field: contacts, interviews, every kind of event, a resolved card."""
    working = Card.validate(
        {
            "id": "k7m2",
            "company": "Société Générale",
            "role": "Data engineer",
            "link": "https://jobs.example/123?a=1&b=2",
            "contacts": [
                {"name": "Jane Doe", "email": EMAIL, "phone": "+44 20 1234", "title": "Recruiter"},
                {"name": "Bo"},
            ],
            "applied": DAY,
            "interviews": [
                {
                    "date": dt.date(2024, 3, 8),
                    "time": "14:00",
                    "kind": "onsite",
                    "where": "1 Main St",
                    "interviewers": ["Ann", "Kim"],
                    "note": "asked about the data model",
                },
                {"date": "2024-03-12"},
            ],
            "decision_expected": dt.date(2024, 4, 1),
            "note": 'multi\nline "quoted" \\ note\twith tab 🙂',
            "stage": "followed_up",
            "timeline": [
                {"date": DAY, "kind": "applied"},
                {"date": "2024-03-08", "kind": "interviewed"},
                {"date": "2024-03-09", "kind": "thank_you", "note": "sent a card", "person": "Ann"},
                {"date": "2024-03-20", "kind": "followed_up"},
                {"date": "2024-03-21", "kind": "moved", "to": "interviewed"},
                {"date": "2024-03-22", "kind": "moved", "to": "followed_up"},
                {"date": "2024-03-23", "kind": "edited", "note": "changed note"},
                {"date": "2024-03-24", "kind": "snoozed"},
            ],
        }
    )
    resolved = Card.validate(
        {
            "id": "ab3x",
            "company": "Acme",
            "applied": dt.date(2024, 1, 5),
            "stage": "resolved",
            "outcome": "no",
            "resolved_on": dt.date(2024, 2, 1),
            "furthest_stage": "interviewed",
            "timeline": [
                {"date": "2024-01-05", "kind": "applied"},
                {"date": "2024-01-20", "kind": "heard_back"},
                {"date": "2024-02-01", "kind": "resolved", "outcome": "no", "from_stage": "applied"},
                {"date": "2024-02-02", "kind": "reopened", "to": "applied"},
                {"date": "2024-02-03", "kind": "resolved", "outcome": "no"},
            ],
        }
    )
    plain = Card(id="zz9q", company="Plain Ltd", applied=dt.date(2024, 2, 10))
    return Board(settings=Settings(irons_target=7), cards=(working, resolved, plain))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# Round trip and stable output ----------------------------------------------------


def test_dump_and_parse_round_trip(tmp_path: Path) -> None:
    board = sample_board()
    assert parse_board(dump_board(board), tmp_path / "board.toml") == board


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    board = sample_board()
    path = tmp_path / "board.toml"
    save_board(path, board)
    assert load_board(path) == board
    assert path.read_bytes() == dump_board(board)


def test_empty_board_round_trips(tmp_path: Path) -> None:
    data = dump_board(Board())
    assert parse_board(data, tmp_path / "board.toml") == Board()
    assert "cards" not in tomllib.loads(data.decode())


def test_output_is_stable(tmp_path: Path) -> None:
    board = sample_board()
    first = dump_board(board)
    assert dump_board(board) == first
    assert dump_board(parse_board(first, tmp_path / "b.toml")) == first


def test_key_order_is_schema_version_settings_review_cards() -> None:
    text = dump_board(sample_board()).decode()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == f"schema_version = {SCHEMA_VERSION}"
    assert lines[1:3] == ["[settings]", "irons_target = 7"]
    order = ["schema_version", "[settings]", "[settings.templates]", "[review]", "[[cards]]"]
    assert [text.index(mark) for mark in order] == sorted(text.index(mark) for mark in order)
    assert list(tomllib.loads(text)) == ["schema_version", "settings", "review", "cards"]
    ids = [card["id"] for card in tomllib.loads(text)["cards"]]
    assert ids == ["k7m2", "ab3x", "zz9q"]  # the board's order, not sorted


def test_card_keys_follow_the_model_order() -> None:
    # Plain values in the model's order; tables of contacts and interviews after them.
    raw = tomllib.loads(dump_board(sample_board()).decode())
    assert list(raw["cards"][0]) == [
        "id",
        "company",
        "role",
        "link",
        "applied",
        "decision_expected",
        "note",
        "stage",
        "furthest_stage",
        "timeline",
        "contacts",
        "interviews",
    ]
    assert list(raw["cards"][1]) == [
        "id",
        "company",
        "applied",
        "stage",
        "outcome",
        "resolved_on",
        "furthest_stage",
        "timeline",
    ]


def test_file_begins_with_the_comment_header() -> None:
    data = dump_board(sample_board())
    assert data.startswith(HEADER + b"\n")
    assert data.startswith(b"# fu-board's board")
    header_lines = HEADER.decode().splitlines()
    assert len(header_lines) == 3
    assert all(line.startswith("# ") for line in header_lines)
    assert "never overwrites a file it cannot read" in HEADER.decode()


def test_empty_fields_are_omitted() -> None:
    raw = tomllib.loads(dump_board(sample_board()).decode())
    plain = raw["cards"][2]
    assert set(plain) == {"id", "company", "applied", "stage", "furthest_stage"}
    resolved = raw["cards"][1]
    assert "note" not in resolved
    assert "role" not in resolved
    assert "contacts" not in resolved
    assert "interviews" not in resolved
    assert "decision_expected" not in resolved
    assert resolved["outcome"] == "no"
    assert resolved["resolved_on"] == dt.date(2024, 2, 1)
    assert raw["cards"][0]["contacts"][1] == {"name": "Bo"}
    assert raw["cards"][0]["interviews"][1] == {"date": dt.date(2024, 3, 12), "id": 2}
    assert raw["cards"][0]["timeline"][0] == {"date": DAY, "kind": "applied"}
    assert raw["cards"][0]["timeline"][4] == {"date": dt.date(2024, 3, 21), "kind": "moved", "to": "interviewed"}
    text = dump_board(sample_board()).decode()
    assert '""' not in text
    assert "[]" not in text


def test_enums_and_dates_are_written_as_plain_toml() -> None:
    text = dump_board(sample_board()).decode()
    assert 'stage = "followed_up"' in text
    assert "applied = 2024-03-01" in text
    assert "Stage." not in text
    assert "Outcome." not in text
    raw = tomllib.loads(text)
    assert raw["cards"][0]["interviews"][0] == {
        "date": dt.date(2024, 3, 8),
        "time": "14:00",
        "id": 1,
        "kind": "onsite",
        "where": "1 Main St",
        "interviewers": ["Ann", "Kim"],
        "note": "asked about the data model",
    }
    assert raw["cards"][1]["timeline"][2]["from_stage"] == "applied"
    assert "InterviewKind." not in text


# Saving --------------------------------------------------------------------------


def test_save_creates_a_private_folder_and_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "fu-board" / "board.toml"
    save_board(path, sample_board())
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_board(path) == sample_board()


def test_save_makes_an_existing_public_file_private(tmp_path: Path) -> None:
    path = write(tmp_path / "board.toml", dump_board(Board()))
    path.chmod(0o644)
    save_board(path, sample_board())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["board.toml"]


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real_folder = tmp_path / "synced"
    real_folder.mkdir()
    target = write(real_folder / "real-board.toml", dump_board(Board()))
    link = tmp_path / "board.toml"
    link.symlink_to(target)
    save_board(link, sample_board())
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_bytes() == dump_board(sample_board())
    assert load_board(link) == sample_board()
    # The temporary file was made next to the target, and is gone.
    assert sorted(os.listdir(real_folder)) == ["real-board.toml"]
    assert sorted(os.listdir(tmp_path)) == ["board.toml", "synced"]


def _fail(*args: Any, **kwargs: Any) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failed_write_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    path = tmp_path / "board.toml"
    save_board(path, sample_board())
    before = path.read_bytes()
    monkeypatch.setattr(os, broken, _fail)
    with pytest.raises(BoardFileError) as error:
        save_board(path, Board())
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["board.toml"]
    assert error.value.path == path
    assert "could not be saved" in str(error.value)
    assert "No space left on device" in str(error.value)
    assert str(error.value).startswith(str(path))


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failed_first_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str) -> None:
    path = tmp_path / "board.toml"
    monkeypatch.setattr(os, broken, _fail)
    with pytest.raises(BoardFileError):
        save_board(path, sample_board())
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_failed_write_through_a_symlink_keeps_target_and_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(tmp_path / "real.toml", dump_board(sample_board()))
    link = tmp_path / "board.toml"
    link.symlink_to(target)
    monkeypatch.setattr(os, "replace", _fail)
    with pytest.raises(BoardFileError):
        save_board(link, Board())
    monkeypatch.undo()
    assert link.is_symlink()
    assert target.read_bytes() == dump_board(sample_board())
    assert sorted(os.listdir(tmp_path)) == ["board.toml", "real.toml"]


def test_opening_creates_the_file_on_first_run(tmp_path: Path) -> None:
    path = tmp_path / "new" / "board.toml"
    assert BoardFile(path).open() == Board()
    assert path.read_bytes() == dump_board(Board())
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The second time it reads the file and writes nothing.
    save_board(path, sample_board())
    before = path.read_bytes()
    assert BoardFile(path).open() == sample_board()
    assert path.read_bytes() == before


def test_load_board_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_board(tmp_path / "nothing.toml")
    assert os.listdir(tmp_path) == []


def test_unreadable_path_is_a_board_file_error(tmp_path: Path) -> None:
    folder = tmp_path / "board.toml"
    folder.mkdir()
    with pytest.raises(BoardFileError, match="is a folder, not a board file"):
        load_board(folder)
    with pytest.raises(BoardFileError, match="is a folder, not a board file"):
        BoardFile(folder).open()


# Load errors ---------------------------------------------------------------------


def load_error(tmp_path: Path, data: bytes) -> BoardFileError:
    """The error loading `data` gives, checking neither load nor open changes the file."""
    path = write(tmp_path / "board.toml", data)
    with pytest.raises(BoardFileError) as loaded:
        load_board(path)
    with pytest.raises(BoardFileError) as opened:
        BoardFile(path).open()
    assert str(opened.value) == str(loaded.value)
    assert path.read_bytes() == data
    assert leftovers(tmp_path) == ["board.toml"]  # only the writers' lock beside it
    assert loaded.value.path == path
    assert str(loaded.value).startswith(f"{path}: ")
    return loaded.value


def card_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.split("\n"), start=1) if line.strip() == "[[cards]]"]


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    data = b"schema_version = 1\n\n[settings]\nirons_target = = 5\n"
    error = load_error(tmp_path, data)
    assert error.where is not None
    assert re.fullmatch(r"line 4, column \d+", error.where)
    assert "line 4, column" in str(error)
    assert "not valid TOML" in error.problem


def test_unterminated_toml_names_the_end(tmp_path: Path) -> None:
    error = load_error(tmp_path, b'schema_version = 1\n[[cards]]\nid = "ab\n')
    assert "not valid TOML" in str(error)
    assert error.where is not None
    assert "line" in error.where or "end of document" in error.where


@pytest.mark.parametrize("junk", [b"\x00" * 64, b"[[cards]\n", b"\x00"])
def test_garbage_is_a_clear_toml_error(tmp_path: Path, junk: bytes) -> None:
    error = load_error(tmp_path, junk)
    assert "not valid TOML" in str(error)
    assert error.where == "line 1, column 1" or (error.where or "").startswith("line 1,")


def test_invalid_field_names_the_field_and_the_card_line(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    second = card_lines(text)[1]
    broken = text.replace('stage = "resolved"', 'stage = "nowhere"')
    assert broken != text
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[1].stage (the card starting at line {second})"
    assert f"cards[1].stage (the card starting at line {second}): " in str(error)
    assert "nowhere" not in str(error)


def test_invalid_nested_field_names_the_full_path(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    first = card_lines(text)[0]
    broken = text.replace('{ date = 2024-03-20, kind = "followed_up" }', '{ date = 2024-03-20, kind = "waved" }')
    assert broken != text
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[0].timeline[3].kind (the card starting at line {first})"


def test_invalid_settings_names_the_field(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode().replace("irons_target = 7", "irons_target = 0")
    error = load_error(tmp_path, text.encode())
    assert error.where == "settings.irons_target"
    assert "greater than or equal to 1" in error.problem


def test_model_rule_error_names_the_card(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    third = card_lines(text)[2]
    broken = text.replace('company = "Plain Ltd"', 'company = "   "')
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[2].company (the card starting at line {third})"
    assert error.problem == "is required and cannot be blank"


def test_missing_field_is_named(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    third = card_lines(text)[2]
    broken = text.replace('company = "Plain Ltd"\n', "")
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[2] (the card starting at line {third})"
    assert error.problem == "'company' is missing"


def test_duplicate_ids_in_the_file(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode().replace('id = "zz9q"', 'id = "k7m2"')
    error = load_error(tmp_path, text.encode())
    assert error.where == "top level"
    assert "two cards have the id 'k7m2'" in error.problem


def test_unknown_key_is_named(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    first = card_lines(text)[0]
    broken = text.replace('id = "k7m2"\n', f'id = "k7m2"\ncolour = "{EMAIL}"\n')
    error = load_error(tmp_path, broken.encode())
    assert error.problem == "unknown key 'colour' (is it misspelt?)"
    assert error.where == f"cards[0] (the card starting at line {first})"
    assert EMAIL not in str(error)


def test_unknown_top_level_table_is_named(tmp_path: Path) -> None:
    data = dump_board(Board()) + b"\n[setings]\nirons_target = 3\n"
    error = load_error(tmp_path, data)
    assert error.where == "top level"
    assert "unknown key 'setings'" in error.problem


def test_more_problems_are_counted(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode().replace("2024-02-10", '"soon"').replace('"Plain Ltd"', "3")
    error = load_error(tmp_path, text.encode())
    assert error.problem.endswith("(and 1 more problem)")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("applied = 2024-02-10", f'applied = "{EMAIL}"'),
        ('company = "Plain Ltd"', f'company = ["{EMAIL}"]'),
        ('company = "Plain Ltd"', f'company = {{ email = "{EMAIL}" }}'),
        ('stage = "applied"', f'stage = "{EMAIL}"'),
        ('company = "Plain Ltd"', f'company = "Plain Ltd"\ncontacts = "{EMAIL}"'),
        ('company = "Plain Ltd"', f'company = "Plain Ltd"\ncontacts = [{{ email = ["{EMAIL}"] }}]'),
        ("irons_target = 7", f'irons_target = "{EMAIL}"'),
        ('company = "Plain Ltd"', f'company = "Plain Ltd"\nid = "{EMAIL}"'),
    ],
)
def test_input_values_are_never_echoed(tmp_path: Path, old: str, new: str) -> None:
    text = dump_board(sample_board()).decode()
    text = text.replace(EMAIL, "someone@example.org")  # the sample's own contact email is fine to miss
    broken = text.replace(old, new)
    assert broken != text
    error = load_error(tmp_path, broken.encode())
    assert EMAIL not in str(error)
    assert "jane.doe" not in str(error)
    assert "jane.doe" not in repr(error.problem)


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99])
def test_newer_schema_version_is_refused(tmp_path: Path, version: int) -> None:
    data = dump_board(sample_board()).replace(CURRENT, f"schema_version = {version}".encode())
    path = write(tmp_path / "board.toml", data)
    with pytest.raises(NewerBoardError) as raised:
        load_board(path)
    error = raised.value
    assert error.board == sample_board()  # what this version knows of it, to show read-only
    opened = BoardFile(path)
    assert opened.open() == sample_board()
    assert opened.read_only == error.problem
    assert path.read_bytes() == data
    assert error.where == "schema_version"
    assert "newer fu-board" in error.problem
    assert f"schema {version}" in error.problem
    assert "upgrade fu-board" in error.problem


@pytest.mark.parametrize("value", ["0", "-1", '"1"', "1.0", "true"])
def test_bad_schema_version_is_refused(tmp_path: Path, value: str) -> None:
    data = dump_board(Board()).replace(CURRENT, f"schema_version = {value}".encode())
    error = load_error(tmp_path, data)
    assert error.where == "schema_version"
    assert error.problem == "must be a whole number from 1 up"


def test_missing_schema_version_means_the_current_one(tmp_path: Path) -> None:
    data = dump_board(sample_board()).replace(CURRENT + b"\n", b"")
    assert parse_board(data, tmp_path / "board.toml") == sample_board()


def test_non_utf8_bytes_give_a_clear_error(tmp_path: Path) -> None:
    text = dump_board(sample_board())
    lines = text.split(b"\n")
    target = next(i for i, line in enumerate(lines) if line.startswith(b'company = "Acme"'))
    lines[target] = b'company = "Acme \xff\xfe Corp"'
    error = load_error(tmp_path, b"\n".join(lines))
    assert error.problem == "is not UTF-8 text"
    assert error.where == f"line {target + 1}"


def test_latin1_file_gives_a_clear_error(tmp_path: Path) -> None:
    error = load_error(tmp_path, "schema_version = 1\n# café\n".encode("latin-1"))
    assert error.problem == "is not UTF-8 text"
    assert error.where == "line 2"


# Files written by people and other tools -----------------------------------------


def test_utf8_bom_loads(tmp_path: Path) -> None:
    path = write(tmp_path / "board.toml", b"\xef\xbb\xbf" + dump_board(sample_board()))
    assert load_board(path) == sample_board()


def test_bom_keeps_line_numbers_right(tmp_path: Path) -> None:
    error = load_error(tmp_path, b"\xef\xbb\xbfschema_version = 1\n[settings]\nirons_target = = 5\n")
    assert (error.where or "").startswith("line 3, column")


def test_crlf_line_endings_load(tmp_path: Path) -> None:
    data = dump_board(sample_board()).replace(b"\n", b"\r\n")
    path = write(tmp_path / "board.toml", data)
    assert load_board(path) == sample_board()


def test_crlf_errors_name_the_right_card_line(tmp_path: Path) -> None:
    text = dump_board(sample_board()).decode()
    second = card_lines(text)[1]
    broken = text.replace('stage = "resolved"', "stage = 3").replace("\n", "\r\n")
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[1].stage (the card starting at line {second})"


def test_hand_written_file_with_comments_loads(tmp_path: Path) -> None:
    data = b"""# my board, edited by hand
schema_version = 1  # do not touch

[settings]
irons_target = 3 # keep three going

# the big one
[[cards]]
id = "h4nd"
company = "  Hand Made  "   # trimmed on load
applied = 2024-05-01
stage = "interviewed"       # moved forward by hand: furthest_stage follows
note = '''
two lines
'''
timeline = [
  { date = 2024-05-01, kind = "applied" },  # first
  { date = 2024-05-07, kind = "interviewed" },
]

[[cards.contacts]]
name = "Pat"
"""
    board = load_board(write(tmp_path / "board.toml", data))
    assert board.settings.irons_target == 3
    (card,) = board.cards
    assert card.company == "Hand Made"
    assert card.stage.value == "interviewed"
    assert card.furthest_stage.value == "interviewed"
    assert card.note == "two lines\n"
    assert card.contacts == (Contact(name="Pat"),)
    assert len(card.timeline) == 2
    assert card.timeline[1] == Event(date=dt.date(2024, 5, 7), kind="interviewed")  # type: ignore[arg-type]


def test_hand_written_card_header_with_spaces_is_found(tmp_path: Path) -> None:
    data = b'schema_version = 1\n\n[[ cards ]]\nid = "h4nd"\ncompany = "X"\napplied = "soon"\n'
    error = load_error(tmp_path, data)
    assert error.where == "cards[0].applied (the card starting at line 3)"


def test_card_line_counts_card_headers_with_a_comment(tmp_path: Path) -> None:
    # A hand-written comment after `[[cards]]` is valid TOML; the header still starts a card,
    # so the error for the second card must point at the second card, not the third.
    data = b"""schema_version = 1

[[cards]]  # my first application
id = "aaaa"
company = "A"
applied = 2024-01-01

[[cards]]
id = "bbbb"
company = "B"
applied = 2024-01-01
stage = "somewhere"

[[cards]]
id = "cccc"
company = "C"
applied = 2024-01-01
"""
    error = load_error(tmp_path, data)
    assert error.where == "cards[1].stage (the card starting at line 8)"


def test_card_line_ignores_line_separators_inside_strings(tmp_path: Path) -> None:
    # U+2028, U+2029 and U+0085 are ordinary characters in a TOML string, written
    # as they are; they must not shift the line number shown for a later card.
    board = sample_board()
    first = board.cards[0].replace(note="one\u2028two\u2029three\x85four\x0bfive\x0csix")
    board = board.replace(cards=(first, *board.cards[1:]))
    text = dump_board(board).decode()
    second = card_lines(text)[1]
    broken = text.replace('stage = "resolved"', 'stage = "nowhere"')
    error = load_error(tmp_path, broken.encode())
    assert error.where == f"cards[1].stage (the card starting at line {second})"


# default_board_path --------------------------------------------------------------


def test_default_board_path_honours_the_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "mine.toml"
    assert default_board_path({"FU_BOARD_FILE": str(chosen)}) == chosen


def test_default_board_path_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_board_path({"FU_BOARD_FILE": "~/boards/b.toml"}) == tmp_path / "boards" / "b.toml"


def test_default_board_path_reads_os_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FU_BOARD_FILE", str(tmp_path / "env.toml"))
    assert default_board_path() == tmp_path / "env.toml"


@pytest.mark.parametrize("environ", [{}, {"FU_BOARD_FILE": ""}, {"OTHER": "x"}])
def test_default_board_path_otherwise_is_in_the_data_folder(environ: dict[str, str]) -> None:
    path = default_board_path(environ)
    assert path.parts[-2:] == ("fu-board", "board.toml")
    assert path.is_absolute()


def test_default_board_path_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FU_BOARD_FILE", raising=False)
    assert default_board_path().parts[-2:] == ("fu-board", "board.toml")


# Hypothesis: any board round-trips -----------------------------------------------

# Lone surrogates (U+D800..U+DFFF) are refused at input, so they are left out here.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
company_text = any_text.filter(lambda s: bool(s.strip()))
dates = st.dates(min_value=EARLIEST_DAY, max_value=LATEST_DAY)  # every date a board takes
card_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,31}", fullmatch=True)
stages = st.sampled_from(STAGES)


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    return Contact(name=draw(any_text), email=draw(any_text), phone=draw(any_text), title=draw(any_text))


@st.composite
def events(draw: st.DrawFn) -> Event:
    return Event(
        date=draw(dates),
        kind=draw(st.sampled_from(EventKind)),
        note=draw(any_text),
        to=draw(st.none() | stages),
        outcome=draw(st.none() | st.sampled_from(["yes", "no", "withdrawn"])),
        channel=draw(st.none() | st.sampled_from(Channel)),
        no_kind=draw(st.none() | st.sampled_from(NoKind)),
        person=draw(any_text),
        from_stage=draw(st.none() | stages),
    )


clock_times = st.just("") | st.times().map(lambda time: f"{time.hour:02d}:{time.minute:02d}")


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    return Interview(
        date=draw(dates),
        time=draw(clock_times),
        kind=draw(st.none() | st.sampled_from(InterviewKind)),
        where=draw(any_text),
        interviewers=tuple(draw(st.lists(any_text, max_size=2))),
        note=draw(any_text),
    )


@st.composite
def cards(draw: st.DrawFn, card_id: str) -> Card:
    stage = draw(stages)
    resolved = stage.value == "resolved"
    return Card.validate(
        {
            "id": card_id,
            "company": draw(company_text),
            "role": draw(any_text),
            "link": draw(any_text),
            "contacts": draw(st.lists(contacts(), max_size=2)),
            "applied": draw(dates),
            "interviews": draw(st.lists(interviews(), max_size=2)),
            "decision_expected": draw(st.none() | dates),
            "note": draw(any_text),
            "stage": stage,
            "outcome": draw(st.sampled_from(["yes", "no", "withdrawn"])) if resolved else None,
            "resolved_on": draw(dates) if resolved else None,
            "furthest_stage": draw(st.sampled_from(WORKING_STAGES)),
            "snoozed_until": draw(st.none() | dates),
            "timeline": draw(st.lists(events(), max_size=3)),
        }
    )


@st.composite
def boards(draw: st.DrawFn) -> Board:
    ids = draw(st.lists(card_ids, unique=True, max_size=3))
    # Templates: any text without braces, around every placeholder (literal braces doubled).
    template = st.lists(any_text.map(lambda text: text.replace("{", "{{").replace("}", "}}")), max_size=3).map(
        "{contact}".join
    )
    return Board(
        settings=Settings(
            irons_target=draw(st.integers(1, 1000)),
            follow_up_repeat_days=draw(st.integers(1, 365)),
            thank_you_days=draw(st.integers(0, 30)),
            follow_ups_before_close=draw(st.integers(1, 10)),
            close_wait_days=draw(st.integers(1, 365)),
            skip_weekends=draw(st.booleans()),
            country=draw(st.none() | st.sampled_from(["US", "GB", "DE-BY"])),
            templates=Templates(
                second_follow_up=draw(template),
                thank_you=draw(template),
                close_the_loop=draw(template),
                after_silence=draw(template),
            ),
        ),
        review=ReviewLog(last_finished=draw(st.none() | dates), streak=draw(st.integers(0, 10_000))),
        cards=tuple(draw(cards(card_id)) for card_id in ids),
    )


@settings(max_examples=100, deadline=None)
@given(board=boards())
def test_any_board_survives_a_round_trip(board: Board) -> None:
    data = dump_board(board)
    assert data.startswith(HEADER)
    assert parse_board(data, Path("board.toml")) == board
    assert dump_board(parse_board(data, Path("board.toml"))) == data


def test_the_documented_names_of_the_board_file() -> None:
    from fu_board import where

    assert where.ENV_VAR == "FU_BOARD_FILE"
    assert where.FILE_NAME == "board.toml"
    assert where.APP_NAME == "fu-board"


@pytest.mark.parametrize("data", [b"", b"\n\n", b"# only a comment\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_an_error_not_an_empty_board(tmp_path: Path, data: bytes) -> None:
    # An emptied or truncated file must never be taken for "no applications yet" and saved over.
    error = load_error(tmp_path, data)
    assert "holds no board at all" in error.problem


def test_saving_after_a_change_writes_what_a_whole_dump_would(tmp_path: Path) -> None:
    import tomli_w

    from fu_board.board import edit_card
    from fu_board.store import _plain

    board = sample_board()
    first = dump_board(board)
    changed = edit_card(board, board.cards[1].id, on=dt.date(2024, 6, 1), note="a new note").board
    second = dump_board(changed)
    assert second == HEADER + b"\n" + tomli_w.dumps(_plain(changed)).encode("utf-8")
    assert b'note = "a new note"' in second
    assert first != second
    smaller = changed.replace(cards=changed.cards[:1])
    path = tmp_path / "board.toml"
    written = save_board(path, changed)
    data = path.read_bytes()
    assert written.digest == digest(data)
    again = save_board(path, smaller, replacing=FileContent(data, written.digest, written.places))
    assert again.places.spans(smaller.cards) is not None
    assert again.places.of(changed.cards[1]) is None  # the places of cards that are gone go with their file
    assert parse_board(path.read_bytes(), path) == smaller


def test_a_board_read_from_its_file_saves_without_serialising_a_card_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each card's text is taken from the file as it is read, so the first save after
    opening a big board costs what a save after one change costs."""
    from fu_board import store as store_module

    path = tmp_path / "board.toml"
    save_board(path, sample_board())
    data = path.read_bytes()
    board, places = parse_placed(data, path, cache_key=digest(data))
    assert places is not None
    calls: list[str] = []
    real = store_module._card_texts
    monkeypatch.setattr(store_module, "_card_texts", lambda cards: calls.extend(c.id for c in cards) or real(cards))
    on_disk = FileContent(data, digest(data), places)
    assert dump_board(board, replacing=on_disk) == data
    assert calls == []
    changed = edit_card(board, board.cards[0].id, on=dt.date(2024, 6, 1), note="changed").board
    dump_board(changed, replacing=on_disk)
    assert calls == [board.cards[0].id]
    dump_board(board, replacing=FileContent(data, digest(data)))  # without the places: every card written anew
    assert len(calls) == 1 + len(board.cards)


@pytest.mark.parametrize(
    "text",
    [
        # A header line inside a multi-line string: the whole file is parsed instead.
        'schema_version = 1\n[[cards]]\nid = "abcd"\ncompany = "Acme"\napplied = 2026-01-01\n'
        'note = """first\n[[cards]]\nstill the note"""\n',
        # Hand-written sub-tables of a card stay with their card.
        'schema_version = 1\n[[cards]]\nid = "abcd"\ncompany = "Acme"\napplied = 2026-01-01\n'
        '[[cards.timeline]]\ndate = 2026-01-01\nkind = "applied"\n\n[[cards]]\nid = "efgh"\n'
        'company = "Globex"\napplied = 2026-01-02\n',
        # Windows line endings.
        'schema_version = 1\r\n[[cards]]\r\nid = "abcd"\r\ncompany = "Acme"\r\napplied = 2026-01-01\r\n',
    ],
)
def test_reading_card_by_card_gives_what_reading_the_whole_gives(tmp_path: Path, text: str) -> None:
    text = text.replace("schema_version = 1", CURRENT.decode())  # an older file is migrated, not read card by card
    path = write(tmp_path / "board.toml", text.encode())
    board = load_board(path)
    assert board == Board.validate(tomllib.loads(text))
    assert parse_board(dump_board(board), path) == board


# The compiled parser ---------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.toml")), ids=lambda path: path.name)
def test_the_compiled_parser_reads_each_golden_file_as_the_standard_library_does(golden: Path) -> None:
    text = golden.read_text(encoding="utf-8")
    assert tomli.loads(text) == tomllib.loads(text)


@settings(max_examples=60, deadline=None)
@given(boards())
def test_the_compiled_parser_reads_any_board_as_the_standard_library_does(board: Board) -> None:
    text = dump_board(board).decode("utf-8")
    assert tomli.loads(text) == tomllib.loads(text)


_PIECES = [
    "[[cards]]", "[[ cards ]]", "[[cards.timeline]]", "[[cards]]x", "[[cards]] # note [[cards]]", "\t", " ", "#",
    "\n", "a = 1", 'note = "[[cards]]"', "[[", "]]", "cards", "[[\tcards\t]]", "[cards]", "é", "🔥",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_card_headers_are_found_as_matching_every_line_finds_them(pieces: list[str]) -> None:
    from fu_board import store

    data = "".join(pieces).encode()
    every_line = re.compile(store._CARDS_HEADER.pattern.encode(), re.MULTILINE)
    assert store._card_headers(data) == [found.start() for found in every_line.finditer(data)]


@settings(max_examples=60, deadline=None)
@given(board=boards())
def test_cards_written_together_are_each_as_written_alone(board: Board) -> None:
    """Many new cards (an import) are written and read back in one go; each one's text is
    byte for byte the one it has written alone, and the whole reads back as the board."""
    from fu_board.store import _card_text, _card_texts

    together = [bytes(text) for text in _card_texts(board.cards)]
    assert together == [_card_text(card).encode("utf-8") for card in board.cards]

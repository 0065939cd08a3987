"""Backups beside the board: the rotation, the files themselves, and `backups` / `restore` on the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import stat
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.backups import (
    KEEP_DAYS,
    KEEP_LAST,
    Backup,
    backup_folder,
    find_backup,
    list_backups,
    make_backup,
    newest_loadable,
    to_keep,
)
from fu_board.board_file import update
from fu_board.model import SCHEMA_VERSION, Board, Card, Interview, Stage
from fu_board.store import dump_board, load_board, save_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main

NOW = dt.datetime(2026, 11, 25, 15, 30, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 2)


def backup(taken: dt.datetime) -> Backup:
    return Backup(Path(f"/nowhere/{taken:%Y-%m-%dT%H-%M-%S.%f}Z.toml"), taken)


def days_ago(days: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return (NOW - dt.timedelta(days=days)).replace(hour=hour, minute=minute)


def cards(*card_ids: str) -> Board:
    return Board(cards=tuple(Card(id=card_id, company=f"Co {card_id}", applied=DAY) for card_id in card_ids))


@pytest.fixture
def board_path(board_path: Path) -> Path:
    """The board's path, in a folder that exists (a backup is only ever taken of a file that does)."""
    board_path.parent.mkdir()
    return board_path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Result:
    """`fu-board ARGV` in-process on TODAY."""
    return run_main(capsys, [str(arg) for arg in argv], TODAY)


def assert_refused(result: tuple[int | str | None, str, str]) -> str:
    code, out, err = result
    assert code == 2, result
    assert out == ""
    assert err.startswith("fu-board: error: ")
    assert err.count("\n") == 1
    assert err.endswith("\n")
    return err


# The rotation --------------------------------------------------------------------------


def test_the_constants_are_the_documented_ones() -> None:
    assert (KEEP_LAST, KEEP_DAYS) == (5, 7)


def test_a_few_backups_are_all_kept() -> None:
    few = [backup(days_ago(0, 10, minute)) for minute in range(KEEP_LAST)]
    assert to_keep(few, NOW) == sorted(few, key=lambda b: b.taken, reverse=True)
    assert to_keep([], NOW) == []


def test_many_backups_on_one_day_keep_only_the_last_few() -> None:
    today = [backup(days_ago(0, 9, minute)) for minute in range(12)]
    kept = to_keep(today, NOW)
    assert kept == sorted(today, key=lambda b: b.taken, reverse=True)[:KEEP_LAST]


def test_the_last_few_plus_the_newest_of_each_of_the_last_days() -> None:
    # Three a day for twenty days, oldest first in the list to show that input order does not matter.
    every = [backup(days_ago(days, hour)) for days in range(19, -1, -1) for hour in (8, 10, 12)]
    kept = to_keep(every, NOW)

    last = sorted(every, key=lambda b: b.taken, reverse=True)[:KEEP_LAST]  # today's three, yesterday's 12h and 10h
    assert [b.taken for b in last[3:]] == [days_ago(1, 12), days_ago(1, 10)]
    newest_per_day = [backup(days_ago(days, 12)) for days in range(KEEP_DAYS)]
    expected = sorted(set(last) | set(newest_per_day), key=lambda b: b.taken, reverse=True)
    assert kept == expected
    assert len(kept) == 3 + 2 + (KEEP_DAYS - 2)
    assert min(b.taken for b in kept) == days_ago(KEEP_DAYS - 1, 12)  # nothing older than the seventh day
    assert [b.taken for b in kept] == sorted((b.taken for b in kept), reverse=True)  # newest first


def test_the_seventh_day_counts_from_the_start_of_that_day() -> None:
    first_day = (NOW - dt.timedelta(days=KEEP_DAYS - 1)).replace(hour=0, minute=0, second=1)
    day_before = first_day - dt.timedelta(seconds=2)
    recent = [backup(days_ago(0, 14, minute)) for minute in range(KEEP_LAST)]
    kept = to_keep([*recent, backup(first_day), backup(day_before)], NOW)
    assert backup(first_day) in kept
    assert backup(day_before) not in kept


def test_old_backups_alone_keep_the_last_few() -> None:
    """After a month without saves, the last copies are kept whatever their age."""
    old = [backup(days_ago(40 + days)) for days in range(9)]
    assert to_keep(old, NOW) == old[:KEEP_LAST]


# The files ---------------------------------------------------------------------------------


def test_make_backup_writes_exactly_the_bytes_privately(board_path: Path) -> None:
    data = b"# not even parsed \x00\xff\r\n" + dump_board(cards("aaaa"))
    made = make_backup(board_path, data, now=NOW)
    folder = backup_folder(board_path)
    assert folder == board_path.parent / "board.toml.backups"
    assert made.parent == folder
    assert made.name == "2026-11-25T15-30-00.000000Z.toml"
    assert made.read_bytes() == data
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (listed,) = list_backups(board_path)
    assert (listed.path, listed.taken, listed.name) == (made, NOW, made.name)
    assert not board_path.exists()  # a backup never writes the board itself


def test_backup_names_sort_by_the_time_taken(board_path: Path) -> None:
    moments = [
        dt.datetime(2026, 11, 25, 9, 5, 3, 7, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 25, 9, 5, 3, 10, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 25, 10, 0, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 24, 23, 59, 59, 999999, tzinfo=dt.UTC),
        # 01:00 at UTC+2 is 23:00 UTC the day before: named, and sorted, in UTC.
        dt.datetime(2026, 11, 25, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    ]
    for moment in moments:
        make_backup(board_path, moment.isoformat().encode(), now=moment)
    listed = list_backups(board_path)
    assert [b.taken for b in listed] == sorted(moments, reverse=True)
    assert [b.name for b in listed] == sorted((b.name for b in listed), reverse=True)
    assert "2026-11-24T23-00-00.000000Z.toml" in [b.name for b in listed]
    for listed_backup in listed:
        (moment,) = (moment for moment in moments if moment == listed_backup.taken)
        assert listed_backup.path.read_bytes() == moment.isoformat().encode()


def test_rotation_deletes_only_old_backups_never_other_files(board_path: Path) -> None:
    folder = backup_folder(board_path)
    folder.mkdir(parents=True)
    others = ["notes.txt", "2026-11-25.toml", "2026-11-01T10-00-00Z.toml", "board.toml", ".hidden"]
    for name in others:
        (folder / name).write_text("keep me")
    (folder / "sub").mkdir()
    for days in range(30):
        make_backup(board_path, b"x", now=NOW - dt.timedelta(days=29 - days))
    for minute in range(1, 11):
        make_backup(board_path, b"y", now=NOW + dt.timedelta(minutes=minute))
    assert all((folder / name).read_text() == "keep me" for name in others)
    assert (folder / "sub").is_dir()
    last = NOW + dt.timedelta(minutes=10)  # the moment of the last save, and of its rotation
    kept = list_backups(board_path, last)
    assert kept == to_keep(kept, last)
    assert len(kept) == KEEP_LAST + KEEP_DAYS - 1


def test_make_backup_keeps_the_copy_it_just_made_when_the_clock_is_behind(board_path: Path) -> None:
    """A clock set back (or backups synced from a machine whose clock runs ahead) must not make the
    rotation delete the copy just taken: the save that follows relies on it."""
    for minute in range(KEEP_LAST):
        make_backup(board_path, b"earlier", now=NOW.replace(minute=minute))
    made = make_backup(board_path, b"the file about to be overwritten", now=NOW.replace(hour=9))
    assert made.exists(), "the backup just made was rotated away at once"


def test_card_count_counts_the_cards(board_path: Path) -> None:
    make_backup(board_path, dump_board(cards("aaaa", "bbbb", "cccc")), now=NOW)
    make_backup(board_path, dump_board(Board()), now=NOW + dt.timedelta(seconds=1))
    assert [b.card_count() for b in list_backups(board_path)] == [0, 3]


def test_newest_loadable_skips_broken_copies(board_path: Path) -> None:
    assert newest_loadable(board_path) is None
    good = make_backup(board_path, dump_board(cards("aaaa")), now=NOW)
    make_backup(board_path, b"[[cards]]\nid = ", now=NOW + dt.timedelta(minutes=1))
    assert newest_loadable(board_path) == good


def test_find_backup_by_name_or_path(board_path: Path, tmp_path: Path) -> None:
    made = make_backup(board_path, b"x", now=NOW)
    assert find_backup(board_path, made.name) == made
    assert find_backup(board_path, made.name.removesuffix(".toml")) == made
    assert find_backup(board_path, made.name.removesuffix("Z.toml")) == made
    assert find_backup(board_path, str(made)) == made
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_bytes(b"x")
    assert find_backup(board_path, str(elsewhere)) == elsewhere
    with pytest.raises(FileNotFoundError):
        find_backup(board_path, "2020-01-01T00-00-00.000000Z.toml")


# fu-board backups -----------------------------------------------------------------------------


def board_with_backups(capsys: pytest.CaptureFixture[str], board_path: Path, count: int) -> list[bytes]:
    """A board changed `count` times by the CLI; the file's bytes before each change, oldest first."""
    save_board(board_path, cards("aaaa"))
    before = []
    for n in range(count):
        before.append(board_path.read_bytes())
        code, _, err = run(capsys, "add", f"Company {n}", "--board", board_path)
        assert code == 0, err
    return before


def test_backups_lists_newest_first(capsys: pytest.CaptureFixture[str], board_path: Path) -> None:
    before = board_with_backups(capsys, board_path, 3)
    code, out, err = run(capsys, "backups", "--board", board_path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == f"Backups of {board_path}, newest first (fu-board --board {board_path} restore NAME puts one back):"
    )
    names = [line.split()[0] for line in lines[1:]]
    assert names == [b.name for b in list_backups(board_path)]
    assert names == sorted(names, reverse=True)
    assert len(names) == 3
    assert [line.split()[-2:] for line in lines[1:]] == [["3", "cards"], ["2", "cards"], ["1", "card"]]
    assert [(backup_folder(board_path) / name).read_bytes() for name in names] == before[::-1]


def test_backups_json(capsys: pytest.CaptureFixture[str], board_path: Path) -> None:
    board_with_backups(capsys, board_path, 2)
    code, out, err = run(capsys, "backups", "--json", "--board", board_path)
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert isinstance(listed, list)
    assert [set(entry) for entry in listed] == [{"name", "path", "taken", "cards"}] * 2
    assert [entry["name"] for entry in listed] == [b.name for b in list_backups(board_path)]
    assert [entry["cards"] for entry in listed] == [2, 1]
    for entry in listed:
        assert Path(entry["path"]) == backup_folder(board_path) / entry["name"]
        taken = dt.datetime.fromisoformat(entry["taken"])
        assert taken.utcoffset() == dt.timedelta(0)
        assert entry["name"] == f"{taken:%Y-%m-%dT%H-%M-%S.%f}Z.toml"
    assert listed[0]["taken"] > listed[1]["taken"]


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_backups_of_a_board_without_any(
    capsys: pytest.CaptureFixture[str], board_path: Path, json_flag: list[str]
) -> None:
    save_board(board_path, cards("aaaa"))
    code, out, err = run(capsys, "backups", *json_flag, "--board", board_path)
    assert code == 0
    if json_flag:
        assert json.loads(out) == []
        assert err == ""
    else:
        assert out == ""
        assert err.startswith("fu-board: no backups yet in ")
        assert str(backup_folder(board_path)) in err
        assert err.count("\n") == 1
    assert not backup_folder(board_path).exists()


# fu-board restore ------------------------------------------------------------------------------


@pytest.mark.parametrize("by", ["name", "path"])
def test_restore_puts_the_exact_bytes_back_and_keeps_the_current_file(
    capsys: pytest.CaptureFixture[str], board_path: Path, by: str
) -> None:
    before = board_with_backups(capsys, board_path, 3)
    oldest = list_backups(board_path)[-1]
    assert oldest.path.read_bytes() == before[0]
    current = board_path.read_bytes()

    given = oldest.name if by == "name" else str(oldest.path)
    code, out, err = run(capsys, "restore", given, "--board", board_path)
    assert (code, err) == (0, "")
    assert board_path.read_bytes() == before[0]
    assert len(load_board(board_path).cards) == 1
    assert stat.S_IMODE(board_path.stat().st_mode) == 0o600

    newest = list_backups(board_path)[0]
    assert newest.path.read_bytes() == current  # the replaced file is kept, and listed
    assert out == f"Restored {oldest.path} to {board_path}; the file it replaced is kept as {newest.name}\n"
    _, listing, _ = run(capsys, "backups", "--board", board_path)
    assert newest.name in listing


def test_restore_a_file_from_elsewhere(capsys: pytest.CaptureFixture[str], board_path: Path, tmp_path: Path) -> None:
    save_board(board_path, cards("aaaa"))
    elsewhere = tmp_path / "copy.toml"
    data = b"# my own copy\n" + dump_board(cards("bbbb", "cccc"))
    elsewhere.write_bytes(data)
    code, _, err = run(capsys, "restore", elsewhere, "--board", board_path)
    assert (code, err) == (0, "")
    assert board_path.read_bytes() == data
    assert elsewhere.read_bytes() == data


def test_restore_over_a_broken_board_keeps_the_broken_file_too(
    capsys: pytest.CaptureFixture[str], board_path: Path
) -> None:
    before = board_with_backups(capsys, board_path, 1)
    board_path.write_bytes(b"[[cards]]\nid = 'aaaa\n")  # a hand edit gone wrong
    err = assert_refused(run(capsys, "interview", "aaaa", "--board", board_path))
    name = list_backups(board_path)[0].name
    assert f"The newest backup that loads is {name} (taken " in err
    assert f"; fu-board --board {board_path} restore {name} puts it back" in err

    code, _, err = run(capsys, "restore", name, "--board", board_path)
    assert (code, err) == (0, "")
    assert board_path.read_bytes() == before[0]
    assert list_backups(board_path)[0].path.read_bytes() == b"[[cards]]\nid = 'aaaa\n"


@pytest.mark.parametrize("verb", ["list", "due", "stats"])
def test_a_reading_verb_on_a_broken_board_names_the_backup_that_loads(
    capsys: pytest.CaptureFixture[str], board_path: Path, verb: str
) -> None:
    """Like the changing verbs (and the TUI), the reading ones say where the last good backup is."""
    board_with_backups(capsys, board_path, 1)
    board_path.write_bytes(b"[[cards]]\nid = 'aaaa\n")
    err = assert_refused(run(capsys, verb, "--board", board_path))
    assert "not valid TOML" in err
    name = list_backups(board_path)[0].name
    assert f"fu-board --board {board_path} restore {name}" in err


def test_restore_refuses_an_unknown_name(capsys: pytest.CaptureFixture[str], board_path: Path) -> None:
    board_with_backups(capsys, board_path, 1)
    data = board_path.read_bytes()
    count = len(list_backups(board_path))
    err = assert_refused(run(capsys, "restore", "2020-01-01T00-00-00.000000Z.toml", "--board", board_path))
    assert "no backup '2020-01-01T00-00-00.000000Z.toml'" in err
    assert f"fu-board --board {board_path} backups lists them" in err
    assert board_path.read_bytes() == data
    assert len(list_backups(board_path)) == count


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"[[cards]]\nid = 'aaaa\n", id="not-toml"),
        pytest.param(b"[[cards]]\nid = 'aaaa'\n", id="not-a-board"),
        pytest.param(b"schema_version = %d\n" % (SCHEMA_VERSION + 1), id="newer"),
    ],
)
@pytest.mark.parametrize("where", ["in-folder", "path"])
def test_restore_refuses_a_backup_that_does_not_load(
    capsys: pytest.CaptureFixture[str], board_path: Path, tmp_path: Path, content: bytes, where: str
) -> None:
    board_with_backups(capsys, board_path, 1)
    data = board_path.read_bytes()
    if where == "in-folder":
        bad = backup_folder(board_path) / "2026-11-25T23-59-59.999999Z.toml"
    else:
        bad = tmp_path / "bad.toml"
    bad.write_bytes(content)
    count = len(list_backups(board_path))
    err = assert_refused(run(capsys, "restore", bad.name if where == "in-folder" else bad, "--board", board_path))
    assert str(bad) in err
    assert board_path.read_bytes() == data
    assert len(list_backups(board_path)) == count


# Which verbs keep a backup ------------------------------------------------------------------------

MUTATING = [
    ["add", "NewCo"],
    ["move", "aaaa", "applied"],  # back to Applied: always allowed
    ["resolve", "aaaa", "no"],
    ["interview", "aaaa", "--with", "Kim"],
    ["followup", "aaaa", "--channel", "email"],
    ["thank", "aaaa"],
    ["snooze", "aaaa", "3d"],
]


def interviewed_board(board_path: Path) -> bytes:
    card = Card(
        id="aaaa",
        company="Acme",
        applied=DAY,
        stage=Stage.INTERVIEWED,
        interviews=(Interview(date=dt.date(2026, 11, 20)),),
    )
    save_board(board_path, Board(cards=(card, Card(id="bbbb", company="Bee", applied=DAY))))
    return board_path.read_bytes()


@pytest.mark.parametrize("argv", MUTATING, ids=[argv[0] for argv in MUTATING])
def test_every_changing_verb_keeps_one_backup_of_the_file_before(
    capsys: pytest.CaptureFixture[str], board_path: Path, argv: list[str]
) -> None:
    before = interviewed_board(board_path)
    code, _, err = run(capsys, *argv, "--board", board_path)
    assert code == 0, err
    assert board_path.read_bytes() != before
    (kept,) = list_backups(board_path)
    assert kept.path.read_bytes() == before

    code, _, err = run(capsys, "add", "Another", "--board", board_path)
    assert code == 0, err
    assert len(list_backups(board_path)) == 2  # one more each time


def test_the_first_add_creates_the_board_without_a_backup(capsys: pytest.CaptureFixture[str], board_path: Path) -> None:
    code, _, err = run(capsys, "add", "First", "--board", board_path)
    assert (code, err) == (0, "")
    assert list_backups(board_path) == []


FAILING = [
    ["move", "zzzz", "followed_up"],
    ["resolve", "zzzz", "yes"],
    ["interview", "zzzz"],
    ["followup", "zzzz"],
    ["thank", "zzzz"],
    ["snooze", "zzzz", "3d"],
    ["move", "aaaa", "interviewed"],  # already there
    ["move", "aaaa", "followed_up"],  # no follow-up since the interview: a move invents none
    ["move", "bbbb", "interviewed"],  # no interview on record: a move invents none
    ["interview", "aaaa", "--date", "2026-11-01"],  # before the application
    ["thank", "bbbb"],  # no interview to thank them for
    ["thank", "aaaa", "--to", "Nobody"],  # nobody of that name at the interview
    ["resolve", "aaaa", "yes", "--kind", "said"],
    ["add", "Later", "--applied", "2026-12-25"],
]


@pytest.mark.parametrize("argv", FAILING, ids=[" ".join(argv) for argv in FAILING])
def test_a_refused_verb_keeps_no_backup_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], board_path: Path, argv: list[str]
) -> None:
    before = interviewed_board(board_path)
    assert_refused(run(capsys, *argv, "--board", board_path))
    assert board_path.read_bytes() == before
    assert list_backups(board_path) == []


@pytest.mark.parametrize("argv", [["list"], ["due"], ["stats"], ["backups"], ["where"], ["list", "--json"]])
def test_reading_verbs_keep_no_backup(capsys: pytest.CaptureFixture[str], board_path: Path, argv: list[str]) -> None:
    before = interviewed_board(board_path)
    code, _, err = run(capsys, *argv, "--board", board_path)
    assert code == 0, err
    assert board_path.read_bytes() == before
    assert list_backups(board_path) == []


# A broken backups folder is a clear error --------------------


def test_an_unreadable_board_with_a_broken_backups_folder_is_a_clear_error(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "add", "Acme", "--board", board_path).code == 0
    shutil.rmtree(board_path.with_name("board.toml.backups"), ignore_errors=True)
    board_path.with_name("board.toml.backups").write_text("not a folder")
    board_path.write_bytes(board_path.read_bytes() + b"broken = [\n")
    code, _, err = run(capsys, "list", "--board", board_path)
    assert code == 2
    assert str(board_path) in err


def test_listing_backups_in_a_broken_backups_folder_is_a_clear_error(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board_path.with_name("board.toml.backups").write_text("not a folder")
    code, _, err = run(capsys, "backups", "--board", board_path)
    assert code == 2
    assert "board.toml.backups" in err
    assert "Not a directory" in err


# Paths with escape sequences -----------------------------------------------------------


def test_no_backups_yet_does_not_print_raw_escapes_from_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a\x1b]0;pwned\x07b" / "board.toml"
    code, _, err = run(capsys, "backups", "--board", path)
    assert code == 0
    assert "no backups yet" in err
    assert "\x1b" not in err
    assert "\x07" not in err


def test_a_folder_or_a_link_named_like_a_backup_is_no_backup_and_saving_goes_on(
    capsys: pytest.CaptureFixture[str], board_path: Path
) -> None:
    """Issue 17, item 6: a folder named like a backup crashed `backups`, and then every save."""
    save_board(board_path, ops.add_card(Board(), company="Globex", applied=TODAY).board)
    folder = backup_folder(board_path)
    folder.mkdir(mode=0o700)
    (folder / "2099-01-01T00-00-00.000000Z.toml").mkdir()
    (folder / "2098-01-01T00-00-00.000000Z.toml").symlink_to(board_path)
    (folder / "2026-13-45T00-00-00.000000Z.toml").write_text("not a moment")
    assert list_backups(board_path) == []
    for _ in range(KEEP_LAST + 3):  # saves, backups and their rotation all go on
        update(board_path, lambda b: ops.add_card(b, company="Acme", applied=TODAY))
    assert len(list_backups(board_path)) >= 1
    assert (folder / "2099-01-01T00-00-00.000000Z.toml").is_dir()  # left as it was
    assert (folder / "2098-01-01T00-00-00.000000Z.toml").is_symlink()
    result = run_main(capsys, ["--board", str(board_path), "backups"], TODAY)
    assert result.code == 0
    assert "Traceback" not in result.err


def test_a_backup_taken_while_the_clock_ran_ahead_is_not_the_newest(
    capsys: pytest.CaptureFixture[str], board_path: Path
) -> None:
    """Issue 17, item 7: a copy dated 2030 by a clock that jumped ahead stayed "newest", and
    the error recommended it over a fuller, truly newer one. Copies dated ahead of the clock
    go last, and a recommendation says when each was taken and what it holds."""
    save_board(board_path, ops.add_card(Board(), company="Acme", applied=TODAY).board)
    ahead = make_backup(board_path, board_path.read_bytes(), now=dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC))
    fuller = ops.add_card(load_board(board_path), company="Globex", applied=TODAY).board
    save_board(board_path, fuller)
    truly_newer = make_backup(board_path, board_path.read_bytes())
    assert [backup.path for backup in list_backups(board_path)] == [truly_newer, ahead]
    assert newest_loadable(board_path) == truly_newer
    board_path.write_text("[[cards]\n")  # broken
    result = run_main(capsys, ["--board", str(board_path), "list"], TODAY)
    assert result.code == 2
    assert f"The newest backup that loads is {truly_newer.name} (taken " in result.err
    assert "2 cards, latest entry 2026-11-25)" in result.err
    listed = run_main(capsys, ["--board", str(board_path), "backups"], TODAY).out
    assert f"{ahead.name}  2030-01-01" in listed
    assert "(dated ahead of this computer's clock)" in listed
    for _ in range(KEEP_LAST + 1):  # and the rotation lets it go in its turn
        make_backup(board_path, b"x")
    assert not ahead.exists()

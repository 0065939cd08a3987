"""`fu-board import FILE [--dry-run]`: a fu-board JSON export, or a spreadsheet's CSV."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from fu_board import board as ops
from fu_board import importing, migrations
from fu_board.demo import demo_board
from fu_board.model import SCHEMA_VERSION, Board, NoKind, Outcome, Stage
from fu_board.store import load_board, save_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main

MESSY = (
    "\ufeff Company Name ,POSITION,date_applied,  Status ,Recruiter,E-mail,Link,Notes,Salary\n"
    'Acme,Engineer,2026-11-01,Applied,Jo,jo@acme.example,https://a.example,"first, note",100k\n'
    ",,,,,,,,\n"
    "\n"
    '"Société Générale, Paris",Analyste,2026-10-20,Phone screen,Zoë Ø,,,,\n'
    "Globex,,2026-10-01,Ghosted,,,,,\n"
    "Initech,Dev,2026-09-01,Maybe,,,,,\n"
    ",Orphan,2026-09-01,Applied,,,,,\n"
    "Hooli,SRE,2026-09-15,Offer,,,,,\n"
    "Umbrella,Data,15/09/2026,Rejected,,,,,\n"
    "Stark,Backend,2026-10-02,Followed up,,,,,\n"
    "Wayne,Python,2026-10-03,withdrawn,,,,,\n"
    "Cyberdyne,ML,someday,Applied,,,,,\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def bring(capsys: pytest.CaptureFixture[str], source: Path, board: Path, *more: str) -> Result:
    return run_main(capsys, ["import", str(source), "--board", str(board), *more], TODAY)


def export_json(capsys: pytest.CaptureFixture[str], board: Path, target: Path) -> Result:
    return run_main(capsys, ["export", "--format", "json", "-o", str(target), "--board", str(board)], TODAY)


def test_a_messy_spreadsheet_comes_in_row_by_row(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    result = bring(capsys, write(tmp_path, "apps.csv", MESSY), board_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines == [
        "added 8, updated 0, 0 already on the board, 2 skipped",
        "read as CSV, UTF-8, separated by commas",
        "columns: Company Name → company · POSITION → role · date_applied → applied · Status → status · "
        "Recruiter → contact · E-mail → email · Link → link · Notes → note · Salary → note",
        "1 row with a status I don't know, kept with it in the note: 1 in Applied (Maybe)",
        "line 8: skipped: no company",
        "line 13: skipped: 'someday' is not a date like 2026-11-25 or Nov 25, 2026",
    ]
    board = load_board(board_path)
    cards = {card.company: card for card in board.cards}
    assert set(cards) == {
        "Acme",
        "Société Générale, Paris",
        "Globex",
        "Hooli",
        "Umbrella",
        "Stark",
        "Wayne",
        "Initech",
    }
    assert (cards["Initech"].stage, cards["Initech"].note) == (Stage.APPLIED, "Status: Maybe")
    acme = cards["Acme"]
    assert (acme.role, acme.stage, acme.applied.isoformat(), acme.link) == (
        "Engineer",
        Stage.APPLIED,
        "2026-11-01",
        "https://a.example",
    )
    assert acme.contact is not None
    assert (acme.contact.name, acme.contact.email) == ("Jo", "jo@acme.example")
    assert acme.note == "first, note\nSalary: 100k"  # an unknown column goes into the note
    assert cards["Société Générale, Paris"].stage is Stage.INTERVIEWED
    assert cards["Société Générale, Paris"].contact.name == "Zoë Ø"  # type: ignore[union-attr]
    assert (cards["Globex"].outcome, cards["Globex"].no_kind) == (Outcome.NO, NoKind.SILENCE)
    assert cards["Hooli"].outcome is Outcome.YES
    assert (cards["Umbrella"].outcome, cards["Umbrella"].no_kind) == (Outcome.NO, NoKind.SAID)
    assert cards["Umbrella"].applied.isoformat() == "2026-09-15"
    assert cards["Stark"].stage is Stage.FOLLOWED_UP
    assert cards["Wayne"].outcome is Outcome.WITHDRAWN


def test_importing_the_same_file_twice_adds_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    source = write(tmp_path, "apps.csv", MESSY)
    assert bring(capsys, source, board_path).code == 0
    once = board_path.read_bytes()
    again = bring(capsys, source, board_path)
    assert again.code == 0, again.err
    assert again.out.splitlines()[0] == "added 0, updated 0, 8 already on the board, 2 skipped"
    assert board_path.read_bytes() == once  # not even rewritten


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    save_board(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    result = bring(capsys, write(tmp_path, "apps.csv", MESSY), board_path, "--dry-run")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "would add 8, would update 0, 0 already on the board, 2 skipped"
    assert board_path.read_bytes() == before


def test_a_json_export_comes_back_as_an_identical_board(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    original = tmp_path / "original.toml"
    board = demo_board(TODAY)
    board = board.replace(settings=board.settings.replace(irons_target=9, theme="nord"))
    save_board(original, board)
    exported = tmp_path / "board.json"
    assert (
        run_main(capsys, ["export", "--format", "json", "-o", str(exported), "--board", str(original)], TODAY).code == 0
    )
    copy = tmp_path / "copy" / "board.toml"
    result = bring(capsys, exported, copy)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "added 13, updated 0, 0 already on the board, 0 skipped",
        "the settings came with it (the board was empty)",
    ]
    assert load_board(copy) == load_board(original)
    assert bring(capsys, exported, copy).out.splitlines()[0] == "added 0, updated 0, 13 already on the board, 0 skipped"


def test_a_json_export_updates_the_cards_it_knows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    board = demo_board(TODAY)
    save_board(board_path, Board(cards=board.cards[:5]))
    changed = board.replace(cards=(board.cards[0].replace(note="from the other laptop"), *board.cards[1:]))
    source = tmp_path / "other.json"
    save_board(tmp_path / "other.toml", changed)
    assert (
        run_main(
            capsys, ["export", "--format", "json", "-o", str(source), "--board", str(tmp_path / "other.toml")]
        ).code
        == 0
    )
    result = bring(capsys, source, board_path)
    assert result.out.splitlines()[0] == "added 8, updated 1, 4 already on the board, 0 skipped"
    assert load_board(board_path).card(board.cards[0].id).note == "from the other laptop"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"cards": [', "not valid JSON"),
        ("bad.json", '{"cards": [{"id": "x1"}]}', "not a fu-board export: cards[0]"),
        ("newer.json", '{"schema_version": 99, "cards": []}', "written by a newer fu-board (schema 99"),
        ("zero.json", '{"schema_version": 0, "cards": []}', "schema_version must be a whole number from 1 up"),
        ("true.json", '{"schema_version": true, "cards": []}', "schema_version must be a whole number from 1 up"),
        ("text.json", '{"schema_version": "9", "cards": []}', "schema_version must be a whole number from 1 up"),
        ("float.json", '{"schema_version": 3.0, "cards": []}', "schema_version must be a whole number from 1 up"),
        ("list.json", "[]", "not a fu-board export"),
        ("bad.csv", "Name,Role\nAcme,Dev\n", "no company column in the first line"),
        ("empty.csv", "", "the file is empty"),
        ("missing.csv", None, "cannot be read"),
        ("binary.csv", b"Company\nAc\x00me\n", "holds binary data"),
        ("late.csv", b"\xef\xbb\xbfCompany\nSoci\xe9t\xe9\n", "starts as UTF-8 text but is not UTF-8 further on"),
        ("wrong.json", b'{"cards": [\xff]}', "is not UTF-8 text, as a fu-board JSON export is"),
        ("dates.csv", "Company,Applied\nAcme,03/04/2026\nGlobex,05/06/2026\n", "say which with --day-first or"),
        ("both.csv", "Company,Applied\nAcme,13/04/2026\nGlobex,04/13/2026\n", "some dates day first (13/04/2026)"),
    ],
)
def test_a_file_that_cannot_be_imported_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str | bytes | None, message: str
) -> None:
    board_path = tmp_path / "board.toml"
    save_board(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif content is not None:
        source.write_text(content, encoding="utf-8")
    result = bring(capsys, source, board_path)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""
    assert board_path.read_bytes() == before


def test_a_json_export_from_schema_1_comes_in(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An export made by the first fu-board (before themes) is brought up like its board file."""
    exported = tmp_path / "old.json"
    exported.write_text(
        '{"schema_version": 1, "settings": {"irons_target": 3}, "review": {"streak": 2},'
        ' "cards": [{"id": "ab12", "company": "Acme", "applied": "2026-11-02"}]}',
        encoding="utf-8",
    )
    board_path = tmp_path / "board.toml"
    result = bring(capsys, exported, board_path)
    assert result.code == 0, result.err
    board = load_board(board_path)
    assert board.schema_version == SCHEMA_VERSION
    assert (board.settings.irons_target, board.settings.theme, board.review.streak) == (3, None, 2)
    assert [card.company for card in board.cards] == ["Acme"]


def test_an_old_export_that_cannot_be_brought_up_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def step(raw: dict[str, object]) -> dict[str, object]:
        raise KeyError("settings")

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: step})
    exported = tmp_path / "old.json"
    exported.write_text('{"schema_version": 1, "cards": []}', encoding="utf-8")
    board_path = tmp_path / "board.toml"
    save_board(board_path, demo_board(TODAY))
    before = board_path.read_bytes()
    result = bring(capsys, exported, board_path)
    assert result.code == 2
    assert "cannot be brought up from schema 1" in result.err
    assert board_path.read_bytes() == before


def test_an_export_is_brought_up_by_a_later_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stamped or not (exports before schema 2's were not), an export of this version goes
    through the next version's step: as if this fu-board knew schema 4 (an unstamped export
    reads as schema 2, and goes through schema 3's real step first)."""
    board_path = tmp_path / "board.toml"
    save_board(board_path, demo_board(TODAY))
    stamped = tmp_path / "stamped.json"
    assert export_json(capsys, board_path, stamped).code == 0
    unstamped = tmp_path / "unstamped.json"
    data = json.loads(stamped.read_text(encoding="utf-8"))
    del data["schema_version"]
    unstamped.write_text(json.dumps(data), encoding="utf-8")

    def step(raw: dict[str, Any]) -> dict[str, Any]:
        return {**raw, "cards": [{**card, "note": "brought up"} for card in raw["cards"]]}

    assert SCHEMA_VERSION == 3  # this version's schema: the next one is 4
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, 3: step})
    monkeypatch.setattr(importing, "SCHEMA_VERSION", 4)
    monkeypatch.setattr(importing, "migrate", functools.partial(migrations.migrate, to=4))
    for source in (stamped, unstamped):
        imported = importing.import_json(Board(), source.read_text(encoding="utf-8"))
        assert imported.added == 13
        assert {card.note for card in imported.board.cards} == {"brought up"}, source.name


def slashed(capsys: pytest.CaptureFixture[str], tmp_path: Path, *dates: str) -> tuple[Result, dict[str, str]]:
    """Import one row per date (company C0, C1, ...), with the flags among them; the result
    and each company's date applied."""
    flags = [date for date in dates if date.startswith("--")]
    rows = "".join(f"C{number},Dev,{date},Applied\n" for number, date in enumerate(d for d in dates if d not in flags))
    tmp_path.mkdir(exist_ok=True)
    board_path = tmp_path / "board.toml"
    result = bring(capsys, write(tmp_path, "dates.csv", "Company,Role,Applied,Status\n" + rows), board_path, *flags)
    if result.code != 0:
        return result, {}
    return result, {card.company: card.applied.isoformat() for card in load_board(board_path).cards}


def test_slashed_dates_follow_the_order_the_file_shows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result, applied = slashed(capsys, tmp_path / "us", "10/25/2026", "10/05/2026", "03/04/2026")
    assert result.code == 0, result.err
    assert applied == {"C0": "2026-10-25", "C1": "2026-10-05", "C2": "2026-03-04"}  # month first, every row
    result, applied = slashed(capsys, tmp_path / "eu", "25/10/2026", "10/05/2026")
    assert applied == {"C0": "2026-10-25", "C1": "2026-05-10"}  # day first, every row


def test_a_file_whose_dates_read_both_ways_is_settled_by_a_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result, applied = slashed(capsys, tmp_path / "asked", "03/04/2026", "2026-10-01", "01.02.2026")
    assert result.code == 2
    assert result.err.splitlines() == [
        f"fu-board: error: {tmp_path / 'asked' / 'dates.csv'}: dates such as 03/04/2026 read day first or month "
        "first, and nothing in the file says which; say which with --day-first or --month-first; nothing was imported"
    ]
    result, applied = slashed(capsys, tmp_path / "day", "03/04/2026", "2026-10-01", "--day-first")
    assert applied == {"C0": "2026-04-03", "C1": "2026-10-01"}
    result, applied = slashed(capsys, tmp_path / "month", "03/04/2026", "2026-10-01", "--month-first")
    assert applied == {"C0": "2026-03-04", "C1": "2026-10-01"}
    # A flag that the file contradicts leaves the row that does not read out, saying so.
    result, applied = slashed(capsys, tmp_path / "wrong", "25/04/2026", "2026-10-01", "--month-first")
    assert applied == {"C1": "2026-10-01"}
    assert "line 2: skipped: '25/04/2026' is not a date read month first" in result.out


def test_an_application_dated_in_the_future_is_skipped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result, applied = slashed(capsys, tmp_path, "2027-01-01", TODAY.isoformat())
    assert applied == {"C1": TODAY.isoformat()}
    assert "line 2: skipped: applied on 2027-01-01, which is in the future" in result.out


def test_fu_boards_own_csv_comes_back_in_its_columns_and_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An export edited in a spreadsheet and brought back: followed_up and resolved (with
    its outcome) are understood, and the worked-out columns stay out of the notes."""
    original = tmp_path / "original.toml"
    save_board(original, demo_board(TODAY))
    exported = tmp_path / "board.csv"
    assert (
        run_main(capsys, ["export", "--format", "csv", "-o", str(exported), "--board", str(original)], TODAY).code == 0
    )
    copy = tmp_path / "copy.toml"
    result = bring(capsys, exported, copy)
    assert result.out.splitlines()[0] == "added 13, updated 0, 0 already on the board, 0 skipped"
    answers = {card.company: (card.stage, card.outcome, card.note) for card in load_board(copy).cards}
    assert answers == {card.company: (card.stage, card.outcome, card.note) for card in demo_board(TODAY).cards}


def test_when_no_number_tells_the_order_is_the_one_with_no_application_ahead(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Month first, 12/01/2026 would be 1 December, after today (25 November): so day first.
    result, applied = slashed(capsys, tmp_path, "12/01/2026", "03/04/2026")
    assert applied == {"C0": "2026-01-12", "C1": "2026-04-03"}, result.out


def test_a_spreadsheets_own_result_and_follow_up_columns_go_into_the_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Only fu-board's own export has columns read as its own; elsewhere they are notes."""
    text = (
        "Company,Role,Status,Result,Next follow-up\n"
        "Acme,Dev,Interviewing,waiting on 2nd round,2026-12-01\n"
        "Globex,Dev,Rejected,after final round,\n"
    )
    board_path = tmp_path / "board.toml"
    assert bring(capsys, write(tmp_path, "mine.csv", text), board_path).code == 0
    notes = {card.company: card.note for card in load_board(board_path).cards}
    assert notes == {
        "Acme": "Result: waiting on 2nd round\nNext follow-up: 2026-12-01",
        "Globex": "Result: after final round",
    }


def test_text_starting_with_a_quote_survives_export_and_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    original = tmp_path / "original.toml"
    texts = {"company": "'-ish Co", "role": "'@home", "note": "'+1 from Bo"}
    save_board(original, ops.add_card(Board(), applied=TODAY, **texts).board)
    exported = tmp_path / "board.csv"
    argv = ["export", "--format", "csv", "-o", str(exported), "--board", str(original)]
    assert run_main(capsys, argv, TODAY).code == 0
    copy = tmp_path / "copy.toml"
    assert bring(capsys, exported, copy).code == 0
    (card,) = load_board(copy).cards
    assert (card.company, card.role, card.note) == tuple(texts.values())


def test_a_json_export_with_a_byte_order_mark_is_json_whatever_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    original = tmp_path / "original.toml"
    save_board(original, demo_board(TODAY))
    exported = tmp_path / "export.json"
    assert export_json(capsys, original, exported).code == 0
    renamed = tmp_path / "export.txt"
    renamed.write_bytes(b"\xef\xbb\xbf" + exported.read_bytes())
    copy = tmp_path / "copy.toml"
    result = bring(capsys, renamed, copy)
    assert result.code == 0, result.err
    assert load_board(copy).cards == load_board(original).cards

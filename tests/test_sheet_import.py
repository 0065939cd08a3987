"""`fu-board import` of real spreadsheets: each shape people export, card by card, field by field.

The files in `tests/sheets/` are written as the programs save them: Google Sheets'
CSV (a quoted note over two lines, the empty columns it pads rows with, a blank row),
Excel's CSV in much of Europe (`;`, day first, Windows-1252), Excel's "Unicode text"
(UTF-16, tabs), and the exports of Teal and Huntr. Workbooks are made with openpyxl
(a test dependency), with real date cells, as Excel saves them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from fu_board.importing import APPLIED, INTERVIEWED, STATUSES, company_key, import_file
from fu_board.model import Board, Card, Contact, NoKind, Outcome, Stage
from fu_board.sheet_columns import read_headers
from fu_board.sheet_dates import AmbiguousDates, SlashOrder, read_date, slash_order
from fu_board.sheet_files import decoded, read_sheet
from fu_board.store import load_board, save_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main

SHEETS = Path(__file__).parent / "sheets"


def bring(capsys: pytest.CaptureFixture[str], source: Path, board: Path, *more: str) -> Result:
    return run_main(capsys, ["import", str(source), "--board", str(board), *more], TODAY)


def cards_of(board_path: Path) -> dict[str, Card]:
    return {card.company: card for card in load_board(board_path).cards}


def answer(card: Card) -> tuple[Stage, Outcome | None, NoKind | None]:
    return card.stage, card.outcome, card.no_kind


def contact(card: Card) -> tuple[str, str, str, str] | None:
    first = card.contact
    return None if first is None else (first.name, first.email, first.phone, first.title)


def test_a_google_sheets_export_comes_in_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    result = bring(capsys, SHEETS / "google_sheets.csv", board_path)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "added 11, updated 0, 0 already on the board, 1 skipped",
        "read as CSV, UTF-8, separated by commas",
        "columns: Company Name → company · Job Title → role · Date Applied → applied · Application Status → status · "
        "Recruiter Name → contact · Recruiter Email → email · Job Posting URL → link · Notes → note · "
        "Salary Range, Location → note",
        "3 rows with a status I don't know, kept with it in the note: 2 in Interviewed (Onsite, Final round); "
        "1 in Applied (Maybe later)",
        "1 row without a date: taken as applied on the day of the import",
        "line 15: skipped: not applied to yet (status 'Wishlist')",
    ]
    cards = cards_of(board_path)
    acme = cards["Acme, Inc."]
    assert (acme.role, acme.applied, acme.link, answer(acme)) == (
        "Backend Engineer",
        dt.date(2026, 11, 5),
        "https://jobs.acme.example/42",
        (Stage.APPLIED, None, None),
    )
    assert contact(acme) == ("Dana Ortiz", "dana@acme.example", "", "")
    assert acme.note == "Referred by Sam.\nAsk about on-call.\nSalary Range: $120k–$140k\nLocation: Remote"
    expected = {
        "Globex": ((Stage.RESOLVED, Outcome.NO, NoKind.SAID), dt.date(2026, 10, 28), "Location: Springfield"),
        "Initech": (
            (Stage.INTERVIEWED, None, None),
            dt.date(2026, 10, 21),
            "Onsite on the 2nd.\nStatus: Onsite\nLocation: Austin TX",
        ),
        "Hooli": ((Stage.RESOLVED, Outcome.YES, None), dt.date(2026, 10, 14), "Salary Range: $180k"),
        "Umbrella Corp": ((Stage.INTERVIEWED, None, None), dt.date(2026, 10, 30), "Status: Final round"),
        "Stark Industries": ((Stage.APPLIED, None, None), dt.date(2026, 11, 2), ""),  # no response: not an answer
        "Wayne Enterprises": ((Stage.RESOLVED, Outcome.NO, NoKind.SILENCE), dt.date(2026, 9, 30), ""),
        "Vandelay Industries": ((Stage.INTERVIEWED, None, None), dt.date(2026, 11, 10), ""),
        "Cyberdyne": ((Stage.RESOLVED, Outcome.WITHDRAWN, None), dt.date(2026, 10, 2), "Chose another offer"),
        "Soylent": ((Stage.APPLIED, None, None), TODAY, "Status: Maybe later"),
        "Massive Dynamic": ((Stage.INTERVIEWED, None, None), dt.date(2026, 11, 12), ""),
    }
    assert {name: (answer(card), card.applied, card.note) for name, card in cards.items() if name in expected} == (
        expected
    )
    assert set(cards) == {"Acme, Inc.", *expected}
    assert contact(cards["Initech"]) == ("Lee Park", "lee@initech.example", "", "")
    # An interview of unknown day: held the day before the import, so none is announced for today.
    assert [interview.date for interview in cards["Initech"].interviews] == [TODAY - dt.timedelta(days=1)]
    assert cards["Hooli"].resolved_on == TODAY
    assert contact(cards["Hooli"]) == ("Gavin B", "", "", "")
    assert contact(cards["Globex"]) is None
    # Every card is where its status says, and the next review asks about none that ended.
    assert all(card.is_resolved == (card.stage is Stage.RESOLVED) for card in cards.values())


def test_excels_csv_in_europe_semicolons_day_first_and_windows_1252(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes((SHEETS / "excel_europe.csv").read_text(encoding="utf-8").encode("cp1252"))
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == [
        "added 4, updated 0, 0 already on the board, 0 skipped",
        "read as CSV, Windows-1252 (not UTF-8), separated by semicolons",
    ]
    cards = cards_of(board_path)
    assert {name: (card.role, card.applied, answer(card)) for name, card in cards.items()} == {
        "Société Générale": ("Analyste", dt.date(2026, 10, 25), (Stage.APPLIED, None, None)),
        "Müller GmbH": ("Entwickler", dt.date(2026, 11, 3), (Stage.INTERVIEWED, None, None)),
        "Crédit Agricole": ("Data Engineer", dt.date(2026, 11, 12), (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
        "Nestlé": ("Analyst", dt.date(2026, 10, 1), (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE)),
    }
    assert contact(cards["Société Générale"]) == ("Zoë Ørsted", "zoe@sg.example", "", "")
    assert cards["Société Générale"].note == "Café avec l’équipe"
    assert cards["Crédit Agricole"].note == "Réponse reçue; merci"
    assert contact(cards["Müller GmbH"]) == ("Jürgen Groß", "", "", "")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_excels_unicode_text_and_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str
) -> None:
    source = tmp_path / "export.txt"
    source.write_bytes((SHEETS / "excel_unicode.tsv").read_text(encoding="utf-8").encode(encoding))
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.code == 0, result.err
    called = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
    assert result.out.splitlines()[1] == f"read as CSV, {called}, separated by tabs"
    cards = cards_of(board_path)
    assert {name: (card.role, card.applied, answer(card), contact(card)) for name, card in cards.items()} == {
        "Zürich Insurance": (
            "Actuary",
            dt.date(2026, 11, 3),
            (Stage.APPLIED, None, None),
            ("Anna Keller", "", "+41 44 000 00 00", ""),
        ),
        "Nokia": ("Firmware Engineer", dt.date(2026, 10, 20), (Stage.INTERVIEWED, None, None), None),
        "Ørsted": ("Analyst", dt.date(2026, 10, 1), (Stage.RESOLVED, Outcome.YES, None), ("Lars Holm", "", "", "")),
    }


def test_pipes_separate_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text("Company|Role|Applied|Status\nAcme, Inc.|Dev|2026-11-01|Applied\nGlobex|QA|2026-10-01|Rejected\n")
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.out.splitlines()[1] == "read as CSV, UTF-8, separated by '|'"
    assert {name: card.role for name, card in cards_of(board_path).items()} == {"Acme, Inc.": "Dev", "Globex": "QA"}


def test_a_teal_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    result = bring(capsys, SHEETS / "teal.csv", board_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "added 7, updated 0, 0 already on the board, 1 skipped"
    assert lines[2] == (
        "columns: Company → company · Job Position → role · Job Status → status · Date Applied → applied · "
        "Job URL → link · Notes → note · Date Saved, Deadline, Follow Up, Excitement, Min Salary, Max Salary, "
        "Location → note"
    )
    assert lines[3:] == ["line 2: skipped: not applied to yet (status 'Bookmarked')"]
    cards = cards_of(board_path)
    assert {name: (card.role, card.applied, answer(card)) for name, card in cards.items()} == {
        "Linear": ("Frontend Engineer", dt.date(2026, 11, 3), (Stage.APPLIED, None, None)),
        "Stripe": ("Backend Engineer", dt.date(2026, 10, 12), (Stage.INTERVIEWED, None, None)),
        "Figma": ("Design Engineer", dt.date(2026, 9, 2), (Stage.RESOLVED, Outcome.YES, None)),
        "Vercel": ("DX Engineer", dt.date(2026, 8, 3), (Stage.RESOLVED, Outcome.YES, None)),
        "Airtable": ("Engineer", dt.date(2026, 9, 11), (Stage.RESOLVED, Outcome.WITHDRAWN, None)),
        "Asana": ("Engineer", dt.date(2026, 9, 16), (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
        "Dropbox": ("Engineer", dt.date(2026, 9, 21), (Stage.APPLIED, None, None)),
    }
    linear = cards["Linear"]
    assert linear.link == "https://linear.example/j/2"
    assert linear.note == (
        "Cover letter v2\nDate Saved: 2026-11-01\nFollow Up: 2026-11-10\nExcitement: 4\n"
        "Min Salary: 150000\nMax Salary: 170000\nLocation: Remote"
    )


def test_a_huntr_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board_path = tmp_path / "board.toml"
    result = bring(capsys, SHEETS / "huntr.csv", board_path)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "added 4, updated 0, 0 already on the board, 1 skipped"
    cards = cards_of(board_path)
    assert {name: (card.role, card.applied, answer(card)) for name, card in cards.items()} == {
        "GitLab": ("Senior Engineer", dt.date(2026, 11, 2), (Stage.APPLIED, None, None)),
        "Atlassian": ("Engineer", dt.date(2026, 10, 15), (Stage.INTERVIEWED, None, None)),
        "Canva": ("Engineer", dt.date(2026, 9, 20), (Stage.RESOLVED, Outcome.YES, None)),
        "Miro": ("Engineer", dt.date(2026, 9, 25), (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
    }
    assert contact(cards["GitLab"]) == ("Ana Ruiz", "ana@gitlab.example", "", "Recruiter")
    assert cards["Atlassian"].note == "Location: Sydney"


def _workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Applications"
    sheet.append(["Company", "Role", "Date applied", "Status", "Salary"])
    sheet.append(["Acme", "Engineer", dt.datetime(2026, 11, 5, 0, 0), "Applied", 120000])
    sheet.append(["Globex", "Analyst", dt.datetime(2026, 10, 20, 14, 30), "Rejected", 95000.5])
    sheet.append([None, None, None, None, None])
    sheet.append(["Initech", "SRE", "Nov 1, 2026", "Onsite", None])
    archive = book.create_sheet("Archive 2025")
    archive.append(["Employer", "Position", "Submitted"])
    archive.append(["Hooli", "Engineer", dt.date(2025, 6, 1)])
    book.save(path)


def test_an_excel_workbook_its_first_sheet_or_the_one_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "jobs.xlsx"
    _workbook(source)
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "added 3, updated 0, 0 already on the board, 0 skipped",
        "read as a workbook, sheet 'Applications'",
    ]
    cards = cards_of(board_path)
    assert {name: (card.role, card.applied, answer(card), card.note) for name, card in cards.items()} == {
        "Acme": ("Engineer", dt.date(2026, 11, 5), (Stage.APPLIED, None, None), "Salary: 120000"),
        "Globex": ("Analyst", dt.date(2026, 10, 20), (Stage.RESOLVED, Outcome.NO, NoKind.SAID), "Salary: 95000.5"),
        "Initech": ("SRE", dt.date(2026, 11, 1), (Stage.INTERVIEWED, None, None), "Status: Onsite"),
    }
    result = bring(capsys, source, board_path, "--sheet", "archive 2025")  # case aside
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "no status column: its one row comes in as Applied",
        "added 1, updated 0, 0 already on the board, 0 skipped",
    ]
    assert cards_of(board_path)["Hooli"].applied == dt.date(2025, 6, 1)


def test_a_sheet_that_is_not_there_is_named_with_those_that_are(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "jobs.xlsx"
    _workbook(source)
    board_path = tmp_path / "board.toml"
    save_board(board_path, Board())
    before = board_path.read_bytes()
    result = bring(capsys, source, board_path, "--sheet", "2026")
    assert result.code == 2
    assert result.err == (
        f"fu-board: error: {source}: has no sheet named '2026' (its sheets: 'Applications', 'Archive 2025'); "
        "nothing was imported\n"
    )
    assert board_path.read_bytes() == before
    csv_source = tmp_path / "jobs.csv"
    csv_source.write_text("Company\nAcme\n")
    result = bring(capsys, csv_source, board_path, "--sheet", "Applications")
    assert (result.code, result.out) == (2, "")
    assert "--sheet is for a workbook (.xlsx, .xls, .ods); this file is a CSV" in result.err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = bring(capsys, broken, board_path)
    assert result.code == 2
    assert "is not a workbook that can be read" in result.err
    assert board_path.read_bytes() == before


def test_a_sheet_of_headers_alone_adds_nothing_and_warns_of_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "empty.csv"
    source.write_text("Company,Role\n,\n")
    result = bring(capsys, source, tmp_path / "board.toml")
    assert result.out.splitlines()[0] == "added 0, updated 0, 0 already on the board, 0 skipped"


def test_a_sheet_without_status_or_date_columns_says_so_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "companies.csv"
    source.write_text("Employer,Position\nAcme,Dev\nGlobex,QA\n")
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.out.splitlines()[:2] == [
        "no status column: all 2 rows come in as Applied; "
        "no date column: all 2 rows are taken as applied on the day of the import",
        "added 2, updated 0, 0 already on the board, 0 skipped",
    ]
    assert "without a date" not in result.out  # said once, first
    assert {card.applied for card in load_board(board_path).cards} == {TODAY}
    again = bring(capsys, source, board_path)  # another day or the same: nothing twice
    assert again.out.splitlines()[1] == "added 0, updated 0, 2 already on the board, 0 skipped"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026-11-05", dt.date(2026, 11, 5)),
        ("2026/11/05", dt.date(2026, 11, 5)),
        ("05.11.2026", dt.date(2026, 11, 5)),
        ("Nov 5, 2026", dt.date(2026, 11, 5)),
        ("nov 5 2026", dt.date(2026, 11, 5)),
        ("November 5, 2026", dt.date(2026, 11, 5)),
        ("5 Nov 2026", dt.date(2026, 11, 5)),
        ("5 November 2026", dt.date(2026, 11, 5)),
        ("5-Nov-2026", dt.date(2026, 11, 5)),
        ("5-Nov-26", dt.date(2026, 11, 5)),
        ("Thu, Nov 5, 2026", dt.date(2026, 11, 5)),
        ("Sept 3, 2026", dt.date(2026, 9, 3)),
        ("3rd Sep 2026", dt.date(2026, 9, 3)),
        ("2026-11-05 14:30", dt.date(2026, 11, 5)),
        ("2026-11-05T14:30:00Z", dt.date(2026, 11, 5)),
        ("2026-11-05T14:30:00+01:00", dt.date(2026, 11, 5)),
        ("Nov 5, 2026 9:30 AM", dt.date(2026, 11, 5)),
        ("11/05/2026 2:30 PM", dt.date(2026, 11, 5)),
        ("46331", dt.date(2026, 11, 5)),
        ("46331.75", dt.date(2026, 11, 5)),
        ("11/5/26", dt.date(2026, 11, 5)),
        ("11-05-2026", dt.date(2026, 11, 5)),
        ("05.11.26", dt.date(2026, 11, 5)),
    ],
)
def test_dates_as_spreadsheets_write_them(written: str, day: dt.date) -> None:
    assert read_date(written, SlashOrder.MONTH_FIRST) == day


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("someday", "is not a date like 2026-11-25 or Nov 25, 2026"),
        ("Foo 5, 2026", "names no month"),
        ("Feb 30, 2026", "is not a day of the calendar"),
        ("2026-13-01", "is not a day of the calendar"),
        ("12", "is not a date"),
        ("99999", "is a number, not a date"),
        ("5 Nov", "is not a date"),
        ("2026-11-05 and more", "is not a date"),
    ],
)
def test_what_is_not_a_date_says_why(written: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        read_date(written, SlashOrder.DAY_FIRST)


def test_the_slash_order_the_file_shows() -> None:
    assert slash_order(["25/10/2026", "03/04/2026"], TODAY) is SlashOrder.DAY_FIRST
    assert slash_order(["10/25/2026", "03/04/2026"], TODAY) is SlashOrder.MONTH_FIRST
    assert slash_order(["12/01/2026", "03/04/2026"], TODAY) is SlashOrder.DAY_FIRST  # 1 Dec is yet to come
    assert slash_order(["2026-11-05", "Nov 5, 2026"], TODAY) is None  # nothing slashed: nothing to settle
    assert slash_order(["03/04/2026"], TODAY, SlashOrder.MONTH_FIRST) is SlashOrder.MONTH_FIRST
    assert slash_order(["11/25/26", "3/4/26"], TODAY) is SlashOrder.MONTH_FIRST  # Excel's short form
    assert slash_order(["25-10-2026", "03-04-2026"], TODAY) is SlashOrder.DAY_FIRST  # dashed, year last
    with pytest.raises(AmbiguousDates, match="nothing in the file says which"):
        slash_order(["03/04/2026", "05/06/2026"], TODAY)
    with pytest.raises(AmbiguousDates, match=r"day first \(13/04/2026\) and others month first \(04/13/2026\)"):
        slash_order(["13/04/2026", "04/13/2026"], TODAY)


def test_an_excel_serial_in_a_csv_and_a_date_with_a_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "saved.csv"
    source.write_text("Company,Date applied\nAcme,46331\nGlobex,2026-10-01 09:15\nInitech,5 Nov 2026\n")
    board_path = tmp_path / "board.toml"
    assert bring(capsys, source, board_path).code == 0
    assert {name: card.applied for name, card in cards_of(board_path).items()} == {
        "Acme": dt.date(2026, 11, 5),
        "Globex": dt.date(2026, 10, 1),
        "Initech": dt.date(2026, 11, 5),
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Company Name", "company"),
        ("EMPLOYER", "company"),
        ("Organisation", "company"),
        ("organization_name", "company"),
        ("Job Title", "role"),
        ("Position", "role"),
        ("Role", "role"),
        ("Job", "role"),
        ("Date Applied", "applied"),
        ("date_applied", "applied"),
        ("Date\napplied", "applied"),
        ("Applied On", "applied"),
        ("Submitted", "applied"),
        ("Date Saved", "applied"),
        ("Date", "applied"),
        ("Application Status", "status"),
        ("Stage", "status"),
        ("Recruiter", "contact"),
        ("Hiring Manager", "contact"),
        ("Contact Person", "contact"),
        ("Recruiter Email", "email"),
        ("E-mail", "email"),
        ("Job Posting URL", "link"),
        ("Listing", "link"),
        ("Link", "link"),
        ("Phone Number", "phone"),
        ("Recruiter Title", "contact_title"),
        ("Notes", "note"),
        ("Position Applied For", "role"),
        ("Job Applied Date", "applied"),
        ("Date of Application", "applied"),
        ("Submission Date", "applied"),
        ("When applied", "applied"),
    ],
)
def test_headers_are_read_by_meaning(header: str, field: str) -> None:
    assert read_headers(["Something else", header]).found == {field: 1}


@pytest.mark.parametrize(
    "header",
    [
        "Applied Via",
        "Position Type",
        "Job Level",
        "Company Size",
        "Company Website",
        "Status Date",
        "Follow-up Date",
        "Interview Date",
        "LinkedIn URL",
        "Contact LinkedIn",
        "Job ID",
        "Salary",
        "Location",
    ],
)
def test_a_header_about_something_else_goes_into_the_note(header: str) -> None:
    columns = read_headers(["Company", header])
    assert columns.found == {"company": 0}
    assert columns.others == [1]


def test_the_most_telling_header_wins_and_the_other_goes_into_the_note() -> None:
    columns = read_headers(["Date Saved", "Company", "Date Applied", "Notes", "Comments"])
    assert columns.found == {"applied": 2, "company": 1, "note": 3}
    assert columns.others == [0, 4]


@pytest.mark.parametrize(
    ("one", "other"),
    [("Acme, Inc.", "ACME"), ("acme inc", "Acme Inc."), ("Globex GmbH", "globex"), ("Initech LLC", "INITECH")],
)
def test_duplicates_are_found_case_punctuation_and_legal_suffix_aside(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, one: str, other: str
) -> None:
    assert company_key(one) == company_key(other)
    board_path = tmp_path / "board.toml"
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(f'Company,Role,Applied\n"{one}",Dev,2026-11-01\n')
    second.write_text(f'Company,Role,Applied\n"{other}",dev,2026-11-01\n')
    assert bring(capsys, first, board_path).code == 0
    again = bring(capsys, second, board_path)
    assert again.out.splitlines()[1] == "added 0, updated 0, 1 already on the board, 0 skipped"
    assert company_key("Co") == "co"  # a name that is only a suffix stays a name


def test_decoding_says_which_encoding_it_took() -> None:
    assert decoded("Société".encode()) == ("Société", "UTF-8")
    assert decoded("Société".encode("cp1252")) == ("Société", "Windows-1252 (not UTF-8)")
    assert decoded(b"caf\x81") == ("caf\x81", "Latin-1 (not UTF-8)")  # a byte cp1252 leaves undefined
    assert decoded("Zürich\tX".encode("utf-16")) == ("Zürich\tX", "UTF-16")


def test_a_cell_too_long_to_be_a_note_is_one_clear_line(tmp_path: Path) -> None:
    from fu_board.importing import ImportRefused

    data = ('Company,Notes\nAcme,"' + "x" * (200 * 1024) + '"\n').encode()
    with pytest.raises(ImportRefused, match=r"line 2: a cell holds more than 131,072 characters"):
        import_file(Board(), "big.csv", data, TODAY)
    sheet = read_sheet("small.csv", b"Company,Notes\nAcme,hi\n")
    assert sheet.rows == [["Company", "Notes"], ["Acme", "hi"]]


@settings(max_examples=80, deadline=None)
@given(
    status=st.sampled_from(sorted({*STATUSES.values(), APPLIED, INTERVIEWED}, key=repr)),
    ago=st.integers(0, 2000),
    company=st.text(st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30).filter(str.strip),
    role=st.text(max_size=20).filter(lambda text: text.isprintable()),
)
def test_a_rows_card_is_what_the_boards_own_operations_make(
    status: tuple[Stage, Outcome | None, NoKind | None], ago: int, company: str, role: str
) -> None:
    """The status's changes are worked out once and given to every row: the card is the
    one `add_card`, `log_interview`, `log_follow_up` and `resolve_card` make, but its id."""
    from fu_board import board as ops
    from fu_board.importing import _Statuses

    applied = TODAY - dt.timedelta(days=ago)
    statuses = _Statuses(TODAY)
    statuses.card(status, TODAY, set(), company="Template", role="")  # the first of its status
    fields = {"company": company.strip(), "role": role.strip(), "note": "n", "contact": Contact(name="Ana")}
    fast = statuses.card(status, applied, set(), **fields)
    change = ops.add_card(Board(), applied=applied, **fields)
    done, stage, (_, outcome, no_kind) = change.board, status[0], status
    if stage in (Stage.INTERVIEWED, Stage.FOLLOWED_UP):
        done = ops.log_interview(done, change.card.id, on=max(applied, TODAY - dt.timedelta(days=1))).board
    if stage is Stage.FOLLOWED_UP:
        done = ops.log_follow_up(done, change.card.id, on=TODAY).board
    if outcome is not None:
        done = ops.resolve_card(done, change.card.id, outcome, on=TODAY, no_kind=no_kind).board
    assert fast.replace(id="same") == done.cards[0].replace(id="same")
    assert Card.validate(fast.as_dict()) == fast  # whole as the model checks a card


def test_an_import_into_a_new_board_reads_the_sheet_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fu_board import importing

    calls: list[int] = []
    real = importing.import_sheet
    monkeypatch.setattr(importing, "import_sheet", lambda *given: calls.append(1) or real(*given))
    board_path = tmp_path / "new" / "board.toml"
    assert bring(capsys, SHEETS / "teal.csv", board_path).code == 0
    assert len(calls) == 1
    assert len(load_board(board_path).cards) == 7


def test_only_a_regular_file_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A pipe would be waited on for ever and a device read without end: each is one line."""
    import os

    board_path = tmp_path / "board.toml"
    save_board(board_path, Board())
    before = board_path.read_bytes()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    for source, says in (
        (pipe, "is not a regular file"),
        (Path("/dev/zero"), "is not a regular file"),
        (tmp_path, "cannot be read"),
        (tmp_path / "missing.csv", "cannot be read"),
    ):
        result = bring(capsys, source, board_path)
        assert (result.code, result.out) == (2, ""), source
        assert says in result.err
        assert len(result.err.splitlines()) == 1
    assert board_path.read_bytes() == before
    pipe.unlink()


def test_a_sheet_that_starts_with_its_title_is_read_from_its_headers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "search.csv"
    source.write_text(
        "My job search 2026,,\n"
        "Last updated,Nov 20 2026,\n"
        ",,\n"
        "Company,Role,Date applied\n"
        "Acme,Dev,2026-11-01\n"
        "Globex,QA,Nov 3 2026\n"
    )
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[1] == "added 2, updated 0, 0 already on the board, 0 skipped"
    assert lines[3] == "columns: (the headers on line 4) Company → company · Role → role · Date applied → applied"
    assert {name: card.applied for name, card in cards_of(board_path).items()} == {
        "Acme": dt.date(2026, 11, 1),
        "Globex": dt.date(2026, 11, 3),
    }
    titled = tmp_path / "titled.csv"  # a title line without a separator: the rest still says ;
    titled.write_text(
        "Bewerbungen\nCompany;Role;Applied on\nMüller GmbH;Entwickler;03.11.2026\nAcme, Inc.;QA;01.10.2026\n"
    )
    result = bring(capsys, titled, board_path)
    assert result.out.splitlines()[2] == "read as CSV, UTF-8, separated by semicolons"
    assert cards_of(board_path)["Müller GmbH"].applied == dt.date(2026, 11, 3)
    assert cards_of(board_path)["Acme, Inc."].role == "QA"
    nowhere = tmp_path / "nowhere.csv"
    nowhere.write_text("My job search\nName,Role\nAcme,Dev\n")
    result = bring(capsys, nowhere, board_path)
    assert result.code == 2
    assert "no company column in the first line" in result.err


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        ("Rejected after onsite", (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
        ("Not selected (no feedback)", (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
        ("Offer rescinded", (Stage.RESOLVED, Outcome.NO, NoKind.SAID)),
        ("Ghosted after final round", (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE)),
        ("Withdrew - took another job", (Stage.RESOLVED, Outcome.WITHDRAWN, None)),
        ("Offer received!", (Stage.RESOLVED, Outcome.YES, None)),
        ("2nd round", (Stage.INTERVIEWED, None, None)),
        ("Onsite scheduled", (Stage.INTERVIEWED, None, None)),
        ("Maybe later", (Stage.APPLIED, None, None)),
    ],
)
def test_a_status_not_known_whole_goes_where_its_words_say(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, status: str, answer: tuple[Stage, Outcome | None, NoKind | None]
) -> None:
    """A rejection written in a sentence is still a no: the review never asks to follow up
    with a company that said no."""
    source = tmp_path / "sheet.csv"
    source.write_text(f'Company,Applied,Status\nAcme,2026-11-01,"{status}"\n')
    board_path = tmp_path / "board.toml"
    result = bring(capsys, source, board_path)
    assert result.code == 0, result.err
    card = cards_of(board_path)["Acme"]
    assert (card.stage, card.outcome, card.no_kind) == answer
    assert card.note == f"Status: {status}"
    assert (
        f"1 row with a status I don't know, kept with it in the note: 1 in {answer[0].label} ({status})" in result.out
    )

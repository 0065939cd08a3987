"""`fu-board export --format csv|json|md|ics [-o FILE]`: a contract for other tools."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from fu_board import board as ops
from fu_board.demo import demo_board
from fu_board.export import CSV_COLUMNS
from fu_board.model import SCHEMA_VERSION, Board, Contact
from fu_board.rules import next_follow_up
from fu_board.store import load_board, save_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main


def demo_file(tmp_path: Path) -> Path:
    """The demo board, with a card whose text needs care in every format."""
    board = ops.add_card(
        demo_board(TODAY),
        company='Société "Générale", Paris',
        role="Ingénieure | plateforme",
        applied=TODAY - dt.timedelta(days=9),
        contact=Contact(name="Zoë Ø", email="zoe@sg.example"),
        note="line one\nline two, with a comma",
        link="https://jobs.example/sg?id=1&ref=x",
    ).board
    path = tmp_path / "board.toml"
    save_board(path, board)
    return path


def export(capsys: pytest.CaptureFixture[str], path: Path, fmt: str, *more: str) -> Result:
    return run_main(capsys, ["export", "--format", fmt, "--board", str(path), *more], TODAY)


def test_json_is_the_whole_board_exactly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    before = path.read_bytes()
    result = export(capsys, path, "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert next(iter(data)) == "schema_version"  # stamped, so a later fu-board knows how to bring it up
    assert data["schema_version"] == SCHEMA_VERSION
    assert Board.validate(data) == load_board(path)
    assert path.read_bytes() == before  # an export never writes the board


def test_csv_has_one_row_per_card_under_the_documented_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = demo_file(tmp_path)
    result = export(capsys, path, "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert tuple(csv.DictReader(io.StringIO(result.out)).fieldnames or ()) == CSV_COLUMNS
    board = load_board(path)
    assert [row["id"] for row in rows] == [card.id for card in board.cards]
    quoted = rows[-1]
    assert quoted["company"] == 'Société "Générale", Paris'
    assert quoted["note"] == "line one\nline two, with a comma"
    assert quoted["contact"] == "Zoë Ø"
    assert quoted["email"] == "zoe@sg.example"
    assert quoted["stage"] == "applied"
    assert quoted["applied"] == (TODAY - dt.timedelta(days=9)).isoformat()
    resolved = next(row for row in rows if row["id"] == "a8rn")
    assert (resolved["stage"], resolved["outcome"], resolved["next follow-up"]) == ("resolved", "yes", "")
    northwind = next(row for row in rows if row["id"] == "k7m2")
    follow_up = next_follow_up(board.card("k7m2"), board.settings, TODAY)
    assert follow_up is not None
    assert northwind["next follow-up"] == follow_up.due.isoformat()


def test_markdown_is_a_report_by_column_with_each_timeline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    result = export(capsys, path, "md")
    assert result.code == 0, result.err
    text = result.out
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Applied (4)", "## Interviewed (3)", "## Followed up (2)", "## Resolved (5)"]
    assert "### Northwind Traders — Senior Backend Engineer" in text
    assert '### Société "Générale", Paris — Ingénieure \\| plateforme' in text
    assert "- Contact: Priya Raman, Recruiter, priya@northwind.example" in text
    northwind = text.split("### Northwind")[1].split("###")[0]
    assert "- Timeline:\n  - 2026-11-13 applied\n" in northwind
    assert "- Outcome: ✓ yes" in text
    # An interview booked: its details, and a timeline that does not say it happened yet.
    pied_piper = text.split("### Pied Piper")[1].split("###")[0]
    assert "- Next: interview Tue 1 Dec 14:00 (2026-12-01): an interview is scheduled\n" in pied_piper
    assert "- Interview: 2026-12-01 14:00 onsite, 5230 Newell Road, Palo Alto, with Richard Hendricks\n" in pied_piper
    assert "  - 2026-12-01 interview scheduled: onsite 14:00 with Richard Hendricks\n" in pied_piper


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "ics"])
def test_output_goes_to_a_file_with_o(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    path = demo_file(tmp_path)
    target = tmp_path / f"out.{fmt}"
    result = export(capsys, path, fmt, "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == f"Exported 14 cards to {target} ({fmt})\n"
    printed = export(capsys, path, fmt).out
    written = target.read_bytes().decode("utf-8")
    if fmt == "ics":  # DTSTAMP is the moment of the export
        printed, written = (
            "".join(line for line in text.splitlines(True) if not line.startswith("DTSTAMP"))
            for text in (printed, written)
        )
    assert written == printed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export"], "the following arguments are required: --format"),
        (["export", "--format", "xlsx"], "invalid choice: 'xlsx'"),
        (["export", "--format", "csv", "-o", "{missing}/out.csv"], "there is no folder"),
        (["export", "--format", "csv", "-o", "{board}"], "is the board file itself"),
    ],
)
def test_a_wrong_export_says_why_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    path = demo_file(tmp_path)
    before = path.read_bytes()
    argv = [arg.format(missing=tmp_path / "missing", board=path) for arg in argv]
    result = run_main(capsys, [*argv, "--board", str(path)], TODAY)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""
    assert path.read_bytes() == before
    assert not (tmp_path / "missing").exists()


def test_demo_opens_a_demo_board_in_a_temporary_file_and_leaves_the_real_one_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fu_board import cache
    from fu_board.tui.app import FuBoardApp

    real = tmp_path / "real" / "board.toml"
    monkeypatch.setenv("FU_BOARD_FILE", str(real))
    seen: list[tuple[Path, int, str | None, Path]] = []

    def run(app: FuBoardApp) -> None:
        session = app.session
        monkeypatch.setattr(app, "run_save", lambda job: session.finish_save(job, job.run()))  # no app running
        session.open()
        seen.append((session.file.path, len(session.board.cards), app.notice, cache.cache_folder()))
        session.apply(lambda board: ops.add_card(board, company="Tried in the demo", applied=TODAY))

    monkeypatch.setattr(FuBoardApp, "run", run)
    result = run_main(capsys, ["demo"], TODAY)
    assert result.code == 0, result.err
    ((path, count, notice, cache_folder),) = seen
    assert count == len(demo_board(TODAY).cards)
    assert path.parent == cache_folder.parent  # its cache is its own, beside it
    assert notice is not None
    assert "your own board is not touched" in notice
    assert not path.exists()  # gone when the demo ends
    assert not real.exists()
    assert not real.parent.exists()
    assert cache.FOLDER is None


def test_json_escapes_control_characters_and_still_comes_back_exactly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A terminal shown the export never runs an escape sequence hidden in a note."""
    path = tmp_path / "board.toml"
    board = ops.add_card(Board(), company="Acme", applied=TODAY, note="a \x1b]0;pwned\x07 b \x9b2J c").board
    save_board(path, board)
    result = export(capsys, path, "json")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    assert "\x9b" not in result.out
    assert Board.validate(json.loads(result.out)) == load_board(path)


def test_csv_never_hands_a_spreadsheet_a_formula_and_import_takes_the_guard_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "board.toml"
    hostile = {"company": '=HYPERLINK("http://x.example","Acme")', "role": "+1 engineer", "note": "@SUM(A1)"}
    board = ops.add_card(Board(), applied=TODAY, **hostile).board
    board = ops.add_card(board, company="Plain Co", applied=TODAY, note="- first point").board
    save_board(path, board)
    result = export(capsys, path, "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [rows[0][name] for name in ("company", "role", "note")] == [f"'{value}" for value in hostile.values()]
    assert rows[1]["note"] == "'- first point"
    assert rows[1]["company"] == "Plain Co"
    exported = tmp_path / "board.csv"
    exported.write_text(result.out, encoding="utf-8")
    copy = tmp_path / "copy.toml"
    assert run_main(capsys, ["import", str(exported), "--board", str(copy)], TODAY).code == 0
    cards = load_board(copy).cards
    assert [(card.company, card.role, card.note) for card in cards] == [
        (hostile["company"], hostile["role"], hostile["note"]),
        ("Plain Co", "", "- first point"),
    ]

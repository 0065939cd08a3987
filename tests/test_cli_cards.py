"""The command line does what the card screen does: `show`, `edit`, `delete`, `note` and
`contact`; `restore` by the beginning of a name; suggestions that name the `--board`
used; and shell completion."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fu_board.cli import build_parser
from fu_board.demo import demo_board
from fu_board.model import Contact
from fu_board.store import load_board, save_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main

ACME = "k7m2"
"""The demo board's first card in Applied: Northwind Traders, with one contact."""


@pytest.fixture
def demo(board_path: Path) -> Path:
    save_board(board_path, demo_board(TODAY))
    return board_path


def fu(capsys: pytest.CaptureFixture[str], board: Path, *argv: str) -> Result:
    return run_main(capsys, [*argv, "--board", str(board)], TODAY)


def refused(capsys: pytest.CaptureFixture[str], board: Path, *argv: str) -> str:
    """Run a command that must be refused: exit 2, one line on stderr, the file untouched."""
    before = board.read_bytes()
    result = fu(capsys, board, *argv)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err
    assert board.read_bytes() == before
    return result.err


# show ---------------------------------------------------------------------------------


def test_show_prints_every_field_and_the_whole_timeline(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    card = demo_board(TODAY).card("c9we")
    result = fu(capsys, demo, "show", "c9we")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"c9we  {card.title}"
    fields = [(label, value.strip()) for label, _, value in (line.partition(":") for line in lines[2:12])]
    assert ("company", card.company) in fields
    assert ("stage", "Followed up") in fields
    assert ("applied", card.applied.isoformat()) in fields
    contacts = [value for label, value in fields if label == "contact"]
    assert [contact.split(",")[0] for contact in contacts] == [contact.name for contact in card.contacts]
    timeline = lines[lines.index("timeline:") + 1 :]
    assert len(timeline) == len(card.timeline)
    assert [line.split()[0] for line in timeline] == [event.date.isoformat() for event in card.timeline]


def test_show_json_holds_every_field_and_what_is_next(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    card = demo_board(TODAY).card("c9we")
    result = fu(capsys, demo, "show", "c9we", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == [*card.field_names(), "last_touch", "next_follow_up"]
    assert data["id"] == "c9we"
    assert data["contacts"][0] == {
        "name": card.contacts[0].name,
        "email": card.contacts[0].email,
        "phone": card.contacts[0].phone,
        "title": card.contacts[0].title,
    }
    assert [event["date"] for event in data["timeline"]] == [event.date.isoformat() for event in card.timeline]
    assert set(data["next_follow_up"]) == {"due", "reason", "overdue_days", "to"}
    resolved = json.loads(fu(capsys, demo, "show", "t5gk", "--json").out)
    assert resolved["outcome"] == "no"
    assert resolved["next_follow_up"] is None


def test_show_a_card_that_is_not_there(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    assert "no card" in refused(capsys, demo, "show", "zzzz")


# edit ---------------------------------------------------------------------------------


def test_edit_changes_the_fields_it_is_given_and_says_which(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    result = fu(
        capsys,
        demo,
        "edit",
        ACME,
        "--role",
        "Staff Engineer",
        "--link",
        "https://acme.example/jobs/9",
        "--decision-by",
        "2026-12-10",
    )
    assert (result.code, result.out) == (0, f"{ACME}: changed role, link, decision_expected\n")
    card = load_board(demo).card(ACME)
    assert (card.role, card.link, card.decision_expected.isoformat() if card.decision_expected else None) == (
        "Staff Engineer",
        "https://acme.example/jobs/9",
        "2026-12-10",
    )
    assert card.timeline[-1].note == "changed role, link, decision_expected"
    cleared = fu(capsys, demo, "edit", ACME, "--decision-by", "none", "--note", "rewritten")
    assert cleared.code == 0, cleared.err
    card = load_board(demo).card(ACME)
    assert (card.decision_expected, card.note) == (None, "rewritten")
    again = fu(capsys, demo, "edit", ACME, "--note", "rewritten")
    assert again.out == f"{ACME}: nothing changed (it already says so)\n"


def test_edit_the_day_applied_corrects_the_timeline_too(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    assert fu(capsys, demo, "edit", ACME, "--applied", "2026-11-20").code == 0
    card = load_board(demo).card(ACME)
    assert card.applied.isoformat() == "2026-11-20"
    assert card.timeline[0].date.isoformat() == "2026-11-20"


def test_edit_the_day_of_an_answer(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    assert fu(capsys, demo, "edit", "t5gk", "--answer-on", "2026-11-24").code == 0
    assert str(load_board(demo).card("t5gk").resolved_on) == "2026-11-24"


def test_edit_the_interviews_as_the_card_screen_writes_them(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """The one line of the card screen: each interview keeps what the line does not show."""
    logged = fu(capsys, demo, "interview", ACME, "--date", "2026-11-20", "--where", "12 Dock Road", "--note", "CI")
    assert logged.code == 0, logged.err
    (before,) = load_board(demo).card(ACME).interviews
    result = fu(capsys, demo, "edit", ACME, "--interviews", "2026-11-21 15:00 onsite with Ana Lee, Bo Chen")
    assert (result.code, result.out) == (0, f"{ACME}: changed interviews\n")
    (after,) = load_board(demo).card(ACME).interviews
    assert (after.date.isoformat(), after.time, after.kind.value if after.kind else None, after.interviewers) == (
        "2026-11-21",
        "15:00",
        "onsite",
        ("Ana Lee", "Bo Chen"),
    )
    assert (after.id, after.where, after.note) == (before.id, "12 Dock Road", "CI")  # the line does not show them


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([ACME], "nothing to change: give one of --company, --role"),
        ([ACME, "--company", "  "], "--company cannot be empty"),
        ([ACME, "--applied", "2027-01-01"], "--applied 2027-01-01 is in the future"),
        ([ACME, "--applied", "soon"], "'soon' is not a date"),
        ([ACME, "--answer-on", "2026-11-24"], "--answer-on is for a resolved card; k7m2 is in Applied"),
        ([ACME, "--decision-by", "someday"], "'someday' is not a date"),
        (["zzzz", "--role", "x"], "no card"),
        ([ACME, "--stage", "resolved"], "unrecognized arguments"),
        ([ACME, "--interviews", "next week"], "'next' is not a date like 2026-11-25"),
    ],
)
def test_edit_refuses_what_the_card_screen_refuses(
    capsys: pytest.CaptureFixture[str], demo: Path, argv: list[str], says: str
) -> None:
    assert says in refused(capsys, demo, "edit", *argv)


# delete -------------------------------------------------------------------------------


def test_delete_with_yes_keeps_the_card_in_the_backup(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    before = demo.read_bytes()
    result = fu(capsys, demo, "delete", ACME, "--yes")
    assert result.code == 0, result.err
    assert ACME not in {card.id for card in load_board(demo).cards}
    backups = sorted((demo.parent / "board.toml.backups").iterdir())
    assert backups[-1].read_bytes() == before  # the card's text, as it was
    assert result.out == (
        f"{ACME} deleted (Northwind Traders); its text is kept in the backup {backups[-1].name} "
        f"(fu-board --board {demo} restore {backups[-1].name} puts the board back as it was)\n"
    )


def test_delete_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    kept = fu(capsys, demo, "delete", ACME)
    assert kept.code == 1
    assert kept.err.startswith(f"Delete {ACME} (Northwind Traders")
    assert kept.err.endswith(f"fu-board: {ACME} was not deleted\n")
    assert ACME in {card.id for card in load_board(demo).cards}
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    assert fu(capsys, demo, "delete", ACME).code == 0
    assert ACME not in {card.id for card in load_board(demo).cards}


def test_delete_without_a_terminal_needs_yes(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    err = refused(capsys, demo, "delete", ACME)
    assert err == f"fu-board: error: not deleting {ACME} without --yes: fu-board --board {demo} delete {ACME} --yes\n"


# note and contact ---------------------------------------------------------------------


def test_note_adds_a_line(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    before = load_board(demo).card(ACME).note
    assert fu(capsys, demo, "note", ACME, "Called Dana: decision Friday").out == f"{ACME}: note added\n"
    note = load_board(demo).card(ACME).note
    assert note == (f"{before}\nCalled Dana: decision Friday" if before else "Called Dana: decision Friday")
    assert "TEXT is empty" in refused(capsys, demo, "note", ACME, "   ")


def test_contact_adds_one_or_fills_in_the_one_of_that_name(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    first = load_board(demo).card(ACME).contacts
    added = fu(capsys, demo, "contact", ACME, "--name", "Lee Park", "--email", "lee@acme.example", "--title", "CTO")
    assert added.out == f"{ACME}: contact Lee Park added\n"
    card = load_board(demo).card(ACME)
    assert card.contacts == (*first, Contact(name="Lee Park", email="lee@acme.example", title="CTO"))
    filled = fu(capsys, demo, "contact", ACME, "--name", "lee park", "--phone", "+1 555 0100")
    assert filled.out == f"{ACME}: contact Lee Park updated\n"
    assert load_board(demo).card(ACME).contacts[-1] == Contact(
        name="Lee Park", email="lee@acme.example", phone="+1 555 0100", title="CTO"
    )
    assert "--name cannot be empty" in refused(capsys, demo, "contact", ACME, "--name", " ")
    assert "required: --name" in refused(capsys, demo, "contact", ACME)


# restore, move --help, suggestions ----------------------------------------------------


def test_restore_takes_any_unique_beginning_of_a_name(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    for company in ("One", "Two"):
        assert fu(capsys, demo, "add", company).code == 0
    folder = demo.parent / "board.toml.backups"
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 2
    err = refused(capsys, demo, "restore", names[0][:4])
    assert f"2 backups begin with '{names[0][:4]}'" in err
    assert f"fu-board --board {demo} backups lists them" in err
    unique = next(n for n in range(1, len(names[0])) if names[0][:n] != names[1][:n])
    result = fu(capsys, demo, "restore", names[0][: unique + 1])
    assert result.code == 0, result.err
    assert len(load_board(demo).cards) == len(demo_board(TODAY).cards)  # before "One" and "Two"
    assert "no backup 'nothing-like-it'" in refused(capsys, demo, "restore", "nothing-like-it")


def test_move_help_lists_the_stages(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_main(capsys, ["move", "--help"], TODAY)
    assert result.code == 0
    assert "applied, interviewed or followed_up" in " ".join(result.out.split())


def test_suggestions_name_the_board_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    elsewhere = tmp_path / "my boards" / "job hunt.toml"
    result = run_main(capsys, ["list", "--board", str(elsewhere)], TODAY)
    assert f"fu-board --board '{elsewhere}' add COMPANY starts one" in result.err
    result = run_main(capsys, ["restore", "x", "--board", str(elsewhere)], TODAY)
    assert f"fu-board --board '{elsewhere}' backups lists them" in result.err


def test_suggestions_for_the_default_board_need_no_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FU_BOARD_FILE", str(tmp_path / "board.toml"))
    result = run_main(capsys, ["list"], TODAY)
    assert "; fu-board add COMPANY starts one" in result.err


# completion ---------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    result = run_main(capsys, ["completion", shell], TODAY)
    assert result.code == 0, result.err
    assert "fu-board" in result.out
    assert "_ARGCOMPLETE" in result.out


def _completed(line: str, tmp_path: Path, env: dict[str, str] | None = None) -> list[str]:
    """What the shell is offered for `line` (as fish asks: one per line, a tab before a description)."""
    out = tmp_path / "completions"
    subprocess.run(
        [sys.executable, "-m", "fu_board"],
        env={
            **os.environ,
            **(env or {}),
            "_ARGCOMPLETE": "1",
            "_ARGCOMPLETE_SHELL": "fish",
            "_ARGCOMPLETE_IFS": "\n",
            "_ARGCOMPLETE_DFS": "\t",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        },
        check=True,
        timeout=60,
    )
    completed = [entry.replace(" \t", "\t").rstrip() for entry in out.read_text().splitlines()]
    out.unlink()
    return completed  # the space the shell types after a word taken off


def test_completion_offers_verbs_flags_and_the_boards_card_ids(demo: Path, tmp_path: Path) -> None:
    assert [entry.split("\t")[0] for entry in _completed("fu-board sh", tmp_path)] == ["show"]
    assert "--day-first" in [entry.split("\t")[0] for entry in _completed("fu-board import x.csv --d", tmp_path)]
    ids = [entry for entry in _completed(f"fu-board --board {demo} show ", tmp_path) if not entry.startswith("-")]
    board = demo_board(TODAY)
    assert ids == [f"{card.id}\t{card.title}" for card in board.cards]
    assert _completed(f"fu-board --board {demo} resolve k7", tmp_path) == [f"k7m2\t{board.card('k7m2').title}"]
    # The default board, from the environment, and nothing at all for a board that cannot be read.
    assert "k7m2\t" in "\n".join(_completed("fu-board move ", tmp_path, {"FU_BOARD_FILE": str(demo)}))
    assert _completed(f"fu-board --board {tmp_path / 'none.toml'} show k", tmp_path) == []


def test_every_verb_that_takes_a_card_completes_its_id() -> None:
    parser = build_parser()
    verbs = next(action for action in parser._actions if action.dest == "verb")
    taking = {name for name, verb in verbs.choices.items() if any(action.dest == "card" for action in verb._actions)}
    assert taking >= {"show", "edit", "delete", "note", "contact", "move", "resolve", "interview", "draft"}
    for name in taking:
        (card,) = [action for action in verbs.choices[name]._actions if action.dest == "card"]
        assert getattr(card, "completer", None) is not None, name


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["delete", "zzzz", "--yes"], "no card"),
        (["note", "zzzz", "a line"], "no card"),
        (["contact", "zzzz", "--name", "Ana"], "no card"),
        (["show", "zzzz", "--json"], "no card"),
        (["completion", "tcsh"], "invalid choice: 'tcsh'"),
        (["restore", ""], "no backup ''"),
    ],
)
def test_each_new_verb_refuses_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo: Path, argv: list[str], says: str
) -> None:
    assert says in refused(capsys, demo, *argv)

"""`fu-board remind`: the notification of what is due (the notifier faked at the process
boundary), and the daily job it installs and uninstalls in the person's scheduler."""

from __future__ import annotations

import datetime as dt
import plistlib
import sys
from pathlib import Path

import pytest

from fu_board import remind
from fu_board.demo import demo_board
from fu_board.model import Board
from fu_board.rules import due_cards
from fu_board.store import save_board
from tests.test_cli import run_main
from tests.test_clipboard import fake_tool, got

TODAY = dt.date(2026, 11, 25)
NOON = dt.time(12, 0)


def args_of(tool: Path) -> str:
    return tool.with_suffix(".args").read_text(encoding="utf-8")


def test_the_reminder_says_how_many_how_many_overdue_and_the_first_companies() -> None:
    board = demo_board(TODAY)
    shown = remind.reminder(board, TODAY, NOON)
    assert shown is not None
    companies = list(dict.fromkeys(card.company for card, item in due_cards(board, TODAY, now=NOON) if item.is_action))
    assert shown.title == f"fu-board: {len(companies)} follow-ups due (4 overdue)"
    assert shown.body.startswith(f"{companies[0]}, {companies[1]}, {companies[2]} and {len(companies) - 3} more.")
    assert "fu-board, then r, walks you through them." in shown.body


def test_nothing_due_and_no_interview_is_no_reminder() -> None:
    assert remind.reminder(Board(), TODAY, NOON) is None


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Linux desktop session whose notify-send is a stand-in."""
    tool = fake_tool(tmp_path / "bin", "notify-send")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    monkeypatch.setattr(sys, "platform", "linux")
    return tool


def board_file(tmp_path: Path, board: Board) -> Path:
    path = tmp_path / "board.toml"
    save_board(path, board)
    return path


def test_remind_shows_one_notification(capsys: pytest.CaptureFixture[str], tmp_path: Path, desktop: Path) -> None:
    path = board_file(tmp_path, demo_board(TODAY))
    before = path.read_bytes()
    result = run_main(capsys, ["remind", "--board", str(path)], TODAY, NOON)
    assert (result.code, result.out, result.err) == (0, "", "")
    shown = remind.reminder(demo_board(TODAY), TODAY, NOON)
    assert shown is not None
    assert got(desktop) == b""
    assert args_of(desktop) == f"--app-name=fu-board {shown.title} {shown.body}"
    assert path.read_bytes() == before  # a reminder writes nothing to the board


def test_nothing_due_shows_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, desktop: Path) -> None:
    path = board_file(tmp_path, Board())
    result = run_main(capsys, ["remind", "-v", "--board", str(path)], TODAY, NOON)
    assert (result.code, result.err) == (0, "fu-board: no notification: nothing is due today\n")
    assert not desktop.with_suffix(".args").exists()


@pytest.mark.parametrize(
    ("setup", "why"),
    [
        ("no-tool", "notify-send is not installed"),
        ("no-session", "there is no desktop session here"),
        ("failing", "notify-send failed"),
    ],
)
def test_without_a_desktop_it_succeeds_quietly_and_says_why_with_v(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: str, why: str
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    if setup != "no-tool":
        fake_tool(folder, "notify-send", status=1 if setup == "failing" else 0)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    if setup == "no-session":
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    path = board_file(tmp_path, demo_board(TODAY))
    quiet = run_main(capsys, ["remind", "--board", str(path)], TODAY, NOON)
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    told = run_main(capsys, ["remind", "-v", "--board", str(path)], TODAY, NOON)
    assert told.code == 0
    assert told.err.startswith(f"fu-board: no notification: {why}")
    assert "Traceback" not in told.err


def test_no_board_yet_is_nothing_to_remind(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_main(capsys, ["remind", "-v", "--board", str(tmp_path / "none.toml")], TODAY, NOON)
    assert result.code == 0
    assert "no board yet" in result.err
    assert not (tmp_path / "none.toml").exists()


# The daily job ---------------------------------------------------------------------------


@pytest.fixture
def systemd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Linux session with systemd: its systemctl a stand-in, its config folder the test's."""
    tool = fake_tool(tmp_path / "bin", "systemctl")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "platform", "linux")
    return tool


def unit_folder(tmp_path: Path) -> Path:
    return tmp_path / "config" / "systemd" / "user"


def test_install_writes_a_daily_timer_and_starts_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, systemd: Path
) -> None:
    result = run_main(capsys, ["remind", "--install", "--at", "8:05"], TODAY, NOON)
    assert result.code == 0, result.err
    folder = unit_folder(tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == ["fu-board-remind.service", "fu-board-remind.timer"]
    assert (folder / "fu-board-remind.service").read_text(encoding="utf-8") == (
        "# Written by `fu-board remind --install`; `fu-board remind --uninstall` removes it.\n"
        "[Unit]\n"
        "Description=fu-board: what is due today\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={sys.executable} -m fu_board remind\n"
    )
    assert (folder / "fu-board-remind.timer").read_text(encoding="utf-8") == (
        "# Written by `fu-board remind --install`; `fu-board remind --uninstall` removes it.\n"
        "[Unit]\n"
        "Description=fu-board's daily reminder\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=*-*-* 08:05:00\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    assert args_of(systemd) == "--user enable --now fu-board-remind.timer"  # the last it was asked
    assert f"write {folder / 'fu-board-remind.timer'}:" in result.out
    assert "run: systemctl --user daemon-reload" in result.out


def test_a_board_named_on_the_command_line_is_the_one_the_job_reminds_of(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, systemd: Path
) -> None:
    board = tmp_path / "my boards" / "100% board.toml"
    result = run_main(capsys, ["remind", "--install", "--board", str(board)], TODAY, NOON)
    assert result.code == 0, result.err
    service = (unit_folder(tmp_path) / "fu-board-remind.service").read_text(encoding="utf-8")
    quoted = '"' + str(board).replace("%", "%%") + '"'
    assert f"ExecStart={sys.executable} -m fu_board remind --board {quoted}\n" in service


def test_uninstall_removes_exactly_what_install_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, systemd: Path
) -> None:
    folder = unit_folder(tmp_path)
    folder.mkdir(parents=True)
    mine = folder / "my-own.timer"
    mine.write_text("[Timer]\n", encoding="utf-8")
    assert run_main(capsys, ["remind", "--install"], TODAY, NOON).code == 0
    result = run_main(capsys, ["remind", "--uninstall"], TODAY, NOON)
    assert result.code == 0, result.err
    assert [path.name for path in folder.iterdir()] == ["my-own.timer"]
    assert args_of(systemd) == "--user daemon-reload"
    assert "remove " in result.out
    again = run_main(capsys, ["remind", "--uninstall"], TODAY, NOON)
    assert (again.code, again.out) == (0, "nothing to remove: no daily reminder is installed\n")


def test_uninstall_leaves_a_file_of_that_name_that_is_not_fu_boards(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, systemd: Path
) -> None:
    folder = unit_folder(tmp_path)
    folder.mkdir(parents=True)
    theirs = folder / "fu-board-remind.timer"
    theirs.write_text("[Timer]\nOnCalendar=daily\n", encoding="utf-8")
    result = run_main(capsys, ["remind", "--uninstall"], TODAY, NOON)
    assert result.code == 1
    assert "was not written by fu-board: left as it is" in result.err
    assert theirs.read_text(encoding="utf-8") == "[Timer]\nOnCalendar=daily\n"


def test_dry_run_writes_nothing_and_runs_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, systemd: Path
) -> None:
    result = run_main(capsys, ["remind", "--install", "--dry-run"], TODAY, NOON)
    assert result.code == 0, result.err
    assert "would write " in result.out
    assert "would run: systemctl --user enable --now fu-board-remind.timer" in result.out
    assert not (tmp_path / "config").exists()
    assert not systemd.with_suffix(".args").exists()


def test_a_failing_systemctl_is_said_and_the_exit_status_is_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path / "bin", "systemctl", status=1)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "platform", "linux")
    result = run_main(capsys, ["remind", "--install"], TODAY, NOON)
    assert result.code == 1
    assert "systemctl --user daemon-reload failed" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["remind", "--at", "09:00"], "--at is for --install"),
        (["remind", "--dry-run"], "--dry-run is for --install or --uninstall"),
        (["remind", "--install", "--at", "9am"], "'9am' is not a time of day"),
        (["remind", "--install", "--uninstall"], "not allowed with argument"),
    ],
)
def test_remind_refuses_what_does_not_fit(capsys: pytest.CaptureFixture[str], argv: list[str], said: str) -> None:
    result = run_main(capsys, argv, TODAY, NOON)
    assert result.code == 2
    assert said in result.err


def test_on_a_mac_a_launchd_agent(tmp_path: Path) -> None:
    launchctl = fake_tool(tmp_path / "bin", "launchctl")
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path)}
    made = remind.plan(install=True, at=dt.time(7, 30), board=None, env=env, platform="darwin")
    said, problems = remind.carry_out(made, dry_run=False, env=env)
    assert problems == []
    agent = tmp_path / "Library" / "LaunchAgents" / "io.github.fu-board.remind.plist"
    assert plistlib.loads(agent.read_bytes()) == {
        "Label": "io.github.fu-board.remind",
        "ProgramArguments": [sys.executable, "-m", "fu_board", "remind"],
        "StartCalendarInterval": {"Hour": 7, "Minute": 30},
        "RunAtLoad": False,
    }
    assert args_of(launchctl).startswith("bootstrap gui/")
    assert args_of(launchctl).endswith(str(agent))
    gone = remind.plan(install=False, at=dt.time(9), board=None, env=env, platform="darwin")
    said, problems = remind.carry_out(gone, dry_run=False, env=env)
    assert problems == []
    assert not agent.exists()
    assert args_of(launchctl).startswith("bootout gui/")
    assert said[-1] == f"remove {agent}"


@pytest.mark.parametrize(("platform", "first"), [("win32", "Windows: in a terminal, run"), ("openbsd7", "No systemd")])
def test_elsewhere_the_steps_are_printed_and_nothing_written(tmp_path: Path, platform: str, first: str) -> None:
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    made = remind.plan(install=True, at=dt.time(9), board=None, env=env, platform=platform)
    said, problems = remind.carry_out(made, dry_run=False, env=env)
    assert (problems, made.write, made.run) == ([], {}, [])
    assert said[0].startswith(first)
    assert "09:00" in said[1] or "0 9 * * *" in said[1]


def test_two_applications_at_one_company_are_two_follow_ups(tmp_path: Path) -> None:
    from fu_board import board as ops
    from fu_board.rules import due_counts

    board = demo_board(TODAY)
    northwind = board.card("k7m2")
    board = ops.add_card(board, company=northwind.company, role="Data Engineer", applied=northwind.applied).board
    shown = remind.reminder(board, TODAY, NOON)
    assert shown is not None
    count, overdue = due_counts(board, TODAY, now=NOON)
    assert shown.title == f"fu-board: {count} follow-ups due ({overdue} overdue)"
    assert shown.body.count("Northwind Traders") == 1  # each company named once


def test_the_morning_reminder_moves_the_calendar_onto_the_new_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from icalendar import Calendar

    calendar = tmp_path / "fu-board.ics"
    board = demo_board(TODAY)
    path = board_file(tmp_path, board.replace(settings=board.settings.replace(calendar_file=str(calendar))))
    before = path.read_bytes()
    tomorrow = TODAY + dt.timedelta(days=1)
    assert run_main(capsys, ["remind", "--board", str(path)], tomorrow, NOON).code == 0
    events = Calendar.from_ical(calendar.read_text(encoding="utf-8")).walk("VEVENT")
    nudge = next(e for e in events if str(e["UID"]) == "k7m2-applied-follow-up-1@fu-board")
    assert nudge.decoded("DTSTART") == tomorrow  # overdue: on the new day
    assert path.read_bytes() == before

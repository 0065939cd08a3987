"""`fu-board remind`: one desktop notification of what is due today, and the daily job
in the person's own scheduler that shows it (`--install`), with no server of fu-board's.

The notification goes through the platform's own tool: `notify-send` (libnotify) on
Linux and the BSDs, `osascript` on macOS. Without a desktop to show it on (no tool, no
session bus, a Windows machine) nothing is shown and the command still succeeds: a
reminder that cannot reach anyone is not an error; `-v` says why.

The daily job is a systemd user timer on Linux (`Persistent=true`: a morning spent asleep
is caught up when the machine wakes), a launchd agent on macOS (which runs a missed
calendar job on wake), and elsewhere the steps to set one up by hand. `--uninstall`
removes exactly the files `--install` wrote.
"""

from __future__ import annotations

import datetime as dt
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fu_board.model import Board
from fu_board.rules import due_cards, due_counts, interviews_on

UNIT = "fu-board-remind"
"""The systemd units' name: `fu-board-remind.service` and `fu-board-remind.timer`."""
LABEL = "io.github.fu-board.remind"
"""The launchd agent's label, and its file's name."""
COMPANIES_SHOWN = 3
TIMEOUT = 10.0


# What the notification says ---------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    title: str
    body: str


def reminder(board: Board, today: dt.date, now: dt.time | None) -> Reminder | None:
    """`3 follow-ups due (1 overdue)`, and the first companies; today's interviews too. None
    when nothing is due and no interview is today: no notification at all."""
    count, overdue = due_counts(board, today, now=now)  # as the header and `due --count` count
    due = list(dict.fromkeys(card.company for card, item in due_cards(board, today, now=now) if item.is_action))
    interviews = [f"{interview.time} {card.company}".strip() for card, interview in interviews_on(board, today)]
    if not count and not interviews:
        return None
    lines = []
    if count:
        shown = ", ".join(due[:COMPANIES_SHOWN]) + (
            f" and {len(due) - COMPANIES_SHOWN} more" if len(due) > COMPANIES_SHOWN else ""
        )
        lines.append(f"{shown}. fu-board, then r, walks you through them.")
    if interviews:
        lines.append("Interview today: " + ", ".join(interviews) + ".")
    if count:
        late = f" ({overdue} overdue)" if overdue else ""
        title = f"fu-board: {count} follow-up{'' if count == 1 else 's'} due{late}"
    else:
        title = f"fu-board: {len(interviews)} interview{'' if len(interviews) == 1 else 's'} today"
    return Reminder(title, "\n".join(lines))


# Showing it ----------------------------------------------------------------------------------


def notifier(env: Mapping[str, str], platform: str | None = None) -> tuple[list[str] | None, str]:
    """The command that shows a notification here, its program found on PATH (the title and
    body follow it), or None and why there is none."""
    platform = sys.platform if platform is None else platform
    path = env.get("PATH")
    if platform == "darwin":
        if (osascript := shutil.which("osascript", path=path)) is None:
            return None, "osascript is not on PATH"
        script = "on run argv\ndisplay notification (item 2 of argv) with title (item 1 of argv)\nend run"
        return [osascript, "-e", script], ""
    if platform == "win32":
        return None, "fu-board shows no notifications on Windows yet; fu-board due lists what is due"
    if (notify_send := shutil.which("notify-send", path=path)) is None:
        return None, "notify-send is not installed (it comes with libnotify: libnotify-bin on Debian and Ubuntu)"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not env.get("DBUS_SESSION_BUS_ADDRESS") and not (runtime and os.path.exists(os.path.join(runtime, "bus"))):
        return None, "there is no desktop session here to show a notification in (no session bus)"
    return [notify_send, "--app-name=fu-board"], ""


def notify(shown: Reminder, env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Show it; None once shown, or why it could not be."""
    env = os.environ if env is None else env
    command, why = notifier(env, platform)
    if command is None:
        return why
    name = os.path.basename(command[0])
    try:
        done = subprocess.run(
            [*command, shown.title, shown.body],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            env=dict(env),
        )
    except (OSError, subprocess.SubprocessError) as error:
        return f"{name} could not be run: {error}"
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"{name} failed" + (f": {said[-1]}" if said else f" (exit status {done.returncode})")
    return None


# The daily job --------------------------------------------------------------------------------


@dataclass
class Plan:
    """What `--install` or `--uninstall` does: files to write or remove, commands to run,
    and, where fu-board cannot set it up itself, the steps to follow by hand."""

    write: dict[Path, bytes] = field(default_factory=dict)
    run: list[list[str]] = field(default_factory=list)
    """Run after the files are written, before they are removed."""
    remove: list[Path] = field(default_factory=list)
    then: list[list[str]] = field(default_factory=list)
    """Run after the files are removed."""
    steps: list[str] = field(default_factory=list)


def remind_command(board: Path | None) -> list[str]:
    """How the job runs the reminder: this Python, this fu-board, the same board."""
    command = [sys.executable, "-m", "fu_board", "remind"]
    return [*command, "--board", str(board)] if board is not None else command


def _systemd_word(word: str) -> str:
    """One word of an `ExecStart=` line: `%` doubled (systemd's specifiers), quoted when it
    holds a space, a quote or a backslash."""
    word = word.replace("%", "%%")
    if any(char in word for char in " \t\"\\'"):
        word = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def systemd_units(command: Sequence[str], at: dt.time) -> dict[str, str]:
    """The service that runs `command` and the timer that starts it every day at `at`."""
    service = (
        "# Written by `fu-board remind --install`; `fu-board remind --uninstall` removes it.\n"
        "[Unit]\n"
        "Description=fu-board: what is due today\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_word(word) for word in command)}\n"
    )
    timer = (
        "# Written by `fu-board remind --install`; `fu-board remind --uninstall` removes it.\n"
        "[Unit]\n"
        "Description=fu-board's daily reminder\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {at:%H:%M}:00\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def launchd_agent(command: Sequence[str], at: dt.time) -> bytes:
    """The launchd agent that runs `command` every day at `at` (launchd runs a job missed
    while the Mac slept when it wakes)."""
    agent = {
        "Label": LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": {"Hour": at.hour, "Minute": at.minute},
        "RunAtLoad": False,
    }
    return plistlib.dumps(agent, sort_keys=True)


def systemd_folder(env: Mapping[str, str]) -> Path:
    config = env.get("XDG_CONFIG_HOME") or os.path.join(env.get("HOME", "~"), ".config")
    return Path(os.path.expanduser(config)) / "systemd" / "user"


def agents_folder(env: Mapping[str, str]) -> Path:
    return Path(os.path.expanduser(env.get("HOME", "~"))) / "Library" / "LaunchAgents"


def plan(
    *, install: bool, at: dt.time, board: Path | None, env: Mapping[str, str] | None = None, platform: str | None = None
) -> Plan:
    """What installing (or, with `install=False`, removing) the daily reminder takes here."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    command = remind_command(board)
    made = Plan()
    if platform == "darwin":
        agent = agents_folder(env) / f"{LABEL}.plist"
        domain = f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui"
        if install:
            made.write[agent] = launchd_agent(command, at)
            made.run = [["launchctl", "bootout", f"{domain}/{LABEL}"], ["launchctl", "bootstrap", domain, str(agent)]]
        else:
            made.run = [["launchctl", "bootout", f"{domain}/{LABEL}"]]
            made.remove = [agent]
        return made
    if platform.startswith(("linux", "freebsd")) and shutil.which("systemctl", path=env.get("PATH")):
        folder = systemd_folder(env)
        if install:
            made.write = {folder / name: text.encode("utf-8") for name, text in systemd_units(command, at).items()}
            made.run = [
                ["systemctl", "--user", "daemon-reload"],
                ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"],
            ]
        else:
            made.run = [["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"]]
            made.remove = [folder / f"{UNIT}.timer", folder / f"{UNIT}.service"]
            made.then = [["systemctl", "--user", "daemon-reload"]]
        return made
    words = " ".join(f'"{word}"' if " " in word else word for word in command)
    if platform == "win32":
        made.steps = [
            "Windows: in a terminal, run",
            f'  schtasks /Create /SC DAILY /ST {at:%H:%M} /TN fu-board-remind /TR "{words}"',
            "and to remove it: schtasks /Delete /TN fu-board-remind",
        ]
    else:
        made.steps = [
            "No systemd here: add this line to your crontab (crontab -e),",
            f"  {at.minute} {at.hour} * * * {words}",
            "and remove it the same way.",
        ]
    return made


MARK = b"# Written by `fu-board remind --install`"


def is_ours(path: Path) -> bool:
    """A file `--install` wrote: a unit that starts with its mark, or the agent of its label."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if path.suffix == ".plist":
        try:
            return bool(plistlib.loads(data).get("Label") == LABEL)
        except Exception:  # plistlib raises several kinds for a file that is no plist
            return False
    return data.startswith(MARK)


def carry_out(made: Plan, *, dry_run: bool, env: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Do what `made` says (with `dry_run`, only say it): what was done, line by line, and
    what went wrong. A command that fails is said, and what it would have done is left to
    the person; a file that is not fu-board's is never removed."""
    from fu_board.store import write_atomically

    env = os.environ if env is None else env
    would = "would " if dry_run else ""
    said: list[str] = []
    problems: list[str] = []
    for path, data in made.write.items():
        said.append(f"{would}write {path}:")
        said += ["  " + line for line in data.decode("utf-8").splitlines()]
        if not dry_run:
            try:
                write_atomically(path, data)
            except OSError as error:
                problems.append(f"{path} could not be written: {error.strerror or error}")
                return said, problems

    def run(commands: list[list[str]]) -> None:
        for command in commands:
            said.append(f"{would}run: {' '.join(command)}")
            if dry_run:
                continue
            program = shutil.which(command[0], path=env.get("PATH"))
            if program is None:
                problems.append(f"{command[0]} is not on PATH: run it yourself: {' '.join(command)}")
                continue
            try:
                done = subprocess.run([program, *command[1:]], capture_output=True, timeout=60, check=False)
            except (OSError, subprocess.SubprocessError) as error:
                problems.append(f"{' '.join(command)} could not be run: {error}")
                continue
            ignorable = command[:2] == ["launchctl", "bootout"]  # nothing loaded yet is fine
            if done.returncode != 0 and not ignorable:
                last = done.stderr.decode("utf-8", "replace").strip().splitlines()
                problems.append(f"{' '.join(command)} failed" + (f": {last[-1]}" if last else ""))

    run(made.run)
    for path in made.remove:
        if not path.exists():
            continue
        if not is_ours(path):
            problems.append(f"{path} was not written by fu-board: left as it is")
            continue
        said.append(f"{would}remove {path}")
        if not dry_run:
            try:
                path.unlink()
            except OSError as error:
                problems.append(f"{path} could not be removed: {error.strerror or error}")
    run(made.then)
    said += made.steps
    return said, problems

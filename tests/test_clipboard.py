"""The system clipboard chain, faked at the process boundary: a folder of stand-in tools
on PATH, each writing what it was given where the test can read it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from fu_board import clipboard

TEXT = "Hi Zoë,\nthank you 🙂 & see you"


def fake_tool(folder: Path, name: str, *, status: int = 0) -> Path:
    """A stand-in for `name` that saves its standard input (and arguments) beside it."""
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "here = pathlib.Path(__file__)\n"
        "here.with_suffix('.got').write_bytes(sys.stdin.buffer.read())\n"
        "here.with_suffix('.args').write_text(' '.join(sys.argv[1:]))\n"
        f"sys.exit({status})\n",
        encoding="utf-8",
    )
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return tool


def got(tool: Path) -> bytes | None:
    taken = tool.with_suffix(".got")
    return taken.read_bytes() if taken.exists() else None


def env(folder: Path, **names: str) -> dict[str, str]:
    return {"PATH": str(folder), **names}


@pytest.mark.parametrize(
    ("platform", "names", "present", "used", "args"),
    [
        ("darwin", {}, ["pbcopy"], "pbcopy", ""),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["wl-copy", "xclip"], "wl-copy", ""),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, ["xclip"], "xclip", "-selection clipboard"),
        ("linux", {"DISPLAY": ":0"}, ["xclip", "xsel"], "xclip", "-selection clipboard"),
        ("linux", {"DISPLAY": ":0"}, ["xsel"], "xsel", "--clipboard --input"),
        ("linux", {"WSL_DISTRO_NAME": "Ubuntu"}, ["clip.exe"], "clip.exe", ""),
        ("win32", {}, ["clip.exe"], "clip.exe", ""),
    ],
)
def test_the_first_tool_here_takes_the_text(
    tmp_path: Path, *, platform: str, names: dict[str, str], present: list[str], used: str, args: str
) -> None:
    folder = tmp_path / "bin"
    made = {name: fake_tool(folder, name) for name in present}
    assert clipboard.copy(TEXT, env(folder, **names), platform) == used
    expected = TEXT.encode("utf-16") if used == "clip.exe" else TEXT.encode("utf-8")
    assert got(made[used]) == expected
    assert made[used].with_suffix(".args").read_text(encoding="utf-8") == args
    assert [name for name, tool in made.items() if got(tool) is not None] == [used]


def test_a_tool_that_fails_hands_on_to_the_next(tmp_path: Path) -> None:
    folder = tmp_path / "bin"
    fake_tool(folder, "xclip", status=1)  # no X server to talk to, say
    xsel = fake_tool(folder, "xsel")
    assert clipboard.copy(TEXT, env(folder, DISPLAY=":0"), "linux") == "xsel"
    assert got(xsel) == TEXT.encode("utf-8")


@pytest.mark.parametrize(
    ("platform", "names", "present"),
    [
        ("linux", {"DISPLAY": ":0"}, []),  # no tool installed
        ("linux", {}, ["xclip", "wl-copy"]),  # tools, but no display to copy to
        ("linux", {"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 5555"}, ["xclip"]),  # over ssh
        ("darwin", {"SSH_TTY": "/dev/ttys001"}, ["pbcopy"]),
        ("linux", {"DISPLAY": ":0"}, ["xclip-broken"]),
    ],
)
def test_nothing_takes_it_and_nothing_is_run_where_it_should_not_be(
    tmp_path: Path, platform: str, names: dict[str, str], present: list[str]
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    made = [fake_tool(folder, name) for name in present]
    assert clipboard.copy(TEXT, env(folder, **names), platform) is None
    assert all(got(tool) is None for tool in made)


@pytest.mark.parametrize(
    ("tool", "names", "starts", "warning"),
    [
        ("pbcopy", {}, "Copied: paste it", False),
        (None, {"TERM_PROGRAM": "Apple_Terminal"}, "This terminal keeps programs out of its clipboard: select", True),
        (None, {"VTE_VERSION": "7600"}, "This terminal keeps programs out of its clipboard", True),
        (
            None,
            {"TERM_PROGRAM": "iTerm.app"},
            "Sent to the terminal's clipboard (OSC 52). If pasting gives nothing",
            True,
        ),
        (None, {"SSH_TTY": "/dev/pts/1"}, "Sent to the terminal's clipboard (OSC 52)", True),
    ],
)
def test_the_notice_says_copied_only_when_something_took_it(
    tool: str | None, names: dict[str, str], starts: str, warning: bool
) -> None:
    words, warn = clipboard.copied_words(tool, names)
    assert words.startswith(starts)
    assert warn is warning
    if tool is None:
        assert "shift+drag" in words
        assert "Copied" not in words


def test_the_real_environment_is_used_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bin"
    xclip = fake_tool(folder, "xclip")
    monkeypatch.setattr(os, "environ", {"PATH": str(folder), "DISPLAY": ":0"})
    assert clipboard.copy(TEXT, platform="linux") == "xclip"
    assert got(xclip) == TEXT.encode("utf-8")


@pytest.mark.parametrize(
    ("platform", "names", "desktop"),
    [
        ("darwin", {}, True),
        ("win32", {}, True),
        ("linux", {"DISPLAY": ":0"}, True),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, True),
        ("linux", {}, False),  # a console
        ("darwin", {"SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 5555"}, False),  # over ssh
        ("linux", {"DISPLAY": "localhost:10.0", "SSH_TTY": "/dev/pts/3"}, False),  # X forwarded over ssh
    ],
)
def test_a_desktop_here_is_one_the_person_sits_at(platform: str, names: dict[str, str], desktop: bool) -> None:
    assert clipboard.has_desktop(names, platform) is desktop

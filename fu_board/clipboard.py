"""The system clipboard, through the platform's own tool: `pbcopy` on macOS, `wl-copy`
under Wayland, `xclip` or `xsel` under X11, `clip.exe` on Windows and in WSL.

The terminal's own clipboard (OSC 52, which Textual writes) reaches the person's
machine even over ssh, but many terminals ignore it without a word (macOS Terminal,
GNOME Terminal and the others built on VTE, the Linux console); this is the second way
in, for a local session, and the only one that can say it worked. Over ssh the tools
would fill the remote machine's clipboard, so none is tried.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping

TIMEOUT = 3.0
"""Seconds a tool may take before it is given up on (a clipboard tool returns at once;
`xclip` and `wl-copy` leave a process behind to serve the text, and return)."""


def is_remote(env: Mapping[str, str]) -> bool:
    """Over ssh: the system's clipboard would be the remote machine's."""
    return any(env.get(name) for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


def has_desktop(env: Mapping[str, str], platform: str | None = None) -> bool:
    """A desktop on this machine that the person sits at: a mail program or a browser opened
    here is one they see (not over ssh; on Linux, with a display)."""
    platform = sys.platform if platform is None else platform
    if is_remote(env):
        return False
    if platform in ("darwin", "win32"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) or _is_wsl(env)


def _is_wsl(env: Mapping[str, str]) -> bool:
    if env.get("WSL_DISTRO_NAME") or env.get("WSL_INTEROP"):
        return True
    try:
        with open("/proc/sys/kernel/osrelease", encoding="ascii", errors="replace") as release:
            return "microsoft" in release.read().lower()
    except OSError:
        return False


def tools(env: Mapping[str, str], platform: str | None = None) -> list[list[str]]:
    """The commands that may take the text here (`platform`: `sys.platform`'s), the likeliest
    first; none over ssh."""
    platform = sys.platform if platform is None else platform
    if is_remote(env):
        return []
    if platform == "darwin":
        return [["pbcopy"]]
    if platform == "win32":
        return [["clip.exe"]]
    found = []
    if env.get("WAYLAND_DISPLAY"):
        found.append(["wl-copy"])
    if env.get("DISPLAY"):
        found += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if platform.startswith("linux") and _is_wsl(env):
        found.append(["clip.exe"])
    return found


def copy(text: str, env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Put `text` on the system clipboard with the first tool here that takes it; the tool's
    name, or None when none is here or none took it."""
    env = os.environ if env is None else env
    for command in tools(env, platform):
        program = shutil.which(command[0], path=env.get("PATH"))
        if program is None:
            continue
        # clip.exe reads the console's code page, but takes UTF-16 with its byte-order mark as is.
        data = text.encode("utf-16") if command[0] == "clip.exe" else text.encode("utf-8")
        try:
            done = subprocess.run(
                [program, *command[1:]],
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT,
                check=False,
                env=dict(env),
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return command[0]
    return None


def terminal_ignores_osc52(env: Mapping[str, str]) -> bool:
    """Terminals known to drop OSC 52 without a word: macOS Terminal, those built on VTE
    (GNOME Terminal, Tilix, Terminator...), the Linux console. Others may take it, or not."""
    return env.get("TERM_PROGRAM") == "Apple_Terminal" or bool(env.get("VTE_VERSION")) or env.get("TERM") == "linux"


def copied_words(tool: str | None, env: Mapping[str, str]) -> tuple[str, bool]:
    """What the notice says after a copy, and whether it is a warning: "copied" only when a
    tool took the text; otherwise how to copy it by hand from the screen."""
    if tool is not None:
        return "Copied: paste it into your email or LinkedIn.", False
    by_hand = "select the message on screen with the mouse (shift+drag in most terminals) and copy it"
    if terminal_ignores_osc52(env) and not is_remote(env):
        return f"This terminal keeps programs out of its clipboard: {by_hand}.", True
    return (
        "Sent to the terminal's clipboard (OSC 52). If pasting gives nothing, the terminal did not take it: "
        f"{by_hand}.",
        True,
    )

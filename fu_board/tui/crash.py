"""When the board stops on an error nobody foresaw: the full report, with the values it was
working on (which may be a person's notes and contacts), goes to a private file; the
terminal gets a short message naming the kind of error and where the report is, and no
value from the board."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import platformdirs
from rich.console import Console
from rich.traceback import Traceback

from fu_board.where import APP_NAME


def reports_folder() -> Path:
    """Where crash reports go: the user's state folder (`~/.local/state/fu-board` on Linux)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "crash-reports"


def write_report(error: BaseException) -> Path | None:
    """Write the traceback of `error`, with its local values, to a new file only the user can
    read (0600, in a 0700 folder); its path, or None when it could not be written."""
    folder = reports_folder()
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for attempt in range(100):
            path = folder / f"crash-{stamp}{f'-{attempt}' if attempt else ''}.txt"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as handle:
                console = Console(file=handle, width=120, color_system=None, force_terminal=False)
                console.print(f"fu-board crash report, {dt.datetime.now().isoformat(timespec='seconds')}")
                console.print(
                    Traceback.from_exception(type(error), error, error.__traceback__, show_locals=True, width=120)
                )
            return path
    except OSError:
        return None
    return None


def crash_words(error: BaseException, report: Path | None) -> str:
    """What the terminal says: the kind of error only (its message may quote the board)."""
    where = (
        f"The full report is in {report} (it may hold your board's text: it is yours alone)."
        if report
        else ("No report could be written.")
    )
    return (
        f"fu-board stopped on an error it did not expect ({type(error).__name__}). {where} "
        "Every change saved before it is in your board file; fu-board opens it as usual."
    )

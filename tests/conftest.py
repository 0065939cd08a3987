"""Shared fixtures: a fixed day, and a board file in a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 25)
"""Every test and snapshot draws the board for this Wednesday."""


@pytest.fixture(autouse=True, scope="session")
def _utc() -> Iterator[None]:
    """Local times (a backup's "taken" in a message or a snapshot) read the same on every machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True, scope="session")
def _temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every temporary file made by a test or by fu-board (the note handed to an editor, the
    demo's board, a command run in a child process) goes in one folder of its own."""
    folder = tmp_path_factory.mktemp("tmp")
    before = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    yield folder
    tempfile.tempdir = before[0]
    if before[1] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = before[1]


@pytest.fixture(autouse=True)
def _nothing_left_behind(_temporary_folder: Path) -> Iterator[None]:
    """A test leaves nothing in the temporary folder: what it made there, it cleared."""
    yield
    left = sorted(os.listdir(_temporary_folder))
    assert not left, f"left behind in the temporary folder: {left}"


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the person's real board."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("FU_BOARD_FILE", raising=False)


@pytest.fixture(autouse=True)
def _no_real_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may fill the person's clipboard: every test runs as a session over ssh, where
    fu-board tries no system clipboard tool (a test of the tools says otherwise)."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "WSL_INTEROP", "SSH_CONNECTION", "SSH_CLIENT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SSH_TTY", "/dev/pts/fu-board-tests")


@pytest.fixture
def board_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "board.toml"


SAVE_COMPANIONS = {".board.toml.lock", "board.toml.backups", ".board.toml.due.json"}
"""What saving keeps beside `board.toml`: the writers' lock file and the backups folder."""


def leftovers(folder: Path) -> list[str]:
    """The names in `folder` apart from the save companions: a stray temporary file shows here."""
    return sorted(name for name in os.listdir(folder) if name not in SAVE_COMPANIONS)

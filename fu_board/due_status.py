"""A small file beside the board that says when each open card falls due, so that
`fu-board due --count` answers in the time Python takes to start, for a shell prompt.

Every save writes it (`write`): the board file's size, modification time and inode as
they are after the save, and each open card's first due moment (`rules.due_from`), by
the card's id. A reader (`count`) trusts it only while the board file still has that
size, time and inode, so a board changed by anything else (a hand edit, a sync, a
backup put back) is counted afresh, never from a stale status. The next command that
changes the board starts from those moments (`known_moments`): it works out only the
cards it changed. Deleting it is always safe.

This module imports nothing of fu-board's at first: the count must not pay for the
board's model, pydantic or the TOML reader.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fu_board.card_memo import CardMemo
    from fu_board.model import Board

FORMAT = 2
"""2: each open card's moment by its id (1 had the moments alone)."""

Moment = tuple[dt.date, str]
"""When a card falls due (`rules.due_from`): the day, and the time of day (\"HH:MM\") or \"\"."""


def status_path(board_path: Path) -> Path:
    """`.board.toml.due.json` beside `board.toml` (beside the file a link points to)."""
    real = Path(os.path.realpath(board_path))
    return real.with_name(f".{real.name}.due.json")


def _signature(board_path: Path) -> list[int] | None:
    try:
        found = os.stat(board_path)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def signature(board_path: Path) -> list[int] | None:
    """What a status is for: the board file's size, modification time and inode."""
    return _signature(board_path)


def write(
    board_path: Path,
    board: Board,
    today: dt.date,
    read: list[int] | None = None,
    moments: CardMemo[Moment | None] | None = None,
) -> None:
    """Say when each open card falls due, from the start of `today`, for the board file as it
    is now (just saved, under the lock), or as it was when `board` was `read` (its
    `signature` then: nothing is written if the file has changed since). `moments`: each
    card's `due_from`, kept by a writer from one save to the next, or known from the status
    before (`known_moments`): a save after one change works out one card's. Best effort: a
    status that cannot be written is only a slower count."""
    from fu_board import __version__
    from fu_board.card_memo import CardMemo
    from fu_board.rules import due_from
    from fu_board.store import write_quickly

    signature = _signature(board_path)
    if signature is None or (read is not None and read != signature):
        return
    memo = moments if moments is not None else CardMemo()
    settings = board.settings
    due = {
        card.id: None if moment is None else f"{moment[0].isoformat()} {moment[1]}".rstrip()
        for card in board.cards
        if not card.is_resolved  # never due (`due_from`): most of a big board, not worth a memo's look
        for moment in [memo.get(card, (settings, today), lambda card: due_from(card, settings, today))]
    }
    memo.keep_only(board.cards)
    data = {"format": FORMAT, "version": __version__, "board": signature, "from": today.isoformat(), "due": due}
    with contextlib.suppress(OSError):
        write_quickly(status_path(board_path), json.dumps(data, separators=(",", ":")).encode("utf-8"))


def _trusted(board_path: Path, signature: list[int] | None) -> tuple[str, dict[str, str | None]] | None:
    """The day a status counts from, and each open card's moment by its id, if this
    version wrote it for the board file with `signature`; None otherwise."""
    from fu_board import __version__

    try:
        with open(status_path(board_path), "rb") as handle:
            data = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != __version__:
        return None
    since, due = data.get("from"), data.get("due")
    if signature is None or data.get("board") != signature or not isinstance(since, str) or not isinstance(due, dict):
        return None
    if not all(isinstance(moment, str) or moment is None for moment in due.values()):
        return None
    return since, due


def known_moments(board_path: Path, signature: list[int] | None, today: dt.date) -> dict[str, Moment | None]:
    """Each open card's moment by its id, from a status written for the board file with
    `signature` (taken before and after the board was read), from `today`; empty when there
    is none to trust. A writer that read that very file starts from these."""
    trusted = _trusted(board_path, signature)
    if trusted is None or trusted[0] != today.isoformat():
        return {}
    known: dict[str, Moment | None] = {}
    for card_id, moment in trusted[1].items():
        if moment is None:
            known[card_id] = None
            continue
        day, _, at = moment.partition(" ")
        try:
            known[card_id] = (dt.date.fromisoformat(day), at)
        except ValueError:
            return {}
    return known


def count(board_path: Path, today: dt.date, now: dt.time) -> int | None:
    """Cards due by `now` on `today`, from the status; None when there is none to trust (no
    status, another version's, another file's, or asked about a day before it was written)."""
    trusted = _trusted(board_path, _signature(board_path))
    if trusted is None or today.isoformat() < trusted[0]:
        return None
    by = f"{today.isoformat()} {now.hour:02d}:{now.minute:02d}"
    return sum(1 for moment in trusted[1].values() if moment is not None and moment <= by)


def count_argv(argv: list[str]) -> Path | None:
    """The board `argv` asks to count when it is exactly `due --count` (with `--board PATH`,
    before or after); None for any other command line, which the full command line runs."""
    from fu_board.where import default_board_path

    words, board = [], None
    given = iter(argv)
    for word in given:
        if word == "--board":
            board = next(given, None)
            if board is None:
                return None
        elif word.startswith("--board="):
            board = word.removeprefix("--board=")
        else:
            words.append(word)
    if words != ["due", "--count"] or board == "":
        return None
    return Path(board) if board is not None else default_board_path()


def fast_count(argv: list[str]) -> int | None:
    """`fu-board due --count` from the status alone, when it can be trusted; None otherwise
    (the full command line then counts, and writes the status for next time)."""
    path = count_argv(argv)
    if path is None:
        return None
    moment = dt.datetime.now()
    return count(path, moment.date(), moment.time())

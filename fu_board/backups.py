"""Backups of the board file: a small rotation kept beside the board.

Before the first save that follows a load, the file as it was is copied to
`<board>.backups/` (for `board.toml`, the folder `board.toml.backups`). The
rotation keeps the last few copies plus the newest copy of each of the last
seven days, so a mistake noticed a few days late can still be undone. Copies
are named by the UTC time they were taken, so names sort by age.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from fu_board.store import BoardFileError, parse_board, write_atomically

KEEP_LAST = 5
"""How many of the most recent backups are always kept."""
KEEP_DAYS = 7
"""For how many days (today included) the newest backup of each day is kept."""

_NAME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{6})Z\.toml$")
_STAMP = "%Y-%m-%dT%H-%M-%S.%f"


@dataclass(frozen=True)
class Backup:
    """One backup file and the moment it was taken."""

    path: Path
    taken: dt.datetime
    """When the copy was made, in UTC."""

    @property
    def name(self) -> str:
        return self.path.name

    def card_count(self) -> int:
        """How many cards the copy holds, counted without parsing it (cheap for listings)."""
        return _holds(self.path.read_bytes())[0]

    def ahead(self, now: dt.datetime) -> bool:
        """Whether the copy is dated later than `now`: taken while the clock ran ahead."""
        return self.taken > now + CLOCK_SLACK

    def summary(self, now: dt.datetime | None = None) -> str:
        """When it was taken and what it holds: "taken 2026-12-03 10:02, 12 cards, latest
        entry 2026-12-03" (and "dated ahead of this computer's clock" when it is)."""
        try:
            cards, latest = _holds(self.path.read_bytes())
        except OSError:
            return f"taken {self.taken.astimezone():%Y-%m-%d %H:%M}, cannot be read now"
        words = f"taken {self.taken.astimezone():%Y-%m-%d %H:%M}, {cards} card{'' if cards == 1 else 's'}"
        if latest is not None:
            words += f", latest entry {latest}"
        if self.ahead(now or _now()):
            words += ", dated ahead of this computer's clock"
        return words


CLOCK_SLACK = dt.timedelta(minutes=5)
"""How far ahead of the clock a backup may be dated before it counts as taken while the
clock ran ahead (another machine's clock, synced, may run a little ahead)."""

_CARD_HEADER = re.compile(rb"(?m)^[ \t]*\[\[[ \t]*cards[ \t]*\]\]")
_ENTRY_DATE = re.compile(rb"\bdate = (\d{4}-\d\d-\d\d)\b")


def _holds(data: bytes) -> tuple[int, str | None]:
    """How many cards a board file's bytes hold, and the latest date of an entry in them,
    read without parsing (cheap for listings and messages)."""
    latest = max((found.decode() for found in _ENTRY_DATE.findall(data)), default=None)
    return len(_CARD_HEADER.findall(data)), latest


def backup_folder(path: Path) -> Path:
    """Where the backups of the board at `path` are kept: beside the real file."""
    real = Path(os.path.realpath(path))
    return real.parent / f"{real.name}.backups"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def list_backups(path: Path, now: dt.datetime | None = None) -> list[Backup]:
    """The backups of the board at `path`, newest first, those dated ahead of `now` (taken
    while the clock ran ahead) last, whatever their date: the plain files named as
    fu-board names them (a folder or a link named so, or a name that is no moment, is not
    one, and is never read or removed)."""
    folder = backup_folder(path)
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise BoardFileError(
            folder, f"cannot be read as the board's backups folder: {error.strerror or error}"
        ) from None
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
        except (OSError, ValueError):  # gone meanwhile, or 2026-13-45
            continue
        found.append(Backup(folder / entry.name, taken))
    return newest_first(found, now or _now())


def newest_first(backups: list[Backup], now: dt.datetime) -> list[Backup]:
    """`backups`, newest first; those dated ahead of `now` after all the others."""
    return sorted(backups, key=lambda backup: (not backup.ahead(now), backup.taken), reverse=True)


def to_keep(backups: list[Backup], now: dt.datetime) -> list[Backup]:
    """The rotation: the last `KEEP_LAST`, plus the newest of each of the last `KEEP_DAYS` days;
    a copy dated ahead of `now` is never the last, so it goes in its turn."""
    ordered = newest_first(backups, now)
    keep = ordered[:KEEP_LAST]
    first_day = now.date() - dt.timedelta(days=KEEP_DAYS - 1)
    days_seen: set[dt.date] = set()
    for backup in ordered:
        day = backup.taken.date()
        if first_day <= day <= now.date() and day not in days_seen:
            days_seen.add(day)
            if backup not in keep:
                keep.append(backup)
    return newest_first(keep, now)


def make_backup(path: Path, data: bytes, *, now: dt.datetime | None = None) -> Path:
    """Keep `data`, the bytes of the board at `path` before a save, as a new backup; rotate the rest."""
    now = now or _now()
    folder = backup_folder(path)
    target = folder / f"{now.astimezone(dt.UTC):{_STAMP}}Z.toml"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        write_atomically(target, data)
    except OSError as error:
        raise BoardFileError(
            path, f"was not saved, because its backup could not be written to {folder}: {error.strerror or error}"
        ) from None
    backups = list_backups(path, now)
    for old in set(backups) - set(to_keep(backups, now)):
        if old.path != target:  # even with a clock set back, the copy just made stays
            old.path.unlink(missing_ok=True)
    return target


def backup_words(backup: Path) -> str:
    """A backup named in a message: `NAME (taken ..., N cards, latest entry ...)`."""
    match = _NAME.match(backup.name)
    if match is None:
        return backup.name
    try:
        taken = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return backup.name
    return f"{backup.name} ({Backup(backup, taken).summary()})"


def newest_loadable(path: Path) -> Path | None:
    """The newest backup of the board at `path` that reads as a valid board."""
    try:
        backups = list_backups(path)
    except BoardFileError:
        return None
    for backup in backups:
        try:
            parse_board(backup.path.read_bytes(), backup.path)
        except (OSError, BoardFileError):
            continue
        return backup.path
    return None


class AmbiguousBackup(ValueError):
    """The beginning of a name that more than one backup has."""

    def __init__(self, name: str, matches: list[str]) -> None:
        shown = ", ".join(matches[:3]) + (f" and {len(matches) - 3} more" if len(matches) > 3 else "")
        super().__init__(f"{len(matches)} backups begin with {name!r} ({shown}); give more of the name")
        self.matches = matches


def find_backup(path: Path, name: str) -> Path:
    """The backup `name` names: a path to a file, the name of one of the board's backups, or
    any beginning of one that no other backup's name has (`2026-12-01` when that day has
    one backup). `AmbiguousBackup` when several have it; `FileNotFoundError` when none."""
    given = Path(name).expanduser()
    if given.is_file():
        return given
    backups = list_backups(path)
    for backup in backups:
        if backup.name in (name, f"{name}.toml", f"{name}Z.toml"):
            return backup.path
    matches = [backup for backup in backups if name and backup.name.startswith(name)]
    if len(matches) == 1:
        return matches[0].path
    if matches:
        raise AmbiguousBackup(name, [backup.name for backup in matches])
    raise FileNotFoundError(name)

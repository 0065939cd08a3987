"""Older board files, brought up to this program's schema by pure steps.

Each step takes the parsed TOML of one schema version (a plain dict) and
returns the next version's, without touching the file: the migrated board is
written only by the next save, and that save first keeps the original bytes as
a backup. A new schema version adds one step here and one golden file under
`tests/golden/`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fu_board.model import SCHEMA_VERSION

Raw = dict[str, Any]


def _v1_to_v2(raw: Raw) -> Raw:
    """Schema 2 added `settings.theme`, which may be left out: a version-1 board is a
    version-2 board as it is. The version still went up, so that a fu-board that
    knows only schema 1 opens a file with a theme read-only, saying it is newer,
    instead of refusing `theme` as a mistake."""
    return raw


def _v2_to_v3(raw: Raw) -> Raw:
    """Schema 3 made interviews events with a time, a kind, a place and a note, gave
    thank-yous and follow-ups the person they went to, and the cadence new settings, all of
    which may be left out: a version-2 board reads as it is, every interview without a time,
    so each counts as held from its day on, exactly as before. Only the `weekly` template,
    now used for the follow-ups after the first, is renamed `second_follow_up`."""
    templates = raw.get("settings", {}).get("templates")
    if isinstance(templates, dict) and "weekly" in templates:
        renamed = {("second_follow_up" if key == "weekly" else key): value for key, value in templates.items()}
        raw = {**raw, "settings": {**raw["settings"], "templates": renamed}}
    return raw


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2, 2: _v2_to_v3}
"""`MIGRATIONS[n]` turns a version-n board into a version-(n + 1) board."""


def file_version(raw: Raw, *, missing: int = SCHEMA_VERSION) -> int:
    """The schema version a parsed file declares, or `missing` when it declares none (a
    hand-written board means this version); ValueError when it is not a whole number from 1 up."""
    version = raw.get("schema_version", missing)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("must be a whole number from 1 up")
    return version


def migrate(raw: Raw, version: int, *, to: int = SCHEMA_VERSION) -> Raw:
    """`raw`, a version-`version` board, as a version-`to` board; the input is not changed."""
    for step_from in range(version, to):
        step = MIGRATIONS.get(step_from)
        if step is None:
            raise LookupError(f"no migration from schema {step_from} to {step_from + 1}")
        raw = {**step(dict(raw)), "schema_version": step_from + 1}
    return raw

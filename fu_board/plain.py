"""Records as plain JSON data: the JSON export's cards and the keys of the calendar's
kept events. Fields left at their default are left out, as in the board file. (The
cache keeps records in its own form, `fu_board.packed`.)"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from fu_board.model import Record


def encode(record: Record) -> dict[str, Any]:
    """`record` as JSON data: dates as YYYY-MM-DD, enums as their values, tuples as lists."""
    data: dict[str, Any] = {}
    for name, default in record.field_defaults().items():
        value = getattr(record, name)
        if value != default:
            data[name] = _encoded(value)
    return data


def _encoded(value: Any) -> Any:
    if isinstance(value, str | int | None):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encoded(item) for item in value]
    if isinstance(value, Record):
        return encode(value)
    raise TypeError(f"cannot encode {type(value).__name__}")

"""Records as plain JSON data and back, for data this program wrote itself (the cache).

Nothing here checks a value: `Record.validate` does that, for data from anyone
else. Reading trusted data this way needs neither pydantic nor its validators,
so a board read from the cache is on screen before pydantic is imported.
Fields left at their default are left out, as in the board file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from fu_board.model import Record, interned

Convert = Callable[[Any], Any]
R = TypeVar("R", bound=Record)


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


_DECODERS: dict[type[Record], Callable[[dict[str, Any]], Record]] = {}


def decoder(record: type[R]) -> Callable[[dict[str, Any]], R]:
    """What turns `encode`'s data back into a `record` (the dict given is used up)."""
    decode = _DECODERS.get(record)
    if decode is None:
        decode = _DECODERS[record] = _make_decoder(record)
    return decode  # type: ignore[return-value]


def _make_decoder(record: type[Record]) -> Callable[[dict[str, Any]], Record]:
    """A function written for `record`, as `dataclasses` writes `__init__`: it sets each
    slot straight from the data, which is three times as fast as calling the dataclass
    (10,000 cards are 85,000 records; this is most of the time it takes to read them)."""
    scope: dict[str, Any] = {"new": object.__new__, "record": record}
    lines = ["def decode(data):", "    made = new(record)"]
    hints = get_type_hints(record)
    for number, (name, default) in enumerate(record.field_defaults().items()):
        hint = hints[name]
        scope[f"set{number}"] = getattr(record, name).__set__  # the slot's own descriptor
        convert = _converter(hint)
        if convert is not None:
            scope[f"convert{number}"] = convert
        if default is dataclasses.MISSING:
            value = f"data[{name!r}]"
            lines.append(f"    set{number}(made, {f'convert{number}({value})' if convert else value})")
        else:
            scope[f"default{number}"] = default
            if convert is None:
                lines.append(f"    set{number}(made, data.get({name!r}, default{number}))")
            else:
                lines.append(f"    value = data.get({name!r})")
                lines.append(f"    set{number}(made, default{number} if value is None else convert{number}(value))")
    lines.append("    return made")
    exec("\n".join(lines), scope)  # code made here, from the record's own fields
    return scope["decode"]  # type: ignore[no-any-return]


def _converter(hint: Any) -> Convert | None:  # noqa: PLR0911 (one return per kind of type)
    """How a JSON value becomes a value of type `hint`; None when it already is one."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        # Only optional fields are unions, and `encode` leaves out a field at its default, None.
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _converter(inner)
    if origin is tuple:
        item = _converter(get_args(hint)[0])
        if item is None:
            return tuple
        return lambda values: tuple(map(item, values))
    if hint is dt.date:
        return _DAYS.__getitem__
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint._value2member_map_.__getitem__
    if isinstance(hint, type) and issubclass(hint, Record):
        return decoder(hint)
    return None


class _Days(dict[str, dt.date]):
    """Each day read, by its text."""

    def __missing__(self, text: str) -> dt.date:
        day = self[text] = interned(dt.date.fromisoformat(text))
        return day


_DAYS = _Days()

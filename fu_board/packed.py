"""Records as tuples of plain values, for `marshal`, and back: the cache's form.

Each record is the tuple of its fields' values, in the fields' order: days as their
ordinal numbers, enums as their values, tuples as tuples, records nested as tuples.
`marshal` writes and reads such tuples in C, about twice as fast as JSON, and the
tuples become records without a key looked up (`fu_board.cache`; 10,000 cards are
85,000 records, most of the time a warm open takes).

Nothing here checks a value: `Record.validate` does that, for data from anyone else.
This is only for data this program wrote itself, of records laid out as now.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from fu_board.model import Record, interned

R = TypeVar("R", bound=Record)
Convert = Callable[[Any], Any]

_PACKERS: dict[type[Record], Callable[[Record], tuple[Any, ...]]] = {}
_UNPACKERS: dict[type[Record], Callable[[tuple[Any, ...]], Record]] = {}


def packer(record: type[R]) -> Callable[[R], tuple[Any, ...]]:
    """What turns a `record` into its tuple."""
    pack = _PACKERS.get(record)
    if pack is None:
        pack = _PACKERS[record] = _make_packer(record)
    return pack


def unpacker(record: type[R]) -> Callable[[tuple[Any, ...]], R]:
    """What turns a tuple `packer` made back into the `record`."""
    unpack = _UNPACKERS.get(record)
    if unpack is None:
        unpack = _UNPACKERS[record] = _make_unpacker(record)
    return unpack  # type: ignore[return-value]


def _make_packer(record: type[Record]) -> Callable[[Record], tuple[Any, ...]]:
    """A function written for `record`, as `dataclasses` writes `__init__`: it reads each field."""
    scope: dict[str, Any] = {}
    hints = get_type_hints(record)
    values = []
    for number, name in enumerate(record.field_names()):
        field = f"{record.__name__}.{name}"
        convert = (
            _all_shared if field in SHARED_TUPLES else _shared if field in SHARED else _pack_converter(hints[name])
        )
        scope[f"convert{number}"] = convert
        values.append(f"made.{name}" if convert is None else f"convert{number}(made.{name})")
    exec(f"def pack(made):\n    return ({', '.join(values)},)", scope)  # code made here, from the fields
    return scope["pack"]  # type: ignore[no-any-return]


def _make_unpacker(record: type[Record]) -> Callable[[tuple[Any, ...]], Record]:
    """A function written for `record`: it sets each slot straight from its place in the
    tuple, which is three times as fast as calling the dataclass. Optional values and
    tuples are unpacked in line, not through a function of their own: a card has
    eight such fields, and most are empty."""
    scope: dict[str, Any] = {"new": object.__new__, "record": record, "tuple": tuple, "map": map}
    hints = get_type_hints(record)
    lines = ["def unpack(values):", "    made = new(record)"]
    for number, name in enumerate(record.field_names()):
        scope[f"set{number}"] = getattr(record, name).__set__  # the slot's own descriptor
        lines.append(f"    value = values[{number}]")
        lines.append(f"    set{number}(made, {_unpack_expression(hints[name], number, scope)})")
    lines.append("    return made")
    exec("\n".join(lines), scope)  # code made here, from the record's own fields
    return scope["unpack"]  # type: ignore[no-any-return]


def _unpack_expression(hint: Any, number: int, scope: dict[str, Any]) -> str:
    """The expression that makes `value`, a plain value, one of type `hint` (the field's at
    `number`), with what it calls put in `scope`."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        made = _unpack_expression(inner, number, scope)
        return made if made == "value" else f"None if value is None else {made}"
    if origin is tuple:
        item = _unpack_converter(get_args(hint)[0])
        if item is None:
            return "value"
        scope[f"item{number}"] = item
        return f"tuple(map(item{number}, value)) if value else ()"
    convert = _unpack_converter(hint)
    if convert is None:
        return "value"
    scope[f"convert{number}"] = convert
    return f"convert{number}(value)"


def _pack_converter(hint: Any) -> Convert | None:
    """How a value of type `hint` becomes a plain one; None when it is one already."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        convert = _pack_converter(inner)
        return None if convert is None else (lambda value: None if value is None else convert(value))
    if origin is tuple:
        item = _pack_converter(get_args(hint)[0])
        return None if item is None else (lambda values: tuple(map(item, values)))
    if hint is dt.date:
        return dt.date.toordinal
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _value
    if isinstance(hint, type) and issubclass(hint, Record):
        return packer(hint)
    return None


SHARED = frozenset({"Contact.name", "Contact.title", "Interview.time", "Interview.where", "Event.person"})
"""The fields whose texts are shared between cards when read back (`_shared`): names of
people and places, which a board holds many times over."""
SHARED_TUPLES = frozenset({"Interview.interviewers"})


def _shared(text: str) -> str:
    """`text`, interned: `marshal` writes an interned text as such, and reading it back
    gives every card that holds the same name one text object (an interviewer's name is
    in their interview, the card's contacts and each thank-you to them)."""
    return sys.intern(text) if len(text) <= SHARED_LENGTH else text


def _all_shared(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(_shared, texts))


SHARED_LENGTH = 80
"""Longer texts are never shared: a name is shorter."""


def _unpack_converter(hint: Any) -> Convert | None:
    """How a plain value becomes one of type `hint`; None when it already is one."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        convert = _unpack_converter(inner)
        return None if convert is None else (lambda value: None if value is None else convert(value))
    if origin is tuple:
        item = _unpack_converter(get_args(hint)[0])
        return None if item is None else (lambda values: tuple(map(item, values)))
    if hint is dt.date:
        return _DAYS.__getitem__
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint._value2member_map_.__getitem__
    if isinstance(hint, type) and issubclass(hint, Record):
        return unpacker(hint)
    return None


def _value(member: Enum) -> Any:
    return member.value


class _Days(dict[int, dt.date]):
    """Each day read, by its ordinal number."""

    def __missing__(self, ordinal: int) -> dt.date:
        day = self[ordinal] = interned(dt.date.fromordinal(ordinal))
        return day


_DAYS = _Days()

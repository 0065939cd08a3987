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
import marshal
import sys
import types
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from fu_board.model import Card, Record, interned

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


def _make_packer(record: type[Record], names: Sequence[str] | None = None) -> Callable[[Record], tuple[Any, ...]]:
    """A function written for `record`, as `dataclasses` writes `__init__`: it reads each
    field (or each of `names`, in their order)."""
    scope: dict[str, Any] = {}
    hints = get_type_hints(record)
    values = []
    for number, name in enumerate(names or record.field_names()):
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
    tuple, which is three times as fast as calling the dataclass."""
    fill = _make_filler(record, [(name, number) for number, name in enumerate(record.field_names())])

    def unpack(values: tuple[Any, ...]) -> Record:
        made = object.__new__(record)
        fill(made, values)
        return made

    return unpack


def _make_filler(record: type[Record], places: Sequence[tuple[str, int]]) -> Callable[[Record, tuple[Any, ...]], None]:
    """A function written for `record` that sets each field of `places` (name, place in the
    tuple) from a tuple of plain values. Optional values and tuples are unpacked in line,
    not through a function of their own: a card has eight such fields, and most are empty."""
    scope: dict[str, Any] = {"tuple": tuple, "map": map}
    hints = get_type_hints(record)
    lines = ["def fill(made, values):"]
    for number, (name, at) in enumerate(places):
        scope[f"set{number}"] = getattr(record, name).__set__  # the slot's own descriptor
        lines.append(f"    value = values[{at}]")
        lines.append(f"    set{number}(made, {_unpack_expression(hints[name], number, scope)})")
    exec("\n".join(lines), scope)  # code made here, from the record's own fields
    return scope["fill"]  # type: ignore[no-any-return]


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


# Cards whose long parts stay packed until read ------------------------------------------

KEPT_PACKED = ("role", "link", "contacts", "interviews", "note", "timeline")
"""The parts of a card read back from the cache that are unpacked only when first read
(`LazyCard`): what the board's columns, counts and order never look at for most cards."""
AT_ONCE = tuple(name for name in Card.field_names() if name not in KEPT_PACKED)
"""The parts of a card read back from the cache at once: its id, company, days, stage
and answer, which the columns, the header and the counts read for every card."""
_KEPT_PACKED = frozenset(KEPT_PACKED)


class LazyCard(Card):
    """A card read back from the cache, its `AT_ONCE` parts set and the rest kept packed
    until one of them is first read (from any thread: two threads that both unpack it set
    the same values). Most of a big board's cards are answered ones no screen shows: at
    10,000 cards, a warm open unpacks a fifth of what it did. It is a `Card` in every way
    (equal to the card it stands for, and its copies, `replace`, are plain cards)."""

    __slots__ = ("_packed",)

    def __getattr__(self, name: str) -> Any:
        # Only for a field not set yet (or no field at all): one of the parts kept packed.
        if name not in _KEPT_PACKED:
            raise AttributeError(name)
        packed = _PACKED.__get__(self)
        if packed is not None:
            _fill_later(self, marshal.loads(packed))
            _PACKED.__set__(self, None)
        return object.__getattribute__(self, name)  # set by now, here or by another thread

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Card):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    __hash__ = Card.__hash__

    def replace(self, **changes: Any) -> Card:  # type: ignore[override]  # a plain card, all unpacked
        return Card.unchecked(**(self.as_dict() | changes))


_PACKED = LazyCard._packed  # type: ignore[attr-defined]  # the slot's own descriptor
_FIELDS = Card.field_names()
_fill_later = _make_filler(Card, [(name, _FIELDS.index(name)) for name in KEPT_PACKED])
pack_at_once = _make_packer(Card, AT_ONCE)
"""A card's `AT_ONCE` parts, as a tuple of plain values."""
_fill_at_once = _make_filler(Card, [(name, number) for number, name in enumerate(AT_ONCE)])


def lazy_card(at_once: tuple[Any, ...], packed: bytes) -> Card:
    """The card whose `pack_at_once` tuple is `at_once` and whose whole packed form, marshalled,
    is `packed` (unpacked when one of its other parts is first read)."""
    made = object.__new__(LazyCard)
    _fill_at_once(made, at_once)
    _PACKED.__set__(made, packed)
    return made


def readable(card: Card) -> Card:
    """`card`, or, for a `LazyCard` still packed, a plain copy of it unpacked apart: what
    is worked out from every card in the background (its search text, what it adds to the
    numbers) reads the copy, and the card stays packed. Unpacked for good, the answered
    cards no screen shows took 14 MB more at 10,000 cards."""
    if type(card) is LazyCard and (piece := _PACKED.__get__(card)) is not None:
        return _unpack_card(marshal.loads(piece))
    return card


_unpack_card = unpacker(Card)

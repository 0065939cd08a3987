"""Showing a person's text on a terminal: control characters become visible symbols."""

from __future__ import annotations

import json

import pytest

from fu_board.text import safe_json, visible

DANGEROUS = {
    "\x1b": "␛",  # ESC: starts every escape sequence
    "\x00": "␀",
    "\x07": "␇",  # BEL: ends an OSC title sequence
    "\x08": "␈",
    "\r": "␍",
    "\x1f": "␟",
    "\x7f": "␡",
}
REPLACED = ["\x80", "\x90", "\x9b", "\x9d", "\x9f", "\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u061c"]


@pytest.mark.parametrize(("char", "symbol"), DANGEROUS.items())
@pytest.mark.parametrize("one_line", [False, True])
def test_c0_and_del_become_control_pictures(char: str, symbol: str, one_line: bool) -> None:
    assert visible(f"a{char}b", one_line=one_line) == f"a{symbol}b"


@pytest.mark.parametrize("char", REPLACED)
@pytest.mark.parametrize("one_line", [False, True])
def test_c1_and_bidi_overrides_become_a_replacement_symbol(char: str, one_line: bool) -> None:
    assert visible(f"a{char}b", one_line=one_line) == "a\ufffdb"


def test_every_c0_c1_and_del_is_replaced() -> None:
    controls = [chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\n\t"]
    shown = visible("".join(controls))
    assert len(shown) == len(controls)
    assert not set(shown) & set(controls)
    assert all(not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) for c in shown)


def test_escape_sequences_are_defused() -> None:
    title = "\x1b]0;pwned\x07"
    colour = "\x1b[31mred\x1b[0m"
    csi = "\x9b2J"
    link = "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"
    shown = visible(title + colour + csi + link)
    assert "\x1b" not in shown
    assert "\x9b" not in shown
    assert "\x07" not in shown
    assert shown.startswith("␛]0;pwned␇␛[31mred␛[0m\ufffd2J␛]8;;")


def test_bidi_override_cannot_reorder_text() -> None:
    assert visible("invoice\u202egpj.exe") == "invoice\ufffdgpj.exe"


@pytest.mark.parametrize(
    "text",
    ["", "plain ascii", "Société Générale", "漢字かな", "🙂👩‍💻", "naïve café ß ø", "\u00a0non-breaking", "tab\there"],
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert visible(text) == text


def test_multi_line_mode_keeps_newlines_and_tabs() -> None:
    assert visible("line one\n\tline two\n") == "line one\n\tline two\n"


def test_one_line_mode_shows_newlines_and_flattens_tabs() -> None:
    assert visible("one\ntwo\n", one_line=True) == "one↵two↵"
    assert visible("a\tb", one_line=True) == "a b"
    assert visible("crlf\r\nend", one_line=True) == "crlf␍↵end"
    assert "\n" not in visible("a\n\n\nb\x1b", one_line=True)


def test_visible_does_not_change_its_input() -> None:
    note = "keep\x1b[2J me"
    visible(note)
    assert note == "keep\x1b[2J me"


# safe_json -----------------------------------------------------------------------

JSON_DATA = [
    {
        "company": "Société\x1b[31m",
        "note": "c1\x9b2J del\x7f bidi\u202eevil nul\x00 bell\x07",
        "role": "line\nbreak\ttab",
        "outcome": None,
        "list": ["\u2066iso\u2069", "日本"],
    }
]


def test_safe_json_round_trips() -> None:
    assert json.loads(safe_json(JSON_DATA)) == JSON_DATA


def test_safe_json_escapes_every_control_character() -> None:
    out = safe_json(JSON_DATA)
    for char in ["\x1b", "\x9b", "\x7f", "\u202e", "\x00", "\x07", "\u2066", "\u2069", "\t"]:
        assert char not in out, repr(char)
    assert "\\u001b" in out
    assert "\\u009b" in out
    assert "\\u007f" in out
    assert "\\u202e" in out
    assert "\\n" in out


def test_safe_json_keeps_non_ascii_readable() -> None:
    out = safe_json({"company": "Société Générale", "city": "Zürich", "jp": "日本"})
    assert "Société Générale" in out
    assert "Zürich" in out
    assert "日本" in out
    assert "\\u00e9" not in out


def test_safe_json_layout() -> None:
    assert safe_json([{"a": 1}]) == '[\n  {\n    "a": 1\n  }\n]'
    assert safe_json([{"a": 1}, {"b": "é"}], pretty=False) == '[{"a": 1}, {"b": "é"}]'


def test_safe_json_escapes_controls_on_one_line_too() -> None:
    data = {"note": "a\nb\x1b[31m\u202e"}
    out = safe_json(data, pretty=False)
    assert "\n" not in out
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert json.loads(out) == data


def test_safe_json_every_control_round_trips() -> None:
    data = {"all": "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]) + "\u202a\u202e\u2069"}
    out = safe_json(data)
    assert all(0x20 <= ord(c) < 0x7F or ord(c) >= 0xA0 or c == "\n" for c in out)
    assert json.loads(out) == data

"""The follow-up verbs of `fu-board`: due, interview, followup, thank and snooze (the CLI contract of issue 3).

Every call runs `fu_board.cli.main` in-process with an injected `today`, so no result depends on the real
date; three tests run `python` for real to check the entry point, exit codes and that no verb imports
Textual. The autouse fixture of tests/test_cli.py keeps the real data folder out of reach.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fu_board.model import Board, Card, Channel, EventKind, Interview, InterviewKind, NoKind, Settings, Stage
from fu_board.rules import Reason
from fu_board.store import load_board, save_board
from tests.conftest import leftovers
from tests.test_cli import (  # noqa: F401 (isolated_home: the autouse fixture that keeps the data folder away)
    Result,
    assert_no_raw_controls,
    assert_one_error_line,
    isolated_home,
    run_main,
)
from tests.test_import_hygiene import imported_modules

REPO = Path(__file__).resolve().parents[1]
DUE_KEYS = {"id", "company", "stage", "due", "reason", "overdue_days", "to", "interview"}
INTERVIEW_KEYS = {"date", "time", "kind", "where", "with"}
REASONS = (
    "applied_no_answer",
    "thank_you",
    "decision_passed",
    "after_interview",
    "weekly",
    "close_the_loop",
    "ask_silence_no",
    "snoozed",
    "interview_today",
)


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


APPLIED = D("2026-11-02")
"""A Monday: most cards here are sent that day."""

Fu = Callable[..., Result]


@pytest.fixture
def board(tmp_path: Path) -> Path:
    """Where a test's board lives (not created yet); as in test_cli, whose fixture would clash with ruff's F811."""
    return tmp_path / "data" / "board.toml"


@pytest.fixture
def fu(capsys: pytest.CaptureFixture[str], board: Path) -> Fu:
    """Run `fu-board ARGV --board <the test's board>` in-process on `today` (default APPLIED)."""

    def run(*argv: object, today: dt.date = APPLIED, now: dt.time | None = None) -> Result:
        return run_main(capsys, [*(str(arg) for arg in argv), "--board", str(board)], today=today, now=now)

    return run


def ok(result: Result) -> str:
    """The one line a successful verb printed."""
    assert result.code == 0, result
    assert result.err == "", result.err
    assert result.out.endswith("\n")
    return result.out


def add(fu: Fu, company: str, applied: dt.date = APPLIED) -> str:
    return ok(fu("add", company, "--applied", applied, today=applied)).strip()


def due_json(
    fu: Fu, on: dt.date | str, *, today: dt.date = APPLIED, now: dt.time | None = None
) -> list[dict[str, Any]]:
    data = json.loads(ok(fu("due", "--json", "--date", on, today=today, now=now)))
    assert isinstance(data, list)
    return data


def interview_row(
    day: str, time: str | None = None, kind: str | None = None, where: str = "", *with_: str
) -> dict[str, Any]:
    """The `interview` object of a `due --json` row."""
    return {"date": day, "time": time, "kind": kind, "where": where, "with": list(with_)}


def due_rows(fu: Fu, on: dt.date | str, *, today: dt.date = APPLIED) -> list[tuple[str, str, str, int]]:
    """(id, reason, due, overdue_days) of each card due on `on`, in the order printed."""
    return [(row["id"], row["reason"], row["due"], row["overdue_days"]) for row in due_json(fu, on, today=today)]


def raw_card(path: Path, card_id: str) -> dict[str, Any]:
    """The card's table as TOML holds it, read without fu-board's models."""
    (card,) = [card for card in tomllib.loads(path.read_text("utf-8"))["cards"] if card["id"] == card_id]
    return card


# due --------------------------------------------------------------------------------------------------------------


def test_due_json_has_exactly_the_contract_keys(fu: Fu) -> None:
    card_id = add(fu, "Acme Corp")
    (row,) = due_json(fu, "2026-11-12")
    assert set(row) == DUE_KEYS
    assert row == {
        "id": card_id,
        "company": "Acme Corp",
        "stage": "applied",
        "due": "2026-11-09",
        "reason": "applied_no_answer",
        "overdue_days": 3,
        "to": None,  # no contact on the card
        "interview": None,  # not about an interview
    }
    assert type(row["overdue_days"]) is int


def test_an_application_is_due_on_the_seventh_day_and_stays_due(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    assert due_json(fu, "2026-11-08") == []
    assert due_rows(fu, "2026-11-09") == [(card_id, "applied_no_answer", "2026-11-09", 0)]
    assert due_rows(fu, "2026-11-12") == [(card_id, "applied_no_answer", "2026-11-09", 3)]
    assert due_rows(fu, "2027-01-01") == [(card_id, "applied_no_answer", "2026-11-09", 53)]


def test_due_plain_prints_one_line_per_card(fu: Fu) -> None:
    late = add(fu, "Acme", D("2026-11-02"))
    today = add(fu, "Globex", D("2026-11-05"))
    ok(fu("interview", today, "--date", "2026-11-12", today=D("2026-11-12")))  # thank-you due the same day
    lines = ok(fu("due", "--date", "2026-11-12", today=D("2026-11-12"))).splitlines()
    assert lines == [
        f"{late}  follow-up 3d overdue     Acme  (applied_no_answer)",
        f"{today}  thank-you due today      Globex  (thank_you)",
    ]


def test_due_plain_says_when_nothing_is_due(fu: Fu) -> None:
    add(fu, "Acme")
    assert fu("due", "--date", "2026-11-05") == Result(0, "nothing due on 2026-11-05\n", "")
    assert fu("due", today=D("2026-11-06")) == Result(0, "nothing due on 2026-11-06\n", "")
    assert fu("due", "--json", "--date", "2026-11-05") == Result(0, "[]\n", "")


def test_due_puts_the_most_overdue_first(fu: Fu) -> None:
    # Added in an order that is neither by date nor by name.
    middle = add(fu, "Beta", D("2026-11-03"))
    newest = add(fu, "Alpha", D("2026-11-05"))
    oldest = add(fu, "Zulu", D("2026-10-20"))
    thanks = add(fu, "Gamma", D("2026-10-01"))
    ok(fu("interview", thanks, "--date", "2026-11-08", today=D("2026-11-08")))  # a Sunday: thank-you due on 11-09
    upcoming = add(fu, "Omega", D("2026-11-10"))
    resolved = add(fu, "Aardvark", D("2026-10-01"))
    ok(fu("resolve", resolved, "no", "--date", "2026-10-02"))

    rows = due_rows(fu, "2026-11-12", today=D("2026-11-12"))
    assert rows == [
        (oldest, "applied_no_answer", "2026-10-27", 16),
        (thanks, "thank_you", "2026-11-09", 3),
        (middle, "applied_no_answer", "2026-11-10", 2),
        (newest, "applied_no_answer", "2026-11-12", 0),
    ]
    assert [row[3] for row in rows] == sorted((row[3] for row in rows), reverse=True)
    assert upcoming not in {row[0] for row in rows}
    plain = ok(fu("due", today=D("2026-11-12")))
    assert [line.split()[0] for line in plain.splitlines()] == [row[0] for row in rows]


def test_due_date_in_the_past_and_the_future(fu: Fu) -> None:
    first = add(fu, "Acme", D("2026-11-02"))
    second = add(fu, "Globex", D("2026-11-16"))
    today = D("2026-11-20")
    # The injected today is the default, and relative words count from it.
    assert due_rows(fu, "2026-11-20", today=today) == [(first, "applied_no_answer", "2026-11-09", 11)]
    assert json.loads(ok(fu("due", "--json", today=today))) == due_json(fu, "2026-11-20", today=today)
    assert due_json(fu, "yesterday", today=today) == due_json(fu, "2026-11-19", today=today)
    # In the past: before anything was due, and the day it first was.
    assert due_json(fu, "2026-11-08", today=today) == []
    assert due_json(fu, "2026-10-01", today=today) == []
    assert due_rows(fu, "2026-11-09", today=today) == [(first, "applied_no_answer", "2026-11-09", 0)]
    # In the future: more is due, and what was due grows overdue.
    assert due_rows(fu, "2026-11-23", today=today) == [
        (first, "applied_no_answer", "2026-11-09", 14),
        (second, "applied_no_answer", "2026-11-23", 0),
    ]
    assert due_rows(fu, "tomorrow", today=D("2026-11-22")) == due_rows(fu, "2026-11-23", today=today)
    assert ok(fu("due", "--date", "2026-11-08", today=today)) == "nothing due on 2026-11-08\n"


Step = tuple[tuple[str, ...], str]
"""A verb's arguments ({id} for the card) and the day it runs."""

REASON_STORIES: list[Any] = [
    pytest.param([], "2026-11-09", "applied_no_answer", "applied", None, id="applied_no_answer"),
    pytest.param(
        [(("followup", "{id}", "--date", "2026-11-10"), "2026-11-10")],
        "2026-11-17",
        "applied_no_answer",
        "applied",
        None,
        id="applied_no_answer-counts-from-the-follow-up",
    ),
    pytest.param(
        [(("followup", "{id}", "--date", "2026-11-07"), "2026-11-07")],
        "2026-11-16",  # 7 days after Saturday the 7th is a Saturday: the next Monday
        "applied_no_answer",
        "applied",
        None,
        id="applied_no_answer-off-a-weekend-to-the-monday",
    ),
    pytest.param(
        [
            (("followup", "{id}", "--date", "2026-11-09"), "2026-11-09"),
            (("followup", "{id}", "--date", "2026-11-16"), "2026-11-16"),
        ],
        "2026-11-23",
        "close_the_loop",
        "applied",
        None,
        id="close_the_loop-after-two-nudges",
    ),
    pytest.param(
        [(("interview", "{id}", "--date", "2026-11-10"), "2026-11-10")],
        "2026-11-10",  # the same day
        "thank_you",
        "interviewed",
        "2026-11-10",
        id="thank_you",
    ),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10", "--decision-by", "2026-11-13"), "2026-11-10"),
            (("thank", "{id}"), "2026-11-10"),
        ],
        "2026-11-17",  # Friday 13th, then Monday and Tuesday
        "decision_passed",
        "interviewed",
        "2026-11-10",
        id="decision_passed",
    ),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10"), "2026-11-10"),
            (("thank", "{id}", "--date", "2026-11-11"), "2026-11-11"),
        ],
        "2026-11-17",
        "after_interview",
        "interviewed",
        "2026-11-10",
        id="after_interview",
    ),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10"), "2026-11-10"),
            (("followup", "{id}", "--date", "2026-11-12"), "2026-11-12"),
        ],
        "2026-11-19",
        "weekly",
        "followed_up",
        "2026-11-10",
        id="weekly",
    ),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10"), "2026-11-10"),
            (("followup", "{id}", "--date", "2026-11-12"), "2026-11-12"),
            (("followup", "{id}", "--date", "2026-11-19"), "2026-11-19"),
        ],
        "2026-11-26",
        "close_the_loop",
        "followed_up",
        "2026-11-10",
        id="close_the_loop",
    ),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10"), "2026-11-10"),
            (("followup", "{id}", "--date", "2026-11-12"), "2026-11-12"),
            (("followup", "{id}", "--date", "2026-11-19"), "2026-11-19"),
            (("followup", "{id}", "--date", "2026-11-26"), "2026-11-26"),
        ],
        "2026-12-03",
        "ask_silence_no",
        "followed_up",
        "2026-11-10",
        id="ask_silence_no",
    ),
    pytest.param([(("snooze", "{id}", "3d"), "2026-11-03")], "2026-11-06", "snoozed", "applied", None, id="snoozed"),
    pytest.param(
        [
            (("interview", "{id}", "--date", "2026-11-10"), "2026-11-10"),
            (("snooze", "{id}", "2026-11-30"), "2026-11-10"),
        ],
        "2026-11-30",
        "snoozed",
        "interviewed",
        None,
        id="snoozed-over-a-thank-you",
    ),
]


@pytest.mark.parametrize(("steps", "due", "reason", "stage", "about"), REASON_STORIES)
def test_due_gives_each_reason(
    fu: Fu, *, steps: list[Step], due: str, reason: str, stage: str, about: str | None
) -> None:
    card_id = add(fu, "Acme")
    for argv, day in steps:
        ok(fu(*(arg.replace("{id}", card_id) for arg in argv), today=D(day)))
    day_before = D(due) - dt.timedelta(days=1)
    assert due_json(fu, day_before) == []
    assert due_json(fu, due) == [
        {
            "id": card_id,
            "company": "Acme",
            "stage": stage,
            "due": due,
            "reason": reason,
            "overdue_days": 0,
            "to": None,  # nobody named on the card
            "interview": None if about is None else interview_row(about),
        }
    ]
    assert due_rows(fu, D(due) + dt.timedelta(days=4)) == [(card_id, reason, due, 4)]


def test_every_reason_is_covered_above() -> None:
    assert set(REASONS) == {reason.value for reason in Reason}
    # interview_today is due on its day only (then the interview is held): its own test below.
    assert {param.values[2] for param in REASON_STORIES} == set(REASONS) - {"interview_today"}


def test_a_resolved_card_is_never_due(fu: Fu) -> None:
    card_id = add(fu, "Acme")
    assert [row[0] for row in due_rows(fu, "2026-11-20")] == [card_id]
    ok(fu("resolve", card_id, "withdrawn", "--date", "2026-11-20", today=D("2026-11-20")))
    assert due_json(fu, "2026-11-20") == []
    assert due_json(fu, "2027-06-01") == []


def test_due_follows_the_numbers_in_the_board_settings(fu: Fu, board: Path) -> None:
    settings = Settings(applied_first_days=3, decision_business_days=1)
    save_board(board, Board(settings=settings, cards=(Card(id="abcd", company="Acme", applied=APPLIED),)))
    assert due_rows(fu, "2026-11-05") == [("abcd", "applied_no_answer", "2026-11-05", 0)]
    ok(fu("interview", "abcd", "--date", "2026-11-12", "--decision-by", "2026-11-13", today=D("2026-11-12")))
    ok(fu("thank", "abcd", today=D("2026-11-12")))
    assert due_rows(fu, "2026-11-16") == [("abcd", "decision_passed", "2026-11-16", 0)]


@pytest.mark.parametrize(
    ("settings", "applied", "due"),
    [
        pytest.param(Settings(applied_first_days=5), "2026-11-02", "2026-11-09", id="saturday-to-monday"),
        pytest.param(
            Settings(applied_first_days=5, skip_weekends=False), "2026-11-02", "2026-11-07", id="weekends-kept"
        ),
        pytest.param(Settings(), "2026-11-19", "2026-11-26", id="no-country-thanksgiving-is-a-day-like-any"),
        pytest.param(Settings(country="US"), "2026-11-19", "2026-11-27", id="us-thanksgiving-to-friday"),
    ],
)
def test_no_follow_up_falls_due_on_a_weekend_or_a_holiday_of_the_country_set(
    fu: Fu, board: Path, settings: Settings, applied: str, due: str
) -> None:
    save_board(board, Board(settings=settings, cards=(Card(id="abcd", company="Acme", applied=D(applied)),)))
    assert due_json(fu, D(due) - dt.timedelta(days=1)) == []
    assert due_rows(fu, due) == [("abcd", "applied_no_answer", due, 0)]


def test_due_on_a_missing_board_is_empty_says_why_and_creates_nothing(fu: Fu, board: Path) -> None:
    note = f"fu-board: no board yet at {board}; fu-board --board {board} add COMPANY starts one\n"
    assert fu("due", "--json") == Result(0, "[]\n", note)
    assert fu("due", "--date", "2026-11-09") == Result(0, "nothing due on 2026-11-09\n", note)
    assert not board.parent.exists()


def test_due_writes_nothing(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", today=D("2026-11-10")))
    before = board.read_bytes()
    for argv in (("due",), ("due", "--json"), ("due", "--date", "2026-12-24")):
        assert fu(*argv, today=D("2026-11-20")).code == 0
    assert board.read_bytes() == before
    assert leftovers(board.parent) == ["board.toml"]


def test_due_shows_hostile_names_as_text(fu: Fu) -> None:
    ids = {add(fu, company): company for company in ("\x1b]0;pwned\x07", "Acme\u202eevil", "two\nlines")}
    plain = ok(fu("due", today=D("2026-11-10")))
    assert_no_raw_controls(plain)
    assert len(plain.splitlines()) == 3
    raw = ok(fu("due", "--json", today=D("2026-11-10")))
    assert_no_raw_controls(raw)
    assert {row["id"]: row["company"] for row in json.loads(raw)} == ids


# interview --------------------------------------------------------------------------------------------------------


def test_interview_writes_the_interview_the_decision_date_and_an_event(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    result = fu(
        "interview",
        card_id,
        "--date",
        "2026-11-10",
        "--with",
        "Ada Lovelace, Bob ,,",
        "--decision-by",
        "2026-11-13",
        today=D("2026-11-10"),
    )
    assert ok(result) == (
        f"{card_id} interview on 2026-11-10 logged; next follow-up 2026-11-10 (thank_you, to Ada Lovelace)\n"
    )

    card = load_board(board).card(card_id)
    assert card.stage is Stage.INTERVIEWED
    assert card.furthest_stage is Stage.INTERVIEWED
    assert card.interviews == (Interview(date=D("2026-11-10"), id=1, interviewers=("Ada Lovelace", "Bob")),)
    assert card.decision_expected == D("2026-11-13")
    assert (card.timeline[-1].kind, card.timeline[-1].date) == (EventKind.INTERVIEWED, D("2026-11-10"))

    raw = raw_card(board, card_id)
    assert raw["stage"] == "interviewed"
    assert raw["decision_expected"] == D("2026-11-13")
    assert raw["interviews"] == [{"date": D("2026-11-10"), "id": 1, "interviewers": ["Ada Lovelace", "Bob"]}]
    assert raw["timeline"][-1] == {
        "date": D("2026-11-10"),
        "kind": "interviewed",
        "note": "with Ada Lovelace, Bob; decision by 2026-11-13",
    }


def test_interview_defaults_to_today_without_names_or_decision(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    today = D("2026-11-12")
    assert ok(fu("interview", card_id, today=today)) == (
        f"{card_id} interview on 2026-11-12 logged; next follow-up 2026-11-12 (thank_you)\n"
    )
    raw = raw_card(board, card_id)
    assert raw["interviews"] == [{"date": today, "id": 1}]
    assert "decision_expected" not in raw
    assert raw["timeline"][-1] == {"date": today, "kind": "interviewed"}


def test_interview_dates_can_be_words(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "yesterday", "--decision-by", "tomorrow", today=D("2026-11-12")))
    card = load_board(board).card(card_id)
    assert (card.interviews[-1].date, card.decision_expected) == (D("2026-11-11"), D("2026-11-13"))


def test_a_scheduled_interview_and_a_decision_on_the_same_day_are_accepted(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    out = ok(fu("interview", card_id, "--date", "2026-11-20", "--decision-by", "2026-11-20", today=D("2026-11-12")))
    assert out == f"{card_id} interview on 2026-11-20 scheduled; next: interview Fri 20 Nov\n"
    raw = raw_card(board, card_id)
    assert raw["decision_expected"] == D("2026-11-20")
    assert raw["stage"] == "interviewed"
    assert raw["timeline"][-1] == {"date": D("2026-11-20"), "kind": "interviewed", "note": "decision by 2026-11-20"}
    # While it is booked the cadence waits: the nudge due since 11-09 is not asked for.
    assert due_json(fu, "2026-11-12", today=D("2026-11-12")) == []
    assert due_json(fu, "2026-11-19", today=D("2026-11-12")) == []
    # From its day on it is held: the thank-you is owed that day.
    assert due_rows(fu, "2026-11-20", today=D("2026-11-20")) == [(card_id, "thank_you", "2026-11-20", 0)]


def test_interview_takes_a_time_a_kind_a_place_and_each_interviewer(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    result = fu(
        "interview",
        card_id,
        "--date",
        "2026-11-10",
        "--time",
        "9:30",
        "--kind",
        "Phone-Screen",
        "--where",
        "https://meet.example/abc",
        "--with",
        "Monica Hall",
        "--with",
        "Richard Roe, Ann",  # the comma form, within a repeated --with
        "--note",
        "asked about SLOs",
        today=D("2026-11-10"),
    )
    assert ok(result) == (
        f"{card_id} interview on 2026-11-10 09:30 logged; next follow-up 2026-11-10 (thank_you, to Monica Hall)\n"
    )
    raw = raw_card(board, card_id)
    assert raw["interviews"] == [
        {
            "date": D("2026-11-10"),
            "time": "09:30",
            "id": 1,
            "kind": "phone_screen",
            "where": "https://meet.example/abc",
            "interviewers": ["Monica Hall", "Richard Roe", "Ann"],
            "note": "asked about SLOs",
        }
    ]
    assert raw["timeline"][-1] == {
        "date": D("2026-11-10"),
        "kind": "interviewed",
        "note": "phone screen 09:30 with Monica Hall, Richard Roe, Ann",
    }
    (interview,) = load_board(board).card(card_id).interviews
    assert interview == Interview(
        date=D("2026-11-10"),
        time="09:30",
        id=1,
        kind=InterviewKind.PHONE_SCREEN,
        where="https://meet.example/abc",
        interviewers=("Monica Hall", "Richard Roe", "Ann"),
        note="asked about SLOs",
    )


@pytest.mark.parametrize(
    ("date", "now", "said"),
    [
        pytest.param("2026-11-20", None, "scheduled; next: interview Fri 20 Nov 14:00", id="a-later-day"),
        pytest.param("2026-11-12", dt.time(9, 0), "scheduled; next: interview today 14:00", id="later-today"),
        pytest.param(
            "2026-11-12",
            dt.time(15, 0),
            "logged; next follow-up 2026-11-12 (thank_you, to Grace Hopper)",
            id="earlier-today",
        ),
        pytest.param(
            "2026-11-12", None, "logged; next follow-up 2026-11-12 (thank_you, to Grace Hopper)", id="the-day-is-over"
        ),
    ],
)
def test_an_interview_still_to_come_is_scheduled(
    fu: Fu, board: Path, date: str, now: dt.time | None, said: str
) -> None:
    card_id = add(fu, "Acme")
    args = ("interview", card_id, "--date", date, "--time", "14:00", "--kind", "onsite", "--with", "Grace Hopper")
    out = ok(fu(*args, today=D("2026-11-12"), now=now))
    assert out == f"{card_id} interview on {date} 14:00 {said}\n"
    raw = raw_card(board, card_id)
    assert raw["stage"] == "interviewed"
    assert raw["interviews"] == [
        {"date": D(date), "time": "14:00", "id": 1, "kind": "onsite", "interviewers": ["Grace Hopper"]}
    ]
    assert raw["timeline"][-1] == {"date": D(date), "kind": "interviewed", "note": "onsite 14:00 with Grace Hopper"}


def test_booking_the_next_round_keeps_the_thank_you_owed_for_the_first(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-12-01", "--with", "Monica Hall", today=D("2026-12-01")))
    out = ok(fu("interview", card_id, "--date", "2026-12-10", "--time", "10:00", today=D("2026-12-01")))
    assert (
        out
        == f"{card_id} interview on 2026-12-10 10:00 scheduled; next follow-up 2026-12-01 (thank_you, to Monica Hall)\n"
    )
    assert due_json(fu, "2026-12-02", today=D("2026-12-02")) == [
        {
            "id": card_id,
            "company": "Acme",
            "stage": "interviewed",
            "due": "2026-12-01",
            "reason": "thank_you",
            "overdue_days": 1,
            "to": "Monica Hall",
            "interview": interview_row("2026-12-01", None, None, "", "Monica Hall"),
        }
    ]
    ok(fu("thank", card_id, today=D("2026-12-02")))
    assert due_json(fu, "2026-12-09", today=D("2026-12-02")) == []  # the cadence waits for round two


def test_a_second_interview_moves_a_followed_up_card_back_and_a_thank_you_is_owed_again(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", today=D("2026-11-10")))
    ok(fu("followup", card_id, "--date", "2026-11-12", today=D("2026-11-12")))
    out = ok(fu("interview", card_id, "--date", "2026-11-16", "--with", "Grace", today=D("2026-11-16")))
    assert out == f"{card_id} interview on 2026-11-16 logged; next follow-up 2026-11-16 (thank_you, to Grace)\n"
    raw = raw_card(board, card_id)
    assert (raw["stage"], raw["furthest_stage"]) == ("interviewed", "followed_up")
    assert [interview["date"] for interview in raw["interviews"]] == [D("2026-11-10"), D("2026-11-16")]


# followup ---------------------------------------------------------------------------------------------------------


def test_followup_writes_the_channel_and_note_and_moves_an_interviewed_card(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", today=D("2026-11-10")))
    result = fu(
        "followup",
        card_id,
        "--date",
        "2026-11-12",
        "--channel",
        "phone",
        "--note",
        "left a voicemail",
        today=D("2026-11-13"),
    )
    assert ok(result) == f"{card_id} follow-up on 2026-11-12 logged; next follow-up 2026-11-19 (weekly)\n"

    raw = raw_card(board, card_id)
    assert raw["stage"] == "followed_up"
    assert raw["furthest_stage"] == "followed_up"
    assert raw["timeline"][-1] == {
        "date": D("2026-11-12"),
        "kind": "followed_up",
        "note": "left a voicemail",
        "channel": "phone",
    }
    event = load_board(board).card(card_id).timeline[-1]
    assert (event.kind, event.channel, event.note) == (EventKind.FOLLOWED_UP, Channel.PHONE, "left a voicemail")


@pytest.mark.parametrize(
    ("spelling", "stored"),
    [
        ("email", "email"),
        ("phone", "phone"),
        ("linkedin", "linkedin"),
        ("LinkedIn", "linkedin"),
        ("in_person", "in_person"),
        ("in-person", "in_person"),
        ("In-Person", "in_person"),
        ("in person", "in_person"),
        ("EMAIL", "email"),
    ],
)
def test_followup_channel_spellings(fu: Fu, board: Path, spelling: str, stored: str) -> None:
    card_id = add(fu, "Acme")
    ok(fu("followup", card_id, "--channel", spelling, today=D("2026-11-09")))
    assert raw_card(board, card_id)["timeline"][-1]["channel"] == stored
    assert load_board(board).card(card_id).timeline[-1].channel is Channel(stored)


def test_followup_defaults_to_today_with_no_channel_and_keeps_an_application_in_applied(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    out = ok(fu("followup", card_id, today=D("2026-11-09")))
    assert out == f"{card_id} follow-up on 2026-11-09 logged; next follow-up 2026-11-16 (applied_no_answer)\n"
    raw = raw_card(board, card_id)
    assert raw["stage"] == "applied"
    assert raw["timeline"][-1] == {"date": D("2026-11-09"), "kind": "followed_up"}
    assert load_board(board).card(card_id).timeline[-1].channel is None


# thank ------------------------------------------------------------------------------------------------------------


def test_thank_writes_the_event_and_keeps_the_card_in_its_column(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", today=D("2026-11-10")))
    out = ok(fu("thank", card_id, "--date", "2026-11-10", today=D("2026-11-11")))
    assert out == f"{card_id} thank-you on 2026-11-10 logged; next follow-up 2026-11-17 (after_interview)\n"
    raw = raw_card(board, card_id)
    assert raw["stage"] == "interviewed"
    assert raw["timeline"][-1] == {"date": D("2026-11-10"), "kind": "thank_you"}
    card = load_board(board).card(card_id)
    assert [event.kind for event in card.timeline] == [EventKind.APPLIED, EventKind.INTERVIEWED, EventKind.THANK_YOU]


def test_thank_defaults_to_today(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", "--decision-by", "2026-11-20", today=D("2026-11-10")))
    out = ok(fu("thank", card_id, today=D("2026-11-11")))
    assert out == f"{card_id} thank-you on 2026-11-11 logged; next follow-up 2026-11-24 (decision_passed)\n"
    assert raw_card(board, card_id)["timeline"][-1] == {"date": D("2026-11-11"), "kind": "thank_you"}


def test_thank_to_one_interviewer_by_first_name_leaves_the_other_owed(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", "--with", "Monica Hall, Richard Roe", today=D("2026-11-10")))
    out = ok(fu("thank", card_id, "--to", "MONICA", today=D("2026-11-10")))
    assert out == (
        f"{card_id} thank-you to Monica Hall on 2026-11-10 logged; "
        "next follow-up 2026-11-10 (thank_you, to Richard Roe)\n"
    )
    assert raw_card(board, card_id)["timeline"][-1] == {
        "date": D("2026-11-10"),
        "kind": "thank_you",
        "person": "Monica Hall",
    }
    assert [(row["reason"], row["to"]) for row in due_json(fu, "2026-11-11")] == [("thank_you", "Richard Roe")]
    out = ok(fu("thank", card_id, "--to", "richard roe", "--date", "2026-11-10", today=D("2026-11-11")))
    assert (
        out == f"{card_id} thank-you to Richard Roe on 2026-11-10 logged; next follow-up 2026-11-17 (after_interview)\n"
    )
    assert due_json(fu, "2026-11-11") == []
    card = load_board(board).card(card_id)
    assert [(event.kind, event.person) for event in card.timeline[-2:]] == [
        (EventKind.THANK_YOU, "Monica Hall"),
        (EventKind.THANK_YOU, "Richard Roe"),
    ]


def test_thank_to_somebody_not_at_the_interview_is_refused_and_writes_nothing(fu: Fu, board: Path) -> None:
    card_id = ok(fu("add", "Acme", "--applied", APPLIED, "--contact", "Jo Lee")).strip()
    ok(fu("interview", card_id, "--date", "2026-11-10", "--with", "Monica Hall", today=D("2026-11-10")))
    before = board.read_bytes()
    result = fu("thank", card_id, "--to", "Zed", today=D("2026-11-10"))
    assert_one_error_line(result)
    assert result.err == (
        "fu-board: error: nobody of that name was at an interview with Acme; on this card: Monica Hall, Jo Lee\n"
    )
    assert board.read_bytes() == before
    assert leftovers(board.parent) == ["board.toml"]


# due --json: a row for each person, and today's interviews ---------------------------------------------------------


def test_due_json_has_a_thank_you_row_for_each_interviewer_owed(fu: Fu) -> None:
    card_id = ok(fu("add", "Hooli", "--applied", APPLIED, "--contact", "Gavin Belson")).strip()
    args = ("--date", "2026-11-24", "--time", "10:00", "--kind", "technical", "--where", "https://meet.example/x")
    ok(fu("interview", card_id, *args, "--with", "Monica Hall", "--with", "Richard Roe", today=D("2026-11-24")))
    about = interview_row("2026-11-24", "10:00", "technical", "https://meet.example/x", "Monica Hall", "Richard Roe")
    row = {"id": card_id, "company": "Hooli", "stage": "interviewed", "due": "2026-11-24", "reason": "thank_you"}
    rows = due_json(fu, "2026-11-25", today=D("2026-11-25"))
    assert rows == [
        {**row, "overdue_days": 1, "to": "Monica Hall", "interview": about},
        {**row, "overdue_days": 1, "to": "Richard Roe", "interview": about},
    ]
    assert set(rows[0]["interview"]) == INTERVIEW_KEYS
    assert ok(fu("due", today=D("2026-11-25"))).splitlines() == [
        f"{card_id}  thank-you 1d overdue     Hooli  (thank_you, to Monica Hall)",
        f"{card_id}  thank-you 1d overdue     Hooli  (thank_you, to Richard Roe)",
    ]
    # Thanked, the cadence follows, to the card's contact.
    ok(fu("thank", card_id, today=D("2026-11-25")))
    assert due_json(fu, "2026-12-01", today=D("2026-11-25")) == [
        {
            **row,
            "due": "2026-12-01",
            "reason": "after_interview",
            "overdue_days": 0,
            "to": "Gavin Belson",
            "interview": about,
        }
    ]


def test_due_shows_a_timed_interview_later_today_first(fu: Fu) -> None:
    late = add(fu, "Globex", D("2026-11-02"))
    booked = ok(fu("add", "Acme", "--applied", APPLIED, "--contact", "Jo Lee")).strip()
    args = ("--date", "2026-11-20", "--time", "14:00", "--kind", "onsite", "--where", "1 Main St")
    ok(fu("interview", booked, *args, today=D("2026-11-12")))
    about = interview_row("2026-11-20", "14:00", "onsite", "1 Main St")
    interview = {
        "id": booked,
        "company": "Acme",
        "stage": "interviewed",
        "due": "2026-11-20",
        "reason": "interview_today",
        "overdue_days": 0,
        "to": None,
        "interview": about,
    }
    nudge = {
        "id": late,
        "company": "Globex",
        "stage": "applied",
        "due": "2026-11-09",
        "reason": "applied_no_answer",
        "overdue_days": 11,
        "to": None,
        "interview": None,
    }
    morning = D("2026-11-20"), dt.time(9, 0)
    assert json.loads(ok(fu("due", "--json", today=morning[0], now=morning[1]))) == [interview, nudge]
    assert ok(fu("due", today=morning[0], now=morning[1])).splitlines() == [
        f"{booked}  interview today 14:00    Acme  (onsite, 1 Main St)",
        f"{late}  follow-up 11d overdue    Globex  (applied_no_answer)",
    ]
    # The day before, nothing for it (the cadence waits); seen ahead, that day starts with it.
    assert due_rows(fu, "2026-11-19", today=D("2026-11-19")) == [(late, "applied_no_answer", "2026-11-09", 10)]
    assert due_json(fu, "2026-11-20", today=D("2026-11-12"))[0] == interview
    # Once its time has passed it is held: the thank-you (to the contact, nobody else named) is owed.
    thank_you = {**interview, "reason": "thank_you", "to": "Jo Lee"}
    assert json.loads(ok(fu("due", "--json", today=D("2026-11-20"), now=dt.time(15, 0)))) == [nudge, thank_you]


# resolve --kind form --------------------------------------------------------------------------------------------------


def test_resolve_a_form_rejection(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("interview", card_id, "--date", "2026-11-10", today=D("2026-11-10")))
    out = ok(fu("resolve", card_id, "no", "--kind", "form", "--date", "2026-11-12", today=D("2026-11-12")))
    assert out == f"{card_id} resolved: no\nNo #1: every no is a step closer to the yes.\n"  # counted, and greeted
    raw = raw_card(board, card_id)
    assert (raw["stage"], raw["outcome"], raw["no_kind"]) == ("resolved", "no", "form")
    assert raw["timeline"][-1] == {
        "date": D("2026-11-12"),
        "kind": "resolved",
        "outcome": "no",
        "no_kind": "form",
        "from_stage": "interviewed",
    }
    assert load_board(board).card(card_id).no_kind is NoKind.FORM
    assert due_json(fu, "2026-12-01") == []


# snooze -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "until"),
    [
        ("tomorrow", "2026-11-13"),
        ("Tomorrow", "2026-11-13"),
        ("1d", "2026-11-13"),
        ("3d", "2026-11-16"),  # a wait that ends on a Sunday ends on the Monday
        ("3D", "2026-11-16"),
        ("2w", "2026-11-26"),
        ("2026-12-01", "2026-12-01"),
        ("2027-01-04", "2027-01-04"),
    ],
)
def test_snooze_writes_the_date_and_an_event(fu: Fu, board: Path, when: str, until: str) -> None:
    card_id = add(fu, "Acme")
    assert ok(fu("snooze", card_id, when, today=D("2026-11-12"))) == f"{card_id} snoozed until {until}\n"
    raw = raw_card(board, card_id)
    assert raw["snoozed_until"] == D(until)
    assert raw["timeline"][-1] == {"date": D("2026-11-12"), "kind": "snoozed", "note": f"until {until}"}
    assert load_board(board).card(card_id).snoozed_until == D(until)
    assert due_rows(fu, until) == [(card_id, "snoozed", until, 0)]


def test_snoozing_until_tomorrow_on_a_friday_lands_on_monday(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    assert ok(fu("snooze", card_id, "tomorrow", today=D("2026-11-13"))) == f"{card_id} snoozed until 2026-11-16\n"
    assert raw_card(board, card_id)["snoozed_until"] == D("2026-11-16")


def test_a_second_snooze_replaces_the_first_and_a_follow_up_ends_it(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme")
    ok(fu("snooze", card_id, "2w", today=D("2026-11-09")))
    ok(fu("snooze", card_id, "3d", today=D("2026-11-10")))
    assert raw_card(board, card_id)["snoozed_until"] == D("2026-11-13")
    assert due_rows(fu, "2026-11-13") == [(card_id, "snoozed", "2026-11-13", 0)]
    ok(fu("followup", card_id, "--channel", "email", today=D("2026-11-13")))
    assert "snoozed_until" not in raw_card(board, card_id)
    assert due_rows(fu, "2026-11-20") == [(card_id, "applied_no_answer", "2026-11-20", 0)]


# a whole story ----------------------------------------------------------------------------------------------------


def test_a_whole_story_through_the_cli(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme", D("2026-11-02"))  # a Monday

    # Seven days on, no answer: follow up.
    assert due_json(fu, "2026-11-08") == []
    assert due_rows(fu, "2026-11-09") == [(card_id, "applied_no_answer", "2026-11-09", 0)]

    # An interview; they will decide by Friday the 13th.
    out = ok(fu("interview", card_id, "--with", "Ada", "--decision-by", "2026-11-13", today=D("2026-11-10")))
    assert out == f"{card_id} interview on 2026-11-10 logged; next follow-up 2026-11-10 (thank_you, to Ada)\n"
    assert due_rows(fu, "2026-11-10") == [(card_id, "thank_you", "2026-11-10", 0)]  # the same day
    assert due_rows(fu, "2026-11-11") == [(card_id, "thank_you", "2026-11-10", 1)]

    # The thank-you, a day late; then two business days after the Friday, over the weekend, is Tuesday.
    out = ok(fu("thank", card_id, today=D("2026-11-11")))
    assert out == f"{card_id} thank-you to Ada on 2026-11-11 logged; next follow-up 2026-11-17 (decision_passed)\n"
    for quiet_day in ("2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16"):
        assert due_json(fu, quiet_day) == [], quiet_day
    assert due_rows(fu, "2026-11-17") == [(card_id, "decision_passed", "2026-11-17", 0)]
    assert due_rows(fu, "2026-11-19") == [(card_id, "decision_passed", "2026-11-17", 2)]

    # A phone call on Thursday; then every week.
    out = ok(fu("followup", card_id, "--channel", "phone", "--note", "still deciding", today=D("2026-11-19")))
    assert out == f"{card_id} follow-up on 2026-11-19 logged; next follow-up 2026-11-26 (weekly)\n"
    assert due_json(fu, "2026-11-25") == []
    assert due_rows(fu, "2026-11-26") == [(card_id, "weekly", "2026-11-26", 0)]

    # They asked for two more weeks.
    assert ok(fu("snooze", card_id, "2w", today=D("2026-11-26"))) == f"{card_id} snoozed until 2026-12-10\n"
    assert due_json(fu, "2026-11-26") == []
    assert due_json(fu, "2026-12-09") == []
    assert due_json(fu, "2026-12-10") == [
        {
            "id": card_id,
            "company": "Acme",
            "stage": "followed_up",
            "due": "2026-12-10",
            "reason": "snoozed",
            "overdue_days": 0,
            "to": None,
            "interview": None,
        }
    ]
    assert due_rows(fu, "2026-12-13") == [(card_id, "snoozed", "2026-12-10", 3)]
    assert ok(fu("due", today=D("2026-12-13"))).startswith(f"{card_id}  follow-up 3d overdue")

    raw = raw_card(board, card_id)
    assert [(event["kind"], event["date"]) for event in raw["timeline"]] == [
        ("applied", D("2026-11-02")),
        ("interviewed", D("2026-11-10")),
        ("thank_you", D("2026-11-11")),
        ("followed_up", D("2026-11-19")),
        ("snoozed", D("2026-11-26")),
    ]
    assert raw["timeline"][2]["person"] == "Ada"  # the one interviewer owed
    assert raw["timeline"][3]["channel"] == "phone"
    assert raw["timeline"][3]["note"] == "still deciding"
    assert raw["interviews"] == [{"date": D("2026-11-10"), "id": 1, "interviewers": ["Ada"]}]
    assert (raw["stage"], raw["decision_expected"], raw["snoozed_until"]) == (
        "followed_up",
        D("2026-11-13"),
        D("2026-12-10"),
    )
    card = load_board(board).card(card_id)
    assert (card.stage, card.snoozed_until, card.outcome) == (Stage.FOLLOWED_UP, D("2026-12-10"), None)


def test_the_cadence_ends_in_a_question_and_only_the_person_answers_it(fu: Fu, board: Path) -> None:
    card_id = add(fu, "Acme", D("2026-11-02"))
    ok(fu("interview", card_id, "--date", "2026-11-10", "--with", "Ada", today=D("2026-11-10")))
    ok(fu("thank", card_id, today=D("2026-11-10")))
    assert due_rows(fu, "2026-11-17") == [(card_id, "after_interview", "2026-11-17", 0)]
    # Follow-up 1, then 2 (a new angle), then the message that asks for a definite answer.
    out = ok(fu("followup", card_id, today=D("2026-11-17")))
    assert out == f"{card_id} follow-up on 2026-11-17 logged; next follow-up 2026-11-24 (weekly)\n"
    out = ok(fu("followup", card_id, today=D("2026-11-24")))
    assert out == f"{card_id} follow-up on 2026-11-24 logged; next follow-up 2026-12-01 (close_the_loop)\n"
    (row,) = due_json(fu, "2026-12-01")
    assert (row["reason"], row["due"], row["to"]) == ("close_the_loop", "2026-12-01", "Ada")
    assert row["interview"] == interview_row("2026-11-10", None, None, "", "Ada")
    out = ok(fu("followup", card_id, "--note", "asked for a yes or no", today=D("2026-12-01")))
    assert out == f"{card_id} follow-up on 2026-12-01 logged; next follow-up 2026-12-08 (ask_silence_no)\n"
    # The question about the silence stays due, growing overdue: no rule resolves the card.
    assert due_json(fu, "2026-12-07") == []
    assert due_rows(fu, "2026-12-08") == [(card_id, "ask_silence_no", "2026-12-08", 0)]
    assert due_rows(fu, "2027-01-08") == [(card_id, "ask_silence_no", "2026-12-08", 31)]
    assert raw_card(board, card_id)["stage"] == "followed_up"
    lines = ok(fu("resolve", card_id, "no", "--kind", "silence", today=D("2026-12-08"))).splitlines()
    assert lines == [f"{card_id} resolved: no", "No #1 (silence counts as a no): every no is a step closer to the yes."]
    assert due_json(fu, "2027-01-08") == []
    assert raw_card(board, card_id)["timeline"][-1] == {
        "date": D("2026-12-08"),
        "kind": "resolved",
        "outcome": "no",
        "no_kind": "silence",
        "from_stage": "followed_up",
    }


# bad input: exit 2, one line on stderr, the file byte-identical ----------------------------------------------------

BAD_INPUT = [
    # move: the columns a card is moved to, not Resolved (reached with `resolve`)
    pytest.param(
        ("move", "{open}", "nowhere"),
        "'nowhere' is not a stage; use one of applied, interviewed, followed_up (",
        id="move-unknown-stage",
    ),
    pytest.param(("move", "{open}", "resolved"), "fu-board resolve ID yes|no|withdrawn", id="move-to-resolved"),
    # move: never invents the interview or the follow-up
    pytest.param(
        ("move", "{open}", "followed_up"),
        "log the follow-up instead, and the card moves (f, or fu-board followup ID)",
        id="move-to-followed-up-without-a-follow-up",
    ),
    pytest.param(
        ("move", "{done}", "interviewed"),
        "log the interview instead (i on the board, fu-board interview ID --date D)",
        id="reopen-into-interviewed-without-an-interview",
    ),
    # interview
    pytest.param(("interview", "{open}", "--date", "2026-13-01"), "2026-13-01", id="interview-bad-month"),
    pytest.param(("interview", "{open}", "--date", "2026-02-30"), "2026-02-30", id="interview-bad-day"),
    pytest.param(("interview", "{open}", "--decision-by", "someday"), "someday", id="interview-bad-decision-date"),
    pytest.param(
        ("interview", "{open}", "--date", "2026-11-12", "--decision-by", "2026-11-11"),
        "before the interview",
        id="interview-decision-before-interview",
    ),
    pytest.param(
        ("interview", "{open}", "--decision-by", "yesterday"), "before the interview", id="interview-decision-yesterday"
    ),
    pytest.param(
        ("interview", "{open}", "--date", "2026-11-01"),
        "before the application was sent (2026-11-02)",
        id="interview-before-applied",
    ),
    pytest.param(("interview", "{done}"), "resolved", id="interview-resolved-card"),
    pytest.param(("interview", "zzzz"), "no card has the id 'zzzz'", id="interview-unknown-id"),
    pytest.param(("interview",), "ID", id="interview-missing-id"),
    pytest.param(("interview", "{open}", "--with"), "--with", id="interview-with-without-value"),
    pytest.param(
        ("interview", "{open}", "--time", "25:00"),
        "argument --time: '25:00' is not a time of day like 09:30 or 14:00 (24-hour)",
        id="interview-hour-25",
    ),
    pytest.param(("interview", "{open}", "--time", "2pm"), "'2pm' is not a time of day", id="interview-time-2pm"),
    pytest.param(("interview", "{open}", "--time", "14:60"), "'14:60' is not a time of day", id="interview-minute-60"),
    pytest.param(("interview", "{open}", "--time", ""), "'' is not a time of day", id="interview-empty-time"),
    pytest.param(
        ("interview", "{open}", "--kind", "lunch"),
        "argument --kind: 'lunch' is not a kind of interview; use one of phone_screen, video, technical, onsite,"
        " final, other",
        id="interview-bad-kind",
    ),
    pytest.param(("interview", "{open}", "--kind", ""), "is not a kind of interview", id="interview-empty-kind"),
    # followup
    pytest.param(("followup", "{open}", "--channel", "fax"), "email, phone, linkedin, in_person", id="followup-fax"),
    pytest.param(("followup", "{open}", "--channel", "carrier pigeon"), "carrier pigeon", id="followup-pigeon"),
    pytest.param(("followup", "{open}", "--channel", ""), "channel", id="followup-empty-channel"),
    pytest.param(("followup", "{open}", "--date", "11/12/2026"), "11/12/2026", id="followup-slash-date"),
    pytest.param(
        ("followup", "{open}", "--date", "2026-11-01"),
        "before the application was sent (2026-11-02)",
        id="followup-before-applied",
    ),
    pytest.param(("followup", "{done}", "--channel", "email"), "resolved", id="followup-resolved-card"),
    pytest.param(("followup", "zzzz"), "no card has the id 'zzzz'", id="followup-unknown-id"),
    pytest.param(("followup", "{open}", "--note", "caf\udce9"), "--note", id="followup-undecodable-note"),
    pytest.param(("followup",), "ID", id="followup-missing-id"),
    # thank
    pytest.param(("thank", "{open}", "--date", "next week"), "next week", id="thank-word-date"),
    pytest.param(
        ("thank", "{open}", "--date", "2026-11-01"),
        "before the application was sent (2026-11-02)",
        id="thank-before-applied",
    ),
    pytest.param(("thank", "{done}"), "resolved", id="thank-resolved-card"),
    pytest.param(("thank", "zzzz"), "no card has the id 'zzzz'", id="thank-unknown-id"),
    pytest.param(("thank", "{open}", "extra"), "extra", id="thank-extra-argument"),
    pytest.param(
        ("thank", "{open}", "--to", "Zed"),
        "nobody of that name was at an interview with Acme; on this card: nobody by name",
        id="thank-unknown-name",
    ),
    pytest.param(("thank", "{open}", "--to"), "--to", id="thank-to-without-value"),
    # snooze (today is 2026-11-12)
    pytest.param(("snooze", "{open}", "today"), "a day after 2026-11-12", id="snooze-today"),
    pytest.param(("snooze", "{open}", "2026-11-12"), "a day after 2026-11-12", id="snooze-today-as-date"),
    pytest.param(("snooze", "{open}", "0d"), "a day after 2026-11-12", id="snooze-0d"),
    pytest.param(("snooze", "{open}", "0w"), "a day after 2026-11-12", id="snooze-0w"),
    pytest.param(("snooze", "{open}", "yesterday"), "a day after 2026-11-12", id="snooze-yesterday"),
    pytest.param(("snooze", "{open}", "2026-11-05"), "a day after 2026-11-12", id="snooze-past"),
    pytest.param(("snooze", "{open}", "2026-10-01"), "a day after 2026-11-12", id="snooze-before-applied"),
    pytest.param(("snooze", "{open}", "soon"), "3d", id="snooze-word"),
    pytest.param(("snooze", "{open}", "3x"), "3x", id="snooze-bad-unit"),
    pytest.param(("snooze", "{open}", "1000d"), "1000d", id="snooze-too-long"),
    pytest.param(("snooze", "{open}", "2026-02-30"), "2026-02-30", id="snooze-bad-day"),
    pytest.param(("snooze", "{open}", "-3d"), "", id="snooze-negative"),
    pytest.param(("snooze", "{done}", "2w"), "resolved", id="snooze-resolved-card"),
    pytest.param(("snooze", "zzzz", "2w"), "no card has the id 'zzzz'", id="snooze-unknown-id"),
    pytest.param(("snooze", "{open}"), "DATE", id="snooze-missing-date"),
    # resolve
    pytest.param(("resolve", "{open}", "no", "--kind", "ghosted"), "use said, silence or form", id="resolve-bad-kind"),
    pytest.param(
        ("resolve", "{open}", "yes", "--kind", "said"),
        "--kind is for a no: said, silence or form",
        id="resolve-yes-with-kind",
    ),
    # due
    pytest.param(("due", "--date", "2026-02-30"), "2026-02-30", id="due-bad-day"),
    pytest.param(("due", "--date", "soon"), "soon", id="due-word-date"),
    pytest.param(("due", "--date"), "--date", id="due-date-without-value"),
    pytest.param(("due", "extra"), "extra", id="due-extra-argument"),
]


@pytest.fixture
def two_cards(fu: Fu) -> dict[str, str]:
    """An open card (applied 2026-11-02, interviewed 2026-11-10) and a resolved one; today is 2026-11-12."""
    open_id = add(fu, "Acme")
    ok(fu("interview", open_id, "--date", "2026-11-10", today=D("2026-11-10")))
    done_id = add(fu, "Globex")
    ok(fu("resolve", done_id, "no", "--date", "2026-11-05", today=D("2026-11-12")))
    return {"{open}": open_id, "{done}": done_id}


@pytest.mark.parametrize(("argv", "clue"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    fu: Fu, board: Path, two_cards: dict[str, str], argv: tuple[str, ...], clue: str
) -> None:
    before = board.read_bytes()
    result = fu(*(two_cards.get(arg, arg) for arg in argv), today=D("2026-11-12"))
    assert_one_error_line(result)
    assert_no_raw_controls(result.err)
    assert clue in result.err
    assert board.read_bytes() == before
    assert leftovers(board.parent) == ["board.toml"]


def test_a_resolved_card_message_names_the_company_and_how_to_reopen(fu: Fu, two_cards: dict[str, str]) -> None:
    result = fu("followup", two_cards["{done}"], today=D("2026-11-12"))
    assert_one_error_line(result)
    assert result.err == "fu-board: error: Globex is resolved (no); move it back to a column to reopen it\n"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(("interview", "abcd"), id="interview"),
        pytest.param(("followup", "abcd", "--channel", "phone"), id="followup"),
        pytest.param(("thank", "abcd"), id="thank"),
        pytest.param(("snooze", "abcd", "2w"), id="snooze"),
    ],
)
def test_changing_a_missing_board_creates_nothing(fu: Fu, board: Path, argv: tuple[str, ...]) -> None:
    result = fu(*argv)
    assert_one_error_line(result)
    assert str(board) in result.err
    assert not board.parent.exists()


def test_an_undecodable_interviewer_name_is_refused_naming_the_with_option(fu: Fu, board: Path) -> None:
    # BUG (fu_board/cli.py, _check_text): the message names the argparse dest, "--interviewers",
    # but the option a person typed is --with.
    card_id = add(fu, "Acme")
    before = board.read_bytes()
    result = fu("interview", card_id, "--with", "Ad\udce9", today=D("2026-11-10"))
    assert_one_error_line(result)
    assert "UTF-8" in result.err
    assert board.read_bytes() == before
    assert "--with" in result.err, result.err


# the real process: python -m fu_board, and no Textual ---------------------------------------------------------------


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def long_due_board(path: Path) -> None:
    """A card sent long ago: due and overdue whatever the real date is."""
    card = Card(id="abcd", company="Acme", applied=D("2024-01-01"))
    save_board(path, Board(cards=(card,)))


def test_python_m_due_json_never_imports_textual(board: Path) -> None:
    long_due_board(board)
    before = board.read_bytes()
    result = run_python("-X", "importtime", "-m", "fu_board", "due", "--board", str(board), "--json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert set(row) == DUE_KEYS
    assert (row["id"], row["stage"], row["due"], row["reason"], row["to"], row["interview"]) == (
        "abcd",
        "applied",
        "2024-01-08",
        "applied_no_answer",
        None,
        None,
    )
    assert row["overdue_days"] > 0
    imported = imported_modules(result.stderr)
    assert "fu_board.cli" in imported  # the import log was really captured
    assert "fu_board.rules" in imported
    assert [name for name in imported if name.startswith("textual")] == []
    assert board.read_bytes() == before


EVERY_VERB_SCRIPT = """
import datetime as dt, json, sys
from fu_board import cli
path, day = sys.argv[1], dt.date(2026, 11, 12)
codes = [
    cli.main(argv + ["--board", path], today=day)
    for argv in (
        ["due", "--json"],
        ["due"],
        ["interview", "abcd", "--date", "2026-11-10", "--with", "Ada", "--decision-by", "2026-11-13"],
        ["thank", "abcd", "--date", "2026-11-11"],
        ["followup", "abcd", "--channel", "in-person", "--note", "coffee"],
        ["snooze", "abcd", "3d"],
        ["snooze", "abcd", "yesterday"],
    )
]
print(json.dumps({"codes": codes, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_every_follow_up_verb_runs_without_textual(board: Path) -> None:
    save_board(board, Board(cards=(Card(id="abcd", company="Acme", applied=APPLIED),)))
    result = run_python("-c", EVERY_VERB_SCRIPT, str(board))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 0, 0, 0, 2]
    assert "fu_board.cli" in report["modules"]
    assert [name for name in report["modules"] if name.startswith("textual")] == []
    assert "fu_board.tui" not in report["modules"]
    assert "abcd  follow-up 3d overdue" in result.stdout
    raw = raw_card(board, "abcd")
    assert [event["kind"] for event in raw["timeline"]] == ["interviewed", "thank_you", "followed_up", "snoozed"]
    assert raw["timeline"][2]["channel"] == "in_person"
    assert raw["snoozed_until"] == D("2026-11-16")  # 3 days from Thursday is a Sunday: the Monday


def test_python_m_snooze_into_the_past_exits_2(board: Path) -> None:
    long_due_board(board)
    before = board.read_bytes()
    result = run_python("-m", "fu_board", "snooze", "abcd", "2020-01-01", "--board", str(board))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("fu-board: error: a snooze needs a day after")
    assert result.stderr.count("\n") == 1
    assert board.read_bytes() == before


@pytest.mark.parametrize("written", ["20261105", "2026-W45-4", "2026-11-5", "5 Nov 2026"])
def test_dates_are_written_year_month_day_only(fu: Fu, board: Path, written: str) -> None:
    card_id = add(fu, "Acme")
    before = board.read_bytes()
    result = fu("thank", card_id, "--date", written, today=dt.date(2026, 11, 12))
    assert_one_error_line(result)
    assert f"{written!r} is not a date like 2026-11-25" in result.err
    assert board.read_bytes() == before


@pytest.mark.parametrize(
    "verb", [["followup"], ["thank"], ["resolve", "yes"], ["resolve", "no"], ["move", "interviewed"]], ids=" ".join
)
def test_what_you_did_cannot_be_logged_in_the_future(fu: Fu, board: Path, verb: list[str]) -> None:
    card_id = add(fu, "Acme")
    before = board.read_bytes()
    result = fu(verb[0], card_id, *verb[1:], "--date", "2026-11-13", today=dt.date(2026, 11, 12))
    assert_one_error_line(result)
    assert "--date 2026-11-13 is in the future (today is 2026-11-12)" in result.err
    assert board.read_bytes() == before

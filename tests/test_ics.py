"""The calendar: interviews as timed events, follow-ups and thank-yous as all-day events
with alarms, each with a UID that names what it stands for; the `calendar_file` that every
save rewrites; and the interviews' numbers those UIDs stand on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from fu_board import board as ops
from fu_board.board_file import after_save
from fu_board.card_memo import CardMemo
from fu_board.demo import demo_board
from fu_board.field_text import keep_details
from fu_board.ics import to_ics
from fu_board.model import Board, Card, Interview
from fu_board.store import load_board, save_board
from tests.test_cli import run_main

TODAY = dt.date(2026, 11, 25)


def events(board: Board, today: dt.date = TODAY) -> dict[str, Any]:
    """The calendar's events by UID, as the iCalendar library reads the file back."""
    calendar = Calendar.from_ical(to_ics(board, today))
    found = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "two events share a UID"
    return found


def test_the_demo_board_as_a_calendar() -> None:
    board = demo_board(TODAY)
    found = events(board)
    assert all(uid.endswith("@fu-board") for uid in found)
    assert not any(uid.startswith(card.id + "-") for card in board.cards if card.is_resolved for uid in found)

    onsite = found["f2pp-interview-1@fu-board"]  # Pied Piper's onsite, booked for 1 Dec 14:00
    assert str(onsite["SUMMARY"]) == "Interview (onsite): Pied Piper — Senior Python Engineer"
    assert onsite.decoded("DTSTART") == dt.datetime(2026, 12, 1, 14, 0)  # local time, wherever the person is
    assert onsite.decoded("DTEND") == dt.datetime(2026, 12, 1, 15, 0)
    assert str(onsite["LOCATION"]) == "5230 Newell Road, Palo Alto"
    assert "With Richard Hendricks." in str(onsite["DESCRIPTION"])
    (alarm,) = onsite.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=-1)

    thanks = found["h6yd-interview-1-thank-you@fu-board"]  # Hooli: two interviewers, one event
    assert str(thanks["SUMMARY"]) == "Thank-you: Hooli — Site Reliability Engineer"
    assert thanks.decoded("DTSTART") == TODAY  # overdue since yesterday: on today
    assert "Due since 2026-11-24." in str(thanks["DESCRIPTION"])
    assert "To Monica Hall.\nTo Richard Roe." in str(thanks["DESCRIPTION"])
    one = ops.log_thank_you(board, "h6yd", on=TODAY, to="Monica Hall").board
    left = events(one)["h6yd-interview-1-thank-you@fu-board"]
    assert "Monica" not in str(left["DESCRIPTION"])
    assert "To Richard Roe." in str(left["DESCRIPTION"])
    both = ops.log_thank_you(one, "h6yd", on=TODAY, to="Richard Roe").board
    assert "h6yd-interview-1-thank-you@fu-board" not in events(both)

    nudge = found["k7m2-applied-follow-up-1@fu-board"]
    assert str(nudge["SUMMARY"]) == "Follow up: Northwind Traders — Senior Backend Engineer"
    assert nudge.decoded("DTSTART") == TODAY
    assert nudge.decoded("DTEND") == TODAY + dt.timedelta(days=1)
    assert "To Priya Raman, Recruiter, priya@northwind.example." in str(nudge["DESCRIPTION"])
    assert "fu-board draft k7m2 writes the message." in str(nudge["DESCRIPTION"])
    (morning,) = nudge.walk("VALARM")
    assert morning.decoded("TRIGGER") == dt.timedelta(hours=9)


def dates(board: Board, today: dt.date = TODAY) -> dict[str, dt.date | dt.datetime]:
    return {uid: event.decoded("DTSTART") for uid, event in events(board, today).items()}


def test_a_snooze_moves_the_event_and_keeps_its_uid() -> None:
    board = demo_board(TODAY)
    before = dates(board)
    snoozed = ops.snooze_card(board, "k7m2", until=dt.date(2026, 12, 2), on=TODAY).board
    after = dates(snoozed)
    assert set(after) == set(before)
    assert (before["k7m2-applied-follow-up-1@fu-board"], after["k7m2-applied-follow-up-1@fu-board"]) == (
        TODAY,
        dt.date(2026, 12, 2),
    )


def test_a_day_passing_moves_what_is_overdue_onto_the_new_day_under_the_same_uid() -> None:
    board = demo_board(TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    before, after = dates(board), dates(board, tomorrow)
    assert before["k7m2-applied-follow-up-1@fu-board"] == TODAY
    assert after["k7m2-applied-follow-up-1@fu-board"] == tomorrow
    assert set(after) <= set(before) | {uid for uid in after if uid not in before}
    assert len(set(before) & set(after)) >= len(before) - 1  # at most a step done by the day itself


def test_an_interview_moved_to_another_day_keeps_its_uid() -> None:
    board = demo_board(TODAY)
    card = board.card("f2pp")
    moved = (dataclasses.replace(card.interviews[0], date=dt.date(2026, 12, 3)),)
    edited = ops.edit_card(board, "f2pp", on=TODAY, interviews=keep_details(moved, card.interviews)).board
    assert dates(board)["f2pp-interview-1@fu-board"] == dt.datetime(2026, 12, 1, 14, 0)
    assert dates(edited)["f2pp-interview-1@fu-board"] == dt.datetime(2026, 12, 3, 14, 0)
    assert set(dates(edited)) == set(dates(board))


def test_the_next_round_is_an_event_of_its_own_and_every_step_is_named_by_its_round() -> None:
    board = demo_board(TODAY)
    booked = ops.log_interview(board, "f2pp", on=dt.date(2026, 12, 9), time="10:00", interviewers=("Jared",)).board
    assert [interview.id for interview in booked.card("f2pp").interviews] == [1, 2]
    found = events(booked)
    assert found["f2pp-interview-2@fu-board"].decoded("DTSTART") == dt.datetime(2026, 12, 9, 10, 0)
    assert "f2pp-interview-1@fu-board" in found


# The interviews' numbers ------------------------------------------------------------------


def card_with(interviews: list[dict[str, Any]]) -> Card:
    return Card.validate({"id": "c1", "company": "Acme", "applied": "2026-11-01", "interviews": interviews})


@pytest.mark.parametrize(
    ("given", "numbered"),
    [
        ([{}, {}], [1, 2]),  # an older board, or a hand edit: numbered in order
        ([{"id": 4}, {}], [4, 5]),
        ([{"id": 2}, {"id": 2}, {}], [2, 3, 4]),  # a copied number: the later one gets the next free
        ([{"id": 3}, {"id": 1}], [3, 1]),  # kept as they are
    ],
)
def test_every_interview_read_has_a_number_of_its_own(given: list[dict[str, Any]], numbered: list[int]) -> None:
    card = card_with([{"date": "2026-11-10", **fields} for fields in given])
    assert [interview.id for interview in card.interviews] == numbered


def test_an_interview_edited_on_the_card_screen_keeps_its_number() -> None:
    before = (Interview(date=dt.date(2026, 11, 10), id=1), Interview(date=dt.date(2026, 11, 12), id=2))
    typed = (Interview(date=dt.date(2026, 11, 11)), Interview(date=dt.date(2026, 11, 12)), Interview(date=TODAY))
    kept = keep_details(typed, before)
    assert [interview.id for interview in kept] == [1, 2, 0]  # the new line is numbered when the card is checked


def test_a_saved_board_keeps_the_numbers(tmp_path: Path) -> None:
    path = tmp_path / "board.toml"
    save_board(path, Board(cards=(card_with([{"date": "2026-11-10"}, {"date": "2026-11-12"}]),)))
    assert "id = 2" in path.read_text(encoding="utf-8")
    assert [interview.id for interview in load_board(path).card("c1").interviews] == [1, 2]


# The calendar file ------------------------------------------------------------------------


@pytest.fixture
def calendar_board(tmp_path: Path) -> tuple[Path, Path]:
    path, calendar = tmp_path / "board.toml", tmp_path / "cal" / "fu-board.ics"
    board = demo_board(TODAY)
    board = dataclasses.replace(board, settings=board.settings.replace(calendar_file=str(calendar)))
    save_board(path, board)
    after_save(path, board, TODAY)
    return path, calendar


def test_every_save_from_the_command_line_rewrites_the_calendar(
    capsys: pytest.CaptureFixture[str], calendar_board: tuple[Path, Path]
) -> None:
    path, calendar = calendar_board
    assert "k7m2-applied-follow-up-1@fu-board" in calendar.read_text(encoding="utf-8")
    result = run_main(capsys, ["snooze", "k7m2", "2026-12-02", "--board", str(path)], TODAY)
    assert result.code == 0, result.err
    written = Calendar.from_ical(calendar.read_text(encoding="utf-8"))
    snoozed = next(e for e in written.walk("VEVENT") if str(e["UID"]) == "k7m2-applied-follow-up-1@fu-board")
    assert snoozed.decoded("DTSTART") == dt.date(2026, 12, 2)
    expected = Calendar.from_ical(to_ics(load_board(path), TODAY))
    assert {str(e["UID"]) for e in written.walk("VEVENT")} == {str(e["UID"]) for e in expected.walk("VEVENT")}
    assert [p.name for p in calendar.parent.iterdir()] == ["fu-board.ics"]  # no temporary file left


def test_a_calendar_that_cannot_be_written_is_said_and_the_board_is_saved(
    capsys: pytest.CaptureFixture[str], calendar_board: tuple[Path, Path]
) -> None:
    path, calendar = calendar_board
    calendar.unlink()
    calendar.parent.rmdir()
    calendar.parent.write_text("a file where the calendar's folder should be", encoding="utf-8")
    result = run_main(capsys, ["snooze", "k7m2", "2026-12-02", "--board", str(path)], TODAY)
    assert result.code == 0
    assert "warning: the calendar file" in result.err
    assert "could not be written" in result.err
    assert "the board is saved" in result.err
    assert load_board(path).card("k7m2").snoozed_until == dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("~/calendar.txt", "ending in .ics"),
        ("", "the path of an .ics file"),
        ("~/a\nb.ics", "the path of an .ics file"),
    ],
)
def test_a_calendar_file_setting_that_cannot_be_one_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str, problem: str
) -> None:
    import tomli_w

    path = tmp_path / "board.toml"
    path.write_text(tomli_w.dumps({"schema_version": 3, "settings": {"calendar_file": value}}), encoding="utf-8")
    before = path.read_bytes()
    result = run_main(capsys, ["list", "--board", str(path)], TODAY)
    assert result.code == 2
    assert "settings.calendar_file" in result.err
    assert problem in result.err
    assert path.read_bytes() == before


def test_a_backup_put_back_brings_its_calendar_back(
    capsys: pytest.CaptureFixture[str], calendar_board: tuple[Path, Path]
) -> None:
    import json

    path, calendar = calendar_board

    def nudge_day() -> object:
        written = Calendar.from_ical(calendar.read_text(encoding="utf-8"))
        uid = "k7m2-applied-follow-up-1@fu-board"
        return next(e for e in written.walk("VEVENT") if str(e["UID"]) == uid).decoded("DTSTART")

    assert run_main(capsys, ["snooze", "k7m2", "2026-12-02", "--board", str(path)], TODAY).code == 0
    assert nudge_day() == dt.date(2026, 12, 2)
    (backup,) = json.loads(run_main(capsys, ["backups", "--json", "--board", str(path)], TODAY).out)
    result = run_main(capsys, ["restore", backup["name"], "--board", str(path)], TODAY)
    assert result.code == 0, result.err
    assert nudge_day() == TODAY  # the snooze undone: the follow-up is due again today


def rendering(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the cards whose events are rendered from now on, in order."""
    from fu_board import ics

    rendered: list[str] = []
    real = ics.card_events

    def counting(card: Card, *args: Any) -> Any:
        rendered.append(card.id)
        return real(card, *args)

    monkeypatch.setattr(ics, "card_events", counting)
    return rendered


def test_a_new_process_renders_only_the_cards_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = tmp_path / "fu-board.ics"
    board = demo_board(TODAY)
    first = to_ics(board, TODAY, calendar=calendar)
    rendered = rendering(monkeypatch)
    assert to_ics(board, TODAY, calendar=calendar) == first  # as a new process: nothing kept in memory
    assert rendered == []  # every card's events were kept in the cache folder
    snoozed = ops.snooze_card(board, "k7m2", until=dt.date(2026, 12, 2), on=TODAY).board
    to_ics(snoozed, TODAY, calendar=calendar)
    assert rendered == ["k7m2"]
    to_ics(snoozed, TODAY + dt.timedelta(days=1), calendar=calendar)  # a new day: written anew
    assert len(rendered) > 1


def test_a_writer_renders_only_the_cards_its_change_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a calendar file to keep them in, a writer's own memo keeps each card's events."""
    from fu_board import ics

    board = demo_board(TODAY)
    events: ics.Events = CardMemo()
    first = to_ics(board, TODAY, events=events)
    assert len(events) == len([card for card in board.cards if not card.is_resolved])
    rendered = rendering(monkeypatch)
    assert to_ics(board, TODAY, events=events) == first
    assert rendered == []
    snoozed = ops.snooze_card(board, "k7m2", until=dt.date(2026, 12, 2), on=TODAY).board
    to_ics(snoozed, TODAY, events=events)
    assert rendered == ["k7m2"]
    assert len(events) == len([card for card in snoozed.cards if not card.is_resolved])  # the old k7m2 let go

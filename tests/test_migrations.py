"""Schema versions: a golden file per version, migration steps, and files from a newer fu-board."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from fu_board import migrations, store
from fu_board.backups import list_backups
from fu_board.board_file import BoardFile
from fu_board.cli import main
from fu_board.migrations import MIGRATIONS, file_version, migrate
from fu_board.model import (
    SCHEMA_VERSION,
    Board,
    Card,
    Channel,
    Contact,
    Event,
    EventKind,
    Interview,
    InterviewKind,
    NoKind,
    Outcome,
    Record,
    ReviewLog,
    Settings,
    Stage,
    Templates,
)
from fu_board.rules import Reason, held_interviews, next_follow_up, owed_thank_yous
from fu_board.store import BoardFileError, NewerBoardError, dump_board, load_board, parse_board
from tests.conftest import TODAY
from tests.test_cli import Result, run_main

GOLDEN = Path(__file__).parent / "golden"
D = dt.date


def golden_v1() -> Board:
    """What tests/golden/v1.toml holds, written out field by field, as this version
    reads it: brought up to the current schema."""
    return Board(
        schema_version=SCHEMA_VERSION,
        settings=Settings(
            irons_target=8,
            applied_first_days=6,
            applied_repeat_days=10,
            thank_you_days=2,
            decision_business_days=3,
            after_interview_days=5,
            follow_up_repeat_days=9,
            expected_nos_per_yes=12,
            templates=Templates(
                thank_you="Thanks {contact}, for the {role} talk on {interview_date}!",
                decision_passed="Hi {contact}: {company} planned to decide by {decision_date}.",
                after_interview="Hi {contact}, following up on {interview_date} for {role}.",
                after_no="Thank you {contact}; good luck at {company}. Literal braces: {{ and }}.",
                second_follow_up="Hi {contact}, any news on {role}? I last wrote on {last_follow_up}.",
                applied_no_answer="Hi {contact}, I applied to {company} on {applied_date}.",
            ),
        ),
        review=ReviewLog(last_finished=D(2026, 11, 24), streak=3),
        cards=(
            Card(
                id="k7m2",
                company="Société Générale",
                role="Data engineer",
                link="https://jobs.example/123?a=1&b=2",
                contacts=(
                    Contact(name="Jane Doe", email="jane.doe@example.com", phone="+44 20 1234 5678", title="Recruiter"),
                    Contact(name="Bo"),
                ),
                applied=D(2026, 10, 1),
                interviews=(
                    Interview(date=D(2026, 10, 15), interviewers=("Ann", "Kim")),
                    Interview(date=D(2026, 10, 22)),
                ),
                decision_expected=D(2026, 11, 20),
                note='Multi-line note: "quoted", a tab\there, a backslash \\ and 🙂.',
                stage=Stage.FOLLOWED_UP,
                furthest_stage=Stage.FOLLOWED_UP,
                snoozed_until=D(2026, 11, 28),
                timeline=(
                    Event(date=D(2026, 10, 1), kind=EventKind.APPLIED),
                    Event(date=D(2026, 10, 15), kind=EventKind.INTERVIEWED, note="with Ann, Kim"),
                    Event(date=D(2026, 10, 16), kind=EventKind.THANK_YOU),
                    Event(
                        date=D(2026, 10, 29),
                        kind=EventKind.FOLLOWED_UP,
                        channel=Channel.LINKEDIN,
                        note="asked about the timeline",
                    ),
                    Event(date=D(2026, 10, 30), kind=EventKind.HEARD_BACK),
                    Event(date=D(2026, 11, 2), kind=EventKind.EDITED, note="changed note"),
                    Event(date=D(2026, 11, 21), kind=EventKind.SNOOZED, note="until 2026-11-28"),
                    Event(date=D(2026, 11, 22), kind=EventKind.LEAD, note="gave a lead: Acme", card="ab3x"),
                ),
            ),
            Card(
                id="ab3x",
                company="Acme",
                applied=D(2026, 9, 1),
                stage=Stage.RESOLVED,
                outcome=Outcome.NO,
                resolved_on=D(2026, 10, 20),
                furthest_stage=Stage.INTERVIEWED,
                no_kind=NoKind.SILENCE,
                timeline=(
                    Event(date=D(2026, 9, 1), kind=EventKind.APPLIED),
                    Event(date=D(2026, 9, 10), kind=EventKind.MOVED, to=Stage.INTERVIEWED),
                    Event(date=D(2026, 9, 30), kind=EventKind.RESOLVED, outcome=Outcome.WITHDRAWN),
                    Event(date=D(2026, 10, 1), kind=EventKind.REOPENED, to=Stage.INTERVIEWED),
                    Event(date=D(2026, 10, 20), kind=EventKind.RESOLVED, outcome=Outcome.NO, no_kind=NoKind.SILENCE),
                ),
            ),
            Card(id="zz9q", company="Plain Ltd", applied=D(2026, 11, 10)),
        ),
    )


def golden_v2() -> Board:
    """What tests/golden/v2.toml holds: v1.toml with a theme."""
    v1 = golden_v1()
    return v1.replace(settings=v1.settings.replace(theme="nord"))


def golden_v3() -> Board:
    """What tests/golden/v3.toml holds: v2.toml with an interview that has a time, a kind, a
    place and a note, a thank-you to one person, the columns resolutions left, the cadence's
    settings, a country, and the new templates."""
    v2 = golden_v2()
    settings = v2.settings.replace(
        follow_ups_before_close=3,
        applied_follow_ups=1,
        close_wait_days=10,
        skip_weekends=False,
        country="GB-ENG",
        calendar_file="~/fu-board.ics",
        templates=v2.settings.templates.replace(
            thank_you="Thanks {interviewer}, for the {role} talk on {interview_date}!",
            close_the_loop="Hi {contact}, could you tell me either way about {role} at {company}?",
            after_silence="",
            thank_you_subject="Thank you, {interviewer}",
            decision_passed_subject="{company}: any news?",
            after_interview_subject="Following up on {interview_date}",
            second_follow_up_subject="The {role} role, again",
            close_the_loop_subject="Either way is fine",
            after_no_subject="Thank you, {contact}",
            after_silence_subject="Moving on",
            applied_no_answer_subject="My application of {applied_date}",
        ),
    )
    first, second, third = v2.cards
    onsite = first.interviews[0].replace(
        time="14:30",
        kind=InterviewKind.ONSITE,
        where="1 Rue de la Paix, Paris",
        note="They asked about streaming; mention the Kafka project.",
    )
    thanked = Event(date=D(2026, 10, 16), kind=EventKind.THANK_YOU, person="Ann")
    first = first.replace(
        interviews=(onsite, first.interviews[1]), timeline=(*first.timeline[:2], thanked, *first.timeline[2:])
    )
    second = second.replace(
        timeline=tuple(
            event.replace(from_stage=Stage.INTERVIEWED) if event.kind is EventKind.RESOLVED else event
            for event in second.timeline
        )
    )
    return v2.replace(settings=settings, cards=(first, second, third))


GOLDEN_BOARDS: dict[int, Any] = {1: golden_v1, 2: golden_v2, 3: golden_v3}
"""Each schema version's golden file, by version, and the board it describes."""

NEWEST = GOLDEN / f"v{SCHEMA_VERSION}.toml"


# The golden files --------------------------------------------------------------------------


def test_every_schema_version_has_a_golden_file() -> None:
    assert sorted(GOLDEN_BOARDS) == list(range(1, SCHEMA_VERSION + 1))
    assert sorted(path.name for path in GOLDEN.glob("v*.toml")) == [f"v{n}.toml" for n in GOLDEN_BOARDS]


@pytest.mark.parametrize("version", sorted(GOLDEN_BOARDS))
def test_each_golden_file_loads_to_the_board_it_describes(version: int) -> None:
    path = GOLDEN / f"v{version}.toml"
    data = path.read_bytes()
    assert data.startswith(b"# ")  # hand-written, with comments
    assert b"\n\n\n" in data  # and blank lines
    assert tomllib.loads(data.decode())["schema_version"] == version
    board = parse_board(data, path)
    expected = GOLDEN_BOARDS[version]()
    assert board.schema_version == SCHEMA_VERSION
    assert board.settings == expected.settings
    assert board.review == expected.review
    assert [card.id for card in board.cards] == [card.id for card in expected.cards]
    for loaded, written in zip(board.cards, expected.cards, strict=True):
        assert loaded == written, loaded.id
    assert board == expected
    assert load_board(path) == expected


def test_the_newest_golden_board_dumps_and_parses_back_equal(tmp_path: Path) -> None:
    board = parse_board(NEWEST.read_bytes(), NEWEST)
    data = dump_board(board)
    assert parse_board(data, tmp_path / "board.toml") == board == GOLDEN_BOARDS[SCHEMA_VERSION]()
    assert dump_board(parse_board(data, tmp_path / "board.toml")) == data


def _models(value: object) -> list[Record]:
    """Every model inside `value`, `value` included."""
    if isinstance(value, Record):
        return [value, *(inner for name in type(value).field_names() for inner in _models(getattr(value, name)))]
    if isinstance(value, tuple):
        return [inner for item in value for inner in _models(item)]
    return []


TEMPLATE_NAMES = (
    "thank_you",
    "decision_passed",
    "after_interview",
    "second_follow_up",
    "close_the_loop",
    "after_no",
    "after_silence",
    "applied_no_answer",
)
IN_SCHEMA_3 = {
    "Interview.time",
    "Interview.kind",
    "Interview.where",
    "Interview.note",
    "Event.person",
    "Event.from_stage",
    "Settings.follow_ups_before_close",
    "Settings.applied_follow_ups",
    "Settings.close_wait_days",
    "Settings.skip_weekends",
    "Settings.country",
    "Templates.close_the_loop",
    "Templates.after_silence",
    "Settings.calendar_file",
    *(f"Templates.{name}_subject" for name in TEMPLATE_NAMES),
}
ADDED_LATER: dict[int, set[str]] = {1: {"Settings.theme", *IN_SCHEMA_3}, 2: IN_SCHEMA_3, 3: set()}
"""Fields (`Class.field`) each golden file cannot cover, as a later schema added them."""


@pytest.mark.parametrize("version", sorted(GOLDEN_BOARDS))
def test_each_golden_file_uses_every_field_of_its_schema(version: int) -> None:
    """A field left at its default in every instance is a field the golden file does not cover."""
    found = _models(GOLDEN_BOARDS[version]())
    classes = {type(model) for model in found}
    assert classes == {Board, Settings, Templates, ReviewLog, Card, Contact, Interview, Event}
    unused = [
        f"{cls.__name__}.{name}"
        for cls in classes
        for name, default in cls.field_defaults().items()
        if default is not dataclasses.MISSING
        and name != "schema_version"
        and all(getattr(model, name) == default for model in found if type(model) is cls)
    ]
    assert set(unused) == ADDED_LATER[version]
    assert {model.kind for model in found if isinstance(model, Event)} == set(EventKind)


# migrate ------------------------------------------------------------------------------------


RAW: dict[str, Any] = {"schema_version": 0, "settings": {"irons_target": 4}, "cards": [{"id": "aaaa"}]}


def test_there_is_a_step_to_every_version_after_the_first() -> None:
    assert SCHEMA_VERSION == 3
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_the_step_to_schema_2_keeps_the_board_and_stamps_the_version() -> None:
    """Schema 2 only added an optional field: a version-1 board is a version-2 board."""
    raw = tomllib.loads((GOLDEN / "v1.toml").read_text(encoding="utf-8"))
    before = copy.deepcopy(raw)
    assert migrate(raw, 1, to=2) == {**before, "schema_version": 2}
    assert raw == before
    assert "theme" not in migrate(raw, 1, to=2)["settings"]


def test_the_step_to_schema_3_renames_the_weekly_template_and_keeps_the_rest() -> None:
    raw = tomllib.loads((GOLDEN / "v2.toml").read_text(encoding="utf-8"))
    before = copy.deepcopy(raw)
    migrated = migrate(raw, 2)
    assert raw == before
    templates = dict(before["settings"]["templates"])
    templates["second_follow_up"] = templates.pop("weekly")
    assert migrated == {**before, "schema_version": 3, "settings": {**before["settings"], "templates": templates}}
    # A board without the template, or without templates at all, is as it was.
    assert migrate({"settings": {"irons_target": 3}}, 2) == {"settings": {"irons_target": 3}, "schema_version": 3}
    assert migrate({}, 2) == {"schema_version": 3}


def test_a_board_from_schema_2_keeps_every_interview_as_held_exactly_as_before() -> None:
    """Its interviews have no time, so each is held from its day on: what is due on the
    golden v2 board is what schema 2 said, the thank-you of 22 Oct settled by the follow-up."""
    board = parse_board((GOLDEN / "v2.toml").read_bytes(), GOLDEN / "v2.toml")
    (card, *_) = board.cards
    assert all(interview.time == "" and interview.kind is None for interview in card.interviews)
    assert held_interviews(card, TODAY) == list(card.interviews)
    assert owed_thank_yous(card, TODAY) == []
    follow_up = next_follow_up(card.replace(snoozed_until=None), board.settings, TODAY)
    assert follow_up is not None
    # 9 days after 29 Oct is Saturday 7 Nov: no follow-up falls on a weekend any more, so Monday.
    assert (follow_up.reason, follow_up.due) == (Reason.WEEKLY, D(2026, 11, 9))


def test_migrate_at_the_current_version_is_the_identity() -> None:
    raw = tomllib.loads(NEWEST.read_text(encoding="utf-8"))
    before = copy.deepcopy(raw)
    assert migrate(raw, SCHEMA_VERSION) == before
    assert raw == before


def test_a_step_is_applied_and_stamps_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    def step(raw: dict[str, Any]) -> dict[str, Any]:
        seen.append(copy.deepcopy(raw))
        return {**raw, "settings": {"irons_target": raw["settings"]["irons_target"] * 2}, "added": True}

    monkeypatch.setattr(migrations, "MIGRATIONS", {0: step})
    before = copy.deepcopy(RAW)
    migrated = migrate(RAW, 0, to=1)
    assert migrated == {"schema_version": 1, "settings": {"irons_target": 8}, "cards": [{"id": "aaaa"}], "added": True}
    assert seen == [before]
    assert before == RAW  # the input is not changed


def test_steps_run_in_order_each_stamping_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    trail: list[tuple[int, object]] = []

    def step(number: int, raw: dict[str, Any]) -> dict[str, Any]:
        trail.append((number, raw["schema_version"]))
        return {**raw, "steps": [*raw.get("steps", []), number]}

    monkeypatch.setattr(migrations, "MIGRATIONS", {n: functools.partial(step, n) for n in range(3)})
    migrated = migrate(RAW, 0, to=3)
    assert trail == [(0, 0), (1, 1), (2, 2)]
    assert migrated["steps"] == [0, 1, 2]
    assert migrated["schema_version"] == 3
    assert migrate(RAW, 1, to=3)["steps"] == [1, 2]


@pytest.mark.parametrize(("steps", "missing"), [({}, "from schema 0 to 1"), ({0: dict}, "from schema 1 to 2")])
def test_a_missing_step_raises_lookup_error(
    monkeypatch: pytest.MonkeyPatch, steps: dict[int, Any], missing: str
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(LookupError, match=missing):
        migrate(RAW, 0, to=2)


def test_a_file_without_a_version_is_this_version() -> None:
    assert file_version({"cards": []}) == SCHEMA_VERSION
    assert file_version({"schema_version": 7}) == 7
    assert parse_board(b'[[cards]]\nid = "aaaa"\ncompany = "A"\napplied = 2026-01-02\n', Path("b.toml")).cards[0].id


NEXT = SCHEMA_VERSION + 1


@pytest.fixture
def next_schema(monkeypatch: pytest.MonkeyPatch) -> dict[int, Any]:
    """This program as if it knew the schema after this one: the steps are returned,
    the step to the new version left for the test to fill in."""
    steps: dict[int, Any] = dict(MIGRATIONS)
    monkeypatch.setattr(store, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(store, "migrate", functools.partial(migrations.migrate, to=NEXT))
    return steps


def test_parse_board_migrates_an_older_file(next_schema: dict[int, Any]) -> None:
    def step(raw: dict[str, Any]) -> dict[str, Any]:
        cards = [{**card, "note": card.get("note", "") + " (migrated)"} for card in raw.get("cards", [])]
        return {**raw, "cards": cards}

    next_schema[SCHEMA_VERSION] = step
    for path in (NEWEST, GOLDEN / "v1.toml"):  # one step, and every step
        board = parse_board(path.read_bytes(), path)
        assert board.schema_version == NEXT
        assert [card.note.endswith(" (migrated)") for card in board.cards] == [True, True, True]
    assert board.settings == golden_v1().settings


@pytest.mark.parametrize("error", [KeyError("priority"), TypeError("not a table"), ValueError("bad date")])
def test_a_failing_step_is_a_board_file_error_naming_schema_version(
    next_schema: dict[int, Any], error: Exception
) -> None:
    def step(raw: dict[str, Any]) -> dict[str, Any]:
        raise error

    next_schema[SCHEMA_VERSION] = step
    path = NEWEST
    with pytest.raises(BoardFileError) as raised:
        parse_board(path.read_bytes(), path)
    assert raised.value.where == "schema_version"
    assert f"could not be brought up from schema {SCHEMA_VERSION} to {NEXT}" in raised.value.problem
    assert str(raised.value).startswith(f"{path}: schema_version: ")


def test_a_missing_step_is_a_board_file_error_too(next_schema: dict[int, Any]) -> None:
    with pytest.raises(
        BoardFileError, match=rf"schema_version: could not be brought up.*no migration from schema {SCHEMA_VERSION}"
    ):
        parse_board(NEWEST.read_bytes(), NEWEST)


def test_a_migrated_board_is_saved_after_a_backup_of_the_original_bytes(
    board_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board_path.parent.mkdir()
    original = (GOLDEN / "v1.toml").read_bytes()
    board_path.write_bytes(original)
    assert main(["followup", "zz9q", "--board", str(board_path)], today=TODAY) == 0, capsys.readouterr()
    (kept,) = list_backups(board_path)
    assert kept.path.read_bytes() == original
    saved = tomllib.loads(board_path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3
    assert "second_follow_up" in saved["settings"]["templates"]
    assert "weekly" not in saved["settings"]["templates"]
    assert parse_board(board_path.read_bytes(), board_path).replace(cards=()) == golden_v1().replace(cards=())


# A file from a newer fu-board ----------------------------------------------------------------

NEWER = b"""# written by fu-board 9
schema_version = 4

[settings]
irons_target = 4
colour_scheme = "dusk"

[sync]
peer = "laptop"

[[cards]]
id = "aaaa"
company = "Future Inc"
applied = 2026-11-02
priority = "high"

[[cards.timeline]]
date = 2026-11-02
kind = "applied"
mood = "hopeful"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Result:
    """`fu-board ARGV` in-process on TODAY."""
    return run_main(capsys, [str(arg) for arg in argv], TODAY)


@pytest.fixture
def newer_board(board_path: Path) -> Path:
    board_path.parent.mkdir()
    board_path.write_bytes(NEWER)
    return board_path


def test_a_newer_board_parses_as_newer_with_what_this_version_knows(newer_board: Path) -> None:
    with pytest.raises(NewerBoardError) as raised:
        parse_board(NEWER, newer_board)
    assert raised.value.version == 4
    assert raised.value.where == "schema_version"
    assert "newer" in raised.value.problem
    known = raised.value.board
    assert known is not None
    assert known.settings == Settings(irons_target=4)
    assert [(card.id, card.company) for card in known.cards] == [("aaaa", "Future Inc")]


@pytest.mark.parametrize("json_flag", [False, True])
def test_list_shows_a_newer_board_with_a_warning(
    capsys: pytest.CaptureFixture[str], newer_board: Path, json_flag: bool
) -> None:
    code, out, err = run(capsys, "list", *(["--json"] if json_flag else []), "--board", newer_board)
    assert code == 0
    assert err.startswith("fu-board: warning: ")
    assert "newer" in err
    assert err.count("\n") == 1
    if json_flag:
        assert [card["company"] for card in json.loads(out)] == ["Future Inc"]
    else:
        assert out.startswith("aaaa ")
        assert "Future Inc" in out
    assert newer_board.read_bytes() == NEWER


@pytest.mark.parametrize(
    "argv",
    [
        ["move", "aaaa", "interviewed"],
        ["interview", "aaaa"],
        ["thank", "aaaa"],
        ["add", "Another"],
        ["resolve", "aaaa", "no"],
        ["followup", "aaaa"],
        ["snooze", "aaaa", "3d"],
    ],
    ids=lambda argv: argv[0],
)
def test_changing_a_newer_board_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], newer_board: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv, "--board", newer_board)
    assert code == 2
    assert out == ""
    assert err.startswith("fu-board: error: ")
    assert "newer" in err
    assert err.count("\n") == 1
    assert newer_board.read_bytes() == NEWER
    assert list_backups(newer_board) == []


def test_the_tui_opens_a_newer_board_read_only(newer_board: Path) -> None:
    file = BoardFile(newer_board)
    board = file.open()
    assert file.read_only is not None
    assert "newer" in file.read_only
    assert [card.company for card in board.cards] == ["Future Inc"]
    with pytest.raises(BoardFileError, match="read-only"):
        file.commit(board.replace(cards=()))
    assert newer_board.read_bytes() == NEWER

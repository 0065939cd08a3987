"""Validation of the board's schema: cards, contacts, events, settings and the board itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from fu_board.model import (
    SCHEMA_VERSION,
    STAGES,
    WORKING_STAGES,
    Board,
    Card,
    Contact,
    Event,
    EventKind,
    Interview,
    Outcome,
    Settings,
    Stage,
    first_problem,
)

APPLIED = dt.date(2024, 3, 1)
LATER = dt.date(2024, 3, 20)
SURROGATE = "bad\udcff bytes"


def make_card(**fields: Any) -> Card:
    base: dict[str, Any] = {"id": "abcd", "company": "Acme", "applied": APPLIED}
    return Card.validate({**base, **fields})


def error_messages(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.value.errors())


# Company -----------------------------------------------------------------------


def test_company_is_trimmed() -> None:
    assert make_card(company="  Acme Corp \t").company == "Acme Corp"


@pytest.mark.parametrize("blank", ["", " ", "\t\n ", "\u3000"])
def test_blank_company_is_refused(blank: str) -> None:
    with pytest.raises(ValidationError) as error:
        make_card(company=blank)
    assert "company" in error_messages(error)
    assert "required and cannot be blank" in error_messages(error)


def test_missing_company_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Card.validate({"id": "abcd", "applied": APPLIED})
    assert [e["loc"] for e in error.value.errors()] == [("company",)]
    assert error.value.errors()[0]["type"] == "missing"


def test_one_line_fields_are_trimmed_but_free_text_is_kept() -> None:
    card = make_card(role="  Engineer ", link=" https://x.example/job \n", note="  keep\n  my spacing  ")
    assert card.role == "Engineer"
    assert card.link == "https://x.example/job"
    assert card.note == "  keep\n  my spacing  "
    contact = Contact(name=" Jo ", email=" jo@example.com ", phone=" 123 ", title=" HR ")
    assert (contact.name, contact.email, contact.phone, contact.title) == ("Jo", "jo@example.com", "123", "HR")
    assert Interview(date=APPLIED, interviewers=(" Ann ", "Bo ")).interviewers == ("Ann", "Bo")
    assert Event(date=APPLIED, kind=EventKind.APPLIED, note="  as is ").note == "  as is "


# Resolution --------------------------------------------------------------------


def test_resolved_card_with_outcome_and_date_is_valid() -> None:
    card = make_card(stage="resolved", outcome="no", resolved_on=LATER)
    assert card.is_resolved
    assert card.outcome is Outcome.NO
    assert card.resolved_on == LATER


def test_resolved_card_needs_an_outcome() -> None:
    with pytest.raises(ValidationError) as error:
        make_card(stage="resolved", resolved_on=LATER)
    assert "needs an outcome" in error_messages(error)


def test_resolved_card_needs_resolved_on() -> None:
    with pytest.raises(ValidationError) as error:
        make_card(stage="resolved", outcome="yes")
    assert "resolved_on" in error_messages(error)


@pytest.mark.parametrize("stage", WORKING_STAGES)
def test_unresolved_card_must_not_have_an_outcome(stage: Stage) -> None:
    with pytest.raises(ValidationError) as error:
        make_card(stage=stage, outcome="yes")
    assert f"only a resolved card has an outcome, but the stage is {stage.value}" in error_messages(error)


@pytest.mark.parametrize("stage", WORKING_STAGES)
def test_unresolved_card_must_not_have_resolved_on(stage: Stage) -> None:
    with pytest.raises(ValidationError) as error:
        make_card(stage=stage, resolved_on=LATER)
    assert f"only a resolved card has resolved_on, but the stage is {stage.value}" in error_messages(error)


def test_new_card_defaults() -> None:
    card = make_card()
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.APPLIED
    assert card.outcome is None
    assert card.resolved_on is None
    assert not card.is_resolved
    assert card.contact is None


# furthest_stage ----------------------------------------------------------------


@pytest.mark.parametrize("stage", WORKING_STAGES)
def test_furthest_stage_follows_a_hand_edited_stage(stage: Stage) -> None:
    # A person edits `stage = "..."` in the file and leaves furthest_stage alone.
    assert make_card(stage=stage.value).furthest_stage is stage
    assert make_card(stage=stage.value, furthest_stage="applied").furthest_stage is stage


def test_furthest_stage_is_kept_when_stage_is_behind_it() -> None:
    card = make_card(stage="applied", furthest_stage="followed_up")
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.FOLLOWED_UP
    card = make_card(stage="interviewed", furthest_stage="followed_up")
    assert card.furthest_stage is Stage.FOLLOWED_UP


def test_furthest_stage_follows_enum_values_too() -> None:
    assert make_card(stage=Stage.FOLLOWED_UP, furthest_stage=Stage.INTERVIEWED).furthest_stage is Stage.FOLLOWED_UP


def test_resolved_card_keeps_its_furthest_working_stage() -> None:
    card = make_card(stage="resolved", outcome="no", resolved_on=LATER, furthest_stage="interviewed")
    assert card.furthest_stage is Stage.INTERVIEWED
    # Without one, a resolved card's furthest stage is the first column, never Resolved.
    assert make_card(stage="resolved", outcome="no", resolved_on=LATER).furthest_stage is Stage.APPLIED


@pytest.mark.parametrize(
    "fields",
    [
        {"furthest_stage": "resolved"},
        {"stage": "interviewed", "furthest_stage": "resolved"},
        {"stage": "resolved", "outcome": "yes", "resolved_on": LATER, "furthest_stage": "resolved"},
    ],
)
def test_furthest_stage_cannot_be_resolved(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as error:
        make_card(**fields)
    assert "furthest_stage is one of applied, interviewed or followed_up" in error_messages(error)


def test_unknown_furthest_stage_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        make_card(stage="interviewed", furthest_stage="somewhere")
    assert [e["loc"] for e in error.value.errors()] == [("furthest_stage",)]


# Ids -----------------------------------------------------------------------------


@pytest.mark.parametrize("card_id", ["a", "7", "abcd", "x2-9", "a-", "a" * 32, "0" + "-" * 31])
def test_valid_card_ids(card_id: str) -> None:
    assert make_card(id=card_id).id == card_id


@pytest.mark.parametrize("card_id", ["", "-abc", "ABCD", "abC", "ab_c", "ab c", "a" * 33, "abcd\n", "é123", "ab.c"])
def test_invalid_card_ids(card_id: str) -> None:
    with pytest.raises(ValidationError) as error:
        make_card(id=card_id)
    assert [e["loc"] for e in error.value.errors()] == [("id",)]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Board(cards=(make_card(id="abcd", company="One"), make_card(id="wxyz"), make_card(id="abcd", company="Two")))
    assert "two cards have the id 'abcd'" in str(error.value)


def test_distinct_ids_are_accepted_and_found() -> None:
    one, two = make_card(id="abcd"), make_card(id="wxyz", company="Two")
    board = Board(cards=(one, two))
    assert board.card("wxyz") is two
    with pytest.raises(KeyError):
        board.card("wxy")


# Unknown keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "key"),
    [
        (lambda: make_card(colour="red"), "colour"),
        (lambda: Contact(name="Jo", mobile="1"), "mobile"),
        (lambda: Interview(date=APPLIED, room="4"), "room"),
        (lambda: Event(date=APPLIED, kind="applied", mood="good"), "mood"),
        (lambda: Settings(irons_target=3, colour_scheme="dark"), "colour_scheme"),
        (lambda: Board(schema_version=1, extra_table={}), "extra_table"),
    ],
)
def test_unknown_keys_are_refused(build: Callable[[], object], key: str) -> None:
    with pytest.raises(ValidationError) as error:
        build()
    errors = error.value.errors()
    assert [e["type"] for e in errors] == ["unexpected_keyword_argument"]
    assert errors[0]["loc"][-1] == key
    assert first_problem(error.value)[1] == f"unknown key {key!r} (is it misspelt?)"


def test_models_are_frozen() -> None:
    card = make_card()
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.company = "Other"  # type: ignore[misc]
    assert card.company == "Acme"


# Lone surrogates -----------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: make_card(company=SURROGATE), id="company"),
        pytest.param(lambda: make_card(role=SURROGATE), id="role"),
        pytest.param(lambda: make_card(link=SURROGATE), id="link"),
        pytest.param(lambda: make_card(note=SURROGATE), id="note"),
        pytest.param(lambda: Contact(name=SURROGATE), id="contact.name"),
        pytest.param(lambda: Contact(email=SURROGATE), id="contact.email"),
        pytest.param(lambda: Contact(phone=SURROGATE), id="contact.phone"),
        pytest.param(lambda: Contact(title=SURROGATE), id="contact.title"),
        pytest.param(lambda: Interview(date=APPLIED, interviewers=("Ann", SURROGATE)), id="interviewers"),
        pytest.param(lambda: Event(date=APPLIED, kind="applied", note=SURROGATE), id="event.note"),
        pytest.param(lambda: make_card(contacts=[{"name": "\ud800"}]), id="nested-contact"),
        pytest.param(lambda: make_card(timeline=[{"date": APPLIED, "kind": "applied", "note": "\udfff"}]), id="nested"),
    ],
)
def test_lone_surrogates_are_refused_in_every_text_field(build: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as error:
        build()
    assert "not valid text (undecodable bytes)" in str(error.value)


def test_surrogate_error_does_not_echo_the_input() -> None:
    with pytest.raises(ValidationError) as error:
        make_card(note="secret jane.doe@example.com \udcff")
    assert "jane.doe@example.com" not in str(error.value)


def test_proper_non_ascii_text_is_accepted() -> None:
    card = make_card(company="Société Générale 🙂", note="漢字\U0010ffff\ue000")
    assert card.company == "Société Générale 🙂"
    assert card.note == "漢字\U0010ffff\ue000"


# Settings ------------------------------------------------------------------------


def test_settings_default() -> None:
    assert Settings().irons_target == 5
    assert Board().settings == Settings()
    assert Board().schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("target", [1, 2, 999, 1000])
def test_irons_target_in_bounds(target: int) -> None:
    assert Settings(irons_target=target).irons_target == target


@pytest.mark.parametrize("target", [-1, 0, 1001, 10**6])
def test_irons_target_out_of_bounds(target: int) -> None:
    with pytest.raises(ValidationError) as error:
        Settings(irons_target=target)
    assert [e["loc"] for e in error.value.errors()] == [("irons_target",)]


# Enums ---------------------------------------------------------------------------


def test_stage_order_labels_and_ranks() -> None:
    assert [stage.value for stage in STAGES] == ["applied", "interviewed", "followed_up", "resolved"]
    assert WORKING_STAGES == (Stage.APPLIED, Stage.INTERVIEWED, Stage.FOLLOWED_UP)
    assert [stage.rank for stage in STAGES] == [0, 1, 2, 3]
    assert Stage.FOLLOWED_UP.label == "Followed up"
    assert Stage.APPLIED.label == "Applied"


def test_outcome_symbols_and_event_labels() -> None:
    assert {outcome.value: outcome.symbol for outcome in Outcome} == {"yes": "✓", "no": "✗", "withdrawn": "↩"}
    assert EventKind.THANK_YOU.label == "thank-you sent"
    assert EventKind.HEARD_BACK.label == "heard back"
    assert EventKind.MOVED.label == "moved"


def test_contact_emptiness_and_first_contact() -> None:
    assert Contact().is_empty
    assert not Contact(title="Recruiter").is_empty
    assert Contact(name="   ").is_empty  # trimmed to nothing
    first, second = Contact(name="Ann"), Contact(name="Bo")
    assert make_card(contacts=(first, second)).contact == first


def test_validators_are_built_without_pydantic_plugins_and_the_environment_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pydantic looks for plugins while a validator is built: told not to, and told only then."""
    from pydantic.plugin import _loader

    from fu_board import model

    seen: list[str | None] = []
    real = _loader.get_plugins

    def get_plugins() -> Any:
        seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
        return real()

    monkeypatch.setattr(_loader, "get_plugins", get_plugins)
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    monkeypatch.setattr(model, "_VALIDATORS", {})
    model.warm_up()
    assert seen
    assert set(seen) == {"__all__"}
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ

    seen.clear()
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")  # the person's own choice stands
    monkeypatch.setattr(model, "_VALIDATORS", {})
    model.warm_up()
    assert set(seen) == {"logfire"}
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"

"""Suggested messages: placeholders filled with a card's names and dates, and the
templates the model accepts or refuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from fu_board.drafts import after_no_message, placeholders, spoken_date, suggested_message
from fu_board.model import PLACEHOLDERS, Card, Interview, NoKind, Settings, Templates, describe_problem
from fu_board.rules import FollowUp, Reason, next_follow_up

D = dt.date.fromisoformat
TODAY = D("2026-11-25")

EVERY_PLACEHOLDER = "|".join("{" + name + "}" for name in PLACEHOLDERS)
MARKED = Templates(
    thank_you="T {contact}",
    decision_passed="D {decision_date}",
    after_interview="A {interview_date}",
    second_follow_up="W {company}",
    applied_no_answer="N {applied_date}",
)


def make_card(**fields: Any) -> Card:
    base: dict[str, Any] = {
        "id": "c1",
        "company": "Acme Robotics",
        "role": "Platform Engineer",
        "applied": "2026-11-02",
        "contacts": [{"name": "Ana María López", "email": "ana@acme.example"}],
        "stage": "followed_up",
        "interviews": [{"date": "2026-11-16"}, {"date": "2026-11-09"}],
        "decision_expected": "2026-11-20",
        "timeline": [
            {"date": "2026-11-02", "kind": "applied"},
            {"date": "2026-11-09", "kind": "interviewed"},
            {"date": "2026-11-23", "kind": "followed_up", "channel": "email"},
            {"date": "2026-11-16", "kind": "interviewed"},
            {"date": "2026-11-17", "kind": "followed_up"},
        ],
    }
    return Card.validate({**base, **fields})


def situation(reason: Reason, to: str | None = None, interview: Interview | None = None) -> FollowUp:
    return FollowUp(TODAY, reason, TODAY, to, interview)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        pytest.param("2026-11-23", "Monday 23 November", id="monday"),
        pytest.param("2026-12-01", "Tuesday 1 December", id="no-leading-zero"),
        pytest.param("2028-02-29", "Tuesday 29 February", id="leap-day"),
        pytest.param("2027-01-01", "Friday 1 January", id="new-year"),
    ],
)
def test_spoken_date(day: str, words: str) -> None:
    assert spoken_date(D(day)) == words


def test_every_placeholder_is_filled() -> None:
    assert placeholders(make_card()) == {
        "contact": "Ana",
        "interviewer": "Ana",
        "company": "Acme Robotics",
        "role": "Platform Engineer",
        "applied_date": "Monday 2 November",
        "interview_date": "Monday 16 November",  # the latest interview, not the last listed
        "decision_date": "Friday 20 November",
        "last_follow_up": "Monday 23 November",  # the latest follow-up, not the last listed
    }
    templates = Templates(second_follow_up=EVERY_PLACEHOLDER)
    assert suggested_message(make_card(), situation(Reason.WEEKLY), templates) == (
        "Ana|Ana|Acme Robotics|Platform Engineer|Monday 2 November|Monday 16 November|Friday 20 November|"
        "Monday 23 November"
    )


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        pytest.param([{"name": "Ana María López"}], "Ana", id="first-name"),
        pytest.param([{"name": "  Bo  "}], "Bo", id="trimmed"),
        pytest.param([{"name": "Cher"}, {"name": "Dev Patel"}], "Cher", id="first-contact"),
        pytest.param([], "there", id="no-contact"),
        pytest.param([{"email": "jobs@acme.example"}], "there", id="contact-without-name"),
    ],
)
def test_contact_is_the_first_name_or_there(contacts: list[dict[str, str]], expected: str) -> None:
    message = suggested_message(make_card(contacts=contacts), situation(Reason.THANK_YOU), MARKED)
    assert message == f"T {expected}"


def test_role_defaults_to_open() -> None:
    card = make_card(role="")
    assert placeholders(card)["role"] == "open"
    assert "the open role at Acme Robotics" in suggested_message(card, situation(Reason.WEEKLY), Templates())


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        pytest.param(Reason.THANK_YOU, "T Ana", id="thank-you"),
        pytest.param(Reason.DECISION_PASSED, "D Friday 20 November", id="decision-passed"),
        pytest.param(Reason.AFTER_INTERVIEW, "A Monday 16 November", id="after-interview"),
        pytest.param(Reason.WEEKLY, "W Acme Robotics", id="weekly"),
        pytest.param(Reason.APPLIED_NO_ANSWER, "N Monday 2 November", id="applied-no-answer"),
        pytest.param(Reason.SNOOZED, "W Acme Robotics", id="snoozed-uses-the-second-follow-up"),
        pytest.param(Reason.CLOSE_THE_LOOP, "C Acme Robotics", id="close-the-loop"),
        pytest.param(Reason.ASK_SILENCE_NO, "S Ana", id="ask-silence-no-suggests-the-closing-note"),
    ],
)
def test_each_situation_uses_its_own_template(reason: Reason, expected: str) -> None:
    templates = MARKED.replace(close_the_loop="C {company}", after_silence="S {contact}")
    assert suggested_message(make_card(), situation(reason, to="Ana María López"), templates) == expected


MESSAGES = [reason for reason in Reason if reason is not Reason.INTERVIEW_TODAY]


@pytest.mark.parametrize("reason", MESSAGES, ids=[reason.value for reason in MESSAGES])
def test_default_templates_fill_every_placeholder(reason: Reason) -> None:
    for card in (make_card(), make_card(contacts=[], role="", interviews=[], decision_expected=None)):
        message = suggested_message(card, situation(reason, to="Bo Chen"), Templates())
        assert "{" not in message
        assert "}" not in message
        assert "Acme Robotics" in message


BODIES = [name for name in Templates.field_names() if not name.endswith("_subject")]


@pytest.mark.parametrize("name", [name for name in BODIES if name != "after_no"])
def test_every_default_template_has_a_visible_slot_for_one_specific_thing(name: str) -> None:
    text: str = getattr(Templates(), name)
    assert text.count("[") == text.count("]")
    if name != "after_silence":  # the closing note after a silence has nothing left to add
        assert "[" in text


def test_no_message_to_nobody_and_none_for_an_interview() -> None:
    assert suggested_message(make_card(contacts=[]), situation(Reason.APPLIED_NO_ANSWER), Templates()) == ""
    assert suggested_message(make_card(), situation(Reason.INTERVIEW_TODAY), Templates()) == ""


def test_a_thank_you_is_addressed_to_the_interviewer_it_is_for() -> None:
    talk = Interview(date=D("2026-11-16"), interviewers=("Monica Hall", "Richard Roe"))
    card = make_card(interviews=[talk.as_dict()])
    for person, greeting in (("Monica Hall", "Hi Monica,"), ("Richard Roe", "Hi Richard,")):
        message = suggested_message(card, situation(Reason.THANK_YOU, person, talk), Templates())
        assert message.startswith(greeting)
        assert "on Monday 16 November" in message
    old_style = Templates(thank_you="Dear {contact}")  # a template from before {interviewer}: the same person
    assert suggested_message(card, situation(Reason.THANK_YOU, "Richard Roe", talk), old_style) == "Dear Richard"


def test_the_reply_to_a_no_fits_its_kind() -> None:
    said = make_card(stage="resolved", outcome="no", resolved_on="2026-11-24", no_kind="said")
    reply = after_no_message(said, Templates())
    assert reply.startswith("Hi Ana, thank you for letting me know. I am disappointed")
    assert "kept in mind for future roles at Acme Robotics" in reply
    assert "other opportunities" in reply
    assert "chose" not in reply  # it does not assume somebody was hired
    silence = said.replace(no_kind=NoKind.SILENCE)
    note = after_no_message(silence, Templates())
    assert "letting me know" not in note
    assert note.startswith("Hi Ana, as I have not heard back")
    assert after_no_message(silence, Templates(after_silence="")) == ""  # no note at all
    assert after_no_message(said.replace(no_kind=NoKind.FORM), Templates()) == ""  # nobody to reply to


@pytest.mark.parametrize(
    ("reason", "fragments"),
    [
        pytest.param(Reason.THANK_YOU, ("Hi Ana,", "Platform Engineer", "Monday 16 November"), id="thank-you"),
        pytest.param(Reason.DECISION_PASSED, ("Hi Ana,", "around Friday 20 November"), id="decision-passed"),
        pytest.param(Reason.AFTER_INTERVIEW, ("interview on Monday 16 November",), id="after-interview"),
        pytest.param(Reason.APPLIED_NO_ANSWER, ("on Monday 2 November",), id="applied-no-answer"),
        pytest.param(Reason.WEEKLY, ("Platform Engineer role at Acme Robotics", "a new angle"), id="second"),
        pytest.param(Reason.CLOSE_THE_LOOP, ("let me know either way", "even a no"), id="close-the-loop"),
    ],
)
def test_default_templates_read_well(reason: Reason, fragments: tuple[str, ...]) -> None:
    message = suggested_message(make_card(), situation(reason, to="Ana María López"), Templates())
    for fragment in fragments:
        assert fragment in message


def test_a_snoozed_card_gets_the_message_of_the_rule_set_aside() -> None:
    card = make_card(
        stage="interviewed",
        interviews=[{"date": "2026-11-24"}],
        timeline=[{"date": "2026-11-02", "kind": "applied"}, {"date": "2026-11-24", "kind": "interviewed"}],
        snoozed_until="2026-11-27",
    )
    rules = Settings(templates=MARKED)
    snoozed_rule = next_follow_up(card, rules, TODAY)
    assert snoozed_rule is not None
    assert snoozed_rule.reason is Reason.SNOOZED
    assert suggested_message(card, snoozed_rule, rules.templates) == "W Acme Robotics"
    set_aside = next_follow_up(card, rules, TODAY, snooze=False)
    assert set_aside is not None
    assert suggested_message(card, set_aside, rules.templates) == "T Ana"


def test_doubled_braces_are_literal() -> None:
    templates = Templates(second_follow_up="{{contact}} is {contact} {{")
    assert suggested_message(make_card(), situation(Reason.WEEKLY), templates) == "{contact} is Ana {"


# Templates the model refuses ------------------------------------------------------


def template_problem(field: str, text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        Settings.validate({"templates": {field: text}})
    return describe_problem(caught.value)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        pytest.param("Hi {name}", "{name}", id="unknown-name"),
        pytest.param("Hi {Contact}", "{Contact}", id="wrong-case"),
        pytest.param("Hi {}", "{}", id="positional"),
        pytest.param("Hi {0}", "{0}", id="numbered"),
        pytest.param("Hi {contact.name}", "{contact.name}", id="attribute"),
        pytest.param("Hi {contact[0]}", "{contact[0]}", id="index"),
    ],
)
def test_unknown_placeholders_are_refused_naming_the_setting_not_the_text(text: str, named: str) -> None:
    problem = template_problem("second_follow_up", text)
    assert problem.startswith("templates.second_follow_up: its 1st placeholder is not one fu-board fills in; use ")
    assert named not in problem.split("; use ")[0]  # the template's own text is the person's: never quoted
    for name in PLACEHOLDERS:
        assert "{" + name + "}" in problem


def test_the_placeholder_at_fault_is_counted_not_quoted() -> None:
    problem = template_problem("thank_you", "Dear {interviewer}, as {role} at {compnay}: {my private note}")
    assert "its 3rd placeholder is not one fu-board fills in" in problem
    assert "compnay" not in problem
    assert "private" not in problem


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hi {contact", id="unclosed"),
        pytest.param("Hi { there", id="lone-open"),
        pytest.param("Hi } there", id="lone-close"),
        pytest.param("costs {", id="trailing-open"),
    ],
)
def test_lone_braces_are_refused(text: str) -> None:
    problem = template_problem("thank_you", text)
    assert problem.startswith("templates.thank_you: is not a valid template")
    assert "{{" in problem


@pytest.mark.parametrize("field", list(Templates.field_names()))
def test_every_template_is_checked(field: str) -> None:
    assert "its 1st placeholder is not one fu-board fills in" in template_problem(field, "{nope}")


@pytest.mark.parametrize("template", ["Hi {contact:{bogus}}", "Hi {contact:d}", "Hi {company!r}", "{role:>30}"])
def test_format_codes_are_refused(template: str) -> None:
    # `{contact:{bogus}}` hides an unknown placeholder and `{contact:d}` fails on
    # text: accepting either would make the daily review fail when it fills the message.
    with pytest.raises(
        ValidationError, match=r"placeholder has a format code \(after ! or :\); use plain placeholders"
    ):
        Templates(second_follow_up=template)


def test_every_known_placeholder_is_accepted() -> None:
    templates = Templates(**dict.fromkeys(Templates.field_names(), EVERY_PLACEHOLDER))
    assert templates.second_follow_up == EVERY_PLACEHOLDER


@pytest.mark.parametrize("name", BODIES)
def test_every_message_has_a_subject_on_one_line_without_a_slot(name: str) -> None:
    subject: str = getattr(Templates(), f"{name}_subject")
    assert subject
    assert "\n" not in subject
    assert "[" not in subject

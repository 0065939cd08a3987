"""Drafts as emails: the `mailto:` URL of RFC 6068 for hard cases, the subject templates,
and `fu-board draft`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from pydantic import ValidationError

from fu_board import board as ops
from fu_board.drafts import Draft, NoSuchPerson, card_draft
from fu_board.mail import mailto
from fu_board.model import Board, Card, Contact, NoKind, Outcome, Settings, Templates, describe_problem
from fu_board.store import load_board, save_board
from tests.test_cli import run_main

TODAY = dt.date(2026, 11, 25)


def draft(**changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "template": "thank_you",
        "to": "Monica Hall",
        "email": "monica@hooli.example",
        "subject": "Thanks",
        "body": "Hi",
    }
    return Draft(**(fields | changes))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, "mailto:monica@hooli.example?subject=Thanks&body=Hi", id="plain"),
        pytest.param(
            {"subject": "Hall, Monica & Richard: A?B#C 100%"},
            "mailto:monica@hooli.example?subject=Hall%2C%20Monica%20%26%20Richard%3A%20A%3FB%23C%20100%25&body=Hi",
            id="reserved-characters",
        ),
        pytest.param(
            {"body": "Hi Zoë,\nthanks 🎉\r\nsee you\rsoon"},
            "mailto:monica@hooli.example?subject=Thanks&body=Hi%20Zo%C3%AB%2C%0D%0Athanks%20%F0%9F%8E%89%0D%0A"
            "see%20you%0D%0Asoon",
            id="accents-emoji-and-every-line-break-as-crlf",
        ),
        pytest.param(
            {"email": "o'brien+jobs@münchen.example"},
            "mailto:o%27brien%2Bjobs@m%C3%BCnchen.example?subject=Thanks&body=Hi",
            id="address-with-plus-quote-and-accent",
        ),
        pytest.param(
            {"email": "a&b?c#d,e%f@x.example"},
            "mailto:a%26b%3Fc%23d%2Ce%25f@x.example?subject=Thanks&body=Hi",
            id="address-with-delimiters",
        ),
        pytest.param({"email": ""}, "mailto:?subject=Thanks&body=Hi", id="no-address"),
        pytest.param({"subject": "1 + 1"}, "mailto:monica@hooli.example?subject=1%20%2B%201&body=Hi", id="plus-sign"),
    ],
)
def test_mailto_encodes_as_rfc_6068_asks(changes: dict[str, Any], expected: str) -> None:
    assert mailto(draft(**changes)) == expected


def test_a_mailto_reads_back_to_the_draft() -> None:
    written = draft(subject="Re: A & B, 50% ?#", body="Line one,\nline two: ok?\n\n— Zoë 🙂")
    parts = urlsplit(mailto(written))
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == written.email
    fields = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(fields) == {"subject", "body"}
    assert unquote(fields["subject"]) == written.subject
    assert unquote(fields["body"]) == written.body.replace("\n", "\r\n")


def interviewed_card(**changes: Any) -> Card:
    fields: dict[str, Any] = {
        "id": "k7m2",
        "company": "Hooli",
        "role": "SRE",
        "applied": "2026-11-02",
        "stage": "interviewed",
        "contacts": [
            {"name": "Gavin Belson", "email": "gavin@hooli.example"},
            {"name": "Hall, Monica", "email": "monica@hooli.example"},
        ],
        "interviews": [{"date": "2026-11-24", "interviewers": ["Hall, Monica", "Richard Roe"]}],
        "timeline": [{"date": "2026-11-02", "kind": "applied"}, {"date": "2026-11-24", "kind": "interviewed"}],
    }
    return Card.validate(fields | changes)


def test_a_thank_you_is_drafted_to_the_first_interviewer_owed_with_their_address() -> None:
    written = card_draft(interviewed_card(), Settings(), TODAY)
    assert written is not None
    assert (written.template, written.to, written.email) == ("thank_you", "Hall, Monica", "monica@hooli.example")
    assert written.subject == "Thank you: the SRE role at Hooli"
    assert written.body.startswith("Hi Monica,")  # "Last, First" greets the first name


def test_to_picks_the_thank_you_of_that_interviewer_and_says_no_address_is_known() -> None:
    written = card_draft(interviewed_card(), Settings(), TODAY, to="richard")
    assert written is not None
    assert (written.template, written.to, written.email) == ("thank_you", "Richard Roe", "")
    assert written.body.startswith("Hi Richard,")
    with pytest.raises(NoSuchPerson):
        card_draft(interviewed_card(), Settings(), TODAY, to="Dinesh")


def test_subjects_are_templates_of_their_own() -> None:
    settings = Settings(templates=Templates(thank_you_subject="Thanks from me, {interviewer} ({company})"))
    written = card_draft(interviewed_card(), settings, TODAY, to="Richard Roe")
    assert written is not None
    assert written.subject == "Thanks from me, Richard (Hooli)"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Two\nlines", "templates.after_no_subject: is a subject line: one line, without line breaks"),
        ("Hi {boss}", "templates.after_no_subject: its 1st placeholder is not one fu-board fills in"),
    ],
)
def test_a_subject_that_cannot_be_one_says_why(value: str, problem: str) -> None:
    with pytest.raises(ValidationError) as error:
        Settings.validate({"templates": {"after_no_subject": value}})
    assert describe_problem(error.value).startswith(problem)


def test_after_a_no_the_reply_is_drafted_and_a_form_rejection_has_none() -> None:
    board = Board(cards=(interviewed_card(),))
    said = ops.resolve_card(board, "k7m2", Outcome.NO, on=TODAY, no_kind=NoKind.SAID).card
    written = card_draft(said, Settings(), TODAY)
    assert written is not None
    assert written.template == "after_no"
    assert (written.to, written.email) == ("Gavin Belson", "gavin@hooli.example")
    form = ops.resolve_card(board, "k7m2", Outcome.NO, on=TODAY, no_kind=NoKind.FORM).card
    assert card_draft(form, Settings(), TODAY) is None
    yes = ops.resolve_card(board, "k7m2", Outcome.YES, on=TODAY).card
    assert card_draft(yes, Settings(), TODAY) is None


# fu-board draft ---------------------------------------------------------------------------


@pytest.fixture
def drafted_board(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    save_board(path, Board(cards=(interviewed_card(),)))
    return path


def test_draft_prints_a_message_with_its_headers(capsys: pytest.CaptureFixture[str], drafted_board: Path) -> None:
    before = drafted_board.read_bytes()
    result = run_main(capsys, ["draft", "k7m2", "--board", str(drafted_board)], TODAY)
    assert result.code == 0, result.err
    head, _, body = result.out.partition("\n\n")
    assert head.splitlines() == [
        'To: "Hall, Monica" <monica@hooli.example>',
        "Subject: Thank you: the SRE role at Hooli",
    ]
    assert body.startswith("Hi Monica, thank you for taking the time")
    assert drafted_board.read_bytes() == before  # drafting writes nothing


def test_draft_json_and_mailto(capsys: pytest.CaptureFixture[str], drafted_board: Path) -> None:
    result = run_main(capsys, ["draft", "k7m2", "--to", "Richard", "--json", "--board", str(drafted_board)], TODAY)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert set(data) == {"id", "template", "to", "email", "subject", "body", "mailto"}
    assert (data["id"], data["template"], data["to"], data["email"]) == ("k7m2", "thank_you", "Richard Roe", None)
    assert data["mailto"].startswith("mailto:?subject=Thank%20you%3A%20the%20SRE%20role%20at%20Hooli&body=Hi%20Richard")
    url = run_main(capsys, ["draft", "k7m2", "--to", "Richard", "--mailto", "--board", str(drafted_board)], TODAY)
    assert (url.code, url.out) == (0, data["mailto"] + "\n")
    assert "no email known" in url.err


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["draft", "zzzz"], 2, "no card has the id 'zzzz'"),
        (["draft", "k7m2", "--to", "Dinesh"], 2, "--to: nobody of that name on k7m2"),
        (["draft", "k7m2", "--json", "--mailto"], 2, "not allowed with argument"),
    ],
)
def test_draft_refuses_what_it_cannot_do(
    capsys: pytest.CaptureFixture[str], drafted_board: Path, argv: list[str], code: int, said: str
) -> None:
    before = drafted_board.read_bytes()
    result = run_main(capsys, [*argv, "--board", str(drafted_board)], TODAY)
    assert result.code == code
    assert said in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert drafted_board.read_bytes() == before


def test_draft_says_when_there_is_nothing_to_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "board.toml"
    card = Card.validate({"id": "y1", "company": "Acme", "applied": "2026-11-01", "contacts": [Contact(name="Al")]})
    board = ops.resolve_card(Board(cards=(card,)), "y1", Outcome.YES, on=TODAY).board
    save_board(path, board)
    result = run_main(capsys, ["draft", "y1", "--board", str(path)], TODAY)
    assert (result.code, result.out) == (1, "")
    assert "nothing to write on y1" in result.err
    assert load_board(path) == board

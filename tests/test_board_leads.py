"""The kind of a no on the board operations, the lead a no can open, and the reply to a no."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from fu_board.board import (
    BoardError,
    CardNotFound,
    add_card,
    add_lead,
    log_follow_up,
    log_interview,
    move_card,
    resolve_card,
)
from fu_board.drafts import after_no_message
from fu_board.model import Board, Card, Contact, Event, EventKind, NoKind, Outcome, Settings, Stage, Templates

APPLIED = dt.date(2026, 11, 2)
ANSWER = dt.date(2026, 11, 20)
LATER = dt.date(2026, 11, 25)

DANA = Contact(name="Dana Scully", email="dana@acme.example", title="Recruiter")
FOX = Contact(name="Fox Mulder", email="fox@globex.example")


def board_with(*companies: str, contact: Contact | None = None) -> tuple[Board, list[str]]:
    board, ids = Board(), list[str]()
    for company in companies:
        added = add_card(board, company=company, applied=APPLIED, role="Data Engineer", contact=contact)
        board = added.board
        ids.append(added.card.id)
    return board, ids


# resolve_card and the kind of a no ----------------------------------------------------------------------------


def test_a_no_is_said_unless_told_otherwise() -> None:
    board, (card_id,) = board_with("Acme")
    done = resolve_card(board, card_id, Outcome.NO, on=ANSWER)
    assert done.card.no_kind is NoKind.SAID
    assert done.event == Event(
        date=ANSWER, kind=EventKind.RESOLVED, outcome=Outcome.NO, no_kind=NoKind.SAID, from_stage=Stage.APPLIED
    )
    assert done.card.timeline[-1] == done.event
    assert done.board.card(card_id) == done.card


@pytest.mark.parametrize("kind", list(NoKind))
def test_a_no_records_the_kind_given_on_the_card_and_the_event(kind: NoKind) -> None:
    board, (card_id,) = board_with("Acme")
    done = resolve_card(board, card_id, Outcome.NO, on=ANSWER, no_kind=kind)
    assert done.card.no_kind is kind
    assert done.event is not None
    assert done.event.no_kind is kind
    assert done.event.outcome is Outcome.NO
    assert done.board.card(card_id).no_kind is kind


@pytest.mark.parametrize("outcome", [Outcome.YES, Outcome.WITHDRAWN])
@pytest.mark.parametrize("kind", list(NoKind))
def test_only_a_no_has_a_kind(outcome: Outcome, kind: NoKind) -> None:
    board, (card_id,) = board_with("Acme")
    with pytest.raises(BoardError, match="only a no"):
        resolve_card(board, card_id, outcome, on=ANSWER, no_kind=kind)
    assert board.card(card_id).stage is Stage.APPLIED


@pytest.mark.parametrize("outcome", [Outcome.YES, Outcome.WITHDRAWN])
def test_turning_a_no_into_another_answer_clears_its_kind(outcome: Outcome) -> None:
    board, (card_id,) = board_with("Acme")
    board = resolve_card(board, card_id, Outcome.NO, on=ANSWER, no_kind=NoKind.SILENCE).board
    done = resolve_card(board, card_id, outcome, on=LATER)
    assert done.card.outcome is outcome
    assert done.card.no_kind is None
    # Still from the column it left before the no, where reopening puts it back.
    assert done.event == Event(date=LATER, kind=EventKind.RESOLVED, outcome=outcome, from_stage=Stage.APPLIED)
    # the history keeps the no and its kind
    resolved = [event for event in done.card.timeline if event.kind is EventKind.RESOLVED]
    assert [(event.outcome, event.no_kind) for event in resolved] == [(Outcome.NO, NoKind.SILENCE), (outcome, None)]


def test_turning_a_yes_into_a_no_gives_it_a_kind() -> None:
    board, (card_id,) = board_with("Acme")
    board = resolve_card(board, card_id, Outcome.YES, on=ANSWER).board
    done = resolve_card(board, card_id, Outcome.NO, on=LATER, no_kind=NoKind.SILENCE)
    assert (done.card.outcome, done.card.no_kind) == (Outcome.NO, NoKind.SILENCE)


def test_a_no_twice_is_refused_whatever_the_kind() -> None:
    board, (card_id,) = board_with("Acme")
    board = resolve_card(board, card_id, Outcome.NO, on=ANSWER).board
    with pytest.raises(BoardError, match="already resolved as no"):
        resolve_card(board, card_id, Outcome.NO, on=LATER, no_kind=NoKind.SILENCE)


@pytest.mark.parametrize("to", [Stage.APPLIED, Stage.INTERVIEWED, Stage.FOLLOWED_UP])
def test_reopening_a_no_clears_its_kind(to: Stage) -> None:
    board, (card_id,) = board_with("Acme")
    if to is not Stage.APPLIED:  # a card goes back only where its history allows
        board = log_interview(board, card_id, on=APPLIED).board
    if to is Stage.FOLLOWED_UP:
        board = log_follow_up(board, card_id, on=APPLIED).board
    board = resolve_card(board, card_id, Outcome.NO, on=ANSWER, no_kind=NoKind.SILENCE).board
    done = move_card(board, card_id, to, on=LATER)
    assert done.card.stage is to
    assert (done.card.outcome, done.card.resolved_on, done.card.no_kind) == (None, None, None)
    assert done.event == Event(date=LATER, kind=EventKind.REOPENED, to=to)


def test_the_model_refuses_a_kind_on_anything_but_a_no() -> None:
    base = {"id": "abcd", "company": "Acme", "applied": APPLIED, "no_kind": "silence"}
    with pytest.raises(ValidationError, match="only a no has a no_kind"):
        Card.validate({**base, "stage": "resolved", "outcome": "yes", "resolved_on": ANSWER})
    with pytest.raises(ValidationError, match="only a no has a no_kind"):
        Card.validate(base)


# add_lead -----------------------------------------------------------------------------------------------------


def test_a_lead_becomes_a_new_card_in_applied_with_the_contact_given() -> None:
    board, (acme, other) = board_with("Acme", "Initech", contact=DANA)
    board = resolve_card(board, acme, Outcome.NO, on=ANSWER).board
    done = add_lead(
        board,
        acme,
        company="Globex",
        on=LATER,
        role="Platform Engineer",
        link="https://globex.example/jobs/1",
        contact=FOX,
        note="Dana says they are hiring",
    )
    lead = done.card
    assert lead.id not in {acme, other}
    assert (lead.company, lead.role, lead.link, lead.note) == (
        "Globex",
        "Platform Engineer",
        "https://globex.example/jobs/1",
        "Dana says they are hiring",
    )
    assert lead.stage is Stage.APPLIED
    assert lead.furthest_stage is Stage.APPLIED
    assert lead.applied == LATER
    assert lead.contacts == (FOX,)
    assert lead.outcome is None
    assert [card.id for card in done.board.cards] == [other, acme, lead.id]  # answered cards move to the end
    assert done.board.card(lead.id) == lead


def test_both_timelines_link_to_each_other() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    board = resolve_card(board, acme, Outcome.NO, on=ANSWER).board
    done = add_lead(board, acme, company="Globex", on=LATER, contact=FOX)
    lead, source = done.card, done.board.card(acme)

    assert [event.kind for event in lead.timeline] == [EventKind.APPLIED, EventKind.LEAD]
    came_from = lead.timeline[-1]
    assert came_from == Event(date=LATER, kind=EventKind.LEAD, note="lead from Dana Scully at Acme", card=acme)
    assert done.event == came_from

    gave = source.timeline[-1]
    assert gave == Event(date=LATER, kind=EventKind.LEAD, note="gave a lead: Globex", card=lead.id)


def test_the_source_card_is_otherwise_unchanged() -> None:
    board, (acme, other) = board_with("Acme", "Initech", contact=DANA)
    board = resolve_card(board, acme, Outcome.NO, on=ANSWER, no_kind=NoKind.SILENCE).board
    before = board.card(acme)
    done = add_lead(board, acme, company="Globex", on=LATER)
    after = done.board.card(acme)
    assert after.timeline[:-1] == before.timeline
    assert after.replace(timeline=before.timeline) == before
    assert (after.stage, after.outcome, after.no_kind) == (Stage.RESOLVED, Outcome.NO, NoKind.SILENCE)
    assert done.board.card(other) == board.card(other)
    assert done.board.settings == board.settings
    assert done.board.review == board.review


def test_a_lead_from_an_open_card_leaves_it_open() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    done = add_lead(board, acme, company="Globex", on=LATER)
    source = done.board.card(acme)
    assert source.stage is Stage.APPLIED
    assert source.snoozed_until is None
    assert source.timeline[-1].card == done.card.id


@pytest.mark.parametrize(
    "contact",
    [
        pytest.param(None, id="no-contact"),
        pytest.param(Contact(email="hr@acme.example"), id="contact-without-a-name"),
    ],
)
def test_a_lead_from_a_nameless_contact_says_your_contact(contact: Contact | None) -> None:
    board, (acme,) = board_with("Acme", contact=contact)
    done = add_lead(board, acme, company="Globex", on=LATER)
    assert done.card.timeline[-1].note == "lead from your contact at Acme"
    assert done.card.contacts == ()


def test_a_lead_company_name_is_trimmed_in_both_notes() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    done = add_lead(board, acme, company="  Globex  ", on=LATER)
    assert done.card.company == "Globex"
    assert done.board.card(acme).timeline[-1].note == "gave a lead: Globex"


@pytest.mark.parametrize("company", ["", "   "])
def test_a_lead_without_a_company_is_refused(company: str) -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    with pytest.raises(BoardError, match="company") as raised:
        add_lead(board, acme, company=company, on=LATER)
    assert not isinstance(raised.value, CardNotFound)


def test_a_lead_from_an_unknown_card_is_refused() -> None:
    board, _ = board_with("Acme", contact=DANA)
    with pytest.raises(CardNotFound):
        add_lead(board, "zzzz", company="Globex", on=LATER)


def test_several_leads_from_one_card_each_link_back() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    first = add_lead(board, acme, company="Globex", on=LATER)
    second = add_lead(first.board, acme, company="Hooli", on=LATER)
    source = second.board.card(acme)
    links = [(event.note, event.card) for event in source.timeline if event.kind is EventKind.LEAD]
    assert links == [("gave a lead: Globex", first.card.id), ("gave a lead: Hooli", second.card.id)]
    assert first.card.id != second.card.id
    assert len(second.board.cards) == 3


# after_no_message ---------------------------------------------------------------------------------------------


def test_the_reply_to_a_no_names_the_contact_company_and_role() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    card = resolve_card(board, acme, Outcome.NO, on=ANSWER).card
    message = after_no_message(card, Templates())
    assert message.startswith("Hi Dana, thank you for letting me know.")
    assert "the Data Engineer role at Acme" in message
    assert "disappointed" in message
    assert "wish you and the team well" in message
    assert "kept in mind for future roles at Acme" in message
    assert "the person you chose" not in message  # it does not assume somebody was hired
    assert "other opportunities" in message
    assert "{" not in message


def test_the_reply_to_a_no_uses_the_persons_own_template() -> None:
    board, (acme,) = board_with("Acme", contact=DANA)
    templates = Settings(templates=Templates(after_no="Thanks {contact}: {company}, {role}.")).templates
    assert after_no_message(board.card(acme), templates) == "Thanks Dana: Acme, Data Engineer."


def test_the_reply_to_a_no_without_a_contact_or_role() -> None:
    card = add_card(Board(), company="Acme", applied=APPLIED).card
    message = after_no_message(card, Templates())
    assert message.startswith("Hi there, ")
    assert "the open role at Acme" in message

"""The pure board operations: add, edit, move, resolve, delete, find, and column order."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from fu_board import board as ops
from fu_board.board import (
    ID_ALPHABET,
    BoardError,
    CardNotFound,
    add_card,
    delete_card,
    edit_card,
    find_card,
    log_follow_up,
    log_interview,
    move_card,
    neighbour_stage,
    new_card_id,
    resolve_card,
)
from fu_board.columns import column
from fu_board.counts import last_touch
from fu_board.model import Board, Card, Contact, Event, EventKind, Interview, NoKind, Outcome, Stage

DAY1 = dt.date(2024, 3, 1)
DAY2 = dt.date(2024, 3, 8)
DAY3 = dt.date(2024, 3, 15)
DAY4 = dt.date(2024, 3, 22)


def one_card(**fields: Any) -> tuple[Board, Card]:
    change = add_card(Board(), company=fields.pop("company", "Acme"), applied=fields.pop("applied", DAY1), **fields)
    return change.board, change.card


def make_card(card_id: str, **fields: Any) -> Card:
    base: dict[str, Any] = {"id": card_id, "company": f"Company {card_id}", "applied": DAY1}
    return Card.validate({**base, **fields})


# add_card ------------------------------------------------------------------------


def test_add_card_records_an_applied_event() -> None:
    board = Board()
    change = add_card(board, company="  Acme  ", applied=DAY2, role="Engineer", link="https://a.example", note="hi")
    card = change.card
    assert change.board.cards == (card,)
    assert board.cards == ()  # the original board is untouched
    assert card.company == "Acme"
    assert (card.role, card.link, card.note) == ("Engineer", "https://a.example", "hi")
    assert card.applied == DAY2
    assert card.stage is Stage.APPLIED
    assert card.furthest_stage is Stage.APPLIED
    assert change.event == Event(date=DAY2, kind=EventKind.APPLIED)
    assert card.timeline == (change.event,)


def test_add_card_id_is_short_and_easy_to_type() -> None:
    _, card = one_card()
    assert len(card.id) == ops.ID_LENGTH == 4
    assert set(card.id) <= set(ID_ALPHABET)
    assert not set(card.id) & set("01ilo")


def test_add_card_ids_are_unique() -> None:
    board = Board()
    for number in range(300):
        board = add_card(board, company=f"Company {number}", applied=DAY1).board
    ids = [card.id for card in board.cards]
    assert len(set(ids)) == 300
    assert [card.company for card in board.cards] == [f"Company {n}" for n in range(300)]


def test_new_card_id_avoids_taken_ids_and_grows_when_crowded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "ID_LENGTH", 1)
    all_short = set(ID_ALPHABET)
    for _ in range(20):
        fresh = new_card_id(all_short)
        assert len(fresh) == 2
        assert set(fresh) <= all_short
    taken = all_short - {"k"}
    for _ in range(20):
        fresh = new_card_id(taken)
        assert fresh not in taken
        assert fresh == "k" or len(fresh) == 2


def test_add_card_keeps_a_real_contact() -> None:
    contact = Contact(name="Jo Smith", email="jo@example.com")
    _, card = one_card(contact=contact)
    assert card.contacts == (contact,)
    assert card.contact == contact


@pytest.mark.parametrize("contact", [None, Contact(), Contact(name="  ", email="")])
def test_add_card_drops_an_empty_contact(contact: Contact | None) -> None:
    _, card = one_card(contact=contact)
    assert card.contacts == ()
    assert card.contact is None


def test_add_card_refuses_a_blank_company() -> None:
    with pytest.raises(BoardError, match=r"^company: is required and cannot be blank$"):
        add_card(Board(), company="   ", applied=DAY1)


# edit_card -----------------------------------------------------------------------


def test_edit_card_records_which_fields_changed() -> None:
    board, card = one_card(role="Dev")
    change = edit_card(board, card.id, on=DAY2, company="Acme Ltd", role="Dev", note="call back")
    assert change.card.company == "Acme Ltd"
    assert change.card.note == "call back"
    assert change.event is not None
    assert change.event.kind is EventKind.EDITED
    assert change.event.date == DAY2
    assert change.event.note == "changed company, note"
    assert change.card.timeline == (*card.timeline, change.event)
    assert change.board.card(card.id) == change.card
    assert board.card(card.id) == card  # the original is untouched


def test_edit_card_without_a_change_records_nothing() -> None:
    board, card = one_card(role="Dev")
    change = edit_card(board, card.id, on=DAY2, company=" Acme ", role="Dev")
    assert change.event is None
    assert change.board == board
    assert change.card == card
    assert change.card.timeline == card.timeline


def test_edit_card_with_no_fields_records_nothing() -> None:
    board, card = one_card()
    change = edit_card(board, card.id, on=DAY2)
    assert change.event is None
    assert change.board == board


@pytest.mark.parametrize("company", ["", "   "])
def test_edit_card_refuses_a_blank_company(company: str) -> None:
    board, card = one_card()
    with pytest.raises(BoardError) as error:
        edit_card(board, card.id, on=DAY2, company=company)
    assert str(error.value) == "company: is required and cannot be blank"


@pytest.mark.parametrize("field", ["stage", "outcome", "id", "timeline", "furthest_stage", "nonsense"])
def test_edit_card_refuses_fields_that_are_not_details(field: str) -> None:
    board, card = one_card()
    with pytest.raises(BoardError, match=field):
        edit_card(board, card.id, on=DAY2, **{field: "x"})


def test_edit_card_drops_empty_contacts() -> None:
    board, card = one_card()
    jo = Contact(name="Jo")
    change = edit_card(board, card.id, on=DAY2, contacts=[Contact(), jo, Contact(email=" ")])
    assert change.card.contacts == (jo,)
    assert change.event is not None
    assert change.event.note == "changed contacts"
    # Only empty contacts given to a card without contacts is no change at all.
    assert edit_card(board, card.id, on=DAY2, contacts=[Contact()]).event is None


def test_edit_card_checks_a_contact_built_without_checks() -> None:
    """`Record.replace` checks nothing (the card screen builds the edited contact with it):
    the operation checks every contact again, trims it, and names the problem."""
    board, card = one_card()
    change = edit_card(board, card.id, on=DAY2, contacts=[Contact().replace(name="  Jo  ")])
    assert change.card.contacts == (Contact(name="Jo"),)
    with pytest.raises(BoardError, match=r"^contact name: contains characters that are not valid text"):
        edit_card(board, card.id, on=DAY2, contacts=[Contact().replace(name="Jo \udcff")])


def test_edit_card_dates() -> None:
    board, card = one_card()
    change = edit_card(board, card.id, on=DAY3, applied=DAY2, decision_expected=DAY4)
    assert (change.card.applied, change.card.decision_expected) == (DAY2, DAY4)
    assert change.event is not None
    assert change.event.note == "changed applied, decision_expected"


def test_edit_card_unknown_id() -> None:
    board, _ = one_card()
    with pytest.raises(CardNotFound, match="card zzzz is no longer on the board"):
        edit_card(board, "zzzz", on=DAY2, note="x")


# move_card -----------------------------------------------------------------------


def interviewed_card(**fields: Any) -> tuple[Board, Card]:
    """A card with an interview on DAY2: logged, as the board does, never moved there."""
    board, card = one_card(**fields)
    change = log_interview(board, card.id, on=DAY2)
    return change.board, change.card


def followed_up_card() -> tuple[Board, Card]:
    """A card interviewed on DAY2 and followed up on DAY3: in Followed up."""
    board, card = interviewed_card()
    change = log_follow_up(board, card.id, on=DAY3)
    assert change.card.stage is Stage.FOLLOWED_UP
    return change.board, change.card


def test_a_move_into_interviewed_never_invents_an_interview() -> None:
    board, card = one_card()
    with pytest.raises(BoardError) as refused:
        move_card(board, card.id, Stage.INTERVIEWED, on=DAY2)
    assert str(refused.value) == (
        "Interviewed holds cards with an interview booked or held, and no follow-up since: "
        "log the interview instead (i on the board, fu-board interview ID --date D)"
    )
    assert board.card(card.id) == card


def test_a_move_into_followed_up_never_invents_a_follow_up() -> None:
    board, card = one_card()
    with pytest.raises(BoardError, match="a nudge on an application keeps it in Applied"):
        move_card(board, card.id, Stage.FOLLOWED_UP, on=DAY3)
    board, card = interviewed_card()
    with pytest.raises(BoardError, match="log the follow-up instead, and the card moves"):
        move_card(board, card.id, Stage.FOLLOWED_UP, on=DAY3)
    assert board.card(card.id) == card


def test_a_second_interview_is_added_not_replaced() -> None:
    board, card = followed_up_card()
    change = log_interview(board, card.id, on=DAY4)
    assert change.card.interviews == (Interview(date=DAY2, id=1), Interview(date=DAY4, id=2))
    assert change.card.stage is Stage.INTERVIEWED
    assert change.card.furthest_stage is Stage.FOLLOWED_UP


def test_move_back_to_applied_records_moved_and_keeps_furthest_stage() -> None:
    board, card = followed_up_card()
    change = move_card(board, card.id, Stage.APPLIED, on=DAY4)
    assert change.card.stage is Stage.APPLIED
    assert change.card.furthest_stage is Stage.FOLLOWED_UP
    assert change.event == Event(date=DAY4, kind=EventKind.MOVED, to=Stage.APPLIED)
    assert [event.kind for event in change.card.timeline] == [
        EventKind.APPLIED,
        EventKind.INTERVIEWED,
        EventKind.FOLLOWED_UP,
        EventKind.MOVED,
    ]
    assert change.card.interviews == card.interviews


def test_moves_back_where_the_history_allows_record_moved_and_invent_nothing() -> None:
    board, card = followed_up_card()
    back = move_card(board, card.id, Stage.INTERVIEWED, on=DAY4)
    assert back.card.stage is Stage.INTERVIEWED
    assert back.card.furthest_stage is Stage.FOLLOWED_UP
    assert back.event == Event(date=DAY4, kind=EventKind.MOVED, to=Stage.INTERVIEWED)
    assert back.card.interviews == card.interviews  # no interview invented
    again = move_card(back.board, card.id, Stage.FOLLOWED_UP, on=DAY4)  # its follow-up is on record
    assert again.card.stage is Stage.FOLLOWED_UP
    assert again.event == Event(date=DAY4, kind=EventKind.MOVED, to=Stage.FOLLOWED_UP)
    assert sum(event.kind is EventKind.FOLLOWED_UP for event in again.card.timeline) == 1


@pytest.mark.parametrize("to", [Stage.APPLIED, Stage.INTERVIEWED])
def test_moving_a_resolved_card_back_reopens_it(to: Stage) -> None:
    board, card = interviewed_card()
    board = resolve_card(board, card.id, Outcome.NO, on=DAY3).board
    change = move_card(board, card.id, to, on=DAY4)
    reopened = change.card
    assert reopened.stage is to
    assert reopened.outcome is None
    assert reopened.resolved_on is None
    assert reopened.no_kind is None
    assert not reopened.is_resolved
    assert reopened.furthest_stage is Stage.INTERVIEWED
    assert change.event == Event(date=DAY4, kind=EventKind.REOPENED, to=to)
    assert reopened.timeline[-1] == change.event
    assert len(reopened.timeline) == 4
    assert reopened.interviews == (Interview(date=DAY2, id=1),)  # going back invents no interview


def test_reopening_into_a_column_its_history_does_not_allow_is_refused() -> None:
    board, card = interviewed_card()
    board = resolve_card(board, card.id, Outcome.NO, on=DAY3).board
    with pytest.raises(BoardError, match="log the follow-up instead"):
        move_card(board, card.id, Stage.FOLLOWED_UP, on=DAY4)
    board, card = one_card()
    board = resolve_card(board, card.id, Outcome.WITHDRAWN, on=DAY2).board
    with pytest.raises(BoardError, match="log the interview instead"):
        move_card(board, card.id, Stage.INTERVIEWED, on=DAY3)
    assert board.card(card.id).is_resolved


@pytest.mark.parametrize(
    ("setup", "left"),
    [
        pytest.param(one_card, Stage.APPLIED, id="applied"),
        pytest.param(interviewed_card, Stage.INTERVIEWED, id="interviewed"),
        pytest.param(followed_up_card, Stage.FOLLOWED_UP, id="followed-up"),
    ],
)
def test_resolving_records_the_column_left_and_reopening_goes_back_to_it(setup: Any, left: Stage) -> None:
    board, card = setup()
    resolved = resolve_card(board, card.id, Outcome.NO, on=DAY4)
    assert resolved.event is not None
    assert resolved.event.from_stage is left
    changed = resolve_card(resolved.board, card.id, Outcome.YES, on=DAY4)  # a new answer: still from there
    assert changed.event is not None
    assert changed.event.from_stage is left
    reopened = ops.reopen_card(changed.board, card.id, on=DAY4)
    assert reopened.card.stage is left
    assert reopened.event == Event(date=DAY4, kind=EventKind.REOPENED, to=left)
    assert ops.resolved_from(changed.card) is left


@pytest.mark.parametrize(
    ("setup", "guessed"),
    [
        pytest.param(one_card, Stage.APPLIED, id="applied"),
        pytest.param(interviewed_card, Stage.INTERVIEWED, id="interviewed"),
        pytest.param(followed_up_card, Stage.FOLLOWED_UP, id="followed-up"),
    ],
)
def test_a_resolution_from_an_older_board_reopens_where_its_history_says(setup: Any, guessed: Stage) -> None:
    """Schema 2 did not record the column left: the history tells it."""
    board, card = setup()
    board = resolve_card(board, card.id, Outcome.NO, on=DAY4).board
    resolved = board.card(card.id)
    old = resolved.replace(timeline=tuple(event.replace(from_stage=None) for event in resolved.timeline))
    assert ops.resolved_from(old) is guessed
    board = board.replace(cards=(old,))
    assert ops.reopen_card(board, card.id, on=DAY4).card.stage is guessed


def test_reopening_an_open_card_is_refused() -> None:
    board, card = one_card()
    with pytest.raises(BoardError, match="Acme is not resolved: it is in Applied"):
        ops.reopen_card(board, card.id, on=DAY2)


@pytest.mark.parametrize("setup", [one_card, interviewed_card, followed_up_card], ids=["applied", "int", "fup"])
def test_moving_to_the_same_stage_is_refused(setup: Any) -> None:
    board, card = setup()
    with pytest.raises(BoardError, match=f"Acme is already in {card.stage.label}"):
        move_card(board, card.id, card.stage, on=DAY3)


def test_moving_to_resolved_is_refused() -> None:
    board, card = one_card()
    with pytest.raises(BoardError, match="outcome"):
        move_card(board, card.id, Stage.RESOLVED, on=DAY2)
    resolved = resolve_card(board, card.id, Outcome.YES, on=DAY2).board
    with pytest.raises(BoardError):
        move_card(resolved, card.id, Stage.RESOLVED, on=DAY3)


def test_move_unknown_card() -> None:
    board, _ = one_card()
    with pytest.raises(CardNotFound, match="card zzzz is no longer on the board"):
        move_card(board, "zzzz", Stage.INTERVIEWED, on=DAY2)


# resolve_card --------------------------------------------------------------------


@pytest.mark.parametrize("outcome", list(Outcome))
def test_resolve_card(outcome: Outcome) -> None:
    board, card = followed_up_card()
    change = resolve_card(board, card.id, outcome, on=DAY4)
    resolved = change.card
    assert resolved.stage is Stage.RESOLVED
    assert resolved.is_resolved
    assert resolved.outcome is outcome
    assert resolved.resolved_on == DAY4
    assert resolved.furthest_stage is Stage.FOLLOWED_UP
    kind = NoKind.SAID if outcome is Outcome.NO else None  # a no is "they said no" unless told otherwise
    assert change.event == Event(
        date=DAY4, kind=EventKind.RESOLVED, outcome=outcome, no_kind=kind, from_stage=Stage.FOLLOWED_UP
    )
    assert resolved.no_kind is kind
    assert resolved.timeline[-1] == change.event
    assert change.board.card(card.id) == resolved


def test_a_form_rejection_is_a_no_of_its_own_kind() -> None:
    board, card = one_card()
    change = resolve_card(board, card.id, Outcome.NO, on=DAY2, no_kind=NoKind.FORM)
    assert (change.card.outcome, change.card.no_kind) == (Outcome.NO, NoKind.FORM)


def test_resolving_twice_with_the_same_outcome_is_refused() -> None:
    board, card = one_card()
    board = resolve_card(board, card.id, Outcome.NO, on=DAY2).board
    with pytest.raises(BoardError, match="already resolved as no"):
        resolve_card(board, card.id, Outcome.NO, on=DAY3)


def test_changing_the_outcome_of_a_resolved_card() -> None:
    board, card = one_card()
    board = resolve_card(board, card.id, Outcome.NO, on=DAY2).board
    change = resolve_card(board, card.id, Outcome.YES, on=DAY3)
    assert change.card.outcome is Outcome.YES
    assert change.card.resolved_on == DAY3
    assert [event.outcome for event in change.card.timeline if event.kind is EventKind.RESOLVED] == [
        Outcome.NO,
        Outcome.YES,
    ]


# delete_card ---------------------------------------------------------------------


def test_delete_card() -> None:
    board = Board(cards=(make_card("aaaa"), make_card("bbbb"), make_card("cccc")))
    change = delete_card(board, "bbbb")
    assert [card.id for card in change.board.cards] == ["aaaa", "cccc"]
    assert change.card == board.card("bbbb")
    assert change.event is None
    assert len(board.cards) == 3


def test_delete_unknown_card() -> None:
    board = Board(cards=(make_card("aaaa"),))
    with pytest.raises(CardNotFound, match="card aaa is no longer on the board"):  # ids are exact here
        delete_card(board, "aaa")


# find_card -----------------------------------------------------------------------

FIND_BOARD = Board(cards=(make_card("abcd"), make_card("abxy"), make_card("k7m2"), make_card("ab")))


def test_find_card_exact_id() -> None:
    assert find_card(FIND_BOARD, "abcd").id == "abcd"
    # "ab" is both an id and a prefix of two others: the exact id wins.
    assert find_card(FIND_BOARD, "ab").id == "ab"


def test_find_card_unique_prefix() -> None:
    assert find_card(FIND_BOARD, "abc").id == "abcd"
    assert find_card(FIND_BOARD, "k").id == "k7m2"
    assert find_card(FIND_BOARD, "abx").id == "abxy"


def test_find_card_ambiguous_prefix() -> None:
    with pytest.raises(CardNotFound, match=re.escape("card id 'a' is ambiguous: it could be ab, abcd, abxy")):
        find_card(FIND_BOARD, "a")


@pytest.mark.parametrize("ref", ["zzzz", "abcde", "bcd", "k7m2x"])
def test_find_card_unknown(ref: str) -> None:
    with pytest.raises(CardNotFound, match=re.escape(f"no card has the id {ref!r}")):
        find_card(FIND_BOARD, ref)


@pytest.mark.parametrize("ref", ["", "   "])
def test_find_card_needs_an_id(ref: str) -> None:
    with pytest.raises(CardNotFound, match="a card id is required"):
        find_card(FIND_BOARD, ref)


def test_find_card_is_case_insensitive_and_trims() -> None:
    assert find_card(FIND_BOARD, "ABCD").id == "abcd"
    assert find_card(FIND_BOARD, " K7 ").id == "k7m2"


def test_card_not_found_is_a_board_error() -> None:
    assert issubclass(CardNotFound, BoardError)


# column() and neighbour_stage ----------------------------------------------------


def test_working_column_puts_the_most_urgent_follow_up_first() -> None:
    followed_up_late = make_card(
        "aaaa",
        applied=dt.date(2024, 1, 1),
        timeline=[
            {"date": "2024-01-01", "kind": "applied"},
            {"date": "2024-03-10", "kind": "followed_up"},  # next due 2024-03-17
        ],
    )
    only_applied = make_card("bbbb", applied=dt.date(2024, 2, 1), timeline=[{"date": "2024-02-01", "kind": "applied"}])
    edited_late = make_card(
        "cccc",
        applied=dt.date(2024, 2, 5),  # due 2024-02-12: edits and moves are not follow-ups
        timeline=[
            {"date": "2024-02-05", "kind": "applied"},
            {"date": "2024-04-01", "kind": "edited", "note": "changed note"},
            {"date": "2024-04-02", "kind": "moved", "to": "applied"},
        ],
    )
    other_column = make_card("dddd", applied=dt.date(2023, 1, 1), stage="interviewed")
    resolved = make_card("eeee", applied=dt.date(2023, 1, 1), stage="resolved", outcome="no", resolved_on=DAY1)
    board = Board(cards=(followed_up_late, only_applied, other_column, edited_late, resolved))
    today = dt.date(2024, 4, 10)
    assert [card.id for card in column(board, Stage.APPLIED, today)] == ["bbbb", "cccc", "aaaa"]
    assert [card.id for card in column(board, Stage.INTERVIEWED, today)] == ["dddd"]
    assert column(board, Stage.FOLLOWED_UP, today) == []


def test_working_column_ties_go_by_company_name() -> None:
    board = Board(
        cards=(
            make_card("cccc", company="cobalt"),
            make_card("aaaa", company="Zeta"),
            make_card("bbbb", company="acme"),
        )
    )
    assert [card.id for card in column(board, Stage.APPLIED, DAY4)] == ["bbbb", "cccc", "aaaa"]


def test_resolved_column_puts_the_newest_answer_first() -> None:
    def resolved(card_id: str, on: dt.date) -> Card:
        return make_card(card_id, stage="resolved", outcome="no", resolved_on=on)

    board = Board(
        cards=(
            resolved("mid1", DAY2),
            make_card("open"),
            resolved("new1", DAY4),
            resolved("old1", DAY1),
            resolved("mid2", DAY3),
        )
    )
    assert [card.id for card in column(board, Stage.RESOLVED, DAY4)] == ["new1", "mid2", "mid1", "old1"]


def test_column_follows_operations() -> None:
    board, card = interviewed_card()
    assert column(board, Stage.APPLIED, DAY4) == []
    assert [c.id for c in column(board, Stage.INTERVIEWED, DAY4)] == [card.id]
    board = resolve_card(board, card.id, Outcome.WITHDRAWN, on=DAY3).board
    assert column(board, Stage.INTERVIEWED, DAY4) == []
    assert [c.id for c in column(board, Stage.RESOLVED, DAY4)] == [card.id]


@pytest.mark.parametrize(
    ("stage", "step", "expected"),
    [
        (Stage.APPLIED, 1, Stage.INTERVIEWED),
        (Stage.INTERVIEWED, 1, Stage.FOLLOWED_UP),
        (Stage.FOLLOWED_UP, 1, Stage.RESOLVED),
        (Stage.RESOLVED, 1, None),
        (Stage.APPLIED, -1, None),
        (Stage.INTERVIEWED, -1, Stage.APPLIED),
        (Stage.RESOLVED, -1, Stage.FOLLOWED_UP),
        (Stage.RESOLVED, -3, Stage.APPLIED),
        (Stage.RESOLVED, -4, None),
        (Stage.APPLIED, 3, Stage.RESOLVED),
        (Stage.APPLIED, 4, None),
        (Stage.INTERVIEWED, 0, Stage.INTERVIEWED),
    ],
)
def test_neighbour_stage(stage: Stage, step: int, expected: Stage | None) -> None:
    assert neighbour_stage(stage, step) is expected


# dates -----------------------------------------------------------------------------


def test_editing_the_applied_date_corrects_the_timeline_and_the_last_touch() -> None:
    board, card = one_card()
    earlier = DAY1 - dt.timedelta(days=30)
    change = edit_card(board, card.id, on=DAY2, applied=earlier)
    assert change.card.applied == earlier
    assert [event.date for event in change.card.timeline if event.kind is EventKind.APPLIED] == [earlier]
    assert last_touch(change.card, DAY4) == earlier
    assert change.card.timeline[-1].kind is EventKind.EDITED


def test_nothing_can_happen_before_the_application() -> None:
    board, card = one_card()
    before = DAY1 - dt.timedelta(days=1)
    with pytest.raises(BoardError, match="before the application was sent"):
        log_interview(board, card.id, on=before)
    with pytest.raises(BoardError, match="before the application was sent"):
        resolve_card(board, card.id, Outcome.NO, on=before)
    with pytest.raises(BoardError, match="before the application was sent"):
        edit_card(board, card.id, on=DAY2, interviews=(Interview(date=before),))
    interviewed = log_interview(board, card.id, on=DAY2).board
    with pytest.raises(BoardError, match="before the application was sent"):
        move_card(interviewed, card.id, Stage.APPLIED, on=before)
    with pytest.raises(BoardError, match="before the application was sent"):
        edit_card(interviewed, card.id, on=DAY2, applied=DAY2 + dt.timedelta(days=1))


def test_interviews_and_the_answer_date_can_be_corrected() -> None:
    board, card = interviewed_card()
    board = resolve_card(board, card.id, Outcome.YES, on=DAY2).board
    fixed = edit_card(
        board, card.id, on=DAY2, interviews=(Interview(date=DAY1, interviewers=("Ana",)),), resolved_on=DAY1
    )
    assert fixed.card.interviews == (Interview(date=DAY1, id=1, interviewers=("Ana",)),)
    assert fixed.card.resolved_on == DAY1
    assert fixed.event is not None
    assert fixed.event.note == "changed interviews, resolved_on"


def test_an_open_card_has_no_answer_date_to_edit() -> None:
    board, card = one_card()
    with pytest.raises(BoardError, match="only a resolved card has resolved_on"):
        edit_card(board, card.id, on=DAY2, resolved_on=DAY2)


def test_a_move_to_followed_up_while_the_next_round_is_booked_says_why() -> None:
    board, card = followed_up_card()
    board = log_interview(board, card.id, on=DAY4 + dt.timedelta(days=7)).board  # round two, ahead
    with pytest.raises(BoardError) as refused:
        move_card(board, card.id, Stage.FOLLOWED_UP, on=DAY4)
    assert str(refused.value) == "the next interview is booked: the card waits in Interviewed until it is held"

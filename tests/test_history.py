"""Undo and redo, card by card, on the board as it is now."""

from __future__ import annotations

import datetime as dt

from fu_board import board as ops
from fu_board.demo import demo_board
from fu_board.history import History, describe
from fu_board.model import Outcome, Stage
from tests.conftest import TODAY

DAY = TODAY


def test_undo_and_redo_a_move() -> None:
    board = demo_board(TODAY)
    history = History()
    change = ops.move_card(board, "c9we", Stage.APPLIED, on=DAY)
    history.record(board, change.board, describe(change))
    undone = history.undo(change.board)
    assert undone is not None
    assert undone[0] == board
    assert undone[1].what == "Acme Robotics moved to Applied"
    redone = history.redo(undone[0])
    assert redone is not None
    assert redone[0] == change.board
    assert history.redo(redone[0]) is None


def test_undo_keeps_what_others_changed_meanwhile() -> None:
    board = demo_board(TODAY)
    history = History()
    mine = ops.resolve_card(board, "k7m2", Outcome.NO, on=DAY)
    history.record(board, mine.board, describe(mine))
    theirs = ops.log_follow_up(mine.board, "c9we", on=DAY).board  # saved by someone else, merged in
    undone = history.undo(theirs)
    assert undone is not None
    assert undone[0].card("k7m2") == board.card("k7m2")
    assert undone[0].card("c9we") == theirs.card("c9we")


def test_a_deleted_card_comes_back_where_it_was_and_an_added_one_goes() -> None:
    board = demo_board(TODAY)
    history = History()
    gone = ops.delete_card(board, "h6yd")
    history.record(board, gone.board, describe(gone))
    assert describe(gone) == "Hooli deleted"
    added = ops.add_card(gone.board, company="Northwind", applied=DAY)
    history.record(gone.board, added.board, describe(added))
    assert describe(added) == "Northwind added"
    first = history.undo(added.board)
    assert first is not None
    assert first[0] == gone.board
    second = history.undo(first[0])
    assert second is not None
    assert second[0] == board  # in its place, not at the end
    assert history.undo(second[0]) is None


def test_a_new_change_forgets_what_could_be_redone() -> None:
    board = demo_board(TODAY)
    history = History()
    change = ops.move_card(board, "c9we", Stage.APPLIED, on=DAY)
    history.record(board, change.board, describe(change))
    undone = history.undo(change.board)
    assert undone is not None
    other = ops.snooze_card(undone[0], "k7m2", until=DAY + dt.timedelta(days=3), on=DAY)
    history.record(undone[0], other.board, describe(other))
    assert history.redo(other.board) is None


def test_a_thank_you_to_one_person_is_described_by_whom() -> None:
    board = demo_board(TODAY)
    change = ops.log_thank_you(board, "h6yd", on=DAY, to="Monica")
    assert describe(change) == "the thank-you to Monica Hall on Hooli"
    everyone = ops.log_thank_you(board, "h6yd", on=DAY)
    assert describe(everyone) == "thank-you sent on Hooli"

"""The TUI open for hours while others change the file: reloads, merges, and conflicts the person settles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Label, Static

from fu_board import board as ops
from fu_board import store
from fu_board.backups import list_backups, make_backup
from fu_board.board_file import update
from fu_board.demo import demo_board
from fu_board.merge import CardConflict
from fu_board.model import Board, EventKind, Outcome, Stage
from fu_board.tui.app import EXIT_UNSAVED
from fu_board.tui.screens.board import BoardScreen
from fu_board.tui.screens.card_detail import CardScreen
from fu_board.tui.screens.choose import ChooseScreen
from fu_board.tui.screens.confirm import ConfirmScreen
from fu_board.tui.screens.conflict import _lines
from fu_board.tui.screens.load_error import LoadErrorScreen
from fu_board.tui.widgets.form_fields import FormFields
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, saved, shown_ids, wait_until
from tests.tui.test_board_keys import small_board


def header(app: object) -> str:
    return str(board_screen(app).query_one("#header", Static).render())  # type: ignore[arg-type]


def dialog_title(app: object) -> str:
    return str(app.screen.query_one(".dialog-title", Label).content)  # type: ignore[attr-defined]


def cli_add(path: Path, company: str) -> str:
    return update(path, lambda b: ops.add_card(b, company=company, applied=TODAY)).card.id


def cli_follow_up(path: Path, card_id: str) -> None:
    """Another terminal logs a nudge on the card (which keeps an application in Applied)."""
    update(path, lambda b: ops.log_follow_up(b, card_id, on=TODAY))


def cli_resolve(path: Path, card_id: str, outcome: Outcome = Outcome.NO) -> None:
    """Another terminal gives the card its answer: its column changes there."""
    update(path, lambda b: ops.resolve_card(b, card_id, outcome, on=TODAY))


# Reloading while idle ---------------------------------------------------------------


async def test_an_outside_add_shows_while_idle_and_the_cursor_stays(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # on Globex, the second card in Applied
        assert board_screen(app).selected_id() == "bbbb"
        new = cli_add(board_path, "Northwind")
        app.poll_file()
        await pilot.pause()
        assert new in shown_ids(app, Stage.APPLIED)
        assert board_screen(app).selected_id() == "bbbb"
        assert any("changed outside fu-board" in str(n.message) for n in app._notifications)
        assert app.session.board == saved(board_path)


async def test_the_timer_polls_the_file_on_its_own(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    app.POLL_SECONDS = 0.05
    async with app.run_test(size=SIZE) as pilot:
        new = cli_add(board_path, "Northwind")
        await wait_until(pilot, lambda: new in shown_ids(app, Stage.APPLIED), "the timer to show the outside add")


async def test_nothing_reloads_under_an_open_dialog(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # the follow-up dialog for Acme
        cli_add(board_path, "Northwind")
        app.poll_file()
        assert len(app.session.board.cards) == 3  # the dialog's card is what the person sees
        await pilot.press("ctrl+s")  # log the follow-up: saved with the outside add merged in
        await pilot.pause()
        on_disk = saved(board_path)
        assert {card.company for card in on_disk.cards} == {"Acme", "Globex", "Initech", "Northwind"}
        assert on_disk.card("aaaa").timeline[-1].kind is EventKind.FOLLOWED_UP
        assert app.session.board == on_disk
        assert any("1 change made outside" in str(n.message) for n in app._notifications)


async def test_a_dialog_on_a_card_changed_outside_meanwhile_asks_before_saving(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # the follow-up dialog for Acme
        update(board_path, lambda b: ops.delete_card(b, "aaaa"))  # deleted there, followed up here
        before = board_path.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        assert dialog_title(app) == "Changed here and outside fu-board"
        assert board_path.read_bytes() == before


async def test_a_card_changed_outside_in_other_fields_is_merged_without_asking(board_path: Path) -> None:
    """The card's role edited here while `fu-board followup` logs on the same card: both stand."""
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        cli_follow_up(board_path, "aaaa")  # not yet polled: the screen still shows Acme without it
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        app.screen.query_one(FormFields).input("role").value = "Staff Engineer"
        await pilot.press("ctrl+s")  # saved and closed
        await app.saves_settled()
        assert not isinstance(app.screen, ChooseScreen)
        assert not app.session.unsaved
        on_disk = saved(board_path).card("aaaa")
        assert on_disk.role == "Staff Engineer"
        assert EventKind.FOLLOWED_UP in [event.kind for event in on_disk.timeline]
        assert app.session.board.card("aaaa") == on_disk
        assert board_screen(app).selected_id() == "aaaa"  # the nudge taken in moved it down: the cursor too
        await pilot.press("2", "ctrl+s")  # and moved to Interviewed here, with the nudge in its timeline
        await app.saves_settled()
        assert not isinstance(app.screen, ChooseScreen)
        assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED


async def test_a_card_moved_outside_meanwhile_is_a_choice_not_an_overwrite(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        cli_resolve(board_path, "aaaa")  # not yet polled: the screen still shows Acme in Applied
        before = board_path.read_bytes()
        await pilot.press("2", "ctrl+s")  # Acme to Interviewed, here: an interview today
        assert isinstance(app.screen, ChooseScreen)
        assert dialog_title(app) == "Changed here and outside fu-board"
        detail = str(app.screen.query_one(".choose-detail", Static).render())
        assert "Acme" in detail
        assert "Interviewed; latest entry: interviewed on 2026-11-25" in detail  # here
        assert "no; latest entry: resolved on 2026-11-25" in detail  # in the file
        assert "both changed: column" in detail
        assert "_" not in detail  # no field named as the file names it (furthest_stage)
        assert board_path.read_bytes() == before  # nothing written while the person decides
        behind = next(screen for screen in app.screen_stack if isinstance(screen, BoardScreen))
        assert "WAITING FOR YOUR CHOICE" in str(behind.query_one("#header", Static).render())
        await pilot.press("escape")  # decide later
        assert app.session.unsaved
        assert "WAITING FOR YOUR CHOICE" in header(app)
        assert "NOT SAVED" not in header(app)
        assert board_path.read_bytes() == before
        await pilot.press("ctrl+s")  # asks again
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("m")  # keep mine
        await pilot.pause()
        assert not app.session.unsaved
        assert "WAITING" not in header(app)
        assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED
        assert "aaaa" in shown_ids(app, Stage.INTERVIEWED)
    # The file as it was before mine overwrote the other change is kept as a backup.
    assert any(backup.path.read_bytes() == before for backup in list_backups(board_path))


async def test_keeping_the_files_version_drops_only_the_conflicting_change(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        cli_resolve(board_path, "aaaa")
        new = cli_add(board_path, "Northwind")
        await pilot.press("2", "ctrl+s")
        await pilot.press("f")  # keep the file's version of Acme
        await pilot.pause()
        assert not app.session.unsaved
        on_disk = saved(board_path)
        assert on_disk.card("aaaa").stage is Stage.RESOLVED
        assert on_disk.card("aaaa").interviews == ()  # the interview logged here is dropped
        assert on_disk.card("aaaa").timeline[-1].kind is EventKind.RESOLVED
        assert new in [card.id for card in on_disk.cards]
        assert app.session.board == on_disk
        assert "aaaa" in shown_ids(app, Stage.RESOLVED)
        assert new in shown_ids(app, Stage.APPLIED)


async def test_quitting_with_a_conflict_asks_which_side_then_whether_to_lose_it(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        # Leave a change unsaved (a conflict the person put off), then quit.
        cli_resolve(board_path, "aaaa")
        await pilot.press("2", "ctrl+s", "escape")
        before = board_path.read_bytes()
        await pilot.press("q")
        assert isinstance(app.screen, ChooseScreen)  # which side? first
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)  # then: quit without saving?
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == EXIT_UNSAVED
    assert board_path.read_bytes() == before


async def test_quitting_with_a_conflict_saves_the_chosen_side_and_quits(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        cli_resolve(board_path, "aaaa")
        await pilot.press("2", "ctrl+s", "escape", "q", "m")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED


# Changes made while the conflict dialog is open are settled with it -------------------


def companies(board: Board) -> set[str]:
    return {card.company for card in board.cards}


async def test_a_lead_added_while_a_conflict_is_open_survives_answering_the_first_dialog(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        # Outside, Acme is a yes; here, Acme (under the cursor) is a no: a conflict.
        cli_resolve(board_path, "aaaa", Outcome.YES)
        await pilot.press("x", "x")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)  # the question comes first, over the moment of a no
        await pilot.press("escape")  # decide later: the moment of a no shows; add the lead it offers
        await pilot.press("a", *"Contoso")
        for _ in range(8):
            await pilot.press("enter")
            if type(app.screen).__name__ != "FormScreen":
                break
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)  # the lead's save meets the same conflict: one dialog
        assert len([s for s in app.screen_stack if isinstance(s, ChooseScreen)]) == 1
        await pilot.press("m")  # keep mine: the no, and the lead made since
        await pilot.pause()
        in_memory, on_disk = companies(app.session.board), companies(saved(board_path))
        assert not app.session.unsaved
    assert "Contoso" in in_memory
    assert "Contoso" in on_disk
    assert saved(board_path).card("aaaa").outcome is not None


async def test_a_review_finished_while_a_conflict_is_open_keeps_its_streak(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "space")  # skip Acme: Initech is shown
        await pilot.pause()
        update(board_path, lambda b: ops.delete_card(b, "cccc"))
        await pilot.press("t")  # thank-you for Initech, deleted outside: a conflict; the review finishes: another
        await pilot.pause()
        assert app.session.board.review.last_finished == TODAY
        assert len([s for s in app.screen_stack if isinstance(s, ChooseScreen)]) == 1  # one question
        await pilot.press("escape")  # decide later: the finished review is kept, unsaved
        assert app.session.unsaved
        assert app.session.board.review.last_finished == TODAY
        await pilot.press("ctrl+s", "m")  # asks again; keep mine
        await pilot.pause()
        assert not app.session.unsaved
    assert saved(board_path).review.last_finished == TODAY
    assert saved(board_path).card("cccc").timeline[-1].kind is EventKind.THANK_YOU


# Read-only boards -------------------------------------------------------------------


NEWER = b"""schema_version = 4

[settings]
irons_target = 5
colour_scheme = "a setting from the future"

[[cards]]
id = "abcd"
company = "Acme"
applied = 2026-11-20
stage = "applied"
priority = "high"
"""


async def test_a_newer_board_opens_read_only_and_is_never_written(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(NEWER)
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert shown_ids(app, Stage.APPLIED) == ["abcd"]
        assert "READ-ONLY" in header(app)
        assert any("newer fu-board" in str(n.message) for n in app._notifications)
        await pilot.press("y", "n")  # a yes, a new card: both refused
        await pilot.pause()
        assert shown_ids(app, Stage.APPLIED) == ["abcd"]
        assert shown_ids(app, Stage.RESOLVED) == []
        assert any("Nothing was changed. Read-only" in str(n.message) for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert board_path.read_bytes() == NEWER
    assert list_backups(board_path) == []


async def test_a_broken_board_offers_its_newest_good_backup_read_only(board_path: Path) -> None:
    good = store.dump_board(small_board())
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(good)
    backup = make_backup(board_path, good)
    board_path.write_bytes(b"schema_version = [oops\n")
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadErrorScreen)
        assert backup.name in str(app.screen.query_one(".hint", Static).render())
        await pilot.press("o")
        await pilot.pause()
        assert shown_ids(app, Stage.APPLIED) == ["aaaa", "bbbb"]
        assert "READ-ONLY" in header(app)
        await pilot.press("y")  # refused: a backup is only looked at
        assert app.session.board == small_board()
        assert any("Nothing was changed. Read-only" in str(n.message) for n in app._notifications)
        await pilot.press("q")
    assert board_path.read_bytes() == b"schema_version = [oops\n"
    assert backup.read_bytes() == good


async def test_without_a_good_backup_there_is_nothing_to_open(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(b"schema_version = [oops\n")
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("o")
        assert isinstance(app.screen, LoadErrorScreen)
        await pilot.press("q")
    assert board_path.read_bytes() == b"schema_version = [oops\n"


# Backups from the TUI ---------------------------------------------------------------


async def test_the_first_save_after_opening_keeps_a_backup_and_later_ones_do_not(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    first = board_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")  # Acme: a yes
        await pilot.press("y")  # and Globex, now under the cursor
        await pilot.pause()
    backups = list_backups(board_path)
    assert [backup.path.read_bytes() for backup in backups] == [first]
    assert saved(board_path) != Board()


async def test_a_read_only_card_opens_to_look_at_not_to_type_in(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(NEWER)
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        assert app.screen.query_one("#field-company", Input).disabled
        await pilot.press(*"typed", "ctrl+s")
        assert board_screen(app)
    assert board_path.read_bytes() == NEWER


async def test_a_newer_file_replaced_by_a_known_one_can_be_changed_again(board_path: Path) -> None:
    board_path.parent.mkdir(parents=True)
    board_path.write_bytes(NEWER)
    app = app_with(board_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "READ-ONLY" in header(app)
        store.save_board(board_path, small_board())  # say, the person went back to their own file
        app.poll_file()
        await pilot.pause()
        assert "READ-ONLY" not in header(app)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
    assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED


async def test_a_board_file_deleted_meanwhile_is_written_again_and_said(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        board_path.unlink()
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        assert any("deleted or moved away" in str(n.message) for n in app._notifications)
    assert saved(board_path).card("aaaa").stage is Stage.INTERVIEWED


async def test_quitting_with_typed_text_in_a_form_asks_first(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Northwind")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # back to the form, the text still there
        assert app.screen.query_one("#field-company", Input).value == "Northwind"
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert saved(board_path) == small_board()


async def test_quitting_from_an_untouched_form_does_not_ask(board_path: Path) -> None:
    app = app_with(board_path, small_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


def test_a_conflict_tells_the_two_sides_apart_by_their_latest_entry() -> None:
    """Two snoozes on the same day differ in their date, which the entry's note says."""
    card = demo_board(TODAY).card("k7m2")
    mine = ops.snooze_card(Board(cards=(card,)), "k7m2", until=TODAY + dt.timedelta(days=3), on=TODAY).card
    theirs = ops.snooze_card(Board(cards=(card,)), "k7m2", until=TODAY + dt.timedelta(days=7), on=TODAY).card
    text = str(_lines(CardConflict("k7m2", card, mine, theirs)))
    assert f"here:      Applied; latest entry: snoozed on {TODAY.isoformat()} (until 2026-11-28)" in text
    assert f"the file:  Applied; latest entry: snoozed on {TODAY.isoformat()} (until 2026-12-02)" in text

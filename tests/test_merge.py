"""Merging two writers' boards card by card: `fu_board.merge.merge(base, mine, theirs)`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fu_board import board as ops
from fu_board.merge import CardConflict, Merge, merge
from fu_board.model import Board, Card, Outcome, ReviewLog, Settings, Stage

DAY = dt.date(2026, 11, 2)
LATER = dt.date(2026, 11, 20)


def card(card_id: str, company: str | None = None, note: str = "") -> Card:
    return Card(id=card_id, company=company or f"Co {card_id}", applied=DAY, note=note)


def board(*cards: Card, **fields: object) -> Board:
    return Board.validate({**fields, "cards": cards})


def ids(board: Board) -> list[str]:
    return [card.id for card in board.cards]


def noted(board: Board, card_id: str, note: str) -> Board:
    return ops.edit_card(board, card_id, on=LATER, note=note).board


BASE = board(card("aaaa"), card("bbbb"), card("cccc"))


def assert_clean(merged: Merge) -> Board:
    """A clean merge: both ways of settling are the same board, which is returned."""
    assert merged.clean
    assert merged.conflicts == ()
    assert not merged.settings_conflicts
    assert merged.keep_mine == merged.keep_theirs
    assert merged.keeping("mine") == merged.keeping("theirs") == merged.keep_mine
    return merged.keep_mine


# One side, the other side, both -----------------------------------------------------


def test_nothing_changed_is_the_base() -> None:
    merged = merge(BASE, BASE, BASE)
    assert assert_clean(merged) == BASE
    assert merged.taken == 0


def test_a_card_changed_only_here_keeps_my_version() -> None:
    mine = noted(BASE, "bbbb", "my note")
    merged = merge(BASE, mine, BASE)
    assert assert_clean(merged) == mine
    assert merged.taken == 0


def test_a_card_changed_only_there_takes_their_version() -> None:
    theirs = noted(BASE, "bbbb", "their note")
    merged = merge(BASE, BASE, theirs)
    assert assert_clean(merged) == theirs
    assert merged.taken == 1


def test_a_card_changed_identically_on_both_sides_is_no_conflict() -> None:
    both = noted(BASE, "cccc", "same note")
    merged = merge(BASE, both, both)
    assert assert_clean(merged) == both
    assert merged.keep_mine.card("cccc").note == "same note"


def test_changes_to_different_cards_are_both_kept() -> None:
    mine = noted(BASE, "aaaa", "mine")
    theirs = noted(BASE, "cccc", "theirs")
    merged = assert_clean(merge(BASE, mine, theirs))
    assert [c.note for c in merged.cards] == ["mine", "", "theirs"]


# Added and deleted -----------------------------------------------------------------


def test_cards_added_on_each_side_are_all_kept_theirs_first() -> None:
    mine = board(*BASE.cards, card("mmm1"), card("mmm2"))
    theirs = board(*BASE.cards, card("ttt1"))
    merged = merge(BASE, mine, theirs)
    assert ids(assert_clean(merged)) == ["aaaa", "bbbb", "cccc", "ttt1", "mmm1", "mmm2"]
    assert merged.taken == 1


def test_cards_added_into_empty_boards_on_both_sides() -> None:
    merged = merge(Board(), board(card("mmm1")), board(card("ttt1"), card("ttt2")))
    assert ids(assert_clean(merged)) == ["ttt1", "ttt2", "mmm1"]
    assert merged.taken == 2


def test_a_card_deleted_here_and_unchanged_there_is_deleted() -> None:
    mine = ops.delete_card(BASE, "bbbb").board
    merged = merge(BASE, mine, BASE)
    assert ids(assert_clean(merged)) == ["aaaa", "cccc"]
    assert merged.taken == 0


def test_a_card_deleted_there_and_unchanged_here_is_deleted() -> None:
    theirs = ops.delete_card(BASE, "bbbb").board
    merged = merge(BASE, BASE, theirs)
    assert ids(assert_clean(merged)) == ["aaaa", "cccc"]
    assert merged.taken == 1


def test_a_card_deleted_on_both_sides_is_deleted() -> None:
    gone = ops.delete_card(BASE, "aaaa").board
    assert ids(assert_clean(merge(BASE, gone, gone))) == ["bbbb", "cccc"]


def test_deleted_there_but_changed_here_is_a_conflict() -> None:
    mine = noted(BASE, "bbbb", "still talking to them")
    theirs = ops.delete_card(BASE, "bbbb").board
    merged = merge(BASE, mine, theirs)
    assert not merged.clean
    assert merged.conflicts == (CardConflict("bbbb", BASE.card("bbbb"), mine.card("bbbb"), None),)
    assert merged.conflicts[0].company == "Co bbbb"
    assert not merged.settings_conflicts
    # Keeping mine brings the card back, changed; keeping theirs leaves it deleted.
    assert merged.keep_mine.card("bbbb").note == "still talking to them"
    assert ids(merged.keep_mine) == ["aaaa", "cccc", "bbbb"]
    assert ids(merged.keep_theirs) == ["aaaa", "cccc"]
    assert merged.taken == 0


def test_deleted_here_but_changed_there_is_a_conflict() -> None:
    mine = ops.delete_card(BASE, "bbbb").board
    theirs = noted(BASE, "bbbb", "they wrote back")
    merged = merge(BASE, mine, theirs)
    assert merged.conflicts == (CardConflict("bbbb", BASE.card("bbbb"), None, theirs.card("bbbb")),)
    assert merged.conflicts[0].company == "Co bbbb"
    assert ids(merged.keep_mine) == ["aaaa", "cccc"]
    assert merged.keep_theirs == theirs


# Both changed the same card ----------------------------------------------------------


def test_a_card_changed_differently_on_both_sides_is_a_conflict() -> None:
    mine = noted(noted(BASE, "bbbb", "mine"), "aaaa", "only mine")
    mine = board(*mine.cards, card("mmm1"))
    theirs = ops.log_interview(noted(BASE, "bbbb", "theirs"), "cccc", on=LATER).board
    theirs = board(*theirs.cards, card("ttt1"))
    merged = merge(BASE, mine, theirs)

    assert not merged.clean
    assert merged.conflicts == (
        CardConflict("bbbb", BASE.card("bbbb"), mine.card("bbbb"), theirs.card("bbbb"), ("note",)),
    )
    assert merged.keep_mine.card("bbbb") == mine.card("bbbb")
    assert merged.keep_theirs.card("bbbb") == theirs.card("bbbb")
    # Everything that does not conflict is in both boards, from whichever side changed it.
    for kept in (merged.keep_mine, merged.keep_theirs):
        assert ids(kept) == ["aaaa", "bbbb", "cccc", "ttt1", "mmm1"]
        assert kept.card("aaaa").note == "only mine"
        assert kept.card("cccc") == theirs.card("cccc")
        assert kept.card("cccc").stage is Stage.INTERVIEWED
        assert kept.card("ttt1") == theirs.card("ttt1")
        assert kept.card("mmm1") == mine.card("mmm1")
    # Taken from theirs: the moved card and the added one (not the conflict).
    assert merged.taken == 2


def test_several_conflicts_are_all_reported_in_board_order() -> None:
    mine = noted(noted(BASE, "aaaa", "m"), "cccc", "m")
    theirs = noted(noted(BASE, "aaaa", "t"), "cccc", "t")
    merged = merge(BASE, mine, theirs)
    assert [conflict.card_id for conflict in merged.conflicts] == ["aaaa", "cccc"]
    assert [c.note for c in merged.keep_mine.cards] == ["m", "", "m"]
    assert [c.note for c in merged.keep_theirs.cards] == ["t", "", "t"]


# Both changed the same card, different fields: merged field by field -----------------


def test_a_role_edited_here_and_a_follow_up_logged_there_keep_both() -> None:
    """The board edits the role while `fu-board followup` logs on the same card: no question."""
    base = ops.log_interview(BASE, "bbbb", on=DAY).board
    mine = ops.edit_card(base, "bbbb", on=LATER, role="Staff Engineer").board
    theirs = ops.log_follow_up(base, "bbbb", on=LATER, note="asked for news").board
    merged = merge(base, mine, theirs)
    result = assert_clean(merged)
    kept = result.card("bbbb")
    assert kept.role == "Staff Engineer"
    assert kept.stage is Stage.FOLLOWED_UP  # the follow-up's move to Followed up
    assert kept.furthest_stage is Stage.FOLLOWED_UP
    assert [event.kind for event in kept.timeline] == [
        *(event.kind for event in base.card("bbbb").timeline),
        *(event.kind for event in mine.card("bbbb").timeline[len(base.card("bbbb").timeline) :]),
        *(event.kind for event in theirs.card("bbbb").timeline[len(base.card("bbbb").timeline) :]),
    ]
    assert "asked for news" in [event.note for event in kept.timeline]
    assert merged.taken == 1


def test_entries_added_on_both_sides_all_stand_in_date_order() -> None:
    base = ops.log_interview(BASE, "bbbb", on=DAY).board
    mine = ops.log_follow_up(base, "bbbb", on=LATER, note="mine").board
    theirs = ops.log_follow_up(base, "bbbb", on=DAY + dt.timedelta(days=3), note="theirs").board
    kept = assert_clean(merge(base, mine, theirs)).card("bbbb")
    assert [event.note for event in kept.timeline][-2:] == ["theirs", "mine"]
    assert [event.date for event in kept.timeline] == sorted(event.date for event in kept.timeline)


def test_interviews_booked_on_both_sides_both_stand_each_with_its_own_number() -> None:
    mine = ops.log_interview(BASE, "bbbb", on=DAY, time="10:00").board
    theirs = ops.log_interview(BASE, "bbbb", on=LATER, time="15:00").board
    kept = assert_clean(merge(BASE, mine, theirs)).card("bbbb")
    assert [(interview.date, interview.time) for interview in kept.interviews] == [(DAY, "10:00"), (LATER, "15:00")]
    assert len({interview.id for interview in kept.interviews}) == 2


def test_the_same_field_changed_differently_is_the_only_conflict_and_named() -> None:
    mine = ops.edit_card(BASE, "bbbb", on=LATER, role="Mine", link="https://mine.example").board
    theirs = ops.edit_card(BASE, "bbbb", on=LATER, role="Theirs").board
    (conflict,) = merge(BASE, mine, theirs).conflicts
    assert conflict.fields == ("role",)
    assert conflict.what == ("role",)


def test_an_entry_removed_on_one_side_while_the_other_adds_is_a_conflict() -> None:
    """Undo took the follow-up away here, while it was logged again there: they can't both stand."""
    base = ops.log_follow_up(BASE, "bbbb", on=DAY).board
    mine = BASE  # the follow-up undone
    theirs = ops.log_follow_up(base, "bbbb", on=LATER).board
    (conflict,) = merge(base, mine, theirs).conflicts
    assert "timeline" in conflict.fields
    assert "furthest_stage" not in " ".join(conflict.what)


def test_moved_to_different_columns_is_a_conflict_in_a_persons_words() -> None:
    base = ops.log_interview(BASE, "bbbb", on=DAY).board
    mine = ops.resolve_card(base, "bbbb", Outcome.YES, on=LATER).board
    theirs = ops.log_follow_up(base, "bbbb", on=LATER).board
    (conflict,) = merge(base, mine, theirs).conflicts
    assert "stage" in conflict.fields
    assert "column" in conflict.what
    assert all("_" not in word for word in conflict.what)


def test_the_same_id_added_as_two_cards_is_a_conflict_not_a_silent_pick() -> None:
    merged = merge(BASE, board(*BASE.cards, card("nnnn", "Mine Inc")), board(*BASE.cards, card("nnnn", "Theirs")))
    (conflict,) = merged.conflicts
    assert conflict.base is None
    assert conflict.mine is not None
    assert conflict.theirs is not None
    assert (conflict.mine.company, conflict.theirs.company) == ("Mine Inc", "Theirs")


# taken ------------------------------------------------------------------------------


def test_taken_counts_each_card_the_other_side_added_changed_or_deleted() -> None:
    theirs = noted(BASE, "aaaa", "changed")
    theirs = ops.delete_card(theirs, "bbbb").board
    theirs = board(*theirs.cards, card("ttt1"), card("ttt2"))
    mine = noted(BASE, "cccc", "mine")  # my own changes are never "taken"
    mine = board(*mine.cards, card("mmm1"))
    merged = merge(BASE, mine, theirs)
    assert ids(assert_clean(merged)) == ["aaaa", "cccc", "ttt1", "ttt2", "mmm1"]
    assert merged.taken == 4


# Settings and the review log ---------------------------------------------------------


def test_settings_changed_on_one_side_take_that_side() -> None:
    theirs = BASE.replace(settings=Settings(irons_target=9))
    assert assert_clean(merge(BASE, BASE, theirs)).settings.irons_target == 9
    mine = BASE.replace(settings=Settings(thank_you_days=3))
    assert assert_clean(merge(BASE, mine, BASE)).settings.thank_you_days == 3


def test_settings_changed_on_both_sides_are_a_settings_conflict() -> None:
    mine = BASE.replace(settings=Settings(irons_target=8))
    theirs = BASE.replace(settings=Settings(irons_target=9))
    merged = merge(BASE, mine, theirs)
    assert merged.settings_conflicts == ("irons_target",)
    assert not merged.clean
    assert merged.conflicts == ()
    assert merged.keep_mine.settings.irons_target == 8
    assert merged.keep_theirs.settings.irons_target == 9
    assert merged.keep_mine.cards == merged.keep_theirs.cards == BASE.cards


def test_different_settings_changed_on_each_side_are_both_kept() -> None:
    """A theme picked in the board while the irons target was changed by hand."""
    mine = BASE.replace(settings=BASE.settings.replace(theme="nord"))
    theirs = BASE.replace(settings=BASE.settings.replace(irons_target=9))
    merged = merge(BASE, mine, theirs)
    result = assert_clean(merged)
    assert (result.settings.theme, result.settings.irons_target) == ("nord", 9)
    assert merged.taken == 1


def test_a_settings_conflict_keeps_the_other_sides_other_settings() -> None:
    mine = BASE.replace(settings=BASE.settings.replace(theme="nord", irons_target=8))
    theirs = BASE.replace(settings=BASE.settings.replace(irons_target=9, thank_you_days=3))
    merged = merge(BASE, mine, theirs)
    assert merged.settings_conflicts == ("irons_target",)
    for kept, irons in ((merged.keep_mine, 8), (merged.keep_theirs, 9)):
        assert (kept.settings.irons_target, kept.settings.theme, kept.settings.thank_you_days) == (irons, "nord", 3)


def test_settings_changed_identically_on_both_sides_are_clean() -> None:
    both = BASE.replace(settings=Settings(irons_target=8))
    assert assert_clean(merge(BASE, both, both)).settings.irons_target == 8


@pytest.mark.parametrize("mine_later", [True, False])
def test_review_finished_on_both_sides_the_later_one_wins(mine_later: bool) -> None:
    base = board(card("aaaa"), review=ReviewLog(last_finished=dt.date(2026, 11, 18), streak=4))
    early = ReviewLog(last_finished=dt.date(2026, 11, 19), streak=5)
    late = ReviewLog(last_finished=dt.date(2026, 11, 21), streak=1)
    mine = base.replace(review=late if mine_later else early)
    theirs = base.replace(review=early if mine_later else late)
    merged = merge(base, mine, theirs)
    assert assert_clean(merged).review == late


def test_review_finished_on_one_side_only_is_kept() -> None:
    done = ReviewLog(last_finished=dt.date(2026, 11, 19), streak=1)
    theirs = BASE.replace(review=done)
    assert assert_clean(merge(BASE, BASE, theirs)).review == done
    assert assert_clean(merge(BASE, theirs, BASE)).review == done


# Order ------------------------------------------------------------------------------


def test_a_card_i_resolved_moves_to_the_end() -> None:
    mine = ops.resolve_card(BASE, "aaaa", Outcome.NO, on=LATER).board
    assert ids(mine) == ["bbbb", "cccc", "aaaa"]
    theirs = board(*BASE.cards, card("ttt1"))  # they added a card after it meanwhile
    merged = assert_clean(merge(BASE, mine, theirs))
    assert ids(merged) == ["bbbb", "cccc", "ttt1", "aaaa"]
    assert merged.card("aaaa").outcome is Outcome.NO


def test_cards_i_resolved_keep_the_order_i_resolved_them_in() -> None:
    mine = ops.resolve_card(BASE, "cccc", Outcome.NO, on=LATER).board
    mine = ops.resolve_card(mine, "aaaa", Outcome.YES, on=LATER).board
    theirs = noted(BASE, "bbbb", "theirs")
    merged = assert_clean(merge(BASE, mine, theirs))
    assert ids(merged) == ["bbbb", "cccc", "aaaa"]
    assert merged.card("bbbb").note == "theirs"


def test_theirs_order_is_kept_for_cards_they_moved() -> None:
    theirs = ops.resolve_card(BASE, "aaaa", Outcome.YES, on=LATER).board
    mine = noted(BASE, "bbbb", "mine")
    merged = assert_clean(merge(BASE, mine, theirs))
    assert ids(merged) == ["bbbb", "cccc", "aaaa"]


# The property: independent edits always merge cleanly ---------------------------------

EDITS = ("keep", "mine_edit", "mine_delete", "theirs_edit", "theirs_delete")


@st.composite
def independent_edits(draw: st.DrawFn) -> tuple[Board, Board, Board, dict[str, str], list[str], list[str]]:
    """A base board, and two sides that each change, delete and add cards no other side touches."""
    base_ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9]{3}", fullmatch=True), unique=True, max_size=12))
    fates = {card_id: draw(st.sampled_from(EDITS)) for card_id in base_ids}
    notes = st.text(st.characters(codec="utf-8"), max_size=12)
    base = Board(
        settings=Settings(irons_target=draw(st.integers(1, 20))),
        cards=tuple(card(card_id, note=draw(notes)) for card_id in base_ids),
    )
    mine, theirs = base, base
    for card_id, fate in fates.items():
        side = mine if fate.startswith("mine") else theirs
        if fate.endswith("_edit"):
            old = side.card(card_id)
            changed = old.replace(note=old.note + "!", role=fate)
            side = side.replace(cards=tuple(changed if c.id == card_id else c for c in side.cards))
        elif fate.endswith("_delete"):
            side = ops.delete_card(side, card_id).board
        if fate.startswith("mine"):
            mine = side
        else:
            theirs = side
    # Added cards get ids no base card has: digits first, and a side letter.
    mine_added = [f"9m{n:02d}" for n in range(draw(st.integers(0, 3)))]
    theirs_added = [f"9t{n:02d}" for n in range(draw(st.integers(0, 3)))]
    mine = board(*mine.cards, *(card(card_id) for card_id in mine_added), settings=mine.settings)
    theirs = board(*theirs.cards, *(card(card_id) for card_id in theirs_added), settings=theirs.settings)
    if draw(st.booleans()):
        theirs = theirs.replace(settings=Settings(irons_target=base.settings.irons_target + 1))
    return base, mine, theirs, fates, mine_added, theirs_added


@settings(max_examples=150, deadline=None)
@given(independent_edits())
def test_independent_edits_always_merge_cleanly_and_keep_every_edit(
    case: tuple[Board, Board, Board, dict[str, str], list[str], list[str]],
) -> None:
    base, mine, theirs, fates, mine_added, theirs_added = case
    merged = merge(base, mine, theirs)
    result = assert_clean(merged)

    expected_ids = [
        *(c.id for c in base.cards if not fates[c.id].endswith("_delete")),
        *theirs_added,
        *mine_added,
    ]
    assert ids(result) == expected_ids
    for card_id, fate in fates.items():
        if fate == "keep":
            assert result.card(card_id) == base.card(card_id)
        elif fate == "mine_edit":
            assert result.card(card_id) == mine.card(card_id)
        elif fate == "theirs_edit":
            assert result.card(card_id) == theirs.card(card_id)
        else:
            assert not result.has_card(card_id)
    for card_id in mine_added:
        assert result.card(card_id) == mine.card(card_id)
    for card_id in theirs_added:
        assert result.card(card_id) == theirs.card(card_id)
    assert result.settings == theirs.settings
    theirs_changes = sum(1 for fate in fates.values() if fate.startswith("theirs")) + len(theirs_added)
    theirs_changes += theirs.settings != base.settings  # the settings count as one change
    assert merged.taken == theirs_changes

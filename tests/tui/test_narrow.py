"""At 80 x 24 and below: short words on the cards, counts in the column titles, help and
quit in every footer (the review's keeps space, c and escape), every dialog inside."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Footer

from fu_board.demo import demo_board
from fu_board.model import Stage
from fu_board.tui.app import FuBoardApp
from fu_board.tui.textual_internals import FooterKey
from fu_board.tui.widgets.card_column import CardColumn
from tests.conftest import TODAY
from tests.tui.helpers import app_with, column

NARROW = (80, 24)


def footer_words(app: FuBoardApp) -> list[str]:
    footer = app.screen.query_one(Footer)
    return [f"{key.key_display} {key.description}".strip() for key in footer.query(FooterKey)]


def drawn(shown: CardColumn) -> str:
    """What the column shows on screen, line by line."""
    return "\n".join(shown.render_line(y).text for y in range(shown.scrollable_content_region.height))


def title(shown: CardColumn) -> str:
    return Content.from_markup(str(shown.border_title or "")).plain


async def test_the_board_at_80_columns_keeps_counts_short_words_help_and_quit(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert [title(column(app, stage)) for stage in Stage] == [
            "Applied · 3",
            "Interviewed 3",
            "Followed up 2",
            "Resolved · 5",
        ]
        applied = drawn(column(app, Stage.APPLIED))
        assert "⚑ 5d late" in applied
        assert "○ in 5d" in applied
        interviewed = drawn(column(app, Stage.INTERVIEWED))
        assert "⚑ thanks 1d late" in interviewed
        assert "◆ 1 Dec 14:00" in interviewed  # the weekday gives way, the date and time stay
        # Only a company or a role is ever cut short, never what is due nor when.
        names = [text for card in app.session.board.cards for text in (card.company, card.role)]
        for stage in Stage:
            for line in drawn(column(app, stage)).splitlines():
                cut = line.strip(" │").removesuffix("…")
                if line.strip(" │").endswith("…"):
                    assert any(name.startswith(cut) for name in names), line
        words = footer_words(app)
        assert "? Help" in words
        assert "q Quit" in words
        footer = app.screen.query_one(Footer)
        assert sum(key.outer_size.width for key in footer.query(FooterKey)) <= NARROW[0]


async def test_the_board_at_120_columns_keeps_the_long_words(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert title(column(app, Stage.INTERVIEWED)) == "Interviewed · 3"
        assert "⚑ follow-up 5d overdue" in drawn(column(app, Stage.APPLIED))
        assert "H Move ←" in footer_words(app)
        assert "L Move →" in footer_words(app)


async def test_the_review_footer_at_80_columns_keeps_skip_copy_and_the_way_back(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("r")
        await pilot.pause()
        words = footer_words(app)
        for kept in ("space Skip", "c Copy", "esc Board", "f Followed up"):
            assert kept in words


async def test_a_resize_fits_the_footer_again(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "H Move ←" in footer_words(app)
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await pilot.pause()
        assert "H Move ←" not in footer_words(app)
        assert "q Quit" in footer_words(app)
        assert title(column(app, Stage.FOLLOWED_UP)) == "Followed up 2"


async def test_every_dialog_stays_inside_80_columns(board_path: Path) -> None:
    app = app_with(board_path, demo_board(TODAY))
    async with app.run_test(size=NARROW) as pilot:
        for keys in (("l", "l", "enter"), ("l", "x"), ("n",), ("f",), ("s",), ("question_mark",)):
            await pilot.press(*keys)
            await pilot.pause()
            for dialog in app.screen.query(".dialog"):
                assert dialog.outer_size.width <= NARROW[0], f"{keys}: the dialog is wider than the screen"
                assert dialog.region.x >= 0
                assert dialog.region.right <= NARROW[0], f"{keys}: the dialog runs past the right edge"
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
                await pilot.pause()

"""Columns longer than the screen: the cursor stays in view, pages and stops at the ends, a
scrollbar comes when it is needed, and a moved card lands where the order says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.visual import Padding, Visual

from fu_board import board as ops
from fu_board.columns import column as sorted_column
from fu_board.demo import demo_board
from fu_board.model import STAGES, Board, Stage
from fu_board.tui.widgets.card_column import CardColumn, card_prompt, card_strips
from tests.conftest import TODAY
from tests.tui.helpers import SIZE, app_with, board_screen, column, saved, shown_ids

COUNT = 30


def long_board() -> Board:
    """COUNT cards in Applied, each applied a day before the next: the oldest is the most overdue, so first."""
    board = Board()
    for index in range(COUNT):
        applied = TODAY - dt.timedelta(days=COUNT - index)
        board = ops.add_card(board, company=f"Company {index:02}", role="Engineer", applied=applied).board
    return board


def in_view(shown: CardColumn, index: int) -> bool:
    top = index * shown.stride
    height = shown.scrollable_content_region.height
    return shown.scroll_offset.y <= top and top + shown.card_lines <= shown.scroll_offset.y + height


async def test_end_home_and_the_ends_keep_the_cursor_in_view(board_path: Path) -> None:
    app = app_with(board_path, long_board())
    async with app.run_test(size=SIZE) as pilot:
        applied = column(app, Stage.APPLIED)
        assert applied.card_count == COUNT
        assert applied.show_vertical_scrollbar  # thirty cards do not fit in 40 rows
        assert applied.card_text(0).startswith("Company 00")
        await pilot.press("end")
        assert applied.highlighted == COUNT - 1
        assert applied.scroll_offset.y > 0
        assert in_view(applied, COUNT - 1)
        assert board_screen(app).selected_card is not None
        assert board_screen(app).selected_card.company == f"Company {COUNT - 1:02}"
        await pilot.press("j", "j")  # past the last card: it stays there, as in a pager
        assert applied.highlighted == COUNT - 1
        assert in_view(applied, COUNT - 1)
        await pilot.press("k")
        assert applied.highlighted == COUNT - 2
        await pilot.press("home")
        assert (applied.highlighted, applied.scroll_offset.y) == (0, 0)
        await pilot.press("k", "up")  # before the first: it stays too
        assert (applied.highlighted, applied.scroll_offset.y) == (0, 0)
        await pilot.press("down")
        assert applied.highlighted == 1


async def test_page_keys_move_a_screenful(board_path: Path) -> None:
    app = app_with(board_path, long_board())
    async with app.run_test(size=SIZE) as pilot:
        applied = column(app, Stage.APPLIED)
        per_page = applied.scrollable_content_region.height // applied.stride
        await pilot.press("pagedown")
        assert applied.highlighted == per_page
        assert in_view(applied, per_page)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        assert applied.highlighted == COUNT - 1  # stops at the last card
        assert in_view(applied, COUNT - 1)
        await pilot.press("pageup")
        assert applied.highlighted is not None
        assert 0 < applied.highlighted < COUNT - 1
        assert in_view(applied, applied.highlighted)
        await pilot.press(*["pageup"] * 6)
        assert applied.highlighted == 0


async def test_moving_cards_fills_a_column_until_it_scrolls(board_path: Path) -> None:
    app = app_with(board_path, long_board())
    async with app.run_test(size=SIZE) as pilot:
        interviewed = column(app, Stage.INTERVIEWED)
        assert interviewed.card_count == 0
        assert not interviewed.show_vertical_scrollbar
        moved = []
        for _ in range(10):
            await pilot.press("end")  # the newest application, due last
            moved.append(board_screen(app).selected_id())
            await pilot.press("2", "ctrl+s", "h")  # to Interviewed (an interview today), then the cursor back
        await pilot.pause()
        on_file = saved(board_path)
        assert on_file == app.session.board
        assert {card.id for card in on_file.cards if card.stage is Stage.INTERVIEWED} == set(moved)
        assert all(on_file.card(card_id).interviews[-1].date == TODAY for card_id in moved)
        assert interviewed.show_vertical_scrollbar  # ten cards do not fit: the scrollbar came
        for stage in STAGES:
            assert shown_ids(app, stage) == [card.id for card in sorted_column(on_file, stage, TODAY)]
        assert interviewed.border_title == "[bold]Interviewed[/bold] · 10"
        assert column(app, Stage.APPLIED).border_title == f"[bold]Applied[/bold] · {COUNT - 10}"


async def test_a_click_in_a_scrolled_column_selects_the_card_under_the_mouse(board_path: Path) -> None:
    app = app_with(board_path, long_board())
    async with app.run_test(size=SIZE) as pilot:
        applied = column(app, Stage.APPLIED)
        await pilot.press("end")
        top = applied.scroll_offset.y // applied.stride + (applied.scroll_offset.y % applied.stride > 0)
        # The first card wholly in view: its first row is `top * stride - scroll` rows into the content.
        row = top * applied.stride - applied.scroll_offset.y
        assert await pilot.click(applied, offset=(3, 1 + row))  # 1: the border
        assert applied.highlighted == top
        assert app.screen is board_screen(app)  # a click selects, enter opens


def hostile_board() -> Board:
    """Cards whose lines overflow in every way: wide characters, emoji, very long words."""
    board = demo_board(TODAY)
    for company, role in [
        ("株式会社エンジニアリング東京オフィス", "シニアソフトウェアエンジニア"),
        ("Zoë's 🚀 Rocket Café ☕☕☕☕☕☕☕☕☕", "Ingénieure logiciel principale — équipe plateforme"),
        ("A" * 80, ""),
        ("x", "y"),
    ]:
        board = ops.add_card(board, company=company, role=role, applied=TODAY - dt.timedelta(days=9)).board
    return board


async def test_cards_are_drawn_exactly_as_textual_draws_padded_content(board_path: Path) -> None:
    """`card_strips` is a short cut for `Visual.to_strips` of a card's padded lines: the same
    segments, styles and selection offsets, at any width, under the cursor or not."""
    app = app_with(board_path, hostile_board())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        compared = 0
        for shown in app.screen.query(CardColumn):
            padding = shown.get_component_styles("card-column--card").padding
            assert (padding.left, padding.right) == (1, 1)  # the short cut's padding is exercised
            styles = [
                shown.get_visual_style("card-column--card"),
                shown.get_visual_style("card-column--card", "card-column--cursor"),
            ]
            for style in styles:
                for width in (3, 4, 12, 26, 90):
                    for card in shown._cards:
                        content = card_prompt(card, shown._view.headline(card), shown._view.today)
                        textual = Visual.to_strips(
                            shown, Padding(content, padding), width, shown.card_lines, style, pad=True
                        )
                        expected = [strip.crop_pad(width, 0, 0, style.rich_style) for strip in textual]
                        drawn = card_strips(content.split("\n"), width, padding, style, shown.card_lines)
                        assert [strip.simplify() for strip in drawn] == [strip.simplify() for strip in expected]
                        assert all(strip.cell_length == width for strip in drawn)
                        compared += 1
        assert compared == 2 * 5 * len(app.session.board.cards)


async def test_the_cursor_stays_in_view_when_the_terminal_shrinks_and_grows(board_path: Path) -> None:
    app = app_with(board_path, long_board())
    async with app.run_test(size=SIZE) as pilot:
        applied = column(app, Stage.APPLIED)
        await pilot.press(*"j" * 6)
        assert applied.highlighted == 6
        assert in_view(applied, 6)
        for size in ((60, 20), (40, 12), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert applied.highlighted == 6
            assert in_view(applied, 6), size
        selected = board_screen(app).selected_id()
        await pilot.press("enter")
        assert app.screen.card.id == selected  # type: ignore[attr-defined]  # the card opened is the one shown

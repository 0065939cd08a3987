"""`g`: the numbers behind the search, from the board's own history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from fu_board.progress import to_go_words
from fu_board.stats import Stats, Week
from fu_board.tui.session_app import session_of
from fu_board.tui.widgets.fitted_footer import FittedFooter

BAR_WIDTH = 18


def _bar(value: int, top: int) -> str:
    """A bar as long as the value, against the busiest week; at least one cell when not zero."""
    return "█" * max(round(value / top * BAR_WIDTH), 1 if value else 0)


def chart(weeks: tuple[Week, ...]) -> Content:
    """Applications and follow-ups per week, oldest first: a bar and the count for each."""
    top = max([week.applications for week in weeks] + [week.follow_ups for week in weeks] + [1])
    width = BAR_WIDTH + 4
    lines = [Content.styled(f"{'week of':<10}{'applications':<{width}}follow-ups", "bold")]
    for week in weeks:
        bar, count = _bar(week.applications, top), f" {week.applications}"
        lines.append(
            Content.assemble(
                f"{week.monday:%d %b}".ljust(10),
                (bar, "$text-primary"),
                count.ljust(width - len(bar)),
                (_bar(week.follow_ups, top), "$text-accent"),
                f" {week.follow_ups}",
            )
        )
    return Content("\n").join(lines)


def _days(value: float | None) -> str:
    return "not yet" if value is None else f"{value:g} days"


def summary(numbers: Stats, ahead: str) -> Content:
    flow, counted = numbers.funnel, numbers.tally
    widest = max(flow.applied, 1)

    def stage(label: str, count: int) -> Content:
        bar = "█" * round(count / widest * 30)
        return Content.assemble(f"{label:<14}", (bar, "$text-primary"), f" {count}")

    nos = str(counted.nos_since_last_yes) + (f" ({ahead})" if ahead else "")
    ratio = "no yes yet" if numbers.nos_per_yes is None else f"{numbers.nos_per_yes:.1f}".removesuffix(".0")
    if numbers.expected_nos_per_yes is not None:
        ratio += f" (your own guess: {numbers.expected_nos_per_yes})"
    rows = [
        Content.styled("Funnel (the furthest each application reached)", "bold $text-primary"),
        stage("Applied", flow.applied),
        stage("Interviewed", flow.interviewed),
        stage("Followed up", flow.followed_up),
        stage("Yes", flow.yes),
        Content(""),
        Content.styled("Outcomes", "bold $text-primary"),
        Content(f"✓ {counted.yeses} yes   ✗ {counted.nos} no   ↩ {counted.withdrawn} withdrawn"),
        Content(f"Nos until yes       {nos}"),
        Content(f"Nos per yes         {ratio}"),
        Content(f"Irons in the fire   {numbers.active} of {numbers.irons_target}"),
        Content(f"Review streak       {numbers.streak} day{'s' if numbers.streak != 1 else ''}"),
        Content(""),
        Content.styled("Timing and effort", "bold $text-primary"),
        Content(
            "Got an interview    "
            + ("not yet" if numbers.interview_share is None else f"{numbers.interview_share:.0%} of applications")
        ),
        Content(f"Applying → interview  {_days(numbers.days_to_interview)} (median)"),
        Content(f"Interview → answer    {_days(numbers.days_to_decision)} (median)"),
        Content(
            "Follow-ups a card   "
            + ("not yet" if numbers.follow_ups_per_card is None else f"{numbers.follow_ups_per_card:.1f}")
        ),
    ]
    return Content("\n").join(rows)


class StatsScreen(Screen[None]):
    """The funnel, outcomes, timings and the last twelve weeks; escape goes back."""

    BINDINGS = [Binding("escape,g,q", "app.pop_screen", "Board", tooltip="back to the board")]

    def compose(self) -> ComposeResult:
        view = session_of(self).view
        numbers = view.stats
        yield Static(Content.styled(f"Stats · {view.today:%a %d %b %Y}", "bold"), id="stats-title")
        with VerticalScroll(id="stats-body"):
            yield Static(summary(numbers, to_go_words(view.board.settings, view.standing)), id="stats-summary")
            yield Static(Content.styled("The last 12 weeks", "bold $text-primary"), classes="stats-heading")
            yield Static(chart(numbers.weeks), id="stats-chart")
        yield FittedFooter()

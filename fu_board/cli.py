"""The `fu-board` command: opens the board, or runs one verb on it.

Verbs never import Textual; the TUI is imported only to run it. Bad input gets
one line on stderr and exit status 2, and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from fu_board import __version__
from fu_board import board as ops
from fu_board.backups import AmbiguousBackup, backup_folder, backup_words, find_backup, list_backups
from fu_board.board_file import load, locked, restore, update, update_board
from fu_board.business_days import next_business_day
from fu_board.columns import column
from fu_board.counts import days_since_touch, last_touch
from fu_board.export import FORMATS
from fu_board.model import (
    NO_KIND_WORDS,
    STAGES,
    Board,
    Card,
    Channel,
    Contact,
    DateOutOfRange,
    Interview,
    InterviewKind,
    NoKind,
    Outcome,
    Stage,
    describe_problem,
    is_validation_error,
    parse_date,
)
from fu_board.progress import no_greeting, yes_celebration
from fu_board.rules import FollowUp, Reason, clock, due_cards, due_counts, is_held, next_follow_up
from fu_board.store import BoardFileError, NewerBoardError, present, write_atomically
from fu_board.text import safe_json, visible
from fu_board.where import ENV_VAR, default_board_path

EXIT_USAGE = 2


class UsageError(Exception):
    """Input the person can fix; the message says how."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line that says where to look for help."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {visible(message, one_line=True)} (see {self.prog} --help)\n")
        sys.exit(EXIT_USAGE)


@dataclass(frozen=True)
class DayArg:
    """A date from the command line: a calendar date, or a number of days from today."""

    day: dt.date | None = None
    offset: int = 0

    def on(self, today: dt.date) -> dt.date:
        return self.day or today + dt.timedelta(days=self.offset)


DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _date(text: str) -> DayArg:
    if text.lower() in DAY_WORDS:
        return DayArg(offset=DAY_WORDS[text.lower()])
    try:
        return DayArg(day=parse_date(text))
    except DateOutOfRange as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-11-25 (or today, yesterday, tomorrow)"
        ) from None


def _later_date(text: str) -> DayArg:
    """A date, or a wait from today: 3d is three days, 2w two weeks."""
    match = re.fullmatch(r"(\d{1,3})([dw])", text.strip().lower())
    if match:
        return DayArg(offset=int(match[1]) * (7 if match[2] == "w" else 1))
    try:
        return _date(text)
    except argparse.ArgumentTypeError as error:
        if "too far off" in str(error):
            raise
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-12-01, tomorrow, or a wait like 3d or 2w"
        ) from None


def _no_kind(text: str) -> NoKind:
    try:
        return NoKind(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a kind of no; use {NO_KIND_WORDS}") from None


def _clock_time(text: str) -> str:
    """A local time of day, HH:MM (9:30 is 09:30)."""
    match = re.fullmatch(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time of day like 09:30 or 14:00 (24-hour)")
    return f"{int(match[1]):02d}:{match[2]}"


def _interview_kind(text: str) -> InterviewKind:
    try:
        return InterviewKind(text.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        names = ", ".join(kind.value for kind in InterviewKind)
        raise argparse.ArgumentTypeError(f"{text!r} is not a kind of interview; use one of {names}") from None


def _channel(text: str) -> Channel:
    try:
        return Channel(text.lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        names = ", ".join(channel.value for channel in Channel)
        raise argparse.ArgumentTypeError(f"{text!r} is not a channel; use one of {names}") from None


def _day(arg: DayArg | None, today: dt.date) -> dt.date:
    return today if arg is None else arg.on(today)


def _stage(text: str, named: tuple[Stage, ...] = STAGES) -> Stage:
    """A stage by its name; the error names the stages in `named`."""
    try:
        return Stage(text.lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        names = ", ".join(stage.value for stage in named)
        raise argparse.ArgumentTypeError(f"{text!r} is not a stage; use one of {names}") from None


def _working_stage(text: str) -> Stage:
    """For `move`: its error names the columns a card is moved to (Resolved is reached with
    an answer, and `move ID resolved` says so)."""
    return _stage(text, tuple(stage for stage in STAGES if stage is not Stage.RESOLVED))


def _outcome(text: str) -> Outcome:
    try:
        return Outcome(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an outcome; use yes, no or withdrawn") from None


def build_parser() -> argparse.ArgumentParser:
    board_help = "the board file (default: $FU_BOARD_FILE, else board.toml in your data folder)"
    common = _Parser(add_help=False)
    common.add_argument("--board", metavar="PATH", type=Path, default=argparse.SUPPRESS, help=board_help)

    parser = _Parser(
        prog="fu-board",
        description="Keep following up until every application ends in a yes or a no. "
        "Without a command, opens the board.",
    )
    parser.add_argument("--version", action="version", version=f"fu-board {__version__}")
    parser.add_argument("--board", metavar="PATH", type=Path, default=None, help=board_help)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)

    add = verbs.add_parser("add", parents=[common], help="add an application; prints its id")
    add.add_argument("company", metavar="COMPANY")
    add.add_argument("--role", default="", metavar="R")
    add.add_argument("--link", default="", metavar="URL")
    add.add_argument("--contact", default="", metavar="NAME")
    add.add_argument("--email", default="", metavar="E")
    add.add_argument("--applied", type=_date, default=None, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--note", default="", metavar="TEXT")

    listing = verbs.add_parser("list", parents=[common], help="list the cards, column by column")
    listing.add_argument("--stage", type=_stage, default=None, metavar="S", help="only this column")
    listing.add_argument("--json", action="store_true", help="print a JSON array for scripts")

    _add_column_verbs(verbs, common)

    stats = verbs.add_parser("stats", parents=[common], help="the funnel, outcomes and the nos-until-yes counter")
    stats.add_argument("--json", action="store_true", help="print a JSON object for scripts")

    due = verbs.add_parser("due", parents=[common], help="what to follow up on today, most overdue first")
    due.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="another day than today")
    counted = due.add_mutually_exclusive_group()
    counted.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    counted.add_argument(
        "--count", action="store_true", help="print only how many cards are due or overdue (for a shell prompt)"
    )

    draft = verbs.add_parser(
        "draft", parents=[common], help="the message a card asks for next, as an email: to, subject, body"
    )
    draft.add_argument("card", metavar="ID")
    draft.add_argument("--to", default=None, metavar="NAME", help="for this contact or interviewer")
    shape = draft.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print a JSON object for scripts")
    shape.add_argument("--mailto", action="store_true", help="print it as a mailto: URL (RFC 6068)")

    remind = verbs.add_parser(
        "remind", parents=[common], help="show a desktop notification of what is due today; --install: every day"
    )
    remind.add_argument("-v", "--verbose", action="store_true", help="say why no notification was shown")
    job = remind.add_mutually_exclusive_group()
    job.add_argument("--install", action="store_true", help="remind you every day, in your own scheduler")
    job.add_argument("--uninstall", action="store_true", help="remove exactly what --install set up")
    remind.add_argument("--at", type=_clock_time, default=None, metavar="HH:MM", help="with --install (default 09:00)")
    remind.add_argument("--dry-run", action="store_true", help="say what --install or --uninstall would do, do nothing")

    _add_card_verbs(verbs, common)
    _add_log_verbs(verbs, common)
    _add_file_verbs(verbs, common)
    for verb in verbs.choices.values():
        verb.set_defaults(verb_parser=verb)  # an unknown flag is then reported by the verb itself
        for action in verb._actions:  # argparse's own list of a parser's arguments
            if action.dest == "card":
                action.completer = card_ids  # type: ignore[attr-defined]  # argcomplete's attribute
    return parser


SHELLS = ("bash", "zsh", "fish")
"""The shells `fu-board completion` writes a script for (with argcomplete)."""


def card_ids(prefix: str, parsed_args: argparse.Namespace, **_: object) -> dict[str, str]:
    """What completes an ID: each card of the board the command line names whose id starts
    with `prefix`, with its company and role (zsh and fish show them beside it). Nothing,
    quietly, when the board cannot be read."""
    path = getattr(parsed_args, "board", None) or default_board_path()
    try:
        board = load(path)
    except (OSError, BoardFileError):
        return {}
    return {card.id: visible(card.title, one_line=True) for card in board.cards if card.id.startswith(prefix)}


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's question and exit, when the completion script asks (argcomplete
    sets `_ARGCOMPLETE`); otherwise nothing, not even an import."""
    if "_ARGCOMPLETE" in os.environ:
        import argcomplete

        argcomplete.autocomplete(parser)


def _add_column_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """The verbs that take a card to another column: move, and resolve with an answer."""
    move = verbs.add_parser("move", parents=[common], help="move a card to applied, interviewed or followed_up")
    move.add_argument("card", metavar="ID")
    move.add_argument(
        "stage",
        type=_working_stage,
        metavar="STAGE",
        help="applied, interviewed or followed_up (a card reaches resolved with fu-board resolve)",
    )
    move.add_argument("--date", type=_date, default=None, metavar="D", help="when it happened (default: today)")

    resolve = verbs.add_parser("resolve", parents=[common], help="record the answer: yes, no or withdrawn")
    resolve.add_argument("card", metavar="ID")
    resolve.add_argument("outcome", type=_outcome, metavar="yes|no|withdrawn")
    resolve.add_argument("--date", type=_date, default=None, metavar="D", help="when it happened (default: today)")
    resolve.add_argument(
        "--kind",
        type=_no_kind,
        default=None,
        metavar="said|silence|form",
        help="for a no: they said it (default), silence counts as one, or a form rejection",
    )


def _interviews(text: str) -> tuple[Interview, ...]:
    """A card's interviews in one line (`field_text.interviews`)."""
    from fu_board.field_text import interviews

    try:
        return interviews(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _optional_date(text: str) -> DayArg | None:
    """A date, or `none` to clear one."""
    return None if text.strip().lower() in ("none", "") else _date(text)


def _add_card_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """The verbs about one card as a whole: show it, edit it, delete it, add to its note and contacts."""
    show = verbs.add_parser("show", parents=[common], help="one card: every field and its whole timeline")
    show.add_argument("card", metavar="ID")
    show.add_argument("--json", action="store_true", help="print a JSON object for scripts")

    edit = verbs.add_parser("edit", parents=[common], help="change a card's details, as its screen does")
    edit.add_argument("card", metavar="ID")
    edit.add_argument("--company", default=None, metavar="C")
    edit.add_argument("--role", default=None, metavar="R")
    edit.add_argument("--link", default=None, metavar="URL")
    edit.add_argument("--note", default=None, metavar="TEXT", help="the whole note (fu-board note adds a line)")
    edit.add_argument("--applied", type=_date, default=None, metavar="D", help="the day the application went out")
    edit.add_argument(
        "--decision-by",
        type=_optional_date,
        default=False,
        metavar="D",
        help="when they said they'd decide; none clears it",
    )
    edit.add_argument("--answer-on", type=_date, default=None, metavar="D", help="the day of a resolved card's answer")
    edit.add_argument(
        "--interviews",
        type=_interviews,
        default=None,
        metavar="TEXT",
        help="every interview, as the card screen writes them: '2026-11-05 14:00 onsite with Ana Lee; 2026-11-11'",
    )

    delete = verbs.add_parser("delete", parents=[common], help="delete a card and its history (kept in the backup)")
    delete.add_argument("card", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask (needed when not run on a terminal)")

    note = verbs.add_parser("note", parents=[common], help="add a line to a card's note")
    note.add_argument("card", metavar="ID")
    note.add_argument("text", metavar="TEXT")

    contact = verbs.add_parser(
        "contact", parents=[common], help="add a contact to a card (or fill in one of the same name)"
    )
    contact.add_argument("card", metavar="ID")
    contact.add_argument("--name", required=True, metavar="N")
    contact.add_argument("--email", default=None, metavar="E")
    contact.add_argument("--phone", default=None, metavar="P")
    contact.add_argument("--title", default=None, metavar="T", help="their job title")


def _add_log_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """The verbs that log what happened: an interview, a follow-up, a thank-you, a snooze."""
    interview = verbs.add_parser(
        "interview", parents=[common], help="log an interview, held or (dated ahead) scheduled; it goes to Interviewed"
    )
    interview.add_argument("card", metavar="ID")
    interview.add_argument("--date", type=_date, default=None, metavar="D", help="the interview's day (default: today)")
    interview.add_argument("--time", type=_clock_time, default=None, metavar="HH:MM", help="when it starts, local time")
    interview.add_argument(
        "--kind", type=_interview_kind, default=None, metavar="K", help=", ".join(kind.value for kind in InterviewKind)
    )
    interview.add_argument("--where", default="", metavar="TEXT", help="an address, or a video link")
    interview.add_argument(
        "--with",
        dest="interviewers",
        action="append",
        default=[],
        metavar="NAME",
        help="an interviewer; repeat it for each (or separate names with commas)",
    )
    interview.add_argument("--decision-by", type=_date, default=None, metavar="D", help="when they said they'd decide")
    interview.add_argument("--note", default="", metavar="TEXT", help="the debrief: what to remember")

    followup = verbs.add_parser("followup", parents=[common], help="log a follow-up")
    followup.add_argument("card", metavar="ID")
    followup.add_argument("--date", type=_date, default=None, metavar="D", help="when (default: today)")
    followup.add_argument("--channel", type=_channel, default=None, metavar="C", help=", ".join(Channel))
    followup.add_argument("--note", default="", metavar="TEXT")

    thank = verbs.add_parser("thank", parents=[common], help="log a thank-you sent after an interview")
    thank.add_argument("card", metavar="ID")
    thank.add_argument("--to", default=None, metavar="NAME", help="the interviewer thanked (default: everyone owed)")
    thank.add_argument("--date", type=_date, default=None, metavar="D", help="when (default: today)")

    snooze = verbs.add_parser("snooze", parents=[common], help="wait until DATE before following up")
    snooze.add_argument("card", metavar="ID")
    snooze.add_argument("until", type=_later_date, metavar="DATE", help="YYYY-MM-DD, tomorrow, or a wait like 3d, 2w")


def _add_file_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """The verbs about the file itself: where it is, its backups, its exports; and the demo."""
    verbs.add_parser("demo", help="open a demo board in a temporary file; your own board is never touched")
    bring = verbs.add_parser(
        "import", parents=[common], help="bring in a spreadsheet (CSV or .xlsx) or a fu-board JSON export"
    )
    bring.add_argument("file", type=Path, metavar="FILE")
    bring.add_argument("--dry-run", action="store_true", help="say what it would do, and write nothing")
    bring.add_argument(
        "--sheet", default=None, metavar="NAME", help="the workbook's sheet to read (default: the first)"
    )
    order = bring.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first", action="store_true", help="read dates such as 03/04/2026 as 3 April (when the file cannot say)"
    )
    order.add_argument(
        "--month-first",
        action="store_true",
        help="read dates such as 03/04/2026 as March 4 (when the file cannot say)",
    )
    export = verbs.add_parser("export", parents=[common], help="the board as CSV, JSON, Markdown or a calendar")
    export.add_argument("--format", required=True, choices=FORMATS, help="csv, json (an exact copy), md or ics")
    export.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="default: print it")
    verbs.add_parser("where", parents=[common], help="print the board file's path")
    completion = verbs.add_parser(
        "completion", help="print the script that completes fu-board's commands, flags and card ids in SHELL"
    )
    completion.add_argument("shell", choices=SHELLS, metavar="SHELL", help=", ".join(SHELLS))
    backups = verbs.add_parser("backups", parents=[common], help="list the board's backups, newest first")
    backups.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    restore = verbs.add_parser("restore", parents=[common], help="put a backup back (the current file is backed up)")
    restore.add_argument("backup", metavar="BACKUP", help="a name from fu-board backups, or a path")


ARGUMENT_NAMES = {"card": "ID", "company": "COMPANY", "interviewers": "--with", "text": "TEXT"}
"""How the person wrote an argument whose name in the code differs."""


def _check_text(args: argparse.Namespace) -> None:
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    label = ARGUMENT_NAMES.get(name, f"--{name.replace('_', '-')}")
                    raise UsageError(f"{label} holds bytes that are not valid UTF-8 text") from None


def _not_ahead(day: dt.date, today: dt.date, what: str) -> dt.date:
    if day > today:
        raise UsageError(f"{what} {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


def _card_json(card: Card, today: dt.date) -> dict[str, Any]:
    contact = card.contact or Contact()
    return {
        "id": card.id,
        "company": card.company,
        "role": card.role,
        "stage": card.stage.value,
        "outcome": card.outcome.value if card.outcome else None,
        "no_kind": card.no_kind.value if card.no_kind else None,
        "applied": card.applied.isoformat(),
        "resolved_on": card.resolved_on.isoformat() if card.resolved_on else None,
        "last_touch": last_touch(card, today).isoformat(),
        "link": card.link,
        "contact": contact.name,
        "email": contact.email,
    }


def _card_line(card: Card, today: dt.date) -> str:
    status = f"{card.outcome.symbol} {card.outcome.value}" if card.outcome else card.stage.value
    days = days_since_touch(card, today)
    return visible(f"{card.id}  {status:<12} {card.title}  ({days}d since last touch)", one_line=True)


def _listed(board: Board, stage: Stage | None, today: dt.date) -> list[Card]:
    stages = STAGES if stage is None else (stage,)
    return [card for each in stages for card in column(board, each, today)]


def _board_or_empty(path: Path) -> Board:
    """The board, or an empty one (said on stderr) when there is no file yet; creates nothing.

    A board from a newer fu-board is shown as far as this one understands it, with a warning.
    """
    try:
        return load(path)
    except FileNotFoundError:
        sys.stderr.write(
            f"fu-board: no board yet at {visible(str(path), one_line=True)}; "
            f"{visible(command(path, 'add COMPANY'), one_line=True)} starts one\n"
        )
        return Board()
    except NewerBoardError as error:
        if error.board is None:
            raise
        sys.stderr.write(f"fu-board: warning: {visible(str(error), one_line=True)}; showing what this version knows\n")
        return error.board


def command(path: Path, words: str) -> str:
    """`fu-board WORDS` as a message suggests it, with `--board PATH` when `path` is not the
    board fu-board opens by default (`$FU_BOARD_FILE`, else the data folder's): a command
    suggested can be run as it is written."""
    if os.path.abspath(path) == os.path.abspath(default_board_path()):
        return f"fu-board {words}"
    import shlex

    return f"fu-board --board {shlex.quote(str(path))} {words}"


def _next_line(done: ops.Change, today: dt.date, now: dt.time | None) -> str:
    follow_up = next_follow_up(done.card, done.board.settings, today, now=now)
    if follow_up is None:
        return ""
    if follow_up.reason is Reason.INTERVIEW_TODAY:
        return f"; next: {follow_up.words}"
    to = f", to {follow_up.to}" if follow_up.to and follow_up.reason is Reason.THANK_YOU else ""
    return visible(f"; next follow-up {follow_up.due.isoformat()} ({follow_up.reason.value}{to})", one_line=True)


def _now(args: argparse.Namespace, day: dt.date, today: dt.date) -> dt.time | None:
    """The time of day the rules see: now, for today; the start of a day ahead (its
    interviews still to come), the end of a day gone by."""
    if day < today:
        return None
    now: dt.time | None = getattr(args, "now", None)
    return now if day == today else dt.time.min


def interview_json(interview: Interview | None) -> dict[str, Any] | None:
    """An interview as `due --json` shows it."""
    if interview is None:
        return None
    return {
        "date": interview.date.isoformat(),
        "time": interview.time or None,
        "kind": interview.kind.value if interview.kind else None,
        "where": interview.where,
        "with": list(interview.interviewers),
    }


def _where(_args: argparse.Namespace, path: Path, _today: dt.date) -> str:
    return f"{path}"


def _completion(args: argparse.Namespace, _path: Path, _today: dt.date) -> str:
    import argcomplete

    return argcomplete.shellcode(["fu-board"], shell=args.shell).rstrip("\n")


def _add(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    applied = _not_ahead(_day(args.applied, today), today, "--applied")
    done = update(
        path,
        lambda board: ops.add_card(
            board,
            company=args.company,
            role=args.role,
            link=args.link,
            contact=Contact(name=args.contact, email=args.email),
            applied=applied,
            note=args.note,
        ),
        create=True,  # first card: the file is created only once the card is valid
        today=today,
    )
    return done.card.id


def _json(data: Any) -> str:
    """`--json` output: indented on a terminal, on one line when piped to a program (as gh does)."""
    return safe_json(data, pretty=sys.stdout.isatty())


def _list(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    cards = _listed(_board_or_empty(path), args.stage, today)
    if args.json:
        return _json([_card_json(card, today) for card in cards])
    return "\n".join(_card_line(card, today) for card in cards)


def _due(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    day = _day(args.date, today)
    if args.count:
        from fu_board import due_status

        if not present(path):  # a prompt asks on every Enter: no board yet is nothing due, quietly
            return "0"
        read = due_status.signature(path)
        board = _board_or_empty(path)
        if args.date is None and read is not None:  # the status for the next count, which can then be quick
            due_status.write(path, board, today, read)
        return str(due_counts(board, day, now=_now(args, day, today))[0])
    queue = due_cards(_board_or_empty(path), day, now=_now(args, day, today))
    if args.json:
        return _json(
            [
                {
                    "id": card.id,
                    "company": card.company,
                    "stage": card.stage.value,
                    "due": follow_up.due.isoformat(),
                    "reason": follow_up.reason.value,
                    "overdue_days": follow_up.overdue_days,
                    "to": follow_up.to,
                    "interview": interview_json(follow_up.interview),
                }
                for card, follow_up in queue
            ]
        )
    if not queue:
        return f"nothing due on {day.isoformat()}"
    return "\n".join(_due_line(card, follow_up) for card, follow_up in queue)


def _due_line(card: Card, follow_up: FollowUp) -> str:
    """`k7m2  thank-you due today     Acme  (thank_you, to Monica Hall)`."""
    why = follow_up.reason.value
    if follow_up.to:
        why += f", to {follow_up.to}"
    interview = follow_up.interview
    if follow_up.reason is Reason.INTERVIEW_TODAY and interview is not None:
        why = ", ".join(part for part in (interview.what, interview.where) if part)
    return visible(f"{card.id}  {follow_up.words:<24} {card.company}  ({why})", one_line=True)


class NotDone(Exception):
    """A verb that found nothing to do, or could not do all of it (not for bad input): said on
    stderr, and the exit status is 1."""


def _draft(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board.drafts import NoSuchPerson, card_draft
    from fu_board.mail import mailto

    board = _board_or_empty(path)
    card = ops.find_card(board, args.card)
    try:
        draft = card_draft(card, board.settings, today, now=args.now, to=args.to)
    except NoSuchPerson:
        raise UsageError(
            f"--to: nobody of that name on {card.id}, among its contacts and interviewers "
            f"({command(path, f'show {card.id}')} shows them)"
        ) from None
    if draft is None:
        raise NotDone(f"nothing to write on {card.id} now: no message is owed, or none fits")
    url = mailto(draft)
    if args.json:
        return _json(
            {
                "id": card.id,
                "template": draft.template,
                "to": draft.to,
                "email": draft.email or None,
                "subject": draft.subject,
                "body": draft.body,
                "mailto": url,
            }
        )
    if args.mailto:
        if not draft.email:
            sys.stderr.write(f"fu-board: no email known for {card.id}'s contact: the mail program will ask\n")
        return url
    return visible(f"To: {_address(draft.to, draft.email)}\nSubject: {draft.subject}\n\n{draft.body}")


def _address(name: str | None, email: str) -> str:
    """`"Hall, Monica" <monica@hooli.example>`, as a To line writes it; the name alone, and
    what is missing, without an address."""
    if not email:
        return f"{name} (no email known)" if name else "(nobody known: add a contact to the card)"
    if not name:
        return email
    from email.headerregistry import Address

    try:
        return str(Address(display_name=name, addr_spec=email))
    except (ValueError, IndexError):  # an address the email package cannot parse: shown as it is
        return f"{name} <{email}>"


def _remind(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board import remind

    if args.at is not None and not args.install:
        raise UsageError("--at is for --install: fu-board remind --install --at 08:30")
    if args.dry_run and not (args.install or args.uninstall):
        raise UsageError("--dry-run is for --install or --uninstall")
    if args.install or args.uninstall:
        hour, minute = (args.at or "09:00").split(":")
        named = getattr(args, "board", None) is not None or bool(os.environ.get(ENV_VAR))
        made = remind.plan(install=args.install, at=dt.time(int(hour), int(minute)), board=path if named else None)
        if args.uninstall and made.remove and not any(file.exists() for file in made.remove):
            return "nothing to remove: no daily reminder is installed"
        said, problems = remind.carry_out(made, dry_run=args.dry_run)
        if problems:
            sys.stdout.write(visible("\n".join(said)) + "\n")
            raise NotDone("; ".join(problems))
        return visible("\n".join(said))

    def why(words: str) -> None:
        if args.verbose:
            sys.stderr.write(f"fu-board: no notification: {visible(words, one_line=True)}\n")

    if not present(path):
        why(f"no board yet at {path}")
        return ""
    board = _board_or_empty(path)
    now = _now(args, today, today)
    if board.settings.calendar_file is not None:  # each morning, what is overdue moves onto today
        from fu_board import ics

        with locked(path):  # as a save writes it: never an older board's calendar over a newer one's
            ics.sync(_board_or_empty(path), today)
    shown = remind.reminder(board, today, now)
    if shown is None:
        why("nothing is due today")
        return ""
    problem = remind.notify(shown)
    if problem is not None:
        why(problem)
    elif args.verbose:
        sys.stderr.write(f"fu-board: shown: {visible(shown.title, one_line=True)}\n")
    return ""


def _move(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    if args.stage is Stage.RESOLVED:
        raise UsageError("a card is resolved with an answer: fu-board resolve ID yes|no|withdrawn")
    on = _not_ahead(_day(args.date, today), today, "--date")
    done = update(path, lambda b: ops.move_card(b, ops.find_card(b, args.card).id, args.stage, on=on), today=today)
    return f"{done.card.id} moved to {done.card.stage.label}"


def _resolve(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    on = _not_ahead(_day(args.date, today), today, "--date")
    if args.kind is not None and args.outcome is not Outcome.NO:
        raise UsageError(f"--kind is for a no: {NO_KIND_WORDS}")
    done = update(
        path,
        lambda b: ops.resolve_card(b, ops.find_card(b, args.card).id, args.outcome, on=on, no_kind=args.kind),
        today=today,
    )
    words = {Outcome.NO: no_greeting, Outcome.YES: yes_celebration}.get(args.outcome)
    said = f"\n{visible(words(done.board, done.card), one_line=True)}" if words else ""
    return f"{done.card.id} resolved: {args.outcome.value}{said}"


def _stats(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board.stats import stats_json, stats_text  # only this verb needs it

    board = _board_or_empty(path)
    if args.json:
        return _json(stats_json(board, today))
    return stats_text(board, today)


def _interview(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    on = _day(args.date, today)
    decision = None if args.decision_by is None else _day(args.decision_by, today)
    names = tuple(name for given in args.interviewers for name in given.split(","))
    done = update(
        path,
        lambda b: ops.log_interview(
            b,
            ops.find_card(b, args.card).id,
            on=on,
            time=args.time or "",
            kind=args.kind,
            where=args.where,
            interviewers=names,
            decision_by=decision,
            note=args.note,
        ),
        today=today,
    )
    now = _now(args, today, today)
    interview = done.card.interviews[-1]
    held = is_held(interview, today, clock(now))
    when = f"{on.isoformat()} {interview.time}".rstrip()
    return f"{done.card.id} interview on {when} {'logged' if held else 'scheduled'}{_next_line(done, today, now)}"


def _followup(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    on = _not_ahead(_day(args.date, today), today, "--date")
    done = update(
        path,
        lambda b: ops.log_follow_up(b, ops.find_card(b, args.card).id, on=on, channel=args.channel, note=args.note),
        today=today,
    )
    return f"{done.card.id} follow-up on {on.isoformat()} logged{_next_line(done, today, _now(args, today, today))}"


def _thank(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    on = _not_ahead(_day(args.date, today), today, "--date")
    now = _now(args, on, today)
    done = update(
        path, lambda b: ops.log_thank_you(b, ops.find_card(b, args.card).id, on=on, to=args.to, now=now), today=today
    )
    event = done.event
    to = f" to {event.person}" if event is not None and event.person else ""
    next_line = _next_line(done, today, _now(args, today, today))
    return visible(f"{done.card.id} thank-you{to} on {on.isoformat()} logged{next_line}", one_line=True)


def _snooze(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    def snooze(board: Board) -> ops.Change:
        until = _day(args.until, today)
        if args.until.day is None:  # a wait (tomorrow, 3d): it ends on a business day, as the board's do
            settings = board.settings
            until = next_business_day(until, country=settings.country, skip_weekends=settings.skip_weekends)
        return ops.snooze_card(board, ops.find_card(board, args.card).id, until=until, on=today)

    done = update(path, snooze, today=today)
    return f"{done.card.id} snoozed until {done.card.snoozed_until}"


def _export(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board.export import EXPORTERS

    board = _board_or_empty(path)
    text = EXPORTERS[args.format](board, today)
    if args.output is None:
        _out(text)
        return ""
    target: Path = args.output
    if target.exists() and target.resolve() == path.resolve():
        raise UsageError(f"{target} is the board file itself; export to another file")
    if not target.parent.is_dir():
        raise UsageError(f"{target}: there is no folder {target.parent}")
    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as error:
        raise UsageError(f"{target}: could not be written: {error.strerror or error}") from None
    count = len(board.cards)
    return visible(f"Exported {count} card{'' if count == 1 else 's'} to {target} ({args.format})", one_line=True)


def _import(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board.importing import Imported, ImportRefused, import_file
    from fu_board.sheet_dates import SlashOrder

    source: Path = args.file
    data = _read_import(source)
    order = SlashOrder.DAY_FIRST if args.day_first else SlashOrder.MONTH_FIRST if args.month_first else None
    done: list[Imported] = []

    def bring(board: Board) -> Board | None:
        try:
            done.append(import_file(board, source.name, data, today, sheet=args.sheet, order=order))
        except ImportRefused as error:
            raise UsageError(f"{source}: {error}; nothing was imported") from None
        return None if args.dry_run or not (done[-1].added or done[-1].updated) else done[-1].board

    if args.dry_run:
        bring(_board_or_empty(path))
    else:
        update_board(path, bring, create=True, today=today)
    summary = done[-1].summary(dry_run=args.dry_run)
    if done[-1].settings_taken and not args.dry_run:
        summary += "\nthe settings came with it (the board was empty)"
    return visible(summary)


IMPORT_LIMIT = 256 * 1024 * 1024
"""The largest file `import` reads: far above any spreadsheet of applications."""


def _read_import(source: Path) -> bytes:
    """The bytes of the file to import: a regular file (a pipe or a device would be read
    for ever), no larger than `IMPORT_LIMIT`; a one-line error otherwise."""
    import stat

    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe would wait for a writer
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UsageError(f"{source}: is not a regular file (a spreadsheet saved as CSV or .xlsx)")
            if info.st_size > IMPORT_LIMIT:
                raise UsageError(f"{source}: is {info.st_size:,} bytes, more than any spreadsheet of applications")
            return handle.read(IMPORT_LIMIT + 1)
    except OSError as error:
        raise UsageError(f"{source}: cannot be read: {error.strerror or error}") from None


def _backups(args: argparse.Namespace, path: Path, _today: dt.date) -> str:
    backups = list_backups(path)
    if args.json:
        return _json(
            [
                {"name": b.name, "path": str(b.path), "taken": b.taken.isoformat(), "cards": b.card_count()}
                for b in backups
            ]
        )
    if not backups:
        folder = visible(str(backup_folder(path)), one_line=True)
        sys.stderr.write(f"fu-board: no backups yet in {folder}; one is kept before each save\n")
        return ""
    lines = [f"Backups of {path}, newest first ({command(path, 'restore NAME')} puts one back):"]
    now = dt.datetime.now(dt.UTC)
    for backup in backups:
        local = backup.taken.astimezone()
        count = backup.card_count()
        ahead = "  (dated ahead of this computer's clock)" if backup.ahead(now) else ""
        lines.append(f"  {backup.name}  {local:%Y-%m-%d %H:%M:%S}  {count} card{'' if count == 1 else 's'}{ahead}")
    return visible("\n".join(lines))


def _restore(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    try:
        backup = find_backup(path, args.backup)
    except FileNotFoundError:
        raise UsageError(f"no backup {args.backup!r}; {command(path, 'backups')} lists them") from None
    except AmbiguousBackup as error:
        raise UsageError(f"{error}; {command(path, 'backups')} lists them") from None
    kept = restore(path, backup, today=today)
    saved = f"; the file it replaced is kept as {kept.name}" if kept else ""
    return visible(f"Restored {backup} to {path}{saved}", one_line=True)


def _show(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    from fu_board.card_text import card_json, card_text

    board = _board_or_empty(path)
    card = ops.find_card(board, args.card)
    follow_up = next_follow_up(card, board.settings, today, now=args.now)
    if args.json:
        return _json(card_json(card, today, follow_up))
    return visible(card_text(card, today, follow_up, now=args.now))


EDIT_FLAGS = {
    "company": "--company",
    "role": "--role",
    "link": "--link",
    "note": "--note",
    "applied": "--applied",
    "decision_expected": "--decision-by",
    "resolved_on": "--answer-on",
    "interviews": "--interviews",
}
"""The card's fields `edit` changes, and the flag of each."""


def _edit(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    changes: dict[str, Any] = {
        name: getattr(args, name) for name in ("company", "role", "link", "note") if getattr(args, name) is not None
    }
    if args.applied is not None:
        changes["applied"] = _not_ahead(_day(args.applied, today), today, "--applied")
    if args.decision_by is not False:
        changes["decision_expected"] = None if args.decision_by is None else _day(args.decision_by, today)
    if args.answer_on is not None:
        changes["resolved_on"] = _not_ahead(_day(args.answer_on, today), today, "--answer-on")
    if args.interviews is not None:
        changes["interviews"] = args.interviews
    if not changes:
        raise UsageError(f"nothing to change: give one of {', '.join(EDIT_FLAGS.values())}")
    if "company" in changes and not changes["company"].strip():
        raise UsageError("--company cannot be empty: every card is an application to someone")

    def change(board: Board) -> ops.Change:
        card = ops.find_card(board, args.card)
        if "resolved_on" in changes and not card.is_resolved:
            raise UsageError(f"--answer-on is for a resolved card; {card.id} is in {card.stage.label}")
        if "interviews" in changes:  # the line shows no place or note: each interview keeps its own
            from fu_board.field_text import keep_details

            return ops.edit_card(
                board,
                card.id,
                on=today,
                **(changes | {"interviews": keep_details(changes["interviews"], card.interviews)}),
            )
        return ops.edit_card(board, card.id, on=today, **changes)

    done = update(path, change, today=today)
    if done.event is None:
        return f"{done.card.id}: nothing changed (it already says so)"
    return f"{done.card.id}: {done.event.note}"


def _delete(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    card = ops.find_card(load(path), args.card)
    if not args.yes:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise UsageError(f"not deleting {card.id} without --yes: {command(path, f'delete {card.id} --yes')}")
        sys.stderr.write(visible(f"Delete {card.id} ({card.title}) and its whole history? [y/N] ", one_line=True))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            raise NotDone(f"{card.id} was not deleted")
    backup = update_board(path, lambda board: ops.delete_card(board, card.id).board, today=today)
    where = (
        f"; its text is kept in the backup {backup.name} ({command(path, f'restore {backup.name}')} "
        "puts the board back as it was)"
        if backup is not None
        else ""
    )
    return visible(f"{card.id} deleted ({card.company}){where}", one_line=True)


def _note(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    if not args.text.strip():
        raise UsageError("TEXT is empty: nothing to add to the note")

    def change(board: Board) -> ops.Change:
        card = ops.find_card(board, args.card)
        note = f"{card.note}\n{args.text.strip()}" if card.note else args.text.strip()
        return ops.edit_card(board, card.id, on=today, note=note)

    done = update(path, change, today=today)
    return f"{done.card.id}: note added"


def _contact(args: argparse.Namespace, path: Path, today: dt.date) -> str:
    name = args.name.strip()
    if not name:
        raise UsageError("--name cannot be empty")
    given = {field: getattr(args, field).strip() for field in ("email", "phone", "title") if getattr(args, field)}
    said: list[str] = []

    def change(board: Board) -> ops.Change:
        card = ops.find_card(board, args.card)
        contacts = list(card.contacts)
        same = next((n for n, c in enumerate(contacts) if c.name.strip().casefold() == name.casefold()), None)
        if same is None:
            contacts.append(Contact(name=name, **given))
            said[:] = ["added", name]
        else:
            contacts[same] = contacts[same].replace(**given)
            said[:] = ["updated" if given else "already on it", contacts[same].name]
        return ops.edit_card(board, card.id, on=today, contacts=tuple(contacts))

    done = update(path, change, today=today)
    return visible(f"{done.card.id}: contact {said[1]} {said[0]}", one_line=True)


VERBS: dict[str, Callable[[argparse.Namespace, Path, dt.date], str]] = {
    "where": _where,
    "completion": _completion,
    "add": _add,
    "show": _show,
    "edit": _edit,
    "delete": _delete,
    "note": _note,
    "contact": _contact,
    "list": _list,
    "due": _due,
    "draft": _draft,
    "remind": _remind,
    "move": _move,
    "resolve": _resolve,
    "interview": _interview,
    "followup": _followup,
    "thank": _thank,
    "snooze": _snooze,
    "stats": _stats,
    "export": _export,
    "import": _import,
    "backups": _backups,
    "restore": _restore,
}
"""Each verb returns what it prints on stdout."""


DEMO_NOTICE = "A demo board, in a temporary file deleted when you quit: your own board is not touched."


def run_demo(today: dt.date) -> int:
    """The board on a demo board in a temporary folder, deleted afterwards: the person's
    own board, its backups and its cache are never touched."""
    import tempfile

    from fu_board import cache
    from fu_board.demo import demo_board
    from fu_board.store import save_board
    from fu_board.tui.app import run_app

    with tempfile.TemporaryDirectory(prefix="fu-board-demo-") as folder:
        path = Path(folder) / "board.toml"
        save_board(path, demo_board(today))
        cache.FOLDER = Path(folder) / "cache"
        try:
            return run_app(path, today=today, notice=DEMO_NOTICE)
        finally:
            cache.FOLDER = None


def _out(text: str) -> None:
    """Write `text` to standard output: exactly, to a file or a pipe; to a terminal, with every
    control character shown as a symbol (`text.visible`), so that nothing from a card (an
    escape sequence that sets the clipboard or the title, a bidi override) is run by it."""
    if sys.stdout.isatty():
        text = visible(text.replace("\r\n", "\n"))  # a calendar's or a CSV's line ends look the same
    sys.stdout.write(text)


def run_verb(args: argparse.Namespace, path: Path, today: dt.date) -> int:
    calendar = sys.modules.get("fu_board.ics")  # imported only by a save that keeps a calendar
    if calendar is not None:  # (or by an earlier run in this process: a test's)
        calendar.SYNCED.problem = None
    printed = VERBS[args.verb](args, path, today)
    if printed:
        _out(printed + "\n")
    calendar = sys.modules.get("fu_board.ics")
    if calendar is not None and calendar.SYNCED.problem:
        sys.stderr.write(f"fu-board: warning: {visible(calendar.SYNCED.problem, one_line=True)}; the board is saved\n")
    return 0


def main(argv: Sequence[str] | None = None, *, today: dt.date | None = None, now: dt.time | None = None) -> int:
    """Run fu-board with `argv`; `today` is the real date and `now` the time of day unless a
    test fixes them (a fixed `today` without a `now` is seen at its end: its interviews held)."""
    parser = build_parser()
    complete(parser)
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # `stats --jsn` points to `fu-board stats --help`, not to `fu-board --help`
        verb: argparse.ArgumentParser = getattr(args, "verb_parser", parser)
        verb.error(f"unrecognized arguments: {' '.join(unknown)}")
    path: Path = args.board if args.board is not None else default_board_path()
    if today is None:
        moment = dt.datetime.now()
        today, now = moment.date(), moment.time()
    args.now = now
    try:
        _check_text(args)
        if args.verb is None:
            from fu_board.tui.app import run_app

            return run_app(path, today=today)
        if args.verb == "demo":
            return run_demo(today)
        return run_verb(args, path, today)
    except BoardFileError as error:
        message = str(error)
        if error.backup is not None:
            words = backup_words(error.backup)
            message += f". The newest backup that loads is {words}; {command(path, f'restore {error.backup.name}')}"
            message += " puts it back (the broken file is kept as a backup too)"
    except NotDone as error:
        sys.stderr.write(f"fu-board: {visible(str(error), one_line=True)}\n")
        return 1
    except (UsageError, ops.BoardError) as error:
        message = str(error)
    except ValueError as error:
        if not is_validation_error(error):
            raise
        message = describe_problem(error)
    except FileNotFoundError:
        message = (
            f"{path}: no board yet; add a card with {command(path, 'add COMPANY')}, or open it with "
            f"{command(path, '').rstrip()}"
        )
    sys.stderr.write(f"fu-board: error: {visible(message, one_line=True)}\n")
    return EXIT_USAGE

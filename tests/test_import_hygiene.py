"""The core and the CLI verbs never import Textual: they must start fast and work without a terminal UI."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from fu_board.board import add_card, log_interview
from fu_board.model import Board
from fu_board.store import load_board, save_board

REPO = Path(__file__).resolve().parents[1]


def run_python(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "FU_BOARD_FILE": str(tmp_path / "unused.toml")}
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def board_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    change = add_card(Board(), company="Acme", applied=dt.date(2024, 3, 1), role="Dev")
    change = add_card(change.board, company="Globex", applied=dt.date(2024, 3, 2))
    board = log_interview(change.board, change.card.id, on=dt.date(2024, 3, 9)).board
    save_board(path, board)
    return path


def imported_modules(importtime_log: str) -> list[str]:
    """The module names in the log of `python -X importtime`."""
    return [line.rsplit("|", 1)[-1].strip() for line in importtime_log.splitlines() if line.startswith("import time:")]


MODULES_SCRIPT = """
import json, sys
import fu_board.model, fu_board.board, fu_board.counts, fu_board.store, fu_board.text, fu_board.cli
import fu_board.rules, fu_board.drafts, fu_board.demo, fu_board.progress, fu_board.stats
import fu_board.board_file, fu_board.merge, fu_board.backups, fu_board.migrations, fu_board.cache
import fu_board.changes, fu_board.columns, fu_board.plain, fu_board.packed, fu_board.search, fu_board.export
import fu_board.importing
import fu_board.history, fu_board.mail, fu_board.ics, fu_board.clipboard, fu_board.remind, fu_board.due_status
import fu_board.where, fu_board.business_days, fu_board.session, fu_board.views, fu_board.card_memo
print(json.dumps(sorted(sys.modules)))
"""


def test_core_and_cli_import_no_textual(tmp_path: Path) -> None:
    result = run_python("-c", MODULES_SCRIPT, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout)
    assert "fu_board.cli" in modules
    assert "fu_board.store" in modules
    assert [name for name in modules if name.startswith("textual")] == []
    assert "fu_board.tui" not in modules


CLI_SCRIPT = """
import json, sys
from fu_board import cli
code = cli.main(["list", "--board", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_list_verb_runs_without_textual(tmp_path: Path) -> None:
    path = board_file(tmp_path)
    result = run_python("-c", CLI_SCRIPT, str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0
    assert "Acme" in result.stdout
    assert "Globex" in result.stdout
    assert [name for name in report["modules"] if name.startswith("textual")] == []


def test_python_m_list_never_imports_textual(tmp_path: Path) -> None:
    path = board_file(tmp_path)
    before = path.read_bytes()
    result = run_python("-X", "importtime", "-m", "fu_board", "list", "--board", str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "Acme" in result.stdout
    assert "interviewed" in result.stdout
    imported = imported_modules(result.stderr)
    assert "fu_board.cli" in imported  # the import log was really captured
    assert [name for name in imported if name.startswith("textual")] == []
    assert path.read_bytes() == before


def test_python_m_list_json_never_imports_textual(tmp_path: Path) -> None:
    path = board_file(tmp_path)
    result = run_python("-X", "importtime", "-m", "fu_board", "list", "--json", "--board", str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(card["company"] for card in json.loads(result.stdout)) == ["Acme", "Globex"]
    imported = imported_modules(result.stderr)
    assert imported
    assert [name for name in imported if name.startswith("textual")] == []


def test_python_m_due_json_never_imports_textual(tmp_path: Path) -> None:
    path = board_file(tmp_path)
    result = run_python(
        "-X",
        "importtime",
        "-m",
        "fu_board",
        "due",
        "--json",
        "--date",
        "2024-03-20",
        "--board",
        str(path),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    due = json.loads(result.stdout)
    assert [(card["company"], card["reason"]) for card in due] == [
        ("Acme", "applied_no_answer"),
        ("Globex", "thank_you"),  # owed since 9 March, the interview's day
        ("Globex", "after_interview"),  # and a week has passed since it
    ]
    imported = imported_modules(result.stderr)
    assert "fu_board.rules" in imported
    assert [name for name in imported if name.startswith("textual")] == []


READ_SCRIPT = """
import sys
from pathlib import Path
from fu_board.store import load_board
load_board(Path(sys.argv[1]))
"""

CACHED_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from fu_board import cli
def pydantic():
    return sorted(name for name in sys.modules if name.startswith("pydantic"))
report = {}
for verb in (["list", "--json"], ["due"]):
    report[verb[0]] = [cli.main([*verb, "--board", sys.argv[1]]), pydantic()]
from fu_board.tui.app import FuBoardApp
app = FuBoardApp(Path(sys.argv[1]))
display = app._display
def watched(*args, **kwargs):
    report.setdefault("first frame", [len(app.session.board.cards), pydantic()])
    return display(*args, **kwargs)
app._display = watched
async def draw():
    async with app.run_test() as pilot:
        await pilot.pause()
asyncio.run(draw())
print(json.dumps(report), file=sys.stderr)
"""


def test_a_cached_board_is_listed_and_drawn_without_pydantic(tmp_path: Path) -> None:
    """Reading the board back from the cache, which this program wrote and checked, needs no
    validation: the reading verbs and the board's first frame never import pydantic (about
    100 ms of each start); the app builds pydantic's validators after its first frame."""
    path = board_file(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def run(script: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", script, str(path)]
        return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)

    assert run(READ_SCRIPT).returncode == 0  # reads the TOML, which pydantic checks, and keeps the cache
    result = run(CACHED_SCRIPT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report == {"list": [0, []], "due": [0, []], "first frame": [2, []]}


def test_the_quick_count_imports_none_of_the_board(tmp_path: Path) -> None:
    """`due --count` for a prompt: the status and the board file's stat, no model, no TOML."""
    from fu_board.board_file import after_save

    path = board_file(tmp_path)
    after_save(path, load_board(path))
    result = run_python("-X", "importtime", "-m", "fu_board", "due", "--count", "--board", str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()
    imported = imported_modules(result.stderr)
    assert "fu_board.due_status" in imported
    heavy = {"fu_board.model", "fu_board.cli", "fu_board.store", "tomllib", "pydantic", "platformdirs", "textual"}
    assert [name for name in imported if name.partition(".")[0] in heavy or name in heavy] == []

"""The README is part of the product: its commands and its key table must stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_commands = [block for block in _shell_blocks(README) if "pytest" in block]
    assert len(test_commands) == 1, "the README has one test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_commands[0] in ci


def test_readme_install_command_opens_the_board() -> None:
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/fu-board" in _shell_blocks(README)


def readme_key_table() -> dict[str, str]:
    """The rows of the table under '## Keys': keys (as `?` shows them) -> what they do."""
    section = README.split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) == 2 and cells[0].startswith("`"):
            rows[" ".join(re.findall(r"`([^`]+)`", cells[0]))] = cells[1]
    return rows

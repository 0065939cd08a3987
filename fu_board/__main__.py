"""The `fu-board` command, and `python -m fu_board`."""

import gc
import sys


def main() -> int:
    """Run the command line, without the cycle collector.

    A verb runs for a fraction of a second and its objects are freed when it exits,
    yet the collector would walk everything the imports and the board create, again
    and again, looking for cycles: about 50 ms of a 300 ms `fu-board due` on 1,000
    cards. The board (the TUI) turns it back on once its board is loaded.
    """
    gc.disable()
    if "--count" in sys.argv[1:]:
        from fu_board.due_status import fast_count  # a shell prompt's question: no more than it needs

        counted = fast_count(sys.argv[1:])
        if counted is not None:
            sys.stdout.write(f"{counted}\n")
            return 0
    from fu_board.cli import main as run  # imported once the collector is off

    return run()


if __name__ == "__main__":
    sys.exit(main())

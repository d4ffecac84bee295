"""One exit-code rule for every `newsmon` command, so a script can tell "fix your input"
from "fix your setup" from "a server is down" without reading messages.

    0    done: everything asked for was done
    1    done in part: some inputs were skipped (each named on stderr), the rest was used
    2    not started: a usage or setup problem (bad option or setting, refused login,
         no valid input, a port already taken)
    3    unavailable: Kafka or Redis could not be reached, or failed while the command ran
    130  interrupted (Ctrl-C), after saying what was done

`worker`, `subscribe` and `stack up` (without --detach) run until they are stopped: Ctrl-C
is how they end, with 0 (`stack up`: 3 when one of its servers died first).  `demo`,
`replay` and the other commands, stopped before they are done, exit 130.

The README's "Exit codes" table is this docstring; tests/unit/test_exits.py checks both
(the Ctrl-C rule: tests/e2e/test_by_hand.py, tests/integration/test_stack_cli.py).
"""

from __future__ import annotations

from typing import Final

OK: Final = 0
PARTIAL: Final = 1
USAGE: Final = 2
UNAVAILABLE: Final = 3
INTERRUPTED: Final = 130

#: code → a word or two, for `newsmon --help`.
LABELS: Final[dict[int, str]] = {
    OK: "done",
    PARTIAL: "done in part",
    USAGE: "not started (usage or setup)",
    UNAVAILABLE: "Kafka or Redis unavailable",
    INTERRUPTED: "interrupted",
}

#: code → the README's wording, in order.
MEANINGS: Final[dict[int, str]] = {
    OK: "done: everything asked for was done",
    PARTIAL: "done in part: some inputs were skipped (each named on stderr), the rest was used",
    USAGE: "not started: a usage or setup problem (bad option or setting, refused login, no valid "
    "input, a port already taken)",
    UNAVAILABLE: "unavailable: Kafka or Redis could not be reached, or failed while the command ran",
    INTERRUPTED: "interrupted (Ctrl-C), after saying what was done",
}


def for_inputs(used: int, skipped: int) -> int:
    """The code for a command that reads inputs: nothing usable is a usage problem, some
    skipped is a partial success."""
    if used == 0:
        return USAGE
    return PARTIAL if skipped else OK

"""Rich consoles that wrap only on a terminal.

On a terminal, rich wraps long lines at word boundaries, which reads well.  Anywhere
else (a pipe, a log file, a CI job) its default is 80 columns, which cuts one-line
errors in two and breaks `grep`; there every message stays on its line.
"""

from __future__ import annotations

from rich.console import Console


def console(*, stderr: bool = False) -> Console:
    """A Console for messages: no highlighting, wrapped only on a terminal."""
    terminal = Console(stderr=stderr).is_terminal
    return Console(stderr=stderr, highlight=False, soft_wrap=not terminal)

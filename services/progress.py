"""A progress bar for long batch work, on stderr and only on a terminal (never in pipes)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
MIN_ITEMS = 20  # below this a bar only flickers


def with_progress(items: Sequence[T], console: Console, label: str) -> Iterator[T]:
    if not console.is_terminal or len(items) < MIN_ITEMS:
        yield from items
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        yield from progress.track(items)

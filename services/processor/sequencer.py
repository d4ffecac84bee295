"""Restore publish order after a parallel stage.

Articles are spread over partitions and prepared in parallel, so they reach the global
step in whatever order the preparing finished.  The replayer numbers each article
(`newsmon-seq: <run>:<n>`); the sequencer holds early arrivals until their
predecessors are through, so the global step sees publish order — the order batch
`newsmon analyze` uses — and both make the same decisions.

Articles without a number (other producers) pass straight through.  A gap that does
not close (a lost message; a restart that began mid-run) is given up after `max_held`
later arrivals or `max_wait` seconds, releasing what is held in number order.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class _Run(Generic[T]):
    expected: int = 0
    held: list[tuple[int, int, T]] = field(default_factory=list)  # (seq, arrival, item) heap
    oldest: float | None = None  # when the oldest held item arrived


def parse_seq(header: bytes | str | None) -> tuple[str, int] | None:
    """`b"run:12"` → ("run", 12); anything else → None (treated as unnumbered)."""
    if header is None:
        return None
    text = header.decode("utf-8", "replace") if isinstance(header, bytes) else header
    run, sep, number = text.rpartition(":")
    if not sep or not run or not number.isdigit() or len(number) > 18:
        return None
    return run, int(number)


class Sequencer(Generic[T]):
    def __init__(self, max_held: int = 1000, max_wait: float = 60.0) -> None:
        self._runs: dict[str, _Run[T]] = {}
        self._max_held = max_held
        self._max_wait = max_wait
        self._arrivals = 0

    def push(self, seq: tuple[str, int] | None, item: T, now: float) -> list[T]:
        """Take one arrival; return the items now releasable, in order."""
        if seq is None:
            return [item]
        run_id, number = seq
        run = self._runs.setdefault(run_id, _Run())
        if number < run.expected:  # a re-delivery or a straggler: nothing to wait for
            return [item]
        self._arrivals += 1
        heapq.heappush(run.held, (number, self._arrivals, item))
        run.oldest = now if run.oldest is None else run.oldest
        released = self._release(run)
        if len(run.held) > self._max_held:
            released += self._give_up(run)
        return released

    def tick(self, now: float) -> list[T]:
        """Release runs whose gap has been open longer than `max_wait`."""
        released: list[T] = []
        for run in self._runs.values():
            if run.held and run.oldest is not None and now - run.oldest > self._max_wait:
                released += self._give_up(run)
        return released

    @property
    def held(self) -> int:
        return sum(len(run.held) for run in self._runs.values())

    def _release(self, run: _Run[T]) -> list[T]:
        out: list[T] = []
        while run.held and run.held[0][0] <= run.expected:
            number, _, item = heapq.heappop(run.held)
            run.expected = max(run.expected, number + 1)
            out.append(item)
        run.oldest = None if not run.held else run.oldest
        return out

    def _give_up(self, run: _Run[T]) -> list[T]:
        run.expected = run.held[0][0]
        out = self._release(run)
        return out + (self._give_up(run) if len(run.held) > self._max_held else [])

"""Restore publish order after a parallel stage — as part of the fold, so a rebuild
restores it identically.

Articles are spread over partitions and prepared in parallel, so they reach the
prepared log in whatever order the preparing finished.  The replayer numbers each
article (`newsmon-seq: <run>:<n>`); the sequencer holds early arrivals until their
predecessors are through, so the global step sees publish order — the order batch
`newsmon analyze` uses — and both make the same decisions.

The sequencer is a pure function of the records it is given, in log order: no clock.
Articles without a number (other producers) pass straight through.  A gap that does
not close (a lost message; a producer restarted mid-run) is given up when more than
`max_held` articles wait behind it, or when a `give_up` record says so: the owner
writes one to the log once the input has caught up past the gap (global_log.GapWatch),
and every later reader of the log gives the gap up at the same place.
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
    def __init__(self, max_held: int = 1000) -> None:
        self._runs: dict[str, _Run[T]] = {}
        self._max_held = max_held
        self._arrivals = 0

    def push(self, seq: tuple[str, int] | None, item: T) -> list[T]:
        """Take one arrival; return the items now releasable, in order."""
        if seq is None:
            return [item]
        run_id, number = seq
        run = self._runs.setdefault(run_id, _Run())
        if number < run.expected:  # a re-delivery or a straggler: nothing to wait for
            return [item]
        self._arrivals += 1
        heapq.heappush(run.held, (number, self._arrivals, item))
        released = self._release(run)
        if len(run.held) > self._max_held:
            released += self._give_up(run)
        return released

    def give_up(self, run_id: str, expected: int) -> list[T]:
        """Stop waiting for number `expected` of `run_id`, if that gap is still open:
        release what is held there, in number order (up to the next gap)."""
        run = self._runs.get(run_id)
        if run is None or run.expected != expected or not run.held:
            return []
        run.expected = run.held[0][0]
        return self._release(run)

    def gaps(self) -> list[tuple[str, int]]:
        """(run, the number waited for) of every run holding articles back."""
        return [(run_id, run.expected) for run_id, run in self._runs.items() if run.held]

    def first_number(self, run_id: str) -> int | None:
        """The lowest number `run_id` holds back (the first behind its gap)."""
        run = self._runs.get(run_id)
        return run.held[0][0] if run is not None and run.held else None

    @property
    def held(self) -> int:
        return sum(len(run.held) for run in self._runs.values())

    def _release(self, run: _Run[T]) -> list[T]:
        out: list[T] = []
        while run.held and run.held[0][0] <= run.expected:
            number, _, item = heapq.heappop(run.held)
            run.expected = max(run.expected, number + 1)
            out.append(item)
        return out

    def _give_up(self, run: _Run[T]) -> list[T]:
        run.expected = run.held[0][0]
        out = self._release(run)
        return out + (self._give_up(run) if len(run.held) > self._max_held else [])
